#pragma once
// The event record (one row per reported event; field names in JSON follow
// ACLED's codebook, see DESIGN.md) and the place mentions it points at.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/geo.hpp"

namespace sitmap {

// When: one day, or a range ("since September 2014", "last week").
struct DateSpan {
  std::optional<CivilDate> date;     // start (the day, for precision 1)
  std::optional<CivilDate> date_to;  // end of a range, when there is one
  int precision = 1;                 // ACLED time_precision: 1 day, 2 week, 3 month or vaguer
};

// How sure a mention's place is: the candidates it could have been, scored.
struct ScoredPlace {
  uint32_t entry = 0;  // gazetteer entry
  double score = 0;
  // How the name reached it (set by recognition; extract/toponyms.hpp weighs them):
  uint8_t how = 0;       // gazetteer MatchHow: own name, alternate name, abbreviation ...
  uint8_t distance = 0;  // spelling distance of a fuzzy match
  bool fuzzy = false;
  bool other_name = false;  // by an alternate name, while another candidate bears the name as its own
};

// A span of the text that names a place (or a people: "French").
struct Mention {
  uint32_t start = 0, end = 0;  // byte offsets
  std::string text;
  std::vector<ScoredPlace> candidates;  // best first; empty when unresolved
  std::string cue;                      // "in", "near", "south of" ... (lower case), empty if none
  bool demonym = false;                 // "French", "Syrians"
  bool in_name = false;                 // part of an organisation's name ("Raqqa is Being Slaughtered Silently")
  bool dateline = false;                // the place a wire report was filed from ("KHARTOUM, June 4 (AFP) -")
  uint32_t sentence = 0;                // index of its sentence
  uint32_t first_token = 0, last_token = 0;
  // Added by recognition and resolution (extract/toponyms.hpp):
  bool fuzzy = false;                // found only by a spelling-tolerant match
  int32_t part_of = -1;              // "Kabul's Paghman district": index of the mention of the place it is part of
  double place_odds = 0;             // log-odds that the span names a place at all
  std::array<float, 19> evidence{};  // what place_odds is weighed from (toponyms.hpp: Evidence)
};

struct Event {
  std::string event_id;
  DateSpan when;
  std::string event_type, sub_event_type;
  std::string actor1, actor2;
  // Where: the gazetteer entry and the mention it came from.
  std::string location, admin1, country, country_code;
  std::optional<uint32_t> geonameid;
  GeoPoint point;
  int geo_precision = 1;
  std::string geo_relation;  // "near", "south of" ... when the text gives one
  std::optional<int> fatalities;
  std::map<std::string, long> quantities;
  std::vector<std::string> targets;
  double confidence = 0;
  bool background = false;
  // Provenance.
  std::string document_id, sentence;
  uint32_t start = 0, end = 0;
  std::string trigger;
  uint32_t trigger_start = 0, trigger_end = 0;
  std::optional<uint32_t> location_start, location_end;
  int evidence_count = 1;  // sentences merged into this event
};

}  // namespace sitmap
