#include "render/labels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "gazetteer/gazetteer.hpp"
#include "geo/reproject.hpp"

namespace sitmap {

Labels::Labels(const Gazetteer& gaz, MapProjection projection, double min_population) {
  std::vector<double> xs, ys;
  for (uint32_t i = 0; i < gaz.size(); ++i) {
    const Place p = gaz.place(i);
    if (p.kind != PlaceKind::city) continue;
    const bool capital = p.feature == "PPLC";
    if (!capital && static_cast<double>(p.population) < min_population) continue;
    if (std::abs(p.point.lat) > 84) continue;
    labels_.push_back({std::string(p.name), 0, 0, static_cast<double>(p.population), capital});
    xs.push_back(p.point.lon);
    ys.push_back(p.point.lat);
  }
  Reprojector(projection_crs(projection)).forward_many(xs.data(), ys.data(), xs.size());
  for (size_t i = 0; i < labels_.size(); ++i) {
    labels_[i].x = static_cast<float>(xs[i]);
    labels_[i].y = static_cast<float>(ys[i]);
  }
  // Capitals count as if three times their size: they anchor a reader.
  std::sort(labels_.begin(), labels_.end(),
            [](const Label& a, const Label& b) { return a.population * (a.capital ? 3 : 1) > b.population * (b.capital ? 3 : 1); });
  // One name per spot: GeoNames has some towns twice (PPL and PPLA).
  labels_.erase(std::unique(labels_.begin(), labels_.end(),
                            [](const Label& a, const Label& b) {
                              return a.text == b.text && std::abs(a.x - b.x) < 5000 && std::abs(a.y - b.y) < 5000;
                            }),
                labels_.end());
}

size_t Labels::draw(ImDrawList* list, const Camera& camera, std::vector<ScreenRect>* taken) const {
  std::vector<ScreenRect> own;
  std::vector<ScreenRect>& placed = taken ? *taken : own;
  const size_t before = placed.size();
  // Fewer labels when zoomed out: room for one label per ~140x60 px cell.
  const size_t budget = static_cast<size_t>(camera.width * camera.height / (140 * 60)) + 4;
  const ImU32 text = IM_COL32(50, 50, 55, 255), halo = IM_COL32(255, 255, 255, 170), dot = IM_COL32(60, 60, 60, 255);
  for (const Label& l : labels_) {
    if (placed.size() - before >= budget) break;
    const float sx = static_cast<float>(camera.to_screen_x(l.x)), sy = static_cast<float>(camera.to_screen_y(l.y));
    if (sx < 0 || sy < 0 || sx > camera.width || sy > camera.height) continue;
    const ImVec2 size = ImGui::CalcTextSize(l.text.c_str());
    const ScreenRect b{sx + 4, sy - size.y / 2 - 1, sx + 6 + size.x, sy + size.y / 2 + 1};
    const ScreenRect spaced{b.x0 - 6, b.y0 - 3, b.x1 + 6, b.y1 + 3};
    if (std::any_of(placed.begin(), placed.end(), [&](const ScreenRect& o) { return spaced.overlaps(o); })) continue;
    placed.push_back(b);
    list->AddCircleFilled(ImVec2(sx, sy), 2.0f, dot);
    const ImVec2 at(static_cast<float>(b.x0) + 1, static_cast<float>(b.y0) + 1);
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
      list->AddText(ImVec2(at.x + d.x, at.y + d.y), halo, l.text.c_str());
    list->AddText(at, text, l.text.c_str());
  }
  return placed.size() - before;
}

}  // namespace sitmap
