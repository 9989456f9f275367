#include "text/dateline.hpp"

#include "core/date.hpp"
#include "core/fold.hpp"
#include "text/date_labels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <map>

namespace sitmap {

namespace {

constexpr size_t kMaxDateline = 120;  // bytes from the paragraph start to the text after the separator
constexpr size_t kParagraphsSearched = 6;

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

// The bytes of a UTF-8 letter that is an upper-case Latin letter with a
// diacritic (É, Ç, Ã...) count as capitals in a dateline ("BOGOTÁ").
bool upper_at(std::string_view s, size_t i, size_t* len) {
  if (upper(s[i])) {
    *len = 1;
    return true;
  }
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == 0xC3 && i + 1 < s.size()) {
    const unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0x80 && d <= 0x9E && d != 0x97) {
      *len = 2;
      return true;
    }
  }
  // Latin Extended-A ("KAYSERİ", "ŞANLIURFA", "ŁÓDŹ"): capitals and small letters alternate by code point.
  if ((c == 0xC4 || c == 0xC5) && i + 1 < s.size()) {
    const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    const bool capital = (cp <= 0x137 && cp % 2 == 0) || (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) ||
                         (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) || cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D;
    if (capital) {
      *len = 2;
      return true;
    }
  }
  return false;
}

struct Cursor {
  std::string_view s;
  size_t i;
  bool at_end() const { return i >= s.size(); }
  char peek(size_t k = 0) const { return i + k < s.size() ? s[i + k] : '\0'; }
  void spaces() {
    while (!at_end() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  bool literal(std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  }
};

// "KHARTOUM", "NEW DELHI", "SANA'A", "GOMA, DR Congo": capitals (at least two letters).
// "DEC 4", "Dec. 4", "June 4" at `i`: a month and its day, where a place with
// no comma after it ends ("GROZNY DEC 4 (KNS) -").
bool month_then_day(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
  if (j == i || j - i > 9) return false;
  std::string word(s.substr(i, j - i));
  for (size_t k = 1; k < word.size(); ++k) word[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[k])));
  if (month_from_name(word) == 0) return false;
  if (j < s.size() && s[j] == '.') ++j;
  return j + 1 < s.size() && s[j] == ' ' && std::isdigit(static_cast<unsigned char>(s[j + 1]));
}

bool read_place_caps(Cursor& c) {
  const size_t start = c.i;
  size_t letters = 0;
  while (!c.at_end()) {
    size_t len = 0;
    if (upper_at(c.s, c.i, &len)) {
      c.i += len;
      ++letters;
      continue;
    }
    const char ch = c.peek();
    // ("SANAA/DUBAI, Oct 9 (Reuters) -": a story filed from two cities.)
    if ((ch == ' ' || ch == '-' || ch == '\'' || ch == '.' || ch == '/') && letters > 0) {
      size_t next_len = 0;
      if (c.i + 1 < c.s.size() && upper_at(c.s, c.i + 1, &next_len) && !(ch == ' ' && month_then_day(c.s, c.i + 1))) {
        ++c.i;
        continue;
      }
    }
    break;
  }
  if (letters < 2) {
    c.i = start;
    return false;
  }
  // A capital word must not run on into lower case ("AFRICA's" is no dateline).
  if (!c.at_end() && lower(c.peek())) {
    c.i = start;
    return false;
  }
  return true;
}

// ", Mali", ", Iraq", " [India]", ", D.R. Congo": the country or state after the city.
bool read_region(Cursor& c) {
  Cursor t = c;
  if (t.literal(" [")) {
    while (!t.at_end() && t.peek() != ']' && t.i - c.i < 40) ++t.i;
    if (t.peek() != ']') return false;
    ++t.i;
    c = t;
    return true;
  }
  if (!t.literal(", ")) return false;
  const size_t start = t.i;
  while (!t.at_end() && t.i - start < 40) {
    size_t len = 0;
    if (!(upper_at(t.s, t.i, &len))) break;
    t.i += len;
    while (!t.at_end() &&
           (std::isalpha(static_cast<unsigned char>(t.peek())) || t.peek() == '.' || static_cast<unsigned char>(t.peek()) >= 0x80))
      ++t.i;
    if (t.peek() == ' ' && t.i + 1 < t.s.size()) {
      size_t l2 = 0;
      if (upper_at(t.s, t.i + 1, &l2)) {
        ++t.i;
        continue;
      }
    }
    break;
  }
  if (t.i == start || month_from_name(t.s.substr(start, t.i - start))) return false;
  c = t;
  return true;
}

int read_number(Cursor& c, size_t max_digits) {
  size_t n = 0;
  int v = 0;
  while (!c.at_end() && digit(c.peek()) && n < max_digits) {
    v = v * 10 + (c.peek() - '0');
    ++c.i;
    ++n;
  }
  return n ? v : -1;
}

// "June 4, 2019", "Aug. 26", "10 Jan", "4 June 2019".
// Not core's find_date (core/date.hpp), though the forms look alike: a
// dateline's date mostly writes no year ("Aug. 26", "25/07"), which core
// never reads as a date; it is read where the dateline goes on, to the
// cursor's end of it (find_date finds a date anywhere and gives no end); and
// its spacing is a dateline's (spaces or tabs, never a line break; ", ",
// " " or "/" before the year; a year outside 1900-2100 left unread and the
// day read without it), not running text's.
// Only the month's name is core's (month_from_name).
bool read_date_words(Cursor& c, int& year, int& month, int& day) {
  Cursor t = c;
  auto month_word = [&](Cursor& x) {
    const size_t start = x.i;
    while (!x.at_end() && std::isalpha(static_cast<unsigned char>(x.peek()))) ++x.i;
    const int m = month_from_name(x.s.substr(start, x.i - start));
    if (m && x.peek() == '.') ++x.i;
    return m;
  };
  year = 0;
  // "the 3rd of August, 2024": an ordinal day with its article.
  Cursor after_the = t;
  const bool article = after_the.literal("the ") && digit(after_the.peek());
  if (article) t = after_the;
  if (digit(t.peek())) {  // "10 Jan 2015", "18th January, 2022", "25/07" (day and month)
    day = read_number(t, 2);
    bool ordinal_day = false;
    for (std::string_view ordinal : {"st", "nd", "rd", "th"})
      if (t.literal(ordinal)) {
        ordinal_day = true;
        break;
      }
    if (article && !ordinal_day) return false;
    if (t.peek() == '/' && digit(t.peek(1))) {
      ++t.i;
      month = read_number(t, 2);
      if (month < 1 || month > 12) return false;
    } else if (t.peek() == '.' && digit(t.peek(1)) && !ordinal_day) {  // "20.05.2019": with its year only
      ++t.i;
      month = read_number(t, 2);
      if (month < 1 || month > 12 || !t.literal(".") || !digit(t.peek())) return false;
      year = read_number(t, 4);
      if (year < 1900 || year > 2100 || digit(t.peek()) || day < 1 || day > 31) return false;
      c = t;
      return true;
    } else {
      t.spaces();
      if (ordinal_day) t.literal("of ");
      month = month_word(t);
    }
  } else {
    month = month_word(t);
    t.spaces();
    day = read_number(t, 2);
  }
  if (!month || day < 1 || day > 31) return false;
  Cursor y = t;
  if (y.literal(", ") || y.literal(" ") || y.literal("/")) {  // "November 15/2020" (ENA)
    if (digit(y.peek())) {
      const int v = read_number(y, 4);
      if (v >= 1900 && v <= 2100) {
        year = v;
        t = y;
      }
    }
  }
  c = t;
  return true;
}

// The same after ", " or " ".
bool read_date(Cursor& c, int& year, int& month, int& day) {
  Cursor t = c;
  if (!t.literal(", ") && !t.literal(" ")) return false;
  if (!read_date_words(t, year, month, day)) return false;
  c = t;
  return true;
}

bool read_separator(Cursor& c);

// "(AFP)", "(Reuters)", "(AP)", "(Xinhua)", "(dpa)": a short word in parentheses.
bool read_agency(Cursor& c, std::string& agency) {
  Cursor t = c;
  // "MAKHACHKALA, June 24. /TASS/. ": the agency between slashes, its full stops the separator.
  {
    Cursor slash = t;
    slash.literal(".");
    slash.spaces();
    if (slash.literal("/")) {
      const size_t start = slash.i;
      // ("/NIAT "Khovar"/. ": a name and its quoted short form.)
      while (!slash.at_end() && slash.peek() != '/' && slash.peek() != '\n' && slash.i - start < 20) ++slash.i;
      // ("Bucharest, Aug 11 /Agerpres/ - ": the slashes, then a dash.)
      const bool full_stop = slash.peek(1) == '.' && slash.peek(2) == ' ';
      if (slash.peek() == '/' && slash.i > start && (full_stop || slash.peek(1) == ' ')) {
        agency = std::string(slash.s.substr(start, slash.i - start));
        slash.i += full_stop ? 2 : 1;
        c = slash;
        return true;
      }
    }
  }
  // "YEREVAN, APRIL 3, ARMENPRESS. ", "Tehran, Sept 22, IRNA - ": the agency's name in capitals
  // after the date's comma; with a capitals name, a full stop may end the dateline.
  if (c.i > 0 && digit(c.s[c.i - 1]) && t.literal(", ")) {
    Cursor bare = t;
    const size_t start = bare.i;
    while (!bare.at_end() && upper(bare.peek())) ++bare.i;
    const size_t letters = bare.i - start;
    Cursor sep = bare;
    const bool stop = bare.peek() == '.' && bare.peek(1) == ' ';
    if (letters >= 3 && letters <= 12 && !lower(bare.peek()) && (stop || read_separator(sep))) {
      agency = std::string(bare.s.substr(start, letters));
      c = bare;
      if (stop) c.i += 1;
      return true;
    }
    t = c;
  }
  t.spaces();
  // "TOKYO, Aug. 5 Kyodo - ": the agency's name bare, one capitalised word before the dash.
  if (upper(t.peek()) && c.i > 0 && digit(c.s[c.i - 1])) {  // only right after a date
    Cursor bare = t;
    const size_t start = bare.i;
    while (!bare.at_end() && std::isalpha(static_cast<unsigned char>(bare.peek()))) ++bare.i;
    Cursor sep = bare;
    if (bare.i - start >= 2 && bare.i - start <= 10 && read_separator(sep)) {
      agency = std::string(bare.s.substr(start, bare.i - start));
      c = bare;
      return true;
    }
  }
  if (!t.literal("(")) return false;
  const size_t start = t.i;
  while (!t.at_end() && t.peek() != ')' && t.i - start < 30) ++t.i;
  if (t.peek() != ')' || t.i == start) return false;
  agency = std::string(t.s.substr(start, t.i - start));
  ++t.i;
  c = t;
  return true;
}

// " - ", " -- ", " — ", " – ", ": ", ".-", " &mdash; " left by HTML.
bool read_separator(Cursor& c) {
  Cursor t = c;
  if (t.i >= 2 && t.s[t.i - 1] == '.' && t.s[t.i - 2] == '/' && t.peek() == ' ') {  // "/TASS/. " ends it
    t.spaces();
    c = t;
    return true;
  }
  // "Vilnius, 13 March (ELTA). Leonid ...": a full stop right after the agency's bracket.
  if (t.i >= 1 && t.s[t.i - 1] == ')' && t.peek() == '.' && t.i + 1 < t.s.size() && t.s[t.i + 1] == ' ') {
    ++t.i;
    t.spaces();
    c = t;
    return true;
  }
  const bool after_bracket = t.i >= 1 && t.s[t.i - 1] == ')';
  t.spaces();
  for (std::string_view sep : {"---", "--", "\xE2\x80\x94", "\xE2\x80\x93", "-", ":", ".-", "&mdash;", "&ndash;"}) {
    if (t.literal(sep)) {
      // ("TOKYO, April 15 (Jiji Press)--Prime Minister ...": a long dash set close after the agency's bracket.)
      const bool closed_up = after_bracket && sep.size() > 1 && upper(t.peek());
      if (!t.at_end() && t.peek() != ' ' && t.peek() != '\n' && !closed_up) return false;
      t.spaces();
      c = t;
      return true;
    }
  }
  return false;
}

// A space and a capital: the body begins right after the agency.
bool body_follows(Cursor& c) {
  Cursor t = c;
  if (t.peek() != ' ') return false;
  t.spaces();
  size_t len = 0;
  if (t.at_end() || !upper_at(t.s, t.i, &len)) return false;
  c = t;
  return true;
}

// "Kyiv (dpa) -": a place in title case, allowed only before an agency.
bool read_place_title(Cursor& c) {
  const size_t start = c.i;
  while (!c.at_end()) {
    size_t len = 0;
    if (!upper_at(c.s, c.i, &len)) break;
    c.i += len;
    while (!c.at_end() && (lower(c.peek()) || c.peek() == '-' || c.peek() == '\'' || static_cast<unsigned char>(c.peek()) >= 0x80 ||
                           (upper(c.peek()) && c.s[c.i - 1] == '-')))
      ++c.i;
    // "Addis Ababa", "Goma/Geneva": words of one place, or two filing places.
    if ((c.peek() == ' ' || c.peek() == '/') && c.i + 1 < c.s.size() && upper(c.s[c.i + 1]) &&
        !(c.peek() == ' ' && month_then_day(c.s, c.i + 1))) {
      ++c.i;
      continue;
    }
    break;
  }
  if (c.i - start < 3 || c.i - start > 30) {
    c.i = start;
    return false;
  }
  return true;
}

// The paragraph from `at` ends a sentence, or is long enough to be body text.
// (The paragraph, not the line: plain text and e-mail wrap their lines.)
bool sentence_follows(std::string_view text, size_t at) {
  const size_t paragraph_end = std::min(text.find("\n\n", at), text.size());
  std::string_view rest = text.substr(at, paragraph_end - at);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r' || rest.back() == '\n')) rest.remove_suffix(1);
  return !rest.empty() && (rest.back() == '.' || rest.back() == '"' || rest.ends_with("\xE2\x80\x9D") || rest.back() == '?' ||
                           rest.back() == '!' || rest.size() >= 120);
}

// "Thursday", "March", "Published Tuesday": a date line's words, never a filing place.
bool calendar_word(std::string_view place) {
  for (size_t start = 0; start < place.size();) {
    size_t end = place.find_first_of(" /", start);
    if (end == std::string_view::npos) end = place.size();
    const std::string_view w = place.substr(start, end - start);
    if (weekday_from_name(w) >= 0 || month_from_name(w) != 0 || is_date_label(ascii_lower(w), DateLabel::date_line)) return true;
    start = end + 1;
  }
  return false;
}

std::optional<Dateline> dateline_at(std::string_view text, size_t at, int year_hint) {
  Cursor c{text, at};
  Dateline d;
  d.start = d.place_start = static_cast<uint32_t>(at);
  // "Sept. 17 (UPI) --": a date and an agency with no place.
  {
    Cursor t{text, at};
    int year = 0, month = 0, day = 0;
    std::string agency;
    if (read_date_words(t, year, month, day) && read_agency(t, agency) && read_separator(t)) {
      d.place_end = d.place_start;
      d.agency = agency;
      d.month = month;
      d.day = day;
      d.year_written = year != 0;
      if (!year) year = year_hint;
      if (year && is_valid(CivilDate{year, month, day})) d.date = CivilDate{year, month, day};
      d.end = static_cast<uint32_t>(t.i);
      return d;
    }
  }
  {
    // "Kyiv (dpa) - ", "Pulwama (Jammu and Kashmir) [India], Feb 14 (ANI): ",
    // "Cúcuta (Colombia), Jun 15 (EFE).- ": a title-case place needs an agency.
    Cursor t = c;
    std::string agency;
    if (!read_place_caps(t) && read_place_title(t)) {
      d.place_end = static_cast<uint32_t>(t.i);
      if (calendar_word(text.substr(at, t.i - at))) return std::nullopt;
      Cursor simple = t;
      if (read_agency(simple, agency) && read_separator(simple)) {  // "Kyiv (dpa) - "
        d.agency = agency;
        d.end = static_cast<uint32_t>(simple.i);
        return d;
      }
      std::string region;
      Cursor r = t;
      if (read_agency(r, region) && region.size() < 30) t = r;  // "(Colombia)", "(Jammu and Kashmir)"
      const size_t region_start = t.i;
      const bool region_read = read_region(t);
      if (region_read) d.place_end = static_cast<uint32_t>(t.i);
      // (Not a paper's issue line, "Jammu, Monday, June 10, 2024": a weekday is no region.)
      const bool real_region = region_read && !calendar_word(text.substr(region_start + 2, t.i - region_start - 2));
      int year = 0, month = 0, day = 0;
      const bool dated = read_date(t, year, month, day);
      // "Baku, Azerbaijan, June 7" on a line of its own, the byline and body below.
      const bool own_line = real_region && dated && (t.at_end() || t.peek() == '\n');
      // "Goma/Geneva, 29 January 2025 – ": a press release's place and full date need no agency.
      const bool agency_read = read_agency(t, agency);
      // "Kathmandu, Aug 25: The district office ...": a national agency's place and day, a colon, no agency named.
      const bool colon_after_day = !agency_read && dated && t.peek() == ':' && sentence_follows(text, t.i + 1);
      if ((agency_read && (read_separator(t) || (dated && body_follows(t)))) ||
          (!agency_read && dated && (year || colon_after_day) && read_separator(t)) || (!agency_read && own_line)) {
        d.agency = agency;
        if (dated) {
          d.month = month;
          d.day = day;
          d.year_written = year != 0;
          if (!year) year = year_hint;
          if (year && is_valid(CivilDate{year, month, day})) d.date = CivilDate{year, month, day};
        }
        d.end = static_cast<uint32_t>(t.i);
        return d;
      }
      return std::nullopt;
    }
  }
  if (!read_place_caps(c)) return std::nullopt;
  d.place_end = static_cast<uint32_t>(c.i);
  const std::string_view caps = text.substr(at, c.i - at);
  if (calendar_word(caps)) return std::nullopt;
  const bool region = read_region(c);
  if (region) {
    read_region(c);  // "LAMITAN CITY, Basilan, Philippines —": a province, then the country
    d.place_end = static_cast<uint32_t>(c.i);
  }
  int year = 0, month = 0, day = 0;
  bool dated = read_date(c, year, month, day);
  if (!dated && !region && c.peek() == '.') {  // "KURSK. Aug 7 (Interfax) - ": a full stop after the city
    Cursor dot{c.s, c.i + 1};
    if (read_date(dot, year, month, day)) {
      dated = true;
      c = dot;
    }
  }
  const bool agency = read_agency(c, d.agency);
  const size_t before_separator = c.i;
  // "GANJA, Azerbaijan" on a line of its own, the body below (Anadolu).
  // "BRUSSELS 25/07 (BELGA)" on a line of its own too.
  const bool own_line = (region || (dated && agency)) && (c.at_end() || c.peek() == '\n');
  // "Raipur, Apr 4 (PTI) The bodies ...": IANS and PTI leave the separator out.
  if (!own_line && !read_separator(c) && !(dated && agency && body_follows(c))) return std::nullopt;
  // Capitals and a dash alone ("NIAMEY - ") are a dateline unless they are a
  // label ("UPDATE - ", "ANALYSIS:"), and never with a colon.
  if (!dated && !agency && !region) {
    static constexpr std::array<std::string_view, 22> labels = {
        "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "WATCH",    "LIVE", "OPINION", "EDITORIAL", "CORRECTION", "URGENT",
        "FLASH",  "NEWS",    "VIDEO",    "PHOTOS",    "FACTBOX",  "TIMELINE", "SNAP", "FEATURE", "INTERVIEW", "NOTE",       "EDITOR"};
    if (std::find(labels.begin(), labels.end(), caps) != labels.end()) return std::nullopt;
    if (text.substr(before_separator, c.i - before_separator).find(':') != std::string_view::npos) return std::nullopt;
  }
  // "GLOBAL EVENT MONITOR - automated daily digest", "SAIGON EXPRESS (English edition) - News":
  // a masthead's name and its tagline. An undated dateline opens the body's first paragraph,
  // which ends a sentence.
  if (!dated && !own_line && !sentence_follows(text, c.i)) return std::nullopt;
  // "LEVANT MEDIA MONITOR - SYRIA DAILY DIGEST": capitals after the dash too, a masthead's tagline.
  if (!dated && !agency && !region && !own_line) {
    const std::string_view line = text.substr(c.i, std::min(text.find('\n', c.i), text.size()) - c.i);
    if (std::none_of(line.begin(), line.end(), [](char ch) { return lower(ch); })) return std::nullopt;
  }
  if (c.i - at > kMaxDateline) return std::nullopt;
  if (dated) {
    d.month = month;
    d.day = day;
    d.year_written = year != 0;
    if (!year) year = year_hint;
    const CivilDate date{year, month, day};
    if (year && is_valid(date)) d.date = date;
  }
  d.end = static_cast<uint32_t>(c.i);
  return d;
}

// The latest year a report writes, for datelines without one: reports name
// earlier years ("since 2014") far more often than later ones.
int year_in_text(std::string_view text) {
  std::map<int, int> votes;
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((i > 0 && digit(text[i - 1])) || !digit(text[i])) continue;
    if (i + 4 < text.size() && digit(text[i + 4])) continue;
    const int v = (text[i] - '0') * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
    if (digit(text[i + 1]) && digit(text[i + 2]) && digit(text[i + 3]) && v >= 1990 && v <= 2035) ++votes[v];
  }
  if (votes.empty()) return 0;
  return votes.rbegin()->first;
}

}  // namespace

std::optional<Dateline> find_dateline(std::string_view text, size_t from, int year_hint) {
  size_t paragraphs = 0, short_lines = 0;
  for (size_t i = from; i < text.size() && paragraphs < kParagraphsSearched;) {
    while (i < text.size() && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i >= text.size()) break;
    if (auto d = dateline_at(text, i, year_hint)) return d;
    // "MALAYSIAN NEWS SERVICE\nKL, 7 Aug 2025 (MNS) -- ...": a masthead's short line right above the dateline.
    const size_t line_end = text.find('\n', i);
    // (Or a headline line run on into it, when the agency and the day are both there: "Government declares state of
    // emergency ... after car bomb in San Lorenzo\nQuito, 29 Jan 2018 (Andes).- ".)
    if (line_end != std::string_view::npos && line_end - i < 200 && line_end + 1 < text.size() && text[line_end + 1] != '\n' &&
        text[line_end - 1] != '.')
      if (auto d = dateline_at(text, line_end + 1, year_hint);
          d && (line_end - i < 60 ? !d->agency.empty() || d->month : !d->agency.empty() && d->month))
        return d;
    const size_t blank = text.find("\n\n", i);
    // A head's short lines ("* More than 130 wounded", a byline, a time stamp) count for less than
    // the body's paragraphs: an agency's update puts six of them above its dateline.
    // (A short paragraph that ends a sentence is the body's: "Related coverage:" and another story's dateline below eight of them is
    // no dateline of this one.)
    const size_t end = blank == std::string_view::npos ? text.size() : blank;
    const bool sentence = end > i && (text[end - 1] == '.' || text[end - 1] == '"');
    if (end - i >= 100 || sentence || ++short_lines > 2 * kParagraphsSearched) ++paragraphs;
    if (blank == std::string_view::npos) break;
    i = blank;
  }
  return std::nullopt;
}

// The year of a dateline that writes none ("LIMA, Jan 10 (Reuters) - ... said
// on Tuesday"): wire copy names the filing day's weekday, so the latest year
// up to today, and not before the latest year the report writes, in which
// that day falls on the weekday the report names most. Without a weekday,
// the latest year the report writes (0: none).
namespace {

// The year of a date in figures that names the dateline's day and month
// ("KNS 0041 GMT 04-12-14", "filed 4/12/2014"); 0 when none does.
int year_in_figures(std::string_view text, int month, int day, CivilDate today) {
  // Only where a filing stamp stands: the report's first 1,000 bytes and its last 300 (a story's own
  // dates of other years would otherwise decide).
  for (size_t i = 0; i + 6 <= text.size(); ++i) {
    if (i == 1000 && text.size() > 1300) i = text.size() - 300;
    if (!digit(text[i]) || (i > 0 && (digit(text[i - 1]) || text[i - 1] == '-' || text[i - 1] == '/' || text[i - 1] == '.'))) continue;
    int part[3] = {0, 0, 0}, digits[3] = {0, 0, 0};
    size_t k = i;
    char sep = 0;
    for (int p = 0; p < 3; ++p) {
      while (k < text.size() && digit(text[k]) && digits[p] < 4) part[p] = part[p] * 10 + (text[k++] - '0'), ++digits[p];
      if (p < 2) {
        if (k >= text.size() || (text[k] != '-' && text[k] != '/' && text[k] != '.') || (sep && text[k] != sep)) break;
        sep = text[k++];
      }
    }
    if (digits[0] == 0 || digits[0] > 2 || digits[1] == 0 || digits[1] > 2 || (digits[2] != 2 && digits[2] != 4)) continue;
    if (k < text.size() && digit(text[k])) continue;
    const bool day_first = part[0] == day && part[1] == month, month_first = part[0] == month && part[1] == day;
    if (!day_first && !month_first) continue;
    const int year = digits[2] != 2 ? part[2] : 2000 + part[2] <= today.year ? 2000 + part[2] : 1900 + part[2];
    if (year >= 1990 && year <= today.year) return year;
  }
  return 0;
}

}  // namespace

int dateline_year(std::string_view text, int month, int day, CivilDate today, const std::function<bool(int)>& allowed = {}) {
  if (const int figures = year_in_figures(text, month, day, today)) return figures;
  const int written = year_in_text(text);
  std::array<int, 7> told{};
  const std::string_view head = text.substr(0, std::min<size_t>(text.size(), 3000));
  // "said on Tuesday", "told reporters Tuesday": the day of the telling, the filing day, counts most.
  auto telling_before = [&](size_t at) {
    const std::string_view before = head.substr(at > 28 ? at - 28 : 0, std::min<size_t>(at, 28));
    for (std::string_view verb : {"said", "told", "announced", "reported", "confirmed", "stated", "says"})
      if (before.find(verb) != std::string_view::npos) return true;
    return false;
  };
  // A day ahead names no filing day and nothing done before it: "a curfew until Thursday", "declared Friday a
  // day of mourning", "a march next Monday". Every other weekday named counts ("clashed Tuesday", AP's style).
  auto day_ahead = [&](size_t at) {
    const std::string_view before = head.substr(0, at);
    for (std::string_view w : {"until", "till", "by", "next", "before", "coming", "declared", "declare", "declares", "named"}) {
      if (!before.ends_with(std::string(w) + " ")) continue;
      const size_t start = at - w.size() - 1;
      if (start == 0 || !std::isalpha(static_cast<unsigned char>(head[start - 1]))) return true;  // a word, not "nearby"
    }
    return false;
  };
  // "during Friday prayers yesterday", "yesterday (Friday)": the day before the filing day, told outright.
  auto yesterday_near = [&](size_t at, size_t length) {
    const std::string_view after = head.substr(at + length, std::min<size_t>(head.size() - at - length, 24));
    const std::string_view before = head.substr(at > 14 ? at - 14 : 0, std::min<size_t>(at, 14));
    return after.find("yesterday") != std::string_view::npos || before.find("yesterday") != std::string_view::npos;
  };
  std::array<int, 7> yesterday{};  // per weekday: told as the day before the filing day
  for (int w = 0; w < 7; ++w)
    for (size_t at = head.find(weekday_name(w)); at != std::string_view::npos; at = head.find(weekday_name(w), at + 1)) {
      if (yesterday_near(at, weekday_name(w).size()))
        yesterday[w] += 3;
      else
        told[w] += day_ahead(at) ? 0 : telling_before(at) ? 3 : 1;
    }
  // A weekday named is the filing day's or one of the two before it ("resting in hospital on Friday after
  // he was hit on Thursday"): the filing weekday that puts the days named closest before it wins.
  constexpr std::array<int, 7> closeness = {3, 2, 1, 0, 0, 0, 0};  // by days before the filing day
  int best = written, best_score = 0;
  // Without a weekday: the latest year `allowed` lets stand, or the first after the year the story writes.
  int latest_allowed = 0, first_allowed = 0;
  for (int y = std::max(written, 1990); y <= today.year; ++y) {
    const CivilDate d{y, month, day};
    if (!is_valid(d) || days_from_civil(d) > days_from_civil(today) || (allowed && !allowed(y))) continue;
    latest_allowed = y;
    if (!first_allowed) first_allowed = y;
    const int filing = weekday(d);
    int score = 0;
    for (int w = 0; w < 7; ++w)
      score += told[w] * closeness[static_cast<size_t>((filing - w + 7) % 7)] + (filing == (w + 1) % 7 ? yesterday[w] * 3 : 0);
    // Ties: the latest such year, unless the story writes a year; then the first after it, as a story
    // is filed soon after the newest year it tells of ("a truce since 2014").
    if (score > 0 && (score > best_score || (score == best_score && !written))) {
      best = y;
      best_score = score;
    }
  }
  if (allowed && best_score == 0) return written ? first_allowed : latest_allowed;
  return best;
}

namespace {

// The weekday a dateline names ("BELFAST, Thursday -"), or -1.
int weekday_in_dateline(std::string_view text, const Dateline& d) {
  const std::string_view line = text.substr(d.start, d.end - d.start);
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && !std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
    size_t j = i;
    while (j < line.size() && std::isalpha(static_cast<unsigned char>(line[j]))) ++j;
    if (j - i >= 6)
      if (const int w = weekday_from_name(line.substr(i, j - i)); w >= 0) return w;
    i = j;
  }
  return -1;
}

}  // namespace

void give_publication_date(Document& doc, CivilDate given) {
  Dateline* d = doc.dateline ? &*doc.dateline : nullptr;
  if (doc.published && !(d && d->year_guessed)) return;
  doc.published = given;
  if (!d || !d->month || d->year_written) return;
  const CivilDate own{given.year, d->month, d->day};
  if (!is_valid(own)) return;
  d->date = own;
  d->year_guessed = false;
  doc.published = own;
}

bool year_guess_open(const Document& doc) {
  const auto& d = doc.dateline;
  return d && d->month && !d->year_written && (d->year_guessed || !doc.published);
}

bool bound_guessed_year(Document& doc, const std::function<bool(int)>& allowed) {
  if (!year_guess_open(doc)) return false;
  Dateline* d = &*doc.dateline;
  const int year = dateline_year(doc.text, d->month, d->day, today(), allowed);
  const CivilDate date{year, d->month, d->day};
  if (!year || !allowed(year) || !is_valid(date) || (d->date && *d->date == date)) return false;
  d->date = date;
  d->year_guessed = true;
  d->year_bounded = true;
  doc.published = date;
  return true;
}

void read_dateline(Document& doc) {
  if (doc.published) {
    doc.dateline = find_dateline(doc.text, 0, doc.published->year);
    // "BELFAST, Thursday -" over a stamp "12/06/2025": the day and month the weekday fits (12 June, not 6 December).
    // (Only a date written in figures, where either may come first.)
    const auto& dl = doc.dateline;
    const CivilDate pub = *doc.published;
    if (dl && !dl->date && pub.day <= 12 && year_in_figures(doc.text, pub.month, pub.day, today()) == pub.year)
      if (const int named = weekday_in_dateline(doc.text, *dl); named >= 0 && weekday(*doc.published) != named) {
        const CivilDate swapped{doc.published->year, doc.published->day, doc.published->month};
        if (is_valid(swapped) && weekday(swapped) == named) doc.published = swapped;
      }
    // "Jammu, Monday, June 10" over "JAMMU, June 9: ... this evening": a paper's
    // issue date over the day its story was filed, which its "today" means.
    const auto& d = doc.dateline;
    if (d && d->date) {
      const long before = days_from_civil(*doc.published) - days_from_civil(*d->date);
      if (before >= 1 && before <= 3) doc.published = d->date;
    }
    return;
  }
  doc.dateline = find_dateline(doc.text, 0, 0);
  Dateline* d = doc.dateline ? &*doc.dateline : nullptr;
  if (d && d->month && !d->year_written) {
    if (const int year = dateline_year(doc.text, d->month, d->day, today()); year && is_valid(CivilDate{year, d->month, d->day})) {
      d->date = CivilDate{year, d->month, d->day};
      d->year_guessed = true;
    }
  }
  if (d && d->date) doc.published = d->date;
}

}  // namespace sitmap
