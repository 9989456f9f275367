#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "store/filter.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

std::set<std::string> ids(Store& store, const EventFilter& f) {
  std::set<std::string> out;
  for_each_event(store, f, [&](const StoredEvent& e) { out.insert(e.event.event_id); });
  return out;
}

struct HandStore {
  TempDir tmp;
  Store store = Store::open(tmp.file("hand.gpkg"));
  HandStore() { test::add_hand_events(store); }
};

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("no filter selects everything") {
  HandStore h;
  CHECK(ids(h.store, {}).size() == 5);
}

TEST_CASE("date range: both ends inclusive") {
  HandStore h;
  EventFilter f;
  f.from = CivilDate{2015, 11, 15};
  f.to = CivilDate{2015, 11, 16};
  CHECK(ids(h.store, f) == Ids{"raqqa", "mosul"});
  f.from = f.to = CivilDate{2015, 11, 13};  // a one-day window
  CHECK(ids(h.store, f) == Ids{"paris"});
  f.from = CivilDate{2015, 11, 14};
  f.to.reset();
  CHECK(ids(h.store, f) == Ids{"raqqa", "mosul", "aleppo"});
}

TEST_CASE("bbox") {
  HandStore h;
  EventFilter f;
  f.bbox = parse_bbox("36,34,40,37");  // northern Syria: Raqqa, Aleppo, Homs
  CHECK(ids(h.store, f) == Ids{"raqqa", "aleppo", "homs"});
  f.bbox = parse_bbox("38.9,35.9,39.1,36");
  CHECK(ids(h.store, f) == Ids{"raqqa"});
  CHECK_THROWS_AS(parse_bbox("1,2,3"), std::invalid_argument);
  CHECK_THROWS_AS(parse_bbox("40,34,36,37"), std::invalid_argument);  // west > east
  CHECK_THROWS_AS(parse_bbox("a,b,c,d"), std::invalid_argument);
}

TEST_CASE("polygon file: GEOS, not the bbox of the polygon") {
  HandStore h;
  TempDir tmp;
  // A triangle whose bounding box holds Raqqa, Aleppo and Homs but which
  // itself holds only Raqqa and Aleppo.
  const std::string poly = tmp.file("area.geojson");
  std::ofstream(poly) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                      << R"("geometry":{"type":"Polygon","coordinates":[[[36.5,36.5],[39.5,36.5],[39.5,34.5],[36.5,36.5]]]}}]})";
  EventFilter f;
  f.within = poly;
  CHECK(ids(h.store, f) == Ids{"raqqa", "aleppo"});
  f.within = tmp.file("missing.geojson");
  CHECK_THROWS_AS(ids(h.store, f), std::invalid_argument);
}

TEST_CASE("country: the Natural Earth polygon, not the country field") {
  HandStore h;
  EventFilter f;
  f.country = "SY";
  CHECK(ids(h.store, f) == Ids{"raqqa", "aleppo", "homs"});  // Mosul says SY but lies in Iraq
  f.country = "iq";
  CHECK(ids(h.store, f) == Ids{"mosul"});
  f.country = "XX";
  CHECK_THROWS_AS(ids(h.store, f), std::invalid_argument);
}

TEST_CASE("type and actor; values with quotes or SQL are data") {
  HandStore h;
  EventFilter f;
  f.types = {"Air/drone strike"};
  CHECK(ids(h.store, f) == Ids{"raqqa", "mosul", "homs"});
  f.types = {"battles"};  // event_type, any case
  CHECK(ids(h.store, f) == Ids{"aleppo"});
  f.types.clear();
  f.actors = {"france"};
  CHECK(ids(h.store, f) == Ids{"raqqa"});
  f.actors = {"O'Brien's \"Brigade\"; DROP TABLE events"};
  CHECK(ids(h.store, f) == Ids{"aleppo"});
  f.actors = {"x' OR '1'='1"};
  CHECK(ids(h.store, f).empty());
  CHECK(h.store.count(kEventsLayer) == 5);
}

TEST_CASE("filters combine") {
  HandStore h;
  EventFilter f;
  f.country = "SY";
  f.types = {"Air/drone strike"};
  f.from = CivilDate{2015, 11, 1};
  CHECK(ids(h.store, f) == Ids{"raqqa"});
}

TEST_CASE("filter dates: the whole option is a date or it is refused") {
  CHECK(parse_filter_date("2015-11-13") == CivilDate{2015, 11, 13});
  CHECK(parse_filter_date("13 November 2015") == CivilDate{2015, 11, 13});
  CHECK_THROWS_AS(parse_filter_date("xx 2015-11-13 yy"), std::invalid_argument);
  CHECK_THROWS_AS(parse_filter_date("2015-11-13yy"), std::invalid_argument);
  // Once a stack overflow in std::regex; now a short message.
  const std::string huge(100000, '1');
  CHECK_THROWS_WITH_AS(parse_filter_date(huge), doctest::Contains("...': not a date"), std::invalid_argument);
}
