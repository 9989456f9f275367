// Store figures: a synthetic store of N events (default 1,000,000): build
// time and size; GeoJSON, GeoJSONSeq and CSV export by our writer against
// `ogr2ogr` on the same file (ratio, sizes, our CPU a feature); a one-week
// date-range query; ingest rate of real reports into a GeoPackage, fresh
// and into a store of N readings (merge cost), against the same reports
// stored as before canonical events (the three interleaved a batch at a
// time); with a PostGIS DSN, the same exports from that server (the store
// copied in). --ingest-only: the ingest figures alone; --rounds K: K
// rounds of them, and their medians.
//   usage: store_bench WORK_DIR SAMPLES_DIR [N [POSTGIS_DSN]] [--ingest-only] [--rounds K]
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
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
void ingest_figures(const fs::path& work, const char* samples, size_t n, int rounds);
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_bench WORK_DIR SAMPLES_DIR [N [POSTGIS_DSN]] [--ingest-only] [--rounds K]\n");
    return 2;
  }
  const fs::path work = argv[1];
  const size_t n = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 1000000;
  bool ingest_only = false;  // the ingest figures alone
  int rounds = 1;            // of the ingest figures
  std::string dsn;
  for (int i = 4; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--ingest-only")
      ingest_only = true;
    else if (std::string_view(argv[i]) == "--rounds" && i + 1 < argc)
      rounds = std::max(1, std::atoi(argv[++i]));
    else
      dsn = argv[i];
  }
  fs::create_directories(work);
  const fs::path gpkg = work / "synthetic.gpkg";

  if (!ingest_only) {
    if (!fs::exists(gpkg)) {
      const auto t = std::chrono::steady_clock::now();
      Store s = Store::open(gpkg.string());
      add_synthetic_events(s, n);
      std::printf("synthetic store: %zu events written in %.1f s\n", n, seconds_since(t));
    }
    std::printf("synthetic store: %s, %.1f MiB\n", gpkg.c_str(), mib(gpkg));
    Store store = Store::open(gpkg.string(), Store::Mode::read);
    if (!export_and_query(store, work)) return 1;
  }
  ingest_figures(work, argv[2], n, rounds);

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

// The rate of one ingest of `reports` into `store`, and its CPU (user +
// system, this process) a report.
struct IngestRun {
  IngestResult result;
  double seconds = 0, cpu = 0;
  double rate() const { return static_cast<double>(result.added) / seconds; }
  double cpu_ms_a_report() const { return cpu * 1000 / static_cast<double>(result.added); }
};
IngestRun timed_ingest(Store& store, const Gazetteer& gaz, std::span<const std::string> reports) {
  IngestRun run;
  const CpuTimes cpu0 = cpu_times();
  const auto t = std::chrono::steady_clock::now();
  run.result = ingest_files(store, gaz, reports);
  run.seconds = seconds_since(t);
  const CpuTimes cpu = cpu_times() - cpu0;
  run.cpu = cpu.user + cpu.system;
  return run;
}

// The same reports ingested into each store, interleaved a batch at a time:
// a batch is one transaction, so each store gets the transactions one
// ingest of all the reports makes, and each path's time and CPU are sums
// over its batches. On a machine shared with other jobs, whose load comes
// and goes within seconds, the paths then meet the same load, where one
// ingest after another let a path's rate depend on what else ran during
// its few seconds. The order of the paths turns with each batch.
std::vector<IngestRun> interleaved_ingest(const std::vector<Store*>& stores, const Gazetteer& gaz,
                                          const std::vector<std::string>& reports) {
  const size_t batch = IngestOptions{}.batch_size;
  std::vector<IngestRun> runs(stores.size());
  for (size_t first = 0, turn = 0; first < reports.size(); first += batch, ++turn)
    for (size_t j = 0; j < stores.size(); ++j) {
      const size_t i = (j + turn) % stores.size();
      const IngestRun r = timed_ingest(*stores[i], gaz, std::span(reports).subspan(first, std::min(batch, reports.size() - first)));
      runs[i].result.added += r.result.added;
      runs[i].result.events += r.result.events;
      runs[i].result.mentions += r.result.mentions;
      runs[i].seconds += r.seconds;
      runs[i].cpu += r.cpu;
    }
  return runs;
}

// A copy of `from` written to disk before it is used: a store just copied
// is a gigabyte of dirty pages, which the first commit's fsync would write.
void copy_to_disk(const fs::path& from, const fs::path& to) {
  fs::remove(to);
  fs::copy_file(from, to);
  const int fd = ::open(to.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void ingest_figures(const fs::path& work, const char* samples, size_t n, int rounds) {
  // Ingest of real reports: distinct copies of the samples (each sample
  // about 2000 / samples times), so nearly every reading joins an event.
  const Gazetteer gaz = Gazetteer::open_default();
  const auto reports = make_reports(samples, work / "reports", 2000);
  // The store of N readings (each its own canonical event) that the
  // merging ingest is measured in: what matching each new reading against
  // the stored ones near it, and writing into indexes of a million rows, cost.
  const fs::path readings_db = work / "readings.gpkg";
  if (!fs::exists(readings_db)) {
    const auto t = std::chrono::steady_clock::now();
    Store s = Store::open(readings_db.string());
    add_synthetic_readings(s, n);
    std::printf("synthetic readings store: %zu readings written in %.1f s, %.1f MiB\n", n, seconds_since(t), mib(readings_db));
  } else {
    Store::open(readings_db.string());  // one an older sitmap wrote is upgraded once, not in each round's copy
  }
  // Each round: the same reports stored as before canonical events (one
  // row per reading, no matching) into a fresh store, with merging into a
  // fresh store, and into a copy of the store of N readings, a batch to
  // each in turn (interleaved_ingest).
  // What the first ingest of a process does once (word tables, the
  // gazetteer's pages, GDAL's drivers) is done before the rounds: it fell
  // in whichever path came first.
  {
    const fs::path warm_db = work / "warm_up.gpkg";
    fs::remove(warm_db);
    Store warm_up = Store::open(warm_db.string());
    ingest_files(warm_up, gaz, std::span(reports).first(std::min<size_t>(reports.size(), 64)));
  }
  std::vector<double> per_report_rates, fresh_rates, big_rates, against_per_report, against_fresh, per_report_cpu, fresh_cpu, big_cpu;
  for (int round = 1; round <= rounds; ++round) {
    const fs::path merge_db = work / "merge.gpkg";
    copy_to_disk(readings_db, merge_db);

    const fs::path per_report_db = work / "per_report.gpkg";
    fs::remove(per_report_db);
    Store per_report = Store::open(per_report_db.string());
    store_per_report_events(per_report);
    const fs::path ingest_db = work / "ingest.gpkg";
    fs::remove(ingest_db);
    Store fresh = Store::open(ingest_db.string());
    Store big = Store::open(merge_db.string());
    const int64_t before = big.count(kEventsLayer);
    const std::vector<IngestRun> runs = interleaved_ingest({&per_report, &fresh, &big}, gaz, reports);
    const IngestRun &a = runs[0], &b = runs[1], &c = runs[2];
    std::printf(
        "ingest before canonical events (a row per reading, no matching), fresh store: %zu reports (%zu events) in %.2f s = %.0f "
        "reports/s, CPU %.2f ms a report\n",
        a.result.added, a.result.events, a.seconds, a.rate(), a.cpu_ms_a_report());
    std::printf(
        "ingest with merging, fresh store: %zu reports (%zu events, %zu mentions) in %.2f s = %.0f reports/s (bar: >= 300), CPU %.2f ms a "
        "report, %.1f MiB; canonical events %lld\n",
        b.result.added, b.result.events, b.result.mentions, b.seconds, b.rate(), b.cpu_ms_a_report(), mib(ingest_db),
        static_cast<long long>(fresh.count(kEventsLayer)));
    std::printf(
        "ingest with merging into a store of %zu readings: %zu reports (%zu events) in %.2f s = %.0f reports/s, CPU %.2f ms a report; "
        "canonical events %lld -> %lld\n",
        n, c.result.added, c.result.events, c.seconds, c.rate(), c.cpu_ms_a_report(), static_cast<long long>(before),
        static_cast<long long>(big.count(kEventsLayer)));
    std::printf(
        "merge cost, round %d of %d: %.0f%% of the rate before canonical events, %.0f%% of the fresh store's merging rate (bar: >= 80%%)\n",
        round, rounds, 100 * c.rate() / a.rate(), 100 * c.rate() / b.rate());
    std::fflush(stdout);
    per_report_rates.push_back(a.rate());
    per_report_cpu.push_back(a.cpu_ms_a_report());
    fresh_cpu.push_back(b.cpu_ms_a_report());
    big_cpu.push_back(c.cpu_ms_a_report());
    fresh_rates.push_back(b.rate());
    big_rates.push_back(c.rate());
    against_per_report.push_back(100 * c.rate() / a.rate());
    against_fresh.push_back(100 * c.rate() / b.rate());
  }
  if (rounds > 1)
    std::printf(
        "merge cost, median of %d rounds: %.0f / %.0f / %.0f reports/s (before canonical events / merging, fresh / merging, %zu readings); "
        "%.0f%% of the rate before canonical events, %.0f%% of the fresh store's merging rate (bar: >= 80%%)\n",
        rounds, median(per_report_rates), median(fresh_rates), median(big_rates), n, median(against_per_report), median(against_fresh));
  if (rounds > 1)
    std::printf("CPU a report, median of %d rounds: %.2f / %.2f / %.2f ms (the same three)\n", rounds, median(per_report_cpu),
                median(fresh_cpu), median(big_cpu));
}

}  // namespace
