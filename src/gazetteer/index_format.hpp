#pragma once
// The gazetteer's on-disk layout. The file is mapped read-only and used in
// place: every table is a flat array of fixed-size records, every string an
// offset into one pool of NUL-terminated strings. Little-endian, 4-byte aligned.
#include <cstdint>
#include <string_view>

#include "core/hash.hpp"

namespace sitmap::index_format {

// FNV-1a: the hash both the writer's and the reader's open-addressing tables use.
inline uint64_t hash_key(std::string_view s) { return fnv1a_64(s); }

inline constexpr char kMagic[8] = {'S', 'I', 'T', 'M', 'A', 'P', 'G', 'Z'};
inline constexpr uint32_t kVersion = 3;
inline constexpr uint32_t kNoEntry = 0xFFFFFFFFu;

struct Section {
  uint64_t offset;
  uint64_t count;
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t reserved;
  Section entries;                    // EntryRecord[]
  Section keys;                       // KeyRecord[]   exact folded names
  Section postings;                   // Posting[]     key -> entries
  Section key_slots;                  // uint32_t[]    open-addressing table over keys (index + 1, 0 empty)
  Section skeletons;                  // KeyRecord[]   consonant skeletons
  Section skel_postings;              // uint32_t[]    skeleton -> key indices
  Section skel_slots;                 // uint32_t[]
  Section strings;                    // char[]
  uint32_t country_by_code[26 * 26];  // entry index per ISO alpha-2, kNoEntry if none
  uint64_t file_size;                 // what a complete file measures: catches truncation
};

struct EntryRecord {
  uint32_t geonameid;
  float lat;
  float lon;
  uint32_t name;  // string offsets
  uint32_t admin1;
  uint32_t demonyms;
  uint64_t population;
  char feature[6];
  char country[2];
  uint8_t kind;
  uint8_t pad[7];
};

struct KeyRecord {
  uint32_t text;   // string offset of the folded key
  uint32_t first;  // first posting
  uint32_t count;  // number of postings
  uint32_t hash;   // low 32 bits of the key's hash, checked before the string
};

struct Posting {
  uint32_t entry;
  uint8_t how;
  uint8_t pad[3];
};

}  // namespace sitmap::index_format
