#pragma once
// The store's GDAL side: the dataset and what the store knows of it. Only
// src/store includes this.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geo/gdal.hpp"
#include "store/private/writer_lock.hpp"
#include "store/store.hpp"

namespace sitmap {

struct MergeCache;

struct Store::Impl {
  WriterLock lock;  // declared before ds: released after the dataset is closed
  DatasetPtr ds;
  std::string location;
  bool postgis = false;
  bool writable = false;
  std::unordered_set<std::string> hashes;
  std::unordered_map<std::string, int64_t> document_fids;  // document_id -> its feature in the documents layer
  std::shared_ptr<MergeCache> merge_cache;                 // store/private/merge.hpp
  bool per_report_events = false;                          // benchmarks: events stored as before canonical events (synthetic.hpp)

  static std::unique_ptr<Impl> open_geopackage(const std::string& path, Mode mode, const BusyNotice& on_busy);
  static void create_geopackage(const std::string& path);

  OGRLayer& layer(const char* name);
  // SQL run as is (only ever our own constant statements); GDAL errors become StoreError.
  void execute(const std::string& sql);
  // Makes missing layers, fields and indexes; true when it made a layer.
  bool create_schema();
  // Layers whose R-tree lacks its triggers (or, when writable, is missing).
  std::vector<std::string> spatial_indexes_to_repair();
  void repair_spatial_indexes(const std::vector<std::string>& layers);
  // A GeoPackage's readings layer keeps no R-tree: SQLite's R-tree of a
  // million readings made every batch of an ingest rewrite about sixty of
  // its pages (nodes splitting, and each entry a split moves rewritten in
  // its id table), a fifth of the pages an ingest into a large store
  // writes. Readings are found by their canonical event, their country,
  // type and date (indexes); a box on them (export --per-report --bbox)
  // reads the layer through, as GDAL does a layer without an index. A
  // writer drops an R-tree it finds there (a store of version 2, or one an
  // older sitmap gave one again); true when it did (GDAL must reread the
  // layer).
  bool drop_readings_rtree();
  // Takes a layer's R-tree down (its triggers, its table, its entry in
  // gpkg_extensions), inside the caller's transaction.
  void drop_spatial_index(const std::string& layer_name);
  void load_known_documents();
  // The layout version (schema.hpp: kSchemaVersion); 1 for stores made
  // before it was recorded. upgrade() brings a store to kSchemaVersion.
  int schema_version();
  void set_schema_version();
  void upgrade(int from_version);
  void readings_from_per_report_events();  // version 1 -> 2
  void create_or_set(OGRLayer& layer, OGRFeature& f, bool create);

  // The lowest and highest FID of the events layer, and the FID column's
  // name: what parallel readers split the layer by. nullopt for PostGIS or
  // an empty layer.
  struct FidRange {
    int64_t lo, hi;
    std::string column;
  };
  std::optional<FidRange> event_fid_range();
};

}  // namespace sitmap
