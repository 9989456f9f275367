// sitmap gazetteer build | sitmap geocode
#include <fmt/core.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "gazetteer/builder.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/words.hpp"

namespace sitmap::cli {
namespace {

std::string exe_dir() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "." : p.parent_path().string();
}

nlohmann::json candidate_json(const Gazetteer& g, const Candidate& c) {
  const Place p = g.place(c.entry);
  nlohmann::json j = {{"name", p.name},
                      {"kind", kind_name(p.kind)},
                      {"feature", p.feature},
                      {"country", p.country_code},
                      {"admin1", p.admin1},
                      {"lat", p.point.lat},
                      {"lon", p.point.lon},
                      {"population", p.population},
                      {"geonameid", p.geonameid ? nlohmann::json(p.geonameid) : nlohmann::json(nullptr)},
                      {"match", how_name(c.how)},
                      {"fuzzy", c.fuzzy},
                      {"score", std::round(c.prior * 1000) / 1000}};
  if (!p.demonyms.empty()) j["demonyms"] = p.demonyms;
  return j;
}

struct GeocodeArgs {
  std::vector<std::string> names;
  std::string country, index;
  size_t limit = 5;
  bool json = false, no_fuzzy = false;
};

int run_geocode(const GeocodeArgs& a) {
  const Gazetteer g = Gazetteer::open(a.index.empty() ? Gazetteer::default_path() : a.index);
  GeocodeOptions opt;
  opt.country = a.country;
  opt.limit = a.limit;
  opt.fuzzy = !a.no_fuzzy;
  int rc = 0;
  for (const auto& name : a.names) {
    const auto cands = g.geocode(name, opt);
    if (cands.empty()) {
      fmt::print(stderr, "sitmap geocode: no place named \"{}\"{}\n", name,
                 a.country.empty() ? "" : " in " + a.country);
      rc = 1;
      if (a.json) fmt::print("{}\n", nlohmann::json{{"query", name}, {"candidates", nlohmann::json::array()}}.dump());
      continue;
    }
    if (a.json) {
      nlohmann::json out = {{"query", name}, {"candidates", nlohmann::json::array()}};
      for (const auto& c : cands) out["candidates"].push_back(candidate_json(g, c));
      fmt::print("{}\n", out.dump());
      continue;
    }
    fmt::print("{}\n", name);
    for (size_t i = 0; i < cands.size(); ++i) {
      const Place p = g.place(cands[i].entry);
      fmt::print("  {}. {} ({} {}, {}{}{}) {:.5f} {:.5f} pop {} [{}{}] score {:.2f}\n", i + 1, p.name,
                 kind_name(p.kind), p.feature, p.country_code, p.admin1.empty() ? "" : ", ", p.admin1, p.point.lat,
                 p.point.lon, p.population, how_name(cands[i].how), cands[i].fuzzy ? ", fuzzy" : "",
                 cands[i].prior);
    }
  }
  return rc;
}

}  // namespace

void add_gazetteer_commands(CLI::App& app, Action& action) {
  auto* gaz = app.add_subcommand("gazetteer", "Build or inspect the gazetteer index");
  gaz->require_subcommand(1);
  auto* build = gaz->add_subcommand("build", "Build the index from the pinned data packages and geodata/");
  auto opts = std::make_shared<BuildOptions>();
  opts->data_dir = exe_dir() + "/geodata/node_modules";
  opts->curated_dir = SITMAP_SOURCE_DIR "/geodata";
  opts->output = exe_dir() + "/gazetteer.idx";
  build->add_option("--data", opts->data_dir, "folder holding the installed data packages")->capture_default_str();
  build->add_option("--curated", opts->curated_dir, "folder holding Sitmap's curated tables")->capture_default_str();
  build->add_option("-o,--output", opts->output, "index file to write")->capture_default_str();
  build->callback([opts, &action] {
    action = [opts] {
      const BuildStats s = build_gazetteer(*opts);
      fmt::print(stderr, "gazetteer: {} entries, {} names, {} skeletons, {:.1f} MB in {:.2f} s -> {}\n", s.entries,
                 s.keys, s.skeletons, s.file_bytes / 1e6, s.seconds, opts->output);
      for (const auto& [table, n] : s.rows_skipped)
        fmt::print(stderr, "gazetteer: {}: skipped {} malformed rows of {}\n", table, n, s.rows_read.at(table));
      for (const auto& [table, n] : s.rows_unmatched)
        fmt::print(stderr, "gazetteer: {}: {} rows name a place the data lacks\n", table, n);
      // The word table (parts of speech) is built beside it from the same data folder.
      const std::string words = (std::filesystem::path(opts->output).parent_path() / "words.idx").string();
      const size_t n = build_word_table(opts->data_dir + "/en-lexicon/dist/lexicon.js", words);
      fmt::print(stderr, "words: {} words -> {}\n", n, words);
      return 0;
    };
  });

  auto* geo = app.add_subcommand("geocode", "Print the ranked gazetteer candidates for place names");
  auto args = std::make_shared<GeocodeArgs>();
  geo->add_option("names", args->names, "place names (\"Paris, Texas\", \"Deir Ezzor province\")")->required();
  geo->add_option("--country", args->country, "keep only places in this ISO 3166-1 alpha-2 country");
  geo->add_option("--limit", args->limit, "candidates per name")->capture_default_str()->check(CLI::PositiveNumber);
  geo->add_flag("--json", args->json, "one JSON object per name");
  geo->add_flag("--no-fuzzy", args->no_fuzzy, "exact (folded) matches only");
  geo->add_option("--index", args->index, "gazetteer index (default: $SITMAP_GAZETTEER or the build tree's)");
  geo->callback([args, &action] { action = [args] { return run_geocode(*args); }; });
}

}  // namespace sitmap::cli
