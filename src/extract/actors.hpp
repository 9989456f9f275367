#pragma once
// Who acts: the curated table of armed groups, state forces and coalitions
// (geodata/lexicon/armed_actors.tsv, embedded at build time) and the rules
// that name an actor the table does not list ("French troops" -> Military
// Forces of France, "gunmen" -> Unidentified Armed Group (Nigeria)).
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sitmap {

struct ArmedActor {
  std::string name;                    // ACLED-style canonical name
  std::string kind;                    // state, state_militia, rebel, political_militia, identity_militia, coalition, private, unidentified
  std::vector<std::string> countries;  // ISO alpha-2 where it operates, most important first
  std::string parent;
  bool state() const { return kind == "state" || kind == "state_militia"; }
};

class ActorTable {
 public:
  // Parses armed_actors.tsv; throws std::runtime_error naming the line.
  static ActorTable parse(std::string_view tsv);

  // The actor whose alias starts at token k (lower-case words and the raw
  // tokens, for aliases written with capitals: "IS", "JeM") and ends before
  // `end`; the longest alias wins. nullptr when none; *len gets its tokens.
  // One-word aliases in `redefined` (lower case) are the report's own names, not the table's.
  const ArmedActor* match(const std::vector<std::string>& lower, const std::vector<std::string_view>& raw, size_t k, size_t end,
                          size_t* len = nullptr, const std::unordered_set<std::string>* redefined = nullptr) const;
  // The one-word aliases a report spells out as something else than the table's actor: "the Pan-African
  // National Party (PNP)" is no police force, whatever the table's PNP is. Lower case.
  std::unordered_set<std::string> acronyms_defined_otherwise(const std::vector<std::string>& lower,
                                                             const std::vector<std::string_view>& raw) const;
  const ArmedActor* find(std::string_view name) const;
  size_t size() const { return actors_.size(); }

 private:
  struct Alias {
    std::vector<std::string> words;  // lower case, or as written when exact_case
    bool exact_case = false;
    size_t actor = 0;
  };
  std::vector<ArmedActor> actors_;
  std::unordered_map<std::string, std::vector<Alias>> by_first_;  // first word, lower case
  std::unordered_map<std::string, size_t> by_name_;
};

// ACLED's names for a country's forces: "Military Forces of the United
// States", "Police Forces of Nigeria".
std::string military_forces_of(std::string_view country_name);
std::string police_forces_of(std::string_view country_name);

struct Event;

// The sides ACLED names when a report names none, by the event's type and
// country: protesters who demonstrate, rioters who riot or form a mob,
// civilians who are attacked, an unidentified armed group that sets off a
// bomb or takes people. A side already named stays; no country, no name.
void name_unnamed_sides(Event& e);

}  // namespace sitmap
