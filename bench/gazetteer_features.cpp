// The features resolution weighs, dumped against a gold geoparsing set, for
// bench/gazetteer_tune.py to fit the weights of extract/toponyms.hpp from.
//   usage: gazetteer_features INDEX GOLD.jsonl > FEATURES.tsv
// Two kinds of line, tab-separated:
//   M doc half label demonym ev...   every recognised span (weights that keep
//                                    them all): label 1 when it overlaps a scored
//                                    gold toponym, 0 when it overlaps none, -1 on
//                                    an unscored one; half = document line % 2
//   C doc half mention km signal...   each candidate of a span matching a gold
//                                    toponym, with the default weights' context:
//                                    km from the gold point, then its raw Signal
//                                    values in toponyms.hpp's order
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extract/toponyms.hpp"
#include "gazetteer/gazetteer.hpp"

using namespace sitmap;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: gazetteer_features INDEX GOLD.jsonl\n");
    return 2;
  }
  const Gazetteer gaz = Gazetteer::open(argv[1]);
  const Lexicon& lex = Lexicon::builtin();
  std::ifstream in(argv[2]);
  if (!in) {
    std::fprintf(stderr, "gazetteer_features: cannot read %s\n", argv[2]);
    return 1;
  }
  ResolveWeights keep_all;
  keep_all.evidence.fill(0);
  keep_all.evidence[ev_bias] = 1;
  std::string line;
  for (size_t n = 0; std::getline(in, line); ++n) {
    const auto j = nlohmann::json::parse(line);
    Document doc;
    doc.id = j.value("id", "");
    doc.text = j.value("text", "");
    const int half = static_cast<int>(n % 2);
    struct Gold {
      uint32_t start, end;
      bool score;
      GeoPoint point;
    };
    std::vector<Gold> gold;
    for (const auto& t : j["toponyms"])
      gold.push_back({t["start"].get<uint32_t>(),
                      t["end"].get<uint32_t>(),
                      t.value("score", false),
                      {t["lat"].is_null() ? 0.0 : t["lat"].get<double>(), t["lon"].is_null() ? 0.0 : t["lon"].get<double>()}});
    auto overlapping = [&](const Mention& m) -> const Gold* {
      for (const auto& g : gold)
        if (m.start < g.end && g.start < m.end) return &g;
      return nullptr;
    };
    const Segmented seg = segment(doc.text);
    // Recognition: every span, kept whatever its evidence.
    std::vector<Mention> all = recognize_toponyms(doc, seg, gaz, lex);
    resolve_toponyms(all, gaz, doc, seg, lex, keep_all);
    for (const Mention& m : all) {
      const Gold* g = overlapping(m);
      std::printf("M\t%s\t%d\t%d\t%d", doc.id.c_str(), half, g ? (g->score ? 1 : -1) : 0, m.demonym ? 1 : 0);
      for (float e : m.evidence) std::printf("\t%.4f", e);
      std::printf("\n");
    }
    // Resolution: the spans the default weights keep, each candidate's signals.
    std::vector<Mention> kept = recognize_toponyms(doc, seg, gaz, lex);
    resolve_toponyms(kept, gaz, doc, seg, lex);
    const auto signals = explain_resolution(kept, gaz, doc, seg, lex);
    for (size_t i = 0; i < kept.size(); ++i) {
      const Gold* g = overlapping(kept[i]);
      if (!g || !g->score) continue;
      for (const auto& s : signals[i]) {
        std::printf("C\t%s\t%d\t%zu\t%.1f", doc.id.c_str(), half, i, haversine_km(gaz.place(s.entry).point, g->point));
        for (double v : s.value) std::printf("\t%.4g", v);
        std::printf("\n");
      }
    }
  }
  return 0;
}
