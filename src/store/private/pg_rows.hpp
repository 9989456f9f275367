#pragma once
// The events table of a PostGIS store read through libpq directly: one
// COPY (SELECT ...) TO STDOUT in PostgreSQL's binary format, each value
// decoded from the wire in place (big-endian integers and doubles, dates
// as days since 2000-01-01, the point as WKB). GDAL reads the same rows
// through a cursor, 500 at a time, as text, and builds a feature for each.
// The SELECT's WHERE clause is the one GDAL's PG driver builds for the
// same filter (the geometry's && with the box, then the event_date range),
// so the server plans the same scan; every other test is EventQuery's.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store/private/event_rows.hpp"

struct pg_conn;

namespace sitmap {

class EventQuery;

class PostgisEvents {
 public:
  // `layer` is the events layer of the PostGIS store `dsn` ("PG:...").
  // nullopt where this cannot read it as GDAL would (a DSN with GDAL's own
  // options, a column of another type than ours, no FID or geometry
  // column, no connection): the caller reads through GDAL then. As
  // GeoPackageEvents::open: any layer of our columns, `exclude_ours`, no
  // reading_summary.
  static std::optional<PostgisEvents> open(const std::string& dsn, OGRLayer& layer, bool exclude_ours = false);
  PostgisEvents(PostgisEvents&&) noexcept;
  ~PostgisEvents();

  // Every row the filter selects, in the server's order for GDAL's query;
  // throws StoreError on a server error.
  void read(const EventFilter& filter, const LayerRowSink& sink);

  // The filter's rows, formatted by `format` on several threads at once,
  // each on a connection of its own, and handed to `sink` in the order of
  // the table's pages on this thread: chunks of pages (a TID range scan
  // each, PostgreSQL 14 and later) in one snapshot that every connection
  // shares. Only where a whole-table scan is the query (no dates, no box,
  // no polygons; the other tests are EventQuery's), on a table of two
  // chunks or more, with two cores or more. False, with nothing read,
  // otherwise. A sequential scan reads the pages in the same order (unless
  // the server starts it where another scan of the table is: a table of
  // more than a quarter of shared_buffers read by two at once).
  // `chunk_pages` defaults to $SITMAP_PG_CHUNK_PAGES, else 1024 (8 MB).
  bool format_in_parallel(const EventFilter& filter, const RowFormatter& format, const TextSink& sink, int64_t chunk_pages = 0);

 private:
  PostgisEvents() = default;
  struct Connection;
  std::string where_clause(const EventQuery& query) const;
  std::string copy_sql(const std::string& where) const;
  // Runs a COPY ... TO STDOUT (FORMAT binary) of copy_sql's columns on
  // `conn`, each row to `fn` (whether the geometry is a point second).
  void copy_rows(pg_conn* conn, const std::string& sql, const std::function<void(const LayerRow&, bool point_type)>& fn) const;
  std::unique_ptr<Connection> connect() const;
  std::unique_ptr<Connection> db_;
  std::string dsn_, table_, fid_column_, geometry_column_;
  bool exclude_ours_ = false;  // our rows left out (EventSource::exclude_ours)
  std::array<bool, kEventColumnCount> present_{};
  std::array<Cell::Kind, kEventColumnCount> kinds_{};
  std::array<std::string, kEventColumnCount> names_;
};

}  // namespace sitmap
