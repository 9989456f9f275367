// The bottom panel: a histogram of the filtered events per bin (day, week
// or month, from the span shown), the window drawn on it (drag it, drag its
// edges, wheel to resize, Ctrl+wheel to zoom the timeline), playback
// controls, window modes and exact dates.
#include <fmt/core.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "app/viewer.hpp"

namespace sitmap {
namespace {

enum Drag { none = 0, body = 1, left = 2, right = 3 };  // ViewerState::timeline_drag

double speed_to_slider(double s) { return std::log(s / kMinSpeed) / std::log(kMaxSpeed / kMinSpeed); }
double slider_to_speed(double v) { return kMinSpeed * std::pow(kMaxSpeed / kMinSpeed, v); }

std::string speed_label(double days_per_second) {
  if (days_per_second < 1.0 / 30) return fmt::format("{:.1f} day/min", days_per_second * 60);
  if (days_per_second < 30) return fmt::format("{:.1f} days/s", days_per_second);
  return fmt::format("{:.2f} years/s", days_per_second / 365);
}

}  // namespace

void Viewer::view_timeline() {
  int& drag = state_.timeline_drag;
  const ImGuiIO& io = ImGui::GetIO();
  const float panel_h = 170;
  ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - panel_h));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, panel_h));
  ImGui::Begin("Timeline", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                   ImGuiWindowFlags_NoScrollbar);
  TimeWindow& w = state_.time;
  const float last = static_cast<float>(table_.last_day());

  // Controls.
  if (ImGui::Button(w.playing ? "Pause" : "Play")) w.playing = !w.playing;
  ImGui::SameLine();
  if (ImGui::Button("|<")) {
    need_all_rows();  // the days before the first window's
    if (auto d = previous_event_day(per_day_, w.to)) place_end(w, static_cast<float>(*d));
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("previous day with an event (Shift+Left)");
  ImGui::SameLine();
  if (ImGui::Button("<")) step_days(w, -1, last);
  ImGui::SameLine();
  if (ImGui::Button(">")) step_days(w, 1, last);
  ImGui::SameLine();
  if (ImGui::Button(">|"))
    if (auto d = next_event_day(per_day_, w.to)) place_end(w, static_cast<float>(*d));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("next day with an event (Shift+Right)");
  ImGui::SameLine();
  ImGui::Checkbox("Loop", &w.loop);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(160);
  float sv = static_cast<float>(speed_to_slider(w.days_per_second));
  if (ImGui::SliderFloat("##speed", &sv, 0, 1, speed_label(w.days_per_second).c_str())) w.days_per_second = slider_to_speed(sv);
  ImGui::SameLine();
  int mode = static_cast<int>(w.mode);
  ImGui::SetNextItemWidth(130);
  if (ImGui::Combo("##mode", &mode, "Sliding window\0Cumulative\0Single day\0")) set_mode(w, static_cast<WindowMode>(mode));
  ImGui::SameLine();
  // Exact dates: typed, applied on Enter; a date alone is a whole day.
  if (!ImGui::IsAnyItemActive()) {
    std::snprintf(state_.date_from, sizeof state_.date_from, "%s", day_label(w.first_day()).c_str());
    std::snprintf(state_.date_to, sizeof state_.date_to, "%s", day_label(w.to).c_str());
  }
  ImGui::SetNextItemWidth(95);
  if (ImGui::InputText("##from", state_.date_from, sizeof state_.date_from, ImGuiInputTextFlags_EnterReturnsTrue))
    if (auto d = day_of(state_.date_from)) {
      w.from = std::min(*d, w.to);
      if (w.mode == WindowMode::single_day) w.to = w.from;
    }
  ImGui::SameLine();
  ImGui::TextUnformatted("to");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(95);
  if (ImGui::InputText("##to", state_.date_to, sizeof state_.date_to, ImGuiInputTextFlags_EnterReturnsTrue))
    if (auto d = day_of(state_.date_to)) {
      w.to = std::max(*d, w.mode == WindowMode::single_day ? *d : w.from);
      if (w.mode == WindowMode::single_day) w.from = w.to;
    }
  ImGui::SameLine();
  ImGui::Text("%zu events in window", count_in_window());
  ImGui::SameLine();
  bool pinned = state_.pin_now;
  if (ImGui::Checkbox("Now", &pinned)) pin_to_now(pinned);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("keep the newest day in the window as events arrive");
  if (state_.arrived > 0) {  // events other processes added since the user last looked
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(200, 60, 50, 255));
    if (ImGui::SmallButton(fmt::format("{} new", state_.arrived).c_str())) {
      place_end(w, static_cast<float>(table_.last_day()));
      looked();
    }
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("events added to the store since you last looked: show the newest day");
  }
  ImGui::SameLine();
  int style = static_cast<int>(state_.style);
  ImGui::SetNextItemWidth(110);
  if (ImGui::Combo("##style", &style, "Auto\0Markers\0Density\0")) state_.style = static_cast<StyleChoice>(style);
  ImGui::SameLine();
  ImGui::Checkbox("Table", &state_.show_table);
  ImGui::SameLine();
  ImGui::Checkbox("Filters", &state_.show_filters);
  ImGui::SameLine();
  ImGui::Checkbox("Export", &state_.show_export);

  // Histogram.
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - 18);
  ImGui::InvisibleButton("##histogram", size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(250, 250, 250, 255));
  float& v0 = state_.timeline_from;
  float& v1 = state_.timeline_to;
  const float span = std::max(v1 - v0, 1.0f);
  auto x_of = [&](float day) { return p0.x + (day - v0) / span * size.x; };
  auto day_at = [&](float x) { return v0 + (x - p0.x) / size.x * span; };
  const int bin = bin_days(span);
  std::vector<int> bins;
  int top = 1;
  for (int d = std::max(0, static_cast<int>(v0)) / bin * bin;
       d <= std::min<int>(static_cast<int>(v1), static_cast<int>(per_day_.size()) - 1); d += bin) {
    int n = 0;
    for (int k = d; k < d + bin && k < static_cast<int>(per_day_.size()); ++k) n += per_day_[static_cast<size_t>(k)];
    bins.push_back(n);
    top = std::max(top, n);
  }
  int b = 0;
  for (int d = std::max(0, static_cast<int>(v0)) / bin * bin; b < static_cast<int>(bins.size()); d += bin, ++b) {
    const float h = (size.y - 14) * bins[static_cast<size_t>(b)] / static_cast<float>(top);
    const bool inside = d + bin - 1 >= w.from - 1e-4f && d <= w.to + 1e-4f;
    dl->AddRectFilled(ImVec2(x_of(static_cast<float>(d)) + 0.5f, p0.y + size.y - h),
                      ImVec2(std::max(x_of(static_cast<float>(d + bin)) - 0.5f, x_of(static_cast<float>(d)) + 1.5f), p0.y + size.y),
                      inside ? IM_COL32(200, 60, 50, 255) : IM_COL32(150, 150, 160, 255));
  }
  // A large store's days before its first window: counted once its whole table is in.
  if (rest_pending_ && rows_from_ && *rows_from_ > v0) {
    const float x1 = std::min(x_of(*rows_from_), p0.x + size.x);
    dl->AddRectFilled(p0, ImVec2(x1, p0.y + size.y), IM_COL32(225, 225, 230, 255));
    dl->AddText(ImVec2(p0.x + 6, p0.y + size.y - 18), IM_COL32(90, 90, 90, 255), "reading the store ...");
  }
  // Month ticks.
  const CivilDate first = civil_from_days(table_.day0 + static_cast<long>(std::max(v0, -3650.0f)));
  for (CivilDate m{first.year, first.month, 1};; m = m.month == 12 ? CivilDate{m.year + 1, 1, 1} : CivilDate{m.year, m.month + 1, 1}) {
    const float d = static_cast<float>(days_from_civil(m) - table_.day0);
    if (d > v1) break;
    if (d < v0) continue;
    const bool year = m.month == 1;
    if (span > 1500 && !year) continue;
    dl->AddLine(ImVec2(x_of(d), p0.y), ImVec2(x_of(d), p0.y + size.y), IM_COL32(0, 0, 0, year ? 60 : 25));
    const std::string label = year || span < 400 ? fmt::format("{}-{:02}", m.year, m.month) : "";
    if (!label.empty()) dl->AddText(ImVec2(x_of(d) + 2, p0.y + 1), IM_COL32(90, 90, 90, 255), label.c_str());
  }
  // The window.
  const float wx0 = x_of(w.first_day()), wx1 = x_of(w.last_day() + 1);
  dl->AddRectFilled(ImVec2(wx0, p0.y), ImVec2(wx1, p0.y + size.y), IM_COL32(40, 110, 200, 45));
  dl->AddRect(ImVec2(wx0, p0.y), ImVec2(wx1, p0.y + size.y), IM_COL32(40, 110, 200, 220), 0, 0, 2);
  ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + size.y + 2));
  ImGui::TextDisabled("%s   drag the window or its edges; wheel resizes it, Ctrl+wheel zooms; bins of %d day%s",
                      day_label(std::max(0.0f, v0)).c_str(), bin, bin == 1 ? "" : "s");

  // Interaction.
  const float mx = io.MousePos.x;
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    drag = std::abs(mx - wx0) < 6 ? left : std::abs(mx - wx1) < 6 ? right : (mx > wx0 && mx < wx1) ? body : none;
    if (drag == none) place_end(w, std::floor(day_at(mx)));  // click elsewhere: move the window there
  }
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) drag = none;
  if (drag != none && io.MouseDelta.x != 0) {
    const float dd = io.MouseDelta.x / size.x * span;
    if (drag == body || w.mode == WindowMode::single_day) {
      w.from += dd;
      w.to += dd;
    } else if (drag == left && w.mode != WindowMode::cumulative) {
      w.from = std::min(w.from + dd, w.to);
    } else if (drag == right) {
      w.to = std::max(w.to + dd, w.from);
    }
  }
  if (hovered && io.MouseWheel != 0) {
    if (io.KeyCtrl) {  // zoom the timeline around the cursor
      const float at = day_at(mx), f = io.MouseWheel > 0 ? 0.8f : 1.25f;
      v0 = at - (at - v0) * f;
      v1 = at + (v1 - at) * f;
    } else if (w.mode == WindowMode::sliding) {  // resize the window, end fixed
      w.from = std::min(w.to, w.from - io.MouseWheel * std::max(1.0f, w.width() * 0.1f));
    }
  }
  if (hovered) {
    const int d = static_cast<int>(std::floor(day_at(mx)));
    if (d >= 0 && d < static_cast<int>(per_day_.size()))
      ImGui::SetTooltip("%s: %d events", day_label(static_cast<float>(d)).c_str(), per_day_[static_cast<size_t>(d)]);
  }
  ImGui::End();
}

}  // namespace sitmap
