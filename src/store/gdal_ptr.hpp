#pragma once
// GDAL objects as owned values: datasets and features are held by GDAL's own
// unique_ptr aliases (deleters that call GDALClose / DestroyFeature), GEOS
// objects by the ones below.
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace sitmap {

using DatasetPtr = GDALDatasetUniquePtr;
using FeaturePtr = OGRFeatureUniquePtr;

// Makes sure GDAL's drivers are registered once, before any open.
void ensure_gdal_registered();

struct GeosContextDeleter {
  void operator()(GEOSContextHandle_t h) const { GEOS_finish_r(h); }
};
using GeosContextPtr = std::unique_ptr<GEOSContextHandle_HS, GeosContextDeleter>;

}  // namespace sitmap
