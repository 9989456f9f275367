#include "render/offscreen.hpp"

#include <stb_image_write.h>

#include <cstring>
#include <stdexcept>

namespace sitmap {

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
  glGenFramebuffers(1, &fbo_);
  glGenRenderbuffers(1, &color_);
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE) throw std::runtime_error("offscreen framebuffer incomplete (size too large?)");
}

OffscreenTarget::~OffscreenTarget() {
  glDeleteFramebuffers(1, &fbo_);
  glDeleteRenderbuffers(1, &color_);
}

void OffscreenTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }
void OffscreenTarget::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

std::vector<uint8_t> OffscreenTarget::read_rgba() const { return read_framebuffer_rgba(fbo_, width_, height_); }

std::vector<uint8_t> read_framebuffer_rgba(GLuint framebuffer, int width, int height) {
  std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * 4), row(static_cast<size_t>(width) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
  if (framebuffer == 0) glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  for (int y = 0; y < height / 2; ++y) {  // GL's first row is the bottom one
    uint8_t* a = pixels.data() + static_cast<size_t>(y) * row.size();
    uint8_t* b = pixels.data() + static_cast<size_t>(height - 1 - y) * row.size();
    std::memcpy(row.data(), a, row.size());
    std::memcpy(a, b, row.size());
    std::memcpy(b, row.data(), row.size());
  }
  return pixels;
}

void write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba) {
  if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4)) throw std::runtime_error(path + ": cannot write the PNG");
}

}  // namespace sitmap
