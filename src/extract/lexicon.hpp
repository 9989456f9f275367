#pragma once
// The curated word lists extraction runs on (geodata/lexicon/, embedded at
// build time so the program needs no source tree).
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sitmap {

enum class TriggerStrength { strong, air, weak };

struct TriggerRule {
  std::vector<std::string> words;  // lower case, one per token
  std::string event_type, sub_event_type;
  TriggerStrength strength = TriggerStrength::strong;
};

struct ActorRule {
  std::vector<std::string> words;
  std::string actor;
};

struct Lexicon {
  std::vector<TriggerRule> triggers;     // longest phrases first
  std::vector<ActorRule> actors;         // longest phrases first
  std::unordered_set<std::string> not_places;  // folded
  std::vector<std::vector<std::string>> targets;
  std::unordered_set<std::string> given_names;  // as written: "Charlie"

  static const Lexicon& builtin();
  // Parses the four tables; throws std::runtime_error naming table and line.
  static Lexicon parse(std::string_view triggers, std::string_view actors, std::string_view not_places,
                       std::string_view targets, std::string_view given_names);
};

// Lower-case words of a phrase as the tokenizer would split it.
std::vector<std::string> phrase_words(std::string_view phrase);

}  // namespace sitmap
