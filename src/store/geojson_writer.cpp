#include "store/private/geojson_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "geo/reproject.hpp"
#include "store/export.hpp"
#include "store/private/query.hpp"
#include "store/store.hpp"

namespace sitmap {
namespace {

using Buffer = fmt::memory_buffer;

void append_json_string(Buffer& out, const char* s) {
  out.push_back('"');
  const char* run = s;  // bytes that need no escaping are copied in runs
  for (const char* p = s;; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(run, p);
    if (c == 0) break;
    switch (c) {
      case '"': out.append(std::string_view("\\\"")); break;
      case '\\': out.append(std::string_view("\\\\")); break;
      case '\n': out.append(std::string_view("\\n")); break;
      case '\r': out.append(std::string_view("\\r")); break;
      case '\t': out.append(std::string_view("\\t")); break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
    run = p + 1;
  }
  out.push_back('"');
}

void append_integer(Buffer& out, long long v) {
  const fmt::format_int text(v);
  out.append(text.data(), text.data() + text.size());
}

// At most 6 decimals (about 0.1 m), trailing zeros dropped; integer
// arithmetic, as printf("%.6f") was a tenth of the export's time.
void append_coordinate(Buffer& out, double v) {
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

// Valid JSON? Ours is "{}" or a few keys: "{}" and "[]" are answered
// without a parser.
bool is_small_json(std::string_view s) {
  if (s == "{}" || s == "[]") return true;
  return nlohmann::json::accept(s);
}

void append_value(Buffer& out, const OGRFieldDefn& defn, const OGRField* raw) {
  if (OGR_RawField_IsNull(raw) || OGR_RawField_IsUnset(raw)) {
    out.append(std::string_view("null"));
    return;
  }
  switch (defn.GetType()) {
    case OFTInteger:
      if (defn.GetSubType() == OFSTBoolean) out.append(std::string_view(raw->Integer ? "true" : "false"));
      else append_integer(out, raw->Integer);
      break;
    case OFTInteger64: append_integer(out, raw->Integer64); break;
    case OFTReal:
      if (std::isfinite(raw->Real)) {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, raw->Real);  // shortest round-trip form
        if (std::find(buf, r.ptr, 'e') == r.ptr) out.append(buf, r.ptr);
        else fmt::format_to(std::back_inserter(out), "{}", raw->Real);  // 0.0008, not 8e-04
      } else {
        out.append(std::string_view("null"));
      }
      break;
    case OFTDate:
      fmt::format_to(std::back_inserter(out), "\"{:04}-{:02}-{:02}\"", raw->Date.Year, int(raw->Date.Month), int(raw->Date.Day));
      break;
    case OFTString:
      // JSON columns (quantities, targets) hold JSON we wrote: embedded as
      // is, once checked (a store another tool wrote may hold anything).
      if (defn.GetSubType() == OFSTJSON && (raw->String[0] == '{' || raw->String[0] == '[') && is_small_json(raw->String))
        out.append(std::string_view(raw->String));
      else append_json_string(out, raw->String);
      break;
    default: out.append(std::string_view("null"));
  }
}

// One CSV text cell; quoted when it holds a delimiter, quote, line break
// or edge space. A cell a spreadsheet would run as a formula (=, +, -, @,
// tab or carriage return first: "=HYPERLINK(...)") gets a leading
// apostrophe, which spreadsheets show as text (OWASP's advice).
void append_csv_cell(Buffer& out, std::string_view v) {
  const bool formula = !v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos;
  const bool quote = formula || v.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!v.empty() && (v.front() == ' ' || v.back() == ' '));
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

void append_csv_value(Buffer& out, const OGRFieldDefn& defn, const OGRField* raw) {
  if (OGR_RawField_IsNull(raw) || OGR_RawField_IsUnset(raw)) return;
  if (defn.GetType() == OFTString) {
    append_csv_cell(out, raw->String);
    return;
  }
  Buffer cell;
  append_value(cell, defn, raw);
  std::string_view text(cell.data(), cell.size());
  if (defn.GetType() == OFTDate) text = text.substr(1, text.size() - 2);  // no JSON quotes
  out.append(text);
}

// Writes filled buffers to the file on a second thread, so formatting (this
// thread) and the kernel's copy into the page cache overlap on two cores.
class BackgroundWriter {
 public:
  explicit BackgroundWriter(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) throw StoreError(path + ": cannot create");
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
    if (std::fclose(file_) != 0) failed_ = true;
  }
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      ready_.wait(lock, [&] { return full_ || done_; });
      if (!full_) return;
      lock.unlock();
      const bool ok = std::fwrite(pending_.data(), 1, pending_.size(), file_) == pending_.size();
      lock.lock();
      failed_ = failed_ || !ok;
      full_ = false;
      idle_.notify_one();
    }
  }

  std::string path_;
  std::FILE* file_;
  Buffer pending_;
  bool full_ = false, done_ = false, failed_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, idle_;
  std::thread thread_;
};

constexpr size_t kChunkBytes = 4 << 20;

// One CSV row in csv_columns() order (then x,y when reprojecting).
void append_csv_row(Buffer& out, const OGRFeature& f, const EventColumns& c, const Reprojector* reproject) {
  const auto columns = csv_columns();
  const auto span = event_time_span(f, c);
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out.push_back(',');
    const int k = columns[i].field;
    if (k >= 0 && c.at[k] >= 0) append_csv_value(out, *f.GetDefnRef()->GetFieldDefn(c.at[k]), f.GetRawFieldRef(c.at[k]));
    else if (k == -1 && span) append_integer(out, span->first.year);
    else if (k == -2 && span) out.append(iso_start(span->first));
    else if (k == -3 && span) out.append(iso_end(span->second));
  }
  if (reproject) {
    const OGRGeometry* g = f.GetGeometryRef();
    double x = 0, y = 0;
    if (g && wkbFlatten(g->getGeometryType()) == wkbPoint && reproject->forward(g->toPoint()->getX(), g->toPoint()->getY(), x, y))
      fmt::format_to(std::back_inserter(out), ",{:.3f},{:.3f}", x, y);
    else out.append(std::string_view(",,"));
  }
  out.append(std::string_view("\r\n"));
}

struct Property {
  std::string key;  // "name":
  int column;
  const OGRFieldDefn* defn;
};

// One GeoJSON feature: the point, every event column, the time span.
void append_feature(Buffer& out, const OGRFeature& f, const EventColumns& c, const std::vector<Property>& props) {
  out.append(std::string_view("{\"type\":\"Feature\",\"geometry\":"));
  const OGRGeometry* g = f.GetGeometryRef();
  if (g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty()) {
    out.append(std::string_view("{\"type\":\"Point\",\"coordinates\":["));
    append_coordinate(out, g->toPoint()->getX());
    out.push_back(',');
    append_coordinate(out, g->toPoint()->getY());
    out.append(std::string_view("]}"));
  } else {
    out.append(std::string_view("null"));
  }
  out.append(std::string_view(",\"properties\":{"));
  for (size_t i = 0; i < props.size(); ++i) {
    out.append(props[i].key);
    append_value(out, *props[i].defn, f.GetRawFieldRef(props[i].column));
    out.push_back(',');  // start_time and end_time always follow
  }
  if (const auto span = event_time_span(f, c))
    fmt::format_to(std::back_inserter(out), "\"start_time\":\"{}\",\"end_time\":\"{}\"", iso_start(span->first), iso_end(span->second));
  else out.append(std::string_view("\"start_time\":null,\"end_time\":null"));
  out.append(std::string_view("}}"));
}

}  // namespace

size_t write_csv(Store& store, const EventFilter& filter, const std::string& path, const Reprojector* reproject,
                 const std::function<void(size_t)>& on_progress) {
  BackgroundWriter writer(path);
  Buffer out;
  const auto columns = csv_columns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out.push_back(',');
    out.append(std::string_view(columns[i].name));
  }
  if (reproject) out.append(std::string_view(",x,y"));
  out.append(std::string_view("\r\n"));
  size_t n = 0;
  for_each_feature_batch(store, filter, [&](const std::vector<OGRFeature*>& batch, const EventColumns& c) {
    for (const OGRFeature* f : batch) append_csv_row(out, *f, c, reproject);
    if (out.size() > kChunkBytes) writer.submit(out);
    const size_t before = n;
    n += batch.size();
    if (on_progress && n / 10000 != before / 10000) on_progress(n);
  });
  writer.submit(out);
  writer.finish();
  return n;
}

size_t write_geojson(Store& store, const EventFilter& filter, const std::string& path, bool sequence,
                     const std::function<void(size_t)>& on_progress) {
  BackgroundWriter writer(path);
  Buffer out;
  if (!sequence) out.append(std::string_view("{\"type\":\"FeatureCollection\",\"name\":\"events\",\"features\":[\n"));
  size_t n = 0;
  std::vector<Property> props;
  for_each_feature_batch(store, filter, [&](const std::vector<OGRFeature*>& batch, const EventColumns& c) {
    if (props.empty())
      for (int k = 0; k < kEventColumnCount; ++k)
        if (c.at[k] >= 0)
          props.push_back({fmt::format("\"{}\":", event_columns()[k].name), c.at[k], batch.front()->GetDefnRef()->GetFieldDefn(c.at[k])});
    for (const OGRFeature* f : batch) {
      if (n++ > 0 && !sequence) out.append(std::string_view(",\n"));
      append_feature(out, *f, c, props);
      if (sequence) out.push_back('\n');
    }
    if (out.size() > kChunkBytes) writer.submit(out);
    if (on_progress && n / 10000 != (n - batch.size()) / 10000) on_progress(n);
  });
  if (!sequence) out.append(std::string_view("\n]}\n"));
  writer.submit(out);
  writer.finish();
  return n;
}

}  // namespace sitmap
