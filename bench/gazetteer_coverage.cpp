// Gazetteer coverage on the geoparsing development sets: the share of scored
// gold toponyms for which the index holds an entry, by folded name or alias
// (exact, no fuzzy), within 161 km of the gold point.
//   usage: gazetteer_coverage INDEX DIR [--misses N]   (DIR holds lgl.jsonl, geovirus.jsonl)
// Exit status: 1 when a corpus is under 0.85; 77 (ctest's "skipped") when a
// corpus is not there to measure, so a missing ../shared is never a pass.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "gazetteer/gazetteer.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gazetteer_coverage INDEX DIR [--misses N]\n");
    return 2;
  }
  const size_t show = argc >= 5 && std::strcmp(argv[3], "--misses") == 0 ? std::stoul(argv[4]) : 0;
  const auto g = sitmap::Gazetteer::open(argv[1]);
  int rc = 0;
  bool missing = false;
  for (const char* corpus : {"lgl", "geovirus"}) {
    const std::string path = std::string(argv[2]) + "/" + corpus + ".jsonl";
    std::ifstream in(path);
    if (!in) {
      std::printf("%-9s skipped: %s not found (it lives in ../shared/data/geoparse)\n", corpus, path.c_str());
      missing = true;
      continue;
    }
    size_t scored = 0, covered = 0;
    std::map<std::string, int> misses;
    std::string line;
    while (std::getline(in, line)) {
      const auto doc = nlohmann::json::parse(line);
      for (const auto& t : doc["toponyms"]) {
        if (!t.value("score", false) || t["lat"].is_null()) continue;
        ++scored;
        const sitmap::GeoPoint gold{t["lat"].get<double>(), t["lon"].get<double>()};
        const auto cands = g.lookup(t["text"].get<std::string>());
        const bool hit = std::any_of(cands.begin(), cands.end(),
                                     [&](const sitmap::Candidate& c) { return sitmap::haversine_km(g.place(c.entry).point, gold) <= 161; });
        covered += hit;
        if (!hit) ++misses[t["text"].get<std::string>()];
      }
    }
    std::printf("%-9s coverage@161km %.4f (%zu of %zu scored gold toponyms)\n", corpus, scored ? double(covered) / scored : 0.0, covered,
                scored);
    if (show) {
      std::vector<std::pair<int, std::string>> top;
      for (auto& [k, v] : misses) top.emplace_back(v, k);
      std::sort(top.rbegin(), top.rend());
      for (size_t i = 0; i < std::min(show, top.size()); ++i) std::printf("  miss %3d %s\n", top[i].first, top[i].second.c_str());
    }
    if (scored && double(covered) / scored < 0.85) rc = 1;
  }
  return rc ? rc : missing ? 77 : 0;
}
