#include <doctest/doctest.h>

#include <map>

#include "store/filter.hpp"
#include "store/import.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {
const std::string kFixtures = std::string(SITMAP_SOURCE_DIR) + "/tests/fixtures/import/";

std::map<std::string, Event> events_of(Store& store, const std::string& dataset) {
  EventFilter f;
  f.dataset = dataset;
  std::map<std::string, Event> out;
  for_each_event(store, f, [&](const OGRFeature& feature, const EventColumns& c) {
    Event e = event_from_feature(feature, c);
    out[e.event_id] = e;
  });
  return out;
}
}  // namespace

TEST_CASE("ACLED CSV: rows by header name, bad rows reported by line, idempotent") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  std::vector<std::string> errors;
  const auto r = import_file(store, kFixtures + "acled_sample.csv", ImportFormat::acled, [&](const std::string& m) { errors.push_back(m); });
  CHECK(r.rows == 5);
  CHECK(r.added == 3);
  CHECK(r.rejected == 2);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("acled_sample.csv:5: event_date") != std::string::npos);  // after a two-line quoted row
  CHECK(errors[1].find("acled_sample.csv:7: latitude") != std::string::npos);
  const auto events = events_of(store, "acled");
  REQUIRE(events.size() == 3);
  const Event& raqqa = events.at("SYR9001");
  CHECK(raqqa.when.date == CivilDate{2015, 11, 15});
  CHECK(raqqa.sub_event_type == "Air/drone strike");
  CHECK(raqqa.country_code == "SY");  // from ACLED's numeric iso 760
  CHECK(raqqa.point.lon == doctest::Approx(39.01));
  const Event& palmyra = events.at("SYR9002");
  CHECK(palmyra.when.date == CivilDate{2015, 11, 16});  // "16 November 2015"
  CHECK(palmyra.fatalities == 4);
  CHECK(palmyra.sentence.find("\"quoted\" word and a line\nbreak") != std::string::npos);
  const auto again = import_file(store, kFixtures + "acled_sample.csv", ImportFormat::acled, [](const std::string&) {});
  CHECK(again.added == 0);
  CHECK(again.already_stored == 3);
  CHECK(store.count(kEventsLayer) == 3);
}

TEST_CASE("GDELT 2.0: CAMEO codes to ACLED types, non-conflict rows left out") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  std::vector<std::string> errors;
  const auto r = import_file(store, kFixtures + "gdelt_sample.tsv", ImportFormat::gdelt, [&](const std::string& m) { errors.push_back(m); });
  CHECK(r.rows == 6);
  CHECK(r.added == 3);
  CHECK(r.not_conflict == 1);
  CHECK(r.rejected == 2);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("gdelt_sample.tsv:5:") != std::string::npos);
  CHECK(errors[1].find("gdelt_sample.tsv:6:") != std::string::npos);
  const auto events = events_of(store, "gdelt");
  CHECK(events.at("900000001").sub_event_type == "Air/drone strike");
  CHECK(events.at("900000001").location == "Raqqa");
  CHECK(events.at("900000001").country_code == "SY");
  CHECK(events.at("900000002").sub_event_type == "Shelling/artillery/missile attack");
  CHECK(events.at("900000004").geo_precision == 3);  // ADM1-level geocode
  CHECK(acled_type_for_cameo("1831").first == "Suicide bomb");
  CHECK(acled_type_for_cameo("042").first.empty());
  CHECK(import_file(store, kFixtures + "gdelt_sample.tsv", ImportFormat::gdelt, [](const std::string&) {}).added == 0);
}
