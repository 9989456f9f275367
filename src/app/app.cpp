#include "app/app.hpp"

#include <fmt/core.h>
#include <imgui.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <optional>

#include "app/headless_context.hpp"
#include "app/viewer.hpp"
#include "core/file_formats.hpp"
#include "geo/reproject.hpp"
#include "render/basemap.hpp"
#include "render/offscreen.hpp"
#include "store/import.hpp"
#include "ingest/ingest.hpp"
#include "store/synthetic.hpp"

namespace sitmap {
namespace {

namespace fs = std::filesystem;

bool is_store_path(const std::string& s) {
  const FileFormat f = format_of_path(s);
  return f == FileFormat::postgis || f == FileFormat::gpkg;
}
// A layer of events (GeoJSON ours or another's, FlatGeobuf ...) rather than reports.
bool is_event_layer(const std::string& s) { return file_format(format_of_path(s)).layer_in; }

std::optional<Gazetteer> open_gazetteer_quietly() {
  try {
    return Gazetteer::open_default();
  } catch (const std::exception& e) {
    fmt::print(stderr, "sitmap: {} (no place labels, and reports cannot be added)\n", e.what());
    return std::nullopt;
  }
}

// A store to show: a GeoPackage read-only (reports dropped on the window
// are written through a writer opened for them, so the viewer does not keep
// other writers waiting), PostGIS for update.
Store open_store_to_view(const std::string& location) {
  return Store::open(location, is_postgis_dsn(location) ? Store::Mode::update : Store::Mode::read);
}

// The store to show: a GeoPackage or PostGIS store as is; GeoJSON layers and
// report files are loaded into a temporary GeoPackage first.
Store open_inputs(const std::vector<std::string>& inputs, const Gazetteer* gaz, std::string& temp_dir) {
  if (inputs.empty()) {
    if (fs::exists(Store::kDefaultPath)) return open_store_to_view(Store::kDefaultPath);
    throw std::invalid_argument("nothing to show: give a store (.gpkg, PG:...), GeoJSON or report files");
  }
  if (inputs.size() == 1 && is_store_path(inputs[0])) {
    if (!is_postgis_dsn(inputs[0]) && !fs::exists(inputs[0])) throw std::runtime_error(inputs[0] + ": no such store");
    return open_store_to_view(inputs[0]);
  }
  char tmpl[] = "/tmp/sitmap-view-XXXXXX";
  temp_dir = mkdtemp(tmpl);
  Store store = Store::open(temp_dir + "/view.gpkg");
  std::vector<std::string> reports;
  for (const auto& in : inputs) {
    if (is_store_path(in)) throw std::invalid_argument(in + ": open a store on its own (sitmap view " + in + ")");
    // Features with impossible values are reported and left out.
    if (is_event_layer(in))
      import_event_layer(store, in, [](const std::string& m) { fmt::print(stderr, "sitmap: {}\n", m); });
    else
      reports.push_back(in);
  }
  if (!reports.empty()) {
    if (!gaz) throw std::runtime_error("cannot read reports without the gazetteer index");
    IngestOptions options;
    options.on_error = [](const std::string& m) { fmt::print(stderr, "sitmap: {}\n", m); };
    const IngestResult r = ingest_files(store, *gaz, reports, options);
    fmt::print(stderr, "sitmap: {} reports read, {} events\n", r.added, r.events);
  }
  return store;
}

struct TempDirCleanup {
  std::string dir;
  ~TempDirCleanup() {
    if (!dir.empty()) {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  }
};

// A file's pages dropped from the page cache (written back first), so the
// next read comes from the disk: a "cold" start without dropping every
// other process's cache.
void push_out_of_page_cache(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fdatasync(fd);
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  ::close(fd);
}

// Every file's pages dropped (root only; other processes' too): what a
// first open after a reboot finds. False when the kernel refuses.
bool drop_page_cache() {
  ::sync();
  std::FILE* f = std::fopen("/proc/sys/vm/drop_caches", "w");
  if (!f) return false;
  const bool ok = std::fputs("3", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

void read_into_page_cache(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return;
  static char buffer[1 << 20];
  while (std::fread(buffer, 1, sizeof buffer, f) == sizeof buffer) {}
  std::fclose(f);
}

// A cache directory of the bench's own while it lives (the user's is left
// alone), removed after.
struct BenchCacheDir {
  fs::path dir = fs::temp_directory_path() / fmt::format("sitmap-bench-cache-{}", ::getpid());
  std::optional<std::string> user =
      std::getenv("SITMAP_CACHE_DIR") ? std::optional<std::string>(std::getenv("SITMAP_CACHE_DIR")) : std::nullopt;
  BenchCacheDir() { ::setenv("SITMAP_CACHE_DIR", dir.c_str(), 1); }
  BenchCacheDir(const BenchCacheDir&) = delete;
  ~BenchCacheDir() {
    if (user)
      ::setenv("SITMAP_CACHE_DIR", user->c_str(), 1);
    else
      ::unsetenv("SITMAP_CACHE_DIR");
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// CPU seconds of this process so far, every thread, user and system: on a
// machine other jobs share, the wall time counts their work too.
double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

}  // namespace

int run_viewer(const ViewOptions& o) {
  const auto gaz = open_gazetteer_quietly();
  TempDirCleanup temp;
  Store store = open_inputs(o.inputs, gaz ? &*gaz : nullptr, temp.dir);
  WindowOptions wo;
  wo.width = o.width;
  wo.height = o.height;
  wo.visible = !o.hidden;
  wo.title = "Sitmap - " + store.location();
  PlatformWindow window(wo);
  Viewer viewer(std::move(store), gaz ? &*gaz : nullptr, o.projection, window.width(), window.height());
  viewer.set_filter(o.filter);
  std::optional<ScriptRunner> script;
  if (!o.script.empty()) script = ScriptRunner::load(o.script);
  std::string screenshot;
  double last = window.time();
  while (!window.should_close()) {
    window.begin_frame();
    const double now = window.time();
    viewer.frame(window, now - last);
    last = now;
    window.end_frame();
    if (!screenshot.empty()) {
      write_png(screenshot, window.width(), window.height(), read_framebuffer_rgba(0, window.width(), window.height()));
      screenshot.clear();
    }
    window.present();
    if (script && !script->step(viewer, window, screenshot) && screenshot.empty()) break;
  }
  return 0;
}

int run_render(const RenderOptions& o) {
  const auto gaz = open_gazetteer_quietly();
  TempDirCleanup temp;
  Store store = open_inputs(o.inputs, gaz ? &*gaz : nullptr, temp.dir);
  WindowOptions wo;
  wo.width = 64;
  wo.height = 64;
  wo.visible = false;
  PlatformWindow window(wo);
  window.begin_frame();  // builds the font atlas the labels use
  Viewer viewer(std::move(store), gaz ? &*gaz : nullptr, o.projection, o.width, o.height);
  ViewerState& s = viewer.state();
  viewer.set_filter(o.filter);
  const auto length = parse_window_length(o.window);
  if (!length) throw std::invalid_argument("--window '" + o.window + "': want 7d, 2w, 1m, 1y or a number of days");
  if (!o.time.empty()) {
    const auto day = viewer.day_of(o.time);
    if (!day) throw std::invalid_argument("--time '" + o.time + "': not a date (YYYY-MM-DD)");
    s.time.to = *day;
  }
  s.time.from = s.time.to - static_cast<float>(*length - 1);
  if (const auto& box = o.filter.bbox) {
    Reprojector proj(projection_crs(o.projection));
    double x0, y0, x1, y1;
    proj.forward(box->west, std::max(box->south, -85.0), x0, y0);
    proj.forward(box->east, std::min(box->north, 85.0), x1, y1);
    s.camera.fit(x0, y0, x1, y1);
    s.camera.scale /= 1.25;  // the box itself, no margin
  } else {
    viewer.fit_to_events();
  }
  viewer.render_png(o.output, o.width, o.height);
  ImGui::EndFrame();
  fmt::print(stderr, "sitmap render: {} ({}x{}, {} to {}, {} events) -> {}\n", viewer.store().location(), o.width, o.height,
             viewer.day_label(std::ceil(s.time.from)), viewer.day_label(s.time.to), viewer.count_in_window(), o.output);
  return 0;
}

int run_bench_render(const BenchRenderOptions& o) {
  WindowOptions wo;
  wo.width = 64;
  wo.height = 64;
  wo.visible = false;
  wo.vsync = false;
  auto t = std::chrono::steady_clock::now();
  // The store's first frames are the viewer's own, ImGui frame and all: they need its window.
  if (o.headless && !o.store.empty()) throw std::invalid_argument("--store times the viewer's window: drop --headless");
  std::optional<PlatformWindow> window;
  std::optional<HeadlessContext> headless;
  if (o.headless)
    headless.emplace();
  else
    window.emplace(wo);
  const std::string renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  // Mesa's software rasterizers: frame times of the CPU, not of a GPU.
  const bool gpu = renderer.find("llvmpipe") == std::string::npos && renderer.find("softpipe") == std::string::npos &&
                   renderer.find("SWR") == std::string::npos;
  fmt::print("renderer: {} | {}{}\n", renderer, reinterpret_cast<const char*>(glGetString(GL_VERSION)),
             gpu ? "" : " (no GPU: software rendering; the real-GPU frame bars are not measured here)");
  fmt::print("{}: {:.0f} ms\n", headless ? "headless context (EGL, " + headless->display() + ")" : std::string("window and context"),
             seconds_since(t) * 1000);

  if (!o.store.empty()) {
    if (!fs::exists(o.store) && !is_postgis_dsn(o.store)) {
      fmt::print("making {} with 1,000,000 synthetic events...\n", o.store);
      Store s = Store::open(o.store);
      add_synthetic_events(s, 1000000);
    }
    // The first frame with the store's event table cache and without it (a
    // cache directory of the bench's own: the user's is left alone), each
    // with the store in the page cache and pushed out of it.
    const BenchCacheDir bench_cache;
    const fs::path& cache = bench_cache.dir;
    struct Run {
      const char* what;
      bool cold, fresh_cache;
    };
    const Run runs[] = {{"warm, first open (no cache yet; writes it)", false, true},
                        {"warm, cached", false, false},
                        {"cold, cached", true, false},
                        {"cold, first open (no cache yet; writes it)", true, true}};
    for (const Run& run : runs) {
      if (run.fresh_cache) fs::remove_all(cache);
      // Cold: the store's pages (and its cache file's) pushed out, or with
      // SITMAP_BENCH_DROP_CACHES=1 (root) every file's: libraries, gazetteer, basemap too.
      if (!run.cold) {
        read_into_page_cache(o.store);
      } else if (!(std::getenv("SITMAP_BENCH_DROP_CACHES") && drop_page_cache())) {
        push_out_of_page_cache(o.store);
        push_out_of_page_cache(o.store + "-wal");
        if (fs::exists(cache))
          for (const auto& e : fs::directory_iterator(cache)) push_out_of_page_cache(e.path().string());
      }
      window->begin_frame();
      t = std::chrono::steady_clock::now();
      const double cpu0 = cpu_seconds();
      const auto gaz = open_gazetteer_quietly();
      Store store = open_store_to_view(o.store);  // as the viewer opens it
      const auto t_open = seconds_since(t);
      Viewer viewer(std::move(store), gaz ? &*gaz : nullptr, MapProjection::web_mercator, o.width, o.height);
      const auto t_loaded = seconds_since(t);
      viewer.scene().draw(viewer.state().camera, viewer.draw_params());
      glFinish();
      const double t_frame = seconds_since(t), cpu_frame = cpu_seconds() - cpu0;
      // A store read in two steps: the rest came meanwhile, or comes now.
      const bool in_steps = !viewer.table_complete();
      const size_t first_rows = viewer.table().size();
      viewer.complete_table();
      const double t_complete = seconds_since(t);
      const std::string steps =
          !in_steps ? ""
          : first_rows < viewer.table().size()
              ? fmt::format("; drawn from the first window's {} events, the whole table in at {:.2f} s", first_rows, t_complete)
              : fmt::format("; the table's actors, places and datasets at {:.2f} s", t_complete);
      fmt::print(
          "time to first frame, {}, {} ({} events): {:.2f} s (bar: <= 1.0 s) (open {:.2f} s, load + GPU upload {:.2f} s, draw {:.2f} "
          "s; CPU {:.2f} s, every thread){}\n",
          o.store, run.what, viewer.table().size(), t_frame, t_open, t_loaded - t_open, t_frame - t_loaded, cpu_frame, steps);
      ImGui::EndFrame();
    }
    if (o.first_frame_only) return 0;

    // Zooming in to the 10m basemap: triangulated once per data version,
    // then read back from its cache file.
    for (const char* what : {"triangulated (once per data version; writes its cache file)", "from its cache file"}) {
      Basemap basemap(MapProjection::web_mercator);
      Camera near;
      near.scale = 500;  // metres a pixel: the 10m level
      t = std::chrono::steady_clock::now();
      const int level = basemap.prepare(near, true);
      fmt::print("zoom to the 10m basemap, {}: {:.2f} s ({} triangles)\n", what, seconds_since(t), basemap.triangles(level));
    }
  }

  for (const size_t n : o.counts) {
    t = std::chrono::steady_clock::now();
    EventTableBuilder builder;
    for (size_t first = 0; first < n; first += 100000)
      for (const Event& e : synthetic_events(first, std::min<size_t>(100000, n - first))) builder.add(e, "sitmap", -1);
    const EventTable table = builder.finish();
    MapScene scene(table, MapProjection::web_mercator, nullptr);
    Camera camera;
    camera.width = o.width;
    camera.height = o.height;
    scene.fit_events(camera);
    OffscreenTarget target(o.width, o.height);
    target.bind();
    glFinish();
    fmt::print("{} events: table + upload {:.2f} s, {} MiB of instances\n", n, seconds_since(t), n * 24 / (1 << 20));
    for (const EventStyle style : {EventStyle::markers, EventStyle::density}) {
      EventDrawParams p;
      p.style = style;
      std::vector<double> ms;
      size_t max_upload = 0, uploading_frames = 0;  // a basemap layer built on its thread uploads once, when ready
      const auto budget = std::chrono::steady_clock::now();
      for (int f = 0; f < o.frames && (f < 5 || seconds_since(budget) < 30); ++f) {
        p.window_from = static_cast<float>(f * 3 % kSyntheticDays);  // scrub: a 30-day window moving 3 days a frame
        p.window_to = p.window_from + 29;
        const size_t before = gl::uploaded_bytes();
        const auto f0 = std::chrono::steady_clock::now();
        scene.draw(camera, p);
        glFinish();
        ms.push_back(seconds_since(f0) * 1000);
        max_upload = std::max(max_upload, gl::uploaded_bytes() - before);
        uploading_frames += gl::uploaded_bytes() > before;
      }
      const size_t drawn = ms.size();
      if (ms.size() > 1) ms.erase(ms.begin());  // the first frame allocates (density target)
      std::sort(ms.begin(), ms.end());
      const double median = ms[ms.size() / 2], p99 = ms[std::min(ms.size() - 1, static_cast<size_t>(std::ceil(ms.size() * 0.99)) - 1)];
      // Issue 15's bars, for a real GPU at 1280x720: 1M markers, 10M as density.
      const bool markers_bar = style == EventStyle::markers && n == 1000000, density_bar = style == EventStyle::density && n == 10000000;
      const std::string bar = !markers_bar && !density_bar
                                  ? ""
                                  : fmt::format(" ({} {}; bar on a real GPU: <= {} ms{})", markers_bar ? "1M" : "10M",
                                                markers_bar ? "markers" : "density", markers_bar ? 8 : 33, gpu ? "" : "; no GPU here");
      const std::string uploads =
          max_upload == 0 ? "0 bytes" : fmt::format("at most {} bytes (in {} of {} frames)", max_upload, uploading_frames, drawn);
      fmt::print("  {:<8} {:>4} frames: median {:8.2f} ms, p99 {:8.2f} ms, uploaded per frame {}{}\n",
                 style == EventStyle::markers ? "markers" : "density", ms.size(), median, p99, uploads, bar);
    }
    OffscreenTarget::unbind();
  }
  return 0;
}

}  // namespace sitmap
