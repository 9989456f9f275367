#include "text/unshout.hpp"

#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "text/words.hpp"

namespace sitmap {
namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool letter(char c) { return upper(c) || lower(c); }

// A paragraph is shouted when at least nine in ten of its letters (twenty or more) are capitals.
bool shouted(std::string_view p) {
  size_t letters = 0, capitals = 0;
  for (char c : p)
    if (letter(c)) {
      ++letters;
      capitals += upper(c);
    }
  return letters >= 20 && capitals * 10 >= letters * 9;
}

// A common word, or one whose plural or stem is ("CHECKPOINT": the lexicon lists "checkpoints").
bool common_word(const std::string& low, const WordTable& words) {
  auto known = [&](const std::string& w) { return !w.empty() && words.lookup(w).count > 0; };
  auto cut = [&](size_t n) { return low.size() > n + 2 ? low.substr(0, low.size() - n) : std::string(); };
  auto ends = [&](std::string_view tail) {
    return low.size() > tail.size() && low.compare(low.size() - tail.size(), tail.size(), tail) == 0;
  };
  return known(low) || known(low + "s") || (ends("s") && known(cut(1))) || (ends("ed") && known(cut(2))) || (ends("ing") && known(cut(3)));
}

void recase_word(std::string& text, size_t from, size_t to, bool sentence_start, bool in_long_compound, const WordTable& words) {
  std::string low = text.substr(from, to - from);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string title = low;
  title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  // "THURSDAY", "DEC": a calendar name keeps its capital ("MAY" and "MARCH" are words first).
  const bool calendar = (weekday_from_name(title) >= 0 && title.size() >= 6) ||
                        (month_from_name(title) > 0 && title != "May" && title != "March" && title != "Mar");
  // "US", "IS", "UN": acronyms that spell a word; "China", "Chad", "Turkey": countries that name one.
  // (The lexicon cannot tell: it lists "AT" and "Said" as names too, from headlines.)
  static const std::set<std::string, std::less<>> acronyms = {"US", "IS", "UN", "EU", "UK", "AU", "ISIS", "IDF"};
  static const std::set<std::string, std::less<>> countries = {"China",   "Turkey", "Chad",  "Jordan", "Niger",
                                                               "Georgia", "Guinea", "Japan", "Israel"};
  if (acronyms.count(text.substr(from, to - from))) return;
  std::string out;
  if (calendar || countries.count(title))
    out = title;
  else if (low != "i" && common_word(low, words))
    out = low;  // "gunmen", "shot", "a"
  else if (to - from > 3 || in_long_compound)
    out = title;  // "French", "Grozny"
  else
    return;  // "KNS", "NAC": an acronym stays as written
  if (sentence_start) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  text.replace(from, to - from, out);
}

void unshout_paragraph(std::string& text, size_t from, size_t to, const WordTable& words) {
  bool sentence_start = true;
  for (size_t i = from; i < to;) {
    if (!letter(text[i])) {
      const char c = text[i];
      if (c == '.' || c == '!' || c == '?') sentence_start = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < to && letter(text[j])) ++j;
    // "CHECHNYA'S": the letter after an apostrophe is no word of its own.
    const bool after_apostrophe = i > from && (text[i - 1] == '\'');
    if (after_apostrophe) {
      for (size_t k = i; k < j; ++k) text[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
    } else if (upper(text[i])) {
      // "EZ-ZOR" in "DEIR EZ-ZOR": a short part of a longer hyphenated name is no acronym.
      size_t a = i, b = j;
      while (a >= from + 2 && text[a - 1] == '-' && letter(text[a - 2])) {
        a -= 2;
        while (a > from && letter(text[a - 1])) --a;
      }
      while (b + 1 < to && text[b] == '-' && letter(text[b + 1])) {
        b += 2;
        while (b < to && letter(text[b])) ++b;
      }
      recase_word(text, i, j, sentence_start, b - a > 4, words);
    }
    sentence_start = false;
    i = j;
  }
}

}  // namespace

void unshout(std::string& text, const WordTable& words) {
  for (size_t i = 0; i < text.size();) {
    size_t end = text.find("\n\n", i);
    if (end == std::string::npos) end = text.size();
    if (shouted(std::string_view(text).substr(i, end - i))) unshout_paragraph(text, i, end, words);
    i = end + 2;
  }
}

void unshout(Document& doc) {
  const WordTable& words = WordTable::shared();
  if (words.size() == 0) return;  // without the lexicon every word would read as a name: capitals are better
  unshout(doc.text, words);
  unshout(doc.title, words);
  unshout(doc.summary, words);
}

}  // namespace sitmap
