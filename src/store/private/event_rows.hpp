#pragma once
// Rows of the events (or readings) layer as the export writers take them:
// each event column's value as a typed cell, the point, the time span.
// Three readers give them: GDAL/OGR features (any store), SQLite stepped
// directly (a GeoPackage, gpkg_rows.hpp) and a binary COPY (PostGIS,
// pg_rows.hpp); the writers (geojson_writer.hpp) format them all the same
// way, so the paths write the same bytes.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/date.hpp"
#include "store/filter.hpp"
#include "store/private/schema.hpp"

namespace sitmap {

// One column's value. `text` points into the reader's row and lives until
// the next row (it need not end in a NUL).
struct Cell {
  enum class Kind : uint8_t { null, integer, boolean, real, date, text, json, other };
  Kind kind = Kind::null;
  long long integer = 0;  // integer, boolean
  double real = 0;
  CivilDate date{};
  std::string_view text;  // text, json
};

// How a column of the events layer is typed: what kind its non-null cells have.
Cell::Kind cell_kind(const OGRFieldDefn& defn);

// The event columns a layer holds, as the fast readers (SQLite, COPY) read
// them; nullopt when one of them is not of our type (another tool's layer:
// the GDAL path reads it). A reading's summary is matching's, never read.
struct ReaderColumns {
  std::array<bool, kEventColumnCount> present{};
  std::array<Cell::Kind, kEventColumnCount> kinds{};
  std::array<std::string, kEventColumnCount> names;
};
std::optional<ReaderColumns> reader_columns(const OGRFeatureDefn& defn);

struct LayerRow {
  // Which event columns (ev::, kDatasetColumn) the layer has; cells of the
  // others are null and never written as properties.
  const std::array<bool, kEventColumnCount>* present = nullptr;
  std::array<Cell, kEventColumnCount> cell;
  int64_t fid = -1;
  bool has_point = false;  // a non-empty point geometry
  double x = 0, y = 0;
  std::optional<std::pair<CivilDate, CivilDate>> span;  // event_date .. event_date_to (or event_date)
};

// A row as EventQuery::matches_row reads one (the SQLite and the COPY
// readers alike): cells by column, the point when the layer's geometry is one.
struct CellRow {
  const LayerRow& row;
  bool point_type;
  bool has(int k) const { return (*row.present)[k]; }
  std::string_view text(int k) const { return row.cell[k].text; }
  long long integer(int k) const { return row.cell[k].integer; }
  double real(int k) const { return row.cell[k].real; }
  bool point(double& lon, double& lat) const {
    lon = row.x;
    lat = row.y;
    return point_type;
  }
};

// The days a row covers, from its date cells (event_time_span for rows).
std::optional<std::pair<CivilDate, CivilDate>> row_time_span(const LayerRow& row);

using LayerRowSink = std::function<void(const LayerRow&)>;

enum class RowReader { fastest, gdal };

// Text formatted from rows, in chunks (the export writers' output).
using TextBuffer = fmt::memory_buffer;
// Formats one row onto the end of a buffer; called from several threads
// at once, so it keeps no state of its own.
using RowFormatter = std::function<void(const LayerRow&, TextBuffer&)>;
// Takes formatted text in store order, on the calling thread: `rows` rows.
using TextSink = std::function<void(TextBuffer&, size_t rows)>;

// Threads that format chunks at once: one a core, at most four.
unsigned chunk_workers();
// Appends chunk `chunk`'s formatted rows to `text` on worker thread
// `worker` (0 .. workers-1) and returns how many it formatted.
using ChunkFormatter = std::function<size_t(unsigned worker, size_t chunk, TextBuffer& text)>;
// Formats chunks 0 .. chunks-1 on `workers` threads at once and hands
// their text to `sink` in chunk order on the calling thread, a worker at
// most a few chunks ahead of it. A worker's exception stops the others
// and is thrown here (a StoreError with its message).
void format_chunks_in_order(unsigned workers, size_t chunks, const TextSink& sink, const ChunkFormatter& format_chunk);

// Every stored event the filter selects, in store order, as rows: from each
// of the filter's sources in turn (event_sources, query.hpp: the events
// layer; per report, the readings layer and then the events layer's
// imported rows), stepped through SQLite for a GeoPackage layer of our
// column types (gpkg_rows.hpp), one binary COPY for such a PostGIS table
// (pg_rows.hpp), through GDAL otherwise (other layers, DSNs with GDAL's
// own options) or when asked to (the tests compare the paths).
void read_event_rows(Store& store, const EventFilter& filter, const LayerRowSink& sink, RowReader reader = RowReader::fastest);
// The same rows formatted: on several threads where the GeoPackage reader
// can (GeoPackageEvents::format_in_parallel), else row by row as
// read_event_rows gives them, in chunks of a few MB.
void format_event_rows(Store& store, const EventFilter& filter, const RowFormatter& format, const TextSink& sink,
                       RowReader reader = RowReader::fastest);

}  // namespace sitmap
