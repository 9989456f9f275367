#include "gazetteer/builder.hpp"

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "core/fold.hpp"
#include "gazetteer/index_format.hpp"
#include "gazetteer/sources.hpp"

namespace sitmap {
namespace fmtx = index_format;

namespace {

size_t slot_count_for(size_t n) {
  size_t slots = 1024;
  while (slots < n * 2) slots <<= 1;  // load factor <= 0.5 keeps probes short
  return slots;
}

class StringPool {
 public:
  StringPool() { data_.push_back('\0'); }  // offset 0 is the empty string
  uint32_t add(std::string_view s) {
    if (s.empty()) return 0;
    auto [it, inserted] = index_.try_emplace(std::string(s), static_cast<uint32_t>(data_.size()));
    if (inserted) {
      data_.insert(data_.end(), s.begin(), s.end());
      data_.push_back('\0');
    }
    return it->second;
  }
  const std::vector<char>& data() const { return data_; }

 private:
  std::vector<char> data_;
  std::unordered_map<std::string, uint32_t> index_;
};

struct KeyTable {
  std::vector<std::string> texts;
  std::vector<std::vector<fmtx::Posting>> postings;
  std::unordered_map<std::string, uint32_t> ids;

  void add(std::string_view folded, uint32_t entry, MatchHow how) {
    if (folded.empty()) return;
    auto [it, inserted] = ids.try_emplace(std::string(folded), static_cast<uint32_t>(texts.size()));
    if (inserted) {
      texts.emplace_back(folded);
      postings.emplace_back();
    }
    auto& list = postings[it->second];
    for (auto& p : list) {
      if (p.entry == entry) {
        p.how = std::min<uint8_t>(p.how, static_cast<uint8_t>(how));
        return;
      }
    }
    fmtx::Posting p{};
    p.entry = entry;
    p.how = static_cast<uint8_t>(how);
    list.push_back(p);
  }
};

template <class Record>
std::vector<uint32_t> open_addressing(const std::vector<Record>& records, const StringPool& pool) {
  std::vector<uint32_t> slots(slot_count_for(records.size()), 0);
  const size_t mask = slots.size() - 1;
  for (size_t i = 0; i < records.size(); ++i) {
    const char* text = pool.data().data() + records[i].text;
    size_t s = fmtx::hash_key(text) & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = static_cast<uint32_t>(i + 1);
  }
  return slots;
}

class IndexWriter {
 public:
  explicit IndexWriter(const std::string& path) : path_(path), out_(path + ".tmp", std::ios::binary) {
    if (!out_) throw std::runtime_error("cannot write " + path + ".tmp");
    out_.write(reinterpret_cast<const char*>(&header_), sizeof header_);
  }
  template <class T>
  fmtx::Section write(const std::vector<T>& v) {
    align();
    fmtx::Section s{static_cast<uint64_t>(out_.tellp()), v.size()};
    out_.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
    return s;
  }
  fmtx::Header& header() { return header_; }
  size_t finish() {
    align();
    header_.file_size = static_cast<uint64_t>(out_.tellp());
    out_.seekp(0);
    out_.write(reinterpret_cast<const char*>(&header_), sizeof header_);
    out_.close();
    if (!out_) throw std::runtime_error("error writing " + path_);
    // Readers never see a half-written index: write aside, then rename.
    if (std::rename((path_ + ".tmp").c_str(), path_.c_str()) != 0) throw std::runtime_error("cannot rename to " + path_);
    return header_.file_size;
  }

 private:
  void align() {
    static const char zeros[8] = {};
    const auto pos = static_cast<size_t>(out_.tellp());
    if (pos % 8) out_.write(zeros, static_cast<std::streamsize>(8 - pos % 8));
  }
  std::string path_;
  std::ofstream out_;
  fmtx::Header header_{};
};

}  // namespace

BuildStats build_gazetteer(const BuildOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  BuildStats stats;
  std::vector<BuildEntry> entries = read_all_sources(options.data_dir, options.curated_dir, stats);

  StringPool pool;
  KeyTable keys;
  std::vector<fmtx::EntryRecord> records(entries.size());
  uint32_t country_by_code[26 * 26];
  std::fill(std::begin(country_by_code), std::end(country_by_code), fmtx::kNoEntry);

  for (size_t i = 0; i < entries.size(); ++i) {
    const BuildEntry& e = entries[i];
    fmtx::EntryRecord& r = records[i];
    r = {};
    r.geonameid = e.geonameid;
    r.lat = static_cast<float>(e.lat);
    r.lon = static_cast<float>(e.lon);
    r.name = pool.add(e.name);
    r.admin1 = pool.add(e.admin1);
    r.demonyms = pool.add(e.demonyms);
    r.population = e.population;
    std::strncpy(r.feature, e.feature.c_str(), sizeof r.feature);
    if (e.country.size() == 2) std::memcpy(r.country, e.country.data(), 2);
    r.kind = static_cast<uint8_t>(e.kind);
    if (e.kind == PlaceKind::country && e.country.size() == 2 && e.country[0] >= 'A' && e.country[0] <= 'Z' && e.country[1] >= 'A' &&
        e.country[1] <= 'Z')
      country_by_code[(e.country[0] - 'A') * 26 + (e.country[1] - 'A')] = static_cast<uint32_t>(i);
    for (const auto& [raw, how] : e.names) keys.add(fold_name(raw), static_cast<uint32_t>(i), how);
  }

  // Exact keys and their postings.
  std::vector<fmtx::KeyRecord> key_records(keys.texts.size());
  std::vector<fmtx::Posting> postings;
  for (size_t k = 0; k < keys.texts.size(); ++k) {
    key_records[k].text = pool.add(keys.texts[k]);
    key_records[k].first = static_cast<uint32_t>(postings.size());
    key_records[k].count = static_cast<uint32_t>(keys.postings[k].size());
    key_records[k].hash = static_cast<uint32_t>(fmtx::hash_key(keys.texts[k]));
    postings.insert(postings.end(), keys.postings[k].begin(), keys.postings[k].end());
  }

  // Consonant skeletons of Latin-script keys, for the fuzzy matcher.
  std::unordered_map<std::string, std::vector<uint32_t>> skeleton_keys;
  for (size_t k = 0; k < keys.texts.size(); ++k) {
    if (!is_ascii(keys.texts[k])) continue;
    std::string skel = consonant_skeleton(translit_form(keys.texts[k]));
    if (skel.size() >= 2) skeleton_keys[skel].push_back(static_cast<uint32_t>(k));
  }
  std::vector<fmtx::KeyRecord> skel_records;
  std::vector<uint32_t> skel_postings;
  skel_records.reserve(skeleton_keys.size());
  for (auto& [skel, ks] : skeleton_keys) {
    fmtx::KeyRecord r{};
    r.text = pool.add(skel);
    r.first = static_cast<uint32_t>(skel_postings.size());
    r.count = static_cast<uint32_t>(ks.size());
    r.hash = static_cast<uint32_t>(fmtx::hash_key(skel));
    skel_postings.insert(skel_postings.end(), ks.begin(), ks.end());
    skel_records.push_back(r);
  }

  std::vector<uint32_t> key_slots = open_addressing(key_records, pool);
  std::vector<uint32_t> skel_slots = open_addressing(skel_records, pool);

  IndexWriter writer(options.output);
  fmtx::Header& h = writer.header();
  std::memcpy(h.magic, fmtx::kMagic, sizeof h.magic);
  h.version = fmtx::kVersion;
  std::memcpy(h.country_by_code, country_by_code, sizeof country_by_code);
  h.entries = writer.write(records);
  h.keys = writer.write(key_records);
  h.postings = writer.write(postings);
  h.key_slots = writer.write(key_slots);
  h.skeletons = writer.write(skel_records);
  h.skel_postings = writer.write(skel_postings);
  h.skel_slots = writer.write(skel_slots);
  h.strings = writer.write(pool.data());
  stats.file_bytes = writer.finish();

  stats.entries = records.size();
  stats.keys = key_records.size();
  stats.postings = postings.size();
  stats.skeletons = skel_records.size();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace sitmap
