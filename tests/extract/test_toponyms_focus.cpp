// Resolution classes of issue 12 (places: a local paper's own region), in
// sentences we wrote: a report that never names its state still names
// towns and counties that lie together, and their namesakes elsewhere do not.
#include <doctest/doctest.h>

#include <optional>

#include "core/geo.hpp"
#include "toponym_fixture.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {
void check_in(const std::vector<Mention>& ms, std::string_view name, std::string_view admin1) {
  const auto p = place_of(ms, name);
  REQUIRE_MESSAGE(p.has_value(), name << " unresolved or no mention");
  CHECK_MESSAGE(p->country_code == "US", name);
  CHECK_MESSAGE(p->admin1 == admin1, name << " is in " << p->admin1);
}
}  // namespace

TEST_CASE("a town and the county it lies in are read together, though each has likelier namesakes alone") {
  // Alone, Gainesville is Florida's and Hall County Nebraska's; the one
  // Gainesville inside a Hall County is in Georgia.
  const auto ms = resolved(
      "A new jail planned for downtown Gainesville drew questions from Hall County commissioners on Tuesday. "
      "The Hall County sheriff said the Gainesville site was the cheapest one offered.");
  check_in(ms, "Gainesville", "Georgia");
  check_in(ms, "Hall County", "Georgia");
}

TEST_CASE("three small towns a school report names lie in one state") {
  const auto ms = resolved("The Lexington school board will cut staff at schools in Gaston and Swansea next year.");
  check_in(ms, "Lexington", "South Carolina");
  check_in(ms, "Gaston", "South Carolina");
  check_in(ms, "Swansea", "South Carolina");
}

TEST_CASE("small towns that stand near each other support each other as places") {
  // No cue before Delano or Watertown, and each is a small town of many
  // namesakes: only their lying together says they are places at all.
  const auto ms = resolved("Wrestlers from Delano and Watertown met in Montgomery on Saturday, and the Delano team won.");
  check_in(ms, "Delano", "Minnesota");
  check_in(ms, "Watertown", "Minnesota");
  check_in(ms, "Montgomery", "Minnesota");
}

TEST_CASE("a country's or division's code in capitals is a place on its own; a word, a state's short code or an era is none") {
  // "us" is an English word, "US" in capitals the country.
  const auto us = resolved("The soldier returned to the US on Friday after a tour in Liberia.");
  const auto country = place_of(us, "US");
  REQUIRE(country.has_value());
  CHECK(country->kind == PlaceKind::country);
  CHECK(country->country_code == "US");
  const auto nsw = place_of(resolved("Horse movements in NSW were restricted after the outbreak near Sydney."), "NSW");
  REQUIRE(nsw.has_value());
  CHECK(nsw->kind == PlaceKind::admin1);
  CHECK(nsw->country_code == "AU");
  check_in(resolved("Schools across S.C. closed on Monday, the governor said in Columbia."), "Columbia", "South Carolina");
  const auto none = resolved("The temple was built in 300 B.C. and the ACT said IN the park the statue stands.");
  CHECK_FALSE(place_of(none, "B.C.").has_value());
  CHECK_FALSE(place_of(none, "ACT").has_value());
  CHECK_FALSE(place_of(none, "IN").has_value());
}

TEST_CASE("'hometown of', 'the state of' and 'the county of' are place cues") {
  // Without the cue a one-word town of 40,000 with no other place near it was dropped.
  const auto tikrit = place_of(resolved("He was caught near his hometown of Tikrit in December."), "Tikrit");
  REQUIRE(tikrit.has_value());
  CHECK(tikrit->country_code == "IQ");
}

TEST_CASE("a list of countries closed by 'and the' is a list: no item qualifies the one before it") {
  // "China, Japan" alone reads as "Paris, Texas": a town named China in Japan.
  const auto china = place_of(resolved("Several governments, among them China, Japan, and the United Kingdom, urged caution."), "China");
  REQUIRE(china.has_value());
  CHECK(china->kind == PlaceKind::country);
  CHECK(china->country_code == "CN");
}

TEST_CASE("a division that shares its name with bigger towns is no likelier for being a division") {
  // Richmond is also a Jamaican parish of 2,000 people, Mansfield an
  // Australian shire of 6,000: neither outranks the towns of those names.
  const auto richmond = place_of(resolved("A Richmond native will play the drums on national television this week."), "Richmond");
  REQUIRE(richmond.has_value());
  CHECK(richmond->country_code == "US");
  CHECK(richmond->population > 100000);
  const auto mansfield = place_of(resolved("The Mansfield council will vote today on a parking plan."), "Mansfield");
  REQUIRE(mansfield.has_value());
  CHECK(mansfield->country_code != "AU");
  CHECK(mansfield->population > 20000);
}

TEST_CASE("towns near each other are read together unless the name is a country or a division bigger than its towns") {
  // Portland is also a Jamaican parish, smaller than the Portlands of Oregon
  // and Maine: its towns still follow their neighbours.
  check_in(resolved("Crews from Westbrook and Falmouth helped Portland firefighters on Tuesday."), "Portland", "Maine");
  // Yala is a Thai province bigger than its town: "Yala province" stays the
  // province though the town lies nearer Raman.
  const auto yala =
      place_of(resolved("A man was shot at a rubber plantation in the Raman district of Yala province, police said."), "Yala");
  REQUIRE(yala.has_value());
  CHECK(yala->kind == PlaceKind::admin1);
}

TEST_CASE("names with a title, an elided article or a Romance connector inside are recognised whole") {
  const auto ms = resolved(
      "Ducks were tested in Queen Anne's County and on Prince Edward Island, and cases came from Rio Grande do Sul and "
      "Côte d'Ivoire.");
  const auto queen_annes = place_of(ms, "Queen Anne's County");
  REQUIRE(queen_annes.has_value());
  CHECK(queen_annes->admin1 == "Maryland");
  const auto pei = place_of(ms, "Prince Edward Island");
  REQUIRE(pei.has_value());
  CHECK(pei->kind == PlaceKind::admin1);
  const auto rio = place_of(ms, "Rio Grande do Sul");
  REQUIRE(rio.has_value());
  CHECK(rio->kind == PlaceKind::admin1);
  const auto ivory = place_of(ms, "Côte d'Ivoire");
  REQUIRE(ivory.has_value());
  CHECK(ivory->country_code == "CI");
  // A title before a person's name still makes no place.
  CHECK_FALSE(place_of(resolved("Queen Elizabeth met Prince Charles on Monday."), "Prince Charles").has_value());
}

TEST_CASE("a country whose name is also a word ('china', 'turkey') is the country when written with its capital") {
  const auto ms = resolved("The area borders Turkey, where twelve cases were confirmed; China reported its eleventh case.");
  const auto turkey = place_of(ms, "Turkey");
  REQUIRE(turkey.has_value());
  CHECK(turkey->country_code == "TR");
  const auto china = place_of(ms, "China");
  REQUIRE(china.has_value());
  CHECK(china->country_code == "CN");
}

TEST_CASE("a bearing before a state or country is a part of it, not the village that bears the whole name") {
  // There is a town called East Texas in Pennsylvania.
  const auto texas = place_of(resolved("He spoke at an East Texas meeting in Tyler on Monday."), "East Texas");
  REQUIRE(texas.has_value());
  CHECK(texas->kind == PlaceKind::admin1);
  CHECK(texas->admin1 == "Texas");
  // A bearing that is part of a name of its own stays that name.
  const auto carolina = place_of(resolved("Storms hit North Carolina on Monday."), "North Carolina");
  REQUIRE(carolina.has_value());
  CHECK(carolina->admin1 == "North Carolina");
}

TEST_CASE("a county called a county lies in the state the report names, though its namesake has the likelier neighbours") {
  // Manito is an Illinois village a few miles from Illinois's Mason County; the
  // report names West Virginia, which has a Mason County too.
  const auto ms = resolved("A truck from Manito overturned on a Mason County road on Friday, West Virginia state police said.");
  check_in(ms, "Mason County", "West Virginia");
  // A bare name that reaches a county only by its base name is not pulled to the county by the state.
  const auto houston = place_of(resolved("Traffic in Houston slowed as Texas troopers closed the highway."), "Houston");
  REQUIRE(houston.has_value());
  CHECK(houston->kind == PlaceKind::city);
}

TEST_CASE("an item of a list of states is a state, though alone the name is likelier a city") {
  const auto ms = resolved("Health officials reported new cases in Idaho, Washington and Montana on Monday.");
  const auto washington = place_of(ms, "Washington");
  REQUIRE(washington.has_value());
  CHECK(washington->kind == PlaceKind::admin1);
  CHECK(washington->country_code == "US");
  // "Washington, D.C." closing a list is the city its qualifier names.
  const auto dc = place_of(resolved("Visitors came from as far as Ohio and Washington, D.C. to see the show."), "Washington");
  REQUIRE(dc.has_value());
  CHECK(dc->kind == PlaceKind::city);
  // A town listed with the divisions around it is the town: Washington state lies far from Maryland and Virginia.
  const auto region = resolved("Commuters in Washington, Maryland and Virginia faced long delays after the storm on Monday.");
  const auto capital = place_of(region, "Washington");
  REQUIRE(capital.has_value());
  CHECK(capital->kind == PlaceKind::city);
  const auto virginia = place_of(region, "Virginia");
  REQUIRE(virginia.has_value());
  CHECK(virginia->kind == PlaceKind::admin1);
  const auto state = place_of(resolved("Schools in Oregon and Washington closed early on Monday."), "Washington");
  REQUIRE(state.has_value());
  CHECK(state->kind == PlaceKind::admin1);
}

TEST_CASE("a district of a named place is never put on a namesake of that place, nor on a namesake of its own far away") {
  // Sumatra is an island here; a Florida village called Sumatra is no town the district is part of.
  const auto kab = place_of(resolved("Six farmers fell ill in the Kabanjahe district of Sumatra in Indonesia last week."), "Kabanjahe");
  REQUIRE(kab.has_value());
  CHECK(kab->country_code == "ID");
  // Iraq's only other Adhamiyah in the gazetteer lies 400 km north: the text says the district is in Baghdad.
  const auto adh = place_of(resolved("Gunmen attacked a market in the Adhamiyah district of Baghdad on Sunday."), "Adhamiyah");
  REQUIRE(adh.has_value());
  CHECK(haversine_km(adh->point, GeoPoint{33.34, 44.40}) < 40);
}

TEST_CASE("'X City' and 'City of X' are the town X the report is about, wherever that X is") {
  // "Dublin City" alone is only Ireland's; the bare name, qualified by its state, says which Dublin.
  const auto dublin = resolved("Members of Dublin City Council voted on Monday to widen two roads in Dublin, Ohio, next year.");
  check_in(dublin, "Dublin City", "Ohio");
  check_in(dublin, "Dublin", "Ohio");
  const auto richmond = resolved(
      "Richmond will pave Main Street, the City of Richmond said on Friday. Richmond lies south of Lexington in Madison County, Kentucky.");
  check_in(richmond, "City of Richmond", "Kentucky");
  // A bare name that is a state is no town the longer name is of.
  const auto kc = resolved("Fans drove from Kansas to Kansas City for the game on Sunday.");
  const auto kansas = place_of(kc, "Kansas");
  const auto kansas_city = place_of(kc, "Kansas City");
  REQUIRE(kansas.has_value());
  REQUIRE(kansas_city.has_value());
  CHECK(kansas->kind == PlaceKind::admin1);
  CHECK(kansas_city->kind == PlaceKind::city);
}

TEST_CASE("a name its division shares with its seat is told apart by its neighbours as any town's is") {
  // Alexandria is also an Egyptian governorate named after the city; "Alexandria City" and Durant
  // (small towns of many namesakes) put this Alexandria in Virginia.
  const auto ms = resolved(
      "Candidates for the Alexandria City School Board met parents on Wednesday. The gap in Alexandria has grown, "
      "and the new board in Alexandria must close it, said a teacher in Durant.");
  for (const Mention& m : ms)
    if (m.text == "Alexandria") {
      REQUIRE_FALSE(m.candidates.empty());
      CHECK(gaz().place(m.candidates.front().entry).admin1 == "Virginia");
    }
  check_in(ms, "Alexandria", "Virginia");
}

TEST_CASE("a run with a given name second is a person's whole name, and its last word alone is that person later") {
  const auto ms = resolved(
      "Grand jurors in Alexandria indicted Rodney Eric Smith on Monday. Smith will be sent back to Virginia, where Smith faces trial.");
  for (const Mention& m : ms) CHECK_MESSAGE(m.text != "Smith", "Smith read as a place");
  check_in(ms, "Alexandria", "Virginia");
  // A country before a person's name is still the country ("the ambassador to Egypt Dan ...").
  const auto egypt = place_of(resolved("The former ambassador to Egypt Dan Morgan spoke in Boston on Friday."), "Egypt");
  REQUIRE(egypt.has_value());
  CHECK(egypt->kind == PlaceKind::country);
}

TEST_CASE("items of a list before 'counties' or 'provinces' are each one of those divisions") {
  const auto ms = resolved("Flood warnings were posted for Dakota, Otoe and Washington counties in Nebraska on Tuesday.");
  for (std::string_view name : {"Dakota", "Otoe", "Washington"}) {
    const auto p = place_of(ms, name);
    REQUIRE_MESSAGE(p.has_value(), name << " unresolved or dropped");
    CHECK_MESSAGE(p->kind == PlaceKind::admin2, name);
    CHECK_MESSAGE(p->admin1 == "Nebraska", name << " is in " << p->admin1);
  }
  const auto zw = resolved("Cholera spread in the Manicaland, Midlands and Masvingo provinces of Zimbabwe.");
  const auto midlands = place_of(zw, "Midlands");
  REQUIRE(midlands.has_value());
  CHECK(midlands->kind == PlaceKind::admin1);
  CHECK(midlands->country_code == "ZW");
  // A list without the plural is no such list: "Washington" beside towns stays what the report makes it.
  const auto dc = place_of(resolved("Flights from Omaha and Washington were delayed on Tuesday."), "Washington");
  REQUIRE(dc.has_value());
  CHECK(dc->kind != PlaceKind::admin2);
}

TEST_CASE("a village far smaller than a namesake city is not put in the report's state by the state's name alone") {
  // Indiana has a village called Denver; nothing near it is named, so the city is meant.
  const auto denver = place_of(resolved("A teacher from Indiana won a national award in Denver on Friday."), "Denver");
  REQUIRE(denver.has_value());
  CHECK(denver->admin1 == "Colorado");
  const auto boston = place_of(resolved("Boston will host the race again, a spokesman said in Albany, N.Y., on Monday."), "Boston");
  REQUIRE(boston.has_value());
  CHECK(boston->admin1 == "Massachusetts");
  // The big namesake abroad counts only where the report is about its country too.
  const auto ms = resolved("Two fans from Ohio drove to Toronto for the hockey game against Montreal on Saturday.");
  const auto toronto = place_of(ms, "Toronto");
  REQUIRE(toronto.has_value());
  CHECK(toronto->country_code == "CA");
  // With no big namesake in play, the state the report names still decides among small towns.
  const auto paris = place_of(resolved("Troopers closed a road near Paris after a crash, Illinois state police said."), "Paris");
  REQUIRE(paris.has_value());
  CHECK(paris->admin1 == "Illinois");
}

TEST_CASE("an ocean's or a region's name that a small town or a county also bears is the ocean, unless the text qualifies the town") {
  // The report's country would vouch for Pacific County or Pacific, Missouri; no country vouches for the ocean.
  const auto ms = resolved("Birds that winter on the Pacific side of Alaska carry the virus, US officials said.");
  const auto pacific = place_of(ms, "Pacific");
  REQUIRE(pacific.has_value());
  CHECK(pacific->kind == PlaceKind::sea);
  const auto town = place_of(resolved("Flooding closed the bridge in Pacific, Missouri, on Monday."), "Pacific");
  REQUIRE(town.has_value());
  CHECK(town->kind == PlaceKind::city);
  CHECK(town->admin1 == "Missouri");
}

TEST_CASE("a big city named by its exonym is the city, not a village that bears the name as its own") {
  // Cologne is Köln's English name, and a Lombard village's own: the city is a hundred times its size.
  const auto cologne = place_of(resolved("Two men were arrested in the city of Cologne on Monday, police said."), "Cologne");
  REQUIRE(cologne.has_value());
  CHECK(cologne->country_code == "DE");
  // A name a country bears is the country, though its capital is also called by it.
  const auto mexico = place_of(resolved("Fans travelled to Mexico for the match on Sunday."), "Mexico");
  REQUIRE(mexico.has_value());
  CHECK(mexico->kind == PlaceKind::country);
  // The village the text qualifies keeps its reading.
  const auto village = place_of(resolved("Flooding closed the bridge in Cologne, Minnesota, on Monday."), "Cologne");
  REQUIRE(village.has_value());
  CHECK(village->country_code == "US");
}

TEST_CASE("a small county elsewhere that bears a landmark's name is no place in a story about another country") {
  // Hong Kong's Victoria Park is not in the gazetteer; Perth's Victoria Park (a county of 33,000) is.
  const auto ms = resolved(
      "Police in Hong Kong fired tear gas at protesters on Wednesday. On Sunday, a march went from Victoria Park in Causeway Bay "
      "to the legislature in Hong Kong.");
  const auto park = place_of(ms, "Victoria Park");
  CHECK_FALSE((park.has_value() && park->country_code == "AU"));
}

TEST_CASE("two villages of one foreign country do not vouch for each other against the report's firm places") {
  // La Fortaleza (the governor's mansion) and Las Américas are also villages of Mexico; the report
  // is in San Juan, Puerto Rico, and names nothing of Mexico that is more than a village.
  const auto ms = resolved(
      "Protests at La Fortaleza enter a second week. Several thousand people marched to La Fortaleza, the governor's mansion in "
      "San Juan, Puerto Rico, on Monday. Others blocked the Las Américas expressway.",
      true);
  for (const Mention& m : ms) {
    if (m.candidates.empty()) continue;
    CHECK_MESSAGE(gaz().place(m.candidates.front().entry).country_code != "MX", m.text);
  }
  const auto sj = place_of(ms, "San Juan");
  REQUIRE(sj.has_value());
  CHECK(sj->country_code == "PR");
}
