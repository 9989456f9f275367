#pragma once
// Reading one sentence's action frames into draft events: the sides of an
// action (event_sides.cpp), its type and whether it is political violence
// at all (event_types.cpp), its place (event_places.cpp), its date and
// numbers (events.cpp). Private to src/extract.
#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/one_of.hpp"
#include "core/document.hpp"
#include "core/event.hpp"
#include "core/event_types.hpp"
#include "extract/dates.hpp"
#include "extract/frames.hpp"
#include "gazetteer/gazetteer.hpp"

namespace sitmap::event_reading {

inline constexpr long kMaxPlausibleCount = 10'000'000;

using C = EventClass;

inline bool is_consequence(C c) { return c == C::kill || c == C::harm || c == C::die || c == C::destroy; }

// What the whole report says, for words whose sense depends on it.
struct DocContext {
  bool air = false;                            // aircraft or drones are spoken of: "strikes" are air strikes
  bool missiles = false;                       // rockets or missiles are
  bool suicide = false;                        // suicide bombers are: "two bombers struck" are men, not aircraft
  std::vector<uint32_t> sport_tokens;          // where sport words stand: a bulletin's sports item is not its news items
  std::vector<uint32_t> weapon_tokens;         // where weapon words stand
  int fiction = 0;                             // film, novel and review words
  int drill = 0;                               // military exercise words: drills, war games, a scenario
  int protesters = 0;                          // protester words: a report of demonstrations
  int rioting = 0;                             // "rioting", "riots": a report of street violence
  int gatherings = 0;                          // "protests", "demonstrations", "gatherings": the gatherings named
  int markets = 0;                             // market words (shares, stocks, investors): a report of trading
  const ArmedActor* main_group = nullptr;      // the non-state group the report names most
  const ArmedActor* main_coalition = nullptr;  // the coalition it names most
  std::unordered_set<std::string> redefined;   // acronyms the report spells out as other than the actor table's

  int sport() const { return static_cast<int>(sport_tokens.size()); }
  // A report of demonstrations: its protesters, or its gatherings and the people in them, named often enough.
  bool protest_story() const { return protesters >= 2 || protesters + gatherings >= 3; }
  int weapons() const { return static_cast<int>(weapon_tokens.size()); }
};

// The ACLED type of an action, from its words and their arguments.
struct Typed {
  std::string event_type, sub_event_type;
};

// The names come from the one table of types (core/event_types.hpp).
inline Typed typed(SubEvent id) { return {event_type(id).event_type, event_type(id).sub_event_type}; }
inline const Typed kAir = typed(SubEvent::air_strike);
inline const Typed kShell = typed(SubEvent::shelling);
inline const Typed kIed = typed(SubEvent::remote_explosive);
inline const Typed kSuicide = typed(SubEvent::suicide_bomb);
inline const Typed kGrenade = typed(SubEvent::grenade);
inline const Typed kChemical = typed(SubEvent::chemical_weapon);
inline const Typed kClash = typed(SubEvent::armed_clash);
inline const Typed kTaken = typed(SubEvent::non_state_overtakes_territory);
inline const Typed kRegained = typed(SubEvent::government_regains_territory);
inline const Typed kAttack = typed(SubEvent::attack);
inline const Typed kAbduction = typed(SubEvent::abduction);
inline const Typed kSexual = typed(SubEvent::sexual_violence);
inline const Typed kArrest = typed(SubEvent::arrests);
inline const Typed kDestruction = typed(SubEvent::looting);
inline const Typed kProtest = typed(SubEvent::peaceful_protest);
inline const Typed kIntervention = typed(SubEvent::protest_with_intervention);
inline const Typed kExcessiveForce = typed(SubEvent::excessive_force);
inline const Typed kMob = typed(SubEvent::mob_violence);
inline const Typed kRiot = typed(SubEvent::violent_demonstration);

// How a draft event stands: an action told here; a casualty count that is
// its own action unless an action told nearby takes it; or a reference that
// only adds to an action told elsewhere.
enum class Standing : uint8_t { event, weak, reference };

// One sentence's reading into draft events.
bool told_at(const Document& doc, const Segmented& seg, uint32_t sentence_first, const Mention& m);
bool travelled_from(const Document& doc, const Segmented& seg, uint32_t sentence_first, const Mention& m);
// Whether a mention with candidates covers document token `doc_token`.
bool mention_covers(const std::vector<Mention>& mentions, uint32_t doc_token);
bool names_unknown_town(const Document& doc, const Segmented& seg, const std::vector<Mention>& mentions, uint32_t end);
bool bearing_cue(std::string_view cue);
double landmark_km(const Document& doc, const Segmented& seg, const Mention& m);
bool far_landmark(const Document& doc, const Segmented& seg, const Mention& m);
// "km", "miles", "metres": a distance's unit ("25 km from Dori" is no count of people, no origin).
bool distance_unit(std::string_view w);

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
  std::optional<DateSpan> dated{};         // out: the date this sentence's last action was given
  std::optional<Role> context_weapon;      // the weapon the sentence before fired
  bool carried_day = false;                // out: an action here took the narrative's day

  const std::string& word(size_t k) const { return v.words[k]; }
  const Chunk& chunk(int c) const { return v.chunk(c); }
  const Clause& clause_of(const Frame& f) const { return v.parse.clauses[static_cast<size_t>(chunk(f.chunk).clause)]; }
  bool has(int c, Role r) const { return chunk_has_role(v, lex, c, r); }
  bool is(int c, Role r) const { return chunk_is(v, lex, c, r); }

  std::vector<int> evidence_of(size_t f) const;

  // ---- the action's sides ------------------------------------------------
  // A noun chunk with its "of" phrases: "12 of its warplanes", "dozens of militants".
  void add_with_of(std::vector<int>& out, int c) const;
  // Each chunk of a side with its "of" phrases.
  std::vector<int> with_of(const std::vector<int>& side) const;
  // Does noun chunk `c` hold one of these (lower-case) words anywhere ("the police lines")?
  bool chunk_has_word(int c, std::initializer_list<std::string_view> words) const;

  // Chunks on the actor's side: who or what did it.
  std::vector<int> actor_side(const Frame& f) const;

  std::vector<int> actor_side_heads(const Frame& f) const;
  int teller_of_pronoun(int c) const;
  bool labour_in_clause(const Frame& f) const;

  // Chunks on the target's side: who or what was hit.
  std::vector<int> target_side(const Frame& f) const;

  // "launched an offensive on Monday": a campaign's start is an action.
  bool launched(size_t i) const;

  // Is this frame's chunk what another action hit? ("struck a peace rally")
  bool is_target_of_other(size_t i) const;

  bool side_has(const std::vector<int>& side, Role r) const;
  bool side_is(const std::vector<int>& side, Role r) const;

  // An actor table entry, a people ("Russian jets") or an armed noun on a side.
  bool side_armed(const std::vector<int>& side) const;
  bool described_armed(int c) const;

  // ---- actors ------------------------------------------------------------
  // Generic actors are named once the event's country is known.
  static constexpr std::string_view kStateForces = "@state", kPolice = "@police", kArmedGroup = "@armed";

  std::string table_actor(const Chunk& ch) const;
  bool table_group_of_kind(int c, std::initializer_list<std::string_view> kinds) const;

  std::string actor_in(int c) const;
  std::string country_forces_in(int c, uint32_t from) const;

  // A generic actor named for the event's country.
  static std::string named_actor(const std::string& a, const Event& e);

  std::string owner_before(int c, const Chunk& armed) const;

  bool is_state_noun(uint32_t head) const;

  std::string forces_of(const Place& country, const Chunk& ch) const;

  std::string actor_of(const std::vector<int>& side) const;

  // ---- type ----------------------------------------------------------------
  std::optional<Typed> classify(const Frame& f, const std::vector<int>& evidence, const std::vector<int>& actors,
                                const std::vector<int>& targets) const;

  static bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

  // Does a noun chunk name people (a plural or a person noun), not a place or thing?
  bool people(int c) const;
  bool office_holder(int c) const;
  bool gathering_noun(int c) const;
  bool gathering_without_protest(const Frame& f) const;
  bool remembered_by_anniversary(const Frame& f) const;
  bool record_of_actor(const Frame& f) const;
  bool expelling_verb(const Frame& f) const;
  bool driven_out(const Frame& f) const;
  bool set_by_unknown_people(const Frame& f) const;
  bool deadly_fire(const Frame& f) const;
  bool arms_carried(const Frame& f) const;
  bool crowd_named(int c) const;
  bool angry_crowd(const std::vector<int>& side) const;
  bool crowd_in_sentence() const;
  bool figurative_victim_or_doer(const Frame& f) const;
  bool armed_people_named() const;
  bool cause_of_protest(const Frame& f) const;
  bool vehicle_hit_mine(const Frame& f) const;
  bool downs_munitions(const Frame& f) const;
  // A noun chunk naming one person: "a policeman", "Walter Brown", "him".
  bool one_person(int c) const;
  bool person_hurt(const Frame& f) const;

  bool military_actor(const std::vector<int>& side) const;

  // A hit whose subject only counts ("one", "others", "two of them") is
  // done by the weapon the sentence before fired.
  std::optional<Role> weapon_told_before(const Frame& f) const;

  // The weapon this sentence fires, for the next one to refer to.
  std::optional<Role> weapon_fired() const;

  // Gunmen, militants, police: raiders on foot, whatever else the report says.
  bool side_armed_on_ground(const std::vector<int>& side) const;

  // Who died or was hurt, by the consequence frames: "killing five soldiers".
  std::vector<int> when_clause_hosts(const Frame& f) const;
  bool victims_are(const std::vector<int>& evidence, Role r) const;

  // ---- is it political violence at all? -------------------------------------
  bool casualties(const Frame& f, const std::vector<int>& evidence) const;

  bool self_anchored(const Frame& f) const;

  // The senses of war words that are not war: sport, labour, markets,
  // criticism, disasters and illness.
  bool other_sense(const Frame& f, const std::vector<int>& actors, const std::vector<int>& targets) const;

  bool fired_upon(int c) const;
  bool anchored(const Frame& f, const std::vector<int>& evidence, const std::vector<int>& actors, const std::vector<int>& targets) const;
  bool air_strike_placed(const Frame& f, const std::vector<int>& evidence) const;

  bool place_in(int c) const;

  bool within_chunk(const Mention& m, int c) const;

  // ---- where -------------------------------------------------------------------
  // Can this mention be where an action happened? A country only when a
  // location word governs it ("in Syria"), not as a people or a side.
  bool locatable(const Mention& m, bool in_location_phrase = false) const;
  bool telling_place(const Mention& m) const;

  int specificity(const Mention& m) const;
  // What the mention's leading reading is: a city, a division, a country ...
  PlaceKind kind_of(const Mention& m) const { return gaz.place(m.candidates.front().entry).kind; }

  // A place a phrase names: a gazetteer mention, or a name the gazetteer
  // lacks, located by the known place around it ("Mogadishu's Wadajir
  // district", "the village of Tamthil in Homs province").
  struct PhrasePlace {
    const Mention* place = nullptr;                     // the place itself, or the container of `name`
    std::optional<std::pair<uint32_t, uint32_t>> name;  // document tokens of a name the gazetteer lacks
    bool weak = false;                 // a place naming a thing ("the Merdeka palace", "a Baghdad restaurant"), not named as a place
    std::vector<const Mention*> also;  // places coordinated with it: "the cities of Nyala and El Fasher"
    bool empty() const { return !place && !name; }
  };

  bool covered_by_mention(uint32_t doc_token) const;

  // The rightmost run of proper nouns in a chunk that no mention covers and
  // that is no person, organisation acronym or known non-place.
  std::optional<std::pair<uint32_t, uint32_t>> unresolved_name(int c) const;

  bool subplace_noun(uint32_t k) const;
  bool of_names_place(int c) const;
  bool larger_after(int after, int before) const;

  // The places a phrase names, with its "of" chain and apposition:
  // "the Y district of X", "X, in Y province", "the port city of X".
  PhrasePlace place_of_phrase(int c, bool location_phrase = false) const;

  // "Nyala and El Fasher", "Anadan, Huraytan and Kafar Hamra": the towns
  // coordinated with a place, each where the action happened too.
  std::vector<const Mention*> coordinated_places(const Mention& first) const;

  // "the Somali capital", "Mali's capital", "the capital": the capital of the
  // country the phrase (or else the report) names.
  bool seat_of_state(int c) const;
  bool facility_of_town(const Mention& m) const;
  const Mention* capital_named(int c) const;
  const Mention* division_seat_named(int c) const;
  const Mention* named_without_name(int c, uint32_t entry) const;
  const Mention* town_named_before(int c) const;
  bool assailants_hit(const Frame& f) const;

  static bool location_prep(std::string_view p);

  struct Where {
    PhrasePlace at;
    int rank = 99;  // how directly the sentence ties it to the action
    bool found() const { return !at.empty(); }
  };

  int where_specificity(const Where& w) const;

  std::string_view where_country(const Where& w) const;

  // A location phrase that hangs from another noun than the action:
  // "protested against the air offensive in Gaza", "the killings of Armenians".
  bool nested_in_other(const Parse::PrepPhrase& pp, const Frame& f) const;

  void included_towns(PhrasePlace& out) const;
  Where frame_place(const Frame& f, const std::vector<int>& evidence) const;

  // Is the mention inside the object of a location preposition?
  bool in_location_phrase(const Mention& m) const;
  bool origin_or_source(const Mention& m) const;
  bool in_clause_of_hold(const Mention& m) const;
  int head_before_aside(int c) const;

  static std::string_view first_word(std::string_view cue) { return cue.substr(0, cue.find(' ')); }

  // "hundreds of members", "thousands": a count over a campaign.
  bool aggregate(int c) const;

  bool progressive(const Frame& f) const;

  // "the attack", "Saturday's bombing", "the deadliest attack": an action
  // already told, when the sentence gives it no place of its own.
  bool definite_reference(const Frame& f, const Where& where) const;
  bool superlative(const Frame& f) const;
  bool flag_raised_after(const Frame& f) const;
  bool accused_of_violence(int c) const;
  bool cause_with_others_day(const Frame& f, bool day_of_other) const;

  // A disaster word that is no name ("a storm", not "the Storm Corps").
  bool disaster_in_sentence() const;

  Where place_or_conjunct(const Frame& f, const std::vector<int>& evidence) const;
  bool where_in_sentence(const Frame& f) const;
  bool called_a_town(std::string_view name) const;
  const Mention* possessing_town(const Mention& part) const;
  const Mention* holder_of_lacked_name(std::pair<uint32_t, uint32_t> name) const;
  const Mention* dateline_city_within(const Mention& division) const;
  const Mention* dateline_town() const;
  const Mention* town_after_name(uint32_t name_last) const;
  const Mention* landmark_described(uint32_t name_first, uint32_t name_last) const;
  const Mention* landmark_after(uint32_t name_last) const;
  PhrasePlace first_clause_fronted_place() const;

  // ---- when ---------------------------------------------------------------------
  const DateCue* frame_date(const Frame& f) const;

  const DateCue* frame_date(const Frame& f, bool telling) const;
  const DateCue* telling_after(const Frame& f) const;
  bool date_in_clause(const Frame& f) const;
  bool vaguely_before(const Frame& f) const;
  int opener_of(int clause) const;
  bool since_clause_of(const Frame& f) const;
  std::optional<int> days_before_story(const Frame& f) const;
  const Mention* phrase_country(const Frame& f) const;
  std::optional<int> days_before_main(const Frame& f) const;
  bool cue_attached(const Frame& f, const DateCue& c) const;
  std::optional<int> days_counted(size_t unit) const;
  // Days a phrase moves the narrative's day ("the next day": +1); `at`, if given, gets its token.
  std::optional<int> narrative_shift(size_t* at = nullptr) const;

  // ---- numbers --------------------------------------------------------------------
  std::optional<long> count_in(int c) const;

  void sides_between(Event& e, const Frame& f) const;
  std::vector<int> joined_after(int c) const;
  std::optional<long> coordinated_count(int c) const;
  std::optional<long> count_near(uint32_t first, uint32_t last) const;
  std::optional<long> toll_in_sentence() const;

  void numbers(Event& e, const Frame& f, const std::vector<int>& evidence) const;

  // Campaign context rather than a reported action: "is a regular target",
  // "has been carrying out strikes", "which were launched on September 30".
  bool is_background() const;
  bool tally_of_period() const;
  bool attempted(const Frame& f) const;
  bool protesting(const std::vector<int>& side) const;
  bool live_fire_on_protesters(int clause) const;
  bool sums_up() const;
  bool news_paragraph() const;
  bool asks() const;
  bool in_quote(const Frame& f) const;
  bool held(const Frame& f) const;
  int taken_object(const Frame& f) const;
  bool taken_hostage(const Frame& f) const;
  int force_against_crowd() const;
  bool captured_person(const Frame& f) const;
  bool ongoing(const Frame& f) const;
  bool protesters_in_clause(const Frame& f) const;
  bool thrown_by_crowd(const Frame& f) const;
  bool bombers_are_people(const std::vector<int>& carriers) const;
  bool crowd_side(const std::vector<int>& side) const;
  bool generic(const Frame& f) const;
  bool state_side(const std::vector<int>& side) const;
  bool arrest_counts(const Frame& f, const std::vector<int>& actors) const;

  void fill_place(Event& e, const Mention& m) const;
  bool foreign_army_takes(const Event& e) const;
  bool killed_by_hand(const Frame& f) const;
  bool traded(const std::vector<int>& side) const;
  bool crowd_overran(const Frame& f) const;
  bool building(int c) const;
  bool military_site(int c) const;
  bool many_men(const std::vector<int>& side) const;
  bool weapons_in_sentence() const;
  bool fire_returned() const;
  bool thrown_and_exploded(const Frame& f) const;
  bool for_years_perfect(const Frame& f) const;
  bool describes_known_action(const Frame& f) const;
  bool shot_dead(const Frame& f) const;
  // "A man stabbed three people before police shot him", "The man suspected of shooting two fans was killed by
  // police": the state's forces acting on the one who did the sentence's violence act on an armed side.
  bool lone_doer(int c) const;
  bool statement_came(const Frame& f) const;
  bool forces_came(const Frame& f) const;
  bool stoppage(const Frame& f) const;
  bool protest_told_of(int c) const;
  bool weapon_side(const std::vector<int>& side) const;
  bool road_object(const Frame& f) const;
  bool state_hits_the_assailant(const Frame& f, const std::vector<int>& actors, const std::vector<int>& targets) const;
  bool police_drove_crowd(const Frame& f, const std::vector<int>& actors) const;
  bool police_clear_protest(const std::vector<int>& actors) const;
  bool crowd_of_protest(const std::vector<int>& actors, const std::vector<int>& targets) const;
  bool protest_crowd_at_police(const Frame& f, const std::vector<int>& actors, const std::vector<int>& targets) const;
  bool protesters_occupy(const Frame& f, const std::vector<int>& actors) const;
  bool fired_at(const Frame& f) const;
  bool turned_violent(const Frame& f) const;
  // "a protest against the Green Pass degenerated into clashes": the fighting a gathering became.
  bool gathering_became(const Frame& f) const;
  bool sit_in(int c) const;
  bool protest_blockade(int c) const;
  bool breaking_in(const Frame& f) const;
  bool crowd_control_frame(const Frame& f) const;
  bool shops_looted_in_sentence() const;
  bool shop(int c) const;
  bool storming_crowd(const std::vector<int>& side) const;

  // SITMAP_DEBUG_EVENTS=1: why each frame did or did not become an event, on stderr.
  void explain(const Frame& f, std::string_view what) const;

  // ---- the sentence's events ---------------------------------------------------------
  std::vector<Event> read(std::vector<Standing>& merge_only);
  bool story_has_action = false;          // an action was told in an earlier sentence
  bool lone_attacker_before = false;      // one of the last two sentences told one person's attack
  bool lone_attacker = false;             // out: this sentence tells one person's attack
  std::optional<CivilDate> story_date{};  // the day of the story's first dated action
  std::optional<Role> story_weapon{};     // the weapon fired a few sentences before, if any
  std::vector<uint8_t>
      told_dated{};  // per event read: its day's origin (0 own cue, 1 its telling, 2 narrative or none, 3 what came after it)
  std::vector<uint8_t> may_found_action{};    // per event read: a reference, told as known on a day of its own, that may found its action
  std::optional<DateSpan> backstory_dated{};  // out: the day of this sentence's last action told as backstory
};

}  // namespace sitmap::event_reading
