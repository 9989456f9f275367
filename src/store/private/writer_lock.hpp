#pragma once
// One writer at a time per GeoPackage: sitmap processes that write to a
// store (ingest, import, the viewer's dropped files) take an exclusive
// flock on "STORE.lock" beside it, held until the store is closed. GDAL
// keeps a layer's feature count, extent and triggers in memory from open
// to close, so two writers at once leave stale counts and "trigger already
// exists" errors; in turn, each sees what the one before stored. The lock
// file is never the database itself (closing another descriptor of that
// file would drop SQLite's own locks), and the kernel releases it when the
// process ends, kill -9 included. The empty .lock file stays; it may be
// deleted when no sitmap is running.
#include <functional>
#include <memory>
#include <string>

namespace sitmap {

class WriterLock {
 public:
  WriterLock() = default;
  // Waits for the lock; calls `on_busy` once first when another process
  // holds it. Within one process the lock is shared: it is the processes
  // that take turns.
  static WriterLock acquire(const std::string& store_path, const std::function<void(const std::string&)>& on_busy);

  bool held() const { return held_ != nullptr; }

  struct Held;

 private:
  explicit WriterLock(std::shared_ptr<Held> held) : held_(std::move(held)) {}
  std::shared_ptr<Held> held_;
};

// The lock file of a store: "STORE.lock".
inline std::string writer_lock_path(const std::string& store_path) { return store_path + ".lock"; }

}  // namespace sitmap
