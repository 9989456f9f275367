// Store figures: a synthetic store of N events (default 1,000,000): build
// time and size; GeoJSON export by our writer against `ogr2ogr -f GeoJSON`
// on the same file (ratio, sizes); a one-week date-range query; ingest rate
// of real reports into a GeoPackage.
//   usage: store_bench WORK_DIR SAMPLES_DIR [N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
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
double mib(const fs::path& p) { return static_cast<double>(fs::file_size(p)) / (1 << 20); }

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

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_bench WORK_DIR SAMPLES_DIR [N]\n");
    return 2;
  }
  const fs::path work = argv[1];
  const size_t n = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 1000000;
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

  // GeoJSON export: ours, then GDAL's.
  const fs::path ours = work / "ours.geojson", gdal = work / "ogr2ogr.geojson";
  auto t = std::chrono::steady_clock::now();
  const size_t exported = export_events(store, {}, ours.string(), {});
  const double t_ours = seconds_since(t);
  std::printf("export GeoJSON (sitmap):  %zu features in %.2f s, %.1f MiB\n", exported, t_ours, mib(ours));
  fs::remove(gdal);
  const std::string cmd = "ogr2ogr -f GeoJSON " + gdal.string() + " " + gpkg.string() + " events";
  t = std::chrono::steady_clock::now();
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "store_bench: %s failed\n", cmd.c_str());
    return 1;
  }
  const double t_gdal = seconds_since(t);
  std::printf("export GeoJSON (ogr2ogr): %.2f s, %.1f MiB\n", t_gdal, mib(gdal));
  std::printf("export speed-up: %.1fx (bar: >= 5x)\n", t_gdal / t_ours);

  // One week in the middle of the ten years.
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

  // Ingest of real reports.
  const Gazetteer gaz = Gazetteer::open_default();
  const auto reports = make_reports(argv[2], work / "reports", 2000);
  const fs::path ingest_db = work / "ingest.gpkg";
  fs::remove(ingest_db);
  Store target = Store::open(ingest_db.string());
  t = std::chrono::steady_clock::now();
  const IngestResult r = ingest_files(target, gaz, reports);
  const double t_ingest = seconds_since(t);
  std::printf("ingest: %zu reports (%zu events, %zu mentions) in %.2f s = %.0f reports/s (bar: >= 300), %.1f MiB\n", r.added,
              r.events, r.mentions, t_ingest, static_cast<double>(r.added) / t_ingest, mib(ingest_db));
  return 0;
}
