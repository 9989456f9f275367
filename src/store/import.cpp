#include "store/import.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "core/event_types.hpp"
#include "core/fold.hpp"
#include "core/numbers.hpp"
#include "geo/gdal.hpp"
#include "store/private/countries.hpp"
#include "store/private/schema.hpp"

namespace sitmap {
namespace {

// RFC 4180 records (quoted fields may hold commas, quotes and newlines),
// each with the line it starts on.
class CsvReader {
 public:
  CsvReader(std::istream& in, char delimiter) : in_(in), delim_(delimiter) {}

  bool next(std::vector<std::string>& fields, size_t& line) {
    fields.clear();
    std::string raw;
    if (!std::getline(in_, raw)) return false;
    line = ++line_;
    std::string field;
    bool quoted = false;
    for (size_t i = 0;; ++i) {
      if (i == raw.size()) {
        if (quoted) {  // a newline inside quotes: the record goes on
          std::string more;
          if (!std::getline(in_, more)) break;
          ++line_;
          field += '\n';
          raw += '\n' + more;
          continue;
        }
        break;
      }
      const char c = raw[i];
      if (quoted) {
        if (c == '"' && i + 1 < raw.size() && raw[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (c == '"')
          quoted = false;
        else
          field += c;
      } else if (c == '"')
        quoted = true;
      else if (c == delim_) {
        fields.push_back(std::move(field));
        field.clear();
      } else if (c != '\r' || i + 1 != raw.size())
        field += c;
    }
    fields.push_back(std::move(field));
    return true;
  }

 private:
  std::istream& in_;
  char delim_;
  size_t line_ = 0;
};

bool valid_point(double lat, double lon) { return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180; }

struct RowError {
  std::string reason;
};

// A cell as an error message shows it: one line, at most 40 bytes.
std::string shown(std::string_view cell) {
  std::string out(cell.substr(0, 40));
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return repair_utf8(out) + (cell.size() > 40 ? "..." : "");
}

// A small coded column (ACLED's precisions, GDELT's geo type): `fallback`
// when the cell is empty, a row error when it holds anything but lo..hi.
int small_code(std::string_view cell, const char* column, int lo, int hi, int fallback) {
  if (cell.find_first_not_of(' ') == std::string_view::npos) return fallback;
  if (const auto v = parse_int_in(cell, lo, hi)) return *v;
  throw RowError{std::string(column) + " '" + shown(cell) + "' is not a whole number from " + std::to_string(lo) + " to " +
                 std::to_string(hi)};
}

class AcledColumns {
 public:
  explicit AcledColumns(const std::vector<std::string>& header) {
    for (size_t i = 0; i < header.size(); ++i) at_[ascii_lower(header[i])] = i;
  }
  bool has(const char* name) const { return at_.count(name) > 0; }
  std::string get(const std::vector<std::string>& row, const char* name) const {
    const auto it = at_.find(name);
    return it == at_.end() || it->second >= row.size() ? std::string() : repair_utf8(row[it->second]);
  }

 private:
  std::unordered_map<std::string, size_t> at_;
};

Event acled_event(const AcledColumns& cols, const std::vector<std::string>& row, size_t line) {
  Event e;
  e.event_id = cols.get(row, "event_id_cnty");
  if (e.event_id.empty()) e.event_id = cols.get(row, "data_id");
  if (e.event_id.empty()) e.event_id = "line-" + std::to_string(line);
  const std::string date = cols.get(row, "event_date");
  e.when.date = parse_date_exact(date);
  if (!e.when.date) throw RowError{"event_date '" + shown(date) + "' is not a date"};
  const auto lat = parse_number(cols.get(row, "latitude")), lon = parse_number(cols.get(row, "longitude"));
  if (!lat || !lon || !valid_point(*lat, *lon)) throw RowError{"latitude/longitude missing or out of range"};
  e.point = {*lat, *lon};
  e.event_type = cols.get(row, "event_type");
  if (e.event_type.empty()) throw RowError{"event_type is empty"};
  e.sub_event_type = cols.get(row, "sub_event_type");
  e.when.precision = small_code(cols.get(row, "time_precision"), "time_precision", 1, 3, 1);
  e.actor1 = cols.get(row, "actor1");
  e.actor2 = cols.get(row, "actor2");
  e.country = cols.get(row, "country");
  e.admin1 = cols.get(row, "admin1");
  e.location = cols.get(row, "location");
  e.geo_precision = small_code(cols.get(row, "geo_precision"), "geo_precision", 1, 3, 1);
  if (const std::string f = cols.get(row, "fatalities"); !f.empty()) {
    e.fatalities = parse_int_in(f, 0, std::numeric_limits<int>::max());
    if (!e.fatalities) throw RowError{"fatalities '" + shown(f) + "' is not a count (a whole number, 0 or more)"};
  }
  e.sentence = cols.get(row, "notes");
  e.document_id = cols.get(row, "source");
  const CountryCodes& codes = CountryCodes::get();
  e.country_code = codes.alpha2_for_numeric(cols.get(row, "iso"));
  if (e.country_code.empty()) e.country_code = codes.alpha2_for_name(e.country);
  e.confidence = 1.0;  // hand-coded
  return e;
}

void import_acled(const std::string& path, std::istream& in, std::vector<Event>& out, ImportResult& r,
                  const std::function<void(const std::string&)>& on_error) {
  std::string first;
  std::getline(in, first);
  const char delim = first.find(',') == std::string::npos && first.find(';') != std::string::npos ? ';' : ',';
  std::istringstream head(first);
  CsvReader header_reader(head, delim);
  std::vector<std::string> header;
  size_t line = 0;
  header_reader.next(header, line);
  const AcledColumns cols(header);
  for (const char* required : {"event_date", "event_type", "latitude", "longitude"})
    if (!cols.has(required)) throw StoreError(path + ":1: not an ACLED export: no column '" + required + "'");
  CsvReader reader(in, delim);
  std::vector<std::string> row;
  while (reader.next(row, line)) {
    if (row.size() == 1 && row[0].empty()) continue;
    ++r.rows;
    try {
      out.push_back(acled_event(cols, row, line + 1));
    } catch (const RowError& e) {
      ++r.rejected;
      on_error(path + ":" + std::to_string(line + 1) + ": " + e.reason + ", row skipped");
    }
  }
}

// GDELT event tables: 2.0 has 61 tab-separated columns, 1.0 has 58 (no ADM2 codes).
struct GdeltLayout {
  int geo_type, full_name, lat, lon, url;
};

std::optional<Event> gdelt_event(const std::vector<std::string_view>& f, const GdeltLayout& L) {
  const auto [sub, type] = acled_type_for_cameo(f[26]);
  if (sub.empty()) return std::nullopt;
  Event e;
  e.event_id = std::string(f[0]);
  if (e.event_id.empty()) throw RowError{"GLOBALEVENTID is empty"};
  const std::string_view day = f[1];
  if (day.size() != 8) throw RowError{"SQLDATE '" + shown(day) + "' is not YYYYMMDD"};
  e.when.date = parse_iso_date(std::string(day.substr(0, 4)) + "-" + std::string(day.substr(4, 2)) + "-" + std::string(day.substr(6, 2)));
  if (!e.when.date) throw RowError{"SQLDATE '" + shown(day) + "' is not a date"};
  const auto lat = parse_number(f[L.lat]), lon = parse_number(f[L.lon]);
  if (!lat || !lon || !valid_point(*lat, *lon)) throw RowError{"ActionGeo_Lat/Long missing or out of range"};
  e.point = {*lat, *lon};
  e.event_type = type;
  e.sub_event_type = sub;
  e.actor1 = repair_utf8(f[6]);
  e.actor2 = repair_utf8(f[16]);
  // "Raqqa, Ar Raqqah, Syria": place, first-level division, country.
  const std::string full = repair_utf8(f[L.full_name]);
  std::vector<std::string> parts;
  for (size_t pos = 0; pos <= full.size();) {
    size_t comma = full.find(',', pos);
    if (comma == std::string::npos) comma = full.size();
    std::string part = full.substr(pos, comma - pos);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    parts.push_back(part);
    pos = comma + 1;
  }
  e.location = parts.front();
  e.country = parts.back();
  if (parts.size() >= 3) e.admin1 = parts[parts.size() - 2];
  e.country_code = CountryCodes::get().alpha2_for_name(e.country);
  const int geo_type = small_code(f[L.geo_type], "ActionGeo_Type", 0, 5, 0);
  e.geo_precision = geo_type == 3 || geo_type == 4 ? 1 : 3;  // city, else state or country
  e.document_id = std::string(f[L.url]);
  e.trigger = "CAMEO " + std::string(f[26]);
  e.confidence = 0.5;  // machine-coded, unreviewed
  return e;
}

void import_gdelt(const std::string& path, std::istream& in, std::vector<Event>& out, ImportResult& r,
                  const std::function<void(const std::string&)>& on_error) {
  std::string raw;
  size_t line = 0;
  std::vector<std::string_view> fields;
  while (std::getline(in, raw)) {
    ++line;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.empty()) continue;
    ++r.rows;
    fields.clear();
    for (size_t pos = 0;;) {
      const size_t tab = raw.find('\t', pos);
      fields.emplace_back(std::string_view(raw).substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    try {
      GdeltLayout layout;
      if (fields.size() == 61)
        layout = {51, 52, 56, 57, 60};
      else if (fields.size() == 58)
        layout = {49, 50, 53, 54, 57};
      else
        throw RowError{std::to_string(fields.size()) + " tab-separated columns, GDELT events have 61 (2.0) or 58 (1.0)"};
      if (auto e = gdelt_event(fields, layout))
        out.push_back(std::move(*e));
      else
        ++r.not_conflict;
    } catch (const RowError& e) {
      ++r.rejected;
      on_error(path + ":" + std::to_string(line) + ": " + e.reason + ", row skipped");
    }
  }
}

// A layer's date column, Date typed or text ("2015-11-15"): GDAL types a
// GeoJSON property as text when one value is not a date.
std::optional<CivilDate> layer_date(const OGRFeature& f, int index, bool& present) {
  present = index >= 0 && f.IsFieldSetAndNotNull(index);
  if (!present) return std::nullopt;
  const OGRFieldType type = f.GetFieldDefnRef(index)->GetType();
  std::optional<CivilDate> d = type == OFTDate || type == OFTDateTime ? date_field(f, index) : parse_date_exact(f.GetFieldAsString(index));
  if (d && !is_valid(*d)) d.reset();
  return d;
}

// Why a feature of an event layer cannot be shown; empty when it can.
std::string impossible_values(const OGRFeature& f, const EventColumns& c, Event& e) {
  bool present = false;
  const auto date = layer_date(f, c.at[ev::event_date], present);
  if (!date) return present ? "event_date '" + shown(f.GetFieldAsString(c.at[ev::event_date])) + "' is not a date" : "no event_date";
  e.when.date = date;
  const auto to = layer_date(f, c.at[ev::event_date_to], present);
  if (present && !to) return "event_date_to '" + shown(f.GetFieldAsString(c.at[ev::event_date_to])) + "' is not a date";
  if (to && days_from_civil(*to) < days_from_civil(*date)) return "event_date_to is before event_date";
  e.when.date_to = to;
  if (!std::isfinite(e.point.lat) || !std::isfinite(e.point.lon) || !valid_point(e.point.lat, e.point.lon))
    return "no point on the globe (longitude -180..180, latitude -90..90)";
  auto number = [&](int k) -> std::optional<double> {
    if (c.at[k] < 0 || !f.IsFieldSetAndNotNull(c.at[k])) return std::nullopt;
    return f.GetFieldAsDouble(c.at[k]);
  };
  struct Range {
    int column;
    const char* name;
    double lo, hi;
  };
  constexpr Range kRanges[] = {{ev::time_precision, "time_precision", 1, 3},
                               {ev::geo_precision, "geo_precision", 1, 3},
                               {ev::fatalities, "fatalities", 0, 2147483647.0},
                               {ev::confidence, "confidence", 0, 1}};
  for (const Range& r : kRanges)
    if (const auto v = number(r.column); v && !(*v >= r.lo && *v <= r.hi))
      return std::string(r.name) + " " + shown(f.GetFieldAsString(c.at[r.column])) + " is out of range";
  return "";
}

}  // namespace

LayerEvents read_event_layer(const std::string& path, const std::function<void(const std::string&)>& on_error) {
  ensure_gdal_registered();
  require_local_file(path, "event layer");
  CPLErrorReset();
  DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, local_vector_drivers(), nullptr, nullptr));
  if (!ds || ds->GetLayerCount() == 0)
    throw StoreError(path + ":1: cannot read it as an event layer: " + gdal_error_or("no such file, or not GeoJSON"));
  OGRLayer* layer = ds->GetLayer(0);
  const EventColumns c(*layer->GetLayerDefn());
  if (c.at[ev::event_date] < 0) throw StoreError(path + ":1: no event_date property: not a Sitmap/ACLED-style event layer");
  LayerEvents out;
  for (auto& f : *layer) {
    ++out.features;
    Event e = event_from_feature(*f, c);
    if (const OGRGeometry* g = f->GetGeometryRef(); g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty())
      e.point = {g->toPoint()->getY(), g->toPoint()->getX()};
    if (const std::string why = impossible_values(*f, c, e); !why.empty()) {
      ++out.rejected;
      on_error(path + ": feature " + std::to_string(out.features) + ": " + why + ", skipped");
      continue;
    }
    const char* dataset = c.at[kDatasetColumn] >= 0 ? f->GetFieldAsString(c.at[kDatasetColumn]) : "";
    out.by_dataset[*dataset ? dataset : "sitmap"].push_back(std::move(e));
  }
  return out;
}

LayerEvents import_event_layer(Store& store, const std::string& path, const std::function<void(const std::string&)>& on_error) {
  LayerEvents layer = read_event_layer(path, on_error);
  for (const auto& [dataset, events] : layer.by_dataset) store.append_events(events, dataset);
  return layer;
}

std::pair<std::string, std::string> acled_type_for_cameo(std::string_view code) {
  const EventTypeInfo* type = event_type_for_cameo(code);
  if (!type) return {};
  return {type->sub_event_type, type->event_type};
}

std::vector<Event> read_coded_events(std::istream& in, const std::string& path, ImportFormat format, ImportResult& r,
                                     const std::function<void(const std::string&)>& on_error) {
  std::vector<Event> events;
  if (format == ImportFormat::acled)
    import_acled(path, in, events, r, on_error);
  else
    import_gdelt(path, in, events, r, on_error);
  return events;
}

ImportResult import_file(Store& store, const std::string& path, ImportFormat format,
                         const std::function<void(const std::string&)>& on_error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError(path + ":1: cannot open");
  ImportResult r;
  const std::vector<Event> events = read_coded_events(in, path, format, r, on_error);
  r.added = store.add_events(events, format == ImportFormat::acled ? "acled" : "gdelt");
  r.already_stored = events.size() - r.added;
  return r;
}

}  // namespace sitmap
