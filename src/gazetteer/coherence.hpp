#pragma once
// Which readings of a report's names lie together. A local paper that
// names "Gainesville" and "Hall County" and never its state means the
// Gainesville inside a Hall County: of all the namesakes of each name, the
// ones near some namesake of the report's other names are the likelier.
#include <vector>

#include "core/geo.hpp"

namespace sitmap {

// One reading of a name, as coherence sees it.
struct Reading {
  GeoPoint point;
  bool vouches = true;  // may count as the name being near another's reading (a town or county by its own name)
};

// For each reading of each name: how many of the *other* names have a
// vouching reading within `reach_km` of it, each name counting
// 1 - d / reach_km for its nearest such reading (1 on the spot, 0 at the
// reach). A name never counts for itself. `names[i]` are the readings of
// the report's i-th distinct name; the result has the same shape.
// Cost: the readings are bucketed by one-degree cell, so each looks only
// at the cells within reach.
std::vector<std::vector<float>> reading_coherence(const std::vector<std::vector<Reading>>& names, double reach_km);

}  // namespace sitmap
