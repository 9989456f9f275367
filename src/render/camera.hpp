#pragma once
// Where the map looks: projection, centre and scale (map units per pixel).
#include <string>

namespace sitmap {

enum class MapProjection { web_mercator, equal_earth, plate_carree };

// The CRS PROJ builds for each projection.
const char* projection_crs(MapProjection p);
const char* projection_label(MapProjection p);
// The highest latitude a projection shows: Web Mercator has no image of the
// poles, so everything drawn is clamped to +-85.05 there.
double max_latitude(MapProjection p);

struct Camera {
  double center_x = 0, center_y = 0;  // map units
  double scale = 40000;               // map units per pixel
  int width = 1280, height = 720;     // pixels

  double to_screen_x(double x) const { return (x - center_x) / scale + width * 0.5; }
  double to_screen_y(double y) const { return height * 0.5 - (y - center_y) / scale; }
  double to_map_x(double sx) const { return center_x + (sx - width * 0.5) * scale; }
  double to_map_y(double sy) const { return center_y + (height * 0.5 - sy) * scale; }
  // Zooms by `factor` (> 1 in) keeping the map point under (sx, sy) still.
  void zoom_at(double sx, double sy, double factor);
  void pan_pixels(double dx, double dy);
  // Shows [x0,x1]x[y0,y1] with a margin (and at least ~1,000 km across).
  void fit(double x0, double y0, double x1, double y1);
};

}  // namespace sitmap
