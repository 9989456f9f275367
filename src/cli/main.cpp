// sitmap: news reports in, a map of events out. A thin shell: every
// subcommand is a library call (see commands.hpp).
#include <cstdio>
#include <exception>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"sitmap: extract geolocated events from news reports, store, export and view them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sitmap 0.1.0");
  sitmap::cli::Action action;
  sitmap::cli::add_gazetteer_commands(app, action);
  sitmap::cli::add_text_commands(app, action);
  sitmap::cli::add_store_commands(app, action);
  sitmap::cli::add_view_commands(app, action);
  sitmap::cli::add_watch_commands(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  try {
    return action ? action() : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sitmap: %s\n", e.what());
    return 1;
  }
}
