#include "store/event_table.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/core.h>
#include <thread>
#include <limits>
#include <optional>
#include <span>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "store/private/event_table_cache.hpp"
#include "store/private/query.hpp"
#include "store/private/store_impl.hpp"

namespace sitmap {
namespace {

// Interns strings into a table; index stays stable.
// Looks strings up by view: no allocation for the ones already seen.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Interner {
 public:
  explicit Interner(std::vector<std::string>& table) : table_(table) {
    for (size_t i = 0; i < table.size(); ++i) index_.emplace(table[i], i);
  }
  size_t operator()(std::string_view s) {
    if (auto it = index_.find(s); it != index_.end()) return it->second;
    index_.emplace(std::string(s), table_.size());
    table_.emplace_back(s);
    return table_.size() - 1;
  }

 private:
  std::vector<std::string>& table_;
  std::unordered_map<std::string, size_t, ViewHash, std::equal_to<>> index_;
};

template <class T>
T clamp_index(size_t i) {
  return static_cast<T>(std::min<size_t>(i, std::numeric_limits<T>::max()));
}

float magnitude_of(std::optional<int> fatalities, const std::map<std::string, long>& quantities) {
  if (fatalities && *fatalities > 0) return static_cast<float>(*fatalities);
  long best = 0;
  for (const auto& [k, v] : quantities) best = std::max(best, v);
  return static_cast<float>(best);
}

// Rows are appended with absolute day numbers, then made relative to day0.
}  // namespace

float largest_quantity(const char* json) {
  float best = 0;
  for (const char* p = json; *p; ++p)
    if (*p == ':') best = std::max(best, static_cast<float>(std::strtol(p + 1, nullptr, 10)));
  return best;
}

struct EventTableBuilder::Impl {
  explicit Impl(TableColumns c) : columns(c) {
    if (columns != TableColumns::drawn) return;
    // The rest's stand-ins: every row names the one empty string.
    actors("");
    countries("");
    datasets("");
    locations("");
  }

  TableColumns columns;
  EventTable t;
  Interner types{t.sub_types}, actors{t.actors}, countries{t.countries}, datasets{t.datasets}, locations{t.locations};
  std::vector<long> from_abs, to_abs;

  void add(const EventRow& r) {
    if (columns != TableColumns::rest && !r.from) return;  // an undated event has no place on a timeline
    t.fid.push_back(r.fid);
    if (columns != TableColumns::rest) add_drawn(r);
    if (columns == TableColumns::drawn)
      add_stand_ins();
    else
      add_rest(r);
  }

  void add_drawn(const EventRow& r) {
    t.lon.push_back(r.lon);
    t.lat.push_back(r.lat);
    const long from = days_from_civil(*r.from);
    from_abs.push_back(from);
    to_abs.push_back(r.to ? std::max(from, days_from_civil(*r.to)) : from);
    const size_t ti = types(r.sub_event_type.empty() ? r.event_type : r.sub_event_type);
    if (t.event_types.size() < t.sub_types.size()) t.event_types.emplace_back(r.event_type);
    t.type.push_back(clamp_index<uint8_t>(ti));
    t.magnitude.push_back(r.magnitude);
    t.precision.push_back(static_cast<uint8_t>(std::clamp(r.geo_precision, 1, 3)));
    t.sources.push_back(static_cast<uint8_t>(std::clamp(r.sources, 1, 255)));
  }

  void add_rest(const EventRow& r) {
    t.confidence.push_back(r.confidence);
    t.background.push_back(r.background ? 1 : 0);
    t.actor1.push_back(clamp_index<uint16_t>(actors(r.actor1)));
    t.actor2.push_back(clamp_index<uint16_t>(actors(r.actor2)));
    t.country.push_back(clamp_index<uint16_t>(countries(r.country_code)));
    t.dataset.push_back(clamp_index<uint8_t>(datasets(r.dataset)));
    t.location.push_back(static_cast<uint32_t>(locations(r.location)));
  }

  void add_stand_ins() {
    t.confidence.push_back(0);
    t.background.push_back(0);
    t.actor1.push_back(0);
    t.actor2.push_back(0);
    t.country.push_back(0);
    t.dataset.push_back(0);
    t.location.push_back(0);
  }

  void reserve(size_t n) {
    t.fid.reserve(n);
    if (columns != TableColumns::rest) {
      for (auto* v : {&t.lon, &t.lat}) v->reserve(n);
      for (auto* v : {&t.type, &t.precision, &t.sources}) v->reserve(n);
      t.magnitude.reserve(n);
      from_abs.reserve(n);
      to_abs.reserve(n);
    }
    t.confidence.reserve(n);
    for (auto* v : {&t.background, &t.dataset}) v->reserve(n);
    for (auto* v : {&t.actor1, &t.actor2, &t.country}) v->reserve(n);
    t.location.reserve(n);
  }

  EventTable finish() {
    t.day0 = from_abs.empty() ? 0 : *std::min_element(from_abs.begin(), from_abs.end());
    t.day_from.resize(from_abs.size());
    t.day_to.resize(from_abs.size());
    for (size_t i = 0; i < from_abs.size(); ++i) {
      t.day_from[i] = static_cast<float>(from_abs[i] - t.day0);
      t.day_to[i] = static_cast<float>(to_abs[i] - t.day0);
    }
    return std::move(t);
  }
};

EventTableBuilder::EventTableBuilder(TableColumns columns) : impl_(std::make_unique<Impl>(columns)) {}
EventTableBuilder::~EventTableBuilder() = default;
void EventTableBuilder::add(const EventRow& row) { impl_->add(row); }
void EventTableBuilder::reserve(size_t rows) { impl_->reserve(rows); }

void EventTableBuilder::add(const Event& e, std::string_view dataset, int64_t fid) {
  EventRow r;
  r.from = e.when.date;
  r.to = e.when.date_to;
  r.event_type = e.event_type;
  r.sub_event_type = e.sub_event_type;
  r.actor1 = e.actor1;
  r.actor2 = e.actor2;
  r.country_code = e.country_code;
  r.location = e.location;
  r.dataset = dataset;
  r.lat = e.point.lat;
  r.lon = e.point.lon;
  r.geo_precision = e.geo_precision;
  r.magnitude = magnitude_of(e.fatalities, e.quantities);
  r.confidence = static_cast<float>(e.confidence);
  r.background = e.background;
  r.fid = fid;
  impl_->add(r);
}
EventTable EventTableBuilder::finish() { return impl_->finish(); }

long EventTable::last_day() const { return day_to.empty() ? 0 : static_cast<long>(*std::max_element(day_to.begin(), day_to.end())); }

namespace {

// Rows of `layer` (its attribute filter already set) into a table.
EventTable read_rows(OGRLayer& layer) {
  const EventColumns c(*layer.GetLayerDefn());
  // Only what the map needs: GDAL then reads fewer columns.
  const int needed[] = {ev::location,   ev::event_date,   ev::event_date_to, ev::event_type, ev::sub_event_type, ev::actor1,
                        ev::actor2,     ev::country_code, ev::latitude,      ev::longitude,  ev::geo_precision,  ev::fatalities,
                        ev::quantities, ev::confidence,   ev::background,    kDatasetColumn, kSourceCountColumn};
  std::vector<std::string> ignored;
  for (int k = 0; k < kEventColumnCount; ++k)
    if (std::find(std::begin(needed), std::end(needed), k) == std::end(needed) && c.at[k] >= 0) ignored.push_back(event_columns()[k].name);
  std::vector<const char*> names;
  for (const auto& s : ignored) names.push_back(s.c_str());
  names.push_back("OGR_GEOMETRY");
  names.push_back(nullptr);
  layer.SetIgnoredFields(names.data());
  layer.ResetReading();
  EventTableBuilder b;
  EventRow r;  // views into the current feature: no copies
  for (auto& f : layer) {
    auto str = [&](int k) { return std::string_view(f->GetFieldAsString(c.at[k])); };
    r.from = date_field(*f, c.at[ev::event_date]);
    r.to = date_field(*f, c.at[ev::event_date_to]);
    r.event_type = str(ev::event_type);
    r.sub_event_type = str(ev::sub_event_type);
    r.location = str(ev::location);
    r.actor1 = str(ev::actor1);
    r.actor2 = str(ev::actor2);
    r.country_code = str(ev::country_code);
    r.dataset = str(kDatasetColumn);
    r.lat = f->GetFieldAsDouble(c.at[ev::latitude]);
    r.lon = f->GetFieldAsDouble(c.at[ev::longitude]);
    r.geo_precision = f->GetFieldAsInteger(c.at[ev::geo_precision]);
    r.sources = c.at[kSourceCountColumn] >= 0 && f->IsFieldSetAndNotNull(c.at[kSourceCountColumn])
                    ? f->GetFieldAsInteger(c.at[kSourceCountColumn])
                    : 1;
    const int fatalities = f->IsFieldSetAndNotNull(c.at[ev::fatalities]) ? f->GetFieldAsInteger(c.at[ev::fatalities]) : 0;
    r.magnitude = fatalities > 0 ? static_cast<float>(fatalities) : largest_quantity(f->GetFieldAsString(c.at[ev::quantities]));
    r.confidence = static_cast<float>(f->GetFieldAsDouble(c.at[ev::confidence]));
    r.background = f->GetFieldAsInteger(c.at[ev::background]) != 0;
    r.fid = f->GetFID();
    b.add(r);
  }
  layer.SetIgnoredFields(nullptr);
  return b.finish();
}

}  // namespace

void append_event_table(EventTable& into, const EventTable& part) {
  if (part.size() == 0) return;
  if (into.size() == 0) {
    into = part;
    return;
  }
  const long day0 = std::min(into.day0, part.day0);
  const float shift_into = static_cast<float>(into.day0 - day0), shift_part = static_cast<float>(part.day0 - day0);
  for (float& d : into.day_from) d += shift_into;
  for (float& d : into.day_to) d += shift_into;
  into.day0 = day0;
  auto remap = [](std::vector<std::string>& table, const std::vector<std::string>& theirs, std::vector<std::string>* kinds = nullptr,
                  const std::vector<std::string>* their_kinds = nullptr) {
    std::unordered_map<std::string, size_t> at;
    for (size_t i = 0; i < table.size(); ++i) at.emplace(table[i], i);
    std::vector<size_t> map(theirs.size());
    for (size_t i = 0; i < theirs.size(); ++i) {
      auto [it, fresh] = at.emplace(theirs[i], table.size());
      if (fresh) {
        table.push_back(theirs[i]);
        if (kinds) kinds->push_back((*their_kinds)[i]);
      }
      map[i] = it->second;
    }
    return map;
  };
  const auto types = remap(into.sub_types, part.sub_types, &into.event_types, &part.event_types);
  const auto actors = remap(into.actors, part.actors), countries = remap(into.countries, part.countries);
  const auto datasets = remap(into.datasets, part.datasets), locations = remap(into.locations, part.locations);
  // Columns as they are, then those shifted or renumbered.
  auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  append(into.lon, part.lon);
  append(into.lat, part.lat);
  append(into.magnitude, part.magnitude);
  append(into.precision, part.precision);
  append(into.sources, part.sources);
  append(into.confidence, part.confidence);
  append(into.background, part.background);
  append(into.fid, part.fid);
  auto append_as = [](auto& to, const auto& from, auto convert) {
    const size_t at = to.size();
    to.resize(at + from.size());
    for (size_t i = 0; i < from.size(); ++i) to[at + i] = convert(from[i]);
  };
  append_as(into.day_from, part.day_from, [&](float d) { return d + shift_part; });
  append_as(into.day_to, part.day_to, [&](float d) { return d + shift_part; });
  append_as(into.type, part.type, [&](uint8_t t) { return clamp_index<uint8_t>(types[t]); });
  append_as(into.actor1, part.actor1, [&](uint16_t a) { return clamp_index<uint16_t>(actors[a]); });
  append_as(into.actor2, part.actor2, [&](uint16_t a) { return clamp_index<uint16_t>(actors[a]); });
  append_as(into.country, part.country, [&](uint16_t c) { return clamp_index<uint16_t>(countries[c]); });
  append_as(into.dataset, part.dataset, [&](uint8_t d) { return clamp_index<uint8_t>(datasets[d]); });
  append_as(into.location, part.location, [&](uint32_t l) { return static_cast<uint32_t>(locations[l]); });
}

void fill_rest(EventTable& t, const EventTable& rest) {
  // The rest's string tables, and the names of rows it lacks added to them.
  std::vector<std::string> actors = rest.actors, countries = rest.countries, datasets = rest.datasets, locations = rest.locations;
  std::optional<Interner> more_actors, more_countries, more_datasets, more_locations;  // made when first needed
  auto intern = [](std::optional<Interner>& in, std::vector<std::string>& table, const std::string& s) {
    if (!in) in.emplace(table);
    return (*in)(s);
  };
  const auto fids = std::span(rest.fid);
  size_t j = 0;  // both are in feature id order but for rows appended later: a search then
  for (size_t i = 0; i < t.size(); ++i) {
    const int64_t fid = t.fid[i];
    if (j >= fids.size() || fids[j] > fid)
      j = static_cast<size_t>(std::lower_bound(fids.begin(), fids.end(), fid) - fids.begin());
    else
      while (j < fids.size() && fids[j] < fid) ++j;
    if (j < fids.size() && fids[j] == fid) {
      t.confidence[i] = rest.confidence[j];
      t.background[i] = rest.background[j];
      t.actor1[i] = rest.actor1[j];
      t.actor2[i] = rest.actor2[j];
      t.country[i] = rest.country[j];
      t.dataset[i] = rest.dataset[j];
      t.location[i] = rest.location[j];
      continue;
    }
    t.actor1[i] = clamp_index<uint16_t>(intern(more_actors, actors, t.actors[t.actor1[i]]));
    t.actor2[i] = clamp_index<uint16_t>(intern(more_actors, actors, t.actors[t.actor2[i]]));
    t.country[i] = clamp_index<uint16_t>(intern(more_countries, countries, t.countries[t.country[i]]));
    t.dataset[i] = clamp_index<uint8_t>(intern(more_datasets, datasets, t.datasets[t.dataset[i]]));
    t.location[i] = static_cast<uint32_t>(intern(more_locations, locations, t.locations[t.location[i]]));
  }
  t.actors = std::move(actors);
  t.countries = std::move(countries);
  t.datasets = std::move(datasets);
  t.locations = std::move(locations);
}

namespace {

// Through GDAL: PostGIS, and a GeoPackage the SQLite reader does not take.
EventTable load_through_gdal(Store& store) {
  OGRLayer& layer = store.impl().layer(kEventsLayer);
  layer.SetAttributeFilter(nullptr);
  layer.SetSpatialFilter(nullptr);
  const GIntBig rows = layer.GetFeatureCount(FALSE);
  const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  const auto range = rows >= 200000 && workers >= 2 ? store.impl().event_fid_range() : std::nullopt;
  if (!range) return read_rows(layer);
  // Large GeoPackage: FID ranges read in parallel, each through its own
  // read-only GDAL handle (a dataset is not shared between threads).
  const GIntBig lo = range->lo, hi = range->hi;
  const char* fid_column = range->column.c_str();
  std::vector<EventTable> parts(workers);
  std::vector<std::string> errors(workers);
  std::vector<std::thread> threads;
  const GIntBig step = (hi - lo) / workers + 1;
  for (unsigned w = 0; w < workers; ++w)
    threads.emplace_back([&, w] {
      try {
        DatasetPtr ds(GDALDataset::Open(store.location().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        OGRLayer* l = ds ? ds->GetLayerByName(kEventsLayer) : nullptr;
        if (!l) throw StoreError(store.location() + ": cannot reopen for reading");
        const GIntBig a = lo + step * w, b = a + step;  // generated from integers: no user text in SQL
        l->SetAttributeFilter(fmt::format("{0} >= {1} AND {0} < {2}", fid_column, a, b).c_str());
        parts[w] = read_rows(*l);
      } catch (const std::exception& e) { errors[w] = e.what(); }
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors)
    if (!e.empty()) throw StoreError(e);
  EventTable all = std::move(parts[0]);
  for (unsigned w = 1; w < workers; ++w) append_event_table(all, parts[w]);
  return all;
}

}  // namespace

FirstEventTable load_event_table_first(Store& store, int first_days) {
  // A GeoPackage: from its cache file, or stepped through SQLite (event_table_cache.hpp).
  if (auto first = load_geopackage_event_table_first(store, EventTableCache::from_environment(), first_days)) return std::move(*first);
  return {load_through_gdal(store), nullptr, std::nullopt};
}

EventTable load_event_table(Store& store) {
  FirstEventTable first = load_event_table_first(store);
  if (first.rest) first.rest->fill(first.table);
  return std::move(first.table);
}

EventTable load_event_table_after(Store& store, int64_t after_fid) {
  OGRLayer& layer = store.impl().layer(kEventsLayer);
  const char* column = layer.GetFIDColumn();
  if (!column || !*column) throw StoreError(store.location() + ": the events layer has no feature id column");
  layer.SetSpatialFilter(nullptr);
  layer.SetAttributeFilter(fmt::format("{} > {}", column, after_fid).c_str());  // an integer: no user text in SQL
  EventTable part;
  try {
    part = read_rows(layer);
  } catch (...) {
    layer.SetAttributeFilter(nullptr);
    throw;
  }
  layer.SetAttributeFilter(nullptr);
  layer.ResetReading();  // no statement left open to hold SQLite's shared lock over a writer's commit
  return part;
}

EventTable load_event_table_rows(Store& store, std::span<const int64_t> fids) {
  OGRLayer& layer = store.impl().layer(kEventsLayer);
  const char* column = layer.GetFIDColumn();
  if (!column || !*column) throw StoreError(store.location() + ": the events layer has no feature id column");
  EventTable out;
  constexpr size_t kChunk = 500;
  for (size_t first = 0; first < fids.size(); first += kChunk) {
    std::string list;  // integers only: no user text in SQL
    for (size_t i = first; i < std::min(fids.size(), first + kChunk); ++i) list += fmt::format("{}{}", list.empty() ? "" : ",", fids[i]);
    layer.SetSpatialFilter(nullptr);
    layer.SetAttributeFilter(fmt::format("{} IN ({})", column, list).c_str());
    try {
      append_event_table(out, read_rows(layer));
    } catch (...) {
      layer.SetAttributeFilter(nullptr);
      throw;
    }
    layer.SetAttributeFilter(nullptr);
    layer.ResetReading();
  }
  return out;
}

std::vector<size_t> replace_event_rows(EventTable& into, const EventTable& part) {
  std::unordered_map<int64_t, size_t> row_of;
  for (size_t i = 0; i < into.size(); ++i) row_of.emplace(into.fid[i], i);
  // Appended first (strings joined, days shifted), then moved over the rows they replace.
  const size_t first = into.size();
  append_event_table(into, part);
  std::vector<size_t> replaced;
  for (size_t k = first; k < into.size(); ++k) {
    const auto at = row_of.find(into.fid[k]);
    if (at == row_of.end()) continue;
    const size_t i = at->second;
    into.lon[i] = into.lon[k];
    into.lat[i] = into.lat[k];
    into.day_from[i] = into.day_from[k];
    into.day_to[i] = into.day_to[k];
    into.type[i] = into.type[k];
    into.magnitude[i] = into.magnitude[k];
    into.precision[i] = into.precision[k];
    into.sources[i] = into.sources[k];
    into.confidence[i] = into.confidence[k];
    into.background[i] = into.background[k];
    into.actor1[i] = into.actor1[k];
    into.actor2[i] = into.actor2[k];
    into.country[i] = into.country[k];
    into.dataset[i] = into.dataset[k];
    into.location[i] = into.location[k];
    replaced.push_back(i);
  }
  auto cut = [first](auto& column) { column.resize(first); };
  cut(into.lon), cut(into.lat), cut(into.day_from), cut(into.day_to), cut(into.type), cut(into.magnitude), cut(into.precision);
  cut(into.sources), cut(into.confidence), cut(into.background), cut(into.actor1), cut(into.actor2), cut(into.country);
  cut(into.dataset), cut(into.location), cut(into.fid);
  return replaced;
}

EventTable event_table_from(std::span<const Event> events) {
  EventTableBuilder b;
  for (size_t i = 0; i < events.size(); ++i) b.add(events[i], "sitmap", -1);
  return b.finish();
}

std::vector<uint8_t> filter_mask(const EventTable& t, const EventFilter& filter, Store* store, size_t first_row) {
  // The same tests as export's (EventQuery), each distinct type and actor
  // name tested once; the text search goes to the store below.
  EventFilter without_text = filter;
  without_text.text.clear();
  const EventQuery query(without_text);
  const bool any_spatial = filter.bbox || !filter.within.empty() || !filter.country.empty();
  std::vector<uint8_t> type_ok(t.sub_types.size()), actor_ok(t.actors.size()), dataset_ok(t.datasets.size(), 1);
  for (size_t i = 0; i < t.sub_types.size(); ++i) type_ok[i] = query.matches_type(t.event_types[i], t.sub_types[i]);
  for (size_t i = 0; i < t.actors.size(); ++i) actor_ok[i] = query.matches_actors(t.actors[i], {});
  if (!filter.dataset.empty())
    for (size_t i = 0; i < t.datasets.size(); ++i) dataset_ok[i] = t.datasets[i] == filter.dataset;

  std::unordered_set<int64_t> text_hits;
  const bool text = !filter.text.empty() && store;
  if (text) {
    EventFilter by_text;
    by_text.text = filter.text;
    for_each_feature(*store, by_text, [&](const OGRFeature& f, const EventColumns&) { text_hits.insert(f.GetFID()); });
  }

  // event_date within [from, to], as days relative to the table's first.
  const float from = filter.from ? static_cast<float>(days_from_civil(*filter.from) - t.day0) : -std::numeric_limits<float>::infinity();
  const float to = filter.to ? static_cast<float>(days_from_civil(*filter.to) - t.day0) : std::numeric_limits<float>::infinity();
  std::vector<uint8_t> mask(t.size() - std::min(first_row, t.size()), 1);
  for (size_t i = first_row; i < t.size(); ++i) {
    bool ok = type_ok[t.type[i]] && dataset_ok[t.dataset[i]] && (actor_ok[t.actor1[i]] || actor_ok[t.actor2[i]]);
    if (ok && (t.day_from[i] < from || t.day_from[i] > to)) ok = false;
    if (ok && !filter.include_background && t.background[i]) ok = false;
    if (ok && t.confidence[i] < filter.min_confidence) ok = false;
    if (ok && any_spatial) ok = query.matches_point(t.lon[i], t.lat[i]);
    if (ok && text) ok = text_hits.count(t.fid[i]) > 0;
    mask[i - first_row] = ok;
  }
  return mask;
}

}  // namespace sitmap
