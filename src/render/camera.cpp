#include "render/camera.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap {

const char* projection_crs(MapProjection p) {
  switch (p) {
    case MapProjection::web_mercator:
      return "EPSG:3857";
    case MapProjection::equal_earth:
      return "EPSG:8857";
    case MapProjection::plate_carree:
      return "EPSG:4087";
  }
  return "EPSG:3857";
}

const char* projection_label(MapProjection p) {
  switch (p) {
    case MapProjection::web_mercator:
      return "Web Mercator";
    case MapProjection::equal_earth:
      return "Equal Earth";
    case MapProjection::plate_carree:
      return "Plate carree";
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
  fit(x0, y0, x1, y1, {0, 0, static_cast<double>(width), static_cast<double>(height)});
}

namespace {

// Map units per pixel that show [w x h] map units with a margin in an area
// of aw x ah pixels (and at least ~1,000 km across: one event is shown with
// its region around it).
double scale_to_show(double w, double h, double aw, double ah) {
  aw = std::max(aw, 1.0);
  ah = std::max(ah, 1.0);
  w = std::max(w, 1.0e6);
  h = std::max(h, 1.0e6 * ah / aw);
  return std::clamp(std::max(w / aw, h / ah) * 1.25, 0.5, 200000.0);
}

}  // namespace

void Camera::fit(double x0, double y0, double x1, double y1, const ScreenRect& area) {
  scale = scale_to_show(x1 - x0, y1 - y0, area.width(), area.height());
  // The box's centre at the area's centre.
  const double ax = (area.x0 + area.x1) / 2, ay = (area.y0 + area.y1) / 2;
  center_x = (x0 + x1) / 2 - (ax - width * 0.5) * scale;
  center_y = (y0 + y1) / 2 - (height * 0.5 - ay) * scale;
}

ScreenRect clear_area(int width, int height, const std::vector<ScreenRect>& covered, double w, double h) {
  const ScreenRect screen{0, 0, static_cast<double>(width), static_cast<double>(height)};
  std::vector<double> xs{screen.x0, screen.x1}, ys{screen.y0, screen.y1};
  for (const ScreenRect& r : covered) {
    for (const double x : {r.x0, r.x1}) xs.push_back(std::clamp(x, screen.x0, screen.x1));
    for (const double y : {r.y0, r.y1}) ys.push_back(std::clamp(y, screen.y0, screen.y1));
  }
  std::sort(xs.begin(), xs.end());
  std::sort(ys.begin(), ys.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  ScreenRect best = screen;
  double best_scale = 0;
  for (size_t a = 0; a < xs.size(); ++a)
    for (size_t b = a + 1; b < xs.size(); ++b)
      for (size_t c = 0; c < ys.size(); ++c)
        for (size_t d = c + 1; d < ys.size(); ++d) {
          const ScreenRect r{xs[a], ys[c], xs[b], ys[d]};
          if (r.width() < 120 || r.height() < 90) continue;
          if (std::any_of(covered.begin(), covered.end(), [&](const ScreenRect& p) { return p.overlaps(r); })) continue;
          const double s = scale_to_show(w, h, r.width(), r.height());
          // Least map units per pixel wins (the box shows largest); then the larger area.
          if (best_scale == 0 || s < best_scale * (1 - 1e-9) ||
              (s < best_scale * (1 + 1e-9) && r.width() * r.height() > best.width() * best.height())) {
            best = r;
            best_scale = s;
          }
        }
  return best;
}

}  // namespace sitmap
