#pragma once
// Shared by the store tests: a fresh temporary directory per test, and a
// small store of hand-made events whose answers to each filter are known.
#include <filesystem>
#include <string>
#include <unistd.h>

#include "../temp_dir.hpp"
#include "store/store.hpp"

namespace sitmap::test {

inline Event hand_event(const std::string& id, CivilDate date, double lat, double lon, const std::string& sub_type,
                        const std::string& actor1, const std::string& cc) {
  Event e;
  e.event_id = id;
  e.when.date = date;
  e.point = {lat, lon};
  e.event_type = sub_type == "Armed clash" ? "Battles" : "Explosions/Remote violence";
  e.sub_event_type = sub_type;
  e.actor1 = actor1;
  e.country_code = cc;
  e.confidence = 0.9;
  e.document_id = "hand";
  return e;
}

// Five events: Raqqa (SY), Aleppo (SY), Mosul (IQ, but coded "SY" on purpose:
// the country filter must use the polygon), Paris (FR), Homs (SY).
inline void add_hand_events(Store& store) {
  const Event events[] = {
      hand_event("raqqa", {2015, 11, 15}, 35.952831, 39.007881, "Air/drone strike", "France", "SY"),
      hand_event("aleppo", {2015, 11, 20}, 36.2021, 37.1343, "Armed clash", "O'Brien's \"Brigade\"; DROP TABLE events", "SY"),
      hand_event("mosul", {2015, 11, 16}, 36.335, 43.1189, "Air/drone strike", "United States", "SY"),
      hand_event("paris", {2015, 11, 13}, 48.853409, 2.3488, "Suicide bomb", "Islamic State", "FR"),
      hand_event("homs", {2015, 9, 30}, 34.726822, 36.723389, "Air/drone strike", "Russia", "SY"),
  };
  store.append_events(events, "sitmap");
}

}  // namespace sitmap::test
