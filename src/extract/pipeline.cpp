#include "extract/pipeline.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "extract/events.hpp"
#include "extract/toponyms.hpp"

namespace sitmap {

Analysis analyse(const Document& doc, const Gazetteer& gaz, const Lexicon& lex) {
  Analysis a;
  a.segments = segment(doc.text);
  a.mentions = recognize_toponyms(doc, a.segments, gaz, lex);
  resolve_toponyms(a.mentions, gaz, doc, a.segments, lex);
  settle_toponyms(a.mentions, gaz, doc);
  a.events = extract_events(doc, a.segments, a.mentions, gaz, lex);
  return a;
}

namespace {
double round6(double v) { return std::round(v * 1e6) / 1e6; }
nlohmann::json opt_date(const std::optional<CivilDate>& d) { return d ? nlohmann::json(to_iso(*d)) : nlohmann::json(nullptr); }
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

nlohmann::json event_json(const Event& e) {
  nlohmann::json q = nlohmann::json::object();
  for (const auto& [k, v] : e.quantities) q[k] = v;
  return {{"event_id", e.event_id},
          {"event_date", opt_date(e.when.date)},
          {"event_date_to", opt_date(e.when.date_to)},
          {"time_precision", e.when.precision},
          {"event_type", e.event_type},
          {"sub_event_type", e.sub_event_type},
          {"actor1", e.actor1},
          {"actor2", e.actor2},
          {"location", e.location},
          {"geonameid", e.geonameid ? nlohmann::json(*e.geonameid) : nlohmann::json(nullptr)},
          {"admin1", e.admin1},
          {"country", e.country},
          {"country_code", e.country_code},
          {"latitude", round6(e.point.lat)},
          {"longitude", round6(e.point.lon)},
          {"geo_precision", e.geo_precision},
          {"geo_relation", e.geo_relation},
          {"fatalities", e.fatalities ? nlohmann::json(*e.fatalities) : nlohmann::json(nullptr)},
          {"quantities", q},
          {"targets", e.targets},
          {"confidence", std::round(e.confidence * 100) / 100},
          {"background", e.background},
          {"document_id", e.document_id},
          {"sentence", e.sentence},
          {"start", e.start},
          {"end", e.end},
          {"trigger", e.trigger},
          {"trigger_start", e.trigger_start},
          {"trigger_end", e.trigger_end},
          {"location_start", e.location_start ? nlohmann::json(*e.location_start) : nlohmann::json(nullptr)},
          {"location_end", e.location_end ? nlohmann::json(*e.location_end) : nlohmann::json(nullptr)},
          {"evidence_count", e.evidence_count}};
}

}  // namespace sitmap
