#pragma once
// Heads of state and government and their years in office
// (geodata/lexicon/leaders.tsv, embedded at build time): a report that names
// "President Ma Ying-jeou" or "Prime Minister Stephen Harper" was written
// while they held office, which bounds the year of a dateline that writes none.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap {

struct Document;

class LeaderTable {
 public:
  struct Term {
    int from = 0, to = 0;  // calendar years, inclusive; to 0: still in office
  };
  // Parses leaders.tsv; throws std::runtime_error naming the line.
  static LeaderTable parse(std::string_view tsv);
  static const LeaderTable& builtin();

  // The terms of everyone a folded name or alias ("sisi", "ma ying jeou") may be.
  const std::vector<Term>* terms_of(const std::string& folded) const;
  size_t size() const { return rows_; }

 private:
  std::unordered_map<std::string, std::vector<Term>> by_name_;
  size_t rows_ = 0;
};

// The years every leader the text names with a title ("President X",
// "Prime Minister Y", "King Z"; not "former President X") held office in,
// up to `last_year`; empty when it names none, or when their terms share no
// year (a namesake misread is no bound).
std::function<bool(int)> years_of_named_leaders(std::string_view text, const LeaderTable& table, int last_year);

}  // namespace sitmap
