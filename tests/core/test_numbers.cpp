#include <doctest/doctest.h>

#include <climits>

#include "core/numbers.hpp"

using namespace sitmap;

TEST_CASE("numbers: the whole field, finite") {
  CHECK(parse_number("35.9") == 35.9);
  CHECK(parse_number(" -1e3 ") == -1000.0);
  CHECK_FALSE(parse_number("").has_value());
  CHECK_FALSE(parse_number("12abc").has_value());
  CHECK_FALSE(parse_number("inf").has_value());
  CHECK_FALSE(parse_number("nan").has_value());
  CHECK_FALSE(parse_number("1e999").has_value());
}

TEST_CASE("whole numbers in a range: no undefined double-to-int cast") {
  CHECK(parse_int_in("3", 1, 3) == 3);
  CHECK(parse_int_in("3.0", 1, 3) == 3);
  CHECK_FALSE(parse_int_in("1e10", 1, 3).has_value());
  CHECK_FALSE(parse_int_in("1e300", 0, INT_MAX).has_value());
  CHECK_FALSE(parse_int_in("-5", 0, INT_MAX).has_value());
  CHECK_FALSE(parse_int_in("2.5", 0, 10).has_value());
  CHECK(int_in(2147483647.0, 0, INT_MAX) == INT_MAX);
  CHECK_FALSE(int_in(2147483648.0, 0, INT_MAX).has_value());
  CHECK_FALSE(int_in(-1e20, INT_MIN, INT_MAX).has_value());
}
