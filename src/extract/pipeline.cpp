#include "extract/pipeline.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "extract/actors.hpp"
#include "extract/events.hpp"
#include "extract/leaders.hpp"
#include "extract/toponyms.hpp"
#include "text/dateline.hpp"

namespace sitmap {

Analysis locate_places(const Document& doc, const Gazetteer& gaz, const Lexicon& lex) {
  Analysis a;
  a.segments = segment(doc.text);
  a.mentions = recognize_toponyms(doc, a.segments, gaz, lex);
  resolve_toponyms(a.mentions, gaz, doc, a.segments, lex);
  settle_toponyms(a.mentions, gaz, doc);
  return a;
}

// "TUNIS, March 18 (Xinhua) --" over a story that writes no year anywhere: the
// year is the reader's guess (the latest in which the day falls on the weekday
// the story names), which only the caller can set right.
std::optional<std::string> guessed_year(const Document& doc) {
  if (!doc.dateline || !doc.dateline->year_guessed || !doc.published) return std::nullopt;
  const std::string year = std::to_string(doc.published->year);
  if (doc.text.find(year) != std::string::npos) return std::nullopt;
  const std::string why = doc.dateline->year_bounded ? ", a year the leaders it names held office" : "";
  return doc.source + ": byte " + std::to_string(doc.dateline->start) + ": the report writes no year; its dateline read as " + year + why +
         " (give the date with --published, or a JSON line's \"published\")";
}

namespace {
// "TUNIS, March 18 (Xinhua)" over a story that names "Prime Minister Habib Essid": the year guessed
// from the weekday, kept within his years in office. Null when nothing bounds it.
std::optional<Document> with_bounded_year(const Document& doc) {
  if (!year_guess_open(doc)) return std::nullopt;
  const auto allowed = years_of_named_leaders(doc.text, LeaderTable::builtin(), today().year);
  if (!allowed) return std::nullopt;
  Document bounded = doc;
  if (!bound_guessed_year(bounded, allowed)) return std::nullopt;
  return bounded;
}

// The analysis of a report whose date is settled.
Analysis analyse_dated(const Document& doc, const Gazetteer& gaz, const Lexicon& lex) {
  Analysis a = locate_places(doc, gaz, lex);
  if (auto w = guessed_year(doc)) a.warnings.push_back(std::move(*w));
  a.events = extract_events(doc, a.segments, a.mentions, gaz, lex, &a.warnings);
  a.confidence_features = calibrate_confidence(a.events);
  for (Event& e : a.events) name_unnamed_sides(e);  // after confidence, which weighs a side named in the text
  return a;
}
}  // namespace

Analysis analyse(const Document& doc, const Gazetteer& gaz, const Lexicon& lex) {
  // (Once bounded, the copy is analysed as it is: its guess is not bounded again.)
  if (const std::optional<Document> bounded = with_bounded_year(doc)) return analyse_dated(*bounded, gaz, lex);
  return analyse_dated(doc, gaz, lex);
}

namespace {
double round6(double v) { return std::round(v * 1e6) / 1e6; }
}  // namespace

nlohmann::json geoparse_json(const Document& doc, const std::vector<Mention>& mentions, const Gazetteer& gaz) {
  nlohmann::json out = {{"id", doc.id}, {"toponyms", nlohmann::json::array()}};
  for (const Mention& m : mentions) {
    if (m.candidates.empty()) continue;
    const Place p = gaz.place(m.candidates.front().entry);
    out["toponyms"].push_back({{"start", m.start},
                               {"end", m.end},
                               {"text", m.text},
                               {"lat", round6(p.point.lat)},
                               {"lon", round6(p.point.lon)},
                               {"geonameid", p.geonameid ? nlohmann::json(p.geonameid) : nlohmann::json(nullptr)},
                               {"country", p.country_code},
                               {"feature", p.feature},
                               {"name", p.name},
                               {"demonym", m.demonym},
                               {"confidence", std::round(resolution_confidence(m) * 100) / 100}});
  }
  return out;
}

}  // namespace sitmap
