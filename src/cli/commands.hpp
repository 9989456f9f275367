#pragma once
// Each `sitmap` subcommand registers itself on the app; main() only parses
// and runs. Exit codes: 0 success, 1 bad input, 2 bad usage.
#include <CLI/CLI.hpp>
#include <functional>

namespace sitmap::cli {

// A subcommand's body; returns the process exit code.
using Action = std::function<int()>;

void add_gazetteer_commands(CLI::App& app, Action& action);
void add_text_commands(CLI::App& app, Action& action);
void add_store_commands(CLI::App& app, Action& action);
void add_view_commands(CLI::App& app, Action& action);
void add_watch_commands(CLI::App& app, Action& action);

}  // namespace sitmap::cli
