#pragma once
// A framebuffer to draw into without a visible window, read back as RGBA
// and written as PNG (stb_image_write).
#include <cstdint>
#include <string>
#include <vector>

#include "render/gl.hpp"

namespace sitmap {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height);
  OffscreenTarget(const OffscreenTarget&) = delete;
  ~OffscreenTarget();
  void bind() const;
  static void unbind();
  // Top row first (PNG order).
  std::vector<uint8_t> read_rgba() const;
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  int width_, height_;
  GLuint fbo_ = 0, color_ = 0;
};

// The pixels of a framebuffer (0: the window's back buffer), top row first.
std::vector<uint8_t> read_framebuffer_rgba(GLuint framebuffer, int width, int height);

// Throws std::runtime_error naming the path when it cannot be written.
void write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);

}  // namespace sitmap
