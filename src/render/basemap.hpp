#pragma once
// The basemap: Natural Earth land and country borders (world-atlas
// TopoJSON), read, projected and triangulated once by
// geo/map_geometry.hpp, into GPU buffers.
// Three levels of detail (110m, 50m, 10m) switch with the zoom; 10m is
// loaded the first time it is needed.
#include <array>
#include <atomic>
#include <future>
#include <vector>
#include <string>

#include "geo/map_geometry.hpp"
#include "render/camera.hpp"
#include "render/gl.hpp"
#include "render/shader.hpp"

namespace sitmap {

struct MapBounds {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the projected world
};

class Basemap {
 public:
  explicit Basemap(MapProjection projection);
  Basemap(const Basemap&) = delete;
  ~Basemap();

  // Draws the level the scale calls for. A level not yet loaded is read and
  // triangulated on a worker thread while a coarser one is drawn, unless
  // `wait` (offscreen renders, which must show the final detail).
  void draw(const Camera& camera, const ShaderProgram& program, bool wait);
  // The same in steps, for layers drawn between the land and the borders:
  // prepare() picks (and starts or, with `wait`, finishes building) the
  // level and returns the finest one loaded, which the two draws take.
  int prepare(const Camera& camera, bool wait);
  void draw_land(int level, const Camera& camera, const ShaderProgram& program) const { draw_part(level, true, camera, program); }
  void draw_borders(int level, const Camera& camera, const ShaderProgram& program) const { draw_part(level, false, camera, program); }
  MapBounds bounds() const { return bounds_; }
  // Which level the camera's scale calls for: 0 = 110m, 1 = 50m, 2 = 10m.
  static int level_for(double scale);
  size_t triangles(int level) const { return levels_[level].land_vertices / 3; }

 private:
  using Geometry = LandAndBorders;  // x,y pairs in map units
  struct Level {
    bool loaded = false;
    bool failed = false;
    std::future<Geometry> pending;
    GLuint vao_land = 0, vbo_land = 0, vao_lines = 0, vbo_lines = 0;
    GLsizei land_vertices = 0, line_vertices = 0;
  };
  Geometry build(int level) const;  // CPU work only: safe on a worker thread
  void upload(int level, const Geometry& g);
  void draw_part(int level, bool land, const Camera& camera, const ShaderProgram& program) const;

  MapProjection projection_;
  std::atomic<bool> cancel_{false};
  std::array<Level, 3> levels_;
  MapBounds bounds_;
};

}  // namespace sitmap
