#include "ingest/watch.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fmt/core.h>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_set>

#include "core/file_formats.hpp"
#include "ingest/folder_events.hpp"
#include "ingest/ingest.hpp"
#include "text/reader.hpp"

namespace sitmap {

WatchStop::WatchStop() : fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  if (fd_ < 0) throw std::runtime_error(std::string("cannot make the watch's stop signal (eventfd): ") + std::strerror(errno));
}

WatchStop::~WatchStop() { ::close(fd_); }

void WatchStop::request() noexcept {
  requested_.store(true);
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(fd_, &one, sizeof one);  // wakes the watch's poll
}

bool is_watched_file(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  if (name.empty() || name[0] == '.') return false;
  for (const char* temporary : {"~", ".tmp", ".part", ".swp"})
    if (name.size() >= std::strlen(temporary) && name.compare(name.size() - std::strlen(temporary), std::string::npos, temporary) == 0)
      return false;
  if (std::filesystem::path(name).extension() == ".xml") return true;  // a feed saved as .xml (told by its first bytes)
  return file_format(format_of_path(path)).reports;
}

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kRetryAfter = std::chrono::seconds(5);           // after the store failed
constexpr auto kRoundSpacing = std::chrono::milliseconds(250);  // a file written to in many small writes: one round for many

// How far a JSON Lines file has been read: where its next line starts.
struct LinesRead {
  dev_t device = 0;
  ino_t inode = 0;
  uint64_t offset = 0;
  size_t lines = 0;       // complete lines before `offset`
  bool skipping = false;  // inside a line too long to be a document: read on from its end
};

struct FileCounts {
  size_t added = 0, already = 0, failed = 0;
};

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

class Watcher {
 public:
  Watcher(const Gazetteer& gaz, const WatchOptions& options, WatchStop& stop) : gaz_(gaz), options_(options), stop_(stop) {
    ingest_options_.batch_size = options.batch_size;
    ingest_options_.on_error = options.on_error;
    // Reports already stored are summed up per file, not told one by one.
    ingest_options_.on_commit = [this](size_t) { status(); };
  }

  WatchStats run() {
    FolderEvents events(options_.folders);  // first: what lands during the first scan is told too
    // A store that cannot be opened is told at the start.
    if (is_postgis_dsn(options_.store))
      kept_store_ = open_store();
    else
      open_store();
    for (const std::string& folder : options_.folders) scan(folder);
    while (!stop_.requested()) {
      const auto now = Clock::now();
      if (!queue_.empty() && now >= next_round_) round();
      if (stop_.requested()) break;
      int timeout_ms = 1000;  // the status line's rate decays while idle
      if (!queue_.empty())
        timeout_ms = static_cast<int>(
            std::clamp<long>(std::chrono::duration_cast<std::chrono::milliseconds>(next_round_ - Clock::now()).count(), 0, 1000));
      pollfd fds[] = {{events.fd(), POLLIN, 0}, {stop_.fd(), POLLIN, 0}};
      if (::poll(fds, 2, timeout_ms) < 0 && errno != EINTR)
        throw std::runtime_error(std::string("cannot wait for the folders: ") + std::strerror(errno));
      take_changes(events);
      status();
    }
    status();
    return stats_;
  }

 private:
  void notice(const std::string& message) const {
    if (options_.on_notice) options_.on_notice(message);
  }

  Store open_store() {
    return Store::open(options_.store, Store::Mode::update, [this](const std::string& m) { notice(m); });
  }

  void enqueue(const std::string& path) {
    if (is_watched_file(path) && queued_.insert(path).second) queue_.push_back(path);
  }

  // Every file there now, by name.
  void scan(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
      if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
    if (ec) notice(folder + ": cannot list: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) enqueue(f);
  }

  void take_changes(FolderEvents& events) {
    FolderChanges changes = events.take();
    if (changes.overflowed) {
      notice("too many changes at once: looking at every file again");
      for (const std::string& folder : options_.folders) scan(folder);
    }
    for (const std::string& folder : changes.gone) notice(folder + ": deleted or moved away; no longer watched");
    for (const FolderChange& c : changes.files)
      // A file still being written is read when it is closed; JSON Lines
      // are read as their lines complete.
      if (c.finished || format_of_path(c.path) == FileFormat::jsonl) enqueue(c.path);
  }

  // Reads the queued files into the store. A GeoPackage is open for the
  // round only; when the store fails, the round's files are read again
  // later (what was stored is then skipped by its content).
  void round() {
    std::map<std::string, std::optional<LinesRead>> touched;  // how far each file was read before the round
    std::optional<Store> opened;
    std::optional<Ingester> ingester;
    bool reconnect = false;
    try {
      if (is_postgis_dsn(options_.store) && !kept_store_) kept_store_ = open_store();
      Store& store = kept_store_ ? *kept_store_ : opened.emplace(open_store());
      ingester.emplace(store, gaz_, ingest_options_);
      current_ = &*ingester;
      while (!queue_.empty() && !stop_.requested()) {
        const std::string path = queue_.front();
        queue_.pop_front();
        queued_.erase(path);
        if (!touched.count(path)) touched[path] = lines_read_.count(path) ? std::optional(lines_read_[path]) : std::nullopt;
        FileCounts counts;
        read_file(*ingester, path, counts);
        if (counts.added + counts.already + counts.failed > 0 && options_.on_file)
          options_.on_file(fmt::format("{}: {} new, {} already stored, {} failed", path, counts.added, counts.already, counts.failed));
        status();
      }
      ingester->flush();  // the batch being read, stop or not
    } catch (const StoreError& e) {
      notice(fmt::format("{}; trying again in {} s", e.what(), kRetryAfter.count()));
      for (auto it = touched.rbegin(); it != touched.rend(); ++it) {
        if (it->second)
          lines_read_[it->first] = *it->second;
        else
          lines_read_.erase(it->first);
        if (queued_.insert(it->first).second) queue_.push_front(it->first);
      }
      reconnect = true;  // a PostGIS connection is made afresh
      next_round_ = Clock::now() + kRetryAfter;
    }
    if (ingester) {
      const IngestResult& r = ingester->result();
      committed_.added += r.added;
      committed_.events += r.events;
      committed_.already_stored += r.already_stored;
      committed_.failed += r.failed;
    }
    current_ = nullptr;
    ingester.reset();
    if (reconnect) kept_store_.reset();
    next_round_ = std::max(next_round_, Clock::now() + kRoundSpacing);
  }

  void count(Ingester::Outcome outcome, FileCounts& counts) {
    ++documents_;
    if (outcome == Ingester::Outcome::queued)
      ++counts.added;
    else if (outcome == Ingester::Outcome::already_stored)
      ++counts.already;
    else
      ++counts.failed;
  }

  void fail(Ingester& in, const std::string& message, FileCounts& counts) {
    ++documents_;
    ++counts.failed;
    in.error(message);
  }

  void read_file(Ingester& in, const std::string& path, FileCounts& counts) {
    if (format_of_path(path) == FileFormat::jsonl) return read_new_lines(in, path, counts);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0) return;  // gone again, or made but not yet written
    // A file's documents are read whole first (a feed's reader is not left
    // by an exception), then stored one by one, a stop checked between.
    std::vector<Document> docs;
    try {
      for_each_document_in_file(
          path, [&](Document&& d) { docs.push_back(std::move(d)); }, [&](const std::string& message) { fail(in, message, counts); });
    } catch (const InputError& e) { fail(in, e.what(), counts); }
    for (Document& d : docs) {
      if (stop_.requested()) return;  // the rest is read by the next watch
      count(in.add(std::move(d)), counts);
    }
  }

  // The complete lines added to a JSON Lines file since it was last read;
  // a file replaced or cut shorter is read from its start.
  void read_new_lines(Ingester& in, const std::string& path, FileCounts& counts) {
    const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
      if (errno != ENOENT) fail(in, fmt::format("{}:0: cannot open: {}", path, std::strerror(errno)), counts);
      return;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return;
    LinesRead& at = lines_read_[path];
    if (at.device != st.st_dev || at.inode != st.st_ino || static_cast<uint64_t>(st.st_size) < at.offset)
      at = LinesRead{st.st_dev, st.st_ino, 0, 0, false};
    std::string line;  // the line being read, possibly over two chunks
    std::vector<char> chunk(1 << 20);
    for (uint64_t pos = at.offset;;) {
      const ssize_t n = ::pread(fd.get(), chunk.data(), chunk.size(), static_cast<off_t>(pos));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // what is left without its newline waits for it
      pos += static_cast<uint64_t>(n);
      size_t start = 0;
      for (size_t i = 0; i < static_cast<size_t>(n); ++i) {
        if (chunk[i] != '\n') continue;
        if (stop_.requested()) return;
        line.append(chunk.data() + start, i - start);
        start = i + 1;
        ++at.lines;
        at.offset += line.size() + 1;
        if (!at.skipping) read_line(in, path, line, at.lines, counts);
        at.skipping = false;
        line.clear();
      }
      line.append(chunk.data() + start, static_cast<size_t>(n) - start);
      if (line.size() > kMaxDocumentBytes) {  // refused, not kept: read on from its end
        if (!at.skipping)
          fail(in, fmt::format("{}:{}: line over the {} MiB a document may have", path, at.lines + 1, kMaxDocumentBytes >> 20), counts);
        at.skipping = true;
        at.offset += line.size();
        line.clear();
      }
    }
  }

  void read_line(Ingester& in, const std::string& path, const std::string& line, size_t number, FileCounts& counts) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) return;
    Document doc;
    try {
      doc = parse_jsonl_line(line, path, number);
    } catch (const InputError& e) { return fail(in, e.what(), counts); }
    count(in.add(std::move(doc)), counts);
  }

  void status() {
    stats_.documents = documents_;
    stats_.added = committed_.added;
    stats_.events = committed_.events;
    stats_.already_stored = committed_.already_stored;
    stats_.failed = committed_.failed;
    if (current_) {
      const IngestResult& r = current_->result();
      stats_.added += r.added;
      stats_.events += r.events;
      stats_.already_stored += r.already_stored;
      stats_.failed += r.failed;
    }
    // Documents a second over the last ten seconds.
    const auto now = Clock::now();
    rate_samples_.emplace_back(now, documents_);
    while (rate_samples_.size() > 1 && now - rate_samples_.front().first > std::chrono::seconds(10)) rate_samples_.pop_front();
    const double span = std::chrono::duration<double>(now - rate_samples_.front().first).count();
    stats_.documents_per_second = span > 0.5 ? static_cast<double>(documents_ - rate_samples_.front().second) / span : 0;
    if (options_.on_status) options_.on_status(stats_);
  }

  const Gazetteer& gaz_;
  const WatchOptions& options_;
  WatchStop& stop_;
  IngestOptions ingest_options_;
  std::optional<Store> kept_store_;  // PostGIS: open from round to round
  std::deque<std::string> queue_;
  std::unordered_set<std::string> queued_;
  std::map<std::string, LinesRead> lines_read_;
  Clock::time_point next_round_{};
  Ingester* current_ = nullptr;  // the round's, while it runs
  IngestResult committed_;       // of the rounds done
  size_t documents_ = 0;
  WatchStats stats_;
  std::deque<std::pair<Clock::time_point, size_t>> rate_samples_;
};

}  // namespace

WatchStats watch_folders(const Gazetteer& gaz, const WatchOptions& options, WatchStop& stop) {
  Watcher watcher(gaz, options, stop);
  return watcher.run();
}

}  // namespace sitmap
