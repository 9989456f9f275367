#include "store/geojson_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "store/export.hpp"
#include "store/reproject.hpp"
#include "store/store.hpp"

namespace sitmap {
namespace {

using Buffer = fmt::memory_buffer;

void append_json_string(Buffer& out, const char* s) {
  out.push_back('"');
  for (const char* p = s; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    switch (c) {
      case '"': out.append(std::string_view("\\\"")); break;
      case '\\': out.append(std::string_view("\\\\")); break;
      case '\n': out.append(std::string_view("\\n")); break;
      case '\r': out.append(std::string_view("\\r")); break;
      case '\t': out.append(std::string_view("\\t")); break;
      default:
        if (c < 0x20) fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        else out.push_back(static_cast<char>(c));
    }
  }
  out.push_back('"');
}

// At most 6 decimals (about 0.1 m), trailing zeros dropped.
void append_coordinate(Buffer& out, double v) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.6f", v);
  while (n > 1 && buf[n - 1] == '0') --n;
  if (n > 1 && buf[n - 1] == '.') --n;
  if (n == 2 && buf[0] == '-' && buf[1] == '0') { buf[0] = '0'; n = 1; }
  out.append(std::string_view(buf, static_cast<size_t>(n)));
}

void append_value(Buffer& out, const OGRFieldDefn& defn, const OGRField* raw) {
  if (OGR_RawField_IsNull(raw) || OGR_RawField_IsUnset(raw)) {
    out.append(std::string_view("null"));
    return;
  }
  switch (defn.GetType()) {
    case OFTInteger:
      if (defn.GetSubType() == OFSTBoolean) out.append(std::string_view(raw->Integer ? "true" : "false"));
      else fmt::format_to(std::back_inserter(out), "{}", raw->Integer);
      break;
    case OFTInteger64: fmt::format_to(std::back_inserter(out), "{}", raw->Integer64); break;
    case OFTReal:
      if (std::isfinite(raw->Real)) fmt::format_to(std::back_inserter(out), "{}", raw->Real);
      else out.append(std::string_view("null"));
      break;
    case OFTDate:
      fmt::format_to(std::back_inserter(out), "\"{:04}-{:02}-{:02}\"", raw->Date.Year, int(raw->Date.Month), int(raw->Date.Day));
      break;
    case OFTString:
      // JSON columns (quantities, targets) hold JSON we wrote; embed it as is.
      if (defn.GetSubType() == OFSTJSON && (raw->String[0] == '{' || raw->String[0] == '[')) out.append(std::string_view(raw->String));
      else append_json_string(out, raw->String);
      break;
    default: out.append(std::string_view("null"));
  }
}

// One CSV cell; quoted when it holds a delimiter, quote, line break or edge space.
void append_csv_cell(Buffer& out, std::string_view v) {
  const bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) {
    out.append(v);
    return;
  }
  out.push_back('"');
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

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

size_t write_csv(Store& store, const EventFilter& filter, const std::string& path, const Reprojector* reproject,
                 const std::function<void(size_t)>& on_progress) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (!file) throw StoreError(path + ": cannot create");
  Buffer out;
  auto flush = [&] {
    if (std::fwrite(out.data(), 1, out.size(), file.get()) != out.size()) throw StoreError(path + ": write failed (disk full?)");
    out.clear();
  };
  const auto columns = csv_columns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out.push_back(',');
    out.append(std::string_view(columns[i].name));
  }
  if (reproject) out.append(std::string_view(",x,y"));
  out.append(std::string_view("\r\n"));
  size_t n = 0;
  for_each_event(store, filter, [&](const OGRFeature& f, const EventColumns& c) {
    const auto span = event_time_span(f, c);
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i) out.push_back(',');
      const int k = columns[i].field;
      if (k >= 0 && c.at[k] >= 0) append_csv_value(out, *f.GetDefnRef()->GetFieldDefn(c.at[k]), f.GetRawFieldRef(c.at[k]));
      else if (k == -1 && span) fmt::format_to(std::back_inserter(out), "{}", span->first.year);
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
    if (out.size() > (1 << 20)) flush();
    if (++n % 10000 == 0 && on_progress) on_progress(n);
  });
  flush();
  if (std::fflush(file.get()) != 0) throw StoreError(path + ": write failed (disk full?)");
  return n;
}

size_t write_geojson(Store& store, const EventFilter& filter, const std::string& path, bool sequence,
                     const std::function<void(size_t)>& on_progress) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (!file) throw StoreError(path + ": cannot create");
  Buffer out;
  auto flush = [&] {
    if (std::fwrite(out.data(), 1, out.size(), file.get()) != out.size()) throw StoreError(path + ": write failed (disk full?)");
    out.clear();
  };
  if (!sequence) out.append(std::string_view("{\"type\":\"FeatureCollection\",\"name\":\"events\",\"features\":[\n"));
  size_t n = 0;
  std::vector<std::pair<std::string, int>> props;  // escaped key, column
  for_each_event(store, filter, [&](const OGRFeature& f, const EventColumns& c) {
    const OGRFeatureDefn& defn = *f.GetDefnRef();
    if (props.empty())
      for (int k = 0; k < ev::count; ++k)
        if (c.at[k] >= 0) props.emplace_back(fmt::format("\"{}\":", event_fields()[k].name), c.at[k]);
    if (n > 0 && !sequence) out.append(std::string_view(",\n"));
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
      if (i) out.push_back(',');
      out.append(props[i].first);
      append_value(out, *defn.GetFieldDefn(props[i].second), f.GetRawFieldRef(props[i].second));
    }
    if (const auto span = event_time_span(f, c))
      fmt::format_to(std::back_inserter(out), ",\"start_time\":\"{}\",\"end_time\":\"{}\"", iso_start(span->first), iso_end(span->second));
    else out.append(std::string_view(",\"start_time\":null,\"end_time\":null"));
    out.append(std::string_view(sequence ? "}}\n" : "}}"));
    if (out.size() > (1 << 20)) flush();
    if (++n % 10000 == 0 && on_progress) on_progress(n);
  });
  if (!sequence) out.append(std::string_view("\n]}\n"));
  flush();
  if (std::fflush(file.get()) != 0) throw StoreError(path + ": write failed (disk full?)");
  return n;
}

}  // namespace sitmap
