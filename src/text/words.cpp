#include "text/words.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

namespace sitmap {

namespace {

constexpr std::array<std::string_view, 37> kPosNames = {
    "",    "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "WP", "WP$", "WDT", "WRB", "DT", "PDT", "CD",  "JJ", "JJR", "JJS", "RB", "RBR",
    "RBS", "VB", "VBD", "VBG", "VBN",  "VBP", "VBZ",  "MD", "TO",  "IN",  "CC",  "RP", "EX",  "POS", "UH", "FW",  "SYM", "."};

// On-disk layout: header, records, open-addressing slots, string pool.
constexpr char kMagic[8] = {'S', 'I', 'T', 'M', 'W', 'O', 'R', 'D'};
constexpr uint32_t kVersion = 1;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t count;       // records
  uint32_t slot_count;  // power of two
  uint32_t string_bytes;
  uint64_t file_size;
};

struct Record {
  uint32_t text;  // offset into the pool (NUL-terminated)
  uint32_t hash;  // low bits of the hash, checked before the string
  uint8_t tags[4];
  uint8_t count;
  uint8_t pad[3];
};

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string rebuild_hint() { return " (rebuild it: bash tools/dev.sh setup, or sitmap words build)"; }

// en-lexicon's few non-Penn spellings.
Pos lexicon_tag(std::string_view t) {
  if (t == "NP") return Pos::NNP;
  if (t == "NPS") return Pos::NNPS;
  if (t == "JJSS") return Pos::JJS;
  if (t == "PRP$R") return Pos::PRPS;
  return pos_from_name(t);
}

// A JSON-style string starting at s[i] == '"'; returns false when malformed.
bool read_quoted(std::string_view s, size_t& i, std::string& out) {
  out.clear();
  if (i >= s.size() || s[i] != '"') return false;
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      ++i;
      return true;
    }
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i >= s.size()) return false;
    switch (s[i]) {
      case '"':
      case '\\':
      case '/':
        out.push_back(s[i]);
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      default:
        return false;  // \u escapes: none in the pinned version
    }
  }
  return false;
}

}  // namespace

std::string_view pos_name(Pos p) { return kPosNames[static_cast<size_t>(p)]; }

Pos pos_from_name(std::string_view name) {
  for (size_t i = 1; i + 1 < kPosNames.size(); ++i)
    if (kPosNames[i] == name) return static_cast<Pos>(i);
  return Pos::none;
}

struct WordTable::Mapping {
  int fd = -1;
  const char* data = nullptr;
  size_t size = 0;
  const Header* header = nullptr;
  const Record* records = nullptr;
  const uint32_t* slots = nullptr;
  const char* strings = nullptr;
  ~Mapping() {
    if (data) munmap(const_cast<char*>(data), size);
    if (fd >= 0) close(fd);
  }
};

WordTable::WordTable() = default;
WordTable::WordTable(std::unique_ptr<Mapping> m) : m_(std::move(m)) {}
WordTable::WordTable(WordTable&&) noexcept = default;
WordTable& WordTable::operator=(WordTable&&) noexcept = default;
WordTable::~WordTable() = default;

WordTable WordTable::open(const std::string& path) {
  auto m = std::make_unique<Mapping>();
  const std::string name = "word table " + path;
  m->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (m->fd < 0) throw WordTableError(name + ": " + std::strerror(errno) + rebuild_hint());
  struct stat st {};
  if (fstat(m->fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(Header))
    throw WordTableError(name + " is truncated" + rebuild_hint());
  m->size = static_cast<size_t>(st.st_size);
  void* p = mmap(nullptr, m->size, PROT_READ, MAP_SHARED, m->fd, 0);
  if (p == MAP_FAILED) throw WordTableError(name + ": mmap failed" + rebuild_hint());
  m->data = static_cast<const char*>(p);
  const Header& h = *reinterpret_cast<const Header*>(m->data);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) throw WordTableError(name + " is not a Sitmap word table" + rebuild_hint());
  if (h.version != kVersion) throw WordTableError(name + " has format version " + std::to_string(h.version) + rebuild_hint());
  if (h.file_size != m->size) throw WordTableError(name + " is truncated" + rebuild_hint());
  const uint64_t need = sizeof(Header) + uint64_t{h.count} * sizeof(Record) + uint64_t{h.slot_count} * 4 + h.string_bytes;
  const bool slots_ok = h.slot_count > h.count && (h.slot_count & (h.slot_count - 1)) == 0;
  if (need != m->size || !slots_ok || h.string_bytes == 0) throw WordTableError(name + " is corrupt" + rebuild_hint());
  m->header = &h;
  m->records = reinterpret_cast<const Record*>(m->data + sizeof(Header));
  m->slots = reinterpret_cast<const uint32_t*>(m->records + h.count);
  m->strings = reinterpret_cast<const char*>(m->slots + h.slot_count);
  // Every offset checked once here, so lookups need no checks.
  if (m->strings[h.string_bytes - 1] != '\0') throw WordTableError(name + " is corrupt" + rebuild_hint());
  for (uint32_t i = 0; i < h.count; ++i) {
    const Record& r = m->records[i];
    bool ok = r.text < h.string_bytes && r.count <= 4;
    for (uint8_t t = 0; ok && t < r.count; ++t) ok = r.tags[t] > 0 && r.tags[t] < kPosNames.size();
    if (!ok) throw WordTableError(name + " is corrupt (record " + std::to_string(i) + ")" + rebuild_hint());
  }
  for (uint32_t s = 0; s < h.slot_count; ++s)
    if (m->slots[s] > h.count) throw WordTableError(name + " is corrupt (slot " + std::to_string(s) + ")" + rebuild_hint());
  return WordTable(std::move(m));
}

std::string WordTable::default_path() {
  if (const char* env = std::getenv("SITMAP_WORDS"); env && *env) return env;
  if (const char* gaz = std::getenv("SITMAP_GAZETTEER"); gaz && *gaz)
    return (std::filesystem::path(gaz).parent_path() / "words.idx").string();
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (std::filesystem::exists(dir / "words.idx")) return (dir / "words.idx").string();
      if (std::filesystem::exists(dir / "CMakeCache.txt")) break;
    }
  }
  return "words.idx";
}

const WordTable& WordTable::shared() {
  static const WordTable table = [] {
    const std::string path = default_path();
    try {
      return open(path);
    } catch (const WordTableError& e) {
      std::cerr << "sitmap: " << e.what() << "; tagging with the built-in word list only\n";
      return WordTable();
    }
  }();
  return table;
}

size_t WordTable::size() const { return m_ ? m_->header->count : 0; }

WordTags WordTable::lookup(std::string_view word) const {
  WordTags out;
  if (!m_ || word.empty()) return out;
  const uint64_t h = fnv1a(word);
  const uint32_t mask = m_->header->slot_count - 1;
  for (uint32_t s = static_cast<uint32_t>(h) & mask;; s = (s + 1) & mask) {
    const uint32_t slot = m_->slots[s];
    if (slot == 0) return out;
    const Record& r = m_->records[slot - 1];
    if (r.hash != static_cast<uint32_t>(h >> 32)) continue;
    const char* text = m_->strings + r.text;
    if (std::strncmp(text, word.data(), word.size()) != 0 || text[word.size()] != '\0') continue;
    out.count = r.count;
    for (uint8_t t = 0; t < r.count; ++t) out.tags[t] = static_cast<Pos>(r.tags[t]);
    return out;
  }
}

size_t build_word_table(const std::string& lexicon_js, const std::string& out) {
  std::ifstream in(lexicon_js);
  if (!in) throw WordTableError(lexicon_js + ": cannot read (run bash tools/dev.sh setup)");
  std::vector<Record> records;
  std::string pool(1, '\0');  // offset 0: the empty string
  std::string line, word, tags;
  size_t line_no = 0;
  bool inside = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!inside) {
      inside = line.find('{') != std::string::npos;
      continue;
    }
    if (line.find("};") == 0) break;
    size_t i = line.find('"');
    if (i == std::string::npos) continue;
    if (!read_quoted(line, i, word) || (i = line.find('"', i)) == std::string::npos || !read_quoted(line, i, tags))
      throw WordTableError(lexicon_js + ":" + std::to_string(line_no) + ": not a \"word\": \"TAGS\" line");
    if (word.empty() || word.find('\0') != std::string::npos) continue;
    Record r{};
    size_t from = 0;
    while (from <= tags.size() && r.count < 4) {
      const size_t bar = std::min(tags.find('|', from), tags.size());
      const Pos p = lexicon_tag(std::string_view(tags).substr(from, bar - from));
      if (p != Pos::none) r.tags[r.count++] = static_cast<uint8_t>(p);
      from = bar + 1;
    }
    if (r.count == 0) continue;  // emoji, punctuation classes
    r.text = static_cast<uint32_t>(pool.size());
    r.hash = static_cast<uint32_t>(fnv1a(word) >> 32);
    pool += word;
    pool.push_back('\0');
    records.push_back(r);
  }
  if (records.empty()) throw WordTableError(lexicon_js + ": no words found");
  uint32_t slot_count = 1;
  while (slot_count < records.size() * 2) slot_count <<= 1;
  std::vector<uint32_t> slots(slot_count, 0);
  for (uint32_t i = 0; i < records.size(); ++i) {
    const std::string_view text(pool.data() + records[i].text);
    uint32_t s = static_cast<uint32_t>(fnv1a(text)) & (slot_count - 1);
    while (slots[s] != 0) s = (s + 1) & (slot_count - 1);
    slots[s] = i + 1;
  }
  while (pool.size() % 4) pool.push_back('\0');
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.count = static_cast<uint32_t>(records.size());
  h.slot_count = slot_count;
  h.string_bytes = static_cast<uint32_t>(pool.size());
  h.file_size = sizeof(Header) + records.size() * sizeof(Record) + slots.size() * 4 + pool.size();
  const std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(&h), sizeof h);
    f.write(reinterpret_cast<const char*>(records.data()), static_cast<std::streamsize>(records.size() * sizeof(Record)));
    f.write(reinterpret_cast<const char*>(slots.data()), static_cast<std::streamsize>(slots.size() * 4));
    f.write(pool.data(), static_cast<std::streamsize>(pool.size()));
    if (!f) throw WordTableError(tmp + ": write failed");
  }
  std::filesystem::rename(tmp, out);
  return records.size();
}

}  // namespace sitmap
