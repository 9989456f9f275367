// The map's input: drag to pan, wheel to zoom around the cursor,
// double-click to zoom in, hover for a tooltip, click to pin an event.
// Keys: +/- zoom, W/A/S/D or Ctrl+arrows pan, F fits to the events.
#include <fmt/core.h>
#include <imgui.h>

#include "app/viewer.hpp"

namespace sitmap {

void Viewer::view_map(PlatformWindow&) {
  ImGuiIO& io = ImGui::GetIO();
  Camera& cam = state_.camera;
  state_.hovered = -1;
  if (io.WantCaptureMouse) return;
  const ImVec2 m = io.MousePos;
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    cam.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
    return;
  }
  if (io.MouseWheel != 0) cam.zoom_at(m.x, m.y, std::pow(1.2, io.MouseWheel));
  if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) cam.zoom_at(m.x, m.y, 2.0);
  if (m.x < 0 || m.y < 0) return;
  state_.hovered = pick(m.x, m.y);
  if (state_.hovered >= 0) view_tooltip(state_.hovered);
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16) {
    state_.selected = state_.hovered;  // clicking the sea unpins
    if (state_.selected >= 0) state_.show_details = true;
  }
}

void Viewer::view_tooltip(int i) {
  const size_t k = static_cast<size_t>(i);
  const char* precision[] = {"", "the town itself", "near the town", "province or country"};
  ImGui::BeginTooltip();
  ImGui::TextColored(ImVec4(0.6f, 0.1f, 0.1f, 1), "%s", table_.sub_types[table_.type[k]].c_str());
  ImGui::TextDisabled("%s", table_.event_types[table_.type[k]].c_str());
  ImGui::Text("%s%s%s", day_label(table_.day_from[k]).c_str(), table_.day_to[k] > table_.day_from[k] ? " to " : "",
              table_.day_to[k] > table_.day_from[k] ? day_label(table_.day_to[k]).c_str() : "");
  if (names_pending()) {  // a large store's names come a moment after its map
    ImGui::TextDisabled("reading actors and places ...");
    ImGui::Text("precision %d: %s", table_.precision[k], precision[std::min<int>(table_.precision[k], 3)]);
  } else {
    const std::string& a1 = table_.actors[table_.actor1[k]];
    const std::string& a2 = table_.actors[table_.actor2[k]];
    if (!a1.empty() || !a2.empty()) ImGui::Text("%s%s%s", a1.empty() ? "?" : a1.c_str(), a2.empty() ? "" : " vs ", a2.c_str());
    ImGui::Text("%s (%s, precision %d: %s)", table_.locations[table_.location[k]].c_str(), table_.countries[table_.country[k]].c_str(),
                table_.precision[k], precision[std::min<int>(table_.precision[k], 3)]);
  }
  if (table_.magnitude[k] > 0) ImGui::Text("magnitude %.0f (fatalities, else largest quantity)", table_.magnitude[k]);
  if (!names_pending()) ImGui::Text("confidence %.2f%s", table_.confidence[k], table_.background[k] ? "  (background)" : "");
  ImGui::TextDisabled("click to pin; details in the side panel");
  ImGui::EndTooltip();
}

void Viewer::handle_keys() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  Camera& cam = state_.camera;
  const float last = static_cast<float>(table_.last_day());
  if (ImGui::IsKeyPressed(keys::space)) state_.time.playing = !state_.time.playing;
  if (io.KeyCtrl) {  // Ctrl+arrows pan
    if (ImGui::IsKeyDown(keys::left)) cam.pan_pixels(12, 0);
    if (ImGui::IsKeyDown(keys::right)) cam.pan_pixels(-12, 0);
    if (ImGui::IsKeyDown(keys::up)) cam.pan_pixels(0, 12);
    if (ImGui::IsKeyDown(keys::down)) cam.pan_pixels(0, -12);
  } else if (io.KeyShift) {  // Shift+arrows: previous / next event
    if (ImGui::IsKeyPressed(keys::right))
      if (auto d = next_event_day(per_day_, state_.time.to)) place_end(state_.time, static_cast<float>(*d));
    if (ImGui::IsKeyPressed(keys::left)) {
      need_all_rows();  // the days before the first window's
      if (auto d = previous_event_day(per_day_, state_.time.to)) place_end(state_.time, static_cast<float>(*d));
    }
  } else {
    if (ImGui::IsKeyPressed(keys::right)) step_days(state_.time, 1, last);
    if (ImGui::IsKeyPressed(keys::left)) step_days(state_.time, -1, last);
  }
  if (ImGui::IsKeyDown(keys::a)) cam.pan_pixels(12, 0);
  if (ImGui::IsKeyDown(keys::d)) cam.pan_pixels(-12, 0);
  if (ImGui::IsKeyDown(keys::w)) cam.pan_pixels(0, 12);
  if (ImGui::IsKeyDown(keys::s)) cam.pan_pixels(0, -12);
  if (ImGui::IsKeyPressed(keys::equal) || ImGui::IsKeyPressed(keys::keypad_add)) cam.zoom_at(cam.width / 2.0, cam.height / 2.0, 1.5);
  if (ImGui::IsKeyPressed(keys::minus) || ImGui::IsKeyPressed(keys::keypad_subtract))
    cam.zoom_at(cam.width / 2.0, cam.height / 2.0, 1 / 1.5);
  if (ImGui::IsKeyPressed(keys::f)) fit_to_events();
}

}  // namespace sitmap
