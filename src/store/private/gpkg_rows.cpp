#include "store/private/gpkg_rows.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "store/private/query.hpp"

namespace sitmap {

struct GeoPackageEvents::Db {
  sqlite3* handle = nullptr;
  bool reading = false;  // a read transaction begun by hold_read()
  ~Db() {
    if (reading) sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close_v2(handle);
  }
};

namespace {

constexpr const char* kMapPages = "PRAGMA mmap_size = 68719476736";

std::string quoted(const std::string& name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  Statement(sqlite3* db, const std::string& sql, const std::string& path) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
      throw StoreError(fmt::format("{}: cannot read the events layer: {}", path, sqlite3_errmsg(db)));
  }
  ~Statement() { sqlite3_finalize(stmt); }
};

template <class T>
T read_as(const unsigned char* p, bool little) {
  T v;
  std::memcpy(&v, p, sizeof v);
  if (little != (std::endian::native == std::endian::little)) {
    unsigned char b[sizeof v];
    std::memcpy(b, &v, sizeof v);
    std::reverse(b, b + sizeof v);
    std::memcpy(&v, b, sizeof v);
  }
  return v;
}

}  // namespace

// "YYYY-MM-DD" as GDAL reads a GeoPackage DATE: that form only, else null.
bool parse_iso_day(std::string_view s, CivilDate& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto digits = [&](size_t at, size_t n, int& out) {
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  return digits(0, 4, d.year) && digits(5, 2, d.month) && digits(8, 2, d.day);
}

namespace {

// One column's value as a cell of its column's kind, in as few calls into
// SQLite as the value needs (a tenth of an export's instructions were such
// calls): a text is NULL exactly when the value is, a number other than 0
// is no NULL, and a text's length is up to its NUL.
Cell cell_of(Cell::Kind kind, sqlite3_value* v) {
  Cell cell;
  switch (kind) {
    case Cell::Kind::integer:
    case Cell::Kind::boolean: {
      const sqlite3_int64 n = sqlite3_value_int64(v);
      if (n == 0 && sqlite3_value_type(v) == SQLITE_NULL) break;
      // An OGR Integer field: a 64-bit value is clamped, as OGR's SetField does.
      cell.integer = std::clamp<long long>(n, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
      cell.kind = kind;
      break;
    }
    case Cell::Kind::real:
      cell.real = sqlite3_value_double(v);
      if (cell.real == 0 && sqlite3_value_type(v) == SQLITE_NULL) break;
      cell.kind = Cell::Kind::real;
      break;
    case Cell::Kind::date: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
      if (text && parse_iso_day(text, cell.date)) cell.kind = Cell::Kind::date;
      break;
    }
    case Cell::Kind::text:
    case Cell::Kind::json: {
      // GDAL reads a C string: up to the first NUL (SQLite ends every text with one).
      const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
      if (!text) break;
      cell.text = std::string_view(text);
      cell.kind = kind;
      break;
    }
    default:
      break;
  }
  return cell;
}

}  // namespace

bool decode_gpkg_point(const unsigned char* blob, size_t size, double& x, double& y, bool* empty_point) {
  size_t at = 0;
  if (size >= 8 && blob[0] == 'G' && blob[1] == 'P') {
    static constexpr size_t kEnvelopeBytes[8] = {0, 32, 48, 48, 64, 0, 0, 0};
    const int envelope = (blob[3] >> 1) & 7;
    if (envelope > 4) return false;
    at = 8 + kEnvelopeBytes[envelope];
  }
  if (size < at + 5 + 16 || blob[at] > 1) return false;
  const bool little = blob[at] == 1;
  const uint32_t type = read_as<uint32_t>(blob + at + 1, little) & 0x0fffffffu;  // without EWKB's Z/M/SRID flags
  if (type % 1000 != 1) return false;                                            // Point, Point Z, M, ZM
  x = read_as<double>(blob + at + 5, little);
  y = read_as<double>(blob + at + 13, little);
  if (empty_point) *empty_point = std::isnan(x) && std::isnan(y);
  return true;
}

std::optional<GeoPackageEvents> GeoPackageEvents::open(const std::string& path, OGRLayer& layer, bool exclude_ours) {
  GeoPackageEvents g;
  g.path_ = path;
  g.table_ = layer.GetName();
  g.fid_column_ = layer.GetFIDColumn();
  g.geometry_column_ = layer.GetGeometryColumn();
  if (g.fid_column_.empty() || g.geometry_column_.empty()) return std::nullopt;
  g.exclude_ours_ = exclude_ours;
  std::optional<ReaderColumns> columns = reader_columns(*layer.GetLayerDefn());
  if (!columns) return std::nullopt;
  g.present_ = columns->present;
  g.kinds_ = columns->kinds;
  g.names_ = std::move(columns->names);

  g.db_ = g.connect();
  if (!g.db_) return std::nullopt;
  // The layer's extent as GDAL holds it (it decides whether a box goes to
  // the spatial index), then the spatial index itself.
  OGREnvelope extent;
  if (layer.GetExtent(&extent, FALSE) == OGRERR_NONE) g.extent_ = extent;
  {
    const std::string rtree = "rtree_" + g.table_ + "_" + g.geometry_column_;
    Statement s(g.db_->handle,
                "SELECT 1 FROM gpkg_extensions WHERE lower(table_name) = lower(?) AND lower(column_name) = lower(?) "
                "AND extension_name = 'gpkg_rtree_index'",
                path);
    sqlite3_bind_text(s.stmt, 1, g.table_.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s.stmt, 2, g.geometry_column_.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.stmt) == SQLITE_ROW) g.rtree_ = rtree;
  }
  return g;
}

namespace {

// sitmap_point_in(geom, west, south, east, north): 0 when the GeoPackage
// geometry is a point outside the box (or no point: no box selects it), 1
// else. A box on a layer without an R-tree (readings) is tested by SQLite
// on each row before the row's other columns are read; EventQuery then
// tests exactly what it selects (the box is a hair wider here, so this
// never drops a row that test keeps).
void point_in_box(sqlite3_context* context, int, sqlite3_value** argv) {
  constexpr double kMargin = 1e-9;
  double x = 0, y = 0;
  bool empty = true;
  const auto* blob = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
  const bool point = blob && decode_gpkg_point(blob, static_cast<size_t>(sqlite3_value_bytes(argv[0])), x, y, &empty) && !empty;
  const bool inside = point && x >= sqlite3_value_double(argv[1]) - kMargin && y >= sqlite3_value_double(argv[2]) - kMargin &&
                      x <= sqlite3_value_double(argv[3]) + kMargin && y <= sqlite3_value_double(argv[4]) + kMargin;
  sqlite3_result_int(context, inside ? 1 : 0);
}

}  // namespace

std::unique_ptr<GeoPackageEvents::Db> GeoPackageEvents::connect() const {
  auto db = std::make_unique<Db>();
  if (sqlite3_open_v2(path_.c_str(), &db->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) return nullptr;
  if (sqlite3_create_function_v2(db->handle, "sitmap_point_in", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, point_in_box, nullptr,
                                 nullptr, nullptr) != SQLITE_OK)
    return nullptr;
  // Pages mapped rather than copied in by a read() call each (a third of the
  // time of a whole-table read). Best effort: SQLite reads without it too.
  sqlite3_exec(db->handle, kMapPages, nullptr, nullptr, nullptr);
  return db;
}

GeoPackageEvents::GeoPackageEvents(GeoPackageEvents&&) noexcept = default;
GeoPackageEvents::~GeoPackageEvents() = default;

void GeoPackageEvents::read(const EventFilter& filter, const LayerRowSink& sink) {
  EventQuery query(filter);
  query.exclude_ours(exclude_ours_);

  // The rows GDAL's GeoPackage driver reads for the same filters, in its
  // order (SQLite then plans the same scan): a box that does not cover the
  // layer's extent goes to the spatial index, the event_date range to SQL.
  // With a box alone GDAL walks the R-tree and fetches each row by its id
  // (R-tree order); with dates too it runs "fid IN (R-tree query) AND
  // (dates)". A layer without an R-tree (readings) is read in the order of
  // the dates' index or of the table, each row's point tested by SQLite.
  // Only numbers and parsed dates enter the SQL.
  std::optional<BBox> rtree_box, scanned_box;  // a box the R-tree finds, or one tested row by row
  if (const auto box = query.search_box()) {
    const bool covers_extent =
        extent_ && box->west <= extent_->MinX && box->south <= extent_->MinY && box->east >= extent_->MaxX && box->north >= extent_->MaxY;
    if (!covers_extent && !rtree_.empty())
      rtree_box = box;
    else if (!covers_extent)
      scanned_box = box;
  }
  auto rtree_where = [&](const char* r) {
    return fmt::format("{0}maxx >= {1:.12f} AND {0}minx <= {2:.12f} AND {0}maxy >= {3:.12f} AND {0}miny <= {4:.12f}", r,
                       rtree_box->west - 1e-11, rtree_box->east + 1e-11, rtree_box->south - 1e-11, rtree_box->north + 1e-11);
  };
  const std::string dates = query.date_where();

  std::string sql = select_list(present_);
  if (rtree_box && dates.empty()) {
    sql += fmt::format(" FROM {} r CROSS JOIN {} m ON m.{} = r.id WHERE {}", quoted(rtree_), quoted(table_), quoted(fid_column_),
                       rtree_where("r."));
  } else {
    sql += " FROM " + quoted(table_) + " m";
    std::string spatial;
    if (rtree_box)
      spatial = fmt::format("{} IN ( SELECT id FROM {} WHERE {})", quoted(fid_column_), quoted(rtree_), rtree_where(""));
    else if (scanned_box)  // SQLite plans the same scan as GDAL's query: no index serves this term
      spatial = fmt::format("sitmap_point_in(m.{}, {:.17g}, {:.17g}, {:.17g}, {:.17g})", quoted(geometry_column_), scanned_box->west,
                            scanned_box->south, scanned_box->east, scanned_box->north);
    if (!spatial.empty() && !dates.empty())
      sql += " WHERE " + spatial + " AND (" + dates + ")";
    else if (!spatial.empty() || !dates.empty())
      sql += " WHERE " + spatial + dates;
  }
  step(sql, present_, [&](const LayerRow& row, bool point_type) {
    if (!query.matches_row(CellRow{row, point_type})) return;
    sink(row);
  });
}

void GeoPackageEvents::read_columns(const std::array<bool, kEventColumnCount>& columns, std::optional<std::pair<int64_t, int64_t>> fids,
                                    const LayerRowSink& sink, bool geometry) {
  std::array<bool, kEventColumnCount> present{};
  for (int k = 0; k < kEventColumnCount; ++k) present[k] = present_[k] && columns[k];
  std::string sql = select_list(present, geometry) + " FROM " + quoted(table_) + " m";
  if (fids) sql += fmt::format(" WHERE m.{0} >= {1} AND m.{0} < {2}", quoted(fid_column_), fids->first, fids->second);
  step(sql, present, [&](const LayerRow& row, bool) { sink(row); });
}

bool GeoPackageEvents::indexed(int column) {
  if (!present_[column]) return false;
  Statement s(db_->handle,
              "SELECT 1 FROM pragma_index_list(?1) l, pragma_index_info(l.name) i WHERE i.seqno = 0 AND lower(i.name) = lower(?2)", path_);
  sqlite3_bind_text(s.stmt, 1, table_.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s.stmt, 2, names_[column].c_str(), -1, SQLITE_TRANSIENT);
  return sqlite3_step(s.stmt) == SQLITE_ROW;
}

void GeoPackageEvents::date_texts(int column, bool latest_first, const std::function<bool(std::string_view)>& take) {
  if (!present_[column]) return;
  // Text bounds (no number sorts among texts; '0000-00-00' is no number
  // to the column's affinity either): an index range, no sort.
  Statement s(db_->handle,
              fmt::format("SELECT {0} FROM {1} WHERE {0} >= '0000-00-00' AND {0} <= '9999-99-99' ORDER BY {0} {2}", quoted(names_[column]),
                          quoted(table_), latest_first ? "DESC" : "ASC"),
              path_);
  while (sqlite3_step(s.stmt) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, 0));
    if (text && !take(std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(s.stmt, 0))))) return;
  }
}

void GeoPackageEvents::read_dated_from(const std::array<bool, kEventColumnCount>& columns, std::span<const int> date_columns,
                                       const std::string& day, const LayerRowSink& sink) {
  std::array<bool, kEventColumnCount> present{};
  for (int k = 0; k < kEventColumnCount; ++k) present[k] = present_[k] && columns[k];
  // The FIDs from each date's index, then each row once, in FID order.
  std::string fids;
  for (const int k : date_columns)
    if (present_[k])
      fids += fmt::format("{}SELECT {} FROM {} WHERE {} >= ?1", fids.empty() ? "" : " UNION ", quoted(fid_column_), quoted(table_),
                          quoted(names_[k]));
  if (fids.empty()) return;
  Statement s(db_->handle,
              select_list(present, false) +
                  fmt::format(" FROM {0} m WHERE m.{1} IN ({2}) ORDER BY m.{1}", quoted(table_), quoted(fid_column_), fids),
              path_);
  sqlite3_bind_text(s.stmt, 1, day.c_str(), -1, SQLITE_TRANSIENT);
  // Rows here and there in the file: read() brings in a few pages around
  // each, where a fault on a mapped file brings in the whole read-ahead
  // window (megabytes) when the file is not in the page cache.
  sqlite3_exec(db_->handle, "PRAGMA mmap_size = 0", nullptr, nullptr, nullptr);
  try {
    step(db_->handle, s.stmt, present, [&](const LayerRow& row, bool) { sink(row); });
  } catch (...) {
    sqlite3_reset(s.stmt);
    sqlite3_exec(db_->handle, kMapPages, nullptr, nullptr, nullptr);
    throw;
  }
  sqlite3_reset(s.stmt);
  sqlite3_exec(db_->handle, kMapPages, nullptr, nullptr, nullptr);
}

std::optional<std::pair<int64_t, int64_t>> GeoPackageEvents::fid_range() {
  // Two subqueries: SQLite finds a lone min() or max() of the key at an end
  // of the table, but scans every row for the pair in one query.
  Statement range(db_->handle,
                  fmt::format("SELECT (SELECT min({0}) FROM {1}), (SELECT max({0}) FROM {1})", quoted(fid_column_), quoted(table_)), path_);
  if (sqlite3_step(range.stmt) != SQLITE_ROW || sqlite3_column_type(range.stmt, 0) == SQLITE_NULL) return std::nullopt;
  return std::pair{sqlite3_column_int64(range.stmt, 0), sqlite3_column_int64(range.stmt, 1)};
}

bool GeoPackageEvents::hold_read() {
  if (db_->reading) return true;
  if (sqlite3_exec(db_->handle, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return false;
  db_->reading = true;
  // The shared lock is taken by the first read.
  if (sqlite3_exec(db_->handle, fmt::format("SELECT 1 FROM {} LIMIT 1", quoted(table_)).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    end_read();
    return false;
  }
  return true;
}

void GeoPackageEvents::end_read() {
  if (!db_->reading) return;
  sqlite3_exec(db_->handle, "COMMIT", nullptr, nullptr, nullptr);
  db_->reading = false;
}

bool GeoPackageEvents::format_in_parallel(const EventFilter& filter, const RowFormatter& format, const TextSink& sink, Chunks chunking) {
  const int64_t kChunk = std::max<int64_t>(1, chunking.fids);
  const unsigned workers = chunk_workers();
  if (workers < 2 || filter.from || filter.to || filter.bbox || !filter.country.empty() || !filter.within.empty()) return false;
  {
    // In WAL mode connections opened one after the other may see different
    // commits; one connection reads then (the sequential path).
    Statement mode(db_->handle, "PRAGMA journal_mode", path_);
    if (sqlite3_step(mode.stmt) != SQLITE_ROW ||
        std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(mode.stmt, 0))) == "wal")
      return false;
  }
  // A read transaction held to the end, so that every worker's connection
  // reads the store this one sees.
  if (!hold_read()) return false;
  struct EndRead {
    GeoPackageEvents& g;
    ~EndRead() { g.end_read(); }
  } release{*this};
  const auto fids = fid_range();
  if (!fids) return false;
  // Plain variables, not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
  const int64_t lo = fids->first, hi = fids->second;
  if (hi - lo + 1 < chunking.min_rows) return false;
  std::vector<std::unique_ptr<Db>> connections;
  for (unsigned w = 0; w < workers; ++w) {
    connections.push_back(connect());
    if (!connections.back()) return false;
  }

  EventQuery query(filter);
  query.exclude_ours(exclude_ours_);
  const size_t chunks = static_cast<size_t>((hi - lo) / kChunk + 1);
  const std::string sql =
      select_list(present_) + fmt::format(" FROM {0} m WHERE m.{1} >= ?1 AND m.{1} < ?2", quoted(table_), quoted(fid_column_));
  std::vector<std::unique_ptr<Statement>> statements;  // a worker's, on its connection
  for (const auto& db : connections) statements.push_back(std::make_unique<Statement>(db->handle, sql, path_));
  format_chunks_in_order(workers, chunks, sink, [&](unsigned worker, size_t c, TextBuffer& text) {
    sqlite3_stmt* stmt = statements[worker]->stmt;
    size_t rows = 0;
    sqlite3_bind_int64(stmt, 1, lo + static_cast<int64_t>(c) * kChunk);
    sqlite3_bind_int64(stmt, 2, lo + static_cast<int64_t>(c + 1) * kChunk);
    step(connections[worker]->handle, stmt, present_, [&](const LayerRow& row, bool point_type) {
      if (!query.matches_row(CellRow{row, point_type})) return;
      format(row, text);
      ++rows;
    });
    sqlite3_reset(stmt);
    return rows;
  });
  return true;
}

std::string GeoPackageEvents::select_list(const std::array<bool, kEventColumnCount>& present, bool geometry) const {
  // Without the geometry its place holds a NULL (no blob read, no point).
  std::string sql = fmt::format("SELECT m.{}, {}", quoted(fid_column_), geometry ? "m." + quoted(geometry_column_) : "NULL");
  for (int k = 0; k < kEventColumnCount; ++k)
    if (present[k]) sql += ", m." + quoted(names_[k]);
  return sql;
}

void GeoPackageEvents::step(const std::string& sql, const std::array<bool, kEventColumnCount>& present,
                            const std::function<void(const LayerRow&, bool point_type)>& fn) {
  Statement s(db_->handle, sql, path_);
  step(db_->handle, s.stmt, present, fn);
}

void GeoPackageEvents::step(sqlite3* db, sqlite3_stmt* stmt, const std::array<bool, kEventColumnCount>& present,
                            const std::function<void(const LayerRow&, bool point_type)>& fn) const {
  std::array<int, kEventColumnCount> index{};
  int next = 2;  // after the FID and the geometry
  for (int k = 0; k < kEventColumnCount; ++k)
    if (present[k]) index[k] = next++;
  LayerRow row;
  row.present = &present;
  while (true) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) throw StoreError(fmt::format("{}: cannot read the events layer: {}", path_, sqlite3_errmsg(db)));
    row.fid = sqlite3_column_int64(stmt, 0);
    // The unprotected values: their accessors skip the statement's checks and locks.
    for (int k = 0; k < kEventColumnCount; ++k)
      if (present[k]) row.cell[k] = cell_of(kinds_[k], sqlite3_column_value(stmt, index[k]));
    bool point_type = false, empty = true;
    if (sqlite3_column_type(stmt, 1) == SQLITE_BLOB) {
      const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, 1));
      point_type = decode_gpkg_point(blob, static_cast<size_t>(sqlite3_column_bytes(stmt, 1)), row.x, row.y, &empty);
    }
    row.has_point = point_type && !empty;
    row.span = row_time_span(row);
    fn(row, point_type);
  }
}

}  // namespace sitmap
