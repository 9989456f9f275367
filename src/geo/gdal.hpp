#pragma once
// GDAL and GEOS objects as owned values, and the few rules every GDAL
// reader of ours follows. For the store and the gazetteer builder; render
// and app reach geodata through geo's plain interfaces (reproject.hpp,
// polygons.hpp), never through GDAL headers.
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

namespace sitmap {

// Datasets and features are held by GDAL's own unique_ptr aliases
// (deleters that call GDALClose / DestroyFeature).
using DatasetPtr = GDALDatasetUniquePtr;
using FeaturePtr = OGRFeatureUniquePtr;

struct GeosContextDeleter {
  void operator()(GEOSContextHandle_t h) const { GEOS_finish_r(h); }
};
using GeosContextPtr = std::unique_ptr<GEOSContextHandle_HS, GeosContextDeleter>;

// Makes sure GDAL's drivers are registered once, before any open.
void ensure_gdal_registered();

// GDAL's last error message, or `fallback` (what we know failed) when GDAL
// left none: never "unknown GDAL error".
std::string gdal_error_or(const std::string& fallback);

// GDAL opens URLs and virtual file systems (/vsicurl/, /vsis3/, ...) as
// readily as files; a path a user gives must be a local file. Throws
// std::invalid_argument("WHAT 'PATH': ...") otherwise.
void require_local_file(const std::string& path, const std::string& what);

// Vector drivers that read local files only (no VRT, which may point
// anywhere; no GML, which may fetch schemas), for GDALDataset::Open.
const char* const* local_vector_drivers();

// EPSG:4326 with x = longitude, y = latitude: the CRS of everything we store.
OGRSpatialReference wgs84_lon_lat();

}  // namespace sitmap
