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
}
