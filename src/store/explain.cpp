#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "store/canonical.hpp"
#include "store/store.hpp"

namespace sitmap {
namespace {

std::string reading_line(const Event& e) {
  const std::string date = e.when.date ? to_iso(*e.when.date) : "no date";
  const std::string dead = e.fatalities ? fmt::format(", {} killed", *e.fatalities) : "";
  return fmt::format("{} [{}] {}, {} (precision {}), {} (precision {}){}, {} / {}: \"{}\"", e.event_id, e.document_id, e.sub_event_type,
                     e.location, e.geo_precision, date, e.when.precision, dead, e.actor1.empty() ? "-" : e.actor1,
                     e.actor2.empty() ? "-" : e.actor2, e.sentence);
}

void add_checks(std::vector<std::string>& out, const MatchVerdict& v, bool failed_only) {
  for (const RuleCheck& c : v.checks)
    if (!failed_only || !c.passed) out.push_back(fmt::format("      {} {}: {}", c.passed ? "pass" : "FAIL", c.rule, c.detail));
}

}  // namespace

std::vector<std::string> explain_event(Store& store, const std::string& event_id) {
  std::vector<std::string> out;
  const auto group = store.canonical_event(event_id);
  if (!group) return out;
  const Event& e = group->event;
  out.push_back(fmt::format("{}: {} / {} in {} ({}) on {}: {} reading(s) from {} report(s), {} independent source(s), confidence {:.2f}",
                            e.event_id, e.event_type, e.sub_event_type, e.location, e.country_code,
                            e.when.date ? to_iso(*e.when.date) : "no date", group->readings.size(), group->document_ids.size(),
                            group->source_count, e.confidence));
  for (const std::string& link : group->also_coded) out.push_back("  also coded as " + link);
  out.push_back("readings:");
  for (const Event& r : group->readings) out.push_back("  " + reading_line(r));
  const size_t n = group->readings.size();
  if (n > 1) {
    out.push_back("pairs (a group is every reading linked to another by a passing pair):");
    size_t shown = 0;
    for (size_t a = 0; a < n; ++a)
      for (size_t b = a + 1; b < n; ++b) {
        if (++shown > 30) continue;
        const MatchVerdict v = match_readings(group->readings[a], group->readings[b]);
        out.push_back(fmt::format("  {} + {}: {}", group->readings[a].event_id, group->readings[b].event_id,
                                  v.same ? "the same event" : "not matched directly (linked through others)"));
        add_checks(out, v, false);
      }
    if (shown > 30) out.push_back(fmt::format("  ... {} more pairs", shown - 30));
  }
  // The stored readings near it that are in other groups, and why.
  std::set<std::string> members;
  for (const Event& r : group->readings) members.insert(r.event_id + "\n" + r.document_id);
  std::vector<std::pair<Event, MatchVerdict>> apart;
  std::set<std::string> seen;
  for (const Event& r : group->readings)
    for (const Event& near : store.readings_near(r)) {
      const std::string key = near.event_id + "\n" + near.document_id;
      if (members.count(key) || !seen.insert(key).second) continue;
      apart.emplace_back(near, match_readings(r, near));
    }
  if (!apart.empty()) out.push_back("kept apart (stored readings of the same country, type and days):");
  for (const auto& [near, v] : apart) {
    out.push_back("  " + reading_line(near));
    add_checks(out, v, true);
  }
  if (group->readings.size() == 1 && apart.empty()) {
    std::string why;
    if (!is_mergeable(group->readings.front(), &why))
      out.push_back("not matched with any report: " + why);
    else
      out.push_back("no stored reading of the same country, type and days");
  }
  return out;
}

}  // namespace sitmap
