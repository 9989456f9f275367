// Gazetteer figures: index build time, load time, exact and fuzzy lookups
// per second on one core, index size and resident memory after load.
//   usage: gazetteer_bench INDEX DATA_DIR CURATED_DIR
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "gazetteer/builder.hpp"
#include "gazetteer/gazetteer.hpp"

namespace {
double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string key;
  long v = 0;
  while (in >> key) {
    if (key == "VmRSS:") {
      in >> v;
      return v;
    }
    in.ignore(1 << 12, '\n');
  }
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: gazetteer_bench INDEX DATA_DIR CURATED_DIR\n");
    return 2;
  }
  const std::string index = argv[1];
  const std::string scratch = index + ".bench";
  const long rss_before = rss_kb();
  auto t = std::chrono::steady_clock::now();
  const auto g = sitmap::Gazetteer::open(index);
  std::printf("load         %.3f ms\n", seconds_since(t) * 1e3);

  const std::vector<std::string> exact = {"Raqqa",       "Paris",      "Albu Kamal", "Syria", "Aleppo",  "Mosul",  "London",
                                          "Springfield", "Alexandria", "New York",   "Homs",  "Baghdad", "French", "Kobane",
                                          "Tikrit",      "Ramadi",     "Damascus",   "Idlib", "Hama",    "Latakia"};
  size_t found = 0, n = 0;
  t = std::chrono::steady_clock::now();
  for (int r = 0; r < 50000; ++r)
    for (const auto& name : exact) {
      found += g.lookup(name).size();
      ++n;
    }
  const double exact_rate = n / seconds_since(t);
  std::printf("exact        %.2f M lookups/s  (%zu candidates)\n", exact_rate / 1e6, found);

  const std::vector<std::string> fuzzy = {"Boukamal", "Deir Ezzor", "Rakka",  "Halab",    "Mossul",
                                          "Tikreet",  "Kobani",     "Ramady", "Damaskus", "Idleb"};
  n = found = 0;
  t = std::chrono::steady_clock::now();
  for (int r = 0; r < 5000; ++r)
    for (const auto& name : fuzzy) {
      found += g.fuzzy(name).size();
      ++n;
    }
  std::printf("fuzzy        %.1f k lookups/s  (%zu candidates)\n", n / seconds_since(t) / 1e3, found);
  std::printf("index file   %.1f MB\n", g.file_bytes() / 1e6);
  std::printf("resident     %.1f MB after load and lookups (%.1f MB before load)\n", rss_kb() / 1e3, rss_before / 1e3);
  // Build last, so the resident figure above is the lookup process alone.
  t = std::chrono::steady_clock::now();
  const auto stats = sitmap::build_gazetteer({argv[2], argv[3], scratch});
  std::printf("build        %.2f s  (%zu entries, %zu names)\n", seconds_since(t), stats.entries, stats.keys);
  std::remove(scratch.c_str());

  return 0;
}
