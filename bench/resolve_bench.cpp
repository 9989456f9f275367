// One long report through the extraction stages, timed stage by stage: the
// sample reports concatenated to each size (a 15 MB report once took over
// ten minutes in resolve_toponyms, which compared every mention's
// candidates with every anchor).
//   usage: resolve_bench INDEX REPORTS_DIR|TEXT_FILE [MiB ...]   (default 0.2 0.8 4 16)
// A text file instead of the reports directory is repeated instead (a
// hostile case: one sentence of place names with no full stop).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/events.hpp"
#include "extract/toponyms.hpp"
#include "gazetteer/gazetteer.hpp"
#include "text/reader.hpp"

namespace {
double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::string sample_text(const std::string& dir_or_file) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(dir_or_file))
    files.push_back(dir_or_file);
  else
    for (const auto& e : std::filesystem::directory_iterator(dir_or_file))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::ostringstream s;
    s << in.rdbuf();
    all += s.str() + (files.size() > 1 ? "\n\n" : "");
  }
  return all;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: resolve_bench INDEX REPORTS_DIR|TEXT_FILE [MiB ...]\n");
    return 2;
  }
  const sitmap::Gazetteer gaz = sitmap::Gazetteer::open(argv[1]);
  const sitmap::Lexicon& lex = sitmap::Lexicon::builtin();
  const std::string samples = sample_text(argv[2]);
  std::vector<double> sizes;
  for (int i = 3; i < argc; ++i) sizes.push_back(std::stod(argv[i]));
  if (sizes.empty()) sizes = {0.2, 0.8, 4, 16};
  std::printf("%8s %9s %9s %10s %9s %9s %9s\n", "MiB", "mentions", "segment", "recognize", "resolve", "settle", "events");
  for (const double mib : sizes) {
    const size_t bytes = std::min<size_t>(static_cast<size_t>(mib * 1024 * 1024), sitmap::kMaxDocumentBytes);
    std::string text;
    while (text.size() + samples.size() <= bytes) text += samples;
    text += samples.substr(0, bytes - text.size());
    sitmap::Document doc = sitmap::parse_plain_text(text, "long", "long.txt");
    auto t = std::chrono::steady_clock::now();
    const sitmap::Segmented seg = sitmap::segment(doc.text);
    const double t_segment = seconds_since(t);
    t = std::chrono::steady_clock::now();
    std::vector<sitmap::Mention> mentions = sitmap::recognize_toponyms(doc, seg, gaz, lex);
    const double t_recognize = seconds_since(t);
    t = std::chrono::steady_clock::now();
    sitmap::resolve_toponyms(mentions, gaz, doc, seg, lex);
    const double t_resolve = seconds_since(t);
    t = std::chrono::steady_clock::now();
    sitmap::settle_toponyms(mentions, gaz, doc);
    const double t_settle = seconds_since(t);
    t = std::chrono::steady_clock::now();
    const auto events = sitmap::extract_events(doc, seg, mentions, gaz, lex);
    const double t_events = seconds_since(t);
    std::printf("%8.2f %9zu %8.2fs %9.2fs %8.2fs %8.2fs %8.2fs\n", static_cast<double>(bytes) / (1024 * 1024), mentions.size(), t_segment,
                t_recognize, t_resolve, t_settle, t_events);
    std::fflush(stdout);
  }
  return 0;
}
