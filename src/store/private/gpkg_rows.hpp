#pragma once
// The events layer of a GeoPackage read by stepping SQLite directly: one
// prepared statement, columns by index, the GeoPackage geometry blob's
// header and WKB point decoded in place. GDAL builds a feature per row
// (a heap string per text field, a geometry object) and the export then
// copies from it; here each value goes from SQLite's row to the writer.
// The rows are GDAL's rows in GDAL's order: the WHERE clause is the one
// GDAL's GeoPackage driver builds for the same filter (spatial index,
// event_date range), and every other test is EventQuery's.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/private/event_rows.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace sitmap {

class GeoPackageEvents {
 public:
  // `layer` is the events layer of the GeoPackage at `path` (GDAL's GPKG
  // driver). nullopt when this path cannot read it as GDAL would (a
  // column of another type than ours, no FID or geometry column): the
  // caller reads through GDAL then. `layer` may be any layer of our event
  // columns (events, readings); `exclude_ours` leaves its sitmap rows out
  // (EventSource: the events layer of a per-report export). A reading's
  // summary (reading_summary) is never read: no export writes it.
  static std::optional<GeoPackageEvents> open(const std::string& path, OGRLayer& layer, bool exclude_ours = false);
  GeoPackageEvents(GeoPackageEvents&&) noexcept;
  ~GeoPackageEvents();

  // Every row the filter selects, in GDAL's order; throws StoreError on a SQLite error.
  void read(const EventFilter& filter, const LayerRowSink& sink);
  // Every row with a FID in [first, second) (every row for nullopt), in
  // FID order, with only the event columns `columns` names; no filter.
  // Without `geometry` the point is not read (the row has none).
  void read_columns(const std::array<bool, kEventColumnCount>& columns, std::optional<std::pair<int64_t, int64_t>> fids,
                    const LayerRowSink& sink, bool geometry = true);
  // Whether an index of the table has this event column first: a range of
  // its values is then found without a walk of the table.
  bool indexed(int column);
  // A date column's texts that may be ISO days (numbers and NULLs left
  // out), in the order of its index (the latest first when `latest_first`),
  // handed to `take` until it returns false.
  void date_texts(int column, bool latest_first, const std::function<bool(std::string_view)>& take);
  // Every row whose text in one of `date_columns` is the ISO day `day` or
  // later, found through their indexes, with only the event columns
  // `columns` names, in FID order, without the point.
  void read_dated_from(const std::array<bool, kEventColumnCount>& columns, std::span<const int> date_columns, const std::string& day,
                       const LayerRowSink& sink);
  // The smallest and the largest FID (nullopt when the table is empty).
  std::optional<std::pair<int64_t, int64_t>> fid_range();
  // Begins a read transaction on this connection and takes SQLite's shared
  // lock, held until end_read() or the end of this object: in
  // rollback-journal mode no writer commits meanwhile, so connections that
  // read now see the same store. False when SQLite refuses.
  bool hold_read();
  void end_read();

  // The filter's rows, formatted by `format` on several threads at once
  // (chunks of FIDs, each worker on a connection of its own) and handed to
  // `sink` in FID order on this thread. Only where that is GDAL's order and
  // the rows it reads: a filter that leaves SQLite a whole-table walk (no
  // dates, no box, no polygons), a store not in WAL mode (one read
  // transaction is held so that every connection sees the same commits),
  // a table of chunks.min_rows or more, two cores or more. False, with
  // nothing read, otherwise.
  struct Chunks {
    int64_t min_rows = 100000;  // smaller tables are not worth the threads
    int64_t fids = 8192;        // FIDs a chunk (7 MB of GeoJSON)
  };
  bool format_in_parallel(const EventFilter& filter, const RowFormatter& format, const TextSink& sink, Chunks chunks);
  bool format_in_parallel(const EventFilter& filter, const RowFormatter& format, const TextSink& sink) {
    return format_in_parallel(filter, format, sink, Chunks{});
  }

 private:
  GeoPackageEvents() = default;
  struct Db;
  std::string select_list(const std::array<bool, kEventColumnCount>& present, bool geometry = true) const;
  std::unique_ptr<Db> connect() const;
  void step(const std::string& sql, const std::array<bool, kEventColumnCount>& present,
            const std::function<void(const LayerRow&, bool point_type)>& fn);
  void step(sqlite3* db, sqlite3_stmt* stmt, const std::array<bool, kEventColumnCount>& present,
            const std::function<void(const LayerRow&, bool point_type)>& fn) const;
  std::unique_ptr<Db> db_;
  std::string path_, table_, fid_column_, geometry_column_, rtree_;
  std::optional<OGREnvelope> extent_;  // the layer's extent as GDAL holds it
  bool exclude_ours_ = false;          // our rows left out (EventSource::exclude_ours)
  std::array<bool, kEventColumnCount> present_{};
  std::array<Cell::Kind, kEventColumnCount> kinds_{};
  std::array<std::string, kEventColumnCount> names_;
};

// A date as GDAL's GeoPackage driver stores it ('YYYY-MM-DD'): true with the day.
bool parse_iso_day(std::string_view s, CivilDate& d);

// Reads a GeoPackage geometry blob (or plain WKB): true with the point's
// coordinates when it holds a non-empty point. `empty_point` says an empty one.
bool decode_gpkg_point(const unsigned char* blob, size_t size, double& x, double& y, bool* empty_point = nullptr);

}  // namespace sitmap
