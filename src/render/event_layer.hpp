#pragma once
// Events on the GPU: one instance per event (position in map units, days,
// magnitude, type, precision), uploaded once, ordered by day; a visibility
// byte per event, uploaded when the filters change; the time window is a
// uniform, and only the instances whose days can fall in it are drawn, so
// scrubbing and playing upload nothing and cost what the window holds. At low zoom with many events in
// the window, a density layer (additive counts, then a heat ramp) replaces
// the markers. Events added later (a store followed while it grows) go
// after the ordered ones, uploaded alone, and are always drawn.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "render/camera.hpp"
#include "render/gl.hpp"
#include "render/shader.hpp"
#include "store/event_table.hpp"

namespace sitmap {

struct Rgb {
  float r, g, b;
};

// The colour of each sub_event_type (its colour in core/event_types.hpp,
// else one of a few spare colours by its name: the same in every table,
// whatever the order its types came in).
Rgb color_for_type(const std::string& sub_event_type);

enum class EventStyle { markers, density };

struct EventDrawParams {
  float window_from = 0, window_to = 0;  // days relative to the table's day0, inclusive
  bool fade = true;
  int selected = -1, hovered = -1;
  EventStyle style = EventStyle::markers;
};

class EventLayer {
 public:
  // Projects every event through PROJ once and uploads the instances.
  EventLayer(const EventTable& table, MapProjection projection);
  EventLayer(const EventLayer&) = delete;
  ~EventLayer();

  void set_visible(const std::vector<uint8_t>& mask);  // the only upload after creation, but for append()
  // The table's rows from `first` on (first == size() so far, the table's
  // day0 unchanged) with their visibility: only they are uploaded.
  void append(const EventTable& table, size_t first, const std::vector<uint8_t>& visible);
  // The table's rows `rows` were rewritten in place (a canonical event a
  // later report added to), their days unchanged (their place on the GPU
  // depends on them): only they are uploaded again.
  void update(const EventTable& table, const std::vector<size_t>& rows);
  size_t size() const { return count_; }
  void draw(const Camera& camera, const EventDrawParams& params);

  // Projected positions (map units), for hit-testing and fitting.
  const std::vector<float>& xs() const { return x_; }
  const std::vector<float>& ys() const { return y_; }
  // Calls fn(table row) for each event whose days can fall in [from, to]
  // (a superset: callers still test the days), cheaply for narrow windows.
  template <class Fn>
  void for_each_candidate(float from, float to, Fn&& fn) const {
    for (const auto& [first, end] : ranges(from, to))
      for (size_t k = first; k < end; ++k) fn(order_[k]);
  }

 private:
  void ensure_density_target(int width, int height);
  // The GPU-order ranges a window needs: the long events, the short ones
  // starting in [from - kShortSpan, to], and those appended later.
  std::array<std::pair<size_t, size_t>, 3> ranges(float from, float to) const;
  void point_markers_at(size_t first) const;
  void set_palette(const EventTable& table);
  // Appends the map positions of the table's rows from `first` on to x_, y_.
  void project(const EventTable& table, size_t first);
  // Room for `needed` instances: larger buffers, the old contents copied on the GPU.
  void reserve(size_t needed);

  static constexpr float kShortSpan = 31;  // days
  size_t count_ = 0;
  size_t ordered_count_ = 0;  // the events laid out by day; the rest were appended
  size_t capacity_ = 0;       // instances the buffers hold
  MapProjection projection_;
  std::vector<uint32_t> order_, rank_;  // GPU position -> table row, and back
  size_t long_count_ = 0;
  std::vector<float> short_from_;  // first days of the short events, in GPU order
  std::vector<float> x_, y_;
  std::array<Rgb, 32> palette_{};
  GLuint vao_ = 0, vbo_corners_ = 0, vbo_instances_ = 0, vbo_visible_ = 0, vao_points_ = 0;
  GLuint fbo_ = 0, density_tex_ = 0, vao_empty_ = 0;
  int fbo_w_ = 0, fbo_h_ = 0;
  ShaderProgram markers_, density_, heat_;
};

}  // namespace sitmap
