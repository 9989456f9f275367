#pragma once
// Follows a store that other processes write to (`sitmap watch`, `sitmap
// ingest`): a thread of its own, with its own read-only connection, looks
// every second for events with a feature id above the newest the viewer
// holds (one index lookup, Store::last_event_fid) and reads just those,
// and for canonical events that later reports rewrote in place or merged
// into another (Store::canonical_changes_after: the readings and merge
// entries stored since it last looked), whose rows it reads again.
// The viewer takes them between frames; nothing is reloaded or read twice.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "store/event_table.hpp"
#include "store/store.hpp"

namespace sitmap {

// Where a follower stands: the newest event, reading and merge entry the viewer has seen.
struct FollowMarks {
  int64_t event_fid = 0;
  Store::ChangeMarks changes;
};

struct NewEvents {
  EventTable events;             // the rows added, with their own day0 and string tables
  int64_t after_fid;             // they are those with an id above this one ...
  int64_t last_fid;              // ... up to this one
  EventTable rewritten;          // rows the viewer holds (ids up to after_fid) as they are now
  std::vector<int64_t> removed;  // ids of rows merged into another and deleted; -1: every row was made again
  Store::ChangeMarks changes;    // the marks after these
};

class StoreFollower {
 public:
  StoreFollower(std::string location, FollowMarks seen, std::chrono::milliseconds interval = std::chrono::seconds(1));
  StoreFollower(const StoreFollower&) = delete;
  ~StoreFollower();  // stops the thread (within one look at the store)

  // What arrived since the last take; nullopt when nothing did.
  std::optional<NewEvents> take();
  // The viewer reloaded and now holds what `seen` marks: read from there
  // (a read already under way for older marks is dropped).
  void restart_after(FollowMarks seen);
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
  FollowMarks seen_;
  std::optional<NewEvents> ready_;
  std::string error_;
  std::thread thread_;  // last: started once the members above exist
};

// The newest feature id a table holds (0 when none).
int64_t last_fid_of(const EventTable& table);

}  // namespace sitmap
