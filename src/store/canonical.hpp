#pragma once
// One event, many reports. Each report's reading of an event is stored as
// it was extracted (the readings layer); the events layer holds canonical
// events: the groups of readings that code the same event, by the pairwise
// rule below, with their fields chosen by ACLED's rules across reports.
//
// A group is a connected component of the "same event" relation over all
// readings, and its id is the smallest reading key in it (keys come from
// the report's content, never from arrival order), so the groups, their
// ids and their fields do not depend on the order reports arrive in.
// No GDAL here: the store calls these while it writes (store.cpp).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"

namespace sitmap {

// What matching needs to know of a reading besides its event fields.
struct ReadingSource {
  std::string key;          // content-derived: the report's content hash, '-', the event's number in it
  std::string agency;       // the news agency or outlet ("afp", "reuters", "example.com"); "" when unknown
  std::string fingerprint;  // of the sentence, folded: a rewrite of the same wire copy has the same one
};

// One rule's outcome for a pair of readings (`sitmap events explain`).
struct RuleCheck {
  std::string rule;  // "type", "date", "place", "actors", "reports", "mergeable"
  bool passed = false;
  std::string detail;  // why, in words
};

struct MatchVerdict {
  bool same = false;  // every rule passed
  std::vector<RuleCheck> checks;
};

// Can this reading be matched at all? Background context, a date vaguer
// than a week or a range over seven days, or no country, stay on their own.
bool is_mergeable(const Event& e, std::string* why = nullptr);

// Do readings `a` and `b` of different reports code the same event? Every
// rule is checked (for the explanation), in order: mergeable, reports,
// type, date, place, actors.
MatchVerdict match_readings(const Event& a, const Event& b);
// match_readings(a, b).same, without the words (what ingest asks).
bool same_event(const Event& a, const Event& b);
// The same rules for one of our events against an imported one (ACLED,
// GDELT): the reports rule is left out.
MatchVerdict match_across_datasets(const Event& ours, const Event& theirs);

// The days a reading can mean: its span widened by its time precision
// (a week's precision: three days either side). nullopt without a date.
std::optional<std::pair<CivilDate, CivilDate>> match_span(const Event& e);
// The event_date range in which a stored reading can match `e` (a query window).
std::optional<std::pair<CivilDate, CivilDate>> candidate_dates(const Event& e);

// An actor's name as ACLED would have it for comparison: folded, and
// "Military Forces of France", "French forces", "French warplanes" are "france".
std::string normalise_actor(std::string_view actor);
std::string normalise_actor_uncached(std::string_view actor);

// The agency of a report: the wire named in its byline or dateline
// ("(AFP)", "Reuters"), else the host of its URL, else "".
std::string report_agency(const Document& doc);
// A sentence's fingerprint: the hash of its letters and digits, folded (16 hex digits).
std::string sentence_fingerprint(std::string_view sentence);

// What a canonical event keeps of each of its readings.
struct ReadingSummary {
  std::string key, event_id, document_id, agency, fingerprint;
  std::optional<CivilDate> date, date_to;
  int time_precision = 1, geo_precision = 1;
  std::string location;
  double latitude = 0, longitude = 0;
  std::optional<int> fatalities;
  std::string actor1, actor2;
  double confidence = 0;
};
ReadingSummary summarise(const Event& e, const ReadingSource& source);
std::string summaries_json(std::span<const ReadingSummary> readings);
std::vector<ReadingSummary> summaries_from_json(std::string_view json);

// Independent sources among readings: readings of one agency, or of the
// same sentence (one agency's copy rewritten by another), count once.
int independent_sources(std::span<const ReadingSummary> readings);

// A canonical event: the readings it groups (by key, ascending) and its fields.
struct CanonicalEvent {
  Event event;  // event_id: the group's id; place, date, provenance from the most precise reading
  std::vector<ReadingSummary> readings;
  int source_count = 1;
  std::vector<std::string> document_ids;
};

// The group's canonical fields by ACLED's rules: place and date from the
// most precise reading (then the smallest key), the lowest fatality figure
// reported, actors of the primary reading filled in from the others,
// targets merged, confidence rising with independent sources.
// `primary_candidates` hold full events; at least one of them must be the
// most precise reading of `readings`.
CanonicalEvent fold_canonical(std::vector<ReadingSummary> readings, std::span<const Event> primary_candidates);

// The id of a group: "c" and its smallest reading key.
std::string canonical_id_for(std::string_view smallest_key);
// Is this the form of a canonical event's id ("c", hex digits, '-', digits)?
bool is_canonical_event_id(std::string_view id);

// The JSON columns of a canonical event.
std::string document_ids_json(std::span<const std::string> ids);

}  // namespace sitmap

namespace sitmap {

class Store;

// `sitmap events explain`: the canonical event with this event_id (or the
// one a reading of this event_id belongs to), its readings, the rule each
// pair of them passed or failed, and the stored readings near it that were
// kept apart with the rule they failed. Empty when the store holds no such event.
std::vector<std::string> explain_event(Store& store, const std::string& event_id);

}  // namespace sitmap
