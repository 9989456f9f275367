#include "render/basemap.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/paths.hpp"
#include "geo/map_geometry.hpp"
#include "geo/reproject.hpp"

namespace sitmap {
namespace {

constexpr const char* kFiles[3] = {"world-atlas/countries-110m.json", "world-atlas/countries-50m.json", "world-atlas/countries-10m.json"};

// Web Mercator has no image of the poles; everything is clamped to the
// latitudes it can show so that all three projections share one path.
double clamp_lat(double lat, MapProjection p) { return std::clamp(lat, -max_latitude(p), max_latitude(p)); }

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
      } catch (...) {}
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
  const MapFrame map{projection_crs(projection_), max_latitude(projection_)};
  // Through the cache: the 10m level is seconds of triangulation the first time only.
  return cached_land_and_borders(geodata_file(kFiles[level]), map, (bounds_.x1 - bounds_.x0) / 72, cancel_);
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
