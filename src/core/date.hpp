#pragma once
// Civil (proleptic Gregorian) dates as day numbers: the arithmetic date
// resolution and the timeline need, without time zones.
#include <optional>
#include <string>
#include <string_view>

namespace sitmap {

struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before).
long days_from_civil(CivilDate d);
CivilDate civil_from_days(long days);
// 0 = Sunday ... 6 = Saturday.
int weekday(CivilDate d);
int days_in_month(int year, int month);
bool is_valid(CivilDate d);
CivilDate add_days(CivilDate d, long n);
// The calendar day now, in UTC (the upper bound of a guessed year).
CivilDate today();
// "YYYY-MM-DD"; nullopt when malformed or not a real day (2015-02-30).
std::optional<CivilDate> parse_iso_date(std::string_view s);
std::string to_iso(CivilDate d);
struct DateOptions {
  // Also read a day-first date with a two-digit year of this century
  // ("04.09.24", "4/9/24", "20 Oct 21"), when no four-digit date is read.
  // Off by default: only a header's date field is trusted with one (in
  // running text "1.5.24" is as likely a version).
  bool two_digit_year = false;
};
// The first date written anywhere in `text`, in linear time: ISO
// "2015-11-16" (also inside "2015-11-16T09:30:00Z"), "16 November, 2015",
// "Nov. 16th, 2015", "16/11/2015" (day-first unless the first number cannot
// be a month), tried in that order. nullopt when the first match of the
// first form found is not a real day, or none is found. With
// two_digit_year, then "04.09.24" and "20 Oct 21" forms, in that order, the
// first that is a real day (these read on past "31.02.24").
std::optional<CivilDate> find_date(std::string_view text, DateOptions options = {});
// `text` (spaces around it aside) is one date in a form find_date reads and
// nothing else; an ISO date may carry a time ("2015-11-16T09:30:00Z").
// "xx 2015-11-16 yy" is no date here.
std::optional<CivilDate> parse_date_exact(std::string_view text);
// 1..12 for an English month name or its usual abbreviation ("Sept."), else 0.
int month_from_name(std::string_view word);
// 0..6 for an English weekday name ("Sunday", "Sun"), else -1.
int weekday_from_name(std::string_view word);
// The English name of weekday 0..6 as a sentence writes it ("Sunday"); empty outside 0..6.
std::string_view weekday_name(int weekday);

}  // namespace sitmap
