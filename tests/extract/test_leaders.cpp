// Leaders named with a title bound the year of a dateline that writes none
// (our own sentences; the table is geodata/lexicon/leaders.tsv).
#include <doctest/doctest.h>

#include <string>

#include "extract/leaders.hpp"
#include "extract/pipeline.hpp"
#include "text/reader.hpp"

using namespace sitmap;

TEST_CASE("the leaders table parses and knows terms") {
  const LeaderTable& t = LeaderTable::builtin();
  CHECK(t.size() > 1000);
  const auto* harper = t.terms_of("stephen harper");
  REQUIRE(harper != nullptr);
  CHECK(harper->front().from == 2006);
  CHECK(harper->front().to == 2015);
  // A row that is not six fields is an error naming its line.
  CHECK_THROWS_WITH(LeaderTable::parse("# head\nSomeone\tXX\tpresident\t2001\n"), doctest::Contains("leaders.tsv:2"));
  CHECK_THROWS_WITH(LeaderTable::parse("Someone\tXX\tpresident\t2009\t2001\t\n"), doctest::Contains("ends before it begins"));
}

TEST_CASE("leaders named with a title bound the years; former, vice and conflicting ones do not") {
  const LeaderTable t = LeaderTable::parse(
      "Ana Ruiz\tXX\tpresident\t2008\t2016\tRuiz\nBo Lind\tXX\tprime_minister\t2013\t2014\tLind\n"
      "Carl Ode\tXX\tpresident\t2017\t\tOde\n");
  const auto both = years_of_named_leaders("President Ana Ruiz met Prime Minister Lind's cabinet.", t, 2026);
  REQUIRE(both);
  CHECK(both(2013));
  CHECK(both(2014));
  CHECK_FALSE(both(2015));  // Ruiz still, Lind no longer
  CHECK_FALSE(years_of_named_leaders("Former President Ruiz spoke.", t, 2026));
  CHECK_FALSE(years_of_named_leaders("Vice President Ruiz spoke.", t, 2026));
  CHECK_FALSE(years_of_named_leaders("Mr Ruiz spoke.", t, 2026));                     // no title
  CHECK_FALSE(years_of_named_leaders("President Ruiz met President Ode.", t, 2026));  // no common year: no bound
  const auto ongoing = years_of_named_leaders("President Carl Ode spoke.", t, 2026);
  REQUIRE(ongoing);
  CHECK(ongoing(2026));
  CHECK_FALSE(ongoing(2016));
}

TEST_CASE("a year-less dateline takes a year the leaders it names held office") {
  // 24 March fell on a Monday in 2014 and in 2025; Stephen Harper was prime minister in 2014 only.
  const Document d = parse_plain_text(
      "Ottawa\n\nOTTAWA, March 24 (CP) - Police fired tear gas at protesters outside Parliament in Ottawa early Monday, and Prime Minister "
      "Stephen Harper said the law would be enforced.\n",
      "r", "r.txt");
  REQUIRE(d.published.has_value());
  const Analysis a = analyse(d, Gazetteer::open_default());
  REQUIRE(!a.events.empty());
  CHECK(a.events[0].when.date->year == 2014);
  REQUIRE(!a.warnings.empty());
  CHECK(a.warnings[0].find("held office") != std::string::npos);
}

TEST_CASE("a foreign minister named with a title bounds the years; a deputy does not") {
  const LeaderTable t = LeaderTable::parse("Dan Vesk\tXX\tforeign_minister\t2011\t2013\tVesk\nAna Ruiz\tXX\tpresident\t2008\t2016\tRuiz\n");
  const auto fm = years_of_named_leaders("Foreign Minister Vesk condemned the attack, and President Ruiz sent condolences.", t, 2026);
  REQUIRE(fm);
  CHECK(fm(2012));
  CHECK_FALSE(fm(2014));
  CHECK_FALSE(years_of_named_leaders("Deputy Foreign Minister Vesk condemned the attack.", t, 2026));
  // The built-in table knows foreign ministers too.
  const auto* lavrov = LeaderTable::builtin().terms_of("sergei lavrov");
  REQUIRE(lavrov != nullptr);
  CHECK(lavrov->front().from == 2004);
}
