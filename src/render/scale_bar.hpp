#pragma once
// The scale bar: a round ground length (1, 2 or 5 x 10^k metres) and the
// pixels it spans eastwards through the view's centre, measured through
// the projection itself (PROJ's inverse, then the great-circle distance),
// so it is right for Web Mercator, Equal Earth and plate carree alike at
// the latitude shown.
#include <optional>
#include <string>

#include "geo/reproject.hpp"
#include "render/camera.hpp"

struct ImDrawList;

namespace sitmap {

struct ScaleBarLength {
  double metres = 0;  // the round length
  double pixels = 0;  // its length on screen
  std::string label;  // "200 km", "500 m"
};

// Great-circle distance in metres on the mean Earth sphere (haversine).
double ground_distance(double lon0, double lat0, double lon1, double lat1);
// The largest 1, 2 or 5 x 10^k metres not over `metres` (0 below a metre).
double round_length(double metres);
std::string length_label(double metres);

class ScaleBar {
 public:
  explicit ScaleBar(MapProjection projection);
  // Ground metres a screen pixel spans eastwards at the view's centre;
  // nullopt when the centre is off the projected world.
  std::optional<double> metres_per_pixel(const Camera& camera) const;
  // The longest round length that spans at most `max_pixels`.
  std::optional<ScaleBarLength> length(const Camera& camera, double max_pixels) const;
  // The bar with its label in a light box whose lower-left corner is (x, bottom).
  static ScreenRect box(const ScaleBarLength& bar, float x, float bottom);
  static void draw(ImDrawList* list, const ScaleBarLength& bar, float x, float bottom);

 private:
  Reprojector proj_;
};

}  // namespace sitmap
