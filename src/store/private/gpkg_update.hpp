#pragma once
// Updates of a GeoPackage made on the dataset's own SQLite connection (so
// inside its transaction), with prepared statements, where GDAL's way costs
// more than the update:
// - a row rewritten by an UPDATE of only the columns that changed. GDAL's
//   SetFeature writes every column, and SQLite then rewrites the row's
//   entry in every index of the table and in its R-tree; a canonical event
//   that gains a source changes a few columns that no index holds
//   (source_count, document_ids, confidence), so in a large store most of
//   the pages such a rewrite dirtied were index pages it need not touch.
// - values of a column replaced (canonical ids of merged groups). GDAL's
//   ExecuteSQL remakes each layer's feature-count triggers around any
//   statement that is not a SELECT (a schema change, which also makes
//   every prepared statement of the connection be prepared again).
// Only src/store includes this.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gdal.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace sitmap {

// A GeoPackage's connection set up for a writer (nothing in the file
// changes; a connection setting lasts until it closes):
// - statement journals in memory. Inside our transactions SQLite keeps,
//   for each INSERT or UPDATE that can fail half-way (a trigger, several
//   rows), the pages it changes a second time in a temporary file, so that
//   it can undo that statement alone; in a large store those were 16 MiB of
//   writes to /var/tmp for 2,000 reports.
// - a page cache of 64 MiB, not SQLite's 2 MiB: the index pages a batch
//   reads in a store of a million readings are found again by the next
//   batch instead of being read back from the file.
// - the file memory-mapped for reading (as gpkg_rows reads): a page not in
//   that cache (the stored readings a new window of dates looks up, each on
//   a page of its own) is mapped, not copied in by a read() call each.
//   Pages are still written by write() calls.
// Does nothing when `ds` is not a GeoPackage whose connection GDAL hands out.
void tune_writer_connection(GDALDataset& ds);

// A row of a query stepped on the connection (GeoPackageUpdates::select_rows),
// its columns read as GDAL reads them: NULL text is "", a NULL number 0.
class SqlRow {
 public:
  explicit SqlRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool is_null(int column) const;
  std::string_view text(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;

 private:
  sqlite3_stmt* stmt_;
};

class GeoPackageUpdates {
 public:
  // Does nothing (every call false) when `ds` is not a GeoPackage whose
  // SQLite connection GDAL hands out.
  explicit GeoPackageUpdates(GDALDataset& ds);
  ~GeoPackageUpdates();
  GeoPackageUpdates(const GeoPackageUpdates&) = delete;
  GeoPackageUpdates& operator=(const GeoPackageUpdates&) = delete;
  bool active() const { return db_ != nullptr; }

  // Makes the row of `now`'s FID in `layer` equal to `now`, given
  // `before`, the row as stored: only the differing columns are written.
  // False, with nothing written, when this path cannot: no connection, the
  // geometry differs (GDAL keeps the layer's extent as it writes points),
  // a column of a type we do not write, or SQLite refused. The caller then
  // rewrites through GDAL.
  bool rewrite_row(OGRLayer& layer, const OGRFeature& before, const OGRFeature& now);

  // In `table`, every `column` value that is a key of `from_to` becomes its
  // value: one prepared UPDATE a pair (through `column`'s index). False
  // when this path cannot, or SQLite refused: the caller then updates
  // another way (the pairs done are done: their old values are gone).
  bool replace_values(const std::string& table, const std::string& column, const std::map<std::string, std::string>& from_to);

  // Steps `sql`, a SELECT, on the connection, handing each row to `row`,
  // in the order SQLite gives them (GDAL's ExecuteSQL would prepare the
  // same statement there, and then copy every row into a feature). False,
  // before any row, when this path cannot (no connection, SQLite refused
  // the statement): the caller asks GDAL. A failure after rows were handed
  // out throws std::runtime_error with SQLite's message.
  bool select_rows(const std::string& sql, const std::function<void(const SqlRow&)>& row);

 private:
  struct Statement;
  Statement* prepared(const std::string& sql);  // nullptr when SQLite refuses it
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>> statements_;  // by SQL
};

}  // namespace sitmap
