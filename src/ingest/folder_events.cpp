#include "ingest/folder_events.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace sitmap {

FolderEvents::FolderEvents(std::span<const std::string> folders) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error(std::string("cannot watch folders (inotify): ") + std::strerror(errno));
  constexpr uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
  for (const std::string& folder : folders) {
    const int wd = ::inotify_add_watch(fd_, folder.c_str(), mask);
    if (wd < 0) {
      const std::string reason = errno == ENOTDIR ? "not a folder" : std::strerror(errno);
      ::close(fd_);
      throw std::runtime_error(folder + ": cannot watch: " + reason);
    }
    watches_.emplace_back(wd, folder);
  }
}

FolderEvents::~FolderEvents() {
  if (fd_ >= 0) ::close(fd_);
}

FolderChanges FolderEvents::take() {
  FolderChanges out;
  // Aligned as the kernel writes its records.
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EAGAIN: nothing more now
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_Q_OVERFLOW) {
        out.overflowed = true;
        continue;
      }
      const auto watch = std::find_if(watches_.begin(), watches_.end(), [&](const auto& w) { return w.first == e->wd; });
      if (watch == watches_.end()) continue;
      if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        // Told once: the watch is forgotten (a moved folder's files would come under its old name).
        out.gone.push_back(watch->second);
        if (!(e->mask & IN_IGNORED)) ::inotify_rm_watch(fd_, watch->first);
        watches_.erase(watch);
        continue;
      }
      if ((e->mask & IN_ISDIR) || e->len == 0) continue;
      const bool finished = (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) != 0;
      out.files.push_back({watch->second + "/" + e->name, finished});
    }
  }
  return out;
}

}  // namespace sitmap
