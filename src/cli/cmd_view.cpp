// sitmap view | sitmap render | sitmap bench-render: the viewer's commands,
// each a call into src/app.
#include <fmt/core.h>

#include <tuple>

#include "app/app.hpp"
#include "cli/commands.hpp"

namespace sitmap::cli {
namespace {

const std::map<std::string, MapProjection> kProjections = {
    {"mercator", MapProjection::web_mercator}, {"equal-earth", MapProjection::equal_earth}, {"plate-carree", MapProjection::plate_carree}};

bool parse_size(const std::string& s, int& w, int& h) {
  const auto size = parse_image_size(s);
  if (size) std::tie(w, h) = *size;
  return size.has_value();
}

EventFilter filter_or_usage_error(const FilterArgs& args) {
  try {
    return parse_filter_args(args);
  } catch (const std::invalid_argument& e) { throw CLI::ValidationError("filter", e.what()); }
}

// A filter the data rejects (a country code, a polygon file) is bad usage, as in `sitmap export`.
int usage_errors_as_2(const char* command, const std::function<int()>& run) {
  try {
    return run();
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "sitmap {}: {}\n", command, e.what());
    return 2;
  }
}

}  // namespace

void add_view_commands(CLI::App& app, Action& action) {
  struct ViewArgs {
    ViewOptions o;
    std::string projection = "mercator", size = "1440x900";
    FilterArgs filter;
  };
  auto v = std::make_shared<ViewArgs>();
  auto* view = app.add_subcommand("view", "Open the timeline map viewer on a store, GeoJSON or report files");
  view->add_option("inputs", v->o.inputs, "sitmap.gpkg, \"PG:...\", events.geojson or report files (default: ./sitmap.gpkg)");
  view->add_option("--script", v->o.script, "play a file of actions (time, window, filter, export, screenshot, quit)");
  view->add_option("--projection", v->projection, "mercator, equal-earth or plate-carree")
      ->check(CLI::IsMember({"mercator", "equal-earth", "plate-carree"}));
  view->add_option("--size", v->size, "window size WxH");
  view->add_flag("--hidden", v->o.hidden, "no visible window (with --script)");
  add_filter_options(*view, v->filter);
  view->callback([v, &action] {
    if (!parse_size(v->size, v->o.width, v->o.height)) throw CLI::ValidationError("--size", "want WxH, like 1440x900");
    v->o.projection = kProjections.at(v->projection);
    v->o.filter = filter_or_usage_error(v->filter);
    action = [v] { return usage_errors_as_2("view", [v] { return run_viewer(v->o); }); };
  });

  struct RenderArgs {
    RenderOptions o;
    std::string db, projection = "mercator", size = "1600x900";
    FilterArgs filter;
  };
  auto r = std::make_shared<RenderArgs>();
  auto* render = app.add_subcommand("render", "Draw the map of a time window offscreen to a PNG (no display needed under xvfb-run)");
  render->add_option("inputs", r->o.inputs, "report files or GeoJSON (instead of --db)");
  render->add_option("--db", r->db, "GeoPackage path or PostGIS DSN");
  render->add_option("--time", r->o.time, "the window's last day, YYYY-MM-DD (default: the data's last day)");
  render->add_option("--window", r->o.window, "window length: 7d, 2w, 1m, 1y or days")->capture_default_str();
  render->add_option("--size", r->size, "WxH")->capture_default_str();
  render->add_option("-o,--output", r->o.output, "PNG file")->capture_default_str();
  render->add_option("--projection", r->projection, "mercator, equal-earth or plate-carree")
      ->check(CLI::IsMember({"mercator", "equal-earth", "plate-carree"}));
  // The filters of `sitmap export`; --bbox also frames the map (default: fit the events).
  add_filter_options(*render, r->filter);
  render->callback([r, &action] {
    if (!parse_size(r->size, r->o.width, r->o.height)) throw CLI::ValidationError("--size", "want WxH, like 1600x900");
    r->o.filter = filter_or_usage_error(r->filter);
    if (!r->db.empty()) r->o.inputs.insert(r->o.inputs.begin(), r->db);
    r->o.projection = kProjections.at(r->projection);
    action = [r] { return usage_errors_as_2("render", [r] { return run_render(r->o); }); };
  });

  struct BenchArgs {
    BenchRenderOptions o;
    std::vector<size_t> events;
    std::string size = "1280x720";
  };
  auto b = std::make_shared<BenchArgs>();
  auto* bench = app.add_subcommand("bench-render", "Frame times while scrubbing N synthetic events; bytes uploaded per frame");
  bench->add_option("--events", b->events, "event counts (repeatable; default 100000 1000000 10000000)");
  bench->add_option("--frames", b->o.frames, "frames per run (each run stops after 30 s)")->capture_default_str();
  bench->add_option("--size", b->size, "WxH")->capture_default_str();
  bench->add_option("--store", b->o.store, "also time the first frame of this store (made with 1M synthetic events if absent)");
  bench->add_flag("--first-frame-only", b->o.first_frame_only, "with --store: time its first frames alone (no zoom, no scrubbing)");
  bench->add_flag("--headless", b->o.headless, "draw through EGL on a GPU device, no window system (a headless GPU server)");
  bench->callback([b, &action] {
    if (!parse_size(b->size, b->o.width, b->o.height)) throw CLI::ValidationError("--size", "want WxH");
    if (!b->events.empty()) b->o.counts = b->events;
    action = [b] { return run_bench_render(b->o); };
  });
}

}  // namespace sitmap::cli
