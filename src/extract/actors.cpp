#include "extract/actors.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

#include "core/event.hpp"
#include "core/event_types.hpp"
#include "core/fold.hpp"
#include "extract/lexicon.hpp"
#include "text/segment.hpp"

namespace sitmap {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep))
    if (!part.empty()) out.push_back(part);
  return out;
}

bool has_capital(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Country names ACLED writes with an article.
std::string with_article(std::string_view name) {
  static const char* const the[] = {"United States",
                                    "United Kingdom",
                                    "United Arab Emirates",
                                    "Philippines",
                                    "Netherlands",
                                    "Central African Republic",
                                    "Democratic Republic of Congo",
                                    "Democratic Republic of the Congo",
                                    "Gambia",
                                    "Bahamas",
                                    "Comoros",
                                    "Maldives"};
  for (const char* t : the)
    if (name == t) return "the " + std::string(name);
  return std::string(name);
}

}  // namespace

ActorTable ActorTable::parse(std::string_view tsv) {
  ActorTable t;
  std::istringstream in{std::string(tsv)};
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    std::string field;
    while (std::getline(fields, field, '\t')) f.push_back(field);
    if (f.size() < 4) throw std::runtime_error("lexicon armed_actors.tsv:" + std::to_string(n) + ": want 4 or 5 fields");
    ArmedActor a;
    a.name = f[0];
    a.kind = f[1];
    a.countries = split(f[2], ',');
    if (f.size() > 4) a.parent = f[4];
    const size_t index = t.actors_.size();
    t.by_name_[a.name] = index;
    t.actors_.push_back(std::move(a));
    for (const std::string& alias : split(f[3], '|')) {
      Alias al;
      al.exact_case = has_capital(alias);
      al.actor = index;
      for (const std::string& w : phrase_words(alias)) al.words.push_back(w);
      if (al.exact_case) {  // the words as written, for a case-sensitive match
        al.words.clear();
        const Segmented s = segment(alias);
        for (const Token& tok : s.tokens) al.words.emplace_back(token_text(alias, tok));
      }
      if (al.words.empty()) continue;
      t.by_first_[ascii_lower(al.words.front())].push_back(std::move(al));
    }
  }
  for (auto& [first, aliases] : t.by_first_)
    std::stable_sort(aliases.begin(), aliases.end(), [](const Alias& a, const Alias& b) { return a.words.size() > b.words.size(); });
  return t;
}

const ArmedActor* ActorTable::match(const std::vector<std::string>& lower, const std::vector<std::string_view>& raw, size_t k, size_t end,
                                    size_t* len, const std::unordered_set<std::string>* redefined) const {
  if (k >= lower.size()) return nullptr;
  auto it = by_first_.find(lower[k]);
  if (it == by_first_.end()) return nullptr;
  for (const Alias& al : it->second) {
    if (k + al.words.size() > std::min(end, lower.size())) continue;
    if (al.words.size() == 1 && redefined && redefined->count(lower[k])) continue;
    bool ok = true;
    for (size_t i = 0; i < al.words.size() && ok; ++i) ok = al.exact_case ? raw[k + i] == al.words[i] : lower[k + i] == al.words[i];
    if (!ok) continue;
    if (len) *len = al.words.size();
    return &actors_[al.actor];
  }
  return nullptr;
}

std::unordered_set<std::string> ActorTable::acronyms_defined_otherwise(const std::vector<std::string>& lower,
                                                                       const std::vector<std::string_view>& raw) const {
  std::unordered_set<std::string> out;
  for (size_t k = 1; k + 1 < raw.size(); ++k) {
    const std::string_view a = raw[k];
    const bool acronym = a.size() >= 2 && a.size() <= 6 && std::all_of(a.begin(), a.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!acronym || raw[k - 1] != "(" || raw[k + 1] != ")") continue;
    size_t len = 0;
    const ArmedActor* table = match(lower, raw, k, k + 1, &len);
    if (!table || len != 1) continue;
    // The name before the bracket, up to eight words: the table's actor by another alias keeps the table's sense.
    bool same = false;
    for (size_t j = k - 1 >= 8 ? k - 9 : 0; j + 1 < k && !same; ++j) same = match(lower, raw, j, k - 1) == table;
    if (!same) out.insert(lower[k]);
  }
  return out;
}

const ArmedActor* ActorTable::find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? nullptr : &actors_[it->second];
}

std::string military_forces_of(std::string_view country_name) { return "Military Forces of " + with_article(country_name); }
std::string police_forces_of(std::string_view country_name) { return "Police Forces of " + with_article(country_name); }

void name_unnamed_sides(Event& e) {
  if (e.country.empty()) return;
  const std::string& t = e.sub_event_type;
  auto fill = [&](std::string& side, std::string_view kind) {
    if (side.empty()) side = generic_actor_of(kind, e.country);
  };
  // The state's forces read as the doer of a gathering they met: its second side.
  const bool forces_first = e.actor1.rfind("Police Forces of", 0) == 0 || e.actor1.rfind("Military Forces of", 0) == 0;
  if (t == "Peaceful protest" || t == "Protest with intervention") {
    // "Police fired tear gas at protesters": the protest is the event, the police its second side.
    if (t == "Protest with intervention" && forces_first && e.actor2.empty()) std::swap(e.actor1, e.actor2);
    fill(e.actor1, "Protesters");
  } else if (t == "Excessive force against protesters") {
    fill(e.actor2, "Protesters");
  } else if (t == "Violent demonstration" || t == "Mob violence") {
    // "Protesters clashed with police": the rioters riot, the police are the side they met.
    if (forces_first && e.actor2.empty()) std::swap(e.actor1, e.actor2);
    fill(e.actor1, "Rioters");
  } else if (t == "Attack" || t == "Abduction/forced disappearance" || t == "Sexual violence") {
    fill(e.actor1, "Unidentified Armed Group");
    fill(e.actor2, "Civilians");
  } else if (t == "Suicide bomb" || t == "Remote explosive/landmine/IED" || t == "Grenade") {
    fill(e.actor1, "Unidentified Armed Group");
  }
}

}  // namespace sitmap
