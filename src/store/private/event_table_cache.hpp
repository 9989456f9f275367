#pragma once
// The viewer's event table of a GeoPackage store without GDAL features:
// read by stepping SQLite (gpkg_rows.hpp), and for a large store kept in a
// cache file (core/cache_file.hpp) keyed by the store file's size, times
// and SQLite's change counter, so that the next open of an unchanged store
// reads one file of plain arrays. A large store without a cache file is
// read in two steps. Where its event_date and event_date_to are indexed
// (our stores): the events of the first window (the last days of the data)
// through those indexes, then the whole table on threads of their own at a
// low priority. Else: the columns the map draws, on a thread per core, then
// the rest on a thread of its own. The cache file is written after.
#include <cstddef>
#include <optional>
#include <string>

#include "store/event_table.hpp"

namespace sitmap {

struct EventTableCache {
  std::string dir;             // where cache files go; empty: cache_dir()
  size_t min_events = 100000;  // smaller tables load fast enough without one (and in one step)
  // The defaults, but min_events from $SITMAP_TABLE_CACHE_MIN when set (the tests' small stores).
  static EventTableCache from_environment();
};

// nullopt when the store is not a GeoPackage whose events layer this reads
// (PostGIS, other column types): load_event_table reads it through GDAL then.
std::optional<FirstEventTable> load_geopackage_event_table_first(Store& store, const EventTableCache& cache = {}, int first_days = 0);
// The same, whole (the rest waited for).
std::optional<EventTable> load_geopackage_event_table(Store& store, const EventTableCache& cache = {});

// The largest number in a quantities object ({"aircraft":12,"munitions":20}).
float largest_quantity(const char* json);

}  // namespace sitmap
