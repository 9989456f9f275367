#pragma once
// The event record's fields, defined once: their names (DESIGN.md, ACLED's
// where ACLED has the field), kinds, CSV places, and how each is read from
// and written to an Event. The store's columns, the JSON record (`sitmap
// extract`, GeoJSON properties) and the CSV columns are all made from this
// table: a new field of Event is one entry in `ev` and one row in
// event_fields.cpp (a static_assert keeps them in step).
#include <cstdint>
#include <span>
#include <string>
#include <variant>

#include "core/event.hpp"

namespace sitmap {

enum class FieldKind : uint8_t { text, integer, real, date, boolean, json };

// A field's value: null (std::monostate), or one of the kinds: text and
// JSON (as JSON text) are strings, integers long long.
using FieldValue = std::variant<std::monostate, std::string, long long, double, bool, CivilDate>;

struct EventField {
  int id;  // its ev:: index
  const char* name;
  FieldKind kind;
  // CSV column: ACLED's name and place for ACLED's columns, ours after them.
  const char* csv_name;
  int csv_rank;
  // As the record gives it: latitude and longitude rounded to 6 decimals
  // (0.1 m), confidence to 2, what every output writes. Text is never null.
  FieldValue (*get)(const Event&);
  // Null sets the field's empty value (0, "", no date). JSON that is not
  // the field's shape (an object of counts, an array of strings) sets what
  // of it has that shape.
  void (*set)(Event&, const FieldValue&);
};

// The fields in the record's order; ev::X indexes them.
namespace ev {
enum : int {
  event_id,
  event_date,
  event_date_to,
  time_precision,
  event_type,
  sub_event_type,
  actor1,
  actor2,
  location,
  geonameid,
  admin1,
  country,
  country_code,
  latitude,
  longitude,
  geo_precision,
  geo_relation,
  fatalities,
  quantities,
  targets,
  confidence,
  background,
  document_id,
  sentence,
  start,
  end,
  trigger,
  trigger_start,
  trigger_end,
  location_start,
  location_end,
  evidence_count,
  count
};
}

std::span<const EventField> event_fields();

// The record's CSV place of ACLED's derived "year" column (between event_date and time_precision).
inline constexpr int kCsvYearRank = 3;

}  // namespace sitmap
