#pragma once
// A filter made ready to run against the events layer (GDAL): the store's
// own code (export, the event table, the filtered iteration).
#include <functional>
#include <algorithm>
#include <memory>
#include <optional>
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
  // The same, as readers that run SQL themselves need it: the date range
  // as SQL (empty for none) and the box to ask the spatial index for.
  std::string date_where() const;
  std::optional<BBox> search_box() const;
  // The rest, checked on each feature.
  bool matches(const OGRFeature& f, const EventColumns& c) const;
  // The same tests on a row however it was read. `Row` answers has(k),
  // text(k) (empty when null), integer(k) and real(k) (0 when null) for
  // event columns (ev::, kDatasetColumn) and point(lon, lat) (false
  // without a point geometry).
  template <class Row>
  bool matches_row(const Row& row) const;
  bool matches_point(double lon, double lat) const;
  // The type and actor tests alone (true when the filter has none), for
  // callers that test each distinct name once (the viewer's event table).
  bool matches_type(std::string_view event_type, std::string_view sub_event_type) const;
  bool matches_actors(std::string_view actor1, std::string_view actor2) const;
  // Leaves our own rows out (the canonical events, read from the events
  // layer when the readings are given instead).
  void exclude_ours(bool exclude) { exclude_ours_ = exclude; }

 private:
  bool contains_text(std::string_view field) const;

  bool exclude_ours_ = false;
  EventFilter filter_;
  std::unique_ptr<Polygons> polygons_;
  std::vector<std::string> types_lower_, actors_lower_;
  std::string text_lower_;
};

template <class Row>
bool EventQuery::matches_row(const Row& row) const {
  if (!filter_.include_background && row.has(ev::background) && row.integer(ev::background)) return false;
  if (filter_.min_confidence > 0 && row.has(ev::confidence) && row.real(ev::confidence) < filter_.min_confidence) return false;
  if (!filter_.dataset.empty() && row.text(kDatasetColumn) != filter_.dataset) return false;
  if (exclude_ours_ && row.text(kDatasetColumn) == "sitmap") return false;
  if (!types_lower_.empty() && !matches_type(row.text(ev::event_type), row.text(ev::sub_event_type))) return false;
  if (!actors_lower_.empty() && !matches_actors(row.text(ev::actor1), row.text(ev::actor2))) return false;
  if (!text_lower_.empty()) {
    const int fields[] = {ev::sentence, ev::location, ev::actor1, ev::actor2, ev::admin1, ev::country};
    if (std::none_of(std::begin(fields), std::end(fields), [&](int k) { return contains_text(row.text(k)); })) return false;
  }
  if (filter_.bbox || polygons_) {
    double lon = 0, lat = 0;
    if (!row.point(lon, lat) || !matches_point(lon, lat)) return false;
  }
  return true;
}

// Where the events a filter selects are: the events layer (canonical
// events and imported ones) or, per report, the readings layer and the
// imported events of the events layer. Every export reads through these:
// GDAL's writers, and ours on each of its readers (event_rows.hpp).
struct EventSource {
  OGRLayer* layer;
  bool exclude_ours;  // the events layer when per report: its sitmap rows are canonical
};
std::vector<EventSource> event_sources(Store& store, const EventFilter& filter);

// Every stored event the filter selects, as features, in store order.
void for_each_feature(Store& store, const EventFilter& filter, const std::function<void(const OGRFeature&, const EventColumns&)>& fn);

// The same, with GDAL's reading and the query on a second thread: `fn` gets
// the features in batches, in store order, on the calling thread, so an
// exporter formats one batch while the next is read. The columns are those
// of the batch's layer (per report, a second layer follows the first).
void for_each_feature_batch(Store& store, const EventFilter& filter,
                            const std::function<void(const std::vector<OGRFeature*>&, const EventColumns&)>& fn);
// One source's features the same way (for_each_feature_batch reads each in turn).
void for_each_feature_batch_of(const EventSource& source, const EventFilter& filter,
                               const std::function<void(const std::vector<OGRFeature*>&, const EventColumns&)>& fn);

}  // namespace sitmap
