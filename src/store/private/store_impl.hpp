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
  void load_known_documents();
  // The layout version (schema.hpp: kSchemaVersion); 1 for stores made
  // before it was recorded. upgrade() brings a store to kSchemaVersion.
  int schema_version();
  void set_schema_version();
  void upgrade(int from_version);
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
