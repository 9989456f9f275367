#pragma once
// Plain geographic values shared by every module.
#include <cmath>

namespace sitmap {

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

// Great-circle distance on a sphere of the Earth's mean radius (what the
// geoparsing literature's Acc@161km uses).
inline double haversine_km(GeoPoint a, GeoPoint b) {
  constexpr double deg = 3.14159265358979323846 / 180.0;
  const double h = std::pow(std::sin((b.lat - a.lat) * deg / 2), 2) +
                   std::cos(a.lat * deg) * std::cos(b.lat * deg) * std::pow(std::sin((b.lon - a.lon) * deg / 2), 2);
  return 12742.0 * std::asin(std::fmin(1.0, std::sqrt(h)));
}

}  // namespace sitmap
