#include "render/event_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "core/event_types.hpp"
#include "core/hash.hpp"
#include "geo/reproject.hpp"
#include "render/shaders.hpp"

namespace sitmap {
namespace {

struct Instance {
  float x, y;
  float day_from, day_to;
  float magnitude;
  uint8_t type, precision, sources, pad;
};
static_assert(sizeof(Instance) == 24);

constexpr Rgb kFallback[] = {{0.35f, 0.55f, 0.65f}, {0.65f, 0.45f, 0.30f}, {0.50f, 0.50f, 0.20f}, {0.30f, 0.30f, 0.60f}};

// Row i of the table as the GPU draws it, at its projected x, y.
Instance instance_of(const EventTable& t, float x, float y, size_t i) {
  return {x, y, t.day_from[i], t.day_to[i], t.magnitude[i], t.type[i], t.precision[i], i < t.sources.size() ? t.sources[i] : uint8_t{1}, 0};
}

}  // namespace

Rgb color_for_type(const std::string& sub_event_type) {
  if (const EventTypeInfo* t = find_sub_event_type(sub_event_type); t && t->colour) return {t->colour->r, t->colour->g, t->colour->b};
  return kFallback[fnv1a_64(sub_event_type) % std::size(kFallback)];
}

EventLayer::EventLayer(const EventTable& t, MapProjection projection)
    : count_(t.size()),
      ordered_count_(t.size()),
      capacity_(t.size()),
      projection_(projection),
      markers_("events.vert", shaders::events_vert(), "events.frag", shaders::events_frag()),
      density_("density.vert", shaders::density_vert(), "density.frag", shaders::density_frag()),
      heat_("heat.vert", shaders::heat_vert(), "heat.frag", shaders::heat_frag()) {
  set_palette(t);
  project(t, 0);
  // On the GPU, events lasting more than kShortSpan days come first, then
  // the others by first day: a window then needs only a contiguous range of
  // the short ones (found by binary search), not every event.
  // A counting sort on whole days (bucket 0: the long events): linear, stable.
  auto is_long = [&](size_t i) { return t.day_to[i] - t.day_from[i] > kShortSpan; };
  auto bucket = [&](size_t i) { return is_long(i) ? size_t{0} : 1 + static_cast<size_t>(std::max(0.0f, t.day_from[i])); };
  std::vector<uint32_t> starts(static_cast<size_t>(t.last_day()) + 3, 0);
  for (size_t i = 0; i < count_; ++i) ++starts[bucket(i) + 1];
  for (size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
  order_.resize(count_);
  for (size_t i = 0; i < count_; ++i) order_[starts[bucket(i)]++] = static_cast<uint32_t>(i);
  rank_.resize(count_);
  std::vector<Instance> inst(count_);
  for (size_t k = 0; k < count_; ++k) {
    const uint32_t i = order_[k];
    rank_[i] = static_cast<uint32_t>(k);
    if (is_long(i))
      ++long_count_;
    else
      short_from_.push_back(t.day_from[i]);
    inst[k] = instance_of(t, x_[i], y_[i], i);
  }
  const float corners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
  glGenVertexArrays(1, &vao_);
  glGenVertexArrays(1, &vao_points_);
  glGenVertexArrays(1, &vao_empty_);
  glGenBuffers(1, &vbo_corners_);
  glGenBuffers(1, &vbo_instances_);
  glGenBuffers(1, &vbo_visible_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_corners_);
  gl::buffer_data(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_instances_);
  gl::buffer_data(GL_ARRAY_BUFFER, inst.size() * sizeof(Instance), inst.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_visible_);
  const std::vector<uint8_t> all(count_, 1);
  gl::buffer_data(GL_ARRAY_BUFFER, all.size(), all.data(), GL_DYNAMIC_DRAW);

  // Markers: instanced quads (divisor 1); density: the same buffers as points (divisor 0).
  for (const GLuint vao : {vao_, vao_points_}) {
    const GLuint divisor = vao == vao_ ? 1 : 0;
    glBindVertexArray(vao);
    if (vao == vao_) {
      glBindBuffer(GL_ARRAY_BUFFER, vbo_corners_);
      glEnableVertexAttribArray(0);
      glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    }
    point_markers_at(0);
    for (GLuint a = 1; a <= 5; ++a) {
      glEnableVertexAttribArray(a);
      glVertexAttribDivisor(a, divisor);
    }
  }
  glBindVertexArray(0);
}

EventLayer::~EventLayer() {
  glDeleteBuffers(1, &vbo_corners_);
  glDeleteBuffers(1, &vbo_instances_);
  glDeleteBuffers(1, &vbo_visible_);
  glDeleteVertexArrays(1, &vao_);
  glDeleteVertexArrays(1, &vao_points_);
  glDeleteVertexArrays(1, &vao_empty_);
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (density_tex_) glDeleteTextures(1, &density_tex_);
}

void EventLayer::set_palette(const EventTable& t) {
  for (size_t i = 0; i < palette_.size(); ++i)
    palette_[i] = i < t.sub_types.size() ? color_for_type(t.sub_types[i]) : kFallback[i % std::size(kFallback)];
}

void EventLayer::project(const EventTable& t, size_t first) {
  // Once per event (PROJ, in batch); map units as floats are ample for markers.
  std::vector<double> px(t.lon.begin() + static_cast<std::ptrdiff_t>(first), t.lon.end());
  std::vector<double> py(t.lat.begin() + static_cast<std::ptrdiff_t>(first), t.lat.end());
  for (double& v : py) v = std::clamp(v, -max_latitude(projection_), max_latitude(projection_));
  // A large table in two halves at once (a PROJ transform each: one is not
  // shared between threads): a tenth of a second less before a first frame.
  const size_t half = px.size() >= 200000 ? px.size() / 2 : 0;
  std::thread second;
  if (half > 0)
    second =
        std::thread([&] { Reprojector(projection_crs(projection_)).forward_many(px.data() + half, py.data() + half, px.size() - half); });
  Reprojector(projection_crs(projection_)).forward_many(px.data(), py.data(), half > 0 ? half : px.size());
  if (second.joinable()) second.join();
  for (size_t i = 0; i < px.size(); ++i) {
    x_.push_back(static_cast<float>(px[i]));
    y_.push_back(static_cast<float>(py[i]));
  }
}

void EventLayer::reserve(size_t needed) {
  if (needed <= capacity_) return;
  const size_t capacity = std::max(needed, capacity_ * 2);
  for (auto [buffer, item_size] : {std::pair{&vbo_instances_, sizeof(Instance)}, std::pair{&vbo_visible_, size_t{1}}}) {
    GLuint bigger = 0;
    glGenBuffers(1, &bigger);
    glBindBuffer(GL_COPY_WRITE_BUFFER, bigger);
    glBufferData(GL_COPY_WRITE_BUFFER, static_cast<GLsizeiptr>(capacity * item_size), nullptr, GL_DYNAMIC_DRAW);  // room, no upload
    glBindBuffer(GL_COPY_READ_BUFFER, *buffer);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, static_cast<GLsizeiptr>(count_ * item_size));
    glDeleteBuffers(1, buffer);
    *buffer = bigger;
  }
  capacity_ = capacity;
  // The density layer's attributes were set once: point them at the new buffers.
  glBindVertexArray(vao_points_);
  point_markers_at(0);
  glBindVertexArray(0);
}

void EventLayer::append(const EventTable& t, size_t first, const std::vector<uint8_t>& visible) {
  if (first != count_ || t.size() < first || visible.size() != t.size() - first)
    throw std::logic_error("events appended out of step with the layer");
  const size_t n = t.size() - first;
  if (n == 0) return;
  set_palette(t);  // new types take their colours
  project(t, first);
  std::vector<Instance> inst(n);
  for (size_t k = 0; k < n; ++k) {
    const size_t i = first + k;
    order_.push_back(static_cast<uint32_t>(i));  // appended rows keep their order on the GPU
    rank_.push_back(static_cast<uint32_t>(i));
    inst[k] = instance_of(t, x_[i], y_[i], i);
  }
  reserve(count_ + n);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_instances_);
  gl::uploaded_bytes() += n * sizeof(Instance) + n;
  glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(count_ * sizeof(Instance)), static_cast<GLsizeiptr>(n * sizeof(Instance)),
                  inst.data());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_visible_);
  glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(count_), static_cast<GLsizeiptr>(n), visible.data());
  count_ += n;
}

void EventLayer::update(const EventTable& t, const std::vector<size_t>& rows) {
  if (t.size() != count_) throw std::logic_error("events updated out of step with the layer");
  if (rows.empty()) return;
  set_palette(t);  // a rewritten row may bring a new type
  std::vector<double> px, py;
  for (const size_t i : rows) {
    px.push_back(t.lon[i]);
    py.push_back(std::clamp(t.lat[i], -max_latitude(projection_), max_latitude(projection_)));
  }
  Reprojector(projection_crs(projection_)).forward_many(px.data(), py.data(), px.size());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_instances_);
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t i = rows[k];
    x_[i] = static_cast<float>(px[k]);
    y_[i] = static_cast<float>(py[k]);
    const Instance inst = instance_of(t, x_[i], y_[i], i);
    gl::uploaded_bytes() += sizeof inst;
    glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(rank_[i] * sizeof(Instance)), sizeof inst, &inst);
  }
}

void EventLayer::set_visible(const std::vector<uint8_t>& mask) {
  if (mask.size() != count_) throw std::logic_error("visibility mask of the wrong size");
  std::vector<uint8_t> in_gpu_order(count_);
  for (size_t k = 0; k < count_; ++k) in_gpu_order[k] = mask[order_[k]];
  glBindBuffer(GL_ARRAY_BUFFER, vbo_visible_);
  gl::uploaded_bytes() += in_gpu_order.size();
  glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(in_gpu_order.size()), in_gpu_order.data());
}

void EventLayer::ensure_density_target(int w, int h) {
  if (fbo_ && w == fbo_w_ && h == fbo_h_) return;
  if (!fbo_) {
    glGenFramebuffers(1, &fbo_);
    glGenTextures(1, &density_tex_);
  }
  glBindTexture(GL_TEXTURE_2D, density_tex_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, density_tex_, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  fbo_w_ = w;
  fbo_h_ = h;
}

std::array<std::pair<size_t, size_t>, 3> EventLayer::ranges(float from, float to) const {
  // Short events that can touch [from, to] start within [from - kShortSpan, to].
  const auto lo = std::lower_bound(short_from_.begin(), short_from_.end(), from - kShortSpan) - short_from_.begin();
  const auto hi = std::upper_bound(short_from_.begin(), short_from_.end(), to) - short_from_.begin();
  return {std::pair<size_t, size_t>{0, long_count_},
          std::pair<size_t, size_t>{long_count_ + static_cast<size_t>(lo), long_count_ + static_cast<size_t>(std::max(lo, hi))},
          std::pair<size_t, size_t>{ordered_count_, count_}};
}

// Points the per-event attributes of the bound VAO at instance `first`
// (vertex state only, nothing uploaded).
void EventLayer::point_markers_at(size_t first) const {
  const auto stride = static_cast<GLsizei>(sizeof(Instance));
  const size_t base = first * sizeof(Instance);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_instances_);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(Instance, x)));
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(Instance, day_from)));
  glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(base + offsetof(Instance, magnitude)));
  glVertexAttribIPointer(4, 3, GL_UNSIGNED_BYTE, stride, reinterpret_cast<void*>(base + offsetof(Instance, type)));
  glBindBuffer(GL_ARRAY_BUFFER, vbo_visible_);
  glVertexAttribIPointer(5, 1, GL_UNSIGNED_BYTE, 1, reinterpret_cast<void*>(first));
}

void EventLayer::draw(const Camera& camera, const EventDrawParams& p) {
  if (count_ == 0) return;
  const auto parts = ranges(p.window_from, p.window_to);
  const float cx = static_cast<float>(camera.center_x), cy = static_cast<float>(camera.center_y);
  const float hx = static_cast<float>(camera.scale * camera.width / 2), hy = static_cast<float>(camera.scale * camera.height / 2);
  glEnable(GL_BLEND);
  if (p.style == EventStyle::density) {
    ensure_density_target(camera.width, camera.height);
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glBlendFunc(GL_ONE, GL_ONE);
    glEnable(GL_PROGRAM_POINT_SIZE);
    density_.use();
    glUniform2f(density_.uniform("center"), cx, cy);
    glUniform2f(density_.uniform("half_extent"), hx, hy);
    glUniform2f(density_.uniform("window"), p.window_from, p.window_to);
    glBindVertexArray(vao_points_);
    for (const auto& [first, end] : parts)
      if (end > first) glDrawArrays(GL_POINTS, static_cast<GLint>(first), static_cast<GLsizei>(end - first));
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    heat_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, density_tex_);
    glUniform1i(heat_.uniform("density"), 0);
    glBindVertexArray(vao_empty_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
  } else {
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    markers_.use();
    glUniform2f(markers_.uniform("center"), cx, cy);
    glUniform2f(markers_.uniform("half_extent"), hx, hy);
    glUniform2f(markers_.uniform("viewport"), static_cast<float>(camera.width), static_cast<float>(camera.height));
    glUniform2f(markers_.uniform("window"), p.window_from, p.window_to);
    glUniform1i(markers_.uniform("fade"), p.fade ? 1 : 0);
    auto gpu_index = [&](int i) {
      return i >= 0 && static_cast<size_t>(i) < count_ ? static_cast<int>(rank_[static_cast<size_t>(i)]) : -1;
    };
    glUniform1i(markers_.uniform("selected"), gpu_index(p.selected));
    glUniform1i(markers_.uniform("hovered"), gpu_index(p.hovered));
    glUniform3fv(markers_.uniform("palette"), 32, &palette_[0].r);
    glBindVertexArray(vao_);
    for (const auto& [first, end] : parts) {
      if (end <= first) continue;
      point_markers_at(first);
      glUniform1i(markers_.uniform("instance_base"), static_cast<GLint>(first));
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(end - first));
    }
  }
  glBindVertexArray(0);
}

}  // namespace sitmap
