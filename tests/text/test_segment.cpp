#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/segment.hpp"
#include "text/reader.hpp"

using namespace sitmap;

namespace {

std::vector<std::string> sentences(const std::string& t) {
  std::vector<std::string> out;
  for (const Sentence& s : segment(t).sentences) out.push_back(t.substr(s.start, s.end - s.start));
  return out;
}

std::vector<std::string> tokens(const std::string& t) {
  std::vector<std::string> out;
  for (const Token& tok : segment(t).tokens) out.emplace_back(token_text(t, tok));
  return out;
}

}  // namespace

TEST_CASE("sentences survive abbreviations, numbers and quotes") {
  const std::string t =
      "U.S. forces and Gen. Smith met on Jan. 5 in St. Louis. It cost 3.5 million dollars. "
      "\"We hit them,\" he said. Then it ended.";
  const auto s = sentences(t);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "U.S. forces and Gen. Smith met on Jan. 5 in St. Louis.");
  CHECK(s[1] == "It cost 3.5 million dollars.");
  CHECK(s[2] == "\"We hit them,\" he said.");
  CHECK(s[3] == "Then it ended.");
}

TEST_CASE("a line break ends a sentence (titles, bylines, wrapped wire copy); a blank line starts a paragraph") {
  const std::string t = "French jets strike Raqqa\nFrench jets struck the city on Sunday. Two were hit\n\nNo one was hurt.";
  const Segmented seg = segment(t);
  const auto s = sentences(t);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "French jets strike Raqqa");
  CHECK(s[1] == "French jets struck the city on Sunday.");
  CHECK(s[2] == "Two were hit");
  CHECK(s[3] == "No one was hurt.");
  CHECK(seg.sentences[0].paragraph_start);
  CHECK_FALSE(seg.sentences[1].paragraph_start);
  CHECK_FALSE(seg.sentences[2].paragraph_start);
  CHECK(seg.sentences[3].paragraph_start);
  // A period not followed by a capital, number or quote ends nothing.
  CHECK(sentences("He left at 5 p.m. and came back.").size() == 1);
}

TEST_CASE("tokens: words, numbers and punctuation as byte ranges, with their case") {
  const std::string t = "IS fighters killed 3.5 people in Ālbū Kamāl, officials said.";
  CHECK(tokens(t) ==
        std::vector<std::string>{"IS", "fighters", "killed", "3.5", "people", "in", "Ālbū", "Kamāl", ",", "officials", "said", "."});
  const Segmented seg = segment(t);
  CHECK(seg.tokens[0].all_caps);
  CHECK(seg.tokens[0].capitalized);
  CHECK_FALSE(seg.tokens[1].capitalized);
  CHECK(seg.tokens[3].kind == TokenKind::number);
  CHECK(seg.tokens[6].capitalized);  // Ā, not ASCII
  CHECK(seg.tokens[8].kind == TokenKind::punct);
  // Byte offsets: "Ālbū" is 6 bytes.
  CHECK(seg.tokens[6].end - seg.tokens[6].start == 6);
  REQUIRE(seg.sentences.size() == 1);
  CHECK(seg.sentences[0].first_token == 0);
  CHECK(seg.sentences[0].token_count == seg.tokens.size());
}

TEST_CASE("nothing to split, and bytes that are not UTF-8") {
  CHECK(segment("").sentences.empty());
  CHECK(segment("   \n\n  ").tokens.empty());
  const std::string bad = "Strikes hit \xff\xfe town.";
  const Segmented seg = segment(bad);
  CHECK_FALSE(seg.tokens.empty());
  for (const Token& tok : seg.tokens) {
    CHECK(tok.end > tok.start);
    CHECK(tok.end <= bad.size());
  }
}

TEST_CASE("an apostrophe between letters is part of a name, not before a clitic or in O'/D' surnames") {
  const std::string t = "Police in N'Djamena and Sana'a didn't say what O'Brien's men did.";
  const Segmented s = segment(t);
  std::vector<std::string> words;
  for (const Token& k : s.tokens) words.emplace_back(token_text(t, k));
  CHECK(std::find(words.begin(), words.end(), "N'Djamena") != words.end());
  CHECK(std::find(words.begin(), words.end(), "Sana'a") != words.end());
  CHECK(std::find(words.begin(), words.end(), "didn't") == words.end());
  CHECK(std::find(words.begin(), words.end(), "O'Brien") == words.end());
}

TEST_CASE("a time's 'a.m.' or 'p.m.' ends its sentence before a capital, but not before a day, a month or a time zone") {
  const std::string text =
      "The car reached the gate shortly before 9:30 a.m. One of them blew himself up. They met at 8 p.m. Monday and at "
      "6 a.m. GMT the next day.";
  const Segmented s = segment(text);
  REQUIRE(s.sentences.size() == 3);
  CHECK(text.substr(s.sentences[1].start, 10) == "One of the");
}

TEST_CASE("a hard-wrapped paragraph is one sentence; a title, a byline and a short line stay lines of their own") {
  const std::string wrapped =
      "A drone strike yesterday hit the main square of Finote Selam, the capital\n"
      "of West Gojjam zone, killing at least 26 people, a medical worker at the\n"
      "town's hospital told us by telephone this morning.\n";
  REQUIRE(segment(wrapped).sentences.size() == 1);
  // A long line wrapped before a capital: both lines long, no punctuation at the break.
  const std::string capital =
      "Gunmen on motorcycles opened fire on worshippers outside the mosque in\n"
      "Maiduguri on Friday evening, killing four people, the police said.\n";
  REQUIRE(segment(capital).sentences.size() == 1);
  const std::string head = "Mogadishu truck bomb toll passes 230 in Somalia's deadliest attack\nby Hassan Warsame\n\nText follows.";
  CHECK(segment(head).sentences.size() == 3);
  CHECK(segment("BULLETIN\nRoad closed near the bridge after the storm.\n").sentences.size() == 2);
}

TEST_CASE("a wrapped paragraph under a masthead is the body, not a standfirst") {
  const Document d = parse_plain_text(
      "VALLEY RADIO - ENGLISH SERVICE\n\nDrone strike on the town square\n\n"
      "A drone strike yesterday hit the main square of the town, the capital\nof the zone, killing at least 26 people, a nurse said.\n",
      "w", "w.txt");
  CHECK(d.summary.empty());
}
