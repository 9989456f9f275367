// Store figures: a synthetic store of N events (default 1,000,000): build
// time and size; GeoJSON, GeoJSONSeq and CSV export by our writer against
// `ogr2ogr` on the same file (ratio, sizes, our CPU a feature); a one-week
// date-range query; ingest rate of real reports into a GeoPackage, fresh
// and into a store of N readings (merge cost); with a PostGIS DSN, the same
// exports from that server (the store copied in). --ingest-only: the
// ingest figures alone.
//   usage: store_bench WORK_DIR SAMPLES_DIR [N [POSTGIS_DSN]] [--ingest-only]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "store/export.hpp"
#include "ingest/ingest.hpp"
#include "store/store.hpp"
#include "store/synthetic.hpp"

namespace fs = std::filesystem;
using namespace sitmap;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
struct CpuTimes {
  double user = 0, system = 0;
  CpuTimes operator-(const CpuTimes& o) const { return {user - o.user, system - o.system}; }
};
// This process's CPU time so far, every thread.
CpuTimes cpu_times() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return {u.ru_utime.tv_sec + u.ru_utime.tv_usec * 1e-6, u.ru_stime.tv_sec + u.ru_stime.tv_usec * 1e-6};
}
double mib(const fs::path& p) { return static_cast<double>(fs::file_size(p)) / (1 << 20); }

// Export, ours then GDAL's ogr2ogr on the same store, one format after the
// other: GeoJSON, GeoJSONSeq, CSV. Ours reads a GeoPackage by stepping
// SQLite (formatting on a thread per core) and PostGIS by a binary COPY;
// its CPU (user and system, every thread) per feature is the second bar.
// Reads a GeoPackage into the page cache (a DSN is no file) and writes back
// what is dirty, so that each export, ours and ogr2ogr's, starts on a warm
// store and an idle disk: the one before wrote a gigabyte, which pushes the
// store out and is still being written back.
void warm(const std::string& path) {
  ::sync();
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return;
  static char buffer[1 << 20];
  while (std::fread(buffer, 1, sizeof buffer, f) == sizeof buffer) {}
  std::fclose(f);
}

bool compare_exports(Store& store, const std::string& source, const fs::path& work, const char* kind) {
  struct Format {
    const char* name;
    ExportFormat ours;
    const char* driver;
    const char* extension;
  };
  const Format formats[] = {{"GeoJSON", ExportFormat::geojson, "GeoJSON", "geojson"},
                            {"GeoJSONSeq", ExportFormat::geojsonseq, "GeoJSONSeq", "geojsonl"},
                            {"CSV", ExportFormat::csv, "CSV", "csv"}};
  for (const Format& f : formats) {
    const fs::path ours = work / (std::string("ours.") + f.extension), gdal = work / (std::string("ogr2ogr.") + f.extension);
    ExportOptions options;
    options.format = f.ours;
    warm(source);
    const CpuTimes cpu0 = cpu_times();
    auto t = std::chrono::steady_clock::now();
    const size_t exported = export_events(store, {}, ours.string(), options);
    const double t_ours = seconds_since(t);
    const CpuTimes cpu = cpu_times() - cpu0;
    std::printf("export %s from %s (sitmap):  %zu features in %.2f s, %.1f MiB; CPU %.2f us user (bar: <= 3) + %.2f us system a feature\n",
                f.name, kind, exported, t_ours, mib(ours), cpu.user * 1e6 / static_cast<double>(exported),
                cpu.system * 1e6 / static_cast<double>(exported));
    fs::remove(ours);
    fs::remove(gdal);
    const std::string cmd = std::string("ogr2ogr -f ") + f.driver + " " + gdal.string() + " '" + source + "' events 2>/dev/null";
    warm(source);
    t = std::chrono::steady_clock::now();
    if (std::system(cmd.c_str()) != 0) {
      std::fprintf(stderr, "store_bench: %s failed\n", cmd.c_str());
      return false;
    }
    const double t_gdal = seconds_since(t);
    std::printf("export %s from %s (ogr2ogr): %.2f s, %.1f MiB\n", f.name, kind, t_gdal, mib(gdal));
    std::printf("export %s from %s speed-up: %.1fx (bar: >= 10x)\n", f.name, kind, t_gdal / t_ours);
    if (f.ours == ExportFormat::geojson && std::string_view(kind) == "GeoPackage")  // the line DESIGN.md's contract names
      std::printf("export speed-up: %.1fx (GeoJSON from GeoPackage)\n", t_gdal / t_ours);
    std::fflush(stdout);
    fs::remove(gdal);
  }
  return true;
}

// Distinct reports: each sample report with a numbered closing line.
std::vector<std::string> make_reports(const fs::path& samples, const fs::path& dir, size_t n) {
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(samples))
    if (entry.path().extension() == ".txt") {
      std::ifstream in(entry.path());
      std::stringstream ss;
      ss << in.rdbuf();
      texts.push_back(ss.str());
    }
  std::sort(texts.begin(), texts.end());
  fs::create_directories(dir);
  std::vector<std::string> files;
  for (size_t i = 0; i < n && !texts.empty(); ++i) {
    const fs::path p = dir / ("report_" + std::to_string(i) + ".txt");
    std::ofstream(p) << texts[i % texts.size()] << "\n(Archive copy " << i << ".)\n";
    files.push_back(p.string());
  }
  return files;
}
}  // namespace

namespace {
bool export_and_query(Store& store, const fs::path& work);
void ingest_figures(const fs::path& work, const char* samples, size_t n);
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_bench WORK_DIR SAMPLES_DIR [N [POSTGIS_DSN]] [--ingest-only]\n");
    return 2;
  }
  const fs::path work = argv[1];
  const size_t n = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 1000000;
  bool ingest_only = false;  // the ingest figures alone
  std::string dsn;
  for (int i = 4; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--ingest-only")
      ingest_only = true;
    else
      dsn = argv[i];
  }
  fs::create_directories(work);
  const fs::path gpkg = work / "synthetic.gpkg";

  if (!fs::exists(gpkg)) {
    const auto t = std::chrono::steady_clock::now();
    Store s = Store::open(gpkg.string());
    add_synthetic_events(s, n);
    std::printf("synthetic store: %zu events written in %.1f s\n", n, seconds_since(t));
  }
  std::printf("synthetic store: %s, %.1f MiB\n", gpkg.c_str(), mib(gpkg));
  Store store = Store::open(gpkg.string(), Store::Mode::read);
  if (!ingest_only && !export_and_query(store, work)) return 1;
  ingest_figures(work, argv[2], n);

  // The same exports from PostGIS: the synthetic store copied into the
  // server by ogr2ogr once, then ours against ogr2ogr.
  if (!dsn.empty() && !ingest_only) {
    const std::string load = "ogr2ogr -f PostgreSQL '" + dsn + "' " + gpkg.string() +
                             " events -nln events -lco GEOMETRY_NAME=geom -lco FID=fid -overwrite 2>/dev/null";
    const auto t = std::chrono::steady_clock::now();
    if (std::system(load.c_str()) != 0) {
      std::fprintf(stderr, "store_bench: %s failed\n", load.c_str());
      return 1;
    }
    std::printf("PostGIS: %zu events copied in by ogr2ogr in %.1f s\n", n, seconds_since(t));
    Store pg = Store::open(dsn, Store::Mode::read);
    if (!compare_exports(pg, dsn, work, "PostGIS")) return 1;
  }
  return 0;
}

namespace {

bool export_and_query(Store& store, const fs::path& work) {
  if (!compare_exports(store, (work / "synthetic.gpkg").string(), work, "GeoPackage")) return false;

  // One week in the middle of the ten years.
  auto t = std::chrono::steady_clock::now();
  EventFilter week;
  week.from = add_days(kSyntheticStart, kSyntheticDays / 2);
  week.to = add_days(*week.from, 6);
  std::vector<double> times;
  size_t hits = 0;
  for (int i = 0; i < 7; ++i) {
    t = std::chrono::steady_clock::now();
    hits = count_events(store, week);
    times.push_back(seconds_since(t) * 1000);
  }
  std::sort(times.begin(), times.end());
  std::printf("one-week query: %zu events, median %.1f ms, max %.1f ms (bar: < 50 ms)\n", hits, times[times.size() / 2], times.back());
  return true;
}

void ingest_figures(const fs::path& work, const char* samples, size_t n) {
  // Ingest of real reports.
  const Gazetteer gaz = Gazetteer::open_default();
  const auto reports = make_reports(samples, work / "reports", 2000);
  auto t = std::chrono::steady_clock::now();
  const fs::path ingest_db = work / "ingest.gpkg";
  fs::remove(ingest_db);
  Store target = Store::open(ingest_db.string());
  t = std::chrono::steady_clock::now();
  const IngestResult r = ingest_files(target, gaz, reports);
  const double t_ingest = seconds_since(t);
  const double fresh_rate = static_cast<double>(r.added) / t_ingest;
  std::printf("ingest: %zu reports (%zu events, %zu mentions) in %.2f s = %.0f reports/s (bar: >= 300), %.1f MiB\n", r.added, r.events,
              r.mentions, t_ingest, fresh_rate, mib(ingest_db));

  // The same reports into a store of N readings (each its own canonical
  // event): what matching each new reading against the stored ones near it
  // costs. The reports are 80 copies of each sample: most join an event.
  const fs::path readings_db = work / "readings.gpkg";
  if (!fs::exists(readings_db)) {
    t = std::chrono::steady_clock::now();
    Store s = Store::open(readings_db.string());
    add_synthetic_readings(s, n);
    std::printf("synthetic readings store: %zu readings written in %.1f s, %.1f MiB\n", n, seconds_since(t), mib(readings_db));
  }
  const fs::path merge_db = work / "merge.gpkg";
  fs::remove(merge_db);
  fs::copy_file(readings_db, merge_db);
  Store big = Store::open(merge_db.string());
  const int64_t before = big.count(kEventsLayer);
  t = std::chrono::steady_clock::now();
  const IngestResult m = ingest_files(big, gaz, reports);
  const double t_merge = seconds_since(t);
  const double merge_rate = static_cast<double>(m.added) / t_merge;
  std::printf(
      "ingest with merging into a store of %zu readings: %zu reports (%zu events) in %.2f s = %.0f reports/s, "
      "%.0f%% of the fresh store's rate (bar: >= 80%%); canonical events %lld -> %lld\n",
      n, m.added, m.events, t_merge, merge_rate, 100 * merge_rate / fresh_rate, static_cast<long long>(before),
      static_cast<long long>(big.count(kEventsLayer)));
}

}  // namespace
