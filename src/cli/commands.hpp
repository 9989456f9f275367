#pragma once
// Each `sitmap` subcommand registers itself on the app; main() only parses
// and runs. Exit codes: 0 success, 1 bad input, 2 bad usage.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "store/filter.hpp"

namespace sitmap::cli {

// A subcommand's body; returns the process exit code.
using Action = std::function<int()>;

// The filter options `sitmap export`, `sitmap render` and `sitmap view`
// share: one EventFilter, every part of it, for all three.
struct FilterArgs {
  std::string from, to, country, bbox, within, dataset;
  std::vector<std::string> types, actors;
  bool no_background = false;
  double min_confidence = 0;
};
void add_filter_options(CLI::App& command, FilterArgs& args);
// The filter the options give; throws std::invalid_argument saying which
// option is wrong and why.
EventFilter parse_filter_args(const FilterArgs& args);

// `--published DATE` of extract and ingest: a day YYYY-MM-DD, checked when parsed.
void add_published_option(CLI::App& command, std::optional<CivilDate>& published);

void add_gazetteer_commands(CLI::App& app, Action& action);
void add_text_commands(CLI::App& app, Action& action);
void add_store_commands(CLI::App& app, Action& action);
void add_view_commands(CLI::App& app, Action& action);
void add_watch_commands(CLI::App& app, Action& action);

}  // namespace sitmap::cli
