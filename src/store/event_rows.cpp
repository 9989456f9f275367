#include "store/private/event_rows.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "store/private/gpkg_rows.hpp"
#include "store/private/pg_rows.hpp"
#include "store/private/query.hpp"
#include "store/private/store_impl.hpp"

namespace sitmap {
namespace {

// One OGR field as a cell (kinds as cell_kind gives them for its column).
Cell cell_of(Cell::Kind kind, const OGRField* raw) {
  Cell c;
  if (OGR_RawField_IsNull(raw) || OGR_RawField_IsUnset(raw)) return c;
  c.kind = kind;
  switch (kind) {
    case Cell::Kind::integer:
    case Cell::Kind::boolean:
      c.integer = raw->Integer;
      break;
    case Cell::Kind::real:
      c.real = raw->Real;
      break;
    case Cell::Kind::date:
      c.date = {raw->Date.Year, raw->Date.Month, raw->Date.Day};
      break;
    case Cell::Kind::text:
    case Cell::Kind::json:
      c.text = raw->String;
      break;
    default:
      break;
  }
  return c;
}

// The GDAL path for one source: features read on a second thread
// (for_each_feature_batch_of), made rows here.
void read_rows_through_gdal(const EventSource& source, const EventFilter& filter, const LayerRowSink& sink) {
  std::array<bool, kEventColumnCount> present{};
  std::array<Cell::Kind, kEventColumnCount> kinds{};
  std::array<bool, kEventColumnCount> integer64{};
  bool first = true;
  LayerRow row;
  row.present = &present;
  for_each_feature_batch_of(source, filter, [&](const std::vector<OGRFeature*>& batch, const EventColumns& c) {
    if (first) {
      first = false;
      const OGRFeatureDefn& defn = *batch.front()->GetDefnRef();
      for (int k = 0; k < kEventColumnCount; ++k) {
        present[k] = c.at[k] >= 0 && is_exported_column(k);  // as the fast readers: no reading_summary
        if (!present[k]) continue;
        kinds[k] = cell_kind(*defn.GetFieldDefn(c.at[k]));
        integer64[k] = defn.GetFieldDefn(c.at[k])->GetType() == OFTInteger64;
      }
    }
    for (const OGRFeature* f : batch) {
      for (int k = 0; k < kEventColumnCount; ++k) {
        if (!present[k]) continue;
        const OGRField* raw = f->GetRawFieldRef(c.at[k]);
        row.cell[k] = cell_of(kinds[k], raw);
        if (integer64[k] && row.cell[k].kind == Cell::Kind::integer) row.cell[k].integer = raw->Integer64;
      }
      const OGRGeometry* g = f->GetGeometryRef();
      row.has_point = g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty();
      if (row.has_point) {
        row.x = g->toPoint()->getX();
        row.y = g->toPoint()->getY();
      }
      row.span = event_time_span(*f, c);
      row.fid = f->GetFID();
      sink(row);
    }
  });
}

}  // namespace

std::optional<ReaderColumns> reader_columns(const OGRFeatureDefn& defn) {
  const EventColumns c(defn);
  ReaderColumns out;
  for (int k = 0; k < kEventColumnCount; ++k) {
    if (c.at[k] < 0 || !is_exported_column(k)) continue;
    const OGRFieldDefn& field = *defn.GetFieldDefn(c.at[k]);
    const FieldSpec& ours = event_columns()[k];
    if (field.GetType() != ours.type || field.GetSubType() != ours.subtype) return std::nullopt;
    out.present[k] = true;
    out.kinds[k] = cell_kind(field);
    out.names[k] = field.GetNameRef();
  }
  return out;
}

Cell::Kind cell_kind(const OGRFieldDefn& defn) {
  switch (defn.GetType()) {
    case OFTInteger:
      return defn.GetSubType() == OFSTBoolean ? Cell::Kind::boolean : Cell::Kind::integer;
    case OFTInteger64:
      return Cell::Kind::integer;
    case OFTReal:
      return Cell::Kind::real;
    case OFTDate:
      return Cell::Kind::date;
    case OFTString:
      return defn.GetSubType() == OFSTJSON ? Cell::Kind::json : Cell::Kind::text;
    default:
      return Cell::Kind::other;
  }
}

std::optional<std::pair<CivilDate, CivilDate>> row_time_span(const LayerRow& row) {
  const Cell& from = row.cell[ev::event_date];
  if (from.kind != Cell::Kind::date) return std::nullopt;
  const Cell& to = row.cell[ev::event_date_to];
  return std::make_pair(from.date, to.kind == Cell::Kind::date ? to.date : from.date);
}

namespace {

// The GeoPackage reader for one source, when there is one and it may be used.
std::optional<GeoPackageEvents> geopackage_reader(Store& store, const EventSource& source, RowReader reader) {
  GDALDriver* driver = store.impl().ds->GetDriver();
  if (reader != RowReader::fastest || !driver || std::string_view(driver->GetDescription()) != "GPKG") return std::nullopt;
  return GeoPackageEvents::open(store.location(), *source.layer, source.exclude_ours);
}

std::optional<PostgisEvents> postgis_reader(Store& store, const EventSource& source, RowReader reader) {
  if (reader != RowReader::fastest || !store.is_postgis()) return std::nullopt;
  return PostgisEvents::open(store.location(), *source.layer, source.exclude_ours);
}

// One source's rows (read_event_rows). Where neither fast reader takes the
// layer (another tool's column types, a DSN with GDAL's options) it is read
// through GDAL: the same rows, the same bytes, slower.
void read_source_rows(Store& store, const EventSource& source, const EventFilter& filter, const LayerRowSink& sink, RowReader reader) {
  if (auto gpkg = geopackage_reader(store, source, reader))
    gpkg->read(filter, sink);
  else if (auto pg = postgis_reader(store, source, reader))
    pg->read(filter, sink);
  else
    read_rows_through_gdal(source, filter, sink);
}

}  // namespace

unsigned chunk_workers() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

void format_chunks_in_order(unsigned workers, size_t chunks, const TextSink& sink, const ChunkFormatter& format_chunk) {
  constexpr size_t kAhead = 3;  // chunks a worker may run ahead of the sink, each
  struct Done {
    TextBuffer text;
    size_t rows = 0;
    bool ready = false;
  };
  std::vector<Done> done(chunks);
  std::vector<TextBuffer> pool;  // emptied buffers, kept for their capacity
  size_t next = 0, consumed = 0;
  bool stop = false;
  std::string error;
  std::mutex mutex;
  std::condition_variable changed;

  auto work = [&](unsigned worker) {
    try {
      while (true) {
        size_t c;
        TextBuffer text;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return stop || next >= chunks || next < consumed + kAhead * workers; });
          if (stop || next >= chunks) return;
          c = next++;
          if (!pool.empty()) {
            text = std::move(pool.back());
            pool.pop_back();
          }
        }
        const size_t rows = format_chunk(worker, c, text);
        std::lock_guard lock(mutex);
        done[c].text = std::move(text);
        done[c].rows = rows;
        done[c].ready = true;
        changed.notify_all();
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex);
      if (error.empty()) error = e.what();
      stop = true;
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work, w);
  auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
      changed.notify_all();
    }
    for (auto& t : threads) t.join();
  };
  try {
    for (size_t c = 0; c < chunks; ++c) {
      TextBuffer text;
      size_t rows = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return done[c].ready || stop; });
        if (!done[c].ready) break;  // a worker failed
        text = std::move(done[c].text);
        rows = done[c].rows;
      }
      sink(text, rows);
      text.clear();
      std::lock_guard lock(mutex);
      pool.push_back(std::move(text));
      ++consumed;
      changed.notify_all();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  if (!error.empty()) throw StoreError(error);
}

// The sources are read one after the other (per report: the readings, then
// the imported rows of the events layer), each by the fastest reader that
// takes it; the writers start each row's properties from its own layer's
// columns (LayerRow::present).
void read_event_rows(Store& store, const EventFilter& filter, const LayerRowSink& sink, RowReader reader) {
  for (const EventSource& source : event_sources(store, filter)) read_source_rows(store, source, filter, sink, reader);
}

void format_event_rows(Store& store, const EventFilter& filter, const RowFormatter& format, const TextSink& sink, RowReader reader) {
  constexpr size_t kChunkBytes = 4 << 20;
  TextBuffer text;
  size_t rows = 0;
  auto each = [&](const LayerRow& row) {
    format(row, text);
    if (++rows % 64 == 0 && text.size() > kChunkBytes) {
      sink(text, rows);
      text.clear();
      rows = 0;
    }
  };
  // What a source left is handed over before a parallel path's chunks follow it in order.
  auto hand_over = [&] {
    if (rows == 0) return;
    sink(text, rows);
    text.clear();
    rows = 0;
  };
  for (const EventSource& source : event_sources(store, filter)) {
    if (auto gpkg = geopackage_reader(store, source, reader)) {
      hand_over();
      if (!gpkg->format_in_parallel(filter, format, sink)) gpkg->read(filter, each);
    } else if (auto pg = postgis_reader(store, source, reader)) {
      hand_over();
      if (!pg->format_in_parallel(filter, format, sink)) pg->read(filter, each);
    } else {
      read_rows_through_gdal(source, filter, each);
    }
  }
  sink(text, rows);
}

}  // namespace sitmap
