#include "core/date.hpp"

#include <array>
#include <cctype>
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
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
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
std::string lower_letters(std::string_view w) {
  std::string out;
  for (char c : w)
    if (std::isalpha(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}
}  // namespace

int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  const std::string w = lower_letters(word);
  if (w.size() < 3) return 0;
  for (size_t i = 0; i < names.size(); ++i) {
    if (w == names[i]) return static_cast<int>(i + 1);
    // Abbreviations: "Jan", "Sept", "Sep"; but not "mar" inside "marching".
    if (w.size() <= 4 && names[i].substr(0, w.size()) == w && word.size() <= 5) return static_cast<int>(i + 1);
  }
  return 0;
}

int weekday_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 7> names = {"sunday", "monday", "tuesday", "wednesday",
                                                            "thursday", "friday", "saturday"};
  const std::string w = lower_letters(word);
  for (size_t i = 0; i < names.size(); ++i)
    if (w == names[i] || (w.size() == 3 && names[i].substr(0, 3) == w)) return static_cast<int>(i);
  return -1;
}

}  // namespace sitmap
