#include "render/scene.hpp"

#include <algorithm>
#include <limits>

#include "render/shaders.hpp"

namespace sitmap {

MapScene::MapScene(MapProjection projection, const Gazetteer* gaz)
    : projection_(projection),
      basemap_program_("basemap.vert", shaders::basemap_vert(), "basemap.frag", shaders::basemap_frag()),
      basemap_(projection),
      events_(std::make_unique<EventLayer>(EventTable{}, projection)),
      labels_(gaz ? Labels(*gaz, projection) : Labels()) {}

MapScene::MapScene(const EventTable& table, MapProjection projection, const Gazetteer* gaz) : MapScene(projection, gaz) {
  set_events(table);
}

void MapScene::set_events(const EventTable& table) {
  events_.reset();  // free the old buffers first
  events_ = std::make_unique<EventLayer>(table, projection_);
}

void MapScene::draw(const Camera& camera, const EventDrawParams& params, bool final) {
  glViewport(0, 0, camera.width, camera.height);
  glClearColor(SceneColors::sea[0], SceneColors::sea[1], SceneColors::sea[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_BLEND);
  basemap_.draw(camera, basemap_program_, final);
  events_->draw(camera, params);
}

void MapScene::fit_events(Camera& camera, const std::vector<uint8_t>* mask) const {
  const auto& xs = events_->xs();
  const auto& ys = events_->ys();
  double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  for (size_t i = 0; i < xs.size(); ++i) {
    if (mask && !(*mask)[i]) continue;
    x0 = std::min<double>(x0, xs[i]);
    x1 = std::max<double>(x1, xs[i]);
    y0 = std::min<double>(y0, ys[i]);
    y1 = std::max<double>(y1, ys[i]);
  }
  if (x0 > x1) {
    const MapBounds b = basemap_.bounds();
    camera.fit(b.x0, b.y0 * 0.75, b.x1, b.y1 * 0.9);
    return;
  }
  camera.fit(x0, y0, x1, y1);
}

}  // namespace sitmap
