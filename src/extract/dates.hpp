#pragma once
// Date expressions in a sentence, resolved against the report's
// publication date: "on Sunday" (the most recent Sunday on or before it),
// "Friday's attacks", "overnight", "yesterday", "last week", "earlier this
// month", "on September 30" (the latest such day not after publication),
// "since September 2014" (a range start).
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"
#include "text/segment.hpp"

namespace sitmap {

struct DateCue {
  uint32_t first_token = 0, last_token = 0;
  DateSpan span;
  bool since = false;      // "since ...": a campaign's start, not one action
  bool reporting = false;  // "On Monday, the Pentagon said": the date of the telling
  bool ahead = false;      // "called a march for Saturday": a day after the report's, planned
};

// "said", "told", "announced" ...: a verb that tells rather than acts.
bool is_reporting_verb(std::string_view w);

// Cues in sentence `s`. Without a publication date, relative cues are
// skipped. Impossible days ("February 30") are skipped with a warning.
// `today`: the day relative cues count from, when not the publication day
// (a live page's entry under its "22:05, 1 May" heading).
std::vector<DateCue> find_date_cues(const Document& doc, const Segmented& seg, const Sentence& s,
                                    std::vector<std::string>* warnings = nullptr, std::optional<CivilDate> today = std::nullopt);

}  // namespace sitmap
