// The lexicon's tables as the parser reads them: rows, alternatives,
// longest phrases first, errors naming table and line; and the built-in
// tables load.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/fold.hpp"
#include "extract/lexicon.hpp"

using namespace sitmap;

namespace {

Lexicon small(std::string_view event_words, std::string_view roles = "") {
  return Lexicon::parse({event_words, roles, "", "# none\nIS\nAl Jazeera\n", "command post\narms depot\n", "Charlie Alice\nBob\n"});
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("lexicon: event words, their alternatives, longest first") {
  const Lexicon lex = small("# forms\tpos\tclass\nbomb|bombed\tv\tbomb\nair strike|air strikes\tn\tair\nstrike\tn\tstrike\n");
  REQUIRE(lex.event_words.size() == 5);
  CHECK(lex.event_words.front().words.size() == 2);  // "air strike" before the one-word forms
  const Words sentence = phrase_words("Coalition air strikes bombed Raqqa");
  CHECK(sentence == Words{"coalition", "air", "strikes", "bombed", "raqqa"});
  const EventWord* air = lex.event_word_at(sentence, 1, sentence.size(), false);
  REQUIRE(air);
  CHECK(air->cls == EventClass::air);
  CHECK(air->words == Words{"air", "strikes"});
  CHECK(lex.event_word_at(sentence, 1, sentence.size(), true) == nullptr);  // a noun, not a verb
  CHECK(lex.event_word_at(sentence, 1, 2, false) == nullptr);               // does not fit before `end`
  const EventWord* bombed = lex.event_word_at(sentence, 3, sentence.size(), true);
  REQUIRE(bombed);
  CHECK(bombed->cls == EventClass::bomb);
  CHECK(lex.event_word_at(sentence, 4, sentence.size(), true) == nullptr);
  CHECK(lex.event_word_at(sentence, 9, sentence.size(), true) == nullptr);
}

TEST_CASE("lexicon: roles end at a word, inside a span") {
  const Lexicon lex = small("", "weapon_air\tjets|fighter jets\nsport\tteam\n");
  const Words w = phrase_words("French fighter jets and the team");
  CHECK(lex.roles.ends_at(w, 0, 2, Role::weapon_air));
  CHECK(lex.roles.ends_at(w, 2, 2, Role::weapon_air));  // "jets" alone also fits
  CHECK_FALSE(lex.roles.ends_at(w, 0, 1, Role::weapon_air));
  CHECK(lex.roles.any_in(w, 0, 5, Role::sport));
  CHECK_FALSE(lex.roles.any_in(w, 0, 4, Role::sport));
  CHECK(lex.roles.is("team", Role::sport));
  CHECK_FALSE(lex.roles.is("fighter", Role::weapon_air));
}

TEST_CASE("lexicon: the word lists, folded or as written") {
  const Lexicon lex = small("");
  CHECK(lex.not_places.count("is") == 1);
  CHECK(lex.not_places.count(fold_name("Al-Jazeera")) == 1);  // folded as names are: "jazeera"
  REQUIRE(lex.targets.size() == 2);
  CHECK(lex.given_names.count("Alice") == 1);
  CHECK(lex.given_names.count("Bob") == 1);
}

TEST_CASE("lexicon: a bad row names its table and line") {
  CHECK_THROWS_WITH_AS(small("# h\nbomb\tv\n"), "lexicon event_words.tsv:2: want 3 fields (forms, v|n, class)", std::runtime_error);
  CHECK_THROWS_WITH_AS(small("bomb\tx\tbomb\n"), "lexicon event_words.tsv:1: part of speech must be v or n", std::runtime_error);
  CHECK_THROWS_WITH_AS(small("bomb\tv\tboom\n"), "lexicon event_words.tsv:1: unknown event class 'boom'", std::runtime_error);
  CHECK_THROWS_WITH_AS(small("", "weapon\tjets\n"), "lexicon roles.tsv:1: unknown role 'weapon'", std::runtime_error);
  CHECK(event_class_name(event_class_from_name("retake")) == "retake");
  CHECK_THROWS_AS(role_from_name("nothing"), std::invalid_argument);
}

TEST_CASE("lexicon: the built-in tables load") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(lex.event_words.size() > 100);
  CHECK_FALSE(lex.not_places.empty());
  CHECK_FALSE(lex.targets.empty());
  CHECK_FALSE(lex.given_names.empty());
  const Words w = phrase_words("warplanes bombed the town");
  CHECK(lex.event_word_at(w, 1, w.size(), true) != nullptr);
}
