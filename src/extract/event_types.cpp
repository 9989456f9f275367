#include "extract/sentence_events.hpp"

// What kind of action: ACLED's type from the words and their weapons, and
// whether the action is political violence at all.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "core/fold.hpp"
#include "extract/toponyms.hpp"

namespace sitmap::event_reading {

namespace {
// "broke into", "had broken into": the verb of forcing a way in.
bool breaking_word(std::string_view w) { return one_of(w, {"broke", "broken", "break", "breaking"}); }
// "blocked the highway", "were blocking the road": a protest's words only with a road for their object.
bool blocking_word(std::string_view w) { return one_of(w, {"blocked", "blockaded", "blocking", "blockading"}); }
}  // namespace

// ---- type ----------------------------------------------------------------
std::optional<Typed> SentenceEvents::classify(const Frame& f, const std::vector<int>& evidence, const std::vector<int>& actors,
                                              const std::vector<int>& targets) const {
  std::set<C> cls = {f.cls};
  for (int e : evidence) {
    const Frame& x = frames[static_cast<size_t>(e)];
    // ("..., seizing several rifles": arms taken in an attack take no ground and no one.)
    if (x.cls == C::take && x.verbal && !x.passive && x.object >= 0 && weapon_side({x.object})) continue;
    cls.insert(x.cls);
  }
  // "fired shots at the house": a gun's fire is a shooting.
  if (f.cls == C::light && f.object >= 0 && is(f.object, Role::weapon_gun) && fired_at(f)) cls.insert(C::shoot);
  auto any = [&](std::initializer_list<C> list) { return std::any_of(list.begin(), list.end(), [&](C c) { return cls.count(c) > 0; }); };
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
  if (vehicle_hit_mine(f)) carriers.push_back(f.object);
  if (f.cls == C::light) {  // "fired rockets", "mortar shells fired into homes"
    if (f.object >= 0) carriers.push_back(f.object);
    if (f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::noun) carriers.push_back(f.chunk - 1);
  }
  // "killed in mortar shells fired into homes", "wounded by a roadside bomb": the weapon as the cause.
  if (is_consequence(f.cls))
    for (const auto& pp : f.preps)
      if (pp.where == Parse::PrepPhrase::after && pp.object >= 0 && one_of(word(chunk(pp.prep).head), {"in", "by"}))
        carriers.push_back(pp.object);
  if (f.cls == C::explode && f.object >= 0) carriers.push_back(f.object);  // "detonated two bombs"
  // Battles stay battles whatever weapons they are fought with ("fought, with warplanes circling"),
  // unless the sides are mobs ("clashes broke out where mobs from both communities attacked each other").
  if (f.cls == C::clash) {
    std::vector<int> sides = actors;
    for (int e : evidence) {
      const std::vector<int> more = actor_side(frames[static_cast<size_t>(e)]);
      sides.insert(sides.end(), more.begin(), more.end());
    }
    for (size_t k = 0; k < v.size(); ++k)  // the mobs of a "where" clause about the clash's place
      if (lex.roles.ends_at(v.words, 0, k, Role::mob) &&
          v.parse.clauses[static_cast<size_t>(chunk(v.parse.chunk_of[k]).clause)].kind == ClauseKind::relative)
        sides.push_back(v.parse.chunk_of[k]);
    // "A crowd of hundreds fought with police": a crowd against the police riots.
    std::vector<int> both = with_of(actors);  // the clash's own two sides (not what its evidence names: "leaving police vehicles damaged")
    for (int c : targets) add_with_of(both, c);
    // (Not when the other side is armed, or shots, guns or shells are told: "exchanged fire with a group of men".)
    std::vector<int> others;
    for (int c : both)
      if (c >= 0 && !is(c, Role::police_forces)) others.push_back(c);
    const bool unarmed =
        !side_armed(others) && !weapons_in_sentence() && !side_has(carriers, Role::weapon_gun) && !side_has(carriers, Role::weapon_shell);
    const bool mob_met_police = unarmed && std::any_of(others.begin(), others.end(), [&](int c) {
                                  return one_of(word(chunk(c).head), {"mob", "mobs"});
                                });
    if ((side_is(sides, Role::mob) && !side_armed(sides)) || mob_met_police) return kMob;
    const bool police = side_is(both, Role::police_forces);
    const bool crowd = std::any_of(others.begin(), others.end(), [&](int c) { return crowd_side({c}) || gathering_noun(c); });
    // (Nor when an armed group is named anywhere beside the state's: "followers of the Boko Haram sect".)
    const auto group_named = [&] {
      for (size_t c = 0; c < v.parse.chunks.size(); ++c)
        if (chunk(static_cast<int>(c)).kind == ChunkKind::noun && table_group_of_kind(static_cast<int>(c), {"rebel", "state_militia"}))
          return true;
      return false;
    };
    if (police && crowd && unarmed && !group_named()) return kRiot;
    // "were hurt in clashes ... at the end of a march by thousands", in a report of protests: the march's crowd
    // fought, whoever it fought with.
    if (crowd && unarmed && ctx.protesters >= 2 && !group_named()) return kRiot;
    // "groups of young people ... clashed with officers", "clashed with police" (no one else named), in a report of
    // unrest: no armed side against the police, a riot.
    if (police && unarmed && ctx.protesters >= 2 && !group_named()) return kRiot;
    // "There were also clashes in Kasserine and Siliana", by no one named, in a report of demonstrations and of no armed group
    // (not one with deaths, weapons, or told "separately").
    // (Deaths and injuries in them too, in a report full of its protests: "67 people, most of them police officers,
    // were hurt in clashes at the end of a march".)
    const bool tolled = casualties(f, evidence) || toll_in_sentence().has_value();
    if (both.empty() && ((ctx.protesters >= 2 && !tolled) || ctx.protesters >= 4) && !ctx.main_group && unarmed &&
        std::find(v.words.begin(), v.words.end(), "separately") == v.words.end())
      return kRiot;
    // "Clashes broke out between protesters and party activists", "protesters and police fought running
    // battles": a demonstration turned violent, not a battle, unless guns or heavier weapons are named.
    if ((protesters_in_clause(f) || gathering_became(f)) && !side_has(carriers, Role::weapon_gun) &&
        !side_has(carriers, Role::weapon_shell) && !side_has(carriers, Role::weapon_air) && !side_has(carriers, Role::weapon_explosive))
      return kRiot;
    return kClash;
  }
  // "detonated explosives, killing themselves": the bombers died by their own bomb.
  bool self_killed = false;
  for (int e : evidence) {
    const Frame& ef = frames[static_cast<size_t>(e)];
    if (ef.cls == C::kill && ef.object >= 0 && one_of(word(chunk(ef.object).head), {"themselves", "himself", "herself"}))
      self_killed = true;
  }
  const bool suicide = any({C::suicide}) || side_has(carriers, Role::weapon_suicide) ||
                       (self_killed && (f.cls == C::explode || f.cls == C::blast)) || bombers_are_people(carriers);
  const bool chemical = any({C::chemical}) || side_has(carriers, Role::weapon_chemical);
  const bool air = any({C::air}) || (side_has(carriers, Role::weapon_air) && !bombers_are_people(carriers));
  const bool shell = any({C::shell}) || side_has(carriers, Role::weapon_shell);
  // (A crowd's "petrol bombs" are what it throws, no bomb attack.)
  const bool explosive = any({C::explosive}) || (side_has(carriers, Role::weapon_explosive) && !side_has(carriers, Role::riot_missile));
  // ("a man threw a cylindrical object that exploded": a hand-thrown charge; a device or bomb thrown is named as one.)
  const bool grenade = any({C::grenade}) || side_has(carriers, Role::weapon_grenade) || (thrown_and_exploded(f) && !explosive);
  // "Officers were attacked with stones": a crowd's weapons, a demonstration turned violent (or a mob's).
  // (Not "activists attacked students protesting on the campus with sticks": an attack on a gathering.)
  const bool on_a_gathering = side_is(targets, Role::protesters) || std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
                                return o.cls == C::protest && o.verbal && o.first > f.last;
                              });
  // "a crowd attacked police with stones", "crowds attacked a police station": a crowd against the state's forces
  // riots; a mob's violence is against people.
  // (Not a crowd called a mob, one officer it set upon, people beside the forces, or a killing: "a mob attacked a
  // police post", "a police officer was attacked by a crowd", "attacked the police station and two civilians", "a
  // crowd lynched two soldiers" stay a mob's.)
  const bool called_mob = std::any_of(actors.begin(), actors.end(), [&](int c) {
    return c >= 0 && one_of(word(chunk(c).head), {"mob", "mobs"});
  });
  const bool one_officer = std::any_of(targets.begin(), targets.end(), [&](int c) { return c >= 0 && !chunk(c).time && one_person(c); });
  std::vector<int> all_targets = targets;  // with the things listed after each: "the police station and two civilians"
  for (int c : targets)
    if (c >= 0)
      for (int j : joined_after(c)) all_targets.push_back(j);
  const bool people_targeted =
      std::any_of(all_targets.begin(), all_targets.end(), [&](int c) { return c >= 0 && is(c, Role::civilian) && !military_site(c); });
  const bool state_targeted = !called_mob && !one_officer && !people_targeted && f.cls != C::kill && f.cls != C::massacre &&
                              std::any_of(all_targets.begin(), all_targets.end(), [&](int c) {
                                return c >= 0 && (is(c, Role::police_forces) || is(c, Role::state_forces) || military_site(c) ||
                                                  (is(c, Role::military_target) && !is(c, Role::armed)));  // "a police patrol"
                              });
  if ((f.cls == C::attack || f.cls == C::clash || f.cls == C::harm || f.cls == C::hit) && thrown_by_crowd(f) && !side_armed(actors) &&
      !on_a_gathering)
    return side_is(actors, Role::mob) && !state_targeted ? kMob : kRiot;
  // "crowds attacked supermarkets, carrying off goods, before police fired tear gas to disperse them", in a report of
  // no protesters: the tear gas met looters, part of the looting, no gathering of its own.
  if (crowd_control_frame(f) && ctx.protesters == 0 && shops_looted_in_sentence()) return std::nullopt;
  if (f.cls == C::protest) {  // "water cannon", "tear gas": what met a crowd, not a weapon of war
    // "marched along the Esplanade, broke through police barriers and vandalised the buildings", "a group of
    // protesters set fire to the Congress as thousands took to the streets": the march turned violent.
    const int own = chunk(f.chunk).clause;
    const bool peaceful = std::find(v.words.begin(), v.words.end(), "peacefully") != v.words.end();
    bool met_violent_crowd = false;  // the violence told in a relative clause of the crowd the force met
    bool violent_evidence = false;   // a violent act the frame holds as its evidence
    const bool crowd_violence = !peaceful && std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
      if (&o == &f || !o.verbal || !(o.cls == C::riot || o.cls == C::destroy || o.cls == C::storm)) return false;
      // Its own clause, the one it hangs from, or one coordinated with it ("broke through barricades ... and stormed the
      // Red Fort"); not "a day after ... torched a bus", not "whose shops were looted by youths".
      const int theirs = chunk(o.chunk).clause;
      bool coordinated = false;
      for (int c = theirs, guard = 0; c > 0 && guard < 8 && !coordinated; ++guard) {
        const Clause& cl = v.parse.clauses[static_cast<size_t>(c)];
        if (cl.kind != ClauseKind::coordinate && cl.kind != ClauseKind::participle) break;
        c = cl.parent;
        coordinated = c == own;
      }
      // ("police fired tear gas at groups of youths who blocked roads and tried to break into shops": the crowd
      // the force met, as a relative clause tells what it did.)
      // ("who blocked roads and tried to break into shops": a verb coordinated inside that clause too.)
      int relative = theirs;
      for (int guard = 0; guard < 4 && relative > 0 && v.parse.clauses[static_cast<size_t>(relative)].kind == ClauseKind::coordinate;
           ++guard)
        relative = v.parse.clauses[static_cast<size_t>(relative)].parent;
      const Clause& their_clause = v.parse.clauses[static_cast<size_t>(std::max(relative, 0))];
      const bool crowd_told = relative > 0 && their_clause.kind == ClauseKind::relative && their_clause.parent == own &&
                              o.cls != C::storm && one_of(their_clause.opener, {"who", "that"}) && their_clause.antecedent > f.chunk;
      // ("when detainees protested inside the compound, throwing rocks", "The protests began on Aug. 19, when crowds set fire to the
      // council building": what the reading gave the protest as its evidence, in a participle or a when-clause.)
      const bool its_evidence = o.host == static_cast<int>(&f - frames.data());
      const Clause& theirs_cl = v.parse.clauses[static_cast<size_t>(theirs)];
      const bool hosted = its_evidence && (theirs_cl.kind == ClauseKind::participle || one_of(theirs_cl.opener, {"when", "as"}));
      if (theirs != own && theirs != v.parse.clauses[static_cast<size_t>(own)].parent && !coordinated && !crowd_told && !hosted)
        return false;
      const std::vector<int> doers = actor_side(o);
      if (side_armed(doers)) return false;
      met_violent_crowd = met_violent_crowd || crowd_told;
      // ("Protesters set fire to a police station ..., on the third night of protests": the burning is the protests' evidence.)
      violent_evidence = violent_evidence || its_evidence;
      return storming_crowd(doers) || side_is(doers, Role::protesters) || (f.subject >= 0 && o.subject == f.subject) || crowd_told ||
             (its_evidence && !weapon_side(doers));
    });
    const int force = force_against_crowd();
    // (Lethal force against it stays the state's act, the riot another: "throwing stones at police, who responded with live rounds".)
    if (crowd_violence && (f.verbal || met_violent_crowd || violent_evidence) && force < 2) return kRiot;
    if (force == 0 && turned_violent(f)) return kRiot;  // "protests against the results turned violent"
    return force == 2 ? kExcessiveForce : force == 1 ? kIntervention : kProtest;
  }
  if (suicide) return kSuicide;
  if (chemical) return kChemical;
  if (air) return kAir;
  if (shell) return kShell;
  // "opened fire with automatic weapons and threw grenades when security forces surrounded their flat": their
  // fire at the forces that came for them.
  // (Not "opened fire inside the building, killing 14 people ... as police officers closed in": fire at others.)
  const bool fire_at_others =
      std::any_of(targets.begin(), targets.end(), [&](int c) { return c >= 0 && !state_side({c}); }) ||
      victims_are(evidence, Role::civilian) ||
      std::any_of(evidence.begin(), evidence.end(), [&](int e) { return is_consequence(frames[static_cast<size_t>(e)].cls); });
  if ((grenade || f.cls == C::shoot) && !actors.empty() && !state_side(actors) && !fire_at_others && forces_came(f)) return kClash;
  if (grenade) return kGrenade;
  // "Two bombs landed in the displacement sites": what lands was fired or dropped, not planted.
  if (explosive && f.cls == C::hit && one_of(word(f.first), {"landed", "fell", "rained", "lands", "fall"})) return ctx.air ? kAir : kShell;
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
  // (A police raid is on the ground, whatever helicopters the report speaks of.)
  if (any({C::raid}) && (ctx.air && !side_armed_on_ground(actors) && !side_has(actors, Role::police_forces) && actor_of(actors) != kPolice))
    return kAir;
  // "Gunmen struck 17 communities": men on the ground strike as attackers, not aircraft.
  // "Bullets struck classroom windows": gunfire, not shells or bombs.
  const bool ground_strike =
      f.cls == C::strike && f.verbal &&
      ((side_armed_on_ground(actors) && !side_has(actors, Role::weapon_air)) || side_has(carriers, Role::weapon_gun));
  // "two explosions struck a busy part of Baidoa": blasts that struck, told of no aircraft or missile, went off there.
  const bool blast_struck = (f.cls == C::blast || f.cls == C::explode) && !ctx.air && !ctx.missiles;
  if (any({C::strike, C::pound}) && !ground_strike && !blast_struck) {
    if (ctx.air || !ctx.missiles) return kAir;
    return kShell;
  }
  if (any({C::explode, C::blast})) return kIed;
  // Only a weapon makes "hit" an attack ("the attack that targeted two army checkpoints" is one of its own).
  if (any({C::hit}) && f.cls != C::attack) return std::nullopt;
  if (any({C::sexual})) return kSexual;
  if (any({C::abduct})) return kAbduction;
  // "killed four suspects and detained two others in a gunbattle": arrests that end a fight are the battle's.
  if (f.cls == C::arrest && any({C::clash})) return kClash;
  if (any({C::arrest})) return kArrest;
  if (any({C::massacre})) return kAttack;
  // "seized schoolgirls", "captured two aid workers": people taken are abducted;
  // "troops captured three militants": taken by the state, arrested.
  // ("four U.S. citizens": a place that says whose people they are.)
  if (any({C::take}) && f.verbal && !f.passive && !is(f.object, Role::territory) && (!place_in(f.object) || people(f.object)) &&
      (people(f.object) || is(f.object, Role::armed)) && !expelling_verb(f))
    return state_side(actors) ? kArrest : kAbduction;
  // "Hundreds of girls were taken from their dormitories by gunmen".
  // "took its New Zealand pilot hostage".
  if (any({C::take}) && f.verbal && taken_hostage(f)) return kAbduction;
  if (any({C::take}) && f.verbal && f.passive && people(f.subject) && side_armed(actors)) return state_side(actors) ? kArrest : kAbduction;
  if (any({C::take}) && captured_person(f)) return kArrest;
  if (any({C::fall})) {  // lost to the state's forces, or to anyone else
    const std::string who = actor_of(actors);
    const ArmedActor* named =
        who.empty() || who[0] == '@' ? lex.actors.find(ctx.main_group ? ctx.main_group->name : "") : lex.actors.find(who);
    // (A group the lexicon names decides by its kind: "fell to the Rapid Support Forces" is no state's, whatever
    // its name's "forces".)
    return (named ? named->state() : !who.empty() && state_side(actors)) ? kRegained : kTaken;
  }
  // "Tens of thousands of protesters overran the president's residence": a crowd taking a building riots, as one storming it.
  if (crowd_overran(f)) return kRiot;
  // "tried to retake the town", "attempted to seize the base": a fight for ground not (yet) won.
  // ("police tried to clear a blockade" of protesters: the state's force against a protest, deadly or not.)
  if (any({C::take, C::retake}) && (police_clear_protest(actors) || police_drove_crowd(f, actors)))
    return casualties(f, evidence) ? kExcessiveForce : kIntervention;
  if (any({C::take, C::retake}) && f.verbal && attempted(f)) return kClash;
  // "Leaders of the protest movement entered the space centre and said they would stay": an occupation, a protest.
  if (f.cls == C::take && protesters_occupy(f, actors)) return kProtest;
  if (any({C::take, C::retake})) {
    // "The gunman entered a block of apartments": one man takes no ground.
    if (!actors.empty() && std::all_of(actors.begin(), actors.end(), [&](int c) {
          return c >= 0 && one_of(word(chunk(c).first), {"a", "an", "the", "one"}) &&
                 one_of(word(chunk(c).head), {"gunman", "man", "attacker", "assailant", "shooter", "suspect", "woman", "teenager"});
        }))
      return std::nullopt;
    if (police_clear_protest(actors)) return kIntervention;
    // "entered Kobani before dawn and killed at least 146 civilians": armed men who come in and kill the people
    // there attack them; entering takes no ground of its own.
    if (f.cls == C::take && f.verbal && !f.passive && one_of(word(f.first), {"entered", "enter", "enters", "entering"}) &&
        victims_are(evidence, Role::civilian) && !state_side(actors))
      return kAttack;
    // "Police in riot gear have regained control of the detention centre after detainees lit fires": a facility
    // taken back from its inmates or a crowd ends their unrest, no ground won from an armed side.
    // (The object, or after "regained control" the "of" phrase's: "regained control of the centre".)
    const int held = taken_object(f);
    if (any({C::retake}) && held >= 0 &&
        one_of(word(chunk(held).head), {"centre", "center", "prison", "jail", "compound", "compounds", "campus", "building"}) &&
        (crowd_in_sentence() || std::any_of(v.words.begin(), v.words.end(), [](const std::string& w) {
           return one_of(w, {"detainees", "inmates", "prisoners", "asylum-seekers"});
         })))
      return std::nullopt;
    // "Gendarmes cleared the runway with tear gas": the state's forces clearing a place with crowd control met a crowd.
    if (f.verbal && clearing_word(word(f.first)) && state_side(actors) && crowd_control(v, 0, static_cast<uint32_t>(v.size() - 1)))
      return kIntervention;
    // The state's forces regain; anyone else overtakes. A named group decides, else the words.
    // "Forces loyal to the ousted vice president": a rebellion's forces, not the state's.
    for (int c : actors)
      if (c >= 0 && chunk(c).last + 1 < v.size() && word(chunk(c).last + 1) == "loyal") return any({C::retake}) ? kRegained : kTaken;
    const std::string who = actor_of(actors);
    // "The rebels were driven out of Gao", by no one named: the ground goes to whoever fights the side driven out.
    if (who.empty() && expelling_verb(f)) {
      const int out = f.passive ? f.subject : f.object;
      return out >= 0 && (is(out, Role::state_forces) || is(out, Role::police_forces)) ? kTaken : kRegained;
    }
    const ArmedActor* named = who.empty() || who[0] == '@' ? nullptr : lex.actors.find(who);
    const bool state = named ? named->state()
                             : (starts_with(who, "Military Forces") || starts_with(who, "Police Forces") || who == kStateForces ||
                                who == kPolice || (who.empty() && side_is(actors, Role::state_forces)));
    return any({C::retake}) || state ? kRegained : kTaken;
  }
  // "supporters stormed the Capitol, smashing windows, fighting police officers": a crowd's storming, its fight too.
  if (f.cls == C::storm && storming_crowd(actors) && !side_armed(actors)) return kRiot;
  if (any({C::clash})) return kClash;
  // "settlers went on a rampage": a mob's violence, no demonstration's.
  if (any({C::riot})) {
    // ("The attacker ... began his rampage": one man's rampage is his attack; so is "a shooting rampage", "a killing spree".)
    const bool weapon_rampage = f.cls == C::riot && !f.verbal && f.last > chunk(f.chunk).first &&
                                one_of(word(f.last - 1), {"shooting", "killing", "stabbing", "gun", "knife"});
    if (weapon_rampage) return kAttack;
    if (f.cls == C::riot && one_of(word(f.last), {"rampage", "rampages", "rampaged", "rampaging"}) &&
        ((!actors.empty() && actors[0] >= 0 && actors[0] < f.chunk && chunk(actors[0]).clause == chunk(f.chunk).clause &&
          lone_doer(actors[0])) ||
         (!f.verbal && one_of(word(chunk(f.chunk).first), {"his", "her"}))))
      return kAttack;
    // "The attackers threw firebombs through the windows": an armed side's attack, whatever it threw.
    if (f.cls == C::riot && f.verbal && side_armed(actors) && !side_is(actors, Role::protesters) && !side_is(actors, Role::mob) &&
        !crowd_side(actors))
      return kAttack;
    // "Looting also broke out in Lae": looting told by its noun, in a sentence of no protest, is property destruction.
    // (Not beside a protest, nor one with rioting: "Rioting and looting broke out after the results" is the riot's;
    // "set on fire during looting, after a second night of riots" is the looting's.)
    std::vector<int> listed_with = joined_after(f.chunk);  // the things listed with it, before and after
    for (int c = f.chunk;
         c >= 2 && (chunk(c - 1).kind == ChunkKind::conj || word(chunk(c - 1).head) == ",") && chunk(c - 2).kind == ChunkKind::noun; c -= 2)
      listed_with.push_back(c - 2);
    const bool rioting_listed = std::any_of(listed_with.begin(), listed_with.end(), [&](int c) {
      return one_of(word(chunk(c).head), {"rioting", "riot", "riots", "unrest", "arson"});
    });
    // (Not tear gas, rubber bullets or a dispersal alone in a report of no protesters: what met the looters.)
    const bool protest_told =
        rioting_listed || std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
          return o.cls == C::protest &&
                 !(ctx.protesters == 0 && (crowd_control_frame(o) || one_of(word(o.first), {"disperse", "dispersed", "dispersing"})));
        });
    if (!f.verbal && word(f.last) == "looting" && !protest_told) return kDestruction;
    const bool protest_crowd = protest_crowd_at_police(f, actors, targets) || crowd_of_protest(actors, targets);
    if (protest_crowd && !one_of(word(f.last), {"rampage", "rampages", "rampaged", "rampaging"})) return kRiot;
    return one_of(word(f.last), {"rampage", "rampages", "rampaged", "rampaging"}) || side_is(actors, Role::mob) ? kMob : kRiot;
  }
  if (any({C::protest})) {
    const int force = force_against_crowd();
    return force == 2 ? kExcessiveForce : force == 1 ? kIntervention : kProtest;
  }
  if (any({C::attack, C::raid, C::storm, C::ambush, C::shoot, C::kill, C::harm, C::campaign}) || ground_strike) {
    // ACLED: armed targets make a battle, civilians (or nobody armed) an attack.
    std::vector<int> hurt;  // "killed scores of terrorists": the head and its "of" phrase
    // ("shot dead 59 of the attackers": a count of whom they shot.)
    const bool shot_count = f.cls == C::shoot && !f.passive && f.object >= 0 && v.parse.tags[chunk(f.object).head] == Pos::CD;
    if (is_consequence(f.cls) || shot_count) add_with_of(hurt, f.passive ? f.subject : f.object);
    // "pursued the attackers and killed 19 of them": whom "them" stands for, the last plural named before.
    for (size_t h = 0, n = hurt.size(); h < n; ++h)
      if (hurt[h] >= 0 && word(chunk(hurt[h]).head) == "them")
        for (int c = hurt[h] - 1; c >= 0; --c)
          if (chunk(c).kind == ChunkKind::noun && v.parse.tags[chunk(c).head] == Pos::NNS) {
            hurt.push_back(c);
            break;
          }
    const bool hits_assailant = state_hits_the_assailant(f, actors, targets);
    const bool armed_target = side_is(targets, Role::military_target) || side_armed(targets) ||
                              std::any_of(targets.begin(), targets.end(), [&](int c) { return military_site(c); }) ||
                              victims_are(evidence, Role::military_target) || victims_are(evidence, Role::armed) ||
                              victims_are(when_clause_hosts(f), Role::military_target) || side_is(hurt, Role::military_target) ||
                              side_is(hurt, Role::armed) ||
                              // "killed 11 members of Abu Sayyaf": a named armed group's people (not a party's or a movement's)
                              std::any_of(hurt.begin(), hurt.end(),
                                          [&](int c) {
                                            return table_group_of_kind(c, {"rebel", "state", "state_militia"});
                                          }) ||
                              // "opened fire on them, and officers returned fire": an exchange of fire.
                              (f.cls == C::shoot && fire_returned()) || hits_assailant;
    // ("an army camp", "their forward operating base", "a police post": a site of the forces, not the civilians' camp.)
    std::vector<int> civil_targets;
    for (int c : targets)
      if (!military_site(c)) civil_targets.push_back(c);
    const bool civilian_target = side_is(civil_targets, Role::civilian) || victims_are(evidence, Role::civilian);
    // Demonstrations: protesters who turn violent riot; the state's force
    // against protesters is excessive; a mob is a mob.
    if (side_is(actors, Role::protesters) && !side_armed(actors)) return kRiot;
    // "hundreds of PTI workers stormed the residence", "a crowd stormed the gate": a crowd storming riots.
    if (f.cls == C::storm && !side_armed(actors) && storming_crowd(actors)) return kRiot;
    // ("fired on a crowd of protesters": the crowd's "of" phrase says who it was.)
    const std::vector<int> targets_of = with_of(targets);
    if ((side_is(targets_of, Role::protesters) || side_is(hurt, Role::protesters) || protesting(targets) || protesting(hurt)) &&
        (state_side(actors) || actors.empty()))
      return kExcessiveForce;
    // "Police used live ammunition against protesters, killing two": the state's fire on a protest.
    if (state_side(actors) && !armed_target && live_fire_on_protesters(chunk(f.chunk).clause)) return kExcessiveForce;
    // "Soldiers opened fire on the crowd" in a report of a protest: the state's force against it.
    const bool protest_told =
        ctx.protest_story() || std::any_of(frames.begin(), frames.end(), [](const Frame& o) { return o.cls == C::protest; });
    if (state_side(actors) && !armed_target && protest_told &&
        std::any_of(targets.begin(), targets.end(), [&](int c) { return gathering_noun(c); }))
      return kExcessiveForce;
    // "Four people were killed when police opened fire to disperse the crowd": the state's shots, fired to break up a
    // gathering (not tear gas or rubber bullets, which are the force that meets a crowd).
    const bool fire_to_disperse = f.cls == C::shoot && std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
                                    return o.cls == C::protest && o.verbal && word(o.first).starts_with("dispers") && o.object >= 0 &&
                                           (gathering_noun(o.object) || is(o.object, Role::protesters));
                                  });
    if (state_side(actors) && !armed_target && fire_to_disperse && !crowd_control(v, 0, static_cast<uint32_t>(v.size() - 1)))
      return kExcessiveForce;
    // "security forces raided a months-long sit-in, killing five": a protest's own gathering, whatever the report.
    std::vector<int> met = targets;  // what the action and its evidence were done to
    for (int e : evidence) {
      const std::vector<int> more = target_side(frames[static_cast<size_t>(e)]);
      met.insert(met.end(), more.begin(), more.end());
    }
    if (state_side(actors) && !armed_target && std::any_of(met.begin(), met.end(), [&](int c) {
          // (In lower case: "on 5 March" is a month.)
          return c >= 0 && (sit_in(c) || (one_of(v.raw[chunk(c).head], {"rally", "rallies", "march", "marches", "demonstration",
                                                                        "demonstrations", "protest", "protests", "vigil"})));
        }))
      return kExcessiveForce;
    // ("A group of men attacked a church with rifles", "scores of men ... opened fire": armed, an attack.)
    const bool crowd_attack = f.cls == C::attack && (crowd_side(actors) || many_men(actors)) && !armed_target && !weapons_in_sentence();
    if (side_is(actors, Role::mob) && !side_armed(actors) && !side_has(carriers, Role::weapon_gun) && !civilian_target && state_targeted)
      return kRiot;
    // "crowds attacked several public buildings", "the building was attacked by a crowd": a crowd (not called a mob)
    // against buildings, no one hurt, riots.
    const bool at_buildings = std::any_of(targets.begin(), targets.end(), [&](int c) { return c >= 0 && building(c); }) &&
                              std::none_of(targets.begin(), targets.end(), [&](int c) { return c >= 0 && people(c); });
    const bool called_a_mob = std::any_of(actors.begin(), actors.end(), [&](int c) {
      return c >= 0 && one_of(word(chunk(c).head), {"mob", "mobs"});
    });
    // "crowds attacked Shoprite supermarkets ..., carrying off goods", in a report of no protesters: a looting of shops
    // (whatever tear gas then met the crowd).
    const bool at_shops = std::any_of(targets.begin(), targets.end(), [&](int c) { return shop(c); });
    if (crowd_attack && at_shops && !called_a_mob && !side_armed(actors) && !civilian_target && !casualties(f, evidence) &&
        ctx.protesters == 0)
      return kDestruction;
    if ((crowd_attack || side_is(actors, Role::mob)) && !called_a_mob && !side_armed(actors) && at_buildings && !civilian_target &&
        !casualties(f, evidence))
      return kRiot;
    if ((side_is(actors, Role::mob) || crowd_attack) && !side_armed(actors)) return kMob;
    // "killed in a police operation against drug traffickers": the forces' raid on an armed side is a battle, whoever
    // its dead.
    if ((f.cls == C::campaign || f.cls == C::raid) && !f.verbal && state_side(actors) && side_armed(targets)) return kClash;
    // "38 people were shot dead by junta forces ..., where soldiers and police opened fire on protesters":
    // the state's killing in a sentence of its fire on a protest.
    // ("fired live rounds at demonstrators, killing 30": the firing, a weapon's word, says at whom.)
    // A frame that fires: "opened fire", "shot", or "fired" a weapon.
    const auto fires = [&](const Frame& o) { return o.cls == C::shoot || (o.cls == C::light && o.verbal && word(o.first) == "fired"); };
    const bool fired_on_protest = std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
      if (&o == &f || (!fires(o) && o.cls != C::attack)) return false;
      if (is(o.object, Role::protesters)) return true;
      return std::any_of(o.preps.begin(), o.preps.end(), [&](const Parse::PrepPhrase& pp) {
        return pp.where == Parse::PrepPhrase::after && one_of(word(chunk(pp.prep).head), {"on", "at"}) && is(pp.object, Role::protesters);
      });
    });
    if (state_side(actors) && !armed_target && fired_on_protest) return kExcessiveForce;
    // "At least five people were shot dead outside Parliament" in a report of demonstrations, by no one
    // named and with no armed side in the sentence: the force that met them.
    if ((f.cls == C::kill || f.cls == C::shoot) && f.verbal && f.passive && f.agent < 0 && actors.empty() && ctx.protesters >= 3 &&
        !armed_target && !side_armed(targets) &&
        std::none_of(frames.begin(), frames.end(), [&](const Frame& o) { return side_armed(actor_side(o)); }) &&
        !armed_people_named())  // ("as armed civilians, protesters and police crowded the streets": who shot is open)
      return kExcessiveForce;
    // "At least five people were killed as security forces fired live rounds to disperse protesters": deaths
    // by no one named, in a sentence where the state's forces fire at a crowd of protesters.
    if ((f.cls == C::kill || f.cls == C::shoot) && f.verbal && f.passive && f.agent < 0 && actors.empty() && !armed_target &&
        std::any_of(frames.begin(), frames.end(),
                    [&](const Frame& o) { return &o != &f && o.verbal && fires(o) && state_side(actor_side(o)); }) &&
        std::any_of(frames.begin(), frames.end(), [&](const Frame& o) { return o.cls == C::protest && is(o.object, Role::protesters); }))
      return kExcessiveForce;
    // "A student was shot dead by police" in a report of demonstrations: force against the protest.
    // ("Police and soldiers opened fire with live ammunition and tear gas": tear gas is for crowds.)
    // (Not the shooting a protest followed: "The protests began on Sunday evening, hours after a police officer shot Blake".)
    if (side_is(actors, Role::police_forces) && !armed_target &&
        (ctx.protesters >= 3 || crowd_control(v, 0, static_cast<uint32_t>(v.size() - 1))) && !cause_of_protest(f))
      return kExcessiveForce;
    if (armed_target && (!civilian_target || hits_assailant)) return kClash;
    // "Russia launched 38 missiles ... Ten people were killed in Kryvyi Rih": deaths
    // told by no one's hand, in a story of a barrage, are the barrage's.
    if (story_weapon && (f.cls == C::kill || f.cls == C::harm) && f.verbal && f.passive && f.agent < 0 && actors.empty() &&
        !killed_by_hand(f) && clause_of(f).kind != ClauseKind::relative) {
      if (*story_weapon == Role::weapon_air) return kAir;
      if (*story_weapon == Role::weapon_shell) return kShell;
    }
    return kAttack;
  }
  if (any({C::destroy, C::storm})) {  // "protesters stormed the residence", "mobs set fire to houses"
    // "groups of youths looted shops and set fire to a supermarket": the looting, an event of its own
    // beside the riot the burning makes. (But "looted and burned shops", one action of both: the riot's.)
    const bool burning_apart = std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
      return &o != &f && (o.cls == C::destroy || o.cls == C::riot) && !word(o.first).starts_with("loot");
    });
    const bool burning_words = std::any_of(v.words.begin(), v.words.end(), [](const std::string& w) {
      return one_of(w, {"burned", "burnt", "burning", "torched", "set", "smashed", "vandalised", "vandalized"});
    });
    const bool looting = f.cls == C::destroy && f.verbal && word(f.first).starts_with("loot") && (burning_apart || !burning_words);
    // "crowds broke into shops": goods taken, whoever the crowd.
    if (breaking_in(f) && shop(f.object) && (storming_crowd(actors) || side_is(actors, Role::mob)) && !side_armed(actors))
      return kDestruction;
    // "Crowds looted shops and set buildings alight" (the burning with the looting is the looting's), "the mall was
    // looted and then set alight": looting, by anyone but marchers or a mob told as such ("protesters looted a store"
    // stays their riot, "a mob looted" a mob's).
    const bool plunder = f.cls == C::destroy && f.verbal &&
                         (word(f.first).starts_with("loot") || std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
                            return &o != &f && o.cls == C::destroy && o.verbal && !o.passive && word(o.first).starts_with("loot") &&
                                   o.subject >= 0 && o.subject == f.subject && !f.passive;
                          }));
    const bool mob_named = std::any_of(actors.begin(), actors.end(), [&](int c) { return c >= 0 && chunk_has_word(c, {"mob", "mobs"}); });
    if (plunder && !side_armed(actors) && !side_is(actors, Role::protesters) && !mob_named &&
        ((f.passive && f.agent < 0) || crowd_side(actors) || many_men(actors) || people(f.passive ? f.agent : f.subject)))
      return kDestruction;
    // ("crowds smashed turnstiles" in a report of protests: the protest's crowds.)
    const bool protest_crowds = ctx.protesters > 0 && std::any_of(actors.begin(), actors.end(), [&](int c) {
                                  return c >= 0 && one_of(word(chunk(c).head), {"crowd", "crowds"});
                                });
    if (side_is(actors, Role::mob) && !side_armed(actors) && !protest_crowds) return kMob;
    // "looters set fire to several buildings": the looting's own destruction, no demonstration.
    const bool looters = std::any_of(actors.begin(), actors.end(), [&](int c) { return c >= 0 && word(chunk(c).head) == "looters"; });
    if ((looting || looters) && crowd_side(actors) && !side_armed(actors)) return kDestruction;
    // "groups of people angered by the killings set fire to houses of the community": a mob, no demonstration.
    if (angry_crowd(actors) && !side_is(actors, Role::protesters) && !side_armed(actors)) return kMob;
    if (crowd_side(actors) && !side_armed(actors)) return kRiot;  // "supporters set fire to a door"
    // "groups of young men set fire to the prosecutor's office": a riot in a story of protesters, else a mob
    // ("groups of hooded men who broke away from the rally").
    if (many_men(actors) && !side_armed(actors)) return ctx.protesters > 0 ? kRiot : kMob;
    if (breaking_in(f) && storming_crowd(actors) && !side_armed(actors)) return kRiot;  // "hundreds of students broke into the legislature"
    // "Cars were set alight as crowds tried to enter the building": burnt by no one named, beside a crowd.
    if (f.cls == C::destroy && f.verbal && f.passive && f.agent < 0 && actors.empty() && crowd_in_sentence()) return kRiot;
  }
  if (any({C::destroy})) return deadly_fire(f) ? kAttack : kDestruction;
  return std::nullopt;
}

// How the sentence says a gathering was met: 2 with lethal force ("live
// rounds", shots, deaths), 1 broken up ("tear gas", "water cannon",
// "dispersed", arrests), 0 not at all.
int SentenceEvents::force_against_crowd() const {
  int force = 0;
  for (size_t k = 0; k < v.size(); ++k) {
    const std::string& w = word(k);
    const std::string& next = k + 1 < v.size() ? word(k + 1) : std::string();
    if (w == "live" && one_of(next, {"fire", "rounds", "ammunition", "bullets"})) return 2;
    if ((w == "tear" && next == "gas") || (w == "water" && one_of(next, {"cannon", "cannons"})) || (w == "rubber" && next == "bullets") ||
        (w == "pepper" && next == "spray") || (one_of(w, {"stun", "sound"}) && one_of(next, {"grenade", "grenades"})) ||
        (w == "warning" && one_of(next, {"shots", "shot"})) || one_of(w, {"flashbangs", "flash-bangs"}) ||
        one_of(w, {"teargas", "batons", "baton", "dispersed", "disperse", "dispersing", "truncheons", "arrested", "detained"})) {
      // "the release of detained students": those held before, no force met this crowd
      // ("police detained protesters" is force).
      const bool adjective = (w == "arrested" || w == "detained") && k > 0 &&
                             one_of(word(k - 1), {"of", "the", "a", "their", "its", "his", "her", "all"}) && k + 1 < v.size() &&
                             is_noun(v.parse.tags[k + 1]);
      if (!adjective) force = 1;
    }
  }
  // "marched peacefully ... carrying photographs of those killed": deaths told of others.
  for (size_t k = 0; k < v.size(); ++k)
    if (one_of(word(k), {"peacefully", "peaceful"}) || (word(k) == "without" && k + 1 < v.size() && word(k + 1) == "incident")) return 0;
  // Lethal force against a crowd is the state's: "gunmen fired on a rally" is an attack on it, not force used to police it.
  bool state = false;
  for (size_t k = 0; k < v.size(); ++k)
    state = state || lex.roles.ends_at(v.words, 0, k, Role::police_forces) || lex.roles.ends_at(v.words, 0, k, Role::state_forces);
  // (Not a tally of a campaign: "as the UN said at least 22 people had been killed since protests began".)
  const auto tally_since = [&](const Frame& o) {
    for (size_t k = o.last + 1; k < v.size() && k <= o.last + 3; ++k)
      if (word(k) == "since") return true;
    return false;
  };
  // (Nor a death a relative clause tells of someone the protest is about: "over the death of George Floyd, a man who died".)
  // (Nor deaths of the state's own men, or by a hand named that is not the state's: "a day after two soldiers were
  // killed by a crowd".)
  const auto state_chunk = [&](int c) { return c >= 0 && (is(c, Role::police_forces) || is(c, Role::state_forces)); };
  const auto others_killing = [&](const Frame& o) {
    if (!o.verbal || o.cls == C::shoot) return false;
    const int doer = o.passive ? o.agent : o.subject, victim = o.passive ? o.subject : o.object;
    const bool own_clause = victim >= 0 && chunk(victim).clause == chunk(o.chunk).clause;
    return (own_clause && state_chunk(victim)) ||
           (doer >= 0 && !state_chunk(doer) && chunk(doer).kind == ChunkKind::noun && !is(doer, Role::weapon_gun));
  };
  // (Nor the grievance a march is against: "chanting slogans against the shooting".)
  // ("calling for justice for the man shot dead by a police officer on Saturday": a participle of the person a
  // phrase of the march names.)
  const auto against = [&](int c) {
    return c >= 0 && chunk(c).kind == ChunkKind::prep &&
           one_of(word(chunk(c).head), {"against", "over", "about", "condemning", "denouncing", "protesting"});
  };
  const auto grievance = [&](const Frame& o) {
    if (!o.verbal) return o.chunk > 0 && against(o.chunk - 1);
    const bool for_person =
        o.chunk >= 2 &&
        (against(o.chunk - 2) || (chunk(o.chunk - 2).kind == ChunkKind::prep && one_of(word(chunk(o.chunk - 2).head), {"for", "of"})));
    return for_person && !chunk(o.chunk).finite && v.parse.tags[chunk(o.chunk).head] == Pos::VBN &&
           chunk(o.chunk - 1).kind == ChunkKind::noun;
  };
  for (const Frame& o : frames)
    if (state && (o.cls == C::shoot || ((o.cls == C::kill || o.cls == C::die) && o.verbal && chunk(o.chunk).finite && !tally_since(o))) &&
        !describes_noun_of(v, chunk(o.chunk).clause) && !others_killing(o) && !grievance(o))
      return 2;
  return force;
}

// A hit whose subject only counts ("one", "others", "two of them") is
// done by the weapon the sentence before fired.
std::optional<Role> SentenceEvents::weapon_told_before(const Frame& f) const {
  if (!context_weapon || !(f.cls == C::hit || f.cls == C::strike || f.cls == C::explode) || f.subject < 0 || f.passive) return std::nullopt;
  const Chunk& s = chunk(f.subject);
  const std::string& h = word(s.head);
  const bool counting = v.parse.tags[s.head] == Pos::CD || v.parse.tags[s.head] == Pos::PRP ||
                        one_of(h, {"others", "some", "several", "many", "most", "rest", "one", "another"});
  if (!counting) return std::nullopt;
  return context_weapon;
}

// The weapon this sentence fires, for the next one to refer to.
std::optional<Role> SentenceEvents::weapon_fired() const {
  for (const Role r : {Role::weapon_shell, Role::weapon_air, Role::weapon_explosive})
    for (size_t c = 0; c < v.parse.chunks.size(); ++c)
      if (chunk(static_cast<int>(c)).kind == ChunkKind::noun && has(static_cast<int>(c), r) &&
          !(r == Role::weapon_air && has(static_cast<int>(c), Role::weapon_suicide)))  // "the suicide bomber": no aircraft
        return r;
  return std::nullopt;
}

// ---- is it political violence at all? -------------------------------------
// "shot dead two fans", "shooting dead a policeman": a shooting that tells its own dead.
// ("shot all of them dead", "shot the man dead": after its object too; "were all dead, shot in the scrubland": after the state.)
bool SentenceEvents::shot_dead(const Frame& f) const {
  if (!f.verbal || f.cls != C::shoot) return false;
  if (f.last + 1 < v.size() && word(f.last + 1) == "dead") return true;
  if (f.first >= 2 && word(f.first - 1) == "," && word(f.first - 2) == "dead") return true;
  std::vector<int> object;
  add_with_of(object, f.object);
  if (object.empty() || object.back() < 0) return false;
  const uint32_t after = chunk(object.back()).last + 1;
  return after < v.size() && word(after) == "dead";
}

bool SentenceEvents::casualties(const Frame& f, const std::vector<int>& evidence) const {
  if (is_consequence(f.cls) && f.cls != C::destroy) return true;
  return std::any_of(evidence.begin(), evidence.end(), [&](int e) {
    const C c = frames[static_cast<size_t>(e)].cls;
    return c == C::kill || c == C::harm || c == C::die;
  });
}

bool SentenceEvents::self_anchored(const Frame& f) const {
  switch (f.cls) {
    case C::air:
    case C::shell:
    case C::explosive:
    case C::suicide:
    case C::grenade:
    case C::chemical:
    case C::protest:
    case C::riot:
    case C::abduct:
      return true;
    case C::massacre:
    case C::ambush:
      return !figurative_victim_or_doer(f);
    case C::clash:
      return !f.verbal;  // "heavy fighting", "clashes"; the verbs need fighters
    case C::bomb:
      return !f.verbal;  // "a bombing"
    default:
      return false;
  }
}

// "armed civilians", "armed men": people the sentence calls armed, whatever they did.
bool SentenceEvents::armed_people_named() const {
  for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
    const Chunk& ch = chunk(static_cast<int>(c));
    if (ch.kind != ChunkKind::noun || is(static_cast<int>(c), Role::police_forces) || is(static_cast<int>(c), Role::state_forces)) continue;
    for (uint32_t k = ch.first; k < ch.head; ++k)
      if (word(k) == "armed") return true;
  }
  return false;
}

// An action in an "after" clause of a protest's beginning: what the protest was about, not force used on it.
bool SentenceEvents::cause_of_protest(const Frame& f) const {
  const Clause& cl = clause_of(f);
  if (cl.opener != "after" || cl.parent < 0) return false;
  return std::any_of(frames.begin(), frames.end(),
                     [&](const Frame& o) { return o.cls == C::protest && chunk(o.chunk).clause == cl.parent; });
}

// "the auction had been ambushed by a surge of product", "a steep sea that ambushed the fleet", "the shorts got
// massacred": a verb of ambush or massacre whose doer or victim is a thing, no person, armed side or place.
bool SentenceEvents::figurative_victim_or_doer(const Frame& f) const {
  if (!f.verbal) return false;
  const auto thing = [&](int c) {
    return c >= 0 && !people(c) && !side_armed({c}) && !is(c, Role::state_forces) && !is(c, Role::police_forces) &&
           !is(c, Role::civilian) && !is(c, Role::military_target) && !is(c, Role::territory) && !place_in(c);
  };
  const int doer = f.passive ? f.agent : f.subject;
  const int victim = f.passive ? f.subject : f.object;
  return thing(doer) || (f.cls == C::massacre && thing(victim));
}

// The senses of war words that are not war: sport, labour, markets,
// criticism, disasters and illness.
// A labour word in the clause of a verb ("workers struck"), in the sentence
// of a noun ("the strike by dockers").
bool SentenceEvents::labour_in_clause(const Frame& f) const {
  if (!f.verbal) return lex.roles.any_in(v.words, 0, v.size() - 1, Role::labour);
  const int clause = chunk(f.chunk).clause;
  for (size_t k = 0; k < v.size(); ++k)
    if (chunk(v.parse.chunk_of[k]).clause == clause && lex.roles.ends_at(v.words, 0, k, Role::labour)) return true;
  return false;
}

bool SentenceEvents::other_sense(const Frame& f, const std::vector<int>& actors, const std::vector<int>& targets) const {
  if (!f.verbal && (has(f.chunk, Role::disaster) || has(f.chunk, Role::abstract))) return true;  // "heart attack", "cyber attack"
  // "Japan lodged a protest with China", "the embassy, which has protested against the removal": a state's
  // or an institution's complaint, no demonstration.
  if (f.cls == C::protest) {
    if (!f.verbal && f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::verb &&
        one_of(word(chunk(f.chunk - 1).head), {"lodged", "lodge", "lodges", "filed", "file", "files", "registered", "issued", "delivered"}))
      return true;
    // ("The Russian embassy in Tallinn, which has protested": the institution before its place.)
    const auto institution = [&](int c) {
      return c >= 0 &&
             one_of(word(chunk(c).head), {"embassy", "ministry", "government", "governments", "envoy", "ambassador", "consulate"});
    };
    if (f.verbal && f.subject >= 0 &&
        (institution(f.subject) || (f.subject >= 2 && chunk(f.subject - 1).kind == ChunkKind::prep &&
                                    word(chunk(f.subject - 1).head) == "in" && institution(f.subject - 2))))
      return true;
    // "Japan protests to China", "Japan had strongly protested through diplomatic channels": a country that protests.
    if (f.verbal && f.subject >= 0 && !f.passive)
      for (size_t m : here)
        if (!mentions[m].candidates.empty() && !mentions[m].demonym && within_chunk(mentions[m], f.subject) &&
            kind_of(mentions[m]) == PlaceKind::country && mentions[m].last_token == v.token(chunk(f.subject).head))
          return true;
  }
  // "a legal battle", "a political attack": a modifier that makes the noun a figure of speech.
  if (!f.verbal)
    for (uint32_t k = chunk(f.chunk).first; k < f.first; ++k)
      if (lex.roles.is(word(k), Role::figurative)) return true;
  // "Bomb disposal experts carried out a controlled explosion": a device made safe (not a "remote-controlled" one).
  if (!f.verbal && f.first > 0 && word(f.first - 1) == "controlled" && !(f.first > 1 && word(f.first - 2) == "-")) return true;
  // "fired shots at the house and left a grenade in the garden", "police found a grenade": a weapon left or
  // found, unexploded, is no grenade attack (the shots are the attack).
  if (!f.verbal && (f.cls == C::grenade || f.cls == C::explosive) && f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::verb &&
      one_of(word(chunk(f.chunk - 1).head), {"left", "leaving", "found", "discovered", "recovered", "seized", "defused", "abandoned"}))
    return true;
  // "Hundreds of residents blocked the highway": a crowd's blockade of a road is a protest; the police or
  // a landslide blocking one, or people blocking anything else ("blocked the deal"), is not.
  if (f.cls == C::protest && f.verbal && blocking_word(word(f.first))) {
    const bool road = road_object(f);
    // ("residents and the pro-Camacho civic committee blocked the main avenues": any noun of the clause before the
    // verb that is no preposition's object.)
    bool people_before = false;
    for (int c = f.chunk - 1; c >= 0 && chunk(c).clause == chunk(f.chunk).clause; --c)
      people_before = people_before ||
                      (chunk(c).kind == ChunkKind::noun && !(c > 0 && chunk(c - 1).kind == ChunkKind::prep && !chunk(c - 1).opens_clause) &&
                       (people(c) || is(c, Role::protesters)));
    const bool crowd = !f.passive && people_before && !state_side(actors) && !side_armed(actors);
    if (!road || !crowd) return true;
  }
  // "A man stabbed his neighbour to death in a dispute over land", "was killed by her husband":
  // a killing within a family or between neighbours, by no armed side, is a crime, no conflict's.
  if ((f.cls == C::kill || f.cls == C::shoot || f.cls == C::harm) && f.verbal && !side_armed(actors) && !side_armed(targets)) {
    const auto kin = [&](int c) {
      if (c < 0) return false;
      const Chunk& ch = chunk(c);
      return one_of(word(ch.first), {"his", "her", "their"}) &&
             one_of(word(ch.head),
                    {"wife",      "husband",    "brother",    "sister",     "father",    "mother",    "son",        "daughter",
                     "neighbour", "neighbor",   "cousin",     "uncle",      "nephew",    "relative",  "girlfriend", "boyfriend",
                     "partner",   "stepfather", "stepmother", "neighbours", "neighbors", "relatives", "in-laws"});
    };
    bool dispute = false;
    for (size_t k = 0; k + 2 < v.size(); ++k)
      if ((word(k) == "dispute" || word(k) == "quarrel" || word(k) == "argument") && one_of(word(k + 1), {"over", "with", "about"}))
        dispute = true;
    // (A dispute between one man and another; cartels' and clans' disputes are fought.)
    const bool one_on_one = one_person(f.passive ? f.agent : f.subject) && one_person(f.passive ? f.subject : f.object);
    if (kin(f.agent) || kin(f.subject) || kin(f.object) || (dispute && one_on_one)) return true;
  }
  // "An earthquake struck near Jalalabad", "the storm hit the coast": nature's blow, no weapon's.
  if ((f.cls == C::strike || f.cls == C::hit || f.cls == C::pound) && f.verbal && !f.passive)
    // The subject and its "of" phrases, right before the verb ("An earthquake of magnitude 6.1 struck").
    for (int c = f.chunk - 1; c >= 0; --c) {
      const Chunk& x = chunk(c);
      if (x.kind == ChunkKind::noun) {
        if (has(c, Role::disaster)) return true;
        continue;
      }
      if (x.kind == ChunkKind::prep && word(x.head) == "of") continue;
      break;
    }
  // "snatched four aid workers" takes people; "snatched a woman's bag" is theft.
  if (f.cls == C::abduct && f.verbal && word(f.first).rfind("snatch", 0) == 0) {
    const int taken = f.passive ? f.subject : f.object;
    if (taken < 0 || !(people(taken) || is(taken, Role::civilian) || is(taken, Role::military_target))) return true;
  }
  // "Units that had fought in Shusha marched past to applause", "cadets paraded": soldiers marching parade.
  if (f.cls == C::protest && f.verbal && one_of(word(f.first), {"march", "marched", "marching", "marches"}) && f.subject >= 0 &&
      (is(f.subject, Role::state_forces) || one_of(word(chunk(f.subject).head), {"units", "cadets", "contingents", "battalions",
                                                                                 "regiments", "detachments", "columns", "bands"})))
    return true;
  // "fired tear gas to separate the groups": crowd control tells a protest only where protesters or a crowd are named.
  if (f.cls == C::protest && !f.verbal && crowd_control(v, f.first, f.last)) {
    bool crowd = false;
    for (size_t c = 0; c < v.parse.chunks.size(); ++c)
      if (chunk(static_cast<int>(c)).kind == ChunkKind::noun &&
          (is(static_cast<int>(c), Role::protesters) || gathering_noun(static_cast<int>(c)) ||
           is(static_cast<int>(c), Role::mob)))  // "to hold back angry residents"
        crowd = true;
    for (const Frame& o : frames)
      if (&o != &f && o.cls == C::protest && !crowd_control(v, o.first, o.last)) crowd = true;
    if (!crowd) return true;
  }
  // "police seized 16 pistols, six rifles and 12 grenades", "defused a bomb": weapons found, not used.
  if (!f.verbal) {
    int verb = f.governor;
    for (int c = f.chunk - 1; verb < 0 && c >= 0; --c) {  // back over the list the weapon ends
      const ChunkKind k = chunk(c).kind;
      if (k == ChunkKind::verb) verb = c;
      const bool of = k == ChunkKind::prep && word(chunk(c).head) == "of";  // "41 rounds of ammunition and 3 grenades"
      if (k != ChunkKind::noun && k != ChunkKind::punct && k != ChunkKind::conj && k != ChunkKind::verb && !of) break;
    }
    if (verb >= 0 &&
        one_of(word(chunk(verb).head), {"seized", "seize", "seizes", "seizing", "recovered", "recover", "found", "find", "confiscated",
                                        "discovered", "defused", "defuse", "impounded", "dismantled", "smuggled", "smuggling"}))
      return true;
  }
  // "dispersing aircraft and warships": only a crowd is dispersed.
  if (f.cls == C::protest && f.verbal && one_of(word(f.first), {"disperse", "disperses", "dispersed", "dispersing"})) {
    // ("dispersed a group of several hundred supporters": the crowd its "of" phrase names.)
    std::vector<int> dispersed;
    add_with_of(dispersed, f.passive ? f.subject : f.object);
    const bool crowd = std::any_of(dispersed.begin(), dispersed.end(), [&](int c) {
      return c >= 0 && (is(c, Role::protesters) || is(c, Role::mob) || people(c) || gathering_noun(c) ||
                        one_of(word(chunk(c).head), {"supporters", "followers", "youths"}));
    });
    if (!crowd) return true;
  }
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
  // "marching them into the bush": people driven, not a protest.
  if (f.cls == C::protest && f.verbal && !f.passive && f.object >= 0 &&
      (one_of(word(chunk(f.object).head), {"them", "him", "her", "us"}) || people(f.object)) &&
      one_of(word(f.first), {"marching", "marched", "march", "marches"}))
    return true;
  if (gathering_without_protest(f)) return true;
  // "extending a rally" among prices and futures: a market's rally (markets rally; they do not protest or march).
  if (f.cls == C::protest && one_of(word(f.last), {"rally", "rallies", "rallied", "rallying"})) {
    bool market = false;
    for (size_t k = 0; k < v.size(); ++k) {
      // "protested in a rally": a rally that is itself a protest is no market's.
      const bool protest_word =
          std::any_of(frames.begin(), frames.end(), [&](const Frame& o) { return o.cls == C::protest && o.first <= k && k <= o.last; });
      if (!protest_word && lex.roles.ends_at(v.words, k, k, Role::market)) market = true;
    }
    // People gathered ("several hundred people held a rally"), not prices and the traders who bet on them.
    const bool prices = std::any_of(v.words.begin(), v.words.end(), [](const std::string& w) {
      return one_of(w, {"price", "prices", "stocks", "shares", "futures", "index", "bonds", "currency", "markets"});
    });
    const bool crowd = lex.roles.any_in(v.words, 0, v.size() - 1, Role::protesters) ||
                       (!prices && (lex.roles.any_in(v.words, 0, v.size() - 1, Role::civilian) ||
                                    std::any_of(v.words.begin(), v.words.end(), [](const std::string& w) { return w == "people"; })));
    if (market && !crowd) return true;
  }
  if (f.cls == C::strike || f.cls == C::attack || f.cls == C::protest) {
    // Workers on strike, in the strike's own clause ("two health workers ...
    // told" a drone strike is a source, not a walkout); a drone or a jet
    // that strikes is never one.
    if (f.cls == C::strike && labour_in_clause(f) && !side_has(actors, Role::weapon_air) && !side_has(actors, Role::weapon_shell) &&
        !side_armed(actors))
      return true;
    if (f.cls == C::strike && !f.verbal && (has(f.chunk, Role::labour) || word(chunk(f.chunk).first) == "general")) return true;
    if (f.cls == C::strike && !f.verbal && stoppage(f)) return true;
  }
  // "a campaign rally", "an election rally": a party's meeting, no protest.
  if (f.cls == C::protest && !f.verbal && f.first > chunk(f.chunk).first &&
      one_of(word(f.first - 1), {"campaign", "election", "electoral", "pre-election"}))
    return true;
  // ("Hundreds of traders staged a sit-in", "traders marched": market traders protest; traders who "rallied"
  // may be a market's.)
  const bool traders_protest = f.cls == C::protest && f.verbal && !one_of(word(f.first), {"rally", "rallied", "rallies", "rallying"});
  // Fans who march chanting against the rulers protest: "marched towards the Interior Ministry, chanting against
  // the military council".
  const bool political_march = f.verbal && f.cls == C::protest && std::any_of(v.words.begin(), v.words.end(), [](const std::string& w) {
                                 return one_of(w, {"chanting", "chanted", "slogans", "demanding", "demanded"});
                               });
  if ((side_is(actors, Role::market) && !traders_protest) || side_is(actors, Role::disaster) ||
      (ctx.sport() >= 2 && side_is(actors, Role::sport) && !political_march))
    return true;
  // ("The market has been ambushed": a market of shares, not of stalls.)
  // (But "a joint team was ambushed by Maoists": a team an armed side attacks is people.)
  if ((f.cls == C::attack || f.cls == C::hit || f.cls == C::strike || f.cls == C::clash || f.cls == C::ambush) &&
      (side_is(targets, Role::abstract) || (side_is(targets, Role::sport) && !side_armed(actors)) || (ctx.markets >= 3 && traded(targets))))
    return true;
  // A film or a book and its review: its shelling is on screen.
  if (ctx.fiction >= 3 && ctx.fiction > ctx.weapons()) return true;
  // A report on a military exercise: its landings are repelled in a scenario.
  if (ctx.drill >= 4) return true;
  // A report about sport: its attacks and strikes are on goal.
  // (Not a paragraph of weapons without a sport word: a radio bulletin's sports item does not make its news sport.)
  // (An ambush or a massacre stays one where the report names a weapon or the side is armed: "gunmen ambushed
  // the team's bus"; in a chess column with none, "he was ambushed in the seventh round" is play.)
  // (Nor a killing: "shooting dead two football supporters", "opened fire on a group of fans", "was killed by police".)
  // ("74 people were killed in violence at the end of a league match": people counted dead are no play.)
  const bool lethal = shot_dead(f) || (f.verbal && f.cls == C::shoot && word(f.first) == "opened") ||
                      (f.verbal && f.cls == C::kill && (f.passive ? state_side(actors) : !targets.empty())) ||
                      (f.verbal && f.cls == C::kill && f.passive && people(f.subject) && count_in(f.subject));
  // (Nor stones thrown at the police: "some of them threw stones at the riot police" is a riot, whoever's fans.)
  const bool at_police = f.verbal && f.cls == C::riot && side_is(targets, Role::police_forces);
  const bool real_even_in_sport =
      lethal || at_police || political_march || (self_anchored(f) && (ctx.weapons() > 0 || side_armed(actors) || f.cls == C::protest));
  if (ctx.sport() >= 3 && ctx.sport() > 2 * ctx.weapons() && !real_even_in_sport && !news_paragraph()) return true;
  // ("Joe Biden's election victory": a vote's, not a game's.)
  bool sport_word = false;
  for (size_t k = 0; k < v.size() && !sport_word; ++k) sport_word = lex.roles.longest_ends_at(v.words, 0, k, Role::sport);
  if (sport_word && !real_even_in_sport && !side_armed(actors) && ctx.weapons() == 0) return true;
  return false;
}

// Does the sentence's paragraph name weapons and no sport word?
bool SentenceEvents::news_paragraph() const {
  size_t first = v.index, last = v.index;
  while (first > 0 && !seg.sentences[first].paragraph_start) --first;
  while (last + 1 < seg.sentences.size() && !seg.sentences[last + 1].paragraph_start) ++last;
  const uint32_t from = seg.sentences[first].first_token, to = seg.sentences[last].first_token + seg.sentences[last].token_count;
  auto in_paragraph = [&](const std::vector<uint32_t>& at) {
    return std::any_of(at.begin(), at.end(), [&](uint32_t k) { return k >= from && k < to; });
  };
  return in_paragraph(ctx.weapon_tokens) && !in_paragraph(ctx.sport_tokens);
}

// An actor's record: an action in a "which"/"who" clause of an actor, in the present perfect
// ("who had marched on Friday" is a past action told; "a statement that they have captured" no relative).
bool SentenceEvents::record_of_actor(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  const Clause& cl = clause_of(f);
  if (cl.kind != ClauseKind::relative || !one_of(cl.opener, {"which", "who"}) || frame_date(f)) return false;
  // Of an actor ("Boko Haram, which has used"), not of places ("the towns, which have come under attack").
  const int who = cl.antecedent;
  if (who < 0 || place_in(who) || !(is(who, Role::armed) || people(who) || seg.tokens[v.token(chunk(who).head)].capitalized)) return false;
  for (size_t g = 0; g < v.parse.chunks.size(); ++g) {
    const Chunk& c = chunk(static_cast<int>(g));
    if (c.clause != clause || c.kind != ChunkKind::verb || !c.perfect) continue;
    for (uint32_t k = c.first; k <= c.head; ++k)
      if (one_of(word(k), {"has", "have"})) return true;
  }
  return false;
}

// Is the frame the event an anniversary remembers: the noun after "anniversary of", or an
// action in a relative clause after it?
bool SentenceEvents::remembered_by_anniversary(const Frame& f) const {
  for (size_t a = 0; a + 1 < v.size() && a < f.first; ++a) {
    if (!one_of(word(a), {"anniversary", "anniversaries"})) continue;
    if (!f.verbal && f.first <= a + 5 && word(a + 1) == "of") return true;
    if (clause_of(f).kind == ClauseKind::relative) return true;
  }
  return false;
}

// "About 300 people gathered outside the governor's office, demanding ...": people who gather
// protest only when they demand, chant or carry placards after it; "investigators gathered
// evidence" is no gathering, and "as they gathered to ..." the setting of what happened to them.
bool SentenceEvents::gathering_without_protest(const Frame& f) const {
  if (f.cls != C::protest || !f.verbal || !one_of(word(f.first), {"gathered", "assembled", "converged", "filled", "thronged"}))
    return false;
  const bool fills = one_of(word(f.first), {"filled", "thronged"});
  // "filled the roads around the council", "thronged the square": a crowd fills a place, nothing else.
  if (fills && (f.object < 0 || !one_of(word(chunk(f.object).head), {"streets", "roads", "road", "square", "squares", "avenue", "avenues",
                                                                     "centre", "center", "area", "areas", "park", "boulevard", "highway"})))
    return true;
  const ClauseKind kind = clause_of(f).kind;
  if (kind == ClauseKind::subordinate || kind == ClauseKind::relative) return true;
  // ("gathered again today in the square": a time is no object.)
  if ((f.object >= 0 && !fills && !chunk(f.object).time) || !(people(f.subject) || is(f.subject, Role::protesters))) return true;
  for (size_t k = f.last + 1; k < v.size(); ++k) {
    // ("... on Saturday in the largest of the student-led protests": the gathering named a protest.)
    if (one_of(word(k), {"demanding", "demand", "chanting", "chanted", "protesting", "protest", "protests", "demonstration",
                         "demonstrations", "rally", "placards", "banners", "slogans", "denouncing", "condemning", "waving"}))
      return false;
    if (word(k) == "calling" && k + 1 < v.size() && word(k + 1) == "for") return false;
    // "to oppose the changes", "to express support for the group", "in solidarity with": a cause stated.
    if (one_of(word(k), {"oppose", "opposing", "opposed", "solidarity"}) ||
        (word(k) == "support" && k > 0 && one_of(word(k - 1), {"express", "show", "voice", "in", "of"})))
      return false;
  }
  return true;
}

// "Unidentified people set fire to a church", "arsonists torched the office": someone's deliberate act.
bool SentenceEvents::set_by_unknown_people(const Frame& f) const {
  if (!f.verbal || f.passive || f.subject < 0) return false;
  const Chunk& who = chunk(f.subject);
  if (one_of(word(who.head), {"arsonists", "arsonist", "vandals"})) return true;
  if (deadly_fire(f)) return true;
  for (uint32_t k = who.first; k < who.head; ++k)
    if (one_of(word(k), {"unidentified", "unknown"})) return people(f.subject);
  return false;
}

// "A man doused the studio with petrol and set it on fire, killing 33 people": a fire a person set
// that killed is an attack, whoever the person. (The killing as a participle after it, whatever noun
// it is evidence of: "..., killing 33 in one of the deadliest attacks".)
bool SentenceEvents::deadly_fire(const Frame& f) const {
  if (f.cls != C::destroy || !f.verbal || f.passive || f.subject < 0) return false;
  if (!one_of(word(f.first), {"set", "sets", "setting", "torched", "torch", "torching"}) || !people(f.subject) || disaster_in_sentence())
    return false;
  return std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
    return o.cls == C::kill && o.verbal && !o.passive && o.first > f.last && !chunk(o.chunk).finite;
  });
}

// "The attackers, who carried guns, grenades and explosives", "police found two grenades": arms someone had,
// found or took, named as a thing, not thrown or set off.
bool SentenceEvents::arms_carried(const Frame& f) const {
  if (f.verbal || (f.cls != C::grenade && f.cls != C::explosive && f.cls != C::bomb)) return false;
  // The verb before the list the noun is in: "carried [guns], [grenades] and [explosives]".
  int c = f.chunk - 1;
  while (c >= 0 && (chunk(c).kind == ChunkKind::noun || chunk(c).kind == ChunkKind::conj || word(chunk(c).head) == ",")) --c;
  if (c < 0 || chunk(c).kind != ChunkKind::verb) return false;
  return one_of(word(chunk(c).head),
                {"carried",   "carry",      "carries", "carrying",  "possessed",  "possessing", "stockpiled", "smuggled",
                 "smuggling", "hid",        "hidden",  "hiding",    "stored",     "found",      "recovered",  "confiscated",
                 "seized",    "discovered", "defused", "displayed", "brandished", "brandishing"});
}

// "shot down 40 of 54 drones", "intercepted two missiles": munitions stopped in the air.
bool SentenceEvents::downs_munitions(const Frame& f) const {
  if (!f.verbal || f.object < 0) return false;
  const bool downing =
      (f.cls == C::shoot && f.last + 1 < v.size() && word(f.last + 1) == "down") || one_of(word(f.first), {"intercepted", "intercept"});
  if (!downing) return false;
  std::vector<int> downed;
  add_with_of(downed, f.object);
  return std::any_of(downed.begin(), downed.end(), [&](int c) {
    return one_of(word(chunk(c).head), {"drone", "drones", "missile", "missiles", "rocket", "rockets", "shahed", "shaheds"});
  });
}

// "Their convoy hit a mine", "the bus struck a roadside bomb": what was hit is the weapon.
bool SentenceEvents::vehicle_hit_mine(const Frame& f) const {
  return (f.cls == C::hit || f.cls == C::strike) && f.verbal && !f.passive && f.object >= 0 && has(f.object, Role::weapon_explosive);
}

// "Cars were set alight as crowds tried to enter the building": a crowd or
// a gathering anywhere in the sentence.
bool SentenceEvents::crowd_in_sentence() const {
  for (int c = 0; c < static_cast<int>(v.parse.chunks.size()); ++c)
    if (chunk(c).kind == ChunkKind::noun && (crowd_side({c}) || gathering_noun(c))) return true;
  return false;
}

// Soldiers, police, civilians, a place, a base, or a vehicle: what can be shot at.
// (Positions, a checkpoint, an outpost are territory already.)
bool SentenceEvents::fired_upon(int c) const {
  if (c < 0) return false;
  if (is(c, Role::state_forces) || is(c, Role::police_forces) || is(c, Role::civilian) || is(c, Role::territory) ||
      is(c, Role::military_target) || has(c, Role::weapon_air) || place_in(c))
    return true;
  return one_of(word(chunk(c).head), {"convoy", "convoys", "patrol",   "patrols",     "vehicle",  "vehicles", "bus",       "buses",
                                      "car",    "cars",    "truck",    "trucks",      "ship",     "ships",    "vessel",    "vessels",
                                      "boat",   "boats",   "tanker",   "tankers",     "train",    "trains",   "motorcade", "peacekeepers",
                                      "post",   "posts",   "position", "checkpoints", "outposts", "camp",     "camps"});
}

// "called an indefinite regional strike", "ended a 36-day strike": a stoppage, by its length or reach, or
// by what is done with it (not "a drone strike", "called in an air strike").
bool SentenceEvents::stoppage(const Frame& f) const {
  const Chunk& ch = chunk(f.chunk);
  for (uint32_t k = ch.first; k < ch.head; ++k) {
    const std::string& w = word(k);
    if (lex.roles.is(w, Role::weapon_air) || lex.roles.is(w, Role::weapon_shell) || one_of(w, {"air", "missile", "drone", "military"}))
      return false;
  }
  for (uint32_t k = ch.first; k < ch.head; ++k) {
    const std::string& w = word(k);
    if (one_of(w, {"indefinite", "nationwide", "national", "regional", "civic", "week-long", "day-long", "weeklong", "open-ended"}) ||
        w.ends_with("-day") || w.ends_with("-hour") || w.ends_with("-week") ||
        (k > ch.first && word(k - 1) == "-" && one_of(w, {"day", "hour", "week", "month"})))  // "a 36 - day strike", as tokens
      return true;
  }
  // (A new stoppage, "called a strike"; not "called the latest strike a blatant assassination".)
  return f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::verb && one_of(word(ch.first), {"a", "an", "strike", "strikes"}) &&
         one_of(word(chunk(f.chunk - 1).head), {"called", "call", "calls", "calling", "declared", "observed", "observe", "suspended",
                                                "lifted", "joined", "staged", "stage"});
}

bool SentenceEvents::anchored(const Frame& f, const std::vector<int>& evidence, const std::vector<int>& actors,
                              const std::vector<int>& targets) const {
  if (self_anchored(f)) return true;
  // "took part in the march", "took place", "took note": an idiom, no taking, whatever its evidence.
  if (f.cls == C::take && f.verbal && f.object >= 0 && one_of(word(chunk(f.object).head), {"part", "place", "note", "time"})) return false;
  // "The shooting occurred in Beitunia": an action told as having taken place there.
  if (!f.verbal && f.governor >= 0 &&
      one_of(word(chunk(f.governor).head), {"occurred", "happened", "took", "unfolded", "erupted", "broke"}) && f.cls != C::strike &&
      f.cls != C::protest && frame_place(f, evidence).found())
    return true;
  for (int e : evidence)
    if (self_anchored(frames[static_cast<size_t>(e)])) return true;
  // "A patrol came under fire", "the base came under attack": what was fired on tells that it
  // was no figure of speech ("the minister came under fire for his remarks").
  if (f.came_under) return fired_upon(f.subject) || side_armed(actors);
  std::vector<int> carriers = actors;
  if (vehicle_hit_mine(f)) carriers.push_back(f.object);
  if (f.cls == C::shoot && !f.verbal) std::erase(carriers, f.chunk);  // "gunfire" is no weapon beside itself
  // ("set off explosive belts", "detonated a device": what went off.)
  if (f.cls == C::explode && f.verbal && !f.passive && f.object >= 0) carriers.push_back(f.object);
  if (f.cls == C::light) {  // what was fired
    if (f.object >= 0) carriers.push_back(f.object);
    if (f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::noun) carriers.push_back(f.chunk - 1);
  }
  const bool weapon = side_has(carriers, Role::weapon_air) || side_has(carriers, Role::weapon_shell) ||
                      side_has(carriers, Role::weapon_explosive) || side_has(carriers, Role::weapon_gun) ||
                      side_has(carriers, Role::weapon_grenade) || side_has(carriers, Role::weapon_suicide);
  const bool armed = side_armed(actors);
  // "has launched a series of ballistic missiles this year", "test-fired a cruise missile":
  // a launch or a test, aimed at no place, is no attack.
  if (f.cls == C::light && f.verbal && f.object >= 0) {
    bool tested = false;
    std::vector<int> launched;  // "a series of ballistic missiles": with its "of" phrase
    add_with_of(launched, f.object);
    for (int c : launched)
      for (uint32_t k = chunk(c).first; k <= chunk(c).last; ++k)
        tested = tested || one_of(word(k), {"ballistic", "test", "tests", "intercontinental", "icbm", "icbms", "hypersonic"});
    tested = tested || one_of(word(f.first), {"test-fired", "test-launched", "tested"});
    bool aimed = false;
    for (const auto& pp : f.preps)
      aimed = aimed || (pp.where == Parse::PrepPhrase::after &&
                        one_of(word(chunk(pp.prep).head), {"at", "on", "into", "towards", "toward", "against", "across"}));
    if (tested && !aimed && !casualties(f, evidence)) return false;
  }
  // "The attack had been repelled", "troops repulsed an assault", "was fended off": fighting told by what was fought off.
  if (f.cls == C::clash && f.verbal &&
      one_of(word(f.first),
             {"repel", "repelled", "repels", "repelling", "repulsed", "repulse", "fended", "fend", "fought", "beat", "beaten"}) &&
      (word(f.first) != "fought" || word(f.last) == "off")) {
    const int what = f.passive ? f.subject : f.object;
    if (what >= 0 && one_of(word(chunk(what).head), {"attack", "attacks", "assault", "assaults", "offensive", "raid", "raids", "incursion",
                                                     "incursions", "advance"}))
      return true;
  }
  // "shot down 40 of 54 drones", "intercepted the missiles": munitions stopped, no attack
  // told; nor by the launch of the ones stopped ("... 10 of 14 missiles launched overnight").
  if (downs_munitions(f)) return false;
  if (f.cls == C::light && std::any_of(frames.begin(), frames.end(), [&](const Frame& o) { return downs_munitions(o); }) &&
      std::none_of(f.preps.begin(), f.preps.end(), [&](const Parse::PrepPhrase& pp) {
        return pp.where == Parse::PrepPhrase::after && one_of(word(chunk(pp.prep).head), {"at", "on", "against", "towards", "toward"});
      }))  // (launched at a place, they were an attack, however many were stopped)
    return false;
  switch (f.cls) {
    case C::hit: {
      // "A plane landed in Baghdad": an aircraft lands; only a munition that lands hits.
      if (f.verbal && one_of(word(f.first), {"land", "lands", "landed", "landing"})) {
        std::vector<int> subject;
        add_with_of(subject, f.subject);
        return side_has(subject, Role::weapon_shell) || side_has(subject, Role::weapon_explosive);
      }
      return weapon || weapon_told_before(f).has_value() || thrown_by_crowd(f);
    }
    case C::explode: {  // "a bomb exploded", "militants detonated two bombs"
      if (thrown_and_exploded(f)) return true;
      std::vector<int> subject;
      add_with_of(subject, f.subject);
      if (side_has(subject, Role::weapon_explosive) || side_has(subject, Role::weapon_suicide)) return true;
      // "Militants blew up a railway bridge", "the bridge was blown up": something blown up by someone
      // (not "a gas tank blew up", which no one did).
      const bool blown_up = f.verbal && word(f.last) == "up" && one_of(word(f.first), {"blow", "blows", "blew", "blown", "blowing"});
      if (blown_up && ((f.passive && f.subject >= 0) || (armed && f.object >= 0))) return true;
      // "A second vehicle exploded at the mine, wounding 14 workers": a vehicle that blows up and hurts
      // people was a car bomb (a fuel tanker's blast is a disaster's, which the sentence then names).
      if (f.verbal && !f.passive && f.subject >= 0 &&
          one_of(word(chunk(f.subject).head), {"car",     "cars",  "vehicle", "vehicles",   "truck",       "trucks",    "van",
                                               "vans",    "lorry", "lorries", "motorcycle", "motorcycles", "motorbike", "motorbikes",
                                               "minibus", "bus",   "pickup",  "rickshaw",   "taxi",        "humvee",    "suv"}) &&
          casualties(f, evidence) && !disaster_in_sentence())
        return true;
    }
      return weapon || has(f.subject, Role::weapon_explosive) || has(f.object, Role::weapon_explosive) ||
             has(f.subject, Role::weapon_suicide) || has(f.object, Role::weapon_shell) || has(f.subject, Role::weapon_shell) ||
             has(f.object, Role::weapon_suicide) ||
             (armed && f.object >= 0 && lex.roles.is(word(chunk(f.object).head), Role::weapon_explosive));
    case C::take:
    case C::retake: {
      if (expelling_verb(f)) return driven_out(f) || police_drove_crowd(f, actors);
      // "Security forces cleared the two sit-ins staged by supporters of the ousted president": the force met a protest.
      // ("police tried to clear a blockade that teachers had kept up for a week": a protest's blockade too.)
      if (f.verbal && !f.passive && clearing_word(word(f.first)) && (sit_in(f.object) || protest_blockade(f.object)) &&
          police_clear_protest(actors))
        return true;
      // "Riot police cleared a square": a public space cleared of people by police, no ground regained.
      if (f.cls == C::retake && f.verbal && !f.passive && clearing_word(word(f.first)) && side_is(actors, Role::police_forces) &&
          f.object >= 0 &&
          one_of(word(chunk(f.object).head), {"square", "squares", "street", "streets", "road", "roads", "highway", "bridge", "park",
                                              "plaza", "avenue", "camp", "encampment", "roundabout", "intersection"}))
        return false;
      if (f.cls == C::take && taken_hostage(f)) return armed || ctx.main_group;
      // "seized power": a coup told, not ground taken (the idioms "took part/place" are set aside before).
      if (f.object >= 0 && one_of(word(chunk(f.object).head), {"power", "office", "hostage"})) return false;
      if (crowd_overran(f) || protesters_occupy(f, actors)) return true;
      // "held the town for two years": holding ground is no taking; only people held hostage are.
      if (held(f)) return false;
      // "Four gunmen entered the parliament's administrative building": the way into an attack, no ground taken.
      if (f.verbal && one_of(word(f.first), {"entered", "enter", "enters", "entering"}) && building(f.object)) return false;
      // "The rebels walked into the centre of Goma": only a town walked into is ground taken (not "walked into the bar").
      if (f.verbal && one_of(word(f.first), {"walked", "walk", "walks"})) {
        std::vector<int> into;
        add_with_of(into, f.object);
        if (std::none_of(into.begin(), into.end(), [&](int c) { return c >= 0 && (place_in(c) || is(c, Role::territory)); })) return false;
      }
      // "seized 16 pistols": weapons taken, not ground.
      // ("seized 116 tonnes of cocaine": the goods of the quantity's "of" phrase.)
      std::vector<int> seized;
      add_with_of(seized, f.object);
      if (std::any_of(seized.begin(), seized.end(), [&](int c) {
            return c >= 0 &&
                   one_of(word(chunk(c).head), {"pistols", "rifles", "weapons",   "arms",       "ammunition", "guns",        "drugs",
                                                "cocaine", "heroin", "cannabis",  "explosives", "grenades",   "cash",        "vehicles",
                                                "tonnes",  "tons",   "kilograms", "kilos",      "shipment",   "consignment", "cargo"});
          }))
        return false;
      // "taken by helicopter to hospitals", "were taken to facilities in Goma": carried, not taken.
      const bool take_verb =
          f.verbal && one_of(word(chunk(f.chunk).head), {"take", "takes", "took", "taken", "taking", "carried", "brought"});
      for (const auto& pp : f.preps)
        if (take_verb && pp.object >= 0 && pp.where == Parse::PrepPhrase::after && word(chunk(pp.prep).head) == "to") return false;
      bool territory = side_is(targets, Role::territory) || side_is(targets, Role::military_target);
      for (int c : targets) territory = territory || place_in(c);
      std::vector<int> object;  // "the new terminal of Donetsk airport", "took control of the town"
      add_with_of(object, taken_object(f));
      for (int c : object) territory = territory || is(c, Role::territory) || is(c, Role::military_target) || place_in(c);
      // "recaptured the government complex in Ramadi": a named place of the action's own.
      const Where w = frame_place(f, evidence);
      territory = territory || (w.found() && w.rank <= 2) || flag_raised_after(f);
      if (f.cls == C::take && (people(f.object) || is(f.object, Role::armed)) && (armed || v.headline)) return true;  // abduction, arrest
      if (f.cls == C::take && f.passive && people(f.subject) && armed) return true;
      if (f.cls == C::take && captured_person(f)) return true;
      // "The city was captured overnight": by the armed group the report is about.
      const bool implicit = f.verbal && f.passive && f.agent < 0 && ctx.main_group;
      // "The garrison was overrun": only force overruns a place.
      // ("flood waters overran more villages": no force, a disaster.)
      const bool by_force = f.verbal && one_of(word(f.first), {"overrun", "overran", "overruns", "overrunning"}) && !disaster_in_sentence();
      return territory && (armed || implicit || by_force || f.cls == C::retake);
    }
    case C::fall: {  // "Pul-e-Alam fell to the Taliban", "Chaghcharan fell without a fight"
      if (!f.verbal || f.subject < 0 || !(place_in(f.subject) || is(f.subject, Role::territory) || unresolved_name(f.subject)))
        return false;
      return side_armed(actors) || ctx.main_group;
    }
    case C::kill:
    case C::harm:
      // ("The death toll from Cyclone Freddy rose to 190, with 584 people injured": a disaster's toll.)
      return armed || weapon || (evidence.size() > 0 && !disaster_in_sentence()) || killed_by_hand(f) ||
             (person_hurt(f) && !disaster_in_sentence()) ||
             (f.verbal && !f.passive && crowd_side(actors) && people(f.object));  // "a crowd beat two suspected thieves"
    case C::arrest:
      return arrest_counts(f, actors);
    case C::sexual:  // "soldiers raped ten women", "detainees were raped": only people are; "rape" alone needs an armed side
      return armed || (f.verbal && (f.passive ? f.subject : f.object) >= 0);

    case C::raid:
      // Police raids are arrests, not attacks.
      if (side_is(actors, Role::police_forces) && !casualties(f, evidence)) return false;
      return ctx.air || armed || weapon || casualties(f, evidence);
    case C::destroy:  // burnt by no one named beside a crowd: the crowd's doing
      // "Officers who broke into the suite found the gunman dead": the state's forces going in, no damage done.
      if (f.verbal && breaking_word(word(f.first)) && state_side(actors)) return false;
      return armed || weapon || crowd_side(actors) || many_men(actors) || set_by_unknown_people(f) ||
             (breaking_in(f) && storming_crowd(actors)) || (f.verbal && f.passive && f.agent < 0 && crowd_in_sentence());
    default: {
      const bool damage =
          std::any_of(evidence.begin(), evidence.end(), [&](int e) { return frames[static_cast<size_t>(e)].cls == C::destroy; });
      // "Police and soldiers opened fire": the state's forces shooting act, whatever they hit.
      const bool state_fire = f.cls == C::shoot && f.verbal && state_side(actors);
      // "exchanged fire", "traded fire": two sides shooting, whoever they are.
      const bool fire_exchanged = f.cls == C::clash && f.verbal && (word(f.last) == "fire" || word(f.last) == "shots");
      return armed || weapon || state_fire || fire_exchanged || casualties(f, evidence) || toll_in_sentence().has_value() || damage ||
             side_is(targets, Role::military_target) || (f.cls == C::storm && storming_crowd(actors)) ||
             (f.cls == C::attack && f.verbal && (crowd_side(actors) || many_men(actors))) || person_hurt(f) ||
             (shot_dead(f) && !f.passive) || weapon_told_before(f).has_value() || air_strike_placed(f, evidence);
    }
  }
}

// "Protesters overran the president's residence", "supporters took over the TV
// building": a crowd taking a building, by one of the words of overrunning.
bool SentenceEvents::crowd_overran(const Frame& f) const {
  if (f.cls != C::take || !f.verbal || (f.passive && f.agent < 0)) return false;  // ("was overrun by protesters" too)
  const std::string& verb = word(chunk(f.chunk).head);
  const bool overrunning = one_of(verb, {"overran", "overrun", "overrunning", "overruns", "seized", "seizing"}) ||
                           (one_of(verb, {"took", "taken", "taking", "takes"}) && word(f.last) == "over");
  const std::vector<int> actors = actor_side(f);
  return overrunning && building(f.passive ? f.subject : f.object) && !side_armed(actors) && storming_crowd(actors);
}

// A building or compound a crowd can force its way into ("the president's residence", "the
// parliament building"), not "the opportunity", "the leadership" or a square it occupies.
bool SentenceEvents::building(int c) const {
  // ("Taiwan's Legislative Yuan": a legislature by its name.)
  if (c >= 0 && chunk_has_word(c, {"legislative"})) return true;
  return c >= 0 && one_of(word(chunk(c).head),
                          {"building",    "buildings",    "parliament", "residence",   "palace",     "house",    "home",    "office",
                           "offices",     "headquarters", "compound",   "station",     "airport",    "ministry", "embassy", "consulate",
                           "legislature", "assembly",     "congress",   "court",       "courthouse", "premises", "gate",    "gates",
                           "hall",        "chamber",      "mansion",    "secretariat", "prison",     "jail",     "campus",  "complex",
                           "base",        "barracks",     "studio",     "studios",     "capitol",    "senate"});
}

// A site of the state's forces named by its modifier: "an army camp", "the troops' forward operating
// base", "a police post", "their base" said of soldiers is left to the roles table.
bool SentenceEvents::military_site(int c) const {
  if (c < 0 || chunk(c).kind != ChunkKind::noun) return false;
  const Chunk& ch = chunk(c);
  if (!one_of(word(ch.head), {"camp", "camps", "base", "bases", "post", "posts", "outpost", "outposts", "barracks", "checkpoint",
                              "checkpoints", "position", "positions", "station", "headquarters", "garrison", "compound"}))
    return false;
  for (uint32_t k = ch.first; k < ch.head; ++k)
    if (one_of(word(k), {"army", "military", "naval", "navy", "police", "gendarmerie", "troops", "soldiers", "army's", "military's",
                         "operating", "forward", "security", "paramilitary", "marine", "marines"}))
      return true;
  return false;
}

// "broke into", "had broken into": a way in forced, as a storming is.
bool SentenceEvents::breaking_in(const Frame& f) const {
  return f.cls == C::destroy && f.verbal && breaking_word(word(f.first)) && (building(f.object) || shop(f.object));
}

// Where goods are: "crowds broke into supermarkets and stores" loot them.
// "tear gas", "rubber bullets", "water cannon", "stun grenades", "pepper spray": a gathering frame that is only the
// force that met a crowd.
bool SentenceEvents::crowd_control_frame(const Frame& f) const {
  return f.cls == C::protest && one_of(word(f.first), {"tear", "rubber", "water", "stun", "pepper"});
}

// Shops looted or attacked by a crowd in this sentence: "looted shops", "the looting spread", "crowds attacked Shoprite
// supermarkets".
bool SentenceEvents::shops_looted_in_sentence() const {
  return std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
    if (o.cls == C::destroy && o.verbal && word(o.first).starts_with("loot")) return true;
    if (!o.verbal && word(o.last) == "looting") return true;  // "the looting spread to the city centre, where ..."
    if (o.cls != C::attack || !o.verbal || !crowd_side(actor_side(o))) return false;
    const std::vector<int> hit = target_side(o);
    return std::any_of(hit.begin(), hit.end(), [&](int c) { return shop(c); });
  });
}

bool SentenceEvents::shop(int c) const {
  return c >= 0 && one_of(word(chunk(c).head), {"shop", "shops", "store", "stores", "supermarket", "supermarkets", "warehouse",
                                                "warehouses", "mall", "malls", "pharmacy", "pharmacies"});
}

// Who storms as a crowd: protesters, supporters, a crowd, party workers,
// students ("hundreds of" them too).
bool SentenceEvents::storming_crowd(const std::vector<int>& side) const {
  const std::vector<int> crowd = with_of(side);
  return crowd_side(crowd) || std::any_of(crowd.begin(), crowd.end(), [&](int c) {
           return gathering_noun(c) || (c >= 0 && one_of(word(chunk(c).head), {"workers", "students", "demonstrators", "activists"}));
         });
}

// In a report of trading, "the market", "stocks", "the euro" are what is traded.
bool SentenceEvents::traded(const std::vector<int>& side) const {
  return side_is(side, Role::market) || std::any_of(side.begin(), side.end(), [&](int c) {
           return c >= 0 && one_of(word(chunk(c).head), {"market", "markets"});
         });
}

// "stabbed", "hacked to death", "beheaded", "lynched": killed by someone's hand
// and blade, never by a disaster or a shell.
bool SentenceEvents::killed_by_hand(const Frame& f) const {
  if (f.cls != C::kill || !f.verbal) return false;
  const std::string& w = word(f.first);
  return w.rfind("stab", 0) == 0 || w.rfind("hack", 0) == 0 || w.rfind("behead", 0) == 0 || w.rfind("lynch", 0) == 0 || w == "stoned" ||
         w.rfind("slit", 0) == 0 || w.rfind("machete", 0) == 0 || w.rfind("beat", 0) == 0;
}

// "Strikes also hit an airbase near Taiz": in a report of aircraft or drones,
// strikes with a place of their own are air strikes, though no weapon is named.
bool SentenceEvents::air_strike_placed(const Frame& f, const std::vector<int>& evidence) const {
  if (f.cls != C::strike || !ctx.air) return false;
  // "the strikes, which came after the attacks in Paris": strikes told before.
  if (one_of(word(chunk(f.chunk).first), {"the", "these", "those", "its", "their", "such"})) return false;
  const Where w = frame_place(f, evidence);
  return w.found() && w.rank <= 2;
}

// Forces of the state (army, police, a state actor of the table) on a side.
bool SentenceEvents::state_side(const std::vector<int>& side) const {
  if (side_is(side, Role::state_forces) || side_is(side, Role::police_forces)) return true;
  const std::string who = actor_of(side);
  if (who == kStateForces || who == kPolice) return true;
  const ArmedActor* named = who.empty() || who[0] == '@' ? nullptr : lex.actors.find(who);
  return named ? named->state() : starts_with(who, "Military Forces") || starts_with(who, "Police Forces");
}

// ACLED codes arrests by the state's forces of people in a political or
// violent story: militants, protesters, suspects of an attack. A thief
// arrested in a crime story is not coded.
bool SentenceEvents::arrest_counts(const Frame& f, const std::vector<int>& actors) const {
  if (!f.verbal) return false;
  const int taken = f.passive ? f.subject : f.object;
  if (taken < 0) return false;
  // "Opposition leader X was arrested": a public figure's arrest is political; "X, who was arrested in
  // December" is the figure's backstory.
  // "Several government ministers were detained": holders of an office, unnamed, as much as a named one.
  const std::string& head = word(chunk(taken).head);
  const bool holders =
      head.size() > 3 && head.back() == 's' && lex.roles.is(std::string_view(head).substr(0, head.size() - 1), Role::office);
  // "The oil minister and several senior officers were detained": an office named without its holder's name.
  // (Told in the passive, in the main clause, as the news of it: "a day after the mayor was detained" dates a
  // riot; and an office of state, not "the gang leader" or "a judge" of a crime story.)
  const bool office = (f.passive || state_side(actors)) && clause_of(f).kind == ClauseKind::main &&
                      one_of(head, {"minister", "governor", "mayor", "president", "premier", "lawmaker", "legislator", "mp", "senator",
                                    "ambassador", "chancellor"}) &&
                      one_of(word(chunk(taken).first), {"the", "a", "an", "former", "deputy"});
  const bool figure = (office_holder(taken) || holders || office) && clause_of(f).kind != ClauseKind::relative;
  // "arrested 40 opposition supporters": a counted plural is people (only people are arrested).
  const bool counted = count_in(taken).has_value() && v.parse.tags[chunk(taken).head] == Pos::NNS;
  // ("arrested Imad Jomaa, a Syrian commander of a rebel brigade": a person by name, and what the apposition says he is.)
  const int apposition =
      taken + 2 < static_cast<int>(v.parse.chunks.size()) && word(chunk(taken + 1).head) == "," && chunk(taken + 2).kind == ChunkKind::noun
          ? taken + 2
          : -1;
  std::vector<int> described;
  add_with_of(described, apposition);
  const bool armed_person = one_person(taken) && side_armed(described);
  // "The man accused of shooting two legislators was taken into custody": the suspect of a violent act told.
  const bool suspect = accused_of_violence(taken);
  if (!(people(taken) || figure || counted || armed_person || suspect || is(taken, Role::armed) || is(taken, Role::military_target)))
    return false;
  const bool by_state = state_side(actors) || (f.passive && f.agent < 0);
  if (!by_state) return false;
  const bool protesters = one_of(word(chunk(taken).head), {"protesters", "protester", "demonstrators", "activists", "activist", "opponents",
                                                           "dissidents", "journalists", "journalist"});
  // ("Police arrested six men" after a story's shooting: counted arrests for a political act.)
  // "opposition supporters", "opposition lawmakers": people of a political side.
  bool partisans = false;
  for (uint32_t k = chunk(taken).first; k < chunk(taken).head; ++k) partisans = partisans || word(k) == "opposition";
  const bool political = protesters || figure || partisans || armed_person || suspect || is(taken, Role::armed) ||
                         is(taken, Role::military_target) || ctx.weapons() > 0 || ctx.main_group || ctx.protesters >= 2 ||
                         (story_has_action && count_in(taken).has_value()) ||
                         std::any_of(frames.begin(), frames.end(), [](const Frame& o) { return o.cls == C::protest || o.cls == C::riot; });
  return political;
}

// "hundreds of members", "thousands": a count over a campaign.
bool SentenceEvents::aggregate(int c) const {
  if (c < 0) return false;
  if (chunk_has_word(c, {"hundreds", "thousands", "tens", "scores", "dozens", "millions"})) return true;
  const auto n = count_in(c);
  return n && *n >= 100;
}

bool SentenceEvents::progressive(const Frame& f) const {
  const Chunk& c = chunk(f.chunk);
  for (uint32_t k = c.first; k < c.head; ++k)
    if (word(k) == "been") return v.parse.tags[c.head] == Pos::VBG;
  return false;
}

// "the attack", "Saturday's bombing", "the deadliest attack": an action
// already told, when the sentence gives it no place of its own.
bool SentenceEvents::definite_reference(const Frame& f, const Where& where) const {
  if (f.verbal) return false;
  if (superlative(f)) return true;  // "the deadliest attack"
  const Chunk& c = chunk(f.chunk);
  // "The attack came a day after ...", "The strike followed weeks of ...": the action told before, placed in time;
  // "The strike is the deadliest on the army in two decades", "The bombing marked ...": told before, judged.
  const bool definite = one_of(word(c.first), {"the", "this", "that", "these", "those"});
  for (size_t g = 0; definite && g < v.parse.chunks.size(); ++g)
    if (chunk(static_cast<int>(g)).kind == ChunkKind::verb && v.parse.subject_of(static_cast<int>(g)) == f.chunk &&
        one_of(word(chunk(static_cast<int>(g)).head),
               {"came", "comes", "followed", "follows", "is", "was", "marks", "marked", "became", "remains", "remained"}))
      return true;
  if (where.found() && where.rank <= 2) return false;
  // "the base came under Yemen's missile attack": the news itself, told from the target's side.
  if (f.chunk >= 2 && chunk(f.chunk - 1).kind == ChunkKind::prep && word(chunk(f.chunk - 1).head) == "under" &&
      chunk(f.chunk - 2).kind == ChunkKind::verb && one_of(word(chunk(f.chunk - 2).head), {"came", "come", "comes", "coming"}))
    return false;
  const std::string& det = word(c.first);
  const bool possessive = c.first + 2 <= f.first && word(c.first + 1) == "'";
  // ("its strikes had hit their targets", "said it carried out both attacks")
  return one_of(det, {"the", "this", "that", "these", "those", "its", "their", "both"}) || possessive;
}

// "entered the centre and raised the Iraqi flag over the government complex", "hoisted their flag": ground taken.
bool SentenceEvents::flag_raised_after(const Frame& f) const {
  if (!f.verbal) return false;
  for (uint32_t k = f.last + 1; k + 1 < v.size() && k < f.last + 12; ++k) {
    if (one_of(word(k), {".", ";"})) return false;
    if (one_of(word(k), {"raised", "hoisted", "planted", "raising", "hoisting", "planting"}))
      for (uint32_t j = k + 1; j < v.size() && j < k + 5; ++j)
        if (one_of(word(j), {"flag", "flags", "banner", "banners"})) return true;
  }
  return false;
}

// "the man accused of shooting two legislators", "a man suspected of killing a judge": people named by the
// violent act they are held for.
bool SentenceEvents::accused_of_violence(int c) const {
  if (c < 0) return false;
  const uint32_t after = chunk(c).last + 1;
  if (after + 2 >= v.size() || !one_of(word(after), {"accused", "suspected", "charged", "wanted"}) || word(after + 1) != "of") return false;
  return std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
    return o.first == after + 2 && (o.cls == C::shoot || o.cls == C::kill || o.cls == C::attack || o.cls == C::harm || o.cls == C::bomb ||
                                    o.cls == C::explode || o.cls == C::abduct);
  });
}

// "Protesters angry at the fall of Goma attacked embassies on Tuesday": a known action named as what moved
// another, dated only by that other's day, is a reference to it, not its telling.
bool SentenceEvents::cause_with_others_day(const Frame& f, bool day_of_other) const {
  if (f.verbal || !day_of_other || word(chunk(f.chunk).first) != "the" || f.chunk < 1) return false;
  const Chunk& before = chunk(f.chunk - 1);
  if (before.kind != ChunkKind::prep) return false;
  const uint32_t at = before.head;
  return at >= 1 && one_of(word(at), {"at", "over", "about", "by"}) &&
         one_of(word(at - 1), {"angry", "anger", "outrage", "outraged", "furious", "fury", "upset", "shocked", "incensed"});
}

// "the deadliest attack", "one of the worst attacks": an action judged against others.
bool SentenceEvents::superlative(const Frame& f) const {
  if (f.verbal) return false;
  for (uint32_t k = chunk(f.chunk).first; k < f.first; ++k)
    if (v.parse.tags[k] == Pos::JJS && word(k) != "latest") return true;
  return false;
}

// "shot dead five people protesting in Weldiya": people a participle says were protesting.
bool SentenceEvents::protesting(const std::vector<int>& side) const {
  return std::any_of(side.begin(), side.end(), [&](int c) {
    if (c < 0 || chunk(c).kind != ChunkKind::noun) return false;
    const size_t k = chunk(c).last + 1;
    return (k < v.size() && one_of(word(k), {"protesting", "demonstrating", "rallying", "marching"})) || protest_told_of(c);
  });
}

// "A missile destroyed a hide-out": a side that is a weapon.
bool SentenceEvents::weapon_side(const std::vector<int>& side) const {
  for (Role r : {Role::weapon_air, Role::weapon_shell, Role::weapon_explosive, Role::weapon_suicide, Role::weapon_grenade,
                 Role::weapon_chemical, Role::weapon_gun})
    if (side_has(side, r)) return true;
  return false;
}

// "residents of the community of Kumarakapay, about 70 km north of the town, who were blocking the road": a protest
// told of the noun by a relative clause after it and its phrases.
bool SentenceEvents::protest_told_of(int c) const {
  return std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
    if (o.cls != C::protest || !o.verbal || (blocking_word(word(o.first)) && !road_object(o))) return false;
    const Clause& cl = clause_of(o);
    if (cl.kind != ClauseKind::relative || !one_of(cl.opener, {"who", "that"}) || cl.antecedent < c || cl.antecedent > c + 8) return false;
    for (int x = c + 1; x <= cl.antecedent; ++x)
      if (chunk(x).kind != ChunkKind::noun && chunk(x).kind != ChunkKind::prep && word(chunk(x).head) != ",") return false;
    return true;
  });
}

bool SentenceEvents::road_object(const Frame& f) const {
  return f.object >= 0 && one_of(word(chunk(f.object).head),
                                 {"road", "roads", "highway", "highways", "intersection", "junction", "bridge", "bridges", "street",
                                  "streets", "avenue", "avenues", "railway", "crossing", "motorway", "motorways", "routes", "junctions"});
}

// "used live ammunition against protesters", "fired live rounds into the crowd": live fire and a crowd
// in the action's clause (or the clause it hangs from).
bool SentenceEvents::live_fire_on_protesters(int clause) const {
  const int parent = v.parse.clauses[static_cast<size_t>(clause)].parent;
  bool live = false, crowd = false;
  for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
    const int i = static_cast<int>(c);
    if (chunk(i).kind != ChunkKind::noun || (chunk(i).clause != clause && chunk(i).clause != parent)) continue;
    const Chunk& x = chunk(i);
    for (uint32_t k = x.first; k + 1 <= x.last; ++k)
      if (word(k) == "live" && one_of(word(k + 1), {"ammunition", "rounds", "bullets", "fire"})) live = true;
    if (is(i, Role::protesters) || gathering_noun(i)) crowd = true;
  }
  return live && crowd;
}

// "tried to retake", "attempted to seize", "sought to capture": the verb an infinitive's action hangs from is a try.
bool SentenceEvents::attempted(const Frame& f) const {
  if (!chunk(f.chunk).infinitive) return false;
  const int g = governing_verb_of_infinitive(v, f.chunk);
  return g >= 0 && one_of(word(chunk(g).head), {"tried", "try", "tries", "trying", "attempted", "attempt", "attempts", "attempting",
                                                "sought", "seek", "seeks", "seeking"});
}

// A disaster word that is no name ("a storm", not "the Storm Corps").
bool SentenceEvents::disaster_in_sentence() const {
  for (size_t k = 0; k < v.size(); ++k) {
    // ("Tropical Cyclone Freddy", "Hurricane Ian": a storm's name is a disaster too; "Storm Shadow" is a missile.)
    const bool storm_name = one_of(v.raw[k], {"Cyclone", "Hurricane", "Typhoon"});
    if (((v.parse.tags[k] == Pos::NNP || v.parse.tags[k] == Pos::NNPS) && !storm_name) || !lex.roles.ends_at(v.words, 0, k, Role::disaster))
      continue;
    // "to open fire", "returned fire", "under fire": gunfire, no blaze.
    if (word(k) == "fire" && k > 0 &&
        one_of(word(k - 1), {"open", "opened", "opening", "opens", "return", "returned", "returning", "under", "exchanged", "heavy",
                             "sniper", "artillery", "mortar", "rocket", "cross"}))
      continue;
    // "set fire to a bar", "set it on fire": a fire someone set, no disaster.
    if (word(k) == "fire" && k > 0) {
      const auto set_word = [&](size_t j) { return one_of(word(j), {"set", "sets", "setting"}); };
      bool set = set_word(k - 1);
      for (size_t j = k >= 5 ? k - 5 : 0; word(k - 1) == "on" && j + 1 < k; ++j) set = set || set_word(j);
      if (set) continue;
    }
    // "fire officials said", "the fire service": the people who fight fires, no fire.
    if (word(k) == "fire" && k + 1 < v.size() &&
        one_of(word(k + 1), {"officials", "official", "department", "departments", "service", "services", "brigade", "brigades", "chief",
                             "chiefs", "crews", "crew", "engines", "engine", "trucks", "station", "authorities", "agency"}))
      continue;
    return true;
  }
  return false;
}

// Campaign context rather than a reported action: "is a regular target",
// "has been carrying out strikes", "which were launched on September 30".
bool SentenceEvents::is_background() const {
  for (size_t k = 0; k < v.size(); ++k) {
    const std::string& a = word(k);
    // "struck him repeatedly with a hammer": the blows of one action, no campaign.
    // ("have attacked them repeatedly", "shelled the town repeatedly with rockets": a campaign still.)
    const auto perfect = [&] {
      return std::any_of(v.words.begin(), v.words.begin() + static_cast<long>(k),
                         [](const std::string& w) { return w == "have" || w == "has"; });
    };
    const bool one_attack_blows = a == "repeatedly" && k > 0 && one_of(word(k - 1), {"him", "her"}) && !perfect();
    if (one_of(a, {"regularly", "regular", "routinely", "repeatedly"}) && !one_attack_blows) return true;
    // "abducted as a boy of about nine": a life's story.
    if (a == "as" && k + 2 < v.size() && one_of(word(k + 1), {"a", "an"}) &&
        one_of(word(k + 2), {"boy", "girl", "child", "teenager", "youth", "student", "baby", "toddler"}))
      return true;
    if (k + 2 < v.size() && (a == "has" || a == "have") && word(k + 1) == "been" && word(k + 2).size() > 3 &&
        word(k + 2).compare(word(k + 2).size() - 3, 3, "ing") == 0)
      return true;
    if (k + 1 < v.size() && (a == "were" || a == "was") && one_of(word(k + 1), {"launched", "begun", "started"})) return true;
  }
  return false;
}

// "Cumulatively, within the week, troops neutralised 52 terrorists and arrested 71
// suspects": a tally of a period's operations, no action of its own.
bool SentenceEvents::tally_of_period() const {
  // The period's words open the sentence, before its first verb ("..., the third attack in the region in
  // the past week" tells an action and counts others).
  size_t first_verb = v.size();
  for (size_t c = 0; c < v.parse.chunks.size(); ++c)
    if (chunk(static_cast<int>(c)).kind == ChunkKind::verb) {
      first_verb = chunk(static_cast<int>(c)).first;
      break;
    }
  for (size_t k = 0; k < v.size(); ++k) {
    const std::string& a = word(k);
    if (a == "cumulatively") return true;
    if (k >= first_verb) continue;
    if (k + 2 >= v.size()) continue;
    const std::string& b = word(k + 1);
    const std::string& c = word(k + 2);
    if (one_of(a, {"within", "during", "throughout"}) && b == "the" && one_of(c, {"week", "month", "year", "period", "quarter"}))
      return true;
    if (one_of(a, {"over", "in"}) && b == "the" && one_of(c, {"past", "last"}) && k + 3 < v.size() &&
        one_of(word(k + 3), {"week", "month", "year", "quarter"}))
      return true;
    if (a == "so" && b == "far" && c == "this") return true;  // "so far this year"
    // "since the start of the year" (not "since the start of the war": a measure of the action)
    if (a == "since" && b == "the" && one_of(c, {"start", "beginning"}) && k + 5 < v.size() && word(k + 3) == "of" &&
        one_of(word(k + 5), {"year", "month"}))
      return true;
  }
  return false;
}

// "Two bombers struck a mosque" in a report of suicide bombings: men, not aircraft.
bool SentenceEvents::bombers_are_people(const std::vector<int>& carriers) const {
  if (!ctx.suicide) return false;
  return std::any_of(carriers.begin(), carriers.end(), [&](int c) { return c >= 0 && one_of(word(chunk(c).head), {"bomber", "bombers"}); });
}

// "attacked with stones", "pelted with rocks": what crowds throw, named in the action's "with" phrase.
bool SentenceEvents::thrown_by_crowd(const Frame& f) const {
  // ("attacked with petrol bombs, bricks and fireworks": any of the things listed.)
  for (const auto& pp : f.preps) {
    if (pp.object < 0 || pp.where != Parse::PrepPhrase::after || word(chunk(pp.prep).head) != "with") continue;
    if (is(pp.object, Role::riot_missile)) return true;
    for (int c : joined_after(pp.object))
      if (is(c, Role::riot_missile)) return true;
  }
  // "he was hit on the head by a stone thrown from a crowd of demonstrators": what a crowd threw hit him.
  if (f.cls != C::hit || !f.passive || !crowd_in_sentence()) return false;
  // (Thrown: "a rock that fell from a cliff" hit no one a crowd aimed at.)
  const auto thrown = [&](int c) {
    return c + 1 < static_cast<int>(v.parse.chunks.size()) && chunk(c + 1).kind == ChunkKind::verb &&
           one_of(word(chunk(c + 1).head), {"thrown", "hurled", "flung", "lobbed"});
  };
  for (const auto& pp : f.preps)
    if (pp.object >= 0 && pp.where == Parse::PrepPhrase::after && word(chunk(pp.prep).head) == "by" && is(pp.object, Role::riot_missile) &&
        thrown(pp.object))
      return true;
  return false;
}

// Protesters named in the clause of an action: "clashes between protesters and ...".
bool SentenceEvents::protesters_in_clause(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  for (size_t c = 0; c < v.parse.chunks.size(); ++c)
    if (chunk(static_cast<int>(c)).clause == clause && chunk(static_cast<int>(c)).kind == ChunkKind::noun &&
        is(static_cast<int>(c), Role::protesters))
      return true;
  return false;
}

// "the crowd", "a rally", "the sit-in": a gathering named as one, whoever is in it.
bool SentenceEvents::gathering_noun(int c) const {
  return c >= 0 &&
         (one_of(word(chunk(c).head), {"crowd", "crowds", "gathering", "gatherings", "rally", "rallies", "march", "marches"}) || sit_in(c));
}

// "a months-long sit-in": the tagger splits it into "sit", "-", "in".
// "a blockade", "the barricades" (not "the naval blockade", "the blockade of Gaza": a siege's).
bool SentenceEvents::protest_blockade(int c) const {
  if (c < 0 || !one_of(word(chunk(c).head), {"blockade", "blockades", "roadblock", "roadblocks", "barricade", "barricades", "encampment"}))
    return false;
  if (chunk_has_word(c, {"naval", "military", "economic", "israeli", "maritime", "air"})) return false;
  const int n = static_cast<int>(v.parse.chunks.size());
  return !(c + 1 < n && chunk(c + 1).kind == ChunkKind::prep && word(chunk(c + 1).head) == "of");
}

bool SentenceEvents::sit_in(int c) const {
  if (c < 0) return false;
  const Chunk& ch = chunk(c);
  const std::string& head = word(ch.head);
  return head == "sit-in" || head == "sit-ins" ||
         ((head == "in" || head == "ins") && ch.head >= ch.first + 2 && word(ch.head - 1) == "-" && word(ch.head - 2) == "sit");
}

// Protesters or a mob on a side: their violence is a riot's.
bool SentenceEvents::crowd_side(const std::vector<int>& side) const {
  return side_is(side, Role::protesters) || side_is(side, Role::mob) ||
         std::any_of(side.begin(), side.end(),
                     [&](int c) {
                       if (c < 0) return false;
                       return one_of(word(chunk(c).head), {"youths", "rioters", "looters", "supporters", "followers"});
                     }) ||
         angry_crowd(side);
}

// "groups of people angered by the killings", "residents enraged by the attack": people stirred to it by
// something done to them, no one's protest. (Not "gangs of men threw petrol bombs": armed in all but name.)
bool SentenceEvents::angry_crowd(const std::vector<int>& side) const {
  return std::any_of(side.begin(), side.end(), [&](int c) {
    if (c < 0) return false;
    std::vector<int> of;  // "groups of people angered by": after the "of" phrase too
    add_with_of(of, c);
    const uint32_t end = chunk(of.back()).last + 1;
    return std::any_of(of.begin(), of.end(), [&](int x) { return people(x); }) && end < v.size() &&
           one_of(word(end), {"angered", "enraged", "incensed", "outraged", "infuriated", "incited"});
  });
}

// Guns, shots or heavier arms told anywhere in the sentence ("exchanged fire", "armed with rifles",
// "mortar rounds hit a market"): no crowd's fight. ("set fire to" is a crowd's.)
bool SentenceEvents::weapons_in_sentence() const {
  for (size_t k = 0; k < v.size(); ++k) {
    const std::string& w = word(k);
    if (w == "fire" && k > 0 &&
        one_of(word(k - 1), {"opened", "open", "opening", "exchanged", "exchange", "exchanging", "returned", "heavy", "of", "gun", "sniper",
                             "machine-gun", "automatic"}))
      return true;
    if (one_of(w, {"gun",       "guns",     "gunfire",      "gunshots", "gunmen",   "gunman",     "rifle",   "rifles", "firearms",
                   "pistols",   "shootout", "firefight",    "mortar",   "mortars",  "rocket",     "rockets", "rpg",    "rpgs",
                   "artillery", "shelling", "machine-guns", "grenade",  "grenades", "explosives", "bomb",    "bombs"}))
      return true;
  }
  return false;
}

// "Police cleared the protest camp", "lines of police moved into the camp" in a report of a protest:
// the police's intervention in it, no ground taken. (The sentence itself must tell of the protest:
// "police took control of the Martissant neighbourhood after a gun battle with a gang", in a report
// that also tells of protests elsewhere, is ground regained.)
// "Riot police drove hundreds of protesters out of the square", "law enforcers drove thousands of activists out of the
// area": the police broke up a crowd.
bool SentenceEvents::police_drove_crowd(const Frame& f, const std::vector<int>& actors) const {
  if (!expelling_verb(f) || !side_is(with_of(actors), Role::police_forces)) return false;
  std::vector<int> driven;
  add_with_of(driven, f.passive ? f.subject : f.object);
  return std::any_of(driven.begin(), driven.end(), [&](int c) {
    return c >= 0 && (is(c, Role::protesters) || one_of(word(chunk(c).head), {"activists", "supporters", "demonstrators", "crowd", "crowds",
                                                                              "students", "followers"}));
  });
}

bool SentenceEvents::police_clear_protest(const std::vector<int>& actors) const {
  const std::vector<int> takers = with_of(actors);
  const bool protest_frame = std::any_of(frames.begin(), frames.end(), [](const Frame& o) { return o.cls == C::protest; });
  const bool protest_words = std::any_of(v.words.begin(), v.words.end(), [&](const std::string& w) {
    // (Not the roles table's protesters, whose "youths" and "rioters" a gang fight names too.)
    return one_of(w, {"protest", "protests", "protesters", "protester", "demonstrators", "blockaders", "picketers", "sit-in", "occupation",
                      "occupiers", "blockade", "blockades", "roadblock", "roadblocks", "barricade", "barricades"});
  });
  const bool road_block = std::adjacent_find(v.words.begin(), v.words.end(), [](const std::string& a, const std::string& b) {
                            return a == "road" && b == "block";
                          }) != v.words.end();
  // ("Security forces cleared the sit-ins": the state's forces other than police only where a sit-in is what they cleared.)
  const bool forces = side_is(takers, Role::police_forces) ||
                      (side_is(takers, Role::state_forces) && std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
                         return (o.cls == C::take || o.cls == C::retake) && sit_in(o.object);
                       }));
  // ("police tried to clear a blockade that teachers had kept up": the blockade cleared is the protest.)
  const bool blockade_cleared = std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
    return (o.cls == C::take || o.cls == C::retake) && o.verbal && clearing_word(word(o.first)) && protest_blockade(o.object);
  });
  return forces && (protest_frame || protest_words || road_block) && (ctx.protesters >= 2 || protest_frame || blockade_cleared);
}

// "crowds smashed turnstiles and threw stones at riot police", "some of the crowd threw bottles at the police
// lines" in a report of protests: the protest's crowd (of the "of" phrase too; never "mobs"), against the
// police only ("a crowd threw stones at a man suspected of kidnapping a child" is a mob's).
bool SentenceEvents::protest_crowd_at_police(const Frame& f, const std::vector<int>& actors, const std::vector<int>& targets) const {
  const std::vector<int> throwers = with_of(actors);
  const auto head_is = [&](std::initializer_list<std::string_view> heads) {
    return std::any_of(throwers.begin(), throwers.end(), [&](int c) {
      return c >= 0 && std::any_of(heads.begin(), heads.end(), [&](std::string_view h) { return word(chunk(c).head) == h; });
    });
  };
  const auto police_in = [&](int c) {  // "at the police lines": a police word anywhere in the noun group
    return chunk_has_word(c, {"police", "officers", "policemen", "troops", "soldiers", "gendarmes"}) || is(c, Role::police_forces) ||
           is(c, Role::state_forces);
  };
  const bool at_police = std::any_of(targets.begin(), targets.end(), police_in) ||
                         std::any_of(f.preps.begin(), f.preps.end(), [&](const Parse::PrepPhrase& pp) {
                           return pp.where == Parse::PrepPhrase::after && police_in(pp.object);
                         });
  // (In a report of protests or of rioting: "Crowds of young people threw petrol bombs at officers" during rioting.)
  return (ctx.protesters >= 2 || ctx.rioting >= 2) && head_is({"crowd", "crowds"}) && !head_is({"mob", "mobs"}) && at_police;
}

// "a section of the crowd pelted stones" in a report of a protest march: the crowd is the march's (not "a mob", nor
// villagers or residents, whom no protest was told of; nor a crowd that set upon people: "threw stones at a man").
bool SentenceEvents::crowd_of_protest(const std::vector<int>& actors, const std::vector<int>& targets) const {
  if (std::any_of(targets.begin(), targets.end(), [&](int c) { return c >= 0 && (people(c) || one_person(c) || is(c, Role::civilian)); }))
    return false;
  const std::vector<int> doers = with_of(actors);
  const bool crowd = std::any_of(doers.begin(), doers.end(), [&](int c) {
    return c >= 0 && one_of(word(chunk(c).head), {"crowd", "crowds"});
  });
  const bool mob = std::any_of(doers.begin(), doers.end(), [&](int c) { return c >= 0 && one_of(word(chunk(c).head), {"mob", "mobs"}); });
  return ctx.protesters >= 1 && crowd && !mob;
}

// "protests against the results turned violent", "the rally became violent": the gathering the
// verb's subject names went on to riot.
// "a protest against the Green Pass degenerated into clashes", "the march ended in running battles":
// a clash noun after a verb of becoming whose subject's head is a gathering (its "against" phrases between).
bool SentenceEvents::gathering_became(const Frame& f) const {
  if (f.verbal || f.chunk < 3) return false;
  const Chunk& prep = chunk(f.chunk - 1);
  const Chunk& verb = chunk(f.chunk - 2);
  if (prep.kind != ChunkKind::prep || !one_of(word(prep.head), {"into", "in"}) || verb.kind != ChunkKind::verb ||
      !one_of(word(verb.head),
              {"degenerated", "descended", "turned", "erupted", "spiralled", "spiraled", "escalated", "ended", "devolved"}))
    return false;
  // The subject's head: the first noun of the noun-and-phrase run before the verb ("Fighting between soldiers and
  // bandits near the site of a protest escalated" names a protest in a phrase, not as what escalated).
  int head = -1;
  for (int c = f.chunk - 3; c >= 0 && chunk(c).clause == verb.clause && !chunk(c).opens_clause; --c) {
    if (chunk(c).kind != ChunkKind::noun && chunk(c).kind != ChunkKind::prep) break;
    if (chunk(c).kind == ChunkKind::noun) head = c;
  }
  if (head < 0 || side_armed({head})) return false;
  return gathering_noun(head) ||
         std::any_of(frames.begin(), frames.end(), [&](const Frame& o) { return o.cls == C::protest && !o.verbal && o.chunk == head; });
}

bool SentenceEvents::turned_violent(const Frame& f) const {
  for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
    const Chunk& x = chunk(static_cast<int>(c));
    if (x.kind != ChunkKind::verb || !one_of(word(x.head), {"turned", "turn", "turns", "became", "become", "becomes", "grew"})) continue;
    if (x.last + 1 >= v.size() || !one_of(word(x.last + 1), {"violent", "deadly", "bloody", "ugly"})) continue;
    // ("Protests against the mine, which turned violent last year, resumed peacefully": another time's.)
    if (v.parse.clauses[static_cast<size_t>(x.clause)].kind == ClauseKind::relative ||
        std::find(v.words.begin(), v.words.end(), "peacefully") != v.words.end())
      continue;
    const int subject = v.parse.subject_of(static_cast<int>(c));
    if (subject == f.chunk || (subject >= 0 && v.parse.chunks[static_cast<size_t>(f.chunk)].first >= chunk(subject).first &&
                               v.parse.chunks[static_cast<size_t>(f.chunk)].last <= chunk(subject).last))
      return true;
    // ("protests against the official results of last weekend's election turned violent": the head before its "against" phrase.)
    if (subject >= 0 && f.chunk < subject && !f.verbal) {
      bool joined = true;
      for (int k = f.chunk + 1; k < subject && joined; ++k) joined = chunk(k).kind == ChunkKind::prep || chunk(k).kind == ChunkKind::noun;
      if (joined) return true;
    }
  }
  return false;
}

// "Leaders of the protest movement entered the Guiana Space Centre", "students occupied the rector's
// office": protesters (or a protest's people by their "of" phrase) who enter or occupy a building, unarmed.
bool SentenceEvents::protesters_occupy(const Frame& f, const std::vector<int>& actors) const {
  if (!f.verbal || f.passive || !one_of(word(f.first), {"entered", "enter", "enters", "occupied", "occupy", "occupies", "occupying"}))
    return false;
  const std::vector<int> who = with_of(actors);
  const bool protesters = side_is(who, Role::protesters) || std::any_of(who.begin(), who.end(), [&](int c) {
                            return chunk_has_word(c, {"protest", "protesters"});
                          });
  // (A building, a site by its name, "the Guiana Space Centre", or a square.)
  const bool site = building(f.object) || is(f.object, Role::civilian) ||
                    (f.object >= 0 && (v.parse.tags[chunk(f.object).head] == Pos::NNP ||
                                       one_of(word(chunk(f.object).head), {"centre", "center", "square", "port", "refinery", "mine"})));
  return protesters && !side_armed(actors) && site;
}

bool SentenceEvents::state_hits_the_assailant(const Frame& f, const std::vector<int>& actors, const std::vector<int>& targets) const {
  if (targets.empty() || targets[0] < 0) return false;
  // ("The gunman was shot dead", by no one named: the forces that came for him.)
  const bool unnamed_shooter = actors.empty() && f.verbal && f.passive && f.agent < 0 && (f.cls == C::shoot || f.cls == C::kill);
  if (!state_side(actors) && !unnamed_shooter) return false;
  // "was shot dead by police before he could detonate his explosives", "... as he raised his rifle": the target's own
  // weapon, in a clause of his own (not "Police fired their guns into a crowd", the forces' own).
  for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
    const Chunk& x = chunk(static_cast<int>(c));
    if (x.kind != ChunkKind::noun || !one_of(word(x.first), {"his", "her"}) || x.clause == chunk(f.chunk).clause) continue;
    int verb = static_cast<int>(c) - 1;  // the verb of the weapon's clause: "could detonate", "raised"
    while (verb >= 0 && (chunk(verb).kind != ChunkKind::verb || chunk(verb).clause != x.clause)) --verb;
    const int holder = verb >= 0 ? v.parse.subject_of(verb) : -1;
    if (holder < 0 || !one_of(word(chunk(holder).head), {"he", "she"})) continue;
    for (Role r : {Role::weapon_gun, Role::weapon_explosive, Role::weapon_grenade, Role::weapon_suicide})
      if (has(static_cast<int>(c), r)) return true;
  }
  // "The man suspected of shooting two fans was killed by police": the violence he did tells who the target is
  // (not "a woman who was injured in a crash", "whose son was killed": what befell someone).
  const int target = targets[0];
  if (std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
        return &o != &f && o.verbal && !o.passive && o.chunk > target && o.chunk < f.chunk && (o.subject < 0 || o.subject == target) &&
               (is_consequence(o.cls) || o.cls == C::shoot || o.cls == C::attack);
      }))
    return true;
  // "A boy armed with a kitchen knife was shot dead by police", "was shot dead after he stabbed two officers":
  // armed when met, or what he did in the clause after.
  if (f.passive && (described_armed(target) || std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
                      return &o != &f && o.verbal && !o.passive && o.chunk > f.chunk && o.subject >= 0 &&
                             one_of(word(chunk(o.subject).head), {"he", "she"}) && chunk(o.chunk).clause != chunk(f.chunk).clause &&
                             o.object >= 0 && (o.cls == C::kill || o.cls == C::harm || o.cls == C::shoot || o.cls == C::attack);
                    })))
    return true;
  // "He was shot dead by a police inspector", "The gunman was killed by police": after the story told an action,
  // its doer, told by a pronoun opening the sentence or by what he is, met the state's fire.
  const Chunk& t = chunk(target);
  const bool opens = t.first == 0 || (t.first == 1 && word(0) == "\"");
  const bool doer_named = one_of(word(t.head), {"attacker", "attackers", "assailant", "assailants", "gunman", "knifeman", "shooter",
                                                "perpetrator", "perpetrators", "hostage-taker", "hostage-takers"});
  if (story_has_action && f.verbal && f.passive && (f.agent >= 0 || doer_named) &&
      ((opens && one_of(word(t.head), {"he", "she", "they"})) || doer_named))
    return true;
  // "A man stabbed three people before police shot him": "him" is the one who did it (one man for "him",
  // several for "them"; not "Gunmen attacked a farmer before soldiers shot him").
  // ("Police arrived within minutes and fired at the man": the one the story told of, by a definite noun.)
  const bool the_one = word(t.first) == "the" && t.first + 1 == t.head &&
                       one_of(word(t.head), {"man", "woman", "suspect", "youth", "teenager", "boy", "assailant", "attacker"});
  const bool one_target = std::all_of(targets.begin(), targets.end(), [&](int c) { return c == target; });  // ("fired at" and its "at")
  if (!one_target || (!one_of(word(chunk(target).head), {"him", "her", "them"}) && !the_one)) return false;
  const bool one = word(chunk(target).head) != "them";
  // ("A 17-year-old attacked passengers with an axe ... Police special forces shot him dead": one man's attack told in
  // the sentence or two before, and no action of another in this one.)
  const bool action_before =
      std::any_of(frames.begin(), frames.end(), [&](const Frame& o) { return &o != &f && o.chunk < f.chunk && o.verbal; });
  if (one && lone_attacker_before && !action_before && f.verbal && !f.passive && (f.cls == C::shoot || f.cls == C::kill)) return true;
  return std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
    if (&o == &f || !o.verbal || o.passive || o.chunk > f.chunk || o.modality != Modality::asserted) return false;
    if (!is_consequence(o.cls) && o.cls != C::attack && o.cls != C::shoot) return false;
    const std::vector<int> doers = actor_side(o);
    return !doers.empty() && !state_side(doers) && doers[0] >= 0 && one_person(doers[0]) == one;
  });
}

// "A man threw a cylindrical object that exploded", "an object thrown at the stage exploded": whatever
// was thrown and went off was a hand-thrown explosive.
bool SentenceEvents::thrown_and_exploded(const Frame& f) const {
  if (f.cls != C::explode || !f.verbal) return false;
  const auto throwing = [&](int c) { return c >= 0 && chunk(c).kind == ChunkKind::verb && throwing_word(word(chunk(c).head)); };
  // (Not a crowd's petrol bombs: "protesters threw petrol bombs that exploded near a van" riot.)
  const auto thrown = [&](int c) { return c >= 0 && !has(c, Role::riot_missile); };
  const Clause& cl = clause_of(f);
  if (cl.kind == ClauseKind::relative && cl.antecedent >= 1 && throwing(cl.antecedent - 1)) return thrown(cl.antecedent);
  return f.subject >= 0 && f.subject + 1 < static_cast<int>(v.parse.chunks.size()) && throwing(f.subject + 1) &&
         !chunk(f.subject + 1).finite && thrown(f.subject);
}

// "when security forces surrounded their flat", "as police moved in": the state's forces coming, in a
// when-, as- or after-clause of the sentence.
bool SentenceEvents::forces_came(const Frame& f) const {
  for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
    const Chunk& x = chunk(static_cast<int>(c));
    if (x.kind != ChunkKind::verb || x.clause == chunk(f.chunk).clause) continue;
    if (!one_of(v.parse.clauses[static_cast<size_t>(x.clause)].opener, {"when", "as", "after"})) continue;
    if (!one_of(word(x.head), {"surrounded", "raided", "arrived", "approached", "tried", "attempted", "moved", "stormed", "came", "entered",
                               "closed", "cornered", "reached", "went", "cordoned"}))
      continue;
    const int subject = v.parse.subject_of(static_cast<int>(c));
    if (subject >= 0 && chunk(subject).clause == x.clause && state_side({subject})) return true;
  }
  return false;
}

// "officers returned fire", "troops fired back": whoever was fired on was armed.
bool SentenceEvents::fire_returned() const {
  for (size_t k = 1; k < v.size(); ++k) {
    if (word(k) == "fire" && one_of(word(k - 1), {"returned", "return", "returning", "returns"})) return true;
    // ("the governor fired back at critics": words, not fire; only at an armed side or "them".)
    if (word(k) == "back" && one_of(word(k - 1), {"fired", "shot"})) {
      if (k + 1 >= v.size() || word(k + 1) != "at") return weapons_in_sentence();
      const int at = k + 2 < v.size() ? v.parse.chunk_of[k + 2] : -1;
      if (at >= 0 && (side_armed({at}) || one_of(word(chunk(at).head), {"them", "him", "attackers", "assailants", "gunmen"}))) return true;
    }
  }
  return false;
}

// "Hundreds of men attacked hostels", "dozens of youths", "groups of young men": many unnamed men, a crowd when
// they carry no arms.
bool SentenceEvents::many_men(const std::vector<int>& side) const {
  const int n = static_cast<int>(v.parse.chunks.size());
  return std::any_of(side.begin(), side.end(), [&](int c) {
    return c >= 0 && c + 2 < n && one_of(word(chunk(c).head), {"hundreds", "thousands", "dozens", "scores", "groups"}) &&
           chunk(c + 1).kind == ChunkKind::prep && word(chunk(c + 1).head) == "of" && chunk(c + 2).kind == ChunkKind::noun &&
           one_of(word(chunk(c + 2).head), {"men", "youths"});
  });
}

// "Hicks was captured in Afghanistan", "the suspects were caught in a raid":
// a wanted person taken, by no one named, is arrested.
bool SentenceEvents::captured_person(const Frame& f) const {
  if (!f.verbal || !f.passive || f.agent >= 0 || f.subject < 0) return false;
  if (!one_of(word(f.first), {"captured", "caught", "apprehended", "nabbed"})) return false;
  return one_person(f.subject) || people(f.subject) || one_of(word(chunk(f.subject).head), {"they", "suspects", "suspect", "fugitive"});
}

// "took its pilot hostage", "seized 20 villagers as hostages".
bool SentenceEvents::held(const Frame& f) const { return f.verbal && one_of(word(f.first), {"hold", "holds", "held", "holding"}); }

// "drove", "pushed", "expelled": a taking of ground only as "drove the rebels out of Gao" or
// "expelled the militants from the town" (not "drove to the hospital", "pushed for talks").
bool SentenceEvents::expelling_verb(const Frame& f) const { return f.verbal && expelling_word(word(f.first)); }

bool SentenceEvents::driven_out(const Frame& f) const {
  const int out_of = f.passive ? f.subject : f.object;  // "the rebels were driven out of Gao"
  if (!expelling_verb(f) || out_of < 0 || !(is(out_of, Role::armed) || is(out_of, Role::state_forces) || !actor_in(out_of).empty()))
    return false;
  // The "from" or "out of" the frame reader found, in the verb's own clause, and a place just after it.
  const int from = out_of_after(v, f.last);
  if (from < 0) return false;
  const int clause = chunk(f.chunk).clause;
  for (size_t k = f.last + 1; k <= static_cast<size_t>(from); ++k)
    if (v.parse.chunks[v.parse.chunk_of[k]].clause != clause) return false;
  const size_t at = static_cast<size_t>(from) + (word(static_cast<size_t>(from)) == "from" ? 1 : 2);
  for (size_t j = at; j < std::min(v.size(), at + 6); ++j)
    if (place_in(v.parse.chunk_of[j])) return true;
  return false;
}

// What a taking took: its object, or after "took control" the "of" phrase's ("took control of the police station").
int SentenceEvents::taken_object(const Frame& f) const {
  const int after_trigger = v.parse.chunk_of[f.last] + 1;
  if (f.object < 0 && word(f.last) == "control" && after_trigger + 1 < static_cast<int>(v.parse.chunks.size()) &&
      chunk(after_trigger).kind == ChunkKind::prep && word(chunk(after_trigger).head) == "of")
    return after_trigger + 1;
  return f.object;
}

bool SentenceEvents::taken_hostage(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  for (size_t k = f.last + 1; k < v.size() && k < f.last + 10; ++k) {
    if (v.parse.chunks[v.parse.chunk_of[k]].clause != clause) break;
    // "overran the town, burning buildings and taking hostages": another verb's hostages.
    if (v.parse.tags[k] == Pos::punct || (is_verb(v.parse.tags[k]) && v.parse.chunk_of[k] != f.chunk)) break;
    if (one_of(word(k), {"hostage", "hostages", "captive", "captives"}) || (held(f) && word(k) == "gunpoint")) return true;
  }
  return false;
}

// Inside a quotation: after an opening quote mark of the sentence and
// before its close; or before the close of a quotation begun in an earlier
// sentence ('... to be honest," he said.').
bool SentenceEvents::in_quote(const Frame& f) const {
  const std::string_view text = std::string_view(doc.text).substr(v.s.start, v.s.end - v.s.start);
  const size_t at = seg.tokens[v.token(f.first)].start - v.s.start;
  bool inside = false, seen = false;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '"') {
      inside = !inside;
      seen = true;
    } else if (text.compare(i, 3, "\xE2\x80\x9C") == 0) {
      inside = seen = true;
    } else if (text.compare(i, 3, "\xE2\x80\x9D") == 0) {
      inside = false;
      seen = true;
    }
  }
  if (inside || seen) return inside;
  size_t close = text.find('"', at);
  const size_t curly = text.find("\xE2\x80\x9D", at);
  if (curly != std::string_view::npos && (close == std::string_view::npos || curly < close)) close = curly;
  if (close == std::string_view::npos) return false;
  const std::string after = ascii_lower(text.substr(close, 24));
  for (std::string_view verb : {" said", " says", " told", " added", " he ", " she "})
    if (after.find(verb) != std::string::npos) return true;
  return false;
}

// An action named as a kind of thing that happens, not one that did:
// a noun in a present-tense clause with no date ("finances itself through
// extortion, kidnapping for ransom").
bool SentenceEvents::generic(const Frame& f) const {
  if (f.verbal || frame_date(f)) return false;
  const int clause = chunk(f.chunk).clause;
  for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
    const Chunk& ch = chunk(static_cast<int>(c));
    if (ch.kind != ChunkKind::verb || ch.clause != clause || !ch.finite) continue;
    const Pos t = v.parse.tags[ch.head];
    return (t == Pos::VBZ || t == Pos::VBP) && !one_of(word(ch.head), {"says", "say", "is", "are"});
  }
  return false;
}

// "Al Shabaab, which is fighting to topple the government", "the group
// attacks convoys": a verb in the present, with no day, tells what goes on,
// not an action that happened.
bool SentenceEvents::ongoing(const Frame& f) const {
  if (!f.verbal || v.headline || std::any_of(cues.begin(), cues.end(), [](const DateCue& c) { return !c.reporting; })) return false;
  const Chunk& ch = chunk(f.chunk);
  // "Haitians are kidnapped every day": what keeps happening, no one action.
  if (ch.finite && ch.passive && one_of(word(ch.first), {"is", "are", "am"}))
    for (size_t k = 0; k + 1 < v.size(); ++k)
      if ((one_of(word(k), {"every", "each"}) && one_of(word(k + 1), {"day", "night", "week", "month", "year"})) || word(k) == "daily")
        return true;
  if (!ch.finite || ch.passive || ch.perfect) return false;
  const bool progressive = one_of(word(ch.first), {"is", "are", "am"}) && v.parse.tags[ch.head] == Pos::VBG;
  return progressive || (v.parse.tags[ch.first] == Pos::VBZ && ch.first == ch.head);
}

// A sentence that ends in a question mark (before any closing quote).
bool SentenceEvents::asks() const {
  for (size_t k = v.size(); k-- > 0;) {
    const std::string& w = word(k);
    if (w == "?") return true;
    if (!one_of(w, {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", ")"})) return false;
  }
  return false;
}

// "in recent weeks", "over the past few months": many actions summed up, none told.
bool SentenceEvents::sums_up() const {
  for (size_t k = 1; k + 1 < v.size(); ++k) {
    const std::string& a = word(k);
    if (one_of(a, {"recent", "past", "last", "previous"}) && one_of(word(k + 1), {"weeks", "months", "years"}) &&
        one_of(word(k - 1), {"in", "the", "over"}))
      return true;
    if (k + 2 < v.size() && one_of(a, {"past", "last", "previous"}) && one_of(word(k + 1), {"few", "several", "two", "three"}) &&
        one_of(word(k + 2), {"weeks", "months", "years"}))
      return true;
    // "in the first weeks of the assault", "in the first days of the war": a campaign's early toll.
    if (a == "first" && word(k - 1) == "the" && k >= 2 && one_of(word(k - 2), {"in", "during", "over"}) && k + 2 < v.size() &&
        one_of(word(k + 1), {"days", "weeks", "months", "years"}) && word(k + 2) == "of")
      return true;
    // "so far this year", "in the first eleven months of the year", "since the start of the year": a year's tally.
    if (a == "so" && word(k + 1) == "far" && k + 3 < v.size() && word(k + 2) == "this" && word(k + 3) == "year") return true;
    if (a == "of" && word(k + 1) == "the" && k + 2 < v.size() && word(k + 2) == "year" && k >= 3 &&
        (one_of(word(k - 1), {"start", "beginning"}) || (one_of(word(k - 1), {"months", "weeks"}) && word(k - 3) == "first")))
      return true;
  }
  return false;
}

}  // namespace sitmap::event_reading
