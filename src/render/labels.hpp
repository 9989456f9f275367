#pragma once
// Place labels from the gazetteer: the largest towns first, each shown
// once the zoom makes room for it, never overlapping another.
#include <string>
#include <vector>

#include "render/camera.hpp"

struct ImDrawList;

namespace sitmap {

class Gazetteer;

struct Label {
  std::string text;
  float x, y;  // map units
  double population;
  bool capital;
};

class Labels {
 public:
  Labels() = default;
  // Towns of at least `min_population` and every capital, projected once.
  Labels(const Gazetteer& gaz, MapProjection projection, double min_population = 150000);
  // Greedy placement by population, clear of each other and of the boxes
  // already in `taken` (when given), to which the drawn ones are added;
  // returns how many were drawn.
  size_t draw(ImDrawList* list, const Camera& camera, std::vector<ScreenRect>* taken = nullptr) const;

 private:
  std::vector<Label> labels_;  // largest first
};

}  // namespace sitmap
