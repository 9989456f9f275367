#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "ingest/ingest.hpp"
#include "store/schema.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

const Gazetteer& gaz() {
  static const Gazetteer g = Gazetteer::open_default();
  return g;
}

std::vector<std::string> sample_reports() {
  std::vector<std::string> files;
  const std::filesystem::path dir = std::filesystem::path(SITMAP_SOURCE_DIR) / "samples" / "reports";
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("ingest stores documents, events and mentions, and a second ingest adds nothing") {
  TempDir tmp;
  const auto files = sample_reports();
  REQUIRE(files.size() == 25);
  Store store = Store::open(tmp.file("s.gpkg"));
  const IngestResult first = ingest_files(store, gaz(), files);
  CHECK(first.added == 25);
  CHECK(first.failed == 0);
  CHECK(first.events > 20);
  CHECK(store.count(kDocumentsLayer) == 25);
  CHECK(store.count(kEventsLayer) == static_cast<int64_t>(first.events));
  CHECK(store.count(kMentionsLayer) == static_cast<int64_t>(first.mentions));

  std::vector<std::string> notices;
  IngestOptions options;
  options.on_notice = [&](const std::string& m) { notices.push_back(m); };
  const IngestResult again = ingest_files(store, gaz(), files, options);
  CHECK(again.added == 0);
  CHECK(again.already_stored == 25);
  CHECK(notices.size() == 25);
  CHECK(notices.front().find("already stored") != std::string::npos);
  CHECK(store.count(kEventsLayer) == static_cast<int64_t>(first.events));

  // Reopened from disk, the store still knows what it holds.
  Store reopened = Store::open(tmp.file("s.gpkg"));
  CHECK(ingest_files(reopened, gaz(), files).added == 0);
}

TEST_CASE("a different report under a name already stored keeps its own id") {
  TempDir tmp;
  const std::string a = tmp.file("a/report.txt"), b = tmp.file("b/report.txt");
  std::filesystem::create_directories(tmp.path / "a");
  std::filesystem::create_directories(tmp.path / "b");
  std::ofstream(a) << "Russian warplanes struck rebel positions near Homs on 30 September 2015.\n";
  std::ofstream(b) << "French jets bombed Raqqa on 15 November 2015, officials said.\n";
  Store store = Store::open(tmp.file("s.gpkg"));
  const std::vector<std::string> files{a, b};
  CHECK(ingest_files(store, gaz(), files).added == 2);
  std::set<std::string> ids;
  for (auto& f : store.layer(kDocumentsLayer)) ids.insert(f->GetFieldAsString("document_id"));
  CHECK(ids.size() == 2);
}

TEST_CASE("a bad report is reported with its file and line; the rest is stored") {
  TempDir tmp;
  const std::string good = tmp.file("good.txt"), bad = tmp.file("bad.jsonl");
  std::ofstream(good) << "French jets bombed Raqqa on 15 November 2015, officials said.\n";
  std::ofstream(bad) << "{\"id\": \"x\", \"text\": \"Shelling hit Aleppo.\"}\nnot json\n";
  Store store = Store::open(tmp.file("s.gpkg"));
  std::vector<std::string> errors;
  IngestOptions options;
  options.on_error = [&](const std::string& m) { errors.push_back(m); };
  const std::vector<std::string> files{good, bad};
  const IngestResult r = ingest_files(store, gaz(), files, options);
  CHECK(r.added == 2);
  CHECK(r.failed == 1);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind(bad + ":2:", 0) == 0);
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
  OGRLayer& layer = store.layer(kEventsLayer);
  const EventColumns c(*layer.GetLayerDefn());
  layer.ResetReading();
  FeaturePtr f(layer.GetNextFeature());
  REQUIRE(f);
  const Event back = event_from_feature(*f, c);
  CHECK(back.event_id == "e1");
  CHECK(back.when.date == CivilDate{2015, 11, 15});
  CHECK(back.when.date_to == CivilDate{2015, 11, 17});
  CHECK(back.point.lat == doctest::Approx(35.952831).epsilon(1e-9));
  CHECK(back.fatalities == 3);
  CHECK(back.quantities.at("munitions") == 20);
  CHECK(back.targets == e.targets);
  CHECK(back.location_start == 10u);
  CHECK(back.background);
  CHECK(f->GetGeometryRef()->toPoint()->getX() == doctest::Approx(39.007881));
}
