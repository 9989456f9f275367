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

// The point `km` along a great circle from `from` at `bearing_deg` (clockwise from north).
inline GeoPoint destination_point(GeoPoint from, double bearing_deg, double km) {
  constexpr double deg = 3.14159265358979323846 / 180.0;
  const double d = km / 6371.0, b = bearing_deg * deg, lat1 = from.lat * deg, lon1 = from.lon * deg;
  const double lat2 = std::asin(std::sin(lat1) * std::cos(d) + std::cos(lat1) * std::sin(d) * std::cos(b));
  const double lon2 = lon1 + std::atan2(std::sin(b) * std::sin(d) * std::cos(lat1), std::cos(d) - std::sin(lat1) * std::sin(lat2));
  return GeoPoint{lat2 / deg, std::remainder(lon2 / deg, 360.0)};
}

}  // namespace sitmap
