#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "geo/reproject.hpp"

using namespace sitmap;

TEST_CASE("reproject: Web Mercator forward and back, x east and y north") {
  const Reprojector merc("EPSG:3857");
  double x = 0, y = 0;
  REQUIRE(merc.forward(39.007881, 35.952831, x, y));  // Raqqa
  CHECK(x == doctest::Approx(4342294.0).epsilon(1e-4));
  CHECK(y == doctest::Approx(4290100.0).epsilon(1e-3));
  double lon = 0, lat = 0;
  REQUIRE(merc.inverse(x, y, lon, lat));
  CHECK(lon == doctest::Approx(39.007881).epsilon(1e-9));
  CHECK(lat == doctest::Approx(35.952831).epsilon(1e-9));
  CHECK(merc.target() == "EPSG:3857");
}

TEST_CASE("reproject: many points at once agree with one at a time; a point with no image is refused") {
  const Reprojector ee("EPSG:8857");  // Equal Earth
  double xs[] = {0, 2.3488, -120.5, 179.9}, ys[] = {0, 48.853409, -33.0, 60.0};
  double want_x[4], want_y[4];
  for (int i = 0; i < 4; ++i) REQUIRE(ee.forward(xs[i], ys[i], want_x[i], want_y[i]));
  ee.forward_many(xs, ys, 4);
  for (int i = 0; i < 4; ++i) {
    CHECK(xs[i] == doctest::Approx(want_x[i]));
    CHECK(ys[i] == doctest::Approx(want_y[i]));
  }
  CHECK(xs[0] == doctest::Approx(0).epsilon(1e-6));
  // No image of a latitude past the pole.
  const Reprojector merc("EPSG:3857");
  double x = 0, y = 0;
  CHECK_FALSE(merc.forward(0, 95, x, y));
}

TEST_CASE("reproject: a CRS PROJ does not know is refused, naming it") {
  CHECK_THROWS_WITH_AS(Reprojector("EPSG:999999"), doctest::Contains("EPSG:999999"), std::invalid_argument);
  CHECK_THROWS_AS(Reprojector("not a crs"), std::invalid_argument);
}

TEST_CASE("reproject: moved, the transform still works") {
  Reprojector a("EPSG:3857");
  Reprojector b(std::move(a));
  double x = 0, y = 0;
  CHECK(b.forward(0, 0, x, y));
  CHECK(std::abs(x) < 1e-6);
}
