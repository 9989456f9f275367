#include <doctest/doctest.h>

#include <fstream>
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
  for_each_event(store, f, [&](const StoredEvent& e) { out[e.event.event_id] = e.event; });
  return out;
}
}  // namespace

TEST_CASE("ACLED CSV: rows by header name, bad rows reported by line, idempotent") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  std::vector<std::string> errors;
  const auto r =
      import_file(store, kFixtures + "acled_sample.csv", ImportFormat::acled, [&](const std::string& m) { errors.push_back(m); });
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
  const auto r =
      import_file(store, kFixtures + "gdelt_sample.tsv", ImportFormat::gdelt, [&](const std::string& m) { errors.push_back(m); });
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

namespace {
// Writes `text` to a file in `tmp` and imports it; the errors come back.
std::vector<std::string> import_text(Store& store, const TempDir& tmp, const std::string& name, const std::string& text,
                                     ImportFormat format, ImportResult* result = nullptr) {
  const std::string path = tmp.file(name);
  { std::ofstream(path) << text; }
  std::vector<std::string> errors;
  const ImportResult r = import_file(store, path, format, [&](const std::string& m) { errors.push_back(m); });
  if (result) *result = r;
  return errors;
}
}  // namespace

TEST_CASE("ACLED: out-of-range numbers and negative fatalities are row errors, not -2147483648") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  ImportResult r;
  const auto errors = import_text(store, tmp, "bad.csv",
                                  "event_id_cnty,event_date,event_type,latitude,longitude,time_precision,fatalities,geo_precision\n"
                                  "A1,2015-11-15,Battles,35.9,39.0,1e10,2,1\n"
                                  "A2,2015-11-15,Battles,35.9,39.0,1,1e300,1\n"
                                  "A3,2015-11-15,Battles,35.9,39.0,1,2,-1e20\n"
                                  "A4,2015-11-15,Battles,35.9,39.0,1,-5,1\n"
                                  "A5,2015-11-15,Battles,35.9,39.0,1,2.5,1\n"
                                  "A6,2015-11-15,Battles,35.9,39.0,3.0,7,2\n"
                                  "A7,2015-11-15,Battles,35.9,39.0,,,\n",
                                  ImportFormat::acled, &r);
  CHECK(r.rejected == 5);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].find("bad.csv:2: time_precision '1e10'") != std::string::npos);
  CHECK(errors[1].find("bad.csv:3: fatalities '1e300'") != std::string::npos);
  CHECK(errors[2].find("bad.csv:4: geo_precision '-1e20'") != std::string::npos);
  CHECK(errors[3].find("bad.csv:5: fatalities '-5'") != std::string::npos);
  CHECK(errors[4].find("bad.csv:6: fatalities '2.5'") != std::string::npos);
  const auto events = events_of(store, "acled");
  REQUIRE(events.size() == 2);
  CHECK(events.at("A6").when.precision == 3);
  CHECK(events.at("A6").fatalities == 7);
  CHECK(events.at("A6").geo_precision == 2);
  CHECK(events.at("A7").when.precision == 1);  // empty cells: the defaults
  CHECK_FALSE(events.at("A7").fatalities.has_value());
}

TEST_CASE("ACLED: event_date is the whole cell; a huge one is a short row error") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  ImportResult r;
  const auto errors = import_text(store, tmp, "dates.csv",
                                  "event_id_cnty,event_date,event_type,latitude,longitude\n"
                                  "D1,\"1" +
                                      std::string(100000, ' ') +
                                      "\",Battles,35.9,39.0\n"
                                      "D2,xx 2015-11-13 yy,Battles,35.9,39.0\n"
                                      "D3,13 November 2015,Battles,35.9,39.0\n",
                                  ImportFormat::acled, &r);
  CHECK(r.added == 1);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("dates.csv:2: event_date") != std::string::npos);
  CHECK(errors[0].size() < 200);
  CHECK(errors[1].find("dates.csv:3: event_date 'xx 2015-11-13 yy'") != std::string::npos);
}

TEST_CASE("GDELT: an out-of-range ActionGeo_Type is a row error") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  // A 61-column GDELT 2.0 row: air strike (195) in Raqqa, geo type in column 51.
  auto row = [](const std::string& id, const std::string& geo_type) {
    std::vector<std::string> f(61);
    f[0] = id, f[1] = "20151115", f[26] = "195", f[51] = geo_type, f[52] = "Raqqa, Ar Raqqah, Syria";
    f[56] = "35.95", f[57] = "39.01", f[60] = "https://example.org/" + id;
    std::string line;
    for (size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
    return line + "\n";
  };
  ImportResult r;
  const auto errors = import_text(store, tmp, "g.tsv", row("1", "1e300") + row("2", "-7") + row("3", "4"), ImportFormat::gdelt, &r);
  CHECK(r.added == 1);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("g.tsv:1: ActionGeo_Type '1e300'") != std::string::npos);
  CHECK(errors[1].find("g.tsv:2: ActionGeo_Type '-7'") != std::string::npos);
  CHECK(events_of(store, "gdelt").at("3").geo_precision == 1);
}

TEST_CASE("a GeoJSON event layer: impossible values are reported by feature and left out") {
  TempDir tmp;
  const std::string path = tmp.file("layer.geojson");
  auto feature = [](const std::string& props, double lon, double lat) {
    return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + std::to_string(lon) + "," + std::to_string(lat) +
           "]},\"properties\":{" + props + "}}";
  };
  std::ofstream(path) << "{\"type\":\"FeatureCollection\",\"features\":["
                      << feature("\"event_id\":\"good\",\"event_date\":\"2015-11-15\",\"quantities\":{\"aircraft\":4}", 39.0, 35.9) << ","
                      << feature("\"event_id\":\"garbage-date\",\"event_date\":\"yesterday-ish\"", 39.0, 35.9) << ","
                      << feature("\"event_id\":\"off-globe\",\"event_date\":\"2015-11-15\"", 999, 999) << ","
                      << feature("\"event_id\":\"backwards\",\"event_date\":\"2015-11-15\",\"event_date_to\":\"2015-11-01\"", 39.0, 35.9)
                      << "," << feature("\"event_id\":\"precision\",\"event_date\":\"2015-11-15\",\"time_precision\":1e300", 39.0, 35.9)
                      << "," << feature("\"event_id\":\"dead\",\"event_date\":\"2015-11-15\",\"fatalities\":-3", 39.0, 35.9) << ","
                      << feature("\"event_id\":\"big\",\"event_date\":\"2015-11-15\",\"quantities\":{\"aircraft\":1e300}", 39.0, 35.9)
                      << "]}";
  std::vector<std::string> errors;
  const LayerEvents layer = read_event_layer(path, [&](const std::string& m) { errors.push_back(m); });
  CHECK(layer.features == 7);
  CHECK(layer.rejected == 5);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0] == path + ": feature 2: event_date 'yesterday-ish' is not a date, skipped");
  CHECK(errors[1].find("feature 3: no point on the globe") != std::string::npos);
  CHECK(errors[2].find("feature 4: event_date_to is before event_date") != std::string::npos);
  CHECK(errors[3].find("feature 5: time_precision") != std::string::npos);
  CHECK(errors[4].find("feature 6: fatalities") != std::string::npos);
  REQUIRE(layer.by_dataset.count("sitmap"));
  const auto& events = layer.by_dataset.at("sitmap");
  REQUIRE(events.size() == 2);
  CHECK(events[0].event_id == "good");
  CHECK(events[0].when.date == CivilDate{2015, 11, 15});
  CHECK(events[0].quantities.at("aircraft") == 4);
  CHECK(events[1].event_id == "big");
  CHECK(events[1].quantities.count("aircraft") == 0);  // 1e300 aircraft: not a count, left out
  CHECK_THROWS_WITH_AS(read_event_layer("/vsicurl/http://127.0.0.1:9/x.geojson", [](const std::string&) {}),
                       doctest::Contains("not a local file"), std::invalid_argument);
}
