#include "store/store.hpp"

#include <cpl_error.h>
#include <fmt/core.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "store/schema.hpp"

namespace sitmap {

namespace {

// The PostgreSQL advisory lock that writers of events take in turn (any
// number, the same in every sitmap).
constexpr long long kEventWritersLock = 0x5174'6d61'7000;

// Commits on commit(); rolls back if left by an exception.
class Transaction {
 public:
  // `in_turn` (PostGIS): the transaction waits until no other writer of
  // events is in one, so feature ids are taken in the order transactions
  // commit and a reader that has seen id N has seen every id below it
  // (what a viewer following the store relies on). A GeoPackage has one
  // writer at a time anyway (WriterLock).
  Transaction(GDALDataset& ds, const std::string& where, bool in_turn = false) : ds_(ds) {
    CPLErrorReset();
    if (ds_.StartTransaction(FALSE) != OGRERR_NONE)
      throw StoreError(where + ": cannot start a transaction: " + gdal_error_or("the store refused it (read-only, or busy?)"));
    if (in_turn) take_turn(where);
  }
  void commit(const std::string& where) {
    done_ = true;
    CPLErrorReset();
    if (ds_.CommitTransaction() != OGRERR_NONE) throw StoreError(where + ": commit failed: " + gdal_error_or("the store refused it (disk full?)"));
  }
  ~Transaction() {
    if (!done_) ds_.RollbackTransaction();
  }

 private:
  // Held until the transaction ends, commit or rollback.
  void take_turn(const std::string& where) {
    const std::string sql = fmt::format("SELECT pg_advisory_xact_lock({})", kEventWritersLock);
    OGRLayer* result = ds_.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) throw StoreError(where + ": cannot take the writers' turn: " + gdal_error_or("the lock query failed"));
    FeaturePtr row{result->GetNextFeature()};  // the lock is taken once the query has run
    ds_.ReleaseResultSet(result);
  }

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
    out.push_back({{"name", p.name}, {"geonameid", p.geonameid}, {"feature", p.feature}, {"country_code", p.country_code},
                   {"admin1", p.admin1}, {"lat", p.point.lat}, {"lon", p.point.lon}, {"score", p.score}});
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

std::string utc_now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Store::Store(DatasetPtr ds, std::string location, bool postgis, bool writable)
    : ds_(std::move(ds)), location_(std::move(location)), postgis_(postgis), writable_(writable) {}

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

std::string sql_literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
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

Store Store::open(const std::string& path_or_dsn, Mode mode, const BusyNotice& on_busy) {
  ensure_gdal_registered();
  if (!is_postgis_dsn(path_or_dsn)) return open_geopackage(path_or_dsn, mode, on_busy);
  Store store(open_dataset(path_or_dsn, true, mode == Mode::update), path_or_dsn, true, mode == Mode::update);
  if (mode == Mode::update) store.create_schema();
  else if (!store.ds_->GetLayerByName(kEventsLayer)) throw StoreError(path_or_dsn + ": not a Sitmap store (no events layer)");
  store.load_known_documents();
  return store;
}

Store Store::open_geopackage(const std::string& path, Mode mode, const BusyNotice& on_busy) {
  if (mode == Mode::read) {
    Store store(open_dataset(path, false, false), path, false, false);
    if (!store.ds_->GetLayerByName(kEventsLayer)) throw StoreError(path + ": not a Sitmap store (no events layer)");
    if (!store.spatial_indexes_to_repair().empty()) {
      // Left incomplete by a crash: repaired by a writer, then read again.
      store.ds_.reset();
      open_geopackage(path, Mode::update, on_busy);
      store.ds_ = open_dataset(path, false, false);
    }
    store.load_known_documents();
    return store;
  }
  WriterLock lock = WriterLock::acquire(path, on_busy);
  if (!std::filesystem::exists(path)) create_geopackage(path);
  Store store(open_dataset(path, false, true), path, false, true);
  store.lock_ = std::move(lock);
  // GDAL completes a new layer's R-tree (its triggers) only when the
  // dataset is closed: close before the first batch can be written.
  if (store.create_schema()) store.ds_ = open_dataset(path, false, true);
  if (const auto broken = store.spatial_indexes_to_repair(); !broken.empty()) {
    store.repair_spatial_indexes(broken);
    store.ds_ = open_dataset(path, false, true);
  }
  store.load_known_documents();
  return store;
}

void Store::create_geopackage(const std::string& path) {
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
    Store scratch(std::move(ds), tmp.string(), false, true);
    try {
      scratch.create_schema();
    } catch (...) {
      scratch.ds_.reset();
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

std::vector<std::string> Store::spatial_indexes_to_repair() {
  std::vector<std::string> out;
  for (const char* name : {kEventsLayer, kMentionsLayer}) {
    OGRLayer* layer = ds_->GetLayerByName(name);
    if (!layer || layer->GetGeomType() == wkbNone || !layer->GetGeometryColumn() || !*layer->GetGeometryColumn()) continue;
    const std::string rtree = std::string("rtree_") + name + "_" + layer->GetGeometryColumn();
    const bool has_rtree = query_integer(*ds_, "SELECT COUNT(*) FROM sqlite_master WHERE name = " + sql_literal(rtree)) > 0;
    const bool has_trigger = query_integer(*ds_, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = " +
                                                     sql_literal(rtree + "_insert")) > 0;
    if ((has_rtree && !has_trigger) || (!has_rtree && writable_)) out.push_back(name);
  }
  return out;
}

void Store::repair_spatial_indexes(const std::vector<std::string>& layers) {
  // GDAL's DisableSpatialIndex() stops at the first missing trigger, so the
  // broken index is taken down by hand: its triggers, its table, its entry.
  for (const std::string& name : layers) {
    const std::string geom = layer(name.c_str()).GetGeometryColumn();
    const std::string rtree = "rtree_" + name + "_" + geom;
    std::vector<std::string> triggers;
    const std::string list = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE " + sql_literal(rtree + "\\_%") + " ESCAPE '\\'";
    if (OGRLayer* result = ds_->ExecuteSQL(list.c_str(), nullptr, nullptr)) {
      for (auto& f : *result) triggers.push_back(f->GetFieldAsString(0));
      ds_->ReleaseResultSet(result);
    }
    Transaction tx(*ds_, location_);
    for (const std::string& t : triggers) execute("DROP TRIGGER IF EXISTS \"" + t + "\"");
    execute("DROP TABLE IF EXISTS \"" + rtree + "\"");
    execute("DELETE FROM gpkg_extensions WHERE lower(table_name) = lower(" + sql_literal(name) + ") AND lower(column_name) = lower(" +
            sql_literal(geom) + ") AND extension_name = 'gpkg_rtree_index'");
    tx.commit(location_);
  }
  ds_ = open_dataset(location_, false, true);  // GDAL rereads that the layers have no index
  for (const std::string& name : layers)
    execute("SELECT CreateSpatialIndex(" + sql_literal(name) + ", " + sql_literal(layer(name.c_str()).GetGeometryColumn()) + ")");
}

void Store::execute(const std::string& sql) {
  CPLErrorReset();
  OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result) ds_->ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure) throw StoreError(location_ + ": " + gdal_error_or("SQL failed") + " (in: " + sql + ")");
}

bool Store::create_schema() {
  bool made_layer = false;
  OGRSpatialReference srs = wgs84_lon_lat();
  struct LayerSpec {
    const char* name;
    OGRwkbGeometryType geom;
    std::span<const FieldSpec> fields;
  };
  const LayerSpec layers[] = {{kDocumentsLayer, wkbNone, document_fields()},
                              {kEventsLayer, wkbPoint, event_columns()},
                              {kMentionsLayer, wkbPoint, mention_fields()}};
  const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", nullptr};
  for (const LayerSpec& spec : layers) {
    OGRLayer* layer = ds_->GetLayerByName(spec.name);
    if (!layer) {
      CPLErrorReset();
      layer = ds_->CreateLayer(spec.name, spec.geom == wkbNone ? nullptr : &srs, spec.geom, const_cast<char**>(options));
      if (!layer) throw StoreError(location_ + ": cannot create layer " + spec.name + ": " + gdal_error_or("GDAL gave no reason"));
      made_layer = true;
    }
    create_fields(*layer, spec.fields);
    layer->SyncToDisk();
  }
  // The date index serves time-window queries; the unique hash index keeps
  // concurrent ingesters (PostGIS) from storing one report twice.
  execute("CREATE INDEX IF NOT EXISTS events_event_date_idx ON events (event_date)");
  execute("CREATE INDEX IF NOT EXISTS events_document_id_idx ON events (document_id)");
  execute("CREATE INDEX IF NOT EXISTS mentions_document_id_idx ON mentions (document_id)");
  execute("CREATE UNIQUE INDEX IF NOT EXISTS documents_content_hash_idx ON documents (content_hash)");
  execute("CREATE INDEX IF NOT EXISTS documents_document_id_idx ON documents (document_id)");
  return made_layer;
}

void Store::load_known_documents() {
  OGRLayer* docs = ds_->GetLayerByName(kDocumentsLayer);
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
    hashes_.insert(f->GetFieldAsString("content_hash"));
    document_ids_.insert(f->GetFieldAsString("document_id"));
  }
  docs->SetIgnoredFields(nullptr);
}

OGRLayer& Store::layer(const char* name) {
  OGRLayer* l = ds_->GetLayerByName(name);
  if (!l) throw StoreError(location_ + ": no layer " + name);
  return *l;
}

int64_t Store::count(const char* layer_name) {
  OGRLayer& l = layer(layer_name);
  l.SetAttributeFilter(nullptr);
  l.SetSpatialFilter(nullptr);
  return l.GetFeatureCount(TRUE);
}

int64_t Store::last_event_fid() {
  OGRLayer& events = layer(kEventsLayer);
  const char* column = events.GetFIDColumn();
  if (!column || !*column) throw StoreError(location_ + ": the events layer has no feature id column");
  return query_integer(*ds_, fmt::format("SELECT MAX({}) FROM {}", column, kEventsLayer));
}

std::optional<Store::FidRange> Store::event_fid_range() {
  OGRLayer& events = layer(kEventsLayer);
  const char* column = events.GetFIDColumn();
  if (postgis_ || !column || !*column) return std::nullopt;
  const std::string sql = fmt::format("SELECT MIN({0}), MAX({0}) FROM {1}", column, kEventsLayer);
  OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result) return std::nullopt;
  std::optional<FidRange> range;
  if (FeaturePtr f{result->GetNextFeature()}; f && f->IsFieldSetAndNotNull(0))
    range = FidRange{f->GetFieldAsInteger64(0), f->GetFieldAsInteger64(1), column};
  ds_->ReleaseResultSet(result);
  return range;
}

void Store::add_documents(std::span<const DocumentRecord> batch) {
  if (batch.empty()) return;
  OGRLayer& docs = layer(kDocumentsLayer);
  OGRLayer& events = layer(kEventsLayer);
  OGRLayer& mentions = layer(kMentionsLayer);
  const EventColumns columns(*events.GetLayerDefn());
  const std::string now = utc_now_iso();
  // GDAL's messages become the StoreError's text instead of lines on stderr
  // (a unique-index refusal is expected when ingesters share a database).
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  Transaction tx(*ds_, location_, postgis_);
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
    for (const Event& e : item.events) {
      OGRFeature f(events.GetLayerDefn());
      fill_event_feature(f, columns, e, "sitmap");
      create_feature(events, f, doc.source);
    }
    for (const MentionRecord& m : item.mentions) write_mention(mentions, doc, m);
  }
  tx.commit(location_);
  for (const DocumentRecord& item : batch) {
    hashes_.insert(item.content_hash);
    document_ids_.insert(item.doc.id);
  }
}

size_t Store::add_events(std::span<const Event> batch, std::string_view dataset) {
  OGRLayer& events = layer(kEventsLayer);
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
  OGRLayer& events = layer(kEventsLayer);
  const EventColumns columns(*events.GetLayerDefn());
  Transaction tx(*ds_, location_, postgis_);
  OGRFeature f(events.GetLayerDefn());
  for (const Event& e : batch) {
    f.SetFID(OGRNullFID);
    fill_event_feature(f, columns, e, dataset);
    create_feature(events, f, location_);
  }
  tx.commit(location_);
}

}  // namespace sitmap
