#pragma once
// One document through the whole chain: segment -> toponyms -> resolve ->
// events. The CLI, the store and the viewer all call this.
#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"
#include "extract/confidence.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/segment.hpp"

namespace sitmap {

struct Analysis {
  Segmented segments;
  std::vector<Mention> mentions;
  std::vector<Event> events;
  std::vector<ConfidenceFeatures> confidence_features;  // each event's inputs to its confidence
  std::vector<std::string> warnings;                    // what was read in doubt: an impossible day, a year guessed
};

Analysis analyse(const Document& doc, const Gazetteer& gaz, const Lexicon& lex = Lexicon::builtin());

// The chain up to resolved places, without events (what `sitmap geoparse`
// needs: events read the mentions but never change them).
Analysis locate_places(const Document& doc, const Gazetteer& gaz, const Lexicon& lex = Lexicon::builtin());

// The `sitmap geoparse` line for a document (DESIGN.md's contract).
nlohmann::json geoparse_json(const Document& doc, const std::vector<Mention>& mentions, const Gazetteer& gaz);

}  // namespace sitmap
