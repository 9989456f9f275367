// Paragraphs in capitals throughout (telex, flash alerts) get their case back.
#include <doctest/doctest.h>

#include <string>

#include "text/reader.hpp"
#include "text/unshout.hpp"
#include "text/words.hpp"

using namespace sitmap;

namespace {
std::string recased(std::string text) {
  unshout(text, WordTable::shared());
  return text;
}
}  // namespace

TEST_CASE("a shouted paragraph: known words lower case, names and calendar words capitalised, acronyms kept") {
  const std::string in = "GUNMEN SHOT DEAD THREE POLICEMEN AT A CHECKPOINT NEAR GROZNY ON THURSDAY, THE NAC SAID. MORE FOLLOWS.";
  const std::string out = recased(in);
  CHECK(out.size() == in.size());  // offsets stay valid
  CHECK(out == "Gunmen shot dead three policemen at a checkpoint near Grozny on Thursday, the NAC said. More follows.");
  // A hyphenated name's short part is no acronym.
  CHECK(recased("FIGHTING GOES ON IN DEIR EZ-ZOR PROVINCE, A MONITOR SAYS") == "Fighting goes on in Deir Ez-Zor province, a monitor says");
}

TEST_CASE("ordinary text and short capitals are left as written") {
  const std::string mixed = "BREAKING: Gunmen attack a police post in Grozny, officials say.";
  CHECK(recased(mixed) == mixed);
  CHECK(recased("UN, AU AND EU") == "UN, AU AND EU");  // under twenty letters: no paragraph to judge
  // Only the shouted paragraph changes.
  CHECK(recased("Gunmen attacked a post.\n\nTROOPS RETURNED FIRE ON THE ATTACKERS") ==
        "Gunmen attacked a post.\n\nTroops returned fire on the attackers");
}

TEST_CASE("a telex report reads like any other: its dateline, its words") {
  const Document d = parse_plain_text(
      "ZCZC\nURGENT\n\nGROZNY DEC 4 (KNS) - GUNMEN SHOT DEAD THREE POLICEMEN AT A CHECKPOINT ON THURSDAY, OFFICIALS SAID.\n", "t", "t.txt");
  REQUIRE(d.dateline.has_value());
  CHECK(d.dateline->agency == "KNS");
  CHECK(d.dateline->month == 12);
  CHECK(d.text.find("gunmen shot dead three policemen") != std::string::npos);
}

TEST_CASE("acronyms that spell a word and countries that name one keep their capitals") {
  CHECK(recased("US TROOPS AND UN SOLDIERS LEFT CHAD AND TURKEY ON MONDAY, OFFICIALS SAID") ==
        "US troops and UN soldiers left Chad and Turkey on Monday, officials said");
}
