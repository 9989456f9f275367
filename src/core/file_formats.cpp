#include "core/file_formats.hpp"

namespace sitmap {
namespace {

using F = FileFormat;

constexpr FileFormatInfo kFormats[] = {
    //                                                               reports layer_in layer_out
    {F::unknown, "unknown", "", "", false, false, false},
    {F::text, "text", "", ".txt", true, false, false},
    {F::html, "html", "", ".html .htm", true, false, false},
    {F::jsonl, "jsonl", "", ".jsonl .ndjson", true, false, false},
    {F::feed, "feed", "", ".rss .atom", true, false, false},
    {F::geojson, "geojson", "GeoJSON", ".geojson .json", false, true, true},
    {F::geojsonseq, "geojsonseq", "GeoJSONSeq", ".geojsonl .geojsons .geojsonseq", false, true, true},
    {F::csv, "csv", "CSV", ".csv", false, false, true},
    {F::gpkg, "gpkg", "GPKG", ".gpkg", false, true, true},  // the viewer opens it as a store
    {F::fgb, "fgb", "FlatGeobuf", ".fgb", false, true, true},
    {F::kml, "kml", "KML LIBKML", ".kml", false, true, true},
    {F::postgis, "postgis", "", "", false, false, false},  // a "PG:" DSN
};

constexpr bool in_order() {
  for (size_t i = 0; i < std::size(kFormats); ++i)
    if (static_cast<size_t>(kFormats[i].format) != i) return false;
  return true;
}
static_assert(in_order() && std::size(kFormats) == static_cast<size_t>(F::postgis) + 1,
              "file_formats(): one row per FileFormat, in its order");

// Is `word` one of the space-separated words of `list`?
bool listed(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    const size_t space = list.find(' ');
    if (list.substr(0, space) == word) return true;
    list = space == std::string_view::npos ? std::string_view() : list.substr(space + 1);
  }
  return false;
}

// ".geojson" of "dir/a.b/events.geojson"; empty when the file name has none.
std::string_view extension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0 || name == "..") return {};
  return name.substr(dot);
}

}  // namespace

std::span<const FileFormatInfo> file_formats() { return kFormats; }
const FileFormatInfo& file_format(FileFormat f) { return kFormats[static_cast<size_t>(f)]; }

FileFormat format_named(std::string_view name) {
  if (name.empty()) return F::unknown;
  for (const FileFormatInfo& f : kFormats)
    if (f.format != F::unknown && (name == f.name || listed(f.aliases, name))) return f.format;
  return F::unknown;
}

FileFormat format_of_path(std::string_view path) {
  if (path.substr(0, 3) == "PG:") return F::postgis;
  const std::string_view ext = extension(path);
  if (ext.empty()) return F::unknown;
  for (const FileFormatInfo& f : kFormats)
    if (listed(f.extensions, ext)) return f.format;
  return F::unknown;
}

bool looks_like_feed(std::string_view head) {
  head = head.substr(0, 2048);
  return head.find("<rss") != std::string_view::npos || head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

FileFormat report_format(std::string_view path, std::string_view head) {
  const std::string_view ext = extension(path);
  if ((ext.empty() || ext == ".txt" || ext == ".xml") && looks_like_feed(head)) return F::feed;
  const FileFormat named = format_of_path(path);
  return file_format(named).reports ? named : F::text;
}

}  // namespace sitmap
