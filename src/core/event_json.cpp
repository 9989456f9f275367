#include "core/event_json.hpp"

#include <nlohmann/json.hpp>

#include "core/event_fields.hpp"

namespace sitmap {

nlohmann::json event_json(const Event& e) {
  nlohmann::json out = nlohmann::json::object();
  for (const EventField& field : event_fields()) {
    nlohmann::json& v = out[field.name];
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            v = nullptr;
          else if constexpr (std::is_same_v<T, CivilDate>)
            v = to_iso(x);
          else if constexpr (std::is_same_v<T, std::string>)
            v = field.kind == FieldKind::json ? nlohmann::json::parse(x) : nlohmann::json(x);
          else
            v = x;
        },
        field.get(e));
  }
  return out;
}

}  // namespace sitmap
