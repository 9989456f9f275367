#include "core/event_fields.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace sitmap {
namespace {

std::string text(const FieldValue& v) {
  const std::string* s = std::get_if<std::string>(&v);
  return s ? *s : std::string();
}
std::optional<long long> integer(const FieldValue& v) {
  if (const long long* i = std::get_if<long long>(&v)) return *i;
  return std::nullopt;
}
double real(const FieldValue& v) {
  const double* d = std::get_if<double>(&v);
  return d ? *d : 0.0;
}
std::optional<CivilDate> date(const FieldValue& v) {
  if (const CivilDate* d = std::get_if<CivilDate>(&v)) return *d;
  return std::nullopt;
}
bool boolean(const FieldValue& v) {
  const bool* b = std::get_if<bool>(&v);
  return b && *b;
}

template <class T>
FieldValue optional_value(const std::optional<T>& v) {
  if (!v) return std::monostate{};
  if constexpr (std::is_same_v<T, CivilDate>)
    return *v;
  else
    return static_cast<long long>(*v);
}

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

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

std::string quantities_json(const Event& e) {
  nlohmann::json q = nlohmann::json::object();
  for (const auto& [k, v] : e.quantities) q[k] = v;
  return q.dump();
}

void set_quantities(Event& e, const FieldValue& v) {
  e.quantities.clear();
  const auto q = nlohmann::json::parse(text(v), nullptr, false);
  if (q.is_object())
    for (const auto& [k, n] : q.items())
      if (const auto count = json_count(n)) e.quantities[k] = *count;
}

void set_targets(Event& e, const FieldValue& v) {
  e.targets.clear();
  const auto t = nlohmann::json::parse(text(v), nullptr, false);
  if (t.is_array())
    for (const auto& s : t)
      if (s.is_string()) e.targets.push_back(s.get<std::string>());
}

using K = FieldKind;

// Text, integer and optional fields by member; the rest by hand.
#define TEXT(member) [](const Event& e) -> FieldValue { return e.member; }, [](Event& e, const FieldValue& v) { e.member = text(v); }
#define INT_OR_0(member, T)                                                      \
  [](const Event& e) -> FieldValue { return static_cast<long long>(e.member); }, \
      [](Event& e, const FieldValue& v) { e.member = static_cast<T>(static_cast<int>(integer(v).value_or(0))); }
#define OPTIONAL_INT(member, T)                                                                              \
  [](const Event& e) -> FieldValue { return optional_value(e.member); }, [](Event& e, const FieldValue& v) { \
    const auto i = integer(v);                                                                               \
    if (i)                                                                                                   \
      e.member = static_cast<T>(static_cast<int>(*i));                                                       \
    else                                                                                                     \
      e.member.reset();                                                                                      \
  }
#define DATE(member) \
  [](const Event& e) -> FieldValue { return optional_value(e.member); }, [](Event& e, const FieldValue& v) { e.member = date(v); }

constexpr EventField kFields[] = {
    {ev::event_id, "event_id", K::text, "event_id_cnty", 1, TEXT(event_id)},
    {ev::event_date, "event_date", K::date, nullptr, 2, DATE(when.date)},
    {ev::event_date_to, "event_date_to", K::date, nullptr, 17, DATE(when.date_to)},
    {ev::time_precision, "time_precision", K::integer, nullptr, 4, INT_OR_0(when.precision, int)},
    {ev::event_type, "event_type", K::text, nullptr, 5, TEXT(event_type)},
    {ev::sub_event_type, "sub_event_type", K::text, nullptr, 6, TEXT(sub_event_type)},
    {ev::actor1, "actor1", K::text, nullptr, 7, TEXT(actor1)},
    {ev::actor2, "actor2", K::text, nullptr, 8, TEXT(actor2)},
    {ev::location, "location", K::text, nullptr, 11, TEXT(location)},
    {ev::geonameid, "geonameid", K::integer, nullptr, 19, OPTIONAL_INT(geonameid, uint32_t)},
    {ev::admin1, "admin1", K::text, nullptr, 10, TEXT(admin1)},
    {ev::country, "country", K::text, nullptr, 9, TEXT(country)},
    {ev::country_code, "country_code", K::text, nullptr, 18, TEXT(country_code)},
    {ev::latitude, "latitude", K::real, nullptr, 12, [](const Event& e) -> FieldValue { return round_to(e.point.lat, 1e6); },
     [](Event& e, const FieldValue& v) { e.point.lat = real(v); }},
    {ev::longitude, "longitude", K::real, nullptr, 13, [](const Event& e) -> FieldValue { return round_to(e.point.lon, 1e6); },
     [](Event& e, const FieldValue& v) { e.point.lon = real(v); }},
    {ev::geo_precision, "geo_precision", K::integer, nullptr, 14, INT_OR_0(geo_precision, int)},
    {ev::geo_relation, "geo_relation", K::text, nullptr, 20, TEXT(geo_relation)},
    {ev::fatalities, "fatalities", K::integer, nullptr, 16, OPTIONAL_INT(fatalities, int)},
    {ev::quantities, "quantities", K::json, nullptr, 21, [](const Event& e) -> FieldValue { return quantities_json(e); }, set_quantities},
    {ev::targets, "targets", K::json, nullptr, 22, [](const Event& e) -> FieldValue { return nlohmann::json(e.targets).dump(); },
     set_targets},
    {ev::confidence, "confidence", K::real, nullptr, 23, [](const Event& e) -> FieldValue { return round_to(e.confidence, 100); },
     [](Event& e, const FieldValue& v) { e.confidence = real(v); }},
    {ev::background, "background", K::boolean, nullptr, 24, [](const Event& e) -> FieldValue { return e.background; },
     [](Event& e, const FieldValue& v) { e.background = boolean(v); }},
    {ev::document_id, "document_id", K::text, nullptr, 25, TEXT(document_id)},
    {ev::sentence, "sentence", K::text, "notes", 15, TEXT(sentence)},
    {ev::start, "start", K::integer, nullptr, 26, INT_OR_0(start, uint32_t)},
    {ev::end, "end", K::integer, nullptr, 27, INT_OR_0(end, uint32_t)},
    {ev::trigger, "trigger", K::text, nullptr, 28, TEXT(trigger)},
    {ev::trigger_start, "trigger_start", K::integer, nullptr, 29, INT_OR_0(trigger_start, uint32_t)},
    {ev::trigger_end, "trigger_end", K::integer, nullptr, 30, INT_OR_0(trigger_end, uint32_t)},
    {ev::location_start, "location_start", K::integer, nullptr, 31, OPTIONAL_INT(location_start, uint32_t)},
    {ev::location_end, "location_end", K::integer, nullptr, 32, OPTIONAL_INT(location_end, uint32_t)},
    {ev::evidence_count, "evidence_count", K::integer, nullptr, 33, INT_OR_0(evidence_count, int)},
};

#undef TEXT
#undef INT_OR_0
#undef OPTIONAL_INT
#undef DATE

constexpr bool in_order() {
  for (int i = 0; i < ev::count; ++i)
    if (kFields[i].id != i) return false;
  return true;
}
static_assert(std::size(kFields) == ev::count && in_order(), "event_fields(): one row per ev:: entry, in its order");

}  // namespace

std::span<const EventField> event_fields() { return kFields; }

}  // namespace sitmap
