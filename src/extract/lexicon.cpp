#include "extract/lexicon.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <stdexcept>

#include "core/fold.hpp"
#include "text/segment.hpp"

namespace sitmap {
namespace embedded {  // geodata/lexicon/*, embedded by cmake/EmbedFiles.cmake
std::string_view event_words_tsv();
std::string_view roles_tsv();
std::string_view armed_actors_tsv();
std::string_view not_places_txt();
std::string_view targets_txt();
std::string_view given_names_txt();
}  // namespace embedded

std::vector<std::string> phrase_words(std::string_view phrase) {
  const Segmented s = segment(phrase);
  std::vector<std::string> out;
  for (const Token& t : s.tokens) { out.push_back(ascii_lower(token_text(phrase, t))); }
  return out;
}

namespace {
std::vector<std::pair<size_t, std::vector<std::string>>> rows(std::string_view table) {
  std::vector<std::pair<size_t, std::vector<std::string>>> out;
  std::istringstream in{std::string(table)};
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream f(line);
    std::string field;
    while (std::getline(f, field, '\t')) fields.push_back(field);
    out.emplace_back(n, fields);
  }
  return out;
}

std::vector<std::string> alternatives(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string a;
  while (std::getline(in, a, '|'))
    if (!a.empty()) out.push_back(a);
  return out;
}
}  // namespace

constexpr std::array<std::string_view, 34> kClassNames = {
    "air",    "shell",    "explosive", "suicide", "grenade", "chemical", "bomb",    "strike", "hit",      "pound", "explode", "blast",
    "attack", "raid",     "storm",     "ambush",  "shoot",   "kill",     "harm",    "die",    "massacre", "clash", "take",    "fall",
    "retake", "withdraw", "abduct",    "sexual",  "arrest",  "destroy",  "protest", "riot",   "campaign", "light"};
constexpr std::array<std::string_view, static_cast<size_t>(Role::count_)> kRoleNames = {"weapon_air",
                                                                                        "weapon_shell",
                                                                                        "weapon_explosive",
                                                                                        "weapon_suicide",
                                                                                        "weapon_grenade",
                                                                                        "weapon_chemical",
                                                                                        "weapon_gun",
                                                                                        "armed",
                                                                                        "state_forces",
                                                                                        "police_forces",
                                                                                        "civilian",
                                                                                        "military_target",
                                                                                        "territory",
                                                                                        "sport",
                                                                                        "labour",
                                                                                        "market",
                                                                                        "disaster",
                                                                                        "abstract",
                                                                                        "figurative",
                                                                                        "intention",
                                                                                        "reaction",
                                                                                        "denial",
                                                                                        "speech",
                                                                                        "institution",
                                                                                        "title",
                                                                                        "office",
                                                                                        "place_of",
                                                                                        "protesters",
                                                                                        "mob",
                                                                                        "fiction",
                                                                                        "drill",
                                                                                        "riot_missile"};

EventClass event_class_from_name(std::string_view name) {
  for (size_t i = 0; i < kClassNames.size(); ++i)
    if (kClassNames[i] == name) return static_cast<EventClass>(i);
  throw std::invalid_argument("unknown event class '" + std::string(name) + "'");
}

std::string_view event_class_name(EventClass c) { return kClassNames[static_cast<size_t>(c)]; }

Role role_from_name(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i)
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  throw std::invalid_argument("unknown role '" + std::string(name) + "'");
}

void RoleTable::add(Role r, std::vector<std::string> phrase) {
  if (phrase.empty()) return;
  const std::string last = phrase.back();
  by_last_[last].emplace_back(r, std::move(phrase));
}

bool RoleTable::ends_at(const std::vector<std::string>& words, size_t first, size_t end, Role r) const {
  if (end >= words.size()) return false;
  auto it = by_last_.find(words[end]);
  if (it == by_last_.end()) return false;
  for (const auto& [role, phrase] : it->second) {
    if (role != r || phrase.size() > end + 1 - first) continue;
    if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<long>(end + 1 - phrase.size()))) return true;
  }
  return false;
}

bool RoleTable::longest_ends_at(const std::vector<std::string>& words, size_t first, size_t end, Role r) const {
  if (end >= words.size()) return false;
  auto it = by_last_.find(words[end]);
  if (it == by_last_.end()) return false;
  size_t mine = 0, others = 0;
  for (const auto& [role, phrase] : it->second) {
    if (phrase.size() > end + 1 - first) continue;
    if (!std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<long>(end + 1 - phrase.size()))) continue;
    (role == r ? mine : others) = std::max(role == r ? mine : others, phrase.size());
  }
  return mine > 0 && mine >= others;
}

bool RoleTable::any_in(const std::vector<std::string>& words, size_t first, size_t last, Role r) const {
  for (size_t k = first; k <= last && k < words.size(); ++k)
    if (ends_at(words, first, k, r)) return true;
  return false;
}

bool RoleTable::is(std::string_view word, Role r) const {
  auto it = by_last_.find(std::string(word));
  if (it == by_last_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const auto& e) { return e.first == r && e.second.size() == 1; });
}

Lexicon Lexicon::parse(const Tables& t) {
  Lexicon lex;
  for (const auto& [line, f] : rows(t.event_words)) {
    const std::string where = "lexicon event_words.tsv:" + std::to_string(line);
    if (f.size() < 3) throw std::runtime_error(where + ": want 3 fields (forms, v|n, class)");
    if (f[1] != "v" && f[1] != "n") throw std::runtime_error(where + ": part of speech must be v or n");
    EventClass cls;
    try {
      cls = event_class_from_name(f[2]);
    } catch (const std::invalid_argument& e) { throw std::runtime_error(where + ": " + e.what()); }
    for (const auto& p : alternatives(f[0])) lex.event_words.push_back({phrase_words(p), f[1] == "v", cls});
  }
  for (const auto& [line, f] : rows(t.roles)) {
    const std::string where = "lexicon roles.tsv:" + std::to_string(line);
    if (f.size() < 2) throw std::runtime_error(where + ": want 2 fields (class, words)");
    Role r;
    try {
      r = role_from_name(f[0]);
    } catch (const std::invalid_argument& e) { throw std::runtime_error(where + ": " + e.what()); }
    for (const auto& p : alternatives(f[1])) lex.roles.add(r, phrase_words(p));
  }
  lex.actors = ActorTable::parse(t.actors);
  for (const auto& [line, f] : rows(t.not_places)) lex.not_places.insert(fold_name(f[0]));
  for (const auto& [line, f] : rows(t.targets)) lex.targets.push_back(phrase_words(f[0]));
  for (const auto& [line, f] : rows(t.given_names)) {
    std::istringstream words(f[0]);
    std::string w;
    while (words >> w) lex.given_names.insert(w);
  }
  auto longest_first = [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); };
  std::stable_sort(lex.event_words.begin(), lex.event_words.end(), longest_first);
  for (size_t i = 0; i < lex.event_words.size(); ++i) lex.event_words_by_first[lex.event_words[i].words.front()].push_back(i);
  std::stable_sort(lex.targets.begin(), lex.targets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return lex;
}

const EventWord* Lexicon::event_word_at(const std::vector<std::string>& words, size_t k, size_t end, bool verb) const {
  if (k >= words.size()) return nullptr;
  auto it = event_words_by_first.find(words[k]);
  if (it == event_words_by_first.end()) return nullptr;
  for (size_t i : it->second) {  // longest first
    const EventWord& w = event_words[i];
    if (w.verb != verb || k + w.words.size() > std::min(end, words.size())) continue;
    if (std::equal(w.words.begin(), w.words.end(), words.begin() + static_cast<long>(k))) return &w;
  }
  return nullptr;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex = parse({embedded::event_words_tsv(), embedded::roles_tsv(), embedded::armed_actors_tsv(),
                                    embedded::not_places_txt(), embedded::targets_txt(), embedded::given_names_txt()});
  return lex;
}

}  // namespace sitmap
