#include "extract/frames.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "core/date.hpp"
#include "core/fold.hpp"
#include "core/one_of.hpp"
#include "text/tagger.hpp"

namespace sitmap {

namespace {

// Classes that report what an action did rather than the action.
bool is_consequence(EventClass c) {
  return c == EventClass::kill || c == EventClass::harm || c == EventClass::die || c == EventClass::destroy;
}

struct FrameReader {
  const SentenceView& v;
  const Lexicon& lex;
  std::vector<Frame> frames;

  const Parse& p() const { return v.parse; }
  const std::string& word(size_t k) const { return v.words[k]; }
  int chunks() const { return static_cast<int>(p().chunks.size()); }

  // The noun chunk right after sentence token k (skipping adverbs).
  int noun_after(uint32_t k) const {
    if (k + 1 >= v.size()) return -1;
    for (int c = p().chunk_of[k + 1]; c < chunks(); ++c) {
      const Chunk& ch = v.chunk(c);
      if (ch.kind == ChunkKind::noun) return c;
      if (ch.kind != ChunkKind::adverb && ch.kind != ChunkKind::adjective) return -1;
    }
    return -1;
  }

  // ---- modality --------------------------------------------------------
  int governing_verb_of_infinitive(int c) const { return sitmap::governing_verb_of_infinitive(v, c); }

  // A noun chunk that names a weapon or an action ("French raids", "air strikes"), not people.
  bool weapon_or_action(int c) const {
    for (Role r :
         {Role::weapon_air, Role::weapon_shell, Role::weapon_explosive, Role::weapon_gun, Role::weapon_grenade, Role::weapon_suicide})
      if (chunk_has_role(v, lex, c, r)) return true;
    return lex.event_word_at(std::vector<std::string>{word(v.chunk(c).head)}, 0, 1, false) != nullptr;
  }
  bool verb_is(int c, Role r) const { return c >= 0 && lex.roles.is(word(v.chunk(c).head), r); }

  // "a promise to have forces stop carrying out attacks": an intention word
  // earlier in the same stretch of the sentence (no comma, dash or semicolon between).
  bool intention_before(uint32_t first) const {
    for (uint32_t k = first; k-- > 0 && k + 12 > first;) {
      const std::string& w = word(k);
      if (w == "," || w == ";" || w == "\xE2\x80\x94" || w == ":" || w == "but") return false;
      // "threatened to respond with violence after soldiers detained his mother": what came before is told as done.
      if (one_of(w, {"after", "because", "when", "since"}) && v.chunk(v.parse.chunk_of[k]).opens_clause) return false;
      if (p().tags[k] == Pos::MD) continue;  // the verb group's own modal is read there
      // (The verbs of stopping prevent only as verbs: not "at a tram stop in Graz before police shot him".)
      if (is_noun(p().tags[k]) && one_of(w, {"stop", "halt", "ban"})) continue;
      if (lex.roles.is(w, Role::intention) && !lex.roles.is(w, Role::speech)) return true;
    }
    return false;
  }

  Modality verb_modality(int c) const {
    const Chunk& ch = v.chunk(c);
    if (ch.negated) return Modality::negated;
    // "have not picketed or marched": a verb coordinated by "or" or "nor" with a negated one.
    if (c >= 2 && v.chunk(c - 1).kind == ChunkKind::conj && one_of(word(v.chunk(c - 1).head), {"or", "nor"}) &&
        v.chunk(c - 2).kind == ChunkKind::verb && v.chunk(c - 2).negated)
      return Modality::negated;
    if (ch.modal) {
      // "would" and "could" in reported past ("said it could not confirm") stay hypothetical too.
      return Modality::hypothetical;
    }
    const Clause& cl = p().clauses[static_cast<size_t>(ch.clause)];
    if (cl.kind == ClauseKind::subordinate && one_of(cl.opener, {"if", "unless", "whether", "until"})) return Modality::hypothetical;
    // "dissidents, who fight over trafficking routes": a present tense describing a side tells what it
    // does, no action of the story.
    if (cl.kind == ClauseKind::relative && one_of(cl.opener, {"who", "which", "that"}) && ch.first == ch.head &&
        (p().tags[ch.head] == Pos::VBP || p().tags[ch.head] == Pos::VBZ) && !WordTable::shared().lookup(word(ch.head)).has(Pos::VBD))
      return Modality::hypothetical;
    if (ch.infinitive || (v.chunk(c).first > 0 && p().tags[v.chunk(c).first] == Pos::VB && !ch.finite)) {
      const int gov = governing_verb_of_infinitive(c);
      if (gov < 0) return Modality::hypothetical;  // "to retake the town": a purpose
      const std::string& g = word(v.chunk(gov).head);
      if (one_of(g, {"tried", "try",   "tries",    "attempted",  "attempt",   "managed",   "continued", "continue", "continues",
                     "began", "begin", "begins",   "started",    "start",     "used",      "went",      "came",     "rushed",
                     "moved", "sent",  "deployed", "dispatched", "scrambled", "mobilised", "mobilized"}))
        return verb_modality(gov);
      // "they saw the man shoot Mark Hortman", "watched soldiers beat a student": a bare verb after one of
      // seeing tells what was seen done.
      if (!ch.infinitive && one_of(g, {"saw", "see", "seen", "watched", "watch", "heard", "witnessed", "witness"}))
        return verb_modality(gov);
      // "were reported to have been killed", "is believed to have carried out".
      if (one_of(g, {"reported", "said", "believed", "thought", "known", "confirmed", "alleged", "claimed", "feared", "understood",
                     "estimated", "presumed", "seem", "seems", "seemed", "appear", "appears", "appeared"}) &&
          v.chunk(gov).passive)
        return Modality::asserted;
      if (verb_is(gov, Role::denial)) return Modality::denied;
      return Modality::hypothetical;
    }
    // "denied shelling the town": a gerund under a denial.
    if (p().tags[ch.head] == Pos::VBG && !ch.finite) {
      const int gov = governing_verb_of_infinitive(c);
      if (verb_is(gov, Role::denial)) return Modality::denied;
      if (verb_is(gov, Role::intention)) return Modality::hypothetical;
      if (gov >= 0 && v.chunk(gov).modal) return Modality::hypothetical;  // "would keep fighting"
    }
    // A clause under a denial or a threat: "denied that its jets had struck", "warned that it would".
    if (cl.kind == ClauseKind::subordinate && cl.opener == "that") {
      for (int j = c; j-- > 0;) {
        const Chunk& g = v.chunk(j);
        if (g.kind != ChunkKind::verb || g.clause == ch.clause) continue;
        if (lex.roles.is(word(g.head), Role::denial)) return Modality::denied;
        // "denied reports circulating on social media that ...": past the reports' own participle.
        if (p().clauses[static_cast<size_t>(g.clause)].kind == ClauseKind::participle || (!g.finite && p().tags[g.head] == Pos::VBG))
          continue;
        if (lex.roles.is(word(g.head), Role::intention) && !lex.roles.is(word(g.head), Role::speech)) return Modality::hypothetical;
        // "Videos shared online claimed that fighters had stormed the post": unconfirmed, told by no one who answers for it.
        const int who = p().subject_of(j);
        if (one_of(word(g.head), {"claimed", "claim", "claims", "alleged", "alleges", "suggested", "suggest", "suggests"}) && who >= 0 &&
            one_of(word(v.chunk(who).head), {"videos", "video", "posts", "footage", "images", "rumours", "rumors", "messages", "accounts",
                                             "users", "pictures", "photos", "clips"}))
          return Modality::hypothetical;
        break;
      }
    }
    return Modality::asserted;
  }

  // A noun's modality: its determiner ("no attacks"), the noun it hangs from
  // ("threat of attacks", "anniversary of the bombing", "after the raids"),
  // and the verb that governs it ("condemned the attack", "feared an offensive").
  Modality noun_modality(const Frame& f) const {
    const Chunk& ch = v.chunk(f.chunk);
    const std::string& det = word(ch.first);
    if (det == "no" || det == "any") return Modality::negated;
    // "No picket lines or rallies were held": the first conjunct's "no" denies them all.
    int first = f.chunk;
    while (first >= 2 && v.chunk(first - 1).kind == ChunkKind::conj && v.chunk(first - 2).kind == ChunkKind::noun) first -= 2;
    if (first != f.chunk && word(v.chunk(first).first) == "no") return Modality::negated;
    int prev = f.chunk - 1;
    // "in the wake of Russian and US-led strikes": past the other conjuncts.
    // ("blamed for bombings, kidnappings and beheadings": past commas of a list too.)
    while (prev >= 2 && (v.chunk(prev).kind == ChunkKind::conj || word(v.chunk(prev).head) == ",") &&
           (v.chunk(prev - 1).kind == ChunkKind::noun || v.chunk(prev - 1).kind == ChunkKind::adjective))
      prev -= 2;
    if (prev >= 0 && v.chunk(prev).kind == ChunkKind::prep) {
      const std::string& prep = word(v.chunk(prev).head);
      // "after the Paris attacks" retells; "killed after fierce clashes" tells.
      const bool definite =
          one_of(det, {"the", "this", "that", "these", "those", "its", "their"}) || (ch.first + 1 < ch.head && word(ch.first + 1) == "'");
      // "has been blamed for bombings, kidnappings and beheadings", "known for its raids": a side's record.
      if (one_of(prep, {"for", "of"}) && prev >= 1 && v.chunk(prev - 1).kind == ChunkKind::verb &&
          one_of(word(v.chunk(prev - 1).head), {"blamed", "known", "notorious", "infamous", "accused", "responsible", "suspected"}) &&
          !one_of(det, {"the", "this", "that", "these", "those", "its", "their"}) && v.parse.tags[ch.head] == Pos::NNS)
        return Modality::reference;
      // ("a film about the Srebrenica massacre": the massacre as a subject, told as known.)
      if (one_of(prep, {"after", "following", "since", "before", "despite", "like", "avenge", "than", "about"}) &&
          (definite || v.parse.tags[ch.first] == Pos::NNP))
        return Modality::reference;
      if (prep == "for" || prep == "of" || prep == "over" || prep == "into" || prep == "against" || prep == "about" || prep == "to") {
        const int owner = prev - 1;
        if (owner >= 0 && v.chunk(owner).kind == ChunkKind::noun) {
          const uint32_t head = v.chunk(owner).head;
          const std::string& h = word(head);
          if (lex.roles.is(h, Role::intention) || one_of(h, {"threat", "threats", "risk", "possibility", "prospect", "fear", "fears",
                                                             "plan", "plans", "warning", "warnings", "preparations", "danger"}))
            return Modality::hypothetical;
          if (lex.roles.is(h, Role::reaction) ||
              one_of(h, {"wake", "eve", "response", "aftermath", "retaliation", "reprisal", "reprisals", "investigation", "anniversary",
                         "victims", "trial", "news", "footage", "video", "images", "report", "reports", "scene"}))
            return Modality::reference;
          if (lex.roles.is(h, Role::denial)) return Modality::denied;
        }
      }
    }
    if (f.governor >= 0) {
      const Chunk& g = v.chunk(f.governor);
      const std::string& gw = word(g.head);
      if (lex.roles.is(gw, Role::reaction)) return Modality::reference;
      // "backed the offensive with jets", "ended the siege": the campaign named, not an action.
      // ("lost their lives in a landmine blast" tells the blast.)
      const bool lives_lost = f.governor + 1 < f.chunk && v.chunk(f.governor + 1).kind == ChunkKind::noun &&
                              one_of(word(v.chunk(f.governor + 1).head), {"lives", "life"});
      // ("The first attempt to detain him ended in a gunfight": what it ended in happened.)
      const bool ended_in = f.chunk >= 1 && v.chunk(f.chunk - 1).kind == ChunkKind::prep && word(v.chunk(f.chunk - 1).head) == "in" &&
                            one_of(gw, {"ended", "ends", "ending", "end"});
      if (!lives_lost && !ended_in &&
          one_of(gw, {"backed", "backs", "supported", "supports", "aided", "joined", "joins", "ended", "ends", "halted", "completed", "won",
                      "lost", "announced", "led", "leads", "called", "described"}))
        return Modality::reference;
      // "people fleeing the fighting in Khartoum", "families who escaped the violence": what drove them out, told as known.
      if (one_of(gw, {"fleeing", "fled", "flee", "flees", "escaping", "escaped", "escape", "escapes", "displaced", "uprooted"}))
        return Modality::reference;
      if (lex.roles.is(gw, Role::denial)) return Modality::denied;
      const Modality m = verb_modality(f.governor);
      if (m != Modality::asserted) return m;
      if (lex.roles.is(gw, Role::intention) && !lex.roles.is(gw, Role::speech)) return Modality::hypothetical;
    }
    return Modality::asserted;
  }

  // ---- reading frames --------------------------------------------------
  void verbal(int c) {
    const Chunk& ch = v.chunk(c);
    // The trigger starts at the head; multi-word ones run past it ("opened fire", "took control of").
    const EventWord* ew = lex.event_word_at(v.words, ch.head, v.size(), true);
    // "youths set a coronavirus testing site on fire", "set the police station ablaze": the object between.
    const int burnt = ew ? -1 : set_on_fire(c);
    if (!ew && burnt < 0) return;
    Frame f;
    f.cls = ew ? ew->cls : EventClass::destroy;
    f.verbal = true;
    f.chunk = c;
    f.first = ch.head;
    f.last = ew ? ch.head + static_cast<uint32_t>(ew->words.size()) - 1 : ch.head;
    // (A bare participle is passive, "the hostages taken", unless it goes on a perfect: "had stormed the town and taken control".)
    f.passive = ch.passive || (!ch.finite && p().tags[ch.head] == Pos::VBN && p().perfect_of_conjunct(c) < 0);
    f.subject = p().subject_of(c);
    // "..., with demonstrators hurling rocks at police lines": after "with", the people named are the participle's own
    // subject. (Not "pounded the group, with French raids hitting Raqqa": strikes the main clause's doer carried out.)
    if (c >= 2 && !ch.finite && p().tags[ch.head] == Pos::VBG && v.chunk(c - 1).kind == ChunkKind::noun &&
        v.chunk(c - 2).kind == ChunkKind::prep && word(v.chunk(c - 2).head) == "with" && !weapon_or_action(c - 1))
      f.subject = c - 1;
    f.object = burnt >= 0 ? burnt : f.last > ch.last ? noun_after(f.last) : p().object_of(c);
    if (f.object >= 0 && static_cast<uint32_t>(v.chunk(f.object).first) <= f.last) f.object = noun_after(f.last);
    f.preps = p().preps_of(c);
    // "The convoy came under fire from gunmen": its subject was fired on, as in a passive.
    f.came_under = f.last > f.first && word(f.first + 1) == "under";
    if (f.came_under) f.passive = true;
    for (const auto& pp : f.preps)
      if (pp.where == Parse::PrepPhrase::after && pp.object >= 0 && f.passive &&
          (word(v.chunk(pp.prep).head) == "by" || (f.came_under && word(v.chunk(pp.prep).head) == "from"))) {
        f.agent = pp.object;
        break;
      }
    // "drove two vehicles packed with explosives into the base": only a vehicle bomb driven in makes it an attack.
    // ("drove the rebels out of Gao": a taking of ground, read as such where the verb's object is driven
    // "out of" or "from" somewhere; event_types.cpp decides whether it is one.)
    if (f.cls == EventClass::suicide && one_of(word(f.first), {"drove", "drive", "drives", "driven", "driving"}) &&
        !explosives_driven_into(f.last) && out_of_after(f.last))
      f.cls = EventClass::take;
    // "drove a car into people exercising, killing 35", "rammed a truck through the crowd, injuring dozens": a
    // vehicle driven into people who were hurt is an attack on them; driven anywhere else, no action of ours.
    if (f.cls == EventClass::suicide && !explosives_driven_into(f.last) && driving_word(word(f.first))) {
      if (!driven_into_people(f.last) || vehicle_out_of_control(f)) return;
      f.cls = EventClass::attack;
    }
    // "looters cleared out shopping centres": emptied, no ground regained (but "cleared out the militants",
    // "cleared out the town": fighters or a place).
    if (f.cls == EventClass::retake && clearing_word(word(f.first)) &&
        (word(f.last) == "out" || (f.last + 1 < v.size() && word(f.last + 1) == "out")) &&
        !(f.object >= 0 && (chunk_has_role(v, lex, f.object, Role::territory) || chunk_has_role(v, lex, f.object, Role::armed))))
      return;
    // "smashed an Islamic State cell", "smashed a drug ring", "smashed the rebellion": broke it up, no property destroyed.
    if (f.cls == EventClass::destroy && word(f.first).starts_with("smash") && f.object >= 0 &&
        (chunk_has_role(v, lex, f.object, Role::armed) ||
         one_of(word(v.chunk(f.object).head), {"cell", "cells", "ring", "rings", "network", "networks", "plot", "plots", "rebellion",
                                               "resistance", "record", "records", "gang", "gangs", "racket", "rackets"})))
      return;
    // "burst into celebrations", "burst into flames", "burst into tears": only a building or a room is stormed.
    if (f.cls == EventClass::storm && word(f.first).starts_with("burst") && !burst_into_building(f)) return;
    // "held 20 passengers hostage", "held the staff at gunpoint": "hold" states only a hostage-taking
    // (not "held a rally", "held talks", "held the town").
    if (f.cls == EventClass::take && one_of(word(f.first), {"hold", "holds", "held", "holding"}) && !hostage_after(f.last)) return;
    // "taking the death toll in the encounter to 22": a count carried up, no ground taken.
    if (f.cls == EventClass::take && f.object >= 0 && one_of(word(v.chunk(f.object).head), {"toll", "tally", "number", "count", "total"}))
      return;
    // "before taking his own life", "took refuge in a mosque", "took responsibility": no taking at all
    // (but "captured a shelter"; "took the lives of 12 villagers" is a killing the count tells, no taking).
    if (f.cls == EventClass::take && f.object >= 0 && one_of(word(f.first), {"take", "takes", "took", "taken", "taking"})) {
      const Chunk& what = v.chunk(f.object);
      if (one_of(word(what.head), {"life", "lives", "refuge", "shelter", "cover", "responsibility", "steps", "measures"})) return;
    }
    // "pushed", "expelled", "driven": a taking only with "out of" or "from" after ("were driven at the base" is none).
    if (f.cls == EventClass::take && expelling_word(word(f.first)) && !out_of_after(f.last)) return;
    f.modality = verb_modality(c);
    if (f.modality == Modality::asserted && intention_before(ch.first)) f.modality = Modality::hypothetical;
    // "police arrested the man at the scene", "The suspect ... was arrested shortly after the attack": the doer
    // already told of, taken, adds to that action; only where or when it stands apart is the arrest an event.
    // (Not one told with a day of its own: "Police detained the suspected perpetrator ... on Monday".)
    const auto day_named = [&] {
      for (size_t k = 0; k < v.size(); ++k)
        if (weekday_from_name(v.raw[k]) >= 0 || month_from_name(v.raw[k]) > 0 || one_of(word(k), {"yesterday", "today", "overnight"}))
          return true;
      return false;
    };
    if (f.cls == EventClass::arrest && f.modality == Modality::asserted && !day_named()) {
      const int held = f.passive ? f.subject : f.object;
      if (held >= 0 && ((word(v.chunk(held).first) == "the" &&
                         one_of(word(v.chunk(held).head), {"suspect", "man", "attacker", "assailant", "gunman", "shooter", "driver",
                                                           "perpetrator", "bomber", "killer", "stabber"})) ||
                        (v.chunk(held).first == v.chunk(held).head && word(v.chunk(held).head) == "him")))
        f.modality = Modality::reference;
    }
    if (f.cls == EventClass::light && throws_at_a_riot(f)) {
      f.cls = EventClass::riot;
      // ("fired rubber bullets at marchers who threw stones at officers": the crowd described; the action
      // is the firing, which met a violent crowd.)
      if (describes_crowd(f)) f.modality = Modality::reference;
    }
    frames.push_back(f);
  }

  // "set <what> on fire / ablaze / alight": the noun group set on fire, or -1.
  int set_on_fire(int c) const {
    const Chunk& ch = v.chunk(c);
    if (!one_of(word(ch.head), {"set", "sets", "setting"}) || c + 1 >= chunks() || v.chunk(c + 1).kind != ChunkKind::noun) return -1;
    const uint32_t after = v.chunk(c + 1).last + 1;
    if (after < v.size() && one_of(word(after), {"ablaze", "alight"})) return c + 1;
    if (after + 1 < v.size() && word(after) == "on" && word(after + 1) == "fire") return c + 1;
    return -1;
  }

  bool out_of_after(uint32_t verb) const { return sitmap::out_of_after(v, verb) >= 0; }

  // "hostage(s)", "captive(s)" or "at gunpoint" in the few words after the verb, before punctuation.
  bool hostage_after(uint32_t verb) const {
    for (uint32_t k = verb + 1; k < v.size() && k < verb + 10; ++k) {
      if (p().tags[k] == Pos::punct) return false;
      if (one_of(word(k), {"hostage", "hostages", "captive", "captives", "gunpoint"})) return true;
    }
    return false;
  }

  // After the verb at `verb`: explosives or a bomb in what was driven, then "into" what it hit
  // ("a truck laden with explosives into the gate", "an explosives-laden car into a checkpoint").
  bool explosives_driven_into(uint32_t verb) const {
    bool explosives = false;
    for (size_t k = verb + 1; k < std::min<size_t>(v.size(), verb + 12); ++k) {
      const std::string& w = word(k);
      if (one_of(w, {"explosives", "explosive", "bomb", "bombs"})) explosives = true;
      if (w == "into" || w == "through") return explosives;  // "drove a car loaded with explosives through the gate"
      if (one_of(w, {".", ";"})) return false;
    }
    return false;
  }

  // "burst into the studios", "burst into a church", "burst into the Parliament": a building, a room or a named place.
  bool burst_into_building(const Frame& f) const {
    const int c = f.object >= 0 ? f.object : noun_after(f.last);
    if (c < 0) return false;
    const Chunk& ch = v.chunk(c);
    return chunk_has_role(v, lex, c, Role::civilian) || chunk_has_role(v, lex, c, Role::military_target) ||
           chunk_has_role(v, lex, c, Role::territory) || v.parse.tags[ch.head] == Pos::NNP ||
           one_of(word(ch.head), {"room",      "rooms",     "office",       "offices",  "studio",    "studios",   "building",
                                  "buildings", "compound",  "premises",     "hall",     "courtroom", "chamber",   "apartment",
                                  "flat",      "residence", "headquarters", "newsroom", "classroom", "parliament"});
  }

  // "a bus ploughed into a crowd": a vehicle that ploughs by itself may have been an accident; only a
  // driver's will ("drove a car into", "rammed", "deliberately ploughed") makes an attack. (Nor "a bus driver
  // lost control and drove into a crowd", "after its brakes failed": an accident's words anywhere.)
  bool vehicle_out_of_control(const Frame& f) const {
    for (size_t k = 0; k + 1 < v.size(); ++k)
      if ((word(k) == "lost" && word(k + 1) == "control") || one_of(word(k), {"brakes", "accident", "crash", "collision", "drunk"}))
        return true;
    if (!word(f.first).starts_with("plough") && !word(f.first).starts_with("plow")) return false;
    if (f.first > 0 && one_of(word(f.first - 1), {"deliberately", "intentionally"})) return false;
    return f.subject < 0 || one_of(word(v.chunk(f.subject).head), {"car", "cars", "truck", "trucks", "lorry", "lorries", "bus", "buses",
                                                                   "van", "vans", "vehicle", "vehicles", "suv", "minibus", "taxi"});
  }

  // The verbs of driving a vehicle into something (the rest of the lexicon's "suicide" class is a bomber's).
  static bool driving_word(std::string_view w) {
    return one_of(w, {"drove", "drive", "drives", "driving", "rammed", "ram", "rams", "ramming"}) || w.starts_with("plough") ||
           w.starts_with("plow");
  }

  // "a day after", "hours before": a clause opened by a span of time before its "after" or "before".
  bool time_apart(int clause) const {
    for (int c = 0; c < chunks(); ++c) {
      if (v.chunk(c).clause != clause) continue;
      const uint32_t opener = v.chunk(c).first;
      return opener > 0 &&
             one_of(word(opener - 1), {"minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"});
    }
    return false;
  }

  // Whether "into", "through" or "over" after the verb governs people or a place of them ("into a crowd", "over
  // joggers", "into a Christmas market"), and the sentence tells of people killed or hurt.
  // (Not "drove through flooded villages to deliver aid".)
  bool driven_into_people(uint32_t verb) const {
    for (size_t k = verb + 1; k < std::min<size_t>(v.size(), verb + 12); ++k) {
      const std::string& w = word(k);
      if (one_of(w, {".", ";"})) return false;
      if (!one_of(w, {"into", "through", "over"})) continue;
      const int c = noun_after(static_cast<uint32_t>(k));
      return c >= 0 && chunk_has_role(v, lex, c, Role::civilian) && !chunk_has_role(v, lex, c, Role::military_target) && people_hurt();
    }
    return false;
  }

  bool people_hurt() const {
    return std::any_of(v.words.begin(), v.words.end(), [](const std::string& w) {
      return one_of(w, {"killing", "killed", "injuring", "injured", "wounding", "wounded", "dead", "died", "hurt", "hurting"});
    });
  }

  // "fired to disperse protesters who were throwing brickbats": the verb of a relative clause that
  // describes a crowd another action met. (Only the relative clause's own verb: in "protesters who had
  // gathered outside the building hurled rocks" the second verb is the sentence's, which the clause
  // reading cannot tell.)
  bool describes_crowd(const Frame& f) const {
    const int clause = v.chunk(f.chunk).clause;
    const Clause& cl = p().clauses[static_cast<size_t>(clause)];
    if (cl.kind != ClauseKind::relative || !one_of(cl.opener, {"who", "which", "that"})) return false;
    int first_verb = -1;
    for (int j = 0; j < chunks() && first_verb < 0; ++j)
      if (v.chunk(j).clause == clause && v.chunk(j).kind == ChunkKind::verb) first_verb = j;
    return first_verb == f.chunk;
  }

  // "hurled rocks, bottles and petrol bombs at them", "threw brickbats", "pelted the
  // police with stones": what a rioting crowd throws (a grenade or a bomb is read as one).
  bool throws_at_a_riot(const Frame& f) const {
    if (!throwing_word(word(f.first))) return false;
    auto riot_things = [&](int c) {
      for (int j = c; j >= 0 && j < chunks(); j += 2) {
        const Chunk& x = v.chunk(j);
        if (x.kind != ChunkKind::noun) return false;
        if (chunk_has_role(v, lex, j, Role::riot_missile)) return true;
        if (j + 1 >= chunks() || !(v.chunk(j + 1).kind == ChunkKind::conj || word(v.chunk(j + 1).head) == ",")) return false;
      }
      return false;
    };
    if (riot_things(f.object)) return true;
    for (const auto& pp : f.preps)  // "pelted them with stones"
      if (pp.where == Parse::PrepPhrase::after && word(v.chunk(pp.prep).head) == "with" && riot_things(pp.object)) return true;
    return false;
  }

  void nominal(int c) {
    const Chunk& ch = v.chunk(c);
    // "came under heavy gunfire": a noun inside a verb's own words is no action of its own.
    for (const Frame& o : frames)
      if (o.verbal && o.first <= ch.head && ch.head <= o.last) return;
    const EventWord* ew = nullptr;
    uint32_t start = ch.first;
    for (; start <= ch.head && !ew; ++start) {
      const EventWord* w = lex.event_word_at(v.words, start, ch.head + 1, false);
      if (w && start + w->words.size() - 1 == ch.head) ew = w;
    }
    --start;
    // "the exchange of fire", "exchanges of gunfire": a phrase that runs on past its head through "of".
    uint32_t last = ch.head;
    if (!ew && ch.head + 2 < v.size() && word(ch.head + 1) == "of") {
      const EventWord* w = lex.event_word_at(v.words, ch.head, v.size(), false);
      if (w && w->words.size() >= 3 && w->words[1] == "of") {
        ew = w;
        start = ch.head;
        last = ch.head + static_cast<uint32_t>(w->words.size()) - 1;
      }
    }
    if (!ew) return;
    // "Air raid alert in Kyiv", "a missile warning": the warning of an attack, not one.
    if (last + 1 < v.size() &&
        one_of(word(last + 1), {"alert", "alerts", "warning", "warnings", "siren", "sirens", "alarm", "alarms", "drill", "drills"}))
      return;
    // "rocket-propelled grenades" are fired like guns, no grenade attack of their own.
    if (ew->cls == EventClass::grenade && ch.head > ch.first &&
        (word(ch.head - 1) == "rocket-propelled" || word(ch.head - 1) == "propelled"))
      return;
    // "on 19 March", "March 2011": the month, not a march.
    if (v.raw[ch.head] == "March" &&
        ((ch.head > 0 &&
          (v.parse.tags[ch.head - 1] == Pos::CD ||
           one_of(word(ch.head - 1), {"in", "since", "until", "last", "early", "late", "mid", "by", "this", "next", "from", "of", "before",
                                      "after", "during"}) ||
           (ch.head > 1 && word(ch.head - 1) == "-" && word(ch.head - 2) == "mid") ||  // "in mid-March"
           // "in February and March", "January, March": a month listed with another.
           (ch.head > 1 && one_of(word(ch.head - 1), {"and", "or", ",", "to"}) && month_from_name(v.raw[ch.head - 2]) > 0))) ||
         (ch.head + 1 < v.size() && v.parse.tags[ch.head + 1] == Pos::CD)))
      return;
    Frame f;
    f.cls = ew->cls;
    f.chunk = c;
    f.first = start;
    f.last = last;
    // The noun's own phrases: "attacks on a market in Kano by gunmen" (past the words of the phrase itself).
    for (int j = last > ch.head ? v.parse.chunk_of[last] + 1 : c + 1; j + 1 < chunks();) {
      const Chunk& pc = v.chunk(j);
      if (pc.kind != ChunkKind::prep || pc.clause != ch.clause) break;
      const int obj = p().object_of_prep(j);
      if (obj < 0) break;
      Parse::PrepPhrase pp;
      pp.prep = j;
      pp.object = obj;
      pp.where = Parse::PrepPhrase::after;
      if (word(pc.head) == "by" && f.agent < 0) f.agent = obj;
      f.preps.push_back(pp);
      j = obj + 1;
    }
    f.governor = governor_of(c, f);
    f.modality = noun_modality(f);
    if (f.modality == Modality::asserted && intention_before(ch.first)) f.modality = Modality::hypothetical;
    frames.push_back(f);
  }

  // The verb a noun chunk belongs to: as its object, in one of its phrases,
  // or as its subject (then the verb's phrases are the noun's too: "an
  // explosion ripped through a market in Kano").
  int governor_of(int c, Frame& f) const {
    for (int j = 0; j < chunks(); ++j) {
      const Chunk& vc = v.chunk(j);
      if (vc.kind != ChunkKind::verb) continue;
      if (p().object_of(j) == c) return j;
      // 'condemned the "heinous terrorist attack"': a quotation mark splits the object after its article.
      if (c >= 2 && p().object_of(j) == c - 2 && v.chunk(c - 1).kind == ChunkKind::punct &&
          one_of(word(v.chunk(c - 1).head), {"\"", "\xE2\x80\x9C", "'"}) && v.chunk(c - 2).first == v.chunk(c - 2).last)
        return j;
      if (j > c && vc.finite && subject_or_conjunct(j, c)) {
        for (const auto& pp : p().preps_of(j))
          if (pp.where == Parse::PrepPhrase::after) f.preps.push_back(pp);
        if (f.subject < 0) f.subject = -1;
        return j;
      }
    }
    for (int j = 0; j < chunks(); ++j) {
      const Chunk& vc = v.chunk(j);
      if (vc.kind != ChunkKind::verb) continue;
      for (const auto& pp : p().preps_of(j))
        if (pp.object == c) return j;
    }
    return -1;
  }

  // A noun frame that names a weapon rather than an action ("grenades", "a bomb").
  bool weapon_noun(const Frame& f) const {
    if (f.cls == EventClass::protest) return false;  // "stun grenades", "rubber bullets": met a crowd
    const std::string& h = word(f.last);
    return one_of(h, {"grenade", "grenades", "bomb", "bombs", "ied", "ieds", "landmine", "landmines", "mine", "mines", "device", "devices",
                      "explosives", "rocket", "rockets", "missile", "missiles"});
  }

  // Is noun chunk c the verb's subject, or a conjunct of it ("gunmen and suicide bombers attacked")?
  bool subject_or_conjunct(int verb, int c) const {
    int s = p().subject_of(verb);
    if (s == c) return true;
    for (; s >= 0 && s + 2 <= c && s + 2 < verb; s += 2) {
      if (v.chunk(s + 1).kind != ChunkKind::conj || v.chunk(s + 2).kind != ChunkKind::noun) return false;
      if (s + 2 == c) return true;
    }
    return false;
  }

  // ---- linking: one action, many words ----------------------------------
  bool descends(int clause, int ancestor) const {
    for (int c = clause, guard = 0; c >= 0 && guard < 32; c = p().clauses[static_cast<size_t>(c)].parent, ++guard)
      if (c == ancestor) return true;
    return false;
  }

  // Steps between two clauses through their common ancestor; -1 when unrelated.
  int clause_distance(int a, int b) const {
    int da = 0;
    for (int x = a, guard = 0; x >= 0 && guard < 32; x = p().clauses[static_cast<size_t>(x)].parent, ++da, ++guard) {
      int db = 0;
      for (int y = b, g2 = 0; y >= 0 && g2 < 32; y = p().clauses[static_cast<size_t>(y)].parent, ++db, ++g2)
        if (x == y) return da + db;
    }
    return -1;
  }

  int frame_of_chunk(int c) const {
    for (size_t i = 0; i < frames.size(); ++i)
      if (frames[i].chunk == c) return static_cast<int>(i);
    return -1;
  }

  // "hurled a grenade", "fired rockets": a verb that carries a weapon noun's frame.
  bool fires_weapon(size_t j) const {
    for (const Frame& n : frames)
      if (n.host == static_cast<int>(j) && !n.verbal && weapon_noun(n)) return true;
    const int o = frames[j].object;  // "fired a ballistic missile"
    for (Role r : {Role::weapon_shell, Role::weapon_air, Role::weapon_explosive, Role::weapon_grenade})
      if (o >= 0 && chunk_has_role(v, lex, o, r)) return true;
    return false;
  }

  // A frame's host: a noun event its verb carries ("launched raids"), or
  // that caused its consequence ("an air strike killed 12", "died in clashes").
  void link() {
    for (size_t i = 0; i < frames.size(); ++i) {
      Frame& f = frames[i];
      if (!f.verbal) continue;
      if (f.cls == EventClass::light) {
        // "firing assault rifles and rocket-propelled grenades": the weapons among the objects.
        for (int c = f.object;
             c >= 0 && c + 2 < chunks() && v.chunk(c + 1).kind == ChunkKind::conj && v.chunk(c + 2).kind == ChunkKind::noun; c += 2) {
          const int w = frame_of_chunk(c + 2);
          if (w >= 0 && !frames[static_cast<size_t>(w)].verbal && weapon_noun(frames[static_cast<size_t>(w)]))
            frames[static_cast<size_t>(w)].host = static_cast<int>(i);
        }
        const int n = f.object >= 0 ? frame_of_chunk(f.object) : -1;
        // "firing rocket-propelled grenades", "planted a bomb": the weapon is what the verb used.
        if (n >= 0 && !frames[static_cast<size_t>(n)].verbal && weapon_noun(frames[static_cast<size_t>(n)])) {
          frames[static_cast<size_t>(n)].host = static_cast<int>(i);
          continue;
        }
        if (n >= 0 && !frames[static_cast<size_t>(n)].verbal) {
          Frame& host = frames[static_cast<size_t>(n)];
          f.host = n;
          if (host.agent < 0 && host.subject < 0) host.subject = f.subject;
          for (const auto& pp : f.preps)
            if (pp.where != Parse::PrepPhrase::inner) host.preps.push_back(pp);
          if (host.modality == Modality::asserted) host.modality = f.modality;
        }
        continue;
      }
      if (!is_consequence(f.cls) && f.cls != EventClass::hit && f.cls != EventClass::explode && f.cls != EventClass::strike &&
          f.cls != EventClass::pound)
        continue;
      // The cause as subject, agent or phrase.
      auto cause = [&](int chunk) { return chunk >= 0 ? frame_of_chunk(chunk) : -1; };
      int host = -1;
      for (int c : {f.passive ? f.agent : f.subject, f.agent}) {
        const int h = cause(c);
        if (h >= 0 && !frames[static_cast<size_t>(h)].verbal && h != static_cast<int>(i)) {
          host = h;
          break;
        }
      }
      if (host < 0 && is_consequence(f.cls)) {
        for (const auto& pp : f.preps) {
          const std::string& prep = word(v.chunk(pp.prep).head);
          if (pp.where != Parse::PrepPhrase::after || !one_of(prep, {"in", "during", "by", "from", "after", "amid"})) continue;
          const int h = cause(pp.object);
          if (h >= 0 && !frames[static_cast<size_t>(h)].verbal && !is_consequence(frames[static_cast<size_t>(h)].cls)) {
            host = h;
            break;
          }
        }
      }
      if (host >= 0) {
        Frame& h = frames[static_cast<size_t>(host)];
        f.host = host;
        if (f.modality != Modality::asserted && h.modality == Modality::asserted) h.modality = f.modality;
        // The consequence's phrases say where the cause happened too.
        for (const auto& pp : f.preps)
          if (pp.object != h.chunk) h.preps.push_back(pp);
      }
    }
    // A noun event inside a violent verb's phrase is the same action told
    // again: "attacked the base in a suicide bombing".
    for (size_t i = 0; i < frames.size(); ++i) {
      Frame& f = frames[i];
      if (f.verbal || f.host >= 0 || f.governor < 0) continue;
      const int g = frame_of_chunk(f.governor);
      if (g < 0 || frames[static_cast<size_t>(g)].host >= 0) continue;
      const Frame& gf = frames[static_cast<size_t>(g)];
      if (gf.cls == EventClass::light || is_consequence(gf.cls)) continue;
      bool in_phrase = false;
      for (const auto& pp : gf.preps)
        if (pp.object == f.chunk && one_of(word(v.chunk(pp.prep).head), {"in", "with", "during"})) in_phrase = true;
      if (in_phrase) f.host = g;
    }
    // "protested outside Subic by blocking the highway": the means, told by "by" and a gerund, is the action before it.
    for (size_t i = 1; i < frames.size(); ++i) {
      Frame& f = frames[i];
      if (!f.verbal || f.host >= 0 || f.chunk < 1 || v.chunk(f.chunk - 1).kind != ChunkKind::prep ||
          word(v.chunk(f.chunk - 1).head) != "by" || !word(f.first).ends_with("ing"))
        continue;
      for (size_t j = i; j-- > 0;)
        if (frames[j].verbal && frames[j].host < 0 && frames[j].chunk < f.chunk) {
          f.host = static_cast<int>(j);
          break;
        }
    }
    // "shells fired from the border struck the group": the firing is the striking.
    for (size_t i = 0; i < frames.size(); ++i) {
      Frame& f = frames[i];
      if (!f.verbal || f.host >= 0 || f.cls != EventClass::light || !f.passive || f.chunk < 1) continue;
      const int projectile = f.chunk - 1;
      if (v.chunk(projectile).kind != ChunkKind::noun) continue;
      for (size_t j = 0; j < frames.size(); ++j)
        if (j != i && frames[j].verbal && frames[j].host < 0 && frames[j].subject == projectile &&
            (frames[j].cls == EventClass::hit || frames[j].cls == EventClass::strike || frames[j].cls == EventClass::explode)) {
          f.host = static_cast<int>(j);
          break;
        }
    }
    // People named by their weapon who do the clause's action are its
    // actors: "suicide bombers attacked a concert hall".
    for (size_t i = 0; i < frames.size(); ++i) {
      Frame& f = frames[i];
      if (f.verbal || f.host >= 0 || f.governor < 0) continue;
      const int g = frame_of_chunk(f.governor);
      if (g < 0 || frames[static_cast<size_t>(g)].host >= 0 || !frames[static_cast<size_t>(g)].verbal) continue;
      const Frame& gf = frames[static_cast<size_t>(g)];
      const bool person = one_of(word(f.last), {"bomber", "bombers", "attacker", "attackers"});
      if (person && subject_or_conjunct(gf.chunk, f.chunk) && !gf.passive) f.host = g;
    }
    // Support told inside another action: "recaptured the town, backed by coalition air strikes".
    for (size_t i = 0; i < frames.size(); ++i) {
      Frame& f = frames[i];
      if (f.verbal || f.host >= 0 || f.chunk < 2) continue;
      const Chunk& by = v.chunk(f.chunk - 1);
      const Chunk& backed = v.chunk(f.chunk - 2);
      if (by.kind != ChunkKind::prep || word(by.head) != "by" || backed.kind != ChunkKind::verb) continue;
      if (!one_of(word(backed.head), {"backed", "supported", "aided", "helped", "covered", "assisted", "accompanied"})) continue;
      // Support adds to the action told elsewhere; it is not one of its own here.
      f.modality = Modality::reference;
    }
    // Consequences, and actions without a subject of their own, in a
    // participle or coordinate clause belong to their clause's action:
    // "stormed a hotel ..., killing 20", "..., hitting rebel positions near Homs".
    for (size_t i = 0; i < frames.size(); ++i) {
      Frame& f = frames[i];
      const bool participle = f.verbal && p().clauses[static_cast<size_t>(v.chunk(f.chunk).clause)].kind == ClauseKind::participle;
      if (f.host >= 0 || !f.verbal || !(is_consequence(f.cls) || participle)) continue;
      const int clause = v.chunk(f.chunk).clause;
      const Clause& cl = p().clauses[static_cast<size_t>(clause)];
      // "gathered again today, less than a day after demonstrators broke into parliament": a clause
      // of another time tells an action of its own.
      if (cl.kind == ClauseKind::subordinate && one_of(cl.opener, {"after", "before"}) && time_apart(clause)) continue;
      // "protests over the death of George Floyd, a Black man who died after ...": a relative clause about a
      // noun in an "of" phrase tells who that was, not what the action did.
      if (describes_noun_of(v, clause)) continue;
      // The nearest action in the same clause, else in a clause above or
      // below it ("killed and wounded when a device detonated").
      int best = -1, best_distance = 1 << 20;
      for (size_t j = 0; j < frames.size(); ++j) {
        if (j == i || frames[j].host >= 0 || is_consequence(frames[j].cls)) continue;
        if (frames[j].cls == EventClass::light && !fires_weapon(j)) continue;  // "hurled a grenade, killing two" does
        // "broke into the legislature to protest against the pact": an asserted action (a consequence or a
        // participle) is not the evidence of a purpose infinitive's protest; it is an act of its own.
        if (frames[j].verbal && frames[j].cls == EventClass::protest && v.chunk(frames[j].chunk).infinitive &&
            frames[j].modality == Modality::hypothetical && f.modality == Modality::asserted)
          continue;
        const int fc = v.chunk(frames[j].chunk).clause;
        const int d = clause_distance(clause, fc);
        if (d < 0) continue;
        // "A man stabbed three people before police shot him": what a "before" clause tells came after; no cause.
        if (fc != clause && p().clauses[static_cast<size_t>(fc)].opener == "before" && descends(fc, clause)) continue;
        // ("Crowds looted shops ... after protesters tried to storm parliament", "looters set fire to buildings while police
        // fired rubber bullets": damage done by a doer of its own is its own act, not what another clause's action did.)
        if (fc != clause && clause == 0 && f.cls == EventClass::destroy && !f.passive && f.subject >= 0 &&
            p().clauses[static_cast<size_t>(fc)].kind == ClauseKind::subordinate)
          continue;
        // ("set fire to buildings on Thursday, a day after a rally ended in a shooting": another time's action, no cause.)
        if (fc != clause && p().clauses[static_cast<size_t>(fc)].kind == ClauseKind::subordinate &&
            one_of(p().clauses[static_cast<size_t>(fc)].opener, {"after", "before"}) && time_apart(fc))
          continue;
        // "The man suspected of shooting two fans was killed by police": an action told of the one it befell.
        // (A participle before a passive verb with a doer of its own: the action of the one it befell.)
        if (f.passive && f.agent >= 0 && frames[j].verbal && frames[j].chunk < f.chunk && !v.chunk(frames[j].chunk).finite &&
            v.chunk(f.chunk).finite)
          continue;
        // A noun inside another verb's phrase is that verb's ("clans involved in recent clashes").
        if (!frames[j].verbal && frames[j].governor >= 0 && frames[j].governor != f.chunk && frame_of_chunk(frames[j].governor) < 0 &&
            p().in_prep_phrase(frames[j].chunk))
          continue;
        const bool dependent = cl.kind == ClauseKind::participle || cl.kind == ClauseKind::coordinate || cl.kind == ClauseKind::relative ||
                               cl.kind == ClauseKind::subordinate;
        if (d > 0 && !dependent && !descends(fc, clause)) continue;
        // (At one distance, a verb before a noun that only times it: "after the El Paso attack, ... a man opened fire
        // ..., killing nine" killed by the opening of fire, not by the attack its clause counts the hours from.)
        const auto nearer = [&] {
          const Frame& b = frames[static_cast<size_t>(best)];
          return frames[j].verbal && !b.verbal && b.chunk < f.chunk && frames[j].chunk < f.chunk && b.chunk > 0 &&
                 v.chunk(b.chunk - 1).kind == ChunkKind::prep && one_of(word(v.chunk(b.chunk - 1).head), {"after", "before", "since"});
        };
        if (d < best_distance || (d == best_distance && best >= 0 && nearer())) {
          best = static_cast<int>(j);
          best_distance = d;
        }
      }
      if (best >= 0) f.host = best;
    }
  }

  std::vector<Frame> run() {
    for (int c = 0; c < chunks(); ++c) {
      const ChunkKind k = v.chunk(c).kind;
      if (k == ChunkKind::verb)
        verbal(c);
      else if (k == ChunkKind::noun)
        nominal(c);
    }
    std::sort(frames.begin(), frames.end(), [](const Frame& a, const Frame& b) { return a.first < b.first; });
    link();
    return std::move(frames);
  }
};

}  // namespace

SentenceView::SentenceView(const Document& d, const Segmented& g, uint32_t i, const Sentence& sentence, const WordTable& table, bool title)
    : doc(d), seg(g), s(sentence), index(i), headline(title) {
  parse = parse_sentence(d.text, g, s, table, title);
  words.reserve(s.token_count);
  raw.reserve(s.token_count);
  for (uint32_t k = 0; k < s.token_count; ++k) {
    raw.push_back(token_text(d.text, g.tokens[s.first_token + k]));
    words.push_back(ascii_lower(raw.back()));
  }
  static const bool debug = std::getenv("SITMAP_DEBUG_CHUNKS") != nullptr;
  if (debug) dump_chunks();
}

// SITMAP_DEBUG_CHUNKS=1: the sentence's chunks on stderr, "[noun the/DT village/NN]", with each chunk's clause.
void SentenceView::dump_chunks() const {
  static constexpr const char* kinds[] = {"noun", "verb", "prep", "adv", "adj", "conj", "wh", "punct", "other"};
  std::string line;
  for (const Chunk& c : parse.chunks) {
    // (Appended piece by piece: g++ 12 warns falsely of overlapping copies in "" + ... + "" chains.)
    line.append("[").append(kinds[static_cast<int>(c.kind)]).append(std::to_string(c.clause));
    for (uint32_t k = c.first; k <= c.last; ++k) line.append(" ").append(raw[k]).append("/").append(pos_name(parse.tags[k]));
    line.append("] ");
  }
  std::fprintf(stderr, "[%s s%u chunks] %s\n", doc.id.c_str(), index, line.c_str());
}

std::vector<Frame> read_frames(const SentenceView& v, const Lexicon& lex) {
  FrameReader r{v, lex, {}};
  return r.run();
}

bool clearing_word(std::string_view w) { return one_of(w, {"clear", "clears", "cleared", "clearing"}); }

bool throwing_word(std::string_view w) {
  return one_of(w, {"threw", "throw", "throws", "throwing", "thrown", "hurled", "hurl", "hurls", "hurling", "pelted", "pelt", "pelting",
                    "lobbed", "lob", "lobs", "tossed", "toss"});
}

bool expelling_word(std::string_view w) {
  return one_of(
      w, {"drove", "drive", "drives", "driven", "driving", "pushed", "expelled", "expel", "expels", "expelling", "flushed", "chased"});
}

int out_of_after(const SentenceView& v, uint32_t verb) {
  for (uint32_t k = verb + 1; k + 1 < v.size() && k < verb + 12; ++k) {  // ("drove thousands of Hefazat-e-Islam activists out of")
    if (v.parse.tags[k] == Pos::punct) return -1;
    if (v.words[k] == "from" || (v.words[k] == "out" && v.words[k + 1] == "of")) return static_cast<int>(k);
  }
  return -1;
}

int governing_verb_of_infinitive(const SentenceView& v, int c) {
  for (int j = c; j-- > 0;) {
    const Chunk& ch = v.chunk(j);
    if (ch.kind == ChunkKind::verb) return j;
    if (ch.kind == ChunkKind::punct && v.words[ch.head] != ",") return -1;
  }
  return -1;
}

bool common_word_as_name(const SentenceView& v, uint32_t k) {
  // "the Houston Rockets", "the Essendon Bombers": a capitalised plain word inside a sentence is a name.
  if (k == 0 || (v.parse.tags[k] != Pos::NNP && v.parse.tags[k] != Pos::NNPS)) return false;
  const std::string_view raw = v.raw[k];
  if (raw.empty() || !std::isupper(static_cast<unsigned char>(raw[0])) ||
      std::all_of(raw.begin(), raw.end(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); }))
    return false;  // all capitals: "IED", "RPG"
  const WordTags t = WordTable::shared().lookup(v.words[k]);
  if (!t.has(Pos::NN) && !t.has(Pos::NNS)) return false;
  // "the Air Force", "Special Forces": capitalised plain words all along are a title, not a name.
  if (v.parse.tags[k - 1] == Pos::NNP || v.parse.tags[k - 1] == Pos::JJ) {
    const WordTags before = WordTable::shared().lookup(v.words[k - 1]);
    if (before.has(Pos::NN) || before.has(Pos::JJ)) return false;
  }
  return true;
}

// "tear gas shells", "stun grenades", "rubber bullets": what police fire at a
// crowd, which no weapon word inside makes a weapon of war.
bool crowd_control(const SentenceView& v, uint32_t first, uint32_t last) {
  for (uint32_t k = first; k <= last; ++k) {
    const std::string& a = v.words[k];
    const std::string& b = k + 1 <= last ? v.words[k + 1] : std::string();
    if ((a == "tear" && b == "gas") || a == "teargas" || ((a == "stun" || a == "sound" || a == "smoke") && b.rfind("grenade", 0) == 0) ||
        (a == "warning" && (b == "shots" || b == "shot")) || ((a == "rubber" || a == "plastic") && b.rfind("bullet", 0) == 0) ||
        (a == "water" && b.rfind("cannon", 0) == 0))
      return true;
  }
  return false;
}

bool describes_noun_of(const SentenceView& v, int clause) {
  const Clause& cl = v.parse.clauses[static_cast<size_t>(clause)];
  if (cl.kind != ClauseKind::relative || cl.antecedent < 0) return false;
  int j = cl.antecedent;  // the noun, or the one an apposition after a comma renames
  const auto word = [&](int c) -> const std::string& { return v.words[v.chunk(c).head]; };
  if (j >= 3 && v.chunk(j - 1).kind == ChunkKind::punct && word(j - 1) == "," && v.chunk(j - 2).kind == ChunkKind::noun) j -= 2;
  return j >= 1 && v.chunk(j - 1).kind == ChunkKind::prep && word(j - 1) == "of";
}

bool chunk_has_role(const SentenceView& v, const Lexicon& lex, int chunk, Role r) {
  if (chunk < 0) return false;
  const Chunk& c = v.chunk(chunk);
  const bool weapon = r == Role::weapon_air || r == Role::weapon_shell || r == Role::weapon_explosive || r == Role::weapon_gun ||
                      r == Role::weapon_grenade || r == Role::weapon_chemical;
  if (weapon && crowd_control(v, c.first, c.last)) return false;
  // Only a noun names a thing: "rocket" in "rocket-propelled grenades" is part of an adjective.
  for (uint32_t k = c.first; k <= c.last; ++k) {
    // A rocket-propelled grenade is a gunner's round (weapon_gun), not a thrown grenade.
    if (r == Role::weapon_grenade && k > c.first && v.words[k - 1] == "propelled") continue;
    if ((is_noun(v.parse.tags[k]) || k == c.head) && !common_word_as_name(v, k) && lex.roles.ends_at(v.words, c.first, k, r)) return true;
  }
  return false;
}

namespace {

// "the army's camp", "the soldiers' positions": a site its owner's possessive
// makes a military one, whatever the site word alone would be.
bool military_owned_site(const SentenceView& v, const Lexicon& lex, const Chunk& c) {
  if (!lex.roles.is(v.words[c.head], Role::military_target)) return false;
  for (uint32_t k = c.first + 1; k < c.head; ++k)
    if (v.parse.tags[k] == Pos::POS && v.parse.tags[k - 1] != Pos::POS)
      return lex.roles.is(v.words[k - 1], Role::military_target) && !lex.roles.is(v.words[k - 1], Role::civilian);
  return false;
}

}  // namespace

bool chunk_is(const SentenceView& v, const Lexicon& lex, int chunk, Role r) {
  if (chunk < 0) return false;
  const Chunk& c = v.chunk(chunk);
  if ((r == Role::military_target || r == Role::civilian) && military_owned_site(v, lex, c)) return r == Role::military_target;
  return lex.roles.longest_ends_at(v.words, c.first, c.head, r);
}

}  // namespace sitmap
