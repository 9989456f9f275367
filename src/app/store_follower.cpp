#include "app/store_follower.hpp"

#include <algorithm>

#include "store/store.hpp"

namespace sitmap {

int64_t last_fid_of(const EventTable& table) {
  return table.fid.empty() ? 0 : std::max<int64_t>(0, *std::max_element(table.fid.begin(), table.fid.end()));
}

StoreFollower::StoreFollower(std::string location, FollowMarks seen, std::chrono::milliseconds interval)
    : location_(std::move(location)), interval_(interval), seen_(seen), thread_([this] { run(); }) {}

StoreFollower::~StoreFollower() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::optional<NewEvents> StoreFollower::take() {
  std::lock_guard lock(mutex_);
  std::optional<NewEvents> out = std::move(ready_);
  ready_.reset();
  return out;
}

void StoreFollower::restart_after(FollowMarks seen) {
  std::lock_guard lock(mutex_);
  seen_ = seen;
  ready_.reset();
}

std::string StoreFollower::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

void StoreFollower::run() {
  std::optional<Store> store;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stop_; })) {
    if (ready_) continue;  // the viewer has not taken the last ones yet
    lock.unlock();
    std::string failure;
    try {
      if (!store) store = Store::open(location_, Store::Mode::read);
      look(*store);
    } catch (const std::exception& e) {
      failure = e.what();
      store.reset();  // opened afresh next time
    }
    lock.lock();
    error_ = failure;
  }
}

namespace {
bool same_marks(const FollowMarks& a, const FollowMarks& b) {
  return a.event_fid == b.event_fid && a.changes.reading == b.changes.reading && a.changes.merge == b.changes.merge;
}
}  // namespace

// Reads the events above the viewer's newest id, if the store has any, and
// the rows the viewer holds that later reports rewrote or merged away.
void StoreFollower::look(Store& store) {
  FollowMarks seen;
  {
    std::lock_guard lock(mutex_);
    seen = seen_;
  }
  // New rows first, then the changes: a row rewritten after they are read
  // is read again (even one just read as new), and a commit that lands
  // between the two reads gives its rewrites now and its new rows next
  // time, never new rows without their rewrites.
  const int64_t last = store.last_event_fid();
  NewEvents found{{}, seen.event_fid, seen.event_fid, {}, {}, {}};
  if (last > seen.event_fid) {
    found.events = load_event_table_after(store, seen.event_fid);
    // Rows committed between the two queries came in too; undated rows are
    // not in the table but are behind us all the same.
    found.last_fid = std::max(last, last_fid_of(found.events));
  }
  Store::CanonicalChanges changes = store.canonical_changes_after(seen.changes);
  found.changes = changes.marks;
  // Rows above those read are read as new next time, as they are then.
  std::erase_if(changes.rewritten, [&](int64_t fid) { return fid > found.last_fid; });
  std::erase_if(changes.removed, [&](int64_t fid) { return fid > found.last_fid; });
  if (!changes.rewritten.empty()) found.rewritten = load_event_table_rows(store, changes.rewritten);
  found.removed = std::move(changes.removed);
  const bool anything = found.last_fid > seen.event_fid || found.rewritten.size() > 0 || !found.removed.empty();
  std::lock_guard lock(mutex_);
  if (!same_marks(seen_, seen)) return;  // the viewer reloaded meanwhile
  if (!anything) {
    seen_.changes = found.changes;  // nothing the viewer holds changed: look from here
    return;
  }
  seen_ = {found.last_fid, found.changes};
  ready_ = std::move(found);
}

}  // namespace sitmap
