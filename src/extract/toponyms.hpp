#pragma once
// Finding the spans that name places, and deciding which place each is.
#include <array>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"
#include "extract/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/segment.hpp"

namespace sitmap {

// What says a span names a place at all (Mention::evidence). Recognition
// fills most; resolution adds what the rest of the report says (support,
// repeated_cue). Each is 0..1.
enum Evidence : uint8_t {
  ev_bias,            // always 1
  ev_one_word,        // a single token
  ev_common_word,     // its lower-case form is an English word ("Interior", "Bank")
  ev_name_word,       // a given name or a word the lexicon knows only as a name ("Taylor")
  ev_cue_place,       // after in, near, at, outside, "south of", "the city of" ...
  ev_cue_other,       // after from, to, on, of, and ...
  ev_sentence_start,  // the sentence's first word, where every word is capitalised
  ev_wide_kind,       // a candidate is a country, first-level division, region or sea of that name
  ev_population,      // log10 of the largest candidate town's population, / 7
  ev_seat,            // a candidate is a capital or a division's seat
  ev_alias,           // no candidate has it as its own name, only as an alternate one
  ev_fuzzy,           // found only by the spelling-tolerant match
  ev_modifier,        // a lower-case noun follows: "Chinook helicopter", "Brent crude"
  ev_support,         // the chosen place lies near the report's other places or in a division it names
  ev_repeated_cue,    // the same name stands after a place cue elsewhere in the report
  ev_all_caps,        // written in capitals
  ev_ambiguity,       // log10(1 + candidates) / 2
  ev_qualified,       // "Paris, Texas": a qualifier picked among its candidates
  ev_big_city,        // a candidate of that very name is a town of 100,000 people or more
  ev_count
};
static_assert(ev_count == std::tuple_size_v<decltype(Mention::evidence)>);
std::string_view evidence_name(Evidence e);

// What scores a candidate place for a span: what it is (kind, seat,
// population, how the name reached it) and what the rest of the report
// says of it. Values are raw; ResolveWeights weighs them.
enum Signal : uint8_t {
  sig_country,        // a country
  sig_admin1,         // a first-level division
  sig_admin2,         // a second-level division
  sig_region,         // a region or continent
  sig_sea,            // a sea, ocean or gulf
  sig_capital,        // a national capital
  sig_seat,           // a first-level division's seat
  sig_seat2,          // a second-level division's seat
  sig_population,     // log10(1 + population)
  sig_alias,          // reached by an alternate name
  sig_abbreviation,   // reached by a code or abbreviation ("Va.")
  sig_base_name,      // a division reached by its name without its type word ("Clark" for Clark County)
  sig_fuzzy,          // 1 + spelling distance of a fuzzy match
  sig_other_name,     // by an alternate name while another candidate bears the name as its own
  sig_named_country,  // its country is named elsewhere in the report (or by a division of it)
  sig_named_admin1,   // its first-level division is named elsewhere
  sig_focus,          // share of the report's other places in its country
  sig_near,           // other places of the report within 150 km (at most 2)
  sig_dateline,       // in the country of the report's dateline
  sig_actor,          // where an armed group the report names operates (1 its first country, 0.5 the next two)
  sig_outside,        // in none of the report's countries
  sig_focus_admin1,   // share of the report's other places in its first-level division
  sig_cluster,        // other names with a reading near it, whatever their guess (gazetteer/coherence.hpp)
  sig_count
};
std::string_view signal_name(Signal s);

// The weights resolution scores with. The defaults were fitted on the
// development sets (bench/gazetteer_tune.py; README "Gazetteer").
struct ResolveWeights {
  std::array<double, sig_count> signal{};   // candidate score = sum of weight x signal
  std::array<double, ev_count> evidence{};  // log-odds that a span is a place
  ResolveWeights();
};

// One candidate's signals and its score (what `sitmap geocode --context` prints).
struct CandidateSignals {
  uint32_t entry = 0;
  std::array<double, sig_count> value{};  // raw signals
  double total = 0;                       // weighted sum
};

// Gazetteer-driven recognition over capitalised spans, with context: cue
// words (in, near, south of, the city of), lists after them, qualifiers
// ("Paris, Texas"), and the not-a-place list (weekdays, people, aircraft,
// organisations, "IS"). A capitalised run that is only partly a place name
// ("Syrian Observatory for Human Rights", "Charlie Winter") is a name, not
// a place. Candidates come back unscored; resolve_toponyms scores them.
std::vector<Mention> recognize_toponyms(const Document& doc, const Segmented& seg, const Gazetteer& gaz, const Lexicon& lex);

// Scores every mention's candidates with the whole document: countries and
// divisions it names (and demonyms), the other places near each candidate,
// the document's focus country, the dateline's country, the countries of
// the armed groups it names, qualifiers, population and kind. Best
// candidate first. Then drops spans the evidence says are no place, and
// leaves unresolved (no candidates) a fuzzy or small namesake far from
// everything else the report names. "X's Y district" / "the Y district of
// X" keep only Y's entries inside X, else X itself (Mention::part_of).
void resolve_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc, const Segmented& seg,
                      const Lexicon& lex = Lexicon::builtin(), const ResolveWeights& weights = ResolveWeights());

// The signals of each candidate of mentions[i] as the last scoring pass saw
// them (resolve_toponyms runs first; this repeats its context).
std::vector<std::vector<CandidateSignals>> explain_resolution(const std::vector<Mention>& mentions, const Gazetteer& gaz,
                                                              const Document& doc, const Segmented& seg,
                                                              const Lexicon& lex = Lexicon::builtin(),
                                                              const ResolveWeights& weights = ResolveWeights());

// After scoring: every mention of one name gets one place, and a division
// named after its seat yields to the town unless the text says "province".
void settle_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc);

// Does the text itself say the span is a place ("Cesar province", "the town
// of Taji", "the capital, Sana")? Such a span is kept whatever it looks like.
bool named_as_place(const Mention& m, const Document& doc, const Lexicon& lex);

// Confidence in a mention's best candidate, 0..1, from its score margin.
double resolution_confidence(const Mention& m);

}  // namespace sitmap
