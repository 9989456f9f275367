#include "extract/toponyms.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "core/fold.hpp"

namespace sitmap {

namespace {

constexpr size_t kMaxSpanTokens = 6;
constexpr size_t kMaxCandidates = 40;

// Lower-case words allowed inside a place name: "Bay of Bengal", "Rio de Janeiro".
bool is_connector(std::string_view w) {
  static constexpr std::array<std::string_view, 11> c = {"of", "de", "del", "da", "du", "la", "le", "el", "al", "upon", "sur"};
  return std::find(c.begin(), c.end(), w) != c.end();
}

// Capitalised words that may stand in a run beside a place without making
// the run a name: sentence openers, prepositions, compass words, titles.
bool is_ignorable(std::string_view w) {
  static const std::set<std::string, std::less<>> words = {
      "the", "a", "an", "in", "on", "at", "but", "and", "or", "for", "from", "to", "of", "by", "with", "as",
      "after", "before", "near", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
      "central", "upper", "lower", "greater", "northeast", "northwest", "southeast", "southwest", "when", "while",
      "if", "since", "during", "across", "outside", "inside", "meanwhile", "also", "both", "all", "some", "most",
      "many", "his", "her", "its", "their", "our", "this", "that", "these", "those", "local", "officials",
      "residents", "state", "capital", "downtown", "rural", "suburban", "metropolitan", "province", "city"};
  return words.count(ascii_lower(w)) > 0;
}

// Words before a place that tie it to an action; longest first.
const std::vector<std::pair<std::vector<std::string>, std::string>>& cue_phrases() {
  static const std::vector<std::pair<std::vector<std::string>, std::string>> cues = [] {
    std::vector<std::pair<std::vector<std::string>, std::string>> v;
    for (const char* bearing : {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                "north-east", "north-west", "south-east", "south-west"}) {
      v.push_back({phrase_words(std::string(bearing) + " of"), std::string(bearing) + " of"});
    }
    for (const char* c : {"on the outskirts of", "outskirts of", "the city of", "the town of", "the village of",
                          "the province of", "the towns of", "the villages of", "the region of", "city of", "town of",
                          "village of", "province of", "towns of", "villages of", "region of", "outside of", "close to",
                          "near", "outside", "around", "in", "at", "into", "from", "across", "over", "on", "to", "of",
                          "within", "throughout", "toward", "towards", "between", "and"})
      v.push_back({phrase_words(c), c});
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return v;
  }();
  return cues;
}

bool is_speech_or_copula(std::string_view w) {
  static const std::set<std::string, std::less<>> words = {"is", "are", "was", "were"};
  return words.count(w) > 0;
}

struct Recognizer {
  const Document& doc;
  const Segmented& seg;
  const Gazetteer& gaz;
  const Lexicon& lex;
  std::vector<Mention> out;
  std::set<std::string> surnames;
  bool headline = false;  // headlines capitalise every word: "Car Bomb Kills ..."

  std::string_view word(size_t k) const { return token_text(doc.text, seg.tokens[k]); }
  bool cap(size_t k) const {
    return seg.tokens[k].kind == TokenKind::word && seg.tokens[k].capitalized;
  }
  std::string span_text(size_t a, size_t b) const {  // tokens a..b inclusive
    return doc.text.substr(seg.tokens[a].start, seg.tokens[b].end - seg.tokens[a].start);
  }

  std::string cue_before(size_t first, size_t sentence_first) const {
    for (const auto& [words, name] : cue_phrases()) {
      if (first < sentence_first + words.size()) continue;
      bool ok = true;
      for (size_t w = 0; w < words.size() && ok; ++w)
        ok = ascii_lower(word(first - words.size() + w)) == words[w];
      if (ok) return name;
    }
    return "";
  }

  // Accepts or rejects a gazetteer hit on tokens a..b; fills candidates.
  bool accept(size_t a, size_t b, std::vector<Candidate>& cands) const {
    const std::string text = span_text(a, b);
    const std::string folded = fold_name(text);
    if (lex.not_places.count(folded)) return false;
    cands = gaz.lookup_folded(folded);
    if (cands.empty()) return false;
    const bool abbreviation_only = std::all_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.how == MatchHow::abbreviation; });
    if (abbreviation_only) {
      // "U.S.", "UK", "EU" stand alone; a state's "Va." or "TX" only after "Town,".
      const bool country_abbrev = std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
        const PlaceKind k = gaz.place(c.entry).kind;
        return k == PlaceKind::country || k == PlaceKind::region;
      });
      const bool after_place_comma = a >= 2 && word(a - 1) == "," && !out.empty() && out.back().last_token == a - 2;
      if (!(country_abbrev && seg.tokens[a].all_caps) && !after_place_comma) return false;
    }
    // In a headline a capitalised word may be any word: a one-word place
    // known only by another of its names, and small, is no place there.
    if (headline && a == b) {
      const Place p = gaz.place(cands.front().entry);
      if (cands.front().how != MatchHow::name && cands.front().how != MatchHow::demonym && p.population < 100000 &&
          p.kind == PlaceKind::city)
        return false;
    }
    // Short all-caps words are acronyms unless the gazetteer knows them as such.
    if (a == b && seg.tokens[a].all_caps && text.size() <= 4 && !abbreviation_only) {
      if (!std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.how == MatchHow::abbreviation; }))
        return false;
    }
    return true;
  }

  void add(size_t a, size_t b, std::vector<Candidate> cands, uint32_t sentence, size_t sentence_first, bool fuzzy_hit) {
    Mention m;
    m.start = seg.tokens[a].start;
    m.end = seg.tokens[b].end;
    m.text = span_text(a, b);
    m.sentence = sentence;
    m.first_token = static_cast<uint32_t>(a);
    m.last_token = static_cast<uint32_t>(b);
    m.cue = cue_before(a, sentence_first);
    m.demonym = std::all_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.how == MatchHow::demonym; });
    if (cands.size() > kMaxCandidates) cands.resize(kMaxCandidates);
    for (const auto& c : cands) m.candidates.push_back({c.entry, c.prior - (fuzzy_hit ? 1.0 + c.distance : 0.0)});
    out.push_back(std::move(m));
  }

  void sentence(uint32_t si) {
    const Sentence& s = seg.sentences[si];
    // The byline names the writer, not a place.
    if (!doc.byline.empty() && doc.text.compare(s.start, s.end - s.start, doc.byline) == 0) return;
    headline = !doc.title.empty() && doc.text.compare(s.start, s.end - s.start, doc.title) == 0;
    const size_t first = s.first_token, end = s.first_token + s.token_count;
    const size_t before = out.size();
    std::vector<std::pair<size_t, size_t>> runs;  // capitalised runs, for the partial-name rule
    bool list_cue = false;                        // inside "the towns of A, B and C"
    for (size_t i = first; i < end;) {
      if (!cap(i)) {
        const std::string w = ascii_lower(word(i));
        if (w != "," && w != "and") list_cue = false;
        ++i;
        continue;
      }
      // The capitalised run starting here (connectors and hyphens inside).
      size_t run_end = i;
      while (run_end + 1 < end) {
        const size_t n = run_end + 1;
        if (cap(n)) { run_end = n; continue; }
        const std::string_view w = word(n);
        if ((w == "-" || is_connector(ascii_lower(w))) && n + 1 < end && cap(n + 1) &&
            seg.tokens[n].start == seg.tokens[run_end].end + (w == "-" ? 0 : 1)) {
          run_end = n + 1;
          continue;
        }
        if (w == "-" && n + 1 < end && seg.tokens[n].start == seg.tokens[run_end].end) {  // "Ar-Raqqah", "al-Bab"
          run_end = n + 1;
          continue;
        }
        break;
      }
      runs.emplace_back(i, run_end);
      const std::string cue = cue_before(i, first);
      if (cue.find(" of") != std::string::npos && cue.find("towns") != std::string::npos) list_cue = true;
      if (cue.find("villages") != std::string::npos) list_cue = true;
      // Longest gazetteer match first, inside the run.
      for (size_t a = i; a <= run_end;) {
        bool hit = false;
        for (size_t b = std::min(run_end, a + kMaxSpanTokens - 1) + 1; b-- > a;) {
          if (!cap(b)) continue;
          std::vector<Candidate> cands;
          if (accept(a, b, cands)) {
            add(a, b, std::move(cands), si, first, false);
            a = b + 1;
            hit = true;
            break;
          }
        }
        if (!hit) ++a;
      }
      // Places the gazetteer only knows by another spelling, where the text
      // says a place comes: "near Boukamal", "the towns of Khan Touman, Aleis".
      const std::string after = run_end + 1 < end ? ascii_lower(word(run_end + 1)) : "";
      const bool type_word = after == "province" || after == "governorate" || after == "city" || after == "district";
      const bool strong_cue = list_cue || type_word || cue == "near" || cue.find(" of") != std::string::npos || cue == "outside";
      if (strong_cue && (out.size() == before || out.back().last_token < i)) {
        const std::string text = span_text(i, run_end);
        if (!lex.not_places.count(fold_name(text)) && text.size() >= 5) {
          auto cands = gaz.fuzzy(text, 10);
          std::erase_if(cands, [&](const Candidate& c) { return c.distance > 1; });
          if (!cands.empty()) add(i, run_end, std::move(cands), si, first, true);
        }
      }
      i = run_end + 1;
    }
    drop_partial_names(before, runs, first, end);
    mark_names(before, first, end);
  }

  // The sentence's mentions (out[before..]) by the token they start at, and
  // which tokens they cover: what the rules below ask of each token, found
  // without scanning every mention (a sentence may hold thousands).
  struct SentenceMentions {
    size_t first = 0;                       // the sentence's first token
    std::vector<std::vector<size_t>> starts;  // per token: indices into out
    std::vector<bool> covered;              // per token
    SentenceMentions(const std::vector<Mention>& out, size_t before, size_t first, size_t end)
        : first(first), starts(end - first), covered(end - first, false) {
      for (size_t m = before; m < out.size(); ++m) {
        starts[out[m].first_token - first].push_back(m);
        for (size_t k = out[m].first_token; k <= out[m].last_token; ++k) covered[k - first] = true;
      }
    }
    const std::vector<size_t>& starting_at(size_t k) const { return starts[k - first]; }
    bool covers(size_t k) const { return covered[k - first]; }
  };

  // A run only partly covered by places is a name. A place after a word of
  // the name ("Charlie Winter", "Rami Abdel Rahman") is no place; a place
  // that opens the name ("Texas Department of Health", "Raqqa Media
  // Center") is a mention inside a name: kept, but never an event's place.
  void drop_partial_names(size_t before, const std::vector<std::pair<size_t, size_t>>& runs, size_t sentence_first,
                          size_t sentence_end) {
    const SentenceMentions at(out, before, sentence_first, sentence_end);
    std::vector<bool> drop(out.size(), false);
    for (const auto& [a, b] : runs) {
      bool stray_before = false;  // an uncovered name word seen so far in the run
      std::vector<size_t> in_run;  // the run's mentions by end; those before a stray open a name
      for (size_t k = a; k <= b; ++k)
        for (size_t m : at.starting_at(k)) in_run.push_back(m);
      std::sort(in_run.begin(), in_run.end(), [&](size_t x, size_t y) { return out[x].last_token < out[y].last_token; });
      size_t named = 0;
      for (size_t k = a; k <= b; ++k) {
        if (!cap(k)) continue;
        const bool is_stray = !at.covers(k) && !(k == sentence_first && k == a) && !is_ignorable(word(k));
        if (is_stray) {
          stray_before = true;
          for (; named < in_run.size() && out[in_run[named]].last_token < k; ++named)  // a name word after a place: the place opens a name
            out[in_run[named]].in_name = true;
          continue;
        }
        if (!stray_before) continue;
        for (size_t m : at.starting_at(k)) drop[m] = true;
      }
    }
    // People: a title or a given name starts a person's name ("Sen. Lincoln
    // Davis", "Patrick Jones"); what follows in the run is that name.
    for (const auto& [a, b] : runs) {
      const std::string_view first = word(a);
      const bool title = is_title(first);
      const bool given = lex.given_names.count(std::string(first)) > 0;
      if (!(title || given) || (a == b && !title)) continue;
      for (size_t k = a; k <= b; ++k) {
        for (size_t m : at.starting_at(k)) {
          if (out[m].last_token > b) continue;
          const bool starts_at_name = out[m].first_token == a && !title;
          if (!starts_at_name || out[m].last_token == a) drop[m] = true;
        }
      }
      surnames.insert(std::string(word(b)));
    }
    // Titles just before a run: "Gov. Bill Haslam" splits into two runs at the period.
    for (size_t m = before; m < out.size(); ++m) {
      const size_t k = out[m].first_token;
      if (k > sentence_first && is_title(word(k - 1))) drop[m] = true;
    }
    size_t w = before;
    for (size_t m = before; m < out.size(); ++m) {
      if (drop[m]) continue;
      if (w != m) out[w] = std::move(out[m]);  // self-move would empty it
      ++w;
    }
    out.resize(w);
  }

  static bool is_title(std::string_view w) {
    static const std::set<std::string, std::less<>> titles = {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Col.", "Sgt.", "Lt.", "Capt.", "Det.", "Prof.",
        "Rev.", "Maj.", "Adm.", "Cpl.", "Sheriff", "Judge", "Officer", "Deputy", "Coach", "President", "Minister",
        "Mayor", "Commissioner", "Director", "Superintendent", "Principal", "Detective", "Trooper", "Attorney",
        "Councilman", "Councilwoman", "Senator", "Governor", "Secretary", "Chairman", "Pastor", "Father", "Sister",
        "Brother", "Saint", "King", "Queen", "Prince", "Princess", "Sheikh", "Pope", "Lord", "Sir", "Dame", "Mr", "Mrs", "Dr"};
    return titles.count(w) > 0;
  }

  // Surnames met in people's names: the same word alone later is the person.
  void drop_known_people() {
    std::vector<Mention> kept;
    for (auto& m : out) {
      const bool single = m.first_token == m.last_token;
      const size_t next = m.last_token + 1;
      const bool says = next < seg.tokens.size() && is_speech(word(next));
      bool small_place = true;
      if (!m.candidates.empty()) {
        const Place p = gaz.place(m.candidates.front().entry);
        small_place = p.kind == PlaceKind::city && p.population < 50000;
      }
      if (single && (surnames.count(m.text) || (says && small_place))) continue;
      kept.push_back(std::move(m));
    }
    out = std::move(kept);
  }

  static bool is_speech(std::string_view w) {
    return w == "said" || w == "says" || w == "told" || w == "added" || w == "explained" || w == "testified" ||
           w == "wrote" || w == "asked" || w == "stated";
  }

  // "Raqqa is Being Slaughtered Silently": a place that opens a name.
  void mark_names(size_t before, size_t sentence_first, size_t sentence_end) {
    const SentenceMentions at(out, before, sentence_first, sentence_end);
    for (size_t m = before; m < out.size(); ++m) {
      const size_t k = out[m].last_token + 1;
      if (k + 1 < sentence_end && is_speech_or_copula(word(k)) && cap(k + 1) && !lex.not_places.count(fold_name(word(k + 1)))) {
        const auto& next = at.starting_at(k + 1);
        const bool next_is_place = std::any_of(next.begin(), next.end(), [&](size_t n) { return n > m; });
        if (!next_is_place) out[m].in_name = true;
      }
    }
  }
};

double focus_sum(const std::map<std::string, double>& focus) {
  double total = 0;
  for (const auto& [k, v] : focus) total += v;
  return total;
}

double focus_share(const std::map<std::string, double>& focus, double total, std::string_view cc) {
  auto it = focus.find(std::string(cc));
  return total > 0 && it != focus.end() ? it->second / total : 0.0;
}

// The towns a report names unambiguously, by one-degree cell: each distinct
// point once, with how many mentions name it. Finding the anchors near a
// place looks at the cells within 150 km of it, not at every anchor.
class AnchorGrid {
 public:
  explicit AnchorGrid(std::vector<GeoPoint> points) {
    // NaN or out of range (a corrupt index): checked against every place, and kept out of the sort.
    const auto odd = std::partition(points.begin(), points.end(), on_globe);
    for (auto p = odd; p != points.end(); ++p) odd_.push_back({*p, 1});
    points.erase(odd, points.end());
    std::sort(points.begin(), points.end(), [](const GeoPoint& a, const GeoPoint& b) {
      return a.lat != b.lat ? a.lat < b.lat : a.lon < b.lon;
    });
    for (size_t i = 0; i < points.size();) {
      size_t j = i;
      while (j < points.size() && points[j].lat == points[i].lat && points[j].lon == points[i].lon) ++j;
      const Anchor a{points[i], static_cast<int>(std::min<size_t>(j - i, 2))};  // no place counts more than 2
      cells_[key(lat_cell(a.point.lat), lon_cell(a.point.lon))].push_back(a);
      i = j;
    }
  }

  // How many anchors lie 0.1 to 150 km from `p`, counting a town named
  // twice twice; callers use at most 2.
  int near(GeoPoint p) const {
    int n = count(odd_, p);
    if (!on_globe(p)) {
      for (const auto& [k, anchors] : cells_) n += count(anchors, p);
      return n;
    }
    // A point within d km of p is within d/R radians of its latitude, and
    // within 2 asin(sin(d/2R) / cos(phi_max)) of its longitude.
    constexpr double kRadius = 6371.0, kReach = 151.0;  // km; a margin over 150 for rounding
    constexpr double kDeg = 180.0 / 3.14159265358979323846;
    const double dlat = kReach / kRadius * kDeg;
    const double phi_max = std::min(90.0, std::fabs(p.lat) + dlat) / kDeg;
    const double s = std::sin(kReach / (2 * kRadius)), c = std::cos(phi_max);
    const bool all_lons = c <= s;
    const int lon_lo = all_lons ? -180 : lon_cell_unwrapped(p.lon - 2 * std::asin(s / c) * kDeg);
    const int lon_hi = all_lons ? 179 : lon_cell_unwrapped(p.lon + 2 * std::asin(s / c) * kDeg);
    const bool every_lon = all_lons || lon_hi - lon_lo >= 359;
    for (int la = lat_cell(std::max(-90.0, p.lat - dlat)); la <= lat_cell(std::min(90.0, p.lat + dlat)); ++la) {
      for (int lo = every_lon ? -180 : lon_lo; lo <= (every_lon ? 179 : lon_hi); ++lo) {
        const auto it = cells_.find(key(la, wrap(lo)));
        if (it != cells_.end()) n += count(it->second, p);
      }
    }
    return n;
  }

 private:
  struct Anchor {
    GeoPoint point;
    int count;
  };
  static bool on_globe(GeoPoint p) { return p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180; }
  static int lat_cell(double lat) { return static_cast<int>(std::floor(lat)); }
  static int lon_cell_unwrapped(double lon) { return static_cast<int>(std::floor(lon)); }
  static int wrap(int lon) { return ((lon + 180) % 360 + 360) % 360 - 180; }
  static int lon_cell(double lon) { return wrap(lon_cell_unwrapped(lon)); }
  static int64_t key(int lat, int lon) { return static_cast<int64_t>(lat) * 1000 + lon; }
  static int count(const std::vector<Anchor>& anchors, GeoPoint p) {
    int n = 0;
    for (const Anchor& a : anchors)
      if (haversine_km(a.point, p) < 150 && haversine_km(a.point, p) > 0.1) n += a.count;
    return n;
  }

  std::unordered_map<int64_t, std::vector<Anchor>> cells_;
  std::vector<Anchor> odd_;
};

}  // namespace

std::vector<Mention> recognize_toponyms(const Document& doc, const Segmented& seg, const Gazetteer& gaz,
                                        const Lexicon& lex) {
  Recognizer r{doc, seg, gaz, lex, {}, {}};
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) r.sentence(s);
  r.drop_known_people();
  return std::move(r.out);
}

void resolve_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  // Qualifiers: "Paris, Texas" keeps the candidates inside the qualifier.
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    Mention& m = mentions[i];
    const Mention& q = mentions[i + 1];
    if (q.first_token != m.last_token + 2 || q.candidates.empty() || m.sentence != q.sentence) continue;
    if (doc.text.compare(m.end, q.start - m.end, ", ") != 0) continue;  // "Paris, Texas" only
    std::vector<ScoredPlace> kept;
    for (const auto& c : m.candidates) {
      const Place p = gaz.place(c.entry);
      for (const auto& qc : q.candidates) {
        const Place qp = gaz.place(qc.entry);
        if ((qp.kind == PlaceKind::country || qp.kind == PlaceKind::admin1) && within(p, qp)) {
          kept.push_back(c);
          break;
        }
      }
    }
    if (!kept.empty()) m.candidates = std::move(kept);
  }

  // Two passes: guess with priors, read the document's countries, divisions
  // and focus off the guesses, rescore with them. Each distinct place is
  // scored once a pass (a long report names the same places thousands of
  // times), and its anchors nearby are found through a grid.
  std::vector<ScoredPlace> best(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i)
    if (!mentions[i].candidates.empty()) best[i] = mentions[i].candidates.front();

  for (int pass = 0; pass < 2; ++pass) {
    std::set<std::string> countries, admin1s;
    std::map<std::string, double> focus;
    std::vector<GeoPoint> anchors;
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (mentions[i].candidates.empty()) continue;
      const Place p = gaz.place(best[i].entry);
      const bool unambiguous = mentions[i].candidates.size() == 1 ||
                               best[i].score - mentions[i].candidates[1].score > 2.0;
      if (p.kind == PlaceKind::country) countries.insert(std::string(p.country_code));
      if (p.kind == PlaceKind::admin1 || p.kind == PlaceKind::admin2) {
        admin1s.insert(std::string(p.country_code) + "|" + std::string(p.admin1));
        countries.insert(std::string(p.country_code));
      }
      if (!p.country_code.empty()) focus[std::string(p.country_code)] += unambiguous ? 1.0 : 0.5;
      if (p.kind == PlaceKind::city && unambiguous) anchors.push_back(p.point);
    }
    const AnchorGrid grid(anchors);
    const double focus_total = focus_sum(focus);
    // What the document says about one place, whichever mention it is a candidate of.
    struct Context {
      bool in_named_country = false, in_named_admin1 = false;
      double focus = 0;
      int near = 0;
    };
    std::unordered_map<uint32_t, Context> context;
    auto context_of = [&](uint32_t entry) -> const Context& {
      auto [it, fresh] = context.try_emplace(entry);
      if (!fresh) return it->second;
      const Place p = gaz.place(entry);
      Context& c = it->second;
      c.in_named_country = p.kind != PlaceKind::country && countries.count(std::string(p.country_code));
      c.in_named_admin1 = p.kind == PlaceKind::city && admin1s.count(std::string(p.country_code) + "|" + std::string(p.admin1));
      c.focus = focus_share(focus, focus_total, p.country_code);
      c.near = grid.near(p.point);
      return c;
    };
    for (size_t i = 0; i < mentions.size(); ++i) {
      auto& cands = mentions[i].candidates;
      if (cands.empty()) continue;
      std::vector<std::pair<double, size_t>> scored;
      for (size_t c = 0; c < cands.size(); ++c) {
        const Context& x = context_of(cands[c].entry);
        double s = cands[c].score;
        if (x.in_named_country) s += 2.5;
        if (x.in_named_admin1) s += 2.5;
        s += 3.0 * x.focus;
        s += std::min(x.near, 2) * 1.0;
        scored.emplace_back(s, c);
      }
      std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      best[i] = {cands[scored.front().second].entry, scored.front().first};
      if (pass == 1) {
        std::vector<ScoredPlace> ordered;
        for (const auto& [s, c] : scored) ordered.push_back({cands[c].entry, s});
        cands = std::move(ordered);
      }
    }
  }
}

namespace {
// "Raqqa" alone means the town, not the governorate named after it, unless
// the text says "province" right after it.
void prefer_seats(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  for (Mention& m : mentions) {
    if (m.candidates.size() < 2) continue;
    const Place top = gaz.place(m.candidates.front().entry);
    if (top.kind != PlaceKind::admin1) continue;
    const std::string_view after = std::string_view(doc.text).substr(m.end, 14);
    if (after.find("province") == 1 || after.find("governorate") == 1 || after.find("Province") == 1 ||
        after.find("Governorate") == 1)
      continue;
    for (size_t c = 1; c < m.candidates.size(); ++c) {
      const Place p = gaz.place(m.candidates[c].entry);
      if (p.kind == PlaceKind::city && (p.feature == "PPLA" || p.feature == "PPLC") &&
          p.country_code == top.country_code && (p.admin1 == top.name || fold_name(p.name) == fold_name(top.name)) &&
          translit_form(fold_name(p.name)) == translit_form(fold_name(m.text))) {
        std::rotate(m.candidates.begin(), m.candidates.begin() + static_cast<long>(c), m.candidates.begin() + static_cast<long>(c) + 1);
        break;
      }
    }
  }
}

// One sense per discourse: every mention of a name in a report is the same
// place, the one its mentions score highest together.
void one_sense_per_name(std::vector<Mention>& mentions) {
  std::map<std::string, std::map<uint32_t, double>> totals;
  for (const Mention& m : mentions)
    for (size_t c = 0; c < m.candidates.size(); ++c)
      totals[fold_name(m.text)][m.candidates[c].entry] += c == 0 ? m.candidates[c].score + 1.0 : m.candidates[c].score;
  for (Mention& m : mentions) {
    if (m.candidates.size() < 2) continue;
    const auto& t = totals[fold_name(m.text)];
    auto best = std::max_element(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    auto it = std::find_if(m.candidates.begin(), m.candidates.end(), [&](const ScoredPlace& p) { return p.entry == best->first; });
    if (it != m.candidates.end()) std::rotate(m.candidates.begin(), it, it + 1);
  }
}
}  // namespace

void settle_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  one_sense_per_name(mentions);
  prefer_seats(mentions, gaz, doc);
}

double resolution_confidence(const Mention& m) {
  if (m.candidates.empty()) return 0;
  if (m.candidates.size() == 1) return 0.95;
  const double margin = m.candidates[0].score - m.candidates[1].score;
  return std::clamp(0.5 + margin / 6.0, 0.3, 0.95);
}

}  // namespace sitmap
