// The basemap's reference layers and aids, drawn in a real (hidden) GLFW
// window on Mesa under Xvfb: province lines and rivers in their colours at
// a country's zoom and absent at world zoom; the scale bar's length for
// known views and its bar on the image; fit-to-events clear of the panels.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <filesystem>

#include "../temp_dir.hpp"
#include "app/viewer.hpp"
#include "app/window.hpp"
#include "geo/reproject.hpp"
#include "render/offscreen.hpp"

using namespace sitmap;

namespace {

constexpr int kWindowWidth = 1280, kWindowHeight = 800;

PlatformWindow& window() {
  static PlatformWindow w([] {
    WindowOptions o;
    o.width = kWindowWidth;
    o.height = kWindowHeight;
    o.visible = false;
    return o;
  }());
  return w;
}

struct Rgb {
  int r, g, b;
};

Rgb pixel(const std::vector<uint8_t>& rgba, int width, int x, int y) {
  const size_t i = (static_cast<size_t>(y) * width + x) * 4;
  return {rgba[i], rgba[i + 1], rgba[i + 2]};
}

bool near(Rgb a, Rgb b, int tolerance = 6) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

Rgb layer_color(MapLines::Layer layer) {
  const float* c = MapLines::color(layer);
  return {static_cast<int>(std::lround(c[0] * 255)), static_cast<int>(std::lround(c[1] * 255)), static_cast<int>(std::lround(c[2] * 255))};
}

const Rgb kProvince = layer_color(MapLines::provinces), kRiver = layer_color(MapLines::rivers_50m);

struct Image {
  Camera camera;
  std::vector<uint8_t> rgba;
  // Pixels of colour `c` inside the screen box of [lon0,lon1] x [lat0,lat1].
  size_t count(Rgb c, double lon0, double lat0, double lon1, double lat1) const {
    const Reprojector merc("EPSG:3857");
    double x0, y0, x1, y1;
    merc.forward(lon0, lat0, x0, y0);
    merc.forward(lon1, lat1, x1, y1);
    const int sx0 = std::max(0, static_cast<int>(camera.to_screen_x(x0)));
    const int sx1 = std::min(camera.width, static_cast<int>(camera.to_screen_x(x1)));
    const int sy0 = std::max(0, static_cast<int>(camera.to_screen_y(y1)));
    const int sy1 = std::min(camera.height, static_cast<int>(camera.to_screen_y(y0)));
    size_t n = 0;
    for (int y = sy0; y < sy1; ++y)
      for (int x = sx0; x < sx1; ++x) n += near(pixel(rgba, camera.width, x, y), c);
    return n;
  }
  size_t count(Rgb c) const { return count(c, -180, -85, 180, 85); }
};

Image draw(MapScene& scene, double lon, double lat, double scale) {
  Image image;
  image.camera.width = 800;
  image.camera.height = 500;
  if (scale > 0) {
    Reprojector("EPSG:3857").forward(lon, lat, image.camera.center_x, image.camera.center_y);
    image.camera.scale = scale;
  } else {
    scene.fit_events(image.camera);  // no events: the world
  }
  OffscreenTarget target(image.camera.width, image.camera.height);
  target.bind();
  scene.draw(image.camera, {}, true);
  image.rgba = target.read_rgba();
  OffscreenTarget::unbind();
  return image;
}

// A store of events the same day spread from Libya to Afghanistan.
struct SpreadStore {
  test::TempDir dir;
  Store store;
  SpreadStore() : store(make()) {}
  Store make() {
    Store s = Store::open(dir.file("spread.gpkg"));
    const std::vector<std::pair<double, double>> places{{36.2, 37.15}, {36.34, 43.13}, {34.53, 69.17},
                                                        {15.35, 44.2}, {32.1, 20.07},  {39.93, 32.86}};  // {lat, lon}
    std::vector<Event> events;
    for (size_t i = 0; i < places.size(); ++i) {
      Event e;
      e.event_id = "spread-" + std::to_string(i);
      e.when.date = CivilDate{2020, 3, 1};
      e.point = {places[i].first, places[i].second};
      e.event_type = "Explosions/Remote violence";
      e.sub_event_type = "Air/drone strike";
      events.push_back(e);
    }
    s.append_events(events, "sitmap");
    return s;
  }
};

}  // namespace

TEST_CASE("province lines and rivers show at a country's zoom and not at the world's") {
  window();
  const EventTable empty;
  MapScene scene(empty, MapProjection::web_mercator, nullptr);

  // Syria at 1.5 km a pixel (the 50m basemap: quicker to build than 10m).
  const Image syria = draw(scene, 38.5, 35.0, 1500);
  REQUIRE(scene.lines().segments(MapLines::provinces) > 50000);  // every country's, simplified
  // Between the governorates of central Syria (Hama, Homs, Raqqa, Deir
  // ez-Zor), away from any country border or coast.
  const size_t inside = syria.count(kProvince, 37.2, 34.0, 40.0, 36.0);
  INFO("province pixels in central Syria: " << inside);
  CHECK(inside > 200);
  // The Euphrates from Raqqa to Deir ez-Zor.
  const size_t euphrates = syria.count(kRiver, 39.0, 35.2, 40.3, 36.0);
  INFO("river pixels along the Euphrates: " << euphrates);
  CHECK(euphrates > 80);
  // Nothing of either over the sea.
  CHECK(syria.count(kProvince, 32.5, 33.0, 34.5, 34.4) == 0);  // between Cyprus and Egypt

  // Continental zoom: no provinces yet.
  const Image region = draw(scene, 38.5, 35.0, 7000);
  CHECK(region.count(kProvince) == 0);

  // The world: neither.
  const Image world = draw(scene, 0, 0, 0);
  CHECK(world.camera.scale > 20000);
  CHECK(world.count(kProvince) == 0);
  CHECK(world.count(kRiver) == 0);
}

TEST_CASE("layers fade in with the zoom and rivers come in the order of their size") {
  using L = MapLines::Layer;
  CHECK(MapLines::visibility(L::provinces, 30000) == 0);
  CHECK(MapLines::visibility(L::provinces, 5000) == 0);
  CHECK(MapLines::visibility(L::provinces, 3000) == doctest::Approx(0.5));
  CHECK(MapLines::visibility(L::provinces, 2000) == 1);
  CHECK(MapLines::visibility(L::rivers_110m, 30000) == 0);
  CHECK(MapLines::visibility(L::rivers_110m, 6000) == 1);
  CHECK(MapLines::visibility(L::rivers_50m, 6000) == 0);
  CHECK(MapLines::visibility(L::rivers_110m, 2000) == 0);  // the 50m lines take over
  CHECK(MapLines::visibility(L::rivers_50m, 2000) == 1);
}

TEST_CASE("the scale bar: ground metres per pixel at the view's centre, for each projection") {
  constexpr double kPi = 3.14159265358979323846;
  Camera c;
  c.scale = 1000;
  auto centre_at = [&](MapProjection p, double lon, double lat) {
    Reprojector(projection_crs(p)).forward(lon, lat, c.center_x, c.center_y);
  };
  // Web Mercator stretches a parallel by 1/cos(latitude).
  const ScaleBar mercator(MapProjection::web_mercator);
  centre_at(MapProjection::web_mercator, 10, 60);
  CHECK(*mercator.metres_per_pixel(c) == doctest::Approx(500).epsilon(0.01));
  centre_at(MapProjection::web_mercator, 10, 0);
  CHECK(*mercator.metres_per_pixel(c) == doctest::Approx(1000).epsilon(0.01));
  // Plate carree keeps the equator's spacing of meridians at every latitude.
  const ScaleBar plate(MapProjection::plate_carree);
  centre_at(MapProjection::plate_carree, 0, 45);
  CHECK(*plate.metres_per_pixel(c) == doctest::Approx(1000 * std::cos(45 * kPi / 180)).epsilon(0.01));
  // Equal Earth: against a degree of the parallel measured forwards.
  const Reprojector ee(projection_crs(MapProjection::equal_earth));
  double xa, ya, xb, yb;
  ee.forward(20, 50, xa, ya);
  ee.forward(21, 50, xb, yb);
  const double metres_per_map_unit = ground_distance(20, 50, 21, 50) / (xb - xa);
  centre_at(MapProjection::equal_earth, 20.5, 50);
  CHECK(*ScaleBar(MapProjection::equal_earth).metres_per_pixel(c) == doctest::Approx(1000 * metres_per_map_unit).epsilon(0.01));
  // A degree of longitude at 60 degrees north is about 55.6 km.
  CHECK(ground_distance(0, 60, 1, 60) == doctest::Approx(55600).epsilon(0.005));

  // Round lengths and their labels.
  CHECK(round_length(182000) == 100000);
  CHECK(round_length(260000) == 200000);
  CHECK(round_length(999) == 500);
  CHECK(round_length(1000) == 1000);
  CHECK(round_length(0.5) == 0);
  CHECK(length_label(200000) == "200 km");
  CHECK(length_label(500) == "500 m");

  // Raqqa at 1.5 km of Web Mercator a pixel: 1,214 m a pixel on the ground,
  // so 150 pixels hold 182 km and the bar shows 100 km over 82 pixels.
  centre_at(MapProjection::web_mercator, 39.0, 35.95);
  c.scale = 1500;
  const auto bar = mercator.length(c, 150);
  REQUIRE(bar);
  CHECK(bar->metres == 100000);
  CHECK(bar->label == "100 km");
  CHECK(bar->pixels == doctest::Approx(100000 / (1500 * std::cos(35.95 * kPi / 180))).epsilon(0.01));
  // Off the projected world: no bar.
  c.center_y = 1e9;
  CHECK_FALSE(mercator.length(c, 150));
}

TEST_CASE("the scale bar is drawn at the bottom left of a rendered map") {
  window().begin_frame();  // the font atlas the overlay's text needs
  SpreadStore data;
  Viewer viewer(std::move(data.store), nullptr, MapProjection::web_mercator, 640, 400);
  Camera& c = viewer.state().camera;
  Reprojector("EPSG:3857").forward(39.0, 35.95, c.center_x, c.center_y);
  c.scale = 20000;  // far out: no province layer to build first
  const auto bar = viewer.scene().scale_bar().length(c, 150);
  REQUIRE(bar);
  const auto rgba = viewer.render_rgba(640, 400);
  ImGui::EndFrame();
  // The bar's row: dark pixels from its left end for its length.
  int best = 0;
  for (int y = 400 - 30; y < 400; ++y) {
    int run = 0, longest = 0;
    for (int x = 0; x < 200; ++x) {
      run = pixel(rgba, 640, x, y).r < 60 ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    best = std::max(best, longest);
  }
  INFO("bar " << bar->label << ", " << bar->pixels << " px, drawn " << best << " px");
  CHECK(bar->label == "2000 km");
  CHECK(std::abs(best - bar->pixels) <= 2);
}

TEST_CASE("fit to events keeps the events clear of the open panels") {
  SpreadStore data;
  PlatformWindow& w = window();
  Viewer viewer(std::move(data.store), nullptr, MapProjection::web_mercator, w.width(), w.height());
  REQUIRE(viewer.table().size() == 6);
  for (int i = 0; i < 3; ++i) {  // the panels are laid out as they are drawn
    w.begin_frame();
    viewer.frame(w, 0.0);
    w.end_frame();
  }
  const std::vector<ScreenRect> panels = viewer.panel_rects();
  REQUIRE(panels.size() >= 3);  // the timeline, the filters and the event table
  const auto& xs = viewer.scene().events().xs();
  const auto& ys = viewer.scene().events().ys();
  auto covered = [&](const Camera& c) {
    size_t n = 0;
    for (size_t i = 0; i < xs.size(); ++i) {
      const double sx = c.to_screen_x(xs[i]), sy = c.to_screen_y(ys[i]);
      const ScreenRect marker{sx - 8, sy - 8, sx + 8, sy + 8};  // an event's disc with its ring
      const bool off_screen = marker.x0 < 0 || marker.y0 < 0 || marker.x1 > c.width || marker.y1 > c.height;
      n += off_screen || std::any_of(panels.begin(), panels.end(), [&](const ScreenRect& p) { return p.overlaps(marker); });
    }
    return n;
  };
  // Fitted to the whole window, some events are under a panel.
  Camera plain = viewer.state().camera;
  viewer.scene().fit_events(plain);
  CHECK(covered(plain) > 0);
  // Fitted to the part the panels leave clear, none is.
  viewer.state().camera.scale = 99999;
  viewer.fit_to_events();
  CHECK(viewer.state().camera.scale < 99999);
  CHECK(covered(viewer.state().camera) == 0);
  // With every panel but the timeline closed, the fit uses the space.
  const double with_panels = viewer.state().camera.scale;
  viewer.state().show_filters = viewer.state().show_table = viewer.state().show_details = false;
  viewer.fit_to_events();
  CHECK(viewer.state().camera.scale < with_panels);
}
