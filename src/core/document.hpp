#pragma once
// A report as read from disk or a JSON line: the text every byte offset in
// Sitmap points into.
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.hpp"

namespace sitmap {

// A wire dateline ("KHARTOUM, June 4, 2019 (AFP) -"): where and when the
// report was filed. The filing place is never, by itself, where the
// report's events happened.
struct Dateline {
  uint32_t start = 0, end = 0;              // byte offsets of the whole dateline in the text
  uint32_t place_start = 0, place_end = 0;  // "KHARTOUM" or "MOSUL, Iraq"
  std::string agency;                       // "AFP", "Reuters", "Xinhua"; empty when none is named
  std::optional<CivilDate> date;
  int month = 0, day = 0;     // as written, also when no year is ("LIMA, Jan 10 (Reuters)")
  bool year_written = false;  // the year stands in the dateline itself
  bool year_guessed = false;  // no year written anywhere it was read from: the reader's guess
  bool year_bounded = false;  // that guess kept within the terms of leaders the report names
};

struct Document {
  std::string id;  // stable: the file's base name, or the JSON line's "id"
  std::string title;
  std::string byline;
  std::string summary;  // a standfirst or subtitle: like the title, it restates the report's events
  std::string source;   // file path or the JSON line's "source"
  std::string url;
  std::optional<CivilDate> published;
  std::optional<Dateline> dateline;
  std::string text;  // UTF-8; every offset is a byte offset into this
};

}  // namespace sitmap
