#include "extract/toponyms.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include "core/one_of.hpp"
#include "core/fold.hpp"
#include "core/place_words.hpp"
#include "gazetteer/coherence.hpp"
#include "text/words.hpp"

namespace sitmap {

namespace {

constexpr size_t kMaxSpanTokens = 6;
constexpr size_t kMaxCandidates = 40;

// Lower-case words allowed inside a place name: "Bay of Bengal", "Rio de Janeiro".
bool is_connector(std::string_view w) {
  static constexpr std::array<std::string_view, 11> c = {"of", "de", "del", "da", "du", "la", "le", "el", "al", "upon", "sur"};
  return std::find(c.begin(), c.end(), w) != c.end();
}

// Connectors inside Portuguese, Spanish, French and Italian names ("Mocimboa da Praia").
bool is_romance_connector(std::string_view w) {
  return w == "da" || w == "de" || w == "do" || w == "dos" || w == "das" || w == "del" || w == "di";
}

// Capitalised words that may stand in a run beside a place without making
// the run a name: sentence openers, prepositions, compass words, titles.
bool is_ignorable(std::string_view w) {
  static const std::set<std::string, std::less<>> words = {
      "the", "a", "an", "in", "on", "at", "but", "and", "or", "for", "from", "to", "of", "by", "with", "as", "after", "before", "near",
      "central", "upper", "lower", "greater", "when", "while", "if", "since", "during", "across", "outside", "inside", "meanwhile", "also",
      "both", "all", "some", "most", "many", "his", "her", "its", "their", "our", "this", "that", "these", "those", "local", "officials",
      "residents", "capital", "downtown", "rural", "suburban", "metropolitan", "city", "cbd",
      // "Damboa Local Government Area", "Jenin Refugee Camp": what kind of place it is (the
      // division words are core/place_words' beside_name ones).
      "area", "township", "raion", "woreda", "camp", "refugee", "village", "town", "government"};
  const std::string lower = ascii_lower(w);
  if (words.count(lower) > 0 || is_division_word(lower, DivisionWord::beside_name)) return true;
  // Compass words: the points written as one word ("North", "Southwest") and the cardinal
  // points' adjectives ("Northern"); not "Northeastern", which this list never held.
  if (const CompassPoint* point = compass_point_named(lower); point && !point->hyphenated) return true;
  if (const CompassPoint* point = compass_point_of_adjective(lower); point && point->cardinal) return true;
  // "the city of Mardan Friday": a weekday or month after a place is no part of its name.
  return weekday_from_name(w) >= 0 || month_from_name(w) > 0;
}

bool is_bearing_word(std::string_view w);

// Words before a place that tie it to an action; longest first.
const std::vector<std::pair<std::vector<std::string>, std::string>>& cue_phrases() {
  static const std::vector<std::pair<std::vector<std::string>, std::string>> cues = [] {
    std::vector<std::pair<std::vector<std::string>, std::string>> v;
    for (const CompassPoint& bearing : compass_points()) {
      const std::string cue = std::string(bearing.name) + " of";
      v.push_back({phrase_words(cue), cue});
    }
    // "the province of", "county of": the division words read as cues. (Where a cue stands in
    // the list matters only by its length: two cues of as many words never match the same words.)
    for (const DivisionWord& d : division_words()) {
      if (!(d.uses & DivisionWord::of_cue)) continue;
      for (const std::string& cue : {"the " + std::string(d.word) + " of", std::string(d.word) + " of"})
        v.push_back({phrase_words(cue), cue});
    }
    for (const char* c :
         {"on the outskirts of", "outskirts of", "the city of", "the town of", "the village of", "the towns of", "the villages of",
          "city of", "town of", "village of", "towns of", "villages of", "hometown of", "home town of",
          // "the streets of Marawi", "parts of Kharkiv", "the centre of Goma": a place's parts.
          "streets of", "parts of", "centre of", "center of", "heart of", "suburbs of", "port of", "port city of",
          // "took control of Bakhmut", "the fall of Kabul": ground held, taken or lost.
          "control of", "capture of", "recapture of", "fall of", "siege of", "liberation of", "outside of", "close to",
          // "attacked Dori", "an air strike on Saraqib", "the shelling of Douma": the ground an action hit.
          // "25 km from Dori": a distance from a town places things by it.
          "km from", "kilometres from", "kilometers from", "miles from", "attacked", "stormed", "raided", "shelled", "bombed", "overran",
          "besieged", "recaptured", "retook", "strike on", "strikes on", "attack on", "attacks on", "assault on", "raid on", "raids on",
          "offensive on", "shelling of", "bombing of", "bombardment of", "near", "outside", "around", "in", "at", "into", "from", "across",
          "over", "on", "to", "of", "within", "throughout", "toward", "towards", "between", "and",
          // "the capital Kabul", "the regional capital Ajaccio": a capital is a place.
          "capital"})
      v.push_back({phrase_words(c), c});
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return v;
  }();
  return cues;
}

// "attacked Dori", "an air strike on Saraqib": an action's ground, a place cue.
bool action_cue(std::string_view cue) {
  return one_of(cue, {"attacked", "stormed", "raided", "shelled", "bombed", "overran", "besieged", "recaptured", "retook", "strike on",
                      "strikes on", "attack on", "attacks on", "assault on", "raid on", "raids on", "offensive on"});
}

// A party's initial as US papers give it after a legislator's name ("D-Pa.", "R-Texas", "DFL-Cook").
bool is_party_label(std::string_view w) { return w == "D" || w == "R" || w == "DFL"; }

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
  static bool participle_like(const std::string& w) {
    return (w.size() >= 4 && (w.ends_with("ing") || w.ends_with("ed"))) ||
           one_of(w, {"led", "run", "held", "made", "born", "built", "owned"});
  }
  bool cap(size_t k) const { return seg.tokens[k].kind == TokenKind::word && seg.tokens[k].capitalized; }
  // "d'Ivoire", "l'Aquila" as one word: an elided article and a capitalised name.
  static bool elided_name(std::string_view w) {
    for (std::string_view article : {"d'", "l'", "d\u2019", "l\u2019"})
      if (w.size() > article.size() && w.starts_with(article) && w[article.size()] >= 'A' && w[article.size()] <= 'Z') return true;
    return false;
  }
  std::string span_text(size_t a, size_t b) const {  // tokens a..b inclusive
    return doc.text.substr(seg.tokens[a].start, seg.tokens[b].end - seg.tokens[a].start);
  }

  std::string cue_before(size_t first, size_t sentence_first) const {
    // "in al-Qaim", "the town of el-Fasher": the cue stands before the article joined to the name.
    if (first >= sentence_first + 2 && word(first - 1) == "-" && seg.tokens[first - 1].end == seg.tokens[first].start &&
        seg.tokens[first - 2].end == seg.tokens[first - 1].start && !cap(first - 2) && is_article(word(first - 2)))
      first -= 2;
    // "in northern Mali", "in central Mali", "across north-eastern Nigeria": the cue before the part's words.
    for (int words_back = 0;
         words_back < 2 && first > sentence_first + 1 && !cap(first - 1) && is_bearing_word(ascii_lower(word(first - 1))); ++words_back)
      --first;
    for (const auto& [words, name] : cue_phrases()) {
      if (first < sentence_first + words.size()) continue;
      bool ok = true;
      for (size_t w = 0; w < words.size() && ok; ++w) ok = ascii_lower(word(first - words.size() + w)) == words[w];
      if (ok) return name;
    }
    return "";
  }

  // "Democratic Republic of the Congo", "People's Republic of China": "of
  // the" or a possessive inside a run of name words, taken only where the
  // gazetteer knows a name across it ("Baghdad's Karrada" stays two runs).
  // Returns the capitalised token after the gap, or `run_end` when none.
  size_t name_goes_on(size_t run_start, size_t run_end, size_t end) const {
    const size_t n = run_end + 1;
    if (n + 2 >= end || !cap(n + 2)) return run_end;
    const std::string_view w = word(n);
    const bool of_the = ascii_lower(w) == "of" && ascii_lower(word(n + 1)) == "the";
    const bool possessive = (w == "'" || w == "\u2019") && word(n + 1) == "s" && seg.tokens[n].start == seg.tokens[run_end].end &&
                            seg.tokens[n + 1].start == seg.tokens[n].end;
    if (!of_the && !possessive) return run_end;
    const size_t first = run_end + 1 >= run_start + kMaxSpanTokens ? run_end + 1 - kMaxSpanTokens : run_start;
    for (size_t a = first; a <= run_end; ++a)
      for (size_t b = n + 2; b < end && b < a + kMaxSpanTokens + 2; ++b)
        if (cap(b) && !gaz.lookup_folded(fold_name(span_text(a, b))).empty()) return n + 2;
    return run_end;
  }

  // The last token a name starting at `a` may reach: kMaxSpanTokens words,
  // the hyphens between them not counted ("Saint-Etienne-du-Rouvray" is four).
  size_t span_limit(size_t a, size_t run_end) const {
    size_t b = a, words = 1;
    while (b < run_end && words < kMaxSpanTokens) {
      ++b;
      if (seg.tokens[b].kind == TokenKind::word) ++words;
    }
    return b;
  }

  // "Baloch Liberation Army (BLA)": capitals in brackets that spell the
  // initials of the name before them are that name's short form (a place's
  // own, "Democratic Republic of the Congo (DRC)", stays a place).
  bool acronym_of_name_before(size_t a) const {
    if (a < 2 || word(a - 1) != "(" || a + 1 >= seg.tokens.size() || word(a + 1) != ")") return false;
    if (!out.empty() && out.back().last_token + 2 == a) return false;
    const std::string_view acronym = word(a);
    if (acronym.size() < 2 || acronym.size() > 6) return false;
    std::string initials;  // of the capitalised words before the bracket, last first
    size_t named = 0;      // capitalised words of the name before the bracket
    for (size_t k = a - 1; k-- > 0;) {
      const std::string_view w = word(k);
      if (one_of(w, {"of", "the", "and", "for", "'", "’", "s", "-"})) continue;
      if (!cap(k)) break;
      ++named;
      if (initials.size() < acronym.size()) initials.insert(initials.begin(), w[0]);
    }
    // ("the Kurdistan Freedom Falcons (TAK)": a name of three words or more, no place, shortened in another tongue.)
    return initials == acronym || named >= 3;
  }

  // Accepts or rejects a gazetteer hit on tokens a..b; fills candidates.
  bool accept(size_t a, size_t b, std::vector<Candidate>& cands) const {
    const std::string text = span_text(a, b);
    const std::string folded = fold_name(text);
    if (lex.not_places.count(folded)) return false;
    if (a == b && seg.tokens[a].all_caps && acronym_of_name_before(a)) return false;
    // "AK-47", "SU-25", "MQ-9": a weapon's model, capitals joined to a number.
    if (a == b && seg.tokens[a].all_caps && b + 2 < seg.tokens.size() && word(b + 1) == "-" &&
        seg.tokens[b + 1].start == seg.tokens[b].end && seg.tokens[b + 2].start == seg.tokens[b + 1].end &&
        seg.tokens[b + 2].kind == TokenKind::number)
      return false;
    cands = gaz.lookup_folded(folded);
    if (cands.empty()) return false;
    // "CRTV/ENG/MN", "SPA/AH": desk and staff codes joined by slashes sign off a report (MN is no Minnesota; "US/UK"
    // still names two countries).
    const auto slash_at = [&](size_t k) { return k < seg.tokens.size() && word(k) == "/"; };
    if (a == b && seg.tokens[a].all_caps &&
        ((a > 0 && slash_at(a - 1) && seg.tokens[a - 1].end == seg.tokens[a].start) ||
         (slash_at(b + 1) && seg.tokens[b + 1].start == seg.tokens[b].end)) &&
        std::none_of(cands.begin(), cands.end(), [&](const Candidate& c) { return gaz.place(c.entry).kind == PlaceKind::country; }))
      return false;
    if (a < b) part_of_wide_place(a, b, cands);
    if (in_dateline(a, b) && seg.tokens[a].start == doc.dateline->place_start) capital_of_country_named(folded, cands);
    const bool abbreviation_only =
        std::all_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.how == MatchHow::abbreviation; });
    if (abbreviation_only) {
      // "U.S.", "UK", "EU" and a division's code in capitals ("NSW", "S.C.")
      // stand alone; a state's "Va." or "TX" only after "Town,".
      const bool country_abbrev = code_of_wide_place(a, b, text, cands);
      const bool after_place_comma = a >= 2 && word(a - 1) == "," && !out.empty() && out.back().last_token == a - 2;
      if (!(country_abbrev && seg.tokens[a].all_caps) && !after_place_comma && !after_party_label(a)) return false;
    }
    // In a headline a capitalised word may be any word: a one-word place
    // known only by another of its names, and small, is no place there.
    if (headline && a == b) {
      const Place p = gaz.place(cands.front().entry);
      if (cands.front().how != MatchHow::name && cands.front().how != MatchHow::demonym && p.population < 100000 &&
          p.kind == PlaceKind::city)
        return false;
    }
    // Short all-caps words are acronyms unless the gazetteer knows them as
    // such, or they stand in a dateline ("GAZA, July 9 (AFP) -").
    if (a == b && seg.tokens[a].all_caps && text.size() <= 4 && !abbreviation_only && !in_dateline(a, b)) {
      if (!std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.how == MatchHow::abbreviation; })) return false;
    }
    return true;
  }

  bool big_city_among(const std::vector<Candidate>& cands) const {
    return std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
      const Place p = gaz.place(c.entry);
      return c.how == MatchHow::name && p.kind == PlaceKind::city && p.population >= 100000;
    });
  }

  // "GUATEMALA, Nov 22 (Prensa Latina)", "KUWAIT, May 3 (KUNA)": a dateline
  // that names a country whose capital bears its name files from that city
  // (Guatemala City, Kuwait City, Djibouti), as a wire's datelines do. (Not a
  // country after the town: "MATAMOROS, Mexico".)
  void capital_of_country_named(const std::string& folded, std::vector<Candidate>& cands) const {
    const auto country = std::find_if(cands.begin(), cands.end(), [&](const Candidate& c) {
      return c.how == MatchHow::name && gaz.place(c.entry).kind == PlaceKind::country;
    });
    if (country == cands.end()) return;
    const std::optional<Place> capital = gaz.capital(gaz.place(country->entry).country_code);
    if (!capital || !fold_name(capital->name).starts_with(folded)) return;
    for (Candidate& c : gaz.lookup_folded(fold_name(capital->name)))
      if (c.entry == capital->index) {
        cands = {c};
        return;
      }
  }

  // "Sen. Robert Byrd, D-W. Va.", "Rep. Tom Bakk, DFL-Cook": a party's
  // initial and a hyphen before a legislator's state or home.
  bool after_party_label(size_t a) const {
    if (a < 2 || word(a - 1) != "-" || seg.tokens[a - 1].end != seg.tokens[a].start || seg.tokens[a - 2].end != seg.tokens[a - 1].start)
      return false;
    return is_party_label(word(a - 2));
  }

  // "East Texas", "Northern Ireland's": a bearing before a country or a
  // division is a part of it, not the village that bears the whole name (a
  // town called East Texas in Pennsylvania). Keeps the wide readings of the
  // name after the bearing when the whole name is only towns'.
  void part_of_wide_place(size_t a, size_t b, std::vector<Candidate>& cands) const {
    const std::string first = ascii_lower(word(a));
    const CompassPoint* point = compass_point_named(first);
    if (!point) point = compass_point_of_adjective(first);
    if (!(point && point->cardinal) && first != "central") return;
    const auto is_town = [&](const Candidate& c) {
      const PlaceKind k = gaz.place(c.entry).kind;
      return k == PlaceKind::city || k == PlaceKind::admin2;
    };
    if (!std::all_of(cands.begin(), cands.end(), is_town)) return;
    std::vector<Candidate> wide = gaz.lookup_folded(fold_name(span_text(a + 1, b)));
    std::erase_if(wide, [&](const Candidate& c) { return is_town(c) || c.how != MatchHow::name; });
    if (!wide.empty()) cands = std::move(wide);
  }

  // A country's or region's code ("US", "U.K."), or a division's that names
  // it without a town before it: three or more characters, all capitals
  // ("NSW", "S.C.", not "Ind." or "PA"), no word ("ACT"), no era after a
  // number ("300 B.C.").
  bool code_of_wide_place(size_t a, size_t b, const std::string& text, const std::vector<Candidate>& cands) const {
    if (std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    const bool division_code = text.size() >= 3 && !(a > 0 && seg.tokens[a - 1].kind == TokenKind::number) &&
                               (a != b || WordTable::shared().lookup(ascii_lower(text)).count == 0);
    return std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
      const PlaceKind k = gaz.place(c.entry).kind;
      return c.how == MatchHow::abbreviation &&
             (k == PlaceKind::country || k == PlaceKind::region || (k == PlaceKind::admin1 && division_code));
    });
  }

  bool in_dateline(size_t a, size_t b) const {
    return doc.dateline && seg.tokens[a].start >= doc.dateline->place_start && seg.tokens[b].end <= doc.dateline->place_end;
  }

  void add(size_t a, size_t b, std::vector<Candidate> cands, uint32_t sentence, size_t sentence_first, bool fuzzy_hit) {
    Mention m;
    m.dateline = in_dateline(a, b);
    m.start = seg.tokens[a].start;
    m.end = seg.tokens[b].end;
    m.text = span_text(a, b);
    m.sentence = sentence;
    m.first_token = static_cast<uint32_t>(a);
    m.last_token = static_cast<uint32_t>(b);
    m.cue = cue_before(a, sentence_first);
    m.fuzzy = fuzzy_hit;
    m.demonym = std::all_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.how == MatchHow::demonym; });
    weigh_evidence(m, a, b, cands, sentence_first);
    if (cands.size() > kMaxCandidates) cands.resize(kMaxCandidates);
    const bool someone_named = std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.how == MatchHow::name; });
    for (const auto& c : cands) {
      ScoredPlace sp;
      sp.entry = c.entry;
      sp.score = c.prior - (fuzzy_hit ? 1.0 + c.distance : 0.0);
      sp.how = static_cast<uint8_t>(c.how);
      sp.distance = static_cast<uint8_t>(std::min(c.distance, 255));
      sp.fuzzy = fuzzy_hit;
      sp.other_name = someone_named && c.how == MatchHow::alias;
      m.candidates.push_back(sp);
    }
    out.push_back(std::move(m));
  }

  // What the span itself and its neighbours say about it being a place
  // (the resolver adds what the rest of the report says).
  void weigh_evidence(Mention& m, size_t a, size_t b, const std::vector<Candidate>& cands, size_t sentence_first) const {
    auto& ev = m.evidence;
    ev[ev_bias] = 1;
    ev[ev_one_word] = a == b;
    const WordTable& words = WordTable::shared();
    if (a == b) {
      const std::string lower = ascii_lower(word(a));
      const WordTags tags = words.lookup(lower);
      ev[ev_common_word] = tags.count > 0 && tags.first() != Pos::NNP && tags.first() != Pos::NNPS;
      ev[ev_name_word] = tags.first() == Pos::NNP || lex.given_names.count(std::string(word(a))) > 0;
    }
    if (!m.cue.empty()) {
      const bool place_cue = m.cue == "in" || m.cue == "into" || m.cue == "near" || m.cue == "at" || m.cue == "outside" ||
                             m.cue == "around" || m.cue == "capital" || m.cue == "within" || m.cue == "throughout" || m.cue == "close to" ||
                             m.cue.find(" of") != std::string::npos || m.cue.ends_with(" from") ||
                             // (a town of known size only: "an air strike on Kanan village" names no Japanese hamlet)
                             (action_cue(m.cue) && std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
                                return c.how == MatchHow::name && gaz.place(c.entry).population > 0;
                              }));
      (place_cue && m.cue != "of" ? ev[ev_cue_place] : ev[ev_cue_other]) = 1;
    }
    const bool after_quote = a > sentence_first && seg.tokens[a - 1].kind == TokenKind::punct &&
                             (word(a - 1) == "\"" || word(a - 1) == "\u201c" || word(a - 1) == ":");
    ev[ev_sentence_start] = a == sentence_first || after_quote || headline;
    ev[ev_alias] = 1;
    uint64_t largest = 0;
    for (const auto& c : cands) {
      const Place p = gaz.place(c.entry);
      const bool own_name = c.how == MatchHow::name || c.how == MatchHow::demonym;
      if (own_name) ev[ev_alias] = 0;
      if (own_name && p.kind == PlaceKind::city && p.population >= 100000) ev[ev_big_city] = 1;
      if ((own_name || c.how == MatchHow::alias) && p.kind != PlaceKind::city && p.kind != PlaceKind::admin2) ev[ev_wide_kind] = 1;
      if (p.kind != PlaceKind::city) continue;
      largest = std::max(largest, p.population);
      if (p.feature == "PPLC" || p.feature == "PPLA" || p.feature == "PPLA2") ev[ev_seat] = 1;
    }
    ev[ev_population] = static_cast<float>(std::log10(1.0 + static_cast<double>(largest)) / 7.0);
    ev[ev_fuzzy] = m.fuzzy;
    if (b + 1 < seg.tokens.size() && seg.tokens[b + 1].kind == TokenKind::word && !seg.tokens[b + 1].capitalized) {
      const std::string next = ascii_lower(word(b + 1));
      const WordTags tags = words.lookup(next);
      const bool type_word = is_division_word(next, DivisionWord::place_noun) ||
                             one_of(next, {"city", "area", "town", "village", "valley", "border", "strip"});
      ev[ev_modifier] = !type_word && (tags.first() == Pos::NN || tags.first() == Pos::NNS);
    }
    ev[ev_all_caps] = seg.tokens[a].all_caps && seg.tokens[a].end - seg.tokens[a].start > 1;
    // "China", "Turkey": a country's name written with its capital is the
    // country, not the word "china" (a given name, "Chad", "Jordan", still counts).
    const bool country_name = std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
      return (c.how == MatchHow::name || c.how == MatchHow::alias) && !c.fuzzy && gaz.place(c.entry).kind == PlaceKind::country;
    });
    if (country_name && !seg.tokens[a].all_caps) ev[ev_common_word] = 0;
    // "the US", "NSW" in capitals: a country's or division's code, not the word
    // "us". (Before a noun or a hyphen, "US forces", "US-led", it says whose
    // more than where: the usual evidence decides.)
    const Pos next_pos = b + 1 < seg.tokens.size() ? words.lookup(ascii_lower(word(b + 1))).first() : Pos::none;
    const bool attributive =
        b + 1 < seg.tokens.size() && (word(b + 1) == "-" || next_pos == Pos::NN || next_pos == Pos::NNS || next_pos == Pos::JJ);
    if (code_of_wide_place(a, b, m.text, cands)) {
      // Nor is "US" before a noun ("US officials", "the US Army") the word "us":
      // the span is the country's, though its evidence must still carry it.
      // Before an adjective ("the US military base") it stays as doubtful as before.
      if (!attributive || next_pos != Pos::JJ) ev[ev_common_word] = 0;
      if (!attributive) ev[ev_wide_kind] = 1;
    }
    ev[ev_ambiguity] = static_cast<float>(std::log10(1.0 + static_cast<double>(cands.size())) / 2.0);
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
        if (cap(n)) {
          run_end = n;
          continue;
        }
        const std::string_view w = word(n);
        if ((w == "-" || is_connector(ascii_lower(w)) || is_romance_connector(ascii_lower(w))) && n + 1 < end && cap(n + 1) &&
            seg.tokens[n].start == seg.tokens[run_end].end + (w == "-" ? 0 : 1)) {
          run_end = n + 1;
          continue;
        }
        // "Côte d'Ivoire", "Val d'Oise": an elided article joined to a name
        // (one token, or three where the apostrophe splits it).
        if ((w == "d" || w == "l") && n + 2 < end && (word(n + 1) == "'" || word(n + 1) == "\u2019") && cap(n + 2) &&
            seg.tokens[n + 1].start == seg.tokens[n].end && seg.tokens[n + 2].start == seg.tokens[n + 1].end) {
          run_end = n + 2;
          continue;
        }
        if (elided_name(w) && seg.tokens[n].start == seg.tokens[run_end].end + 1) {
          run_end = n;
          continue;
        }
        // "Deir ez-Zor", "Ras al-Ain": a short Arabic article joined by a hyphen to a name.
        if (w.size() <= 3 && n + 2 < end && word(n + 1) == "-" && cap(n + 2) && seg.tokens[n + 1].start == seg.tokens[n].end &&
            seg.tokens[n + 2].start == seg.tokens[n + 1].end) {
          run_end = n + 2;
          continue;
        }
        // "English-speaking North-West", "Saudi-led", "Iranian-made": a modifier ends the run; the name after it is a run of its own.
        if (w == "-" && n + 1 < end && !cap(n + 1) && participle_like(ascii_lower(word(n + 1)))) break;
        if (w == "-" && n + 1 < end && seg.tokens[n].start == seg.tokens[run_end].end) {  // "Ar-Raqqah", "al-Bab"
          run_end = n + 1;
          continue;
        }
        if (const size_t next = name_goes_on(i, run_end, end); next > run_end) {
          run_end = next;
          continue;
        }
        break;
      }
      runs.emplace_back(i, run_end);
      // "the Mayo-Sava division": a hyphenated name of a division the gazetteer lacks as a whole is no pair of places
      // (Mayo in Ireland, Sava in Madagascar).
      if (const std::string next = run_end + 1 < end ? ascii_lower(word(run_end + 1)) : "";
          !next.empty() && (is_division_word(next, DivisionWord::after_name) || one_of(next, {"division", "subdivision", "department"}))) {
        bool hyphened = false;
        for (size_t k = i + 1; k < run_end; ++k) hyphened = hyphened || (word(k) == "-" && cap(k - 1) && cap(k + 1));
        for (size_t k = i; k <= run_end; ++k) hyphened = hyphened && (cap(k) || word(k) == "-");  // not "Kurdish-majority Aziziyah"
        std::vector<Candidate> whole;
        if (hyphened && !accept(i, run_end, whole)) {
          i = run_end + 1;
          continue;
        }
      }
      const std::string cue = cue_before(i, first);
      if (cue.find(" of") != std::string::npos && cue.find("towns") != std::string::npos) list_cue = true;
      if (cue.find("villages") != std::string::npos) list_cue = true;
      // Longest gazetteer match first, inside the run.
      for (size_t a = i; a <= run_end;) {
        if (seg.tokens[a].kind != TokenKind::word) {  // a span starts at a word, not at the hyphen of "Wal-Mart"
          ++a;
          continue;
        }
        bool hit = false;
        for (size_t b = span_limit(a, run_end) + 1; b-- > a;) {
          if (!cap(b) && !elided_name(word(b))) continue;  // a name ends at a capitalised word ("d'Ivoire" is one)
          // "Al-Bayaa": a short article joined by a hyphen to a name is no place of its own.
          // So is a saint's title ("Sainte-Soline", a village the gazetteer lacks, is no Saint-Étienne).
          if (b == a && (word(b).size() <= 3 || one_of(word(b), {"Saint", "Sainte", "Santa", "Santo"})) && b + 2 <= run_end &&
              word(b + 1) == "-" && seg.tokens[b + 1].start == seg.tokens[b].end && seg.tokens[b + 2].start == seg.tokens[b + 1].end &&
              cap(b + 2))
            continue;
          std::vector<Candidate> cands;
          if (accept(a, b, cands)) {
            // "Mocimboa da Praia" where the gazetteer knows "Mocimboa": a
            // Romance connector carries the name on to the end of the run.
            if (b + 2 <= run_end && is_romance_connector(ascii_lower(word(b + 1))) && cap(b + 2)) b = run_end;
            // "Wadi Al Kabir", "Ain El Hammam": an Arabic article written apart goes on with the name; the gazetteer
            // lacks the whole, and its first word alone (an Indian town "Wadi") is no place of the report. (Not a
            // city's name before a part of it, "Mosul Al Jadida"; "As" and "At" are English words in a title.)
            // (Or joined by a hyphen to the next word: "Ain al-Asad", an air base, is no department of France.)
            const bool joined_article = b + 3 <= run_end && one_of(word(b + 1), {"al", "el", "ad", "ar", "ash", "az", "ed", "es"}) &&
                                        word(b + 2) == "-" && cap(b + 3) && seg.tokens[b + 2].start == seg.tokens[b + 1].end &&
                                        seg.tokens[b + 3].start == seg.tokens[b + 2].end;
            if (b + 2 <= run_end && (one_of(word(b + 1), {"Al", "El", "Ad", "Ar", "Ash", "Az", "Ed", "Es"}) || joined_article) &&
                cap(b + 2 + (joined_article ? 1 : 0)) && seg.tokens[b + 1].start == seg.tokens[b].end + 1 && !big_city_among(cands)) {
              a = run_end + 1;
              hit = true;
              break;
            }
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
      const bool type_word = is_division_word(after, DivisionWord::place_noun) || one_of(after, {"city", "village", "town"});
      const bool strong_cue = list_cue || type_word || cue == "near" || cue.find(" of") != std::string::npos || cue == "outside";
      if (strong_cue && (out.size() == before || out.back().last_token < i)) {
        const std::string text = span_text(i, run_end);
        if (!lex.not_places.count(fold_name(text)) && text.size() >= 5) {
          auto cands = gaz.fuzzy(text, 10);
          // (Not the place's adjective, a surname or a town of its own: "al-Baghdadi" is no spelling of Baghdad.)
          const std::string folded = fold_name(text);
          std::erase_if(cands, [&](const Candidate& c) {
            const std::string name = fold_name(gaz.place(c.entry).name);
            return c.distance > 1 || (folded.size() == name.size() + 1 && folded.back() == 'i' && folded.starts_with(name));
          });
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
    size_t first = 0;                         // the sentence's first token
    std::vector<std::vector<size_t>> starts;  // per token: indices into out
    std::vector<bool> covered;                // per token
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
  void drop_partial_names(size_t before, const std::vector<std::pair<size_t, size_t>>& runs, size_t sentence_first, size_t sentence_end) {
    const SentenceMentions at(out, before, sentence_first, sentence_end);
    std::vector<bool> drop(out.size(), false);
    for (const auto& [a, b] : runs) {
      bool stray_before = false;   // an uncovered name word seen so far in the run
      std::vector<size_t> in_run;  // the run's mentions by end; those before a stray open a name
      for (size_t k = a; k <= b; ++k)
        for (size_t m : at.starting_at(k)) in_run.push_back(m);
      std::sort(in_run.begin(), in_run.end(), [&](size_t x, size_t y) { return out[x].last_token < out[y].last_token; });
      size_t named = 0;
      for (size_t k = a; k <= b; ++k) {
        if (!cap(k)) continue;
        // An initialism before a hyphen starts no name: "D-Charleston" (a
        // party and a town), "EU-Israel"; "Wal" of "Wal-Mart" does.
        const bool initialism_hyphen = seg.tokens[k].all_caps && k + 1 <= b && word(k + 1) == "-";
        const bool is_stray = !at.covers(k) && !(k == sentence_first && k == a) && !is_ignorable(word(k)) && !initialism_hyphen;
        if (is_stray) {
          stray_before = true;
          for (; named < in_run.size() && out[in_run[named]].last_token < k; ++named)  // a name word after a place: the place opens a name
            out[in_run[named]].in_name = true;
          continue;
        }
        if (!stray_before) continue;
        // "University of Nebraska", "the Financial Times of London": a place
        // after "of" inside a name is where the name's holder is (still never
        // an event's place); a person's name has no "of" before its last word.
        const bool after_of = k > a && ascii_lower(word(k - 1)) == "of";
        for (size_t m : at.starting_at(k)) {
          if (after_of)
            out[m].in_name = true;
          else
            drop[m] = true;
        }
      }
      // "the Empalme Graneros area": two towns side by side before an area's word, with no comma or word between,
      // that no one country holds, are one name the gazetteer lacks (Empalme in Mexico, Graneros in Chile), not two
      // places. (A country or division beside a town stays.)
      const auto wide = [&](size_t m) {
        return std::any_of(out[m].candidates.begin(), out[m].candidates.end(), [&](const ScoredPlace& c) {
          const PlaceKind kind = gaz.place(c.entry).kind;
          return kind == PlaceKind::country || kind == PlaceKind::admin1 || kind == PlaceKind::region;
        });
      };
      // (Towns of one country side by side, "Decatur McLean County" in a local paper's run-on, may be two.)
      const auto share_country = [&](size_t m, size_t n) {
        for (const ScoredPlace& c : out[m].candidates)
          for (const ScoredPlace& d : out[n].candidates)
            if (gaz.place(c.entry).country_code == gaz.place(d.entry).country_code) return true;
        return false;
      };
      for (size_t x = 0; x + 1 < in_run.size(); ++x) {
        const size_t m = in_run[x], n = in_run[x + 1];
        const size_t next = out[n].last_token + 1;
        const bool area_after = next < sentence_end && next == b + 1 &&
                                one_of(ascii_lower(word(next)), {"area", "neighbourhood", "neighborhood", "district", "quarter", "suburb",
                                                                 "sector", "zone", "township", "settlement", "barrio", "colony"});
        if (out[m].last_token + 1 == out[n].first_token && area_after && !out[m].demonym && !out[n].demonym && !wide(m) && !wide(n) &&
            !share_country(m, n))
          drop[m] = drop[n] = true;
      }
    }
    // People: a title or a given name starts a person's name ("Sen. Lincoln
    // Davis", "Patrick Jones"); what follows in the run is that name. A given
    // name second in a run of three or more is a middle name ("Rodney Eric
    // Smith"): the run is a person's whole name, though its first name is
    // not one we list.
    for (const auto& [a, b] : runs) {
      const std::string_view first = word(a);
      const bool title = is_title(first);
      const bool given = lex.given_names.count(std::string(first)) > 0 || (b >= a + 2 && middle_name(at, a, b));
      if (!(title || given) || (a == b && !title)) continue;
      for (size_t k = a; k <= b; ++k) {
        for (size_t m : at.starting_at(k)) {
          if (out[m].last_token > b) continue;
          const bool starts_at_name = out[m].first_token == a && !title;
          // "Prince Edward Island", "Queen Anne's County": a name that says it is a place keeps its title.
          // "Saint-Denis", "in Saint Petersburg": a whole run the gazetteer names after a saint is that town, where it
          // is joined by a hyphen or a place word stands before it (not "a shrine to Saint Paul", the man).
          const bool whole = out[m].first_token == a && out[m].last_token == b;
          const bool saint_town = one_of(first, {"Saint", "Sainte"}) &&
                                  ((a + 1 <= b && word(a + 1) == "-") ||
                                   one_of(out[m].cue, {"in", "at", "near", "outside", "from", "into", "across", "around"}));
          const bool titled_place = title && whole && ((b > a + 1 && is_place_type(word(b))) || saint_town);
          if ((!starts_at_name || out[m].last_token == a) && !titled_place) drop[m] = true;
        }
      }
      surnames.insert(std::string(word(b)));
    }
    // Titles just before a run: "Gov. Bill Haslam" splits into two runs at the period.
    // A street's name ("Hart Street" in Southport, "Haifa Street" in Baghdad) is no town of that name.
    std::vector<bool> street(out.size(), false);  // named as a street by the rules below
    for (size_t m = before; m < out.size(); ++m) {
      const size_t k = out[m].first_token;
      if (k > sentence_first && is_title(word(k - 1))) drop[m] = true;
      const size_t next = out[m].last_token + 1;
      const bool was_in_name = out[m].in_name;
      if (next < sentence_end && cap(next) && is_street_word(ascii_lower(word(next)))) out[m].in_name = true;
      // "the synagogue in Krystalgade", "Hauptstrasse": a street by its own word's ending.
      if (out[m].first_token == out[m].last_token && has_street_ending(ascii_lower(out[m].text))) out[m].in_name = true;
      // The name before this one's "and", if any ("Mayo and Rivadavia", "Flinders and Swanston").
      size_t coordinated = out.size();
      if (k >= sentence_first + 2 && word(k - 1) == "and")
        for (size_t e = before; e < m; ++e)
          if (out[e].last_token + 2 == k) coordinated = e;
      // "along Avenida de Mayo and Rivadavia": a name coordinated with a street's is a street's too.
      if (coordinated < out.size() && street[coordinated]) out[m].in_name = true;
      // "Flinders and Swanston streets": two streets' names before their plural.
      if (next + 2 < sentence_end && word(next) == "and" && cap(next + 1) && is_street_plural(word(next + 2))) out[m].in_name = true;
      if (k >= sentence_first + 2 && word(k - 1) == "and" && next < sentence_end && is_street_plural(word(next))) {
        if (coordinated < out.size()) out[coordinated].in_name = true;
        out[m].in_name = true;
      }
      // "Piazza del Popolo", "Plaza de Mayo": a square's word that is also a town's name ("Piazza", Lombardy).
      if (cap(k) && is_street_prefix(ascii_lower(word(k))) && k + 2 < sentence_end &&
          (is_street_connector(ascii_lower(word(k + 1))) || ascii_lower(word(k + 1)) == "dei") && cap(k + 2))
        out[m].in_name = true;
      // "Avenida de Mayo", "Calle Fortaleza", "rue de Rivoli": a street named before its name.
      // ("Place de l'Étoile", "Place d'Italie", "Plaza de la Constitución": an article or an elision between.)
      size_t p = k;
      if (p >= sentence_first + 2 && one_of(word(p - 1), {"'", "\xE2\x80\x99"}) && one_of(ascii_lower(word(p - 2)), {"l", "d"})) p -= 2;
      if (p >= sentence_first + 2 && one_of(ascii_lower(word(p - 1)), {"la", "las", "los", "le", "les"}) &&
          is_street_connector(ascii_lower(word(p - 2))))
        --p;
      if (p > sentence_first && is_street_connector(ascii_lower(word(p - 1)))) --p;
      // (Capitalised: "to Iran via Quetta" names the town.)
      if (p > sentence_first && cap(p - 1) && is_street_prefix(ascii_lower(word(p - 1)))) out[m].in_name = true;
      street[m] = out[m].in_name && !was_in_name;
    }
    size_t w = before;
    for (size_t m = before; m < out.size(); ++m) {
      if (drop[m]) continue;
      if (w != m) out[w] = std::move(out[m]);  // self-move would empty it
      ++w;
    }
    out.resize(w);
  }

  // "Rodney Eric Smith": a first word that is no word of the language and
  // at most a small town by itself (not "Egypt" in "ambassador to Egypt Dan
  // Kurtzer", not "St." of "St. Joseph"), then a given name we list.
  bool middle_name(const SentenceMentions& at, size_t a, size_t b) const {
    if (!cap(a) || is_title(word(a)) || !lex.given_names.count(std::string(word(a + 1)))) return false;
    for (size_t k = a; k <= b; ++k)
      if (!cap(k)) return false;  // "Handler Joseph Vergnetti of Medina": the person ends before "of"
    if (at.covers(a)) {
      const auto& here = at.starting_at(a);
      if (here.empty()) return false;
      for (size_t m : here) {
        if (out[m].last_token != a) return false;
        if (out[m].candidates.empty()) continue;
        const Place p = gaz.place(out[m].candidates.front().entry);
        if (p.kind != PlaceKind::city || p.population >= 50000) return false;
      }
    }
    const WordTags tags = WordTable::shared().lookup(ascii_lower(word(a)));
    return tags.count == 0 || tags.first() == Pos::NNP || tags.first() == Pos::NNPS;
  }

  static bool is_street_plural(std::string_view w) { return one_of(w, {"streets", "roads", "avenues", "boulevards"}); }

  static bool is_place_type(std::string_view w) {
    return one_of(w, {"County", "Parish", "Island", "Islands", "Province", "District", "City", "Town", "Township", "Bay", "Sound", "Land"});
  }

  static bool is_title(std::string_view w) {
    static const std::set<std::string, std::less<>> titles = {
        "Mr.",      "Mrs.",       "Ms.",          "Dr.",      "Sen.",           "Rep.",      "Gov.",      "Gen.",
        "Col.",     "Sgt.",       "Lt.",          "Capt.",    "Det.",           "Prof.",     "Rev.",      "Maj.",
        "Adm.",     "Cpl.",       "Sheriff",      "Judge",    "Officer",        "Deputy",    "Coach",     "President",
        "Minister", "Mayor",      "Commissioner", "Director", "Superintendent", "Principal", "Detective", "Trooper",
        "Attorney", "Councilman", "Councilwoman", "Senator",  "Governor",       "Secretary", "Chairman",  "Pastor",
        "Father",   "Sister",     "Brother",      "Saint",    "King",           "Queen",     "Prince",    "Princess",
        "Sheikh",   "Pope",       "Lord",         "Sir",      "Dame",           "Mr",        "Mrs",       "Dr"};
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
    return w == "said" || w == "says" || w == "told" || w == "added" || w == "explained" || w == "testified" || w == "wrote" ||
           w == "asked" || w == "stated";
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
    std::sort(points.begin(), points.end(),
              [](const GeoPoint& a, const GeoPoint& b) { return a.lat != b.lat ? a.lat < b.lat : a.lon < b.lon; });
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

std::vector<Mention> recognize_toponyms(const Document& doc, const Segmented& seg, const Gazetteer& gaz, const Lexicon& lex) {
  Recognizer r{doc, seg, gaz, lex, {}, {}};
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) r.sentence(s);
  r.drop_known_people();
  return std::move(r.out);
}

std::string_view evidence_name(Evidence e) {
  static constexpr std::array<std::string_view, ev_count> names = {
      "bias",  "one_word", "common_word", "name_word", "cue_place",    "cue_other", "sentence_start", "wide_kind", "population", "seat",
      "alias", "fuzzy",    "modifier",    "support",   "repeated_cue", "all_caps",  "ambiguity",      "qualified", "big_city"};
  return e < ev_count ? names[e] : "?";
}

std::string_view signal_name(Signal s) {
  static constexpr std::array<std::string_view, sig_count> names = {
      "country",    "admin1", "admin2",       "region",    "sea",     "capital",      "seat",          "seat2",
      "population", "alias",  "abbreviation", "base_name", "fuzzy",   "other_name",   "named_country", "named_admin1",
      "focus",      "near",   "dateline",     "actor",     "outside", "focus_admin1", "cluster"};
  return s < sig_count ? names[s] : "?";
}

ResolveWeights::ResolveWeights() {
  // Fitted by bench/gazetteer_tune.py on the even documents of LGL and
  // GeoVirus (README, "Gazetteer").
  evidence[ev_bias] = 0.55;
  evidence[ev_one_word] = -1.20;
  evidence[ev_common_word] = -1.95;
  evidence[ev_name_word] = -1.62;
  evidence[ev_cue_place] = 1.88;
  evidence[ev_cue_other] = 0.58;
  evidence[ev_sentence_start] = -0.18;
  evidence[ev_wide_kind] = 2.59;
  evidence[ev_population] = -0.87;
  evidence[ev_seat] = 0.11;
  evidence[ev_alias] = -0.39;
  evidence[ev_fuzzy] = -0.15;
  evidence[ev_modifier] = 0.74;
  evidence[ev_support] = 1.25;
  evidence[ev_repeated_cue] = 1.13;
  evidence[ev_all_caps] = 2.20;
  evidence[ev_ambiguity] = 0.30;
  evidence[ev_qualified] = 1.09;
  evidence[ev_big_city] = 1.48;
  signal[sig_country] = 6.5;
  signal[sig_admin1] = 3.75;
  signal[sig_admin2] = 1.75;
  signal[sig_region] = 7;
  signal[sig_sea] = 5;
  signal[sig_capital] = 3.25;
  signal[sig_seat] = 0.5;
  signal[sig_seat2] = 0;
  signal[sig_population] = 0.5;
  signal[sig_alias] = -2.45;
  signal[sig_abbreviation] = -0.6;
  signal[sig_base_name] = -1.5;
  signal[sig_fuzzy] = -1;
  signal[sig_other_name] = 0;
  signal[sig_named_country] = 2.5;
  signal[sig_named_admin1] = 2.5;
  signal[sig_focus] = 3;
  signal[sig_near] = 0.5;
  signal[sig_dateline] = 1.5;
  signal[sig_actor] = 1.5;
  signal[sig_outside] = 0;
  signal[sig_focus_admin1] = 2.75;
  signal[sig_cluster] = 2;
}

namespace {

// Countries where the armed groups a report names operate: the first one
// listed counts 1, the next two 0.5. Groups active in more than three
// countries say little about where a report is.
std::unordered_map<std::string, double> actor_countries(const Document& doc, const Segmented& seg, const Lexicon& lex) {
  std::unordered_map<std::string, double> out;
  if (lex.actors.size() == 0) return out;
  std::vector<std::string> lower;
  std::vector<std::string_view> raw;
  for (const Sentence& s : seg.sentences) {
    lower.clear();
    raw.clear();
    for (uint32_t k = 0; k < s.token_count; ++k) {
      const std::string_view w = token_text(doc.text, seg.tokens[s.first_token + k]);
      raw.push_back(w);
      lower.push_back(ascii_lower(w));
    }
    for (size_t k = 0; k < lower.size();) {
      size_t len = 0;
      const ArmedActor* a = lex.actors.match(lower, raw, k, lower.size(), &len);
      if (!a) {
        ++k;
        continue;
      }
      if (a->countries.size() <= 3)
        for (size_t c = 0; c < a->countries.size(); ++c) {
          double& v = out[a->countries[c]];
          v = std::max(v, c == 0 ? 1.0 : 0.5);
        }
      k += std::max<size_t>(len, 1);
    }
  }
  return out;
}

// The report's places as the current guesses have them: which countries
// and divisions it names, how its places spread over countries, and which
// towns anchor it. What one name contributes is kept apart so that its own
// mentions are scored without it ("Georgia" must not vouch for Georgia).
class ReportContext {
 public:
  ReportContext(const std::vector<Mention>& mentions, const std::vector<ScoredPlace>& best, const std::vector<std::string>& names,
                const Gazetteer& gaz) {
    std::vector<GeoPoint> anchors;
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (mentions[i].candidates.empty()) continue;
      const Place p = gaz.place(best[i].entry);
      const bool unambiguous = mentions[i].candidates.size() == 1 || best[i].score - mentions[i].candidates[1].score > 2.0;
      Own& own = own_[names[i]];
      if (p.country_code.empty()) continue;
      const std::string cc(p.country_code);
      const double w = unambiguous ? 1.0 : 0.5;
      focus_[cc] += w;
      own.focus[cc] += w;
      total_ += w;
      own.total += w;
      if (!mentions[i].demonym) {
        ++stated_[cc];
        ++own.stated[cc];
      }
      if (p.kind == PlaceKind::country || p.kind == PlaceKind::admin1 || p.kind == PlaceKind::admin2) {
        ++countries_[cc];
        ++own.countries[cc];
      }
      if (!p.admin1.empty()) {
        const std::string key = cc + "|" + std::string(p.admin1);
        admin1_focus_[key] += w;
        own.admin1_focus[key] += w;
      }
      if (p.kind == PlaceKind::admin1 || p.kind == PlaceKind::admin2) {
        const std::string key = cc + "|" + std::string(p.admin1);
        ++admin1s_[key];
        ++own.admin1s[key];
        if (p.kind == PlaceKind::admin1) {
          ++states_[key];
          ++own.states[key];
        }
      }
      if (p.kind == PlaceKind::city && unambiguous) anchors.push_back(p.point);
    }
    grid_ = std::make_unique<AnchorGrid>(std::move(anchors));
  }

  // Does any name but `name` point at country `cc` / division `key`?
  bool names_country(const std::string& name, const std::string& cc) const {
    return count_without(countries_, name, cc, &Own::countries) > 0;
  }
  bool names_admin1(const std::string& name, const std::string& key) const { return count_without(admin1s_, name, key, &Own::admin1s) > 0; }
  // Is country `cc` in the report (other than by `name`) only by its people's adjective ("Russian forces")?
  bool only_by_people(const std::string& name, const std::string& cc) const {
    return focus(name, cc) > 0 && count_without(stated_, name, cc, &Own::stated) == 0;
  }
  // Does any name but `name` name division `key` itself (not one of its counties)?
  bool names_state(const std::string& name, const std::string& key) const { return count_without(states_, name, key, &Own::states) > 0; }
  // Share of the other names' places that lie in `cc`.
  double focus(const std::string& name, const std::string& cc) const { return share(focus_, &Own::focus, name, cc); }
  // Share of the other names' places in division `key` ("CC|admin1").
  double admin1_focus(const std::string& name, const std::string& key) const { return share(admin1_focus_, &Own::admin1_focus, name, key); }
  bool has_other_places(const std::string& name) const {
    const Own* own = own_of(name);
    return total_ - (own ? own->total : 0) >= 1.0;
  }
  int near(GeoPoint p) const { return grid_->near(p); }

 private:
  struct Own {
    std::unordered_map<std::string, double> focus, admin1_focus;
    std::unordered_map<std::string, int> countries, admin1s, states, stated;
    double total = 0;
  };
  double share(const std::unordered_map<std::string, double>& all, std::unordered_map<std::string, double> Own::*field,
               const std::string& name, const std::string& key) const {
    const Own* own = own_of(name);
    const double total = total_ - (own ? own->total : 0);
    if (total <= 0) return 0;
    auto it = all.find(key);
    if (it == all.end()) return 0;
    double v = it->second;
    if (own)
      if (auto o = (own->*field).find(key); o != (own->*field).end()) v -= o->second;
    return std::max(0.0, v) / total;
  }
  const Own* own_of(const std::string& name) const {
    auto it = own_.find(name);
    return it == own_.end() ? nullptr : &it->second;
  }
  int count_without(const std::unordered_map<std::string, int>& all, const std::string& name, const std::string& key,
                    std::unordered_map<std::string, int> Own::*field) const {
    auto it = all.find(key);
    if (it == all.end()) return 0;
    int n = it->second;
    if (const Own* own = own_of(name))
      if (auto o = (own->*field).find(key); o != (own->*field).end()) n -= o->second;
    return n;
  }

  std::unordered_map<std::string, double> focus_, admin1_focus_;
  std::unordered_map<std::string, int> countries_, admin1s_, states_, stated_;  // stated_: by mentions other than a people's adjective
  std::unordered_map<std::string, Own> own_;
  double total_ = 0;
  std::unique_ptr<AnchorGrid> grid_;
};

constexpr std::string_view kInstitutionWords[] = {"university", "college", "hospital", "museum",       "theatre", "theater",
                                                  "library",    "medical", "opera",    "penitentiary", "prison",  "bank"};

// "Raqqa province", "the northern province of Samangan": the text names the
// division, not the town it is named after.
bool named_as_division(const Mention& m, const Document& doc) {
  const std::string after = ascii_lower(std::string_view(doc.text).substr(m.end, 14));
  const std::string before =
      ascii_lower(std::string_view(doc.text).substr(m.start > 16 ? m.start - 16 : 0, std::min<uint32_t>(m.start, 16)));
  // ("Perm State University", "the Region Hospital": an institution's name, no division.)
  const std::string further = ascii_lower(std::string_view(doc.text).substr(m.end, 40));
  const bool institution = std::any_of(std::begin(kInstitutionWords), std::end(kInstitutionWords), [&](std::string_view w) {
    const size_t space = further.find(' ', 1);
    return space != std::string::npos && further.compare(space + 1, w.size(), w) == 0;
  });
  for (const DivisionWord& d : division_words()) {
    if ((d.uses & DivisionWord::after_name) && after.find(d.word) == 1 && !institution) return true;
    if ((d.uses & DivisionWord::of_name) && before.find(std::string(d.word) + " of") != std::string::npos) return true;
  }
  // "in the south-west of Pará", "in northern Kano": a part of a region, not a bearing from a town.
  const std::string wider =
      ascii_lower(std::string_view(doc.text).substr(m.start > 30 ? m.start - 30 : 0, std::min<uint32_t>(m.start, 30)));
  for (const CompassPoint& point : compass_points()) {
    const std::string name(point.name);
    if (wider.ends_with("the " + name + " of ") || wider.ends_with("the far " + name + " of ")) return true;
  }
  return false;
}

// "Dublin City", "City of Richmond": the town's name with the word city,
// as a local paper names its council or schools. Returns the town's folded
// name ("dublin"), or "" when `folded` is no such name.
std::string city_stem(const std::string& folded) {
  constexpr std::string_view suffix = " city", prefix = "city of ";
  if (folded.size() > suffix.size() && folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0)
    return folded.substr(0, folded.size() - suffix.size());
  if (folded.size() > prefix.size() && folded.compare(0, prefix.size(), prefix) == 0) return folded.substr(prefix.size());
  return "";
}

// Everything resolution knows of a report, and the scoring of one candidate.
struct Resolver {
  const Gazetteer& gaz;
  const Document& doc;
  const ResolveWeights& w;
  std::unordered_map<std::string, double> actors;                                // country -> weight
  std::string dateline_name;                                                     // folded name of the dateline's place mention
  std::vector<std::string> names;                                                // folded text per mention
  std::unordered_map<std::string, std::unordered_map<uint32_t, float>> cluster;  // name -> entry -> reading_coherence
  std::unordered_map<std::string, uint64_t> biggest_towns;                       // name -> people of its biggest town of that very name
  std::unordered_map<std::string, std::string> biggest_town_countries;           // name -> that town's country
  std::set<std::string> wide_own_names;                                          // names a country, division or region bears as its own

  // "Mexico", "California", "Pacific": a name that can be a country or a
  // region, or a division bigger than any of its towns, is decided by the
  // signals of those (kind, the report's countries), not by its towns'
  // neighbours. "Hanover" is not (a Jamaican parish smaller than Hannover),
  // nor a division named after its seat ("Alexandria", the governorate of
  // the Egyptian city): the name means the town there, and its namesakes
  // elsewhere are told apart by their neighbours as any town's are.
  bool wide_name(const Mention& m) const {
    uint64_t towns = 0, divisions = 0;
    std::vector<Place> seats;
    for (const ScoredPlace& c : m.candidates) {
      if (c.fuzzy || c.how != static_cast<uint8_t>(MatchHow::name)) continue;
      const Place p = gaz.place(c.entry);
      if (p.kind == PlaceKind::city && (p.feature == "PPLA" || p.feature == "PPLC")) seats.push_back(p);
    }
    const bool says_division = named_as_division(m, doc);  // "Yala province" is the province, not its town
    auto named_after_seat = [&](const Place& division) {
      return !says_division && std::any_of(seats.begin(), seats.end(), [&](const Place& s) { return within(s, division); });
    };
    bool division = false;
    for (const ScoredPlace& c : m.candidates) {
      if (c.fuzzy) continue;
      const Place p = gaz.place(c.entry);
      if (p.kind == PlaceKind::city || p.kind == PlaceKind::admin2) {
        if (c.how == static_cast<uint8_t>(MatchHow::name)) towns = std::max(towns, p.population);  // not Patan for "Yala"
      } else if (p.kind == PlaceKind::admin1) {
        if (named_after_seat(p)) continue;
        division = true;
        divisions = std::max(divisions, p.population);
      } else {
        return true;
      }
    }
    return division && divisions >= towns;
  }

  // What each name's readings are, whatever the guesses: how near its towns
  // and counties lie to the other names' (read from all their candidates, so
  // that a report whose names each guessed another state still finds the one
  // they share), and the people of its biggest town of that very name.
  void weigh_readings(const std::vector<Mention>& mentions) {
    constexpr double kReachKm = 50;  // tighter lets chance namesakes vouch less; 30-100 km score alike on LGL
    std::unordered_map<std::string, size_t> slot;
    std::vector<std::vector<Reading>> readings;
    std::vector<std::vector<uint32_t>> entries;
    std::vector<bool> wide;
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (mentions[i].candidates.empty()) continue;
      const auto [it, fresh] = slot.emplace(names[i], readings.size());
      if (!fresh) continue;
      readings.emplace_back();
      entries.emplace_back();
      wide.push_back(wide_name(mentions[i]));
      for (const ScoredPlace& c : mentions[i].candidates) {
        const Place p = gaz.place(c.entry);
        if (p.kind != PlaceKind::city && p.kind != PlaceKind::admin2) continue;
        // "Alexandria City" reaches Alexandria by an alias, yet names that town as surely as its own name does.
        const bool own_name = c.how != static_cast<uint8_t>(MatchHow::alias) || city_stem(names[i]) == fold_name(p.name);
        readings.back().push_back({p.point, !c.fuzzy && own_name});
        entries.back().push_back(c.entry);
      }
    }
    const auto near = reading_coherence(readings, kReachKm);
    cluster.clear();
    biggest_towns.clear();
    biggest_town_countries.clear();
    wide_own_names.clear();
    for (size_t i = 0; i < mentions.size(); ++i) {
      uint64_t& biggest = biggest_towns[names[i]];
      for (const ScoredPlace& c : mentions[i].candidates) {
        const Place p = gaz.place(c.entry);
        if (c.how == static_cast<uint8_t>(MatchHow::name) && !c.fuzzy && p.kind != PlaceKind::city && p.kind != PlaceKind::admin2)
          wide_own_names.insert(names[i]);
        if (c.how == static_cast<uint8_t>(MatchHow::name) && !c.fuzzy && p.kind == PlaceKind::city && p.population > biggest) {
          biggest = p.population;
          biggest_town_countries[names[i]] = std::string(p.country_code);
        }
      }
    }
    for (const auto& [name, n] : slot) {
      if (wide[n]) continue;
      auto& m = cluster[name];
      for (size_t k = 0; k < entries[n].size(); ++k) m[entries[n][k]] = near[n][k];
    }
  }

  // A town with a namesake city of a hundred thousand people or more and
  // fifty times its own, in a country the report is about (Paris, Illinois
  // in a report on Illinois alone has no Paris of France to lose to, only
  // other small Parises).
  bool dwarfed_town(const Place& p, const std::string& name, const ReportContext& ctx) const {
    constexpr uint64_t kCity = 100000, kRatio = 50;
    const uint64_t biggest = biggest_town(name);
    if (p.kind != PlaceKind::city || biggest < kCity || biggest < kRatio * std::max<uint64_t>(p.population, 1)) return false;
    const auto it = biggest_town_countries.find(name);
    return it != biggest_town_countries.end() && (ctx.focus(name, it->second) > 0 || ctx.names_country(name, it->second));
  }

  // A town with a namesake city of a hundred thousand people or more and ten times its own in another country.
  bool dwarfed_abroad(const Place& p, const std::string& name) const {
    constexpr uint64_t kCity = 100000, kRatio = 10;
    const uint64_t biggest = biggest_town(name);
    if (p.kind != PlaceKind::city || biggest < kCity || biggest < kRatio * std::max<uint64_t>(p.population, 1)) return false;
    const auto it = biggest_town_countries.find(name);
    return it != biggest_town_countries.end() && it->second != p.country_code;
  }

  // "Cologne" for Köln: a city of a hundred thousand people or more, known
  // by the name only as another of its names (an exonym), is no less the
  // place meant for it when the towns bearing the name as their own are a
  // hundredth of its size (Cologne, a Lombard village). Not where a country
  // or division bears the name ("Mexico" is not Mexico City).
  bool big_city_by_other_name(const Place& p, const std::string& name) const {
    constexpr uint64_t kCity = 100000, kRatio = 100;
    const uint64_t own = biggest_town(name);
    return p.kind == PlaceKind::city && p.population >= kCity && own > 0 && p.population >= kRatio * own && !wide_own_names.count(name);
  }

  uint64_t biggest_town(const std::string& name) const {
    const auto it = biggest_towns.find(name);
    return it == biggest_towns.end() ? 0 : it->second;
  }

  // The dateline's country: what its mention currently resolves to.
  std::string dateline_country(const std::vector<Mention>& mentions, const std::vector<ScoredPlace>& best) const {
    for (size_t i = 0; i < mentions.size(); ++i)
      if (mentions[i].dateline && !mentions[i].candidates.empty()) return std::string(gaz.place(best[i].entry).country_code);
    return "";
  }

  CandidateSignals signals(const ReportContext& ctx, const std::string& dateline_cc, size_t i, const ScoredPlace& c) const {
    CandidateSignals s;
    s.entry = c.entry;
    auto& v = s.value;
    const Place p = gaz.place(c.entry);
    switch (p.kind) {
      case PlaceKind::country:
        v[sig_country] = 1;
        break;
      case PlaceKind::admin1:
        v[sig_admin1] = 1;
        break;
      case PlaceKind::admin2:
        // "Mansfield", "Richmond": a division that shares its name with a
        // bigger town (an Australian shire, a Jamaican parish) is no likelier
        // for being a division.
        v[sig_admin2] = p.population >= biggest_town(names[i]);
        break;
      case PlaceKind::region:
      case PlaceKind::continent:
        v[sig_region] = 1;
        break;
      case PlaceKind::sea:
        v[sig_sea] = 1;
        break;
      case PlaceKind::city:
        break;
    }
    if (p.feature == "PPLC")
      v[sig_capital] = 1;
    else if (p.feature == "PPLA")
      v[sig_seat] = 1;
    else if (p.feature == "PPLA2")
      v[sig_seat2] = 1;
    v[sig_population] = std::log10(1.0 + static_cast<double>(p.population));
    switch (static_cast<MatchHow>(c.how)) {
      case MatchHow::alias:
        v[sig_alias] = !big_city_by_other_name(p, names[i]);
        break;
      case MatchHow::abbreviation:
        v[sig_abbreviation] = 1;
        break;
      case MatchHow::base_name:
        v[sig_base_name] = 1;
        break;
      default:
        break;
    }
    if (c.fuzzy) v[sig_fuzzy] = 1.0 + c.distance;
    v[sig_other_name] = c.other_name;
    const std::string& name = names[i];
    if (!p.country_code.empty()) {
      const std::string cc(p.country_code);
      v[sig_named_country] = p.kind != PlaceKind::country && ctx.names_country(name, cc);
      const std::string division = cc + "|" + std::string(p.admin1);
      // A county called a county is inside the state the text names ("Madison County" in a report that
      // names Kentucky); another county of that state says less, as counties share names across
      // states, and a bare "Houston" is more often the town than the county named after it.
      v[sig_named_admin1] =
          (p.kind == PlaceKind::city && ctx.names_admin1(name, division)) ||
          (p.kind == PlaceKind::admin2 && c.how != static_cast<uint8_t>(MatchHow::base_name) && ctx.names_state(name, division));
      v[sig_focus] = ctx.focus(name, cc);
      if (p.kind == PlaceKind::city || p.kind == PlaceKind::admin2)
        v[sig_focus_admin1] = ctx.admin1_focus(name, cc + "|" + std::string(p.admin1));
      v[sig_dateline] = !dateline_cc.empty() && name != dateline_name && cc == dateline_cc;
      if (auto it = actors.find(cc); it != actors.end()) v[sig_actor] = it->second;
      v[sig_outside] =
          v[sig_named_country] == 0 && v[sig_focus] == 0 && v[sig_dateline] == 0 && v[sig_actor] == 0 && ctx.has_other_places(name);
    }
    v[sig_near] = std::min(ctx.near(p.point), 2);
    if (auto n = cluster.find(name); n != cluster.end())
      if (auto e = n->second.find(c.entry); e != n->second.end()) v[sig_cluster] = e->second;
    // "Denver" in a report that names Indiana: a village far smaller than a
    // namesake city is not put in the report's state by the state's name
    // alone; the report must tie it there, with a place near it.
    if (dwarfed_town(p, name, ctx) && v[sig_near] == 0 && v[sig_cluster] < 0.5) {
      v[sig_named_admin1] = 0;
      v[sig_focus_admin1] = 0;
    }
    // "Russian forces shelled Donetsk": a people's adjective names who acted, often abroad; it does not
    // put a town in that country over a namesake city ten times its size elsewhere.
    if (!p.country_code.empty() && dwarfed_abroad(p, name) && ctx.only_by_people(name, std::string(p.country_code))) {
      v[sig_named_country] = 0;
      v[sig_focus] = 0;
      v[sig_focus_admin1] = 0;
    }
    for (size_t k = 0; k < sig_count; ++k) s.total += w.signal[k] * v[k];
    return s;
  }
};

bool is_outside(const CandidateSignals& s) { return s.value[sig_outside] > 0; }

// Does another mention's place (not a people's) lie within `km` of `point`?
bool within_km_of_another(const std::vector<Mention>& mentions, size_t i, const GeoPoint& point, const Gazetteer& gaz, double km) {
  for (size_t j = 0; j < mentions.size(); ++j)
    if (j != i && !mentions[j].candidates.empty() && !mentions[j].demonym &&
        haversine_km(gaz.place(mentions[j].candidates.front().entry).point, point) <= km)
      return true;
  return false;
}

// Qualifiers: "Paris, Texas" keeps the candidates inside the qualifier.
// "the village of X in Ukraine's Kharkiv region", "X in northern Syria": a
// name the gazetteer has only by a fuzzy match is none of those far away
// when the text says where it is.
bool fuzzy_outside_qualifier(const Mention& m, const Mention& q, const Gazetteer& gaz, const Document& doc) {
  if (m.candidates.empty() || q.candidates.empty() || m.sentence != q.sentence || q.start <= m.end || q.start - m.end > 40) return false;
  if (!std::all_of(m.candidates.begin(), m.candidates.end(), [](const ScoredPlace& c) { return c.fuzzy; })) return false;
  const std::string between = ascii_lower(std::string_view(doc.text).substr(m.end, q.start - m.end));
  if (between.rfind(" in ", 0) != 0 && between.rfind(", in ", 0) != 0) return false;
  for (const auto& c : m.candidates)
    for (const auto& qc : q.candidates) {
      const Place qp = gaz.place(qc.entry);
      if ((qp.kind == PlaceKind::country || qp.kind == PlaceKind::admin1) && within(gaz.place(c.entry), qp)) return false;
    }
  return true;
}

// "Queen Anne's County", "Kurram District": a name that says what division it is.
bool names_its_division(std::string_view text) {
  for (const DivisionWord& d : division_words())
    if ((d.uses & DivisionWord::own_suffix) && ends_with_title(text, d)) return true;
  return false;
}

// Mentions joined as items of a list: "A, B", "A and B", "A, and B", "A, and the B".
bool listed_together(const Mention& a, const Mention& b, const Document& doc) {
  if (a.sentence != b.sentence || b.start < a.end) return false;
  const std::string_view gap = std::string_view(doc.text).substr(a.end, b.start - a.end);
  return one_of(gap, {", ", " and ", ", and ", " or ", ", or ", " and the ", ", and the ", " or the ", ", or the "});
}

// Can the mention name a country or first-level division (as a qualifier would)?
bool names_wide_place(const Mention& m, const Gazetteer& gaz) {
  return std::any_of(m.candidates.begin(), m.candidates.end(), [&](const ScoredPlace& c) {
    const PlaceKind k = gaz.place(c.entry).kind;
    return (k == PlaceKind::country || k == PlaceKind::admin1) && static_cast<MatchHow>(c.how) != MatchHow::alias;
  });
}

// "Georgia, Oklahoma, Pennsylvania and California", "Mexico, China, Japan":
// a list of states or countries, where no item qualifies the one before it
// (as "Texas" does "Paris" in "Paris, Texas, and Hugo, Okla.").
bool in_list_of_wide_places(const std::vector<Mention>& mentions, size_t i, const Gazetteer& gaz, const Document& doc) {
  const Mention& m = mentions[i];
  const Mention& q = mentions[i + 1];
  if (i + 2 < mentions.size() && listed_together(q, mentions[i + 2], doc) && names_wide_place(mentions[i + 2], gaz)) return true;
  return i > 0 && listed_together(mentions[i - 1], m, doc) && names_wide_place(mentions[i - 1], gaz) && names_wide_place(m, gaz);
}

// "Dakota, Otoe and Washington counties", "Nandurbar and Dhule districts":
// the plural after a list says what every item of it is. Returns, per
// mention, whether it is such an item, and keeps only its readings of that
// kind (counties, districts, parishes: second-level divisions; states,
// provinces: first-level ones; where it has none of those, any division).
// An item with no division among its readings is left as it was.
std::vector<bool> divisions_in_a_list(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  std::vector<bool> item(mentions.size(), false);
  for (size_t last = 0; last < mentions.size(); ++last) {
    const std::string after = ascii_lower(std::string_view(doc.text).substr(mentions[last].end, 12));
    const bool counties = after.rfind(" counties", 0) == 0 || after.rfind(" districts", 0) == 0 || after.rfind(" parishes", 0) == 0;
    const bool states = after.rfind(" states", 0) == 0 || after.rfind(" provinces", 0) == 0;
    if (!counties && !states) continue;
    size_t first = last;
    while (first > 0 && listed_together(mentions[first - 1], mentions[first], doc)) --first;
    if (first == last) continue;
    for (size_t i = first; i <= last; ++i) {
      Mention& m = mentions[i];
      if (m.demonym) continue;
      item[i] = true;
      auto keep = [&](bool first_level, bool second_level) {
        std::vector<ScoredPlace> kept;
        for (const ScoredPlace& c : m.candidates) {
          const PlaceKind k = gaz.place(c.entry).kind;
          if ((first_level && k == PlaceKind::admin1) || (second_level && k == PlaceKind::admin2)) kept.push_back(c);
        }
        return kept;
      };
      std::vector<ScoredPlace> kept = keep(states, counties);
      if (kept.empty()) kept = keep(true, true);
      if (!kept.empty()) m.candidates = std::move(kept);
    }
  }
  return item;
}

// Returns, per mention, whether it qualified the one before it: "Pa." in
// "Harrisburg, Pa." is a place however little its letters look like one,
// and it is the state that holds the town.
std::vector<bool> apply_qualifiers(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  std::vector<bool> qualifier(mentions.size(), false);
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    Mention& m = mentions[i];
    // The qualifier is the next mention that is not a people ("Ukraine's" counts, "Ukrainian" does not).
    if (fuzzy_outside_qualifier(m, mentions[i + 1], gaz, doc) ||
        (i + 2 < mentions.size() && fuzzy_outside_qualifier(m, mentions[i + 2], gaz, doc) && mentions[i + 2].start - m.end <= 40)) {
      m.candidates.clear();
      continue;
    }
    Mention& q = mentions[i + 1];
    if (q.first_token != m.last_token + 2 || q.candidates.empty() || m.sentence != q.sentence) continue;
    if (doc.text.compare(m.end, q.start - m.end, ", ") != 0) continue;  // "Paris, Texas" only
    if (in_list_of_wide_places(mentions, i, gaz, doc)) continue;
    std::vector<ScoredPlace> kept;
    std::vector<bool> holds(q.candidates.size(), false);
    for (const auto& c : m.candidates) {
      const Place p = gaz.place(c.entry);
      bool inside = false;
      for (size_t k = 0; k < q.candidates.size(); ++k) {
        const Place qp = gaz.place(q.candidates[k].entry);
        if ((qp.kind == PlaceKind::country || qp.kind == PlaceKind::admin1) && within(p, qp)) holds[k] = inside = true;
      }
      if (inside) kept.push_back(c);
    }
    if (kept.empty()) continue;
    m.candidates = std::move(kept);
    m.evidence[ev_qualified] = 1;
    std::vector<ScoredPlace> holding;
    for (size_t k = 0; k < q.candidates.size(); ++k)
      if (holds[k]) holding.push_back(q.candidates[k]);
    q.candidates = std::move(holding);
    qualifier[i + 1] = true;
  }
  return qualifier;
}

// "the Pacific", "across the Atlantic": a sea's, an ocean's or a region's
// name that a small town or a county by its bare name also bears ("Pacific",
// Missouri; Pacific County, Washington) is the sea, the ocean or the region.
// The report's country would otherwise vouch for its own small namesake, as
// no country vouches for an ocean. A town the text qualifies ("Pacific,
// Missouri") keeps its reading.
void wide_places_over_small_namesakes(std::vector<Mention>& mentions, const Gazetteer& gaz) {
  constexpr uint64_t kSmallTown = 20000;
  for (Mention& m : mentions) {
    if (m.evidence[ev_qualified] > 0) continue;
    const bool wide = std::any_of(m.candidates.begin(), m.candidates.end(), [&](const ScoredPlace& c) {
      const PlaceKind k = gaz.place(c.entry).kind;
      return !c.fuzzy && (k == PlaceKind::sea || k == PlaceKind::region || k == PlaceKind::continent);
    });
    if (!wide) continue;
    std::erase_if(m.candidates, [&](const ScoredPlace& c) {
      const Place p = gaz.place(c.entry);
      const bool county_by_bare_name = p.kind == PlaceKind::admin2 && c.how == static_cast<uint8_t>(MatchHow::base_name);
      const bool small = (p.kind == PlaceKind::city || p.kind == PlaceKind::admin2) && p.population < kSmallTown;
      return county_by_bare_name || small;
    });
  }
}

// ---- the country or division the text puts a town in ----------------------
// "Palma, a coastal town in northern Mozambique", "the towns of Bosso and
// Diffa in south-eastern Niger", "the central Malian town of Moura",
// "Mozambique's Palma", "Moura, Mali": the text says which country (or
// first-level division) the town lies in. Its namesakes elsewhere are
// other towns, however big: a reading inside wins, and with none the name
// stays unresolved (the event falls back to the place around it).

bool is_bearing_word(std::string_view w) {
  if (compass_point_named(w) || compass_point_of_adjective(w)) return true;
  // Besides the compass, the words that say where in a country a town lies, or what kind of part it is.
  return one_of(w, {"central", "far", "remote", "rural", "restive", "volatile", "neighbouring", "neighboring", "mid-western", "midwestern",
                    "upper", "lower"});
}

// Nouns that say an appositive or a demonym's phrase is about a place.
bool is_settlement_noun(std::string_view w) {
  static const std::set<std::string, std::less<>> words = {
      "town",   "towns",  "village", "villages",   "city",     "cities",       "settlement", "locality", "commune",
      "port",   "hub",    "outpost", "community",  "district", "municipality", "suburb",     "camp",     "oasis",
      "hamlet", "island", "enclave", "stronghold", "capital",  "crossroads",   "region",     "area",     "county"};
  return words.count(w) > 0;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// "in", "in the", "in northern", "in the far north-western": what puts a
// town inside the name that follows. `gap` is lower case.
bool says_inside(std::string_view gap) {
  const std::vector<std::string> w = words_of(gap);
  size_t k = 0;
  if (k < w.size() && w[k] == ",") ++k;
  if (k >= w.size() || w[k] != "in") return false;
  ++k;
  if (k < w.size() && w[k] == "the") ++k;
  for (; k < w.size(); ++k)
    if (!is_bearing_word(w[k])) return false;
  return true;
}

// The countries mention `q` can put a town in: those of its readings that
// are countries or first-level divisions by their own name (a bare
// "Georgia" holds Atlanta, and so does the country; "Niger" does not hold
// Niger State, a Nigerian division of another name), when it reads first as
// one of those, the text says "province", or it is a people. Countries, not
// divisions: a country's provinces and its regions are not always the
// divisions the gazetteer files its towns under.
struct Container {
  std::vector<std::string> countries;
  std::string name;  // q's folded name, for countries that bear it
};

std::optional<Container> container_of(const Mention& q, const Gazetteer& gaz, const Document& doc) {
  if (q.candidates.empty() || q.dateline) return std::nullopt;
  // "in North-Western Sydney": a bearing that a division somewhere bears as its name describes the next name.
  if (is_bearing_word(ascii_lower(q.text))) return std::nullopt;
  auto wide = [&](const ScoredPlace& sp) {
    const PlaceKind k = gaz.place(sp.entry).kind;
    return !sp.fuzzy && sp.how != static_cast<uint8_t>(MatchHow::abbreviation) && (k == PlaceKind::country || k == PlaceKind::admin1);
  };
  // "in neighbouring Niger state": the division, by whatever name it has it, not the country.
  const bool says_division = named_as_division(q, doc);
  if (!wide(q.candidates.front()) && !q.demonym && !says_division) return std::nullopt;
  Container c;
  c.name = fold_name(q.text);
  for (const ScoredPlace& sp : q.candidates) {
    if (!wide(sp)) continue;
    const bool division = gaz.place(sp.entry).kind == PlaceKind::admin1;
    if (says_division ? !division : sp.how == static_cast<uint8_t>(MatchHow::alias) && &sp != &q.candidates.front()) continue;
    c.countries.emplace_back(gaz.place(sp.entry).country_code);
  }
  if (c.countries.empty()) return std::nullopt;
  return c;
}

bool inside(const Place& p, const Container& c, const Gazetteer& gaz) {
  if (std::find(c.countries.begin(), c.countries.end(), p.country_code) != c.countries.end()) return true;
  // "Goma, Congo": a country whose name holds the container's ("Democratic Republic of the Congo").
  if (auto country = gaz.country(p.country_code)) {
    // (Appended, not " " + ... + " ": g++ 12 warns falsely of overlapping copies in that concatenation.)
    std::string n(1, ' '), want(1, ' ');
    n.append(fold_name(country->name)).push_back(' ');
    want.append(c.name).push_back(' ');
    if (n.find(want) != std::string::npos) return true;
  }
  return false;
}

// A town, not a country or division the container could be inside of.
bool town_like(const Mention& m, const Gazetteer& gaz) {
  return !m.candidates.empty() && !m.demonym && !m.dateline && !names_wide_place(m, gaz) &&
         std::none_of(m.candidates.begin(), m.candidates.end(), [&](const ScoredPlace& c) {
           const PlaceKind k = gaz.place(c.entry).kind;
           return k == PlaceKind::country || k == PlaceKind::region || k == PlaceKind::continent || k == PlaceKind::sea;
         });
}

// The mention the text puts mentions[i] inside, if any (index), by the
// patterns above.
std::optional<size_t> stated_container(const std::vector<Mention>& mentions, size_t i, const Gazetteer& gaz, const Document& doc) {
  const Mention& m = mentions[i];
  const std::string_view text = doc.text;
  auto gap = [&](uint32_t from, uint32_t to) { return ascii_lower(text.substr(from, to - from)); };
  auto qualifies = [&](size_t j) { return !mentions[j].candidates.empty() && container_of(mentions[j], gaz, doc).has_value(); };
  // "Moura, Mali": a country (or a division by its own name) right after a comma.
  if (i + 1 < mentions.size() && mentions[i + 1].sentence == m.sentence && mentions[i + 1].start == m.end + 2 &&
      text.compare(m.end, 2, ", ") == 0 && qualifies(i + 1) && !names_wide_place(m, gaz) &&
      !(i + 2 < mentions.size() && listed_together(mentions[i + 1], mentions[i + 2], doc)))
    return i + 1;
  // "Bosso and Diffa in south-eastern Niger": the list's last item, then "in".
  size_t last = i;
  while (last + 1 < mentions.size() && listed_together(mentions[last], mentions[last + 1], doc) && !mentions[last + 1].demonym &&
         !mentions[last + 1].candidates.empty() && !qualifies(last + 1))
    ++last;
  if (last + 1 < mentions.size() && mentions[last + 1].sentence == m.sentence && mentions[last + 1].start > mentions[last].end &&
      mentions[last + 1].start - mentions[last].end <= 40 && says_inside(gap(mentions[last].end, mentions[last + 1].start)) &&
      qualifies(last + 1) && gaz.place(m.candidates.front().entry).feature != "PPLC")  // "the role of Tehran in Syria"
    return last + 1;
  // "Palma, a coastal town in northern Mozambique that ...": an appositive
  // that calls it a place, up to its end, and a container after "in" inside it.
  if (text.compare(m.end, 2, ", ") == 0) {
    const std::string after = gap(m.end, static_cast<uint32_t>(std::min<size_t>(text.size(), m.end + 160)));
    const std::vector<std::string> w = words_of(after.substr(1));
    if (!w.empty() && one_of(w[0], {"a", "an", "the"})) {
      size_t end = after.size();
      for (std::string_view stop : {", ", ". ", "; ", ": ", " (", " -- ", " that ", " which ", " where ", " who ", " when ", "\n"})
        if (size_t at = after.find(stop, 2); at != std::string::npos) end = std::min(end, at);
      bool settlement = false;
      for (const std::string& word : words_of(after.substr(0, end))) settlement = settlement || is_settlement_noun(word);
      if (settlement)
        for (size_t j = i + 1; j < mentions.size() && mentions[j].start < m.end + end; ++j) {
          if (mentions[j].sentence != m.sentence || !qualifies(j)) continue;
          const std::string before = gap(m.end, mentions[j].start);
          const size_t in = before.rfind(" in ");
          if (in != std::string::npos && says_inside(before.substr(in))) return j;
        }
    }
  }
  // "the central Malian town of Moura", "Mozambique's Palma": a people or a
  // country before it (not a division or town: "the Medina district of
  // Mogadishu" names a part of the town after it).
  for (size_t j = i; j-- > 0;) {
    const Mention& q = mentions[j];
    if (q.sentence != m.sentence || m.start - q.end > 40) break;
    if (q.candidates.empty() || (!q.demonym && gaz.place(q.candidates.front().entry).kind != PlaceKind::country)) break;
    const std::string between = gap(q.end, m.start);
    if ((between == "'s " || between == "\u2019s ") && qualifies(j) && !q.demonym) return j;
    const std::vector<std::string> w = words_of(between);
    if (w.size() >= 2 && w.size() <= 4 && w.back() == "of" && is_settlement_noun(w[w.size() - 2]) && qualifies(j) &&
        std::all_of(w.begin(), w.end() - 1,
                    [](const std::string& x) { return std::all_of(x.begin(), x.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }); }))
      return j;
    break;
  }
  return std::nullopt;
}

// Every mention of a name the text puts inside a country or division keeps
// only its readings there; with none, it is unresolved.
void keep_inside_stated_containers(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  std::unordered_map<std::string, std::vector<Container>> stated;  // folded name -> containers
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!town_like(mentions[i], gaz)) continue;
    if (auto j = stated_container(mentions, i, gaz, doc))
      stated[fold_name(mentions[i].text)].push_back(*container_of(mentions[*j], gaz, doc));
  }
  if (stated.empty()) return;
  for (Mention& m : mentions) {
    if (m.candidates.empty() || m.demonym) continue;
    auto it = stated.find(fold_name(m.text));
    if (it == stated.end() || !town_like(m, gaz)) continue;
    std::vector<ScoredPlace> kept;
    for (const ScoredPlace& c : m.candidates) {
      const Place p = gaz.place(c.entry);
      if (std::any_of(it->second.begin(), it->second.end(), [&](const Container& k) { return inside(p, k, gaz); })) kept.push_back(c);
    }
    m.candidates = std::move(kept);
  }
}

// "Lac Vert", "Buulo Mareer": a mention beside a capitalised word of the
// same run that no mention covers and that is no English word (not
// "Department" of "Texas Department of Health"): the mention is a word of a
// longer name.
bool word_of_longer_name(const std::vector<Mention>& mentions, size_t i, const Document& doc, const Segmented& seg) {
  const Mention& m = mentions[i];
  const Sentence& s = seg.sentences[m.sentence];
  auto stray = [&](size_t k) {
    if (k < s.first_token || k >= s.first_token + s.token_count || k == s.first_token) return false;
    const Token& t = seg.tokens[k];
    if (t.kind != TokenKind::word || !t.capitalized || t.all_caps) return false;
    const std::string_view w = token_text(doc.text, t);
    if (is_ignorable(w)) return false;
    for (const Mention& o : mentions)  // (a word the evidence says is no place by itself still counts: "Vert")
      if (o.first_token <= k && k <= o.last_token && !o.candidates.empty() && o.place_odds >= 0) return false;
    const WordTags tags = WordTable::shared().lookup(ascii_lower(w));
    return tags.count == 0 || tags.first() == Pos::NNP || tags.first() == Pos::NNPS;
  };
  const bool joined_after = m.last_token + 1 < seg.tokens.size() && seg.tokens[m.last_token + 1].start == m.end + 1;
  const bool joined_before = m.first_token > 0 && seg.tokens[m.first_token - 1].end + 1 == m.start;
  return (joined_after && stray(m.last_token + 1)) || (joined_before && stray(m.first_token - 1));
}

// "the Caballo Blanco bar", "the Gallo Blanco nightclub": a word of a longer name before the kind of place it
// names is a venue's word, no town's. (The first word may be its city's: "the Kabul Serena hotel"; a small
// town's name there is the venue's too.)
bool names_a_venue(const Mention& m, const Place& p, const Document& doc, const Segmented& seg) {
  auto capital_word = [&](size_t k) { return seg.tokens[k].kind == TokenKind::word && seg.tokens[k].capitalized; };
  size_t k = m.last_token + 1;
  while (k < seg.tokens.size() && k <= m.last_token + 3 && capital_word(k)) ++k;
  const bool word_after = k > m.last_token + 1;
  const bool word_before = m.first_token > 0 && capital_word(m.first_token - 1) &&
                           m.first_token - 1 > seg.sentences[m.sentence].first_token;  // (not the sentence's opening word)
  if (k >= seg.tokens.size() || seg.tokens[k].capitalized || !(word_after || word_before)) return false;
  if (!one_of(ascii_lower(token_text(doc.text, seg.tokens[k])),
              {"bar", "bars", "nightclub", "club", "cafe", "café", "restaurant", "hotel", "mall", "cinema", "theatre", "theater",
               "supermarket", "discotheque", "disco", "pub", "brewery", "casino", "salon"}))
    return false;
  return word_before || p.population < 100000;
}

// "the Neches River", "Canaan Valley", "Islington Bay": a name before a
// capitalised feature word the gazetteer does not hold whole names the
// river, valley or bay, not the town of that name (which stays its reading
// only where the report ties it to the report's other places).
bool names_a_feature(const Mention& m, const Document& doc, const Segmented& seg) {
  const size_t k = m.last_token + 1;
  if (k >= seg.tokens.size() || seg.tokens[k].start != m.end + 1 || !seg.tokens[k].capitalized) return false;
  return one_of(token_text(doc.text, seg.tokens[k]), {"River", "Creek", "Lake", "Valley", "Bay", "Park", "Canyon", "Mountain", "Mountains",
                                                      "Peninsula", "Basin", "Gorge", "Reservoir", "Dam"});
}

bool is_part_word(std::string_view w) {
  static const std::set<std::string, std::less<>> words = {"district", "neighbourhood", "neighborhood", "quarter",  "suburb", "area",
                                                           "section",  "sector",        "borough",      "township", "camp"};
  const std::string lower = ascii_lower(w);
  // "the Sainte-Thérèse and Dillon districts": the plural after two parts' names.
  if (lower.size() > 4 && lower.back() == 's' && words.count(lower.substr(0, lower.size() - 1)) > 0) return true;
  return words.count(lower) > 0;
}

// "Baghdad's Karrada district", "the Medina district of Mogadishu", "the
// Old City of Mosul": the part keeps only its entries inside the whole
// (within 40 km of it); with none there, it is the whole, marked part_of.
void resolve_parts(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc, const Segmented& seg) {
  auto word = [&](size_t k) { return token_text(doc.text, seg.tokens[k]); };
  std::unordered_map<uint32_t, size_t> by_first;
  for (size_t i = 0; i < mentions.size(); ++i) by_first.emplace(mentions[i].first_token, i);
  auto at = [&](size_t k) -> const Mention* {
    auto it = by_first.find(static_cast<uint32_t>(k));
    return it == by_first.end() ? nullptr : &mentions[it->second];
  };
  const size_t n = seg.tokens.size();
  for (size_t y = 0; y < mentions.size(); ++y) {
    Mention& part = mentions[y];
    if (part.candidates.empty() || part.demonym) continue;
    const size_t a = part.first_token;
    size_t b = part.last_token;
    // "the Sainte-Thérèse and Dillon districts": the first part takes the part word the second one's.
    if (y + 1 < mentions.size() && b + 2 == mentions[y + 1].first_token && word(b + 1) == "and" && mentions[y + 1].last_token + 1 < n &&
        is_part_word(word(mentions[y + 1].last_token + 1)) && word(mentions[y + 1].last_token + 1).back() == 's')
      b = mentions[y + 1].last_token;
    const Mention* whole = nullptr;
    // "X's Y [district]"
    if (a >= 3 && word(a - 1) == "s" && (word(a - 2) == "'" || word(a - 2) == "\u2019")) {
      for (size_t i = 0; i < mentions.size() && !whole; ++i)
        if (mentions[i].last_token + 3 == a) whole = &mentions[i];
      const bool part_word = b + 1 < n && is_part_word(word(b + 1));
      // "New Caledonia's Saint-Louis": a place of a country the gazetteer knows no place of that name in is a part
      // of it the gazetteer lacks (not Senegal's Saint-Louis), and so is every other mention of that name.
      const std::optional<Place> whole_country =
          whole && !whole->candidates.empty() ? std::optional<Place>(gaz.place(whole->candidates.front().entry)) : std::nullopt;
      if (whole_country && whole_country->kind == PlaceKind::country &&
          std::none_of(part.candidates.begin(), part.candidates.end(),
                       [&](const ScoredPlace& c) { return gaz.place(c.entry).country_code == whole_country->country_code; })) {
        const std::vector<ScoredPlace> country = {whole->candidates.front()};
        const int32_t of = static_cast<int32_t>(whole - mentions.data());
        const std::string name = fold_name(part.text);
        for (Mention& same : mentions)
          if (!same.demonym && fold_name(same.text) == name) {
            same.candidates = country;
            same.part_of = of;
          }
        continue;
      }
      if (whole && !part_word) {
        // Only a district word or a place no bigger than a town makes Y a part of X (or a part of a town
        // elsewhere: "Honiara's Chinatown" is no San Francisco quarter).
        const Place p = gaz.place(part.candidates.front().entry);
        if ((p.kind != PlaceKind::city || p.population > 100000) && p.feature != "PPLX") whole = nullptr;
      }
    }
    // "[the] Y district of X", "the Old City of X", "Y district in X"
    if (!whole && b + 3 < n && (is_part_word(word(b + 1)) || fold_name(part.text) == "old city")) {
      const size_t k = is_part_word(word(b + 1)) ? b + 2 : b + 1;
      if (k + 1 < n && (word(k) == "of" || word(k) == "in")) whole = at(k + 1);
    }
    // "the Medina district" alone: a district of the town the story was last
    // in (the sentence or two before), else of the town it is filed from.
    if (!whole && b + 1 < n && is_part_word(word(b + 1))) {
      // (A country's name is no town, though a village bears it: "[India]" is no Gambian India.)
      auto names_country = [&](const Mention& d) {
        return std::any_of(d.candidates.begin(), d.candidates.end(),
                           [&](const ScoredPlace& c) { return !c.fuzzy && gaz.place(c.entry).kind == PlaceKind::country; });
      };
      for (const Mention& d : mentions)
        if (&d != &part && !d.dateline && !d.demonym && !d.candidates.empty() && d.last_token < a && a - d.last_token < 80 &&
            gaz.place(d.candidates.front().entry).kind == PlaceKind::city && !names_country(d))
          whole = &d;
      if (!whole)
        for (const Mention& d : mentions)
          if (d.dateline && &d != &part && !names_country(d)) whole = &d;
    }
    if (!whole || whole->candidates.empty() || whole == &part) continue;
    // The whole's town: its best candidate, or the town a division of that name is named after (in
    // that division's country: "the Kabanjahe district of Sumatra" is on no Florida town called Sumatra).
    const Place whole_place = gaz.place(whole->candidates.front().entry);
    const ScoredPlace* town = nullptr;
    for (const auto& c : whole->candidates) {
      const Place p = gaz.place(c.entry);
      if (p.kind == PlaceKind::city &&
          (&c == &whole->candidates.front() ||
           (translit_form(fold_name(p.name)) == translit_form(fold_name(whole->text)) && p.country_code == whole_place.country_code))) {
        town = &c;
        break;
      }
    }
    if (!town) continue;
    const Place city = gaz.place(town->entry);
    std::vector<ScoredPlace> inside;
    for (const auto& c : part.candidates)
      if (haversine_km(gaz.place(c.entry).point, city.point) < 40 && c.entry != city.index) inside.push_back(c);
    // "Jangebe, a town in Zamfara state's Talata Mafara area", "Pulwama district": a place the gazetteer
    // knows in the whole's country is itself, not a part of a town far from it. When the text names
    // the town the part is of ("the Y district of X", "X's Y"), that place must be near the town too.
    const bool whole_named = !whole->dateline && (part.last_token < whole->first_token ? whole->first_token - part.last_token <= 4
                                                                                       : part.first_token - whole->last_token <= 4);
    std::vector<ScoredPlace> same_country;
    for (const auto& c : part.candidates)
      if (!c.fuzzy && gaz.place(c.entry).country_code == city.country_code && gaz.place(c.entry).kind != PlaceKind::country &&
          (!whole_named || haversine_km(gaz.place(c.entry).point, city.point) < 150))
        same_country.push_back(c);
    if (inside.empty() && !same_country.empty()) {
      part.candidates = std::move(same_country);
    } else if (inside.empty()) {
      part.candidates = {*town};
      part.part_of = static_cast<int32_t>(whole - mentions.data());
      // "the Nørrebro district" first, "near Nørrebro station" later: the same part of the same town,
      // not a fuzzy namesake abroad.
      for (Mention& again : mentions)
        if (&again != &part && again.part_of < 0 && !again.demonym && fold_name(again.text) == fold_name(part.text) &&
            (again.candidates.empty() || again.candidates.front().fuzzy)) {
          again.candidates = part.candidates;
          again.part_of = part.part_of;
        }
    } else {
      part.candidates = std::move(inside);
    }
  }
}

// Both passes above score every name against the others' guesses of the
// pass before, so two names that each follow the other can swap readings
// every pass ("Walker County" and "Huntsville": Texas for one while the
// other is in Alabama). Rescoring one mention at a time, in text order, each
// against the others' current places (Gauss-Seidel), lets them settle on one
// reading together; a name with many mentions moves its weight over
// gradually. The context is rebuilt only when a mention's place changes,
// each rebuild costing a look at every mention: kRebuildBudget of those in
// all (hundreds of rebuilds for a news report, a few for a book-length one).
void settle_in_text_order(const Resolver& r, const std::vector<Mention>& mentions, std::vector<ScoredPlace>& best,
                          std::vector<std::vector<std::pair<double, size_t>>>& order) {
  constexpr int kSweeps = 3;
  constexpr size_t kRebuildBudget = 200000;  // mentions looked at by rebuilds
  auto ctx = std::make_unique<ReportContext>(mentions, best, r.names, r.gaz);
  std::string dateline_cc = r.dateline_country(mentions, best);
  std::unordered_map<std::string, std::unordered_map<uint32_t, double>> memo;  // name -> entry -> score, for this context
  size_t spent = 0;
  for (int sweep = 0; sweep < kSweeps; ++sweep) {
    bool changed = false;
    for (size_t i = 0; i < mentions.size(); ++i) {
      const auto& cands = mentions[i].candidates;
      if (cands.empty()) continue;
      auto& seen = memo[r.names[i]];
      auto& scored = order[i];
      scored.clear();
      for (size_t c = 0; c < cands.size(); ++c) {
        auto it = seen.find(cands[c].entry);
        if (it == seen.end()) it = seen.emplace(cands[c].entry, r.signals(*ctx, dateline_cc, i, cands[c]).total).first;
        scored.emplace_back(it->second, c);
      }
      std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      const bool moved = cands[scored.front().second].entry != best[i].entry;
      best[i] = cands[scored.front().second];
      best[i].score = scored.front().first;
      if (!moved) continue;
      changed = true;
      spent += mentions.size();
      if (spent > kRebuildBudget) return;
      ctx = std::make_unique<ReportContext>(mentions, best, r.names, r.gaz);
      dateline_cc = r.dateline_country(mentions, best);
      memo.clear();
    }
    if (!changed) break;
  }
}

}  // namespace

void resolve_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc, const Segmented& seg, const Lexicon& lex,
                      const ResolveWeights& weights) {
  const std::vector<bool> qualifiers = apply_qualifiers(mentions, gaz, doc);
  wide_places_over_small_namesakes(mentions, gaz);
  keep_inside_stated_containers(mentions, gaz, doc);
  std::vector<bool> division_items = divisions_in_a_list(mentions, gaz, doc);
  Resolver r{gaz, doc, weights, actor_countries(doc, seg, lex), "", {}, {}, {}, {}, {}};
  r.names.reserve(mentions.size());
  for (const Mention& m : mentions) {
    r.names.push_back(fold_name(m.text));
    if (m.dateline && r.dateline_name.empty()) r.dateline_name = r.names.back();
  }

  // Two passes: guess with priors, read the report's countries, divisions
  // and focus off the guesses, rescore with them; then drop what the
  // evidence says is no place, and score once more without it. Each
  // distinct place is scored once a pass per name (a long report names the
  // same places thousands of times).
  std::vector<ScoredPlace> best(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i)
    if (!mentions[i].candidates.empty()) best[i] = mentions[i].candidates.front();

  std::vector<std::vector<std::pair<double, size_t>>> order(mentions.size());
  r.weigh_readings(mentions);
  for (int pass = 0; pass < 2; ++pass) {
    const ReportContext ctx(mentions, best, r.names, gaz);
    const std::string dateline_cc = r.dateline_country(mentions, best);
    std::unordered_map<std::string, std::unordered_map<uint32_t, CandidateSignals>> memo;  // name -> entry -> signals
    for (size_t i = 0; i < mentions.size(); ++i) {
      auto& cands = mentions[i].candidates;
      auto& scored = order[i];
      scored.clear();
      if (cands.empty()) continue;
      auto& seen = memo[r.names[i]];
      for (size_t c = 0; c < cands.size(); ++c) {
        auto it = seen.find(cands[c].entry);
        if (it == seen.end()) it = seen.insert_or_assign(cands[c].entry, r.signals(ctx, dateline_cc, i, cands[c])).first;
        scored.emplace_back(it->second.total, c);
      }
      std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      best[i] = cands[scored.front().second];
      best[i].score = scored.front().first;
      if (pass == 0) {
        // What the report says of this span being a place at all.
        const CandidateSignals& s = seen.at(best[i].entry);
        // (Another name's town or county within 25 km of its reading counts too: "Delano" beside "Watertown".)
        mentions[i].evidence[ev_support] = s.value[sig_near] > 0 || s.value[sig_named_admin1] > 0 || s.value[sig_cluster] >= 0.5;
      }
    }
    if (pass == 0) {
      // A name that stands after a place cue anywhere is a place everywhere.
      std::set<std::string> cued;
      for (size_t i = 0; i < mentions.size(); ++i)
        if (mentions[i].evidence[ev_cue_place] > 0) cued.insert(r.names[i]);
      std::vector<bool> keep(mentions.size(), true);
      for (size_t i = 0; i < mentions.size(); ++i) {
        Mention& m = mentions[i];
        m.evidence[ev_repeated_cue] = m.evidence[ev_cue_place] == 0 && cued.count(r.names[i]);
        double odds = 0;
        for (size_t e = 0; e < ev_count; ++e) odds += weights.evidence[e] * m.evidence[e];
        m.place_odds = odds;
        if (std::getenv("SITMAP_DEBUG_ODDS")) {
          std::string why;
          for (size_t e = 0; e < ev_count; ++e)
            if (m.evidence[e] != 0)
              why.append(" ")
                  .append(evidence_name(static_cast<Evidence>(e)))
                  .append("=")
                  .append(std::to_string(weights.evidence[e] * m.evidence[e]).substr(0, 5));
          std::fprintf(stderr, "odds %s %.2f:%s\n", m.text.c_str(), odds, why.c_str());
        }
        if (odds < 0 && !m.demonym && !m.dateline && !m.candidates.empty() && !named_as_place(m, doc, lex) && !division_items[i] &&
            !qualifiers[i])
          keep[i] = false;
      }
      // "Mexico, China, Japan": an item of a list of countries or divisions
      // is one too, whatever its lower-case word ("china") looks like.
      auto wide_item = [&](size_t j) { return keep[j] && !mentions[j].demonym && names_wide_place(mentions[j], gaz); };
      for (size_t i = 0; i < mentions.size(); ++i) {
        if (keep[i] || !names_wide_place(mentions[i], gaz)) continue;
        keep[i] = (i > 0 && listed_together(mentions[i - 1], mentions[i], doc) && wide_item(i - 1)) ||
                  (i + 1 < mentions.size() && listed_together(mentions[i], mentions[i + 1], doc) && wide_item(i + 1));
      }
      size_t w = 0;
      for (size_t i = 0; i < mentions.size(); ++i) {
        if (!keep[i]) continue;
        if (w != i) {
          mentions[w] = std::move(mentions[i]);
          best[w] = best[i];
          r.names[w] = std::move(r.names[i]);
        }
        ++w;
      }
      mentions.resize(w);
      best.resize(w);
      r.names.resize(w);
      order.resize(w);
      r.weigh_readings(mentions);
    }
  }
  settle_in_text_order(r, mentions, best, order);
  for (size_t i = 0; i < mentions.size(); ++i) {
    auto& cands = mentions[i].candidates;
    if (cands.empty()) continue;
    std::vector<ScoredPlace> ordered;
    ordered.reserve(cands.size());
    for (const auto& [s, c] : order[i]) {
      ordered.push_back(cands[c]);
      ordered.back().score = s;
    }
    cands = std::move(ordered);
  }

  // A fuzzy match, or a small town, in none of the report's countries and
  // near none of its places is a namesake found for want of the real
  // place: better unresolved than on another continent.
  {
    const ReportContext ctx(mentions, best, r.names, gaz);
    const std::string dateline_cc = r.dateline_country(mentions, best);
    // An alias ("Mushu" for Muş) is as weak as a fuzzy match: another name's spelling.
    const auto weak_reading = [&](const Mention& m, const Place& p) {
      return m.fuzzy ||
             (m.candidates.front().how == static_cast<uint8_t>(MatchHow::alias) && p.kind == PlaceKind::city && p.population < 200000) ||
             ((p.kind == PlaceKind::city || p.kind == PlaceKind::admin2) && p.population < 20000 && p.feature != "PPLA" &&
              p.feature != "PPLC") ||
             // "Victoria Park" in a Hong Kong story: a small county elsewhere is as weak as a village
             // (unless the text calls it one: "Queen Anne's County").
             (p.kind == PlaceKind::admin2 && p.population < 50000 && !names_its_division(m.text));
    };
    // The countries the report's firm readings are in (its dateline's too): two villages of one
    // foreign country ("La Fortaleza" and "Las Américas" in a San Juan report) do not vouch for each other.
    std::set<std::string, std::less<>> firm_countries;
    for (const Mention& m : mentions) {
      if (m.candidates.empty()) continue;
      const Place p = gaz.place(m.candidates.front().entry);
      if (m.dateline || !weak_reading(m, p)) firm_countries.emplace(p.country_code);
    }
    for (size_t i = 0; i < mentions.size(); ++i) {
      Mention& m = mentions[i];
      if (m.candidates.empty() || m.dateline) continue;
      const Place p = gaz.place(m.candidates.front().entry);
      const bool weak = weak_reading(m, p);
      // "the Lac Vert camp", "Buulo Mareer": a word of a longer name the
      // gazetteer lacks, far from the report's places, is another place's word.
      if (!m.demonym && names_a_venue(m, p, doc, seg)) {
        m.candidates.clear();
        continue;
      }
      if (!m.demonym && word_of_longer_name(mentions, i, doc, seg) && ctx.has_other_places(r.names[i])) {
        const CandidateSignals s = r.signals(ctx, dateline_cc, i, m.candidates.front());
        const bool other_name = m.fuzzy || m.candidates.front().how == static_cast<uint8_t>(MatchHow::alias);
        if (s.value[sig_near] == 0 && (is_outside(s) || other_name)) {
          m.candidates.clear();
          continue;
        }
      }
      // Its town, where none of the report's places lies near it, is a namesake of the feature's.
      if (!m.demonym && (p.kind == PlaceKind::city || p.kind == PlaceKind::admin2) && names_a_feature(m, doc, seg) &&
          ctx.has_other_places(r.names[i])) {
        const CandidateSignals s = r.signals(ctx, dateline_cc, i, m.candidates.front());
        if (s.value[sig_near] == 0 && s.value[sig_named_admin1] == 0 && s.value[sig_focus_admin1] == 0 && s.value[sig_cluster] < 0.5) {
          m.candidates.clear();
          continue;
        }
      }
      if (!weak || !ctx.has_other_places(r.names[i])) continue;
      // Peoples ("Iranian pilgrims in the town of Taji") say who, not where: only named places outvote a town.
      bool named_place_elsewhere = false;
      for (size_t j = 0; j < mentions.size() && !named_place_elsewhere; ++j)
        named_place_elsewhere = j != i && !mentions[j].candidates.empty() && !mentions[j].demonym && !mentions[j].dateline &&
                                r.names[j] != r.names[i];  // the filing town says nothing of where things happened
      if (!named_place_elsewhere) continue;
      const CandidateSignals s = r.signals(ctx, dateline_cc, i, m.candidates.front());
      const bool outside_firm = !firm_countries.empty() && !firm_countries.count(p.country_code);
      if (!(is_outside(s) || outside_firm) || s.value[sig_near] != 0) continue;
      // "recaptured the town of Vovchansk, the ministry in Moscow said": a town
      // by its own name, called a town, in the report's part of the world.
      if (!m.fuzzy && m.candidates.front().how == static_cast<uint8_t>(MatchHow::name) && named_as_place(m, doc, lex) &&
          within_km_of_another(mentions, i, p.point, gaz, 1000))
        continue;
      m.candidates.clear();
    }
  }
  resolve_parts(mentions, gaz, doc, seg);
}

std::vector<std::vector<CandidateSignals>> explain_resolution(const std::vector<Mention>& mentions, const Gazetteer& gaz,
                                                              const Document& doc, const Segmented& seg, const Lexicon& lex,
                                                              const ResolveWeights& weights) {
  Resolver r{gaz, doc, weights, actor_countries(doc, seg, lex), "", {}, {}, {}, {}, {}};
  std::vector<ScoredPlace> best(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    r.names.push_back(fold_name(mentions[i].text));
    if (mentions[i].dateline && r.dateline_name.empty()) r.dateline_name = r.names.back();
    if (!mentions[i].candidates.empty()) best[i] = mentions[i].candidates.front();
  }
  r.weigh_readings(mentions);
  const ReportContext ctx(mentions, best, r.names, gaz);
  const std::string dateline_cc = r.dateline_country(mentions, best);
  std::vector<std::vector<CandidateSignals>> out(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i)
    for (const auto& c : mentions[i].candidates) out[i].push_back(r.signals(ctx, dateline_cc, i, c));
  return out;
}

// "Cesar province", "the town of Taji", "a Baquba street", "the capital, Sana":
// the text itself says the span is a place, whatever the span looks like.
bool named_as_place(const Mention& m, const Document& doc, const Lexicon& lex) {
  // (Besides the division words of core/place_words: "province", "district" ...)
  static constexpr std::string_view place_nouns[] = {"village",  "town",    "city",   "neighbourhood", "neighborhood", "street", "camp",
                                                     "crossing", "airport", "border", "countryside",   "area",         "suburb", "quarter"};
  size_t k = m.end;
  while (k < doc.text.size() && doc.text[k] == ' ') ++k;
  size_t e = k;
  while (e < doc.text.size() && std::islower(static_cast<unsigned char>(doc.text[e]))) ++e;
  const std::string_view next = std::string_view(doc.text).substr(k, e - k);
  if (is_division_word(next, DivisionWord::place_noun) ||
      std::find(std::begin(place_nouns), std::end(place_nouns), next) != std::end(place_nouns))
    return true;
  // "the Jenin refugee camp", "Damboa Local Government Area", "Gwoza LGA", "Khampat township".
  {
    const std::string after = ascii_lower(std::string_view(doc.text).substr(k, 28));
    for (std::string_view a : {"refugee camp", "displacement camp", "idp camp", "local government", "lga", "township", "municipality",
                               "commune", "woreda", "upazila", "tehsil", "raion", "oblast"})
      if (after.rfind(a, 0) == 0 && (after.size() == a.size() || !std::isalpha(static_cast<unsigned char>(after[a.size()])))) return true;
  }
  // "Chaghcharan, the capital of Ghor", "Kagara, a town in Niger state": an aside that says what it is.
  {
    const std::string aside = ascii_lower(std::string_view(doc.text).substr(m.end, 32));
    for (std::string_view a : {", the capital", ", the provincial capital", ", the regional capital", ", capital of", ", a town ",
                               ", a village ", ", a city ", ", the town ", ", the city "})
      if (aside.rfind(a, 0) == 0 && !m.fuzzy) return true;
  }
  // "Zaranj fell to the Taliban": what falls is a town.
  if (next == "fell" && !m.fuzzy) return true;
  // "D-W. Va.": a legislator's state or home after the party's initial.
  if (m.start >= 2 && doc.text[m.start - 1] == '-') {
    size_t p = m.start - 1;
    while (p > 0 && std::isupper(static_cast<unsigned char>(doc.text[p - 1]))) --p;
    if ((p == 0 || !std::isalnum(static_cast<unsigned char>(doc.text[p - 1]))) &&
        is_party_label(std::string_view(doc.text).substr(p, m.start - 1 - p)))
      return true;
  }
  // "the town of X", "the western countryside of X", "the seafront promenade of X": a place noun, then "of".
  const std::string_view text(doc.text);
  size_t b = m.start;
  auto word_before = [&]() {
    while (b > 0 && text[b - 1] == ' ') --b;
    const size_t end = b;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
    return text.substr(b, end - b);
  };
  const std::string_view before_word = word_before();
  if (before_word == "of") {
    const std::string_view noun = word_before();
    if (lex.roles.is(ascii_lower(noun), Role::place_of)) return true;
  }
  // "captured Knin", "shelled Kramatorsk": what these verbs take is ground.
  static constexpr std::string_view ground_verbs[] = {"captured", "seized",  "recaptured", "retook",     "overran",    "stormed",
                                                      "shelled",  "bombed",  "besieged",   "liberated",  "encircled",  "bombarded",
                                                      "occupied", "invaded", "annexed",    "capture",    "seize",      "recapture",
                                                      "retake",   "shell",   "entered",    "surrounded", "overrunning"};
  if (m.fuzzy) return false;
  if (std::find(std::begin(ground_verbs), std::end(ground_verbs), before_word) != std::end(ground_verbs)) return true;
  if (m.cue.size() >= 7 && m.cue.compare(m.cue.size() - 7, 7, "capital") == 0) return true;
  // "the regional capital, Grozny", "the capital, Sana".
  const std::string_view before = std::string_view(doc.text).substr(m.start > 12 ? m.start - 12 : 0, std::min<size_t>(m.start, 12));
  return before.find("capital, ") != std::string_view::npos;
}

namespace {
// "Raqqa" alone means the town, not the governorate named after it, unless
// the text says "province" right after it.
void prefer_seats(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  for (Mention& m : mentions) {
    if (m.candidates.size() < 2) continue;
    const Place top = gaz.place(m.candidates.front().entry);
    if (top.kind != PlaceKind::admin1 && top.kind != PlaceKind::admin2) continue;
    if (named_as_division(m, doc)) continue;
    for (size_t c = 1; c < m.candidates.size(); ++c) {
      const Place p = gaz.place(m.candidates[c].entry);
      const bool seat = top.kind == PlaceKind::admin1 ? (p.feature == "PPLA" || p.feature == "PPLC") &&
                                                            (p.admin1 == top.name || fold_name(p.name) == fold_name(top.name) ||
                                                             haversine_km(p.point, top.point) < 100)
                                                      : p.feature.rfind("PPL", 0) == 0 && haversine_km(p.point, top.point) < 50;
      // The seat bears the mention's name, its own or another ("Mykolayiv" for "Mykolaiv").
      // A district's town near the district's point, reached by the same
      // name ("Chaghcharan", the district, and its town listed as "Fayroz
      // Koh"; "Jenin" and its town spelt "Janin"), is the town meant.
      const bool same_name = translit_form(fold_name(p.name)) == translit_form(fold_name(m.text)) ||
                             (!m.candidates[c].fuzzy && seat && top.kind == PlaceKind::admin1 && p.feature == "PPLA") ||
                             (!m.candidates[c].fuzzy && top.kind == PlaceKind::admin2 && haversine_km(p.point, top.point) < 25);
      if (p.kind == PlaceKind::city && seat && p.country_code == top.country_code && same_name) {
        std::rotate(m.candidates.begin(), m.candidates.begin() + static_cast<long>(c), m.candidates.begin() + static_cast<long>(c) + 1);
        break;
      }
    }
  }
}

// "Washington, Maryland and Virginia": the list names a town and the
// divisions around it, when the town lies beside every other item and the
// division its name also bears lies far from them all (Washington state is
// 3,500 km from Maryland). "Oregon and Washington" is two states.
bool beside_the_others(const ScoredPlace& town, const ScoredPlace& division, const std::vector<Mention>& mentions, size_t first,
                       size_t last, size_t i, const Gazetteer& gaz) {
  constexpr double kBesideKm = 400, kFarKm = 1000;
  const Place t = gaz.place(town.entry), d = gaz.place(division.entry);
  if (t.kind != PlaceKind::city) return false;
  for (size_t j = first; j <= last; ++j) {
    if (j == i) continue;
    const GeoPoint other = gaz.place(mentions[j].candidates.front().entry).point;
    if (haversine_km(t.point, other) > kBesideKm || haversine_km(d.point, other) < kFarKm) return false;
  }
  return true;
}

// "Oregon and Washington", "Utah, Virginia, Washington and Wyoming": an
// item of a list whose other items are all states (or all countries) of one
// country is one too, though alone the name is likelier the city ("Washington"
// the capital; "Georgia" beside "Armenia" the country). "Washington, D.C." is no list: two items joined by a comma
// alone are a town and its qualifier.
void states_in_a_list(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  for (size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.candidates.size() < 2 || m.demonym) continue;
    size_t first = i, last = i;
    while (first > 0 && listed_together(mentions[first - 1], mentions[first], doc)) --first;
    while (last + 1 < mentions.size() && listed_together(mentions[last], mentions[last + 1], doc)) ++last;
    if (last == first) continue;
    if (last - first == 1) {
      const Mention& a = mentions[first];
      if (doc.text.compare(a.end, mentions[last].start - a.end, ", ") == 0) continue;
    }
    // The items that are states (or countries) of one country already; the
    // others must be able to be one ("Oklahoma" read as its capital city).
    std::optional<PlaceKind> kind;
    std::string country;
    bool same = true;
    for (size_t j = first; j <= last && same; ++j) {
      const Mention& o = mentions[j];
      if (o.candidates.empty() || o.demonym) {
        same = false;
        break;
      }
      const Place p = gaz.place(o.candidates.front().entry);
      if (j == i || (p.kind != PlaceKind::admin1 && p.kind != PlaceKind::country)) continue;
      if ((kind && *kind != p.kind) || (p.kind == PlaceKind::admin1 && !country.empty() && country != p.country_code)) same = false;
      kind = p.kind;
      country = std::string(p.country_code);
    }
    if (!same || !kind) continue;
    auto wide_reading = [&](const ScoredPlace& c) {
      const Place p = gaz.place(c.entry);
      return p.kind == *kind && !c.fuzzy && static_cast<MatchHow>(c.how) == MatchHow::name &&
             (*kind == PlaceKind::country || p.country_code == country);
    };
    for (size_t j = first; j <= last && same; ++j)
      same = j == i || std::any_of(mentions[j].candidates.begin(), mentions[j].candidates.end(), wide_reading);
    if (!same || wide_reading(m.candidates.front())) continue;
    // "Texas and Washington, D.C.": the next item says where this one is.
    if (i + 1 <= last && doc.text.compare(m.end, mentions[i + 1].start - m.end, ", ") == 0 &&
        within(gaz.place(m.candidates.front().entry), gaz.place(mentions[i + 1].candidates.front().entry)))
      continue;
    auto it = std::find_if(m.candidates.begin(), m.candidates.end(), wide_reading);
    if (it == m.candidates.end() || beside_the_others(m.candidates.front(), *it, mentions, first, last, i, gaz)) continue;
    std::rotate(m.candidates.begin(), it, it + 1);
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

// The towns the report names, by their folded names (a name's first town kept).
std::map<std::string, const ScoredPlace*> towns_named(const std::vector<Mention>& mentions, const Gazetteer& gaz) {
  std::map<std::string, const ScoredPlace*> towns;
  for (const Mention& m : mentions) {
    if (m.candidates.empty() || m.demonym) continue;
    if (gaz.place(m.candidates.front().entry).kind == PlaceKind::city) towns.emplace(fold_name(m.text), &m.candidates.front());
  }
  return towns;
}

// "Dublin City Council" in a report on Dublin: "X City" and "City of X" name
// the town X the report is about, wherever that X is. Their own entries are
// few ("Dublin City" is only Ireland's), while the bare name has every
// namesake and the report's context, so the bare name's town decides. Not
// when the bare name is a state or country ("Kansas City", "Mexico City")
// or the longer name is a town's own name ("Carson City").
void pool_city_names(std::vector<Mention>& mentions, const Gazetteer& gaz) {
  constexpr double kSameTownKm = 25;
  const std::map<std::string, const ScoredPlace*> towns = towns_named(mentions, gaz);
  for (Mention& m : mentions) {
    if (m.candidates.empty() || m.demonym) continue;
    const auto it = towns.find(city_stem(fold_name(m.text)));
    if (it == towns.end()) continue;
    const ScoredPlace& top = m.candidates.front();
    const Place own = gaz.place(top.entry);
    if (top.how != static_cast<uint8_t>(MatchHow::alias) && own.kind != PlaceKind::admin2) continue;
    const Place town = gaz.place(it->second->entry);
    if (haversine_km(own.point, town.point) <= kSameTownKm) continue;
    auto near = std::find_if(m.candidates.begin(), m.candidates.end(),
                             [&](const ScoredPlace& c) { return haversine_km(gaz.place(c.entry).point, town.point) <= kSameTownKm; });
    if (near != m.candidates.end()) {
      std::rotate(m.candidates.begin(), near, near + 1);
    } else {
      m.candidates.insert(m.candidates.begin(), *it->second);
      m.candidates.front().how = static_cast<uint8_t>(MatchHow::alias);
    }
  }
}

// "North Arlington" in a report on Arlington: a bearing before the name of
// a town the report names is that town's part, where the compound's own
// entries are only small towns far from it (North Arlington, New Jersey, for
// the north of Arlington, Texas). Not a city of its own ("East London").
void bearings_of_named_towns(std::vector<Mention>& mentions, const Gazetteer& gaz) {
  constexpr double kSameTownKm = 25;
  constexpr uint64_t kSmallTown = 50000;
  const std::map<std::string, const ScoredPlace*> towns = towns_named(mentions, gaz);
  for (Mention& m : mentions) {
    if (m.candidates.empty() || m.demonym) continue;
    const std::string folded = fold_name(m.text);
    const size_t space = folded.find(' ');
    if (space == std::string::npos) continue;
    const CompassPoint* point = compass_point_named(folded.substr(0, space));
    if (!point || !point->cardinal) continue;
    const auto it = towns.find(folded.substr(space + 1));
    if (it == towns.end()) continue;
    const Place town = gaz.place(it->second->entry);
    const bool own_is_small_and_far = std::all_of(m.candidates.begin(), m.candidates.end(), [&](const ScoredPlace& c) {
      const Place p = gaz.place(c.entry);
      return p.kind == PlaceKind::city && p.population < kSmallTown && haversine_km(p.point, town.point) > kSameTownKm;
    });
    if (!own_is_small_and_far) continue;
    m.candidates.insert(m.candidates.begin(), *it->second);
    m.candidates.front().how = static_cast<uint8_t>(MatchHow::alias);
  }
}

void settle_toponyms(std::vector<Mention>& mentions, const Gazetteer& gaz, const Document& doc) {
  one_sense_per_name(mentions);
  prefer_seats(mentions, gaz, doc);
  states_in_a_list(mentions, gaz, doc);
  pool_city_names(mentions, gaz);
  bearings_of_named_towns(mentions, gaz);
}

double resolution_confidence(const Mention& m) {
  if (m.candidates.empty()) return 0;
  if (m.candidates.size() == 1) return 0.95;
  const double margin = m.candidates[0].score - m.candidates[1].score;
  return std::clamp(0.5 + margin / 6.0, 0.3, 0.95);
}

}  // namespace sitmap
