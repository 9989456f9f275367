#include "text/segment.hpp"

#include <utf8proc.h>

#include "core/date.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace sitmap {

namespace {

struct CodePoint {
  int32_t cp = 0;
  int len = 1;
};

CodePoint decode(std::string_view s, size_t i) {
  utf8proc_int32_t cp = 0;
  const auto n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i), static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {static_cast<unsigned char>(s[i]), 1};
  return {cp, static_cast<int>(n)};
}

bool is_letter(int32_t cp) {
  if (cp < 0x80) return std::isalpha(cp);
  const auto cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MN;
}
bool is_upper(int32_t cp) { return cp < 0x80 ? std::isupper(cp) : utf8proc_category(cp) == UTF8PROC_CATEGORY_LU; }
bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

// Words after which a period does not end the sentence.
bool is_abbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 44> list = {
      "Mr",  "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt",  "Col",  "Maj", "Capt", "Sgt",    "Cpl", "Adm",  "Gov",  "Sen",
      "Rep", "Rev", "St", "Mt", "Ft",   "Jan", "Feb", "Mar",  "Apr", "Jun",  "Jul",    "Aug", "Sep",  "Sept", "Oct",
      "Nov", "Dec", "No", "vs", "Jr",   "Sr",  "Co",  "Corp", "Inc", "Ltd",  "approx", "Ave", "Blvd", "Gens"};
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Plain text and e-mail wrap a paragraph at 70-odd columns: a line break
// inside a sentence ("hit the main square of Finote Selam, the capital\nof
// West Gojjam zone") is no boundary. The line runs on when the next line
// starts in lower case ("by ..." under a title aside), or when both lines are
// long and the first ends on no punctuation.
bool wrapped_line(std::string_view text, const Token& t, const Token& next) {
  const std::string_view w = token_text(text, t);
  if (t.kind == TokenKind::punct && (w == "." || w == "!" || w == "?" || w == ":" || w == "|")) return false;
  const size_t newline_before = text.rfind('\n', t.start);
  const size_t line_start = newline_before == std::string_view::npos ? 0 : newline_before + 1;
  const size_t next_end = std::min(text.find('\n', next.start), text.size());
  const std::string_view n = token_text(text, next);
  if (next.kind == TokenKind::word && !next.capitalized) return n != "by";
  return t.end - line_start >= 60 && next_end - next.start >= 40;
}

}  // namespace

Segmented segment(std::string_view text) {
  Segmented out;
  // Tokens.
  for (size_t i = 0; i < text.size();) {
    const CodePoint c = decode(text, i);
    if (c.cp == ' ' || c.cp == '\t' || c.cp == '\r' || c.cp == '\n' || c.cp == 0xA0) {
      i += static_cast<size_t>(c.len);
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    if (std::isdigit(c.cp < 0x80 ? c.cp : 0)) {
      size_t j = i;
      // 1,200 / 3.5 / 2015-11-16 stay one number.
      while (j < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[j])) ||
              ((text[j] == ',' || text[j] == '.') && j + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[j + 1])))))
        ++j;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;  // 30th, 12km
      t.kind = TokenKind::number;
      t.end = static_cast<uint32_t>(j);
    } else if (is_letter(c.cp)) {
      size_t j = i;
      bool upper_all = true;
      t.capitalized = is_upper(c.cp);
      while (j < text.size()) {
        const CodePoint d = decode(text, j);
        if (is_letter(d.cp) || (d.cp < 0x80 && std::isdigit(d.cp))) {
          if (is_letter(d.cp) && !is_upper(d.cp)) upper_all = false;
          j += static_cast<size_t>(d.len);
          continue;
        }
        // "N'Djamena", "Sana'a", "Ma'arrat": an apostrophe between letters is
        // part of the word, unless a clitic follows ("'s", "n't", "'re").
        if (is_apostrophe(d.cp) && j > i && j + static_cast<size_t>(d.len) < text.size()) {
          const size_t after = j + static_cast<size_t>(d.len);
          size_t e = after;
          while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
          const std::string_view rest = text.substr(after, e - after);
          const bool clitic = rest == "s" || rest == "t" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d" || rest == "m" ||
                              rest == "S" || rest == "T";
          // (Not the surnames "O'Brien", "D'Souza".)
          const std::string_view before = text.substr(i, j - i);
          if (!rest.empty() && !clitic && before != "O" && before != "D") {
            j = e;
            continue;
          }
        }
        // U.S., U.K., D.C.: single letters joined by periods.
        if (d.cp == '.' && j + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[j + 1])) &&
            (j + 2 >= text.size() || text[j + 2] == '.') && j - t.start <= 3) {
          j += 2;
          if (j < text.size() && text[j] == '.') ++j;
          continue;
        }
        break;
      }
      // Keep the period of a known abbreviation ("Gen.", "St.", "Va.").
      if (j < text.size() && text[j] == '.' && (is_abbreviation(text.substr(i, j - i)) || (j - i == 1 && t.capitalized))) ++j;
      t.kind = TokenKind::word;
      t.all_caps = upper_all && t.capitalized;
      t.end = static_cast<uint32_t>(j);
    } else {
      t.kind = TokenKind::punct;
      t.end = static_cast<uint32_t>(i + static_cast<size_t>(c.len));
    }
    i = t.end;
    out.tokens.push_back(t);
  }

  // Sentences: boundaries after end punctuation followed by a capital,
  // a quote, or a line break; and at paragraph breaks and title lines.
  auto newline_between = [&](uint32_t a, uint32_t b, int want) {
    int n = 0;
    for (uint32_t k = a; k < b; ++k)
      if (text[k] == '\n') ++n;
    return n >= want;
  };
  Sentence cur;
  bool open = false;
  bool next_paragraph = true;
  auto close_at = [&](size_t last) {
    cur.end = out.tokens[last].end;
    cur.token_count = static_cast<uint32_t>(last + 1 - cur.first_token);
    out.sentences.push_back(cur);
    open = false;
  };
  for (size_t k = 0; k < out.tokens.size(); ++k) {
    const Token& t = out.tokens[k];
    if (!open) {
      cur = {};
      cur.start = t.start;
      cur.first_token = static_cast<uint32_t>(k);
      cur.paragraph_start = next_paragraph;
      next_paragraph = false;
      open = true;
    }
    const bool last = k + 1 == out.tokens.size();
    if (last) {
      close_at(k);
      break;
    }
    const Token& next = out.tokens[k + 1];
    if (newline_between(t.end, next.start, 2)) {  // paragraph break
      close_at(k);
      next_paragraph = true;
      continue;
    }
    if (newline_between(t.end, next.start, 1) && !wrapped_line(text, t, next)) {  // a line of its own: title, byline
      close_at(k);
      continue;
    }
    const std::string_view w = token_text(text, t);
    // "shortly before 9:30 a.m. One of them blew himself up": the time's period ends the sentence
    // too, unless a day, a month or a time zone follows ("at 9:30 a.m. Monday", "8 p.m. GMT").
    if ((w == "a.m." || w == "p.m.") && next.capitalized && !newline_between(t.end, next.start, 1)) {
      const std::string_view n = token_text(text, next);
      // A weekday written out ("Monday"; not "Sun" or "Wed", which may open the next sentence), a zone or a month keeps it open.
      const int day = weekday_from_name(n);
      const bool weekday = day >= 0 && n == weekday_name(day);
      static constexpr std::string_view zones[] = {"GMT", "UTC", "EST", "EDT", "ET", "CET", "IST", "local"};
      if (!weekday && std::find(std::begin(zones), std::end(zones), n) == std::end(zones) && month_from_name(n) == 0) {
        close_at(k);
        continue;
      }
    }
    const bool ender = t.kind == TokenKind::punct && (w == "." || w == "!" || w == "?");
    if (!ender) continue;
    // Closing quotes and brackets stay with the sentence they close.
    size_t end = k;
    while (end + 1 < out.tokens.size() && out.tokens[end + 1].kind == TokenKind::punct) {
      const std::string_view q = token_text(text, out.tokens[end + 1]);
      const bool touching = out.tokens[end + 1].start == out.tokens[end].end;  // ." closes; . " opens the next
      if (touching && (q == "\"" || q == "\xE2\x80\x9D" || q == "'" || q == "\xE2\x80\x99" || q == ")"))
        ++end;
      else
        break;
    }
    if (end + 1 >= out.tokens.size()) continue;
    const Token& after = out.tokens[end + 1];
    const std::string_view a = token_text(text, after);
    const bool starts = after.capitalized || after.kind == TokenKind::number || a == "\xE2\x80\x9C" || a == "\"";
    if (starts) {
      close_at(end);
      k = end;
    }
  }
  return out;
}

}  // namespace sitmap
