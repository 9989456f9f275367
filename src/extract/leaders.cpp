#include "extract/leaders.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/fold.hpp"

namespace sitmap {
namespace embedded {
std::string_view leaders_tsv();
}  // namespace embedded

LeaderTable LeaderTable::parse(std::string_view tsv) {
  LeaderTable t;
  std::istringstream in{std::string(tsv)};
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    if (line.back() == '\t') f.emplace_back();
    const auto year = [&](const std::string& s) {
      if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        throw std::runtime_error("leaders.tsv:" + std::to_string(n) + ": a year is 4 digits, not '" + s + "'");
      return std::stoi(s);
    };
    if (f.size() != 6) throw std::runtime_error("leaders.tsv:" + std::to_string(n) + ": 6 tab-separated fields expected");
    const Term term{year(f[3]), f[4].empty() ? 0 : year(f[4])};
    if (term.to && term.to < term.from) throw std::runtime_error("leaders.tsv:" + std::to_string(n) + ": the term ends before it begins");
    std::set<std::string> keys = {fold_name(f[0])};
    std::istringstream aliases(f[5]);
    for (std::string a; std::getline(aliases, a, '|');)
      if (!a.empty()) keys.insert(fold_name(a));
    for (const std::string& k : keys)
      if (!k.empty()) t.by_name_[k].push_back(term);
    ++t.rows_;
  }
  return t;
}

const LeaderTable& LeaderTable::builtin() {
  static const LeaderTable table = parse(embedded::leaders_tsv());
  return table;
}

const std::vector<LeaderTable::Term>* LeaderTable::terms_of(const std::string& folded) const {
  auto it = by_name_.find(folded);
  return it == by_name_.end() ? nullptr : &it->second;
}

namespace {

bool upper_at(std::string_view s, size_t i) { return i < s.size() && std::isupper(static_cast<unsigned char>(s[i])); }

// The words of a name after a title: capitalised words, and the particles
// names carry inside them ("Abdel Fattah al-Sisi", "Mohammed bin Salman").
std::vector<std::string_view> name_words(std::string_view text, size_t at) {
  std::vector<std::string_view> out;
  while (out.size() < 5 && at < text.size()) {
    size_t end = at;
    while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '-' || text[end] == '\'' ||
                                 static_cast<unsigned char>(text[end]) >= 0x80))
      ++end;
    std::string_view w = text.substr(at, end - at);
    // "President Omar al-Bashir's party": the possessive ends the name.
    const bool possessive = w.ends_with("'s") || w.ends_with("\xE2\x80\x99s");
    if (possessive) w.remove_suffix(w.ends_with("'s") ? 2 : 4);
    const bool particle = w == "bin" || w == "ibn" || w == "al" || w == "de" || w == "van" || w == "von" || w == "da" || w == "del";
    if (w.empty() ||
        (!upper_at(w, 0) && !particle && !w.starts_with("al-") && !w.starts_with("el-") && static_cast<unsigned char>(w[0]) < 0x80))
      break;
    out.push_back(w);
    if (possessive || end >= text.size() || text[end] != ' ') break;
    at = end + 1;
  }
  while (!out.empty() && !upper_at(out.back(), 0) && static_cast<unsigned char>(out.back()[0]) < 0x80 &&
         out.back().find('-') == std::string_view::npos)
    out.pop_back();  // a trailing particle belongs to no name
  return out;
}

constexpr std::string_view kTitles[] = {"President ", "Prime Minister ", "Premier ", "Chancellor ", "King ", "Queen ", "Emir ", "Sultan ",
                                        "Supreme Leader ", "Pope ", "Secretary-General ", "Taoiseach ", "Crown Prince ",
                                        // Foreign ministers: reaction and condemnation stories name them most.
                                        "Foreign Minister ", "Foreign Secretary ", "Secretary of State ", "External Affairs Minister "};

// A title that names someone out of office, or someone else's: "former President", "the late King",
// "Vice President", "Deputy Prime Minister", "then-President".
bool other_than_in_office(std::string_view before) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  size_t start = before.size();
  while (start > 0 && (std::isalpha(static_cast<unsigned char>(before[start - 1])) || before[start - 1] == '-')) --start;
  const std::string last = ascii_lower(before.substr(start));
  return last == "former" || last == "late" || last == "ex" || last == "vice" || last == "deputy" || last == "then" || last == "then-" ||
         last == "ex-" || last.ends_with("-elect") || last == "acting" || last == "first" || last == "interim";
}

}  // namespace

std::function<bool(int)> years_of_named_leaders(std::string_view text, const LeaderTable& table, int last_year) {
  std::optional<std::set<int>> years;  // none until a leader is named
  for (std::string_view title : kTitles)
    for (size_t at = text.find(title); at != std::string_view::npos; at = text.find(title, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) continue;
      if (other_than_in_office(text.substr(at > 20 ? at - 20 : 0, std::min<size_t>(at, 20)))) continue;
      if (title == "Premier " && text.substr(at + title.size()).starts_with("League")) continue;
      const std::vector<std::string_view> words = name_words(text, at + title.size());
      // The longest run of the name's words from the start or ending at its last word: "Boyko Borissov" or "Borissov".
      const std::vector<LeaderTable::Term>* terms = nullptr;
      for (size_t n = words.size(); n > 0 && !terms; --n)
        for (size_t first : {size_t{0}, words.size() - n}) {
          const std::string_view span(words[first].data(),
                                      static_cast<size_t>(words[first + n - 1].data() + words[first + n - 1].size() - words[first].data()));
          if ((terms = table.terms_of(fold_name(span)))) break;
        }
      if (!terms) continue;
      std::set<int> in_office;
      for (const LeaderTable::Term& t : *terms)
        for (int y = std::max(t.from, 1990); y <= (t.to ? t.to : last_year) && y <= last_year; ++y) in_office.insert(y);
      if (!years) {
        years = std::move(in_office);
        continue;
      }
      std::set<int> both;
      std::set_intersection(years->begin(), years->end(), in_office.begin(), in_office.end(), std::inserter(both, both.begin()));
      if (both.empty()) return {};  // terms that share no year: a misreading somewhere, no bound
      *years = std::move(both);
    }
  if (!years || years->empty()) return {};
  return [in_office = std::move(*years)](int y) { return in_office.count(y) > 0; };
}

}  // namespace sitmap
