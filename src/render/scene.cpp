#include "render/scene.hpp"

#include <imgui.h>

#include <algorithm>
#include <limits>

#include "render/shaders.hpp"

namespace sitmap {

MapScene::MapScene(MapProjection projection, const Gazetteer* gaz)
    : projection_(projection),
      basemap_program_("basemap.vert", shaders::basemap_vert(), "basemap.frag", shaders::basemap_frag()),
      basemap_(projection),
      lines_(projection),
      events_(std::make_unique<EventLayer>(EventTable{}, projection)),
      labels_(gaz ? Labels(*gaz, projection) : Labels()),
      scale_bar_(projection) {}

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
  const int level = basemap_.prepare(camera, final);
  basemap_.draw_land(level, camera, basemap_program_);
  lines_.draw(camera, basemap_program_, final);  // rivers and provinces, under the country borders
  basemap_.draw_borders(level, camera, basemap_program_);
  events_->draw(camera, params);
}

void MapScene::draw_labels(ImDrawList* list, const Camera& camera, const std::vector<ScreenRect>& avoid) const {
  std::vector<ScreenRect> taken = avoid;
  labels_.draw(list, camera, &taken);
  if (MapLines::visibility(MapLines::provinces, camera.scale) < 1) return;
  // Province names, most prominent first, centred on their label points, in
  // the lines' muted violet; one per ~260x120 px.
  const size_t budget = static_cast<size_t>(camera.width * camera.height / (260 * 120)) + 2;
  const ImU32 text = IM_COL32(112, 96, 136, 255), halo = IM_COL32(255, 255, 255, 150);
  size_t drawn = 0;
  for (const ProvinceLabel& l : lines_.province_labels()) {
    if (drawn >= budget) break;
    const double sx = camera.to_screen_x(l.x), sy = camera.to_screen_y(l.y);
    const ImVec2 size = ImGui::CalcTextSize(l.name.c_str());
    const ScreenRect b{sx - size.x / 2, sy - size.y / 2, sx + size.x / 2, sy + size.y / 2};
    if (b.x0 < 0 || b.y0 < 0 || b.x1 > camera.width || b.y1 > camera.height) continue;
    const ScreenRect spaced{b.x0 - 8, b.y0 - 4, b.x1 + 8, b.y1 + 4};
    if (std::any_of(taken.begin(), taken.end(), [&](const ScreenRect& o) { return spaced.overlaps(o); })) continue;
    taken.push_back(b);
    ++drawn;
    const ImVec2 at(static_cast<float>(b.x0), static_cast<float>(b.y0));
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
      list->AddText(ImVec2(at.x + d.x, at.y + d.y), halo, l.name.c_str());
    list->AddText(at, text, l.name.c_str());
  }
}

ScreenRect MapScene::draw_scale_bar(ImDrawList* list, const Camera& camera, const std::vector<ScreenRect>& avoid) const {
  const auto bar = scale_bar_.length(camera, std::min(150.0, camera.width / 4.0));
  if (!bar) return {};
  float x = 10, bottom = static_cast<float>(camera.height) - 10;
  for (size_t tries = 0; tries <= avoid.size(); ++tries) {
    const ScreenRect box = ScaleBar::box(*bar, x, bottom);
    const auto hit = std::find_if(avoid.begin(), avoid.end(), [&](const ScreenRect& r) { return r.overlaps(box); });
    if (hit == avoid.end()) {
      ScaleBar::draw(list, *bar, x, bottom);
      return box;
    }
    // Above a panel across the bottom (the timeline), else right of it.
    if (hit->width() > camera.width * 0.6)
      bottom = static_cast<float>(hit->y0) - 10;
    else
      x = static_cast<float>(hit->x1) + 10;
  }
  return {};
}

void MapScene::fit_events(Camera& camera, const std::vector<uint8_t>* mask, const std::vector<ScreenRect>& covered) const {
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
  if (x0 > x1) {  // no events: the world
    const MapBounds b = basemap_.bounds();
    x0 = b.x0;
    y0 = b.y0 * 0.75;
    x1 = b.x1;
    y1 = b.y1 * 0.9;
  }
  camera.fit(x0, y0, x1, y1, clear_area(camera.width, camera.height, covered, x1 - x0, y1 - y0));
}

}  // namespace sitmap
