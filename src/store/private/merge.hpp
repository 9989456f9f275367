#pragma once
// Canonical events in the store (store/canonical.hpp has the rules): new
// readings are matched against the stored readings near them and the
// canonical events of the groups they join or found are rewritten. Runs
// inside the caller's transaction; only src/store includes this.
#include <span>
#include <string>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/canonical.hpp"
#include "store/private/store_impl.hpp"

namespace sitmap {

struct NewReading {
  Event event;  // as extracted (its event_id, its report's provenance)
  ReadingSource source;
  std::string canonical_id;  // set by merge_readings
};

// A stored canonical event: its row, and the readings it groups.
struct StoredGroup {
  std::string id;
  int64_t fid = -1;
  Event primary;  // the canonical row with its most precise reading's event_id: the fold's candidate
  std::vector<ReadingSummary> readings;
  std::vector<std::string> also_coded;
  // The canonical row as this process last wrote it (GeoPackage): what a
  // rewrite compares with instead of reading the row back. Null when it
  // must be read (a group read from the store, links rewritten since).
  FeaturePtr row;
};

// The groups a process wrote, as it wrote them, so the next batch need not
// read them back (a hundred reports of one event are a hundred summaries).
// Valid while no other writer has stored readings: the store's highest
// reading fid is what this process left.
// A stored reading as matching sees it (its report is not read: a stored
// reading is never of a new report).
struct StoredReading {
  Event event;
  std::string canonical_id;
  long span_from = 0, span_to = 0;  // match_span as day numbers: a quick first test
};

// The rows a candidate query selects: of one country and type, whose
// event_date lies in [from, to] (day numbers).
struct CandidateWindow {
  std::string country_code, event_type;
  long from = 0, to = 0;
  std::string sql() const;  // the condition, of checked values only
  bool holds(const Event& e) const;
};
// The window in which stored readings can match `e`; nullopt when `e` cannot be matched.
std::optional<CandidateWindow> candidate_window(const Event& e);

struct CandidateSet {
  CandidateWindow window;
  std::vector<StoredReading> rows;
  std::unordered_set<std::string> seen;  // rows as matching sees them: a copied report is one row
};

struct MergeCache {
  int64_t last_reading_fid = -1;  // PostGIS: the store's highest reading fid when this process last wrote
  uint64_t writes = 0;            // GeoPackage: this process's merging writes to the store when this cache last wrote
  std::unordered_map<std::string, StoredGroup> groups;
  std::unordered_map<std::string, CandidateSet> candidates;  // by CandidateWindow::sql()
  std::unordered_map<std::string, std::string> renamed;      // a group's old id -> the id it was merged into
  size_t candidate_rows = 0;
  std::optional<bool> has_imported;  // ACLED or GDELT events in the store
  void clear() { *this = MergeCache{}; }
};
// Forgets the cache (a rolled-back transaction, a rebuild).
void forget_merged_groups(Store::Impl& store);

const ReadingSummary& most_precise(std::span<const ReadingSummary> readings);

// Groups `readings` with each other and with the stored readings they
// match, rewrites the canonical events of those groups (events layer),
// relabels stored readings whose group was joined to another, sets each
// new reading's canonical_id and stores the readings (readings layer).
void merge_readings(Store::Impl& store, std::vector<NewReading>& readings);

// Every canonical event made again from the readings layer (an upgrade
// from a store without canonical events, or a check): the sitmap rows of
// the events layer are replaced.
void rebuild_canonical(Store::Impl& store);

// Links our canonical events and imported ones (ACLED, GDELT) that the
// matching rules call the same event: each lists the other in also_coded
// ("acled:SYR1234", "sitmap:c..."). The anchors' links are made afresh
// from the other side near them; links to `gone_ids` (groups merged into
// others) are dropped.
void link_datasets(Store::Impl& store, const std::vector<int64_t>& our_fids, const std::set<std::string>& gone_ids);
// The same from imported events just added (sitmap import).
void link_rows(Store::Impl& store, const std::vector<int64_t>& anchor_fids, const std::set<std::string>& gone);

// The SQL condition selecting the stored rows that could match `e` (the
// indexed country, type and date), or "" when `e` cannot be matched. Only
// checked values enter it: a two-letter country code, one of our event
// types, dates we format.
std::string candidate_condition(const Event& e);

// The same reading key for the same report and event, whichever order reports arrive in.
std::string reading_key(const std::string& content_hash, size_t event_index);

}  // namespace sitmap
