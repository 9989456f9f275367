#include "store/private/writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include "store/store.hpp"

namespace sitmap {

// One flock per lock file and process, shared by the process's writers:
// flock locks belong to open files, so a second descriptor of the same
// file in this process would wait for the first forever.
struct WriterLock::Held {
  int fd = -1;
  ~Held() {
    if (fd >= 0) ::close(fd);  // closing releases the flock
  }
};

namespace {
std::mutex held_mutex;
std::map<std::string, std::weak_ptr<WriterLock::Held>>& held_locks() {
  static std::map<std::string, std::weak_ptr<WriterLock::Held>> locks;
  return locks;
}
}  // namespace

WriterLock WriterLock::acquire(const std::string& store_path, const std::function<void(const std::string&)>& on_busy) {
  const std::string path = writer_lock_path(store_path);
  auto held = std::make_shared<Held>();
  held->fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (held->fd < 0) throw StoreError(path + ": cannot create the store's writer lock: " + std::strerror(errno));
  std::error_code ec;
  const std::string key = std::filesystem::canonical(path, ec).string();
  std::unique_lock registry(held_mutex);
  if (auto mine = held_locks()[key].lock()) return WriterLock(std::move(mine));  // this process holds it already
  if (::flock(held->fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) throw StoreError(path + ": cannot lock: " + std::strerror(errno));
    registry.unlock();
    if (on_busy) on_busy(store_path + " is busy: another sitmap process is writing to it; waiting for it to finish");
    while (::flock(held->fd, LOCK_EX) != 0)
      if (errno != EINTR) throw StoreError(path + ": cannot lock: " + std::strerror(errno));
    registry.lock();
    if (auto mine = held_locks()[key].lock()) return WriterLock(std::move(mine));  // another thread got it meanwhile
  }
  held_locks()[key] = held;
  return WriterLock(std::move(held));
}

}  // namespace sitmap
