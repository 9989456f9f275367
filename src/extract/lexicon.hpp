#pragma once
// The curated word lists extraction runs on (geodata/lexicon/, embedded at
// build time so the program needs no source tree).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/actors.hpp"

namespace sitmap {

// What a trigger word can state (geodata/lexicon/event_words.tsv explains each).
enum class EventClass : uint8_t {
  air,
  shell,
  explosive,
  suicide,
  grenade,
  chemical,
  bomb,
  strike,
  hit,
  pound,
  explode,
  blast,
  attack,
  raid,
  storm,
  ambush,
  shoot,
  kill,
  harm,
  die,
  massacre,
  clash,
  take,
  fall,
  retake,
  withdraw,
  abduct,
  sexual,
  arrest,
  destroy,
  protest,
  riot,
  campaign,
  light
};
EventClass event_class_from_name(std::string_view name);  // throws std::invalid_argument
std::string_view event_class_name(EventClass c);

struct EventWord {
  std::vector<std::string> words;  // lower case, one per token
  bool verb = false;               // else a noun (head of a noun group)
  EventClass cls = EventClass::attack;
};

// Word classes asked of an action's arguments (geodata/lexicon/roles.tsv).
enum class Role : uint8_t {
  weapon_air,
  weapon_shell,
  weapon_explosive,
  weapon_suicide,
  weapon_grenade,
  weapon_chemical,
  weapon_gun,
  armed,
  state_forces,
  police_forces,
  civilian,
  military_target,
  territory,
  sport,
  labour,
  market,
  disaster,
  abstract,
  figurative,
  intention,
  reaction,
  denial,
  speech,
  institution,
  title,
  office,
  place_of,
  protesters,
  mob,
  fiction,
  drill,
  riot_missile,
  count_
};
Role role_from_name(std::string_view name);  // throws std::invalid_argument

// Phrases of each role, found by the word they end on.
class RoleTable {
 public:
  void add(Role r, std::vector<std::string> phrase);
  // Does a phrase of role `r` end at words[end] (and lie within words[first..end])?
  bool ends_at(const std::vector<std::string>& words, size_t first, size_t end, Role r) const;
  // Is the longest phrase ending at words[end] (within words[first..end]) one of role `r`?
  // "a military camp" is a military target, not a civilian "camp"; "armed villagers" no civilians.
  bool longest_ends_at(const std::vector<std::string>& words, size_t first, size_t end, Role r) const;
  // Any phrase of `r` ending inside words[first..last]?
  bool any_in(const std::vector<std::string>& words, size_t first, size_t last, Role r) const;
  bool is(std::string_view word, Role r) const;  // a one-word phrase

 private:
  std::unordered_map<std::string, std::vector<std::pair<Role, std::vector<std::string>>>> by_last_;
};

struct Lexicon {
  std::vector<EventWord> event_words;                                         // longest phrases first
  std::unordered_map<std::string, std::vector<size_t>> event_words_by_first;  // first word -> indexes
  RoleTable roles;
  ActorTable actors;                           // armed groups, state forces, coalitions
  std::unordered_set<std::string> not_places;  // folded
  std::vector<std::vector<std::string>> targets;
  std::unordered_set<std::string> given_names;  // as written: "Charlie"

  static const Lexicon& builtin();
  struct Tables {
    std::string_view event_words, roles, actors, not_places, targets, given_names;
  };
  // Parses the tables; throws std::runtime_error naming table and line.
  static Lexicon parse(const Tables& t);

  // The longest event word starting at words[k] (verb or noun as asked);
  // nullptr when none.
  const EventWord* event_word_at(const std::vector<std::string>& words, size_t k, size_t end, bool verb) const;
};

// Lower-case words of a phrase as the tokenizer would split it.
std::vector<std::string> phrase_words(std::string_view phrase);

}  // namespace sitmap
