// The pinned event: every field, the source sentence highlighted within its
// report, and the other places its location mention could have been.
#include <imgui.h>

#include <set>

#include "app/viewer.hpp"
#include "store/canonical.hpp"

namespace sitmap {

struct DetailsCache {
  int64_t fid = -1;
  Event event;
  DocumentExcerpt report;                         // report text around the sentence
  std::vector<PlaceRecord> candidates;            // of the location mention
  std::optional<Store::CanonicalReadings> group;  // our canonical event's readings, one per report
  std::string disagreements;                      // "date: ...; fatalities: ..." where the reports differ
};

namespace {

// What the reports of one event say differently: dates, places, tolls.
std::string disagreements(const std::vector<Event>& readings) {
  std::set<std::string> dates, places, tolls;
  for (const Event& r : readings) {
    dates.insert(r.when.date ? to_iso(*r.when.date) : "?");
    places.insert(r.location);
    tolls.insert(r.fatalities ? std::to_string(*r.fatalities) : "not given");
  }
  std::string out;
  auto add = [&](const char* what, const std::set<std::string>& values) {
    if (values.size() < 2) return;
    out += out.empty() ? "" : "; ";
    out += what;
    out += ":";
    for (const auto& v : values) out += " " + v + (&v == &*values.rbegin() ? "" : " /");
  };
  add("date", dates);
  add("place", places);
  add("fatalities", tolls);
  return out;
}

DetailsCache load_details(Store& store, int64_t fid) {
  DetailsCache d;
  d.fid = fid;
  const auto event = store.event_at(fid);
  if (!event) return d;
  d.event = *event;
  if (auto excerpt = store.document_excerpt(d.event.document_id, d.event.start, d.event.end)) d.report = std::move(*excerpt);
  if (d.event.location_start) d.candidates = store.mention_candidates(d.event.document_id, *d.event.location_start);
  // Our canonical events only (an imported event's id would be looked for among the readings).
  if (is_canonical_event_id(d.event.event_id)) d.group = store.canonical_event(d.event.event_id);
  if (d.group && d.group->readings.size() > 1) d.disagreements = disagreements(d.group->readings);
  return d;
}

}  // namespace

// A canonical event's reports: each one's reading, its sentence on a band.
void Viewer::view_sources(const Store::CanonicalReadings& group, const std::string& disagreements) {
  ImGui::Separator();
  ImGui::Text("Sources: %d independent, %zu report%s", group.source_count, group.readings.size(), group.readings.size() == 1 ? "" : "s");
  for (const std::string& link : group.also_coded) ImGui::BulletText("also coded as %s", link.c_str());
  if (!disagreements.empty()) ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.0f, 1), "Reports disagree: %s", disagreements.c_str());
  if (group.readings.size() < 2) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const Event& r : group.readings) {
    ImGui::TextDisabled("%s: %s, %s, %s", r.document_id.c_str(), r.when.date ? to_iso(*r.when.date).c_str() : "?", r.location.c_str(),
                        r.fatalities ? (std::to_string(*r.fatalities) + " killed").c_str() : "no toll");
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::TextWrapped("%s", r.sentence.c_str());
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), IM_COL32(255, 236, 150, 160), 2);
    dl->ChannelsMerge();
  }
}

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
  ImGui::Text("Place: %s, %s, %s (%s)  precision %d %s", e.location.c_str(), e.admin1.c_str(), e.country.c_str(), e.country_code.c_str(),
              e.geo_precision, e.geo_relation.c_str());
  ImGui::Text("At %.5f, %.5f   geonameid %s", e.point.lat, e.point.lon, e.geonameid ? std::to_string(*e.geonameid).c_str() : "-");
  ImGui::Text("Fatalities: %s", e.fatalities ? std::to_string(*e.fatalities).c_str() : "not reported");
  for (const auto& [k, v] : e.quantities) ImGui::BulletText("%s: %ld", k.c_str(), v);
  for (const auto& t : e.targets) ImGui::BulletText("target: %s", t.c_str());
  ImGui::Text("Confidence %.2f, %d sentence%s of evidence%s", e.confidence, e.evidence_count, e.evidence_count == 1 ? "" : "s",
              e.background ? ", background" : "");
  ImGui::TextDisabled("%s  %s", e.event_id.c_str(), e.document_id.c_str());
  if (cache.group) view_sources(*cache.group, cache.disagreements);
  ImGui::Separator();
  if (!cache.report.title.empty()) ImGui::TextWrapped("%s", cache.report.title.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.45f, 0.45f, 1));
  if (!cache.report.before.empty()) ImGui::TextWrapped("...%s", cache.report.before.c_str());
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
  if (!cache.report.after.empty()) ImGui::TextWrapped("%s...", cache.report.after.c_str());
  ImGui::PopStyleColor();
  if (!cache.candidates.empty()) {
    ImGui::Separator();
    ImGui::TextDisabled("Where \"%s\" could have been:", e.location.c_str());
    for (const PlaceRecord& c : cache.candidates)
      ImGui::BulletText("%s, %s %s (%s)  %.2f, %.2f  score %.2f", c.name.c_str(), c.admin1.c_str(), c.country_code.c_str(),
                        c.feature.c_str(), c.point.lat, c.point.lon, c.score);
  }
  ImGui::End();
}

}  // namespace sitmap
