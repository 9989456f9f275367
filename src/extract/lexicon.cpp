#include "extract/lexicon.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "core/fold.hpp"
#include "text/segment.hpp"

namespace sitmap {
namespace embedded {  // geodata/lexicon/*, embedded by cmake/EmbedFiles.cmake
std::string_view triggers_tsv();
std::string_view actors_tsv();
std::string_view not_places_txt();
std::string_view targets_txt();
std::string_view given_names_txt();
}  // namespace embedded

std::vector<std::string> phrase_words(std::string_view phrase) {
  const Segmented s = segment(phrase);
  std::vector<std::string> out;
  for (const Token& t : s.tokens) {
    out.push_back(ascii_lower(token_text(phrase, t)));
  }
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

Lexicon Lexicon::parse(std::string_view triggers, std::string_view actors, std::string_view not_places,
                       std::string_view targets, std::string_view given_names) {
  Lexicon lex;
  for (const auto& [line, f] : rows(triggers)) {
    if (f.size() < 4) throw std::runtime_error("lexicon triggers.tsv:" + std::to_string(line) + ": want 4 fields");
    TriggerStrength s = f[3] == "strong" ? TriggerStrength::strong : f[3] == "air" ? TriggerStrength::air
                        : f[3] == "weak" ? TriggerStrength::weak
                                         : throw std::runtime_error("lexicon triggers.tsv:" + std::to_string(line) +
                                                                    ": strength must be strong, air or weak");
    for (const auto& p : alternatives(f[0])) lex.triggers.push_back({phrase_words(p), f[1], f[2], s});
  }
  for (const auto& [line, f] : rows(actors)) {
    if (f.size() < 2) throw std::runtime_error("lexicon actors.tsv:" + std::to_string(line) + ": want 2 fields");
    for (const auto& p : alternatives(f[0])) lex.actors.push_back({phrase_words(p), f[1]});
  }
  for (const auto& [line, f] : rows(not_places)) lex.not_places.insert(fold_name(f[0]));
  for (const auto& [line, f] : rows(targets)) lex.targets.push_back(phrase_words(f[0]));
  for (const auto& [line, f] : rows(given_names)) {
    std::istringstream words(f[0]);
    std::string w;
    while (words >> w) lex.given_names.insert(w);
  }
  auto longest_first = [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); };
  std::stable_sort(lex.triggers.begin(), lex.triggers.end(), longest_first);
  std::stable_sort(lex.actors.begin(), lex.actors.end(), longest_first);
  std::stable_sort(lex.targets.begin(), lex.targets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return lex;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex =
      parse(embedded::triggers_tsv(), embedded::actors_tsv(), embedded::not_places_txt(), embedded::targets_txt(),
            embedded::given_names_txt());
  return lex;
}

}  // namespace sitmap
