#include <doctest/doctest.h>

#include "core/date.hpp"

using namespace sitmap;

TEST_CASE("civil date arithmetic round-trips") {
  for (long d = -800000; d < 800000; d += 997) CHECK(days_from_civil(civil_from_days(d)) == d);
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(to_iso(add_days({2015, 11, 16}, -3)) == "2015-11-13");
  CHECK(to_iso(add_days({2016, 2, 28}, 1)) == "2016-02-29");
}

TEST_CASE("weekdays") {
  CHECK(weekday({2015, 11, 16}) == 1);  // Monday
  CHECK(weekday({2015, 11, 13}) == 5);  // Friday
  CHECK(weekday({1970, 1, 1}) == 4);    // Thursday
}

TEST_CASE("ISO parsing rejects days that do not exist") {
  CHECK(parse_iso_date("2015-11-16").has_value());
  CHECK_FALSE(parse_iso_date("2015-02-30").has_value());
  CHECK_FALSE(parse_iso_date("2015-13-01").has_value());
  CHECK_FALSE(parse_iso_date("16/11/2015").has_value());
  CHECK(parse_iso_date("2016-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2015-02-29").has_value());
}

TEST_CASE("month and weekday names") {
  CHECK(month_from_name("November") == 11);
  CHECK(month_from_name("Sept.") == 9);
  CHECK(month_from_name("Nov") == 11);
  CHECK(month_from_name("Marching") == 0);
  CHECK(weekday_from_name("Sunday") == 0);
  CHECK(weekday_from_name("Friday’s") == -1);  // callers strip possessives
  CHECK(weekday_from_name("Fri") == 5);
  CHECK(weekday_name(0) == "Sunday");
  CHECK(weekday_name(3) == "Wednesday");
  CHECK(weekday_name(7).empty());
  CHECK(weekday_name(-1).empty());
  for (int d = 0; d < 7; ++d) CHECK(weekday_from_name(weekday_name(d)) == d);
  CHECK(weekday_name(weekday({2015, 11, 16})) == "Monday");
}

TEST_CASE("dates found in text: the first of each form, in linear time") {
  CHECK(find_date("Last updated: 16 November, 2015") == CivilDate{2015, 11, 16});
  CHECK(find_date("Nov. 16th, 2015 09:00") == CivilDate{2015, 11, 16});
  CHECK(find_date("Mon, 16 Nov 2015 09:00:00 GMT") == CivilDate{2015, 11, 16});
  CHECK(find_date("x2015-11-16T09:30:00Z") == CivilDate{2015, 11, 16});
  CHECK(find_date("16.11.2015") == CivilDate{2015, 11, 16});
  CHECK(find_date("11/16/2015") == CivilDate{2015, 11, 16});
  CHECK_FALSE(find_date("2015-02-30 and 2015-11-16").has_value());           // the first ISO date decides
  CHECK(find_date("16 Foo 2015, Nov 16, 2015") == CivilDate{2015, 11, 16});  // no month: the next form
  CHECK(find_date("123 November 2015") == CivilDate{2015, 11, 23});          // as the old pattern read it
  CHECK(find_date("Published on the 3rd of August, 2024") == CivilDate{2024, 8, 3});
  CHECK_FALSE(find_date("3 of August 2024").has_value());  // "of" only after an ordinal
  // A month-day of another calendar before ours: read on in the same form.
  CHECK(find_date("Monday, Mizan 11, 1401 (October 3, 2022) 14:12") == CivilDate{2022, 10, 3});
  CHECK(find_date("Dispatched: 25-01-2025 21:10") == CivilDate{2025, 1, 25});  // dashes, day first
  CHECK(find_date("2019/6/13 (Thu)") == CivilDate{2019, 6, 13});               // year first, as East Asian papers write
  CHECK(find_date("JIJI PRESS  2025/10/28-18:32") == CivilDate{2025, 10, 28});
  CHECK_FALSE(find_date("12019/6/13").has_value());
  CHECK_FALSE(find_date("Compiled 20 Oct 21, 1530 gmt").has_value());  // 1530 is a time, no year
  CHECK_FALSE(find_date("25-01/2025").has_value());                    // two separators
  CHECK_FALSE(find_date("125/01/20255").has_value());
  CHECK_FALSE(find_date("Novembers 16, 2015x").has_value());
  CHECK_FALSE(find_date(std::string(200000, '1')).has_value());
  CHECK_FALSE(find_date("1" + std::string(200000, ' ') + "Nov").has_value());
}

TEST_CASE("a whole-string date, for options and coded columns") {
  CHECK(parse_date_exact("2015-11-13") == CivilDate{2015, 11, 13});
  CHECK(parse_date_exact(" 2015-11-13 ") == CivilDate{2015, 11, 13});
  CHECK(parse_date_exact("2015-11-13T10:00:00Z") == CivilDate{2015, 11, 13});
  CHECK(parse_date_exact("13 November 2015") == CivilDate{2015, 11, 13});
  CHECK(parse_date_exact("November 13, 2015") == CivilDate{2015, 11, 13});
  CHECK_FALSE(parse_date_exact("xx 2015-11-13 yy").has_value());
  CHECK_FALSE(parse_date_exact("2015-11-13 yy").has_value());
  CHECK_FALSE(parse_date_exact("2015-11-13Tnoon").has_value());
  CHECK_FALSE(parse_date_exact("13 Foo 2015").has_value());
  CHECK_FALSE(parse_date_exact("2015-02-30").has_value());
  CHECK_FALSE(parse_date_exact("").has_value());
  CHECK_FALSE(parse_date_exact(std::string(100000, '1')).has_value());
}

TEST_CASE("two-digit years: only when asked, only day-first, after every four-digit form") {
  constexpr DateOptions two_digit{.two_digit_year = true};
  CHECK_FALSE(find_date("10:55, 04.09.24").has_value());  // off by default
  CHECK(find_date("10:55, 04.09.24", two_digit) == CivilDate{2024, 9, 4});
  CHECK(find_date("4/9/24", two_digit) == CivilDate{2024, 9, 4});
  CHECK(find_date("Compiled 20 Oct 21, 1530 gmt", two_digit) == CivilDate{2021, 10, 20});
  CHECK(find_date("20 October 21", two_digit) == CivilDate{2021, 10, 20});
  CHECK(find_date("04.09.24 16 November 2015", two_digit) == CivilDate{2015, 11, 16});  // a four-digit year first
  CHECK(find_date("20 Oct 21 then 04.09.24", two_digit) == CivilDate{2024, 9, 4});      // the numeric form first
  CHECK(find_date("31.02.24 or 01.03.24", two_digit) == CivilDate{2024, 3, 1});         // reads on past no real day
  CHECK_FALSE(find_date("09/13/24", two_digit).has_value());                            // never month-first
  CHECK_FALSE(find_date("04-09-24", two_digit).has_value());                            // dots or slashes only
  CHECK_FALSE(find_date("v.04.09.24", two_digit).has_value());                          // inside a longer dotted number
  CHECK_FALSE(find_date("04.09.245", two_digit).has_value());
  CHECK_FALSE(find_date("20th Oct 21", two_digit).has_value());  // no ordinal
  CHECK_FALSE(find_date("20 Oct. 21", two_digit).has_value());
  CHECK_FALSE(find_date("20  Oct 21", two_digit).has_value());  // one space apart
  CHECK_FALSE(find_date("x20 Oct 21", two_digit).has_value());  // not after a letter
  CHECK_FALSE(find_date("20 Foo 21", two_digit).has_value());
  CHECK_FALSE(find_date("20 Oct 213", two_digit).has_value());
  CHECK(find_date("04.09.4", two_digit) == CivilDate{2004, 9, 4});  // as the header reader always read a short year
}
