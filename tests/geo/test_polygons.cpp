#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

#include "../temp_dir.hpp"
#include "geo/polygons.hpp"

using namespace sitmap;

namespace {

using test::TempDir;

// Two squares (one with id "a", one with id "b"), in a layer named "countries".
std::string write_squares(const TempDir& dir) {
  const std::string path = (dir.path / "squares.geojson").string();
  std::ofstream(path) << R"({"type":"FeatureCollection","name":"countries","features":[
    {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}},
    {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"Polygon","coordinates":[[[5,5],[20,5],[20,20],[5,20],[5,5]]]}}]})";
  return path;
}

}  // namespace

TEST_CASE("polygons: every polygon of a file, their envelope, points inside and out") {
  TempDir dir;
  const Polygons all = Polygons::read(write_squares(dir));
  CHECK(all.covers(1, 1));
  CHECK(all.covers(15, 15));
  CHECK(all.covers(10, 5));  // on a boundary
  CHECK_FALSE(all.covers(15, 1));
  CHECK_FALSE(all.covers(-1, 5));
  const Envelope e = all.envelope();
  CHECK(e.west == 0);
  CHECK(e.south == 0);
  CHECK(e.east == 20);
  CHECK(e.north == 20);
}

TEST_CASE("polygons: one feature by id, and the intersection of two areas") {
  TempDir dir;
  const std::string path = write_squares(dir);
  const Polygons a = Polygons::read_feature(path, "countries", "a");
  const Polygons b = Polygons::read_feature(path, "countries", "b");
  CHECK(a.covers(1, 1));
  CHECK_FALSE(a.covers(15, 15));
  const Polygons both = Polygons::intersection(a, b);
  CHECK(both.covers(7, 7));
  CHECK_FALSE(both.covers(1, 1));
  CHECK_FALSE(both.covers(15, 15));
  CHECK_THROWS_WITH_AS(Polygons::read_feature(path, "countries", "zz"), doctest::Contains("(feature zz): no polygons"),
                       std::invalid_argument);
  const Polygons apart = Polygons::intersection(a, Polygons::read_feature(path, "countries", "a"));
  CHECK(apart.covers(2, 2));
}

TEST_CASE("polygons: no file, not a polygon file, not a local file") {
  TempDir dir;
  CHECK_THROWS_WITH_AS(Polygons::read((dir.path / "none.geojson").string()), doctest::Contains("cannot read as a polygon file"),
                       std::invalid_argument);
  const std::string points = (dir.path / "points.geojson").string();
  std::ofstream(points)
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]})";
  CHECK_THROWS_WITH_AS(Polygons::read(points), doctest::Contains("no polygons"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Polygons::read("/vsicurl/http://127.0.0.1:9/a.geojson"), doctest::Contains("not a local file"),
                       std::invalid_argument);
}
