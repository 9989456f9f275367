// The whole chain (segment, toponyms, resolution, events) on the fixture
// gazetteer: what a report says comes out as records whose places are the
// fixture's own entries.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "extract/pipeline.hpp"
#include "fixture_gazetteer.hpp"

using namespace sitmap;
using sitmap::test::fixture_gazetteer;

namespace {

Document report(const std::string& text) {
  Document doc;
  doc.id = "r";
  doc.text = text;
  doc.published = CivilDate{2015, 11, 16};
  return doc;
}

}  // namespace

TEST_CASE("pipeline on the fixture gazetteer: a strike on a town, its place, date and actor") {
  const Gazetteer& gaz = fixture_gazetteer();
  const Document doc = report("French jets bombed Raqqa on Sunday, destroying a command post, the ministry said.");
  const Analysis a = analyse(doc, gaz);
  const auto raqqa = std::find_if(a.mentions.begin(), a.mentions.end(), [](const Mention& m) { return m.text == "Raqqa"; });
  REQUIRE(raqqa != a.mentions.end());
  REQUIRE_FALSE(raqqa->candidates.empty());
  CHECK(gaz.place(raqqa->candidates.front().entry).geonameid == 163345u);
  REQUIRE(a.events.size() == 1);
  const Event& e = a.events.front();
  CHECK(e.sub_event_type == "Air/drone strike");
  CHECK(e.location == "Ar Raqqah");
  CHECK(e.country_code == "SY");
  CHECK(e.when.date == CivilDate{2015, 11, 15});  // the Sunday before publication
  CHECK(e.actor1.find("France") != std::string::npos);
  CHECK(e.document_id == "r");
  CHECK(doc.text.substr(e.trigger_start, e.trigger_end - e.trigger_start) == e.trigger);
}

TEST_CASE("pipeline on the fixture gazetteer: a qualifier picks the namesake") {
  const Gazetteer& gaz = fixture_gazetteer();
  const Document doc = report("A gunman opened fire at a school in Paris, Texas, on Saturday, police said.");
  const Analysis a = analyse(doc, gaz);
  const auto paris = std::find_if(a.mentions.begin(), a.mentions.end(), [](const Mention& m) { return m.text == "Paris"; });
  REQUIRE(paris != a.mentions.end());
  REQUIRE_FALSE(paris->candidates.empty());
  CHECK(gaz.place(paris->candidates.front().entry).country_code == "US");
}

TEST_CASE("pipeline on the fixture gazetteer: the geoparse line keeps its contract") {
  const Gazetteer& gaz = fixture_gazetteer();
  const Document doc = report("Russian warplanes struck Raqqa again.");
  const Analysis a = analyse(doc, gaz);
  const nlohmann::json line = geoparse_json(doc, a.mentions, gaz);
  CHECK(line["id"] == "r");
  bool found = false;
  for (const auto& t : line["toponyms"])
    if (t["text"] == "Raqqa") {
      found = true;
      CHECK(t["start"] == doc.text.find("Raqqa"));
      CHECK(t["end"] == doc.text.find("Raqqa") + 5);
      CHECK(t["country"] == "SY");
      CHECK(t["geonameid"] == 163345);
      CHECK(t["lat"].get<double>() == doctest::Approx(35.95283));
    }
  CHECK(found);
}

TEST_CASE("pipeline: locate_places resolves the places analyse does, and extracts no events") {
  const Gazetteer& gaz = fixture_gazetteer();
  const Document doc = report("French jets bombed Raqqa on Sunday after a gunman opened fire in Paris, Texas.");
  const Analysis full = analyse(doc, gaz);
  const Analysis places = locate_places(doc, gaz);
  CHECK_FALSE(full.events.empty());
  CHECK(places.events.empty());
  REQUIRE(places.mentions.size() == full.mentions.size());
  for (size_t i = 0; i < places.mentions.size(); ++i) {
    CHECK(places.mentions[i].start == full.mentions[i].start);
    REQUIRE(places.mentions[i].candidates.size() == full.mentions[i].candidates.size());
    if (!places.mentions[i].candidates.empty())
      CHECK(places.mentions[i].candidates.front().entry == full.mentions[i].candidates.front().entry);
  }
}
