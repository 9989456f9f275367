#pragma once
// The words that label a date rather than name anything ("Published:",
// "Updated 10:55 GMT", "Posted Tuesday"), written once. The dateline reader
// and the header's date field each read a part of the list (the flags say
// which part); the words do not differ.
#include <span>
#include <string_view>

namespace sitmap {

struct DateLabel {
  enum Use : unsigned {
    // "Published Tuesday", "Updated: March 4": a line of the date, never the
    // filing place of a dateline (text/dateline.cpp).
    date_line = 1u << 0,
    // "Released: Wednesday, 7 May 2025", "10:55 hrs GMT": a word a header's
    // date field may carry besides the date (text/reader.cpp).
    header_field = 1u << 1,
  };
  std::string_view word;  // lower case: "published"
  unsigned uses;          // Use flags
};

std::span<const DateLabel> date_labels();
// `lower` is a date label read in `use` ("updated", DateLabel::date_line).
bool is_date_label(std::string_view lower, DateLabel::Use use);

}  // namespace sitmap
