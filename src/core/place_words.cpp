#include "core/place_words.hpp"

#include <algorithm>
#include <array>

namespace sitmap {

namespace {

constexpr std::array<CompassPoint, 12> kCompassPoints = {{
    {"north", "northern", true, false},
    {"south", "southern", true, false},
    {"east", "eastern", true, false},
    {"west", "western", true, false},
    {"northeast", "northeastern", false, false},
    {"northwest", "northwestern", false, false},
    {"southeast", "southeastern", false, false},
    {"southwest", "southwestern", false, false},
    {"north-east", "north-eastern", false, true},
    {"north-west", "north-western", false, true},
    {"south-east", "south-eastern", false, true},
    {"south-west", "south-western", false, true},
}};

using U = DivisionWord::Use;
constexpr unsigned kAll1 =
    U::aside | U::of_larger | U::seat_suffix | U::after_name | U::of_name | U::query_type | U::place_noun | U::beside_name;

// The uses differ per word as the readers have always read them: "oblast"
// and "department" are no after_name words, "prefecture" no aside, ...
constexpr std::array<DivisionWord, 17> kDivisionWords = {{
    {"state", "State", "", 1, kAll1 | U::capital | U::of_cue},
    {"province", "Province", "provincial", 1, kAll1 | U::capital | U::own_suffix | U::of_cue},
    {"region", "Region", "regional", 1, kAll1 | U::capital | U::of_cue},
    {"governorate", "Governorate", "", 1, kAll1},
    {"department", "Department", "departmental", 1, U::aside | U::of_larger | U::seat_suffix},
    {"oblast", "Oblast", "", 1, U::aside | U::of_larger | U::seat_suffix | U::of_name | U::query_type | U::beside_name},
    {"prefecture", "Prefecture", "", 1, U::of_larger | U::own_suffix | U::query_type},
    {"district", "District", "", 2, U::aside | U::after_name | U::of_name | U::own_suffix | U::query_type | U::place_noun | U::beside_name},
    {"county", "County", "", 2, U::aside | U::after_name | U::own_suffix | U::query_type | U::place_noun | U::beside_name | U::of_cue},
    {"lga", "LGA", "", 2, U::after_name | U::beside_name},
    {"parish", "Parish", "", 2, U::own_suffix | U::query_type},
    {"municipality", "Municipality", "", 2, U::own_suffix | U::beside_name},
    {"borough", "Borough", "", 2, U::own_suffix | U::query_type},
    // Oman's and the Maghreb's: "the Wilayat of Muttrah", "Wilaya of Tizi Ouzou".
    {"wilayat", "Wilayat", "", 2, U::aside | U::after_name | U::of_name | U::query_type | U::place_noun | U::beside_name},
    {"wilaya", "Wilaya", "", 1, U::aside | U::after_name | U::of_name | U::query_type | U::place_noun | U::beside_name},
    // Mali's, in French and in translation: "the cercle of Bourem", "in the Ansongo circle".
    {"cercle", "Cercle", "", 2, U::aside | U::after_name | U::of_name | U::place_noun | U::beside_name},
    {"circle", "Circle", "", 2, U::after_name | U::place_noun | U::beside_name},
}};

}  // namespace

std::span<const CompassPoint> compass_points() { return kCompassPoints; }

const CompassPoint* compass_point_named(std::string_view lower) {
  const auto* p = std::find_if(kCompassPoints.begin(), kCompassPoints.end(), [&](const CompassPoint& c) { return c.name == lower; });
  return p == kCompassPoints.end() ? nullptr : p;
}

const CompassPoint* compass_point_of_adjective(std::string_view lower) {
  const auto* p = std::find_if(kCompassPoints.begin(), kCompassPoints.end(), [&](const CompassPoint& c) { return c.adjective == lower; });
  return p == kCompassPoints.end() ? nullptr : p;
}

std::span<const DivisionWord> division_words() { return kDivisionWords; }

bool is_division_word(std::string_view lower, DivisionWord::Use use) {
  return std::any_of(kDivisionWords.begin(), kDivisionWords.end(),
                     [&](const DivisionWord& d) { return (d.uses & use) && d.word == lower; });
}

bool is_division_adjective(std::string_view lower) {
  return !lower.empty() &&
         std::any_of(kDivisionWords.begin(), kDivisionWords.end(), [&](const DivisionWord& d) { return d.adjective == lower; });
}

bool ends_with_title(std::string_view name, const DivisionWord& d) {
  return name.size() > d.title.size() && name.ends_with(d.title) && name[name.size() - d.title.size() - 1] == ' ';
}

bool is_street_word(std::string_view lower) {
  for (std::string_view w : {"street", "road", "avenue", "lane", "boulevard", "terrace", "drive", "st.", "rd."})
    if (lower == w) return true;
  return false;
}

bool is_street_prefix(std::string_view lower) {
  for (std::string_view w :
       {"avenida", "calle", "rue", "avenue", "rua", "via", "viale", "jalan", "boulevard", "paseo", "carrera", "calzada", "piazza", "plaza",
        "pra\xC3\xA7"
        "a",
        "largo", "place"})
    if (lower == w) return true;
  return false;
}

bool is_street_connector(std::string_view lower) {
  for (std::string_view w : {"de", "del", "du", "des", "da", "do", "di", "della"})
    if (lower == w) return true;
  return false;
}

bool has_street_ending(std::string_view lower) {
  for (std::string_view end : {"gade", "gatan", "strasse",
                               "stra\xC3\x9F"
                               "e",
                               "straat", "caddesi", "ulitsa"})
    if (lower.size() > end.size() + 2 && lower.ends_with(end)) return true;
  return false;
}

}  // namespace sitmap
