// sitmap gazetteer build | sitmap geocode
#include <fmt/core.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "extract/toponyms.hpp"
#include "text/dateline.hpp"
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
  std::string country, index, context;
  size_t limit = 5;
  bool json = false, no_fuzzy = false;
};

// "--context TEXT": each name resolved as a mention in TEXT, with the
// signals that ranked its candidates (why the first one won).
int run_geocode_in_context(const Gazetteer& g, const GeocodeArgs& a) {
  int rc = 0;
  for (const auto& name : a.names) {
    Document doc;
    doc.id = "context";
    doc.text = a.context + (a.context.empty() ? "" : " ") + "In " + name + ".";
    doc.dateline = find_dateline(doc.text);
    const Segmented seg = segment(doc.text);
    std::vector<Mention> mentions = recognize_toponyms(doc, seg, g, Lexicon::builtin());
    resolve_toponyms(mentions, g, doc, seg);
    settle_toponyms(mentions, g, doc);
    const auto signals = explain_resolution(mentions, g, doc, seg);
    const uint32_t start = static_cast<uint32_t>(doc.text.size() - name.size() - 1);
    size_t i = 0;
    while (i < mentions.size() && mentions[i].start != start) ++i;
    if (i == mentions.size() || mentions[i].candidates.empty()) {
      fmt::print(stderr, "sitmap geocode: \"{}\" is no place in that context\n", name);
      rc = 1;
      continue;
    }
    fmt::print("{} (span log-odds of a place {:.2f})\n", name, mentions[i].place_odds);
    const ResolveWeights w;
    for (size_t c = 0; c < signals[i].size() && c < a.limit; ++c) {
      const CandidateSignals& s = signals[i][c];
      const Place p = g.place(s.entry);
      std::string why;
      for (size_t k = 0; k < sig_count; ++k)
        if (s.value[k] != 0 && w.signal[k] != 0)
          why += fmt::format(" {}{:+.2f}", signal_name(static_cast<Signal>(k)), w.signal[k] * s.value[k]);
      fmt::print("  {}. {} ({} {}, {}{}{}) {:.5f} {:.5f} score {:.2f}:{}\n", c + 1, p.name, kind_name(p.kind), p.feature, p.country_code,
                 p.admin1.empty() ? "" : ", ", p.admin1, p.point.lat, p.point.lon, s.total, why);
    }
  }
  return rc;
}

int run_geocode(const GeocodeArgs& a) {
  const Gazetteer g = Gazetteer::open_default(a.index);
  if (!a.context.empty()) return run_geocode_in_context(g, a);
  GeocodeOptions opt;
  opt.country = a.country;
  opt.limit = a.limit;
  opt.fuzzy = !a.no_fuzzy;
  int rc = 0;
  for (const auto& name : a.names) {
    const auto cands = g.geocode(name, opt);
    if (cands.empty()) {
      fmt::print(stderr, "sitmap geocode: no place named \"{}\"{}\n", name, a.country.empty() ? "" : " in " + a.country);
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
      fmt::print("  {}. {} ({} {}, {}{}{}) {:.5f} {:.5f} pop {} [{}{}] score {:.2f}\n", i + 1, p.name, kind_name(p.kind), p.feature,
                 p.country_code, p.admin1.empty() ? "" : ", ", p.admin1, p.point.lat, p.point.lon, p.population, how_name(cands[i].how),
                 cands[i].fuzzy ? ", fuzzy" : "", cands[i].prior);
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
      fmt::print(stderr, "gazetteer: {} entries, {} names, {} skeletons, {:.1f} MB in {:.2f} s -> {}\n", s.entries, s.keys, s.skeletons,
                 s.file_bytes / 1e6, s.seconds, opts->output);
      for (const auto& [table, n] : s.rows_skipped)
        fmt::print(stderr, "gazetteer: {}: skipped {} malformed rows of {}\n", table, n, s.rows_read.at(table));
      for (const auto& [table, n] : s.rows_unmatched) fmt::print(stderr, "gazetteer: {}: {} rows name a place the data lacks\n", table, n);
      for (const auto& [table, n] : s.rows_added)
        fmt::print(stderr, "gazetteer: {}: added {} of {} rows, places the other sources lack\n", table, n, s.rows_read.at(table));
      for (const auto& note : s.notes) fmt::print(stderr, "gazetteer: {}\n", note);
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
  geo->add_option("--context", args->context,
                  "resolve each name as a place in this text (a report's other sentences) and show each candidate's signals");
  geo->add_option("--index", args->index, "gazetteer index (default: $SITMAP_GAZETTEER or the build tree's)");
  geo->callback([args, &action] { action = [args] { return run_geocode(*args); }; });
}

}  // namespace sitmap::cli
