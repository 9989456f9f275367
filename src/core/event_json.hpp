#pragma once
// The event record as JSON (DESIGN.md's field names): what `sitmap extract`
// prints, one object a line. Made from the field table (event_fields.hpp).
#include <nlohmann/json_fwd.hpp>

#include "core/event.hpp"

namespace sitmap {

nlohmann::json event_json(const Event& e);

}  // namespace sitmap
