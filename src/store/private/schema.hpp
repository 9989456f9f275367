#pragma once
// The store's three layers and their columns. Event columns are the
// record's fields (core/event_fields.hpp), plus `dataset` ("sitmap" for
// extracted events, "acled" / "gdelt" for imported ones).
#include <ogrsf_frmts.h>

#include <array>
#include <span>
#include <string_view>

#include "core/event.hpp"
#include "core/event_fields.hpp"
#include "geo/gdal.hpp"
#include "store/store.hpp"

namespace sitmap {

struct FieldSpec {
  const char* name;
  OGRFieldType type;
  OGRFieldSubType subtype = OFSTNone;
};

// The events layer's columns: the record's fields (ev::, core/event_fields.hpp)
// in their order, then the dataset ("sitmap", "acled", "gdelt"), then what
// canonical events add (store/canonical.hpp): the readings layer has the
// same columns.
inline constexpr int kDatasetColumn = ev::count;
inline constexpr int kCanonicalIdColumn = ev::count + 1;  // a reading's canonical event (its event_id)
inline constexpr int kSourceCountColumn = ev::count + 2;  // a canonical event's independent sources
inline constexpr int kDocumentIdsColumn = ev::count + 3;  // JSON: the reports that code it
inline constexpr int kAlsoCodedColumn = ev::count + 4;    // JSON: the same event in another dataset
inline constexpr int kReadingsColumn = ev::count + 5;     // JSON: a reading's summary (ReadingSummary), as matching folds it
inline constexpr int kEventColumnCount = ev::count + 6;
// The columns an export writes: all but a reading's summary (matching's
// own copy of its fields, with its key, agency and sentence fingerprint).
inline bool is_exported_column(int k) { return k != kReadingsColumn; }

// The store's layout version: 1 had per-report events in the events layer;
// 2 keeps them in the readings layer and canonical events in events; 3: a
// GeoPackage's readings layer has no R-tree (store_impl.hpp:
// drop_readings_rtree), the rows are as in 2.
inline constexpr int kSchemaVersion = 3;
inline constexpr const char* kMetaLayer = "sitmap_meta";
// Canonical events merged into another (and deleted), one row each, for
// followers of the store (Store::canonical_changes_after).
inline constexpr const char* kMergedLayer = "sitmap_merged";
std::span<const FieldSpec> event_columns();
std::span<const FieldSpec> document_fields();
std::span<const FieldSpec> mention_fields();

// Adds the fields a layer lacks; throws naming the layer when GDAL refuses.
void create_fields(OGRLayer& layer, std::span<const FieldSpec> fields);

// Where each event column sits in a layer (-1 when the layer lacks it).
struct EventColumns {
  std::array<int, kEventColumnCount> at{};
  explicit EventColumns(const OGRFeatureDefn& defn);
};

// Sets every event column and the point geometry of `f`.
void fill_event_feature(OGRFeature& f, const EventColumns& c, const Event& e, std::string_view dataset);
Event event_from_feature(const OGRFeature& f, const EventColumns& c);

// A date column as a CivilDate (nullopt when null or unset), and back
// (null for nullopt; nothing when the layer lacks the column, index < 0).
std::optional<CivilDate> date_field(const OGRFeature& f, int index);
void set_date_field(OGRFeature& f, int index, const std::optional<CivilDate>& d);

}  // namespace sitmap

namespace sitmap {

// The days an event covers: [event_date, event_date_to or event_date].
std::optional<std::pair<CivilDate, CivilDate>> event_time_span(const OGRFeature& f, const EventColumns& c);
// The timestamps kepler.gl and QGIS's temporal controller read without
// configuration: "2015-11-15T00:00:00Z" and "2015-11-15T23:59:59Z".
std::string iso_start(CivilDate d);
std::string iso_end(CivilDate d);

}  // namespace sitmap
