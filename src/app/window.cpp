#include "app/window.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

namespace sitmap {
namespace {

void on_drop(GLFWwindow* window, int count, const char** paths) {
  auto* files = static_cast<std::vector<std::string>*>(glfwGetWindowUserPointer(window));
  for (int i = 0; i < count; ++i) files->emplace_back(paths[i]);
}

// DejaVu Sans (fonts-dejavu-core) covers the accented names places have
// (Izmir, Tehran with their marks); ImGui's built-in font is ASCII only.
void load_font(ImGuiIO& io) {
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (FILE* f = std::fopen(path, "rb")) {
    std::fclose(f);
    static ImVector<ImWchar> ranges;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());  // Basic Latin, Latin-1
    static const ImWchar extended[] = {0x0100, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x1E00, 0x1EFF, 0x2010, 0x205E, 0};
    builder.AddRanges(extended);  // Latin Extended A/B, Greek, Cyrillic, Latin Extended Additional, punctuation
    builder.BuildRanges(&ranges);
    io.Fonts->AddFontFromFileTTF(path, 15.0f, nullptr, ranges.Data);
  }
}

}  // namespace

PlatformWindow::PlatformWindow(const WindowOptions& o) {
  if (!glfwInit()) throw WindowError("cannot open a window: no display (set DISPLAY, or run under xvfb-run -a)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, o.visible ? GLFW_TRUE : GLFW_FALSE);
  window_ = glfwCreateWindow(o.width, o.height, o.title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw WindowError("cannot create an OpenGL 3.3 core window (is Mesa's libgl1-mesa-dri installed?)");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(o.vsync ? 1 : 0);
  glfwSetWindowUserPointer(window_, &dropped_);
  glfwSetDropCallback(window_, on_drop);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no layout file dropped into the user's directory
  load_font(io);
  ImGui::StyleColorsLight();
  ImGui::GetStyle().WindowRounding = 4;
  ImGui::GetStyle().FrameRounding = 3;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

PlatformWindow::~PlatformWindow() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool PlatformWindow::should_close() const { return glfwWindowShouldClose(window_); }
void PlatformWindow::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void PlatformWindow::begin_frame() {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void PlatformWindow::end_frame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void PlatformWindow::present() { glfwSwapBuffers(window_); }

int PlatformWindow::width() const {
  int w, h;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

int PlatformWindow::height() const {
  int w, h;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

std::vector<std::string> PlatformWindow::take_dropped_files() {
  std::vector<std::string> out;
  out.swap(dropped_);
  return out;
}

double PlatformWindow::time() const { return glfwGetTime(); }

}  // namespace sitmap
