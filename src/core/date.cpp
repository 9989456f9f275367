#include "core/date.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace sitmap {

// Howard Hinnant's public-domain days_from_civil algorithm, restated.
long days_from_civil(CivilDate d) {
  const int y = d.year - (d.month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

CivilDate today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return civil_from_days(static_cast<long>(now.time_since_epoch().count()));
}

int weekday(CivilDate d) {
  const long z = days_from_civil(d);
  return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[static_cast<size_t>(month - 1)];
}

bool is_valid(CivilDate d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

CivilDate add_days(CivilDate d, long n) { return civil_from_days(days_from_civil(d) + n); }

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  CivilDate d{num(0, 4), num(5, 2), num(8, 2)};
  if (!is_valid(d)) return std::nullopt;
  return d;
}

std::string to_iso(CivilDate d) {
  // By hand, not snprintf: exports call this twice per event.
  std::string out(10, '0');
  int y = d.year;
  if (y < 0 || y > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  for (int i = 3; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[4] = out[7] = '-';
  out[5] = static_cast<char>('0' + d.month / 10);
  out[6] = static_cast<char>('0' + d.month % 10);
  out[8] = static_cast<char>('0' + d.day / 10);
  out[9] = static_cast<char>('0' + d.day % 10);
  return out;
}

namespace {

// Dates written in text, matched position by position in linear time (no
// backtracking: each form has one reading at a given position).
bool digit_at(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
bool space_at(std::string_view s, size_t i) {
  return i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\v' || s[i] == '\f' || s[i] == '\r');
}
bool letter_at(std::string_view s, size_t i) { return i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')); }
int digits_value(std::string_view s, size_t at, size_t len) {
  int v = 0;
  for (size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

struct DateMatch {
  size_t end = 0;  // one past the match
  int year = 0, month = 0, day = 0;
  std::string_view month_word;  // the day-month and month-day forms
};

// Exactly `n` digits at `i`; the position after them.
std::optional<size_t> fixed_digits(std::string_view s, size_t i, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (!digit_at(s, i + k)) return std::nullopt;
  return i + n;
}
// One or two digits at `i` not followed by a third (a day or a month).
std::optional<size_t> day_digits(std::string_view s, size_t i) {
  if (!digit_at(s, i)) return std::nullopt;
  const size_t end = digit_at(s, i + 1) ? i + 2 : i + 1;
  if (digit_at(s, end)) return std::nullopt;
  return end;
}
// "st", "nd", "rd" or "th" after a day, when present.
size_t skip_ordinal(std::string_view s, size_t i) {
  const std::string_view two = s.substr(std::min(i, s.size()), 2);
  return two == "st" || two == "nd" || two == "rd" || two == "th" ? i + 2 : i;
}
// One or more spaces; nullopt when there is none.
std::optional<size_t> spaces(std::string_view s, size_t i) {
  if (!space_at(s, i)) return std::nullopt;
  while (space_at(s, i)) ++i;
  return i;
}
// Three to nine ASCII letters at `i`, the run ending there.
std::optional<size_t> month_letters(std::string_view s, size_t i) {
  size_t end = i;
  while (letter_at(s, end) && end - i <= 9) ++end;
  if (end - i < 3 || end - i > 9) return std::nullopt;
  return end;
}

// 2015-11-16
std::optional<DateMatch> iso_at(std::string_view s, size_t i) {
  const auto y = fixed_digits(s, i, 4);
  if (!y || *y >= s.size() || s[*y] != '-') return std::nullopt;
  const auto m = fixed_digits(s, *y + 1, 2);
  if (!m || *m >= s.size() || s[*m] != '-') return std::nullopt;
  const auto d = fixed_digits(s, *m + 1, 2);
  if (!d) return std::nullopt;
  return DateMatch{*d, digits_value(s, i, 4), digits_value(s, *y + 1, 2), digits_value(s, *m + 1, 2), {}};
}

// 2019/6/13, 2019.06.13: year first, as East Asian papers write it (never year, day, month).
std::optional<DateMatch> year_first_at(std::string_view s, size_t i) {
  if (i > 0 && digit_at(s, i - 1)) return std::nullopt;
  const auto y = fixed_digits(s, i, 4);
  if (!y || *y >= s.size() || (s[*y] != '/' && s[*y] != '.')) return std::nullopt;
  const auto m = day_digits(s, *y + 1);
  if (!m || *m >= s.size() || s[*m] != s[*y]) return std::nullopt;
  const auto d = day_digits(s, *m + 1);
  if (!d) return std::nullopt;
  return DateMatch{*d, digits_value(s, i, 4), digits_value(s, *y + 1, *m - *y - 1), digits_value(s, *m + 1, *d - *m - 1), {}};
}

// 16 November 2015, 16th Nov., 2015, 3rd of August, 2024
std::optional<DateMatch> day_month_at(std::string_view s, size_t i) {
  const auto day = day_digits(s, i);
  if (!day) return std::nullopt;
  const size_t after_day = skip_ordinal(s, *day);
  auto word_start = spaces(s, after_day);
  if (word_start && after_day != *day && s.substr(*word_start, 3) == "of ") word_start = spaces(s, *word_start + 2);  // "3rd of August"
  if (!word_start) return std::nullopt;
  const auto word_end = month_letters(s, *word_start);
  if (!word_end) return std::nullopt;
  size_t k = *word_end;
  if (k < s.size() && s[k] == '.') ++k;
  if (k < s.size() && s[k] == ',') ++k;
  const auto year = spaces(s, k);
  if (!year || !fixed_digits(s, *year, 4)) return std::nullopt;
  return DateMatch{*year + 4, digits_value(s, *year, 4), 0, digits_value(s, i, *day - i), s.substr(*word_start, *word_end - *word_start)};
}

// November 16, 2015, Nov. 16th 2015
std::optional<DateMatch> month_day_at(std::string_view s, size_t i) {
  const auto word_end = month_letters(s, i);
  if (!word_end) return std::nullopt;
  size_t k = *word_end;
  if (k < s.size() && s[k] == '.') ++k;
  const auto day_start = spaces(s, k);
  if (!day_start) return std::nullopt;
  const auto day = day_digits(s, *day_start);
  if (!day) return std::nullopt;
  k = skip_ordinal(s, *day);
  if (k < s.size() && s[k] == ',') ++k;
  const auto year = spaces(s, k);
  if (!year || !fixed_digits(s, *year, 4)) return std::nullopt;
  return DateMatch{*year + 4, digits_value(s, *year, 4), 0, digits_value(s, *day_start, *day - *day_start), s.substr(i, *word_end - i)};
}

// 16/11/2015, 16.11.2015, 16-11-2015 (day-first), 11/16/2015 (month-first: 16 is no month)
std::optional<DateMatch> numeric_at(std::string_view s, size_t i) {
  if (i > 0 && digit_at(s, i - 1)) return std::nullopt;
  const auto a = day_digits(s, i);
  if (!a || *a >= s.size() || (s[*a] != '/' && s[*a] != '.' && s[*a] != '-')) return std::nullopt;
  const auto b = day_digits(s, *a + 1);
  if (!b || *b >= s.size() || s[*b] != s[*a]) return std::nullopt;  // the same separator twice
  const auto y = fixed_digits(s, *b + 1, 4);
  if (!y || digit_at(s, *y)) return std::nullopt;
  const int first = digits_value(s, i, *a - i), second = digits_value(s, *a + 1, *b - *a - 1);
  const bool month_first = second > 12 && first <= 12;
  return DateMatch{*y, digits_value(s, *b + 1, 4), month_first ? first : second, month_first ? second : first, {}};
}

// 04.09.24, 4/9/24: day-first with a two-digit year (2000 + yy), as a
// header's time stamp writes it. Stricter than numeric_at: dots or slashes
// only, never month-first, and not inside a longer dotted or slashed number.
std::optional<DateMatch> numeric_short_year_at(std::string_view s, size_t i) {
  if (i > 0 && (digit_at(s, i - 1) || s[i - 1] == '.' || s[i - 1] == '/')) return std::nullopt;
  const auto a = day_digits(s, i);
  if (!a || *a >= s.size() || (s[*a] != '/' && s[*a] != '.')) return std::nullopt;
  const auto b = day_digits(s, *a + 1);
  if (!b || *b >= s.size() || s[*b] != s[*a]) return std::nullopt;  // the same separator twice
  // The year: two digits, as stamps write it. One or none ("04.09.4", "04.09.") read as 2004 and 2000, as the
  // reader's own parser read them before this form replaced it.
  size_t y = *b + 1;
  while (y < *b + 3 && digit_at(s, y)) ++y;
  if (digit_at(s, y)) return std::nullopt;
  return DateMatch{y, 2000 + digits_value(s, *b + 1, y - *b - 1), digits_value(s, *a + 1, *b - *a - 1), digits_value(s, i, *a - i), {}};
}

// 20 Oct 21: a day, a month's name and a two-digit year, one space apart
// (monitoring services' stamps). Stricter than day_month_at: no ordinal,
// no dot or comma after the month, and not after a letter or digit.
std::optional<DateMatch> day_month_short_year_at(std::string_view s, size_t i) {
  if (i > 0 && (digit_at(s, i - 1) || letter_at(s, i - 1))) return std::nullopt;
  const auto day = day_digits(s, i);
  if (!day || *day >= s.size() || s[*day] != ' ') return std::nullopt;
  const auto word_end = month_letters(s, *day + 1);
  if (!word_end || *word_end >= s.size() || s[*word_end] != ' ') return std::nullopt;
  const auto y = fixed_digits(s, *word_end + 1, 2);
  if (!y || digit_at(s, *y)) return std::nullopt;
  return DateMatch{*y, 2000 + digits_value(s, *word_end + 1, 2), 0, digits_value(s, i, *day - i), s.substr(*day + 1, *word_end - *day - 1)};
}

using DateForm = std::optional<DateMatch> (*)(std::string_view, size_t);
constexpr DateForm kDateForms[] = {iso_at, day_month_at, month_day_at, numeric_at, year_first_at};
constexpr DateForm kShortYearForms[] = {numeric_short_year_at, day_month_short_year_at};

// The named month of a match, when the form has one (0 when the word is no month).
int match_month(const DateMatch& m) { return m.month_word.empty() ? m.month : month_from_name(m.month_word); }

std::optional<CivilDate> real_day(int year, int month, int day) {
  const CivilDate d{year, month, day};
  if (!is_valid(d)) return std::nullopt;
  return d;
}

bool is_time_suffix(std::string_view rest) {
  if (rest.empty() || rest.front() != 'T') return false;
  for (char c : rest.substr(1))
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-')) return false;
  return true;
}

std::optional<CivilDate> find_four_digit_year_date(std::string_view text) {
  for (DateForm form : kDateForms) {
    for (size_t i = 0; i < text.size(); ++i) {
      const auto m = form(text, i);
      if (!m) continue;
      // A day-month or month-day match whose word is no month ("Mizan 11, 1401 (October 3, 2022)"): read on.
      const int month = match_month(*m);
      if (month == 0) continue;
      if (m->year < 1900 || m->year > 2100) continue;  // "Oct 21, 1530 gmt": a time of day, no year
      return real_day(m->year, month, m->day);
    }
  }
  return std::nullopt;
}

std::optional<CivilDate> find_two_digit_year_date(std::string_view text) {
  for (DateForm form : kShortYearForms)
    for (size_t i = 0; i < text.size(); ++i)
      if (const auto m = form(text, i))
        if (const auto d = real_day(m->year, match_month(*m), m->day)) return d;
  return std::nullopt;
}

}  // namespace

std::optional<CivilDate> find_date(std::string_view text, DateOptions options) {
  const auto date = find_four_digit_year_date(text);
  if (date || !options.two_digit_year) return date;
  return find_two_digit_year_date(text);
}

std::optional<CivilDate> parse_date_exact(std::string_view text) {
  while (!text.empty() && space_at(text, 0)) text.remove_prefix(1);
  while (!text.empty() && space_at(text, text.size() - 1)) text.remove_suffix(1);
  for (DateForm form : kDateForms) {
    const auto m = form(text, 0);
    if (!m) continue;
    const bool whole = m->end == text.size() || (form == kDateForms[0] && is_time_suffix(text.substr(m->end)));
    const int month = match_month(*m);
    if (whole && month) return real_day(m->year, month, m->day);
  }
  return std::nullopt;
}

namespace {
std::string lower_letters(std::string_view w) {
  std::string out;
  for (char c : w)
    if (std::isalpha(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}
}  // namespace

int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {"january", "february", "march",     "april",   "may",      "june",
                                                             "july",    "august",   "september", "october", "november", "december"};
  const std::string w = lower_letters(word);
  if (w.size() < 3) return 0;
  for (size_t i = 0; i < names.size(); ++i) {
    if (w == names[i]) return static_cast<int>(i + 1);
    // Abbreviations: "Jan", "Sept", "Sep"; but not "mar" inside "marching".
    if (w.size() <= 4 && names[i].substr(0, w.size()) == w && word.size() <= 5) return static_cast<int>(i + 1);
  }
  return 0;
}

std::string_view weekday_name(int weekday) {
  static constexpr std::array<std::string_view, 7> names = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return weekday >= 0 && weekday < 7 ? names[static_cast<size_t>(weekday)] : std::string_view();
}

int weekday_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 7> names = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  const std::string w = lower_letters(word);
  for (size_t i = 0; i < names.size(); ++i)
    if (w == names[i] || (w.size() == 3 && names[i].substr(0, 3) == w)) return static_cast<int>(i);
  return -1;
}

}  // namespace sitmap
