#include "store/private/geojson_writer.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "geo/reproject.hpp"
#include "store/export.hpp"
#include "store/private/event_rows.hpp"
#include "store/store.hpp"

namespace sitmap {
namespace {

using Buffer = fmt::memory_buffer;

// Appends into room reserved beforehand (an upper bound of what is
// written), without a capacity check per piece: a feature is some hundred
// small pieces, and fmt's checked append was a fifth of an export.
class RawOut {
 public:
  using value_type = char;  // for std::back_inserter
  RawOut(Buffer& buffer, size_t room) : buffer_(buffer) {
    const size_t used = buffer.size();
    buffer.resize(used + room);  // no fill: only what is written is kept
    p_ = buffer.data() + used;
  }
  ~RawOut() { buffer_.resize(static_cast<size_t>(p_ - buffer_.data())); }
  RawOut(const RawOut&) = delete;
  RawOut& operator=(const RawOut&) = delete;
  void push_back(char c) { *p_++ = c; }
  void append(const char* from, const char* to) {
    std::memcpy(p_, from, static_cast<size_t>(to - from));
    p_ += to - from;
  }
  void append(std::string_view s) { append(s.data(), s.data() + s.size()); }

 private:
  Buffer& buffer_;
  char* p_;
};

template <class Out>
void append_json_string(Out& out, std::string_view s) {
  out.push_back('"');
  const char* run = s.data();  // bytes that need no escaping are copied in runs
  const char* end = s.data() + s.size();
  for (const char* p = s.data();; ++p) {
    if (p == end) {
      out.append(run, p);
      break;
    }
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(run, p);
    switch (c) {
      case '"':
        out.append(std::string_view("\\\""));
        break;
      case '\\':
        out.append(std::string_view("\\\\"));
        break;
      case '\n':
        out.append(std::string_view("\\n"));
        break;
      case '\r':
        out.append(std::string_view("\\r"));
        break;
      case '\t':
        out.append(std::string_view("\\t"));
        break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
    run = p + 1;
  }
  out.push_back('"');
}

template <class Out>
void append_integer(Out& out, long long v) {
  const fmt::format_int text(v);
  out.append(text.data(), text.data() + text.size());
}

// At most 6 decimals (about 0.1 m), trailing zeros dropped; integer
// arithmetic, as printf("%.6f") was a tenth of the export's time.
template <class Out>
void append_coordinate(Out& out, double v) {
  if (!std::isfinite(v)) {
    out.append(std::string_view("null"));
    return;
  }
  long long micro = std::llround(v * 1e6);
  if (micro < 0) {
    out.push_back('-');
    micro = -micro;
  }
  append_integer(out, micro / 1000000);
  long long frac = micro % 1000000;
  if (frac == 0) return;
  char digits[7] = {'.', 0, 0, 0, 0, 0, 0};
  int len = 6;
  while (frac % 10 == 0) {
    frac /= 10;
    --len;
  }
  for (int i = len; i >= 1; --i) {
    digits[i] = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  out.append(digits, digits + len + 1);
}

// "2015-11-15", quoted for JSON or not for CSV.
template <class Out>
void append_date(Out& out, CivilDate d, bool quoted) {
  if (quoted) out.push_back('"');
  if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99) {
    const char text[10] = {char('0' + d.year / 1000),
                           char('0' + d.year / 100 % 10),
                           char('0' + d.year / 10 % 10),
                           char('0' + d.year % 10),
                           '-',
                           char('0' + d.month / 10),
                           char('0' + d.month % 10),
                           '-',
                           char('0' + d.day / 10),
                           char('0' + d.day % 10)};
    out.append(text, text + 10);
  } else {
    fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", d.year, d.month, d.day);
  }
  if (quoted) out.push_back('"');
}

// "2015-11-15T00:00:00Z": iso_start / iso_end without their strings.
template <class Out>
void append_timestamp(Out& out, CivilDate d, std::string_view time) {
  append_date(out, d, false);
  out.append(time);
}

// Valid JSON? Ours is "{}" or a few keys: "{}" and "[]" are answered
// without a parser.
bool is_small_json(std::string_view s) {
  if (s == "{}" || s == "[]") return true;
  return nlohmann::json::accept(s);
}

template <class Out>
void append_value(Out& out, const Cell& cell) {
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
      if (std::isfinite(cell.real)) {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, cell.real);  // shortest round-trip form
        if (std::find(buf, r.ptr, 'e') == r.ptr)
          out.append(buf, r.ptr);
        else
          fmt::format_to(std::back_inserter(out), "{}", cell.real);  // 0.0008, not 8e-04
      } else {
        out.append(std::string_view("null"));
      }
      break;
    case Cell::Kind::date:
      append_date(out, cell.date, true);
      break;
    case Cell::Kind::json:
      // JSON columns (quantities, targets) hold JSON we wrote: embedded as
      // is, once checked (a store another tool wrote may hold anything).
      if (!cell.text.empty() && (cell.text[0] == '{' || cell.text[0] == '[') && is_small_json(cell.text)) {
        out.append(cell.text);
        break;
      }
      [[fallthrough]];
    case Cell::Kind::text:
      append_json_string(out, cell.text);
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

void append_csv_cell(Buffer& out, std::string_view v) {
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

void append_csv_value(Buffer& out, const Cell& cell) {
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

// One CSV row in csv_columns() order (then x,y when reprojecting).
void append_csv_row(Buffer& out, const LayerRow& row, const Reprojector* reproject) {
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
  if (reproject) {
    double x = 0, y = 0;
    if (row.has_point && reproject->forward(row.x, row.y, x, y))
      fmt::format_to(std::back_inserter(out), ",{:.3f},{:.3f}", x, y);
    else
      out.append(std::string_view(",,"));
  }
  out.append(std::string_view("\r\n"));
}

// At most the bytes append_feature writes for a row (with its separator):
// text escaped as \u00XX is six bytes a byte, every other value under 40.
size_t feature_room(const LayerRow& row, size_t keys_bytes) {
  size_t room = 512 + keys_bytes;
  for (int k = 0; k < kEventColumnCount; ++k) room += 48 + 6 * row.cell[k].text.size();
  return room;
}

// One GeoJSON feature: the point, every event column, the time span.
template <class Out>
void append_feature(Out& out, const LayerRow& row, const std::array<std::string, kEventColumnCount>& keys) {
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
