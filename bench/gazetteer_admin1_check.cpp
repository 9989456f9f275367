// First-level divisions whose point lies far from every town the index puts
// in them (a name joined to another division's code, a source's point in the
// wrong place): lists each with its nearest own town, then the count.
//   usage: gazetteer_admin1_check INDEX [KM]   (KM defaults to 300)
// Exit status: 1 when any division is that far, 77 (ctest's "skipped") when
// the index is not there.
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gazetteer_admin1_check INDEX [KM]\n");
    return 2;
  }
  if (!std::filesystem::exists(argv[1])) {
    std::printf("skipped: %s not found (bash tools/dev.sh setup builds it)\n", argv[1]);
    return 77;
  }
  const double km = argc >= 3 ? std::stod(argv[2]) : 300;
  const auto g = sitmap::Gazetteer::open(argv[1]);
  // Towns by "CC|division name", as the index assigns them.
  std::map<std::string, std::vector<sitmap::Place>> towns;
  for (uint32_t i = 0; i < g.size(); ++i) {
    const sitmap::Place p = g.place(i);
    if (p.kind == sitmap::PlaceKind::city && !p.admin1.empty())
      towns[std::string(p.country_code) + "|" + std::string(p.admin1)].push_back(p);
  }
  size_t divisions = 0, without_towns = 0, far = 0;
  for (uint32_t i = 0; i < g.size(); ++i) {
    const sitmap::Place d = g.place(i);
    if (d.kind != sitmap::PlaceKind::admin1) continue;
    ++divisions;
    const auto it = towns.find(std::string(d.country_code) + "|" + std::string(d.name));
    if (it == towns.end()) {
      ++without_towns;
      continue;
    }
    double nearest = std::numeric_limits<double>::max();
    const sitmap::Place* town = nullptr;
    for (const sitmap::Place& t : it->second) {
      const double dist = sitmap::haversine_km(d.point, t.point);
      if (dist < nearest) {
        nearest = dist;
        town = &t;
      }
    }
    if (nearest <= km) continue;
    ++far;
    std::printf("%.*s  %-40.*s %9.4f %10.4f  %6.0f km from its nearest town (%.*s), %zu towns\n", static_cast<int>(d.country_code.size()),
                d.country_code.data(), static_cast<int>(d.name.size()), d.name.data(), d.point.lat, d.point.lon, nearest,
                static_cast<int>(town->name.size()), town->name.data(), it->second.size());
  }
  std::printf("%zu of %zu divisions lie more than %.0f km from every town the index puts in them (%zu have no towns)\n", far, divisions, km,
              without_towns);
  return far ? 1 : 0;
}
