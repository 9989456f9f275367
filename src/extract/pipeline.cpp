#include "extract/pipeline.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "extract/actors.hpp"
#include "extract/events.hpp"
#include "extract/toponyms.hpp"

namespace sitmap {

Analysis locate_places(const Document& doc, const Gazetteer& gaz, const Lexicon& lex) {
  Analysis a;
  a.segments = segment(doc.text);
  a.mentions = recognize_toponyms(doc, a.segments, gaz, lex);
  resolve_toponyms(a.mentions, gaz, doc, a.segments, lex);
  settle_toponyms(a.mentions, gaz, doc);
  return a;
}

Analysis analyse(const Document& doc, const Gazetteer& gaz, const Lexicon& lex) {
  Analysis a = locate_places(doc, gaz, lex);
  a.events = extract_events(doc, a.segments, a.mentions, gaz, lex);
  a.confidence_features = calibrate_confidence(a.events);
  for (Event& e : a.events) name_unnamed_sides(e);  // after confidence, which weighs a side named in the text
  return a;
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
