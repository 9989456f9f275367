#include "core/event_types.hpp"

namespace sitmap {
namespace {

constexpr const char* kViolence = "Political violence";
constexpr const char* kDemonstrations = "Demonstrations";
constexpr const char* kStrategic = "Strategic developments";
constexpr const char* kExplosions = "Explosions/Remote violence";
constexpr const char* kBattles = "Battles";
constexpr const char* kCivilians = "Violence against civilians";

using S = SubEvent;

constexpr EventTypeInfo kTypes[] = {
    {S::air_strike, "Air/drone strike", kExplosions, kViolence, Colour{0.86f, 0.16f, 0.16f}, "195"},
    {S::shelling, "Shelling/artillery/missile attack", kExplosions, kViolence, Colour{0.95f, 0.50f, 0.10f}, "194"},
    {S::remote_explosive, "Remote explosive/landmine/IED", kExplosions, kViolence, Colour{0.60f, 0.25f, 0.70f}, "1833"},
    {S::suicide_bomb, "Suicide bomb", kExplosions, kViolence, Colour{0.45f, 0.10f, 0.45f}, "183"},
    {S::grenade, "Grenade", kExplosions, kViolence, Colour{0.75f, 0.45f, 0.65f}, ""},
    {S::chemical_weapon, "Chemical weapon", kExplosions, kViolence, Colour{0.40f, 0.70f, 0.20f}, "204"},
    {S::armed_clash, "Armed clash", kBattles, kViolence, Colour{0.15f, 0.40f, 0.80f}, "19"},
    {S::government_regains_territory, "Government regains territory", kBattles, kViolence, Colour{0.20f, 0.60f, 0.75f}, ""},
    {S::non_state_overtakes_territory, "Non-state actor overtakes territory", kBattles, kViolence, Colour{0.10f, 0.55f, 0.55f}, ""},
    {S::attack, "Attack", kCivilians, kViolence, Colour{0.10f, 0.10f, 0.10f}, "18 20"},
    {S::abduction, "Abduction/forced disappearance", kCivilians, kViolence, Colour{0.40f, 0.40f, 0.40f}, "181"},
    {S::sexual_violence, "Sexual violence", kCivilians, kViolence, Colour{0.55f, 0.20f, 0.30f}, ""},
    {S::peaceful_protest, "Peaceful protest", "Protests", kDemonstrations, Colour{0.30f, 0.70f, 0.35f}, "14"},
    {S::protest_with_intervention, "Protest with intervention", "Protests", kDemonstrations, Colour{0.55f, 0.75f, 0.25f}, ""},
    {S::excessive_force, "Excessive force against protesters", "Protests", kDemonstrations, Colour{0.20f, 0.50f, 0.20f}, ""},
    {S::violent_demonstration, "Violent demonstration", "Riots", kDemonstrations, Colour{0.85f, 0.70f, 0.10f}, "145"},
    {S::mob_violence, "Mob violence", "Riots", kViolence, Colour{0.70f, 0.55f, 0.10f}, ""},
    {S::arrests, "Arrests", kStrategic, kStrategic, Colour{0.35f, 0.45f, 0.60f}, ""},
    {S::looting, "Looting/property destruction", kStrategic, kStrategic, std::nullopt, ""},
};

constexpr bool in_order() {
  for (size_t i = 0; i < std::size(kTypes); ++i)
    if (static_cast<size_t>(kTypes[i].id) != i) return false;
  return true;
}
static_assert(std::size(kTypes) == static_cast<size_t>(SubEvent::count) && in_order(), "event_types(): one row per SubEvent, in its order");

}  // namespace

std::span<const EventTypeInfo> event_types() { return kTypes; }

const EventTypeInfo& event_type(SubEvent id) { return kTypes[static_cast<size_t>(id)]; }

const EventTypeInfo* find_sub_event_type(std::string_view sub_event_type) {
  for (const EventTypeInfo& t : kTypes)
    if (sub_event_type == t.sub_event_type) return &t;
  return nullptr;
}

const EventTypeInfo* event_type_for_cameo(std::string_view code) {
  const EventTypeInfo* best = nullptr;
  size_t best_length = 0;
  for (const EventTypeInfo& t : kTypes) {
    std::string_view prefixes = t.cameo;
    while (!prefixes.empty()) {
      const size_t space = prefixes.find(' ');
      const std::string_view prefix = prefixes.substr(0, space);
      if (prefix.size() > best_length && code.substr(0, prefix.size()) == prefix) {
        best = &t;
        best_length = prefix.size();
      }
      prefixes = space == std::string_view::npos ? std::string_view() : prefixes.substr(space + 1);
    }
  }
  return best;
}

bool generic_actor(std::string_view actor) {
  for (std::string_view kind : {"Unidentified Armed Group", "Unidentified Military Forces", "Protesters (", "Rioters (", "Civilians ("})
    if (actor.substr(0, kind.size()) == kind) return true;
  return false;
}

std::string generic_actor_of(std::string_view kind, std::string_view country) {
  return std::string(kind) + " (" + std::string(country) + ")";
}

}  // namespace sitmap
