#include "text/date_labels.hpp"

#include <algorithm>
#include <array>

namespace sitmap {

namespace {

using U = DateLabel::Use;

// The verbs of publishing first, then the words of the time. The uses
// differ per word as the readers have always read them: a dateline's date
// line may say "Modified", a header's field "Filed", "Sent" or "GMT".
constexpr std::array<DateLabel, 17> kDateLabels = {{
    {"published", U::date_line | U::header_field},
    {"updated", U::date_line | U::header_field},
    {"posted", U::date_line | U::header_field},
    {"released", U::date_line | U::header_field},
    {"modified", U::date_line},
    {"generated", U::header_field},
    {"filed", U::header_field},
    {"issued", U::header_field},
    {"sent", U::header_field},
    {"date", U::header_field},
    {"dated", U::header_field},
    {"last", U::header_field},
    {"time", U::header_field},
    {"local", U::header_field},
    {"hrs", U::header_field},
    {"gmt", U::header_field},
    {"utc", U::header_field},
}};

}  // namespace

std::span<const DateLabel> date_labels() { return kDateLabels; }

bool is_date_label(std::string_view lower, DateLabel::Use use) {
  return std::any_of(kDateLabels.begin(), kDateLabels.end(), [&](const DateLabel& d) { return (d.uses & use) && d.word == lower; });
}

}  // namespace sitmap
