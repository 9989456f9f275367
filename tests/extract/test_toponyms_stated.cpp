// Resolution classes of issue 12 (namesakes without context, fuzzy matches
// that jump continents), in sentences we wrote: the text says which country
// or division a town lies in, and the gazetteer's namesakes elsewhere must
// not win; a word of a longer name the gazetteer lacks is no far place.
#include <doctest/doctest.h>

#include "toponym_fixture.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {
// Every mention of `name` is unresolved, or lies in `country`.
void none_outside(const std::vector<Mention>& ms, std::string_view name, std::string_view country) {
  for (const Mention& m : ms)
    if (m.text == name && !m.candidates.empty())
      CHECK_MESSAGE(gaz().place(m.candidates.front().entry).country_code == country,
                    name << " resolved to " << gaz().place(m.candidates.front().entry).name << ", "
                         << gaz().place(m.candidates.front().entry).country_code);
}
}  // namespace

TEST_CASE("an appositive that puts a town in a country rules out its namesakes abroad, in every mention") {
  const auto ms = resolved(
      "Gunmen stormed Palma, a fishing town in northern Mozambique, before dawn on Monday. "
      "By Tuesday most families had left Palma by boat.");
  none_outside(ms, "Palma", "MZ");
  const auto mz = place_of(ms, "Mozambique");
  REQUIRE(mz.has_value());
  CHECK(mz->country_code == "MZ");
}

TEST_CASE("a people's word before the place noun says the town's country") {
  const auto ms = resolved("Soldiers raided the cattle market in the northern Malian town of Moura on Sunday, officials in Bamako said.");
  none_outside(ms, "Moura", "ML");
}

TEST_CASE("the items of a list followed by 'in' a country are in that country") {
  const auto ms = resolved("Militants raided Bosso and Diffa in south-eastern Niger overnight, the army said.");
  none_outside(ms, "Bosso", "NE");
  none_outside(ms, "Diffa", "NE");
  const auto diffa = place_of(ms, "Diffa");
  REQUIRE(diffa.has_value());
}

TEST_CASE("a country's possessive and a comma qualifier tie a town to it") {
  none_outside(resolved("Mozambique's Palma was quiet on Friday, three days after the raid."), "Palma", "MZ");
  none_outside(resolved("The convoy reached Moura, Mali, late on Tuesday after two days on the road."), "Moura", "ML");
}

TEST_CASE("a namesake inside the stated division wins over a likelier one abroad") {
  const auto ms = resolved("Floodwater cut the highway into Moura, a small town in central Queensland, on Thursday.");
  const auto p = place_of(ms, "Moura");
  REQUIRE(p.has_value());
  CHECK(p->country_code == "AU");
}

TEST_CASE("a capital said to act in a country is not put inside it, and 'Congo' holds either Congo") {
  const auto moscow = place_of(resolved("Diplomats questioned the role of Moscow in Syria at the talks on Monday."), "Moscow");
  REQUIRE(moscow.has_value());
  CHECK(moscow->country_code == "RU");
  const auto goma = place_of(resolved("Aid trucks reached Goma, Congo, on Monday after the road reopened."), "Goma");
  REQUIRE(goma.has_value());
  CHECK(goma->country_code == "CD");
}

TEST_CASE("a word of a longer name the gazetteer lacks does not jump to a far namesake") {
  // "Lac" alone is a Chadian province; here it opens a camp's name near Goma.
  none_outside(resolved("Shells fell on the Lac Vert camp near Goma on Friday, aid workers in North Kivu said."), "Lac", "CD");
  // "Buulo" alone reaches a Somali town 200 km away by another of its names.
  const auto ms = resolved("Fighters overran the base at Buulo Mareer, a day's drive from Mogadishu, on Friday.");
  CHECK_FALSE(place_of(ms, "Buulo").has_value());
}

TEST_CASE("'in X state' names the division, by whatever name the gazetteer has it, not the country of that name") {
  // "Niger" alone is the country; "Niger state" is a Nigerian division.
  const auto ms = resolved("Gunmen seized pupils from a school in Kagara, in neighbouring Niger state, last week.");
  const auto p = place_of(ms, "Kagara");
  REQUIRE(p.has_value());
  CHECK(p->country_code == "NG");
}
