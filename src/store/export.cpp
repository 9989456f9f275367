#include "store/export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "geo/reproject.hpp"
#include "store/private/geojson_writer.hpp"
#include "store/private/query.hpp"
#include "store/store.hpp"

namespace sitmap {
namespace {

namespace fs = std::filesystem;

// The CSV columns: the record's fields by their CSV rank (ACLED's
// columns in ACLED's export order first: event_id_cnty, event_date, year,
// time_precision, event_type, ...; ACLED's columns we do not have, such as
// disorder_type, inter codes, iso, region, admin2/3, source, tags, are left
// out), then the dataset and the time span as timestamps.
const std::vector<CsvColumn> kCsvColumns = [] {
  std::vector<std::pair<int, CsvColumn>> ranked;
  for (const EventField& field : event_fields())
    ranked.push_back({field.csv_rank, {field.csv_name ? field.csv_name : field.name, field.id}});
  ranked.push_back({kCsvYearRank, {"year", -1}});
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<CsvColumn> columns;
  for (const auto& [rank, column] : ranked) columns.push_back(column);
  columns.push_back({"dataset", kDatasetColumn});
  columns.push_back({"source_count", kSourceCountColumn});
  columns.push_back({"document_ids", kDocumentIdsColumn});
  columns.push_back({"canonical_id", kCanonicalIdColumn});
  columns.push_back({"also_coded", kAlsoCodedColumn});
  columns.push_back({"start_time", -2});
  columns.push_back({"end_time", -3});
  return columns;
}();

struct GdalTarget {
  const char* driver;
  std::vector<const char*> layer_options;
};

GdalTarget gdal_target(ExportFormat f) {
  switch (f) {
    case ExportFormat::gpkg:
      return {"GPKG", {}};
    case ExportFormat::fgb:
      return {"FlatGeobuf", {}};
    case ExportFormat::kml:
      return {"LIBKML", {}};
    default:
      throw std::logic_error("not a GDAL export format");
  }
}

// Copies the selected events into a new GDAL layer, field by field.
size_t export_with_gdal(Store& store, const EventFilter& filter, const std::string& tmp, const ExportOptions& options) {
  const GdalTarget target = gdal_target(options.format);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(target.driver);
  if (!driver) throw StoreError(std::string("GDAL has no ") + target.driver + " driver");
  if (options.format == ExportFormat::kml) {
    // Google Earth's time slider reads TimeSpan from these; placemark name and description.
    CPLSetThreadLocalConfigOption("LIBKML_BEGIN_FIELD", "start_time");
    CPLSetThreadLocalConfigOption("LIBKML_END_FIELD", "end_time");
    CPLSetThreadLocalConfigOption("LIBKML_NAME_FIELD", "location");
    CPLSetThreadLocalConfigOption("LIBKML_DESCRIPTION_FIELD", "sentence");
  }
  CPLErrorReset();
  DatasetPtr ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw StoreError(tmp + ": cannot create: " + gdal_error_or("GDAL gave no reason (is the directory writable?)"));

  OGRSpatialReference srs = wgs84_lon_lat();
  std::optional<Reprojector> reproject;
  if (!options.t_srs.empty()) {
    if (srs.SetFromUserInput(options.t_srs.c_str()) != OGRERR_NONE)
      throw std::invalid_argument("--t-srs '" + options.t_srs + "': unknown CRS");
    reproject.emplace(options.t_srs);
  }
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::vector<const char*> lco = target.layer_options;
  lco.push_back(nullptr);
  CPLErrorReset();
  OGRLayer* layer = ds->CreateLayer("events", &srs, wkbPoint, const_cast<char**>(lco.data()));
  if (!layer) throw StoreError(tmp + ": cannot create the events layer: " + gdal_error_or("GDAL gave no reason"));

  // The record's columns, then the time span as timestamps.
  std::vector<CsvColumn> columns;
  for (int k = 0; k < kEventColumnCount; ++k)
    if (is_exported_column(k)) columns.push_back({event_columns()[k].name, k});
  columns.push_back({"start_time", -2});
  columns.push_back({"end_time", -3});
  for (const CsvColumn& col : columns) {
    OGRFieldType type = OFTString;
    OGRFieldSubType sub = OFSTNone;
    if (col.field >= 0) {
      type = event_columns()[col.field].type;
      sub = event_columns()[col.field].subtype;
    } else {
      type = OFTDateTime;
    }
    OGRFieldDefn defn(col.name, type);
    defn.SetSubType(sub);
    CPLErrorReset();
    if (layer->CreateField(&defn) != OGRERR_NONE)
      throw StoreError(tmp + ": cannot create field " + col.name + ": " + gdal_error_or("GDAL gave no reason"));
  }

  size_t n = 0;
  const bool in_transaction = ds->StartTransaction(FALSE) == OGRERR_NONE;  // not every driver has them
  for_each_feature(store, filter, [&](const OGRFeature& in, const EventColumns& c) {
    OGRFeature out(layer->GetLayerDefn());
    const auto span = event_time_span(in, c);
    for (size_t i = 0; i < columns.size(); ++i) {
      const int k = columns[i].field;
      if (k >= 0) {
        if (c.at[k] >= 0) out.SetField(static_cast<int>(i), in.GetRawFieldRef(c.at[k]));
      } else if (span) {
        out.SetField(static_cast<int>(i), (k == -2 ? iso_start(span->first) : iso_end(span->second)).c_str());
      }
    }
    const OGRGeometry* g = in.GetGeometryRef();
    if (g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
      double x = g->toPoint()->getX(), y = g->toPoint()->getY();
      if (!reproject || reproject->forward(x, y, x, y)) out.SetGeometryDirectly(new OGRPoint(x, y));
    }
    CPLErrorReset();
    if (layer->CreateFeature(&out) != OGRERR_NONE)
      throw StoreError(tmp + ": cannot write a feature: " + gdal_error_or("GDAL gave no reason (disk full?)"));
    if (++n % 10000 == 0 && options.on_progress) options.on_progress(n);
  });
  CPLErrorReset();
  if (in_transaction && ds->CommitTransaction() != OGRERR_NONE)
    throw StoreError(tmp + ": cannot write the events: " + gdal_error_or("the commit failed (disk full?)"));
  return n;
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  const FileFormat f = format_named(name);
  if (!file_format(f).layer_out) return std::nullopt;
  return f;
}

ExportFormat export_format_for(const std::string& path) {
  const FileFormat f = format_of_path(path);
  return file_format(f).layer_out ? f : FileFormat::geojson;
}

std::string_view format_name(ExportFormat f) { return file_format(f).name; }

std::span<const CsvColumn> csv_columns() { return kCsvColumns; }

size_t export_events(Store& store, const EventFilter& filter, const std::string& out, const ExportOptions& options) {
  const bool json = options.format == ExportFormat::geojson || options.format == ExportFormat::geojsonseq;
  if (!options.t_srs.empty() && (json || options.format == ExportFormat::kml))
    throw std::invalid_argument(
        fmt::format("--t-srs: {} is WGS 84 (EPSG:4326) by definition and cannot be reprojected; "
                    "use --format gpkg, fgb or csv for {}",
                    format_name(options.format), options.t_srs));
  const fs::path target(out);
  // Refused before any work: the rename at the end would fail and leave the temporary file behind.
  if (fs::is_directory(target)) throw std::invalid_argument(out + ": is a directory, not an output file");
  if (!target.parent_path().empty() && !fs::is_directory(target.parent_path()))
    throw std::invalid_argument(out + ": no such directory " + target.parent_path().string());
  const fs::path tmp = target.parent_path() / (".~" + target.filename().string());
  fs::remove(tmp);
  size_t n = 0;
  const RowReader reader = options.read_through_gdal ? RowReader::gdal : RowReader::fastest;
  try {
    if (json) {
      n = write_geojson(store, filter, tmp.string(), options.format == ExportFormat::geojsonseq, options.on_progress, reader);
    } else if (options.format == ExportFormat::csv) {
      std::optional<Reprojector> reproject;
      if (!options.t_srs.empty()) reproject.emplace(options.t_srs);
      n = write_csv(store, filter, tmp.string(), reproject ? &*reproject : nullptr, options.on_progress, reader);
    } else {
      n = export_with_gdal(store, filter, tmp.string(), options);
    }
    fs::rename(tmp, target);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
  return n;
}

}  // namespace sitmap
