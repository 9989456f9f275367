#include <doctest/doctest.h>

#include "core/geo.hpp"

using namespace sitmap;

TEST_CASE("a point a given distance along a bearing lies that far, that way") {
  const GeoPoint town{4.602, -61.110};
  const GeoPoint north = destination_point(town, 0.0, 70.0);
  CHECK(north.lat > town.lat);
  CHECK(std::abs(north.lon - town.lon) < 1e-9);
  CHECK(std::abs(haversine_km(town, north) - 70.0) < 0.01);
  const GeoPoint south_west = destination_point(town, 225.0, 100.0);
  CHECK(south_west.lat < town.lat);
  CHECK(south_west.lon < town.lon);
  CHECK(std::abs(haversine_km(town, south_west) - 100.0) < 0.01);
  // Across the antimeridian the longitude wraps into [-180, 180].
  const GeoPoint east = destination_point({-17.0, 179.9}, 90.0, 50.0);
  CHECK(east.lon < -179.0);
}
