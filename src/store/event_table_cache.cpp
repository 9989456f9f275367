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
#include <functional>
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

// A row as the builder takes it (views into `row`).
EventRow event_row(const LayerRow& row) {
  EventRow r;
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
  return r;
}

// Rows of one FID range (every row for nullopt) into a table of `which` columns.
EventTable read_range(GeoPackageEvents& gpkg, const ColumnSet& columns, std::optional<std::pair<int64_t, int64_t>> fids, TableColumns which,
                      const std::atomic<bool>* cancel = nullptr) {
  EventTableBuilder b(which);
  if (fids) b.reserve(static_cast<size_t>(std::max<int64_t>(0, fids->second - fids->first)));
  auto read = [&](const LayerRow& row) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled{};
    b.add(event_row(row));
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

// A connection per thread that read_table may use (a thread per core, four
// at most), opened here: a GDAL layer is used on one thread only.
std::optional<std::vector<GeoPackageEvents>> open_readers(Store& store, OGRLayer& layer) {
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  std::vector<GeoPackageEvents> readers;
  for (unsigned w = 0; w < threads; ++w) {
    auto reader = GeoPackageEvents::open(store.location(), layer);
    if (!reader) return std::nullopt;
    readers.push_back(std::move(*reader));
  }
  return readers;
}

// The table's `which` columns in FID order; a large layer in FID ranges at
// once, a thread per reader, each on its own connection.
EventTable read_table(std::vector<GeoPackageEvents>& readers, const ColumnSet& columns, TableColumns which,
                      const std::atomic<bool>* cancel = nullptr) {
  GeoPackageEvents& first = readers.front();
  first.hold_read();  // every range from one state of the store (no commit in between); best effort
  const auto range = first.fid_range();
  const auto threads = static_cast<unsigned>(readers.size());
  if (!range || range->second - range->first < 200000 || threads < 2) {
    EventTable table =
        read_range(first, columns, range ? std::optional(std::pair{range->first, range->second + 1}) : std::nullopt, which, cancel);
    first.end_read();
    return table;
  }
  const int64_t step = (range->second - range->first) / threads + 1;
  auto fids = [&](unsigned w) { return std::pair{range->first + step * w, range->first + step * (w + 1)}; };
  std::vector<EventTable> parts(threads);
  std::vector<std::string> errors(threads);
  std::atomic<bool> cancelled{false};
  auto read = [&](unsigned w) {
    try {
      parts[w] = read_range(readers[w], columns, fids(w), which, cancel);
    } catch (const Cancelled&) { cancelled = true; } catch (const std::exception& e) {
      errors[w] = e.what();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned w = 1; w < threads; ++w) workers.emplace_back(read, w);
  read(0);
  for (auto& t : workers) t.join();
  first.end_read();
  if (cancelled) throw Cancelled{};
  for (const auto& e : errors)
    if (!e.empty()) throw StoreError(e);
  EventTable table = std::move(parts[0]);
  for (unsigned w = 1; w < threads; ++w) append_event_table(table, parts[w]);
  return table;
}

// Days counted from `day0` instead (the whole table's first day, before its first row's).
void count_days_from(EventTable& t, long day0) {
  const auto shift = static_cast<float>(t.day0 - day0);
  for (float& d : t.day_from) d += shift;
  for (float& d : t.day_to) d += shift;
  t.day0 = day0;
}

// The first ISO day a date column's index holds, or its last.
std::optional<long> end_day(GeoPackageEvents& gpkg, int column, bool last) {
  std::optional<long> day;
  gpkg.date_texts(column, last, [&](std::string_view text) {
    CivilDate d;
    if (parse_iso_day(text, d)) day = days_from_civil(d);
    return !day;  // a text that is no day (the table reads none) is passed over
  });
  return day;
}

// The events a window on the last `days` days of the data shows (what the
// viewer shows first), every column, found through the indexes of
// event_date and event_date_to; nullopt when either has none. The rows an
// ISO text after the window's first day names are those dated on or after
// it (for calendar dates, as every writer of ours stores them).
std::optional<FirstEventTable> read_first_rows(GeoPackageEvents& gpkg, const EventColumns& c, int days) {
  if (!gpkg.indexed(ev::event_date) || !gpkg.indexed(ev::event_date_to)) return std::nullopt;
  const auto columns = columns_for(c, TableColumns::all);
  const auto first = end_day(gpkg, ev::event_date, false), latest = end_day(gpkg, ev::event_date, true);
  if (!columns || !first || !latest) return std::nullopt;
  // The last day the table will have: the latest event_date, or an event's
  // later event_date_to (the table's day_to is the later of the two).
  long last = *latest;
  ColumnSet dates{};
  dates[ev::event_date] = dates[ev::event_date_to] = true;
  const int later_ends[] = {ev::event_date_to};
  gpkg.read_dated_from(dates, later_ends, to_iso(civil_from_days(*latest)), [&](const LayerRow& row) {
    const EventRow r = event_row(row);
    if (r.from && r.to) last = std::max(last, days_from_civil(*r.to));
  });
  const long from = std::max(*first, last - (days - 1));
  EventTableBuilder b;
  const int both[] = {ev::event_date, ev::event_date_to};
  gpkg.read_dated_from(*columns, both, to_iso(civil_from_days(from)), [&](const LayerRow& row) { b.add(event_row(row)); });
  FirstEventTable part{b.finish(), nullptr, static_cast<float>(from - *first)};
  count_days_from(part.table, *first);
  return part;
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

// The rest of a table read on a thread of its own, then, from what it
// read, the cache file written.
struct PendingRest::Impl {
  explicit Impl(bool whole_table) : whole(whole_table) {}

  const bool whole;  // what is read is the whole table (it replaces the first rows), else the rest's columns
  std::mutex mutex;
  std::condition_variable read;
  bool done = false;
  std::shared_ptr<const EventTable> part;
  std::string error;
  bool filled = false;
  std::atomic<bool> cancel{false};
  std::thread thread;  // last: started once the members above exist

  ~Impl() {
    cancel = true;
    if (thread.joinable()) thread.join();
  }

  // `read` the part, hand it over, then `then` with it (the cache file,
  // written even when the viewer closes meanwhile: the next open needs it).
  void run(const std::function<EventTable(const std::atomic<bool>& cancel)>& read_part,
           const std::function<void(const EventTable&)>& then) {
    // Ten steps below the viewer's own threads: its frames come first.
    const auto thread = static_cast<id_t>(::gettid());
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, thread);
    if (errno == 0) ::setpriority(PRIO_PROCESS, thread, std::min(nice + 10, 19));
    std::shared_ptr<const EventTable> p;
    try {
      p = std::make_shared<const EventTable>(read_part(cancel));
    } catch (const Cancelled&) {
      finish(nullptr, "cancelled");
      return;
    } catch (const std::exception& e) {
      finish(nullptr, e.what());
      return;
    }
    finish(p, "");
    try {
      then(*p);
    } catch (const std::exception&) {}  // a cache file is never required
  }

  void finish(std::shared_ptr<const EventTable> read_part, std::string why) {
    std::lock_guard lock(mutex);
    part = std::move(read_part);
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
  std::shared_ptr<const EventTable> part;
  {
    std::unique_lock lock(impl_->mutex);
    impl_->read.wait(lock, [&] { return impl_->done; });
    if (impl_->filled) throw std::logic_error("PendingRest::fill: the rest was put in already");
    impl_->filled = true;
    if (!impl_->part)
      throw StoreError(std::string("cannot read the events' ") + (impl_->whole ? "table: " : "actors, places and datasets: ") +
                       impl_->error);
    part = impl_->part;
  }
  if (impl_->whole)
    table = *part;  // a copy: its thread may still be writing the cache file from it
  else
    fill_rest(table, *part);
}

EventTableCache EventTableCache::from_environment() {
  EventTableCache cache;
  if (const char* n = std::getenv("SITMAP_TABLE_CACHE_MIN"); n && *n) cache.min_events = std::strtoull(n, nullptr, 10);
  return cache;
}

std::optional<FirstEventTable> load_geopackage_event_table_first(Store& store, const EventTableCache& cache, int first_days) {
  GDALDriver* driver = store.impl().ds->GetDriver();
  if (!driver || std::string_view(driver->GetDescription()) != "GPKG") return std::nullopt;
  std::error_code ec;
  const std::string path = fs::weakly_canonical(store.location(), ec).string();
  const std::string name = "events-" + hex64(fnv1a_64(path)) + ".table";
  const std::string file = cache.dir.empty() ? cache_path(name) : (fs::path(cache.dir) / name).string();
  const std::string key = store_key(path);  // before reading: a change made meanwhile makes the next open rebuild
  if (const auto bytes = read_cache_file(file, key))
    if (auto table = deserialize(*bytes)) return FirstEventTable{std::move(*table), nullptr, std::nullopt};

  OGRLayer& layer = store.impl().layer(kEventsLayer);
  const EventColumns c(*layer.GetLayerDefn());
  const auto all_columns = columns_for(c, TableColumns::all), rest_columns = columns_for(c, TableColumns::rest);
  auto readers = open_readers(store, layer);
  if (!all_columns || !rest_columns || !readers) return std::nullopt;
  // The span of feature ids bounds the number of rows (no count: GDAL
  // counts them, a walk of an index, where the GeoPackage does not hold it).
  const auto fids = readers->front().fid_range();
  if (!fids || static_cast<uint64_t>(fids->second - fids->first) + 1 < cache.min_events) {
    // A small store: whole at once, no cache file (one from when it was larger is stale).
    EventTable table = read_table(*readers, *all_columns, TableColumns::all);
    fs::remove(file, ec);
    return FirstEventTable{std::move(table), nullptr, std::nullopt};
  }
  const CacheFile cache_file{file, key};
  auto write_cache = [cache_file, min = cache.min_events](const EventTable& table) {
    if (table.size() < min || cache_file.file.empty()) return;
    write_cache_file(cache_file.file, cache_file.key, serialize(table));
    remove_stale_event_tables(fs::path(cache_file.file).parent_path().string());
  };

  // The first window's events through the date indexes, then the whole table.
  if (first_days > 0)
    if (auto first = read_first_rows(readers->front(), c, first_days)) {
      auto pending = std::make_unique<PendingRest::Impl>(true);
      PendingRest::Impl& p = *pending;
      p.thread = std::thread([&p, readers = std::move(*readers), columns = *all_columns, write_cache]() mutable {
        p.run([&](const std::atomic<bool>& cancel) { return read_table(readers, columns, TableColumns::all, &cancel); }, write_cache);
      });
      first->rest = std::make_unique<PendingRest>(std::move(pending));
      return first;
    }

  // Else the drawn columns of every row, then the rest of them.
  const auto drawn_columns = columns_for(c, TableColumns::drawn);
  auto rest_reader = GeoPackageEvents::open(store.location(), layer);
  if (!drawn_columns || !rest_reader) return std::nullopt;
  EventTable drawn = read_table(*readers, *drawn_columns, TableColumns::drawn);
  // The cache file, once the rest is in, from a copy of what the viewer
  // gets now (it may change it meanwhile).
  auto for_cache = drawn.size() >= cache.min_events && !file.empty() ? std::make_shared<EventTable>(drawn) : nullptr;
  auto pending = std::make_unique<PendingRest::Impl>(false);
  PendingRest::Impl& p = *pending;
  p.thread = std::thread([&p, gpkg = std::move(*rest_reader), columns = *rest_columns, for_cache, write_cache]() mutable {
    p.run([&](const std::atomic<bool>& cancel) { return read_range(gpkg, columns, std::nullopt, TableColumns::rest, &cancel); },
          [&](const EventTable& rest) {
            if (!for_cache) return;
            fill_rest(*for_cache, rest);
            write_cache(*for_cache);
          });
  });
  return FirstEventTable{std::move(drawn), std::make_unique<PendingRest>(std::move(pending)), std::nullopt};
}

std::optional<EventTable> load_geopackage_event_table(Store& store, const EventTableCache& cache) {
  auto first = load_geopackage_event_table_first(store, cache);
  if (!first) return std::nullopt;
  if (first->rest) first->rest->fill(first->table);
  return std::move(first->table);
}

}  // namespace sitmap
