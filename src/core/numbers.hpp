#pragma once
// Numbers read from text (CSV cells, options, attributes): the whole field
// is the number or there is none, and a value is range-checked before it
// becomes an int (casting an out-of-range double is undefined behaviour).
#include <optional>
#include <string_view>

namespace sitmap {

// A finite decimal number, spaces around it allowed ("35.9", " -1e3 ");
// nullopt for "", "12abc", "inf", "nan" or an overflow.
std::optional<double> parse_number(std::string_view text);

// A whole number in [lo, hi], written as an integer or a double without a
// fraction ("3", "3.0", "3e0"); nullopt otherwise.
std::optional<int> parse_int_in(std::string_view text, int lo, int hi);

// `v` as an int when it is whole and in [lo, hi]; nullopt otherwise.
std::optional<int> int_in(double v, int lo, int hi);

}  // namespace sitmap
