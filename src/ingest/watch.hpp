#pragma once
// `sitmap watch FOLDER... --db STORE`: the analyst's daily loop. What is in
// the folders is ingested first (a restart catches up), then each file that
// lands there or changes (FolderEvents: closed after writing, or moved in):
// reports (.txt, .html), RSS/Atom feeds and JSON Lines. A document is stored
// once, whatever file or feed brings it (content hash); of a JSON Lines file
// that grows only the new complete lines are read (a line without its
// newline yet waits). A bad file, feed item or line is told ("FILE:LINE:
// reason") and skipped; the watch goes on. Until stop is requested: then
// the batch being read is stored (one transaction), and nothing is lost.
//
// A GeoPackage is opened for each round of files and closed after, so other
// writers (another watch, `sitmap ingest`, the viewer's drops) take turns
// with it; PostGIS stays open (its writers take turns per transaction).
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "store/store.hpp"

namespace sitmap {

struct WatchStats {
  size_t documents = 0;  // read: new, already stored or failed
  size_t added = 0, already_stored = 0, failed = 0;
  size_t events = 0;                // events of the documents added
  double documents_per_second = 0;  // over the last ten seconds
};

struct WatchOptions {
  std::vector<std::string> folders;
  std::string store = Store::kDefaultPath;
  size_t batch_size = 64;                             // documents per transaction
  std::function<void(const std::string&)> on_error;   // "FILE:LINE: reason", one per bad file, item or line
  std::function<void(const std::string&)> on_file;    // "FILE: 2 new, 3 already stored, 1 failed"
  std::function<void(const std::string&)> on_notice;  // the store busy, a folder gone, a retry
  std::function<void(const WatchStats&)> on_status;   // after each file and batch, and every second
};

// Asks a running watch to stop. request() may be called from a signal
// handler (it sets a flag and writes to an eventfd the watch polls).
class WatchStop {
 public:
  WatchStop();
  WatchStop(const WatchStop&) = delete;
  ~WatchStop();
  void request() noexcept;
  bool requested() const noexcept { return requested_.load(); }
  int fd() const { return fd_; }

 private:
  std::atomic<bool> requested_{false};
  int fd_ = -1;
};

// Runs the watch until `stop` is requested; returns the totals. Throws
// std::runtime_error for what it cannot go on without: a folder that cannot
// be watched, a store that cannot be opened when the watch starts.
WatchStats watch_folders(const Gazetteer& gaz, const WatchOptions& options, WatchStop& stop);

// Whether the watch reads this file: a report, feed or JSON Lines by its
// name, not hidden (".name") and not a writer's temporary ("~", ".tmp",
// ".part", ".swp").
bool is_watched_file(const std::string& path);

}  // namespace sitmap
