#include "render/camera.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap {

const char* projection_crs(MapProjection p) {
  switch (p) {
    case MapProjection::web_mercator: return "EPSG:3857";
    case MapProjection::equal_earth: return "EPSG:8857";
    case MapProjection::plate_carree: return "EPSG:4087";
  }
  return "EPSG:3857";
}

const char* projection_label(MapProjection p) {
  switch (p) {
    case MapProjection::web_mercator: return "Web Mercator";
    case MapProjection::equal_earth: return "Equal Earth";
    case MapProjection::plate_carree: return "Plate carree";
  }
  return "?";
}

double max_latitude(MapProjection p) { return p == MapProjection::web_mercator ? 85.05 : 90.0; }

void Camera::zoom_at(double sx, double sy, double factor) {
  const double mx = to_map_x(sx), my = to_map_y(sy);
  scale = std::clamp(scale / factor, 0.5, 200000.0);
  center_x = mx - (sx - width * 0.5) * scale;
  center_y = my - (height * 0.5 - sy) * scale;
}

void Camera::pan_pixels(double dx, double dy) {
  center_x -= dx * scale;
  center_y += dy * scale;
}

void Camera::fit(double x0, double y0, double x1, double y1) {
  center_x = (x0 + x1) / 2;
  center_y = (y0 + y1) / 2;
  // At least ~1,000 km across: one event is shown with its region around it.
  const double w = std::max(x1 - x0, 1.0e6), h = std::max(y1 - y0, 1.0e6 * height / std::max(width, 1));
  scale = std::clamp(std::max(w / std::max(width, 1), h / std::max(height, 1)) * 1.25, 0.5, 200000.0);
}

}  // namespace sitmap
