#pragma once
// The words that place one place against another, written once: compass
// points ("north-east of Kabul", "in northern Mali") and the words that name
// an administrative division ("Raqqa province", "the state capital").
// The chunker, recognition, resolution and event placing each read a part
// of these lists; the parts differ (the flags say which part each reads),
// the words do not.
#include <span>
#include <string_view>

namespace sitmap {

// ---- compass points ---------------------------------------------------------

struct CompassPoint {
  std::string_view name;       // lower case: "north", "northeast", "north-east"
  std::string_view adjective;  // "northern", "northeastern", "north-eastern"
  bool cardinal;               // north, south, east or west
  bool hyphenated;             // "north-east" (its twin "northeast" is a row of its own)
};

// The twelve: the four cardinal points, then the four between them written
// joined, then hyphenated.
std::span<const CompassPoint> compass_points();
// The point named `lower` ("south-west"), else nullptr.
const CompassPoint* compass_point_named(std::string_view lower);
// The point whose adjective is `lower` ("south-western"), else nullptr.
const CompassPoint* compass_point_of_adjective(std::string_view lower);
inline bool is_compass_point(std::string_view lower) { return compass_point_named(lower) != nullptr; }

// ---- administrative divisions -------------------------------------------------

struct DivisionWord {
  // The phrases a word is read in; a word may be read in several.
  enum Use : unsigned {
    after_name = 1u << 0,   // "Raqqa province", "Gwoza LGA": the division, not its town
    of_name = 1u << 1,      // "the province of Raqqa"
    aside = 1u << 2,        // "Turbat, in the south-western province of Balochistan": a larger place after a town
    of_larger = 1u << 3,    // "the Central Highlands province of Dak Lak": the place after "of" is this division
    capital = 1u << 4,      // "the state capital", "the province capital": the division's seat
    seat_suffix = 1u << 5,  // "Kano State": the division, seated in the town of its name without the word
    own_suffix = 1u << 6,   // "Kurram District", "Queen Anne's County": a name that says it is a division
    query_type = 1u << 7,   // "Deir Ezzor province" asked of the gazetteer: look among divisions of `level`
    place_noun = 1u << 8,   // "Cesar province", "the Taji district": a noun after a name that says it names a place
    beside_name = 1u << 9,  // "Gwoza LGA", "Kano State": a capitalised word beside a place, no part of its name
    of_cue = 1u << 10,      // "the county of", "state of": words before a name that tie it to an action as a place
  };
  std::string_view word;       // lower case: "province"
  std::string_view title;      // as it ends a division's name: "Province"
  std::string_view adjective;  // "provincial" (read before "capital"); empty when none is read
  int level;                   // 1: first-level (province, state), 2: second-level (district, county)
  unsigned uses;               // Use flags
};

// Every division word, the first-level ones first. The order of the
// seat_suffix words is the order they are stripped in ("Kano State").
std::span<const DivisionWord> division_words();
// `lower` is a division word read in `use` ("province", DivisionWord::aside).
bool is_division_word(std::string_view lower, DivisionWord::Use use);
// `lower` is a division word's adjective ("provincial", "regional", "departmental").
bool is_division_adjective(std::string_view lower);
// `name` ends with a space and `d`'s title: "Kurram District".
bool ends_with_title(std::string_view name, const DivisionWord& d);

// ---- streets and squares -------------------------------------------------------

// "Haifa Street", "Hart Road": the word after a street's name (lower case).
bool is_street_word(std::string_view lower);
// "Avenida de Mayo", "Calle Fortaleza", "Piazza del Popolo": the word before a street's or square's name.
bool is_street_prefix(std::string_view lower);
// "Krystalgade", "Drottninggatan", "Hauptstraße": a street by its own word's ending (one word).
bool has_street_ending(std::string_view lower);
// "Avenida de Mayo", "rue des Martyrs", "Piazza della Signoria": the article or preposition between
// a street's word and its name.
bool is_street_connector(std::string_view lower);

}  // namespace sitmap
