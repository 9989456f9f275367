#pragma once
// Which events a user asked for: the filters `sitmap export` takes, and
// `sitmap render`, `sitmap view --script` and the viewer's filter panel set.
// One code path for all (store/private/query.hpp).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/event.hpp"

namespace sitmap {

class Store;

struct BBox {
  double west = -180, south = -90, east = 180, north = 90;
};

// "W,S,E,N" in degrees; throws std::invalid_argument saying what is wrong.
BBox parse_bbox(std::string_view text);
// "YYYY-MM-DD" (or "15 November 2015", any form parse_date_exact reads) and
// nothing else; throws std::invalid_argument.
CivilDate parse_filter_date(std::string_view text);

struct EventFilter {
  std::optional<CivilDate> from, to;  // event_date within [from, to], both inclusive
  std::vector<std::string> types;     // event_type or sub_event_type, case-insensitive
  std::vector<std::string> actors;    // case-insensitive part of actor1 or actor2
  std::string country;                // ISO alpha-2: inside Natural Earth's country polygon
  std::optional<BBox> bbox;
  std::string within;   // a polygon file GDAL reads (GeoJSON, GPKG, shapefile ...)
  std::string dataset;  // "sitmap", "acled", "gdelt"; empty for all
  bool include_background = true;
  double min_confidence = 0;
  std::string text;  // case-insensitive part of sentence, place or actors
  // Each report's own reading of our events instead of the canonical events
  // (one per event, however many reports code it); imported events either way.
  bool per_report = false;
};

// One stored event as the filtered iteration gives it.
struct StoredEvent {
  int64_t fid = -1;     // its feature id (Store::event_at)
  std::string dataset;  // "sitmap", "acled", "gdelt"
  Event event;
};

// Every stored event the filter selects, in store order.
void for_each_event(Store& store, const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn);
// How many stored events the filter selects.
size_t count_events(Store& store, const EventFilter& filter);

}  // namespace sitmap
