#include "extract/confidence.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace sitmap {

namespace embedded {
std::string_view event_confidence_tsv();
}

namespace {

double share(double n, double of) { return std::min(n, of) / of; }

size_t words_in(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

// What an event's report holds besides it.
struct Report {
  uint32_t first_start = UINT32_MAX, last_end = 1;
  size_t events = 0;
  std::map<std::string_view, size_t> of_type;
};

std::string named(std::string_view what, std::string_view value) {
  std::string name(what);
  name += '=';
  name += value;
  return name;
}

ConfidenceFeatures features_of(const Event& e, const Report& report) {
  const auto flag = [](bool b) { return b ? 1.0 : 0.0; };
  return {
      {named("type", e.sub_event_type), 1.0},
      {named("geo_precision", std::to_string(e.geo_precision)), 1.0},
      {named("time_precision", std::to_string(e.when.precision)), 1.0},
      {"background", flag(e.background)},
      {"undated", flag(!e.when.date)},
      {"no_actor", flag(e.actor1.empty())},
      {"no_second_actor", flag(e.actor2.empty())},
      {"fatalities_unknown", flag(!e.fatalities)},
      {"fatalities_some", flag(e.fatalities.value_or(0) > 0)},
      {"place_from_context", flag(!e.location_start)},
      {"bearing_or_distance", flag(!e.geo_relation.empty())},
      {"several_sentences", flag(e.evidence_count > 1)},
      {"quantities", flag(!e.quantities.empty())},
      {"targets", flag(!e.targets.empty())},
      {"rule_confidence", e.confidence},
      {"position_in_report", static_cast<double>(e.start) / report.last_end},
      {"first_in_report", flag(e.start == report.first_start)},
      {"events_in_report", share(static_cast<double>(report.events), 10)},
      {"same_type_in_report", share(static_cast<double>(report.of_type.at(e.sub_event_type)), 5)},
      {"trigger_words", share(static_cast<double>(words_in(e.trigger)), 4)},
  };
}

}  // namespace

std::vector<ConfidenceFeatures> confidence_features(const std::vector<Event>& events) {
  std::map<std::string_view, Report> reports;  // a feed's items are reports of their own
  for (const Event& e : events) {
    Report& r = reports[e.document_id];
    r.first_start = std::min(r.first_start, e.start);
    r.last_end = std::max(r.last_end, e.end);
    ++r.events;
    ++r.of_type[e.sub_event_type];
  }
  std::vector<ConfidenceFeatures> out;
  out.reserve(events.size());
  for (const Event& e : events) out.push_back(features_of(e, reports.at(e.document_id)));
  return out;
}

ConfidenceModel ConfidenceModel::parse(std::string_view tsv, std::string_view source) {
  ConfidenceModel m;
  size_t line_number = 0;
  for (size_t at = 0; at < tsv.size();) {
    const size_t end = std::min(tsv.find('\n', at), tsv.size());
    const std::string_view line = tsv.substr(at, end - at);
    at = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    const auto bad = [&](const std::string& why) {
      return std::runtime_error(std::string(source) + ":" + std::to_string(line_number) + ": " + why);
    };
    if (tab == std::string_view::npos || tab == 0) throw bad("want 'feature<TAB>weight'");
    const std::string name(line.substr(0, tab)), value(line.substr(tab + 1));
    size_t used = 0;
    double w = 0;
    try {
      w = std::stod(value, &used);
    } catch (const std::exception&) { used = 0; }
    if (used == 0 || used != value.size() || !std::isfinite(w)) throw bad("weight '" + value + "' is not a number");
    if (name == "bias")
      m.bias_ = w;
    else if (!m.weights_.emplace(name, w).second)
      throw bad("feature '" + name + "' given twice");
  }
  return m;
}

const ConfidenceModel& ConfidenceModel::builtin() {
  static const ConfidenceModel model = parse(embedded::event_confidence_tsv());
  return model;
}

double ConfidenceModel::probability(const ConfidenceFeatures& features) const {
  double z = bias_;
  for (const auto& [name, value] : features)
    if (const auto w = weights_.find(name); w != weights_.end()) z += w->second * value;
  return 1 / (1 + std::exp(-z));
}

std::vector<ConfidenceFeatures> calibrate_confidence(std::vector<Event>& events, const ConfidenceModel& model) {
  std::vector<ConfidenceFeatures> features = confidence_features(events);
  for (size_t i = 0; i < events.size(); ++i) events[i].confidence = std::round(model.probability(features[i]) * 100) / 100;
  return features;
}

}  // namespace sitmap
