#include "store/private/geojson_writer.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "geo/reproject.hpp"
#include "store/export.hpp"
#include "store/private/event_rows.hpp"
#include "store/private/text_out.hpp"
#include "store/store.hpp"

namespace sitmap {
namespace {

using Buffer = fmt::memory_buffer;

// A cell's value as JSON.
void append_value(RawOut& out, const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::null:
      out.append(std::string_view("null"));
      break;
    case Cell::Kind::integer:
      append_integer(out, cell.integer);
      break;
    case Cell::Kind::boolean:
      out.append(std::string_view(cell.integer ? "true" : "false"));
      break;
    case Cell::Kind::real:
      append_real(out, cell.real);
      break;
    case Cell::Kind::date:
      append_date(out, cell.date, true);
      break;
    case Cell::Kind::json:
      // JSON columns (quantities, targets) hold JSON we wrote: embedded as
      // is, once checked (a store another tool wrote may hold anything).
      if (!cell.text.empty() && (cell.text[0] == '{' || cell.text[0] == '[') && is_valid_json(cell.text)) {
        out.append(cell.text);
        break;
      }
      [[fallthrough]];
    case Cell::Kind::text:
      out.append_json_string(cell.text);
      break;
    default:
      out.append(std::string_view("null"));
  }
}

// One CSV text cell; quoted when it holds a delimiter, quote, line break
// or edge space. A cell a spreadsheet would run as a formula (=, +, -, @,
// tab or carriage return first: "=HYPERLINK(...)") gets a leading
// apostrophe, which spreadsheets show as text (OWASP's advice).
bool needs_csv_quotes(std::string_view v) {
  // A plain loop: find_first_of with a set calls memchr once per byte (a fifth of a CSV export).
  for (const char c : v)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

void append_csv_cell(RawOut& out, std::string_view v) {
  const bool formula = !v.empty() && (v.front() == '=' || v.front() == '+' || v.front() == '-' || v.front() == '@' || v.front() == '\t' ||
                                      v.front() == '\r');
  const bool quote = formula || needs_csv_quotes(v) || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) {
    out.append(v);
    return;
  }
  out.push_back('"');
  if (formula) out.push_back('\'');
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_csv_value(RawOut& out, const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::null:
      break;
    case Cell::Kind::text:
    case Cell::Kind::json:
      append_csv_cell(out, cell.text);
      break;
    case Cell::Kind::date:
      append_date(out, cell.date, false);
      break;
    default:
      append_value(out, cell);
  }
}

// An output file written around the page cache (O_DIRECT) where the file
// system allows it: a buffered write of a gigabyte copies every byte into
// the page cache, and when other writers have filled it with dirty pages
// the kernel throttles the copy (a GeoJSON export spent as much system time
// there as it formats; a direct write ran 1.0 GB/s where a buffered one ran
// 0.09 GB/s on this machine at the time). Blocks go out whole from an
// aligned staging buffer; the last partial block is written buffered.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_DIRECT, 0644);
    if (fd_ < 0) {
      direct_ = false;
      fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    if (fd_ < 0) throw StoreError(path + ": cannot create");
    void* staging = nullptr;
    if (direct_ && ::posix_memalign(&staging, kBlock, kStaging) == 0)
      staging_.reset(static_cast<char*>(staging));
    else
      buffered();
  }
  ~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool write(const char* p, size_t n) {
    if (!direct_) return write_all(p, n);
    while (n > 0) {
      const size_t take = std::min(n, kStaging - used_);
      std::memcpy(staging_.get() + used_, p, take);
      used_ += take;
      p += take;
      n -= take;
      const size_t whole = used_ / kBlock * kBlock;
      if (used_ == kStaging || n == 0) {
        if (!write_all(staging_.get(), whole)) return false;
        std::memmove(staging_.get(), staging_.get() + whole, used_ - whole);
        used_ -= whole;
      }
    }
    return true;
  }
  bool close() {
    bool ok = true;
    if (direct_ && used_ > 0) {
      buffered();
      ok = write_all(staging_.get(), used_);
    }
    ok = ::close(fd_) == 0 && ok;
    fd_ = -1;
    return ok;
  }

 private:
  static constexpr size_t kBlock = 4096, kStaging = 4 << 20;
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  void buffered() {
    direct_ = false;
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_DIRECT);
  }
  bool write_all(const char* p, size_t n) {
    while (n > 0) {
      const ssize_t w = ::write(fd_, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0 && errno == EINVAL && direct_) {  // a file system that takes O_DIRECT at open but not at write
        buffered();
        continue;
      }
      if (w <= 0) return false;
      p += w;
      n -= static_cast<size_t>(w);
    }
    return true;
  }
  int fd_ = -1;
  bool direct_ = true;
  std::unique_ptr<char, Free> staging_;
  size_t used_ = 0;
};

// Writes filled buffers to the file on a second thread, so formatting (this
// thread) and the kernel's copy into the page cache overlap on two cores.
class BackgroundWriter {
 public:
  explicit BackgroundWriter(const std::string& path) : path_(path), file_(path) {
    thread_ = std::thread([this] { run(); });
  }
  ~BackgroundWriter() {
    if (thread_.joinable()) finish_quietly();
  }
  // Hands `buffer` over (it comes back empty) once the previous one is written.
  void submit(Buffer& buffer) {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return !full_; });
    if (failed_) throw StoreError(path_ + ": write failed (disk full?)");
    std::swap(pending_, buffer);
    buffer.clear();
    full_ = true;
    ready_.notify_one();
  }
  void finish() {
    finish_quietly();
    if (failed_) throw StoreError(path_ + ": write failed (disk full?)");
  }

 private:
  void finish_quietly() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
      ready_.notify_one();
    }
    thread_.join();
    if (!file_.close()) failed_ = true;
  }
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      ready_.wait(lock, [&] { return full_ || done_; });
      if (!full_) return;
      lock.unlock();
      const bool ok = file_.write(pending_.data(), pending_.size());
      lock.lock();
      failed_ = failed_ || !ok;
      full_ = false;
      idle_.notify_one();
    }
  }

  std::string path_;
  OutputFile file_;
  Buffer pending_;
  bool full_ = false, done_ = false, failed_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, idle_;
  std::thread thread_;
};

// At most the bytes append_csv_row writes for a row's cells: a text cell
// quoted, every quote doubled and an apostrophe, every other under 40.
size_t csv_room(const LayerRow& row) {
  size_t room = 256;
  for (int k = 0; k < kEventColumnCount; ++k) room += 40 + 2 * row.cell[k].text.size();
  return room;
}

// One CSV row in csv_columns() order (then x,y when reprojecting).
void append_csv_row(Buffer& text, const LayerRow& row, const Reprojector* reproject) {
  {
    RawOut out(text, csv_room(row));
    const auto columns = csv_columns();
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i) out.push_back(',');
      const int k = columns[i].field;
      if (k >= 0)
        append_csv_value(out, row.cell[k]);
      else if (k == -1 && row.span)
        append_integer(out, row.span->first.year);
      else if (k == -2 && row.span)
        append_timestamp(out, row.span->first, "T00:00:00Z");
      else if (k == -3 && row.span)
        append_timestamp(out, row.span->second, "T23:59:59Z");
    }
  }
  if (reproject) {
    double x = 0, y = 0;
    if (row.has_point && reproject->forward(row.x, row.y, x, y))
      fmt::format_to(std::back_inserter(text), ",{:.3f},{:.3f}", x, y);
    else
      text.append(std::string_view(",,"));
  }
  text.append(std::string_view("\r\n"));
}

// At most the bytes append_feature writes for a row (with its separator):
// text escaped as \u00XX is six bytes a byte, every other value under 40.
size_t feature_room(const LayerRow& row, size_t keys_bytes) {
  size_t room = 512 + keys_bytes;
  for (int k = 0; k < kEventColumnCount; ++k) room += 48 + 6 * row.cell[k].text.size();
  return room;
}

// One GeoJSON feature: the point, every event column, the time span.
void append_feature(RawOut& out, const LayerRow& row, const std::array<std::string, kEventColumnCount>& keys) {
  out.append(std::string_view("{\"type\":\"Feature\",\"geometry\":"));
  if (row.has_point) {
    out.append(std::string_view("{\"type\":\"Point\",\"coordinates\":["));
    append_coordinate(out, row.x);
    out.push_back(',');
    append_coordinate(out, row.y);
    out.append(std::string_view("]}"));
  } else {
    out.append(std::string_view("null"));
  }
  out.append(std::string_view(",\"properties\":{"));
  for (int k = 0; k < kEventColumnCount; ++k) {
    if (!(*row.present)[k]) continue;
    out.append(keys[k]);
    append_value(out, row.cell[k]);
    out.push_back(',');  // start_time and end_time always follow
  }
  if (row.span) {
    out.append(std::string_view("\"start_time\":\""));
    append_timestamp(out, row.span->first, "T00:00:00Z");
    out.append(std::string_view("\",\"end_time\":\""));
    append_timestamp(out, row.span->second, "T23:59:59Z");
    out.push_back('"');
  } else {
    out.append(std::string_view("\"start_time\":null,\"end_time\":null"));
  }
  out.append(std::string_view("}}"));
}

}  // namespace

size_t write_csv(Store& store, const EventFilter& filter, const std::string& path, const Reprojector* reproject,
                 const std::function<void(size_t)>& on_progress, RowReader reader) {
  BackgroundWriter writer(path);
  Buffer out;
  const auto columns = csv_columns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out.push_back(',');
    out.append(std::string_view(columns[i].name));
  }
  if (reproject) out.append(std::string_view(",x,y"));
  out.append(std::string_view("\r\n"));
  writer.submit(out);
  size_t n = 0;
  format_event_rows(
      store, filter, [&](const LayerRow& row, Buffer& text) { append_csv_row(text, row, reproject); },
      [&](Buffer& text, size_t rows) {
        writer.submit(text);
        if (on_progress && (n + rows) / 10000 != n / 10000) on_progress(n + rows);
        n += rows;
      },
      reader);
  writer.finish();
  return n;
}

size_t write_geojson(Store& store, const EventFilter& filter, const std::string& path, bool sequence,
                     const std::function<void(size_t)>& on_progress, RowReader reader) {
  BackgroundWriter writer(path);
  Buffer out;
  if (!sequence) {
    out.append(std::string_view("{\"type\":\"FeatureCollection\",\"name\":\"events\",\"features\":[\n"));
    writer.submit(out);
  }
  // Every feature is formatted with the separator before it (",\n" in a
  // collection); the first one's is cut where the text is handed over.
  static const auto keys = [] {
    std::array<std::string, kEventColumnCount> k;
    for (int i = 0; i < kEventColumnCount; ++i) k[i] = fmt::format("\"{}\":", event_columns()[i].name);
    return k;
  }();
  static const size_t keys_bytes = [] {
    size_t n = 0;
    for (const std::string& k : keys) n += k.size();
    return n;
  }();
  size_t n = 0;
  format_event_rows(
      store, filter,
      [&](const LayerRow& row, Buffer& text) {
        RawOut out(text, feature_room(row, keys_bytes));
        if (!sequence) out.append(std::string_view(",\n"));
        append_feature(out, row, keys);
        if (sequence) out.push_back('\n');
      },
      [&](Buffer& text, size_t rows) {
        if (n == 0 && rows > 0 && !sequence) {
          std::memmove(text.data(), text.data() + 2, text.size() - 2);
          text.resize(text.size() - 2);
        }
        writer.submit(text);
        if (on_progress && (n + rows) / 10000 != n / 10000) on_progress(n + rows);
        n += rows;
      },
      reader);
  if (!sequence) {
    out.append(std::string_view("\n]}\n"));
    writer.submit(out);
  }
  writer.finish();
  return n;
}

}  // namespace sitmap
