#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/place_words.hpp"

using namespace sitmap;

TEST_CASE("compass points: twelve names, their adjectives, cardinal and hyphenated") {
  CHECK(compass_points().size() == 12);
  CHECK(is_compass_point("north"));
  CHECK(is_compass_point("southwest"));
  CHECK(is_compass_point("north-east"));
  CHECK_FALSE(is_compass_point("northern"));  // an adjective, not a point
  CHECK_FALSE(is_compass_point("North"));     // callers lower-case
  CHECK_FALSE(is_compass_point("central"));
  CHECK_FALSE(is_compass_point("north east"));
  REQUIRE(compass_point_named("south-west") != nullptr);
  CHECK(compass_point_named("south-west")->hyphenated);
  CHECK(compass_point_named("south-west")->adjective == "south-western");
  CHECK_FALSE(compass_point_named("southwest")->hyphenated);
  CHECK(compass_point_named("west")->cardinal);
  CHECK_FALSE(compass_point_named("northwest")->cardinal);
  REQUIRE(compass_point_of_adjective("eastern") != nullptr);
  CHECK(compass_point_of_adjective("eastern")->name == "east");
  CHECK(compass_point_of_adjective("north-western")->name == "north-west");
  CHECK(compass_point_of_adjective("east") == nullptr);
  int cardinal = 0, hyphenated = 0;
  for (const CompassPoint& p : compass_points()) {
    cardinal += p.cardinal;
    hyphenated += p.hyphenated;
    CHECK(p.hyphenated == (p.name.find('-') != std::string_view::npos));
    CHECK(p.adjective.starts_with(p.name));
  }
  CHECK(cardinal == 4);
  CHECK(hyphenated == 4);
  CHECK(compass_points().front().name == "north");  // the cardinal points first
}

namespace {
std::set<std::string> words_read_in(DivisionWord::Use use) {
  std::set<std::string> out;
  for (const DivisionWord& d : division_words())
    if (d.uses & use) out.emplace(d.word);
  return out;
}
}  // namespace

TEST_CASE("division words: each phrase reads the words it always read") {
  using S = std::set<std::string>;
  CHECK(words_read_in(DivisionWord::after_name) ==
        S{"province", "governorate", "district", "county", "state", "region", "lga", "wilayat", "wilaya", "cercle", "circle"});
  CHECK(words_read_in(DivisionWord::of_name) ==
        S{"province", "governorate", "region", "state", "oblast", "district", "wilayat", "wilaya", "cercle"});
  CHECK(words_read_in(DivisionWord::aside) ==
        S{"province", "region", "district", "state", "governorate", "county", "department", "oblast", "wilayat", "wilaya", "cercle"});
  CHECK(words_read_in(DivisionWord::of_larger) == S{"province", "state", "region", "governorate", "oblast", "prefecture", "department"});
  CHECK(words_read_in(DivisionWord::capital) == S{"state", "province", "region"});
  CHECK(words_read_in(DivisionWord::seat_suffix) == S{"state", "province", "region", "governorate", "department", "oblast"});
  CHECK(words_read_in(DivisionWord::own_suffix) == S{"county", "district", "parish", "province", "municipality", "borough", "prefecture"});
  CHECK(words_read_in(DivisionWord::query_type) == S{"province", "governorate", "state", "region", "oblast", "prefecture", "county",
                                                     "parish", "district", "borough", "wilayat", "wilaya"});
  // Toponyms' type words after a name ("Cesar province"): not "lga", which a name only writes in capitals.
  CHECK(words_read_in(DivisionWord::place_noun) ==
        S{"province", "governorate", "region", "state", "district", "county", "wilayat", "wilaya", "cercle", "circle"});
  // Toponyms' capitalised words beside a name ("Gwoza LGA"): no department, prefecture, parish or borough.
  CHECK(words_read_in(DivisionWord::beside_name) == S{"province", "governorate", "region", "state", "oblast", "district", "county", "lga",
                                                      "municipality", "wilayat", "wilaya", "cercle", "circle"});
  // Toponyms' cues before a name ("the county of"): "county" too, unlike of_name.
  CHECK(words_read_in(DivisionWord::of_cue) == S{"province", "region", "state", "county"});
}

TEST_CASE("division words: lookups, levels, adjectives, titles") {
  CHECK(is_division_word("province", DivisionWord::aside));
  CHECK_FALSE(is_division_word("prefecture", DivisionWord::aside));
  CHECK_FALSE(is_division_word("Province", DivisionWord::aside));
  CHECK_FALSE(is_division_word("town", DivisionWord::after_name));
  CHECK(is_division_adjective("provincial"));
  CHECK(is_division_adjective("departmental"));
  CHECK_FALSE(is_division_adjective("department"));
  CHECK_FALSE(is_division_adjective(""));
  const std::set<std::string_view> second_level = {"district", "county",  "lga",    "parish", "municipality",
                                                   "borough",  "wilayat", "cercle", "circle"};
  std::vector<std::string> order;  // the order seat suffixes are stripped in
  for (const DivisionWord& d : division_words()) {
    CHECK(d.level == (second_level.count(d.word) ? 2 : 1));
    if (d.uses & DivisionWord::seat_suffix) order.emplace_back(d.title);
  }
  CHECK(order == std::vector<std::string>{"State", "Province", "Region", "Governorate", "Department", "Oblast"});
  const DivisionWord& county =
      *std::find_if(division_words().begin(), division_words().end(), [](const DivisionWord& d) { return d.word == "county"; });
  CHECK(ends_with_title("Queen Anne's County", county));
  CHECK_FALSE(ends_with_title("County", county));       // the word alone names no division
  CHECK_FALSE(ends_with_title("Hall-County", county));  // a space before it
  CHECK_FALSE(ends_with_title("Hall county", county));  // as a name writes it
}

TEST_CASE("street words: before and after a street's name, and a street's own ending") {
  CHECK(is_street_word("street"));
  CHECK(is_street_word("road"));
  CHECK_FALSE(is_street_word("city"));
  CHECK(is_street_prefix("avenida"));
  CHECK(
      is_street_prefix("pra\xC3\xA7"
                       "a"));  // "Praça"
  CHECK_FALSE(is_street_prefix("pra"));
  CHECK(has_street_ending("krystalgade"));
  CHECK(
      has_street_ending("hauptstra\xC3\x9F"
                        "e"));  // "Hauptstraße"
  CHECK(has_street_ending("drottninggatan"));
  CHECK_FALSE(has_street_ending("gade"));  // the ending alone is no street
  CHECK_FALSE(has_street_ending("baghdad"));
}
