// The map's columns of events: built from records or read from a store
// (the same table either way), and the filters' mask over it agreeing with
// what export selects; a reader following a store takes just the events
// added since it looked.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "store/event_table.hpp"
#include "store/filter.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

struct HandStore {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  HandStore() { test::add_hand_events(store); }
};

}  // namespace

TEST_CASE("event table: days relative to the first, interned names, magnitude") {
  Event a = test::hand_event("a", {2015, 11, 15}, 35.95, 39.0, "Air/drone strike", "France", "SY");
  a.when.date_to = CivilDate{2015, 11, 17};
  a.fatalities = 4;
  Event b = test::hand_event("b", {2015, 11, 13}, 48.85, 2.35, "Suicide bomb", "France", "FR");
  b.quantities = {{"aircraft", 3}, {"munitions", 20}};
  b.geo_precision = 7;  // clamped to 1..3
  Event undated = test::hand_event("c", {2015, 11, 1}, 0, 0, "Attack", "X", "SY");
  undated.when.date.reset();
  const Event events[] = {a, b, undated};
  const EventTable t = event_table_from(events);
  REQUIRE(t.size() == 2);  // an undated event has no place on a timeline
  CHECK(t.day0 == days_from_civil({2015, 11, 13}));
  CHECK(t.day_from[0] == 2);
  CHECK(t.day_to[0] == 4);
  CHECK(t.day_from[1] == 0);
  CHECK(t.day_to[1] == 0);
  CHECK(t.last_day() == 4);
  CHECK(t.sub_types[t.type[0]] == "Air/drone strike");
  CHECK(t.event_types[t.type[0]] == "Explosions/Remote violence");
  CHECK(t.actor1[0] == t.actor1[1]);  // "France" once
  CHECK(t.magnitude[0] == 4);
  CHECK(t.magnitude[1] == 20);  // no fatalities: the largest quantity
  CHECK(t.precision[1] == 3);
  CHECK(t.datasets[t.dataset[0]] == "sitmap");
  CHECK(t.fid[0] == -1);
}

TEST_CASE("event table: the rest put in by feature id; rows it lacks keep their names") {
  auto row = [](int64_t fid, std::string_view actor, std::string_view place) {
    EventRow r;
    r.from = CivilDate{2016, 1, static_cast<int>(fid)};
    r.event_type = "Battles";
    r.sub_event_type = "Armed clash";
    r.actor1 = actor;
    r.location = place;
    r.dataset = "sitmap";
    r.country_code = "SY";
    r.confidence = 0.5f + 0.01f * static_cast<float>(fid);
    r.fid = fid;
    return r;
  };
  EventTableBuilder drawn(TableColumns::drawn);
  for (const int64_t fid : {1, 2, 3, 5}) drawn.add(row(fid, "ignored", "ignored"));
  EventTable t = drawn.finish();
  CHECK(t.actors == std::vector<std::string>{""});
  EventTableBuilder later;  // a row the viewer took from a store it follows, whole
  later.add(row(9, "Later", "Raqqa"));
  append_event_table(t, later.finish());

  EventTableBuilder rest(TableColumns::rest);
  const std::string places[] = {"P0", "P1", "P2", "P3", "P4", "P5"};
  for (const int64_t fid : {1, 2, 4, 5}) rest.add(row(fid, fid == 2 ? "B" : "A", places[fid]));
  EventRow undated = row(6, "C", "P6");
  undated.from.reset();  // the rest keeps every row: the table says which it holds
  rest.add(undated);
  const EventTable r = rest.finish();
  CHECK(r.fid == std::vector<int64_t>{1, 2, 4, 5, 6});
  CHECK(r.lon.empty());

  fill_rest(t, r);
  REQUIRE(t.size() == 5);
  auto actor = [&](size_t i) { return t.actors[t.actor1[i]]; };
  auto place = [&](size_t i) { return t.locations[t.location[i]]; };
  CHECK(actor(0) == "A");
  CHECK(actor(1) == "B");
  CHECK(actor(2) == "");  // fid 3: not in the rest (gone from the store meanwhile)
  CHECK(actor(3) == "A");
  CHECK(actor(4) == "Later");
  CHECK(place(1) == "P2");
  CHECK(place(3) == "P5");
  CHECK(place(4) == "Raqqa");
  CHECK(t.confidence[1] == doctest::Approx(0.52));
  CHECK(t.confidence[2] == 0);
  CHECK(t.datasets[t.dataset[0]] == "sitmap");
  CHECK(t.countries[t.country[4]] == "SY");
}

TEST_CASE("event table: read from a store, the same columns as from the records") {
  HandStore h;
  const EventTable t = load_event_table(h.store);
  REQUIRE(t.size() == 5);
  std::vector<int64_t> fids(t.fid);
  std::sort(fids.begin(), fids.end());
  CHECK(std::adjacent_find(fids.begin(), fids.end()) == fids.end());
  for (size_t i = 0; i < t.size(); ++i) {
    const auto e = h.store.event_at(t.fid[i]);
    REQUIRE(e);
    CHECK(t.lat[i] == doctest::Approx(e->point.lat));
    CHECK(t.sub_types[t.type[i]] == e->sub_event_type);
    CHECK(t.day_from[i] == days_from_civil(*e->when.date) - t.day0);
  }
}

TEST_CASE("event table: the filters' mask selects what export selects") {
  HandStore h;
  const EventTable t = load_event_table(h.store);
  auto both = [&](const EventFilter& f) {
    std::set<std::string> exported;
    for_each_event(h.store, f, [&](const StoredEvent& e) { exported.insert(e.event.event_id); });
    std::set<std::string> masked_ids;
    const auto mask = filter_mask(t, f, &h.store);
    for (size_t i = 0; i < t.size(); ++i)
      if (mask[i]) masked_ids.insert(h.store.event_at(t.fid[i])->event_id);
    CHECK(masked_ids == exported);
    return masked_ids;
  };
  using Ids = std::set<std::string>;
  EventFilter f;
  CHECK(both(f).size() == 5);
  f.from = CivilDate{2015, 11, 14};
  f.to = CivilDate{2015, 11, 16};
  CHECK(both(f) == Ids{"raqqa", "mosul"});
  f = {};
  f.types = {"air/drone STRIKE"};
  CHECK(both(f) == Ids{"raqqa", "mosul", "homs"});
  f.actors = {"russia", "united"};
  CHECK(both(f) == Ids{"mosul", "homs"});
  f = {};
  f.bbox = BBox{36, 34, 40, 37};
  CHECK(both(f) == Ids{"raqqa", "aleppo", "homs"});
  f = {};
  f.country = "SY";
  CHECK(both(f) == Ids{"raqqa", "aleppo", "homs"});  // Mosul is coded SY but lies in Iraq's polygon
  f = {};
  f.dataset = "acled";
  CHECK(both(f).empty());
  f = {};
  f.min_confidence = 0.95;
  CHECK(both(f).empty());
}

TEST_CASE("a reader open on a store reads just the events another writer added since") {
  TempDir tmp;
  const std::string path = tmp.file("follow.gpkg");
  Store writer = Store::open(path);
  test::add_hand_events(writer);
  Store reader = Store::open(path, Store::Mode::read);
  const int64_t seen = reader.last_event_fid();
  CHECK(seen > 0);
  EventTable table = load_event_table(reader);
  REQUIRE(table.size() == 5);
  CHECK(load_event_table_after(reader, seen).size() == 0);

  const Event later[] = {test::hand_event("later-1", {2015, 11, 22}, 35.95, 39.01, "Shelling/artillery/missile attack", "Syria", "SY"),
                         test::hand_event("later-2", {2015, 11, 23}, 36.20, 37.13, "Armed clash", "France", "SY")};
  writer.append_events(later, "sitmap");
  CHECK(reader.last_event_fid() > seen);
  const EventTable part = load_event_table_after(reader, seen);
  REQUIRE(part.size() == 2);
  CHECK(part.fid[0] > seen);

  append_event_table(table, part);
  REQUIRE(table.size() == 7);
  CHECK(table.day0 == days_from_civil({2015, 9, 30}));                           // the new events come later: old days unchanged
  CHECK(table.sub_types[table.type[5]] == "Shelling/artillery/missile attack");  // a new type joins the table
  CHECK(table.sub_types[table.type[6]] == "Armed clash");                        // an old one is shared
  CHECK(table.actors[table.actor1[6]] == "France");
  CHECK(table.day_from[6] == static_cast<float>(days_from_civil({2015, 11, 23}) - table.day0));

  // The mask of the new rows alone.
  EventFilter clashes;
  clashes.types = {"Armed clash"};
  const auto mask = filter_mask(table, clashes, &reader, 5);
  REQUIRE(mask.size() == 2);
  CHECK(mask[0] == 0);
  CHECK(mask[1] == 1);
}

TEST_CASE("events earlier than a table's first day shift its days when appended") {
  const Event first[] = {test::hand_event("a", {2015, 11, 15}, 35.95, 39.01, "Air/drone strike", "France", "SY")};
  const Event earlier[] = {test::hand_event("b", {2015, 11, 10}, 35.95, 39.01, "Air/drone strike", "France", "SY")};
  EventTable table = event_table_from(first);
  append_event_table(table, event_table_from(earlier));
  REQUIRE(table.size() == 2);
  CHECK(table.day0 == days_from_civil({2015, 11, 10}));
  CHECK(table.day_from[0] == 5);
  CHECK(table.day_from[1] == 0);
}
