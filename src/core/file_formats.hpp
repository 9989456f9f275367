#pragma once
// Every kind of file Sitmap reads or writes, told by its name (extension,
// or the "PG:" of a PostGIS DSN) and, where the name leaves it open, by its
// first bytes: one registry for the report readers, the viewer's inputs
// and the exporters, as libosmium's io::File tells its formats. A new
// format is one enumerator and one row in file_formats.cpp.
#include <cstdint>
#include <span>
#include <string_view>

namespace sitmap {

enum class FileFormat : uint8_t { unknown, text, html, jsonl, feed, geojson, geojsonseq, csv, gpkg, fgb, kml, postgis };

struct FileFormatInfo {
  FileFormat format;
  const char* name;        // what --format takes and messages show
  const char* aliases;     // other names --format takes (GDAL's driver names), space-separated
  const char* extensions;  // space-separated, with the dot, as written (".geojson")
  bool reports;            // reports to read: one (text, HTML) or many (JSON Lines, feeds)
  bool layer_in;           // an event layer the viewer reads (GeoJSON ours or another's ...)
  bool layer_out;          // an event layer `sitmap export` writes
};

std::span<const FileFormatInfo> file_formats();
const FileFormatInfo& file_format(FileFormat f);

// By name or alias ("geojson", "GeoJSON"); unknown when none.
FileFormat format_named(std::string_view name);
// By the path's extension, or a "PG:" prefix; unknown when the name does not say.
FileFormat format_of_path(std::string_view path);
// A report's format: by its extension, except that a name that does not
// decide (.txt, .xml or none) is a feed when its first bytes hold an RSS,
// Atom or RDF root; any other name is plain text.
FileFormat report_format(std::string_view path, std::string_view head);
bool looks_like_feed(std::string_view head);

}  // namespace sitmap
