#pragma once
// Readers for the raw tables the index is built from. Each returns plain
// entries; malformed rows are skipped and counted in BuildStats.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gazetteer/builder.hpp"
#include "gazetteer/place.hpp"

namespace sitmap {

struct BuildEntry {
  uint32_t geonameid = 0;
  std::string name;
  PlaceKind kind = PlaceKind::city;
  std::string feature;
  std::string country;
  std::string admin1;
  std::string demonyms;  // '|'-separated
  double lat = 0, lon = 0;
  uint64_t population = 0;
  std::vector<std::pair<std::string, MatchHow>> names;  // every spelling that should find it
};

std::vector<BuildEntry> read_all_sources(const std::string& data_dir, const std::string& curated_dir, BuildStats& stats);

// Splits a line on a single-byte separator (empty fields kept).
std::vector<std::string> split_fields(const std::string& line, char sep);

}  // namespace sitmap
