#include "render/scale_bar.hpp"

#include <fmt/core.h>
#include <imgui.h>

#include <cmath>

namespace sitmap {
namespace {

constexpr double kEarthRadius = 6371008.8;  // metres, the mean radius (IUGG)
constexpr double kPi = 3.14159265358979323846;
constexpr float kPad = 6, kTick = 5;  // box padding and end-tick height, pixels

}  // namespace

double ground_distance(double lon0, double lat0, double lon1, double lat1) {
  const double rad = kPi / 180;
  const double dlat = (lat1 - lat0) * rad, dlon = (lon1 - lon0) * rad;
  const double a = std::pow(std::sin(dlat / 2), 2) + std::cos(lat0 * rad) * std::cos(lat1 * rad) * std::pow(std::sin(dlon / 2), 2);
  return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

double round_length(double metres) {
  if (!(metres >= 1)) return 0;
  const double decade = std::pow(10, std::floor(std::log10(metres)));
  for (const double step : {5.0, 2.0, 1.0})
    if (step * decade <= metres * (1 + 1e-12)) return step * decade;
  return decade;
}

std::string length_label(double metres) { return metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres); }

ScaleBar::ScaleBar(MapProjection projection) : proj_(projection_crs(projection)) {}

std::optional<double> ScaleBar::metres_per_pixel(const Camera& camera) const {
  // One pixel either side of the centre: the local scale, which at world
  // zoom differs from the average over a whole bar.
  double lon0, lat0, lon1, lat1;
  if (!proj_.inverse(camera.center_x - camera.scale, camera.center_y, lon0, lat0) ||
      !proj_.inverse(camera.center_x + camera.scale, camera.center_y, lon1, lat1) || std::abs(lat0) > 90 || std::abs(lat1) > 90)
    return std::nullopt;
  const double metres = ground_distance(lon0, lat0, lon1, lat1) / 2;
  if (!(metres > 0)) return std::nullopt;
  return metres;
}

std::optional<ScaleBarLength> ScaleBar::length(const Camera& camera, double max_pixels) const {
  const auto per_pixel = metres_per_pixel(camera);
  if (!per_pixel) return std::nullopt;
  const double metres = round_length(*per_pixel * max_pixels);
  if (metres <= 0) return std::nullopt;
  return ScaleBarLength{metres, metres / *per_pixel, length_label(metres)};
}

ScreenRect ScaleBar::box(const ScaleBarLength& bar, float x, float bottom) {
  const ImVec2 text = ImGui::CalcTextSize(bar.label.c_str());
  const float w = std::max(static_cast<float>(bar.pixels), text.x) + 2 * kPad;
  const float h = text.y + kTick + 3 + 2 * kPad;
  return {x, bottom - h, x + w, bottom};
}

void ScaleBar::draw(ImDrawList* list, const ScaleBarLength& bar, float x, float bottom) {
  const ScreenRect b = box(bar, x, bottom);
  list->AddRectFilled(ImVec2(float(b.x0), float(b.y0)), ImVec2(float(b.x1), float(b.y1)), IM_COL32(255, 255, 255, 200), 3);
  list->AddText(ImVec2(x + kPad, float(b.y0) + kPad), IM_COL32(30, 30, 30, 255), bar.label.c_str());
  // The bar: a 2-pixel line along the bottom with ticks up at both ends.
  const float x0 = x + kPad, x1 = x0 + static_cast<float>(bar.pixels), y = bottom - kPad;
  const ImU32 ink = IM_COL32(30, 30, 30, 255);
  list->AddRectFilled(ImVec2(x0, y - 2), ImVec2(x1, y), ink);
  list->AddRectFilled(ImVec2(x0, y - 2 - kTick), ImVec2(x0 + 2, y), ink);
  list->AddRectFilled(ImVec2(x1 - 2, y - 2 - kTick), ImVec2(x1, y), ink);
}

}  // namespace sitmap
