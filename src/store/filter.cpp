#include "store/filter.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <stdexcept>

#include "core/fold.hpp"
#include "core/paths.hpp"
#include "geo/gdal.hpp"
#include "geo/polygons.hpp"
#include "store/private/countries.hpp"
#include "store/private/query.hpp"
#include "store/private/store_impl.hpp"

namespace sitmap {
namespace {

double parse_degrees(std::string_view s, std::string_view whole) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw std::invalid_argument(fmt::format("bbox '{}': '{}' is not a number (want W,S,E,N in degrees)", whole, s));
  return v;
}

bool contains_lower(std::string_view haystack, const std::string& needle_lower) {
  return ascii_lower(haystack).find(needle_lower) != std::string::npos;
}

// Natural Earth's polygons carry the ISO numeric code as feature id.
std::string numeric_country_code(const std::string& iso2) {
  const auto& codes = CountryCodes::get().numeric_of_alpha2;
  std::string upper = iso2;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  const auto it = codes.find(upper);
  if (it == codes.end()) throw std::invalid_argument(fmt::format("country '{}': not an ISO 3166-1 alpha-2 code", iso2));
  return it->second;
}

}  // namespace

BBox parse_bbox(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (true) {
    const size_t comma = text.find(',', pos);
    parts.push_back(text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (parts.size() != 4) throw std::invalid_argument(fmt::format("bbox '{}': want four numbers W,S,E,N", text));
  BBox b{parse_degrees(parts[0], text), parse_degrees(parts[1], text), parse_degrees(parts[2], text), parse_degrees(parts[3], text)};
  if (b.west < -180 || b.east > 180 || b.south < -90 || b.north > 90 || b.south > b.north || b.west > b.east)
    throw std::invalid_argument(fmt::format("bbox '{}': want -180<=W<=E<=180 and -90<=S<=N<=90", text));
  return b;
}

CivilDate parse_filter_date(std::string_view text) {
  if (auto d = parse_date_exact(text)) return *d;
  const std::string_view shown = text.substr(0, 40);
  throw std::invalid_argument(fmt::format("date '{}{}': not a date (want YYYY-MM-DD)", shown, shown.size() < text.size() ? "..." : ""));
}

EventQuery::EventQuery(const EventFilter& filter) : filter_(filter) {
  for (const auto& t : filter.types) types_lower_.push_back(ascii_lower(t));
  for (const auto& a : filter.actors) actors_lower_.push_back(ascii_lower(a));
  text_lower_ = ascii_lower(filter.text);
  std::optional<Polygons> within, country;
  if (!filter.within.empty()) within = Polygons::read(filter.within);
  if (!filter.country.empty())
    country = Polygons::read_feature(geodata_file("world-atlas/countries-10m.json"), "countries", numeric_country_code(filter.country));
  if (within && country)
    polygons_ = std::make_unique<Polygons>(Polygons::intersection(*within, *country));
  else if (within || country)
    polygons_ = std::make_unique<Polygons>(std::move(within ? *within : *country));
}

EventQuery::EventQuery(EventQuery&&) noexcept = default;
EventQuery::~EventQuery() = default;

std::string EventQuery::date_where() const {
  std::string where;
  if (filter_.from) where = fmt::format("event_date >= '{}'", to_iso(*filter_.from));
  if (filter_.to) where += fmt::format("{}event_date <= '{}'", where.empty() ? "" : " AND ", to_iso(*filter_.to));
  return where;
}

std::optional<BBox> EventQuery::search_box() const {
  if (!filter_.bbox && !polygons_) return std::nullopt;
  BBox box = filter_.bbox.value_or(BBox{});
  if (polygons_) {
    const Envelope e = polygons_->envelope();
    box.west = std::max(box.west, e.west);
    box.south = std::max(box.south, e.south);
    box.east = std::min(box.east, e.east);
    box.north = std::min(box.north, e.north);
  }
  return box;
}

void EventQuery::apply_to(OGRLayer& layer) const {
  const std::string where = date_where();
  layer.SetAttributeFilter(where.empty() ? nullptr : where.c_str());
  if (const auto box = search_box())
    layer.SetSpatialFilterRect(box->west, box->south, box->east, box->north);
  else
    layer.SetSpatialFilter(nullptr);
}

bool EventQuery::matches_point(double lon, double lat) const {
  if (filter_.bbox) {
    const BBox& b = *filter_.bbox;
    if (lon < b.west || lon > b.east || lat < b.south || lat > b.north) return false;
  }
  return !polygons_ || polygons_->covers(lon, lat);
}

bool EventQuery::matches_type(std::string_view event_type, std::string_view sub_event_type) const {
  if (types_lower_.empty()) return true;
  const std::string t = ascii_lower(event_type), s = ascii_lower(sub_event_type);
  return std::any_of(types_lower_.begin(), types_lower_.end(), [&](const std::string& x) { return x == t || x == s; });
}

bool EventQuery::matches_actors(std::string_view actor1, std::string_view actor2) const {
  if (actors_lower_.empty()) return true;
  return std::any_of(actors_lower_.begin(), actors_lower_.end(),
                     [&](const std::string& x) { return contains_lower(actor1, x) || contains_lower(actor2, x); });
}

namespace {

// An OGR feature as EventQuery::matches_row reads a row.
struct FeatureRow {
  const OGRFeature& f;
  const EventColumns& c;
  bool has(int k) const { return c.at[k] >= 0; }
  std::string_view text(int k) const { return c.at[k] >= 0 ? f.GetFieldAsString(c.at[k]) : ""; }
  long long integer(int k) const { return c.at[k] >= 0 ? f.GetFieldAsInteger(c.at[k]) : 0; }
  double real(int k) const { return c.at[k] >= 0 ? f.GetFieldAsDouble(c.at[k]) : 0; }
  bool point(double& lon, double& lat) const {
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) return false;
    lon = g->toPoint()->getX();
    lat = g->toPoint()->getY();
    return true;
  }
};

}  // namespace

bool EventQuery::contains_text(std::string_view field) const { return contains_lower(field, text_lower_); }

bool EventQuery::matches(const OGRFeature& f, const EventColumns& c) const { return matches_row(FeatureRow{f, c}); }

std::vector<EventSource> event_sources(Store& store, const EventFilter& filter) {
  OGRLayer& events = store.impl().layer(kEventsLayer);
  OGRLayer* readings = store.impl().ds->GetLayerByName(kReadingsLayer);
  if (!filter.per_report || !readings) return {{&events, false}};  // a store from before canonical events has readings in events
  return {{readings, false}, {&events, true}};
}

void for_each_feature(Store& store, const EventFilter& filter, const std::function<void(const OGRFeature&, const EventColumns&)>& fn) {
  EventQuery query(filter);
  for (const EventSource& source : event_sources(store, filter)) {
    OGRLayer& layer = *source.layer;
    const EventColumns columns(*layer.GetLayerDefn());
    query.exclude_ours(source.exclude_ours);
    query.apply_to(layer);
    layer.ResetReading();
    for (auto& f : layer)
      if (query.matches(*f, columns)) fn(*f, columns);
    layer.SetAttributeFilter(nullptr);
    layer.SetSpatialFilter(nullptr);
  }
}

}  // namespace sitmap

namespace sitmap {

void for_each_feature_batch_of(const EventSource& source, const EventFilter& filter,
                               const std::function<void(const std::vector<OGRFeature*>&, const EventColumns&)>& fn) {
  constexpr size_t kBatch = 2048, kQueued = 4;  // at most ~10k features in flight
  EventQuery query(filter);
  query.exclude_ours(source.exclude_ours);
  OGRLayer& layer = *source.layer;
  const EventColumns columns(*layer.GetLayerDefn());
  query.apply_to(layer);
  layer.ResetReading();
  std::deque<std::vector<FeaturePtr>> queue, used;  // used: back to the reader, which frees what it allocated
  bool finished = false, stop = false;
  std::string error;
  std::mutex mutex;
  std::condition_variable filled, drained;
  // The reader: the only thread touching the layer until it is joined.
  std::thread reader([&] {
    try {
      std::vector<FeaturePtr> batch;
      auto hand_over = [&] {
        std::unique_lock lock(mutex);
        drained.wait(lock, [&] { return queue.size() < kQueued || stop; });
        queue.push_back(std::move(batch));
        batch.clear();
        filled.notify_one();
      };
      std::deque<std::vector<FeaturePtr>> to_free;
      while (!stop) {
        if (batch.empty()) {
          {
            std::lock_guard lock(mutex);
            to_free.swap(used);
          }
          to_free.clear();
        }
        FeaturePtr f(layer.GetNextFeature());
        if (!f) break;
        if (!query.matches(*f, columns)) continue;
        batch.push_back(std::move(f));
        if (batch.size() == kBatch) hand_over();
      }
      if (!batch.empty()) hand_over();
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex);
      error = e.what();
    }
    std::lock_guard lock(mutex);
    finished = true;
    filled.notify_one();
  });
  auto stop_reader = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
      drained.notify_one();
    }
    reader.join();
    layer.SetAttributeFilter(nullptr);
    layer.SetSpatialFilter(nullptr);
  };
  try {
    std::vector<OGRFeature*> view;
    while (true) {
      std::vector<FeaturePtr> batch;
      {
        std::unique_lock lock(mutex);
        filled.wait(lock, [&] { return !queue.empty() || finished; });
        if (queue.empty()) break;
        batch = std::move(queue.front());
        queue.pop_front();
        drained.notify_one();
      }
      view.clear();
      for (auto& f : batch) view.push_back(f.get());
      fn(view, columns);
      std::lock_guard lock(mutex);
      used.push_back(std::move(batch));
    }
  } catch (...) {
    stop_reader();
    throw;
  }
  stop_reader();
  if (!error.empty()) throw StoreError(error);
}

void for_each_feature_batch(Store& store, const EventFilter& filter,
                            const std::function<void(const std::vector<OGRFeature*>&, const EventColumns&)>& fn) {
  for (const EventSource& source : event_sources(store, filter)) for_each_feature_batch_of(source, filter, fn);
}

void for_each_event(Store& store, const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) {
  StoredEvent stored;
  for_each_feature(store, filter, [&](const OGRFeature& f, const EventColumns& c) {
    stored.fid = f.GetFID();
    stored.dataset = c.at[kDatasetColumn] >= 0 ? f.GetFieldAsString(c.at[kDatasetColumn]) : "";
    stored.event = event_from_feature(f, c);
    fn(stored);
  });
}

size_t count_events(Store& store, const EventFilter& filter) {
  size_t n = 0;
  for_each_feature(store, filter, [&](const OGRFeature&, const EventColumns&) { ++n; });
  return n;
}

}  // namespace sitmap
