#include "gazetteer/gazetteer.hpp"

#include <array>
#include <cstring>
#include <mutex>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "core/fold.hpp"
#include "core/place_words.hpp"
#include "gazetteer/index_format.hpp"

namespace sitmap {
namespace fmtx = index_format;

std::string_view kind_name(PlaceKind k) {
  switch (k) {
    case PlaceKind::city:
      return "city";
    case PlaceKind::admin1:
      return "admin1";
    case PlaceKind::admin2:
      return "admin2";
    case PlaceKind::country:
      return "country";
    case PlaceKind::region:
      return "region";
    case PlaceKind::continent:
      return "continent";
    case PlaceKind::sea:
      return "sea";
  }
  return "unknown";
}

std::string_view how_name(MatchHow h) {
  switch (h) {
    case MatchHow::name:
      return "name";
    case MatchHow::alias:
      return "alias";
    case MatchHow::abbreviation:
      return "abbreviation";
    case MatchHow::demonym:
      return "demonym";
    case MatchHow::base_name:
      return "base_name";
  }
  return "unknown";
}

double prior_score(const Place& p, MatchHow how) {
  double base = 0;
  switch (p.kind) {
    case PlaceKind::country:
      base = 8;
      break;
    case PlaceKind::continent:
      base = 7;
      break;
    case PlaceKind::region:
      base = 7;
      break;  // curated on purpose: a named region beats a namesake division's short name
    case PlaceKind::sea:
      base = 5;
      break;
    case PlaceKind::admin1:
      base = 4;
      break;
    case PlaceKind::admin2:
      base = 1.5;
      break;
    case PlaceKind::city:
      base = 0;
      break;
  }
  if (p.feature == "PPLC")
    base += 2;
  else if (p.feature == "PPLA")
    base += 1;
  else if (p.feature == "PPLA2")
    base += 0.5;
  double penalty = 0;
  switch (how) {
    case MatchHow::name:
    case MatchHow::demonym:
      break;
    case MatchHow::alias:
      penalty = 0.2;
      break;
    case MatchHow::abbreviation:
      penalty = 0.6;
      break;
    case MatchHow::base_name:
      penalty = 1.5;
      break;
  }
  return base + 0.5 * std::log10(1.0 + static_cast<double>(p.population)) - penalty;
}

// The mapped file. Open() checks the header's sections (in the file,
// aligned, table sizes powers of two, the string pool NUL-terminated);
// every offset read from a record is checked before use, so a corrupt
// index is a GazetteerError, never a read outside the mapping.
struct Gazetteer::Mapping {
  std::string path;
  int fd = -1;
  const char* data = nullptr;
  size_t size = 0;
  const fmtx::Header* header = nullptr;
  const fmtx::EntryRecord* entries = nullptr;
  const fmtx::KeyRecord* keys = nullptr;
  const fmtx::Posting* postings = nullptr;
  const uint32_t* key_slots = nullptr;
  const fmtx::KeyRecord* skeletons = nullptr;
  const uint32_t* skel_postings = nullptr;
  const uint32_t* skel_slots = nullptr;
  const char* strings = nullptr;
  // Capitals by country, found on first use (one pass over the entries).
  std::once_flag capitals_once;
  std::array<uint32_t, 26 * 26> capital_by_code{};
  // Division seats by "CC|admin1", found on first use.
  std::once_flag seats_once;
  std::unordered_map<std::string, uint32_t> seat_by_division;

  ~Mapping() {
    if (data) munmap(const_cast<char*>(data), size);
    if (fd >= 0) close(fd);
  }

  [[noreturn]] void corrupt(const std::string& what) const {
    throw GazetteerError("gazetteer index " + path + " is corrupt (" + what + "); rebuild it with: sitmap gazetteer build -o " + path +
                         ", or bash tools/dev.sh setup");
  }
  // `count` records from `first` lie inside a section of `section_count`.
  void check_range(uint64_t first, uint64_t count, uint64_t section_count, const char* what) const {
    if (first > section_count || count > section_count - first) corrupt(std::string(what) + " out of range");
  }
  const char* str(uint32_t off) const {
    if (off >= header->strings.count) corrupt("a string offset out of range");
    return strings + off;  // the pool ends with a NUL (checked at open)
  }
  const fmtx::EntryRecord& entry(uint64_t index) const {
    if (index >= header->entries.count) corrupt("an entry index out of range");
    return entries[index];
  }
  const fmtx::Posting& posting(uint64_t index) const {
    if (index >= header->postings.count) corrupt("a posting out of range");
    const fmtx::Posting& p = postings[index];
    if (p.entry >= header->entries.count) corrupt("a posting to no entry");
    if (p.how > static_cast<uint8_t>(MatchHow::base_name)) corrupt("a posting of no known kind");
    return p;
  }

  // Index of the record whose text equals `key` in an open-addressing table.
  const fmtx::KeyRecord* find(const fmtx::KeyRecord* records, uint64_t record_count, const uint32_t* slots, uint64_t slot_count,
                              std::string_view key) const {
    if (slot_count == 0) return nullptr;
    const uint64_t h = fmtx::hash_key(key);
    const uint64_t mask = slot_count - 1;
    uint64_t s = h & mask;
    for (uint64_t probes = 0; probes < slot_count; ++probes, s = (s + 1) & mask) {
      const uint32_t v = slots[s];
      if (v == 0) return nullptr;
      if (v > record_count) corrupt("a hash slot out of range");
      const fmtx::KeyRecord& r = records[v - 1];
      if (r.hash == static_cast<uint32_t>(h) && key == str(r.text)) return &r;
    }
    return nullptr;  // a full table: no empty slot ends the probe
  }
};

Gazetteer::Gazetteer(std::unique_ptr<Mapping> m) : m_(std::move(m)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Gazetteer Gazetteer::open(const std::string& path) {
  const std::string rebuild = " (rebuild it with: sitmap gazetteer build -o " + path + ", or bash tools/dev.sh setup)";
  auto m = std::make_unique<Mapping>();
  m->path = path;
  m->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (m->fd < 0) throw GazetteerError("gazetteer index " + path + ": " + std::strerror(errno) + rebuild);
  struct stat st {};
  if (fstat(m->fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(fmtx::Header))
    throw GazetteerError("gazetteer index " + path + " is truncated" + rebuild);
  m->size = static_cast<size_t>(st.st_size);
  void* p = mmap(nullptr, m->size, PROT_READ, MAP_SHARED, m->fd, 0);
  if (p == MAP_FAILED) throw GazetteerError("gazetteer index " + path + ": mmap failed" + rebuild);
  m->data = static_cast<const char*>(p);
  m->header = reinterpret_cast<const fmtx::Header*>(m->data);
  const fmtx::Header& h = *m->header;
  if (std::memcmp(h.magic, fmtx::kMagic, sizeof h.magic) != 0)
    throw GazetteerError("gazetteer index " + path + " is not a Sitmap index" + rebuild);
  if (h.version != fmtx::kVersion)
    throw GazetteerError("gazetteer index " + path + " has format version " + std::to_string(h.version) + ", this sitmap reads version " +
                         std::to_string(fmtx::kVersion) + rebuild);
  if (h.file_size != m->size) throw GazetteerError("gazetteer index " + path + " is truncated" + rebuild);
  // Each section inside the file (no overflow in the sum) and aligned for its records.
  auto at = [&](const fmtx::Section& s, size_t elem, size_t align, const char* name) {
    if (s.offset > m->size || s.count > (m->size - s.offset) / elem) m->corrupt(std::string(name) + " section outside the file");
    if (s.offset % align != 0) m->corrupt(std::string(name) + " section misaligned");
    return m->data + s.offset;
  };
  m->entries = reinterpret_cast<const fmtx::EntryRecord*>(at(h.entries, sizeof(fmtx::EntryRecord), alignof(fmtx::EntryRecord), "entries"));
  m->keys = reinterpret_cast<const fmtx::KeyRecord*>(at(h.keys, sizeof(fmtx::KeyRecord), alignof(fmtx::KeyRecord), "keys"));
  m->postings = reinterpret_cast<const fmtx::Posting*>(at(h.postings, sizeof(fmtx::Posting), alignof(fmtx::Posting), "postings"));
  m->key_slots = reinterpret_cast<const uint32_t*>(at(h.key_slots, 4, 4, "key slots"));
  m->skeletons = reinterpret_cast<const fmtx::KeyRecord*>(at(h.skeletons, sizeof(fmtx::KeyRecord), alignof(fmtx::KeyRecord), "skeletons"));
  m->skel_postings = reinterpret_cast<const uint32_t*>(at(h.skel_postings, 4, 4, "skeleton postings"));
  m->skel_slots = reinterpret_cast<const uint32_t*>(at(h.skel_slots, 4, 4, "skeleton slots"));
  m->strings = at(h.strings, 1, 1, "strings");
  auto power_of_two = [](uint64_t n) { return (n & (n - 1)) == 0; };
  if (!power_of_two(h.key_slots.count) || !power_of_two(h.skel_slots.count)) m->corrupt("a hash table's size is no power of two");
  if (h.strings.count == 0 || m->strings[h.strings.count - 1] != '\0') m->corrupt("the string pool does not end with a NUL");
  if (h.entries.count >= fmtx::kNoEntry) m->corrupt("too many entries");
  for (const uint32_t e : h.country_by_code)
    if (e != fmtx::kNoEntry && e >= h.entries.count) m->corrupt("a country code to no entry");
  return Gazetteer(std::move(m));
}

Gazetteer Gazetteer::open_default(const std::string& index) { return open(index.empty() ? default_path() : index); }

std::string Gazetteer::default_path() {
  if (const char* env = std::getenv("SITMAP_GAZETTEER"); env && *env) return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (std::filesystem::exists(dir / "gazetteer.idx")) return (dir / "gazetteer.idx").string();
      if (std::filesystem::exists(dir / "CMakeCache.txt")) break;
    }
  }
  return "gazetteer.idx";
}

size_t Gazetteer::size() const { return m_->header->entries.count; }
size_t Gazetteer::file_bytes() const { return m_->size; }

Place Gazetteer::place(uint32_t index) const {
  const fmtx::EntryRecord& r = m_->entry(index);
  if (r.kind > static_cast<uint8_t>(PlaceKind::sea)) m_->corrupt("an entry of no known kind");
  Place p;
  p.index = index;
  p.geonameid = r.geonameid;
  p.name = m_->str(r.name);
  p.kind = static_cast<PlaceKind>(r.kind);
  p.feature = std::string_view(r.feature, strnlen(r.feature, sizeof r.feature));
  p.country_code = std::string_view(r.country, r.country[0] ? 2 : 0);
  p.admin1 = m_->str(r.admin1);
  p.point = {r.lat, r.lon};
  p.population = r.population;
  p.demonyms = m_->str(r.demonyms);
  return p;
}

std::optional<Place> Gazetteer::country(std::string_view iso2) const {
  if (iso2.size() != 2) return std::nullopt;
  const int a = std::toupper(static_cast<unsigned char>(iso2[0])) - 'A';
  const int b = std::toupper(static_cast<unsigned char>(iso2[1])) - 'A';
  if (a < 0 || a >= 26 || b < 0 || b >= 26) return std::nullopt;
  const uint32_t i = m_->header->country_by_code[a * 26 + b];
  if (i == fmtx::kNoEntry) return std::nullopt;
  return place(i);
}

std::optional<Place> Gazetteer::capital(std::string_view iso2) const {
  if (iso2.size() != 2) return std::nullopt;
  std::call_once(m_->capitals_once, [this] {
    m_->capital_by_code.fill(fmtx::kNoEntry);
    std::array<uint64_t, 26 * 26> population{};
    for (uint32_t i = 0; i < size(); ++i) {
      const fmtx::EntryRecord& r = m_->entries[i];
      if (std::string_view(r.feature, strnlen(r.feature, sizeof r.feature)) != "PPLC") continue;
      const int a = r.country[0] - 'A', b = r.country[1] - 'A';
      if (a < 0 || a >= 26 || b < 0 || b >= 26) continue;
      const size_t k = static_cast<size_t>(a * 26 + b);
      if (m_->capital_by_code[k] == fmtx::kNoEntry || r.population > population[k]) {
        m_->capital_by_code[k] = i;
        population[k] = r.population;
      }
    }
  });
  const int a = std::toupper(static_cast<unsigned char>(iso2[0])) - 'A';
  const int b = std::toupper(static_cast<unsigned char>(iso2[1])) - 'A';
  if (a < 0 || a >= 26 || b < 0 || b >= 26) return std::nullopt;
  const uint32_t i = m_->capital_by_code[static_cast<size_t>(a * 26 + b)];
  if (i == fmtx::kNoEntry) return std::nullopt;
  return place(i);
}

std::optional<Place> Gazetteer::seat_of_division_of(const Place& place) const {
  if (place.admin1.empty() || place.kind == PlaceKind::country) return std::nullopt;
  Place division = place;
  division.kind = PlaceKind::admin1;
  division.name = place.admin1;
  return seat(division);
}

std::optional<Place> Gazetteer::seat(const Place& division) const {
  if (division.kind != PlaceKind::admin1) return std::nullopt;
  std::call_once(m_->seats_once, [this] {
    std::unordered_map<std::string, uint64_t> population;
    for (uint32_t i = 0; i < size(); ++i) {
      const fmtx::EntryRecord& r = m_->entries[i];
      if (std::string_view(r.feature, strnlen(r.feature, sizeof r.feature)) != "PPLA") continue;
      std::string key = std::string(r.country, 2) + "|" + std::string(m_->str(r.admin1));
      auto [it, fresh] = m_->seat_by_division.try_emplace(key, i);
      if (!fresh && r.population <= population[key]) continue;
      it->second = i;
      population[key] = r.population;
    }
  });
  for (const std::string_view name : {std::string_view(division.admin1), std::string_view(division.name)}) {
    const auto it = m_->seat_by_division.find(std::string(division.country_code) + "|" + std::string(name));
    if (it != m_->seat_by_division.end()) return place(it->second);
  }
  return std::nullopt;
}

namespace {
// A division named after its seat ("Raqqa", "Deir ez-Zor"): the bare name
// means the town, so the seat ranks just above its division.
void prefer_seats(const Gazetteer& g, std::vector<Candidate>& out, std::string_view folded) {
  const std::string query = translit_form(folded);
  for (auto& city : out) {
    const Place pc = g.place(city.entry);
    // Only a seat that bears the name itself: Juneau, one of whose alternate
    // names is "Alaska", does not outrank the state.
    if (pc.kind != PlaceKind::city || (pc.feature != "PPLA" && pc.feature != "PPLC")) continue;
    if (city.how != MatchHow::name && translit_form(fold_name(pc.name)) != query) continue;
    for (const auto& adm : out) {
      const Place pa = g.place(adm.entry);
      // Its own division, or one of that name centred on it (Kyiv Oblast, a duplicate "Benghazi").
      if (pa.kind == PlaceKind::admin1 && pa.country_code == pc.country_code && adm.distance == city.distance &&
          (pa.name == pc.admin1 || haversine_km(pa.point, pc.point) < 100))
        city.prior = std::max(city.prior, adm.prior + 0.1);
    }
  }
}

void rank(const Gazetteer& g, std::vector<Candidate>& c, std::string_view folded) {
  prefer_seats(g, c, folded);
  std::stable_sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    return a.prior > b.prior;
  });
}
}  // namespace

std::vector<Candidate> Gazetteer::lookup_folded(std::string_view folded) const {
  std::vector<Candidate> out;
  const fmtx::KeyRecord* k = m_->find(m_->keys, m_->header->keys.count, m_->key_slots, m_->header->key_slots.count, folded);
  if (!k) return out;
  m_->check_range(k->first, k->count, m_->header->postings.count, "a key's postings");
  out.reserve(k->count);
  for (uint32_t i = 0; i < k->count; ++i) {
    const fmtx::Posting& p = m_->posting(uint64_t{k->first} + i);
    Candidate c;
    c.entry = p.entry;
    c.how = static_cast<MatchHow>(p.how);
    c.prior = prior_score(place(p.entry), c.how);
    out.push_back(c);
  }
  rank(*this, out, folded);
  return out;
}

std::vector<Candidate> Gazetteer::lookup(std::string_view name) const {
  std::string folded = fold_name(name);
  auto out = lookup_folded(folded);
  if (out.empty() && folded.rfind("the ", 0) == 0) out = lookup_folded(std::string_view(folded).substr(4));
  return out;
}

std::vector<Candidate> Gazetteer::fuzzy(std::string_view name, size_t limit) const {
  std::string folded = fold_name(name);
  if (folded.rfind("the ", 0) == 0) folded.erase(0, 4);
  const std::string query = translit_form(folded);
  const std::string skel = consonant_skeleton(query);
  std::vector<Candidate> out;
  if (skel.size() < 2 || query.size() < 4) return out;
  const int bound = query.size() <= 6 ? 1 : query.size() <= 10 ? 2 : 3;
  const fmtx::KeyRecord* s = m_->find(m_->skeletons, m_->header->skeletons.count, m_->skel_slots, m_->header->skel_slots.count, skel);
  if (!s) return out;
  m_->check_range(s->first, s->count, m_->header->skel_postings.count, "a skeleton's postings");
  std::set<uint32_t> seen;
  for (uint32_t i = 0; i < s->count; ++i) {
    const uint32_t key_index = m_->skel_postings[uint64_t{s->first} + i];
    if (key_index >= m_->header->keys.count) m_->corrupt("a skeleton posting to no key");
    const fmtx::KeyRecord& key = m_->keys[key_index];
    const int d = edit_distance(query, translit_form(m_->str(key.text)), bound);
    if (d > bound) continue;
    m_->check_range(key.first, key.count, m_->header->postings.count, "a key's postings");
    for (uint32_t j = 0; j < key.count; ++j) {
      const fmtx::Posting& p = m_->posting(uint64_t{key.first} + j);
      if (!seen.insert(p.entry).second) continue;
      Candidate c;
      c.entry = p.entry;
      c.how = static_cast<MatchHow>(p.how);
      c.fuzzy = true;
      c.distance = d;
      c.prior = prior_score(place(p.entry), c.how);
      out.push_back(c);
    }
  }
  rank(*this, out, folded);
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<Candidate> Gazetteer::geocode(std::string_view query, const GeocodeOptions& options) const {
  auto finish = [&](std::vector<Candidate> c) {
    if (!options.country.empty()) {
      std::string cc = options.country;
      for (char& ch : cc) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      std::erase_if(c, [&](const Candidate& x) { return place(x.entry).country_code != cc; });
    }
    if (c.size() > options.limit) c.resize(options.limit);
    return c;
  };
  auto find = [&](std::string_view name) {
    auto c = lookup(name);
    if (c.empty() && options.fuzzy) c = fuzzy(name, 50);
    return c;
  };

  // "Paris, Texas", "Alexandria, Va.": the qualifier picks among the candidates.
  if (const size_t comma = query.rfind(','); comma != std::string_view::npos) {
    const auto name = query.substr(0, comma);
    const auto qualifier = query.substr(comma + 1);
    auto qualifiers = lookup(qualifier);
    std::erase_if(qualifiers, [&](const Candidate& q) {
      const PlaceKind k = place(q.entry).kind;
      return k != PlaceKind::admin1 && k != PlaceKind::country && k != PlaceKind::admin2;
    });
    auto candidates = find(name);
    if (!qualifiers.empty()) {
      std::vector<Candidate> kept;
      for (const auto& c : candidates) {
        const Place p = place(c.entry);
        for (const auto& q : qualifiers) {
          const Place qp = place(q.entry);
          if (within(p, qp)) {
            kept.push_back(c);
            break;
          }
        }
      }
      if (!kept.empty()) return finish(kept);
    }
    if (!candidates.empty()) return finish(candidates);
  }

  // "Deir Ezzor province", "Rapides Parish": the type word picks divisions.
  const std::string folded = fold_name(query);
  for (const DivisionWord& d : division_words()) {
    if (!(d.uses & DivisionWord::query_type)) continue;
    const std::string suffix = " " + std::string(d.word);
    if (folded.size() <= suffix.size() || folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    const PlaceKind want = d.level == 1 ? PlaceKind::admin1 : PlaceKind::admin2;
    auto keep_admin = [&](std::vector<Candidate> c) {
      // (Or a region of our table whose name says it is one: Kenya's former "Eastern Province".)
      std::erase_if(c, [&](const Candidate& x) {
        const Place p = place(x.entry);
        const std::string name = fold_name(p.name);
        const bool named_so = name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
        return p.kind != want && !(p.kind == PlaceKind::region && named_so);
      });
      return c;
    };
    if (auto whole = keep_admin(lookup_folded(folded)); !whole.empty()) return finish(whole);
    if (auto base = keep_admin(find(folded.substr(0, folded.size() - suffix.size()))); !base.empty()) return finish(base);
  }
  return finish(find(query));
}

}  // namespace sitmap
