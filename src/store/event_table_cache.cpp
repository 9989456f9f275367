#include "store/private/event_table_cache.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
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

// The columns the map needs, as load_event_table's GDAL path reads them.
constexpr int kMapColumns[] = {ev::location,   ev::event_date,   ev::event_date_to, ev::event_type, ev::sub_event_type, ev::actor1,
                               ev::actor2,     ev::country_code, ev::latitude,      ev::longitude,  ev::geo_precision,  ev::fatalities,
                               ev::quantities, ev::confidence,   ev::background,    kDatasetColumn};

// Rows of one FID range into a table.
EventTable read_range(GeoPackageEvents& gpkg, const std::array<bool, kEventColumnCount>& columns,
                      std::optional<std::pair<int64_t, int64_t>> fids) {
  EventTableBuilder b;
  EventRow r;
  gpkg.read_columns(columns, fids, [&](const LayerRow& row) {
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
  });
  return b.finish();
}

// The table, read as load_event_table's GDAL path reads it (FID order);
// a large layer in two FID ranges at once, each on its own connection.
std::optional<EventTable> read_table(Store& store) {
  OGRLayer& layer = store.impl().layer(kEventsLayer);
  const EventColumns c(*layer.GetLayerDefn());
  std::array<bool, kEventColumnCount> columns{};
  for (const int k : kMapColumns) {
    if (c.at[k] < 0) return std::nullopt;
    columns[k] = true;
  }
  columns[kSourceCountColumn] = c.at[kSourceCountColumn] >= 0;  // canonical events' (schema version 2)
  auto first = GeoPackageEvents::open(store.location(), layer);
  if (!first) return std::nullopt;
  const auto range =
      layer.GetFeatureCount(FALSE) >= 200000 && std::thread::hardware_concurrency() >= 2 ? store.impl().event_fid_range() : std::nullopt;
  if (!range) return read_range(*first, columns, std::nullopt);
  auto second = GeoPackageEvents::open(store.location(), layer);
  if (!second) return std::nullopt;
  first->hold_read();  // the two halves from one state of the store (no commit in between); best effort
  const int64_t middle = range->lo + (range->hi - range->lo) / 2 + 1;
  EventTable later;
  std::string error;
  std::thread worker([&] {
    try {
      later = read_range(*second, columns, std::pair{middle, range->hi + 1});
    } catch (const std::exception& e) { error = e.what(); }
  });
  EventTable table;
  try {
    table = read_range(*first, columns, std::pair{range->lo, middle});
  } catch (...) {
    worker.join();
    throw;
  }
  worker.join();
  if (!error.empty()) throw StoreError(error);
  append_event_table(table, later);
  return table;
}

}  // namespace

std::optional<EventTable> load_geopackage_event_table(Store& store, const EventTableCache& cache) {
  GDALDriver* driver = store.impl().ds->GetDriver();
  if (!driver || std::string_view(driver->GetDescription()) != "GPKG") return std::nullopt;
  std::error_code ec;
  const std::string path = fs::weakly_canonical(store.location(), ec).string();
  const std::string name = "events-" + hex64(fnv1a_64(path)) + ".table";
  const std::string file = cache.dir.empty() ? cache_path(name) : (fs::path(cache.dir) / name).string();
  const std::string key = store_key(path);  // before reading: a change made meanwhile makes the next open rebuild
  if (const auto bytes = read_cache_file(file, key))
    if (auto table = deserialize(*bytes)) return table;
  auto table = read_table(store);
  if (table && table->size() >= cache.min_events) write_cache_file(file, key, serialize(*table));
  return table;
}

}  // namespace sitmap
