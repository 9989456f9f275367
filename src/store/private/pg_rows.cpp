#include "store/private/pg_rows.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cstring>
#include <limits>

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
  p.db_ = std::make_unique<Connection>();
  p.db_->conn = PQconnectdb(dsn.c_str() + 3);
  if (PQstatus(p.db_->conn) != CONNECTION_OK || PQsetClientEncoding(p.db_->conn, "UTF8") != 0) return std::nullopt;
  return p;
}

PostgisEvents::PostgisEvents(PostgisEvents&&) noexcept = default;
PostgisEvents::~PostgisEvents() = default;

void PostgisEvents::read(const EventFilter& filter, const LayerRowSink& sink) {
  EventQuery query(filter);
  query.exclude_ours(exclude_ours_);
  // GDAL's WHERE clause for the same filter: the box through the GiST
  // index, then the dates (numbers and parsed dates only).
  std::string where;
  if (const auto box = query.search_box())
    where = fmt::format("{} && ST_SetSRID('BOX3D({} {}, {} {})'::box3d,4326)", quoted(geometry_column_), box->west, box->south, box->east,
                        box->north);
  if (const std::string dates = query.date_where(); !dates.empty()) where = where.empty() ? dates : where + " AND (" + dates + ")";
  std::string sql = fmt::format("COPY (SELECT {}::int8, ST_AsBinary({})", quoted(fid_column_), quoted(geometry_column_));
  for (int k = 0; k < kEventColumnCount; ++k)
    if (present_[k]) sql += ", " + wire_column(names_[k], kinds_[k]);
  sql += " FROM " + quoted(table_) + (where.empty() ? "" : " WHERE " + where) + ") TO STDOUT (FORMAT binary)";

  PGconn* conn = db_->conn;
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
  std::string error;
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
    if (!query.matches_row(CellRow{row, point_type})) continue;
    row.span = row_time_span(row);
    sink(row);
  }
  PGresult* r = PQgetResult(conn);
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  while ((r = PQgetResult(conn))) PQclear(r);
  if (!ok) throw fail("COPY end");
}

}  // namespace sitmap
