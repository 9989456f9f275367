#pragma once
// A filter made ready to run against the events layer (GDAL): the store's
// own code (export, the event table, the filtered iteration).
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/filter.hpp"
#include "store/private/schema.hpp"

namespace sitmap {

class Polygons;

// A filter made ready to run: polygons read once and prepared (geo/polygons.hpp).
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

// Every stored event the filter selects, as features, in store order.
void for_each_feature(Store& store, const EventFilter& filter,
                      const std::function<void(const OGRFeature&, const EventColumns&)>& fn);

// The same, with GDAL's reading and the query on a second thread: `fn` gets
// the features in batches, in store order, on the calling thread, so an
// exporter formats one batch while the next is read.
void for_each_feature_batch(Store& store, const EventFilter& filter,
                            const std::function<void(const std::vector<OGRFeature*>&, const EventColumns&)>& fn);

}  // namespace sitmap
