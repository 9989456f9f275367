#include "store/private/event_table_cache.hpp"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "core/cache_file.hpp"
#include "core/hash.hpp"
#include "store/private/gpkg_rows.hpp"
#include "store/private/store_impl.hpp"

namespace sitmap {
namespace {

namespace fs = std::filesystem;

constexpr int kCacheVersion = 2;  // 2: the sources column (canonical events)

// What the table is derived from, as it is now: the store file (and its
// write-ahead log when there is one) by size, modification time and inode,
// and SQLite's file change counter (bytes 24-27 of the header, bumped by
// every commit in rollback-journal mode).
std::string store_key(const std::string& path) {
  std::string key = fmt::format("sitmap event table v{}\n{}\n", kCacheVersion, path);
  for (const std::string& file : {path, path + "-wal"}) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
      key += "-\n";
      continue;
    }
    key += fmt::format("{} {} {}.{:09}\n", st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  }
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    unsigned char header[28] = {};
    if (std::fread(header, 1, sizeof header, f) == sizeof header)
      key += fmt::format("change counter {}\n", (uint32_t{header[24]} << 24) | (header[25] << 16) | (header[26] << 8) | header[27]);
    std::fclose(f);
  }
  return key;
}

std::string serialize(const EventTable& t) {
  PayloadWriter w;
  w.value<int64_t>(t.day0);
  w.array(t.lon);
  w.array(t.lat);
  w.array(t.day_from);
  w.array(t.day_to);
  w.array(t.type);
  w.array(t.magnitude);
  w.array(t.precision);
  w.array(t.sources);
  w.array(t.confidence);
  w.array(t.background);
  w.array(t.actor1);
  w.array(t.actor2);
  w.array(t.country);
  w.array(t.dataset);
  w.array(t.location);
  w.array(t.fid);
  for (const auto* table : {&t.sub_types, &t.event_types, &t.actors, &t.countries, &t.datasets, &t.locations}) w.strings(*table);
  return w.bytes();
}

template <class T>
bool indexes_within(const std::vector<T>& v, size_t size) {
  for (const T i : v)
    if (static_cast<size_t>(i) >= size) return false;
  return true;
}

// The table a cache file holds, when it is whole and consistent.
std::optional<EventTable> deserialize(std::string_view bytes) {
  PayloadReader r(bytes);
  EventTable t;
  t.day0 = static_cast<long>(r.value<int64_t>());
  t.lon = r.array<double>();
  t.lat = r.array<double>();
  t.day_from = r.array<float>();
  t.day_to = r.array<float>();
  t.type = r.array<uint8_t>();
  t.magnitude = r.array<float>();
  t.precision = r.array<uint8_t>();
  t.sources = r.array<uint8_t>();
  t.confidence = r.array<float>();
  t.background = r.array<uint8_t>();
  t.actor1 = r.array<uint16_t>();
  t.actor2 = r.array<uint16_t>();
  t.country = r.array<uint16_t>();
  t.dataset = r.array<uint8_t>();
  t.location = r.array<uint32_t>();
  t.fid = r.array<int64_t>();
  for (auto* table : {&t.sub_types, &t.event_types, &t.actors, &t.countries, &t.datasets, &t.locations}) *table = r.strings();
  const size_t n = t.lon.size();
  const bool sizes = t.lat.size() == n && t.day_from.size() == n && t.day_to.size() == n && t.type.size() == n && t.magnitude.size() == n &&
                     t.precision.size() == n && t.sources.size() == n && t.confidence.size() == n && t.background.size() == n &&
                     t.actor1.size() == n && t.actor2.size() == n && t.country.size() == n && t.dataset.size() == n &&
                     t.location.size() == n && t.fid.size() == n && t.event_types.size() == t.sub_types.size();
  if (!r.ok() || !sizes || !indexes_within(t.type, t.sub_types.size()) || !indexes_within(t.actor1, t.actors.size()) ||
      !indexes_within(t.actor2, t.actors.size()) || !indexes_within(t.country, t.countries.size()) ||
      !indexes_within(t.dataset, t.datasets.size()) || !indexes_within(t.location, t.locations.size()))
    return std::nullopt;
  return t;
}

// The columns the map needs, as load_event_table's GDAL path reads them
// (and source_count where the layer has it): those the map draws, then the rest.
constexpr int kDrawnColumns[] = {ev::event_date, ev::event_date_to, ev::event_type, ev::sub_event_type, ev::latitude,
                                 ev::longitude,  ev::geo_precision, ev::fatalities, ev::quantities};
constexpr int kRestColumns[] = {ev::location, ev::actor1, ev::actor2, ev::country_code, ev::confidence, ev::background, kDatasetColumn};

using ColumnSet = std::array<bool, kEventColumnCount>;

struct Cancelled {};

// Rows of one FID range (every row for nullopt) into a table of `which` columns.
EventTable read_range(GeoPackageEvents& gpkg, const ColumnSet& columns, std::optional<std::pair<int64_t, int64_t>> fids, TableColumns which,
                      const std::atomic<bool>* cancel = nullptr) {
  EventTableBuilder b(which);
  if (fids) b.reserve(static_cast<size_t>(std::max<int64_t>(0, fids->second - fids->first)));
  EventRow r;
  auto read = [&](const LayerRow& row) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled{};
    auto date = [&](int k) { return row.cell[k].kind == Cell::Kind::date ? std::optional(row.cell[k].date) : std::nullopt; };
    r.from = date(ev::event_date);
    r.to = date(ev::event_date_to);
    r.event_type = row.cell[ev::event_type].text;
    r.sub_event_type = row.cell[ev::sub_event_type].text;
    r.location = row.cell[ev::location].text;
    r.actor1 = row.cell[ev::actor1].text;
    r.actor2 = row.cell[ev::actor2].text;
    r.country_code = row.cell[ev::country_code].text;
    r.dataset = row.cell[kDatasetColumn].text;
    r.lat = row.cell[ev::latitude].real;
    r.lon = row.cell[ev::longitude].real;
    r.geo_precision = static_cast<int>(row.cell[ev::geo_precision].integer);
    // As the GDAL path reads it: 1 where the column is absent (a store from
    // before canonical events) or null (an imported event).
    const Cell& sources = row.cell[kSourceCountColumn];
    r.sources = sources.kind == Cell::Kind::integer ? static_cast<int>(sources.integer) : 1;
    const long long fatalities = row.cell[ev::fatalities].integer;
    // quantities is NUL-terminated where its view ends (SQLite's text).
    const Cell& quantities = row.cell[ev::quantities];
    r.magnitude =
        fatalities > 0 ? static_cast<float>(fatalities) : (quantities.text.empty() ? 0.0f : largest_quantity(quantities.text.data()));
    r.confidence = static_cast<float>(row.cell[ev::confidence].real);
    r.background = row.cell[ev::background].integer != 0;
    r.fid = row.fid;
    b.add(r);
  };
  gpkg.read_columns(columns, fids, read, /*geometry=*/false);
  return b.finish();
}

// The layer's columns `which` needs; nullopt when it lacks one.
std::optional<ColumnSet> columns_for(const EventColumns& c, TableColumns which) {
  ColumnSet columns{};
  if (which != TableColumns::rest) {
    for (const int k : kDrawnColumns) columns[k] = true;
    columns[kSourceCountColumn] = c.at[kSourceCountColumn] >= 0;  // canonical events' (schema version 2)
  }
  if (which != TableColumns::drawn)
    for (const int k : kRestColumns) columns[k] = true;
  for (const int k : kDrawnColumns)
    if (c.at[k] < 0) return std::nullopt;
  for (const int k : kRestColumns)
    if (c.at[k] < 0) return std::nullopt;
  return columns;
}

// The table's `which` columns in FID order; a large layer in FID ranges
// at once, a thread per core (four at most), each on its own connection.
std::optional<EventTable> read_table(Store& store, OGRLayer& layer, TableColumns which) {
  const auto columns = columns_for(EventColumns(*layer.GetLayerDefn()), which);
  if (!columns) return std::nullopt;
  auto first = GeoPackageEvents::open(store.location(), layer);
  if (!first) return std::nullopt;
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  first->hold_read();  // every range from one state of the store (no commit in between); best effort
  const auto range = first->fid_range();
  if (!range || range->second - range->first < 200000 || threads < 2)
    return read_range(*first, *columns, range ? std::optional(std::pair{range->first, range->second + 1}) : std::nullopt, which);
  std::vector<GeoPackageEvents> readers;
  for (unsigned w = 1; w < threads; ++w) {
    auto more = GeoPackageEvents::open(store.location(), layer);
    if (!more) return std::nullopt;
    readers.push_back(std::move(*more));
  }
  const int64_t step = (range->second - range->first) / threads + 1;
  auto fids = [&](unsigned w) { return std::pair{range->first + step * w, range->first + step * (w + 1)}; };
  std::vector<EventTable> parts(threads);
  std::vector<std::string> errors(threads);
  std::vector<std::thread> workers;
  for (unsigned w = 1; w < threads; ++w)
    workers.emplace_back([&, w] {
      try {
        parts[w] = read_range(readers[w - 1], *columns, fids(w), which);
      } catch (const std::exception& e) { errors[w] = e.what(); }
    });
  try {
    parts[0] = read_range(*first, *columns, fids(0), which);
  } catch (const std::exception& e) { errors[0] = e.what(); }
  for (auto& t : workers) t.join();
  for (const auto& e : errors)
    if (!e.empty()) throw StoreError(e);
  EventTable table = std::move(parts[0]);
  for (unsigned w = 1; w < threads; ++w) append_event_table(table, parts[w]);
  return table;
}

struct CacheFile {
  std::string file, key;
};

// The event table files of stores that changed since, or are gone (their
// key names the store's path on its second line): rebuilt tables replace
// them rather than pile up.
void remove_stale_event_tables(const std::string& dir) {
  remove_stale_cache_files(dir, "events-", ".table", [](std::string_view key) { return key == store_key(std::string(key_line(key, 1))); });
}

}  // namespace

// The rest of a table read on a thread of its own; the cache file written
// after, from a copy of the drawn columns with the rest put in.
struct PendingRest::Impl {
  std::mutex mutex;
  std::condition_variable read;
  bool done = false;
  std::shared_ptr<const EventTable> rest;  // the TableColumns::rest part
  std::string error;
  bool filled = false;
  std::atomic<bool> cancel{false};
  std::thread thread;  // last: started once the members above exist

  ~Impl() {
    cancel = true;
    if (thread.joinable()) thread.join();
  }

  void run(GeoPackageEvents gpkg, ColumnSet columns, std::optional<EventTable> drawn, CacheFile cache) {
    // Ten steps below the viewer's own threads: its frames come first.
    const auto thread = static_cast<id_t>(::gettid());
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, thread);
    if (errno == 0) ::setpriority(PRIO_PROCESS, thread, std::min(nice + 10, 19));
    try {
      auto part = std::make_shared<const EventTable>(read_range(gpkg, columns, std::nullopt, TableColumns::rest, &cancel));
      finish(part, "");
      if (drawn) {  // written even when the viewer closes meanwhile: the next open needs it
        fill_rest(*drawn, *part);
        write_cache_file(cache.file, cache.key, serialize(*drawn));
        remove_stale_event_tables(fs::path(cache.file).parent_path().string());
      }
    } catch (const Cancelled&) { finish(nullptr, "cancelled"); } catch (const std::exception& e) {
      finish(nullptr, e.what());
    }
  }

  void finish(std::shared_ptr<const EventTable> part, std::string why) {
    std::lock_guard lock(mutex);
    rest = std::move(part);
    error = std::move(why);
    done = true;
    read.notify_all();
  }
};

PendingRest::PendingRest(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PendingRest::~PendingRest() = default;

bool PendingRest::ready() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->done;
}

void PendingRest::fill(EventTable& table) {
  std::shared_ptr<const EventTable> rest;
  {
    std::unique_lock lock(impl_->mutex);
    impl_->read.wait(lock, [&] { return impl_->done; });
    if (impl_->filled) throw std::logic_error("PendingRest::fill: the rest was put in already");
    impl_->filled = true;
    if (!impl_->rest) throw StoreError("cannot read the events' actors, places and datasets: " + impl_->error);
    rest = impl_->rest;
  }
  fill_rest(table, *rest);
}

EventTableCache EventTableCache::from_environment() {
  EventTableCache cache;
  if (const char* n = std::getenv("SITMAP_TABLE_CACHE_MIN"); n && *n) cache.min_events = std::strtoull(n, nullptr, 10);
  return cache;
}

std::optional<FirstEventTable> load_geopackage_event_table_first(Store& store, const EventTableCache& cache) {
  GDALDriver* driver = store.impl().ds->GetDriver();
  if (!driver || std::string_view(driver->GetDescription()) != "GPKG") return std::nullopt;
  std::error_code ec;
  const std::string path = fs::weakly_canonical(store.location(), ec).string();
  const std::string name = "events-" + hex64(fnv1a_64(path)) + ".table";
  const std::string file = cache.dir.empty() ? cache_path(name) : (fs::path(cache.dir) / name).string();
  const std::string key = store_key(path);  // before reading: a change made meanwhile makes the next open rebuild
  if (const auto bytes = read_cache_file(file, key))
    if (auto table = deserialize(*bytes)) return FirstEventTable{std::move(*table), nullptr};

  OGRLayer& layer = store.impl().layer(kEventsLayer);
  const GIntBig count = layer.GetFeatureCount(FALSE);  // -1 when GDAL does not know without counting
  if (count >= 0 && static_cast<uint64_t>(count) < cache.min_events) {
    // A small store: whole at once, no cache file (one from when it was larger is stale).
    auto table = read_table(store, layer, TableColumns::all);
    if (table) fs::remove(file, ec);
    if (!table) return std::nullopt;
    return FirstEventTable{std::move(*table), nullptr};
  }
  const auto rest_columns = columns_for(EventColumns(*layer.GetLayerDefn()), TableColumns::rest);
  auto rest_reader = GeoPackageEvents::open(store.location(), layer);
  if (!rest_columns || !rest_reader) return std::nullopt;
  auto drawn = read_table(store, layer, TableColumns::drawn);
  if (!drawn) return std::nullopt;
  // The cache file, once the rest is in, from a copy of what the viewer
  // gets now (it may change it meanwhile).
  std::optional<EventTable> for_cache;
  if (drawn->size() >= cache.min_events && !file.empty()) for_cache = *drawn;
  auto pending = std::make_unique<PendingRest::Impl>();
  PendingRest::Impl& p = *pending;
  p.thread =
      std::thread([&p, gpkg = std::move(*rest_reader), columns = *rest_columns, for_cache = std::move(for_cache),
                   cache_file = CacheFile{file, key}]() mutable { p.run(std::move(gpkg), columns, std::move(for_cache), cache_file); });
  return FirstEventTable{std::move(*drawn), std::make_unique<PendingRest>(std::move(pending))};
}

std::optional<EventTable> load_geopackage_event_table(Store& store, const EventTableCache& cache) {
  auto first = load_geopackage_event_table_first(store, cache);
  if (!first) return std::nullopt;
  if (first->rest) first->rest->fill(first->table);
  return std::move(first->table);
}

}  // namespace sitmap
