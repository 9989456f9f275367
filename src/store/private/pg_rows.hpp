#pragma once
// The events table of a PostGIS store read through libpq directly: one
// COPY (SELECT ...) TO STDOUT in PostgreSQL's binary format, each value
// decoded from the wire in place (big-endian integers and doubles, dates
// as days since 2000-01-01, the point as WKB). GDAL reads the same rows
// through a cursor, 500 at a time, as text, and builds a feature for each.
// The SELECT's WHERE clause is the one GDAL's PG driver builds for the
// same filter (the geometry's && with the box, then the event_date range),
// so the server plans the same scan; every other test is EventQuery's.
#include <memory>
#include <optional>
#include <string>

#include "store/private/event_rows.hpp"

namespace sitmap {

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

 private:
  PostgisEvents() = default;
  struct Connection;
  std::unique_ptr<Connection> db_;
  std::string dsn_, table_, fid_column_, geometry_column_;
  bool exclude_ours_ = false;  // our rows left out (EventSource::exclude_ours)
  std::array<bool, kEventColumnCount> present_{};
  std::array<Cell::Kind, kEventColumnCount> kinds_{};
  std::array<std::string, kEventColumnCount> names_;
};

}  // namespace sitmap
