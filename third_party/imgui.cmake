# Dear ImGui from libimgui-dev: the core is a static library found through
# pkg-config; the GLFW and OpenGL 3 backends ship as sources, compiled here
# into a small library (DESIGN.md).
sitmap_pkg_target(imgui imgui libimgui-dev)
set(SITMAP_IMGUI_BACKENDS /usr/share/doc/libimgui-dev/examples/backends)
if(NOT EXISTS ${SITMAP_IMGUI_BACKENDS}/imgui_impl_glfw.cpp)
  message(FATAL_ERROR "Dear ImGui backends not found in ${SITMAP_IMGUI_BACKENDS}: install the Debian package libimgui-dev")
endif()
add_library(sitmap_imgui_backends STATIC ${SITMAP_IMGUI_BACKENDS}/imgui_impl_glfw.cpp
                                         ${SITMAP_IMGUI_BACKENDS}/imgui_impl_opengl3.cpp)
target_include_directories(sitmap_imgui_backends PUBLIC /usr/include/imgui/backends)
target_link_libraries(sitmap_imgui_backends PUBLIC sitmap::imgui sitmap::glfw OpenGL::GL)
# Third-party code: its warnings are not ours to fix.
target_compile_options(sitmap_imgui_backends PRIVATE -w)
