#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "extract/confidence.hpp"

using namespace sitmap;

namespace {

Event dated_event(std::string type, uint32_t start) {
  Event e;
  e.sub_event_type = std::move(type);
  e.when.date = CivilDate{2024, 3, 5};
  e.document_id = "report";
  e.start = start;
  e.end = start + 40;
  e.location_start = start + 10;
  e.confidence = 0.7;
  e.trigger = "shelled";
  return e;
}

double feature(const ConfidenceFeatures& f, const std::string& name) {
  for (const auto& [n, v] : f)
    if (n == name) return v;
  return -1;
}

}  // namespace

TEST_CASE("confidence features: what an event's record and its report show") {
  std::vector<Event> events = {dated_event("Shelling/artillery/missile attack", 0), dated_event("Attack", 100),
                               dated_event("Shelling/artillery/missile attack", 300)};
  events[1].when.date.reset();
  events[1].location_start.reset();
  events[2].document_id = "another report";  // a feed's second item
  const auto f = confidence_features(events);
  REQUIRE(f.size() == 3);
  CHECK(feature(f[0], "type=Shelling/artillery/missile attack") == 1);
  CHECK(feature(f[0], "undated") == 0);
  CHECK(feature(f[1], "undated") == 1);
  CHECK(feature(f[1], "place_from_context") == 1);
  CHECK(feature(f[0], "first_in_report") == 1);
  CHECK(feature(f[1], "first_in_report") == 0);
  CHECK(feature(f[0], "rule_confidence") == doctest::Approx(0.7));
  // Two events in the first report, one of each type; the third is its own report's first.
  CHECK(feature(f[0], "events_in_report") == doctest::Approx(0.2));
  CHECK(feature(f[0], "same_type_in_report") == doctest::Approx(0.2));
  CHECK(feature(f[2], "first_in_report") == 1);
  CHECK(feature(f[2], "events_in_report") == doctest::Approx(0.1));
}

TEST_CASE("confidence model: a logistic model read from its table") {
  const ConfidenceModel m = ConfidenceModel::parse("# a comment\nbias\t-1\nundated\t-2\ntype=Attack\t3\n");
  CHECK(m.probability({}) == doctest::Approx(1 / (1 + std::exp(1.0))));
  CHECK(m.probability({{"type=Attack", 1}}) == doctest::Approx(1 / (1 + std::exp(-2.0))));
  CHECK(m.probability({{"undated", 1}}) < m.probability({}));
  CHECK(m.probability({{"a feature it never saw", 1}}) == m.probability({}));
  CHECK_THROWS_WITH_AS(ConfidenceModel::parse("bias\t0\nundated -2\n", "t.tsv"), "t.tsv:2: want 'feature<TAB>weight'", std::runtime_error);
  CHECK_THROWS_WITH_AS(ConfidenceModel::parse("undated\tlow\n", "t.tsv"), "t.tsv:1: weight 'low' is not a number", std::runtime_error);
  CHECK_THROWS_WITH_AS(ConfidenceModel::parse("undated\t1\nundated\t2\n", "t.tsv"), "t.tsv:2: feature 'undated' given twice",
                       std::runtime_error);
}

TEST_CASE("confidence: the fitted table knows every input the program gives") {
  // A feature renamed in the program but not refitted would silently weigh nothing.
  const ConfidenceModel& m = ConfidenceModel::builtin();
  std::vector<Event> events = {dated_event("Air/drone strike", 0)};
  events[0].fatalities = 3;
  const auto features = confidence_features(events);
  for (const auto& named : features.front()) CHECK_MESSAGE(m.knows(named.first), named.first);
  // What the fit learnt on our samples: an undated event, or one placed only in its country, is less likely right.
  Event undated = events[0], country_only = events[0];
  undated.when.date.reset();
  country_only.geo_precision = 3;
  const double p = m.probability(confidence_features(events).front());
  CHECK(m.probability(confidence_features({undated}).front()) < p);
  CHECK(m.probability(confidence_features({country_only}).front()) < p);
  std::vector<Event> calibrated = events;
  calibrate_confidence(calibrated);
  CHECK(calibrated[0].confidence == doctest::Approx(p).epsilon(0.01));
  CHECK(calibrated[0].confidence > 0);
  CHECK(calibrated[0].confidence < 1);
}
