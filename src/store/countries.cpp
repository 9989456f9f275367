#include "store/private/countries.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/fold.hpp"
#include "core/paths.hpp"

namespace sitmap {

const CountryCodes& CountryCodes::get() {
  static const CountryCodes codes = [] {
    const std::string path = geodata_file("world-countries/countries.json");
    std::ifstream in(path);
    const auto all = nlohmann::json::parse(in, nullptr, false);
    if (!all.is_array()) throw std::runtime_error(path + ": not the world-countries list");
    CountryCodes c;
    for (const auto& country : all) {
      const std::string a2 = country.value("cca2", ""), num = country.value("ccn3", "");
      if (a2.empty()) continue;
      if (!num.empty()) {
        c.numeric_of_alpha2[a2] = num;
        c.alpha2_of_numeric[num] = a2;
      }
      const std::string common = country["name"].value("common", "");
      c.name_of_alpha2[a2] = common;
      c.alpha2_of_name[fold_name(common)] = a2;
      c.alpha2_of_name[fold_name(country["name"].value("official", ""))] = a2;
      for (const auto& alt : country.value("altSpellings", nlohmann::json::array()))
        if (alt.is_string()) c.alpha2_of_name.emplace(fold_name(alt.get<std::string>()), a2);
    }
    return c;
  }();
  return codes;
}

std::string CountryCodes::alpha2_for_name(std::string_view name) const {
  const auto it = alpha2_of_name.find(fold_name(name));
  return it == alpha2_of_name.end() ? std::string() : it->second;
}

std::string CountryCodes::alpha2_for_numeric(std::string_view numeric) const {
  std::string digits(numeric.substr(0, numeric.find('.')));
  while (!digits.empty() && digits.size() < 3) digits.insert(digits.begin(), '0');
  const auto it = alpha2_of_numeric.find(digits);
  return it == alpha2_of_numeric.end() ? std::string() : it->second;
}

}  // namespace sitmap
