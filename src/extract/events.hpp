#pragma once
// From sentences with resolved places to the events an analyst would code.
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/segment.hpp"

namespace sitmap {

// Per sentence: actions (trigger words, weak ones grouped with the strong
// action they describe), each tied to the place closest to it (cue words
// preferred), its date cue, actors, numbers and targets. Then across the
// document: mentions of one action at one place and day merge into one
// event; vague country-level mentions fold into the specific event they
// summarise; background ("since September 2014") is flagged, not mixed in.
std::vector<Event> extract_events(const Document& doc, const Segmented& seg, const std::vector<Mention>& mentions, const Gazetteer& gaz,
                                  const Lexicon& lex, std::vector<std::string>* warnings = nullptr);

// ACLED's conservative reading of a count: "at least 129" -> 129,
// "dozens" -> 12, "hundreds" -> 100, "a dozen" -> 12; nullopt when the
// words are no count, or an absurd one ("1e400"). `words` are lower case,
// one per token (a sentence's, as the readers hold them).
std::optional<long> parse_count(const std::vector<std::string>& words, size_t at, size_t* used = nullptr);

}  // namespace sitmap
