#include "extract/events.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <climits>
#include <cmath>
#include <deque>
#include <map>
#include <set>

#include "core/fold.hpp"
#include "extract/dates.hpp"
#include "extract/frames.hpp"
#include "extract/toponyms.hpp"

namespace sitmap {

namespace {

constexpr long kMaxPlausibleCount = 10'000'000;

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

using C = EventClass;

bool is_consequence(C c) { return c == C::kill || c == C::harm || c == C::die || c == C::destroy; }

// What the whole report says, for words whose sense depends on it.
struct DocContext {
  bool air = false;       // aircraft or drones are spoken of: "strikes" are air strikes
  bool missiles = false;  // rockets or missiles are
  int sport = 0;          // sport words
  int weapons = 0;        // weapon words
  const ArmedActor* main_group = nullptr;  // the non-state group the report names most
  const ArmedActor* main_coalition = nullptr;  // the coalition it names most
};

// The ACLED type of an action, from its words and their arguments.
struct Typed {
  std::string event_type, sub_event_type;
};

const Typed kAir{"Explosions/Remote violence", "Air/drone strike"};
const Typed kShell{"Explosions/Remote violence", "Shelling/artillery/missile attack"};
const Typed kIed{"Explosions/Remote violence", "Remote explosive/landmine/IED"};
const Typed kSuicide{"Explosions/Remote violence", "Suicide bomb"};
const Typed kGrenade{"Explosions/Remote violence", "Grenade"};
const Typed kChemical{"Explosions/Remote violence", "Chemical weapon"};
const Typed kClash{"Battles", "Armed clash"};
const Typed kTaken{"Battles", "Non-state actor overtakes territory"};
const Typed kRegained{"Battles", "Government regains territory"};
const Typed kAttack{"Violence against civilians", "Attack"};
const Typed kAbduction{"Violence against civilians", "Abduction/forced disappearance"};
const Typed kDestruction{"Strategic developments", "Looting/property destruction"};
const Typed kProtest{"Protests", "Peaceful protest"};
const Typed kRiot{"Riots", "Violent demonstration"};

// How a draft event stands: an action told here; a casualty count that is
// its own action unless an action told nearby takes it; or a reference that
// only adds to an action told elsewhere.
enum class Standing : uint8_t { event, weak, reference };

// One sentence's reading into draft events.
struct SentenceEvents {
  const Document& doc;
  const Segmented& seg;
  const std::vector<Mention>& mentions;
  const Gazetteer& gaz;
  const Lexicon& lex;
  const DocContext& ctx;
  const SentenceView& v;
  std::vector<Frame> frames;
  std::vector<size_t> here;  // indexes of this sentence's mentions
  std::vector<DateCue> cues;
  std::vector<std::string>* warnings;
  const Mention* context_place = nullptr;  // the report's place so far, for actions that name none
  const Mention* placed = nullptr;         // out: the place of this sentence's last action
  std::optional<Place> focus_country;      // the country the report is about, when it names no place for an action
  std::deque<Mention>& synthetic;          // places named without a name ("the Somali capital"), kept for the report
  std::optional<DateSpan> context_date;    // the date the report's last action was given, for actions that give none
  std::optional<DateSpan> dated;           // out: the date this sentence's last action was given
  std::optional<Role> context_weapon;      // the weapon the sentence before fired

  const std::string& word(size_t k) const { return v.words[k]; }
  const Chunk& chunk(int c) const { return v.chunk(c); }
  bool has(int c, Role r) const { return chunk_has_role(v, lex, c, r); }
  bool is(int c, Role r) const { return chunk_is(v, lex, c, r); }

  std::vector<int> evidence_of(size_t f) const {
    std::vector<int> out;
    for (size_t i = 0; i < frames.size(); ++i) {
      int h = frames[i].host;
      for (int guard = 0; h >= 0 && guard < 8; ++guard) {
        if (h == static_cast<int>(f)) { out.push_back(static_cast<int>(i)); break; }
        h = frames[static_cast<size_t>(h)].host;
      }
    }
    return out;
  }

  // ---- the action's sides ------------------------------------------------
  // A noun chunk with its "of" phrases: "12 of its warplanes", "dozens of militants".
  void add_with_of(std::vector<int>& out, int c) const {
    if (c < 0) return;
    out.push_back(c);
    const int n = static_cast<int>(v.parse.chunks.size());
    // "a truck packed with explosives", "a car rigged with a bomb".
    if (c + 3 < n && chunk(c + 1).kind == ChunkKind::verb && !chunk(c + 1).finite && chunk(c + 2).kind == ChunkKind::prep &&
        word(chunk(c + 2).head) == "with" && chunk(c + 3).kind == ChunkKind::noun)
      out.push_back(c + 3);
    for (int j = c + 1; j + 1 < n && chunk(j).kind == ChunkKind::prep && word(chunk(j).head) == "of" &&
                        chunk(j + 1).kind == ChunkKind::noun;
         j += 2)
      out.push_back(j + 1);
  }

  // Chunks on the actor's side: who or what did it.
  std::vector<int> actor_side(const Frame& f) const {
    std::vector<int> out = actor_side_heads(f);
    std::vector<int> with_of;
    for (int c : out) add_with_of(with_of, c);
    return with_of;
  }

  std::vector<int> actor_side_heads(const Frame& f) const {
    std::vector<int> out;
    // "34 cruise missiles were fired at targets", "shells fired by rebels": what was fired.
    const bool fired = f.verbal && f.passive && one_of(word(f.first), {"fired", "launched", "dropped", "lobbed"});
    if (fired && f.subject >= 0) out.push_back(f.subject);
    if (fired && f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::noun) out.push_back(f.chunk - 1);
    if (f.verbal) {
      if (!f.passive && f.subject >= 0) out.push_back(f.subject);
      if (f.agent >= 0) out.push_back(f.agent);
      if (f.cls == C::light && f.object >= 0) out.push_back(f.object);  // "fired rockets"
    } else {
      out.push_back(f.chunk);  // "Russian air strikes", "a rocket attack"
      if (f.agent >= 0) out.push_back(f.agent);
      if (f.subject >= 0) out.push_back(f.subject);
      // "an air strike hit", "the bomb exploded": the noun is the verb's subject.
    }
    for (const auto& pp : f.preps) {
      const std::string& prep = word(chunk(pp.prep).head);
      if (pp.object >= 0 && one_of(prep, {"with", "using", "from", "by"}) && pp.where == Parse::PrepPhrase::after)
        out.push_back(pp.object);
    }
    return out;
  }

  // Chunks on the target's side: who or what was hit.
  std::vector<int> target_side(const Frame& f) const {
    std::vector<int> out;
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
    return out;
  }

  // "launched an offensive on Monday": a campaign's start is an action.
  bool launched(size_t i) const {
    for (int e : evidence_of(i)) {
      const Frame& ef = frames[static_cast<size_t>(e)];
      if (ef.cls == C::light && one_of(word(ef.first), {"launched", "launch", "launches", "mounted", "unleashed", "began", "begun", "started", "staged"}))
        return true;
    }
    return false;
  }

  // Is this frame's chunk what another action hit? ("struck a peace rally")
  bool is_target_of_other(size_t i) const {
    for (size_t j = 0; j < frames.size(); ++j) {
      if (j == i || frames[j].cls == C::protest) continue;
      for (int c : target_side(frames[j]))
        if (c == frames[i].chunk) return true;
    }
    return false;
  }

  bool side_has(const std::vector<int>& side, Role r) const {
    return std::any_of(side.begin(), side.end(), [&](int c) { return has(c, r); });
  }
  bool side_is(const std::vector<int>& side, Role r) const {
    return std::any_of(side.begin(), side.end(), [&](int c) { return is(c, r); });
  }

  // An actor table entry, a people ("Russian jets") or an armed noun on a side.
  bool side_armed(const std::vector<int>& side) const {
    for (int c : side) {
      if (is(c, Role::armed) || has(c, Role::armed) || !actor_in(c).empty()) return true;
    }
    return false;
  }

  // ---- actors ------------------------------------------------------------
  // Generic actors are named once the event's country is known.
  static constexpr std::string_view kStateForces = "@state", kPolice = "@police", kArmedGroup = "@armed";

  std::string table_actor(const Chunk& ch) const {
    for (uint32_t k = ch.first; k <= ch.last; ++k)
      if (const ArmedActor* a = lex.actors.match(v.words, v.raw, k, ch.last + 1)) return a->name;
    return "";
  }

  std::string actor_in(int c) const {
    if (c < 0) return "";
    const Chunk& ch = chunk(c);
    // "its forces", "their jets": whose, the nearest actor or country before them.
    const bool action_word = std::any_of(frames.begin(), frames.end(), [&](const Frame& f) { return !f.verbal && f.chunk == c; });
    if ((word(ch.first) == "its" || word(ch.first) == "their") && ch.head > ch.first &&
        (action_word || lex.roles.ends_at(v.words, ch.first, ch.head, Role::armed) ||
         lex.roles.ends_at(v.words, ch.first, ch.head, Role::weapon_air)))
      return owner_before(c, ch);
    if (std::string a = table_actor(ch); !a.empty()) return a;
    // A country or its people before an armed noun: "Russian jets", "French troops", "Nigeria's army".
    for (size_t m : here) {
      const Mention& mm = mentions[m];
      if (mm.candidates.empty() || mm.first_token < v.token(ch.first) || mm.last_token > v.token(ch.last)) continue;
      const Place p = gaz.place(mm.candidates.front().entry);
      if (p.kind != PlaceKind::country) continue;
      // "Palestinian attackers" are no state's forces; "Russian jets" and "French troops" are.
      if (lex.roles.ends_at(v.words, ch.first, ch.head, Role::weapon_air) || lex.roles.ends_at(v.words, ch.first, ch.head, Role::weapon_shell) ||
          is_state_noun(ch.head))
        return forces_of(p, ch);
    }
    // No name: troops are the state's, gunmen an unidentified group ("the
    // militants" the report's own group, when it names one).
    if (lex.roles.ends_at(v.words, ch.first, ch.head, Role::police_forces)) return std::string(kPolice);
    if (lex.roles.ends_at(v.words, ch.first, ch.head, Role::state_forces)) return std::string(kStateForces);
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
  static std::string named_actor(const std::string& a, const Event& e) {
    // ACLED names unidentified actors by the event's country.
    if ((a == "Unidentified Armed Group" || a == "Unidentified Military Forces") && !e.country.empty())
      return a + " (" + e.country + ")";
    if (a.empty() || a[0] != '@') return a;
    const std::string country = e.country.empty() ? std::string("unknown country") : e.country;
    if (a == kStateForces) return e.country.empty() ? "" : military_forces_of(e.country);
    if (a == kPolice) return e.country.empty() ? "" : police_forces_of(e.country);
    return "Unidentified Armed Group (" + country + ")";
  }

  std::string owner_before(int c, const Chunk& armed) const {
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

  bool is_state_noun(uint32_t head) const {
    return lex.roles.ends_at(v.words, head, head, Role::state_forces) || lex.roles.ends_at(v.words, head, head, Role::police_forces);
  }

  std::string forces_of(const Place& country, const Chunk& ch) const {
    const bool police = lex.roles.ends_at(v.words, ch.first, ch.head, Role::police_forces);
    return police ? police_forces_of(country.name) : military_forces_of(country.name);
  }

  std::string actor_of(const std::vector<int>& side) const {
    for (int c : side) {
      std::string a = actor_in(c);
      if (!a.empty()) return a;
    }
    return "";
  }

  // ---- type ----------------------------------------------------------------
  std::optional<Typed> classify(const Frame& f, const std::vector<int>& evidence, const std::vector<int>& actors,
                                const std::vector<int>& targets) const {
    std::set<C> cls = {f.cls};
    for (int e : evidence) cls.insert(frames[static_cast<size_t>(e)].cls);
    auto any = [&](std::initializer_list<C> list) {
      return std::any_of(list.begin(), list.end(), [&](C c) { return cls.count(c) > 0; });
    };
    // The weapon: on the actor's side, or what exploded or hit.
    std::vector<int> carriers = actors;
    for (int e : evidence) {
      const Frame& ef = frames[static_cast<size_t>(e)];
      if (ef.cls == C::hit || ef.cls == C::explode) {
        if (ef.subject >= 0 && !ef.passive) carriers.push_back(ef.subject);
        if (ef.agent >= 0) carriers.push_back(ef.agent);
        if (ef.cls == C::explode && ef.object >= 0) carriers.push_back(ef.object);
      }
      if (ef.cls == C::light && ef.object >= 0) carriers.push_back(ef.object);
      if (!ef.verbal) carriers.push_back(ef.chunk);
    }
    if ((f.cls == C::hit || f.cls == C::explode) && f.subject >= 0 && !f.passive) carriers.push_back(f.subject);
    if (f.cls == C::explode && f.object >= 0) carriers.push_back(f.object);  // "detonated two bombs"
    // Battles stay battles whatever weapons they are fought with ("fought, with warplanes circling").
    if (f.cls == C::clash) return kClash;
    const bool suicide = any({C::suicide}) || side_has(carriers, Role::weapon_suicide);
    const bool chemical = any({C::chemical}) || side_has(carriers, Role::weapon_chemical);
    const bool air = any({C::air}) || side_has(carriers, Role::weapon_air);
    const bool shell = any({C::shell}) || side_has(carriers, Role::weapon_shell);
    const bool explosive = any({C::explosive}) || side_has(carriers, Role::weapon_explosive);
    const bool grenade = any({C::grenade}) || side_has(carriers, Role::weapon_grenade);
    if (suicide) return kSuicide;
    if (chemical) return kChemical;
    if (air) return kAir;
    if (shell) return kShell;
    if (grenade) return kGrenade;
    if (explosive) {
      // "dropped 20 bombs", "bombed": from the air when the report speaks of aircraft.
      const bool dropped = f.cls == C::light && one_of(word(f.first), {"dropped", "drop", "drops", "dropping"});
      return (any({C::bomb}) || dropped) && ctx.air ? kAir : kIed;
    }
    // "The coalition bombed a bridge": a state's or a coalition's bombing is from the air.
    if (any({C::bomb})) return ctx.air || military_actor(actors) ? kAir : kIed;
    // "Hamas fired thousands of rockets. One struck a building in Tel Aviv": the weapon told just before.
    if (const auto w = weapon_told_before(f)) {
      if (*w == Role::weapon_air) return kAir;
      if (*w == Role::weapon_shell) return kShell;
      if (*w == Role::weapon_explosive) return kIed;
    }
    if (any({C::raid}) && (ctx.air && !side_armed_on_ground(actors))) return kAir;
    if (any({C::strike, C::pound})) {
      if (ctx.air || !ctx.missiles) return kAir;
      return kShell;
    }
    if (any({C::explode, C::blast})) return kIed;
    if (any({C::hit})) return std::nullopt;  // only a weapon makes "hit" an attack
    if (any({C::abduct})) return kAbduction;
    if (any({C::massacre})) return kAttack;
    // "seized schoolgirls", "captured two aid workers": people taken are abducted.
    if (any({C::take}) && f.verbal && !f.passive && (is(f.object, Role::civilian) || is(f.object, Role::military_target)) &&
        !is(f.object, Role::territory) && !place_in(f.object) && people(f.object))
      return kAbduction;
    if (any({C::take, C::retake})) {
      // The state's forces regain; anyone else overtakes. A named group decides, else the words.
      const std::string who = actor_of(actors);
      const ArmedActor* named = who.empty() || who[0] == '@' ? nullptr : lex.actors.find(who);
      const bool state = named ? named->state() : (starts_with(who, "Military Forces") || who == kStateForces ||
                                                   (who.empty() && side_is(actors, Role::state_forces)));
      return any({C::retake}) || state ? kRegained : kTaken;
    }
    if (any({C::clash})) return kClash;
    if (any({C::riot})) return kRiot;
    if (any({C::protest})) return kProtest;
    if (any({C::attack, C::raid, C::storm, C::ambush, C::shoot, C::kill, C::harm, C::campaign})) {
      // ACLED: armed targets make a battle, civilians (or nobody armed) an attack.
      const bool armed_target = side_is(targets, Role::military_target) || side_armed(targets) ||
                                victims_are(evidence, Role::military_target) || victims_are(evidence, Role::armed) ||
                                (is_consequence(f.cls) && (is(f.passive ? f.subject : f.object, Role::military_target) ||
                                                           is(f.passive ? f.subject : f.object, Role::armed)));
      const bool civilian_target = side_is(targets, Role::civilian) || victims_are(evidence, Role::civilian);
      if (armed_target && !civilian_target) return kClash;
      return kAttack;
    }
    if (any({C::destroy})) return kDestruction;
    return std::nullopt;
  }

  static bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

  // Does a noun chunk name people (a plural or a person noun), not a place or thing?
  bool people(int c) const {
    if (c < 0) return false;
    const std::string& h = word(chunk(c).head);
    return one_of(h, {"schoolgirls", "girls", "boys", "children", "students", "pupils", "women", "men", "people",
                      "workers", "civilians", "villagers", "passengers", "hostages", "soldiers", "policemen",
                      "officers", "missionaries", "tourists", "journalists", "nurses", "doctors", "teachers",
                      "farmers", "residents", "members", "fishermen", "traders", "worshippers", "pilgrims",
                      "foreigners", "nationals", "employees", "staff", "guards", "troops"});
  }

  bool military_actor(const std::vector<int>& side) const {
    const std::string who = actor_of(side);
    if (who.rfind("Military Forces", 0) == 0 || who == kStateForces) return true;
    const ArmedActor* a = who.empty() || who[0] == '@' ? nullptr : lex.actors.find(who);
    return a && (a->kind == "state" || a->kind == "coalition");
  }

  // A hit whose subject only counts ("one", "others", "two of them") is
  // done by the weapon the sentence before fired.
  std::optional<Role> weapon_told_before(const Frame& f) const {
    if (!context_weapon || !(f.cls == C::hit || f.cls == C::strike || f.cls == C::explode) || f.subject < 0 || f.passive) return std::nullopt;
    const Chunk& s = chunk(f.subject);
    const std::string& h = word(s.head);
    const bool counting = v.parse.tags[s.head] == Pos::CD || v.parse.tags[s.head] == Pos::PRP ||
                          one_of(h, {"others", "some", "several", "many", "most", "rest", "one", "another"});
    if (!counting) return std::nullopt;
    return context_weapon;
  }

  // The weapon this sentence fires, for the next one to refer to.
  std::optional<Role> weapon_fired() const {
    for (const Role r : {Role::weapon_shell, Role::weapon_air, Role::weapon_explosive})
      for (size_t c = 0; c < v.parse.chunks.size(); ++c)
        if (chunk(static_cast<int>(c)).kind == ChunkKind::noun && has(static_cast<int>(c), r)) return r;
    return std::nullopt;
  }

  // Gunmen, militants, police: raiders on foot, whatever else the report says.
  bool side_armed_on_ground(const std::vector<int>& side) const {
    for (int c : side) {
      if (!is(c, Role::armed) || is(c, Role::weapon_air)) continue;
      const std::string& h = word(chunk(c).head);
      if (!one_of(h, {"forces", "force", "military", "coalition", "army"})) return true;
    }
    return false;
  }

  // Who died or was hurt, by the consequence frames: "killing five soldiers".
  bool victims_are(const std::vector<int>& evidence, Role r) const {
    for (int e : evidence) {
      const Frame& ef = frames[static_cast<size_t>(e)];
      if (!is_consequence(ef.cls)) continue;
      const int victim = ef.passive || ef.cls == C::die ? ef.subject : ef.object;
      if (is(victim, r)) return true;
    }
    return false;
  }

  // ---- is it political violence at all? -------------------------------------
  bool casualties(const Frame& f, const std::vector<int>& evidence) const {
    if (is_consequence(f.cls) && f.cls != C::destroy) return true;
    return std::any_of(evidence.begin(), evidence.end(), [&](int e) {
      const C c = frames[static_cast<size_t>(e)].cls;
      return c == C::kill || c == C::harm || c == C::die;
    });
  }

  bool self_anchored(const Frame& f) const {
    switch (f.cls) {
      case C::air: case C::shell: case C::explosive: case C::suicide: case C::grenade: case C::chemical:
      case C::massacre: case C::ambush: case C::protest: case C::riot: case C::abduct:
        return true;
      case C::clash: return !f.verbal;  // "heavy fighting", "clashes"; the verbs need fighters
      case C::bomb: return !f.verbal;   // "a bombing"
      default: return false;
    }
  }

  // The senses of war words that are not war: sport, labour, markets,
  // criticism, disasters and illness.
  bool other_sense(const Frame& f, const std::vector<int>& actors, const std::vector<int>& targets) const {
    const Clause& cl = v.parse.clauses[static_cast<size_t>(chunk(f.chunk).clause)];
    (void)cl;
    if (!f.verbal && (has(f.chunk, Role::disaster) || has(f.chunk, Role::abstract))) return true;  // "heart attack", "cyber attack"
    // "a barrage of supply worries", "an onslaught of criticism": no weapon, no place, nobody armed.
    if (!f.verbal && one_of(word(f.last), {"barrage", "barrages", "salvo", "salvoes", "bombardment", "onslaught", "blitz"}) &&
        f.chunk + 2 < static_cast<int>(v.parse.chunks.size()) && chunk(f.chunk + 1).kind == ChunkKind::prep &&
        word(chunk(f.chunk + 1).head) == "of") {
      const int what = f.chunk + 2;
      const bool weapon = has(what, Role::weapon_shell) || has(what, Role::weapon_air) || has(what, Role::weapon_explosive) ||
                          word(chunk(what).head) == "fire" || word(chunk(what).head) == "gunfire";
      if (!weapon && !place_in(what) && !is(what, Role::armed)) return true;
    }
    // "a gas cylinder exploded", "a fertilizer plant explosion": accidents.
    if ((f.cls == C::blast || f.cls == C::explode) && disaster_in_sentence() && !side_armed(actors)) return true;
    // "extending a rally" among prices and futures: a market's rally.
    if (f.cls == C::protest) {
      bool market = false;
      for (size_t k = 0; k < v.size(); ++k)
        if ((k < f.first || k > f.last) && lex.roles.ends_at(v.words, k, k, Role::market)) market = true;
      if (market && !lex.roles.any_in(v.words, 0, v.size() - 1, Role::civilian)) return true;
    }
    if (f.cls == C::strike || f.cls == C::attack || f.cls == C::protest) {
      if (f.cls == C::strike && lex.roles.any_in(v.words, 0, v.size() - 1, Role::labour)) return true;
      if (f.cls == C::strike && !f.verbal && (has(f.chunk, Role::labour) || word(chunk(f.chunk).first) == "general")) return true;
    }
    if (side_is(actors, Role::market) || side_is(actors, Role::disaster) || (ctx.sport >= 2 && side_is(actors, Role::sport)))
      return true;
    if ((f.cls == C::attack || f.cls == C::hit || f.cls == C::strike || f.cls == C::clash) &&
        (side_is(targets, Role::abstract) || side_is(targets, Role::sport)))
      return true;
    // A report about sport: its attacks and strikes are on goal.
    if (ctx.sport >= 3 && ctx.sport > 2 * ctx.weapons && !self_anchored(f)) return true;
    if (lex.roles.any_in(v.words, 0, v.size() - 1, Role::sport) && !self_anchored(f) &&
        !side_armed(actors) && ctx.weapons == 0)
      return true;
    return false;
  }

  bool anchored(const Frame& f, const std::vector<int>& evidence, const std::vector<int>& actors,
                const std::vector<int>& targets) const {
    if (self_anchored(f)) return true;
    // "The shooting occurred in Beitunia": an action told as having taken place there.
    if (!f.verbal && f.governor >= 0 && one_of(word(chunk(f.governor).head), {"occurred", "happened", "took", "unfolded", "erupted", "broke"}) &&
        f.cls != C::strike && f.cls != C::protest && frame_place(f, evidence).found())
      return true;
    for (int e : evidence)
      if (self_anchored(frames[static_cast<size_t>(e)])) return true;
    std::vector<int> carriers = actors;
    if (f.cls == C::shoot && !f.verbal) std::erase(carriers, f.chunk);  // "gunfire" is no weapon beside itself
    const bool weapon = side_has(carriers, Role::weapon_air) || side_has(carriers, Role::weapon_shell) ||
                        side_has(carriers, Role::weapon_explosive) || side_has(carriers, Role::weapon_gun) ||
                        side_has(carriers, Role::weapon_grenade) || side_has(carriers, Role::weapon_suicide);
    const bool armed = side_armed(actors);
    switch (f.cls) {
      case C::hit:
        return weapon || weapon_told_before(f).has_value();
      case C::explode: {  // "a bomb exploded", "militants detonated two bombs"
        std::vector<int> subject;
        add_with_of(subject, f.subject);
        if (side_has(subject, Role::weapon_explosive) || side_has(subject, Role::weapon_suicide)) return true;
      }
        return weapon || has(f.subject, Role::weapon_explosive) || has(f.object, Role::weapon_explosive) ||
               has(f.subject, Role::weapon_suicide) || has(f.object, Role::weapon_shell) || has(f.subject, Role::weapon_shell) ||
               has(f.object, Role::weapon_suicide) || (armed && f.object >= 0 && lex.roles.is(word(chunk(f.object).head), Role::weapon_explosive));
      case C::take: case C::retake: {
        bool territory = side_is(targets, Role::territory) || side_is(targets, Role::military_target);
        for (int c : targets) territory = territory || place_in(c);
        if (f.object >= 0) territory = territory || is(f.object, Role::territory) || place_in(f.object);
        // "recaptured the government complex in Ramadi": a named place of the action's own.
        const Where w = frame_place(f, evidence);
        territory = territory || (w.found() && w.rank <= 2);
        if (f.cls == C::take && people(f.object) && (armed || v.headline)) return true;  // an abduction
        return territory && (armed || f.cls == C::retake);
      }
      case C::kill: case C::harm:
        return armed || weapon || evidence.size() > 0;
      case C::raid:
        // Police raids are arrests, not attacks.
        if (side_is(actors, Role::police_forces) && !casualties(f, evidence)) return false;
        return ctx.air || armed || weapon || casualties(f, evidence);
      case C::destroy:
        return armed || weapon;
      default: {
        const bool damage = std::any_of(evidence.begin(), evidence.end(),
                                        [&](int e) { return frames[static_cast<size_t>(e)].cls == C::destroy; });
        return armed || weapon || casualties(f, evidence) || damage || side_is(targets, Role::military_target) ||
               weapon_told_before(f).has_value();
      }
    }
  }

  bool place_in(int c) const {
    if (c < 0) return false;
    for (size_t m : here)
      if (within_chunk(mentions[m], c) && !mentions[m].candidates.empty() && !mentions[m].demonym) return true;
    return false;
  }

  bool within_chunk(const Mention& m, int c) const {
    const Chunk& ch = chunk(c);
    return m.first_token >= v.token(ch.first) && m.last_token <= v.token(ch.last);
  }

  // ---- where -------------------------------------------------------------------
  // Can this mention be where an action happened? A country only when a
  // location word governs it ("in Syria"), not as a people or a side.
  bool locatable(const Mention& m, bool in_location_phrase = false) const {
    if (m.candidates.empty() || m.demonym || m.in_name || m.dateline) return false;
    if (m.first_token < v.s.first_token) return false;  // in a dateline cut off the sentence
    const Place p = gaz.place(m.candidates.front().entry);
    {  // "Tamil Tiger rebels", "Kabul police": a place naming an actor, not where it acted
      const int c = v.parse.chunk_of[m.last_token - v.s.first_token];
      const uint32_t head = chunk(c).head;
      if (head > m.last_token - v.s.first_token && lex.roles.ends_at(v.words, chunk(c).first, head, Role::armed)) return false;
    }
    const size_t after = m.last_token + 1 - v.s.first_token;
    const bool possessive = after + 1 < v.size() && word(after) == "'" && word(after + 1) == "s";
    if (possessive) {  // "Kabul's Paghman district" names a place; "Syria's president" does not
      size_t k = after + 2;
      while (k < v.size() && (v.parse.tags[k] == Pos::JJ || v.parse.tags[k] == Pos::NNP)) ++k;
      if (k >= v.size() || !lex.roles.is(word(k), Role::territory)) return false;
    }
    if (p.kind == PlaceKind::country || p.kind == PlaceKind::continent || p.kind == PlaceKind::region) {
      // "a U.S. patrol", "the Turkish consulate": a country before the noun it describes.
      const int c = v.parse.chunk_of[m.last_token - v.s.first_token];
      const uint32_t head = chunk(c).head;
      if (!possessive && head > m.last_token - v.s.first_token && is_noun(v.parse.tags[head])) return false;
    }
    if (p.kind == PlaceKind::country || p.kind == PlaceKind::continent || p.kind == PlaceKind::region)
      return in_location_phrase || m.cue == "in" || m.cue == "near" || m.cue == "across" || m.cue == "over" || m.cue == "into" ||
             m.cue == "throughout" || m.cue == "within" || m.cue == "inside" || m.cue == "of" || possessive;
    return true;
  }

  int specificity(const Mention& m) const {
    const PlaceKind k = gaz.place(m.candidates.front().entry).kind;
    return k == PlaceKind::city ? 0 : k == PlaceKind::admin2 ? 1 : k == PlaceKind::admin1 ? 2 : 3;
  }

  // A place a phrase names: a gazetteer mention, or a name the gazetteer
  // lacks, located by the known place around it ("Mogadishu's Wadajir
  // district", "the village of Tamthil in Homs province").
  struct PhrasePlace {
    const Mention* place = nullptr;  // the place itself, or the container of `name`
    std::optional<std::pair<uint32_t, uint32_t>> name;  // document tokens of a name the gazetteer lacks
    bool weak = false;  // a place naming a thing ("the Merdeka palace", "a Baghdad restaurant"), not named as a place
    std::vector<const Mention*> also;  // places coordinated with it: "the cities of Nyala and El Fasher"
    bool empty() const { return !place && !name; }
  };

  bool covered_by_mention(uint32_t doc_token) const {
    for (const Mention& m : mentions)
      if (m.first_token <= doc_token && doc_token <= m.last_token) return true;
    return false;
  }

  // The rightmost run of proper nouns in a chunk that no mention covers and
  // that is no person, organisation acronym or known non-place.
  std::optional<std::pair<uint32_t, uint32_t>> unresolved_name(int c) const {
    const Chunk& ch = chunk(c);
    std::optional<std::pair<uint32_t, uint32_t>> found;
    for (uint32_t k = ch.first; k <= ch.last;) {
      const Pos t = v.parse.tags[k];
      if ((t != Pos::NNP && t != Pos::NNPS) || covered_by_mention(v.token(k)) || !seg.tokens[v.token(k)].capitalized) { ++k; continue; }
      uint32_t e = k;
      while (e + 1 <= ch.last && (v.parse.tags[e + 1] == Pos::NNP || v.parse.tags[e + 1] == Pos::NNPS) &&
             !covered_by_mention(v.token(e + 1)))
        ++e;
      const std::string text = doc.text.substr(seg.tokens[v.token(k)].start, seg.tokens[v.token(e)].end - seg.tokens[v.token(k)].start);
      const bool acronym = k == e && seg.tokens[v.token(k)].all_caps && text.size() <= 5;
      const bool person = lex.given_names.count(std::string(token_text(doc.text, seg.tokens[v.token(k)]))) > 0;
      const bool month_or_day = weekday_from_name(text) >= 0 || month_from_name(text) > 0;
      if (!acronym && !person && !month_or_day && !lex.not_places.count(fold_name(text)) && text.size() >= 3)
        found = std::make_pair(v.token(k), v.token(e));
      k = e + 1;
    }
    return found;
  }

  bool subplace_noun(uint32_t k) const {
    return one_of(word(k), {"district", "districts", "neighbourhood", "neighborhood", "neighbourhoods", "quarter",
                            "suburb", "suburbs", "village", "villages", "town", "towns", "city", "cities", "area", "areas",
                            "provinces", "regions", "states",
                            "province", "region", "county", "sector", "sectors", "camp", "outskirts", "locality",
                            "municipality", "commune", "governorate", "state", "division", "settlement", "port",
                            "capital", "countryside", "countrysides", "island", "valley", "zone", "block"});
  }

  // The places a phrase names, with its "of" chain and apposition:
  // "the Y district of X", "X, in Y province", "the port city of X".
  PhrasePlace place_of_phrase(int c, bool location_phrase = false) const {
    PhrasePlace out;
    if (c < 0 || chunk(c).kind != ChunkKind::noun) return out;
    std::vector<int> parts = {c};
    const int n = static_cast<int>(v.parse.chunks.size());
    for (int j = c + 1; j + 1 < n;) {
      const Chunk& x = chunk(j);
      const bool next_noun = chunk(j + 1).kind == ChunkKind::noun;
      if (x.kind == ChunkKind::prep && word(x.head) == "of" && next_noun) {
        parts.push_back(j + 1);
        j += 2;
        continue;
      }
      // "Hajin, Deir ez-Zor province"; "Bayaa, a neighbourhood in western Baghdad".
      if (x.kind == ChunkKind::punct && word(x.head) == "," && next_noun &&
          (place_in(j + 1) || subplace_noun(chunk(j + 1).head))) {
        parts.push_back(j + 1);
        j += 2;
        if (j + 1 < n && chunk(j).kind == ChunkKind::prep && one_of(word(chunk(j).head), {"in", "of", "near"}) &&
            chunk(j + 1).kind == ChunkKind::noun) {
          parts.push_back(j + 1);
          j += 2;
        }
        continue;
      }
      break;
    }
    // The most specific named place comes first in the chain, nearest the
    // head of its chunk; what follows (or possesses it) contains it.
    const Mention* container = nullptr;
    bool have_specific = false;
    for (size_t i = 0; i < parts.size(); ++i) {
      const int part = parts[i];
      // "the Baghdad neighbourhood of X" (a common noun): X is the place; "Sangcharak District of Y" is itself one.
      const bool modifies_of = i + 1 < parts.size() && subplace_noun(chunk(part).head) &&
                               chunk(part + 1).kind == ChunkKind::prep && !seg.tokens[v.token(chunk(part).head)].capitalized;
      const Mention* resolved = nullptr;
      for (size_t m : here) {
        const Mention& mm = mentions[m];
        if (!within_chunk(mm, part) || !locatable(mm, location_phrase || i > 0)) continue;
        if (!resolved || mm.last_token > resolved->last_token) resolved = &mm;
      }
      const auto name = location_phrase || i > 0 || subplace_noun(chunk(part).head) ? unresolved_name(part) : std::nullopt;
      const bool name_nearer = name && (!resolved || name->first > resolved->last_token);
      if (!have_specific && !modifies_of) {
        if (name_nearer) {
          out.name = name;
          have_specific = true;
          if (resolved) container = resolved;
          continue;
        }
        if (resolved) {
          out.place = resolved;
          have_specific = true;
          // Named as the place itself ("Mardan", "Farah city"), or as what a thing is of?
          const uint32_t head = chunk(part).head;
          const uint32_t last = resolved->last_token - v.s.first_token;
          out.weak = head > last && !subplace_noun(head) && is_noun(v.parse.tags[head]);
          continue;
        }
      } else if (resolved && !container) {
        container = resolved;
      }
      if (modifies_of && resolved && !container) container = resolved;
    }
    if (out.name) out.place = container;
    if (!out.place && !out.name) {
      // Nothing more specific: a container alone ("the Baghdad neighbourhood of ..." with nothing after).
      out.place = container;
    }
    for (int part : parts)  // "a district of Burundi's capital": the capital the phrase names
      if (out.empty() && word(chunk(part).head) == "capital") out.place = capital_named(part);
    if (out.place && !out.name) out.also = coordinated_places(*out.place);
    return out;
  }

  // "Nyala and El Fasher", "Anadan, Huraytan and Kafar Hamra": the towns
  // coordinated with a place, each where the action happened too.
  std::vector<const Mention*> coordinated_places(const Mention& first) const {
    std::vector<const Mention*> out;
    if (first.last_token < v.s.first_token) return out;
    const int n = static_cast<int>(v.parse.chunks.size());
    int c = v.parse.chunk_of[first.last_token - v.s.first_token];
    if (chunk(c).last + v.s.first_token != first.last_token) return out;  // the place must end its chunk
    const PlaceKind kind = gaz.place(first.candidates.front().entry).kind;
    while (c + 2 < n) {
      const Chunk& sep = chunk(c + 1);
      const bool comma = sep.kind == ChunkKind::punct && word(sep.head) == ",";
      const bool conj = sep.kind == ChunkKind::conj && word(sep.head) == "and";
      if (!comma && !conj) break;
      int next = c + 2;
      if (comma && chunk(next).kind == ChunkKind::conj && next + 1 < n) ++next;  // ", and"
      if (chunk(next).kind != ChunkKind::noun) break;
      const Mention* m = nullptr;
      for (size_t k : here)
        if (within_chunk(mentions[k], next) && locatable(mentions[k], true) &&
            mentions[k].last_token == v.token(chunk(next).last))
          m = &mentions[k];
      if (!m || gaz.place(m->candidates.front().entry).kind != kind) break;
      out.push_back(m);
      c = next;
      if (conj || chunk(c - 1).kind == ChunkKind::conj) break;  // "and" closes the list
    }
    return out;
  }

  // "the Somali capital", "Mali's capital", "the capital": the capital of the
  // country the phrase (or else the report) names.
  const Mention* capital_named(int c) const {
    const Chunk& ch = chunk(c);
    std::optional<Place> country;
    for (size_t m : here) {
      const Mention& mm = mentions[m];
      if (!within_chunk(mm, c) || mm.candidates.empty()) continue;
      const Place p = gaz.place(mm.candidates.front().entry);
      if (p.kind == PlaceKind::country) country = p;
    }
    if (!country) country = focus_country;
    if (!country) return nullptr;
    const std::optional<Place> capital = gaz.capital(country->country_code);
    if (!capital) return nullptr;
    Mention m;
    m.start = seg.tokens[v.token(ch.first)].start;
    m.end = seg.tokens[v.token(ch.last)].end;
    m.text = doc.text.substr(m.start, m.end - m.start);
    m.sentence = v.index;
    m.first_token = v.token(ch.first);
    m.last_token = v.token(ch.last);
    m.candidates.push_back({capital->index, 10.0});
    synthetic.push_back(std::move(m));
    return &synthetic.back();
  }

  static bool location_prep(std::string_view p) {
    return one_of(p, {"in", "at", "near", "outside", "on", "across", "around", "throughout", "inside", "into",
                      "over", "along", "off", "within", "toward", "towards", "onto", "through",
                      "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                      "beside", "behind", "upon", "against", "targeting", "outside", "from"});
  }

  struct Where {
    PhrasePlace at;
    int rank = 99;  // how directly the sentence ties it to the action
    bool found() const { return !at.empty(); }
  };

  int where_specificity(const Where& w) const {
    if (w.at.name) return 0;
    return specificity(*w.at.place) >= 3 ? 1 : 0;  // a country yields to any place inside it
  }

  std::string_view where_country(const Where& w) const {
    return w.at.place ? gaz.place(w.at.place->candidates.front().entry).country_code : std::string_view();
  }

  // A location phrase that hangs from another noun than the action:
  // "protested against the air offensive in Gaza", "the killings of Armenians".
  bool nested_in_other(const Parse::PrepPhrase& pp, const Frame& f) const {
    const int before = pp.prep - 1;
    if (before < 1 || chunk(before).kind != ChunkKind::noun || before == f.chunk) return false;
    if (chunk(before - 1).kind == ChunkKind::prep &&
        one_of(word(chunk(before - 1).head), {"against", "about", "over", "for", "despite", "amid", "after", "following", "since"}))
      return true;
    for (const Frame& o : frames)
      if (&o != &f && !o.verbal && o.chunk == before && o.host != static_cast<int>(&f - frames.data())) return true;
    return false;
  }

  Where frame_place(const Frame& f, const std::vector<int>& evidence) const {
    auto from_preps = [&](const Frame& x, Parse::PrepPhrase::Where where) -> PhrasePlace {
      PhrasePlace weak;  // "outside the Merdeka palace in Jakarta": the city after the palace
      for (const auto& pp : x.preps) {
        if (pp.where != where || pp.object < 0) continue;
        const std::string& prep = word(chunk(pp.prep).head);
        // "fired from X": the origin; "of X" is a place only after a noun ("the shelling of Aleppo").
        // "of X" after the action: "the shelling of Aleppo", "took control of Gao".
        if ((!location_prep(prep) && prep != "of") || (prep == "from" && x.cls != C::protest)) continue;
        if (where == Parse::PrepPhrase::after && nested_in_other(pp, x)) continue;
        PhrasePlace at = place_of_phrase(pp.object, true);
        if (at.empty()) continue;
        // "on Hari Singh High Street in central Srinagar": a name the gazetteer
        // lacks, inside the known place of the next phrase.
        if (at.name && !at.place) {
          for (const auto& later : x.preps) {
            if (later.where != where || later.prep <= pp.prep || later.object < 0 || !location_prep(word(chunk(later.prep).head)))
              continue;
            const PhrasePlace container = place_of_phrase(later.object, true);
            if (container.place && !container.name) {
              at.place = container.place;
              break;
            }
          }
        }
        if (!at.weak) return at;
        if (weak.empty()) weak = at;
      }
      return weak;
    };
    // The action's own phrases, what it hit, its evidence's phrases and the
    // relative clauses of its words: the best tied place, or a more specific
    // one inside the same country ("air strikes in Syria, hitting positions
    // near Homs" is near Homs).
    std::vector<Where> own;
    auto add = [&](PhrasePlace at, int rank) {
      if (!at.empty()) own.push_back({at, rank});
    };
    add(from_preps(f, Parse::PrepPhrase::after), 0);
    if (f.verbal) {
      const int what = f.passive ? f.subject : f.object;
      if (f.cls != C::light && f.cls != C::kill && f.cls != C::harm) add(place_of_phrase(what), 1);
    } else {
      add(place_of_phrase(f.chunk), 1);  // "the Kabul attack"
    }
    std::vector<int> words_of_action = {f.chunk, f.object, f.agent};
    for (int e : evidence) {
      const Frame& ef = frames[static_cast<size_t>(e)];
      add(from_preps(ef, Parse::PrepPhrase::after), 2);
      if (ef.verbal && !is_consequence(ef.cls)) add(place_of_phrase(ef.passive ? ef.subject : ef.object), 2);
      words_of_action.push_back(ef.chunk);
    }
    // "a suicide bomber ... that targeted a checkpoint in Adhaim".
    for (size_t cl = 1; cl < v.parse.clauses.size(); ++cl) {
      const Clause& clause = v.parse.clauses[cl];
      if (clause.kind != ClauseKind::relative || clause.antecedent < 0) continue;
      if (std::find(words_of_action.begin(), words_of_action.end(), clause.antecedent) == words_of_action.end()) continue;
      for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
        if (chunk(static_cast<int>(c)).clause != static_cast<int>(cl) || chunk(static_cast<int>(c)).kind != ChunkKind::verb) continue;
        for (const auto& pp : v.parse.preps_of(static_cast<int>(c))) {
          if (pp.where != Parse::PrepPhrase::after || pp.object < 0 || !location_prep(word(chunk(pp.prep).head))) continue;
          add(place_of_phrase(pp.object, true), 2);
        }
      }
    }
    if (!own.empty()) {
      auto best = std::min_element(own.begin(), own.end(), [](const Where& a, const Where& b) { return a.rank < b.rank; });
      for (const Where& w : own)  // something more specific in the same country
        if (where_specificity(w) < where_specificity(*best) && (!w.at.place || where_country(w) == where_country(*best)))
          best = std::find_if(own.begin(), own.end(), [&](const Where& x) { return &x == &w; });
      return *best;
    }
    if (PhrasePlace at = from_preps(f, Parse::PrepPhrase::fronted); !at.empty()) return {at, 3};
    // A dependent clause's action happens where its main clause's does.
    const int clause = chunk(f.chunk).clause;
    const int parent = v.parse.clauses[static_cast<size_t>(clause)].parent;
    for (size_t c = 0; c < v.parse.chunks.size() && parent >= 0; ++c) {  // "was patrolling a road at X, when ..."
      if (chunk(static_cast<int>(c)).kind != ChunkKind::verb || chunk(static_cast<int>(c)).clause != parent) continue;
      Frame o;
      o.verbal = true;
      o.chunk = static_cast<int>(c);
      o.preps = v.parse.preps_of(static_cast<int>(c));
      if (PhrasePlace at = from_preps(o, Parse::PrepPhrase::after); !at.empty()) return {at, 4};
      if (PhrasePlace at = from_preps(o, Parse::PrepPhrase::fronted); !at.empty()) return {at, 4};
    }
    if (PhrasePlace at = from_preps(f, Parse::PrepPhrase::inner); !at.empty()) return {at, 5};
    // Fronted phrases of the sentence's first clause: "In Mosul, ... and gunmen ...".
    for (size_t c = 0; c < v.parse.chunks.size() && chunk(static_cast<int>(c)).clause == 0; ++c) {
      const Chunk& x = chunk(static_cast<int>(c));
      if (x.kind == ChunkKind::verb) break;
      if (x.kind == ChunkKind::prep && location_prep(word(x.head)))
        if (PhrasePlace at = place_of_phrase(v.parse.object_of_prep(static_cast<int>(c)), true); !at.empty()) return {at, 5};
    }
    // Last: a place in a location phrase anywhere in the sentence, nearest the trigger.
    const Mention* near = nullptr;
    size_t best = SIZE_MAX;
    for (size_t m : here) {
      const Mention& mm = mentions[m];
      if (!locatable(mm, in_location_phrase(mm))) continue;
      if (!in_location_phrase(mm) && (mm.cue.empty() || !location_prep(first_word(mm.cue)))) continue;
      const size_t t = v.token(f.first);
      const size_t d = mm.first_token > t ? mm.first_token - t : t - mm.first_token;
      if (d < best) { best = d; near = &mm; }
    }
    if (near) return {{near, std::nullopt}, 6};
    for (size_t m : here)  // any place of the sentence that is not a people or a name
      if (locatable(mentions[m]) && gaz.place(mentions[m].candidates.front().entry).kind != PlaceKind::country)
        return {{&mentions[m], std::nullopt}, 7};
    return {};
  }

  // Is the mention inside the object of a location preposition?
  bool in_location_phrase(const Mention& m) const {
    const int c = v.parse.chunk_of[m.first_token - v.s.first_token];
    for (int j = c; j-- > 0;) {
      const Chunk& x = chunk(j);
      if (x.kind == ChunkKind::prep) return location_prep(word(x.head)) && word(x.head) != "from";
      if (x.kind != ChunkKind::adverb && x.kind != ChunkKind::adjective) return false;
    }
    return false;
  }

  static std::string_view first_word(std::string_view cue) { return cue.substr(0, cue.find(' ')); }

  // "hundreds of members", "thousands": a count over a campaign.
  bool aggregate(int c) const {
    if (c < 0) return false;
    for (uint32_t k = chunk(c).first; k <= chunk(c).last; ++k)
      if (one_of(word(k), {"hundreds", "thousands", "tens", "scores", "dozens", "millions"})) return true;
    const auto n = count_in(c);
    return n && *n >= 100;
  }

  bool progressive(const Frame& f) const {
    const Chunk& c = chunk(f.chunk);
    for (uint32_t k = c.first; k < c.head; ++k)
      if (word(k) == "been") return v.parse.tags[c.head] == Pos::VBG;
    return false;
  }

  // "the attack", "Saturday's bombing", "the deadliest attack": an action
  // already told, when the sentence gives it no place of its own.
  bool definite_reference(const Frame& f, const Where& where) const {
    if (f.verbal) return false;
    const Chunk& c = chunk(f.chunk);
    for (uint32_t k = c.first; k < f.first; ++k)
      if (v.parse.tags[k] == Pos::JJS && word(k) != "latest") return true;  // "the deadliest attack"
    if (where.found() && where.rank <= 2) return false;
    const std::string& det = word(c.first);
    const bool possessive = c.first + 2 <= f.first && word(c.first + 1) == "'";
    return one_of(det, {"the", "this", "that", "these", "those"}) || possessive;
  }

  // A disaster word that is no name ("a storm", not "the Storm Corps").
  bool disaster_in_sentence() const {
    for (size_t k = 0; k < v.size(); ++k)
      if (v.parse.tags[k] != Pos::NNP && v.parse.tags[k] != Pos::NNPS && lex.roles.ends_at(v.words, 0, k, Role::disaster)) return true;
    return false;
  }

  bool where_in_sentence(const Frame& f) const {
    const std::vector<int> evidence;
    return frame_place(f, evidence).found();
  }

  // ---- when ---------------------------------------------------------------------
  const DateCue* frame_date(const Frame& f) const {
    if (const DateCue* c = frame_date(f, false)) return c;
    return frame_date(f, true);  // "the RSF said on Saturday that its forces had taken the airport"
  }

  const DateCue* frame_date(const Frame& f, bool telling) const {
    const int clause = chunk(f.chunk).clause;
    const DateCue* best = nullptr;
    int best_rank = 99;
    size_t best_d = SIZE_MAX;
    for (const DateCue& c : cues) {
      if (c.reporting != telling) continue;
      // The telling dates the action only as "X said on Saturday that ...", before it.
      if (telling && c.first_token > v.token(f.first)) continue;
      // "Friday's attacks": a date inside another action's words is that action's.
      const int cue_chunk = v.parse.chunk_of[c.first_token - v.s.first_token];
      bool others = false;
      for (const Frame& o : frames)
        if (&o != &f && o.chunk == cue_chunk && o.host != static_cast<int>(&f - frames.data())) others = true;
      if (others) continue;
      const int cc = chunk(v.parse.chunk_of[c.first_token - v.s.first_token]).clause;
      int rank = cc == clause ? 0 : cc == v.parse.clauses[static_cast<size_t>(clause)].parent ? 1 : 2;
      if (cc != clause && v.parse.clauses[static_cast<size_t>(cc)].parent == clause) rank = 1;
      const size_t t = v.token(f.first);
      const size_t d = c.first_token > t ? c.first_token - t : t - c.first_token;
      if (rank < best_rank || (rank == best_rank && d < best_d)) { best = &c; best_rank = rank; best_d = d; }
    }
    return best;
  }

  // ---- numbers --------------------------------------------------------------------
  std::optional<long> count_in(int c) const {
    if (c < 0) return std::nullopt;
    const Chunk& ch = chunk(c);
    for (uint32_t k = ch.first; k <= ch.last; ++k)
      if (auto n = parse_count(v.words, k)) return n;
    // "at least 20 people": the count is a chunk on its own after "at least".
    return std::nullopt;
  }

  std::optional<long> count_near(uint32_t first, uint32_t last) const {
    for (uint32_t k = last + 1; k < std::min<size_t>(v.size(), last + 6); ++k) {
      if (word(k) == "," || word(k) == ";" || word(k) == "and") break;
      if (auto n = parse_count(v.words, k)) return n;
    }
    for (uint32_t k = first; k-- > (first > 6 ? first - 6 : 0);) {
      if (word(k) == "," || word(k) == ";") break;
      if (auto n = parse_count(v.words, k)) return n;
    }
    return std::nullopt;
  }

  void numbers(Event& e, const Frame& f, const std::vector<int>& evidence) const {
    std::vector<const Frame*> all = {&f};
    for (int x : evidence) all.push_back(&frames[static_cast<size_t>(x)]);
    for (const Frame* x : all) {
      if (x->cls != C::kill && x->cls != C::die && x->cls != C::harm) continue;
      std::optional<long> n = count_near(x->first, x->last);
      if (!n) n = count_in(x->passive || x->cls == C::die ? x->subject : x->object);
      if (!n) continue;
      if (x->cls == C::harm) {
        e.quantities["wounded"] = std::max(e.quantities["wounded"], *n);
      } else if (!e.fatalities || *n < *e.fatalities) {
        e.fatalities = static_cast<int>(std::min<long>(*n, 1'000'000));
      }
    }
    // Quantities named beside the action: "12 warplanes", "20 bombs", "116 fuel trucks".
    static const std::set<std::string, std::less<>> aircraft = {"warplanes", "aircraft", "jets", "planes", "fighters", "bombers", "drones", "helicopters"};
    static const std::set<std::string, std::less<>> munitions = {"bombs", "missiles", "rockets", "munitions", "shells", "mortars", "drones"};
    static const std::set<std::string, std::less<>> blasts = {"explosions", "blasts"};
    static const std::set<std::string, std::less<>> vehicles = {"trucks", "tankers", "vehicles", "lorries"};
    for (size_t k = 1; k < v.size(); ++k) {
      const std::string& w = word(k);
      const char* key = aircraft.count(w) ? "aircraft" : munitions.count(w) ? "munitions" : blasts.count(w) ? "explosions"
                        : vehicles.count(w) ? "vehicles_destroyed" : nullptr;
      if (!key) continue;
      for (size_t j = k; j-- > (k > 4 ? k - 4 : 0);)
        if (auto n = parse_count(v.words, j)) { e.quantities[key] = std::max(e.quantities[key], *n); break; }
    }
    for (const auto& t : lex.targets) {
      for (size_t k = 0; k + t.size() <= v.size(); ++k) {
        if (!std::equal(t.begin(), t.end(), v.words.begin() + static_cast<long>(k))) continue;
        std::string name;
        for (const auto& w : t) name += (name.empty() ? "" : " ") + w;
        const bool covered = std::any_of(e.targets.begin(), e.targets.end(), [&](const std::string& x) { return x.find(name) != std::string::npos; });
        if (!covered) e.targets.push_back(name);
      }
    }
  }

  // Campaign context rather than a reported action: "is a regular target",
  // "has been carrying out strikes", "which were launched on September 30".
  bool is_background() const {
    for (size_t k = 0; k < v.size(); ++k) {
      const std::string& a = word(k);
      if (one_of(a, {"regularly", "regular", "routinely", "repeatedly"})) return true;
      if (k + 2 < v.size() && (a == "has" || a == "have") && word(k + 1) == "been" && word(k + 2).size() > 3 &&
          word(k + 2).compare(word(k + 2).size() - 3, 3, "ing") == 0)
        return true;
      if (k + 1 < v.size() && (a == "were" || a == "was") && one_of(word(k + 1), {"launched", "begun", "started"})) return true;
    }
    return false;
  }

  void fill_place(Event& e, const Mention& m) const {
    const Place p = gaz.place(m.candidates.front().entry);
    e.location = p.name;
    e.admin1 = p.admin1;
    e.country_code = p.country_code;
    if (auto c = gaz.country(p.country_code)) e.country = c->name;
    if (p.geonameid) e.geonameid = p.geonameid;
    e.point = p.point;
    e.location_start = m.start;
    e.location_end = m.end;
    const bool relative = m.cue == "near" || m.cue == "outside" || m.cue.find("outskirts") != std::string::npos ||
                          m.cue == "close to" || m.cue == "around" ||
                          (m.cue.find(" of") != std::string::npos &&
                           (m.cue.rfind("north", 0) == 0 || m.cue.rfind("south", 0) == 0 || m.cue.rfind("east", 0) == 0 ||
                            m.cue.rfind("west", 0) == 0));
    if (relative) e.geo_relation = m.cue;
    // "Kabul's Paghman district": the city stands for a part of it.
    const size_t after = m.last_token + 1 - v.s.first_token;
    const bool part_of = after + 1 < v.size() && word(after) == "'" && word(after + 1) == "s";
    switch (p.kind) {
      case PlaceKind::city: e.geo_precision = relative || part_of ? 2 : 1; break;
      case PlaceKind::admin2: e.geo_precision = 2; break;
      default: e.geo_precision = 3;
    }
  }

  // SITMAP_DEBUG_EVENTS=1: why each frame did or did not become an event, on stderr.
  void explain(const Frame& f, std::string_view what) const {
    static const bool on = std::getenv("SITMAP_DEBUG_EVENTS") != nullptr;
    if (!on) return;
    const std::string trig = doc.text.substr(seg.tokens[v.token(f.first)].start,
                                             seg.tokens[v.token(f.last)].end - seg.tokens[v.token(f.first)].start);
    std::fprintf(stderr, "[%s s%u] %s (%s%s): %.*s\n", doc.id.c_str(), v.index, trig.c_str(),
                 std::string(event_class_name(f.cls)).c_str(), f.verbal ? ",v" : ",n", static_cast<int>(what.size()), what.data());
  }

  // ---- the sentence's events ---------------------------------------------------------
  std::vector<Event> read(std::vector<Standing>& merge_only) {
    std::vector<Event> out;
    const bool background = is_background();
    for (size_t i = 0; i < frames.size(); ++i) {
      const Frame& f = frames[i];
      if (f.host >= 0) { explain(f, "evidence of " + std::to_string(f.host)); continue; }
      // "fired rockets", or "shells fired by the rebels": the verb of a weapon.
      const int projectile = f.object >= 0 ? f.object : (f.passive && f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::noun ? f.chunk - 1 : -1);
      std::vector<int> fired;  // "fired thousands of rockets"
      add_with_of(fired, projectile);
      const bool fired_weapon = f.cls == C::light && (side_has(fired, Role::weapon_air) || side_has(fired, Role::weapon_shell) ||
                                                      side_has(fired, Role::weapon_explosive) || side_has(fired, Role::weapon_chemical));
      if ((f.cls == C::light && !fired_weapon) || f.cls == C::withdraw || f.cls == C::die) { explain(f, "not an action alone"); continue; }
      if (f.cls == C::protest && is_target_of_other(i)) { explain(f, "the target of another action"); continue; }
      if (f.cls == C::campaign && !launched(i)) { explain(f, "a campaign, not an action"); continue; }
      if (f.modality == Modality::negated || f.modality == Modality::hypothetical || f.modality == Modality::denied) {
        explain(f, f.modality == Modality::negated ? "negated" : f.modality == Modality::denied ? "denied" : "hypothetical");
        continue;
      }
      const std::vector<int> evidence = evidence_of(i);
      const std::vector<int> actors = actor_side(f);
      std::vector<int> targets = target_side(f);
      for (int e : evidence)  // "the raids destroyed tactical units"
        if (is_consequence(frames[static_cast<size_t>(e)].cls)) {
          const std::vector<int> more = target_side(frames[static_cast<size_t>(e)]);
          targets.insert(targets.end(), more.begin(), more.end());
        }
      if (other_sense(f, actors, targets)) { explain(f, "another sense"); continue; }
      // A reference only adds to an event told elsewhere, so it needs no anchor of its own.
      bool as_evidence = false;  // "At least seven people were killed": numbers for the action told before
      if (f.modality != Modality::reference && !anchored(f, evidence, actors, targets)) {
        if (!(f.cls == C::kill || f.cls == C::harm) || disaster_in_sentence()) {
          explain(f, "no weapon, armed actor or casualties");
          continue;
        }
        as_evidence = true;
      }
      // "separatists, who had fought each other for Aden": backstory told of an actor.
      if (f.verbal && chunk(f.chunk).perfect && word(chunk(f.chunk).first) == "had" &&
          v.parse.clauses[static_cast<size_t>(chunk(f.chunk).clause)].kind == ClauseKind::relative && !frame_date(f)) {
        explain(f, "backstory");
        continue;
      }
      // "The coalition has killed hundreds", "had been fighting": a running
      // total or the scene, not one action.
      if (f.verbal && chunk(f.chunk).perfect && !frame_date(f) &&
          ((word(chunk(f.chunk).first) != "had" && is_consequence(f.cls) && aggregate(f.passive ? f.subject : f.object)) ||
           progressive(f))) {
        explain(f, "a running total");
        continue;
      }
      const std::optional<Typed> type = classify(f, evidence, actors, targets);
      if (!type) { explain(f, "no type"); continue; }
      explain(f, type->sub_event_type);
      const Where where = frame_place(f, evidence);
      Event e;
      e.event_type = type->event_type;
      e.sub_event_type = type->sub_event_type;
      e.document_id = doc.id;
      e.start = v.s.start;
      e.end = v.s.end;
      e.sentence = doc.text.substr(v.s.start, v.s.end - v.s.start);
      e.trigger_start = seg.tokens[v.token(f.first)].start;
      e.trigger_end = seg.tokens[v.token(f.last)].end;
      e.trigger = doc.text.substr(e.trigger_start, e.trigger_end - e.trigger_start);
      if (const DateCue* c = frame_date(f)) {
        e.when = c->span;
        e.background = c->since;
        if (!c->since) dated = c->span;
      } else if (context_date) {
        e.when = *context_date;  // the narrative's day goes on: "Bodies lay in the streets"
      }
      // Told as history: more than a month before the report.
      const bool old = e.when.date && doc.published && days_from_civil(*e.when.date) + 31 < days_from_civil(*doc.published);
      e.background = e.background || background || old;
      e.actor1 = actor_of(actors);
      const std::string victim = actor_of(targets);
      if (victim != e.actor1) e.actor2 = victim;
      numbers(e, f, evidence);
      const bool reference = v.headline || f.modality == Modality::reference || definite_reference(f, where) || as_evidence;
      // Where: the sentence's place; a name the gazetteer lacks, at the place
      // around it; else the report's place so far; else its country.
      const Mention* container = where.at.place ? where.at.place : context_place;
      if (where.at.place && !where.at.name) {
        fill_place(e, *where.at.place);
        const double tie = where.rank <= 1 ? 1.0 : where.rank <= 4 ? 0.7 : 0.4;
        e.confidence = 0.4 * resolution_confidence(*where.at.place) + 0.3 * tie + 0.3 * (e.actor1.empty() ? 0.5 : 1.0);
        if (!reference) placed = where.at.place;
      } else if (container) {
        fill_place(e, *container);
        e.location_start.reset();  // from the report's context, not this sentence
        e.location_end.reset();
        if (!reference && !where.at.name) placed = container;  // the story stays there
        e.confidence = 0.3 * resolution_confidence(*container) + 0.1 + 0.3 * (e.actor1.empty() ? 0.5 : 1.0);
      } else if (focus_country) {
        // Only the country is known ("a Kenyan border town"): precision 3.
        e.location = focus_country->name;
        e.country = focus_country->name;
        e.country_code = focus_country->country_code;
        if (focus_country->geonameid) e.geonameid = focus_country->geonameid;
        e.point = focus_country->point;
        e.geo_precision = 3;
        e.confidence = 0.2 + 0.2 * (e.actor1.empty() ? 0.0 : 1.0);
      } else {
        explain(f, "no place");
        e.actor1 = named_actor(e.actor1, e);
        e.actor2 = named_actor(e.actor2, e);
        e.geo_precision = 4;  // no place of its own: it can only add to an event that has one
        merge_only.push_back(Standing::reference);
        out.push_back(std::move(e));
        continue;
      }
      if (where.at.name) {
        // The place the sentence names, which the gazetteer lacks: its words, the coordinates of what contains it.
        const auto [first, last] = *where.at.name;
        e.location_start = seg.tokens[first].start;
        e.location_end = seg.tokens[last].end;
        e.location = doc.text.substr(*e.location_start, *e.location_end - *e.location_start);
        e.geonameid.reset();
        e.geo_precision = std::max(e.geo_precision, 2);
        e.geo_relation = "part of";
        e.confidence = std::min(e.confidence, 0.5);
      }
      e.actor1 = named_actor(e.actor1, e);
      e.actor2 = named_actor(e.actor2, e);
      if (e.actor2 == e.actor1) e.actor2.clear();
      // "39 people were killed in the village of Malisevo": an action of its
      // own unless the report tells it otherwise.
      const bool weak = as_evidence && e.location_start && where.rank <= 2 && e.fatalities && !v.headline &&
                        f.modality != Modality::reference;
      const Standing standing = weak ? Standing::weak : reference ? Standing::reference : Standing::event;
      if (where.at.place && !where.at.name && e.location_start)
        for (const Mention* other : where.at.also) {  // one event per town of a list
          Event copy = e;
          fill_place(copy, *other);
          merge_only.push_back(standing);
          out.push_back(std::move(copy));
        }
      merge_only.push_back(standing);
      out.push_back(std::move(e));
    }
    return out;
  }
};

// One action told twice: the same sub-type, or an explosion of unknown
// kind and the strike, shelling or bombing that caused it.
bool same_kind(const Event& a, const Event& b) {
  if (a.event_type != b.event_type) return false;
  if (a.sub_event_type == b.sub_event_type) return true;
  // A country-wide summary ("missiles fired at targets in Syria") folds into the specific action.
  if ((a.geo_precision == 3 && a.location == a.country) || (b.geo_precision == 3 && b.location == b.country)) return true;
  return a.event_type == "Explosions/Remote violence" &&
         (a.sub_event_type == "Remote explosive/landmine/IED" || b.sub_event_type == "Remote explosive/landmine/IED");
}

bool same_place(const Event& a, const Event& b) {
  if (a.country_code != b.country_code) return false;
  if (haversine_km(a.point, b.point) <= 30) return true;
  // A country- or province-level mention covers the specific places in it.
  if (a.geo_precision == 3 || b.geo_precision == 3) {
    const Event& wide = a.geo_precision == 3 ? a : b;
    const Event& narrow = a.geo_precision == 3 ? b : a;
    return wide.location == wide.country || wide.admin1 == narrow.admin1 || wide.location == narrow.admin1;
  }
  return false;
}

bool dates_agree(const Event& a, const Event& b) {
  if (!a.when.date || !b.when.date) return true;
  return *a.when.date == *b.when.date;
}

// Two tellings of one incident may name its sides differently ("attackers",
// "police"); only two different named actors keep them apart.
bool actors_agree(const Event& a, const Event& b) {
  auto loose = [](const std::string& x) {
    return x.empty() || x.rfind("Unidentified", 0) == 0 || x.rfind("Police Forces", 0) == 0;
  };
  if (loose(a.actor1) || loose(b.actor1) || a.actor1 == b.actor1) return true;
  if (a.actor1 == b.actor2 || b.actor1 == a.actor2) return true;  // one side's counter-action
  return a.geo_precision == 3 || b.geo_precision == 3;
}

// Folds `from` into `into`, keeping the more specific place and the
// stronger evidence's provenance.
void merge(Event& into, Event& from, bool from_is_reference) {
  auto specificity = [](const Event& e) { return e.geo_precision * 2 + (e.location == e.country ? 1 : 0); };
  // A reference, or a place taken from the report's context, never displaces a place of the action's own.
  const bool from_more_specific = !from_is_reference && (from.location_start || !into.location_start) &&
                                  specificity(from) < specificity(into);
  if (from_more_specific) {
    std::swap(into.location, from.location);
    std::swap(into.admin1, from.admin1);
    std::swap(into.geonameid, from.geonameid);
    std::swap(into.point, from.point);
    std::swap(into.geo_precision, from.geo_precision);
    std::swap(into.geo_relation, from.geo_relation);
    std::swap(into.location_start, from.location_start);
    std::swap(into.location_end, from.location_end);
    std::swap(into.sentence, from.sentence);
    std::swap(into.start, from.start);
    std::swap(into.end, from.end);
    std::swap(into.trigger, from.trigger);
    std::swap(into.trigger_start, from.trigger_start);
    std::swap(into.trigger_end, from.trigger_end);
  }
  if (!into.when.date && from.when.date) into.when = from.when;
  if (into.actor1.empty()) into.actor1 = from.actor1;
  if (into.actor2.empty()) into.actor2 = from.actor2;
  // Sub-type: the more specific evidence's (an air strike over "explosions").
  if (into.sub_event_type == "Remote explosive/landmine/IED" && from.event_type == into.event_type &&
      from.sub_event_type != into.sub_event_type)
    into.sub_event_type = from.sub_event_type;
  if (from.fatalities && (!into.fatalities || *from.fatalities < *into.fatalities)) into.fatalities = from.fatalities;
  for (const auto& [k, v] : from.quantities) into.quantities[k] = std::max(into.quantities[k], v);
  for (const auto& t : from.targets)
    if (std::find(into.targets.begin(), into.targets.end(), t) == into.targets.end()) into.targets.push_back(t);
  into.confidence = std::min(0.99, std::max(into.confidence, from.confidence) + 0.05);
  into.evidence_count += from.evidence_count;
}

// The event a reference or a casualty count adds to: one of compatible date
// and actors, at its place when it names one, of its type when there is one,
// else the nearest told before it.
Event* reference_target(std::vector<Event>& kept, const Event& r) {
  Event* best = nullptr;
  long best_score = LONG_MIN;
  for (Event& k : kept) {
    if (!k.location_start || k.background != r.background || !dates_agree(k, r) || !actors_agree(k, r)) continue;
    if (r.location_start && !same_place(k, r)) continue;
    long score = 0;
    if (k.event_type == r.event_type) score += 1'000'000'000;
    if (k.sub_event_type == r.sub_event_type) score += 500'000'000;
    // Nearer in the text is likelier; before it likelier still.
    const long gap = static_cast<long>(r.start) - static_cast<long>(k.start);
    score -= gap >= 0 ? gap : 4 * -gap;
    if (score > best_score) { best_score = score; best = &k; }
  }
  return best;
}

// A lede often places an action in a country or province ("in
// northeastern Nigeria") and the next lines name the town ("in the town of
// Chibok"): a town of that country or province named in the two sentences
// after, and not the place of another event, is where it happened.
void refine_country_level(std::vector<Event>& kept, const Document& doc, const Segmented& seg,
                          const std::vector<Mention>& mentions, const Gazetteer& gaz) {
  std::set<uint32_t> used;
  for (const Event& e : kept)
    if (e.location_start) used.insert(*e.location_start);
  for (Event& e : kept) {
    if (e.geo_precision != 3 || e.background) continue;
    size_t si = 0;
    while (si < seg.sentences.size() && seg.sentences[si].start < e.start) ++si;
    for (const Mention& m : mentions) {
      if (m.sentence <= si || m.sentence > si + 2 || m.candidates.empty() || m.demonym || m.in_name || m.dateline) continue;
      if (used.count(m.start)) continue;
      const Place p = gaz.place(m.candidates.front().entry);
      if (p.kind != PlaceKind::city || p.country_code != e.country_code) continue;
      if (e.location != e.country && !e.admin1.empty() && p.admin1 != e.admin1 && p.admin1 != e.location) continue;
      e.location = p.name;
      e.admin1 = p.admin1;
      e.point = p.point;
      e.geonameid = p.geonameid ? std::optional<uint32_t>(p.geonameid) : std::nullopt;
      e.location_start = m.start;
      e.location_end = m.end;
      e.geo_precision = 1;
      e.geo_relation.clear();
      e.confidence = std::min(e.confidence, 0.6);
      used.insert(m.start);
      (void)doc;
      break;
    }
  }
}

// Does this sentence hold any word that can start an event? (Most do not:
// the parse is skipped for them.)
bool may_hold_event(const Document& doc, const Segmented& seg, const Sentence& s, const Lexicon& lex) {
  for (uint32_t k = 0; k < s.token_count; ++k) {
    const Token& t = seg.tokens[s.first_token + k];
    if (t.kind != TokenKind::word) continue;
    if (lex.event_words_by_first.count(ascii_lower(token_text(doc.text, t)))) return true;
  }
  return false;
}

// The country a report names most (places, countries and peoples alike).
std::optional<Place> focus_country(const std::vector<Mention>& mentions, const Gazetteer& gaz) {
  std::map<std::string, int> votes;
  for (const Mention& m : mentions) {
    if (m.candidates.empty() || m.in_name) continue;
    const Place p = gaz.place(m.candidates.front().entry);
    if (p.country_code.size() == 2) votes[std::string(p.country_code)] += p.kind == PlaceKind::country ? 2 : 1;
  }
  if (votes.empty()) return std::nullopt;
  const auto best = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return gaz.country(best->first);
}

// A sentence that opens with the dateline starts after it: "KHARTOUM, June
// 4, 2019 (AFP) -" dates and places the filing, not the sentence's action.
Sentence without_dateline(const Document& doc, const Segmented& seg, const Sentence& s) {
  if (!doc.dateline || s.start >= doc.dateline->end || s.end <= doc.dateline->start) return s;
  Sentence out = s;
  while (out.token_count > 0 && seg.tokens[out.first_token].start < doc.dateline->end) {
    ++out.first_token;
    --out.token_count;
  }
  if (out.token_count) out.start = seg.tokens[out.first_token].start;
  return out;
}

DocContext read_context(const Document& doc, const Segmented& seg, const Lexicon& lex) {
  DocContext ctx;
  std::vector<std::string> words;
  words.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens) words.push_back(ascii_lower(token_text(doc.text, t)));
  for (size_t k = 0; k < words.size(); ++k) {
    if (lex.roles.ends_at(words, 0, k, Role::weapon_air)) { ctx.air = true; ++ctx.weapons; }
    else if (lex.roles.ends_at(words, 0, k, Role::weapon_shell)) { ctx.missiles = true; ++ctx.weapons; }
    else if (lex.roles.ends_at(words, 0, k, Role::weapon_explosive) || lex.roles.ends_at(words, 0, k, Role::weapon_gun) ||
             lex.roles.ends_at(words, 0, k, Role::weapon_suicide) || lex.roles.ends_at(words, 0, k, Role::weapon_grenade))
      ++ctx.weapons;
    if (lex.roles.ends_at(words, k, k, Role::sport)) ++ctx.sport;
  }
  std::vector<std::string_view> raw;
  raw.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens) raw.push_back(token_text(doc.text, t));
  std::map<const ArmedActor*, int> groups;
  for (size_t k = 0; k < words.size(); ++k) {
    size_t len = 0;
    const ArmedActor* a = lex.actors.match(words, raw, k, words.size(), &len);
    if (!a) continue;
    if (!a->state() && a->kind != "unidentified") ++groups[a];
    k += len - 1;
  }
  for (const auto& [a, n] : groups) {
    const ArmedActor*& best = a->kind == "coalition" ? ctx.main_coalition : ctx.main_group;
    if (!best || n > groups[best]) best = a;
  }
  return ctx;
}

}  // namespace

std::optional<long> parse_count(const std::vector<std::string>& words, size_t at, size_t* used) {
  if (at >= words.size()) return std::nullopt;
  static const std::map<std::string, long, std::less<>> named = {
      {"one", 1},     {"two", 2},      {"three", 3},     {"four", 4},      {"five", 5},     {"six", 6},
      {"seven", 7},   {"eight", 8},    {"nine", 9},      {"ten", 10},      {"eleven", 11},  {"twelve", 12},
      {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20}, {"thirty", 30},   {"forty", 40},   {"fifty", 50},   {"sixty", 60},
      {"hundred", 100}, {"dozen", 12}, {"dozens", 12},   {"scores", 20},   {"hundreds", 100}, {"thousands", 1000},
      {"several", 10}, {"many", 10}};
  const std::string& w = words[at];
  if (auto it = named.find(w); it != named.end()) {
    if (used) *used = 1;
    return it->second;
  }
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return std::nullopt;
  std::string digits;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    else if (c == ',') continue;
    else return std::nullopt;  // 3.5, 1e400, 12km: not a head count
  }
  if (digits.size() > 9) return std::nullopt;
  const long v = std::stol(digits);
  if (v > kMaxPlausibleCount) return std::nullopt;
  // A year is not a count.
  if (digits.size() == 4 && v >= 1900 && v <= 2100) return std::nullopt;
  if (used) *used = 1;
  return v;
}

std::vector<Event> extract_events(const Document& doc, const Segmented& seg, const std::vector<Mention>& mentions,
                                  const Gazetteer& gaz, const Lexicon& lex, std::vector<std::string>* warnings) {
  const DocContext ctx = read_context(doc, seg, lex);
  const WordTable& words = WordTable::shared();
  std::vector<std::vector<size_t>> by_sentence(seg.sentences.size());
  for (size_t m = 0; m < mentions.size(); ++m)
    if (mentions[m].sentence < by_sentence.size()) by_sentence[mentions[m].sentence].push_back(m);

  std::vector<Event> drafts;
  std::vector<Standing> merge_only;
  std::optional<Place> focus = focus_country(mentions, gaz);
  // A report that names no country may name a group that fights in one: M23 in Congo, ISWAP in Nigeria.
  if (!focus && ctx.main_group && !ctx.main_group->countries.empty()) focus = gaz.country(ctx.main_group->countries.front());
  const Mention* context = nullptr;      // the last place named with a location word
  uint32_t context_sentence = 0;
  const Mention* event_place = nullptr;  // the last place an action happened at
  uint32_t event_sentence = 0;
  std::optional<DateSpan> context_date;  // the last date an action was given
  uint32_t date_sentence = 0;
  std::optional<Role> context_weapon;     // the weapon the last sentence fired
  uint32_t weapon_sentence = 0;
  std::deque<Mention> synthetic;
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    if (!doc.byline.empty() && doc.text.compare(s.start, s.end - s.start, doc.byline) == 0) continue;
    auto note_context = [&] {  // the last place this sentence names is the context of the next ones
      for (size_t m : by_sentence[si]) {
        const Mention& mm = mentions[m];
        if (mm.candidates.empty() || mm.demonym || mm.in_name || mm.dateline) continue;
        const PlaceKind k = gaz.place(mm.candidates.front().entry).kind;
        if ((k == PlaceKind::country || k == PlaceKind::region || k == PlaceKind::continent) && mm.cue != "in") continue;
        if (mm.cue.empty() || mm.cue == "and" || mm.cue == "of") continue;  // "the Paris attacks": not where we are
        context = &mm;
        context_sentence = si;
      }
    };
    if (!may_hold_event(doc, seg, s, lex)) { note_context(); continue; }
    // The title and a standfirst restate the report's events: they add evidence, never an event.
    const std::string_view sentence_text = std::string_view(doc.text).substr(s.start, s.end - s.start);
    const bool headline = (!doc.title.empty() && sentence_text == doc.title) ||
                          (!doc.summary.empty() && doc.summary.find(sentence_text) != std::string::npos);
    const SentenceView view(doc, seg, si, without_dateline(doc, seg, s), words, headline);
    if (view.s.token_count == 0) { note_context(); continue; }
    std::vector<size_t> here;  // the sentence's mentions, less those in a dateline cut off it
    for (size_t m : by_sentence[si])
      if (mentions[m].first_token >= view.s.first_token) here.push_back(m);
    SentenceEvents r{doc, seg, mentions, gaz, lex, ctx, view, read_frames(view, lex), here,
                     find_date_cues(doc, seg, view.s, warnings), warnings, nullptr, nullptr, focus, synthetic,
                     date_sentence + 2 >= si ? context_date : std::nullopt, std::nullopt,
                     weapon_sentence + 1 == si ? context_weapon : std::nullopt};
    if (event_place && event_sentence + 8 >= si) r.context_place = event_place;
    else if (context_sentence + 3 >= si) r.context_place = context;
    for (Event& e : r.read(merge_only)) drafts.push_back(std::move(e));
    note_context();
    if (r.placed) {
      event_place = r.placed;
      event_sentence = si;
    }
    if (r.dated) {
      context_date = r.dated;
      date_sentence = si;
    }
    if (const auto w = r.weapon_fired()) {
      context_weapon = w;
      weapon_sentence = si;
    }
  }

  // Merge: specific events first absorb their other mentions.
  std::vector<Event> kept;
  std::vector<size_t> order(drafts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (merge_only[a] != merge_only[b]) return merge_only[a] < merge_only[b];
    return drafts[a].geo_precision < drafts[b].geo_precision;
  });
  for (size_t i : order) {
    Event& e = drafts[i];
    Event* into = nullptr;
    if (merge_only[i] == Standing::event) {
      for (Event& k : kept) {
        if (!same_kind(k, e) || k.background != e.background) continue;
        if (same_place(k, e) && dates_agree(k, e) && actors_agree(k, e)) { into = &k; break; }
      }
    } else {
      into = reference_target(kept, e);
    }
    if (into) merge(*into, e, merge_only[i] != Standing::event);
    else if (merge_only[i] != Standing::reference) kept.push_back(std::move(e));
  }
  refine_country_level(kept, doc, seg, mentions, gaz);
  // An event's date when the text gives none: the report's, as a week.
  for (Event& e : kept) {
    if (!e.when.date && doc.published) {
      e.when.date = doc.published;
      e.when.precision = 2;
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
  for (size_t i = 0; i < kept.size(); ++i) kept[i].event_id = doc.id + "-" + std::to_string(i + 1);
  return kept;
}

}  // namespace sitmap
