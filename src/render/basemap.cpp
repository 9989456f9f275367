#include "render/basemap.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cstdio>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

#include "core/paths.hpp"
#include "geo/gdal.hpp"
#include "geo/reproject.hpp"

namespace sitmap {
namespace {

constexpr const char* kFiles[3] = {"world-atlas/countries-110m.json", "world-atlas/countries-50m.json",
                                   "world-atlas/countries-10m.json"};

// Web Mercator has no image of the poles; everything is clamped to the
// latitudes it can show so that all three projections share one path.
double clamp_lat(double lat, MapProjection p) {
  return std::clamp(lat, -max_latitude(p), max_latitude(p));
}

struct Ring {
  std::vector<double> x, y;
  std::vector<uint8_t> skip;  // per segment: not a real border (antimeridian jump, clamped pole edge)
};

void project_ring(Ring& r, const Reprojector& proj, MapProjection p) {
  r.skip.assign(r.x.size(), 0);
  for (size_t i = 0; i + 1 < r.x.size(); ++i)
    r.skip[i] = std::abs(r.x[i + 1] - r.x[i]) > 180 || (std::abs(r.y[i]) > 84.9 && std::abs(r.y[i + 1]) > 84.9) ||
                (std::abs(std::abs(r.x[i]) - 180) < 1e-6 && std::abs(std::abs(r.x[i + 1]) - 180) < 1e-6);
  for (double& lat : r.y) lat = clamp_lat(lat, p);
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
    if (t == wkbPolygon) out->addGeometry(part);
    else if (t == wkbMultiPolygon)
      for (const OGRPolygon* p : *part->toMultiPolygon()) out->addGeometry(p);
  };
  if (wkbFlatten(g->getGeometryType()) == wkbGeometryCollection)
    for (const OGRGeometry* part : *g->toGeometryCollection()) add(part);
  else add(g);
  return out;
}

// A polygon whose rings jump across the antimeridian (Chukotka, Fiji),
// unwrapped to run past +-180 and cut there (GEOS) into parts on either
// side; other polygons as they are.
std::vector<std::unique_ptr<OGRPolygon>> split_at_antimeridian(const OGRPolygon& poly) {
  std::vector<std::unique_ptr<OGRPolygon>> out;
  bool jumps = false;
  for (const OGRLinearRing* ring : poly)
    for (int i = 0; i + 1 < ring->getNumPoints(); ++i)
      jumps |= std::abs(ring->getX(i + 1) - ring->getX(i)) > 180;
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

// Thrown out of a worker's build when the basemap is destroyed first.
struct Cancelled {};

std::vector<std::vector<Ring>> read_polygons(GDALDataset& ds, const char* layer_name, const Reprojector& proj, MapProjection p,
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
        project_ring(r, proj, p);
        rings.push_back(std::move(r));
      }
      if (!rings.empty()) out.push_back(std::move(rings));
    }
  };
  for (auto& f : *layer) {
    if (cancel) throw Cancelled{};
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g) continue;
    if (wkbFlatten(g->getGeometryType()) == wkbPolygon) add_polygon(*g->toPolygon());
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
  if (type == GEOS_POLYGON) triangulate_polygon(ctx, g, out);
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
    if (cancel) throw Cancelled{};
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

void upload_xy(GLuint& vao, GLuint& vbo, const std::vector<float>& xy) {
  glGenVertexArrays(1, &vao);
  glGenBuffers(1, &vbo);
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  gl::buffer_data(GL_ARRAY_BUFFER, xy.size() * sizeof(float), xy.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
}

}  // namespace

Basemap::Basemap(MapProjection projection) : projection_(projection) {
  const Reprojector proj(projection_crs(projection));
  double x[2] = {-180, 180}, y[2] = {clamp_lat(-90, projection), clamp_lat(90, projection)};
  double ex[2] = {0, 0}, ey[2] = {0, 0};
  proj.forward(x[0], 0, ex[0], ey[0]);
  proj.forward(x[1], 0, ex[1], ey[1]);
  double dummy;
  proj.forward(0, y[0], dummy, bounds_.y0);
  proj.forward(0, y[1], dummy, bounds_.y1);
  bounds_.x0 = ex[0];
  bounds_.x1 = ex[1];
  upload(0, build(0));
}

Basemap::~Basemap() {
  cancel_ = true;  // a level still being built stops at its next polygon
  for (Level& l : levels_)
    if (l.pending.valid()) try {
        l.pending.get();
      } catch (...) {
      }
  for (Level& l : levels_) {
    if (!l.loaded) continue;
    glDeleteBuffers(1, &l.vbo_land);
    glDeleteBuffers(1, &l.vbo_lines);
    glDeleteVertexArrays(1, &l.vao_land);
    glDeleteVertexArrays(1, &l.vao_lines);
  }
}

int Basemap::level_for(double scale) { return scale > 6000 ? 0 : scale > 1200 ? 1 : 2; }

Basemap::Geometry Basemap::build(int level) const {
  ensure_gdal_registered();
  const std::string path = geodata_file(kFiles[level]);
  DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw std::runtime_error(path + ": GDAL cannot read it");
  const Reprojector proj(projection_crs(projection_));
  const auto land = read_polygons(*ds, "land", proj, projection_, cancel_);
  const auto countries = read_polygons(*ds, "countries", proj, projection_, cancel_);
  return {triangulate(land, (bounds_.x1 - bounds_.x0) / 72, cancel_), outlines(countries)};
}

void Basemap::upload(int level, const Geometry& g) {
  Level& l = levels_[level];
  upload_xy(l.vao_land, l.vbo_land, g.triangles);
  upload_xy(l.vao_lines, l.vbo_lines, g.lines);
  l.land_vertices = static_cast<GLsizei>(g.triangles.size() / 2);
  l.line_vertices = static_cast<GLsizei>(g.lines.size() / 2);
  l.loaded = true;
}

int Basemap::prepare(const Camera& camera, bool wait) {
  const int wanted = level_for(camera.scale);
  Level& w = levels_[wanted];
  if (!w.loaded && !w.failed) {
    if (!w.pending.valid()) w.pending = std::async(std::launch::async, [this, wanted] { return build(wanted); });
    if (wait || w.pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      try {
        upload(wanted, w.pending.get());
      } catch (const std::exception& e) {  // keep drawing the coarser level; say so once
        w.failed = true;
        std::fprintf(stderr, "sitmap: basemap detail level %d unavailable: %s\n", wanted, e.what());
      }
    }
  }
  int level = wanted;
  while (!levels_[level].loaded) --level;  // level 0 is loaded at construction
  return level;
}

void Basemap::draw_part(int level, bool land, const Camera& camera, const ShaderProgram& program) const {
  const Level& l = levels_[level];
  program.use();
  glUniform2f(program.uniform("center"), static_cast<float>(camera.center_x), static_cast<float>(camera.center_y));
  glUniform2f(program.uniform("half_extent"), static_cast<float>(camera.scale * camera.width / 2),
              static_cast<float>(camera.scale * camera.height / 2));
  if (land) {
    glUniform4f(program.uniform("color"), 0.878f, 0.863f, 0.816f, 1.0f);
    glBindVertexArray(l.vao_land);
    glDrawArrays(GL_TRIANGLES, 0, l.land_vertices);
  } else {  // borders and coasts
    glUniform4f(program.uniform("color"), 0.55f, 0.53f, 0.50f, 1.0f);
    glBindVertexArray(l.vao_lines);
    glDrawArrays(GL_LINES, 0, l.line_vertices);
  }
  glBindVertexArray(0);
}

void Basemap::draw(const Camera& camera, const ShaderProgram& program, bool wait) {
  const int level = prepare(camera, wait);
  draw_land(level, camera, program);
  draw_borders(level, camera, program);
}

}  // namespace sitmap
