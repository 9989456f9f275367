#pragma once
// The event store: a GeoPackage file (default sitmap.gpkg) or a PostGIS
// database ("PG:host=... dbname=..."), read and written through GDAL/OGR.
// Layers: events (points), documents (no geometry), mentions (points).
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/records.hpp"
#include "geo/gdal.hpp"
#include "store/writer_lock.hpp"

namespace sitmap {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  enum class Mode { read, update };
  static constexpr const char* kDefaultPath = "sitmap.gpkg";

  // Told once when the store is busy and open() waits (see WriterLock).
  using BusyNotice = std::function<void(const std::string&)>;

  // Opens a GeoPackage path or a "PG:" DSN. In update mode a GeoPackage is
  // written by one process at a time (WriterLock: a second one waits, told
  // through `on_busy`); a missing one is created whole (layers, spatial
  // indexes and their triggers) under a temporary name and then linked into
  // place, so a crash never leaves a half-made store; missing layers and
  // indexes are made. A spatial index a crash left without its triggers
  // (stores of older versions) is rebuilt on open, in either mode.
  static Store open(const std::string& path_or_dsn, Mode mode = Mode::update, const BusyNotice& on_busy = {});

  Store(Store&&) noexcept = default;
  Store& operator=(Store&&) noexcept = default;
  ~Store() = default;  // the dataset closes before the writer lock is released (member order)

  const std::string& location() const { return location_; }
  bool is_postgis() const { return postgis_; }
  bool is_writable() const { return writable_; }
  GDALDataset& dataset() { return *ds_; }
  OGRLayer& layer(const char* name);
  int64_t count(const char* layer_name);
  // The lowest and highest FID of the events layer, and the FID column's
  // name: what parallel readers split the layer by. nullopt for PostGIS or
  // an empty layer.
  struct FidRange {
    int64_t lo, hi;
    std::string column;
  };
  std::optional<FidRange> event_fid_range();
  // The highest feature id of the events layer (0 when empty): one index
  // lookup. Ids only grow, and writers commit in id order (a GeoPackage has
  // one writer at a time, PostGIS writers take turns), so events with an id
  // above one seen before are exactly those added since.
  int64_t last_event_fid();

  bool has_content(const std::string& hash) const { return hashes_.count(hash) > 0; }
  // Rereads which reports the store holds (another ingester may have added some).
  void refresh_known_documents() { load_known_documents(); }
  bool has_document_id(const std::string& id) const { return document_ids_.count(id) > 0; }

  // Stores documents, their events and their mentions in one transaction:
  // a killed process leaves all of the batch or none of it.
  void add_documents(std::span<const DocumentRecord> batch);
  // Stores coded events (dataset "acled", "gdelt") in one transaction,
  // skipping event_ids that dataset already has; returns how many were added.
  size_t add_events(std::span<const Event> events, std::string_view dataset);
  // Appends events as they are, in one transaction (no duplicate check).
  void append_events(std::span<const Event> events, std::string_view dataset);

  // SQL run as is (only ever our own constant statements); GDAL errors become StoreError.
  void execute(const std::string& sql);

 private:
  Store(DatasetPtr ds, std::string location, bool postgis, bool writable);
  static Store open_geopackage(const std::string& path, Mode mode, const BusyNotice& on_busy);
  static void create_geopackage(const std::string& path);
  // Makes missing layers, fields and indexes; true when it made a layer.
  bool create_schema();
  // Layers whose R-tree lacks its triggers (or, when writable, is missing).
  std::vector<std::string> spatial_indexes_to_repair();
  void repair_spatial_indexes(const std::vector<std::string>& layers);
  void load_known_documents();

  WriterLock lock_;  // declared before ds_: released after the dataset is closed
  DatasetPtr ds_;
  std::string location_;
  bool postgis_ = false;
  bool writable_ = false;
  std::unordered_set<std::string> hashes_, document_ids_;
};

// Is this a PostGIS DSN rather than a file path?
inline bool is_postgis_dsn(std::string_view s) { return s.substr(0, 3) == "PG:"; }

}  // namespace sitmap
