#include "store/schema.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/numbers.hpp"

namespace sitmap {
namespace {

constexpr FieldSpec kEventFields[ev::count] = {
    {"event_id", OFTString},       {"event_date", OFTDate},         {"event_date_to", OFTDate},
    {"time_precision", OFTInteger}, {"event_type", OFTString},       {"sub_event_type", OFTString},
    {"actor1", OFTString},         {"actor2", OFTString},           {"location", OFTString},
    {"geonameid", OFTInteger},     {"admin1", OFTString},           {"country", OFTString},
    {"country_code", OFTString},   {"latitude", OFTReal},           {"longitude", OFTReal},
    {"geo_precision", OFTInteger}, {"geo_relation", OFTString},     {"fatalities", OFTInteger},
    {"quantities", OFTString, OFSTJSON}, {"targets", OFTString, OFSTJSON}, {"confidence", OFTReal},
    {"background", OFTInteger, OFSTBoolean}, {"document_id", OFTString}, {"sentence", OFTString},
    {"start", OFTInteger},         {"end", OFTInteger},             {"trigger", OFTString},
    {"trigger_start", OFTInteger}, {"trigger_end", OFTInteger},     {"location_start", OFTInteger},
    {"location_end", OFTInteger},  {"evidence_count", OFTInteger},  {"dataset", OFTString},
};

constexpr FieldSpec kDocumentFields[] = {
    {"document_id", OFTString}, {"title", OFTString},        {"byline", OFTString},
    {"published", OFTDate},     {"source", OFTString},       {"url", OFTString},
    {"content_hash", OFTString}, {"text", OFTString},        {"ingested_at", OFTDateTime},
    {"event_count", OFTInteger},
};

constexpr FieldSpec kMentionFields[] = {
    {"document_id", OFTString}, {"start", OFTInteger},      {"end", OFTInteger},
    {"text", OFTString},        {"cue", OFTString},         {"demonym", OFTInteger, OFSTBoolean},
    {"in_name", OFTInteger, OFSTBoolean}, {"sentence_index", OFTInteger}, {"geonameid", OFTInteger},
    {"location", OFTString},    {"feature", OFTString},     {"country_code", OFTString},
    {"admin1", OFTString},      {"latitude", OFTReal},      {"longitude", OFTReal},
    {"score", OFTReal},         {"candidates", OFTString, OFSTJSON},
};

template <class T>
void set_optional(OGRFeature& f, int i, const std::optional<T>& v) {
  if (i < 0) return;
  if (v) f.SetField(i, static_cast<int>(*v));
  else f.SetFieldNull(i);
}

// An integer column as an int. A layer another tool wrote may hold reals
// or 64-bit values there: those out of int's range read as null (a cast
// would be undefined behaviour).
std::optional<int> optional_int(const OGRFeature& f, int i) {
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  if (f.GetFieldDefnRef(i)->GetType() == OFTInteger) return f.GetFieldAsInteger(i);
  return int_in(f.GetFieldAsDouble(i), std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
}

// A JSON number as a quantity: whole and in range, else nullopt.
std::optional<long> json_count(const nlohmann::json& v) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<unsigned long long>();
    if (u > static_cast<unsigned long long>(std::numeric_limits<long>::max())) return std::nullopt;
    return static_cast<long>(u);
  }
  if (v.is_number_integer()) return v.get<long>();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9.0e15) return std::nullopt;  // exact in a double
    return static_cast<long>(d);
  }
  return std::nullopt;
}

}  // namespace

std::span<const FieldSpec> event_fields() { return kEventFields; }
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
  for (int k = 0; k < ev::count; ++k) at[k] = defn.GetFieldIndex(kEventFields[k].name);
}

void fill_event_feature(OGRFeature& f, const EventColumns& c, const Event& e, std::string_view dataset) {
  auto str = [&](int k, const std::string& v) { if (c.at[k] >= 0) f.SetField(c.at[k], v.c_str()); };
  auto num = [&](int k, auto v) { if (c.at[k] >= 0) f.SetField(c.at[k], v); };
  str(ev::event_id, e.event_id);
  set_date_field(f, c.at[ev::event_date], e.when.date);
  set_date_field(f, c.at[ev::event_date_to], e.when.date_to);
  num(ev::time_precision, e.when.precision);
  str(ev::event_type, e.event_type);
  str(ev::sub_event_type, e.sub_event_type);
  str(ev::actor1, e.actor1);
  str(ev::actor2, e.actor2);
  str(ev::location, e.location);
  set_optional(f, c.at[ev::geonameid], e.geonameid);
  str(ev::admin1, e.admin1);
  str(ev::country, e.country);
  str(ev::country_code, e.country_code);
  // 6 decimals (0.1 m): what every export writes, so all of them agree.
  const double lat = std::round(e.point.lat * 1e6) / 1e6, lon = std::round(e.point.lon * 1e6) / 1e6;
  num(ev::latitude, lat);
  num(ev::longitude, lon);
  num(ev::geo_precision, e.geo_precision);
  str(ev::geo_relation, e.geo_relation);
  set_optional(f, c.at[ev::fatalities], e.fatalities);
  nlohmann::json q = nlohmann::json::object();
  for (const auto& [k, v] : e.quantities) q[k] = v;
  str(ev::quantities, q.dump());
  str(ev::targets, nlohmann::json(e.targets).dump());
  num(ev::confidence, std::round(e.confidence * 100) / 100);
  num(ev::background, e.background ? 1 : 0);
  str(ev::document_id, e.document_id);
  str(ev::sentence, e.sentence);
  num(ev::start, static_cast<int>(e.start));
  num(ev::end, static_cast<int>(e.end));
  str(ev::trigger, e.trigger);
  num(ev::trigger_start, static_cast<int>(e.trigger_start));
  num(ev::trigger_end, static_cast<int>(e.trigger_end));
  set_optional(f, c.at[ev::location_start], e.location_start);
  set_optional(f, c.at[ev::location_end], e.location_end);
  num(ev::evidence_count, e.evidence_count);
  str(ev::dataset, std::string(dataset));
  f.SetGeometryDirectly(new OGRPoint(lon, lat));
}

void set_date_field(OGRFeature& f, int index, const std::optional<CivilDate>& d) {
  if (index < 0) return;
  if (d) f.SetField(index, d->year, d->month, d->day, 0, 0, 0.0f, 0);
  else f.SetFieldNull(index);
}

std::optional<CivilDate> date_field(const OGRFeature& f, int index) {
  if (index < 0 || !f.IsFieldSetAndNotNull(index)) return std::nullopt;
  int y, m, d, h, mi, tz;
  float s;
  if (!const_cast<OGRFeature&>(f).GetFieldAsDateTime(index, &y, &m, &d, &h, &mi, &s, &tz)) return std::nullopt;
  return CivilDate{y, m, d};
}

Event event_from_feature(const OGRFeature& f, const EventColumns& c) {
  auto str = [&](int k) { return c.at[k] >= 0 ? std::string(f.GetFieldAsString(c.at[k])) : std::string(); };
  auto integer = [&](int k) { return optional_int(f, c.at[k]).value_or(0); };
  auto real = [&](int k) { return c.at[k] >= 0 ? f.GetFieldAsDouble(c.at[k]) : 0.0; };
  Event e;
  e.event_id = str(ev::event_id);
  e.when.date = date_field(f, c.at[ev::event_date]);
  e.when.date_to = date_field(f, c.at[ev::event_date_to]);
  e.when.precision = integer(ev::time_precision);
  e.event_type = str(ev::event_type);
  e.sub_event_type = str(ev::sub_event_type);
  e.actor1 = str(ev::actor1);
  e.actor2 = str(ev::actor2);
  e.location = str(ev::location);
  if (auto g = optional_int(f, c.at[ev::geonameid])) e.geonameid = static_cast<uint32_t>(*g);
  e.admin1 = str(ev::admin1);
  e.country = str(ev::country);
  e.country_code = str(ev::country_code);
  e.point = {real(ev::latitude), real(ev::longitude)};
  e.geo_precision = integer(ev::geo_precision);
  e.geo_relation = str(ev::geo_relation);
  e.fatalities = optional_int(f, c.at[ev::fatalities]);
  const auto q = nlohmann::json::parse(str(ev::quantities), nullptr, false);
  if (q.is_object())
    for (const auto& [k, v] : q.items())
      if (const auto n = json_count(v)) e.quantities[k] = *n;
  const auto t = nlohmann::json::parse(str(ev::targets), nullptr, false);
  if (t.is_array())
    for (const auto& v : t)
      if (v.is_string()) e.targets.push_back(v.get<std::string>());
  e.confidence = real(ev::confidence);
  e.background = integer(ev::background) != 0;
  e.document_id = str(ev::document_id);
  e.sentence = str(ev::sentence);
  e.start = static_cast<uint32_t>(integer(ev::start));
  e.end = static_cast<uint32_t>(integer(ev::end));
  e.trigger = str(ev::trigger);
  e.trigger_start = static_cast<uint32_t>(integer(ev::trigger_start));
  e.trigger_end = static_cast<uint32_t>(integer(ev::trigger_end));
  if (auto v = optional_int(f, c.at[ev::location_start])) e.location_start = static_cast<uint32_t>(*v);
  if (auto v = optional_int(f, c.at[ev::location_end])) e.location_end = static_cast<uint32_t>(*v);
  e.evidence_count = integer(ev::evidence_count);
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
