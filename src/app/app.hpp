#pragma once
// Entry points the CLI calls: the interactive viewer, the headless render,
// the render benchmark.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/camera.hpp"
#include "store/filter.hpp"

namespace sitmap {

// "1600x900" -> {1600, 900}; nullopt unless both are within 16..16384.
std::optional<std::pair<int, int>> parse_image_size(const std::string& text);

struct ViewOptions {
  std::vector<std::string> inputs;  // a .gpkg, a "PG:" DSN, .geojson files, report files
  std::string script;               // --script FILE
  EventFilter filter;               // the filters to start with (what `sitmap export` takes)
  MapProjection projection = MapProjection::web_mercator;
  int width = 1440, height = 900;
  bool hidden = false;  // no visible window (scripted runs)
};

// Runs the viewer until the window closes (or the script quits); exit code.
int run_viewer(const ViewOptions& options);

struct RenderOptions {
  std::vector<std::string> inputs;
  std::string time;           // the window's last day
  std::string window = "7d";  // its length
  MapProjection projection = MapProjection::web_mercator;
  int width = 1600, height = 900;
  std::string output = "map.png";
  EventFilter filter;  // what `sitmap export` takes, every part of it; the bbox also frames the map
};

int run_render(const RenderOptions& options);

struct BenchRenderOptions {
  std::vector<size_t> counts = {100000, 1000000, 10000000};
  int frames = 120;
  int width = 1280, height = 720;
  std::string store;              // also time the first frame of this store (made with 1M synthetic events when absent)
  bool first_frame_only = false;  // the store's first frames alone: no 10m zoom, no scrubbing (repeated runs)
  bool headless = false;          // an EGL context on a GPU device, no window system (headless GPU servers)
};

int run_bench_render(const BenchRenderOptions& options);

}  // namespace sitmap
