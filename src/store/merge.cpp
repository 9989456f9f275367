#include "store/private/merge.hpp"

#include <cpl_error.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/event_types.hpp"
#include "store/private/schema.hpp"

namespace sitmap {
namespace {

// A stored reading as matching sees it.
struct StoredReading {
  Event event;
  std::string canonical_id;
};

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

void must(OGRErr err, const Store::Impl& store, const char* what) {
  if (err != OGRERR_NONE) throw StoreError(store.location + ": cannot " + what + ": " + gdal_error_or("GDAL gave no reason"));
}

class Merger {
 public:
  Merger(Store::Impl& store, MergeCache& cache)
      : store_(store),
        cache_(cache),
        readings_(store.layer(kReadingsLayer)),
        events_(store.layer(kEventsLayer)),
        reading_columns_(*readings_.GetLayerDefn()),
        event_columns_(*events_.GetLayerDefn()) {
    // The groups this process wrote are still as it left them unless
    // another writer has stored readings since (fids only grow).
    if (last_reading_fid() != cache_.last_reading_fid) cache_.groups.clear();
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
    std::vector<std::string> conditions(n);
    for (size_t i = 0; i < n; ++i) {
      conditions[i] = candidate_condition(fresh[i].event);
      if (conditions[i].empty()) continue;
      std::set<std::string> joined;  // a group is joined once: its other readings need no test
      for (const StoredReading& c : candidates(conditions[i])) {
        if (c.canonical_id.empty() || joined.count(c.canonical_id) || !match_readings(fresh[i].event, c.event).same) continue;
        joined.insert(c.canonical_id);
        auto [it, added] = group_node.emplace(c.canonical_id, n + node_group.size());
        if (added) {
          node_group.push_back(c.canonical_id);
          parent.push_back(it->second);
        }
        unite(i, it->second);
      }
    }
    // New readings against each other: only those of one country and type
    // whose widened dates meet can match (spans sorted by their first day).
    std::map<std::string, std::vector<size_t>> by_kind;
    for (size_t i = 0; i < n; ++i)
      if (!conditions[i].empty()) by_kind[fresh[i].event.country_code + "|" + fresh[i].event.event_type].push_back(i);
    for (auto& [kind, members] : by_kind) {
      std::vector<std::pair<long, long>> span(n);  // day numbers
      for (size_t i : members) {
        const auto s = *match_span(fresh[i].event);
        span[i] = {days_from_civil(s.first), days_from_civil(s.second)};
      }
      std::sort(members.begin(), members.end(), [&](size_t a, size_t b) { return std::tie(span[a].first, a) < std::tie(span[b].first, b); });
      for (size_t a = 0; a < members.size(); ++a)
        for (size_t b = a + 1; b < members.size() && span[members[b]].first <= span[members[a]].second; ++b)
          if (find(members[a]) != find(members[b]) && match_readings(fresh[members[a]].event, fresh[members[b]].event).same)
            unite(members[a], members[b]);
    }
    // Each group: its new readings and the stored groups it joins.
    std::map<size_t, std::pair<std::vector<size_t>, std::vector<std::string>>> components;
    for (size_t i = 0; i < n; ++i) components[find(i)].first.push_back(i);
    for (size_t g = 0; g < node_group.size(); ++g) components[find(n + g)].second.push_back(node_group[g]);
    for (auto& [root, parts] : components) write_group(fresh, parts.first, parts.second);
    store_readings(fresh);
    cache_.last_reading_fid = last_reading_fid();
  }

 private:
  // The stored readings a condition selects, one row per distinct reading
  // as matching sees it (a report copied a hundred times is one row): one
  // query per distinct condition and batch. A stored reading is always of
  // another report than a new one, so its report is not read.
  const std::vector<StoredReading>& candidates(const std::string& condition) {
    auto [it, added] = candidate_cache_.try_emplace(condition);
    if (!added) return it->second;
    static constexpr const char* kColumns[] = {"canonical_id", "event_type", "sub_event_type", "event_date", "event_date_to",
                                               "time_precision", "country_code", "admin1", "location", "geonameid",
                                               "latitude", "longitude", "geo_precision", "actor1", "actor2", "background"};
    std::string columns;
    for (const char* c : kColumns) columns += std::string(columns.empty() ? "" : ", ") + "\"" + c + "\"";
    const std::string sql = fmt::format("SELECT DISTINCT {} FROM {} WHERE {}", columns, kReadingsLayer, condition);
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
      e.event_id = "stored";
      e.document_id = "\n(a stored report)";  // never a new report's id
      it->second.push_back(std::move(r));
    }
    store_.ds->ReleaseResultSet(result);
    return it->second;
  }

  std::optional<StoredGroup> load_group(const std::string& id) {
    if (!is_key_text(id)) return std::nullopt;
    if (const auto hit = cache_.groups.find(id); hit != cache_.groups.end()) return hit->second;
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
      if (const auto links = nlohmann::json::parse(f->GetFieldAsString(event_columns_.at[kAlsoCodedColumn]), nullptr, false); links.is_array())
        for (const auto& l : links)
          if (l.is_string()) g.also_coded.push_back(l.get<std::string>());
      out = std::move(g);
      break;
    }
    events_.SetAttributeFilter(nullptr);
    if (!out) return std::nullopt;
    // Its readings' summaries: each reading row keeps its own.
    const std::string sql = fmt::format("SELECT \"{}\" FROM {} WHERE canonical_id = '{}'", event_columns()[kReadingsColumn].name, kReadingsLayer, id);
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
        summaries.insert(summaries.end(), g->readings.begin(), g->readings.end());
        candidates.push_back(g->primary);
        groups.push_back(std::move(*g));
      }
    for (size_t i : members) {
      summaries.push_back(summarise(fresh[i].event, fresh[i].source));
      candidates.push_back(fresh[i].event);
    }
    CanonicalEvent canonical = fold_canonical(std::move(summaries), candidates);
    const std::string& id = canonical.event.event_id;
    for (size_t i : members) fresh[i].canonical_id = id;
    std::set<std::string> links;
    for (const StoredGroup& g : groups) links.insert(g.also_coded.begin(), g.also_coded.end());
    // The row of the group that keeps its id (or the first) is rewritten;
    // the others are deleted and their readings relabelled.
    int64_t keep = groups.empty() ? -1 : groups.front().fid;
    for (const StoredGroup& g : groups)
      if (g.id == id) keep = g.fid;
    for (const StoredGroup& g : groups) {
      if (g.fid != keep) must(events_.DeleteFeature(g.fid), store_, "delete a merged event");
      if (g.id != id)
        store_.execute(fmt::format("UPDATE {} SET canonical_id = '{}' WHERE canonical_id = '{}'", kReadingsLayer, id, g.id));
    }
    OGRFeature f(events_.GetLayerDefn());
    fill_canonical_feature(f, canonical, links);
    if (keep >= 0) {
      f.SetFID(keep);
      CPLErrorReset();
      must(events_.SetFeature(&f), store_, "rewrite a canonical event");
    } else {
      CPLErrorReset();
      must(events_.CreateFeature(&f), store_, "store a canonical event");
    }
    // What load_group would read back, for the next batch.
    for (const StoredGroup& g : groups) cache_.groups.erase(g.id);
    StoredGroup now{id, f.GetFID(), canonical.event, canonical.readings, {links.begin(), links.end()}};
    now.primary.event_id = most_precise(now.readings).event_id;
    cache_.groups[id] = std::move(now);
  }

  void fill_canonical_feature(OGRFeature& f, const CanonicalEvent& canonical, const std::set<std::string>& links) {
    const EventColumns& c = event_columns_;
    fill_event_feature(f, c, canonical.event, "sitmap");
    if (c.at[kSourceCountColumn] >= 0) f.SetField(c.at[kSourceCountColumn], canonical.source_count);
    if (c.at[kDocumentIdsColumn] >= 0) f.SetField(c.at[kDocumentIdsColumn], document_ids_json(canonical.document_ids).c_str());
    if (c.at[kAlsoCodedColumn] >= 0) {
      if (links.empty()) f.SetFieldNull(c.at[kAlsoCodedColumn]);
      else f.SetField(c.at[kAlsoCodedColumn], nlohmann::json(std::vector<std::string>(links.begin(), links.end())).dump().c_str());
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
  std::unordered_map<std::string, std::vector<StoredReading>> candidate_cache_;
};

}  // namespace

std::string reading_key(const std::string& content_hash, size_t event_index) {
  return fmt::format("{}-{}", content_hash, event_index + 1);
}

std::string candidate_condition(const Event& e) {
  if (!is_mergeable(e)) return "";
  const auto& cc = e.country_code;
  if (cc.size() != 2 || !std::isupper(static_cast<unsigned char>(cc[0])) || !std::isupper(static_cast<unsigned char>(cc[1]))) return "";
  const auto types = event_types();
  if (std::none_of(types.begin(), types.end(), [&](const EventTypeInfo& t) { return e.event_type == t.event_type; })) return "";
  const auto days = candidate_dates(e);
  if (!days) return "";
  return fmt::format("country_code = '{}' AND event_type = '{}' AND event_date >= '{}' AND event_date <= '{}'", cc, e.event_type,
                     to_iso(days->first), to_iso(days->second));
}

void merge_readings(Store::Impl& store, std::vector<NewReading>& readings) {
  if (readings.empty()) return;
  if (!store.merge_cache) store.merge_cache = std::make_shared<MergeCache>();
  try {
    Merger(store, *store.merge_cache).merge(readings);
  } catch (...) {
    store.merge_cache->groups.clear();  // the transaction will be rolled back
    store.merge_cache->last_reading_fid = -1;
    throw;
  }
}

void forget_merged_groups(Store::Impl& store) {
  if (store.merge_cache) {
    store.merge_cache->groups.clear();
    store.merge_cache->last_reading_fid = -1;
  }
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
    if (!own.empty()) r.source = {own.front().key, own.front().agency, own.front().fingerprint};
    else r.source = {r.event.document_id + "-" + r.event.event_id, "", sentence_fingerprint(r.event.sentence)};
    all.push_back(std::move(r));
  }
  forget_merged_groups(store);
  store.execute(fmt::format("DELETE FROM {}", kReadingsLayer));
  store.execute(fmt::format("DELETE FROM {} WHERE dataset = 'sitmap' OR dataset IS NULL", kEventsLayer));
  events.ResetReading();
  merge_readings(store, all);
}

}  // namespace sitmap
