#include "core/numbers.hpp"

#include <charconv>
#include <cmath>

namespace sitmap {

std::optional<double> parse_number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int> int_in(double v, int lo, int hi) {
  // Compared as doubles first: only then is the cast defined.
  if (!std::isfinite(v) || v < lo || v > hi || std::trunc(v) != v) return std::nullopt;
  return static_cast<int>(v);
}

std::optional<int> parse_int_in(std::string_view text, int lo, int hi) {
  const auto v = parse_number(text);
  if (!v) return std::nullopt;
  return int_in(*v, lo, hi);
}

}  // namespace sitmap
