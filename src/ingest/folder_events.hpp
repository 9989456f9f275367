#pragma once
// What happens to the files of some folders, told by Linux inotify. A plain
// wrapper of our own: the kernel's interface is three calls and a read, and
// Debian's libinotifytools keeps process-wide state.
//
// A file is finished when its writer closes it (IN_CLOSE_WRITE) or when it
// is moved in (IN_MOVED_TO: written elsewhere and renamed, as careful
// writers do). A write still going on (IN_MODIFY) is told apart: a reader
// of whole lines (JSON Lines) may read what is complete without waiting for
// the close; other readers wait for it, so a half-written file is never read.
#include <span>
#include <string>
#include <vector>

namespace sitmap {

struct FolderChange {
  std::string path;  // FOLDER/NAME
  bool finished;     // closed after writing, or moved in; false: written to, maybe still open
};

// What take() read: the changes, and what the kernel could not tell.
struct FolderChanges {
  std::vector<FolderChange> files;
  bool overflowed = false;        // the kernel dropped changes: look at every file again
  std::vector<std::string> gone;  // watched folders deleted or moved away
};

class FolderEvents {
 public:
  // Watches each folder (its files, not its subfolders). Throws
  // std::runtime_error("FOLDER: reason") when one cannot be watched.
  explicit FolderEvents(std::span<const std::string> folders);
  FolderEvents(const FolderEvents&) = delete;
  FolderEvents& operator=(const FolderEvents&) = delete;
  ~FolderEvents();

  // Readable (poll) when changes are waiting.
  int fd() const { return fd_; }
  // The changes waiting now, in the order they happened; never blocks.
  FolderChanges take();

 private:
  int fd_ = -1;
  std::vector<std::pair<int, std::string>> watches_;  // watch descriptor -> folder
};

}  // namespace sitmap
