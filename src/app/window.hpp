#pragma once
// The one class that knows about the window system (GLFW): an OpenGL 3.3
// core context, Dear ImGui on top of it, dropped files. Hidden windows
// serve offscreen rendering (`sitmap render`, the benchmark).
#include <stdexcept>
#include <string>
#include <vector>

struct GLFWwindow;

namespace sitmap {

struct WindowError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Key codes for ImGui::IsKeyPressed/IsKeyDown: ImGui 1.86 indexes its key
// state by the window system's codes (GLFW's; printable keys are ASCII).
namespace keys {
inline constexpr int space = 32, minus = 45, equal = 61, a = 65, d = 68, f = 70, s = 83, w = 87;
inline constexpr int right = 262, left = 263, down = 264, up = 265, keypad_subtract = 333, keypad_add = 334;
}  // namespace keys

struct WindowOptions {
  int width = 1440, height = 900;
  bool visible = true;
  bool vsync = true;
  std::string title = "Sitmap";
};

class PlatformWindow {
 public:
  // Throws WindowError when no window can be opened (no display: run under xvfb-run).
  explicit PlatformWindow(const WindowOptions& options);
  PlatformWindow(const PlatformWindow&) = delete;
  ~PlatformWindow();

  bool should_close() const;
  void request_close();
  // Polls events and starts an ImGui frame (display size = framebuffer size).
  void begin_frame();
  // Renders ImGui's draw data into the bound framebuffer (not yet shown).
  void end_frame();
  void present();
  int width() const;  // framebuffer pixels
  int height() const;
  std::vector<std::string> take_dropped_files();
  double time() const;  // seconds since start

 private:
  GLFWwindow* window_ = nullptr;
  std::vector<std::string> dropped_;  // filled by GLFW's drop callback
};

}  // namespace sitmap
