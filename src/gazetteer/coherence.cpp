#include "gazetteer/coherence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace sitmap {

namespace {

constexpr double kDegreesPerRadian = 180.0 / 3.14159265358979323846;
constexpr double kEarthRadiusKm = 6371.0;

bool on_globe(GeoPoint p) { return p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180; }
int cell(double degrees) { return static_cast<int>(std::floor(degrees)); }
int wrap_lon(int lon) { return ((lon + 180) % 360 + 360) % 360 - 180; }
int64_t key(int lat, int lon) { return static_cast<int64_t>(lat) * 1000 + lon; }

struct Vouching {
  GeoPoint point;
  uint32_t name;
};

}  // namespace

std::vector<std::vector<float>> reading_coherence(const std::vector<std::vector<Reading>>& names, double reach_km) {
  std::vector<std::vector<float>> out(names.size());
  std::unordered_map<int64_t, std::vector<Vouching>> cells;
  for (uint32_t n = 0; n < names.size(); ++n) {
    out[n].assign(names[n].size(), 0.0f);
    for (const Reading& r : names[n])
      if (r.vouches && on_globe(r.point)) cells[key(cell(r.point.lat), wrap_lon(cell(r.point.lon)))].push_back({r.point, n});
  }
  if (cells.empty() || reach_km <= 0) return out;

  // A point within d km of p is within d/R radians of its latitude, and
  // within asin(sin(d/R) / cos(phi)) of its longitude at the highest
  // latitude phi of that band (every longitude near a pole).
  const double dlat = reach_km / kEarthRadiusKm * kDegreesPerRadian;
  std::vector<float> nearest(names.size(), -1.0f);  // closeness of each other name, this reading
  std::vector<uint32_t> touched;
  for (uint32_t n = 0; n < names.size(); ++n) {
    for (size_t k = 0; k < names[n].size(); ++k) {
      const GeoPoint p = names[n][k].point;
      if (!on_globe(p)) continue;
      const double phi = std::min(89.9, std::fabs(p.lat) + dlat) / kDegreesPerRadian;
      const double s = std::sin(reach_km / kEarthRadiusKm) / std::cos(phi);
      const bool every_lon = s >= 1;
      const double dlon = every_lon ? 180 : std::asin(s) * kDegreesPerRadian;
      const int lon_lo = every_lon ? -180 : cell(p.lon - dlon), lon_hi = every_lon ? 179 : cell(p.lon + dlon);
      const int lon_span = std::min(lon_hi - lon_lo, 359);
      for (int la = cell(std::max(-90.0, p.lat - dlat)); la <= cell(std::min(90.0, p.lat + dlat)); ++la) {
        for (int lo = lon_lo; lo <= lon_lo + lon_span; ++lo) {
          const auto it = cells.find(key(la, wrap_lon(lo)));
          if (it == cells.end()) continue;
          for (const Vouching& v : it->second) {
            if (v.name == n) continue;
            const double d = haversine_km(p, v.point);
            if (d >= reach_km) continue;
            const float closeness = static_cast<float>(1.0 - d / reach_km);
            if (nearest[v.name] < 0) touched.push_back(v.name);
            nearest[v.name] = std::max(nearest[v.name], closeness);
          }
        }
      }
      float sum = 0;
      for (uint32_t t : touched) {
        sum += nearest[t];
        nearest[t] = -1.0f;
      }
      touched.clear();
      out[n][k] = sum;
    }
  }
  return out;
}

}  // namespace sitmap
