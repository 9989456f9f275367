#include "store/private/gpkg_update.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstring>
#include <stdexcept>
#include <string_view>

namespace sitmap {

struct GeoPackageUpdates::Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

namespace {

std::string quoted(std::string_view name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

bool is_null(const OGRFeature& f, int i) { return !f.IsFieldSetAndNotNull(i); }

// GDAL's GeoPackage writer stores a DATE as this text.
std::string date_text(const OGRFeature& f, int i) {
  int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
  float s = 0;
  const_cast<OGRFeature&>(f).GetFieldAsDateTime(i, &y, &m, &d, &h, &mi, &s, &tz);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// The types this path writes as GDAL's GeoPackage writer does.
bool writable_type(OGRFieldType t) { return t == OFTString || t == OFTInteger || t == OFTInteger64 || t == OFTReal || t == OFTDate; }

bool same_value(const OGRFeature& a, const OGRFeature& b, int i) {
  if (is_null(a, i) || is_null(b, i)) return is_null(a, i) == is_null(b, i);
  switch (a.GetFieldDefnRef(i)->GetType()) {
    case OFTInteger:
    case OFTInteger64:
      return a.GetFieldAsInteger64(i) == b.GetFieldAsInteger64(i);
    case OFTReal:
      return a.GetFieldAsDouble(i) == b.GetFieldAsDouble(i);
    case OFTDate:
      return date_text(a, i) == date_text(b, i);
    default:
      return std::strcmp(a.GetFieldAsString(i), b.GetFieldAsString(i)) == 0;
  }
}

bool same_geometry(const OGRFeature& a, const OGRFeature& b) {
  const OGRGeometry* ga = a.GetGeometryRef();
  const OGRGeometry* gb = b.GetGeometryRef();
  if (!ga || !gb) return !ga && !gb;
  return ga->Equals(gb);
}

}  // namespace

void tune_writer_connection(GDALDataset& ds) {
  GDALDriver* driver = ds.GetDriver();
  if (!driver || std::string_view(driver->GetDescription()) != "GPKG") return;
  constexpr const char* kPragmas = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA mmap_size = 68719476736";
  if (auto* db = static_cast<sqlite3*>(ds.GetInternalHandle("SQLITE_HANDLE")))
    sqlite3_exec(db, kPragmas, nullptr, nullptr, nullptr);  // best effort: SQLite writes as well without them
}

GeoPackageUpdates::GeoPackageUpdates(GDALDataset& ds) {
  GDALDriver* driver = ds.GetDriver();
  if (driver && std::string_view(driver->GetDescription()) == "GPKG") db_ = static_cast<sqlite3*>(ds.GetInternalHandle("SQLITE_HANDLE"));
}

GeoPackageUpdates::~GeoPackageUpdates() = default;

GeoPackageUpdates::Statement* GeoPackageUpdates::prepared(const std::string& sql) {
  std::unique_ptr<Statement>& s = statements_[sql];
  if (!s) {
    auto made = std::make_unique<Statement>();
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &made->stmt, nullptr) != SQLITE_OK) {
      statements_.erase(sql);
      return nullptr;
    }
    s = std::move(made);
  }
  sqlite3_reset(s->stmt);
  sqlite3_clear_bindings(s->stmt);
  return s.get();
}

bool GeoPackageUpdates::rewrite_row(OGRLayer& layer, const OGRFeature& before, const OGRFeature& now) {
  const char* fid_column = layer.GetFIDColumn();
  if (!db_ || !fid_column || !*fid_column || now.GetFID() == OGRNullFID || !same_geometry(before, now)) return false;
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  if (before.GetDefnRef()->GetFieldCount() != defn.GetFieldCount() || now.GetDefnRef()->GetFieldCount() != defn.GetFieldCount())
    return false;
  std::vector<int> changed;
  for (int i = 0; i < defn.GetFieldCount(); ++i)
    if (!same_value(before, now, i)) {
      if (!writable_type(defn.GetFieldDefn(i)->GetType())) return false;
      changed.push_back(i);
    }
  if (changed.empty()) return true;
  std::string sets;
  for (int i : changed) sets += fmt::format("{}{} = ?", sets.empty() ? "" : ", ", quoted(defn.GetFieldDefn(i)->GetNameRef()));
  const std::string sql = fmt::format("UPDATE {} SET {} WHERE {} = ?", quoted(layer.GetName()), sets, quoted(fid_column));
  Statement* s = prepared(sql);
  if (!s) return false;
  sqlite3_stmt* stmt = s->stmt;
  int k = 1;
  for (int i : changed) {
    if (is_null(now, i))
      sqlite3_bind_null(stmt, k);
    else
      switch (defn.GetFieldDefn(i)->GetType()) {
        case OFTInteger:
        case OFTInteger64:
          sqlite3_bind_int64(stmt, k, now.GetFieldAsInteger64(i));
          break;
        case OFTReal:
          sqlite3_bind_double(stmt, k, now.GetFieldAsDouble(i));
          break;
        case OFTDate:
          sqlite3_bind_text(stmt, k, date_text(now, i).c_str(), -1, SQLITE_TRANSIENT);
          break;
        default:
          sqlite3_bind_text(stmt, k, now.GetFieldAsString(i), -1, SQLITE_TRANSIENT);
      }
    ++k;
  }
  sqlite3_bind_int64(stmt, k, now.GetFID());
  const bool done = sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(db_) == 1;
  sqlite3_reset(stmt);
  return done;
}

bool GeoPackageUpdates::replace_values(const std::string& table, const std::string& column,
                                       const std::map<std::string, std::string>& from_to) {
  if (!db_) return false;
  Statement* s = prepared(fmt::format("UPDATE {0} SET {1} = ? WHERE {1} = ?", quoted(table), quoted(column)));
  if (!s) return false;
  for (const auto& [from, to] : from_to) {
    sqlite3_reset(s->stmt);
    sqlite3_bind_text(s->stmt, 1, to.c_str(), static_cast<int>(to.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s->stmt, 2, from.c_str(), static_cast<int>(from.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s->stmt) != SQLITE_DONE) {
      sqlite3_reset(s->stmt);
      return false;
    }
  }
  sqlite3_reset(s->stmt);
  return true;
}

bool GeoPackageUpdates::select_rows(const std::string& sql, const std::function<void(const SqlRow&)>& row) {
  if (!db_) return false;
  Statement s;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &s.stmt, nullptr) != SQLITE_OK) return false;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) row(SqlRow(s.stmt));
  if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
  return true;
}

bool SqlRow::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string_view SqlRow::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}

int64_t SqlRow::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double SqlRow::real(int column) const { return sqlite3_column_double(stmt_, column); }

}  // namespace sitmap
