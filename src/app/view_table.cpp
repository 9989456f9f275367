// The events in the window, in a sortable table synced with the map:
// clicking a row pins the event and flies the map to it.
#include <fmt/core.h>
#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "app/viewer.hpp"

namespace sitmap {

std::vector<int> Viewer::rows_in_window() const {
  const EventDrawParams p = draw_params();
  std::vector<int> rows;
  for (size_t i = 0; i < table_.size(); ++i)
    if (shown(i, p)) rows.push_back(static_cast<int>(i));
  return rows;
}

void Viewer::write_table_csv(const std::string& path) {
  if (names_pending()) complete_table();
  need_window_rows();
  std::vector<int> rows = rows_in_window();
  std::stable_sort(rows.begin(), rows.end(),
                   [&](int a, int b) { return table_.day_from[static_cast<size_t>(a)] < table_.day_from[static_cast<size_t>(b)]; });
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(path + ": cannot write the table");
  auto quoted = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  out << "fid,date,sub_event_type,actor1,location,magnitude,confidence,sources\n";
  for (const int r : rows) {
    const size_t k = static_cast<size_t>(r);
    out << table_.fid[k] << ',' << day_label(table_.day_from[k]) << ',' << quoted(table_.sub_types[table_.type[k]]) << ','
        << quoted(table_.actors[table_.actor1[k]]) << ',' << quoted(table_.locations[table_.location[k]]) << ','
        << fmt::format("{:g},{:.2f},{}", table_.magnitude[k], table_.confidence[k], k < table_.sources.size() ? table_.sources[k] : 1)
        << '\n';
  }
  if (!out.flush()) throw std::runtime_error(path + ": cannot write the table");
}

void Viewer::view_table() {
  // Independent sources of a row (1 for imported events and older stores).
  auto source_count = [&](size_t i) { return i < table_.sources.size() ? static_cast<int>(table_.sources[i]) : 1; };
  ImGui::SetNextWindowPos(ImVec2(10, ImGui::GetIO().DisplaySize.y - 180 - 230), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(600, 220), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Events", &state_.show_table)) {
    ImGui::End();
    return;
  }
  const EventDrawParams p = draw_params();
  bool resort = false;
  // While playing, the rows follow the window a few times a second, not every frame.
  const bool throttled = state_.time.playing && table_built_playing_ && ImGui::GetTime() - table_built_at_ < 0.25;
  if (table_dirty_ || (!throttled && (table_from_ != p.window_from || table_to_ != p.window_to))) {
    table_rows_ = rows_in_window();
    table_from_ = p.window_from;
    table_to_ = p.window_to;
    table_built_at_ = ImGui::GetTime();
    table_built_playing_ = state_.time.playing;
    table_dirty_ = false;
    resort = true;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_BordersInnerV;
  if (ImGui::BeginTable("events", 7, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("Type");
    ImGui::TableSetupColumn("Actor");
    ImGui::TableSetupColumn("Place");
    ImGui::TableSetupColumn("Magnitude");
    ImGui::TableSetupColumn("Conf.");
    ImGui::TableSetupColumn("Sources");
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && (specs->SpecsDirty || resort) && specs->SpecsCount > 0) {
      const int col = specs->Specs[0].ColumnIndex;
      const bool asc = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
      auto key_less = [&](int a, int b) {
        const size_t i = static_cast<size_t>(a), j = static_cast<size_t>(b);
        switch (col) {
          case 1:
            return table_.sub_types[table_.type[i]] < table_.sub_types[table_.type[j]];
          case 2:
            return table_.actors[table_.actor1[i]] < table_.actors[table_.actor1[j]];
          case 3:
            return table_.locations[table_.location[i]] < table_.locations[table_.location[j]];
          case 4:
            return table_.magnitude[i] < table_.magnitude[j];
          case 5:
            return table_.confidence[i] < table_.confidence[j];
          case 6:
            return source_count(i) < source_count(j);
          default:
            return table_.day_from[i] < table_.day_from[j];
        }
      };
      std::stable_sort(table_rows_.begin(), table_rows_.end(), [&](int a, int b) { return asc ? key_less(a, b) : key_less(b, a); });
      specs->SpecsDirty = false;
    }
    // A pin on the map scrolls its row into view.
    if (state_.selected != table_scrolled_to_) {
      table_scrolled_to_ = state_.selected;
      const auto row = std::find(table_rows_.begin(), table_rows_.end(), state_.selected);
      if (row != table_rows_.end())
        ImGui::SetScrollY(std::max(0.0f, (static_cast<float>(row - table_rows_.begin()) - 2) * ImGui::GetTextLineHeightWithSpacing()));
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(table_rows_.size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const int i = table_rows_[static_cast<size_t>(r)];
        const size_t k = static_cast<size_t>(i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        if (ImGui::Selectable(day_label(table_.day_from[k]).c_str(), state_.selected == i, ImGuiSelectableFlags_SpanAllColumns)) {
          state_.selected = i;
          state_.show_details = true;
          // Fly to it: centre on the event, close enough to see the town.
          state_.camera.center_x = scene_->events().xs()[k];
          state_.camera.center_y = scene_->events().ys()[k];
          state_.camera.scale = std::min(state_.camera.scale, 600.0);
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(table_.sub_types[table_.type[k]].c_str());
        // A large store's names and confidences come a moment after its map.
        const char* reading = "...";
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(names_pending() ? reading : table_.actors[table_.actor1[k]].c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(names_pending() ? reading : table_.locations[table_.location[k]].c_str());
        ImGui::TableNextColumn();
        if (table_.magnitude[k] > 0) ImGui::Text("%.0f", table_.magnitude[k]);
        ImGui::TableNextColumn();
        if (names_pending())
          ImGui::TextUnformatted(reading);
        else
          ImGui::Text("%.2f", table_.confidence[k]);
        ImGui::TableNextColumn();
        ImGui::Text("%d", source_count(k));
      }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace sitmap
