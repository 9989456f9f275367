#pragma once
// The GLSL files of shaders/, embedded at build time (cmake/EmbedFiles.cmake).
#include <string_view>

namespace sitmap::shaders {
std::string_view basemap_vert();
std::string_view basemap_frag();
std::string_view events_vert();
std::string_view events_frag();
std::string_view density_vert();
std::string_view density_frag();
std::string_view heat_vert();
std::string_view heat_frag();
}  // namespace sitmap::shaders
