#pragma once
// Agency datelines at the head of a report's body: "KHARTOUM, June 4, 2019
// (AFP) - ", "BAMAKO, Mali (AP) — ", "MOSUL, Iraq, March 3, 2017 (Reuters) - ",
// "KABUL, Aug. 26 (Xinhua) -- ", "NEW DELHI [India], March 5 (ANI): ",
// "BEIRUT (dpa) - ", "PEMBA, Mozambique &mdash; ". Read in one linear pass.
#include <functional>
#include <optional>
#include <string_view>

#include "core/document.hpp"

namespace sitmap {

// The dateline that opens one of the first paragraphs of `text` at or after
// byte `from`, if any. A date without a year takes `year_hint` (0: none,
// then the date is left out).
std::optional<Dateline> find_dateline(std::string_view text, size_t from = 0, int year_hint = 0);

// Sets doc.dateline from its text, and doc.published from the dateline's
// date when the report carries no other date.
void read_dateline(Document& doc);

// The publication date a caller gives (`sitmap extract --published`) for a
// report that gives none of its own, or whose dateline writes no year
// ("TUNIS, March 18 (Xinhua)"): there the dateline's day in the given year.
void give_publication_date(Document& doc, CivilDate given);

// Whether the report's year is still open to a bound: its dateline gives a day
// and month but no year, and the report no other date (or only the guess).
bool year_guess_open(const Document& doc);

// A dateline that writes no year, re-read among the years `allowed` lets stand
// (the terms of the leaders the report names with a title): the weekday the
// report names decides among them, else the latest. False, and nothing
// changed, when no such year differs from the guess.
bool bound_guessed_year(Document& doc, const std::function<bool(int)>& allowed);

}  // namespace sitmap
