// reading_coherence: which readings of a report's names lie near the other
// names' readings (points made up for the test, not taken from any corpus).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "gazetteer/coherence.hpp"

using namespace sitmap;

TEST_CASE("coherence: the namesake beside another name's reading scores, the far one does not") {
  // Name 0 has a reading at (34.0, -84.0) and one 1,000 km away; name 1 has
  // one reading 11 km from the first.
  const std::vector<std::vector<Reading>> names = {{{{34.0, -84.0}}, {{40.0, -95.0}}}, {{{34.1, -84.0}}}};
  const auto c = reading_coherence(names, 50);
  REQUIRE(c.size() == 2);
  REQUIRE(c[0].size() == 2);
  const double d = haversine_km({34.0, -84.0}, {34.1, -84.0});
  CHECK(c[0][0] == doctest::Approx(1 - d / 50).epsilon(1e-4));
  CHECK(c[0][1] == 0);
  CHECK(c[1][0] == doctest::Approx(1 - d / 50).epsilon(1e-4));
}

TEST_CASE("coherence: each other name counts once, by its nearest reading, and no name counts for itself") {
  const std::vector<std::vector<Reading>> names = {{{{45.0, -93.0}}, {{45.05, -93.0}}},  // two readings of one name, 5.6 km apart
                                                   {{{45.0, -93.0}}, {{45.01, -93.0}}, {{45.02, -93.0}}},  // three near the first
                                                   {{{45.0, -93.2}}}};                                     // 15.7 km west
  const auto c = reading_coherence(names, 50);
  // Name 1 counts 1 (a reading on the spot), not three times; name 0's other
  // reading counts nothing for it.
  CHECK(c[0][0] == doctest::Approx(1 + (1 - haversine_km({45.0, -93.0}, {45.0, -93.2}) / 50)).epsilon(1e-4));
  CHECK(c[0][0] < 2);
}

TEST_CASE("coherence: a reading that does not vouch receives but gives nothing") {
  const std::vector<std::vector<Reading>> names = {{{{10.0, 10.0}, true}}, {{{10.0, 10.1}, false}}};
  const auto c = reading_coherence(names, 50);
  CHECK(c[0][0] == 0);
  CHECK(c[1][0] > 0.7);
}

TEST_CASE("coherence: across the antimeridian and near a pole, and odd points") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<std::vector<Reading>> names = {{{{-17.0, 179.9}}, {{89.9, 0.0}}, {{nan, 5.0}}},
                                                   {{{-17.0, -179.9}}, {{89.9, 120.0}}, {{200.0, 5.0}}}};
  const auto c = reading_coherence(names, 50);
  CHECK(c[0][0] > 0.5);  // 21 km apart across 180 degrees
  CHECK(c[0][1] > 0.5);  // 19 km apart over the pole
  CHECK(c[0][2] == 0);
  CHECK(c[1][2] == 0);
}

TEST_CASE("coherence: no names, no readings, no reach") {
  CHECK(reading_coherence({}, 50).empty());
  const auto empty = reading_coherence({{}, {}}, 50);
  CHECK(empty.size() == 2);
  const auto none = reading_coherence({{{{1.0, 1.0}}}, {{{1.0, 1.0}}}}, 0);
  CHECK(none[0][0] == 0);
}
