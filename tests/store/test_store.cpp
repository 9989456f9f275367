#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/hash.hpp"
#include "store/private/schema.hpp"
#include "store/private/store_impl.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

// A report as ingest hands it over: plain records, no gazetteer needed.
DocumentRecord raqqa_report(const std::string& id) {
  DocumentRecord r;
  r.doc.id = id;
  r.doc.title = "French jets strike Raqqa";
  r.doc.source = id + ".txt";
  r.doc.published = CivilDate{2015, 11, 16};
  r.doc.text = "PARIS - French jets bombed Raqqa on Sunday night, the ministry said. More raids followed.";
  r.content_hash = content_hash(r.doc.text);
  Event e = test::hand_event(id + "-1", {2015, 11, 15}, 35.95, 39.01, "Air/drone strike", "France", "SY");
  e.document_id = id;
  e.start = 8;
  e.end = 68;
  e.location_start = 27;
  e.location_end = 32;
  r.events.push_back(e);
  MentionRecord m;
  m.start = 27;
  m.end = 32;
  m.text = "Raqqa";
  m.cue = "";
  m.candidates.push_back({172955, "Ar Raqqah", "PPLA", "SY", "Ar Raqqah", {35.95, 39.01}, 9.5});
  m.candidates.push_back({0, "Raqqa", "ADM1", "SY", "Ar Raqqah", {35.7, 38.9}, 4.25});
  r.mentions.push_back(m);
  MentionRecord unresolved;
  unresolved.start = 0;
  unresolved.end = 5;
  unresolved.text = "PARIS";
  r.mentions.push_back(unresolved);
  return r;
}

}  // namespace

TEST_CASE("a report stored from plain records: its document, events and mentions") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  const DocumentRecord r = raqqa_report("r1");
  store.add_documents(std::span<const DocumentRecord>(&r, 1));
  CHECK(store.count(kDocumentsLayer) == 1);
  CHECK(store.count(kEventsLayer) == 1);
  CHECK(store.count(kMentionsLayer) == 2);
  CHECK(store.has_content(r.content_hash));
  CHECK(store.has_document_id("r1"));
  CHECK_FALSE(store.has_document_id("r2"));

  const auto fid = store.event_fid("r1-1");
  REQUIRE(fid);
  CHECK_FALSE(store.event_fid("none").has_value());
  const auto e = store.event_at(*fid);
  REQUIRE(e);
  CHECK(e->document_id == "r1");
  CHECK_FALSE(store.event_at(*fid + 1000).has_value());

  const auto excerpt = store.document_excerpt("r1", e->start, e->end, 5);
  REQUIRE(excerpt);
  CHECK(excerpt->title == "French jets strike Raqqa");
  CHECK(excerpt->before == "IS - ");  // the 5 bytes before the sentence
  CHECK(excerpt->after == " More");
  CHECK_FALSE(store.document_excerpt("r2", 0, 1).has_value());

  const auto candidates = store.mention_candidates("r1", 27);
  REQUIRE(candidates.size() == 2);
  CHECK(candidates[0].name == "Ar Raqqah");
  CHECK(candidates[0].geonameid == 172955u);
  CHECK(candidates[1].score == 4.25);
  CHECK(candidates[1].point.lat == 35.7);
  CHECK(store.mention_candidates("r1", 0).empty());   // unresolved: no places
  CHECK(store.mention_candidates("r2", 27).empty());  // no such report
  CHECK(store.mention_candidates("r1", 99).empty());  // no mention there

  // Reopened, the store knows its reports and finds them again.
  Store reopened = Store::open(tmp.file("s.gpkg"), Store::Mode::read);
  CHECK(reopened.has_content(r.content_hash));
  CHECK(reopened.document_excerpt("r1", 8, 68).has_value());
}

TEST_CASE("events read back as they were written") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  Event e = test::hand_event("e1", {2015, 11, 15}, 35.9528314, 39.0078812, "Air/drone strike", "France", "SY");
  e.when.date_to = CivilDate{2015, 11, 17};
  e.fatalities = 3;
  e.quantities = {{"aircraft", 12}, {"munitions", 20}};
  e.targets = {"command post", "arms depot"};
  e.location_start = 10;
  e.location_end = 15;
  e.background = true;
  store.append_events(std::span<const Event>(&e, 1), "sitmap");
  const auto fid = store.event_fid("e1");
  REQUIRE(fid);
  const auto back = store.event_at(*fid);
  REQUIRE(back);
  CHECK(back->event_id == "e1");
  CHECK(back->when.date == CivilDate{2015, 11, 15});
  CHECK(back->when.date_to == CivilDate{2015, 11, 17});
  CHECK(back->point.lat == doctest::Approx(35.952831).epsilon(1e-9));
  CHECK(back->fatalities == 3);
  CHECK(back->quantities.at("munitions") == 20);
  CHECK(back->targets == e.targets);
  CHECK(back->location_start == 10u);
  CHECK(back->background);
  // The point geometry is the rounded record's (white-box: the layer itself).
  FeaturePtr f(store.impl().layer(kEventsLayer).GetFeature(*fid));
  REQUIRE(f);
  CHECK(f->GetGeometryRef()->toPoint()->getX() == doctest::Approx(39.007881));
}

TEST_CASE("a file that is no store: the error says what failed, never \"unknown GDAL error\"") {
  TempDir tmp;
  const std::string text = tmp.file("notes.gpkg");
  std::ofstream(text) << "not a GeoPackage at all\n";
  CHECK_THROWS_WITH_AS(Store::open(text, Store::Mode::read), doctest::Contains("not a GeoPackage"), StoreError);
  CHECK_THROWS_WITH_AS(Store::open(text, Store::Mode::update), doctest::Contains("not a GeoPackage"), StoreError);
  CHECK_THROWS_WITH_AS(Store::open(tmp.file("missing.gpkg"), Store::Mode::read), doctest::Contains("no such store"), StoreError);
  try {
    Store::open(text, Store::Mode::read);
  } catch (const StoreError& e) { CHECK(std::string(e.what()).find("unknown GDAL error") == std::string::npos); }
  // A directory where the store would be created cannot be written: the reason is named.
  CHECK_THROWS_WITH_AS(Store::open("/proc/sitmap-test.gpkg"), doctest::Contains("sitmap-test.gpkg"), StoreError);
}
