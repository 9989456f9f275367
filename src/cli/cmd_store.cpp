// sitmap ingest | sitmap export | sitmap import: the store's commands, each
// a call into src/store.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "gazetteer/gazetteer.hpp"
#include "store/canonical.hpp"
#include "store/export.hpp"
#include "store/import.hpp"
#include "ingest/ingest.hpp"

namespace sitmap::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> files;
  std::string db = Store::kDefaultPath;
  std::string index;
  size_t batch = 64;
  std::optional<CivilDate> published;
  bool commit_lines = false;
};

int run_ingest(const IngestArgs& a) {
  const Gazetteer gaz = Gazetteer::open_default(a.index);
  Store store = Store::open(a.db, Store::Mode::update, [](const std::string& m) { fmt::print(stderr, "sitmap ingest: {}\n", m); });
  ProgressBar bar("docs");
  IngestOptions options;
  options.batch_size = a.batch;
  options.published = a.published;
  options.on_progress = [&](const IngestProgress& p) { bar.update(p.bytes_done, p.bytes_total, p.documents); };
  options.on_error = [&](const std::string& m) {
    bar.finish();
    fmt::print(stderr, "sitmap ingest: {}\n", m);
  };
  options.on_notice = [&](const std::string& m) {
    bar.finish();
    fmt::print(stderr, "sitmap ingest: {}\n", m);
  };
  if (a.commit_lines)
    options.on_commit = [&](size_t stored) { fmt::print(stderr, "sitmap ingest: committed, {} reports stored\n", stored); };
  const IngestResult r = ingest_files(store, gaz, a.files, options);
  bar.finish();
  fmt::print(stderr, "sitmap ingest: {} reports stored ({} events, {} mentions), {} already stored, {} failed -> {}\n", r.added, r.events,
             r.mentions, r.already_stored, r.failed, a.db);
  return r.failed ? 1 : 0;
}

struct ExportArgs {
  std::string db = Store::kDefaultPath;
  std::string out, format, t_srs;
  bool through_gdal = false;
  FilterArgs filter;
  bool per_report = false;
};

int run_export(const ExportArgs& a) {
  EventFilter filter;
  ExportOptions options;
  try {
    filter = parse_filter_args(a.filter);
    filter.per_report = a.per_report;
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "sitmap export: {}\n", e.what());
    return 2;
  }
  if (!a.format.empty()) {
    const auto f = parse_export_format(a.format);
    if (!f) {
      fmt::print(stderr, "sitmap export: --format '{}': want geojson, geojsonseq, csv, gpkg, fgb or kml\n", a.format);
      return 2;
    }
    options.format = *f;
  } else {
    options.format = export_format_for(a.out);
  }
  options.t_srs = a.t_srs;
  options.read_through_gdal = a.through_gdal;
  Store store = Store::open(a.db, Store::Mode::read);
  size_t n = 0;
  try {
    n = export_events(store, filter, a.out, options);
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "sitmap export: {}\n", e.what());
    return 2;
  }
  fmt::print(stderr, "sitmap export: {} events -> {} ({})\n", n, a.out, format_name(options.format));
  return 0;
}

struct ImportArgs {
  std::string file, as, db = Store::kDefaultPath;
};

int run_import(const ImportArgs& a) {
  Store store = Store::open(a.db, Store::Mode::update, [](const std::string& m) { fmt::print(stderr, "sitmap import: {}\n", m); });
  const ImportFormat format = a.as == "acled" ? ImportFormat::acled : ImportFormat::gdelt;
  const ImportResult r = import_file(store, a.file, format, [](const std::string& m) { fmt::print(stderr, "sitmap import: {}\n", m); });
  fmt::print(stderr, "sitmap import: {} rows read, {} events added, {} already stored, {} rejected", r.rows, r.added, r.already_stored,
             r.rejected);
  if (format == ImportFormat::gdelt) fmt::print(stderr, ", {} not conflict or protest codes", r.not_conflict);
  fmt::print(stderr, " -> {} (dataset {})\n", a.db, a.as);
  return r.rejected ? 1 : 0;
}

struct ExplainArgs {
  std::string event_id, db = Store::kDefaultPath;
};

int run_explain(const ExplainArgs& a) {
  Store store = Store::open(a.db, Store::Mode::read);
  const auto lines = explain_event(store, a.event_id);
  if (lines.empty()) {
    fmt::print(stderr,
               "sitmap events explain: {}: no event or reading {} (the store may be from before canonical events: open it for writing "
               "once, e.g. by an ingest)\n",
               a.db, a.event_id);
    return 1;
  }
  for (const std::string& line : lines) fmt::print("{}\n", line);
  return 0;
}

}  // namespace

void add_store_commands(CLI::App& app, Action& action) {
  auto* events = app.add_subcommand("events", "Canonical events: one event, the reports that code it");
  events->require_subcommand(1);
  auto xa = std::make_shared<ExplainArgs>();
  auto* explain = events->add_subcommand("explain", "Why an event's reports were merged, and why reports near it were kept apart");
  explain->add_option("event_id", xa->event_id, "a canonical event's event_id, or a report's reading of it")->required();
  explain->add_option("--db", xa->db, "GeoPackage path or PostGIS DSN")->capture_default_str();
  explain->callback([xa, &action] { action = [xa] { return run_explain(*xa); }; });

  auto in = std::make_shared<IngestArgs>();
  auto* ingest = app.add_subcommand("ingest", "Read reports, extract their events and store them (GeoPackage or PostGIS)");
  ingest->add_option("files", in->files, "report files (.txt, .html, .jsonl)")->required();
  ingest->add_option("--db", in->db, "GeoPackage path or PostGIS DSN \"PG:host=... dbname=...\"")->capture_default_str();
  ingest->add_option("--index", in->index, "gazetteer index");
  ingest->add_option("--batch-size", in->batch, "documents per transaction")->capture_default_str()->check(CLI::PositiveNumber);
  add_published_option(*ingest, in->published);
  ingest->add_flag("--commit-lines", in->commit_lines, "a line on stderr after each committed batch (for scripts that follow an ingest)");
  ingest->callback([in, &action] { action = [in] { return run_ingest(*in); }; });

  auto ex = std::make_shared<ExportArgs>();
  auto* exp = app.add_subcommand("export", "Write stored events (filtered) as GeoJSON, GeoJSONSeq, CSV, GPKG, FlatGeobuf or KML");
  exp->add_option("--db", ex->db, "GeoPackage path or PostGIS DSN")->capture_default_str();
  exp->add_option("-o,--output", ex->out, "output file")->required();
  exp->add_option("-f,--format", ex->format, "geojson|geojsonseq|csv|gpkg|fgb|kml (default: from the extension)");
  add_filter_options(*exp, ex->filter);
  exp->add_flag("--per-report", ex->per_report,
                "one row per report's reading of an event (default: one row per event, with source_count and document_ids)");
  exp->add_option("--t-srs", ex->t_srs, "reproject to this CRS (EPSG:3857 ...); not for GeoJSON or KML");
  exp->add_flag("--through-gdal", ex->through_gdal, "read the store through GDAL/OGR, not SQLite or COPY (slower; the same bytes)");
  exp->callback([ex, &action] { action = [ex] { return run_export(*ex); }; });

  auto im = std::make_shared<ImportArgs>();
  auto* imp = app.add_subcommand("import", "Load an ACLED CSV export or a GDELT events file into the store");
  imp->add_option("file", im->file, "ACLED .csv or GDELT .export.CSV / .tsv")->required();
  imp->add_option("--as", im->as, "acled or gdelt")->required()->check(CLI::IsMember({"acled", "gdelt"}));
  imp->add_option("--db", im->db, "GeoPackage path or PostGIS DSN")->capture_default_str();
  imp->callback([im, &action] { action = [im] { return run_import(*im); }; });
}

}  // namespace sitmap::cli
