#pragma once
// An event's confidence: how likely it is right as coded (its type, its day
// and its place), from what its record and its report show. A logistic
// model fitted to the events of our labelled sample reports
// (tools/fit_confidence.py writes geodata/lexicon/event_confidence.tsv,
// embedded at build time); the hand-set score the extractor gives each
// event is one of its inputs. A probability, so that `--min-confidence`
// trades recall for precision in known steps and the store's
// 1 - prod(1 - c) over independent reports means what it says.
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/event.hpp"

namespace sitmap {

// Named inputs of one event (0/1 flags and values in 0..1).
using ConfidenceFeatures = std::vector<std::pair<std::string, double>>;

// The inputs of each event, in order; `events` are one report's.
std::vector<ConfidenceFeatures> confidence_features(const std::vector<Event>& events);

class ConfidenceModel {
 public:
  // "bias<TAB>w" and "feature<TAB>w" lines, "#" comments; throws
  // std::runtime_error naming the line of a bad one.
  static ConfidenceModel parse(std::string_view tsv, std::string_view source = "event_confidence.tsv");
  static const ConfidenceModel& builtin();
  double probability(const ConfidenceFeatures& features) const;
  bool knows(const std::string& feature) const { return weights_.count(feature) > 0; }

 private:
  double bias_ = 0;
  std::unordered_map<std::string, double> weights_;  // a feature it has no weight for counts 0
};

// Sets each event's confidence to the model's probability (two decimals);
// returns the inputs it read (what `sitmap extract --confidence-features` shows).
std::vector<ConfidenceFeatures> calibrate_confidence(std::vector<Event>& events, const ConfidenceModel& model = ConfidenceModel::builtin());

}  // namespace sitmap
