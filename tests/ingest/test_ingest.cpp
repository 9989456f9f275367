#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/hash.hpp"
#include "ingest/ingest.hpp"
#include "../store/store_fixture.hpp"

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
  // 25 reports of distinct events, and a second agency's report of one of
  // them (26_tunis_bus_wire: the Tunis bombing of 17_tunis_bus).
  REQUIRE(files.size() == 26);
  Store store = Store::open(tmp.file("s.gpkg"));
  std::vector<size_t> commits;
  IngestOptions batches;
  batches.batch_size = 10;
  batches.on_commit = [&](size_t stored) { commits.push_back(stored); };
  const IngestResult first = ingest_files(store, gaz(), files, batches);
  CHECK(first.added == 26);
  CHECK(first.failed == 0);
  CHECK(first.events > 20);
  CHECK(commits == std::vector<size_t>{10, 20, 26});
  CHECK(store.count(kDocumentsLayer) == 26);
  CHECK(store.count(kReadingsLayer) == static_cast<int64_t>(first.events));
  CHECK(store.count(kEventsLayer) == static_cast<int64_t>(first.events) - 1);  // the two Tunis readings are one event
  CHECK(store.count(kMentionsLayer) == static_cast<int64_t>(first.mentions));

  std::vector<std::string> notices;
  IngestOptions options;
  options.on_notice = [&](const std::string& m) { notices.push_back(m); };
  const IngestResult again = ingest_files(store, gaz(), files, options);
  CHECK(again.added == 0);
  CHECK(again.already_stored == 26);
  CHECK(notices.size() == 26);
  CHECK(notices.front().find("already stored") != std::string::npos);
  CHECK(store.count(kReadingsLayer) == static_cast<int64_t>(first.events));
  CHECK(store.count(kEventsLayer) == static_cast<int64_t>(first.events) - 1);

  // Reopened from disk, the store still knows what it holds.
  Store reopened = Store::open(tmp.file("s.gpkg"));
  CHECK(ingest_files(reopened, gaz(), files).added == 0);
}

TEST_CASE("a different report under a name already stored keeps its own id") {
  TempDir tmp;
  const std::string a = tmp.file("a/report.txt"), b = tmp.file("b/report.txt");
  std::filesystem::create_directories(tmp.path / "a");
  std::filesystem::create_directories(tmp.path / "b");
  const std::string second = "French jets bombed Raqqa on 15 November 2015, officials said.\n";
  std::ofstream(a) << "Russian warplanes struck rebel positions near Homs on 30 September 2015.\n";
  std::ofstream(b) << second;
  Store store = Store::open(tmp.file("s.gpkg"));
  const std::vector<std::string> files{a, b};
  CHECK(ingest_files(store, gaz(), files).added == 2);
  CHECK(store.count(kDocumentsLayer) == 2);
  CHECK(store.has_document_id("report"));
  CHECK(store.has_document_id("report~" + content_hash(second).substr(0, 8)));
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

TEST_CASE("a report's record: its events, and its mentions with the places they could be, best first") {
  Document doc;
  doc.id = "raqqa";
  doc.text = "French jets bombed Raqqa on 15 November 2015, officials said.";
  doc.published = CivilDate{2015, 11, 16};
  Analysis a = analyse(doc, gaz());
  const size_t events = a.events.size();
  const std::vector<Mention> mentions = a.mentions;
  const DocumentRecord r = document_record(doc, content_hash(doc.text), std::move(a), gaz());
  CHECK(r.events.size() == events);
  CHECK(r.content_hash == content_hash(doc.text));
  REQUIRE(r.mentions.size() == mentions.size());
  const auto raqqa = std::find_if(r.mentions.begin(), r.mentions.end(), [](const MentionRecord& m) { return m.text == "Raqqa"; });
  REQUIRE(raqqa != r.mentions.end());
  REQUIRE_FALSE(raqqa->candidates.empty());
  CHECK(raqqa->candidates.size() <= 5);
  CHECK(raqqa->candidates.front().country_code == "SY");
  CHECK(raqqa->candidates.front().point.lat == doctest::Approx(35.95).epsilon(0.01));
  for (size_t i = 0; i < r.mentions.size(); ++i) {
    CHECK(r.mentions[i].start == mentions[i].start);
    CHECK(r.mentions[i].candidates.size() == std::min<size_t>(mentions[i].candidates.size(), 5));
  }
}

TEST_CASE("--published dates the reports that give no date of their own") {
  TempDir tmp;
  const std::string undated = tmp.file("undated.txt");
  std::ofstream(undated) << "BAMAKO, Mali (AP) - Gunmen attacked a village near Mopti on Tuesday, killing four people.\n";
  Store store = Store::open(tmp.file("s.gpkg"));
  IngestOptions options;
  options.published = CivilDate{2019, 6, 7};
  const std::vector<std::string> files{undated};
  const IngestResult r = ingest_files(store, gaz(), files, options);
  REQUIRE(r.events == 1);
  const auto e = store.event_at(1);
  REQUIRE(e.has_value());
  REQUIRE(e->when.date.has_value());
  CHECK(to_iso(*e->when.date) == "2019-06-04");  // the Tuesday before the day given
}
