#include "store/private/merge.hpp"

#include <cpl_error.h>
#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <mutex>
#include <numeric>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/event_types.hpp"
#include "store/private/gpkg_update.hpp"
#include "store/private/schema.hpp"

namespace sitmap {
namespace {

// A date column of a query's result: a date (PostGIS, GeoPackage) or text.
std::optional<CivilDate> result_date(const OGRFeature& f, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return std::nullopt;
  if (f.GetFieldDefnRef(i)->GetType() == OFTString) return parse_iso_date(std::string_view(f.GetFieldAsString(i)).substr(0, 10));
  return date_field(f, i);
}

bool is_key_text(std::string_view s) {
  return !s.empty() && s.size() < 64 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '~'; });
}

// Rewrites a feature in place. In a GeoPackage, only the columns that
// changed are written where that can be done (gpkg_update.hpp: the indexes
// of unchanged columns are left alone). GDAL's GeoPackage SetFeature can
// report an existing row as missing though it updated it (it asks SQLite
// how many rows the last statement changed, and statements GDAL runs in
// between answer): the row is read back, and only a row that is not as
// written is replaced under the same fid.
// `stored`, when given, is the row as stored (as this process wrote it).
OGRErr rewrite_feature(OGRLayer& layer, OGRFeature& f, GeoPackageUpdates& updater, const OGRFeature* stored = nullptr) {
  if (updater.active()) {
    FeaturePtr read;
    if (!stored) stored = (read = FeaturePtr(layer.GetFeature(f.GetFID()))).get();
    if (stored && updater.rewrite_row(layer, *stored, f)) return OGRERR_NONE;
  }
  CPLErrorReset();
  const OGRErr err = layer.SetFeature(&f);
  if (err != OGRERR_NON_EXISTING_FEATURE) return err;
  FeaturePtr there(layer.GetFeature(f.GetFID()));
  if (!there) return err;
  if (there->Equal(&f)) return OGRERR_NONE;
  if (const OGRErr gone = layer.DeleteFeature(f.GetFID()); gone != OGRERR_NONE) return gone;
  return layer.CreateFeature(&f);
}

void must(OGRErr err, const Store::Impl& store, const char* what) {
  if (err != OGRERR_NONE) throw StoreError(store.location + ": cannot " + what + ": " + gdal_error_or("GDAL gave no reason"));
}

// Two readings of towns (or near towns) further apart in latitude than the
// place rule allows: what place_ok refuses, told without trigonometry.
bool far_apart(const Event& a, const Event& b) {
  if (a.geo_precision > 2 || b.geo_precision > 2) return false;
  if (a.geonameid && b.geonameid && *a.geonameid == *b.geonameid) return false;
  return std::abs(a.point.lat - b.point.lat) * 111.0 > 26.0;  // 25 km at most, a degree of latitude 111 km or more
}

// The merging writes this process has made to each store (by location).
std::mutex writes_mutex;
std::map<std::string, uint64_t>& write_counts() {
  static std::map<std::string, uint64_t> counts;
  return counts;
}
uint64_t writes_to(const std::string& location) {
  std::lock_guard lock(writes_mutex);
  return write_counts()[location];
}
uint64_t count_write(const std::string& location) {
  std::lock_guard lock(writes_mutex);
  return ++write_counts()[location];
}

// More cached candidate rows than this and the cache starts again (a long watch).
constexpr size_t kCachedRowsAtMost = 500000;

class Merger {
 public:
  Merger(Store::Impl& store, MergeCache& cache)
      : store_(store),
        cache_(cache),
        readings_(store.layer(kReadingsLayer)),
        events_(store.layer(kEventsLayer)),
        reading_columns_(*readings_.GetLayerDefn()),
        event_columns_(*events_.GetLayerDefn()) {
    // What this process remembers of the store is right unless another
    // writer has stored readings since: on PostGIS, fids only grow; a
    // GeoPackage has one writing process (WriterLock), and within it each
    // write counts.
    if (store_.postgis ? last_reading_fid() != cache_.last_reading_fid : writes_to(store_.location) != cache_.writes) cache_.clear();
    if (cache_.candidate_rows > kCachedRowsAtMost) cache_.clear();
  }

  int64_t last_reading_fid() {
    const char* column = readings_.GetFIDColumn();
    if (!column || !*column) return -2;
    OGRLayer* result = store_.ds->ExecuteSQL(fmt::format("SELECT MAX({}) FROM {}", column, kReadingsLayer).c_str(), nullptr, nullptr);
    if (!result) return -2;
    int64_t v = -1;
    if (FeaturePtr f{result->GetNextFeature()}; f && f->IsFieldSetAndNotNull(0)) v = f->GetFieldAsInteger64(0);
    store_.ds->ReleaseResultSet(result);
    return v;
  }

  void merge(std::vector<NewReading>& fresh) {
    const size_t n = fresh.size();
    std::vector<size_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    std::unordered_map<std::string, size_t> group_node;  // stored canonical id -> union-find node
    std::vector<std::string> node_group;                 // node - n -> stored canonical id
    auto find = [&](size_t i) {
      while (parent[i] != i) i = parent[i] = parent[parent[i]];
      return i;
    };
    auto unite = [&](size_t a, size_t b) {
      a = find(a), b = find(b);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    };
    // New readings against the stored ones near them.
    std::vector<std::optional<CandidateWindow>> windows(n);
    std::vector<std::string> conditions(n);
    for (size_t i = 0; i < n; ++i) {
      windows[i] = candidate_window(fresh[i].event);
      if (windows[i]) conditions[i] = windows[i]->sql();
    }
    fetch_candidates(windows, conditions);
    for (size_t i = 0; i < n; ++i) {
      if (conditions[i].empty()) continue;
      std::set<std::string> joined;  // a group is joined once: its other readings need no test
      const Event& e = fresh[i].event;
      const auto span = *match_span(e);
      const long from = days_from_civil(span.first), to = days_from_civil(span.second);
      for (const StoredReading& c : cache_.candidates.at(conditions[i]).rows) {
        if (c.span_to < from || c.span_from > to || far_apart(e, c.event)) continue;  // what the date and place rules refuse, quickly
        const std::string id = resolve(c.canonical_id);
        if (id.empty() || joined.count(id) || !same_event(e, c.event)) continue;
        joined.insert(id);
        auto [it, added] = group_node.emplace(id, n + node_group.size());
        if (added) {
          node_group.push_back(id);
          parent.push_back(it->second);
        }
        unite(i, it->second);
      }
    }
    // New readings against each other: only those of one country and type
    // whose widened dates meet can match (spans sorted by their first day).
    std::map<std::string, std::vector<size_t>> by_kind;
    for (size_t i = 0; i < n; ++i)
      if (windows[i]) by_kind[fresh[i].event.country_code + "|" + fresh[i].event.event_type].push_back(i);
    for (auto& [kind, members] : by_kind) {
      std::vector<std::pair<long, long>> span(n);  // day numbers
      for (size_t i : members) {
        const auto s = *match_span(fresh[i].event);
        span[i] = {days_from_civil(s.first), days_from_civil(s.second)};
      }
      std::sort(members.begin(), members.end(),
                [&](size_t a, size_t b) { return std::tie(span[a].first, a) < std::tie(span[b].first, b); });
      for (size_t a = 0; a < members.size(); ++a)
        for (size_t b = a + 1; b < members.size() && span[members[b]].first <= span[members[a]].second; ++b)
          if (find(members[a]) != find(members[b]) && same_event(fresh[members[a]].event, fresh[members[b]].event))
            unite(members[a], members[b]);
    }
    // Each group: its new readings and the stored groups it joins.
    std::map<size_t, std::pair<std::vector<size_t>, std::vector<std::string>>> components;
    for (size_t i = 0; i < n; ++i) components[find(i)].first.push_back(i);
    for (size_t g = 0; g < node_group.size(); ++g) components[find(n + g)].second.push_back(node_group[g]);
    for (auto& [root, parts] : components) write_group(fresh, parts.first, parts.second);
    relabel_readings();
    if (has_imported_events()) {
      link_datasets(store_, written_fids_, gone_ids_);
      for (auto& [id, group] : cache_.groups) group.row.reset();  // their links may have been rewritten
    }
    store_readings(fresh);
    remember(fresh);
    if (store_.postgis) cache_.last_reading_fid = last_reading_fid();
    cache_.writes = count_write(store_.location);
  }

 private:
  // The stored readings of each window the cache lacks, one row per
  // distinct reading as matching sees it (a report copied a hundred times
  // is one row: add_candidate keeps the first), in one query for the batch.
  // A GeoPackage's query is no SELECT DISTINCT: SQLite's temporary index of
  // every row's 16 columns cost half again the query's time in a store of a
  // million readings, where a window's rows are distinct, and it gave the
  // rows in the order the plain query gives them (the order in which a
  // batch meets stored groups). PostgreSQL may plan a DISTINCT by sorting
  // or hashing: that order is kept.
  void fetch_candidates(const std::vector<std::optional<CandidateWindow>>& windows, const std::vector<std::string>& conditions) {
    std::vector<CandidateSet*> missing;  // the cache's sets (an unordered_map's elements stay where they are)
    for (size_t i = 0; i < windows.size(); ++i)
      if (windows[i]) {
        auto [it, added] = cache_.candidates.try_emplace(conditions[i]);
        if (!added) continue;
        it->second.window = *windows[i];
        missing.push_back(&it->second);
      }
    if (missing.empty()) return;
    static constexpr const char* kColumns[] = {
        "canonical_id", "event_type", "sub_event_type", "event_date", "event_date_to", "time_precision", "country_code", "admin1",
        "location",     "geonameid",  "latitude",       "longitude",  "geo_precision", "actor1",         "actor2",       "background"};
    std::string columns, where;
    for (const char* c : kColumns) columns += std::string(columns.empty() ? "" : ", ") + "\"" + c + "\"";
    for (const CandidateSet* set : missing) where += (where.empty() ? "(" : " OR (") + set->window.sql() + ")";
    const std::string sql = fmt::format("SELECT {}{} FROM {} WHERE {}", store_.postgis ? "DISTINCT " : "", columns, kReadingsLayer, where);
    auto take = [&](StoredReading& r) {
      r.event.event_id = "stored";
      r.event.document_id = "\n(a stored report)";  // never a new report's id
      for (CandidateSet* set : missing)
        if (set->window.holds(r.event)) add_candidate(*set, r);
    };
    // A GeoPackage's rows are read off SQLite: GDAL's result layer copied
    // each into a feature first (a third of the lookup's time).
    try {
      if (row_updater_.select_rows(sql, [&](const SqlRow& row) {
            StoredReading r;
            Event& e = r.event;
            r.canonical_id = row.text(0);
            e.event_type = row.text(1);
            e.sub_event_type = row.text(2);
            if (!row.is_null(3)) e.when.date = parse_iso_date(row.text(3).substr(0, 10));
            if (!row.is_null(4)) e.when.date_to = parse_iso_date(row.text(4).substr(0, 10));
            e.when.precision = static_cast<int>(row.integer(5));
            e.country_code = row.text(6);
            e.admin1 = row.text(7);
            e.location = row.text(8);
            if (!row.is_null(9)) e.geonameid = static_cast<uint32_t>(row.integer(9));
            e.point = {row.real(10), row.real(11)};
            e.geo_precision = static_cast<int>(row.integer(12));
            e.actor1 = row.text(13);
            e.actor2 = row.text(14);
            e.background = row.integer(15) != 0;
            take(r);
          }))
        return;
    } catch (const StoreError&) { throw; } catch (const std::runtime_error& e) {
      throw StoreError(store_.location + ": cannot look up readings: " + e.what());
    }
    CPLErrorReset();
    OGRLayer* result = store_.ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) throw StoreError(store_.location + ": cannot look up readings: " + gdal_error_or("the query was refused"));
    for (auto& f : *result) {
      StoredReading r;
      Event& e = r.event;
      r.canonical_id = f->GetFieldAsString(0);
      e.event_type = f->GetFieldAsString(1);
      e.sub_event_type = f->GetFieldAsString(2);
      e.when.date = result_date(*f, 3);
      e.when.date_to = result_date(*f, 4);
      e.when.precision = f->GetFieldAsInteger(5);
      e.country_code = f->GetFieldAsString(6);
      e.admin1 = f->GetFieldAsString(7);
      e.location = f->GetFieldAsString(8);
      if (f->IsFieldSetAndNotNull(9)) e.geonameid = static_cast<uint32_t>(f->GetFieldAsInteger64(9));
      e.point = {f->GetFieldAsDouble(10), f->GetFieldAsDouble(11)};
      e.geo_precision = f->GetFieldAsInteger(12);
      e.actor1 = f->GetFieldAsString(13);
      e.actor2 = f->GetFieldAsString(14);
      e.background = f->GetFieldAsInteger(15) != 0;
      take(r);
    }
    store_.ds->ReleaseResultSet(result);
  }

  // What makes stored readings one row as matching sees them: each field
  // as fmt writes it, '|' between. Appended field by field, numbers with a
  // format compiled once: one fmt::format of the fourteen, or a runtime
  // format string for each number, spent most of keeping a candidate on
  // parsing the format.
  static std::string candidate_key(const StoredReading& r) {
    const Event& e = r.event;
    std::string key;
    key.reserve(r.canonical_id.size() + e.sub_event_type.size() + e.admin1.size() + e.location.size() + e.actor1.size() + e.actor2.size() +
                96);
    const auto text = [&](std::string_view s) {
      key += s;
      key += '|';
    };
    const auto number = [&](auto v) { fmt::format_to(std::back_inserter(key), FMT_COMPILE("{}|"), v); };
    text(r.canonical_id);
    text(e.sub_event_type);
    number(e.when.date ? days_from_civil(*e.when.date) : 0);
    number(e.when.date_to ? days_from_civil(*e.when.date_to) : 0);
    number(e.when.precision);
    text(e.admin1);
    text(e.location);
    number(e.geonameid.value_or(0));
    number(e.point.lat);
    number(e.point.lon);
    number(e.geo_precision);
    text(e.actor1);
    text(e.actor2);
    key += e.background ? "true" : "false";
    return key;
  }

  void add_candidate(CandidateSet& set, const StoredReading& r) {
    const Event& e = r.event;
    if (!set.seen.insert(candidate_key(r)).second) return;
    set.rows.push_back(r);
    if (const auto span = match_span(e)) {
      set.rows.back().span_from = days_from_civil(span->first);
      set.rows.back().span_to = days_from_civil(span->second);
    } else {
      set.rows.back().span_from = 1;  // an empty span: never matched
      set.rows.back().span_to = 0;
    }
    ++cache_.candidate_rows;
  }

  // The new readings, now stored, become candidates of the windows the cache holds.
  void remember(const std::vector<NewReading>& fresh) {
    for (const NewReading& r : fresh) {
      if (r.canonical_id.empty()) continue;
      StoredReading stored{r.event, r.canonical_id};
      stored.event.event_id = "stored";
      stored.event.document_id = "\n(a stored report)";
      for (auto& [sql, set] : cache_.candidates)
        if (set.window.holds(r.event)) add_candidate(set, stored);
    }
  }

  // A group's id now (it may have been merged into another since a row was cached).
  std::string resolve(const std::string& id) {
    std::string at = id;
    for (auto it = cache_.renamed.find(at); it != cache_.renamed.end(); it = cache_.renamed.find(at)) at = it->second;
    return at;
  }

  // A stored group, taken out of the cache when it is there (write_group
  // puts back what it writes), else read from the store.
  std::optional<StoredGroup> load_group(const std::string& id) {
    if (!is_key_text(id)) return std::nullopt;
    if (auto hit = cache_.groups.extract(id)) return std::move(hit.mapped());
    events_.SetSpatialFilter(nullptr);
    events_.SetAttributeFilter(fmt::format("event_id = '{}'", id).c_str());
    events_.ResetReading();
    std::optional<StoredGroup> out;
    for (auto& f : events_) {
      if (std::string_view(f->GetFieldAsString(event_columns_.at[kDatasetColumn])) != "sitmap") continue;
      StoredGroup g;
      g.id = id;
      g.fid = f->GetFID();
      g.primary = event_from_feature(*f, event_columns_);
      if (const auto links = nlohmann::json::parse(f->GetFieldAsString(event_columns_.at[kAlsoCodedColumn]), nullptr, false);
          links.is_array())
        for (const auto& l : links)
          if (l.is_string()) g.also_coded.push_back(l.get<std::string>());
      out = std::move(g);
      break;
    }
    events_.SetAttributeFilter(nullptr);
    if (!out) return std::nullopt;
    // Its readings' summaries: each reading row keeps its own.
    const std::string sql =
        fmt::format("SELECT \"{}\" FROM {} WHERE canonical_id = '{}'", event_columns()[kReadingsColumn].name, kReadingsLayer, id);
    CPLErrorReset();
    OGRLayer* result = store_.ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) throw StoreError(store_.location + ": cannot read the readings of " + id + ": " + gdal_error_or("the query was refused"));
    for (auto& r : *result)
      for (ReadingSummary& summary : summaries_from_json(r->GetFieldAsString(0))) out->readings.push_back(std::move(summary));
    store_.ds->ReleaseResultSet(result);
    if (out->readings.empty()) {
      // A canonical row with no summaries (another tool wrote it): it stands for itself.
      out->readings.push_back(summarise(out->primary, {id.substr(1), "", ""}));
    }
    // The fold looks for its most precise reading among full events: this
    // row has that reading's place, date and provenance.
    out->primary.event_id = most_precise(out->readings).event_id;
    return out;
  }

  void write_group(std::vector<NewReading>& fresh, const std::vector<size_t>& members, const std::vector<std::string>& stored_ids) {
    std::vector<ReadingSummary> summaries;
    std::vector<Event> candidates;
    std::vector<StoredGroup> groups;
    for (const std::string& id : stored_ids)
      if (auto g = load_group(id)) {
        if (summaries.empty())
          summaries = std::move(g->readings);  // most often the one group joined: its vector, not each summary, is moved
        else
          summaries.insert(summaries.end(), std::make_move_iterator(g->readings.begin()), std::make_move_iterator(g->readings.end()));
        g->readings.clear();
        candidates.push_back(std::move(g->primary));
        groups.push_back(std::move(*g));  // its id, fid and links
      }
    for (size_t i : members) {
      summaries.push_back(summarise(fresh[i].event, fresh[i].source));
      candidates.push_back(fresh[i].event);
    }
    CanonicalEvent canonical = fold_canonical(std::move(summaries), candidates);
    const std::string id = canonical.event.event_id;
    for (size_t i : members) fresh[i].canonical_id = id;
    std::set<std::string> links;
    for (const StoredGroup& g : groups) links.insert(g.also_coded.begin(), g.also_coded.end());
    // The row of the group that keeps its id (or the first) is rewritten;
    // the others are deleted and their readings relabelled.
    int64_t keep = groups.empty() ? -1 : groups.front().fid;
    for (const StoredGroup& g : groups)
      if (g.id == id) keep = g.fid;
    for (const StoredGroup& g : groups) {
      if (g.fid != keep) {
        must(events_.DeleteFeature(g.fid), store_, "delete a merged event");
        log_merged(g, id);
      }
      if (g.id != id) {
        relabel_[g.id] = id;
        cache_.renamed[g.id] = id;
      }
    }
    FeaturePtr row(new OGRFeature(events_.GetLayerDefn()));
    OGRFeature& f = *row;
    fill_canonical_feature(f, canonical, links);
    if (keep >= 0) {
      f.SetFID(keep);
      const OGRFeature* stored = nullptr;
      for (const StoredGroup& g : groups)
        if (g.fid == keep) stored = g.row.get();
      CPLErrorReset();
      must(rewrite_feature(events_, f, row_updater_, stored), store_, "rewrite a canonical event");
    } else {
      CPLErrorReset();
      must(events_.CreateFeature(&f), store_, "store a canonical event");
    }
    written_fids_.push_back(f.GetFID());
    for (const StoredGroup& g : groups)
      if (g.id != id) gone_ids_.insert(g.id);
    // What load_group would read back, for the next batch.
    for (const StoredGroup& g : groups) cache_.groups.erase(g.id);
    StoredGroup now{
        id, f.GetFID(), std::move(canonical.event), std::move(canonical.readings), {links.begin(), links.end()}, std::move(row)};
    now.primary.event_id = most_precise(now.readings).event_id;
    cache_.groups[id] = std::move(now);
  }

  // A canonical event deleted because its group joined another: told to
  // followers of the store (a viewer holding its row drops it).
  void log_merged(const StoredGroup& gone, const std::string& into) {
    OGRLayer* log = store_.ds->GetLayerByName(kMergedLayer);
    if (!log) return;  // a store being upgraded, before its layers are made
    OGRFeature f(log->GetLayerDefn());
    f.SetField("event_fid", static_cast<GIntBig>(gone.fid));
    f.SetField("event_id", gone.id.c_str());
    f.SetField("merged_into", into.c_str());
    CPLErrorReset();
    must(log->CreateFeature(&f), store_, "note a merged event");
  }

  void fill_canonical_feature(OGRFeature& f, const CanonicalEvent& canonical, const std::set<std::string>& links) {
    const EventColumns& c = event_columns_;
    fill_event_feature(f, c, canonical.event, "sitmap");
    if (c.at[kSourceCountColumn] >= 0) f.SetField(c.at[kSourceCountColumn], canonical.source_count);
    if (c.at[kDocumentIdsColumn] >= 0) f.SetField(c.at[kDocumentIdsColumn], document_ids_json(canonical.document_ids).c_str());
    if (c.at[kAlsoCodedColumn] >= 0) {
      if (links.empty())
        f.SetFieldNull(c.at[kAlsoCodedColumn]);
      else
        f.SetField(c.at[kAlsoCodedColumn], nlohmann::json(std::vector<std::string>(links.begin(), links.end())).dump().c_str());
    }
  }

  void store_readings(const std::vector<NewReading>& fresh) {
    const EventColumns& c = reading_columns_;
    OGRFeature f(readings_.GetLayerDefn());
    for (const NewReading& r : fresh) {
      f.SetFID(OGRNullFID);
      fill_event_feature(f, c, r.event, "sitmap");
      f.SetField(c.at[kCanonicalIdColumn], r.canonical_id.c_str());
      const ReadingSummary own = summarise(r.event, r.source);
      f.SetField(c.at[kReadingsColumn], summaries_json(std::span(&own, 1)).c_str());
      CPLErrorReset();
      must(readings_.CreateFeature(&f), store_, "store a reading");
    }
  }

  Store::Impl& store_;
  MergeCache& cache_;
  OGRLayer& readings_;
  OGRLayer& events_;
  const EventColumns reading_columns_, event_columns_;
  GeoPackageUpdates row_updater_{*store_.ds};
  // Are there ACLED or GDELT events to link ours to? (A GeoPackage's one
  // writer knows; PostGIS asks each batch: another process may import.)
  bool has_imported_events() {
    if (!store_.postgis && cache_.has_imported) return *cache_.has_imported;
    const std::string sql =
        fmt::format("SELECT COUNT(*) FROM (SELECT 1 FROM {} WHERE dataset IN ('acled', 'gdelt') LIMIT 1) AS any_imported", kEventsLayer);
    bool any = false;
    if (OGRLayer* result = store_.ds->ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
      if (FeaturePtr f{result->GetNextFeature()}; f) any = f->GetFieldAsInteger64(0) > 0;
      store_.ds->ReleaseResultSet(result);
    }
    cache_.has_imported = any;
    return any;
  }

  // The stored readings of groups merged into others take the new id: in a
  // GeoPackage by a prepared statement on its connection, else in one
  // statement for the batch (ids are ours: checked key text). No id is
  // both: a group that keeps its id is not relabelled.
  void relabel_readings() {
    if (relabel_.empty()) return;
    for (const auto& [from, to] : relabel_)
      if (!is_key_text(from) || !is_key_text(to)) throw StoreError(store_.location + ": unexpected canonical id " + from.substr(0, 40));
    if (row_updater_.replace_values(kReadingsLayer, "canonical_id", relabel_)) return;
    std::string cases, ids;
    for (const auto& [from, to] : relabel_) {
      cases += fmt::format(" WHEN '{}' THEN '{}'", from, to);
      ids += fmt::format("{}'{}'", ids.empty() ? "" : ", ", from);
    }
    store_.execute(
        fmt::format("UPDATE {} SET canonical_id = CASE canonical_id{} END WHERE canonical_id IN ({})", kReadingsLayer, cases, ids));
  }

  std::map<std::string, std::string> relabel_;  // old group id -> new, this batch
  std::vector<int64_t> written_fids_;
  std::set<std::string> gone_ids_;
};

}  // namespace

std::string reading_key(const std::string& content_hash, size_t event_index) { return fmt::format("{}-{}", content_hash, event_index + 1); }

std::optional<CandidateWindow> candidate_window(const Event& e) {
  if (!is_mergeable(e)) return std::nullopt;
  const auto& cc = e.country_code;
  if (cc.size() != 2 || !std::isupper(static_cast<unsigned char>(cc[0])) || !std::isupper(static_cast<unsigned char>(cc[1])))
    return std::nullopt;
  const auto types = event_types();
  if (std::none_of(types.begin(), types.end(), [&](const EventTypeInfo& t) { return e.event_type == t.event_type; })) return std::nullopt;
  const auto days = candidate_dates(e);
  if (!days) return std::nullopt;
  return CandidateWindow{cc, e.event_type, days_from_civil(days->first), days_from_civil(days->second)};
}

std::string CandidateWindow::sql() const {
  return fmt::format("country_code = '{}' AND event_type = '{}' AND event_date >= '{}' AND event_date <= '{}'", country_code, event_type,
                     to_iso(civil_from_days(from)), to_iso(civil_from_days(to)));
}

bool CandidateWindow::holds(const Event& e) const {
  if (!e.when.date || e.country_code != country_code || e.event_type != event_type) return false;
  const long d = days_from_civil(*e.when.date);
  return d >= from && d <= to;
}

std::string candidate_condition(const Event& e) {
  const auto w = candidate_window(e);
  return w ? w->sql() : "";
}

namespace {

// One side of a link: a row of the events layer.
struct LinkRow {
  int64_t fid = -1;
  Event event;
  bool ours = false;
  std::set<std::string> links;  // its also_coded
  bool changed = false;
};

std::set<std::string> link_set(const OGRFeature& f, const EventColumns& c) {
  std::set<std::string> out;
  if (c.at[kAlsoCodedColumn] < 0) return out;
  const auto j = nlohmann::json::parse(f.GetFieldAsString(c.at[kAlsoCodedColumn]), nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.insert(v.get<std::string>());
  return out;
}

LinkRow link_row(const OGRFeature& f, const EventColumns& c) {
  LinkRow r;
  r.fid = f.GetFID();
  r.event = event_from_feature(f, c);
  r.ours = std::string_view(f.GetFieldAsString(c.at[kDatasetColumn])) == "sitmap";
  r.links = link_set(f, c);
  return r;
}

std::string link_name(const LinkRow& r, const OGRFeature* f, const EventColumns& c) {
  const std::string dataset = r.ours ? "sitmap" : (f ? f->GetFieldAsString(c.at[kDatasetColumn]) : "");
  return dataset + ":" + r.event.event_id;
}

}  // namespace

void link_rows(Store::Impl& store, const std::vector<int64_t>& anchor_fids, const std::set<std::string>& gone) {
  if (anchor_fids.empty()) return;
  OGRLayer& events = store.layer(kEventsLayer);
  const EventColumns c(*events.GetLayerDefn());
  std::map<int64_t, LinkRow> rows;
  std::map<int64_t, std::string> names;  // "acled:SYR1234", "sitmap:c..."
  std::vector<int64_t> anchors;
  for (int64_t fid : anchor_fids) {
    FeaturePtr f(events.GetFeature(fid));
    if (!f) continue;
    LinkRow r = link_row(*f, c);
    names[fid] = link_name(r, f.get(), c);
    rows[fid] = std::move(r);
    anchors.push_back(fid);
  }
  // The other side near each anchor, in chunks of OR'ed windows (checked values only).
  constexpr size_t kChunk = 100;
  for (size_t first = 0; first < anchors.size(); first += kChunk) {
    std::string where;
    bool ours = false;
    for (size_t i = first; i < std::min(anchors.size(), first + kChunk); ++i) {
      const LinkRow& a = rows[anchors[i]];
      ours = a.ours;
      if (const auto w = candidate_window(a.event)) where += (where.empty() ? "(" : " OR (") + w->sql() + ")";
    }
    if (where.empty()) continue;
    const std::string other = ours ? "dataset IN ('acled', 'gdelt')" : "dataset = 'sitmap'";
    events.SetSpatialFilter(nullptr);
    if (events.SetAttributeFilter((other + " AND (" + where + ")").c_str()) != OGRERR_NONE)
      throw StoreError(store.location + ": cannot look up events to link: " + gdal_error_or("the query was refused"));
    events.ResetReading();
    for (auto& f : events)
      if (!rows.count(f->GetFID())) {
        LinkRow r = link_row(*f, c);
        names[r.fid] = link_name(r, f.get(), c);
        rows[r.fid] = std::move(r);
      }
    events.SetAttributeFilter(nullptr);
  }
  // The anchors' links are made again; the others keep theirs but to the anchors and to groups gone.
  std::set<std::string> remade(gone);
  for (int64_t fid : anchors) remade.insert(names[fid]);
  for (auto& [fid, r] : rows) {
    std::set<std::string> kept;
    const bool anchor = std::find(anchors.begin(), anchors.end(), fid) != anchors.end();
    if (!anchor)
      for (const std::string& l : r.links)
        if (!remade.count(l) && !remade.count(l.substr(l.find(':') + 1))) kept.insert(l);
    r.changed = kept != r.links;
    r.links = std::move(kept);
  }
  for (int64_t fid : anchors) {
    LinkRow& a = rows[fid];
    for (auto& [other_fid, b] : rows) {
      if (b.ours == a.ours) continue;
      const Event& ours = a.ours ? a.event : b.event;
      const Event& theirs = a.ours ? b.event : a.event;
      if (!match_across_datasets(ours, theirs).same) continue;
      a.changed |= a.links.insert(names[other_fid]).second;
      b.changed |= b.links.insert(names[fid]).second;
    }
  }
  GeoPackageUpdates updater(*store.ds);
  for (auto& [fid, r] : rows) {
    if (!r.changed) continue;
    FeaturePtr f(events.GetFeature(fid));
    if (!f) continue;
    if (r.links.empty())
      f->SetFieldNull(c.at[kAlsoCodedColumn]);
    else
      f->SetField(c.at[kAlsoCodedColumn], nlohmann::json(std::vector<std::string>(r.links.begin(), r.links.end())).dump().c_str());
    if (rewrite_feature(events, *f, updater) != OGRERR_NONE)
      throw StoreError(store.location + ": cannot link events: " + gdal_error_or("GDAL gave no reason"));
  }
}

void link_datasets(Store::Impl& store, const std::vector<int64_t>& our_fids, const std::set<std::string>& gone_ids) {
  std::set<std::string> gone;
  for (const std::string& id : gone_ids) gone.insert("sitmap:" + id);
  link_rows(store, our_fids, gone);
}

void merge_readings(Store::Impl& store, std::vector<NewReading>& readings) {
  if (readings.empty()) return;
  if (!store.merge_cache) store.merge_cache = std::make_shared<MergeCache>();
  try {
    Merger(store, *store.merge_cache).merge(readings);
  } catch (...) {
    store.merge_cache->clear();  // the transaction will be rolled back
    throw;
  }
}

void forget_merged_groups(Store::Impl& store) {
  count_write(store.location);  // every cache of this store, in any Store of this process
  if (store.merge_cache) store.merge_cache->clear();
}

const ReadingSummary& most_precise(std::span<const ReadingSummary> readings) {
  const auto rank = [](const ReadingSummary& r) { return std::make_tuple(r.geo_precision, r.time_precision, std::string_view(r.key)); };
  return *std::min_element(readings.begin(), readings.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
}

void rebuild_canonical(Store::Impl& store) {
  // Every reading afresh, in key order, as one batch: the same groups a
  // reading-by-reading ingest gives (groups are connected components).
  OGRLayer& readings = store.layer(kReadingsLayer);
  OGRLayer& events = store.layer(kEventsLayer);
  const EventColumns rc(*readings.GetLayerDefn());
  std::vector<NewReading> all;
  readings.SetAttributeFilter(nullptr);
  readings.SetSpatialFilter(nullptr);
  readings.ResetReading();
  for (auto& f : readings) {
    NewReading r;
    r.event = event_from_feature(*f, rc);
    const auto own = summaries_from_json(f->GetFieldAsString(rc.at[kReadingsColumn]));
    if (!own.empty())
      r.source = {own.front().key, own.front().agency, own.front().fingerprint};
    else
      r.source = {r.event.document_id + "-" + r.event.event_id, "", sentence_fingerprint(r.event.sentence)};
    all.push_back(std::move(r));
  }
  forget_merged_groups(store);
  store.execute(fmt::format("DELETE FROM {}", kReadingsLayer));
  store.execute(fmt::format("DELETE FROM {} WHERE dataset = 'sitmap' OR dataset IS NULL", kEventsLayer));
  if (OGRLayer* log = store.ds->GetLayerByName(kMergedLayer)) {
    // Every canonical event is made again under a new feature id: a
    // follower reads the store afresh (feature id -1: all of them).
    OGRFeature f(log->GetLayerDefn());
    f.SetField("event_fid", static_cast<GIntBig>(-1));
    f.SetField("event_id", "*");
    f.SetField("merged_into", "*");
    if (log->CreateFeature(&f) != OGRERR_NONE)
      throw StoreError(store.location + ": cannot note the rebuild: " + gdal_error_or("GDAL gave no reason"));
  }
  events.ResetReading();
  merge_readings(store, all);
}

}  // namespace sitmap
