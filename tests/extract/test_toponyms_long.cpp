// Long reports: resolution and recognition stay near-linear in the text.
// The timeouts below are complexity guards, not speed figures (those are
// in bench/resolve_bench): before, resolve_toponyms compared every
// mention's candidates with every anchor (4 MiB: about 160 s here) and the
// name rules scanned every mention of a sentence for each token (a 1 MiB
// sentence: about 20 s); now both take well under a second.
#include <doctest/doctest.h>

#include <map>
#include <fstream>
#include <sstream>

#include "extract/toponyms.hpp"

using namespace sitmap;

namespace {
const Gazetteer& gaz() {
  static const Gazetteer g = Gazetteer::open_default();
  return g;
}

std::string repeated(const std::string& unit, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += unit;
  return out;
}

std::vector<Mention> resolved(const std::string& text) {
  Document doc;
  doc.id = "long";
  doc.text = text;
  doc.published = CivilDate{2015, 11, 16};
  const Segmented seg = segment(doc.text);
  std::vector<Mention> m = recognize_toponyms(doc, seg, gaz(), Lexicon::builtin());
  resolve_toponyms(m, gaz(), doc, seg);
  settle_toponyms(m, gaz(), doc);
  return m;
}
}  // namespace

TEST_CASE("a 4 MiB report resolves every mention as a short one does" * doctest::timeout(30)) {
  std::string samples;
  for (const char* name : {"12_raqqa_french_first.txt", "13_albu_kamal_trucks.txt", "18_san_bernardino.txt"}) {
    std::ifstream in(std::string(SITMAP_SOURCE_DIR) + "/samples/reports/" + name);
    std::ostringstream s;
    s << in.rdbuf();
    samples += s.str() + "\n\n";
  }
  const std::vector<Mention> one = resolved(samples);
  const std::vector<Mention> many = resolved(repeated(samples, 4 << 20));
  REQUIRE(!one.empty());
  REQUIRE(many.size() >= one.size() * 100);
  // Repeating a report adds no new place: the long one resolves each name as the short one does.
  std::map<std::string, uint32_t> place_of;
  for (const Mention& m : one)
    if (!m.candidates.empty()) place_of[m.text] = m.candidates.front().entry;
  size_t same = 0;
  for (const Mention& m : many)
    if (!m.candidates.empty() && place_of.count(m.text) && place_of[m.text] == m.candidates.front().entry) ++same;
  CHECK(same >= many.size() * 95 / 100);
}

TEST_CASE("a 1 MiB sentence of place names" * doctest::timeout(30)) {
  const std::vector<Mention> m = resolved(repeated("Raqqa and Homs near Aleppo in Idlib with Mosul ", 1 << 20));
  CHECK(m.size() > 100000);
  const std::vector<Mention> names =
      resolved(repeated("Sen. Lincoln Davis said Raqqa Media Center in Homs is Being Slaughtered ", 1 << 20));
  CHECK(!names.empty());
}
