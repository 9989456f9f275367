#include "store/store.hpp"

#include <cpl_error.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "store/canonical.hpp"
#include "store/private/gpkg_update.hpp"
#include "store/private/merge.hpp"
#include "store/private/schema.hpp"
#include "store/private/store_impl.hpp"

namespace sitmap {

namespace {

// The PostgreSQL advisory locks that writers of events, and makers of the
// layers, take in turn (any numbers, the same in every sitmap).
constexpr long long kEventWritersLock = 0x5174'6d61'7000;
constexpr long long kSchemaMakersLock = 0x5174'6d61'7001;

// Waits for a PostgreSQL advisory lock: `function` is pg_advisory_lock
// (held until the connection closes) or pg_advisory_xact_lock (until the
// transaction ends).
void take_advisory_lock(GDALDataset& ds, const char* function, long long key, const std::string& where) {
  const std::string sql = fmt::format("SELECT {}({})", function, key);
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result) throw StoreError(where + ": cannot take a turn with the other writers: " + gdal_error_or("the lock query failed"));
  FeaturePtr row{result->GetNextFeature()};  // the lock is taken once the query has run
  ds.ReleaseResultSet(result);
}

// Commits on commit(); rolls back if left by an exception.
class Transaction {
 public:
  // `in_turn` (PostGIS): the transaction waits until no other writer of
  // events is in one, so feature ids are taken in the order transactions
  // commit and a reader that has seen id N has seen every id below it
  // (what a viewer following the store relies on), and matching a report's
  // events against the stored ones and writing the canonical events is one
  // step no other ingester interleaves with: concurrent ingesters give what
  // one gives. A GeoPackage has one writer at a time anyway (WriterLock).
  Transaction(GDALDataset& ds, const std::string& where, bool in_turn = false) : ds_(ds) {
    CPLErrorReset();
    if (ds_.StartTransaction(FALSE) != OGRERR_NONE)
      throw StoreError(where + ": cannot start a transaction: " + gdal_error_or("the store refused it (read-only, or busy?)"));
    if (in_turn) take_turn(where);
  }
  void commit(const std::string& where) {
    done_ = true;
    CPLErrorReset();
    if (ds_.CommitTransaction() != OGRERR_NONE)
      throw StoreError(where + ": commit failed: " + gdal_error_or("the store refused it (disk full?)"));
  }
  ~Transaction() {
    if (!done_) ds_.RollbackTransaction();
  }

 private:
  // Held until the transaction ends, commit or rollback.
  void take_turn(const std::string& where) { take_advisory_lock(ds_, "pg_advisory_xact_lock", kEventWritersLock, where); }

  GDALDataset& ds_;
  bool done_ = false;
};

void create_feature(OGRLayer& layer, OGRFeature& f, const std::string& where) {
  CPLErrorReset();
  if (layer.CreateFeature(&f) != OGRERR_NONE)
    throw StoreError(where + ": cannot write to layer " + layer.GetName() + ": " + gdal_error_or("the feature was refused"));
}

nlohmann::json candidates_json(const MentionRecord& m) {
  nlohmann::json out = nlohmann::json::array();
  for (const PlaceRecord& p : m.candidates)
    out.push_back({{"name", p.name},
                   {"geonameid", p.geonameid},
                   {"feature", p.feature},
                   {"country_code", p.country_code},
                   {"admin1", p.admin1},
                   {"lat", p.point.lat},
                   {"lon", p.point.lon},
                   {"score", p.score}});
  return out;
}

void write_mention(OGRLayer& layer, const Document& doc, const MentionRecord& m) {
  OGRFeature f(layer.GetLayerDefn());
  f.SetField("document_id", doc.id.c_str());
  f.SetField("start", static_cast<int>(m.start));
  f.SetField("end", static_cast<int>(m.end));
  f.SetField("text", m.text.c_str());
  f.SetField("cue", m.cue.c_str());
  f.SetField("demonym", m.demonym ? 1 : 0);
  f.SetField("in_name", m.in_name ? 1 : 0);
  f.SetField("sentence_index", static_cast<int>(m.sentence));
  f.SetField("candidates", candidates_json(m).dump().c_str());
  if (!m.candidates.empty()) {
    const PlaceRecord& p = m.candidates.front();
    if (p.geonameid) f.SetField("geonameid", static_cast<int>(p.geonameid));
    f.SetField("location", p.name.c_str());
    f.SetField("feature", p.feature.c_str());
    f.SetField("country_code", p.country_code.c_str());
    f.SetField("admin1", p.admin1.c_str());
    f.SetField("latitude", p.point.lat);
    f.SetField("longitude", p.point.lon);
    f.SetField("score", p.score);
    f.SetGeometryDirectly(new OGRPoint(p.point.lon, p.point.lat));
  }
  create_feature(layer, f, doc.source);
}

// Benchmarks only (store_per_report_events): each reading a row of the
// events layer, as before canonical events.
void store_per_report(Store::Impl& store, std::span<const NewReading> readings) {
  OGRLayer& events = store.layer(kEventsLayer);
  const EventColumns columns(*events.GetLayerDefn());
  OGRFeature f(events.GetLayerDefn());
  for (const NewReading& r : readings) {
    f.SetFID(OGRNullFID);
    fill_event_feature(f, columns, r.event, "sitmap");
    create_feature(events, f, store.location);
  }
}

std::string utc_now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

namespace {

DatasetPtr open_dataset(const std::string& location, bool postgis, bool update) {
  const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
  const char* drivers[] = {postgis ? "PostgreSQL" : "GPKG", nullptr};
  CPLErrorReset();
  DatasetPtr ds(GDALDataset::Open(location.c_str(), flags, drivers, nullptr, nullptr));
  if (ds) return ds;
  if (postgis) throw StoreError(location + ": cannot open the PostGIS store: " + gdal_error_or("GDAL gave no reason"));
  std::error_code ec;
  if (!std::filesystem::exists(location, ec)) throw StoreError(location + ": no such store");
  throw StoreError(location + ": cannot open the store: " +
                   gdal_error_or(std::string("not a GeoPackage, or not ") + (update ? "writable" : "readable")));
}

// A table, column or trigger name of the store ("rtree_events_geom") as an
// SQL string ('...') or identifier ("..."). Names are checked, never
// escaped: anything but letters, digits and '_' is refused, so no name can
// change a statement.
const std::string& checked_name(const std::string& name) {
  const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
  if (!plain) throw StoreError("unexpected table or column name '" + name.substr(0, 40) + "' in the store");
  return name;
}
std::string name_literal(const std::string& name) { return "'" + checked_name(name) + "'"; }
std::string name_identifier(const std::string& name) { return "\"" + checked_name(name) + "\""; }

std::unique_ptr<Store::Impl> make_impl(DatasetPtr ds, std::string location, bool postgis, bool writable) {
  auto impl = std::make_unique<Store::Impl>();
  impl->ds = std::move(ds);
  impl->location = std::move(location);
  impl->postgis = postgis;
  impl->writable = writable;
  return impl;
}

// One integer from a query of our own ("SELECT COUNT(*) ..."); 0 when it gives none.
int64_t query_integer(GDALDataset& ds, const std::string& sql) {
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result) return 0;
  int64_t v = 0;
  if (FeaturePtr f{result->GetNextFeature()}; f && f->IsFieldSetAndNotNull(0)) v = f->GetFieldAsInteger64(0);
  ds.ReleaseResultSet(result);
  return v;
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path_or_dsn, Mode mode, const BusyNotice& on_busy) {
  ensure_gdal_registered();
  if (!is_postgis_dsn(path_or_dsn)) return Store(Impl::open_geopackage(path_or_dsn, mode, on_busy));
  DatasetPtr turn;
  if (mode == Mode::update) {
    // Processes opening a new database at once (two watches started
    // together) would each make the layers, and the second fail on the
    // first's. They take turns, on a connection of the turn's own; the
    // store's connection opens within the turn, so GDAL sees the layers an
    // earlier turn made.
    turn = open_dataset(path_or_dsn, true, false);
    take_advisory_lock(*turn, "pg_advisory_lock", kSchemaMakersLock, path_or_dsn);
  }
  auto impl = make_impl(open_dataset(path_or_dsn, true, mode == Mode::update), path_or_dsn, true, mode == Mode::update);
  if (mode == Mode::update) {
    const int version = impl->schema_version();
    impl->create_schema();
    if (version < kSchemaVersion)
      impl->upgrade(version);
    else if (!impl->ds->GetLayerByName(kMetaLayer) || impl->schema_version() < kSchemaVersion)
      impl->set_schema_version();
  } else if (!impl->ds->GetLayerByName(kEventsLayer))
    throw StoreError(path_or_dsn + ": not a Sitmap store (no events layer)");
  turn.reset();  // the turn's connection closes: the next may make or check the layers
  impl->load_known_documents();
  return Store(std::move(impl));
}

std::unique_ptr<Store::Impl> Store::Impl::open_geopackage(const std::string& path, Mode mode, const BusyNotice& on_busy) {
  if (mode == Mode::read) {
    auto impl = make_impl(open_dataset(path, false, false), path, false, false);
    if (!impl->ds->GetLayerByName(kEventsLayer)) throw StoreError(path + ": not a Sitmap store (no events layer)");
    if (!impl->spatial_indexes_to_repair().empty()) {
      // Left incomplete by a crash: repaired by a writer, then read again.
      impl->ds.reset();
      open_geopackage(path, Mode::update, on_busy);
      impl->ds = open_dataset(path, false, false);
    }
    impl->load_known_documents();
    return impl;
  }
  WriterLock lock = WriterLock::acquire(path, on_busy);
  if (!std::filesystem::exists(path)) create_geopackage(path);
  auto impl = make_impl(open_dataset(path, false, true), path, false, true);
  impl->lock = std::move(lock);
  const int version = impl->schema_version();
  // GDAL completes a new layer's R-tree (its triggers) only when the
  // dataset is closed: close before the first batch can be written.
  if (impl->create_schema()) impl->ds = open_dataset(path, false, true);
  if (impl->drop_readings_rtree()) impl->ds = open_dataset(path, false, true);
  if (const auto broken = impl->spatial_indexes_to_repair(); !broken.empty()) {
    impl->repair_spatial_indexes(broken);
    impl->ds = open_dataset(path, false, true);
  }
  tune_writer_connection(*impl->ds);
  if (version < kSchemaVersion)
    impl->upgrade(version);
  else if (impl->schema_version() < kSchemaVersion)
    impl->set_schema_version();
  impl->load_known_documents();
  return impl;
}

void Store::Impl::create_geopackage(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = "." + target.filename().string() + ".new-";
  // Under the writer lock no one else is creating it: what is there was left by a crash.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove(entry.path(), ec);
  const fs::path tmp = dir / (prefix + std::to_string(::getpid()) + ".gpkg");  // GDAL warns about other extensions
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!gpkg) throw StoreError("GDAL has no GPKG driver");
  {
    CPLErrorReset();
    DatasetPtr ds(gpkg->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw StoreError(path + ": cannot create the store: " + gdal_error_or("GDAL gave no reason (is the directory writable?)"));
    auto scratch = make_impl(std::move(ds), tmp.string(), false, true);
    try {
      scratch->create_schema();
      scratch->set_schema_version();
    } catch (...) {
      scratch->ds.reset();
      fs::remove(tmp, ec);
      throw;
    }
  }  // closed here: layers, R-trees and triggers complete on disk
  // link() never replaces a file: a store someone made meanwhile is kept.
  if (::link(tmp.c_str(), path.c_str()) != 0 && errno != EEXIST) {
    const std::string reason = std::strerror(errno);
    fs::remove(tmp, ec);
    throw StoreError(path + ": cannot create the store: " + reason);
  }
  fs::remove(tmp, ec);
}

namespace {

// A layer's R-tree table ("rtree_events_geom"), and whether it is there and has its insert trigger.
struct RtreeState {
  std::string table;
  bool present = false, has_trigger = false;
};
std::optional<RtreeState> rtree_state(GDALDataset& ds, const char* name) {
  OGRLayer* layer = ds.GetLayerByName(name);
  if (!layer || layer->GetGeomType() == wkbNone || !layer->GetGeometryColumn() || !*layer->GetGeometryColumn()) return std::nullopt;
  RtreeState s;
  s.table = std::string("rtree_") + name + "_" + layer->GetGeometryColumn();
  s.present = query_integer(ds, "SELECT COUNT(*) FROM sqlite_master WHERE name = " + name_literal(s.table)) > 0;
  s.has_trigger =
      query_integer(ds, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = " + name_literal(s.table + "_insert")) > 0;
  return s;
}

}  // namespace

std::vector<std::string> Store::Impl::spatial_indexes_to_repair() {
  std::vector<std::string> out;
  for (const char* name : {kEventsLayer, kMentionsLayer, kReadingsLayer}) {
    const auto rtree = rtree_state(*ds, name);
    if (!rtree) continue;
    // Readings have none (drop_readings_rtree): only a reader finding a
    // broken one left by an older version has a writer take it down.
    const bool wanted = std::string_view(name) != kReadingsLayer;
    if ((rtree->present && !rtree->has_trigger) || (!rtree->present && writable && wanted)) out.push_back(name);
  }
  return out;
}

void Store::Impl::drop_spatial_index(const std::string& name) {
  // GDAL's DisableSpatialIndex() stops at the first missing trigger, so the
  // index is taken down by hand: its triggers, its table, its entry.
  const std::string geom = layer(name.c_str()).GetGeometryColumn();
  const std::string rtree = "rtree_" + name + "_" + geom;
  std::vector<std::string> triggers;
  const std::string list = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, " + std::to_string(rtree.size() + 1) +
                           ") = " + name_literal(rtree + "_");
  if (OGRLayer* result = ds->ExecuteSQL(list.c_str(), nullptr, nullptr)) {
    for (auto& f : *result) triggers.push_back(f->GetFieldAsString(0));
    ds->ReleaseResultSet(result);
  }
  for (const std::string& t : triggers) execute("DROP TRIGGER IF EXISTS " + name_identifier(t));
  execute("DROP TABLE IF EXISTS " + name_identifier(rtree));
  execute("DELETE FROM gpkg_extensions WHERE lower(table_name) = lower(" + name_literal(name) + ") AND lower(column_name) = lower(" +
          name_literal(geom) + ") AND extension_name = 'gpkg_rtree_index'");
}

void Store::Impl::repair_spatial_indexes(const std::vector<std::string>& layers) {
  for (const std::string& name : layers) {
    Transaction tx(*ds, location);
    drop_spatial_index(name);
    tx.commit(location);
  }
  ds = open_dataset(location, false, true);  // GDAL rereads that the layers have no index
  for (const std::string& name : layers)
    if (name != kReadingsLayer)
      execute("SELECT CreateSpatialIndex(" + name_literal(name) + ", " + name_literal(layer(name.c_str()).GetGeometryColumn()) + ")");
}

bool Store::Impl::drop_readings_rtree() {
  const auto rtree = rtree_state(*ds, kReadingsLayer);
  if (postgis || !rtree || !rtree->present) return false;
  Transaction tx(*ds, location);
  drop_spatial_index(kReadingsLayer);
  tx.commit(location);
  return true;
}

void Store::Impl::execute(const std::string& sql) {
  CPLErrorReset();
  OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result) ds->ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure) throw StoreError(location + ": " + gdal_error_or("SQL failed") + " (in: " + sql + ")");
}

bool Store::Impl::create_schema() {
  bool made_layer = false;
  OGRSpatialReference srs = wgs84_lon_lat();
  struct LayerSpec {
    const char* name;
    OGRwkbGeometryType geom;
    std::span<const FieldSpec> fields;
  };
  static constexpr FieldSpec kMetaFields[] = {{"key", OFTString}, {"value", OFTString}};
  static constexpr FieldSpec kMergedFields[] = {{"event_fid", OFTInteger64}, {"event_id", OFTString}, {"merged_into", OFTString}};
  const LayerSpec layers[] = {{kDocumentsLayer, wkbNone, document_fields()},
                              {kEventsLayer, wkbPoint, event_columns()},
                              {kMentionsLayer, wkbPoint, mention_fields()},
                              {kReadingsLayer, wkbPoint, event_columns()},
                              {kMetaLayer, wkbNone, kMetaFields},
                              {kMergedLayer, wkbNone, kMergedFields}};
  for (const LayerSpec& spec : layers) {
    OGRLayer* layer = ds->GetLayerByName(spec.name);
    if (!layer) {
      // No R-tree for a GeoPackage's readings (store_impl.hpp: drop_readings_rtree).
      const bool no_rtree = !postgis && std::string_view(spec.name) == kReadingsLayer;
      const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", no_rtree ? "SPATIAL_INDEX=NO" : nullptr, nullptr};
      CPLErrorReset();
      layer = ds->CreateLayer(spec.name, spec.geom == wkbNone ? nullptr : &srs, spec.geom, const_cast<char**>(options));
      if (!layer) throw StoreError(location + ": cannot create layer " + spec.name + ": " + gdal_error_or("GDAL gave no reason"));
      made_layer = true;
    }
    create_fields(*layer, spec.fields);
    layer->SyncToDisk();
  }
  // The date indexes serve time-window queries (the one of the few events
  // with an end date finds those a window on the last days shows before
  // the viewer has read the table); the unique hash index keeps
  // concurrent ingesters (PostGIS) from storing one report twice.
  execute("CREATE INDEX IF NOT EXISTS events_event_date_idx ON events (event_date)");
  execute("CREATE INDEX IF NOT EXISTS events_event_date_to_idx ON events (event_date_to) WHERE event_date_to IS NOT NULL");
  execute("CREATE INDEX IF NOT EXISTS events_document_id_idx ON events (document_id)");
  execute("CREATE INDEX IF NOT EXISTS mentions_document_id_idx ON mentions (document_id)");
  execute("CREATE UNIQUE INDEX IF NOT EXISTS documents_content_hash_idx ON documents (content_hash)");
  execute("CREATE INDEX IF NOT EXISTS documents_document_id_idx ON documents (document_id)");
  // Matching looks readings up by country, type and date; canonical events
  // by their id; a group's readings by their canonical id.
  execute("CREATE INDEX IF NOT EXISTS readings_match_idx ON readings (country_code, event_type, event_date)");
  execute("CREATE INDEX IF NOT EXISTS readings_canonical_id_idx ON readings (canonical_id)");
  execute("CREATE INDEX IF NOT EXISTS events_event_id_idx ON events (event_id)");
  execute("CREATE INDEX IF NOT EXISTS events_match_idx ON events (country_code, event_type, event_date)");
  execute("CREATE INDEX IF NOT EXISTS events_dataset_idx ON events (dataset)");
  return made_layer;
}

void Store::Impl::load_known_documents() {
  OGRLayer* docs = ds->GetLayerByName(kDocumentsLayer);
  if (!docs) return;
  const char* keep[] = {"document_id", "content_hash"};
  char** ignored = nullptr;
  for (int i = 0; i < docs->GetLayerDefn()->GetFieldCount(); ++i) {
    const char* name = docs->GetLayerDefn()->GetFieldDefn(i)->GetNameRef();
    if (std::string_view(name) != keep[0] && std::string_view(name) != keep[1]) ignored = CSLAddString(ignored, name);
  }
  docs->SetIgnoredFields(const_cast<const char**>(ignored));
  CSLDestroy(ignored);
  docs->ResetReading();
  for (auto& f : *docs) {
    hashes.insert(f->GetFieldAsString("content_hash"));
    document_fids.emplace(f->GetFieldAsString("document_id"), f->GetFID());
  }
  docs->SetIgnoredFields(nullptr);
}

int Store::Impl::schema_version() {
  OGRLayer* meta = ds->GetLayerByName(kMetaLayer);
  if (!meta) return ds->GetLayerByName(kEventsLayer) ? 1 : kSchemaVersion;  // an older store, or a new one
  meta->SetAttributeFilter(nullptr);
  meta->ResetReading();
  int version = 1;
  for (auto& f : *meta)
    if (std::string_view(f->GetFieldAsString("key")) == "schema_version") version = f->GetFieldAsInteger("value");
  meta->ResetReading();
  return version;
}

void Store::Impl::set_schema_version() {
  OGRLayer& meta = layer(kMetaLayer);
  meta.SetAttributeFilter(nullptr);
  meta.ResetReading();
  FeaturePtr row;
  for (auto& f : meta)
    if (std::string_view(f->GetFieldAsString("key")) == "schema_version") row.reset(f.release());
  meta.ResetReading();
  const std::string value = std::to_string(kSchemaVersion);
  if (row) {
    row->SetField("value", value.c_str());
    create_or_set(meta, *row, false);
  } else {
    OGRFeature f(meta.GetLayerDefn());
    f.SetField("key", "schema_version");
    f.SetField("value", value.c_str());
    create_or_set(meta, f, true);
  }
}

void Store::Impl::create_or_set(OGRLayer& l, OGRFeature& f, bool create) {
  CPLErrorReset();
  if ((create ? l.CreateFeature(&f) : l.SetFeature(&f)) != OGRERR_NONE)
    throw StoreError(location + ": cannot write to layer " + l.GetName() + ": " + gdal_error_or("the feature was refused"));
}

void Store::Impl::upgrade(int from_version) {
  // 2 -> 3 changes no row: the readings' R-tree a GeoPackage had is gone
  // already (every writable open drops one).
  Transaction tx(*ds, location, postgis);
  if (schema_version() >= kSchemaVersion) return;  // another process upgraded it meanwhile
  if (from_version < 2) readings_from_per_report_events();
  set_schema_version();
  tx.commit(location);
}

void Store::Impl::readings_from_per_report_events() {
  // Version 1 kept each report's events in the events layer: they become
  // readings (their key from their report's content hash), and the
  // canonical events are made from them.
  std::unordered_map<std::string, std::pair<std::string, std::string>> docs;  // document_id -> content hash, agency
  {
    OGRLayer& d = layer(kDocumentsLayer);
    d.SetAttributeFilter(nullptr);
    d.ResetReading();
    for (auto& f : d) {
      Document doc;
      doc.byline = f->GetFieldAsString("byline");
      doc.url = f->GetFieldAsString("url");
      docs[f->GetFieldAsString("document_id")] = {f->GetFieldAsString("content_hash"), report_agency(doc)};
    }
  }
  std::vector<NewReading> readings;
  {
    OGRLayer& events = layer(kEventsLayer);
    const EventColumns c(*events.GetLayerDefn());
    events.SetAttributeFilter("dataset = 'sitmap' OR dataset IS NULL");
    events.ResetReading();
    for (auto& f : events) {
      NewReading r;
      r.event = event_from_feature(*f, c);
      const auto doc = docs.find(r.event.document_id);
      const size_t dash = r.event.event_id.rfind('-');
      const std::string number = dash == std::string::npos ? "1" : r.event.event_id.substr(dash + 1);
      const std::string hash = doc != docs.end() ? doc->second.first : content_hash(r.event.document_id);
      r.source = {hash + "-" + number, doc != docs.end() ? doc->second.second : "", sentence_fingerprint(r.event.sentence)};
      readings.push_back(std::move(r));
    }
    events.SetAttributeFilter(nullptr);
  }
  execute(fmt::format("DELETE FROM {} WHERE dataset = 'sitmap' OR dataset IS NULL", kEventsLayer));
  merge_readings(*this, readings);
}

OGRLayer& Store::Impl::layer(const char* name) {
  OGRLayer* l = ds->GetLayerByName(name);
  if (!l) throw StoreError(location + ": no layer " + name);
  return *l;
}

std::optional<Store::Impl::FidRange> Store::Impl::event_fid_range() {
  OGRLayer& events = layer(kEventsLayer);
  const char* column = events.GetFIDColumn();
  if (postgis || !column || !*column) return std::nullopt;
  // Two subqueries: SQLite finds a lone MIN() or MAX() of the key at an end
  // of the table, but scans every row for the pair in one query.
  const std::string sql = fmt::format("SELECT (SELECT MIN({0}) FROM {1}), (SELECT MAX({0}) FROM {1})", column, kEventsLayer);
  OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result) return std::nullopt;
  std::optional<FidRange> range;
  if (FeaturePtr f{result->GetNextFeature()}; f && f->IsFieldSetAndNotNull(0))
    range = FidRange{f->GetFieldAsInteger64(0), f->GetFieldAsInteger64(1), column};
  ds->ReleaseResultSet(result);
  return range;
}

const std::string& Store::location() const { return impl_->location; }
bool Store::is_postgis() const { return impl_->postgis; }
bool Store::is_writable() const { return impl_->writable; }
bool Store::has_content(const std::string& hash) const { return impl_->hashes.count(hash) > 0; }
bool Store::has_document_id(const std::string& id) const { return impl_->document_fids.count(id) > 0; }
void Store::refresh_known_documents() { impl_->load_known_documents(); }

int64_t Store::count(const char* layer_name) {
  OGRLayer& l = impl_->layer(layer_name);
  l.SetAttributeFilter(nullptr);
  l.SetSpatialFilter(nullptr);
  return l.GetFeatureCount(TRUE);
}

void Store::rebuild_canonical_events() {
  Transaction tx(*impl_->ds, impl_->location, impl_->postgis);
  rebuild_canonical(*impl_);
  tx.commit(impl_->location);
}

int64_t Store::last_event_fid() {
  OGRLayer& events = impl_->layer(kEventsLayer);
  const char* column = events.GetFIDColumn();
  if (!column || !*column) throw StoreError(impl_->location + ": the events layer has no feature id column");
  return query_integer(*impl_->ds, fmt::format("SELECT MAX({}) FROM {}", column, kEventsLayer));
}

namespace {

// The highest feature id of a layer (0 when it is empty or missing).
int64_t last_fid(Store::Impl& store, const char* layer_name) {
  OGRLayer* layer = store.ds->GetLayerByName(layer_name);
  const char* column = layer ? layer->GetFIDColumn() : nullptr;
  if (!column || !*column) return 0;
  return query_integer(*store.ds, fmt::format("SELECT MAX({}) FROM {}", column, layer_name));
}

}  // namespace

Store::ChangeMarks Store::change_marks() { return {last_fid(*impl_, kReadingsLayer), last_fid(*impl_, kMergedLayer)}; }

Store::CanonicalChanges Store::canonical_changes_after(const ChangeMarks& seen) {
  CanonicalChanges out;
  out.marks = change_marks();
  // Only integers and checked canonical ids enter these queries.
  if (out.marks.reading > seen.reading) {
    const std::string column = impl_->layer(kReadingsLayer).GetFIDColumn();
    std::vector<std::string> ids;
    const std::string sql = fmt::format("SELECT DISTINCT canonical_id FROM {} WHERE {} > {} AND {} <= {}", kReadingsLayer, column,
                                        seen.reading, column, out.marks.reading);
    if (OGRLayer* result = impl_->ds->ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
      for (auto& f : *result)
        if (is_canonical_event_id(f->GetFieldAsString(0))) ids.push_back(f->GetFieldAsString(0));
      impl_->ds->ReleaseResultSet(result);
    }
    OGRLayer& events = impl_->layer(kEventsLayer);
    constexpr size_t kChunk = 200;
    for (size_t first = 0; first < ids.size(); first += kChunk) {
      std::string list;
      for (size_t i = first; i < std::min(ids.size(), first + kChunk); ++i) list += fmt::format("{}'{}'", list.empty() ? "" : ", ", ids[i]);
      events.SetSpatialFilter(nullptr);
      events.SetAttributeFilter(fmt::format("dataset = 'sitmap' AND event_id IN ({})", list).c_str());
      events.SetIgnoredFields(std::vector<const char*>{"OGR_GEOMETRY", nullptr}.data());
      events.ResetReading();
      for (auto& f : events) out.rewritten.push_back(f->GetFID());
      events.SetIgnoredFields(nullptr);
      events.SetAttributeFilter(nullptr);
      events.ResetReading();
    }
    std::sort(out.rewritten.begin(), out.rewritten.end());
  }
  if (out.marks.merge > seen.merge) {
    const std::string sql =
        fmt::format("SELECT event_fid FROM {} WHERE {} > {}", kMergedLayer, impl_->layer(kMergedLayer).GetFIDColumn(), seen.merge);
    if (OGRLayer* result = impl_->ds->ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
      for (auto& f : *result) out.removed.push_back(f->GetFieldAsInteger64(0));
      impl_->ds->ReleaseResultSet(result);
    }
  }
  return out;
}

void Store::add_documents(std::span<const DocumentRecord> batch) {
  if (batch.empty()) return;
  OGRLayer& docs = impl_->layer(kDocumentsLayer);
  OGRLayer& mentions = impl_->layer(kMentionsLayer);
  const std::string now = utc_now_iso();
  // GDAL's messages become the StoreError's text instead of lines on stderr
  // (a unique-index refusal is expected when ingesters share a database).
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  Transaction tx(*impl_->ds, impl_->location, impl_->postgis);
  std::vector<int64_t> fids;
  std::vector<NewReading> readings;
  for (const DocumentRecord& item : batch) {
    const Document& doc = item.doc;
    OGRFeature d(docs.GetLayerDefn());
    d.SetField("document_id", doc.id.c_str());
    d.SetField("title", doc.title.c_str());
    d.SetField("byline", doc.byline.c_str());
    set_date_field(d, d.GetFieldIndex("published"), doc.published);
    d.SetField("source", doc.source.c_str());
    d.SetField("url", doc.url.c_str());
    d.SetField("content_hash", item.content_hash.c_str());
    d.SetField("text", doc.text.c_str());
    d.SetField("ingested_at", now.c_str());
    d.SetField("event_count", static_cast<int>(item.events.size()));
    create_feature(docs, d, doc.source);
    fids.push_back(d.GetFID());
    const std::string agency = report_agency(doc);
    for (size_t i = 0; i < item.events.size(); ++i)
      readings.push_back({item.events[i], {reading_key(item.content_hash, i), agency, sentence_fingerprint(item.events[i].sentence)}, {}});
    for (const MentionRecord& m : item.mentions) write_mention(mentions, doc, m);
  }
  try {
    if (impl_->per_report_events)
      store_per_report(*impl_, readings);
    else
      merge_readings(*impl_, readings);
    tx.commit(impl_->location);
  } catch (...) {
    forget_merged_groups(*impl_);  // what it remembers of this batch is rolled back
    throw;
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    impl_->hashes.insert(batch[i].content_hash);
    impl_->document_fids.emplace(batch[i].doc.id, fids[i]);
  }
}

size_t Store::add_events(std::span<const Event> batch, std::string_view dataset) {
  OGRLayer& events = impl_->layer(kEventsLayer);
  // Which ids this dataset already has: an imported file read twice adds nothing.
  std::unordered_set<std::string> known;
  {
    if (dataset != "acled" && dataset != "gdelt" && dataset != "sitmap") throw StoreError(fmt::format("unknown dataset '{}'", dataset));
    const std::string where = fmt::format("dataset = '{}'", dataset);  // one of the three names above
    events.SetAttributeFilter(where.c_str());
    for (auto& f : events) known.insert(f->GetFieldAsString("event_id"));
    events.SetAttributeFilter(nullptr);
  }
  std::vector<Event> fresh;
  for (const Event& e : batch)
    if (known.insert(e.event_id).second) fresh.push_back(e);
  append_events(fresh, dataset);
  return fresh.size();
}

void Store::append_events(std::span<const Event> batch, std::string_view dataset) {
  OGRLayer& events = impl_->layer(kEventsLayer);
  const EventColumns columns(*events.GetLayerDefn());
  Transaction tx(*impl_->ds, impl_->location, impl_->postgis);
  OGRFeature f(events.GetLayerDefn());
  std::vector<int64_t> fids;
  for (const Event& e : batch) {
    f.SetFID(OGRNullFID);
    fill_event_feature(f, columns, e, dataset);
    create_feature(events, f, impl_->location);
    fids.push_back(f.GetFID());
  }
  // Imported events are linked to ours of the same event, both ways.
  if (dataset != "sitmap" && impl_->ds->GetLayerByName(kReadingsLayer)) {
    forget_merged_groups(*impl_);
    link_rows(*impl_, fids, {});
  }
  tx.commit(impl_->location);
}

std::optional<Event> Store::event_at(int64_t fid) {
  OGRLayer& events = impl_->layer(kEventsLayer);
  FeaturePtr f(events.GetFeature(fid));
  if (!f) return std::nullopt;
  return event_from_feature(*f, EventColumns(*events.GetLayerDefn()));
}

std::optional<int64_t> Store::event_fid(const std::string& event_id) {
  // One sequential pass over the event_id column (not a feature fetch per
  // row, and no value in SQL).
  OGRLayer& layer = impl_->layer(kEventsLayer);
  std::vector<const char*> ignored;
  for (const FieldSpec& spec : event_columns())
    if (std::string_view(spec.name) != "event_id") ignored.push_back(spec.name);
  ignored.push_back("OGR_GEOMETRY");
  ignored.push_back(nullptr);
  layer.SetAttributeFilter(nullptr);
  layer.SetSpatialFilter(nullptr);
  layer.SetIgnoredFields(ignored.data());
  layer.ResetReading();
  std::optional<int64_t> fid;
  for (auto& f : layer)
    if (event_id == f->GetFieldAsString("event_id")) {
      fid = f->GetFID();
      break;
    }
  layer.SetIgnoredFields(nullptr);
  layer.ResetReading();
  if (!fid)
    if (const auto group = canonical_event(event_id)) fid = group->fid;  // a report's reading: its canonical event
  return fid;
}

std::optional<DocumentExcerpt> Store::document_excerpt(const std::string& document_id, uint32_t start, uint32_t end, size_t context) {
  // By its feature id, which the store keeps for every report it knows.
  if (!impl_->document_fids.count(document_id)) impl_->load_known_documents();  // another process may have added it
  const auto known = impl_->document_fids.find(document_id);
  if (known == impl_->document_fids.end()) return std::nullopt;
  FeaturePtr doc(impl_->layer(kDocumentsLayer).GetFeature(known->second));
  if (!doc) return std::nullopt;
  const std::string text = doc->GetFieldAsString("text");
  DocumentExcerpt out;
  out.title = doc->GetFieldAsString("title");
  const size_t s = std::min<size_t>(start, text.size()), e = std::min<size_t>(end, text.size());
  out.before = text.substr(s > context ? s - context : 0, s > context ? context : s);
  out.after = text.substr(e, context);
  return out;
}

namespace {

std::vector<PlaceRecord> places_from_json(const char* candidates) {
  std::vector<PlaceRecord> out;
  const auto all = nlohmann::json::parse(candidates, nullptr, false);
  if (!all.is_array()) return out;
  for (const auto& c : all) {
    if (!c.is_object()) continue;
    PlaceRecord p;
    p.name = c.value("name", "");
    p.geonameid = c.value("geonameid", 0u);
    p.feature = c.value("feature", "");
    p.country_code = c.value("country_code", "");
    p.admin1 = c.value("admin1", "");
    p.point = {c.value("lat", 0.0), c.value("lon", 0.0)};
    p.score = c.value("score", 0.0);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<PlaceRecord> Store::mention_candidates(const std::string& document_id, uint32_t start) {
  // The mentions at that byte offset (an integer: the only value that
  // enters the filter), then the one of that report.
  OGRLayer& mentions = impl_->layer(kMentionsLayer);
  mentions.SetSpatialFilter(nullptr);
  mentions.SetAttributeFilter(fmt::format("\"start\" = {}", start).c_str());
  mentions.ResetReading();
  std::vector<PlaceRecord> out;
  for (auto& m : mentions)
    if (document_id == m->GetFieldAsString("document_id")) {
      out = places_from_json(m->GetFieldAsString("candidates"));
      break;
    }
  mentions.SetAttributeFilter(nullptr);
  mentions.ResetReading();
  return out;
}

void Store::end_reads() {
  for (const char* name : {kEventsLayer, kDocumentsLayer, kMentionsLayer})
    if (OGRLayer* l = impl_->ds->GetLayerByName(name)) l->ResetReading();
}

namespace {

// Our ids of canonical events ("c" and a reading key: hex digits, '-',
// digits) are the only values that enter these queries.
bool is_canonical_id(std::string_view id) { return is_canonical_event_id(id); }

std::vector<std::string> json_strings(const char* text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// The canonical id of the reading with this event_id: one pass over the
// readings' event_id column (a user's id never enters SQL).
std::string canonical_id_of_reading(OGRLayer& readings, const std::string& event_id) {
  const char* keep[] = {"event_id", "canonical_id"};
  std::vector<const char*> ignored;
  for (int i = 0; i < readings.GetLayerDefn()->GetFieldCount(); ++i) {
    const char* name = readings.GetLayerDefn()->GetFieldDefn(i)->GetNameRef();
    if (std::string_view(name) != keep[0] && std::string_view(name) != keep[1]) ignored.push_back(name);
  }
  ignored.push_back("OGR_GEOMETRY");
  ignored.push_back(nullptr);
  readings.SetAttributeFilter(nullptr);
  readings.SetSpatialFilter(nullptr);
  readings.SetIgnoredFields(ignored.data());
  readings.ResetReading();
  std::string found;
  for (auto& f : readings)
    if (event_id == f->GetFieldAsString("event_id")) {
      found = f->GetFieldAsString("canonical_id");
      break;
    }
  readings.SetIgnoredFields(nullptr);
  readings.ResetReading();
  return found;
}

}  // namespace

std::optional<Store::CanonicalReadings> Store::canonical_event(const std::string& event_id) {
  OGRLayer* readings = impl_->ds->GetLayerByName(kReadingsLayer);
  if (!readings) return std::nullopt;  // a store from before canonical events
  const std::string id = is_canonical_id(event_id) ? event_id : canonical_id_of_reading(*readings, event_id);
  if (!is_canonical_id(id)) return std::nullopt;
  OGRLayer& events = impl_->layer(kEventsLayer);
  const EventColumns c(*events.GetLayerDefn());
  events.SetSpatialFilter(nullptr);
  events.SetAttributeFilter(fmt::format("event_id = '{}'", id).c_str());
  events.ResetReading();
  std::optional<CanonicalReadings> out;
  for (auto& f : events) {
    if (std::string_view(f->GetFieldAsString(c.at[kDatasetColumn])) != "sitmap") continue;
    CanonicalReadings r;
    r.fid = f->GetFID();
    r.event = event_from_feature(*f, c);
    r.source_count = c.at[kSourceCountColumn] >= 0 ? f->GetFieldAsInteger(c.at[kSourceCountColumn]) : 1;
    r.document_ids = json_strings(f->GetFieldAsString(c.at[kDocumentIdsColumn]));
    r.also_coded = json_strings(f->GetFieldAsString(c.at[kAlsoCodedColumn]));
    out = std::move(r);
    break;
  }
  events.SetAttributeFilter(nullptr);
  if (!out) return std::nullopt;
  const EventColumns rc(*readings->GetLayerDefn());
  readings->SetSpatialFilter(nullptr);
  readings->SetAttributeFilter(fmt::format("canonical_id = '{}'", id).c_str());
  readings->ResetReading();
  for (auto& f : *readings) out->readings.push_back(event_from_feature(*f, rc));
  readings->SetAttributeFilter(nullptr);
  std::sort(out->readings.begin(), out->readings.end(), [](const Event& a, const Event& b) { return a.event_id < b.event_id; });
  return out;
}

std::vector<Event> Store::readings_near(const Event& e) {
  std::vector<Event> out;
  OGRLayer* readings = impl_->ds->GetLayerByName(kReadingsLayer);
  const std::string condition = candidate_condition(e);
  if (!readings || condition.empty()) return out;
  const EventColumns rc(*readings->GetLayerDefn());
  readings->SetSpatialFilter(nullptr);
  readings->SetAttributeFilter(condition.c_str());
  readings->ResetReading();
  for (auto& f : *readings) out.push_back(event_from_feature(*f, rc));
  readings->SetAttributeFilter(nullptr);
  return out;
}

}  // namespace sitmap
