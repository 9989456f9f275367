#include "store/private/pg_rows.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

#include "store/private/gpkg_rows.hpp"
#include "store/private/query.hpp"

namespace sitmap {

struct PostgisEvents::Connection {
  PGconn* conn = nullptr;
  ~Connection() { PQfinish(conn); }
};

namespace {

std::string quoted(const std::string& name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

// Big-endian wire values.
uint32_t be32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}
uint64_t be64(const char* p) { return (uint64_t{be32(p)} << 32) | be32(p + 4); }

// The SQL expression that puts a column on the wire in the binary form decode_cell reads.
std::string wire_column(const std::string& name, Cell::Kind kind) {
  switch (kind) {
    case Cell::Kind::integer:
      return quoted(name) + "::int8";
    case Cell::Kind::boolean:
      return quoted(name) + "::int4::int8";
    case Cell::Kind::real:
      return quoted(name) + "::float8";
    case Cell::Kind::date:
      return quoted(name) + "::date";
    default:
      return quoted(name) + "::text";
  }
}

const long kDay2000 = days_from_civil({2000, 1, 1});  // PostgreSQL's dates count from here

// One non-null field of `size` bytes at `p` as a cell of `kind`.
Cell decode_cell(Cell::Kind kind, const char* p, uint32_t size) {
  Cell c;
  switch (kind) {
    case Cell::Kind::integer:
    case Cell::Kind::boolean:
      if (size != 8) return c;
      // An OGR Integer field: a 64-bit value is clamped, as OGR's SetField does.
      c.integer = std::clamp<long long>(static_cast<long long>(be64(p)), std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
      break;
    case Cell::Kind::real: {
      if (size != 8) return c;
      const uint64_t bits = be64(p);
      std::memcpy(&c.real, &bits, 8);
      break;
    }
    case Cell::Kind::date: {
      if (size != 4) return c;
      const auto days = static_cast<int32_t>(be32(p));
      if (days == std::numeric_limits<int32_t>::max() || days == std::numeric_limits<int32_t>::min()) return c;  // +-infinity
      c.date = civil_from_days(kDay2000 + days);
      break;
    }
    case Cell::Kind::text:
    case Cell::Kind::json:
      c.text = std::string_view(p, size);
      break;
    default:
      return c;
  }
  c.kind = kind;
  return c;
}

// Runs a statement; false on an error. `value` takes the first row's
// first value, where there is one.
bool exec(PGconn* conn, const std::string& sql, std::string* value = nullptr) {
  PGresult* r = PQexec(conn, sql.c_str());
  const ExecStatusType status = PQresultStatus(r);
  const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (ok && value && PQntuples(r) > 0 && PQnfields(r) > 0) *value = PQgetvalue(r, 0, 0);
  PQclear(r);
  return ok;
}

// `text` as an SQL string literal.
std::string literal(PGconn* conn, const std::string& text) {
  char* escaped = PQescapeLiteral(conn, text.c_str(), text.size());
  if (!escaped) throw StoreError(fmt::format("cannot quote {}: {}", text, PQerrorMessage(conn)));
  std::string out = escaped;
  PQfreemem(escaped);
  return out;
}

}  // namespace

std::optional<PostgisEvents> PostgisEvents::open(const std::string& dsn, OGRLayer& layer, bool exclude_ours) {
  if (!is_postgis_dsn(dsn)) return std::nullopt;
  PostgisEvents p;
  p.dsn_ = dsn;
  p.table_ = layer.GetName();
  p.fid_column_ = layer.GetFIDColumn();
  p.geometry_column_ = layer.GetGeometryColumn();
  if (p.fid_column_.empty() || p.geometry_column_.empty() || p.table_.find('.') != std::string::npos) return std::nullopt;
  p.exclude_ours_ = exclude_ours;
  std::optional<ReaderColumns> columns = reader_columns(*layer.GetLayerDefn());
  if (!columns) return std::nullopt;
  p.present_ = columns->present;
  p.kinds_ = columns->kinds;
  p.names_ = std::move(columns->names);
  // libpq takes the DSN's key=value pairs; one it does not know is one of
  // GDAL's (active_schema, tables ...), which this reader does not apply.
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str() + 3, &error);
  PQfreemem(error);
  if (!options) return std::nullopt;
  PQconninfoFree(options);
  p.db_ = p.connect();
  if (!p.db_) return std::nullopt;
  return p;
}

std::unique_ptr<PostgisEvents::Connection> PostgisEvents::connect() const {
  auto c = std::make_unique<Connection>();
  c->conn = PQconnectdb(dsn_.c_str() + 3);
  if (PQstatus(c->conn) != CONNECTION_OK || PQsetClientEncoding(c->conn, "UTF8") != 0) return nullptr;
  return c;
}

PostgisEvents::PostgisEvents(PostgisEvents&&) noexcept = default;
PostgisEvents::~PostgisEvents() = default;

void PostgisEvents::read(const EventFilter& filter, const LayerRowSink& sink) {
  EventQuery query(filter);
  query.exclude_ours(exclude_ours_);
  copy_rows(db_->conn, copy_sql(where_clause(query)), [&](const LayerRow& row, bool point_type) {
    if (query.matches_row(CellRow{row, point_type})) sink(row);
  });
}

bool PostgisEvents::format_in_parallel(const EventFilter& filter, const RowFormatter& format, const TextSink& sink, int64_t chunk_pages) {
  const unsigned workers = chunk_workers();
  if (workers < 2 || filter.from || filter.to || filter.bbox || !filter.country.empty() || !filter.within.empty()) return false;
  PGconn* conn = db_->conn;
  if (PQserverVersion(conn) < 140000) return false;  // no TID range scan: each chunk would read the whole table
  if (chunk_pages <= 0) {
    const char* env = std::getenv("SITMAP_PG_CHUNK_PAGES");
    chunk_pages = env && std::atoll(env) > 0 ? std::atoll(env) : 256;  // 2 MB of the table, some 6 MB of GeoJSON
  }
  // One snapshot for every connection: exported by this one, whose
  // transaction is held to the end.
  if (!exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")) return false;
  struct End {
    PGconn* conn;
    ~End() { exec(conn, "ROLLBACK"); }
  } end{conn};
  std::string snapshot, pages;
  if (!exec(conn, "SELECT pg_export_snapshot()", &snapshot) ||
      !exec(conn, fmt::format("SELECT pg_relation_size({}::regclass) / current_setting('block_size')::int8", literal(conn, quoted(table_))),
            &pages))
    return false;
  const int64_t page_count = std::atoll(pages.c_str());
  if (page_count < 2 * chunk_pages) return false;
  std::vector<std::unique_ptr<Connection>> connections;
  for (unsigned w = 0; w < workers; ++w) {
    auto c = connect();
    if (!c || !exec(c->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") ||
        !exec(c->conn, "SET TRANSACTION SNAPSHOT " + literal(c->conn, snapshot)))
      return false;
    connections.push_back(std::move(c));
  }

  EventQuery query(filter);
  query.exclude_ours(exclude_ours_);
  // The last chunk has no end: pages the table gained since are read too
  // (their rows, newer than the snapshot, are not seen).
  const auto chunks = static_cast<size_t>((page_count + chunk_pages - 1) / chunk_pages);
  format_chunks_in_order(workers, chunks, sink, [&](unsigned worker, size_t c, TextBuffer& text) {
    std::string pages_of_chunk = fmt::format("ctid >= '({},0)'::tid", static_cast<int64_t>(c) * chunk_pages);
    if (c + 1 < chunks) pages_of_chunk += fmt::format(" AND ctid < '({},0)'::tid", static_cast<int64_t>(c + 1) * chunk_pages);
    size_t rows = 0;
    copy_rows(connections[worker]->conn, copy_sql(pages_of_chunk), [&](const LayerRow& row, bool point_type) {
      if (!query.matches_row(CellRow{row, point_type})) return;
      format(row, text);
      ++rows;
    });
    return rows;
  });
  for (const auto& c : connections) exec(c->conn, "COMMIT");
  return true;
}

// GDAL's WHERE clause for the same filter: the box through the GiST
// index, then the dates (numbers and parsed dates only).
std::string PostgisEvents::where_clause(const EventQuery& query) const {
  std::string where;
  if (const auto box = query.search_box())
    where = fmt::format("{} && ST_SetSRID('BOX3D({} {}, {} {})'::box3d,4326)", quoted(geometry_column_), box->west, box->south, box->east,
                        box->north);
  if (const std::string dates = query.date_where(); !dates.empty()) where = where.empty() ? dates : where + " AND (" + dates + ")";
  return where;
}

std::string PostgisEvents::copy_sql(const std::string& where) const {
  std::string sql = fmt::format("COPY (SELECT {}::int8, ST_AsBinary({})", quoted(fid_column_), quoted(geometry_column_));
  for (int k = 0; k < kEventColumnCount; ++k)
    if (present_[k]) sql += ", " + wire_column(names_[k], kinds_[k]);
  return sql + " FROM " + quoted(table_) + (where.empty() ? "" : " WHERE " + where) + ") TO STDOUT (FORMAT binary)";
}

void PostgisEvents::copy_rows(PGconn* conn, const std::string& sql, const std::function<void(const LayerRow&, bool point_type)>& fn) const {
  auto fail = [&](const char* what) {
    return StoreError(fmt::format("{}: cannot read the events table ({}): {}", dsn_, what, PQerrorMessage(conn)));
  };
  {
    PGresult* r = PQexec(conn, sql.c_str());
    const bool started = PQresultStatus(r) == PGRES_COPY_OUT;
    PQclear(r);
    if (!started) throw fail("COPY");
  }
  LayerRow row;
  row.present = &present_;
  bool header = true;
  while (true) {
    char* data = nullptr;
    const int size = PQgetCopyData(conn, &data, 0);
    if (size == -1) break;  // done
    if (size < 0) throw fail("COPY data");
    // Each message holds one row (the first also the file header); the
    // cells point into it until it is freed.
    struct Free {
      char* p;
      ~Free() { PQfreemem(p); }
    } free_data{data};
    const char* p = data;
    const char* end = data + size;
    if (header) {
      // "PGCOPY\n\377\r\n\0", flags, then an extension area of its own length.
      if (size < 19 || std::memcmp(p, "PGCOPY\n\377\r\n", 11) != 0) throw StoreError(dsn_ + ": COPY: not PostgreSQL's binary format");
      p += 15;
      p += 4 + be32(p);
      header = false;
      if (p >= end) continue;
    }
    auto field = [&](const char*& value, uint32_t& length) {
      if (end - p < 4) throw StoreError(dsn_ + ": COPY: a row cut short");
      length = be32(p);
      p += 4;
      if (length == 0xffffffffu) {
        value = nullptr;
        return;
      }
      if (static_cast<size_t>(end - p) < length) throw StoreError(dsn_ + ": COPY: a row cut short");
      value = p;
      p += length;
    };
    if (end - p < 2) throw StoreError(dsn_ + ": COPY: a row cut short");
    const auto fields = static_cast<int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1]));
    p += 2;
    if (fields == -1) continue;  // the trailer
    const char* value;
    uint32_t length;
    field(value, length);
    row.fid = value && length == 8 ? static_cast<int64_t>(be64(value)) : -1;
    field(value, length);
    bool point_type = false, empty = true;
    if (value) point_type = decode_gpkg_point(reinterpret_cast<const unsigned char*>(value), length, row.x, row.y, &empty);
    row.has_point = point_type && !empty;
    for (int k = 0; k < kEventColumnCount; ++k) {
      if (!present_[k]) continue;
      field(value, length);
      row.cell[k] = value ? decode_cell(kinds_[k], value, length) : Cell{};
    }
    row.span = row_time_span(row);
    fn(row, point_type);
  }
  PGresult* r = PQgetResult(conn);
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  while ((r = PQgetResult(conn))) PQclear(r);
  if (!ok) throw fail("COPY end");
}

}  // namespace sitmap
