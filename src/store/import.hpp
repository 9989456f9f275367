#pragma once
// `sitmap import FILE --as acled|gdelt`: coded datasets into the store beside
// extracted events (events layer, dataset "acled" / "gdelt"), so users can
// compare them. Rows that do not parse are reported by line and skipped;
// rows already imported (same event id) are not added again.
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace sitmap {

enum class ImportFormat { acled, gdelt };

struct ImportResult {
  size_t rows = 0, added = 0, already_stored = 0, rejected = 0;
  size_t not_conflict = 0;  // GDELT rows whose CAMEO code is neither conflict nor protest
};

ImportResult import_file(Store& store, const std::string& path, ImportFormat format,
                         const std::function<void(const std::string&)>& on_error);

// The rows of an ACLED CSV or GDELT file as events, without a store (what
// import_file stores); `result` counts rows, rejected and not-conflict rows.
// Throws StoreError when the input is not such a file at all.
std::vector<Event> read_coded_events(std::istream& in, const std::string& path, ImportFormat format, ImportResult& result,
                                     const std::function<void(const std::string&)>& on_error);

// Events of a vector layer with the record's field names (a GeoJSON export
// of ours, or any such layer): what the viewer shows of a GeoJSON file.
// Features with impossible values (no or no real event_date, a point off
// the globe, event_date_to before event_date, a precision code or a count
// out of range) are reported as "FILE: feature N: reason, skipped".
struct LayerEvents {
  std::map<std::string, std::vector<Event>> by_dataset;  // "sitmap" when the layer has no dataset column
  size_t features = 0, rejected = 0;
};
LayerEvents read_event_layer(const std::string& path, const std::function<void(const std::string&)>& on_error);
// The events of such a layer appended to the store, each under its dataset
// (what the viewer shows of a GeoJSON file). Returns the layer's counts.
LayerEvents import_event_layer(Store& store, const std::string& path, const std::function<void(const std::string&)>& on_error);

// ACLED sub_event_type (and its event_type) for a CAMEO event code; empty
// when the code is not a conflict or protest code.
std::pair<std::string, std::string> acled_type_for_cameo(std::string_view code);

}  // namespace sitmap
