#pragma once
// Country codes and names from the world-countries data package: ISO alpha-2,
// ISO numeric (world-atlas's polygon ids, ACLED's `iso`) and common names.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sitmap {

struct CountryCodes {
  std::unordered_map<std::string, std::string> numeric_of_alpha2, alpha2_of_numeric, alpha2_of_name, name_of_alpha2;

  // Reads geodata's world-countries/countries.json; throws naming the file.
  static const CountryCodes& get();
  std::string alpha2_for_name(std::string_view name) const;        // "" when unknown
  std::string alpha2_for_numeric(std::string_view numeric) const;  // "760" or "760.0" -> "SY"
};

}  // namespace sitmap
