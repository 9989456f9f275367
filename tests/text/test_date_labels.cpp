#include <doctest/doctest.h>

#include <set>
#include <string>

#include "text/date_labels.hpp"

using namespace sitmap;

namespace {
std::set<std::string> labels_read_in(DateLabel::Use use) {
  std::set<std::string> out;
  for (const DateLabel& d : date_labels())
    if (d.uses & use) out.emplace(d.word);
  return out;
}
}  // namespace

TEST_CASE("date labels: each reader reads the words it always read") {
  using S = std::set<std::string>;
  CHECK(labels_read_in(DateLabel::date_line) == S{"published", "updated", "posted", "modified", "released"});
  CHECK(labels_read_in(DateLabel::header_field) == S{"posted", "published", "updated", "released", "generated", "filed", "issued", "sent",
                                                     "date", "dated", "last", "time", "local", "hrs", "gmt", "utc"});
}

TEST_CASE("date labels: lookups are of lower-case words, per use") {
  CHECK(is_date_label("modified", DateLabel::date_line));
  CHECK_FALSE(is_date_label("modified", DateLabel::header_field));  // a header's "Modified" counts as another word
  CHECK(is_date_label("sent", DateLabel::header_field));
  CHECK_FALSE(is_date_label("sent", DateLabel::date_line));
  CHECK_FALSE(is_date_label("Published", DateLabel::date_line));  // callers lower-case
  CHECK_FALSE(is_date_label("publish", DateLabel::header_field));
  CHECK_FALSE(is_date_label("", DateLabel::header_field));
  std::set<std::string> seen;
  for (const DateLabel& d : date_labels()) {
    CHECK(seen.insert(std::string(d.word)).second);  // each word once
    CHECK(d.uses != 0);
  }
}
