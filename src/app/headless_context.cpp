#include "app/headless_context.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <dlfcn.h>

#include <string_view>
#include <vector>

namespace sitmap {

struct HeadlessContext::Egl {
  void* library = nullptr;
  PFNEGLGETPROCADDRESSPROC get_proc = nullptr;
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;
  EGLSurface surface = EGL_NO_SURFACE;
  // Resolved with the library, so that releasing never looks anything up.
  PFNEGLMAKECURRENTPROC make_current = nullptr;
  PFNEGLDESTROYSURFACEPROC destroy_surface = nullptr;
  PFNEGLDESTROYCONTEXTPROC destroy_context = nullptr;
  PFNEGLTERMINATEPROC terminate = nullptr;

  // Releases what was made, also when the constructor stopped half-way.
  ~Egl() {
    if (display == EGL_NO_DISPLAY) return;
    make_current(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (surface != EGL_NO_SURFACE) destroy_surface(display, surface);
    if (context != EGL_NO_CONTEXT) destroy_context(display, context);
    terminate(display);
    // libEGL stays loaded: drivers register exit handlers inside it.
  }

  template <class F>
  F function(const char* name) const {
    void* f = dlsym(library, name);
    if (!f) f = reinterpret_cast<void*>(get_proc(name));
    if (!f) throw WindowError(std::string("headless OpenGL: libEGL has no ") + name);
    return reinterpret_cast<F>(f);
  }
  template <class F>
  F extension(const char* name) const {  // null when the driver lacks it
    return reinterpret_cast<F>(get_proc(name));
  }
};

namespace {

bool has_word(const char* list, std::string_view word) {
  const std::string_view all = list ? list : "";
  for (size_t at = all.find(word); at != std::string_view::npos; at = all.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || all[at - 1] == ' ') && (end == all.size() || all[end] == ' ')) return true;
  }
  return false;
}

// The GPU devices first: Mesa lists a software device too, which only
// stands in when there is no other.
EGLDisplay open_device_display(const HeadlessContext::Egl& egl, std::string& which) {
  const auto query_devices = egl.extension<PFNEGLQUERYDEVICESEXTPROC>("eglQueryDevicesEXT");
  const auto device_string = egl.extension<PFNEGLQUERYDEVICESTRINGEXTPROC>("eglQueryDeviceStringEXT");
  const auto platform_display = egl.extension<PFNEGLGETPLATFORMDISPLAYEXTPROC>("eglGetPlatformDisplayEXT");
  const auto initialize = egl.function<PFNEGLINITIALIZEPROC>("eglInitialize");
  if (query_devices && device_string && platform_display) {
    EGLint count = 0;
    std::vector<EGLDeviceEXT> devices(16);
    if (query_devices(static_cast<EGLint>(devices.size()), devices.data(), &count) && count > 0) {
      devices.resize(static_cast<size_t>(count));
      for (const bool software : {false, true})
        for (size_t i = 0; i < devices.size(); ++i) {
          if (has_word(device_string(devices[i], EGL_EXTENSIONS), "EGL_MESA_device_software") != software) continue;
          EGLDisplay display = platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
          if (display != EGL_NO_DISPLAY && initialize(display, nullptr, nullptr)) {
            which = "device " + std::to_string(i + 1) + " of " + std::to_string(count) + (software ? " (software)" : "");
            return display;
          }
        }
    }
  }
  EGLDisplay display = egl.function<PFNEGLGETDISPLAYPROC>("eglGetDisplay")(EGL_DEFAULT_DISPLAY);
  if (display == EGL_NO_DISPLAY || !initialize(display, nullptr, nullptr))
    throw WindowError("headless OpenGL: EGL found no device and no default display (is the GPU driver's EGL installed?)");
  which = "default display";
  return display;
}

}  // namespace

HeadlessContext::HeadlessContext() : egl_(std::make_unique<Egl>()) {
  Egl& e = *egl_;
  e.library = dlopen("libEGL.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!e.library) throw WindowError("headless OpenGL: cannot load libEGL.so.1 (install libegl1)");
  e.get_proc = reinterpret_cast<PFNEGLGETPROCADDRESSPROC>(dlsym(e.library, "eglGetProcAddress"));
  if (!e.get_proc) throw WindowError("headless OpenGL: libEGL.so.1 has no eglGetProcAddress");
  e.make_current = e.function<PFNEGLMAKECURRENTPROC>("eglMakeCurrent");
  e.destroy_surface = e.function<PFNEGLDESTROYSURFACEPROC>("eglDestroySurface");
  e.destroy_context = e.function<PFNEGLDESTROYCONTEXTPROC>("eglDestroyContext");
  e.terminate = e.function<PFNEGLTERMINATEPROC>("eglTerminate");
  e.display = open_device_display(e, display_);
  if (!e.function<PFNEGLBINDAPIPROC>("eglBindAPI")(EGL_OPENGL_API)) throw WindowError("headless OpenGL: this EGL has no desktop OpenGL");
  const EGLint config_wanted[] = {
      EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8,
      EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configs = 0;
  if (!e.function<PFNEGLCHOOSECONFIGPROC>("eglChooseConfig")(e.display, config_wanted, &config, 1, &configs) || configs < 1)
    throw WindowError("headless OpenGL: no EGL configuration with an OpenGL pbuffer");
  const EGLint context_wanted[] = {
      EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  e.context = e.function<PFNEGLCREATECONTEXTPROC>("eglCreateContext")(e.display, config, EGL_NO_CONTEXT, context_wanted);
  if (e.context == EGL_NO_CONTEXT) throw WindowError("headless OpenGL: cannot create an OpenGL 3.3 core context");
  // We draw into framebuffer objects; the pbuffer only gives the context a
  // surface where the driver wants one.
  const EGLint pbuffer_size[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
  e.surface = e.function<PFNEGLCREATEPBUFFERSURFACEPROC>("eglCreatePbufferSurface")(e.display, config, pbuffer_size);
  if (!e.make_current(e.display, e.surface, e.surface, e.context)) throw WindowError("headless OpenGL: cannot make the context current");
}

HeadlessContext::~HeadlessContext() = default;  // Egl releases

}  // namespace sitmap
