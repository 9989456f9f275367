#pragma once
// The map as one drawable: sea, land, rivers, province and country
// borders, events, labels. The viewer, `sitmap render` and the benchmark
// draw the same scene.
#include <memory>
#include <vector>

#include "render/basemap.hpp"
#include "render/event_layer.hpp"
#include "render/labels.hpp"
#include "render/map_lines.hpp"
#include "render/scale_bar.hpp"

namespace sitmap {

struct SceneColors {
  static constexpr float sea[3] = {0.667f, 0.776f, 0.859f};
};

class MapScene {
 public:
  // The basemap and labels; events come with set_events (so a caller can
  // read them from the store while this is built).
  MapScene(MapProjection projection, const Gazetteer* gaz);
  MapScene(const EventTable& table, MapProjection projection, const Gazetteer* gaz);
  void set_events(const EventTable& table);

  // GL part: clears to sea, draws land, borders and events. `final`
  // waits for the basemap detail the zoom calls for (offscreen renders).
  void draw(const Camera& camera, const EventDrawParams& params, bool final = false);
  // ImGui part, drawn over the GL part: town labels, then the names of
  // provinces where their lines show, clear of the towns' and of `avoid`.
  void draw_labels(ImDrawList* list, const Camera& camera, const std::vector<ScreenRect>& avoid = {}) const;
  // The scale bar at the bottom left, moved up or right off the `avoid`
  // rectangles (panels); returns where it went (empty when not drawn).
  ScreenRect draw_scale_bar(ImDrawList* list, const Camera& camera, const std::vector<ScreenRect>& avoid = {}) const;
  const ScaleBar& scale_bar() const { return scale_bar_; }

  void set_visible(const std::vector<uint8_t>& mask) { events_->set_visible(mask); }
  // Rows appended to the table the events were set from (see EventLayer::append).
  void append_events(const EventTable& table, size_t first, const std::vector<uint8_t>& visible) { events_->append(table, first, visible); }
  // Rows rewritten in place, their days unchanged (EventLayer::update).
  void update_events(const EventTable& table, const std::vector<size_t>& rows) { events_->update(table, rows); }
  const EventLayer& events() const { return *events_; }
  const Basemap& basemap() const { return basemap_; }
  const MapLines& lines() const { return lines_; }
  MapProjection projection() const { return projection_; }
  // The camera that shows every event (or the world when there are none),
  // in the part of the screen the `covered` rectangles (panels) leave clear.
  void fit_events(Camera& camera, const std::vector<uint8_t>* mask = nullptr, const std::vector<ScreenRect>& covered = {}) const;

 private:
  MapProjection projection_;
  ShaderProgram basemap_program_;
  Basemap basemap_;
  MapLines lines_;
  std::unique_ptr<EventLayer> events_;
  Labels labels_;
  ScaleBar scale_bar_;
};

}  // namespace sitmap
