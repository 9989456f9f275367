// The basemap's land and borders through their cache file: the same
// geometry as a build, read back for the same data and map, built again for
// another map or a damaged file; files of data that changed or is gone
// removed when one is rebuilt.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "../temp_dir.hpp"
#include "core/paths.hpp"
#include "geo/map_geometry.hpp"

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  return files;
}

}  // namespace

TEST_CASE("basemap cache: built once, read back, keyed by the map, damaged files rebuilt, stale files removed") {
  const std::string data = geodata_dir() + "/world-atlas/countries-110m.json";
  if (!fs::exists(data)) {
    MESSAGE("skipped: no world-atlas data (run tools/dev.sh setup)");
    return;
  }
  test::TempDir tmp;
  const char* before = std::getenv("SITMAP_CACHE_DIR");
  const std::string restore = before ? before : "";
  ::setenv("SITMAP_CACHE_DIR", tmp.path.c_str(), 1);
  const std::atomic<bool> cancel{false};
  const MapFrame mercator{"EPSG:3857", 85.0511287798066};
  const double cell = 40075016.0 / 72;

  const LandAndBorders built = build_land_and_borders(data, mercator, cell, cancel);
  REQUIRE_FALSE(built.triangles.empty());
  const LandAndBorders first = cached_land_and_borders(data, mercator, cell, cancel);
  CHECK(first.triangles == built.triangles);
  CHECK(first.lines == built.lines);
  REQUIRE(files_in(tmp.path).size() == 1);
  const fs::path file = files_in(tmp.path).front();
  const auto written = fs::last_write_time(file);

  const LandAndBorders again = cached_land_and_borders(data, mercator, cell, cancel);
  CHECK(again.triangles == built.triangles);
  CHECK(again.lines == built.lines);
  CHECK(fs::last_write_time(file) == written);  // read back, not rebuilt

  const MapFrame plate{"EPSG:4326", 90};
  const LandAndBorders other = cached_land_and_borders(data, plate, 360.0 / 72, cancel);
  CHECK(other.triangles != built.triangles);
  CHECK(files_in(tmp.path).size() == 2);  // one file per map

  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(file) - 9));
    f.put('\x55');
  }
  const LandAndBorders rebuilt = cached_land_and_borders(data, mercator, cell, cancel);
  CHECK(rebuilt.triangles == built.triangles);
  CHECK(rebuilt.lines == built.lines);

  // A new version of the data package: its file replaces the old one's.
  // Data that is gone: its file goes at the next rebuild.
  test::TempDir atlas;
  const std::string copy = atlas.file("countries-110m.json");
  fs::copy_file(data, copy);
  std::ofstream(atlas.file("package.json")) << R"({"name": "world-atlas", "version": "2.0.2"})";
  cached_land_and_borders(copy, mercator, cell, cancel);
  CHECK(files_in(tmp.path).size() == 3);
  std::ofstream(atlas.file("package.json")) << R"({"name": "world-atlas", "version": "2.0.3"})";
  cached_land_and_borders(copy, mercator, cell, cancel);
  CHECK(files_in(tmp.path).size() == 3);  // replaced, not added
  fs::remove(copy);
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(file) - 9));
    f.put('\x66');
  }
  cached_land_and_borders(data, mercator, cell, cancel);  // rebuilt
  CHECK(files_in(tmp.path).size() == 2);                  // the copy's file is gone with it
  if (restore.empty())
    ::unsetenv("SITMAP_CACHE_DIR");
  else
    ::setenv("SITMAP_CACHE_DIR", restore.c_str(), 1);
}
