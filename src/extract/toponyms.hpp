#pragma once
// Finding the spans that name places, and deciding which place each is.
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/segment.hpp"

namespace sitmap {

// Gazetteer-driven recognition over capitalised spans, with context: cue
// words (in, near, south of, the city of), lists after them, qualifiers
// ("Paris, Texas"), and the not-a-place list (weekdays, people, aircraft,
// organisations, "IS"). A capitalised run that is only partly a place name
// ("Syrian Observatory for Human Rights", "Charlie Winter") is a name, not
// a place. Candidates come back unscored; resolve_toponyms scores them.
std::vector<Mention> recognize_toponyms(const Document& doc, const Segmented& seg, const Gazetteer& gaz,
                                        const Lexicon& lex);

// Scores every mention's candidates with the whole document: countries and
// divisions it names, the other places near each candidate, the document's
// focus country, qualifiers, population and kind. Best candidate first.
void resolve_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc);

// After scoring: every mention of one name gets one place, and a division
// named after its seat yields to the town unless the text says "province".
void settle_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc);

// Confidence in a mention's best candidate, 0..1, from its score margin.
double resolution_confidence(const Mention& m);

}  // namespace sitmap
