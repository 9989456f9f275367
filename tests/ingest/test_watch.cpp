#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ingest/folder_events.hpp"
#include "ingest/watch.hpp"
#include "../store/store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

// The changes told within a second (inotify tells them at once; poll waits for the first).
FolderChanges wait_for_changes(FolderEvents& events) {
  pollfd fd{events.fd(), POLLIN, 0};
  ::poll(&fd, 1, 1000);
  return events.take();
}

bool has(const FolderChanges& c, const std::string& path, bool finished) {
  for (const FolderChange& f : c.files)
    if (f.path == path && f.finished == finished) return true;
  return false;
}

}  // namespace

TEST_CASE("folder events: a file is finished when closed after writing or moved in, not while written") {
  TempDir tmp;
  const std::string dir = tmp.path.string();
  const std::vector<std::string> folders{dir};
  FolderEvents events(folders);
  CHECK(events.take().files.empty());

  const std::string open_file = dir + "/feed.jsonl";
  const int fd = ::open(open_file.c_str(), O_WRONLY | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, "{\"text\": \"a\"}\n", 14) == 14);
  FolderChanges c = wait_for_changes(events);
  CHECK(has(c, open_file, false));  // written to, still open
  CHECK_FALSE(has(c, open_file, true));
  ::close(fd);
  CHECK(has(wait_for_changes(events), open_file, true));  // closed

  const std::string hidden = dir + "/.report.txt.part";
  std::ofstream(hidden) << "Written elsewhere, then renamed.\n";
  wait_for_changes(events);
  const std::string report = dir + "/report.txt";
  std::filesystem::rename(hidden, report);
  CHECK(has(wait_for_changes(events), report, true));  // moved in

  std::filesystem::create_directory(dir + "/sub");
  std::ofstream(dir + "/sub/inner.txt") << "not watched\n";
  for (const FolderChange& f : wait_for_changes(events).files) CHECK(f.path.find("/sub") == std::string::npos);

  std::filesystem::remove_all(dir);
  const FolderChanges gone = wait_for_changes(events);
  REQUIRE(gone.gone.size() == 1);
  CHECK(gone.gone[0] == dir);
  CHECK(events.take().gone.empty());  // told once
}

TEST_CASE("folder events: a folder that cannot be watched is named") {
  const std::vector<std::string> folders{"/nonexistent-sitmap-folder"};
  CHECK_THROWS_WITH_AS(FolderEvents{folders}, doctest::Contains("/nonexistent-sitmap-folder: cannot watch"), std::runtime_error);
}

TEST_CASE("the watch reads reports, feeds and JSON Lines, not hidden or temporary files or the store") {
  for (const char* yes : {"a/r.txt", "a/r.html", "a/r.htm", "a/f.jsonl", "a/f.ndjson", "a/f.rss", "a/f.atom", "a/f.xml"})
    CHECK_MESSAGE(is_watched_file(yes), yes);
  for (const char* no : {"a/.r.txt", "a/r.txt~", "a/r.txt.tmp", "a/f.jsonl.part", "a/.r.txt.swp", "a/s.gpkg", "a/s.gpkg-journal",
                         "a/s.gpkg.lock", "a/events.geojson", "a/notes", "a/r.pdf"})
    CHECK_FALSE_MESSAGE(is_watched_file(no), no);
}

TEST_CASE("a stop asked for before the watch starts ends it after the first round") {
  TempDir tmp;
  std::filesystem::create_directory(tmp.file("in"));
  WatchOptions options;
  options.folders = {tmp.file("in")};
  options.store = tmp.file("s.gpkg");
  WatchStop stop;
  stop.request();
  const Gazetteer gaz = Gazetteer::open_default();
  const WatchStats s = watch_folders(gaz, options, stop);
  CHECK(s.documents == 0);
  CHECK(std::filesystem::exists(tmp.file("s.gpkg")));  // the store is made (or checked) at the start
}
