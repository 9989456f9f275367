#pragma once
// Which events a user asked for: the filters `sitmap export` takes and the
// viewer's filter panel sets. One code path for both (see EventQuery).
#include <functional>
#include <vector>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "store/schema.hpp"

namespace sitmap {

class Store;
class Polygons;

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
  std::string within;                 // a polygon file GDAL reads (GeoJSON, GPKG, shapefile ...)
  std::string dataset;                // "sitmap", "acled", "gdelt"; empty for all
  bool include_background = true;
  double min_confidence = 0;
  std::string text;                   // case-insensitive part of sentence, place or actors
};

// A filter made ready to run: polygons read once and prepared with GEOS.
class EventQuery {
 public:
  explicit EventQuery(const EventFilter& filter);
  EventQuery(EventQuery&&) noexcept;
  ~EventQuery();

  // Puts what the store can answer from its indexes on the layer: the date
  // range (SQL on the indexed event_date, built from parsed dates only) and
  // the bounding box (spatial index). Values typed by users never enter SQL.
  void apply_to(OGRLayer& layer) const;
  // The rest, checked on each feature.
  bool matches(const OGRFeature& f, const EventColumns& c) const;
  bool matches_point(double lon, double lat) const;
  // The type and actor tests alone (true when the filter has none), for
  // callers that test each distinct name once (the viewer's event table).
  bool matches_type(std::string_view event_type, std::string_view sub_event_type) const;
  bool matches_actors(std::string_view actor1, std::string_view actor2) const;

 private:
  EventFilter filter_;
  std::unique_ptr<Polygons> polygons_;
  std::vector<std::string> types_lower_, actors_lower_;
  std::string text_lower_;
};

// Every stored event the filter selects, in store order.
void for_each_event(Store& store, const EventFilter& filter,
                    const std::function<void(const OGRFeature&, const EventColumns&)>& fn);

// The same, with GDAL's reading and the query on a second thread: `fn` gets
// the features in batches, in store order, on the calling thread, so an
// exporter formats one batch while the next is read.
void for_each_event_batch(Store& store, const EventFilter& filter,
                          const std::function<void(const std::vector<OGRFeature*>&, const EventColumns&)>& fn);

}  // namespace sitmap
