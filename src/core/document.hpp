#pragma once
// A report as read from disk or a JSON line: the text every byte offset in
// Sitmap points into.
#include <optional>
#include <string>

#include "core/date.hpp"

namespace sitmap {

struct Document {
  std::string id;         // stable: the file's base name, or the JSON line's "id"
  std::string title;
  std::string byline;
  std::string source;     // file path or the JSON line's "source"
  std::string url;
  std::optional<CivilDate> published;
  std::string text;       // UTF-8; every offset is a byte offset into this
};

}  // namespace sitmap
