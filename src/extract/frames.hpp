#pragma once
// Actions stated in one sentence, read off its chunks and clauses: the
// trigger, who did it, to whom, with what, and the phrases of its own clause
// that say where and when. Frames are what events are built from; one
// action told with several words ("launched air strikes that killed 12")
// becomes one frame with the others as its evidence.
#include <string>
#include <vector>

#include "core/document.hpp"
#include "extract/lexicon.hpp"
#include "text/chunker.hpp"
#include "text/segment.hpp"

namespace sitmap {

// One sentence as the frame reader sees it.
struct SentenceView {
  const Document& doc;
  const Segmented& seg;
  Sentence s;          // the sentence, without a dateline that opens it
  uint32_t index = 0;  // of the sentence in the document
  Parse parse;
  std::vector<std::string> words;     // lower case, per token of the sentence
  std::vector<std::string_view> raw;  // as written
  bool headline = false;

  SentenceView(const Document& d, const Segmented& g, uint32_t i, const Sentence& sentence, const WordTable& table, bool title);
  size_t size() const { return words.size(); }
  uint32_t token(size_t k) const { return s.first_token + static_cast<uint32_t>(k); }  // document token index
  const Chunk& chunk(int c) const { return parse.chunks[static_cast<size_t>(c)]; }
  void dump_chunks() const;
};

enum class Modality : uint8_t {
  asserted,      // it happened
  negated,       // "did not attack"
  hypothetical,  // "could strike", "threatened to attack", "plans for an offensive"
  reference,     // "after the attacks", "condemned the bombing": an action told elsewhere
  denied         // "denied shelling the town"
};

struct Frame {
  EventClass cls = EventClass::attack;
  bool verbal = false;
  int chunk = -1;                 // the trigger's chunk
  uint32_t first = 0, last = 0;   // trigger words, sentence-relative tokens
  int subject = -1, object = -1;  // noun chunks; for a passive verb the subject is what was hit
  int agent = -1;                 // "by X": who acted, for passives and nouns
  int governor = -1;              // nouns: the verb chunk whose subject, object or phrase they are
  std::vector<Parse::PrepPhrase> preps;
  bool passive = false;
  bool came_under = false;  // "came under fire/attack/shelling": the subject was the one fired on
  Modality modality = Modality::asserted;
  int host = -1;  // the frame this one is evidence for (index in the sentence's frames)
};

// Every trigger in the sentence as a frame, with evidence frames pointing
// at their host ("killed" in "an air strike killed 12", "carried out" in
// "carried out raids"). Frames come back in sentence order.
std::vector<Frame> read_frames(const SentenceView& v, const Lexicon& lex);

// Helpers the event builder shares.
// A plain English word capitalised inside a sentence is part of a name ("the Houston Rockets").
// The verb chunk before an infinitive in its clause or the one before it:
// "vowed to attack", "plans to strike", "tried to storm"; -1 when none.
int governing_verb_of_infinitive(const SentenceView& v, int c);
// "drove", "pushed", "expelled": verbs that take ground only as "drove the rebels out of Gao".
bool expelling_word(std::string_view w);
// "cleared", "clearing": the forms of "clear" (a town of fighters, a sit-in, a runway with tear gas, shops of goods).
bool clearing_word(std::string_view w);
// "threw", "hurled", "lobbed", "pelted": the verbs of throwing.
bool throwing_word(std::string_view w);
// The token of "from" (or "out" of "out of") in the few words after `verb`, before punctuation: "drove the
// rebels out of Gao"; -1 when none.
int out_of_after(const SentenceView& v, uint32_t verb);
bool common_word_as_name(const SentenceView& v, uint32_t k);
// "tear gas", "stun grenades", "rubber bullets", "water cannon" among tokens first..last of the sentence.
bool crowd_control(const SentenceView& v, uint32_t first, uint32_t last);
bool chunk_has_role(const SentenceView& v, const Lexicon& lex, int chunk, Role r);
// A relative clause about a noun of an "of" phrase ("the death of George Floyd, a Black man who died ..."):
// it tells who that was, not what the sentence's action did.
bool describes_noun_of(const SentenceView& v, int clause);
// Does a role phrase end on the chunk's head (its kind of thing)?
bool chunk_is(const SentenceView& v, const Lexicon& lex, int chunk, Role r);

}  // namespace sitmap
