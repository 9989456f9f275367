#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "store/canonical.hpp"
#include "store/filter.hpp"
#include "store/private/merge.hpp"
#include "store/private/schema.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

Event strike(const std::string& doc, CivilDate day, double lat, double lon, const std::string& actor = "Military Forces of Russia") {
  Event e = test::hand_event(doc + "-1", day, lat, lon, "Air/drone strike", actor, "SY");
  e.document_id = doc;
  e.location = "Manbij";
  e.admin1 = "Aleppo";
  e.geonameid = static_cast<uint32_t>(std::lround(lat * 1000 + lon));  // a gazetteer entry per point
  e.sentence = "Jets struck the town, " + doc + " said.";
  return e;
}

constexpr CivilDate kDay{2016, 3, 3};
constexpr double kLat = 36.528, kLon = 37.955;  // Manbij

bool rule_passed(const MatchVerdict& v, const std::string& rule) {
  for (const RuleCheck& c : v.checks)
    if (c.rule == rule) return c.passed;
  FAIL("no rule " << rule);
  return false;
}

// A report of given events: its text makes its content hash (the readings' keys).
DocumentRecord report(const std::string& id, std::vector<Event> events, const std::string& agency = "") {
  DocumentRecord r;
  r.doc.id = id;
  r.doc.source = id + ".txt";
  r.doc.byline = agency;
  r.doc.text = "Report " + id + ".";
  r.content_hash = content_hash(r.doc.text);
  for (Event& e : events) e.document_id = id;
  r.events = std::move(events);
  return r;
}

// What a store's canonical events are: id, sources, reports, fatalities, sorted.
std::vector<std::string> canonical_rows(Store& store) {
  std::vector<Event> events;
  for_each_event(store, {}, [&](const StoredEvent& s) { events.push_back(s.event); });
  std::vector<std::string> rows;
  for (const Event& e : events) {
    const auto group = store.canonical_event(e.event_id);
    REQUIRE(group);
    std::string docs;
    for (const auto& d : group->document_ids) docs += d + ",";
    rows.push_back(e.event_id + " " + std::to_string(group->source_count) + " " + docs + " " +
                   (e.fatalities ? std::to_string(*e.fatalities) : "-") + " " + e.location);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Reports of a busy week: three agencies on one strike, its near misses,
// and a chain (a province-wide report joining two towns' reports).
std::vector<DocumentRecord> busy_week() {
  std::vector<DocumentRecord> out;
  Event a = strike("afp1", kDay, kLat, kLon);
  a.fatalities = 12;
  Event b = strike("reu1", kDay, kLat + 0.01, kLon);
  b.fatalities = 9;
  Event c = strike("xin1", kDay, kLat, kLon + 0.01);
  out.push_back(report("afp1", {a}, "AFP"));
  out.push_back(report("reu1", {b}, "Reuters"));
  out.push_back(report("xin1", {c}, "Xinhua"));
  out.push_back(report("afp2", {strike("afp2", add_days(kDay, 1), kLat, kLon)}, "AFP"));
  Event kobani = strike("reu2", kDay, 36.891, 38.353);
  kobani.location = "Kobani";
  kobani.geonameid = 170794;
  out.push_back(report("reu2", {kobani}, "Reuters"));
  out.push_back(report("afp3", {strike("afp3", kDay, kLat, kLon, "Military Forces of Turkiye")}, "AFP"));
  Event province = strike("xin2", kDay, 36.2, 37.5);
  province.location = "Aleppo";
  province.geo_precision = 3;
  province.geonameid.reset();
  out.push_back(report("xin2", {province, strike("xin2", add_days(kDay, 5), kLat, kLon)}, "Xinhua"));
  out.back().events[1].event_id = "xin2-2";
  return out;
}

// Strikes on two towns 16 km apart, the same day: two canonical events, "w-1" and "e-1".
void store_two_towns(Store& store) {
  Event west = strike("w", kDay, kLat, kLon), east = strike("e", kDay, kLat, kLon + 0.18);
  east.location = "East";
  east.geonameid = 1;
  std::vector<DocumentRecord> two = {report("w", {west}, "AFP"), report("e", {east}, "Reuters")};
  store.add_documents(two);
}

}  // namespace

TEST_CASE("the pairwise rule: one strike told by two agencies, and its near misses") {
  const Event a = strike("afp", kDay, kLat, kLon), b = strike("reuters", kDay, kLat + 0.02, kLon);
  CHECK(match_readings(a, b).same);
  CHECK(match_readings(b, a).same);

  const MatchVerdict next_day = match_readings(a, strike("x", add_days(kDay, 1), kLat, kLon));
  CHECK_FALSE(next_day.same);
  CHECK_FALSE(rule_passed(next_day, "date"));
  CHECK(rule_passed(next_day, "place"));

  const MatchVerdict far = match_readings(a, strike("x", kDay, 36.891, 38.353));  // 54 km
  CHECK_FALSE(far.same);
  CHECK_FALSE(rule_passed(far, "place"));

  Event protest = strike("x", kDay, kLat, kLon);
  protest.event_type = "Protests";
  protest.sub_event_type = "Peaceful protest";
  CHECK_FALSE(rule_passed(match_readings(a, protest), "type"));

  const MatchVerdict other_side = match_readings(a, strike("x", kDay, kLat, kLon, "Military Forces of Turkiye"));
  CHECK_FALSE(other_side.same);
  CHECK_FALSE(rule_passed(other_side, "actors"));

  // One report's own events were kept apart by its extraction.
  CHECK_FALSE(rule_passed(match_readings(a, strike("afp", kDay, kLat, kLon)), "reports"));
}

TEST_CASE("the pairwise rule: precision widens place and date; kin sub-types; unnamed sides") {
  const Event town = strike("a", kDay, kLat, kLon);
  Event province = strike("b", kDay, 36.2, 37.5);  // Aleppo governorate's centre, 50 km off
  province.geo_precision = 3;
  province.location = "Aleppo";
  CHECK(match_readings(town, province).same);
  province.admin1 = "Ar Raqqah";
  CHECK_FALSE(match_readings(town, province).same);

  Event near = strike("c", kDay, kLat + 0.15, kLon);  // 17 km: "near Manbij"
  CHECK_FALSE(match_readings(town, near).same);
  near.geo_precision = 2;
  CHECK(match_readings(town, near).same);

  Event week = strike("d", add_days(kDay, 2), kLat, kLon);
  CHECK_FALSE(match_readings(town, week).same);
  week.when.precision = 2;
  CHECK(match_readings(town, week).same);

  Event missile = strike("e", kDay, kLat, kLon);
  missile.sub_event_type = "Shelling/artillery/missile attack";
  CHECK(match_readings(town, missile).same);

  Event unnamed = strike("f", kDay, kLat, kLon, "");
  CHECK(match_readings(town, unnamed).same);
  // A side named generically is unnamed too; two groups by name are not one side.
  Event generic = strike("h", kDay, kLat, kLon, "Unidentified Armed Group (Syria)");
  CHECK(match_readings(town, generic).same);
  Event other = strike("i", kDay, kLat, kLon, "Military Forces of Syria");
  CHECK_FALSE(match_readings(town, other).same);

  Event background = strike("g", kDay, kLat, kLon);
  background.background = true;
  CHECK_FALSE(rule_passed(match_readings(town, background), "mergeable"));
}

TEST_CASE("actor names as ACLED writes them meet ours") {
  CHECK(normalise_actor("Military Forces of France") == normalise_actor("France"));
  CHECK(normalise_actor("Military Forces of France (2012-2017)") == "france");
  CHECK(normalise_actor("French warplanes") == "france");
  CHECK(normalise_actor("Military Forces of the United States") == normalise_actor("United States"));
  CHECK(normalise_actor("Military Forces of Türkiye") == normalise_actor("Turkish forces"));
  CHECK(normalise_actor("Islamic State") == normalise_actor("ISIS"));
  CHECK(normalise_actor("Military Forces of Russia") != normalise_actor("Military Forces of France"));
}

TEST_CASE("independent sources: one agency's rewrite, or a copy of one sentence, counts once") {
  auto reading = [](std::string key, std::string agency, std::string sentence) {
    Event e = strike(key, kDay, kLat, kLon);
    e.sentence = sentence;
    return summarise(e, {key, agency, sentence_fingerprint(sentence)});
  };
  std::vector<ReadingSummary> r = {reading("1", "afp", "Jets bombed Manbij."), reading("2", "reuters", "Aircraft struck Manbij."),
                                   reading("3", "xinhua", "Manbij was bombed.")};
  CHECK(independent_sources(r) == 3);
  r.push_back(reading("4", "afp", "Warplanes hit Manbij again."));  // AFP's update
  CHECK(independent_sources(r) == 3);
  r.push_back(reading("5", "example.com", "JETS bombed  Manbij!"));  // a site running AFP's copy
  CHECK(independent_sources(r) == 3);
  r.push_back(reading("6", "", "Local people said the market burned."));
  CHECK(independent_sources(r) == 4);
}

TEST_CASE("a canonical event: most precise place, lowest toll, sources raise confidence") {
  Event precise = strike("b", kDay, kLat, kLon);
  precise.fatalities = 12;
  precise.confidence = 0.6;
  Event vague = strike("a", kDay, 36.2, 37.5);
  vague.geo_precision = 3;
  vague.location = "Aleppo";
  vague.fatalities = 9;
  vague.confidence = 0.6;
  const std::vector<Event> events = {vague, precise};
  std::vector<ReadingSummary> readings = {summarise(vague, {"k1", "afp", "x"}), summarise(precise, {"k2", "reuters", "y"})};
  const CanonicalEvent c = fold_canonical(readings, events);
  CHECK(c.event.event_id == "ck1");  // the smallest key names the group
  CHECK(c.event.location == "Manbij");
  CHECK(c.event.geo_precision == 1);
  CHECK(c.event.fatalities == 9);
  CHECK(c.source_count == 2);
  CHECK(c.event.confidence == doctest::Approx(0.84));
  CHECK(c.document_ids == std::vector<std::string>{"a", "b"});
  std::reverse(readings.begin(), readings.end());
  const CanonicalEvent again = fold_canonical(readings, events);
  // A reading that names a side generically yields to one that names it.
  Event named = precise, generic = vague;
  generic.actor1 = "Unidentified Armed Group (Syria)";
  generic.actor2 = "Civilians (Syria)";
  named.actor1 = "Islamic State";
  named.actor2 = "";
  generic.geo_precision = 1;  // the generic reading is the most precise: its sides are replaced, not kept
  const std::vector<Event> pair_first = {generic, named};
  const CanonicalEvent sides =
      fold_canonical({summarise(generic, {"k1", "afp", "x"}), summarise(named, {"k2", "reuters", "y"})}, pair_first);
  CHECK(sides.event.actor1 == "Islamic State");
  CHECK(sides.event.actor2 == "Civilians (Syria)");
  // A generic actor1 does not keep a named second side out.
  Event unnamed_first = generic, named_second = vague;
  unnamed_first.actor2 = "";
  named_second.actor1 = "";
  named_second.actor2 = "Military Forces of Syria";
  const std::vector<Event> both = {unnamed_first, named_second};
  const CanonicalEvent second =
      fold_canonical({summarise(unnamed_first, {"k1", "afp", "x"}), summarise(named_second, {"k2", "reuters", "y"})}, both);
  CHECK(second.event.actor2 == "Military Forces of Syria");
  CHECK(again.event.event_id == c.event.event_id);
  CHECK(summaries_json(again.readings) == summaries_json(c.readings));
  CHECK(summaries_json(summaries_from_json(summaries_json(c.readings))) == summaries_json(c.readings));
}

namespace {
// The JSON a stored summary and a document list had when nlohmann::json
// wrote them (what stores hold): the writer must give the same bytes.
std::string summaries_json_as_nlohmann(std::span<const ReadingSummary> readings) {
  nlohmann::json out = nlohmann::json::array();
  for (const ReadingSummary& r : readings) {
    nlohmann::json j = {{"key", r.key},
                        {"event_id", r.event_id},
                        {"document_id", r.document_id},
                        {"agency", r.agency},
                        {"fingerprint", r.fingerprint},
                        {"time_precision", r.time_precision},
                        {"geo_precision", r.geo_precision},
                        {"location", r.location},
                        {"latitude", std::round(r.latitude * 1e6) / 1e6},
                        {"longitude", std::round(r.longitude * 1e6) / 1e6},
                        {"actor1", r.actor1},
                        {"actor2", r.actor2},
                        {"confidence", std::round(r.confidence * 100) / 100}};
    j["date"] = r.date ? nlohmann::json(to_iso(*r.date)) : nlohmann::json();
    j["date_to"] = r.date_to ? nlohmann::json(to_iso(*r.date_to)) : nlohmann::json();
    j["fatalities"] = r.fatalities ? nlohmann::json(*r.fatalities) : nlohmann::json();
    out.push_back(std::move(j));
  }
  return out.dump();
}
}  // namespace

TEST_CASE("summaries and document lists are written as nlohmann::json wrote them: odd strings, numbers, nulls") {
  const std::vector<std::string> texts = {"",
                                          "Manbij",
                                          "say \"no\"",
                                          "back\\slash",
                                          "line\nbreak\ttab\rreturn",
                                          std::string("nul\0byte", 8),
                                          "\x01\x1f control",
                                          "del \x7f",
                                          "Al-B\xc4\xabr\xc5\xab\xc3\xa9",
                                          "\xd8\xad\xd9\x84\xd8\xa8",
                                          "emoji \xf0\x9f\x92\xa5"};
  const std::vector<double> numbers = {0.0, -0.0, 36.528, -37.955001, 1e-7, -4e-6, 0.005, 89.9999995, 180.0, 1e20, 0.3333333, std::nan("")};
  std::vector<ReadingSummary> all;
  for (size_t i = 0; i < texts.size() * 3; ++i) {
    ReadingSummary r;
    r.key = "k" + std::to_string(i);
    r.event_id = texts[i % texts.size()];
    r.document_id = texts[(i + 1) % texts.size()];
    r.agency = texts[(i + 2) % texts.size()];
    r.fingerprint = texts[(i + 3) % texts.size()];
    r.location = texts[(i + 4) % texts.size()];
    r.actor1 = texts[(i + 5) % texts.size()];
    r.actor2 = texts[(i + 6) % texts.size()];
    r.latitude = numbers[i % numbers.size()];
    r.longitude = numbers[(i + 1) % numbers.size()];
    r.confidence = numbers[(i + 2) % numbers.size()];
    r.time_precision = static_cast<int>(i % 3) + 1;
    r.geo_precision = -static_cast<int>(i);
    if (i % 2) r.fatalities = static_cast<int>(i) - 5;
    if (i % 3) r.date = CivilDate{2015, 11, static_cast<int>(i % 28 + 1)};
    if (i % 4 == 1) r.date_to = CivilDate{2016, 1, 2};
    const std::string one = summaries_json(std::span(&r, 1));
    CHECK(one == summaries_json_as_nlohmann(std::span(&r, 1)));
    all.push_back(r);
  }
  CHECK(summaries_json(all) == summaries_json_as_nlohmann(all));
  CHECK(summaries_json({}) == "[]");
  CHECK(document_ids_json(texts) == nlohmann::json(texts).dump());
  CHECK(document_ids_json({}) == "[]");
  // Text that is no UTF-8 is refused as nlohmann::json refused it.
  ReadingSummary bad;
  bad.key = "k";
  bad.location = "Rakka\xff";
  CHECK_THROWS_AS(summaries_json_as_nlohmann(std::span(&bad, 1)), nlohmann::json::type_error);
  CHECK_THROWS_AS(summaries_json(std::span(&bad, 1)), nlohmann::json::type_error);
}

TEST_CASE("stored: three agencies make one event; near misses stay apart; order and batches change nothing") {
  const std::vector<DocumentRecord> week = busy_week();
  TempDir tmp;
  std::vector<std::string> first;
  std::mt19937 shuffle(13);
  for (int run = 0; run < 5; ++run) {
    std::vector<DocumentRecord> order = week;
    if (run == 1) std::reverse(order.begin(), order.end());
    if (run > 1) std::shuffle(order.begin(), order.end(), shuffle);
    Store store = Store::open(tmp.file("run" + std::to_string(run) + ".gpkg"));
    const size_t batch = run == 0 ? order.size() : static_cast<size_t>(run);
    for (size_t i = 0; i < order.size(); i += batch) store.add_documents(std::span(order).subspan(i, std::min(batch, order.size() - i)));
    CHECK(store.count(kReadingsLayer) == 8);
    const std::vector<std::string> rows = canonical_rows(store);
    if (run == 0) {
      first = rows;
      // The strike (3 agencies), the province-wide report that holds
      // Manbij and Kobani (and so joins Kobani's strike to it: groups are
      // connected), the next day, the Turkish strike, five days later.
      REQUIRE(rows.size() == 4);
      const auto strike_row =
          std::find_if(rows.begin(), rows.end(), [](const std::string& r) { return r.find("afp1,") != std::string::npos; });
      REQUIRE(strike_row != rows.end());
      CHECK(strike_row->find(" 3 afp1,reu1,reu2,xin1,xin2, 9 Manbij") != std::string::npos);
    } else {
      CHECK(rows == first);
    }
    store.rebuild_canonical_events();
    CHECK(canonical_rows(store) == first);
  }
}

TEST_CASE("stored: a reading that joins two groups merges them, relabelling their readings") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  // Two towns 16 km apart: apart as towns, joined by a "near" reading between them.
  store_two_towns(store);
  CHECK(store.count(kEventsLayer) == 2);
  Event between = strike("n", kDay, kLat, kLon + 0.09);
  between.geo_precision = 2;
  const DocumentRecord joining = report("n", {between}, "Xinhua");
  store.add_documents(std::span(&joining, 1));
  CHECK(store.count(kEventsLayer) == 1);
  const auto group = store.canonical_event("n-1");
  REQUIRE(group);
  CHECK(group->readings.size() == 3);
  CHECK(group->source_count == 3);
  const auto by_other = store.canonical_event("w-1");
  REQUIRE(by_other);
  CHECK(by_other->event.event_id == group->event.event_id);
}

TEST_CASE("stored: a follower is told of canonical events rewritten in place and merged away") {
  TempDir tmp;
  Store store = Store::open(tmp.file("s.gpkg"));
  store_two_towns(store);
  const auto fid_of = [&](const std::string& reading) { return store.canonical_event(reading)->fid; };
  const int64_t west_fid = fid_of("w-1"), east_fid = fid_of("e-1");
  const Store::ChangeMarks start = store.change_marks();
  CHECK(start.reading > 0);
  const Store::CanonicalChanges none = store.canonical_changes_after(start);
  CHECK(none.rewritten.empty());
  CHECK(none.removed.empty());
  CHECK(none.marks.reading == start.reading);

  // A second agency's report of the western strike: that event is rewritten in place.
  const DocumentRecord again = report("w2", {strike("w2", kDay, kLat, kLon)}, "Xinhua");
  store.add_documents(std::span(&again, 1));
  const Store::CanonicalChanges rewritten = store.canonical_changes_after(start);
  CHECK(rewritten.rewritten == std::vector<int64_t>{west_fid});
  CHECK(rewritten.removed.empty());
  CHECK(rewritten.marks.reading > start.reading);
  CHECK(store.canonical_event("w2-1")->source_count == 2);

  // A reading between the towns joins the two groups: one row is rewritten, the other deleted.
  Event between = strike("n", kDay, kLat, kLon + 0.09);
  between.geo_precision = 2;
  const DocumentRecord joining = report("n", {between}, "DPA");
  store.add_documents(std::span(&joining, 1));
  const Store::CanonicalChanges merged = store.canonical_changes_after(rewritten.marks);
  const int64_t kept = fid_of("n-1");
  REQUIRE(merged.rewritten.size() == 1);
  CHECK(merged.rewritten.front() == kept);
  REQUIRE(merged.removed.size() == 1);
  CHECK(merged.removed.front() == (kept == west_fid ? east_fid : west_fid));
  CHECK(merged.marks.merge > rewritten.marks.merge);
  CHECK(store.canonical_changes_after(merged.marks).rewritten.empty());

  // A rebuild makes every canonical event again: followers read the store afresh.
  store.rebuild_canonical_events();
  CHECK(store.canonical_changes_after(merged.marks).removed == std::vector<int64_t>{-1});
}

TEST_CASE("a store of version 1 (per-report events in the events layer) is upgraded on open") {
  TempDir tmp;
  const std::string path = tmp.file("old.gpkg");
  {
    Store store = Store::open(path);
    std::vector<Event> old = {strike("afp1", kDay, kLat, kLon), strike("reu1", kDay, kLat, kLon),
                              strike("afp2", add_days(kDay, 1), kLat, kLon)};
    store.append_events(old, "sitmap");
    store.impl().execute("DELETE FROM sitmap_meta");  // as version 1 left it: no version recorded
  }
  {
    Store store = Store::open(path, Store::Mode::read);
    CHECK(store.count(kEventsLayer) == 3);  // read-only opens change nothing
  }
  Store store = Store::open(path);
  CHECK(store.count(kReadingsLayer) == 3);
  CHECK(store.count(kEventsLayer) == 2);
  const auto group = store.canonical_event("afp1-1");
  REQUIRE(group);
  CHECK(group->readings.size() == 2);
  CHECK(store.impl().schema_version() == kSchemaVersion);
}

namespace {

// Does the readings layer have an R-tree (its table in the GeoPackage)?
bool readings_have_rtree(Store& store) {
  GDALDataset& ds = *store.impl().ds;
  OGRLayer* result = ds.ExecuteSQL("SELECT COUNT(*) FROM sqlite_master WHERE name = 'rtree_readings_geom'", nullptr, nullptr);
  REQUIRE(result);
  FeaturePtr row(result->GetNextFeature());
  const bool there = row && row->GetFieldAsInteger64(0) > 0;
  ds.ReleaseResultSet(result);
  return there;
}

}  // namespace

TEST_CASE("a store of version 2 (an R-tree on its readings) is upgraded on open: the R-tree goes, a box finds what it found") {
  TempDir tmp;
  const std::string path = tmp.file("v2.gpkg");
  EventFilter manbij;  // the readings of Manbij, not Kobani's nor the province's
  manbij.per_report = true;
  manbij.bbox = BBox{37.9, 36.5, 38.0, 36.6};
  auto readings_in_box = [&](Store& store) {
    std::vector<std::string> ids;
    for_each_event(store, manbij, [&](const StoredEvent& s) { ids.push_back(s.event.event_id); });
    return ids;
  };
  {
    Store store = Store::open(path);
    store.add_documents(busy_week());
    CHECK_FALSE(readings_have_rtree(store));  // version 3 makes none
    store.impl().execute("SELECT CreateSpatialIndex('readings', 'geom')");
    store.impl().execute("UPDATE sitmap_meta SET value = '2' WHERE key = 'schema_version'");
  }
  std::vector<std::string> before;
  {
    Store store = Store::open(path, Store::Mode::read);
    CHECK(readings_have_rtree(store));  // read-only opens change nothing
    CHECK(store.impl().schema_version() == 2);
    before = readings_in_box(store);
  }
  CHECK(before.size() == 6);
  Store store = Store::open(path);
  CHECK_FALSE(readings_have_rtree(store));
  CHECK(store.impl().schema_version() == kSchemaVersion);
  CHECK(readings_in_box(store) == before);
  // Later readings are stored and found without it.
  const DocumentRecord later = report("afp4", {strike("afp4", kDay, kLat, kLon + 0.005)}, "AFP");
  store.add_documents(std::span(&later, 1));
  CHECK(readings_in_box(store).size() == before.size() + 1);
  CHECK_FALSE(readings_have_rtree(store));
}

namespace {

// The also_coded links of the event with this event_id in the events layer.
std::vector<std::string> links_of(Store& store, const std::string& event_id) {
  std::vector<std::string> out;
  OGRLayer& events = store.impl().layer(kEventsLayer);
  const EventColumns c(*events.GetLayerDefn());
  events.SetAttributeFilter(nullptr);
  events.ResetReading();
  for (auto& f : events)
    if (event_id == f->GetFieldAsString(c.at[ev::event_id])) {
      const auto j = nlohmann::json::parse(f->GetFieldAsString(c.at[kAlsoCodedColumn]), nullptr, false);
      if (j.is_array())
        for (const auto& v : j) out.push_back(v.get<std::string>());
    }
  events.ResetReading();
  return out;
}

}  // namespace

TEST_CASE("across datasets: ACLED's code of our event is linked both ways, whichever comes first") {
  Event acled = strike("acled", kDay, kLat + 0.01, kLon);
  acled.event_id = "SYR1234";
  acled.actor1 = "Military Forces of Russia (2000-)";
  Event elsewhere = strike("acled", kDay, 36.891, 38.353);  // Kobani: not ours
  elsewhere.event_id = "SYR1235";
  const std::vector<Event> imported = {acled, elsewhere};
  const std::vector<DocumentRecord> ours = {report("afp1", {strike("afp1", kDay, kLat, kLon)}, "AFP"),
                                            report("reu1", {strike("reu1", kDay, kLat, kLon, "Russian warplanes")}, "Reuters")};
  TempDir tmp;
  for (int order = 0; order < 2; ++order) {
    Store store = Store::open(tmp.file("links" + std::to_string(order) + ".gpkg"));
    if (order == 0) store.append_events(imported, "acled");
    store.add_documents(std::span(ours).subspan(0, 1));
    store.add_documents(std::span(ours).subspan(1, 1));  // may rename the group: the links follow
    if (order == 1) store.append_events(imported, "acled");
    const auto group = store.canonical_event("afp1-1");
    REQUIRE(group);
    CHECK(group->readings.size() == 2);
    CHECK(group->also_coded == std::vector<std::string>{"acled:SYR1234"});
    CHECK(links_of(store, "SYR1234") == std::vector<std::string>{"sitmap:" + group->event.event_id});
    CHECK(links_of(store, "SYR1235").empty());
  }
}

TEST_CASE("stored: two writers in one process take turns; each sees what the other wrote") {
  TempDir tmp;
  const std::string path = tmp.file("turns.gpkg");
  const std::vector<DocumentRecord> week = busy_week();
  Store a = Store::open(path), b = Store::open(path);
  for (size_t i = 0; i < week.size(); ++i) (i % 2 ? b : a).add_documents(std::span(week).subspan(i, 1));
  Store one = Store::open(tmp.file("one.gpkg"));
  one.add_documents(week);
  CHECK(canonical_rows(a) == canonical_rows(one));
}
