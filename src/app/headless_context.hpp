#pragma once
// An OpenGL 3.3 core context with no window system at all: EGL on a GPU
// device, for the render benchmark on a headless GPU server (no X, no
// Wayland: GLFW cannot open a window there). libEGL is loaded at run time,
// so machines without it still run every other command.
#include <memory>
#include <string>

#include "app/window.hpp"

namespace sitmap {

class HeadlessContext {
 public:
  // Makes the context current; throws WindowError saying what failed.
  HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  ~HeadlessContext();
  // "device 1 of 2" or "default display": which EGL display it runs on.
  const std::string& display() const { return display_; }

  struct Egl;  // libEGL's handle, functions and objects (headless_context.cpp)

 private:
  std::unique_ptr<Egl> egl_;
  std::string display_;
};

}  // namespace sitmap
