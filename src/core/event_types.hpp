#pragma once
// ACLED's event taxonomy as Sitmap uses it, defined once: each sub-event
// type with its event type, its disorder type, its colour on the map and
// the CAMEO codes (GDELT) that map to it. Extraction, the GDELT import, the
// synthetic events and the map's colours all take their names from here: a
// new type is one entry in SubEvent and one row in event_types.cpp (a
// static_assert keeps them in step).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sitmap {

struct Colour {
  float r, g, b;
};

enum class SubEvent : uint8_t {
  air_strike,
  shelling,
  remote_explosive,
  suicide_bomb,
  grenade,
  chemical_weapon,
  armed_clash,
  government_regains_territory,
  non_state_overtakes_territory,
  attack,
  abduction,
  sexual_violence,
  peaceful_protest,
  protest_with_intervention,
  excessive_force,
  violent_demonstration,
  mob_violence,
  arrests,
  looting,
  count
};

struct EventTypeInfo {
  SubEvent id;
  const char* sub_event_type;  // ACLED's spelling
  const char* event_type;
  const char* disorder_type;
  std::optional<Colour> colour;  // none: the map gives it one of its spare colours
  // CAMEO event codes, space-separated prefixes; the longest prefix that
  // matches a code decides its type ("1833" before "183" before "18").
  const char* cameo;
};

std::span<const EventTypeInfo> event_types();
const EventTypeInfo& event_type(SubEvent id);
// By sub_event_type, exactly as ACLED spells it; nullptr when not ours.
const EventTypeInfo* find_sub_event_type(std::string_view sub_event_type);
// The type a CAMEO event code ("195", "1831") maps to; nullptr when it is
// not a conflict or protest code.
const EventTypeInfo* event_type_for_cameo(std::string_view code);

// ACLED's generic actors, named by a country: "Unidentified Armed Group
// (Nigeria)", "Protesters (Kenya)", "Rioters (India)", "Civilians (Mali)".
// They say what a side is, not who: two reports that name a side, one
// generically and one by a group, do not disagree.
bool generic_actor(std::string_view actor);
std::string generic_actor_of(std::string_view kind, std::string_view country);  // "Protesters", "Kenya" -> "Protesters (Kenya)"

}  // namespace sitmap
