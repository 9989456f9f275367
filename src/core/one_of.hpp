#pragma once
// Is a word one of a short list? The test the tagger, the chunker and the
// extractor ask of lower-case words everywhere, written once.
#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace sitmap {

inline bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace sitmap
