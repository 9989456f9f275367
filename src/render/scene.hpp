#pragma once
// The map as one drawable: sea, land, borders, events, labels. The viewer,
// `sitmap render` and the benchmark draw the same scene.
#include <memory>
#include <vector>

#include "render/basemap.hpp"
#include "render/event_layer.hpp"
#include "render/labels.hpp"

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
  // ImGui part (labels), drawn over the GL part.
  void draw_labels(ImDrawList* list, const Camera& camera) const { labels_.draw(list, camera); }

  void set_visible(const std::vector<uint8_t>& mask) { events_->set_visible(mask); }
  const EventLayer& events() const { return *events_; }
  const Basemap& basemap() const { return basemap_; }
  MapProjection projection() const { return projection_; }
  // The camera that shows every event (or the world when there are none).
  void fit_events(Camera& camera, const std::vector<uint8_t>* mask = nullptr) const;

 private:
  MapProjection projection_;
  ShaderProgram basemap_program_;
  Basemap basemap_;
  std::unique_ptr<EventLayer> events_;
  Labels labels_;
};

}  // namespace sitmap
