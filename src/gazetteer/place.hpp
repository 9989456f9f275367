#pragma once
// What a gazetteer entry is, as the resolver and the CLI see it.
#include <cstdint>
#include <string_view>

#include "core/geo.hpp"

namespace sitmap {

enum class PlaceKind : uint8_t { city = 0, admin1, admin2, country, region, continent, sea };

// How a name reached an entry: its own name, one of its alternate names, a
// code or abbreviation ("U.S.", "Va."), a demonym ("French"), or an admin
// unit's name without its suffix ("Rapides" for "Rapides Parish").
enum class MatchHow : uint8_t { name = 0, alias, abbreviation, demonym, base_name };

std::string_view kind_name(PlaceKind k);
std::string_view how_name(MatchHow h);

// A read-only view of one entry; its strings live in the mapped index.
struct Place {
  uint32_t index = 0;      // position in the index
  uint32_t geonameid = 0;  // 0 when the source has none
  std::string_view name;
  PlaceKind kind = PlaceKind::city;
  std::string_view feature;  // GeoNames feature code: PPLC, ADM1, PCLI, RGN, SEA ...
  std::string_view country_code;
  std::string_view admin1;  // first-level division's name
  GeoPoint point;
  uint64_t population = 0;
  std::string_view demonyms;  // '|'-separated, countries only
};

// Is `p` inside the division or country `q` (the qualifier in "Paris, Texas")?
inline bool within(const Place& p, const Place& q) {
  if (p.index == q.index || p.country_code != q.country_code) return false;
  return q.kind == PlaceKind::country || p.admin1 == q.admin1;
}

// One ranked answer to a lookup.
struct Candidate {
  uint32_t entry = 0;
  MatchHow how = MatchHow::name;
  bool fuzzy = false;
  int distance = 0;  // spelling distance for fuzzy matches
  double prior = 0;  // context-free plausibility: kind, population, match
};

}  // namespace sitmap
