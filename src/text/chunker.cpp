#include "text/chunker.hpp"

#include <algorithm>
#include <array>

#include "core/fold.hpp"
#include "core/one_of.hpp"
#include "core/place_words.hpp"
#include "text/tagger.hpp"

namespace sitmap {

namespace {

// Prepositions that open a clause when a finite verb follows them.
bool is_subordinator(std::string_view w) {
  return one_of(w, {"after", "before", "while", "whilst", "as", "because", "since", "although", "though", "if", "unless", "until", "till",
                    "whereas", "once", "that", "when", "where", "whether"});
}

bool is_dash(std::string_view w) { return w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "--"; }

struct Chunker {
  std::string_view text;
  const Segmented& seg;
  const Sentence& s;
  Parse& p;
  std::vector<std::string> lower;
  // The comma that last closed a relative or participle aside: "The war, which began in
  // 2020, killed 6,500" — the bare past form after it is the main verb.
  size_t relative_closed_at = SIZE_MAX - 1;

  size_t size() const { return p.tags.size(); }
  Pos tag(size_t k) const { return k < size() ? p.tags[k] : Pos::none; }
  std::string_view raw(size_t k) const { return token_text(text, seg.tokens[s.first_token + k]); }

  bool noun_inside(size_t k) const {
    const Pos t = tag(k);
    return is_noun(t) || t == Pos::CD || t == Pos::POS || t == Pos::FW;
  }
  // An adjective-like word that only belongs to a noun group when a noun follows.
  bool modifier_before_noun(size_t k) const {
    const Pos t = tag(k);
    if (!(is_adjective(t) || t == Pos::VBN || t == Pos::VBG || is_adverb(t))) return false;
    size_t j = k + 1;
    while (j < size() && (is_adjective(tag(j)) || tag(j) == Pos::VBN || tag(j) == Pos::VBG || is_adverb(tag(j)) ||
                          (tag(j) == Pos::CC && j + 1 < size() && is_adjective(tag(j + 1)))))
      ++j;
    if (is_adverb(t) && !(is_adjective(tag(k + 1)) || tag(k + 1) == Pos::VBN)) return false;
    return j < size() && is_noun(tag(j));
  }

  void push(ChunkKind kind, size_t first, size_t last, size_t head) {
    Chunk c;
    c.kind = kind;
    c.first = static_cast<uint32_t>(first);
    c.last = static_cast<uint32_t>(last);
    c.head = static_cast<uint32_t>(head);
    p.chunks.push_back(c);
  }

  // "earlier last month", "Saturday": when, never who.
  bool time_group(size_t first, size_t head) const {
    static constexpr std::string_view times[] = {"monday",    "tuesday",  "wednesday", "thursday", "friday",  "saturday",  "sunday",
                                                 "midday",    "midnight", "yesterday", "today",    "tonight", "overnight", "morning",
                                                 "afternoon", "evening",  "night",     "week",     "weekend", "month",     "year",
                                                 "day",       "dawn",     "noon",      "hours"};
    if (std::find(std::begin(times), std::end(times), lower[head]) == std::end(times)) return false;
    // "the weekend", "the night": parts of the day or week, not the day as a thing ("the day the town fell").
    const bool the_part =
        lower[first] == "the" && first + 1 == head && one_of(lower[head], {"weekend", "night", "morning", "afternoon", "evening"});
    return first == head || tag(first) == Pos::JJ || tag(first) == Pos::RBR || tag(first) == Pos::NNP || the_part ||
           one_of(lower[first], {"last", "earlier", "this", "early", "late"});
  }

  size_t noun_group(size_t k) {
    const size_t first = k;
    if (tag(k) == Pos::PRP || tag(k) == Pos::EX) {
      push(ChunkKind::noun, k, k, k);
      return k + 1;
    }
    bool seen_noun = false;
    bool modifier_run = false;  // inside modifiers that follow a possessive
    // "about 40 women", "nearly 300 people": the approximation is part of the count's group.
    if (approximates_count(k)) ++k;
    size_t head = k;
    while (k < size()) {
      const Pos t = tag(k);
      const bool determiner = t == Pos::DT || t == Pos::PDT || t == Pos::PRPS || t == Pos::WPS;
      if (determiner && (k == first || (tag(k - 1) == Pos::PDT)) && !seen_noun) {
        ++k;
        continue;
      }
      if (noun_inside(k)) {
        if (seen_noun && is_time_of_day(lower[k]) && is_noun(tag(k - 1))) break;
        // "On Sunday troops moved in": a day ends its group; "Sunday morning", "Sunday's attack" go on.
        if (seen_noun && t != Pos::POS && is_weekday(lower[k - 1]) && !one_of(lower[k], {"morning", "afternoon", "evening", "night"}))
          break;
        // "Sunday 's attack": the possessive binds; "20 people" too; but a
        // number after a noun starts over ("killing 20").
        // ("Ward No. 4", "Highway 1", "Gate 3": the number names the thing.)
        if (t == Pos::CD && seen_noun && tag(k - 1) != Pos::POS && !is_month(lower[k - 1]) &&
            !(tag(k - 1) == Pos::NNP && one_of(lower[k - 1], {"no.", "no", "number", "ward", "block", "sector", "zone", "gate", "route",
                                                              "highway", "camp", "phase", "building", "checkpoint"})))
          break;
        if (t != Pos::POS) {
          head = k;
          seen_noun = t != Pos::CD;  // "three improvised devices": a number before its modifiers
        }
        modifier_run = false;
        ++k;
        continue;
      }
      // "drones, each carrying explosives": an -ing word after a lone "each", "both" or "all" is a verb (the tagger said so).
      if (t == Pos::VBG && k == first + 1 && floating_quantifier(lower[first])) break;
      // "Ukraine's north-eastern Kharkiv region": modifiers after a possessive run on to their noun.
      if (modifier_before_noun(k) && (!seen_noun || tag(k - 1) == Pos::POS || modifier_run)) {
        modifier_run = seen_noun;
        ++k;
        continue;
      }
      // "a complex and coordinated attack": the "and" between two modifiers of one noun.
      if (t == Pos::CC && !seen_noun && k > first && is_adjective(tag(k - 1)) && k + 1 < size() && tag(k + 1) == Pos::JJ &&
          modifier_before_noun(k + 1)) {
        ++k;
        continue;
      }
      if (t == Pos::JJ && !seen_noun) {
        head = k;
        ++k;
        continue;
      }  // "the wounded"
      break;
    }
    if (k == first) k = first + 1;  // never stall
    push(ChunkKind::noun, first, k - 1, head);
    p.chunks.back().time = time_group(first, head);
    return k;
  }

  size_t verb_group(size_t k) {
    const size_t first = k;
    Chunk c;
    c.infinitive = tag(k) == Pos::TO;
    if (c.infinitive) ++k;
    size_t head = k;
    bool be_before = false, have_before = false;
    while (k < size()) {
      const Pos t = tag(k);
      const std::string& w = lower[k];
      if (t == Pos::MD) {
        c.modal = true;
        ++k;
        continue;
      }
      if (is_verb(t)) {
        if (k > head && !(is_be_form(lower[head]) || is_have_form(lower[head]) || tag(head) == Pos::MD ||
                          one_of(lower[head], {"do", "does", "did", "get", "got", "gets", "been"})))
          break;  // two content verbs: "said killed" is two groups
        if (is_be_form(w) || w == "get" || w == "got" || w == "gets") be_before = true;
        if (is_have_form(w)) have_before = true;
        head = k;
        ++k;
        continue;
      }
      // (Not "at least" or "more than", which count the object: "killed at least 129 people", "seized more than 130 pupils".)
      const bool counts_object = w == "at" || (k + 1 < size() && lower[k + 1] == "than");
      if ((is_adverb(t) || w == "n't") && k + 1 < size() && (is_verb(tag(k + 1)) || is_adverb(tag(k + 1))) && !counts_object) {
        if (w == "not" || w == "n't" || w == "never") c.negated = true;
        ++k;
        continue;
      }
      if ((w == "not" || w == "n't" || w == "never") && k > first) {
        c.negated = true;
        ++k;
        continue;
      }
      // "was himself killed": a reflexive between an auxiliary and its participle stays in the group.
      if (one_of(w, {"himself", "herself", "themselves", "itself"}) && k > first && k + 1 < size() && tag(k + 1) == Pos::VBN &&
          (be_before || have_before)) {
        ++k;
        continue;
      }
      break;
    }
    if (k == first || (c.infinitive && k == first + 1)) {  // "to" alone
      push(ChunkKind::prep, first, first, first);
      return first + 1;
    }
    // Particles: "blew up a car", "went off near", "set off".
    if (k < size() && one_of(lower[k], {"up", "off", "out", "down"}) &&
        (k + 1 >= size() || tag(k + 1) == Pos::DT || tag(k + 1) == Pos::PRP || tag(k + 1) == Pos::PRPS || tag(k + 1) == Pos::punct ||
         tag(k + 1) == Pos::IN || is_noun(tag(k + 1)) || tag(k + 1) == Pos::RB))
      ++k;
    const Pos h = tag(head);
    const std::string& hw = lower[head];
    c.kind = ChunkKind::verb;
    c.first = static_cast<uint32_t>(first);
    c.last = static_cast<uint32_t>(k - 1);
    c.head = static_cast<uint32_t>(head);
    const Pos lead = tag(c.infinitive ? first + 1 : first);
    c.finite = !c.infinitive && (lead == Pos::MD || lead == Pos::VBD || lead == Pos::VBZ || lead == Pos::VBP ||
                                 (lead == Pos::RB && (c.modal || be_before || have_before)));
    c.passive = (h == Pos::VBN || h == Pos::VBD) && be_before && !is_be_form(hw);
    if (c.passive) p.tags[head] = Pos::VBN;
    c.perfect = have_before && !is_have_form(hw);
    c.catenative =
        one_of(hw, {"began",    "begun",     "begin",      "begins", "beginning", "started", "start",   "starts",  "starting", "continued",
                    "continue", "continues", "continuing", "kept",   "keep",      "keeps",   "keeping", "resumed", "resume",   "resumes"});
    c.instrument = !c.passive && one_of(hw, {"used", "use", "uses", "using"});
    p.chunks.push_back(c);
    return k;
  }

  void chunk() {
    for (size_t k = 0; k < size();) {
      const Pos t = tag(k);
      const std::string& w = lower[k];
      if (t == Pos::punct) {
        push(ChunkKind::punct, k, k, k);
        ++k;
        continue;
      }
      if (t == Pos::CC) {
        push(ChunkKind::conj, k, k, k);
        ++k;
        continue;
      }
      if (t == Pos::WDT || t == Pos::WP || t == Pos::WRB || (t == Pos::WPS)) {
        push(ChunkKind::wh, k, k, k);
        ++k;
        continue;
      }
      if (w == "according" && lower.size() > k + 1 && lower[k + 1] == "to") {
        push(ChunkKind::prep, k, k + 1, k);
        k += 2;
        continue;
      }
      // "south of", "north-east of": a bearing and "of" are one preposition.
      if (lower.size() > k + 1 && lower[k + 1] == "of" && t != Pos::NNP && is_compass_point(w)) {
        push(ChunkKind::prep, k, k + 1, k);
        k += 2;
        continue;
      }
      if (t == Pos::TO && !(k + 1 < size() && (tag(k + 1) == Pos::VB || is_adverb(tag(k + 1))))) {
        push(ChunkKind::prep, k, k, k);
        ++k;
        continue;
      }
      if (approximates_count(k)) {
        k = noun_group(k);
        continue;
      }
      if (t == Pos::IN || t == Pos::RP) {
        push(ChunkKind::prep, k, k, k);
        ++k;
        continue;
      }
      if (t == Pos::MD || is_verb(t) || t == Pos::TO) {
        // An adjectival participle before a noun belongs to the noun group
        // ("a booby-trapped car"), unless a verb is wanted here ("were killed").
        if ((t == Pos::VBN || t == Pos::VBG) && modifier_before_noun(k) && !prev_wants_verb(k) && adjectival_participle(k)) {
          k = noun_group(k);
          continue;
        }
        k = verb_group(k);
        continue;
      }
      if (t == Pos::DT || t == Pos::PDT || t == Pos::PRPS || t == Pos::PRP || t == Pos::EX || t == Pos::CD || is_noun(t) || t == Pos::FW ||
          t == Pos::POS || modifier_before_noun(k)) {
        k = noun_group(k);
        continue;
      }
      if (is_adjective(t)) {
        size_t e = k;
        while (e + 1 < size() && (is_adjective(tag(e + 1)) || is_adverb(tag(e + 1)))) ++e;
        push(ChunkKind::adjective, k, e, k);
        k = e + 1;
        continue;
      }
      if (is_adverb(t)) {
        push(ChunkKind::adverb, k, k, k);
        ++k;
        continue;
      }
      push(ChunkKind::other, k, k, k);
      ++k;
    }
    p.chunk_of.assign(size(), 0);
    for (size_t c = 0; c < p.chunks.size(); ++c)
      for (uint32_t k = p.chunks[c].first; k <= p.chunks[c].last; ++k) p.chunk_of[k] = static_cast<int>(c);
  }

  // "a booby-trapped car", "the ruling party", "in armed clashes" modify a
  // noun; "killing three soldiers", "after storming the base" are verbs.
  bool adjectival_participle(size_t k) const {
    const Pos before = k > 0 ? tag(k - 1) : Pos::none;
    const Pos after = tag(k + 1);
    if (after == Pos::DT || after == Pos::PRPS || after == Pos::CD || after == Pos::PRP) return false;
    if (tag(k) == Pos::VBG) {
      // "tactical units, fighting positions and a depot": a list item.
      // ("..., shooting residents and setting fire to houses": two participles, no list.)
      // ("beating men and raping women and girls": the second of two participles with their objects.)
      const bool second_participle = before == Pos::CC && k >= 3 && is_noun(tag(k - 2)) &&
                                     (tag(k - 3) == Pos::VBG || (k >= 4 && tag(k - 4) == Pos::VBG && !is_noun(tag(k - 3))));
      const bool list_item = (before == Pos::punct || before == Pos::CC) && tag(k + 1) == Pos::NNS &&
                             (tag(k + 2) == Pos::CC || tag(k + 2) == Pos::punct) && tag(k + 3) != Pos::VBG && !second_participle;
      // ("drones, each carrying explosives": after a lone "each", "both" or "all" it is a verb.)
      if (before == Pos::DT && floating_quantifier(lower[k - 1])) return false;
      return list_item || before == Pos::DT || before == Pos::PRPS || before == Pos::POS || is_adjective(before) || before == Pos::CD;
    }
    // "had stormed the town ... and taken control of the police station": after "and", the second participle of a perfect.
    if (before == Pos::CC && lower[k - 1] == "and" && perfect_before(k)) return false;
    return before != Pos::punct || k == 0;
  }
  // A "had/has/have" with its participle earlier in the sentence.
  bool perfect_before(size_t k) const {
    for (size_t j = k - 1; j-- > 0;)
      if (is_have_form(lower[j]) && tag(j + 1) == Pos::VBN) return true;
    return false;
  }

  // "forces midday Saturday captured": a time after a noun starts a group of its own.
  static bool is_time_of_day(std::string_view w) {
    return one_of(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "midday", "midnight", "yesterday",
                      "today", "tonight", "overnight"});
  }

  bool approximates_count(size_t k) const {
    return k + 1 < size() && tag(k + 1) == Pos::CD && !(k > 0 && is_verb(tag(k - 1)) && lower[k] == "over") &&
           one_of(lower[k], {"about", "around", "nearly", "almost", "approximately", "roughly", "some", "over", "several"});
  }

  static bool is_weekday(std::string_view w) {
    return one_of(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
  }

  static bool is_month(std::string_view w) {
    return one_of(
        w, {"january", "february", "march", "april", "may",  "june", "july", "august", "september", "october", "november", "december",
            "jan.",    "feb.",     "mar.",  "apr.",  "jun.", "jul.", "aug.", "sep.",   "sept.",     "oct.",    "nov.",     "dec."});
  }

  bool prev_wants_verb(size_t k) const {
    size_t j = k;
    while (j > 0 && is_adverb(tag(j - 1))) --j;
    return j > 0 && (is_be_form(lower[j - 1]) || is_have_form(lower[j - 1]) || tag(j - 1) == Pos::MD || tag(j - 1) == Pos::TO ||
                     is_noun(tag(j - 1)) || tag(j - 1) == Pos::PRP);
  }

  // ---- clauses -------------------------------------------------------
  const Chunk& ch(size_t i) const { return p.chunks[i]; }
  std::string_view chunk_word(size_t i) const { return lower[ch(i).head]; }

  // Does a finite verb group follow chunk i before the next preposition,
  // punctuation, conjunction or clause word? (Skipping noun groups.)
  bool finite_verb_follows(size_t i) const {
    // "after an imam who belongs to the party was taken": a relative clause inside the subject (not after "as":
    // "described the blast as an attack by forces who ...").
    const bool relative_may_follow = one_of(lower[ch(i).head], {"after", "before", "since", "until", "when", "while", "because"});
    bool in_relative = false, relative_verb = false;
    for (size_t j = i + 1; j < p.chunks.size(); ++j) {
      const Chunk& c = ch(j);
      if (c.kind == ChunkKind::noun || c.kind == ChunkKind::adverb || c.kind == ChunkKind::adjective) continue;
      if (c.kind == ChunkKind::wh && relative_may_follow && !in_relative && j > i + 1 && ch(j - 1).kind == ChunkKind::noun) {
        in_relative = true;
        continue;
      }
      if (in_relative && !relative_verb) {
        if (c.kind != ChunkKind::verb || !c.finite) return false;
        relative_verb = true;
        continue;
      }
      if (in_relative && (c.kind == ChunkKind::prep || (c.kind == ChunkKind::verb && !c.finite))) continue;
      // "gunmen linked to the group overran": a participle after the noun describes it.
      const bool describes = j > i + 1 && ch(j - 1).kind == ChunkKind::noun && starts_participle(j);
      if (describes) continue;
      const bool after_noun =
          j > i + 1 && (ch(j - 1).kind == ChunkKind::noun || starts_participle(j - 1) || ch(j - 1).kind == ChunkKind::adjective);
      if (c.kind == ChunkKind::prep && after_noun && j + 1 < p.chunks.size() && ch(j + 1).kind == ChunkKind::noun)
        continue;  // "gunmen in two cars opened fire"
      // "as protesters and party activists fought": a subject of two nouns.
      if (c.kind == ChunkKind::conj && j > i + 1 && ch(j - 1).kind == ChunkKind::noun && j + 1 < p.chunks.size() &&
          ch(j + 1).kind == ChunkKind::noun)
        continue;
      return c.kind == ChunkKind::verb && c.finite;
    }
    return false;
  }
  bool starts_with_finite_verb(size_t i) const {
    size_t j = i;
    while (j < p.chunks.size() && ch(j).kind == ChunkKind::adverb) ++j;
    return j < p.chunks.size() && ch(j).kind == ChunkKind::verb && ch(j).finite;
  }
  bool starts_participle(size_t i) const {
    if (i >= p.chunks.size() || ch(i).kind != ChunkKind::verb || ch(i).finite || ch(i).infinitive) return false;
    const Pos h = p.tags[ch(i).head];
    return h == Pos::VBG || h == Pos::VBN;
  }
  int previous_noun(size_t i) const {
    for (size_t j = i; j-- > 0;) {
      if (ch(j).kind == ChunkKind::noun) return static_cast<int>(j);
      if (ch(j).kind != ChunkKind::punct) return -1;
    }
    return -1;
  }
  // ", west of Baghdad,", ", 40 km south of Kabul,": a bearing that places the
  // noun before the comma, so it stays in that noun's clause.
  bool bearing_follows(size_t i) const {
    if (i < p.chunks.size() && ch(i).kind == ChunkKind::noun && p.tags[ch(i).first] == Pos::CD) ++i;
    // ", 350 kilometres (220 miles) north of the capital": past the distance in other units.
    if (i + 2 < p.chunks.size() && chunk_word(i) == "(" && ch(i + 1).kind == ChunkKind::noun && chunk_word(i + 2) == ")") i += 3;
    if (i >= p.chunks.size() || ch(i).kind != ChunkKind::prep || ch(i).last == ch(i).first) return false;
    return lower[ch(i).last] == "of" && is_compass_point(lower[ch(i).first]);
  }

  // "in Turbat, in the south-western province of Balochistan, late on Monday": a
  // larger place after a town's name, an aside that keeps the town's clause.
  bool place_aside_follows(size_t i) const {
    if (i < 2 || i + 1 >= p.chunks.size() || ch(i).kind != ChunkKind::prep || chunk_word(i) != "in") return false;
    const Chunk& town = ch(i - 2);
    const Chunk& larger = ch(i + 1);
    if (town.kind != ChunkKind::noun || p.tags[town.head] != Pos::NNP || larger.kind != ChunkKind::noun) return false;
    return p.tags[larger.head] == Pos::NNP || is_division_word(lower[larger.head], DivisionWord::aside);
  }

  bool clause_has_finite_verb(int clause, size_t upto) const {
    for (size_t j = 0; j < upto; ++j)
      if (ch(j).clause == clause && ch(j).kind == ChunkKind::verb && ch(j).finite) return true;
    return false;
  }
  // The clause has its subject but not yet its verb, and chunk i is a bare
  // past form: "when three devices, emplaced by militants, detonated".
  bool verb_awaited(int clause, size_t i) const {
    const Chunk& c = ch(i);
    const bool by_follows = i + 1 < p.chunks.size() && ch(i + 1).kind == ChunkKind::prep && chunk_word(i + 1) == "by";
    // "Activists of the League, its student wing, attacked students": after an aside, a past form with its object is the main verb
    // ("Soldiers, wounded in the attack, were flown out" is no such verb).
    const bool object_follows = i + 1 < p.chunks.size() && ch(i + 1).kind == ChunkKind::noun && !ch(i + 1).time;
    return p.tags[c.head] == Pos::VBN && c.first == c.head && !by_follows && !clause_has_finite_verb(clause, i) &&
           clause_has_noun(clause, i) && p.clauses[clause].kind != ClauseKind::participle &&
           (clause > 0 || relative_closed_at + 1 == i || object_follows);
  }

  bool clause_has_noun(int clause, size_t upto) const {
    for (size_t j = 0; j < upto; ++j)
      if (ch(j).clause == clause && ch(j).kind == ChunkKind::noun) return true;
    return false;
  }
  bool clause_has_verb(int clause, size_t upto) const {
    for (size_t j = 0; j < upto; ++j)
      if (ch(j).clause == clause && ch(j).kind == ChunkKind::verb) return true;
    return false;
  }

  int open(ClauseKind kind, int parent, std::string opener, int antecedent = -1, int chunk = -1) {
    if (chunk >= 0) p.chunks[static_cast<size_t>(chunk)].opens_clause = true;
    p.clauses.push_back({kind, parent, std::move(opener), antecedent});
    return static_cast<int>(p.clauses.size()) - 1;
  }

  void clauses() {
    p.clauses.push_back({});
    int cur = 0;
    bool aside_open = false;  // inside ", in the X province of Y," after a town
    for (size_t i = 0; i < p.chunks.size(); ++i) {
      Chunk& c = p.chunks[i];
      const std::string_view w = chunk_word(i);
      const ClauseKind kind = p.clauses[cur].kind;
      const bool dependent = kind == ClauseKind::relative || kind == ClauseKind::subordinate || kind == ClauseKind::participle;
      if (c.kind == ChunkKind::punct) {
        if (w == ";" || w == ":" || is_dash(w)) {
          cur = open(ClauseKind::coordinate, 0, std::string(w));
        } else if (w == "(") {
          cur = open(ClauseKind::quote, cur, "(");
        } else if (w == ")" && kind == ClauseKind::quote) {
          c.clause = cur;
          cur = std::max(0, p.clauses[cur].parent);
          continue;
        } else if (w == "," && aside_open) {
          aside_open = false;  // the aside's closing comma: "in Turbat, in Balochistan, late on Monday"
        } else if (w == "," && dependent && clause_has_verb(cur, i) && place_aside_follows(i + 1)) {
          aside_open = true;
        } else if (w == "," && dependent && clause_has_verb(cur, i) && !bearing_follows(i + 1) &&
                   // ("when soldiers guarding the home of X, Francois Compaore, fired on ...": a time clause whose
                   // subject's participle is all it has so far goes on past the aside to its own verb.)
                   (kind != ClauseKind::subordinate || clause_has_finite_verb(cur, i))) {
          if (kind == ClauseKind::relative || kind == ClauseKind::participle) relative_closed_at = i;
          cur = std::max(0, p.clauses[cur].parent);  // ", which killed five," ends here
        }
        c.clause = cur;
        if (w == "," && starts_participle(i + 1) && !verb_awaited(cur, i + 1)) cur = open(ClauseKind::participle, cur, ",");
        continue;
      }
      if (c.kind == ChunkKind::wh) {
        const int antecedent = previous_noun(i);
        // "were killed when a bomb exploded": a time clause, not a relative one.
        if (antecedent < 0 && (w == "when" || w == "where" || w == "as") && i > 0)
          cur = open(ClauseKind::subordinate, cur, std::string(w));
        else if (antecedent >= 0 || i > 0)
          cur = open(ClauseKind::relative, cur, std::string(w), antecedent);
        c.clause = cur;
        continue;
      }
      // "Videos shared since the weekend claimed ...": a time phrase before the main clause's own verb, not a clause.
      const bool time_phrase = i + 1 < p.chunks.size() && ch(i + 1).time && !clause_has_finite_verb(cur, i) && clause_has_noun(cur, i);
      if (c.kind == ChunkKind::prep && is_subordinator(w) && !time_phrase && finite_verb_follows(i)) {
        const bool relative_that = w == "that" && previous_noun(i) >= 0 && p.tags[c.head] != Pos::IN;
        cur = relative_that ? open(ClauseKind::relative, cur, "that", previous_noun(i), static_cast<int>(i))
                            : open(ClauseKind::subordinate, cur, std::string(w), -1, static_cast<int>(i));
        c.clause = cur;
        continue;
      }
      // (Not "The man accused of shooting two legislators and their spouses was taken into custody": only participles
      // before, the "and" joins two nouns of the subject.)
      if (c.kind == ChunkKind::conj && (starts_with_finite_verb(i + 1) || finite_verb_follows(i)) && clause_has_verb(cur, i) &&
          (clause_has_finite_verb(cur, i) || starts_with_finite_verb(i + 1) || cur != 0)) {
        // "... and killed five" shares the subject; "... and troops retook" has its own.
        // ("as some protesters set tents alight and hurled bricks": within a time clause, its own subject.)
        // ("a man who stabbed three people and wounded eight": a verb right after "and", with no subject of its own,
        // goes on with the relative clause's; not one whose object points back to the clause's noun: "caught a man
        // who stole a cow and lynched him".)
        const bool back_to_noun = i + 2 < p.chunks.size() && ch(i + 1).kind == ChunkKind::verb && ch(i + 2).kind == ChunkKind::noun &&
                                  (chunk_word(i + 2) == "him" || chunk_word(i + 2) == "her" || chunk_word(i + 2) == "them");
        const bool same_subject = kind == ClauseKind::relative && starts_with_finite_verb(i + 1) && !back_to_noun;
        const int parent = dependent && kind != ClauseKind::subordinate && !same_subject ? std::max(0, p.clauses[cur].parent) : cur;
        cur = open(ClauseKind::coordinate, parent, std::string(w));
        c.clause = cur;
        continue;
      }
      // "Supporters of the soldiers who seized power last week tried to force their way in": a bare past form
      // after a relative clause's own verb, with an object or an infinitive after it, is the main clause's verb.
      if (c.kind == ChunkKind::verb && !c.finite && !c.infinitive && kind == ClauseKind::relative && p.tags[c.head] == Pos::VBN &&
          c.first == c.head && clause_has_finite_verb(cur, i) && i > 0 && ch(i - 1).kind == ChunkKind::noun && i + 1 < p.chunks.size() &&
          (ch(i + 1).infinitive || (ch(i + 1).kind == ChunkKind::noun && !ch(i + 1).time)) && !clause_has_finite_verb(0, i)) {
        c.finite = true;
        c.passive = false;
        p.tags[c.head] = Pos::VBD;
      }
      if (c.kind == ChunkKind::verb && c.finite && dependent && kind != ClauseKind::participle && clause_has_finite_verb(cur, i) && i > 0 &&
          ch(i - 1).kind != ChunkKind::conj) {
        cur = std::max(0, p.clauses[cur].parent);  // "the men who attacked the base were caught"
      }
      // "when three devices, emplaced by militants, detonated near ...": a
      // bare past form after an aside is the clause's own verb.
      if (c.kind == ChunkKind::verb && !c.finite && !c.infinitive && i > 0 && ch(i - 1).kind == ChunkKind::punct &&
          chunk_word(i - 1) == "," && verb_awaited(cur, i)) {
        c.finite = true;
        c.passive = false;
        p.tags[c.head] = Pos::VBD;
      }
      // A participle clause has no finite verb: one ends it ("The fighters,
      // known locally as al-Shabab, attacked Palma").
      while (c.kind == ChunkKind::verb && c.finite && cur > 0 && p.clauses[cur].kind == ClauseKind::participle)
        cur = std::max(0, p.clauses[cur].parent);
      c.clause = cur;
    }
  }
};

}  // namespace

Parse parse_sentence(std::string_view text, const Segmented& seg, const Sentence& s, const WordTable& words, bool title_case) {
  Parse p;
  p.tags = tag_sentence(text, seg, s, words, title_case);
  Chunker c{text, seg, s, p, {}};
  c.lower.reserve(s.token_count);
  for (uint32_t k = 0; k < s.token_count; ++k) c.lower.push_back(ascii_lower(token_text(text, seg.tokens[s.first_token + k])));
  // Pieces of a word carry its tag; the chunker reads the word's last piece.
  c.chunk();
  c.clauses();
  return p;
}

// "Sudzha, a town of about 5,000 people some 10 km from the border, came under ...": the name
// before an aside of nouns and their phrases set off by commas, however long the aside.
int Parse::named_before_aside(int verb) const {
  if (verb < 4 || chunks[verb - 1].kind != ChunkKind::punct) return -1;
  const int clause = chunks[verb].clause;
  for (int j = verb - 2; j >= 1; --j) {
    const ChunkKind k = chunks[j].kind;
    if (k == ChunkKind::punct) {
      const Chunk& name = chunks[j - 1];
      const bool named = name.kind == ChunkKind::noun && name.clause == clause && !in_prep_phrase(j - 1) && !name.time &&
                         (tags[name.head] == Pos::NNP || tags[name.head] == Pos::NNPS);
      return named && chunks[j + 1].kind == ChunkKind::noun ? j - 1 : -1;
    }
    if (k != ChunkKind::noun && k != ChunkKind::prep && k != ChunkKind::adjective && k != ChunkKind::adverb) return -1;
  }
  return -1;
}

// The perfect whose second participle, after "and", a verb group is: "had crossed into Gezira and attacked the army",
// "had stormed the town after hours of fighting with the police and an army unit, and taken control" (past the
// phrases' own conjunctions and commas); -1 when it is none.
int Parse::perfect_of_conjunct(int verb) const {
  if (verb < 2 || chunks[verb - 1].kind != ChunkKind::conj || chunks[verb].finite || chunks[verb].passive ||
      tags[chunks[verb].head] != Pos::VBN)
    return -1;
  const int clause = chunks[verb].clause;
  for (int j = verb - 2; j >= 0 && chunks[j].clause == clause; --j) {
    const ChunkKind k = chunks[j].kind;
    if (k == ChunkKind::verb) return chunks[j].finite && chunks[j].perfect ? j : -1;
    if (k != ChunkKind::noun && k != ChunkKind::prep && k != ChunkKind::adverb && k != ChunkKind::conj && k != ChunkKind::punct) break;
  }
  return -1;
}

int Parse::subject_of(int verb) const {
  if (verb < 0 || verb >= static_cast<int>(chunks.size())) return -1;
  const int clause = chunks[verb].clause;
  // "fighters entered the compound in X, opened fire and looted it": a verb
  // right after a comma, in a series of the same clause, shares the first
  // verb's subject.
  if (verb >= 2 && chunks[verb - 1].kind == ChunkKind::punct && chunks[verb].finite && !chunks[verb].passive) {
    for (int j = verb - 2; j >= 0 && chunks[j].clause == clause; --j) {
      const ChunkKind k = chunks[j].kind;
      if (k == ChunkKind::verb) {
        if (chunks[j].finite && !chunks[j].passive && j + 1 < verb - 1) return subject_of(j);
        break;
      }
      if (k != ChunkKind::noun && k != ChunkKind::prep && k != ChunkKind::adjective && k != ChunkKind::adverb) break;
    }
  }
  // "fighters had crossed into Gezira and attacked the army": a participle after "and" shares the perfect's subject.
  if (const int perfect = perfect_of_conjunct(verb); perfect >= 0) return subject_of(perfect);
  if (const int named = named_before_aside(verb); named >= 0) return named;
  // "demonstrators tried to force their way in", "troops were ordered to withdraw": an infinitive right after
  // a verb has that verb's subject (not "ordered troops to fire": a noun between is the doer).
  if (verb >= 1 && chunks[verb].infinitive && chunks[verb - 1].kind == ChunkKind::verb && chunks[verb - 1].clause == clause &&
      !chunks[verb - 1].infinitive)
    return subject_of(verb - 1);
  // "Protesters used a pickup truck to smash open a door": the user does what the instrument is used to do.
  if (verb >= 2 && chunks[verb].infinitive && chunks[verb - 1].kind == ChunkKind::noun && chunks[verb - 2].kind == ChunkKind::verb &&
      chunks[verb - 2].instrument)
    return subject_of(verb - 2);
  // "crowds began breaking into shops", "fighting continued raging": the doer of the verb it goes on from.
  if (verb >= 1 && !chunks[verb].finite && chunks[verb - 1].kind == ChunkKind::verb && chunks[verb - 1].finite &&
      chunks[verb - 1].catenative)
    return subject_of(verb - 1);
  for (int j = verb; j-- > 0;) {
    const Chunk& c = chunks[j];
    if (c.clause != clause) continue;
    if (c.kind == ChunkKind::verb && c.finite) break;  // another verb's subject
    // "Police blocking the bridge opened fire": the object of a participle is not the subject.
    // ("The man suspected of shooting dead two fans was killed": "dead" between the participle and its object.)
    const int by = j >= 2 && chunks[j - 1].kind == ChunkKind::adjective ? j - 2 : j - 1;
    const bool participle_object =
        c.kind == ChunkKind::noun && by >= 1 && chunks[by].kind == ChunkKind::verb && !chunks[by].finite && chunks[by].clause == clause;
    // ("soldiers guarding the home of the president's brother, Francois Compaore, fired": a name set off by
    // commas right after a noun is that noun's apposition, not the subject.)
    const auto comma = [&](int k) { return k >= 0 && k < static_cast<int>(chunks.size()) && chunks[k].kind == ChunkKind::punct; };
    const bool apposition = c.kind == ChunkKind::noun && comma(j - 1) && comma(j + 1) && j + 2 == verb && j >= 2 &&
                            chunks[j - 2].kind == ChunkKind::noun && in_prep_phrase(j - 2);
    if (apposition) continue;
    // "armed with spears, axes and homemade weapons, attacked": a list a preposition after a word of the
    // subject governs (not the fronted "In Kabul, militants and soldiers clashed").
    if (c.kind == ChunkKind::noun && j >= 2 && (chunks[j - 1].kind == ChunkKind::conj || comma(j - 1))) {
      int head = j;
      bool conj = j + 1 < verb && chunks[j + 1].kind == ChunkKind::conj;
      while (head >= 2 && (chunks[head - 1].kind == ChunkKind::conj || comma(head - 1)) && chunks[head - 2].kind == ChunkKind::noun &&
             chunks[head - 2].clause == clause) {
        conj = conj || chunks[head - 1].kind == ChunkKind::conj;
        head -= 2;
      }
      // (After "armed with", "carrying": not after a place's phrase, "Across the Nile in Omdurman, soldiers and ...".)
      const bool governed =
          head >= 2 && in_prep_phrase(head) &&
          (chunks[head - 2].kind == ChunkKind::adjective || (chunks[head - 2].kind == ChunkKind::verb && !chunks[head - 2].finite));
      if (head != j && conj && governed) continue;
    }
    if (c.kind == ChunkKind::noun && !in_prep_phrase(j) && !c.time && !participle_object) {
      // "Islamic State militants and Syrian troops" -> the first conjunct.
      int k = j;
      while (k >= 2 && chunks[k - 1].kind == ChunkKind::conj && chunks[k - 2].kind == ChunkKind::noun && chunks[k - 2].clause == clause)
        k -= 2;
      // ("The man accused of stabbing three worshippers and a guard was arrested": the list is the participle's object.)
      if (k != j && k >= 1 && chunks[k - 1].kind == ChunkKind::verb && !chunks[k - 1].finite && chunks[k - 1].clause == clause) {
        j = k;
        continue;
      }
      // "Chaghcharan, the capital of Ghor province, fell": the noun before
      // an aside set off by commas, not the aside.
      if (k >= 2 && verb >= 1 && chunks[verb - 1].kind == ChunkKind::punct && chunks[k - 1].kind == ChunkKind::punct &&
          chunks[k - 2].kind == ChunkKind::noun && chunks[k - 2].clause == clause && !in_prep_phrase(k - 2) && !chunks[k - 2].time &&
          (tags[chunks[k - 2].head] == Pos::NNP || tags[chunks[k - 2].head] == Pos::NNPS))
        k -= 2;
      // "Two drones, each carrying explosives, blew up": a lone "each" or "both" counts the noun before it.
      const Chunk& lone = chunks[k];
      if (lone.first == lone.last && tags[lone.head] == Pos::DT && k >= 1) {
        const int before = chunks[k - 1].kind == ChunkKind::punct && k >= 2 ? k - 2 : k - 1;
        if (chunks[before].kind == ChunkKind::noun && chunks[before].clause == clause && !in_prep_phrase(before) && !chunks[before].time)
          return before;
      }
      return k;
    }
  }
  const Clause& cl = clauses[clause];
  if (cl.kind == ClauseKind::relative) return cl.antecedent;
  // "mobs went through several localities, setting fire to houses and attacking residents": the doer of the verb before.
  // The clause the participle's comma follows holds that verb ("tried to force their way into the embassy, pulling down ...").
  if (cl.kind == ClauseKind::participle) {
    int first = verb;
    while (first > 0 && chunks[first - 1].clause == clause) --first;
    const int before = first - 2;  // skip the comma (whose clause is the one it closes or follows)
    if (before >= 0)
      for (int j = before + 1; j-- > 0;)
        if (chunks[j].kind == ChunkKind::verb && chunks[j].finite && chunks[j].clause == chunks[before].clause) return subject_of(j);
  }
  if ((cl.kind == ClauseKind::coordinate && cl.opener != ";" && cl.opener != ":") && cl.parent >= 0) {
    // The subject of the parent clause's finite verb just before: "men rode in and opened fire" (not of a participle
    // between: "fought its way into the base after a week of shelling ..., and took control of it").
    for (int j = verb; j-- > 0;)
      if (chunks[j].kind == ChunkKind::verb && chunks[j].clause == cl.parent && chunks[j].finite) return subject_of(j);
    for (int j = verb; j-- > 0;)
      if (chunks[j].kind == ChunkKind::verb && chunks[j].clause == cl.parent) return subject_of(j);
  }
  return -1;
}

int Parse::object_of(int verb) const {
  if (verb < 0) return -1;
  const int clause = chunks[verb].clause;
  // "killed and wounded dozens": two verbs share the object after the second.
  if (static_cast<size_t>(verb) + 2 < chunks.size() && chunks[verb + 1].kind == ChunkKind::conj &&
      chunks[verb + 2].kind == ChunkKind::verb && chunks[verb + 2].finite == chunks[verb].finite && !chunks[verb].passive &&
      !chunks[verb + 2].passive)
    return object_of(verb + 2);
  for (size_t j = static_cast<size_t>(verb) + 1; j < chunks.size(); ++j) {
    const Chunk& c = chunks[j];
    if (c.clause != clause) break;
    if (c.kind == ChunkKind::noun) return static_cast<int>(j);
    if (c.kind == ChunkKind::adverb || c.kind == ChunkKind::adjective) continue;  // "shot dead five"
    break;
  }
  return -1;
}

int Parse::object_of_prep(int prep) const {
  for (size_t j = static_cast<size_t>(prep) + 1; j < chunks.size(); ++j) {
    const Chunk& c = chunks[j];
    if (c.kind == ChunkKind::noun) return static_cast<int>(j);
    if (c.kind == ChunkKind::adverb) continue;
    if (c.kind == ChunkKind::verb && tags[c.head] == Pos::VBG) return static_cast<int>(j);  // "after attacking"
    return -1;
  }
  return -1;
}

// Is noun chunk `noun` in a list a participle's phrase opens: "backed by Turkish tanks", "armed with spears"?
bool Parse::participle_phrase_before(int noun) const {
  for (int j = noun; j > 0; --j) {
    const ChunkKind k = chunks[j].kind;
    if (k == ChunkKind::prep) return chunks[j - 1].kind == ChunkKind::verb && !chunks[j - 1].finite;
    if (k != ChunkKind::noun && k != ChunkKind::conj && k != ChunkKind::punct) return false;
  }
  return false;
}

bool Parse::in_prep_phrase(int noun) const {
  for (int j = noun; j-- > 0;) {
    const Chunk& c = chunks[j];
    if (c.kind == ChunkKind::prep) return !c.opens_clause;  // "after a bomber attacked": a clause, not a phrase
    if (c.kind == ChunkKind::adverb) continue;
    // "the district of X and Y": a conjunct of a prepositional object; "backed by tanks, special forces and warplanes":
    // after a comma too, where the list goes on to its "and" and a participle's phrase holds it (not "In Kabul,
    // militants and soldiers clashed").
    if ((c.kind == ChunkKind::conj || c.kind == ChunkKind::punct) && j > 0 && chunks[j - 1].kind == ChunkKind::noun) {
      if (c.kind == ChunkKind::conj) return in_prep_phrase(j - 1);
      const size_t next = static_cast<size_t>(noun) + 1;
      const bool list_goes_on =
          next + 1 < chunks.size() && chunks[next].kind == ChunkKind::conj && chunks[next + 1].kind == ChunkKind::noun;
      return list_goes_on && participle_phrase_before(j - 1) && in_prep_phrase(j - 1);
    }
    return false;
  }
  return false;
}

std::vector<Parse::PrepPhrase> Parse::preps_of(int verb) const {
  std::vector<PrepPhrase> out;
  if (verb < 0) return out;
  const int clause = chunks[verb].clause;
  const int subject = subject_of(verb);
  for (size_t j = 0; j < chunks.size(); ++j) {
    const Chunk& c = chunks[j];
    if (c.kind != ChunkKind::prep || c.clause != clause) continue;
    PrepPhrase pp;
    pp.prep = static_cast<int>(j);
    pp.object = object_of_prep(pp.prep);
    if (static_cast<int>(j) > verb) {
      // Stop at the next verb of the same clause: its phrases are its own.
      bool other_verb = false;
      for (size_t k = static_cast<size_t>(verb) + 1; k < j; ++k)
        if (chunks[k].kind == ChunkKind::verb && chunks[k].clause == clause && tags[chunks[k].head] != Pos::VBG) other_verb = true;
      if (other_verb) break;
      pp.where = PrepPhrase::after;
    } else {
      bool verb_between = false;  // a fronted phrase comes before the subject
      for (size_t k = j + 1; k < static_cast<size_t>(verb); ++k)
        if (chunks[k].kind == ChunkKind::verb && chunks[k].clause == clause) verb_between = true;
      if (verb_between) continue;
      pp.where = subject >= 0 && static_cast<int>(j) > subject ? PrepPhrase::inner : PrepPhrase::fronted;
    }
    out.push_back(pp);
  }
  return out;
}

std::string describe(std::string_view text, const Segmented& seg, const Sentence& s, const Parse& p) {
  static constexpr std::array<std::string_view, 9> names = {"NP", "VP", "PP", "ADVP", "ADJP", "CC", "WH", "", "O"};
  std::string out;
  for (const Chunk& c : p.chunks) {
    if (!out.empty()) out += ' ';
    const std::string_view words = text.substr(seg.tokens[s.first_token + c.first].start,
                                               seg.tokens[s.first_token + c.last].end - seg.tokens[s.first_token + c.first].start);
    if (c.kind == ChunkKind::punct) {
      out += words;
      continue;
    }
    out += '[';
    out += names[static_cast<size_t>(c.kind)];
    if (c.kind == ChunkKind::verb) {
      if (c.passive) out += "-pass";
      if (c.negated) out += "-neg";
      if (c.modal) out += "-mod";
      if (!c.finite) out += "-nf";
    }
    if (c.clause) out.append("@").append(std::to_string(c.clause));  // (not "@" + string: gcc 12 warns of a false overlap)
    out += ' ';
    out += words;
    out += ']';
  }
  return out;
}

}  // namespace sitmap
