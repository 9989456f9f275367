#include "text/tagger.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <unordered_map>

#include "core/date.hpp"
#include "core/fold.hpp"
#include "core/one_of.hpp"

namespace sitmap {

namespace {

// Closed-class words (and a few open-class ones the word table lacks a tag of):
// their tags are ours, whatever the word table says.
const std::unordered_map<std::string, WordTags>& closed_class() {
  static const std::unordered_map<std::string, WordTags> table = [] {
    std::unordered_map<std::string, WordTags> t;
    auto add = [&](std::initializer_list<const char*> words, std::initializer_list<Pos> tags) {
      WordTags w;
      for (Pos p : tags) w.tags[w.count++] = p;
      for (const char* word : words) t[word] = w;
    };
    add({"the", "a", "an", "this", "these", "those", "each", "every", "another", "either", "neither", "no", "some", "any"}, {Pos::DT});
    add({"all", "both", "half"}, {Pos::DT, Pos::PDT});
    add({"that"}, {Pos::IN, Pos::WDT, Pos::DT});
    add({"i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "himself", "herself", "itself", "themselves", "ourselves",
         "yourself", "myself"},
        {Pos::PRP});
    add({"her"}, {Pos::PRPS, Pos::PRP});
    add({"my", "your", "his", "its", "our", "their"}, {Pos::PRPS});
    add({"who", "whom", "whoever", "what", "whatever"}, {Pos::WP});
    add({"whose"}, {Pos::WPS});
    add({"which", "whichever"}, {Pos::WDT});
    add({"where", "when", "why", "how", "whereby", "wherever", "whenever"}, {Pos::WRB});
    add({"and", "or", "but", "nor", "plus"}, {Pos::CC});
    add({"of",       "in",         "on",        "at",        "by",        "for",     "with",       "from",    "into",
         "onto",     "upon",       "about",     "above",     "across",    "after",   "against",    "along",   "alongside",
         "amid",     "amidst",     "among",     "amongst",   "around",    "as",      "before",     "behind",  "below",
         "beneath",  "beside",     "besides",   "between",   "beyond",    "despite", "during",     "except",  "inside",
         "near",     "outside",    "over",      "per",       "since",     "through", "throughout", "toward",  "towards",
         "under",    "underneath", "unlike",    "until",     "till",      "via",     "within",     "without", "because",
         "although", "though",     "whereas",   "while",     "whilst",    "whether", "if",         "unless",  "than",
         "like",     "off",        "including", "following", "according", "onboard", "aboard",     "atop"},
        {Pos::IN});
    add({"to"}, {Pos::TO});
    add({"will", "would", "can", "could", "may", "might", "shall", "should", "must", "ought", "wo", "ca"}, {Pos::MD});
    add({"be"}, {Pos::VB});
    add({"is", "'s"}, {Pos::VBZ});
    add({"are", "am", "'re", "'m"}, {Pos::VBP});
    add({"was", "were"}, {Pos::VBD});
    add({"been"}, {Pos::VBN});
    add({"being"}, {Pos::VBG});
    add({"has"}, {Pos::VBZ});
    add({"have", "'ve"}, {Pos::VBP, Pos::VB});
    add({"had"}, {Pos::VBD, Pos::VBN});
    add({"having"}, {Pos::VBG});
    add({"does"}, {Pos::VBZ});
    add({"do"}, {Pos::VBP, Pos::VB});
    add({"did"}, {Pos::VBD});
    add({"not", "never", "n't"}, {Pos::RB});
    add({"there"}, {Pos::EX, Pos::RB});
    // Fighters the word table knows only as adjectives ("an Islamist militant in the market", "the separatist was shot").
    add({"militant", "insurgent", "separatist", "mercenary", "paramilitary"}, {Pos::NN, Pos::JJ});
    // The word table lists these only as participles and adjectives: "a man wounded two people", "mines maimed dozens".
    add({"wounded", "maimed"}, {Pos::VBN, Pos::JJ, Pos::VBD});
    // Nouns the word table also lists as verbs that news never uses so: "bases that house American troops".
    add({"troops"}, {Pos::NNS});
    // A count, like "twelve": "a dozen ballistic missiles" is one noun group.
    add({"dozen"}, {Pos::CD});
    return t;
  }();
  return table;
}

// A word as the tagger sees it: one or more tokens ("pro - government").
struct Unit {
  size_t first, last;  // sentence-relative token indexes
  std::string lower;   // the whole word, lower case
  std::string raw;
  bool cap = false, all_caps = false, number = false, punct = false;
  bool compound = false;  // hyphenated
  WordTags cands;
  Pos tag = Pos::none;
};

Unit make_unit(size_t first, size_t last, std::string lower, std::string raw) {
  Unit u;
  u.first = first;
  u.last = last;
  u.lower = std::move(lower);
  u.raw = std::move(raw);
  return u;
}

bool adjacent(const Token& a, const Token& b) { return a.end == b.start; }

bool ends_with(std::string_view w, std::string_view suffix) {
  return w.size() > suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Tags of a word the table does not know, from its shape.
WordTags guess(const Unit& u) {
  WordTags w;
  auto set = [&](std::initializer_list<Pos> tags) {
    for (Pos p : tags) w.tags[w.count++] = p;
  };
  const std::string& s = u.lower;
  const std::string last_part = u.compound ? s.substr(s.rfind('-') + 1) : s;
  if (u.compound) {
    if (ends_with(last_part, "ed") || ends_with(last_part, "ing") || std::isdigit(static_cast<unsigned char>(s[0])))
      set({Pos::JJ});  // "U.S.-led", "long-running", "five-year"
    else if (ends_with(last_part, "s") && !ends_with(last_part, "ss"))
      set({Pos::NNS, Pos::JJ});
    else
      set({Pos::JJ, Pos::NN});
    return w;
  }
  if (ends_with(s, "ing"))
    set({Pos::VBG, Pos::NN});
  else if (ends_with(s, "ed"))
    set({Pos::VBD, Pos::VBN, Pos::JJ});
  else if (ends_with(s, "ly"))
    set({Pos::RB});
  else if (ends_with(s, "ous") || ends_with(s, "ive") || ends_with(s, "able") || ends_with(s, "ible") || ends_with(s, "al") ||
           ends_with(s, "ic") || ends_with(s, "ful") || ends_with(s, "less") || ends_with(s, "ary") || ends_with(s, "ish") ||
           ends_with(s, "ian") || ends_with(s, "ese"))
    set({Pos::JJ, Pos::NN});
  else if (ends_with(s, "s") && !ends_with(s, "ss") && !ends_with(s, "us") && !ends_with(s, "is"))
    set({Pos::NNS, Pos::VBZ});
  else
    set({Pos::NN});
  return w;
}

// The American spelling of a British one the word table may list only partly
// ("harbour" only as a verb): "-our" to "-or", "-tre" to "-ter", "-mme" to "-m", "-isation" to "-ization".
std::string american_spelling(const std::string& w) {
  if (w.size() >= 6 && ends_with(w, "our")) return w.substr(0, w.size() - 2) + "r";
  if (w.size() >= 6 && ends_with(w, "tre")) return w.substr(0, w.size() - 2) + "er";
  if (w.size() >= 7 && ends_with(w, "mme")) return w.substr(0, w.size() - 2);
  if (ends_with(w, "isation")) return w.substr(0, w.size() - 7) + "ization";
  return {};
}

struct Tagger {
  std::string_view text;
  const Segmented& seg;
  const Sentence& s;
  const WordTable& words;
  bool title_case;
  std::vector<Unit> units;

  const Token& tok(size_t k) const { return seg.tokens[s.first_token + k]; }
  std::string_view raw(size_t k) const { return token_text(text, tok(k)); }

  void split_units() {
    const size_t n = s.token_count;
    for (size_t k = 0; k < n;) {
      Unit u = make_unit(k, k, ascii_lower(raw(k)), std::string(raw(k)));
      const Token& t = tok(k);
      u.cap = t.capitalized;
      u.all_caps = t.all_caps;
      u.number = t.kind == TokenKind::number;
      u.punct = t.kind == TokenKind::punct;
      const bool apostrophe = raw(k) == "'" || raw(k) == "\xE2\x80\x99";
      if (apostrophe && k > 0 && k + 1 < n && adjacent(tok(k - 1), t) && adjacent(t, tok(k + 1))) {
        const std::string next = ascii_lower(raw(k + 1));
        if (next == "s") {  // possessive (or "is": "it's")
          u = make_unit(k, k + 1, "'s", "'s");
          units.push_back(u);
          k += 2;
          continue;
        }
        if (next == "t" && !units.empty() && ends_with(units.back().lower, "n")) {  // "did n't"
          Unit& base = units.back();
          base.lower.pop_back();
          u = make_unit(k, k + 1, "n't", "n't");
          units.push_back(u);
          k += 2;
          continue;
        }
        if (next == "re" || next == "ve" || next == "ll" || next == "d" || next == "m") {
          u = make_unit(k, k + 1, "'" + next, "'" + next);
          units.push_back(u);
          k += 2;
          continue;
        }
      }
      if (apostrophe && k > 0 && adjacent(tok(k - 1), t) && ends_with(ascii_lower(raw(k - 1)), "s") &&
          (k + 1 >= n || !adjacent(t, tok(k + 1)))) {  // "soldiers'"
        u.lower = "'s";
        u.punct = false;
        units.push_back(u);
        ++k;
        continue;
      }
      // Hyphenated words stay one: "pro-government", "U.S.-led", "al-Shabaab".
      size_t last = k;
      while (!u.punct && last + 2 < n && raw(last + 1) == "-" && adjacent(tok(last), tok(last + 1)) &&
             adjacent(tok(last + 1), tok(last + 2)) && tok(last + 2).kind != TokenKind::punct)
        last += 2;
      if (last != k) {
        u.last = last;
        u.compound = true;
        u.raw = std::string(text.substr(t.start, tok(last).end - t.start));
        u.lower = ascii_lower(u.raw);
        // "al-Shabaab", "Ar-Raqqa": a name when any part is capitalised.
        for (size_t j = k; j <= last; j += 2) u.cap = u.cap || tok(j).capitalized;
      }
      units.push_back(u);
      k = last + 1;
    }
  }

  // The first tags: closed class, table, capitals, shape.
  void initial(Unit& u, bool sentence_first) {
    if (u.punct) {
      u.tag = Pos::punct;
      return;
    }
    if (u.number) {
      u.cands = WordTags{{Pos::CD}, 1};
      u.tag = Pos::CD;
      return;
    }
    const auto& closed = closed_class();
    if (auto it = closed.find(u.lower); it != closed.end() && !(u.all_caps && u.raw.size() > 1 && !title_case)) {
      u.cands = it->second;
      u.tag = u.cands.first();
      return;
    }
    // "re-entered", "re-took": a verb's prefix; the verb's own tags.
    if (u.compound && u.lower.rfind("re-", 0) == 0 && u.lower.find('-', 3) == std::string::npos) {
      const WordTags verb = words.lookup(u.lower.substr(3));
      if (verb.count > 0 && (verb.has(Pos::VBD) || verb.has(Pos::VBN) || verb.has(Pos::VB))) {
        u.cands = verb;
        u.tag = verb.has(Pos::VBD) ? Pos::VBD : verb.first();
        return;
      }
    }
    // "U.S.-led", "Iranian-backed": a hyphenated participle is an adjective, capitals or not.
    if (u.compound) {
      const std::string last = u.lower.substr(u.lower.rfind('-') + 1);
      // ("Kurdish-run", "war-torn", "quake-hit": the irregular participles such compounds end in.)
      static const std::set<std::string, std::less<>> irregular = {"run",   "hit",   "torn",  "stricken", "ridden", "made",
                                                                   "built", "known", "grown", "struck",   "fought", "bound"};
      const bool participle =
          (last.size() >= 3 && (last.compare(last.size() - 2, 2, "ed") == 0 || last.compare(last.size() - 3, 3, "ing") == 0)) ||
          irregular.count(last) > 0;
      if (participle && !std::isupper(static_cast<unsigned char>(u.raw[u.raw.rfind('-') + 1]))) {
        u.cands = WordTags{{Pos::JJ}, 1};
        u.tag = Pos::JJ;
        return;
      }
    }
    WordTags exact = words.lookup(u.raw);
    WordTags lower = u.raw == u.lower ? exact : words.lookup(u.lower);
    if (!lower.has(Pos::NN) && !lower.has(Pos::NNS))
      if (const std::string us = american_spelling(u.lower); !us.empty())
        if (const WordTags american = words.lookup(us); american.has(Pos::NN)) lower = american;
    const bool name_like = u.cap && (!sentence_first || lower.count == 0 || lower.first() == Pos::NNP) && !title_case;
    if (u.all_caps && u.raw.size() >= 2 && !title_case) {
      u.cands = WordTags{{Pos::NNP}, 1};  // "IS", "UN", "ISWAP"
    } else if (name_like) {
      // The table's capitalised entries are names and peoples ("French": JJ, "Shiites": NNPS).
      const bool proper_entry = exact.count && (exact.first() == Pos::NNP || exact.first() == Pos::NNPS || exact.first() == Pos::JJ);
      u.cands = proper_entry ? exact : WordTags{{Pos::NNP}, 1};
    } else if (lower.count) {
      u.cands = lower;
    } else if (exact.count) {
      u.cands = exact;
    } else {
      u.cands = guess(u);
      if (u.cap && !title_case) u.cands = WordTags{{Pos::NNP}, 1};
    }
    u.tag = u.cands.first();
  }

  // (Past the sentence's end, nothing can be anything: rules look ahead.)
  bool can(size_t i, Pos p) const { return i < units.size() && units[i].cands.has(p); }
  Pos tag(size_t i) const { return i < units.size() ? units[i].tag : Pos::none; }
  const std::string& lower(size_t i) const {
    static const std::string none;
    return i < units.size() ? units[i].lower : none;
  }
  // "at least", "at most", "more/fewer/less than": two words that qualify a count.
  bool count_qualifier_at(size_t i) const {
    return (lower(i) == "at" && one_of(lower(i + 1), {"least", "most"})) ||
           (one_of(lower(i), {"more", "fewer", "less"}) && lower(i + 1) == "than");
  }
  void set(size_t i, Pos p) {
    if (can(i, p)) units[i].tag = p;
  }
  // The unit before i, skipping adverbs ("were also killed").
  size_t before_adverbs(size_t i) const {
    size_t j = i;
    while (j > 0 && (is_adverb(tag(j - 1)) || lower(j - 1) == "n't")) --j;
    return j == 0 ? SIZE_MAX : j - 1;
  }

  static bool starts_noun_phrase(Pos p) {
    return p == Pos::DT || p == Pos::PRPS || p == Pos::CD || p == Pos::NNP || p == Pos::NNPS || p == Pos::JJ || p == Pos::PDT ||
           p == Pos::PRP || p == Pos::NNS;
  }
  static bool determiner_like(Pos p) {
    return p == Pos::DT || p == Pos::PRPS || p == Pos::POS || p == Pos::CD || p == Pos::PDT || p == Pos::WPS;
  }
  bool subject_like(size_t i) const {
    const Pos p = tag(i);
    return p == Pos::NNS || p == Pos::NNP || p == Pos::NNPS || p == Pos::PRP || p == Pos::NN || p == Pos::WDT || p == Pos::WP ||
           p == Pos::EX;
  }

  // Has this stretch of the sentence (since the last comma, conjunction or
  // clause word) already had its finite verb?
  bool finite_verb_before(size_t i) const {
    for (size_t j = i; j-- > 0;) {
      const Unit& x = units[j];
      if (x.punct && x.lower == "/") continue;  // "Kh-101/Kh-555 missiles": a slash inside a name ends no clause
      if (x.punct || x.lower == "and" || x.lower == "but" || x.lower == "that" || x.lower == "which" || x.lower == "who" ||
          x.lower == "when" || x.lower == "after" || x.lower == "as")
        return false;
      if (x.tag == Pos::VBD || x.tag == Pos::VBZ || x.tag == Pos::VBP || x.tag == Pos::MD) return true;
    }
    return false;
  }

  // "with their faces covered", "with hands tied": "with" opens the noun phrase right before unit i.
  bool with_phrase_before(size_t i) const {
    for (size_t j = i; j-- > 0 && j + 5 > i;) {
      if (units[j].lower == "with") return j + 1 < i;
      if (units[j].punct || !(is_noun(units[j].tag) || units[j].tag == Pos::DT || units[j].tag == Pos::PRPS || is_adjective(units[j].tag)))
        return false;
    }
    return false;
  }

  // A verb of any form before unit i in its clause ("looters cleared out", read as a participle first).
  bool verb_before(size_t i) const {
    for (size_t j = i; j-- > 0;) {
      const Unit& x = units[j];
      if (x.punct || one_of(x.lower, {"and", "but", "that", "which", "who", "when", "after", "as"})) return false;
      if (is_verb(x.tag) || x.tag == Pos::MD) return true;
    }
    return false;
  }

  // Does a word that can only be a finite verb come before the clause ends?
  // (`ed_past`: an -ed word read as a participle first counts as a past verb too.)
  bool finite_verb_later(size_t from, bool ed_past = false) const {
    for (size_t j = from; j < units.size() && j < from + 8; ++j) {
      const Unit& x = units[j];
      if (x.punct || x.lower == "that" || x.lower == "which" || x.lower == "who") return false;
      // "Police moved into the camp as protesters shouted": a time clause's verb is not the clause's own.
      if (one_of(x.lower, {"as", "when", "while", "after", "before", "because", "until"})) return false;
      if (x.lower == "'s") continue;  // a possessive, as often as "is"
      // "Demonstrators broke into the building and set fire to it": a verb after "and" is coordinated with
      // this one, no clause's verb of its own ("armed with sticks and machetes set fire" goes on: a noun follows).
      if (one_of(x.lower, {"and", "or", "but"}) && j + 1 < units.size() &&
          (units[j + 1].lower == "set" || units[j + 1].cands.first() == Pos::VBD || units[j + 1].cands.first() == Pos::VBZ))
        return false;
      // "Mobs armed with sticks set fire to homes": "set" is a noun too, but not before "fire".
      if (x.lower == "set" && j + 1 < units.size() && one_of(units[j + 1].lower, {"fire", "ablaze", "alight"})) return true;
      const Pos t = x.cands.first();
      const bool past = t == Pos::VBD || (ed_past && x.cands.has(Pos::VBD) && ends_with(x.lower, "ed"));
      if ((past || t == Pos::VBZ || t == Pos::VBP || t == Pos::MD) && !x.cands.has(Pos::NN) && !x.cands.has(Pos::NNS)) return true;
    }
    return false;
  }

  // Contextual rules, left to right; each only picks among a word's tags.
  void context() {
    for (size_t i = 0; i < units.size(); ++i) {
      Unit& u = units[i];
      // "Damboa Local Government Area", "Pakistan Muslim League": a capitalised adjective inside a name is a word of it.
      if (u.cap && !u.all_caps && u.tag == Pos::JJ && i > 0 && i + 1 < units.size() && tag(i - 1) == Pos::NNP && units[i - 1].cap &&
          tag(i + 1) == Pos::NNP && units[i + 1].cap) {
        u.cands = WordTags{{Pos::NNP}, 1};
        u.tag = Pos::NNP;
        continue;
      }
      // "Burundi's capital": after a noun, "'s" is a possessive, and the words after it read so.
      if (u.lower == "'s" && i > 0 && (is_noun(tag(i - 1)) || tag(i - 1) == Pos::CD)) {
        u.tag = Pos::POS;
        continue;
      }
      // "Fighting between the two armies spread": a report's first word in -ing before a preposition is the noun.
      if (i == 0 && ends_with(u.lower, "ing") && can(i, Pos::NN) && i + 1 < units.size() &&
          one_of(units[i + 1].lower, {"between", "in", "near", "around", "on", "along", "across"})) {
        u.tag = Pos::NN;
        continue;
      }
      // "the neighbours first exchanged fire": an adverb of order before the verb, not an adjective of a noun.
      if (one_of(u.lower, {"first", "then", "later", "again", "initially", "also"}) && i > 0 && i + 1 < units.size() &&
          is_noun(tag(i - 1)) && can(i + 1, Pos::VBD) && !can(i + 1, Pos::NN) && !can(i + 1, Pos::NNS)) {
        u.tag = Pos::RB;
        continue;
      }
      // "the storming of the courtyards", "the minister's storming of": a gerund after a determiner,
      // with its "of", is a noun.
      if (ends_with(u.lower, "ing") && i > 0 && i + 1 < units.size() && units[i + 1].lower == "of" &&
          (tag(i - 1) == Pos::DT || tag(i - 1) == Pos::POS || tag(i - 1) == Pos::PRPS)) {
        u.cands = WordTags{{Pos::NN}, 1};
        u.tag = Pos::NN;
        continue;
      }
      // "killed at least 12 people", "seized more than 130 pupils": "at least", "at most", "more/fewer/less than"
      // qualify the number, no place or time (the noun after them stays the verb's object).
      if (count_qualifier_at(i) && i + 2 < units.size() &&
          (units[i + 2].tag == Pos::CD || one_of(units[i + 2].lower, {"a", "an", "one", "dozens", "hundreds", "thousands", "scores"}))) {
        u.cands = WordTags{{Pos::RB}, 1};
        u.tag = Pos::RB;
        units[i + 1].cands = WordTags{{Pos::RB}, 1};
        units[i + 1].tag = Pos::RB;
        ++i;
        continue;
      }
      // "armed with sticks", "pelted with stones": after "with" (and other prepositions that take
      // no clause), a plural that can be a noun is one, not the verb of "he sticks".
      if (i > 0 && tag(i - 1) == Pos::IN && one_of(units[i - 1].lower, {"with", "of", "by", "from", "into", "against", "without"}) &&
          u.tag == Pos::VBZ && can(i, Pos::NNS)) {
        u.tag = Pos::NNS;
        continue;
      }
      // "a critic of organised crime": after a preposition, a past form before a noun describes it.
      if (i > 0 && tag(i - 1) == Pos::IN && one_of(units[i - 1].lower, {"of", "for", "against", "with", "about", "from"}) &&
          (u.tag == Pos::VBD || u.tag == Pos::VBN) && ends_with(u.lower, "ed") && i + 1 < units.size() &&
          (units[i + 1].tag == Pos::NN || units[i + 1].tag == Pos::NNS) && !can(i + 1, Pos::VBD) && !can(i + 1, Pos::VBZ)) {
        u.cands = WordTags{{Pos::JJ}, 1};
        u.tag = Pos::JJ;
        continue;
      }
      // "... and shot dead 28 of them", "gunmen shot dead a teacher": the verb, whatever "a shot" could be.
      if (one_of(u.lower, {"shot", "gunned", "hacked", "stabbed", "beaten", "burned", "burnt"}) && i + 1 < units.size() &&
          one_of(units[i + 1].lower, {"dead", "down"}) && can(i, Pos::VBD)) {
        // ("the man shot dead by a police officer": a participle after its noun, with its agent.)
        const bool participle_of_noun = i > 0 && is_noun(units[i - 1].tag) && lower(i + 2) == "by";
        u.tag = (i > 0 && one_of(units[i - 1].lower, {"was", "were", "been", "be", "being", "is", "are"})) || participle_of_noun ? Pos::VBN
                                                                                                                                 : Pos::VBD;
        continue;
      }
      // "a complex and coordinated attack": a participle coordinated with an adjective before their noun describes it.
      if (i >= 2 && units[i - 1].lower == "and" && (units[i - 2].tag == Pos::JJ || can(i - 2, Pos::JJ)) &&
          (u.tag == Pos::VBN || u.tag == Pos::VBD) && can(i, Pos::JJ) && i + 1 < units.size() &&
          (units[i + 1].tag == Pos::NN || units[i + 1].tag == Pos::NNS) && i >= 3 &&
          (units[i - 3].tag == Pos::DT || units[i - 3].tag == Pos::PRPS)) {
        units[i - 2].tag = Pos::JJ;
        u.tag = Pos::JJ;
        continue;
      }
      // "Thousands of people rampaged": a count of many, whatever its capital letter says.
      if (one_of(u.lower, {"thousands", "hundreds", "dozens", "scores", "tens", "millions"}) && u.tag == Pos::NNP) {
        u.tag = Pos::NNS;
        continue;
      }
      // "in neighbouring Niger state", "the neighboring village": a modifier of the place after it, not a verb.
      if (one_of(u.lower, {"neighbouring", "neighboring", "bordering", "surrounding"}) && i > 0 && i + 1 < units.size() &&
          (tag(i - 1) == Pos::IN || tag(i - 1) == Pos::DT || tag(i - 1) == Pos::PRPS) &&
          (units[i + 1].tag == Pos::NNP || units[i + 1].tag == Pos::NN || units[i + 1].tag == Pos::NNS)) {
        u.tag = Pos::JJ;
        continue;
      }
      // "were all dead", "are both missing": after the verb to be and "all"/"both", the state, not "the dead".
      if (one_of(u.lower, {"dead", "alive", "missing", "wounded", "injured", "safe", "unharmed"}) && i >= 2 &&
          one_of(units[i - 1].lower, {"all", "both"}) && one_of(units[i - 2].lower, {"were", "are", "was", "is", "been"})) {
        u.tag = Pos::JJ;
        continue;
      }
      // "were all dead, shot in the scrubland", "killed, stabbed at the gate": after a state of harm and its comma,
      // how it came about, a participle (not "a shot").
      if (one_of(u.lower, {"shot", "stabbed", "hacked", "beaten", "burned", "burnt", "gunned"}) && i >= 2 && units[i - 1].raw == "," &&
          one_of(units[i - 2].lower, {"dead", "killed", "wounded", "injured"}) && can(i, Pos::VBN) && i + 1 < units.size() &&
          one_of(units[i + 1].lower, {"in", "at", "near", "on", "by", "outside", "inside", "while", "as", "dead", "through"})) {
        u.tag = Pos::VBN;
        continue;
      }
      // "opened fire and shot all of them dead", "and stabbed him": after "and", the verb with its object.
      if (one_of(u.lower, {"shot", "gunned", "hacked", "stabbed", "beat", "burned", "burnt"}) && i > 0 && units[i - 1].lower == "and" &&
          i + 1 < units.size() &&
          one_of(units[i + 1].lower, {"all", "both", "them", "him", "her", "the", "two", "three", "four", "five", "six", "several"}) &&
          can(i, Pos::VBD)) {
        u.tag = Pos::VBD;
        continue;
      }
      // "hijacked a bus on Saturday, separated the passengers and ...": after the clause's comma, a past form
      // with its object goes on with the same subject.
      // ("stormed the college on Thursday afternoon and abducted dozens of students": after "and" too.)
      // ("arrived before sunrise, set fire to houses and shot and stabbed residents": "set fire", and a pair of past
      // forms before the object.)
      const auto object_word = [&](size_t j) {
        return j < units.size() && one_of(units[j].lower, {"the", "a", "an", "his", "her", "their", "its", "them", "him", "several",
                                                           "dozens", "hundreds", "all", "both", "residents", "civilians", "villagers"});
      };
      const bool object_follows = object_word(i + 1) || (one_of(u.lower, {"set", "opened"}) && lower(i + 1) == "fire") ||
                                  (lower(i + 1) == "and" && can(i + 2, Pos::VBD) && object_word(i + 3));
      if (i > 1 && (units[i - 1].raw == "," || units[i - 1].lower == "and") && can(i, Pos::VBD) && i + 1 < units.size() && object_follows) {
        bool past_before = false;
        for (size_t j = 0; j + 1 < i; ++j) past_before = past_before || units[j].tag == Pos::VBD;
        if (past_before) {
          u.tag = Pos::VBD;
          continue;
        }
      }
      // "carried out air strikes Tuesday": the weapon's compound noun, not a verb.
      if (one_of(u.lower, {"strikes", "strike", "raids", "raid", "attacks", "attack"}) && i > 0 &&
          one_of(units[i - 1].lower, {"air", "drone", "missile", "rocket", "artillery", "mortar", "grenade", "suicide", "bomb"}) &&
          can(i, u.lower.back() == 's' ? Pos::NNS : Pos::NN)) {
        u.tag = u.lower.back() == 's' ? Pos::NNS : Pos::NN;
        units[i - 1].tag = Pos::NN;
        continue;
      }
      // "the movement, which controls the capital": after a relative pronoun, a word that can be
      // the clause's finite verb is it, whatever plural noun it could be.
      // (Not "unclear which groups carried out", "the town, which forces captured": a verb or a noun after it is the clause's.)
      const auto verb_like = [&](size_t j) {
        return j < units.size() &&
               (is_verb(units[j].tag) || units[j].tag == Pos::MD || units[j].cands.has(Pos::VBD) || units[j].cands.has(Pos::VBN));
      };
      const bool verb_or_noun_next = verb_like(i + 1) || (i + 1 < units.size() && is_adverb(units[i + 1].tag)) ||
                                     (i + 1 < units.size() && is_noun(units[i + 1].tag) && verb_like(i + 2));
      if (i > 0 && one_of(units[i - 1].lower, {"which", "who"}) && (u.tag == Pos::NNS || u.tag == Pos::NN) && !verb_or_noun_next &&
          (can(i, Pos::VBZ) || can(i, Pos::VBD) || can(i, Pos::VBP))) {
        u.tag = can(i, Pos::VBZ) ? Pos::VBZ : can(i, Pos::VBD) ? Pos::VBD : Pos::VBP;
        continue;
      }
      // "a district police chief and his bodyguards": a word that can be a noun, after a noun and
      // before no noun or adjective, ends the noun phrase as its head ("chief", not "chief executive").
      // ("12 people dead", "two missing": a state after its noun stays the adjective.)
      // ("an Islamist militant in the market": after a determiner and one modifier too.)
      const bool after_modifier = i >= 2 && tag(i - 2) == Pos::DT && (tag(i - 1) == Pos::NNP || tag(i - 1) == Pos::JJ);
      if (u.tag == Pos::JJ && can(i, Pos::NN) && i > 0 && (tag(i - 1) == Pos::NN || tag(i - 1) == Pos::NNS || after_modifier) &&
          !one_of(u.lower, {"dead", "alive", "missing", "wounded", "injured", "safe", "free", "unharmed", "hostage"}) &&
          i + 1 < units.size() && one_of(units[i + 1].lower, {"and", "or", "of", "in", "at", "on", "was", "were"})) {
        u.tag = Pos::NN;
        continue;
      }
      // "cleared out shopping centres", "their training camps": after the clause's finite verb, an -ing word that
      // names a kind of place and a plural that could be a verb are a noun compound, its object. (A British plural
      // the word table knows only as a verb, "centres", too.) Not an action going on: "started shooting villagers",
      // "by burning homes", "crowds throwing stones".
      if (i >= 2 && ends_with(u.lower, "s") && (can(i, Pos::NNS) || can(i, Pos::VBZ)) && verb_before(i - 1) &&
          one_of(units[i - 1].lower, {"shopping", "training", "parking", "housing", "polling", "boarding", "fishing", "mining", "filling",
                                      "meeting", "dining", "living", "sleeping", "holding"}) &&
          (is_verb(tag(i - 2)) || tag(i - 2) == Pos::RP || tag(i - 2) == Pos::DT || tag(i - 2) == Pos::PRPS || tag(i - 2) == Pos::JJ)) {
        units[i - 1].tag = Pos::NN;
        u.tag = Pos::NNS;
        continue;
      }
      // "at around 10 am": the hour, not the verb.
      if (one_of(u.lower, {"am", "pm", "a.m.", "p.m."}) && i > 0 && units[i - 1].number) {
        u.tag = Pos::NN;
        continue;
      }
      // "in May 1998", "18 May", "last May": the month, not the modal.
      if (u.raw == "May" && ((i + 1 < units.size() && units[i + 1].number) || (i > 0 && units[i - 1].number) ||
                             (i > 0 && one_of(units[i - 1].lower, {"in", "of", "last", "since", "until", "early", "late", "mid", "next",
                                                                   "by", "before", "after", "during", "this", "from"})))) {
        u.tag = Pos::NNP;
        continue;
      }
      // "the 18 May fighting", "Sunday's bombing": an -ing word after a day
      // or a month is the noun those name the day of.
      if (ends_with(u.lower, "ing") && i > 0 && can(i, Pos::NN) &&
          (weekday_from_name(units[i - 1].raw) >= 0 || month_from_name(units[i - 1].raw) > 0) && units[i - 1].tag == Pos::NNP) {
        u.tag = Pos::NN;
        continue;
      }
      // "two drones each carrying a kilogram of explosive", "the men, both wearing masks": "each", "both" or
      // "all" after the things they count, and an -ing word before its object, open a participle clause.
      if (i >= 2 && floating_quantifier(units[i - 1].lower) && ends_with(u.lower, "ing") && can(i, Pos::VBG) &&
          (is_noun(tag(i - 2)) || (units[i - 2].raw == "," && i >= 3 && tag(i - 3) == Pos::NNS)) && i + 1 < units.size() &&
          !units[i + 1].punct) {
        u.tag = Pos::VBG;
        continue;
      }
      // "Hoffman and his wife were each shot several times", "were all killed": a participle after a form of "be" and
      // the quantifier floated off its subject.
      // (The quantifier is then an adverb of the verb group.)
      if (i >= 2 && floating_quantifier(units[i - 1].lower) && is_be_form(units[i - 2].lower) && can(i, Pos::VBN)) {
        units[i - 1].tag = Pos::RB;
        u.tag = Pos::VBN;
        continue;
      }
      // "in neighboring Kenya", "the ruling party": an -ing word between a preposition or determiner and its noun.
      if (ends_with(u.lower, "ing") && i > 0 && i + 1 < units.size() && (units[i - 1].tag == Pos::IN || units[i - 1].tag == Pos::DT) &&
          units[i - 1].lower != "by" && (units[i + 1].tag == Pos::NNP || units[i + 1].tag == Pos::NN || units[i + 1].tag == Pos::NNS) &&
          (can(i, Pos::JJ) || can(i, Pos::NN))) {
        u.tag = can(i, Pos::JJ) ? Pos::JJ : Pos::NN;
        continue;
      }
      // "killed and wounded scores": a verb coordinated with the verb before it.
      if (i >= 2 && (units[i - 1].lower == "and" || units[i - 1].lower == "or") && (tag(i - 2) == Pos::VBD || tag(i - 2) == Pos::VBN) &&
          can(i, tag(i - 2)) && !u.cap) {
        u.tag = tag(i - 2);
        continue;
      }
      // "armed with spears, axes and ...": after "with" or "of", a plural noun, not a verb's third person.
      if (i > 0 && u.tag == Pos::VBZ && one_of(lower(i - 1), {"with", "of"}) && ends_with(u.lower, "s") &&
          (can(i, Pos::NNS) || words.lookup(u.lower.substr(0, u.lower.size() - 1)).has(Pos::NN))) {
        u.tag = Pos::NNS;
        continue;
      }
      if (u.punct || u.cands.count < 2) {
        if (u.lower == "there" && !is_be_form(lower(i + 1)) && lower(i + 1) != "have" && lower(i + 1) != "has") u.tag = Pos::RB;
        continue;
      }
      const size_t p = i > 0 ? i - 1 : SIZE_MAX;
      const Pos prev = p == SIZE_MAX ? Pos::none : tag(p);
      const size_t pa = before_adverbs(i);
      const Pos prev_verbal = pa == SIZE_MAX ? Pos::none : tag(pa);
      const std::string& prev_word = pa == SIZE_MAX ? lower(SIZE_MAX) : lower(pa);
      const Pos next = tag(i + 1);

      if (u.lower == "that") {
        // "said on Saturday that ...": a reported clause after a speech verb, whatever comes between.
        bool speech = false;
        for (size_t j = i; j-- > 0 && j + 6 > i;)
          if (one_of(lower(j), {"said", "says", "say", "told", "reported", "announced", "claimed", "added", "confirmed", "stated", "warned",
                                "insisted", "denied", "acknowledged", "admitted"}))
            speech = true;
        // ("claimed the attacks that killed 129 people": right after a noun and before a verb with no subject
        // between, "that" is the noun's relative pronoun, whatever verb of speech came before.)
        const bool verb_next = i + 1 < units.size() && is_verb(units[i + 1].cands.first()) && !units[i + 1].cands.has(Pos::NN) &&
                               !units[i + 1].cands.has(Pos::NNS);
        // ("two bases that house American troops": a present verb before its object's first word.)
        const bool verb_then_object =
            i + 2 < units.size() && (can(i + 1, Pos::VBP) || can(i + 1, Pos::VBZ)) &&
            (tag(i + 2) == Pos::JJ || tag(i + 2) == Pos::NNP || tag(i + 2) == Pos::DT || tag(i + 2) == Pos::CD || tag(i + 2) == Pos::PRPS);
        if (speech && !(is_noun(prev) && verb_next))
          u.tag = Pos::IN;
        else if (is_noun(prev) && (!is_noun(next) || verb_then_object))
          u.tag = Pos::WDT;
        else if (is_verb(prev) || prev == Pos::punct || prev == Pos::none)
          u.tag = Pos::IN;
        else if (next == Pos::NNS || next == Pos::NNPS)  // "reports on social media that jihadists had ...": no "that" of a plural
          u.tag = Pos::IN;
        else if (is_noun(next) || is_adjective(next))
          u.tag = Pos::DT;
        continue;
      }
      if (u.lower == "her") {
        u.tag = is_noun(next) || is_adjective(next) ? Pos::PRPS : Pos::PRP;
        continue;
      }
      if (u.lower == "have" || u.lower == "do") {
        u.tag = prev_verbal == Pos::MD || prev_verbal == Pos::TO ? Pos::VB : Pos::VBP;
        continue;
      }
      if (u.lower == "had") {
        u.tag = is_have_form(prev_word) ? Pos::VBN : Pos::VBD;
        continue;
      }
      // An adverb between verbs: "were later killed", "have also seized".
      if (can(i, Pos::RB) && (is_verb(next) || tag(i + 1) == Pos::VBN) && (is_verb(prev) || prev == Pos::MD)) {
        u.tag = Pos::RB;
        continue;
      }
      // After "to" or a modal: the base verb ("to attack", "could strike").
      if ((prev_verbal == Pos::TO || prev_verbal == Pos::MD) && can(i, Pos::VB)) {
        u.tag = Pos::VB;
        continue;
      }
      // After "have": a participle ("have seized"); after "be": a participle or -ing.
      if (is_have_form(prev_word) && can(i, Pos::VBN)) {
        u.tag = Pos::VBN;
        continue;
      }
      if (is_be_form(prev_word) && prev_verbal != Pos::POS && prev_verbal != Pos::NNP) {  // (not "the Be district": a name)
        if (can(i, Pos::VBN)) {
          u.tag = Pos::VBN;
          continue;
        }
        if (can(i, Pos::VBG)) {
          u.tag = Pos::VBG;
          continue;
        }
        if (can(i, Pos::JJ)) {
          u.tag = Pos::JJ;
          continue;
        }
      }
      // "An improvised explosive, planted by ...": an adjective that ends its
      // noun group after a determiner and a modifier is the noun itself.
      if (u.tag == Pos::JJ && can(i, Pos::NN) && i >= 2 && determiner_like(tag(i - 2)) &&
          (tag(i - 1) == Pos::VBN || is_adjective(tag(i - 1))) &&
          (i + 1 >= units.size() || units[i + 1].punct || is_verb(next) || next == Pos::IN)) {
        u.tag = Pos::NN;
        if (tag(i - 1) == Pos::VBN) units[i - 1].tag = Pos::JJ;
        continue;
      }
      // "officers who were on patrol nearby shot him dead": before an object pronoun, after an adverb-like
      // adjective, the verb.
      if (is_adjective(prev) && !determiner_like(prev) && can(i, Pos::VBD) && tag(i + 1) == Pos::PRP &&
          one_of(lower(i + 1), {"him", "them", "us", "himself", "herself", "themselves"})) {
        u.tag = Pos::VBD;
        continue;
      }
      // After a determiner or adjective: a noun ("the attack", "three strikes",
      // "heavy shelling"), or an adjective before one ("the wounded soldiers").
      if (determiner_like(prev) || is_adjective(prev)) {
        if (can(i, Pos::JJ) && (is_noun(next) || next == Pos::JJ) && !is_noun(u.tag)) {
          u.tag = Pos::JJ;
          continue;
        }
        if (can(i, Pos::NNS)) {
          u.tag = Pos::NNS;
          continue;
        }
        if (can(i, Pos::NN)) {
          u.tag = Pos::NN;
          continue;
        }
        if (can(i, Pos::JJ)) {
          u.tag = Pos::JJ;
          continue;
        }
        if (can(i, Pos::VBN) && (is_noun(next) || next == Pos::JJ)) {
          u.tag = Pos::VBN;
          continue;
        }  // "the disputed town"
      }
      // After a preposition: a noun rather than a base verb ("over pay", "in fighting").
      if (prev == Pos::IN && (u.tag == Pos::VB || u.tag == Pos::VBP) && (can(i, Pos::NN) || can(i, Pos::NNS))) {
        u.tag = can(i, Pos::NN) ? Pos::NN : Pos::NNS;
        continue;
      }

      // "at a tram stop in Graz", "a metal object that exploded": a singular noun's own verb would be "stops"; a base
      // form after it, with no object of its own, ends the compound (not "helped the army attack the town").
      // ("saw a policeman shoot into the crowd": a bare infinitive after a verb of seeing, making or letting.)
      const bool bare_infinitive = i >= 3 && one_of(lower(i - 3), {"saw", "see", "sees", "seen", "watched", "watch", "heard", "hear",
                                                                   "made", "make", "makes", "let", "lets", "helped", "help", "helps"});
      if ((u.tag == Pos::VB || u.tag == Pos::VBP) && prev == Pos::NN && i >= 2 &&
          (determiner_like(tag(i - 2)) || is_adjective(tag(i - 2))) && can(i, Pos::NN) && !bare_infinitive &&
          (i + 1 >= units.size() || units[i + 1].punct || next == Pos::IN || one_of(lower(i + 1), {"that", "which"}))) {
        u.tag = Pos::NN;
        continue;
      }
      // "a gunshot wound", "a fatal wound": the noun, not "wind"'s past after its subject.
      if (u.tag == Pos::VBD && u.lower == "wound" && (prev == Pos::NN || prev == Pos::JJ) && can(i, Pos::NN)) {
        u.tag = Pos::NN;
        continue;
      }
      // "the Fushimi ward of Kyoto": after a name with its article, before a preposition, a noun too.
      if ((u.tag == Pos::VB || u.tag == Pos::VBP) && prev == Pos::NNP && i >= 2 && tag(i - 2) == Pos::DT && can(i, Pos::NN) &&
          !bare_infinitive && next == Pos::IN && i + 1 < units.size() && lower(i + 1) == "of") {
        u.tag = Pos::NN;
        continue;
      }
      // "... stormed a hotel and held 170 guests": a coordinated verb keeps the tense.
      // ("killed a district head and abducted his wife": an -ed word before its object's
      // determiner is that verb, though the lexicon lists it as a noun first.)
      const bool ed_before_object =
          u.tag == Pos::NN && ends_with(u.lower, "ed") && (tag(i + 1) == Pos::DT || tag(i + 1) == Pos::PRPS || tag(i + 1) == Pos::CD);
      if (prev == Pos::CC && can(i, Pos::VBD) && (u.tag == Pos::VBN || u.tag == Pos::JJ || ed_before_object)) {
        for (size_t j = i - 1; j-- > 0;)
          if (tag(j) == Pos::VBD || tag(j) == Pos::VBN) {
            if (tag(j) == Pos::VBD) u.tag = Pos::VBD;
            break;
          }
        if (u.tag == Pos::VBD) continue;
      }
      // A verb before its object pronoun: "blow himself up", "attacked them".
      if ((can(i, Pos::VB) || can(i, Pos::VBD) || can(i, Pos::VBP)) && tag(i + 1) == Pos::PRP &&
          one_of(lower(i + 1), {"himself", "herself", "themselves", "itself", "them", "him", "us"})) {
        u.tag = can(i, Pos::VBD) ? Pos::VBD : can(i, Pos::VBP) && p != SIZE_MAX && is_noun(prev) ? Pos::VBP : Pos::VB;
        continue;
      }
      // "Armed men with their faces covered burst into the studios": "with", its noun and a participle
      // describe the men; the clause's verb comes after.
      // (Only before a past or present verb: in "mobs armed with machetes set fire", "set" is the verb.)
      // (Nor before a plural: "fighters with heavy weapons attacked camps".)
      if (is_noun(prev) && can(i, Pos::VBN) && with_phrase_before(i) && i + 1 < units.size() && units[i + 1].cands.has(Pos::VBD) &&
          !ends_with(units[i + 1].lower, "s")) {
        u.tag = Pos::VBN;
        continue;
      }
      if (prev == Pos::VBN && can(i, Pos::VBD) && with_phrase_before(i - 1)) {
        u.tag = Pos::VBD;
        continue;
      }
      // "killed by one of the clans involved in clashes": a participle after
      // its noun when the clause's verb came before.
      if (is_noun(prev) && can(i, Pos::VBN) && can(i, Pos::VBD) && (next == Pos::IN || next == Pos::TO) && finite_verb_before(i)) {
        u.tag = Pos::VBN;
        continue;
      }
      // "The man suspected of shooting two fans was killed", "a militant accused of the bombing": these
      // participles after their noun say who someone is; the clause's own verb may come far later.
      if (is_noun(prev) && can(i, Pos::VBN) &&
          ((one_of(u.lower, {"suspected", "accused", "convicted"}) && lower(i + 1) == "of") ||
           (u.lower == "believed" && lower(i + 1) == "to"))) {
        u.tag = Pos::VBN;
        continue;
      }
      // "a bomb placed in a container exploded": a participle after its noun
      // when the clause's own verb comes later.
      // ("A man armed with a knife stabbed two pupils": after "armed with" an -ed verb is the clause's own.)
      const bool armed_with = u.lower == "armed" && lower(i + 1) == "with";
      if (is_noun(prev) && can(i, Pos::VBN) && can(i, Pos::VBD) && (next == Pos::IN || next == Pos::TO || next == Pos::RB) &&
          finite_verb_later(i + 2, armed_with)) {
        u.tag = Pos::VBN;
        continue;
      }
      // The subject before any adverbs: "gunmen fatally shot".
      const size_t sp = pa;
      const bool subject_before = sp != SIZE_MAX && subject_like(sp);
      const bool object_after =
          starts_noun_phrase(next) || next == Pos::NN || lower(i + 1) == "up" || lower(i + 1) == "off" || lower(i + 1) == "down";
      // "militants attack a base", "IS attacks Kobane", "gunmen stormed a hotel".
      if (subject_before && (can(i, Pos::VBZ) || can(i, Pos::VBP) || can(i, Pos::VBD))) {
        const bool plural_verb = can(i, Pos::VBP) && (tag(sp) == Pos::NNS || tag(sp) == Pos::PRP || tag(sp) == Pos::NNPS);
        // "a protest against the vaccine mandate degenerated into clashes": a word that may be a noun, right
        // before a word that can only be a finite verb, ends the subject.
        if ((can(i, Pos::NN) || can(i, Pos::NNS)) && i + 1 < units.size() && !units[i + 1].punct && !units[i + 1].cands.has(Pos::NN) &&
            !units[i + 1].cands.has(Pos::NNS) && (units[i + 1].cands.first() == Pos::VBD || units[i + 1].cands.first() == Pos::VBZ)) {
          u.tag = can(i, Pos::NN) ? Pos::NN : Pos::NNS;
          continue;
        }
        const bool by_agent = lower(i + 1) == "by" || (one_of(lower(i + 1), {"dead", "down"}) && lower(i + 2) == "by");
        if (can(i, Pos::VBD) && !(can(i, Pos::VBN) && by_agent)) {
          u.tag = Pos::VBD;
          continue;
        }
        // "two bases that house American troops": after a relative "that", a present form before its object is
        // the relative clause's verb. (Its number agrees with the noun "that" stands for, which may lie before a
        // phrase: "bases in Iraq that house".)
        if (tag(sp) == Pos::WDT && object_after && sp > 0 && (can(i, Pos::VBP) || can(i, Pos::VBZ))) {
          const bool plural = tag(sp - 1) == Pos::NNS || tag(sp - 1) == Pos::NNPS;
          u.tag = (plural && can(i, Pos::VBP)) || !can(i, Pos::VBZ) ? Pos::VBP : Pos::VBZ;
          continue;
        }
        if (can(i, Pos::VBN) && by_agent) {
          u.tag = Pos::VBN;
          continue;
        }
        // "security forces in Farah", "coalition strikes killed": a noun compound,
        // unless an object follows and no other verb does ("IS attacks Kobane").
        // "Tajik forces spread along the border": a plural noun before a past form that goes on with a phrase.
        // "Iraqi security forces shot dead 25 protesters": the same before "shot dead".
        if (can(i, Pos::NNS) && i + 2 < units.size() && can(i + 1, Pos::VBD) && !units[i + 1].punct &&
            (one_of(units[i + 2].lower, {"along", "across", "into", "through", "to", "from", "on", "in", "over", "near", "around"}) ||
             (one_of(units[i + 1].lower, {"shot", "gunned", "hacked", "stabbed", "beat", "burned"}) &&
              one_of(units[i + 2].lower, {"dead", "down"})))) {
          u.tag = Pos::NNS;
          continue;
        }
        const bool verb_later = finite_verb_later(i + 1);
        const bool noun_possible = can(i, Pos::NN) || can(i, Pos::NNS);
        const bool verb_first = is_verb(u.cands.first());
        if (!verb_later && (object_after || ((!noun_possible || verb_first) &&
                                             (next == Pos::IN || next == Pos::punct || next == Pos::RB || next == Pos::TO)))) {
          if (can(i, Pos::VBZ) &&
              (tag(sp) == Pos::NN || tag(sp) == Pos::NNP || lower(sp) == "it" || lower(sp) == "he" || lower(sp) == "she")) {
            u.tag = Pos::VBZ;
            continue;
          }
          if (plural_verb) {
            u.tag = Pos::VBP;
            continue;
          }
        }
        if (!verb_first && (can(i, Pos::NNS) || can(i, Pos::NN))) {
          u.tag = can(i, Pos::NNS) ? Pos::NNS : Pos::NN;
          continue;
        }
      }
      // A participle after a comma opens a clause ("..., killed in the blast").
      // ("justice for the man shot dead by a police officer": "dead" between.)
      if (can(i, Pos::VBN) && u.tag == Pos::VBD && (prev == Pos::punct || is_noun(prev)) &&
          (lower(i + 1) == "by" || (one_of(lower(i + 1), {"dead", "down"}) && lower(i + 2) == "by"))) {
        u.tag = Pos::VBN;
        continue;
      }
      // ", firing rifles and grenades", ", setting fire to": after a comma that
      // closes a clause with its finite verb, an -ing word opens a participle clause.
      // (", firing more than a dozen missiles": a count's qualifier first.)
      if (p != SIZE_MAX && units[p].raw == "," && can(i, Pos::VBG) && u.tag != Pos::VBG && finite_verb_before(p) &&
          (starts_noun_phrase(next) || is_noun(next) || next == Pos::JJ || count_qualifier_at(i + 1))) {
        u.tag = Pos::VBG;
        continue;
      }
      // "drove around the town on Saturday morning firing shots at migrants": after a time of day that
      // ends a phrase of the clause's finite verb, an -ing word before its object opens a participle clause.
      if (p != SIZE_MAX && one_of(units[p].lower, {"morning", "afternoon", "evening", "night", "overnight", "today", "yesterday"}) &&
          can(i, Pos::VBG) && u.tag != Pos::VBG && finite_verb_before(p) && (starts_noun_phrase(next) || next == Pos::NNS)) {
        u.tag = Pos::VBG;
        continue;
      }
      // "in fighting for control", "after fighting in the north": an -ing word
      // after a preposition and before another is the gerund as a noun.
      if (prev == Pos::IN && ends_with(u.lower, "ing") && can(i, Pos::NN) && i + 1 < units.size() &&
          (next == Pos::IN || units[i + 1].punct)) {
        u.tag = Pos::NN;
        continue;
      }
      // -ing after a preposition is a gerund's verb use ("after attacking the base").
      if (prev == Pos::IN && can(i, Pos::VBG) && (starts_noun_phrase(next) || next == Pos::NN)) {
        u.tag = Pos::VBG;
        continue;
      }
      // Sentence-initial ambiguous noun/verb before a determiner: an imperative is rare in news; keep the noun.
    }
  }

  std::vector<Pos> run() {
    split_units();
    for (size_t i = 0; i < units.size(); ++i) {
      bool first = i == 0 || (units[i - 1].punct && (units[i - 1].raw == "\"" || units[i - 1].raw == "\xE2\x80\x9C" ||
                                                     units[i - 1].raw == "(" || units[i - 1].raw == "-" || units[i - 1].raw == ":"));
      initial(units[i], first);
      // "the Be district of Lome", "the Do River": a capitalised closed-class word after "the" mid-sentence is a name.
      Unit& u = units[i];
      const bool verb_word = u.tag == Pos::VB || u.tag == Pos::VBP || u.tag == Pos::MD || u.tag == Pos::VBZ || u.tag == Pos::VBD;
      if (!first && i > 0 && u.cap && !u.all_caps && units[i - 1].lower == "the" && verb_word) {
        u.cands = WordTags{{Pos::NNP}, 1};
        u.tag = Pos::NNP;
      }
    }
    context();
    // "killed and wounded scores": once the first verb is read as finite, the
    // one coordinated with it is too (the left-to-right pass saw it first).
    for (size_t i = 2; i < units.size(); ++i)
      if (units[i].tag == Pos::VBN && units[i - 2].tag == Pos::VBD && (units[i].cands.has(Pos::VBD) || ends_with(units[i].lower, "ed")) &&
          (units[i - 1].lower == "and" || units[i - 1].lower == "or"))
        units[i].tag = Pos::VBD;
    // "A rocket fired from Lebanon hit the town": a weapon's participle, the sentence's verb after it.
    for (size_t i = 1; i + 3 < units.size(); ++i) {
      Unit& u = units[i];
      // ("A magnetic bomb attached to a vehicle killed ...", "a mine planted on the road killed ...": any
      // participle of a thing, its place after it, before the sentence's verb.)
      const bool weapon_from = one_of(u.lower, {"fired", "launched", "dropped", "lobbed"}) && units[i + 1].lower == "from";
      const bool placed =
          one_of(u.lower, {"attached", "planted", "hidden", "placed", "packed", "fitted", "strapped", "concealed", "buried"}) &&
          one_of(units[i + 1].lower, {"to", "on", "in", "under", "near", "inside", "beside", "at", "with", "along"});
      if (u.tag != Pos::VBD || !(weapon_from || placed) || !is_noun(units[i - 1].tag)) continue;
      for (size_t j = i + 2; j < std::min(units.size(), i + 9); ++j) {
        if (units[j].punct || units[j].tag == Pos::CC) break;
        if (units[j].tag == Pos::VBD) {
          u.tag = Pos::VBN;
          break;
        }
      }
    }
    // Fixed compounds of crowd control and gunfire: "tear gas", "water cannon", "live rounds".
    for (size_t i = 0; i + 1 < units.size(); ++i) {
      const std::string& a = units[i].lower;
      const std::string& b = units[i + 1].lower;
      if ((a == "tear" && b == "gas") || (a == "water" && (b == "cannon" || b == "cannons"))) {
        units[i].tag = Pos::NN;
        units[i + 1].tag = b == "cannons" ? Pos::NNS : Pos::NN;
      } else if ((a == "stun" || a == "sound" || a == "smoke" || a == "rubber" || a == "plastic") &&
                 one_of(b, {"grenade", "grenades", "gun", "guns", "bullets", "pellets", "bombs", "shells"})) {
        // "fired stun grenades": a kind of grenade, not a second verb.
        units[i].tag = Pos::JJ;
        units[i + 1].tag = b.back() == 's' ? Pos::NNS : Pos::NN;
      } else if (a == "armed" && one_of(b, {"group",       "groups",    "men",        "man",         "forces",    "gang",     "gangs",
                                            "militants",   "wing",      "faction",    "factions",    "youth",     "youths",   "robbers",
                                            "bandits",     "attackers", "assailants", "individuals", "civilians", "movement", "movements",
                                            "separatists", "rebels",    "opposition", "guards"}) &&
                 (i == 0 || units[i - 1].tag != Pos::MD) && !(i > 0 && one_of(units[i - 1].lower, {"who", "they", "had", "have", "has"}))) {
        // "the M23 armed group": an adjective, not the verb of "the M23".
        units[i].tag = Pos::JJ;
      } else if (a == "opened" && b == "fire") {
        // "gunmen dressed in black opened fire": a verb, whatever the words before made of it.
        const bool aux = i > 0 && one_of(units[i - 1].lower, {"had", "has", "have", "was", "were", "been", "be", "being"});
        units[i].tag = aux ? Pos::VBN : Pos::VBD;
        units[i + 1].tag = Pos::NN;
      } else if (a == "live" && (b == "rounds" || b == "fire" || b == "ammunition" || b == "bullets")) {
        units[i].tag = Pos::JJ;
        units[i + 1].tag = b == "rounds" || b == "bullets" ? Pos::NNS : Pos::NN;
      }
    }
    // "Fighting broke out", "Shelling continued overnight": a gerund that opens the sentence before its verb is a noun.
    if (units.size() >= 2 && units[0].tag == Pos::VBG && units[1].tag == Pos::VBD && units[0].raw.size() > 1 &&
        std::isupper(static_cast<unsigned char>(units[0].raw[0])))
      units[0].tag = Pos::NN;
    std::vector<Pos> out(s.token_count, Pos::punct);
    for (const Unit& u : units) {
      for (size_t k = u.first; k <= u.last; ++k) out[k] = u.tag;
      if (u.lower == "'s" && u.first > 0) {
        // "it's" is "it is"; after a noun, a possessive.
        const Pos before = out[u.first - 1];
        const Pos mark = before == Pos::PRP || before == Pos::EX || before == Pos::WP ? Pos::VBZ : Pos::POS;
        for (size_t k = u.first; k <= u.last; ++k) out[k] = mark;
      }
    }
    return out;
  }
};

}  // namespace

bool is_be_form(std::string_view w) {
  return w == "be" || w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" || w == "am" || w == "'s" ||
         w == "'re" || w == "'m";
}

bool floating_quantifier(std::string_view w) { return w == "each" || w == "both" || w == "all"; }

bool is_have_form(std::string_view w) { return w == "have" || w == "has" || w == "had" || w == "having" || w == "'ve"; }

std::vector<Pos> tag_sentence(std::string_view text, const Segmented& seg, const Sentence& s, const WordTable& words, bool title_case) {
  Tagger t{text, seg, s, words, title_case, {}};
  return t.run();
}

}  // namespace sitmap
