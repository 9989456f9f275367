#pragma once
// GDAL objects as owned values: datasets and features are held by GDAL's own
// unique_ptr aliases (deleters that call GDALClose / DestroyFeature), GEOS
// objects by the ones below.
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

namespace sitmap {

using DatasetPtr = GDALDatasetUniquePtr;
using FeaturePtr = OGRFeatureUniquePtr;

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

struct GeosContextDeleter {
  void operator()(GEOSContextHandle_t h) const { GEOS_finish_r(h); }
};
using GeosContextPtr = std::unique_ptr<GEOSContextHandle_HS, GeosContextDeleter>;

}  // namespace sitmap
