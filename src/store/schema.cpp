#include "store/private/schema.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/numbers.hpp"

namespace sitmap {
namespace {

FieldSpec column_spec(const EventField& field) {
  switch (field.kind) {
    case FieldKind::text:
      return {field.name, OFTString};
    case FieldKind::integer:
      return {field.name, OFTInteger};
    case FieldKind::real:
      return {field.name, OFTReal};
    case FieldKind::date:
      return {field.name, OFTDate};
    case FieldKind::boolean:
      return {field.name, OFTInteger, OFSTBoolean};
    case FieldKind::json:
      return {field.name, OFTString, OFSTJSON};
  }
  return {field.name, OFTString};
}

const std::array<FieldSpec, kEventColumnCount> kEventColumns = [] {
  std::array<FieldSpec, kEventColumnCount> columns{};
  for (const EventField& field : event_fields()) columns[static_cast<size_t>(field.id)] = column_spec(field);
  columns[kDatasetColumn] = {"dataset", OFTString};
  columns[kCanonicalIdColumn] = {"canonical_id", OFTString};
  columns[kSourceCountColumn] = {"source_count", OFTInteger};
  columns[kDocumentIdsColumn] = {"document_ids", OFTString, OFSTJSON};
  columns[kAlsoCodedColumn] = {"also_coded", OFTString, OFSTJSON};
  columns[kReadingsColumn] = {"reading_summary", OFTString, OFSTJSON};
  return columns;
}();

constexpr FieldSpec kDocumentFields[] = {
    {"document_id", OFTString},   {"title", OFTString},        {"byline", OFTString},       {"published", OFTDate},
    {"source", OFTString},        {"url", OFTString},          {"content_hash", OFTString}, {"text", OFTString},
    {"ingested_at", OFTDateTime}, {"event_count", OFTInteger},
};

constexpr FieldSpec kMentionFields[] = {
    {"document_id", OFTString},
    {"start", OFTInteger},
    {"end", OFTInteger},
    {"text", OFTString},
    {"cue", OFTString},
    {"demonym", OFTInteger, OFSTBoolean},
    {"in_name", OFTInteger, OFSTBoolean},
    {"sentence_index", OFTInteger},
    {"geonameid", OFTInteger},
    {"location", OFTString},
    {"feature", OFTString},
    {"country_code", OFTString},
    {"admin1", OFTString},
    {"latitude", OFTReal},
    {"longitude", OFTReal},
    {"score", OFTReal},
    {"candidates", OFTString, OFSTJSON},
};

// An integer column as an int. A layer another tool wrote may hold reals
// or 64-bit values there: those out of int's range read as null (a cast
// would be undefined behaviour).
std::optional<int> optional_int(const OGRFeature& f, int i) {
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  if (f.GetFieldDefnRef(i)->GetType() == OFTInteger) return f.GetFieldAsInteger(i);
  return int_in(f.GetFieldAsDouble(i), std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
}

// A column's value as the field table takes it (null when the layer lacks the column).
FieldValue column_value(const OGRFeature& f, int i, FieldKind kind) {
  if (i < 0) return std::monostate{};
  switch (kind) {
    case FieldKind::text:
    case FieldKind::json:
      return std::string(f.GetFieldAsString(i));
    case FieldKind::integer:
      if (const auto v = optional_int(f, i)) return static_cast<long long>(*v);
      return std::monostate{};
    case FieldKind::real:
      return f.GetFieldAsDouble(i);
    case FieldKind::date:
      if (const auto d = date_field(f, i)) return *d;
      return std::monostate{};
    case FieldKind::boolean:
      return optional_int(f, i).value_or(0) != 0;
  }
  return std::monostate{};
}

void set_column(OGRFeature& f, int i, const FieldValue& value) {
  if (i < 0) return;
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          f.SetFieldNull(i);
        else if constexpr (std::is_same_v<T, std::string>)
          f.SetField(i, v.c_str());
        else if constexpr (std::is_same_v<T, long long>)
          f.SetField(i, static_cast<int>(v));
        else if constexpr (std::is_same_v<T, bool>)
          f.SetField(i, v ? 1 : 0);
        else if constexpr (std::is_same_v<T, CivilDate>)
          set_date_field(f, i, v);
        else
          f.SetField(i, v);
      },
      value);
}

}  // namespace

std::span<const FieldSpec> event_columns() { return kEventColumns; }
std::span<const FieldSpec> document_fields() { return kDocumentFields; }
std::span<const FieldSpec> mention_fields() { return kMentionFields; }

void create_fields(OGRLayer& layer, std::span<const FieldSpec> fields) {
  for (const FieldSpec& spec : fields) {
    if (layer.GetLayerDefn()->GetFieldIndex(spec.name) >= 0) continue;
    OGRFieldDefn defn(spec.name, spec.type);
    defn.SetSubType(spec.subtype);
    if (layer.CreateField(&defn) != OGRERR_NONE)
      throw std::runtime_error(std::string("layer ") + layer.GetName() + ": cannot create field " + spec.name);
  }
}

EventColumns::EventColumns(const OGRFeatureDefn& defn) {
  for (int k = 0; k < kEventColumnCount; ++k) at[k] = defn.GetFieldIndex(kEventColumns[k].name);
}

void fill_event_feature(OGRFeature& f, const EventColumns& c, const Event& e, std::string_view dataset) {
  for (const EventField& field : event_fields()) set_column(f, c.at[field.id], field.get(e));
  if (c.at[kDatasetColumn] >= 0) f.SetField(c.at[kDatasetColumn], std::string(dataset).c_str());
  const FieldValue lat = event_fields()[ev::latitude].get(e), lon = event_fields()[ev::longitude].get(e);
  f.SetGeometryDirectly(new OGRPoint(std::get<double>(lon), std::get<double>(lat)));
}

void set_date_field(OGRFeature& f, int index, const std::optional<CivilDate>& d) {
  if (index < 0) return;
  if (d)
    f.SetField(index, d->year, d->month, d->day, 0, 0, 0.0f, 0);
  else
    f.SetFieldNull(index);
}

std::optional<CivilDate> date_field(const OGRFeature& f, int index) {
  if (index < 0 || !f.IsFieldSetAndNotNull(index)) return std::nullopt;
  int y, m, d, h, mi, tz;
  float s;
  if (!const_cast<OGRFeature&>(f).GetFieldAsDateTime(index, &y, &m, &d, &h, &mi, &s, &tz)) return std::nullopt;
  return CivilDate{y, m, d};
}

Event event_from_feature(const OGRFeature& f, const EventColumns& c) {
  Event e;
  for (const EventField& field : event_fields()) field.set(e, column_value(f, c.at[field.id], field.kind));
  return e;
}

}  // namespace sitmap

namespace sitmap {

std::optional<std::pair<CivilDate, CivilDate>> event_time_span(const OGRFeature& f, const EventColumns& c) {
  const auto from = date_field(f, c.at[ev::event_date]);
  if (!from) return std::nullopt;
  const auto to = date_field(f, c.at[ev::event_date_to]);
  return std::make_pair(*from, to.value_or(*from));
}

std::string iso_start(CivilDate d) { return to_iso(d) + "T00:00:00Z"; }
std::string iso_end(CivilDate d) { return to_iso(d) + "T23:59:59Z"; }

}  // namespace sitmap
