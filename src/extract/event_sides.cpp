#include "core/date.hpp"
#include "extract/sentence_events.hpp"

// Who did it and to whom: the chunks on each side of an action, and the
// actor they name.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "core/fold.hpp"
#include "extract/toponyms.hpp"
#include "text/tagger.hpp"

namespace sitmap::event_reading {

// ---- the action's sides ------------------------------------------------
// A noun chunk with its "of" phrases: "12 of its warplanes", "dozens of militants".
void SentenceEvents::add_with_of(std::vector<int>& out, int c) const {
  if (c < 0) return;
  out.push_back(c);
  const int n = static_cast<int>(v.parse.chunks.size());
  // "a truck packed with explosives", "a car rigged with a bomb".
  if (c + 3 < n && chunk(c + 1).kind == ChunkKind::verb && !chunk(c + 1).finite && chunk(c + 2).kind == ChunkKind::prep &&
      word(chunk(c + 2).head) == "with" && chunk(c + 3).kind == ChunkKind::noun)
    out.push_back(c + 3);
  // "a taxi containing explosives", "a boat carrying fighters".
  if (c + 2 < n && chunk(c + 1).kind == ChunkKind::verb && !chunk(c + 1).finite &&
      one_of(word(chunk(c + 1).head), {"containing", "carrying"}) && chunk(c + 2).kind == ChunkKind::noun)
    out.push_back(c + 2);
  // "a container full of explosives", "a truck loaded with mines" read as phrases.
  if (c + 3 < n && chunk(c + 1).kind == ChunkKind::adjective && word(chunk(c + 1).head) == "full" && chunk(c + 2).kind == ChunkKind::prep &&
      word(chunk(c + 2).head) == "of" && chunk(c + 3).kind == ChunkKind::noun)
    out.push_back(c + 3);
  // "supporters of the soldiers", "relatives of the victims": people beside the "of" phrase, not of it.
  if (one_of(word(chunk(c).head), {"supporters", "supporter", "followers", "sympathisers", "sympathizers", "relatives", "families",
                                   "family", "friends", "critics", "opponents", "victims", "widows", "mothers"}))
    return;
  // ("debris from a downed missile", "shrapnel from a shell": the munition the pieces came from.)
  const bool pieces = one_of(word(chunk(c).head), {"debris", "shrapnel", "fragments", "fragment", "wreckage", "parts"});
  for (int j = c + 1; j + 1 < n && chunk(j).kind == ChunkKind::prep &&
                      (word(chunk(j).head) == "of" || (pieces && word(chunk(j).head) == "from")) && chunk(j + 1).kind == ChunkKind::noun;
       j += 2)
    out.push_back(j + 1);
}

std::vector<int> SentenceEvents::with_of(const std::vector<int>& side) const {
  std::vector<int> out;
  for (int c : side) add_with_of(out, c);
  return out;
}

bool SentenceEvents::chunk_has_word(int c, std::initializer_list<std::string_view> words) const {
  if (c < 0) return false;
  for (uint32_t k = chunk(c).first; k <= chunk(c).last; ++k)
    if (one_of(word(k), words)) return true;
  return false;
}

// Chunks on the actor's side: who or what did it.
std::vector<int> SentenceEvents::actor_side(const Frame& f) const {
  std::vector<int> out = actor_side_heads(f);
  // "U.S. and Iraqi troops": every conjunct of a side is on it.
  const int n = static_cast<int>(v.parse.chunks.size());
  for (size_t i = 0; i < out.size(); ++i)
    for (int c = out[i]; c + 2 < n && chunk(c + 1).kind == ChunkKind::conj && chunk(c + 2).kind == ChunkKind::noun &&
                         chunk(c + 2).clause == chunk(c).clause && (f.verbal ? c + 2 < f.chunk : true);
         c += 2)
      if (std::find(out.begin(), out.end(), c + 2) == out.end()) out.push_back(c + 2);
  return with_of(out);
}

std::vector<int> SentenceEvents::actor_side_heads(const Frame& f) const {
  std::vector<int> out;
  // "34 cruise missiles were fired at targets", "shells fired by rebels": what was fired.
  const bool fired = f.verbal && f.passive && one_of(word(f.first), {"fired", "launched", "dropped", "lobbed"});
  if (fired && f.subject >= 0) out.push_back(f.subject);
  if (fired && f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::noun) out.push_back(f.chunk - 1);
  if (f.verbal) {
    if (!f.passive && f.subject >= 0) out.push_back(f.subject);
    if (!f.passive && f.subject >= 0 && teller_of_pronoun(f.subject) >= 0) out.push_back(teller_of_pronoun(f.subject));
    if (f.agent >= 0) out.push_back(f.agent);
    if (f.cls == C::light && f.object >= 0) out.push_back(f.object);  // "fired rockets"
  } else {
    out.push_back(f.chunk);  // "Russian air strikes", "a rocket attack"
    if (f.agent >= 0) out.push_back(f.agent);
    if (f.subject >= 0) out.push_back(f.subject);
    // "al Shabaab said it had staged an attack": who staged, carried out or launched it.
    // ("launched a string of attacks", "carried out a wave of raids": the object's "of" phrase too.)
    const int object = f.governor >= 0 ? v.parse.object_of(f.governor) : -1;
    const bool of_object =
        object >= 0 && object + 2 == f.chunk && chunk(object + 1).kind == ChunkKind::prep && word(chunk(object + 1).head) == "of";
    if (f.governor >= 0 && (object == f.chunk || of_object) && chunk(f.governor).kind == ChunkKind::verb &&
        one_of(word(chunk(f.governor).head), {"staged", "carried", "launched", "mounted", "conducted", "led"})) {
      const int who = v.parse.subject_of(f.governor);
      if (who >= 0) out.push_back(who);
      if (who >= 0 && teller_of_pronoun(who) >= 0) out.push_back(teller_of_pronoun(who));
    }
    // "an air strike hit", "the bomb exploded": the noun is the verb's subject.
  }
  for (const auto& pp : f.preps) {
    const std::string& prep = word(chunk(pp.prep).head);
    if (pp.object >= 0 && one_of(prep, {"with", "using", "from", "by"}) && pp.where == Parse::PrepPhrase::after) out.push_back(pp.object);
    if (f.cls == C::fall && pp.object >= 0 && prep == "to" && pp.where == Parse::PrepPhrase::after)
      out.push_back(pp.object);  // "fell to the Taliban"
  }
  return out;
}

// "The Arakan Army said on Saturday it had captured the town": the pronoun
// is the one who tells. -1 when chunk c is no such pronoun.
int SentenceEvents::teller_of_pronoun(int c) const {
  const Chunk& ch = chunk(c);
  if (ch.first != ch.head || !one_of(word(ch.head), {"it", "they", "we"})) return -1;
  for (int j = c - 1; j >= 0; --j) {
    const Chunk& x = chunk(j);
    if (x.kind != ChunkKind::verb) continue;
    if (!one_of(word(x.head), {"said", "says", "claimed", "announced", "stated", "reported", "confirmed", "declared"})) return -1;
    return v.parse.subject_of(j);
  }
  return -1;
}

// Chunks on the target's side: who or what was hit.
std::vector<int> SentenceEvents::target_side(const Frame& f) const {
  std::vector<int> out;
  if (f.cls == C::fall) {  // the place that fell
    if (f.subject >= 0) out.push_back(f.subject);
    return out;
  }
  const bool fired = f.verbal && f.passive && one_of(word(f.first), {"fired", "launched", "dropped", "lobbed"});
  if (f.verbal) {
    if (f.passive && f.subject >= 0 && !fired) out.push_back(f.subject);
    if (!f.passive && f.object >= 0 && f.cls != C::light) out.push_back(f.object);
  }
  for (const auto& pp : f.preps) {
    const std::string& prep = word(chunk(pp.prep).head);
    if (pp.object >= 0 && pp.where == Parse::PrepPhrase::after && one_of(prep, {"on", "against", "at", "targeting", "into", "through"}))
      out.push_back(pp.object);
  }
  // "the units stationed at Tessit were the target of a complex attack": what was "the target of" the action.
  if (!f.verbal && f.chunk >= 3 && chunk(f.chunk - 1).kind == ChunkKind::prep && word(chunk(f.chunk - 1).head) == "of" &&
      one_of(word(chunk(f.chunk - 2).head), {"target", "targets", "object"}) && chunk(f.chunk - 3).kind == ChunkKind::verb &&
      is_be_form(word(chunk(f.chunk - 3).head))) {
    const int target = v.parse.subject_of(f.chunk - 3);
    if (target >= 0) out.push_back(target);
  }
  return out;
}

// "launched an offensive on Monday": a campaign's start is an action.
// "23 people were killed in a police operation ... on Tuesday": so is a forces' operation of one day that killed.
bool SentenceEvents::launched(size_t i) const {
  const Frame& f = frames[i];
  const Chunk& ch = chunk(f.chunk);
  bool forces_operation = !f.verbal && one_of(word(ch.head), {"operation", "raid"});
  bool forces = false;
  for (uint32_t k = ch.first; k < ch.head && forces_operation; ++k)
    forces = forces || one_of(word(k), {"police", "military", "army", "security", "counter-terrorism", "counterterrorism"});
  forces_operation = forces_operation && forces &&
                     std::any_of(cues.begin(), cues.end(), [](const DateCue& c) { return !c.reporting && c.span.precision == 1; });
  for (int e : evidence_of(i)) {
    const Frame& ef = frames[static_cast<size_t>(e)];
    if (ef.cls == C::light &&
        one_of(word(ef.first), {"launched", "launch", "launches", "mounted", "unleashed", "began", "begun", "started", "staged"}))
      return true;
    if (forces_operation && ef.verbal && ef.passive && (ef.cls == C::kill || ef.cls == C::harm) && !chunk(ef.chunk).perfect) return true;
  }
  return false;
}

// Is this frame's chunk what another action hit? ("struck a peace rally")
bool SentenceEvents::is_target_of_other(size_t i) const {
  for (size_t j = 0; j < frames.size(); ++j) {
    if (j == i || frames[j].cls == C::protest) continue;
    for (int c : target_side(frames[j]))
      if (c == frames[i].chunk) return true;
  }
  return false;
}

bool SentenceEvents::side_has(const std::vector<int>& side, Role r) const {
  return std::any_of(side.begin(), side.end(), [&](int c) { return has(c, r); });
}

bool SentenceEvents::side_is(const std::vector<int>& side, Role r) const {
  return std::any_of(side.begin(), side.end(), [&](int c) { return is(c, r); });
}

// An actor table entry, a people ("Russian jets") or an armed noun on a side.
bool SentenceEvents::side_armed(const std::vector<int>& side) const {
  // ("Mobs armed with machetes", "protesters armed with sticks": a crowd's arms leave it a crowd.)
  return std::any_of(side.begin(), side.end(), [&](int c) {
    return is(c, Role::armed) || has(c, Role::armed) || !actor_in(c).empty() || (described_armed(c) && !crowd_named(c));
  });
}

// A mob or protesters, by the chunk or its "of" phrase ("a group of protesters").
bool SentenceEvents::crowd_named(int c) const {
  std::vector<int> chain;
  add_with_of(chain, c);
  return std::any_of(chain.begin(), chain.end(), [&](int x) { return is(x, Role::mob) || is(x, Role::protesters); });
}

// "members of the groups, armed with firearms, blocked the highway": described as armed
// (after the chunk or its "of" phrase). The "of" chain is the chunk's own, not the side's:
// a side need not hold its chunks' "of" phrases ({f.subject}, a target side).
bool SentenceEvents::described_armed(int c) const {
  std::vector<int> chain;
  add_with_of(chain, c);
  return std::any_of(chain.begin(), chain.end(), [&](int x) {
    size_t k = chunk(x).last + 1;
    if (k < v.size() && word(k) == ",") ++k;
    return k + 1 < v.size() && word(k) == "armed" && word(k + 1) == "with";
  });
}

// Does chunk c name an armed group of the table, of one of these kinds ("killed 11 members of Abu
// Sayyaf": a rebel group; not a party's or a movement's members)?
bool SentenceEvents::table_group_of_kind(int c, std::initializer_list<std::string_view> kinds) const {
  const ArmedActor* a = c >= 0 ? lex.actors.find(table_actor(chunk(c))) : nullptr;
  return a && std::find(kinds.begin(), kinds.end(), a->kind) != kinds.end();
}

std::string SentenceEvents::table_actor(const Chunk& ch) const {
  for (uint32_t k = ch.first; k <= ch.last; ++k)
    if (const ArmedActor* a = lex.actors.match(v.words, v.raw, k, ch.last + 1, nullptr, &ctx.redefined)) return a->name;
  return "";
}

// The forces of a country (or its people) named from token `from` to the end
// of chunk c, an armed noun's chunk: "Russian jets", "French troops".
std::string SentenceEvents::country_forces_in(int c, uint32_t from) const {
  const Chunk& ch = chunk(c);
  for (size_t m : here) {
    const Mention& mm = mentions[m];
    if (mm.candidates.empty() || mm.first_token < v.token(from) || mm.last_token > v.token(ch.last)) continue;
    const Place p = gaz.place(mm.candidates.front().entry);
    if (p.kind != PlaceKind::country) continue;
    // "Palestinian attackers" are no state's forces; "Russian jets" and "French troops" are.
    // ("An Israeli drone strike", "Turkish air raids": an air strike named with its country's people.)
    const bool air_action =
        std::any_of(frames.begin(), frames.end(), [&](const Frame& f) { return !f.verbal && f.chunk == c && f.cls == C::air; });
    if (lex.roles.ends_at(v.words, ch.first, ch.head, Role::weapon_air) ||
        lex.roles.ends_at(v.words, ch.first, ch.head, Role::weapon_shell) || is_state_noun(ch.head) || air_action)
      return forces_of(p, ch);
    // "Eritrea captured Badme", "Israel struck Gaza": a state named as the doer of a violent act is its forces.
    if (!mm.demonym && mm.last_token == v.token(ch.head) && std::any_of(frames.begin(), frames.end(), [&](const Frame& f) {
          return f.verbal && !f.passive && f.subject == c && f.cls != C::protest && f.cls != C::arrest;
        }))
      return forces_of(p, ch);
  }
  return "";
}

std::string SentenceEvents::actor_in(int c) const {
  if (c < 0) return "";
  const Chunk& ch = chunk(c);
  // "its forces", "their jets": whose, the nearest actor or country before them.
  const bool action_word = std::any_of(frames.begin(), frames.end(), [&](const Frame& f) { return !f.verbal && f.chunk == c; });
  if ((word(ch.first) == "its" || word(ch.first) == "their") && ch.head > ch.first &&
      (action_word || lex.roles.ends_at(v.words, ch.first, ch.head, Role::armed) ||
       lex.roles.ends_at(v.words, ch.first, ch.head, Role::weapon_air)))
    return owner_before(c, ch);
  if (std::string a = table_actor(ch); !a.empty()) return a;
  // A country or its people before an armed noun: "Russian jets", "French troops", "Nigeria's army"
  // (and "Myanmar military helicopters", where the country's name is a chunk of its own just before,
  // when the chunk itself names none and that name is no preposition's object: "In Syria Russian jets").
  if (std::string a = country_forces_in(c, ch.first); !a.empty()) return a;
  const bool name_before = c > 0 && chunk(c - 1).kind == ChunkKind::noun && chunk(c - 1).last + 1 == ch.first &&
                           v.parse.tags[chunk(c - 1).head] == Pos::NNP && !(c > 1 && chunk(c - 2).kind == ChunkKind::prep);
  if (name_before)
    if (std::string a = country_forces_in(c, chunk(c - 1).first); !a.empty()) return a;
  // No name: troops are the state's, gunmen an unidentified group ("the
  // militants" the report's own group, when it names one).
  if (lex.roles.ends_at(v.words, ch.first, ch.head, Role::police_forces)) return std::string(kPolice);
  // ("Police special forces", which the chunker splits before the adjective: the police's.)
  const bool police_before = c > 0 && chunk(c - 1).kind == ChunkKind::noun && chunk(c - 1).last + 1 == ch.first &&
                             lex.roles.ends_at(v.words, chunk(c - 1).first, chunk(c - 1).head, Role::police_forces);
  if (lex.roles.ends_at(v.words, ch.first, ch.head, Role::state_forces)) return std::string(police_before ? kPolice : kStateForces);
  // "the coalition", "coalition strikes": the coalition the report names.
  for (uint32_t k = ch.first; k <= ch.head; ++k)
    if (word(k) == "coalition" && ctx.main_coalition) return ctx.main_coalition->name;
  if (lex.roles.ends_at(v.words, ch.first, ch.head, Role::armed) && !lex.roles.is(word(ch.head), Role::weapon_air)) {
    if (word(ch.first) == "the" && ctx.main_group) return ctx.main_group->name;
    return std::string(kArmedGroup);
  }
  // "militant attacks", "army shelling": the actor as a modifier of the action.
  if (action_word)
    for (uint32_t k = ch.first; k < ch.head; ++k) {
      if (lex.roles.ends_at(v.words, k, k, Role::police_forces)) return std::string(kPolice);
      if (lex.roles.ends_at(v.words, k, k, Role::state_forces)) return std::string(kStateForces);
      if (lex.roles.ends_at(v.words, k, k, Role::armed) && !lex.roles.ends_at(v.words, k, k, Role::weapon_air))
        return std::string(kArmedGroup);
    }
  return "";
}

// A generic actor named for the event's country.
std::string SentenceEvents::named_actor(const std::string& a, const Event& e) {
  // ACLED names unidentified actors by the event's country.
  if ((a == "Unidentified Armed Group" || a == "Unidentified Military Forces") && !e.country.empty()) return generic_actor_of(a, e.country);
  if (a.empty() || a[0] != '@') return a;
  if (a == kStateForces) return e.country.empty() ? "" : military_forces_of(e.country);
  if (a == kPolice) return e.country.empty() ? "" : police_forces_of(e.country);
  return generic_actor_of("Unidentified Armed Group", e.country.empty() ? std::string_view("unknown country") : e.country);
}

std::string SentenceEvents::owner_before(int c, const Chunk& armed) const {
  for (int j = c; j-- > 0;) {
    if (chunk(j).kind != ChunkKind::noun) continue;
    if (std::string a = table_actor(chunk(j)); !a.empty()) return a;
    for (size_t m : here) {
      const Mention& mm = mentions[m];
      if (mm.candidates.empty() || !within_chunk(mm, j)) continue;
      const Place p = gaz.place(mm.candidates.front().entry);
      if (p.kind == PlaceKind::country) return forces_of(p, armed);
    }
  }
  return "";
}

bool SentenceEvents::is_state_noun(uint32_t head) const {
  return lex.roles.ends_at(v.words, head, head, Role::state_forces) || lex.roles.ends_at(v.words, head, head, Role::police_forces);
}

std::string SentenceEvents::forces_of(const Place& country, const Chunk& ch) const {
  const bool police = lex.roles.ends_at(v.words, ch.first, ch.head, Role::police_forces);
  return police ? police_forces_of(country.name) : military_forces_of(country.name);
}

std::string SentenceEvents::actor_of(const std::vector<int>& side) const {
  const int n = static_cast<int>(v.parse.chunks.size());
  for (int c : side) {
    std::string a = actor_in(c);
    // "fighters of the Rapid Support Forces": the group the table names, not the generic word.
    if (c + 2 < n && chunk(c + 1).kind == ChunkKind::prep && word(chunk(c + 1).head) == "of" && !table_actor(chunk(c + 2)).empty() &&
        (a.empty() || a.rfind("Unidentified", 0) == 0 || a[0] == '@'))
      return table_actor(chunk(c + 2));
    if (!a.empty()) return a;
  }
  return "";
}

// "Opposition leader Tundu Lissu", "former minister Ana Silva": a person named with a public office.
bool SentenceEvents::office_holder(int c) const {
  if (c < 0) return false;
  const Chunk& ch = chunk(c);
  if (!seg.tokens[v.token(ch.head)].capitalized) return false;
  for (uint32_t k = ch.first; k < ch.head; ++k)
    if (lex.roles.is(word(k), Role::office)) return true;
  return false;
}

// Does a noun chunk name people (a plural or a person noun), not a place or thing?
bool SentenceEvents::people(int c) const {
  if (c < 0) return false;
  // "passers-by": the word the hyphenated head is made of.
  const uint32_t head = chunk(c).head;
  const bool hyphened = head >= chunk(c).first + 2 && word(head - 1) == "-";
  const std::string& h = word(hyphened ? head - 2 : head);
  // "hundreds of girls", "a group of students": the people the quantity counts.
  if ((one_of(h, {"hundreds", "dozens", "scores", "thousands", "tens", "group", "number", "some", "many", "most", "all"}) ||
       v.parse.tags[chunk(c).head] == Pos::CD) &&
      c + 2 < static_cast<int>(v.parse.chunks.size()) && chunk(c + 1).kind == ChunkKind::prep && word(chunk(c + 1).head) == "of" &&
      chunk(c + 2).kind == ChunkKind::noun)
    return people(c + 2);
  return one_of(h,
                {"schoolgirls", "girls",        "boys",       "children",    "students",    "pupils",      "women",       "men",
                 "people",      "workers",      "civilians",  "villagers",   "passengers",  "hostages",    "soldiers",    "policemen",
                 "officers",    "missionaries", "tourists",   "journalists", "nurses",      "doctors",     "teachers",    "farmers",
                 "residents",   "members",      "fishermen",  "relative",    "traders",     "worshippers", "pilgrims",    "foreigners",
                 "nationals",   "employees",    "staff",      "guards",      "troops",      "man",         "woman",       "person",
                 "boy",         "girl",         "child",      "suspect",     "suspects",    "protesters",  "protester",   "demonstrators",
                 "activists",   "activist",     "leader",     "leaders",     "commander",   "official",    "officials",   "politician",
                 "politicians", "opponents",    "dissidents", "priest",      "journalist",  "student",     "worker",      "mother",
                 "father",      "sister",       "brother",    "son",         "daughter",    "wife",        "husband",     "cousin",
                 "uncle",       "nephew",       "relatives",  "family",      "families",    "presenters",  "technicians", "crew",
                 "perpetrator", "perpetrators", "assailant",  "assailants",  "culprit",     "culprits",    "accomplice",  "accomplices",
                 "passers",     "bystanders",   "shoppers",   "commuters",   "pedestrians", "onlookers",   "diners",      "patients",
                 "mourners",    "guests",       "customers",  "motorists",   "drivers",     "citizens",    "citizen",     "engineers",
                 "contractors", "sailors",      "monks",      "nuns",        "priests",     "pastor",      "pastors",     "clerics",
                 "cleric",      "imam",         "miners",     "herders",     "merchants",   "lawyers",     "lawyer",      "judge",
                 "judges",      "voters",       "mourner",    "hostage",     "captives",    "seminarians", "girlfriend",  "boyfriend",
                 "partner",     "friend",       "friends",    "associate",   "associates",  "brothers",    "sons",        "wives",
                 "neighbour",   "neighbor"});
}

bool SentenceEvents::military_actor(const std::vector<int>& side) const {
  const std::string who = actor_of(side);
  if (who.rfind("Military Forces", 0) == 0 || who == kStateForces) return true;
  const ArmedActor* a = who.empty() || who[0] == '@' ? nullptr : lex.actors.find(who);
  return a && (a->kind == "state" || a->kind == "coalition");
}

// Gunmen, militants, police: raiders on foot, whatever else the report says.
bool SentenceEvents::side_armed_on_ground(const std::vector<int>& side) const {
  for (int c : side) {
    if (!is(c, Role::armed) || is(c, Role::weapon_air)) continue;
    const std::string& h = word(chunk(c).head);
    if (!one_of(h, {"forces", "force", "military", "coalition", "army"})) return true;
  }
  return false;
}

// The noun chunks joined to chunk c by "and" or commas, in order, c itself
// not included: "four police officers, two commune officials and three civilians".
std::vector<int> SentenceEvents::joined_after(int c) const {
  std::vector<int> out;
  size_t closed = 0;  // items up to the last joined by "and": "A, B and C" is a list, "six people, a resident who fled" is not
  const int n = static_cast<int>(v.parse.chunks.size());
  for (int j = c; j >= 0 && j + 2 < n; j += 2) {
    const Chunk& link = chunk(j + 1);
    const bool by_and = link.kind == ChunkKind::conj && word(link.head) == "and";
    const bool joins = link.kind == ChunkKind::conj ? by_and : word(link.head) == ",";
    if (!joins || chunk(j + 2).kind != ChunkKind::noun) break;
    out.push_back(j + 2);
    if (by_and) closed = out.size();
  }
  out.resize(closed);
  return out;
}

// Who died or was hurt, by the consequence frames: "killing five soldiers".
// "Eight police officers were killed when gunmen ambushed their vehicle": the consequences told in the
// clause a "when"/"as" clause of the action hangs on.
std::vector<int> SentenceEvents::when_clause_hosts(const Frame& f) const {
  std::vector<int> out;
  const Clause& cl = clause_of(f);
  // (Also after a time: "killed on Thursday evening when gunmen ambushed" reads "when" as the evening's.)
  if ((cl.kind != ClauseKind::subordinate && cl.kind != ClauseKind::relative) || !one_of(cl.opener, {"when", "as"}) || cl.parent < 0)
    return out;
  for (size_t j = 0; j < frames.size(); ++j)
    if (&frames[j] != &f && frames[j].verbal && is_consequence(frames[j].cls) && chunk(frames[j].chunk).clause == cl.parent)
      out.push_back(static_cast<int>(j));
  return out;
}

bool SentenceEvents::victims_are(const std::vector<int>& evidence, Role r) const {
  for (int e : evidence) {
    const Frame& ef = frames[static_cast<size_t>(e)];
    if (!is_consequence(ef.cls)) continue;
    // ("Thirteen agents of the state police": the head and its "of" phrase.)
    std::vector<int> victims;
    add_with_of(victims, ef.passive || ef.cls == C::die ? ef.subject : ef.object);
    // "killing four police officers, two commune officials and three civilians": every group named.
    if (!victims.empty())
      for (int j : joined_after(victims.front())) victims.push_back(j);
    if (side_is(victims, r)) return true;
  }
  return false;
}

}  // namespace sitmap::event_reading

namespace sitmap::event_reading {

// "A man", "a 17-year-old Afghan asylum seeker": one person, by the determiner of a singular noun that is
// no weapon and no band ("a gang", "a group").
bool SentenceEvents::lone_doer(int c) const {
  if (one_person(c)) return true;
  if (c < 0 || chunk(c).kind != ChunkKind::noun) return false;
  const Chunk& ch = chunk(c);
  const std::string& head = word(ch.head);
  if (!one_of(word(ch.first), {"a", "an"}) || v.parse.tags[ch.head] != Pos::NN || weapon_side({c})) return false;
  return !one_of(head, {"group", "gang", "mob", "crowd", "band", "squad", "cell", "unit", "convoy", "vehicle", "car", "truck"});
}

bool SentenceEvents::one_person(int c) const {
  if (c < 0 || chunk(c).kind != ChunkKind::noun) return false;
  const Chunk& ch = chunk(c);
  const std::string& head = word(ch.head);
  const Pos t = v.parse.tags[ch.head];
  if (t == Pos::PRP) return one_of(head, {"he", "she", "him", "her"});
  if (t == Pos::NNP) {  // a person's name, not a place's
    for (size_t m : here)
      if (within_chunk(mentions[m], c)) return false;
    return ch.head > ch.first || seg.tokens[v.token(ch.head)].capitalized;
  }
  // "a woman", "her son": one, by its determiner.
  const bool singular = one_of(word(ch.first), {"a", "an", "the", "one", "his", "her", "their", "its"});
  return singular && t == Pos::NN &&
         (lex.roles.is(head, Role::civilian) || lex.roles.is(head, Role::military_target) ||
          one_of(head, {"policeman",   "sergeant",   "officer",      "soldier",     "judge",        "leader",     "commander", "reporter",
                        "journalist",  "official",   "governor",     "mayor",       "activist",     "priest",     "imam",      "trader",
                        "businessman", "student",    "teacher",      "doctor",      "driver",       "guard",      "elder",     "chief",
                        "worker",      "civilian",   "villager",     "farmer",      "child",        "woman",      "man",       "boy",
                        "girl",        "cousin",     "son",          "daughter",    "father",       "brother",    "resident",  "diplomat",
                        "ambassador",  "minister",   "lawmaker",     "lawyer",      "mother",       "wife",       "husband",   "sister",
                        "nephew",      "nurse",      "pastor",       "cleric",      "bodyguard",    "councillor", "candidate", "teenager",
                        "youth",       "serviceman", "servicewoman", "policewoman", "photographer", "cameraman",  "shepherd",  "herder",
                        "pilgrim",     "worshipper", "tourist",      "passenger",   "rebel",        "militant",   "fighter",   "insurgent",
                        "gunman",      "bomber",     "attacker",     "jihadist"}));
}

// Was a person shot, stabbed or killed? A person hurt is violence whoever did it.
bool SentenceEvents::person_hurt(const Frame& f) const {
  if (!f.verbal || !(f.cls == C::shoot || f.cls == C::kill)) return false;
  const auto person = [&](int c) {  // ("on Monday": a day, however it is capitalised)
    const std::string& head = word(chunk(c).head);
    if (weekday_from_name(head) >= 0 || month_from_name(head) > 0) return false;
    return one_person(c) || people(c) || lex.roles.is(head, Role::civilian);
  };
  for (const auto& pp : f.preps) {
    if (f.cls != C::shoot || pp.where != Parse::PrepPhrase::after || pp.object < 0) continue;
    const std::string& prep = word(chunk(pp.prep).head);
    // "opened fire on a group of residents", "fired at worshippers": people shot at, whoever shot.
    if (one_of(prep, {"on", "at", "upon", "into"}) && person(pp.object)) return true;
    // "was shot in the head": only a person is shot in a body part.
    if (f.passive && prep == "in" &&
        one_of(word(chunk(pp.object).head), {"head", "chest", "back", "neck", "face", "leg", "legs", "arm", "arms", "stomach", "abdomen",
                                             "shoulder", "thigh", "foot", "hand"}))
      return true;
  }
  if (f.last + 1 < v.size() && one_of(word(f.last + 1), {"up", "down", "on", "through"})) return false;  // "shot up", "shot down"
  const int victim = f.passive ? f.subject : f.object;
  if (victim < 0) return false;
  const auto hurt = [&](int c) {
    return one_person(c) || people(c) || lex.roles.is(word(chunk(c).head), Role::civilian) ||
           lex.roles.is(word(chunk(c).head), Role::military_target);
  };
  // ("Hoffman and his wife were each shot": any of a list of people.)
  std::vector<int> listed = joined_after(victim);
  if (victim >= 2 && chunk(victim - 1).kind == ChunkKind::conj && chunk(victim - 2).kind == ChunkKind::noun) listed.push_back(victim - 2);
  return hurt(victim) || std::any_of(listed.begin(), listed.end(), hurt);
}

}  // namespace sitmap::event_reading
