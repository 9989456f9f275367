// sitmap geoparse | sitmap extract | sitmap parse | sitmap summary
#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/event_json.hpp"
#include "extract/pipeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/chunker.hpp"
#include "text/dateline.hpp"
#include "text/reader.hpp"

namespace sitmap::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  bool jsonl = false;
  bool main_only = false;
  bool confidence_features = false;
  double min_confidence = 0;
  std::string index;
  std::optional<CivilDate> published;
};

int run_geoparse(const std::string& index) {
  const Gazetteer gaz = Gazetteer::open_default(index);
  std::ios::sync_with_stdio(false);
  for_each_jsonl_line(
      std::cin, "<stdin>",
      [&](size_t line, Document&& doc) {
        try {
          const Analysis a = locate_places(doc, gaz);
          std::cout << geoparse_json(doc, a.mentions, gaz).dump() << '\n';
        } catch (const GazetteerError&) { throw; } catch (const std::exception& e) {  // the one document fails, the rest go on
          const std::string message = "<stdin>:" + std::to_string(line) + ": cannot geoparse: " + e.what();
          std::cout << nlohmann::json{{"id", doc.id}, {"error", message}}.dump() << '\n';
          std::cerr << "sitmap geoparse: " << message << '\n';
        }
      },
      [&](size_t line, const std::string& id, const std::string& message) {
        std::cout << nlohmann::json{{"id", id.empty() ? nlohmann::json(nullptr) : nlohmann::json(id)}, {"error", message}}.dump() << '\n';
        std::cerr << "sitmap geoparse: " << message << '\n';
        (void)line;
      });
  return 0;
}

int run_extract(const ExtractArgs& args) {
  const Gazetteer gaz = Gazetteer::open_default(args.index);
  int rc = 0;
  auto emit = [&](Document& doc) {
    if (args.published) give_publication_date(doc, *args.published);
    try {
      const Analysis a = analyse(doc, gaz);
      for (const std::string& w : a.warnings) std::cerr << "sitmap extract: warning: " << w << '\n';
      for (size_t i = 0; i < a.events.size(); ++i) {
        const Event& e = a.events[i];
        if ((args.main_only && e.background) || e.confidence < args.min_confidence) continue;
        nlohmann::json line = event_json(e);
        if (args.confidence_features)
          for (const auto& [name, value] : a.confidence_features[i]) line["confidence_features"][name] = value;
        std::cout << line.dump() << '\n';
      }
    } catch (const GazetteerError&) { throw; } catch (const std::exception& e) {  // the one document fails, the rest go on
      std::cerr << "sitmap extract: " << doc.source << ": " << doc.id << ": cannot extract events: " << e.what() << '\n';
      rc = 1;
    }
  };
  if (args.jsonl) {
    for_each_jsonl_line(
        std::cin, "<stdin>", [&](size_t, Document&& doc) { emit(doc); },
        [&](size_t, const std::string&, const std::string& message) {
          std::cerr << "sitmap extract: " << message << '\n';
          rc = 1;
        });
  }
  for (const auto& path : args.files) {
    try {
      for_each_document_in_file(
          path, [&](Document&& doc) { emit(doc); },
          [&](const std::string& message) {
            std::cerr << "sitmap extract: " << message << '\n';
            rc = 1;
          });
    } catch (const InputError& e) {
      std::cerr << "sitmap extract: " << e.what() << '\n';
      rc = 1;  // the rest of the batch goes on
    }
  }
  return rc;
}

// Each sentence's tags, chunks and clauses: what event extraction reads.
int run_parse(const std::vector<std::string>& files) {
  auto show = [](const std::string& text) {
    const Segmented seg = segment(text);
    for (const Sentence& s : seg.sentences) {
      const Parse p = parse_sentence(text, seg, s, WordTable::shared());
      std::string tags;
      for (uint32_t k = 0; k < s.token_count; ++k)
        tags += fmt::format("{}{}/{}", k ? " " : "", token_text(text, seg.tokens[s.first_token + k]), pos_name(p.tags[k]));
      fmt::print("{}\n  {}\n", tags, describe(text, seg, s, p));
    }
  };
  if (files.empty()) {
    std::string line;
    while (std::getline(std::cin, line)) show(line);
  }
  for (const auto& f : files)
    for_each_document_in_file(
        f,
        [&](Document&& d) {
          fmt::print("# {} title: {} | byline: {} | published: {} | dateline: {}\n", d.id, d.title, d.byline,
                     d.published ? to_iso(*d.published) : "-",
                     d.dateline ? d.text.substr(d.dateline->start, d.dateline->end - d.dateline->start) : "-");
          show(d.text);
        },
        [](const std::string& m) { std::cerr << m << '\n'; });
  return 0;
}

// A table of an events file: what the demo prints.
int run_summary(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::string line;
  size_t n = 0, line_no = 0, background = 0;
  std::map<std::string, int> by_type;
  fmt::print("{:<11} {:<26} {:<22} {:<20} {:>5}  {}\n", "date", "sub_event_type", "actor1", "location", "dead", "source");
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    nlohmann::json e;
    try {
      e = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) { throw std::runtime_error(path + ":" + std::to_string(line_no) + ": not a JSON event"); }
    if (!e.is_object()) throw std::runtime_error(path + ":" + std::to_string(line_no) + ": not a JSON event (an object)");
    if (e.contains("background") && e["background"] == true) {
      ++background;
      continue;
    }
    ++n;
    auto str = [&](const char* k) { return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string(); };
    ++by_type[str("sub_event_type")];
    fmt::print("{:<11} {:<26} {:<22} {:<20} {:>5}  {}\n", str("event_date"), str("sub_event_type").substr(0, 26),
               str("actor1").substr(0, 22), str("location").substr(0, 20), e["fatalities"].is_number() ? e["fatalities"].dump() : "",
               str("document_id"));
  }
  fmt::print("\n{} events ({} background kept apart)\n", n, background);
  for (const auto& [t, c] : by_type) fmt::print("  {:>4}  {}\n", c, t);
  return 0;
}

}  // namespace

void add_text_commands(CLI::App& app, Action& action) {
  auto index = std::make_shared<std::string>();
  auto* geo = app.add_subcommand("geoparse", "Toponyms of JSON Lines documents on stdin, one JSON line out per document");
  geo->add_option("--index", *index, "gazetteer index");
  geo->callback([index, &action] { action = [index] { return run_geoparse(*index); }; });

  auto args = std::make_shared<ExtractArgs>();
  auto* ex = app.add_subcommand("extract", "Events of report files (txt, html) or JSON Lines on stdin, as JSON Lines");
  ex->add_option("files", args->files, "report files");
  ex->add_flag("--jsonl", args->jsonl, "read documents as JSON Lines from stdin");
  ex->add_flag("--no-background", args->main_only, "leave out background (campaign context) events");
  ex->add_option("--min-confidence", args->min_confidence, "leave out events below this confidence (0..1), as export's option")
      ->check(CLI::Range(0.0, 1.0));
  ex->add_flag("--confidence-features", args->confidence_features,
               "add each event's inputs to its confidence (what tools/fit_confidence.py fits the model on)");
  ex->add_option("--index", args->index, "gazetteer index");
  add_published_option(*ex, args->published);
  ex->callback([args, &action] {
    if (args->files.empty() && !args->jsonl) throw CLI::ValidationError("extract", "give report files, or --jsonl to read stdin");
    action = [args] { return run_extract(*args); };
  });

  auto parse_files = std::make_shared<std::vector<std::string>>();
  auto* parse =
      app.add_subcommand("parse", "Print each sentence's parts of speech, chunks and clauses (one sentence a line on stdin, or files)");
  parse->add_option("files", *parse_files, "report files");
  parse->callback([parse_files, &action] { action = [parse_files] { return run_parse(*parse_files); }; });

  auto path = std::make_shared<std::string>();
  auto* sum = app.add_subcommand("summary", "Print a table of an events JSON Lines file");
  sum->add_option("events", *path, "events file (from sitmap extract)")->required();
  sum->callback([path, &action] { action = [path] { return run_summary(*path); }; });
}

}  // namespace sitmap::cli
