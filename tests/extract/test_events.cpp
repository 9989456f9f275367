#include <doctest/doctest.h>

#include <algorithm>

#include "extract/events.hpp"
#include "extract/pipeline.hpp"

using namespace sitmap;

namespace {
const Gazetteer& gaz() {
  static const Gazetteer g = Gazetteer::open_default();
  return g;
}
std::vector<Event> events(const std::string& text, CivilDate pub = {2015, 11, 16}) {
  Document d;
  d.id = "t";
  d.text = text;
  d.published = pub;
  return analyse(d, gaz()).events;
}
}  // namespace

TEST_CASE("counts, the ACLED way") {
  auto count = [](std::vector<std::string> w) { return parse_count(w, 0); };
  CHECK(count({"129"}) == 129);
  CHECK(count({"1,200"}) == 1200);
  CHECK(count({"dozens"}) == 12);
  CHECK(count({"hundreds"}) == 100);
  CHECK_FALSE(count({"1e400"}).has_value());
  CHECK_FALSE(count({"99999999999"}).has_value());
  CHECK_FALSE(count({"2015"}).has_value());  // a year
}

TEST_CASE("an air strike with its place, date, actor and numbers") {
  auto e = events("French warplanes dropped 20 bombs on Raqqa on Sunday, destroying a command post.");
  REQUIRE(e.size() == 1);
  CHECK(e[0].event_type == "Explosions/Remote violence");
  CHECK(e[0].sub_event_type == "Air/drone strike");
  CHECK(to_iso(*e[0].when.date) == "2015-11-15");
  CHECK(e[0].actor1 == "Military Forces of France");  // ACLED's name for a state's forces
  CHECK(e[0].country_code == "SY");
  CHECK(haversine_km(e[0].point, {35.95, 39.01}) < 5);
  CHECK(e[0].geo_precision == 1);
  CHECK(e[0].quantities.at("munitions") == 20);
  CHECK(std::find(e[0].targets.begin(), e[0].targets.end(), "command post") != e[0].targets.end());
  REQUIRE(e[0].location_start.has_value());
  CHECK(*e[0].location_end - *e[0].location_start == 5);  // "Raqqa"
  CHECK(e[0].trigger == "dropped");
}

TEST_CASE("near a town: precision 2 and the relation kept") {
  auto e = events(
      "The US-led coalition said its strikes on Sunday destroyed 116 fuel trucks near Albu Kamal. "
      "Coalition strikes also hit a bridge near Mosul on Sunday.");
  REQUIRE(e.size() == 2);
  CHECK(e[0].geo_precision == 2);
  CHECK(e[0].geo_relation == "near");
  CHECK(e[0].actor1 == "US-led coalition");
  CHECK(e[1].actor1 == "US-led coalition");  // "Coalition": the one the report names
  CHECK(e[0].quantities.at("vehicles_destroyed") == 116);
}

TEST_CASE("fatalities: the lowest figure, and one event per action per place") {
  auto e = events(
      "Gunmen attacked cafes in Paris on Friday, killing at least 129 people. "
      "The attacks in Paris were claimed by the Islamic State group.");
  REQUIRE(e.size() == 1);
  CHECK(e[0].sub_event_type == "Attack");
  CHECK(e[0].fatalities == 129);
  CHECK(to_iso(*e[0].when.date) == "2015-11-13");
  CHECK(e[0].evidence_count == 2);
}

TEST_CASE("background is flagged, hypotheticals and people are not events") {
  auto bg = events("Coalition aircraft have been carrying out strikes against IS in Syria since September 2014.");
  REQUIRE(bg.size() == 1);
  CHECK(bg[0].background);
  CHECK(events("Officials fear the group would attack Paris again.").empty());
  CHECK(events("Charlie Winter said the strikes were useful.").empty());
}
