#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/event_fields.hpp"
#include "core/event_json.hpp"

using namespace sitmap;

namespace {

Event full_event() {
  Event e;
  e.event_id = "seed-1";
  e.when = {CivilDate{2015, 11, 15}, CivilDate{2015, 11, 16}, 2};
  e.event_type = "Explosions/Remote violence";
  e.sub_event_type = "Air/drone strike";
  e.actor1 = "Military Forces of France";
  e.location = "Ar Raqqah";
  e.geonameid = 172955;
  e.country_code = "SY";
  e.point = {35.95283123, 39.00788149};
  e.geo_precision = 1;
  e.fatalities = 4;
  e.quantities = {{"aircraft", 12}, {"munitions", 20}};
  e.targets = {"a command post", "a training camp"};
  e.confidence = 0.876;
  e.background = true;
  e.start = 10;
  e.end = 90;
  e.location_start = 40;
  e.evidence_count = 2;
  return e;
}

}  // namespace

TEST_CASE("event fields: one row per field, in order, unique names and CSV places") {
  std::set<std::string> names;
  std::set<int> ranks = {kCsvYearRank};
  int i = 0;
  for (const EventField& f : event_fields()) {
    CHECK(f.id == i++);
    CHECK(names.insert(f.name).second);
    CHECK(ranks.insert(f.csv_rank).second);
  }
  CHECK(i == ev::count);
  CHECK(std::string(event_fields()[ev::sentence].csv_name) == "notes");
}

TEST_CASE("event fields: what get gives, set takes back") {
  const Event e = full_event();
  Event back;
  for (const EventField& f : event_fields()) f.set(back, f.get(e));
  CHECK(event_json(back) == event_json(e));
  CHECK(back.quantities == e.quantities);
  CHECK(back.targets == e.targets);
  CHECK(back.when.date_to == e.when.date_to);
  CHECK(back.point.lat == doctest::Approx(35.952831).epsilon(1e-12));  // rounded to 6 decimals
  CHECK(back.confidence == doctest::Approx(0.88));
}

TEST_CASE("event fields: null sets the empty value; JSON of another shape keeps what fits") {
  Event e = full_event();
  for (const EventField& f : event_fields()) f.set(e, std::monostate{});
  CHECK(e.event_id.empty());
  CHECK_FALSE(e.when.date.has_value());
  CHECK_FALSE(e.geonameid.has_value());
  CHECK_FALSE(e.fatalities.has_value());
  CHECK(e.evidence_count == 0);
  CHECK(e.quantities.empty());
  CHECK_FALSE(e.background);
  event_fields()[ev::quantities].set(e, std::string(R"({"aircraft": 3, "bad": "x", "half": 1.5, "huge": 1e300})"));
  CHECK(e.quantities == std::map<std::string, long>{{"aircraft", 3}});
  event_fields()[ev::targets].set(e, std::string(R"(["a", 2, "b"])"));
  CHECK(e.targets == std::vector<std::string>{"a", "b"});
  event_fields()[ev::targets].set(e, std::string("not json"));
  CHECK(e.targets.empty());
}

TEST_CASE("event JSON: every field by its name, nulls where the record has none") {
  const nlohmann::json j = event_json(full_event());
  CHECK(j.size() == static_cast<size_t>(ev::count));
  CHECK(j["event_date"] == "2015-11-15");
  CHECK(j["latitude"] == 35.952831);
  CHECK(j["confidence"] == 0.88);
  CHECK(j["quantities"]["aircraft"] == 12);
  CHECK(j["targets"][1] == "a training camp");
  CHECK(j["location_end"].is_null());
  CHECK(j["background"] == true);
  CHECK(event_json(Event{})["geonameid"].is_null());
}
