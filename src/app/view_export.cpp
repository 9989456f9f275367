// Export: the current layer (filters + time window) through the same code
// as `sitmap export`; the map as a PNG at a chosen size; the playback as a
// numbered PNG frame sequence.
#include <fmt/core.h>
#include <imgui.h>

#include "app/viewer.hpp"

namespace sitmap {

void Viewer::view_export() {
  ImGui::SetNextWindowPos(ImVec2(320, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(380, 260), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Export", &state_.show_export)) {
    ImGui::End();
    return;
  }
  ImGui::TextDisabled("Current layer: filters + time window");
  ImGui::Combo("Format", &state_.export_format, "GeoJSON\0CSV (ACLED columns)\0GeoPackage\0");
  ImGui::InputText("File", state_.export_path, sizeof state_.export_path);
  if (ImGui::Button("Export layer")) {
    const ExportFormat formats[] = {ExportFormat::geojson, ExportFormat::csv, ExportFormat::gpkg};
    try {
      const size_t n = export_layer(state_.export_path, formats[state_.export_format]);
      state_.status = fmt::format("exported {} events to {}", n, state_.export_path);
    } catch (const std::exception& e) { state_.status = std::string("export failed: ") + e.what(); }
  }
  ImGui::Separator();
  ImGui::InputInt("Width", &state_.png_width);
  ImGui::InputInt("Height", &state_.png_height);
  state_.png_width = std::clamp(state_.png_width, 64, 8192);
  state_.png_height = std::clamp(state_.png_height, 64, 8192);
  ImGui::InputText("PNG", state_.png_path, sizeof state_.png_path);
  if (ImGui::Button("Save map image")) {
    try {
      render_png(state_.png_path, state_.png_width, state_.png_height);
      state_.status = fmt::format("map saved to {}", state_.png_path);
    } catch (const std::exception& e) { state_.status = std::string("image failed: ") + e.what(); }
  }
  ImGui::InputText("Frames folder", state_.frames_dir, sizeof state_.frames_dir);
  ImGui::InputInt("Frames", &state_.frame_count);
  state_.frame_count = std::clamp(state_.frame_count, 1, 10000);
  if (ImGui::Button("Save playback frames")) {
    try {
      render_frames(state_.frames_dir, state_.frame_count, state_.png_width, state_.png_height);
      state_.status = fmt::format("{} frames saved in {}/", state_.frame_count, state_.frames_dir);
    } catch (const std::exception& e) { state_.status = std::string("frames failed: ") + e.what(); }
  }
  if (!state_.status.empty()) ImGui::TextWrapped("%s", state_.status.c_str());
  ImGui::End();
}

}  // namespace sitmap
