#pragma once
// A GeoPackage row rewritten by an UPDATE of only the columns that changed,
// on the dataset's own SQLite connection (so inside its transaction).
// GDAL's SetFeature writes every column, and SQLite then rewrites the
// row's entry in every index of the table and in its R-tree; a canonical
// event that gains a source changes a few columns that no index holds
// (source_count, document_ids, confidence), so in a large store most of
// the pages such a rewrite dirtied were index pages it need not touch.
// Only src/store includes this.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "geo/gdal.hpp"

struct sqlite3;

namespace sitmap {

class GeoPackageRowUpdater {
 public:
  // nullptr-like (update() always false) when `ds` is not a GeoPackage
  // whose SQLite connection GDAL hands out.
  explicit GeoPackageRowUpdater(GDALDataset& ds);
  ~GeoPackageRowUpdater();
  GeoPackageRowUpdater(const GeoPackageRowUpdater&) = delete;
  GeoPackageRowUpdater& operator=(const GeoPackageRowUpdater&) = delete;

  // Makes the row of `now`'s FID in `layer` equal to `now`, given
  // `before`, the row as stored: only the differing columns are written.
  // False, with nothing written, when this path cannot: no connection, the
  // geometry differs (GDAL keeps the layer's extent as it writes points),
  // a column of a type we do not write, or SQLite refused. The caller then
  // rewrites through GDAL.
  bool update(OGRLayer& layer, const OGRFeature& before, const OGRFeature& now);

 private:
  struct Statement;
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>> statements_;  // by SQL
};

}  // namespace sitmap
