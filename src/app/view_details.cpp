// The pinned event: every field, the source sentence highlighted within its
// report, and the other places its location mention could have been.
#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/viewer.hpp"

namespace sitmap {
namespace {

// A value for an OGR attribute filter: quotes doubled (ids come from the store, but still).
std::string sql_literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace

struct DetailsCache {
  int64_t fid = -1;
  Event event;
  std::string before, after, title;  // report text around the sentence
  nlohmann::json candidates;
};

namespace {

DetailsCache load_details(Store& store, int64_t fid) {
  DetailsCache d;
  d.fid = fid;
  OGRLayer& events = store.layer(kEventsLayer);
  FeaturePtr f(events.GetFeature(fid));
  if (!f) return d;
  d.event = event_from_feature(*f, EventColumns(*events.GetLayerDefn()));
  OGRLayer& docs = store.layer(kDocumentsLayer);
  docs.SetAttributeFilter(("document_id = " + sql_literal(d.event.document_id)).c_str());
  docs.ResetReading();
  if (FeaturePtr doc{docs.GetNextFeature()}) {
    const std::string text = doc->GetFieldAsString("text");
    d.title = doc->GetFieldAsString("title");
    const size_t s = std::min<size_t>(d.event.start, text.size()), e = std::min<size_t>(d.event.end, text.size());
    d.before = text.substr(s > 400 ? s - 400 : 0, s > 400 ? 400 : s);
    d.after = text.substr(e, 400);
  }
  docs.SetAttributeFilter(nullptr);
  if (d.event.location_start) {
    OGRLayer& mentions = store.layer(kMentionsLayer);
    const std::string where = "document_id = " + sql_literal(d.event.document_id) + " AND start = " + std::to_string(*d.event.location_start);
    mentions.SetAttributeFilter(where.c_str());
    mentions.ResetReading();
    if (FeaturePtr m{mentions.GetNextFeature()}) d.candidates = nlohmann::json::parse(m->GetFieldAsString("candidates"), nullptr, false);
    mentions.SetAttributeFilter(nullptr);
  }
  return d;
}

}  // namespace

void Viewer::view_details() {
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 430, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(420, 600), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Details", &state_.show_details)) {
    ImGui::End();
    return;
  }
  if (state_.selected < 0 || static_cast<size_t>(state_.selected) >= table_.size()) {
    ImGui::TextDisabled("Click an event on the map or in the table to pin it.");
    ImGui::End();
    return;
  }
  const int64_t fid = table_.fid[static_cast<size_t>(state_.selected)];
  if (!details_ || details_->fid != fid) details_ = std::make_shared<DetailsCache>(load_details(store_, fid));
  const DetailsCache& cache = *details_;
  const Event& e = cache.event;
  ImGui::TextColored(ImVec4(0.6f, 0.1f, 0.1f, 1), "%s", e.sub_event_type.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", e.event_type.c_str());
  ImGui::Text("%s%s%s  (time precision %d)", e.when.date ? to_iso(*e.when.date).c_str() : "?", e.when.date_to ? " to " : "",
              e.when.date_to ? to_iso(*e.when.date_to).c_str() : "", e.when.precision);
  ImGui::Text("Actors: %s / %s", e.actor1.empty() ? "-" : e.actor1.c_str(), e.actor2.empty() ? "-" : e.actor2.c_str());
  ImGui::Text("Place: %s, %s, %s (%s)  precision %d %s", e.location.c_str(), e.admin1.c_str(), e.country.c_str(),
              e.country_code.c_str(), e.geo_precision, e.geo_relation.c_str());
  ImGui::Text("At %.5f, %.5f   geonameid %s", e.point.lat, e.point.lon, e.geonameid ? std::to_string(*e.geonameid).c_str() : "-");
  ImGui::Text("Fatalities: %s", e.fatalities ? std::to_string(*e.fatalities).c_str() : "not reported");
  for (const auto& [k, v] : e.quantities) ImGui::BulletText("%s: %ld", k.c_str(), v);
  for (const auto& t : e.targets) ImGui::BulletText("target: %s", t.c_str());
  ImGui::Text("Confidence %.2f, %d sentence%s of evidence%s", e.confidence, e.evidence_count, e.evidence_count == 1 ? "" : "s",
              e.background ? ", background" : "");
  ImGui::TextDisabled("%s  %s", e.event_id.c_str(), e.document_id.c_str());
  ImGui::Separator();
  if (!cache.title.empty()) ImGui::TextWrapped("%s", cache.title.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.45f, 0.45f, 1));
  if (!cache.before.empty()) ImGui::TextWrapped("...%s", cache.before.c_str());
  ImGui::PopStyleColor();
  // The sentence, highlighted: its text on channel 1, a marker-pen band behind it on channel 0.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::TextWrapped("%s", e.sentence.c_str());
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), IM_COL32(255, 236, 150, 255), 2);
  dl->ChannelsMerge();
  ImGui::TextColored(ImVec4(0.7f, 0.2f, 0.1f, 1), "trigger: \"%s\"", e.trigger.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.45f, 0.45f, 1));
  if (!cache.after.empty()) ImGui::TextWrapped("%s...", cache.after.c_str());
  ImGui::PopStyleColor();
  if (cache.candidates.is_array() && cache.candidates.size() > 0) {
    ImGui::Separator();
    ImGui::TextDisabled("Where \"%s\" could have been:", e.location.c_str());
    for (const auto& c : cache.candidates)
      ImGui::BulletText("%s, %s %s (%s)  %.2f, %.2f  score %.2f", c.value("name", "").c_str(), c.value("admin1", "").c_str(),
                        c.value("country_code", "").c_str(), c.value("feature", "").c_str(), c.value("lat", 0.0),
                        c.value("lon", 0.0), c.value("score", 0.0));
  }
  ImGui::End();
}

}  // namespace sitmap
