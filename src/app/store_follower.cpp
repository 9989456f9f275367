#include "app/store_follower.hpp"

#include <algorithm>

#include "store/store.hpp"

namespace sitmap {

int64_t last_fid_of(const EventTable& table) {
  return table.fid.empty() ? 0 : std::max<int64_t>(0, *std::max_element(table.fid.begin(), table.fid.end()));
}

StoreFollower::StoreFollower(std::string location, int64_t after_fid, std::chrono::milliseconds interval)
    : location_(std::move(location)), interval_(interval), after_fid_(after_fid), thread_([this] { run(); }) {}

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

void StoreFollower::restart_after(int64_t fid) {
  std::lock_guard lock(mutex_);
  after_fid_ = fid;
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

// Reads the events above the viewer's newest id, if the store has any.
void StoreFollower::look(Store& store) {
  int64_t after = 0;
  {
    std::lock_guard lock(mutex_);
    after = after_fid_;
  }
  const int64_t last = store.last_event_fid();
  if (last <= after) return;
  NewEvents found{load_event_table_after(store, after), after, 0};
  // Rows committed between the two queries came in too; undated rows are
  // not in the table but are behind us all the same.
  found.last_fid = std::max(last, last_fid_of(found.events));
  std::lock_guard lock(mutex_);
  if (after_fid_ != after) return;  // the viewer reloaded meanwhile
  after_fid_ = found.last_fid;
  ready_ = std::move(found);
}

}  // namespace sitmap
