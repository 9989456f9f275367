#pragma once
// Follows a store that other processes write to (`sitmap watch`, `sitmap
// ingest`): a thread of its own, with its own read-only connection, looks
// every second for events with a feature id above the newest the viewer
// holds (one index lookup, Store::last_event_fid) and reads just those.
// The viewer takes them between frames; nothing is reloaded or read twice.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "store/event_table.hpp"

namespace sitmap {

struct NewEvents {
  EventTable events;  // the rows added, with their own day0 and string tables
  int64_t after_fid;  // they are those with an id above this one ...
  int64_t last_fid;   // ... up to this one
};

class StoreFollower {
 public:
  StoreFollower(std::string location, int64_t after_fid, std::chrono::milliseconds interval = std::chrono::seconds(1));
  StoreFollower(const StoreFollower&) = delete;
  ~StoreFollower();  // stops the thread (within one look at the store)

  // What arrived since the last take; nullopt when nothing did.
  std::optional<NewEvents> take();
  // The viewer reloaded and now holds every id up to `fid`: read from there
  // (a read already under way for an older id is dropped).
  void restart_after(int64_t fid);
  // Why the last look failed (the store gone or unreadable); empty when it did not.
  std::string error() const;

 private:
  void run();
  void look(Store& store);

  const std::string location_;
  const std::chrono::milliseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  int64_t after_fid_;
  std::optional<NewEvents> ready_;
  std::string error_;
  std::thread thread_;  // last: started once the members above exist
};

// The newest feature id a table holds (0 when none).
int64_t last_fid_of(const EventTable& table);

}  // namespace sitmap
