// Filters (and the legend): event types with their colours, actor, country,
// confidence, background, dataset, text search. With the time window they
// define the current layer, which Export writes.
#include <imgui.h>

#include "app/viewer.hpp"

namespace sitmap {

void Viewer::view_filters() {
  ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300, 400), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Filters", &state_.show_filters)) {
    ImGui::End();
    return;
  }
  FilterInputs& f = state_.filter;
  bool changed = false;
  ImGui::TextDisabled("Event types (legend)");
  // A large store's first window: its types, greyed until every type is read.
  const bool types_pending = rest_pending_ && rows_from_;
  if (types_pending) ImGui::BeginDisabled();
  for (size_t t = 0; t < table_.sub_types.size(); ++t) {
    const Rgb c = color_for_type(table_.sub_types[t]);
    ImGui::PushID(static_cast<int>(t));
    bool on = f.type_shown[t];
    ImGui::PushStyleColor(ImGuiCol_CheckMark, ImVec4(c.r, c.g, c.b, 1));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(c.r, c.g, c.b, 0.25f));
    if (ImGui::Checkbox(table_.sub_types[t].empty() ? "(none)" : table_.sub_types[t].c_str(), &on)) {
      f.type_shown[t] = on;
      changed = true;
    }
    ImGui::PopStyleColor(2);
    ImGui::PopID();
  }
  if (ImGui::SmallButton("all")) std::fill(f.type_shown.begin(), f.type_shown.end(), 1), changed = true;
  ImGui::SameLine();
  if (ImGui::SmallButton("none")) std::fill(f.type_shown.begin(), f.type_shown.end(), 0), changed = true;
  if (types_pending) {
    ImGui::EndDisabled();
    ImGui::TextDisabled("more types: reading the store ...");
  }
  ImGui::Separator();
  changed |= ImGui::InputText("Actor", f.actor, sizeof f.actor, ImGuiInputTextFlags_EnterReturnsTrue);
  changed |=
      ImGui::InputText("Country", f.country, sizeof f.country, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsUppercase);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("ISO alpha-2 (SY): events inside the country's polygon");
  changed |= ImGui::InputText("Search", f.text, sizeof f.text, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("words in the sentence, place or actors; Enter applies");
  changed |= ImGui::SliderFloat("Min confidence", &f.min_confidence, 0, 1, "%.2f");
  changed |= ImGui::Checkbox("Background events", &f.background);
  if (rest_pending_) {
    ImGui::TextDisabled("Dataset: reading the store ...");  // a large store's datasets come a moment after its map
  } else {
    std::string datasets = std::string("all") + '\0';
    for (const auto& d : table_.datasets) datasets += d + '\0';
    changed |= ImGui::Combo("Dataset", &f.dataset, datasets.c_str());
  }
  if (changed) apply_filters();
  if (ImGui::Button("Fit to events")) fit_to_events();
  ImGui::SameLine();
  int projection = static_cast<int>(projection_);
  ImGui::SetNextItemWidth(130);
  if (ImGui::Combo("##projection", &projection, "Web Mercator\0Equal Earth\0Plate carree\0") &&
      projection != static_cast<int>(projection_)) {
    projection_ = static_cast<MapProjection>(projection);
    const std::vector<uint8_t> mask = mask_;
    scene_.reset();
    scene_ = std::make_unique<MapScene>(table_, projection_, gaz_);  // basemap and labels in the new projection
    scene_->set_visible(mask);
    fit_to_events();
  }
  if (!state_.status.empty()) ImGui::TextWrapped("%s", state_.status.c_str());
  if (rest_pending_ && rows_from_)
    ImGui::TextDisabled("the last days' %zu events loaded, the rest on its way; drop report files here to add them", table_.size());
  else
    ImGui::TextDisabled("%zu events loaded; drop report files here to add them", table_.size());
  ImGui::End();
}

}  // namespace sitmap
