#pragma once
// `sitmap export` and the viewer's Export button: the events a filter
// selects, written as a layer GIS tools open. GeoJSON and GeoJSONSeq are
// written by our streaming writer (GDAL's GeoJSON writer is the bottleneck;
// GDAL reads ours back identically); the other formats through GDAL's drivers.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/file_formats.hpp"
#include "store/filter.hpp"

namespace sitmap {

// The layer formats of the registry (core/file_formats.hpp): geojson,
// geojsonseq, csv, gpkg, fgb, kml.
using ExportFormat = FileFormat;

// A layer format by name or alias ("geojson", "GeoJSON"); nullopt for any other.
std::optional<ExportFormat> parse_export_format(std::string_view name);
// From the output's extension (.geojson .json .geojsonl .geojsons .csv .gpkg .fgb .kml); geojson otherwise.
ExportFormat export_format_for(const std::string& path);
std::string_view format_name(ExportFormat f);

struct ExportOptions {
  ExportFormat format = ExportFormat::geojson;
  std::string t_srs;                                 // target CRS; empty for WGS 84. Refused for GeoJSON and KML.
  std::function<void(size_t features)> on_progress;  // called every few thousand features
  // GeoJSON, GeoJSONSeq and CSV from a GeoPackage are read by stepping
  // SQLite directly; this reads them through GDAL instead (the tests
  // compare the two, byte for byte).
  bool read_through_gdal = false;
};

// Writes to a temporary file beside `out` and renames it into place, so a
// failed export never leaves a half-written layer. Returns the feature count.
size_t export_events(Store& store, const EventFilter& filter, const std::string& out, const ExportOptions& options);

// The ACLED columns (their names, their order) that we have, then ours.
struct CsvColumn {
  const char* name;  // in the CSV header
  int field;         // events layer column (ev::, kDatasetColumn), or -1 year, -2 start_time, -3 end_time
};
std::span<const CsvColumn> csv_columns();

}  // namespace sitmap
