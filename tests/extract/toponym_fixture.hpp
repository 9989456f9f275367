#pragma once
// What the toponym tests share: the gazetteer, a text's resolved mentions,
// and the place a name resolved to.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/toponyms.hpp"
#include "text/dateline.hpp"

namespace sitmap::test {

inline const Gazetteer& gaz() {
  static const Gazetteer g = Gazetteer::open_default();
  return g;
}

inline std::vector<Mention> resolved(const std::string& text, bool with_dateline = false) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.published = CivilDate{2021, 3, 30};
  if (with_dateline) doc.dateline = find_dateline(doc.text);
  const Segmented seg = segment(doc.text);
  std::vector<Mention> m = recognize_toponyms(doc, seg, gaz(), Lexicon::builtin());
  resolve_toponyms(m, gaz(), doc, seg);
  settle_toponyms(m, gaz(), doc);
  return m;
}

// The place the first mention of `name` resolves to; nullopt when it is no
// mention or has no place.
inline std::optional<Place> place_of(const std::vector<Mention>& ms, std::string_view name) {
  for (const Mention& m : ms)
    if (m.text == name) return m.candidates.empty() ? std::nullopt : std::optional<Place>(gaz().place(m.candidates.front().entry));
  return std::nullopt;
}
}  // namespace sitmap::test
