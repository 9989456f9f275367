#pragma once
// Part-of-speech tags for a sentence's tokens: the word table's tags (most
// frequent first), our closed-class list, suffixes for unknown words, then
// a few contextual rules written for news prose ("the attack" is a noun,
// "were killed" a participle, "IS attacks Kobane" a verb). Deterministic,
// about a microsecond a token.
#include <string_view>
#include <vector>

#include "text/segment.hpp"
#include "text/words.hpp"

namespace sitmap {

// One tag per token of the sentence (index 0 = the sentence's first token).
// Pieces of one word share its tag: "Syria 's" -> NNP POS POS, "did n't" ->
// VBD RB RB, "U.S. - led" -> JJ JJ JJ. `title_case` is for headlines, where
// capitals do not mark names.
std::vector<Pos> tag_sentence(std::string_view text, const Segmented& seg, const Sentence& s, const WordTable& words,
                              bool title_case = false);

// Forms of "be" and "have" (lower case), which the chunker needs too.
bool is_be_form(std::string_view lower_word);
bool is_have_form(std::string_view lower_word);
// "each", "both", "all" after the things they count ("drones, each carrying explosives").
bool floating_quantifier(std::string_view lower_word);

}  // namespace sitmap
