#pragma once
// Where the map looks: projection, centre and scale (map units per pixel).
#include <string>
#include <vector>

namespace sitmap {

enum class MapProjection { web_mercator, equal_earth, plate_carree };

// The CRS PROJ builds for each projection.
const char* projection_crs(MapProjection p);
const char* projection_label(MapProjection p);
// The highest latitude a projection shows: Web Mercator has no image of the
// poles, so everything drawn is clamped to +-85.05 there.
double max_latitude(MapProjection p);

// A rectangle of the screen in pixels (x right, y down), such as a panel.
struct ScreenRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool contains(double x, double y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
  bool overlaps(const ScreenRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

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
  // The same inside `area` of the screen (the part panels leave free).
  void fit(double x0, double y0, double x1, double y1, const ScreenRect& area);
};

// The rectangle of a width x height screen, clear of every `covered` one,
// in which a box of map extent w x h shows largest (rectangles bounded by
// the screen's and the panels' edges are tried). The whole screen when no
// clear rectangle of a useful size (120 x 90 px) is left.
ScreenRect clear_area(int width, int height, const std::vector<ScreenRect>& covered, double w, double h);

}  // namespace sitmap
