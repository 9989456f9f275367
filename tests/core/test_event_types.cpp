#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/event_types.hpp"

using namespace sitmap;

TEST_CASE("event types: one row per SubEvent, unique names, each under its event type") {
  std::set<std::string> names;
  for (const EventTypeInfo& t : event_types()) {
    CHECK(&event_type(t.id) == &t);
    CHECK(names.insert(t.sub_event_type).second);
    CHECK(find_sub_event_type(t.sub_event_type) == &t);
  }
  CHECK(std::string(event_type(SubEvent::air_strike).event_type) == "Explosions/Remote violence");
  CHECK(std::string(event_type(SubEvent::violent_demonstration).event_type) == "Riots");
  CHECK(std::string(event_type(SubEvent::peaceful_protest).disorder_type) == "Demonstrations");
  CHECK(find_sub_event_type("Air/drone strike ") == nullptr);
  CHECK(find_sub_event_type("air/drone strike") == nullptr);  // ACLED's spelling exactly
}

TEST_CASE("event types: CAMEO codes, the longest prefix deciding") {
  auto sub = [](const char* code) {
    const EventTypeInfo* t = event_type_for_cameo(code);
    return t ? std::string(t->sub_event_type) : std::string();
  };
  CHECK(sub("195") == "Air/drone strike");
  CHECK(sub("1951") == "Air/drone strike");
  CHECK(sub("194") == "Shelling/artillery/missile attack");
  CHECK(sub("190") == "Armed clash");
  CHECK(sub("19") == "Armed clash");
  CHECK(sub("1833") == "Remote explosive/landmine/IED");
  CHECK(sub("1831") == "Suicide bomb");
  CHECK(sub("183") == "Suicide bomb");
  CHECK(sub("181") == "Abduction/forced disappearance");
  CHECK(sub("180") == "Attack");
  CHECK(sub("204") == "Chemical weapon");
  CHECK(sub("202") == "Attack");
  CHECK(sub("145") == "Violent demonstration");
  CHECK(sub("141") == "Peaceful protest");
  CHECK(sub("042").empty());
  CHECK(sub("1").empty());
  CHECK(sub("").empty());
}

TEST_CASE("event types: the map's colours, and types left to the spare colours") {
  REQUIRE(event_type(SubEvent::air_strike).colour.has_value());
  CHECK(event_type(SubEvent::air_strike).colour->r == doctest::Approx(0.86f));
  CHECK_FALSE(event_type(SubEvent::looting).colour.has_value());
}
