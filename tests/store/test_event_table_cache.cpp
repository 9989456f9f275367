// The viewer's event table of a GeoPackage read by stepping SQLite, and its
// cache file: the same table as the store's events, rebuilt when the store
// changes, ignored when damaged, written only for large tables.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/cache_file.hpp"
#include "core/hash.hpp"
#include "store/event_table.hpp"
#include "store/private/event_table_cache.hpp"
#include "store/private/store_impl.hpp"
#include "store/synthetic.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> cache_files(const TempDir& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir.path / "cache")) files.push_back(e.path());
  return files;
}

void check_same(const EventTable& a, const EventTable& b) {
  CHECK(a.day0 == b.day0);
  CHECK(a.lon == b.lon);
  CHECK(a.lat == b.lat);
  CHECK(a.day_from == b.day_from);
  CHECK(a.day_to == b.day_to);
  CHECK(a.type == b.type);
  CHECK(a.magnitude == b.magnitude);
  CHECK(a.precision == b.precision);
  CHECK(a.sources == b.sources);
  CHECK(a.confidence == b.confidence);
  CHECK(a.background == b.background);
  CHECK(a.actor1 == b.actor1);
  CHECK(a.actor2 == b.actor2);
  CHECK(a.country == b.country);
  CHECK(a.dataset == b.dataset);
  CHECK(a.location == b.location);
  CHECK(a.fid == b.fid);
  CHECK(a.sub_types == b.sub_types);
  CHECK(a.event_types == b.event_types);
  CHECK(a.actors == b.actors);
  CHECK(a.countries == b.countries);
  CHECK(a.datasets == b.datasets);
  CHECK(a.locations == b.locations);
}

}  // namespace

TEST_CASE("event table from SQLite: each row is its stored event") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  add_synthetic_events(store, 300);
  test::add_hand_events(store);
  const EventTableCache no_cache{tmp.file("cache"), 1u << 30};
  const auto t = load_geopackage_event_table(store, no_cache);
  REQUIRE(t);
  REQUIRE(t->size() == 305);
  for (size_t i = 0; i < t->size(); i += 7) {
    const auto e = store.event_at(t->fid[i]);
    REQUIRE(e);
    CHECK(t->lon[i] == doctest::Approx(e->point.lon));
    CHECK(t->lat[i] == doctest::Approx(e->point.lat));
    CHECK(t->day0 + static_cast<long>(t->day_from[i]) == days_from_civil(*e->when.date));
    CHECK(t->sub_types[t->type[i]] == (e->sub_event_type.empty() ? e->event_type : e->sub_event_type));
    CHECK(t->actors[t->actor1[i]] == e->actor1);
    CHECK(t->locations[t->location[i]] == e->location);
    CHECK(t->countries[t->country[i]] == e->country_code);
    CHECK(t->magnitude[i] == doctest::Approx(e->fatalities && *e->fatalities > 0 ? *e->fatalities : t->magnitude[i]));
  }
  CHECK_FALSE(fs::exists(tmp.path / "cache"));  // below min_events: no file
}

TEST_CASE("event table in two steps: the map's columns first, then the rest; together the table read at once") {
  TempDir tmp;
  const std::string path = tmp.file("s.gpkg");
  {
    Store store = Store::open(path);
    add_synthetic_events(store, 400);
    test::add_hand_events(store);
  }
  Store store = Store::open(path, Store::Mode::read);
  const auto whole = load_geopackage_event_table(store, EventTableCache{tmp.file("uncached"), 1u << 30});
  REQUIRE(whole);
  auto first = load_geopackage_event_table_first(store, EventTableCache{tmp.file("cache"), 1});
  REQUIRE(first);
  REQUIRE(first->rest);
  EventTable& t = first->table;
  REQUIRE(t.size() == whole->size());
  // What the map draws is there at once; the rest holds stand-ins.
  CHECK(t.lon == whole->lon);
  CHECK(t.day_from == whole->day_from);
  CHECK(t.sub_types == whole->sub_types);
  CHECK(t.magnitude == whole->magnitude);
  CHECK(t.actors == std::vector<std::string>{""});
  CHECK(std::all_of(t.confidence.begin(), t.confidence.end(), [](float c) { return c == 0; }));
  first->rest->fill(t);
  check_same(t, *whole);
  CHECK_THROWS(first->rest->fill(t));  // once
  first->rest.reset();                 // the cache file is written before its thread ends
  REQUIRE(cache_files(tmp).size() == 1);
  const auto cached = load_geopackage_event_table_first(store, EventTableCache{tmp.file("cache"), 1});
  REQUIRE(cached);
  CHECK_FALSE(cached->rest);  // whole from the cache file
  check_same(cached->table, *whole);
}

TEST_CASE("event table in two steps: the first window's events through the date indexes, then the whole table") {
  TempDir tmp;
  const std::string path = tmp.file("s.gpkg");
  const EventTableCache uncached{tmp.file("uncached"), 1u << 30};
  long last = 0;  // the latest event_date, as a day number
  {
    Store store = Store::open(path);
    add_synthetic_events(store, 3000);
    test::add_hand_events(store);
    const auto t = load_geopackage_event_table(store, uncached);
    REQUIRE(t);
    last = t->day0 + t->last_day();
    // Events with an end date: one running into the last week from before
    // it, one ending after every other event (the last day is its end),
    // one long over before the last week; and one without a date.
    auto ranged = [&](const char* id, long from, long to) {
      Event e = test::hand_event(id, civil_from_days(from), 33.5, 36.3, "Shelling/artillery/missile attack", "Ranged", "SY");
      e.when.date_to = civil_from_days(to);
      return e;
    };
    Event undated = test::hand_event("undated", {}, 34.0, 36.0, "Armed clash", "Nobody", "SY");
    undated.when.date.reset();
    const Event more[] = {ranged("into-window", last - 30, last), ranged("later-end", last - 20, last + 5),
                          ranged("long-over", last - 100, last - 50), undated};
    store.append_events(more, "sitmap");
  }
  Store store = Store::open(path, Store::Mode::read);
  const auto whole = load_geopackage_event_table(store, uncached);
  REQUIRE(whole);
  REQUIRE(whole->day0 + whole->last_day() == last + 5);

  auto first = load_geopackage_event_table_first(store, EventTableCache{tmp.file("cache"), 1}, 7);
  REQUIRE(first);
  REQUIRE(first->rest);
  REQUIRE(first->rows_from);
  const EventTable& t = first->table;
  CHECK(t.day0 == whole->day0);
  CHECK(t.last_day() == whole->last_day());
  CHECK(*first->rows_from == static_cast<float>(whole->last_day() - 6));
  // Its rows are those of the whole table that a window from rows_from on
  // shows (and no other), every column as there.
  std::vector<int64_t> shown;
  for (size_t i = 0; i < whole->size(); ++i)
    if (whole->day_to[i] >= *first->rows_from) shown.push_back(whole->fid[i]);
  CHECK(t.fid == shown);
  CHECK(shown.size() < whole->size() / 20);
  for (const char* id : {"into-window", "later-end"}) {
    const auto fid = store.event_fid(id);
    REQUIRE(fid);
    CHECK(std::find(t.fid.begin(), t.fid.end(), *fid) != t.fid.end());
  }
  CHECK(std::find(t.fid.begin(), t.fid.end(), *store.event_fid("long-over")) == t.fid.end());
  for (size_t k = 0; k < t.size(); ++k) {
    const size_t i = static_cast<size_t>(std::find(whole->fid.begin(), whole->fid.end(), t.fid[k]) - whole->fid.begin());
    REQUIRE(i < whole->size());
    CHECK(t.lon[k] == whole->lon[i]);
    CHECK(t.lat[k] == whole->lat[i]);
    CHECK(t.day_from[k] == whole->day_from[i]);
    CHECK(t.day_to[k] == whole->day_to[i]);
    CHECK(t.sub_types[t.type[k]] == whole->sub_types[whole->type[i]]);
    CHECK(t.event_types[t.type[k]] == whole->event_types[whole->type[i]]);
    CHECK(t.magnitude[k] == whole->magnitude[i]);
    CHECK(t.precision[k] == whole->precision[i]);
    CHECK(t.sources[k] == whole->sources[i]);
    CHECK(t.confidence[k] == whole->confidence[i]);
    CHECK(t.background[k] == whole->background[i]);
    CHECK(t.actors[t.actor1[k]] == whole->actors[whole->actor1[i]]);
    CHECK(t.actors[t.actor2[k]] == whole->actors[whole->actor2[i]]);
    CHECK(t.countries[t.country[k]] == whole->countries[whole->country[i]]);
    CHECK(t.datasets[t.dataset[k]] == whole->datasets[whole->dataset[i]]);
    CHECK(t.locations[t.location[k]] == whole->locations[whole->location[i]]);
  }
  // Then the whole table in its place, and the cache file written from it.
  first->rest->fill(first->table);
  check_same(first->table, *whole);
  first->rest.reset();
  REQUIRE(cache_files(tmp).size() == 1);
  const auto cached = load_geopackage_event_table_first(store, EventTableCache{tmp.file("cache"), 1}, 7);
  REQUIRE(cached);
  CHECK_FALSE(cached->rest);
  check_same(cached->table, *whole);
}

TEST_CASE("event table in two steps: a store without an index on event_date_to gives the map's columns of every event first") {
  TempDir tmp;
  const std::string path = tmp.file("s.gpkg");
  {
    Store store = Store::open(path);
    add_synthetic_events(store, 400);
    store.impl().execute("DROP INDEX events_event_date_to_idx");  // a store from before it, or another program's
  }
  Store store = Store::open(path, Store::Mode::read);
  const auto whole = load_geopackage_event_table(store, EventTableCache{tmp.file("uncached"), 1u << 30});
  REQUIRE(whole);
  auto first = load_geopackage_event_table_first(store, EventTableCache{tmp.file("cache"), 1}, 7);
  REQUIRE(first);
  REQUIRE(first->rest);
  CHECK_FALSE(first->rows_from);
  CHECK(first->table.size() == whole->size());
  first->rest->fill(first->table);
  check_same(first->table, *whole);
}

TEST_CASE("event table in two steps: dropped before the rest is read, nothing is left half done") {
  TempDir tmp;
  const std::string path = tmp.file("s.gpkg");
  {
    Store store = Store::open(path);
    add_synthetic_events(store, 3000);
  }
  Store store = Store::open(path, Store::Mode::read);
  for (int i = 0; i < 3; ++i) {
    auto first = load_geopackage_event_table_first(store, EventTableCache{tmp.file("cache"), 1});
    REQUIRE(first);
    if (first->rest) first->rest.reset();  // stops the reading (or, read already, writes the cache file)
  }
  for (const auto& f : fs::directory_iterator(tmp.path))
    CHECK(f.path().filename().string().find(".tmp") == std::string::npos);  // no temporary file left
  const auto table = load_geopackage_event_table(store, EventTableCache{tmp.file("cache"), 1});
  REQUIRE(table);
  CHECK(table->size() == 3000);
  CHECK(table->actors.size() > 1);
}

TEST_CASE("event table cache: read back while the store is unchanged, rebuilt when it changes, ignored when damaged") {
  TempDir tmp;
  const EventTableCache cache{tmp.file("cache"), 1};
  const std::string path = tmp.file("s.gpkg");
  {
    Store store = Store::open(path);
    add_synthetic_events(store, 500);
  }
  Store store = Store::open(path, Store::Mode::read);
  const auto fresh = load_geopackage_event_table(store, cache);
  REQUIRE(fresh);
  REQUIRE(cache_files(tmp).size() == 1);
  const fs::path file = cache_files(tmp).front();
  const auto written = fs::last_write_time(file);

  const auto cached = load_geopackage_event_table(store, cache);
  REQUIRE(cached);
  check_same(*fresh, *cached);
  CHECK(fs::last_write_time(file) == written);  // read, not rewritten

  // Another process adds events: the store's key changes, the table is read again.
  {
    Store writer = Store::open(path);
    test::add_hand_events(writer);
  }
  Store reopened = Store::open(path, Store::Mode::read);
  const auto grown = load_geopackage_event_table(reopened, cache);
  REQUIRE(grown);
  CHECK(grown->size() == fresh->size() + 5);
  REQUIRE(cache_files(tmp).size() == 1);

  // A damaged cache file (one byte changed, or cut short) is read around.
  for (const bool truncate : {false, true}) {
    {
      std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(fs::file_size(file) / 2));
      f.put('\x7f');
    }
    if (truncate) fs::resize_file(file, fs::file_size(file) - 100);
    const auto again = load_geopackage_event_table(reopened, cache);
    REQUIRE(again);
    check_same(*grown, *again);
  }
}

TEST_CASE("event table cache: rebuilding one removes the files of stores that changed since or are gone") {
  TempDir tmp;
  const EventTableCache cache{tmp.file("cache"), 1};
  for (const char* name : {"a.gpkg", "b.gpkg", "c.gpkg"}) {
    {
      Store writer = Store::open(tmp.file(name));
      add_synthetic_events(writer, 300);
    }
    Store store = Store::open(tmp.file(name), Store::Mode::read);
    REQUIRE(load_geopackage_event_table(store, cache));
  }
  REQUIRE(cache_files(tmp).size() == 3);
  {
    Store b = Store::open(tmp.file("b.gpkg"));
    test::add_hand_events(b);  // b changed: its file is stale
  }
  fs::remove(tmp.file("c.gpkg"));  // c is gone: its file would never be read again
  {
    Store a = Store::open(tmp.file("a.gpkg"));
    test::add_hand_events(a);
  }
  Store a = Store::open(tmp.file("a.gpkg"), Store::Mode::read);
  REQUIRE(load_geopackage_event_table(a, cache));  // rebuilt: a's file replaced, b's and c's removed
  REQUIRE(cache_files(tmp).size() == 1);
  CHECK(read_cache_key(cache_files(tmp).front().string())->find("a.gpkg") != std::string::npos);
}

namespace {

// One agency's report of one strike (its text makes its reading's key).
DocumentRecord strike_report(const std::string& id, const std::string& agency) {
  DocumentRecord r;
  r.doc.id = id;
  r.doc.source = id + ".txt";
  r.doc.byline = agency;
  r.doc.text = "Report " + id + ".";
  r.content_hash = content_hash(r.doc.text);
  Event e = test::hand_event(id + "-1", {2016, 3, 3}, 36.528, 37.955, "Air/drone strike", "Military Forces of Russia", "SY");
  e.document_id = id;
  e.location = "Manbij";
  e.geonameid = 166365;
  e.sentence = "Jets struck the town, " + agency + " said.";  // another sentence: an independent source
  r.events.push_back(e);
  return r;
}

}  // namespace

TEST_CASE("event table cache: a report joining a stored event rewrites its canonical row, and the table is read again") {
  TempDir tmp;
  const EventTableCache cache{tmp.file("cache"), 1};
  const std::string path = tmp.file("s.gpkg");
  {
    Store store = Store::open(path);
    add_synthetic_readings(store, 200);
    const DocumentRecord first = strike_report("afp1", "AFP");
    store.add_documents(std::span(&first, 1));
  }
  size_t before = 0;
  {
    Store store = Store::open(path, Store::Mode::read);
    const auto table = load_geopackage_event_table(store, cache);
    REQUIRE(table);
    before = table->size();
    CHECK(std::count(table->sources.begin(), table->sources.end(), 2) == 0);
    REQUIRE(cache_files(tmp).size() == 1);
  }
  {
    Store writer = Store::open(path);
    const DocumentRecord second = strike_report("reu1", "Reuters");
    writer.add_documents(std::span(&second, 1));  // the same strike: one event of two sources, no new event
  }
  Store reopened = Store::open(path, Store::Mode::read);
  const auto table = load_geopackage_event_table(reopened, cache);
  REQUIRE(table);
  CHECK(table->size() == before);
  CHECK(std::count(table->sources.begin(), table->sources.end(), 2) == 1);
  const auto fresh = load_geopackage_event_table(reopened, EventTableCache{tmp.file("uncached"), 1u << 30});
  REQUIRE(fresh);
  check_same(*table, *fresh);
}

TEST_CASE("cache files: the key must match, the payload must be whole") {
  TempDir tmp;
  const std::string file = tmp.file("sub/x.cache");
  PayloadWriter w;
  w.value<int32_t>(7);
  w.array(std::vector<double>{1.5, -2});
  w.strings({"a", "", "cé"});
  REQUIRE(write_cache_file(file, "key 1", w.bytes()));
  CHECK_FALSE(read_cache_file(file, "key 2"));
  const auto bytes = read_cache_file(file, "key 1");
  REQUIRE(bytes);
  PayloadReader r(*bytes);
  CHECK(r.value<int32_t>() == 7);
  CHECK(r.array<double>() == std::vector<double>{1.5, -2});
  CHECK(r.strings() == std::vector<std::string>{"a", "", "cé"});
  CHECK(r.ok());
  PayloadReader short_read(std::string_view(*bytes).substr(0, bytes->size() - 1));
  short_read.value<int32_t>();
  short_read.array<double>();
  short_read.strings();
  CHECK_FALSE(short_read.ok());
  std::ofstream(tmp.file("plain")) << "a file, not a directory";
  CHECK_FALSE(write_cache_file(tmp.file("plain/x.cache"), "k", "p"));
  CHECK(fs::file_size(tmp.file("plain")) == 23);
}
