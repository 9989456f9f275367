#include "geo/gdal.hpp"

#include <cpl_error.h>

#include <mutex>
#include <stdexcept>

namespace sitmap {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::string gdal_error_or(const std::string& fallback) {
  const char* msg = CPLGetLastErrorMsg();
  return msg && *msg ? msg : fallback;
}

void require_local_file(const std::string& path, const std::string& what) {
  const bool virtual_fs = path.rfind("/vsi", 0) == 0;
  const bool url = path.find("://") != std::string::npos;
  if (virtual_fs || url)
    throw std::invalid_argument(what + " '" + path + "': not a local file (URLs and GDAL virtual file systems are not read)");
}

const char* const* local_vector_drivers() {
  static const char* const drivers[] = {"GeoJSON", "GeoJSONSeq", "TopoJSON",     "GPKG", "ESRI Shapefile", "FlatGeobuf",
                                        "LIBKML",  "KML",        "MapInfo File", "GPX",  nullptr};
  return drivers;
}

OGRSpatialReference wgs84_lon_lat() {
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace sitmap
