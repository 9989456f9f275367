// sitmap watch: a call into src/ingest (watch.hpp); Ctrl+C (SIGINT) or
// SIGTERM asks it to stop cleanly, a second one ends it at once (the
// batch then in its transaction is rolled back, nothing half stored).
#include <fmt/core.h>
#include <fmt/format.h>

#include <csignal>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "gazetteer/gazetteer.hpp"
#include "ingest/watch.hpp"

namespace sitmap::cli {
namespace {

struct WatchArgs {
  std::vector<std::string> folders;
  std::string db = Store::kDefaultPath;
  std::string index;
  size_t batch = 64;
};

WatchStop* running_watch = nullptr;

extern "C" void ask_watch_to_stop(int signal) {
  std::signal(signal, SIG_DFL);  // a second one ends the process
  if (running_watch) running_watch->request();
}

std::string status_text(const WatchStats& s, size_t folders) {
  return fmt::format("watching {} folder{}: {} documents ({:.1f}/s), {} stored, {} events added, {} errors", folders,
                     folders == 1 ? "" : "s", s.documents, s.documents_per_second, s.added, s.events, s.failed);
}

int run_watch(const WatchArgs& a) {
  const Gazetteer gaz = Gazetteer::open_default(a.index);
  StatusLine line;
  auto say = [&](const std::string& m) { line.print("sitmap watch: " + m); };
  WatchOptions options;
  options.folders = a.folders;
  options.store = a.db;
  options.batch_size = a.batch;
  options.on_error = say;
  options.on_notice = say;
  // On a terminal the status line tells the progress; in a log, a line per file.
  if (!line.enabled()) options.on_file = say;
  options.on_status = [&](const WatchStats& s) { line.show(status_text(s, a.folders.size())); };

  WatchStop stop;
  running_watch = &stop;
  struct sigaction action {};
  action.sa_handler = ask_watch_to_stop;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: the watch's poll returns at once
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  say(fmt::format("watching {} -> {} (Ctrl+C stops)", fmt::join(a.folders, ", "), a.db));
  WatchStats s;
  try {
    s = watch_folders(gaz, options, stop);
  } catch (...) {
    running_watch = nullptr;
    line.finish();
    throw;
  }
  running_watch = nullptr;
  line.finish();
  fmt::print(stderr, "sitmap watch: stopped: {} documents read, {} stored ({} events), {} already stored, {} failed -> {}\n", s.documents,
             s.added, s.events, s.already_stored, s.failed, a.db);
  return 0;
}

}  // namespace

void add_watch_commands(CLI::App& app, Action& action) {
  auto w = std::make_shared<WatchArgs>();
  auto* watch = app.add_subcommand("watch", "Ingest what lands in folders (reports, RSS/Atom feeds, JSON Lines) until Ctrl+C");
  watch->add_option("folders", w->folders, "folders to watch (their files, not subfolders)")->required()->check(CLI::ExistingDirectory);
  watch->add_option("--db", w->db, "GeoPackage path or PostGIS DSN \"PG:host=... dbname=...\"")->capture_default_str();
  watch->add_option("--index", w->index, "gazetteer index");
  watch->add_option("--batch-size", w->batch, "documents per transaction")->capture_default_str()->check(CLI::PositiveNumber);
  watch->callback([w, &action] { action = [w] { return run_watch(*w); }; });
}

}  // namespace sitmap::cli
