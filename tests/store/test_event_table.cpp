#include <doctest/doctest.h>

#include "store/event_table.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

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
  CHECK(table.day0 == days_from_civil({2015, 9, 30}));  // the new events come later: old days unchanged
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
