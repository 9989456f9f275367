// Draws real scenes in a real (hidden) GLFW window on Mesa under Xvfb and
// checks pixels: land, sea and borders in their colours; the Raqqa marker
// lit when the window covers 15 November 2015 and dark when it does not.
#include <doctest/doctest.h>

#include <filesystem>

#include "../temp_dir.hpp"
#include "app/viewer.hpp"
#include "app/window.hpp"
#include "geo/reproject.hpp"
#include "render/offscreen.hpp"
#include "ingest/ingest.hpp"

using namespace sitmap;

namespace {

PlatformWindow& window() {
  static PlatformWindow w([] {
    WindowOptions o;
    o.width = 64;
    o.height = 64;
    o.visible = false;
    return o;
  }());
  return w;
}

struct Rgba {
  int r, g, b;
};

Rgba pixel(const std::vector<uint8_t>& rgba, int width, double x, double y) {
  const size_t i = (static_cast<size_t>(y) * width + static_cast<size_t>(x)) * 4;
  return {rgba[i], rgba[i + 1], rgba[i + 2]};
}

bool near(Rgba a, Rgba b, int tolerance = 6) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

constexpr Rgba kLand{224, 220, 208}, kSea{170, 198, 219}, kBorder{140, 135, 128};

struct RaqqaStore {
  test::TempDir dir;
  Store store;
  RaqqaStore() : store(make()) {}
  Store make() {
    Store s = Store::open(dir.file("r.gpkg"));
    const Gazetteer gaz = Gazetteer::open_default();
    const std::vector<std::string> files{std::string(SITMAP_SOURCE_DIR) + "/samples/reports/12_raqqa_french_first.txt"};
    REQUIRE(ingest_files(s, gaz, files).added == 1);
    return s;
  }
};

}  // namespace

TEST_CASE("the basemap: land, sea and borders in their colours") {
  window();
  const EventTable empty;
  MapScene scene(empty, MapProjection::web_mercator, nullptr);
  Camera camera;
  camera.width = 800;
  camera.height = 500;
  scene.fit_events(camera);  // no events: the world
  OffscreenTarget target(camera.width, camera.height);
  target.bind();
  scene.draw(camera, {}, true);
  const auto rgba = target.read_rgba();
  OffscreenTarget::unbind();
  const Reprojector merc("EPSG:3857");
  auto at = [&](double lon, double lat) {
    double x, y;
    merc.forward(lon, lat, x, y);
    return pixel(rgba, camera.width, camera.to_screen_x(x), camera.to_screen_y(y));
  };
  CHECK(near(at(23, 2), kLand));     // the Congo basin
  CHECK(near(at(90, 60), kLand));    // Siberia
  CHECK(near(at(-30, 0), kSea));     // the Atlantic
  CHECK(near(at(-150, -20), kSea));  // the Pacific
  size_t border = 0;
  for (size_t i = 0; i < rgba.size(); i += 4) border += near({rgba[i], rgba[i + 1], rgba[i + 2]}, kBorder, 12);
  CHECK(border > 2000);
}

TEST_CASE("the Raqqa marker is lit inside the window and dark outside it") {
  window();
  RaqqaStore data;
  const Gazetteer gaz = Gazetteer::open_default();
  Viewer viewer(std::move(data.store), &gaz, MapProjection::web_mercator, 600, 400);
  REQUIRE(viewer.table().size() >= 1);
  ViewerState& s = viewer.state();
  const Reprojector merc("EPSG:3857");
  double x, y;
  merc.forward(39.007881, 35.952831, x, y);
  s.camera.center_x = x + 20000;  // Raqqa a little off centre, away from any label
  s.camera.center_y = y;
  s.camera.scale = 1500;  // the 50m basemap: quicker to build than 10m
  auto raqqa_pixel = [&] {
    OffscreenTarget target(600, 400);
    target.bind();
    viewer.scene().draw(s.camera, viewer.draw_params(), true);
    const auto rgba = target.read_rgba();
    OffscreenTarget::unbind();
    return pixel(rgba, 600, s.camera.to_screen_x(x), s.camera.to_screen_y(y));
  };
  s.time.to = *viewer.day_of("2015-11-15");
  s.time.from = s.time.to - 6;
  const Rgba lit = raqqa_pixel();
  CHECK(lit.r > 150);
  CHECK(lit.g < 110);  // the Air/drone strike red over the land
  // Hovering picks it.
  const int raqqa = viewer.pick(s.camera.to_screen_x(x) + 3, s.camera.to_screen_y(y) - 2);
  REQUIRE(raqqa >= 0);
  CHECK(viewer.table().locations[viewer.table().location[static_cast<size_t>(raqqa)]] == "Ar Raqqah");
  CHECK(viewer.pick(s.camera.to_screen_x(x) + 40, s.camera.to_screen_y(y)) == -1);
  s.time.to = *viewer.day_of("2015-11-14");  // the day before: nothing yet
  s.time.from = s.time.to - 6;
  CHECK(viewer.pick(s.camera.to_screen_x(x), s.camera.to_screen_y(y)) == -1);
  {
    const Rgba p = raqqa_pixel();
    INFO(p.r << "," << p.g << "," << p.b);
    CHECK(near(p, kLand));
  }
  s.time.from = s.time.to = *viewer.day_of("2015-11-15");  // a one-day window
  CHECK(raqqa_pixel().r > 150);
  // Filtered out by type: dark again, with the window on it.
  for (size_t t = 0; t < viewer.table().sub_types.size(); ++t) s.filter.type_shown[t] = viewer.table().sub_types[t] != "Air/drone strike";
  viewer.apply_filters();
  {
    const Rgba p = raqqa_pixel();
    INFO(p.r << "," << p.g << "," << p.b);
    CHECK(near(p, kLand));
  }
}

TEST_CASE("scrubbing uploads nothing") {
  window();
  RaqqaStore data;
  Viewer viewer(std::move(data.store), nullptr, MapProjection::equal_earth, 320, 200);
  OffscreenTarget target(320, 200);
  target.bind();
  // The basemap's detail is built on a thread and uploaded when ready: wait
  // for it first, so only what the scrub itself uploads is counted.
  viewer.scene().draw(viewer.state().camera, viewer.draw_params(), /*final=*/true);
  const size_t before = gl::uploaded_bytes();
  for (int d = 0; d < 30; ++d) {
    viewer.state().time.to = static_cast<float>(d);
    viewer.scene().draw(viewer.state().camera, viewer.draw_params());
  }
  OffscreenTarget::unbind();
  CHECK(gl::uploaded_bytes() == before);
}

// Is an event drawn (red, not land or sea) at lon/lat when the time window is
// from..to? A 400x300 plate carree view around 0N..27N.
static bool lit_in_window(MapScene& scene, float from, float to, double lon, double lat) {
  Camera camera;
  camera.width = 400;
  camera.height = 300;
  camera.center_x = 0;
  camera.center_y = 1500000;
  camera.scale = 10000;
  const Reprojector eqc("EPSG:4087");
  OffscreenTarget target(400, 300);
  target.bind();
  EventDrawParams p;
  p.window_from = from;
  p.window_to = to;
  scene.draw(camera, p, true);
  const auto rgba = target.read_rgba();
  OffscreenTarget::unbind();
  double x, y;
  eqc.forward(lon, lat, x, y);
  const Rgba px = pixel(rgba, 400, camera.to_screen_x(x), camera.to_screen_y(y));
  INFO(from << ".." << to << " at " << lon << "," << lat << ": " << px.r << "," << px.g << "," << px.b);
  return px.g < 110;
}

TEST_CASE("only the window's instances are drawn, long events included") {
  window();
  // A short event on day 0 and at day 200; a long one (days 50..150) elsewhere.
  Event a, b, lasting;
  a.when.date = CivilDate{2015, 1, 1};
  a.point = {10, 10};  // {lat, lon}
  b.when.date = add_days(*a.when.date, 200);
  b.point = {20, 10};
  lasting.when.date = add_days(*a.when.date, 50);
  lasting.when.date_to = add_days(*a.when.date, 150);
  lasting.point = {10, -10};
  for (Event* e : {&a, &b, &lasting}) {
    e->sub_event_type = "Air/drone strike";
    e->geo_precision = 1;
  }
  const std::vector<Event> events{a, b, lasting};
  const EventTable table = event_table_from(events);
  MapScene scene(table, MapProjection::plate_carree, nullptr);
  auto lit_at = [&](float from, float to, double lon, double lat) { return lit_in_window(scene, from, to, lon, lat); };
  CHECK(lit_at(0, 0, 10, 10));
  CHECK_FALSE(lit_at(0, 0, 10, 20));
  CHECK_FALSE(lit_at(0, 0, -10, 10));
  CHECK(lit_at(100, 110, -10, 10));  // inside the long event's range, far from its first day
  CHECK_FALSE(lit_at(100, 110, 10, 10));
  CHECK(lit_at(195, 205, 10, 20));
  CHECK_FALSE(lit_at(151, 199, -10, 10));
}

TEST_CASE("events appended to the layer are drawn in their window, and only they are uploaded") {
  window();
  auto strike = [](CivilDate day, double lat, double lon) {
    Event e;
    e.when.date = day;
    e.point = {lat, lon};
    e.sub_event_type = "Air/drone strike";
    e.geo_precision = 1;
    return e;
  };
  const std::vector<Event> first{strike({2015, 1, 1}, 10, 10)};
  EventTable table = event_table_from(first);
  MapScene scene(table, MapProjection::plate_carree, nullptr);
  auto lit_at = [&](float from, float to, double lon, double lat) { return lit_in_window(scene, from, to, lon, lat); };
  CHECK_FALSE(lit_at(0, 300, -10, 10));
  // Two arrive: one on day 100 (drawn), one filtered out (not drawn); then a third (the buffers grow).
  const std::vector<Event> later{strike({2015, 4, 11}, 10, -10), strike({2015, 4, 11}, 20, 10)};
  const size_t before = gl::uploaded_bytes();
  const size_t first_new = table.size();
  append_event_table(table, event_table_from(later));
  scene.append_events(table, first_new, {1, 0});
  CHECK(gl::uploaded_bytes() - before == 2 * (24 + 1));  // two instances and their visibility bytes, not the layer
  CHECK(scene.events().size() == 3);
  CHECK(lit_at(100, 100, -10, 10));
  CHECK_FALSE(lit_at(0, 50, -10, 10));  // the window still decides
  CHECK_FALSE(lit_at(100, 100, 10, 20));
  CHECK(lit_at(0, 0, 10, 10));  // the first event is still there
  const std::vector<Event> third{strike({2015, 2, 1}, 5, 0)};
  append_event_table(table, event_table_from(third));
  scene.append_events(table, 3, {1});
  CHECK(lit_at(31, 31, 0, 5));
  CHECK(lit_at(100, 100, -10, 10));
  // A new filter covers the appended events too.
  scene.set_visible({1, 1, 0, 0});
  CHECK_FALSE(lit_at(31, 31, 0, 5));
  CHECK(lit_at(100, 100, -10, 10));
}
