// From sentences with resolved places to the events an analyst would code:
// each sentence's frames read into drafts (the when and the numbers here,
// the sides, type and place in event_sides/types/places.cpp), then merged
// across the report.
#include "extract/events.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>

#include "core/fold.hpp"
#include "core/place_words.hpp"
#include "extract/dates.hpp"
#include "extract/frames.hpp"
#include "extract/sentence_events.hpp"
#include "extract/toponyms.hpp"

namespace sitmap {

namespace event_reading {

// A name wrapped over two lines ("Wat\nRattananupap") written on one.
std::string one_line(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<int> SentenceEvents::evidence_of(size_t f) const {
  std::vector<int> out;
  for (size_t i = 0; i < frames.size(); ++i) {
    int h = frames[i].host;
    for (int guard = 0; h >= 0 && guard < 8; ++guard) {
      if (h == static_cast<int>(f)) {
        out.push_back(static_cast<int>(i));
        break;
      }
      h = frames[static_cast<size_t>(h)].host;
    }
  }
  return out;
}

// ---- when ---------------------------------------------------------------------
// Is day `c` the noun frame's own: inside its chunk ("Sunday's attack"), the
// object of the first preposition after it, a participle between allowed
// ("the attack on Sunday", "the attack perpetrated on 20 January"), or after
// its own verb of happening ("The attack began Tuesday")? (Narrow on purpose:
// "the attack in Gao on Sunday" is not read as its own day.)
bool SentenceEvents::cue_attached(const Frame& f, const DateCue& c) const {
  const int cue = v.parse.chunk_of[c.first_token - v.s.first_token];
  if (cue == f.chunk) return true;
  int k = f.chunk + 1;
  // ("the U.S. drone strike that killed Gen. Soleimani near Baghdad's airport on Jan. 3": its own relative clause's.)
  if (const Clause& of_cue = v.parse.clauses[static_cast<size_t>(chunk(cue).clause)];
      of_cue.kind == ClauseKind::relative && of_cue.antecedent == f.chunk)
    return true;
  // ("The attack began Tuesday afternoon", "the raid took place on Friday": the noun's own verb of happening.)
  // (Its subject only: "the trial of men accused of the attack began on Monday" dates the trial.)
  const bool happening = k < cue && chunk(k).kind == ChunkKind::verb && v.parse.subject_of(k) == f.chunk &&
                         !(f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::prep) &&
                         one_of(word(chunk(k).head), {"began", "begun", "started", "took", "happened", "occurred", "came", "lasted",
                                                      "ended", "erupted", "broke", "unfolded"});
  if (k < cue && chunk(k).kind == ChunkKind::verb && (!chunk(k).finite || happening)) ++k;
  if (happening && k == cue) return true;
  if (k < cue && chunk(k).kind == ChunkKind::noun && k > f.chunk + 1 && word(chunk(k).head) == "place") ++k;  // "took place"
  return k + 1 == cue && chunk(k).kind == ChunkKind::prep;
}

const DateCue* SentenceEvents::frame_date(const Frame& f) const {
  if (const DateCue* c = frame_date(f, false)) return c;
  return frame_date(f, true);  // "the RSF said on Saturday that its forces had taken the airport"
}

// "fired shots at the house", "firing bullets into the crowd": an "at", "into" or "on" phrase after the fire.
bool SentenceEvents::fired_at(const Frame& f) const {
  // (Not "fired five shots at close range", "at random", "into the air".)
  for (int c = f.chunk + 1; c + 1 < static_cast<int>(v.parse.chunks.size()) && c <= f.chunk + 3; ++c)
    if (chunk(c).kind == ChunkKind::prep && one_of(word(chunk(c).head), {"at", "into", "on"}) && chunk(c + 1).kind == ChunkKind::noun &&
        !one_of(word(chunk(c + 1).head), {"range", "random", "air", "sky", "ground", "time", "least"}))
      return true;
  return false;
}

// "..., local sources told AFP on Tuesday": the telling after the action.
const DateCue* SentenceEvents::telling_after(const Frame& f) const {
  for (const DateCue& c : cues)
    if (c.reporting && !c.since && c.first_token > v.token(f.first)) return &c;
  return nullptr;
}

// The chunk that opens clause `clause` ("after", "when"), or -1.
int SentenceEvents::opener_of(int clause) const {
  for (size_t c = 0; c < v.parse.chunks.size(); ++c)
    if (chunk(static_cast<int>(c)).clause == clause && chunk(static_cast<int>(c)).opens_clause) return static_cast<int>(c);
  return -1;
}

// Days between an action in an "N days after ..." clause and the story's
// action the main clause tells ("came", "followed"); none when the clause
// is no such clause or the gap is vague ("days after").
std::optional<int> SentenceEvents::days_before_story(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  const Clause& cl = v.parse.clauses[static_cast<size_t>(clause)];
  if (cl.kind != ClauseKind::subordinate || cl.opener != "after" || clause == 0 || cl.parent != 0) return std::nullopt;
  const int opener = opener_of(clause);
  if (opener < 2 || chunk(opener - 1).kind != ChunkKind::noun || chunk(opener - 2).kind != ChunkKind::verb ||
      !one_of(word(chunk(opener - 2).head), {"came", "comes", "followed", "happened", "occurred"}))
    return std::nullopt;
  const Chunk& gap = chunk(opener - 1);
  return gap.head > gap.first ? days_counted(gap.head) : std::nullopt;
}

// "The statement came four days after ...": what came is a telling (a statement, a report, an appeal), not an action.
bool SentenceEvents::statement_came(const Frame& f) const {
  const int opener = opener_of(chunk(f.chunk).clause);
  if (opener < 2 || chunk(opener - 2).kind != ChunkKind::verb) return false;
  const int subject = v.parse.subject_of(opener - 2);
  return subject >= 0 && one_of(word(chunk(subject).head), {"statement", "report", "announcement", "appeal", "warning", "remarks",
                                                            "comments", "call", "letter", "communique", "communiqué"});
}

// "two days", "a week", "10 days": the days that the count before the unit
// word at `unit` names; none for other units, or counts past two months.
std::optional<int> SentenceEvents::days_counted(size_t unit) const {
  const int per = one_of(word(unit), {"day", "days"}) ? 1 : one_of(word(unit), {"week", "weeks"}) ? 7 : 0;
  if (per == 0 || unit == 0) return std::nullopt;
  const std::optional<long> n = one_of(word(unit - 1), {"a", "an"}) ? std::optional<long>(1) : parse_count(v.words, unit - 1);
  if (!n || *n <= 0 || *n > 60) return std::nullopt;
  return static_cast<int>(*n) * per;
}

// "IS claimed responsibility for the attacks that killed 129 people in Paris": a relative clause that
// tells what a known action did, which the narrative's day does not date.
bool SentenceEvents::describes_known_action(const Frame& f) const {
  // (And "claimed the attacks that killed ...": the known action itself, named by its definite noun, with its evidence.)
  const bool definite_noun = !f.verbal && one_of(word(chunk(f.chunk).first), {"the", "those", "these"});
  if (definite_noun && std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
        return o.host == static_cast<int>(&f - frames.data()) && describes_known_action(o);
      }))
    return true;
  const Clause& cl = clause_of(f);
  if (cl.kind != ClauseKind::relative || cl.antecedent < 0) return false;
  if (!one_of(word(chunk(cl.antecedent).first), {"the", "those", "these", "this", "that"})) return false;
  return std::any_of(frames.begin(), frames.end(), [&](const Frame& o) { return !o.verbal && o.chunk == cl.antecedent; });
}

// An action whose clause (or the clause its participle or coordinate hangs on) has a perfect that spans
// years: "have for years raided villages, ... kidnapping for ransom", "has been fighting the army for decades".
// (Not "gunmen who have terrorised the region for years abducted 30 villagers": a relative clause's.)
bool SentenceEvents::for_years_perfect(const Frame& f) const {
  const int own = chunk(f.chunk).clause;
  const Clause& cl = v.parse.clauses[static_cast<size_t>(own)];
  const int above = cl.kind == ClauseKind::participle || cl.kind == ClauseKind::coordinate ? cl.parent : own;
  const bool perfect = std::any_of(v.parse.chunks.begin(), v.parse.chunks.end(), [&](const Chunk& x) {
    return x.kind == ChunkKind::verb && (x.clause == own || x.clause == above) && (x.perfect || one_of(word(x.head), {"have", "has"}));
  });
  if (!perfect) return false;
  for (size_t k = 0; k + 1 < v.size(); ++k)
    if (word(k) == "for" && (one_of(word(k + 1), {"years", "decades"}) ||
                             (k + 2 < v.size() && one_of(word(k + 2), {"years", "decades"}) && v.parse.tags[k + 1] == Pos::CD)))
      return true;
  return false;
}

// The country a people or country word names inside the action's own
// location phrase: "in a Myanmar town", "in a Kenyan border village".
const Mention* SentenceEvents::phrase_country(const Frame& f) const {
  for (const auto& pp : f.preps) {
    if (pp.where != Parse::PrepPhrase::after || pp.object < 0 || !one_of(word(chunk(pp.prep).head), {"in", "at", "near", "outside"}))
      continue;
    if (!subplace_noun(chunk(pp.object).head)) continue;  // "in a Myanmar town", not "in Thai custody"
    for (size_t m : here) {
      const Mention& mm = mentions[m];
      if (mm.candidates.empty() || !within_chunk(mm, pp.object)) continue;
      if (gaz.place(mm.candidates.front().entry).kind == PlaceKind::country) return &mm;
    }
  }
  return nullptr;
}

// "two days later", "a day earlier", "48 hours later", "the next day", "the
// following day", "the day before": the sentence's shift from the day the
// narrative was on, in days.
std::optional<int> SentenceEvents::narrative_shift(size_t* at) const {
  for (size_t k = 0; k + 1 < v.size(); ++k) {
    if (at) *at = k;
    const std::string& w = word(k);
    if ((w == "next" || w == "following") && one_of(word(k + 1), {"day", "morning", "evening", "night"}) && k > 0 && word(k - 1) == "the")
      return 1;
    // "the previous day", "the preceding night", "the night before" at a phrase's end (not "the night before
    // the vote" or "before elections": a day of their own).
    if ((w == "previous" || w == "preceding") && one_of(word(k + 1), {"day", "morning", "evening", "night"}) && k > 0 &&
        word(k - 1) == "the")
      return -1;
    if (w == "night" && word(k + 1) == "before" && k > 0 && word(k - 1) == "the") {
      if (k + 2 < v.size() && word(k + 2) == "last") return -2;  // "the night before last"
      if (k + 2 >= v.size() || one_of(word(k + 2), {",", ".", ";", ":", "when", "as", "and"})) return -1;
    }
    if (w == "day" && word(k + 1) == "before" && k > 0 && word(k - 1) == "the") return -1;
    if (w == "eve" && word(k + 1) == "of" && k > 0 && word(k - 1) == "the") return -1;  // "on the eve of the killings"
    // "but after midnight, when the march was over, ...": into the next day (not "after midnight on Sunday": a day of its own).
    if (w == "after" && word(k + 1) == "midnight" && !(k + 2 < v.size() && one_of(word(k + 2), {"on", "of"}))) return 1;
    if (k + 2 >= v.size() || !one_of(word(k + 2), {"later", "earlier"})) continue;
    const int sign = word(k + 2) == "later" ? 1 : -1;
    if (word(k + 1) == "hours") {  // "48 hours later": whole days only
      const std::optional<long> n = parse_count(v.words, k);
      if (n && *n >= 24 && *n <= 60 && *n % 24 == 0) return sign * static_cast<int>(*n / 24);
      continue;
    }
    if (const std::optional<int> days = days_counted(k + 1)) return sign * *days;
  }
  return std::nullopt;
}

// "..., two days after X": the days between an "after" clause's action and
// the main clause's ("two days", "a week" just before "after").
std::optional<int> SentenceEvents::days_before_main(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  const Clause& cl = v.parse.clauses[static_cast<size_t>(clause)];
  if (cl.kind != ClauseKind::subordinate || cl.opener != "after" || clause == 0) return std::nullopt;
  const int opener = opener_of(clause);
  if (opener < 1 || chunk(opener - 1).kind != ChunkKind::noun) return std::nullopt;
  const Chunk& gap = chunk(opener - 1);
  return gap.head > gap.first ? days_counted(gap.head) : std::nullopt;
}

// An action in an "after" clause that a vague gap opens: "days after
// fighters seized it", "weeks after the town fell".
bool SentenceEvents::vaguely_before(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  const Clause& cl = v.parse.clauses[static_cast<size_t>(clause)];
  if (cl.kind != ClauseKind::subordinate || cl.opener != "after" || clause == 0) return false;
  const int opener = opener_of(clause);
  if (opener < 1) return false;
  const Chunk& gap = chunk(opener - 1);
  return gap.kind == ChunkKind::noun && gap.head == gap.first && one_of(word(gap.head), {"days", "weeks", "months", "years"});
}

// "have been killed in its strikes since it launched ...": a perfect whose
// "since ..." clause tells what has gone on, not one action ("the deadliest
// attack since ..." is one).
bool SentenceEvents::since_clause_of(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  bool perfect = false;
  for (size_t c = 0; c < v.parse.chunks.size(); ++c)
    if (chunk(static_cast<int>(c)).clause == clause && chunk(static_cast<int>(c)).kind == ChunkKind::verb &&
        chunk(static_cast<int>(c)).perfect)
      perfect = true;
  if (!perfect) return false;
  for (size_t c = 1; c < v.parse.clauses.size(); ++c)
    if (v.parse.clauses[c].parent == clause && v.parse.clauses[c].opener == "since") return true;
  return false;
}

bool SentenceEvents::date_in_clause(const Frame& f) const {
  const int clause = chunk(f.chunk).clause;
  // "declared last Sunday that the city had been recaptured": a "that" after a
  // day opens what was declared, and the day is its date.
  const Clause& cl = v.parse.clauses[static_cast<size_t>(clause)];
  if (cl.kind == ClauseKind::relative && cl.antecedent >= 0 && chunk(cl.antecedent).time) return true;
  for (const DateCue& c : cues)
    if (!c.reporting && chunk(v.parse.chunk_of[c.first_token - v.s.first_token]).clause == clause) return true;
  return false;
}

const DateCue* SentenceEvents::frame_date(const Frame& f, bool telling) const {
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
    // "The man accused of shooting two legislators early Saturday was taken into custody Sunday night": a day
    // told inside a participle's phrase before the action is the participle's, when the action has one after it.
    const size_t cue_at = c.first_token - v.s.first_token;
    const bool participle_day =
        f.verbal && chunk(f.chunk).finite && cue_chunk != f.chunk && cue_at < f.first &&
        std::any_of(frames.begin(), frames.end(),
                    [&](const Frame& o) { return &o != &f && o.verbal && !chunk(o.chunk).finite && o.first < cue_at; }) &&
        std::any_of(cues.begin(), cues.end(),
                    [&](const DateCue& later) { return !later.reporting && later.first_token > v.token(f.last); });
    if (participle_day) continue;
    // "the trial of the January 2015 attackers": a month or year before a noun of its chunk says which ones, no
    // time of this action (unless the noun is the action's own: "the January 2015 attack"). (A day before a
    // noun is when it stood: "during Sunday evening Mass".)
    // (But "killed in the 1994 genocide": an event's noun dates what was done in it.)
    // (Nor "during the December 2018 elections", "in the 2015 floods": a time phrase's noun is when it was.)
    const bool in_time_phrase = cue_chunk >= 1 && chunk(cue_chunk - 1).kind == ChunkKind::prep &&
                                one_of(word(chunk(cue_chunk - 1).head),
                                       {"during", "in", "since", "before", "after", "at", "throughout", "until", "following", "ahead"});
    const bool event_noun = in_time_phrase ||
                            std::any_of(frames.begin(), frames.end(), [&](const Frame& o) { return o.chunk == cue_chunk; }) ||
                            one_of(word(chunk(cue_chunk).head), {"war", "genocide", "revolution", "uprising", "conflict", "crisis"});
    if (cue_chunk != f.chunk && c.span.precision > 1 && chunk(cue_chunk).kind == ChunkKind::noun &&
        chunk(cue_chunk).head > c.last_token - v.s.first_token && !chunk(cue_chunk).time && !event_noun)
      continue;
    // "protests against the results of last weekend's election": a day in the possessive of an occasion dates
    // the occasion, not another action of the sentence ("bringing Monday's toll to 19" is the action's own
    // day's toll; "outside Sunday's summit", "at Sunday's rally" is where the action stood that day).
    const size_t after_cue = c.last_token + 1 - v.s.first_token;
    const auto placed_at_occasion = [&]() {
      for (int j = cue_chunk - 1; j >= 0; --j) {
        const Chunk& x = chunk(j);
        if (x.kind == ChunkKind::noun) continue;
        if (x.kind != ChunkKind::prep) return false;
        if (word(x.head) == "of") continue;
        return one_of(word(x.head), {"outside", "at", "near", "during", "before", "after", "ahead", "on", "around", "inside"});
      }
      return false;
    };
    if (cue_chunk != f.chunk && after_cue < v.size() && v.parse.tags[after_cue] == Pos::POS &&
        one_of(word(chunk(cue_chunk).head), {"election", "elections", "vote", "poll", "polls", "referendum", "summit", "meeting", "speech",
                                             "announcement", "decision", "ruling", "verdict", "match", "final", "game"}) &&
        !placed_at_occasion())
      continue;
    const int cc = chunk(v.parse.chunk_of[c.first_token - v.s.first_token]).clause;
    // "killed in attacks ... the day before, the worst violence since the country was plunged into crisis in
    // April": a day in another clause opened by "since" is where something began, no day of this action.
    // (Only where the sentence counts the action's day from another, "the day before": else the since-clause's
    // day is all there is, and it marks what went on since as backstory.)
    if (cc != clause && v.parse.clauses[static_cast<size_t>(cc)].opener == "since" && narrative_shift()) continue;
    // (The main clause's day bounds an "after" clause's action from above: "in intensive care on Friday after a
    // bomb exploded as he walked to his car on Thursday evening" took the bomb's own day only when none is nearer.)
    const Clause& own = v.parse.clauses[static_cast<size_t>(clause)];
    // ("on Thursday, a day after a rally ended in a shooting": counted from the main clause's day, which is the one.)
    const bool counted_from_parent = own.opener == "after" && days_before_main(f).has_value();
    int rank = cc == clause ? 0 : cc == own.parent ? (own.opener == "after" && !counted_from_parent ? 2 : 1) : 2;
    // "stabbed three people to death and wounded eight others at a festival late on Friday": a verb coordinated
    // with the action's shares its time.
    const Clause& cue_cl = v.parse.clauses[static_cast<size_t>(cc)];
    const bool coordinated = cc != clause && cue_cl.kind == ClauseKind::coordinate && cue_cl.parent == clause;
    if (coordinated) {
      rank = 0;
    } else if (cc != clause && cue_cl.parent == clause) {
      // "Nasheed, who announced his resignation on Tuesday, told a rally in the morning": an aside set off
      // by a comma, about a noun before the action, with a day before the story's, dates its own verb.
      // (Not "abducted by bandits who blocked the highway on 6 July": no comma, it says which bandits, in
      // the act; nor "The protesters, who gathered on Saturday morning, marched" on the story's Saturday.)
      const Clause& aside = v.parse.clauses[static_cast<size_t>(cc)];
      int first = 0;
      while (first < static_cast<int>(v.parse.chunks.size()) && chunk(first).clause != cc) ++first;
      const bool earlier =
          c.span.date && context_date && context_date->date && days_from_civil(*c.span.date) < days_from_civil(*context_date->date);
      if (aside.kind == ClauseKind::relative && one_of(aside.opener, {"who", "which", "whose"}) && first > 0 &&
          chunk(first - 1).kind == ChunkKind::punct && word(chunk(first - 1).head) == "," && aside.antecedent >= 0 &&
          aside.antecedent < f.chunk && earlier)
        continue;
      // "after protesters who had stayed on the square overnight threw chairs": a relative clause's past perfect
      // dates what was done before the action.
      bool had_done = false;
      for (int x = first; x < static_cast<int>(v.parse.chunks.size()) && chunk(x).clause == cc && !had_done; ++x)
        had_done = chunk(x).kind == ChunkKind::verb && chunk(x).perfect && word(chunk(x).first) == "had";
      if (aside.kind == ClauseKind::relative && had_done) continue;
      rank = 1;
    }
    // "The man suspected of shooting two fans on Monday evening was killed by police early on Tuesday": a day
    // inside a participle phrase that describes the subject is that participle's.
    if (rank == 0 && f.verbal && chunk(f.chunk).finite && cue_chunk < f.chunk && f.subject >= 0)
      for (int x = f.subject + 1; x < cue_chunk; ++x)
        if (chunk(x).kind == ChunkKind::verb && !chunk(x).finite && !chunk(x).infinitive) rank = 1;
    const size_t t = v.token(f.first);
    const size_t d = c.first_token > t ? c.first_token - t : t - c.first_token;
    if (rank < best_rank || (rank == best_rank && d < best_d)) {
      best = &c;
      best_rank = rank;
      best_d = d;
    }
  }
  return best;
}

// ---- numbers --------------------------------------------------------------------
std::optional<long> SentenceEvents::count_in(int c) const {
  if (c < 0) return std::nullopt;
  const Chunk& ch = chunk(c);
  for (uint32_t k = ch.first; k <= ch.last; ++k)
    if (auto n = parse_count(v.words, k)) return n;
  // "A policeman was killed", "Walter Brown was shot dead": one person.
  if (one_person(c)) return 1;
  return std::nullopt;
}

// A toll the sentence gives without a verb of killing: "left 12 dead", "12 people
// dead", "the death toll rose to 121", "a death toll of 40".
std::optional<long> SentenceEvents::toll_in_sentence() const {
  for (uint32_t k = 0; k < v.size(); ++k) {
    size_t used = 0;
    const auto n = parse_count(v.words, k, &used);
    if (!n || v.parse.tags[k] != Pos::CD) continue;  // a numeral, not "several" or "dozens"
    const uint32_t after = k + static_cast<uint32_t>(used);
    if (after < v.size() && word(after) == "dead") return n;
    if (after < v.size() && one_of(word(after), {"bodies", "corpses"})) return n;  // "only 18 bodies had been recovered"
    if (after + 1 < v.size() && people(v.parse.chunk_of[after]) && word(after + 1) == "dead") return n;
    // "leaving four fighters dead", "left 12 peacekeepers dead": the counted noun, whoever they were
    // ("leaving four of the assailants dead": the noun of its "of" phrase).
    if (after + 1 < v.size() && word(after) == "of" && v.parse.chunk_of[after + 1] != v.parse.chunk_of[after]) {
      const Chunk& of_what = chunk(v.parse.chunk_of[after + 1]);
      if (of_what.kind == ChunkKind::noun && of_what.last + 1 < v.size() && word(of_what.last + 1) == "dead") return n;
    }
    if (after < v.size()) {
      const Chunk& counted = chunk(v.parse.chunk_of[after]);
      if (counted.kind == ChunkKind::noun && counted.last + 1 < v.size() && word(counted.last + 1) == "dead" &&
          is_noun(v.parse.tags[counted.head]))
        return n;
    }
  }
  // "the death toll rose to 31", "the toll from Monday's attack rose to 14", "revised the toll down to
  // nine from 12", "the number of dead had climbed to 11".
  for (uint32_t k = 0; k + 1 < v.size(); ++k) {
    uint32_t from = 0;
    if (word(k) == "death" && word(k + 1) == "toll")
      from = k + 2;
    else if (word(k) == "toll" && k > 0 && one_of(word(k - 1), {"the", "a", "its", "final", "official", "overall", "revised"}))
      from = k + 1;
    else if (word(k) == "number" && k + 2 < v.size() && word(k + 1) == "of" && one_of(word(k + 2), {"dead", "deaths", "fatalities"}))
      from = k + 3;
    // "The number of people killed in Saturday's bombing rose from seven to 12."
    else if (word(k) == "number" && k + 3 < v.size() && word(k + 1) == "of" && one_of(word(k + 2), {"people", "those", "civilians"}) &&
             one_of(word(k + 3), {"killed", "dead"}))
      from = k + 4;
    if (!from) continue;
    // "rose from seven to 12", "the toll from the bombing of a bus has risen to 11": "to" first, then "of" or "at".
    for (const bool to_only : {true, false})
      for (uint32_t j = from; j < std::min<size_t>(v.size(), from + 16); ++j)
        if ((to_only ? word(j) == "to" : one_of(word(j), {"of", "at"})) && j + 1 < v.size() && v.parse.tags[j + 1] == Pos::CD)
          if (const auto n = parse_count(v.words, j + 1)) return n;
  }
  return std::nullopt;
}

// The sum of counted noun phrases joined by "and" or commas from chunk c on
// ("six soldiers, two police officers and four militants"), when two or more are counted.
std::optional<long> SentenceEvents::coordinated_count(int c) const {
  if (c < 0 || chunk(c).kind != ChunkKind::noun) return std::nullopt;
  std::vector<int> parts = {c};
  for (int j : joined_after(c)) parts.push_back(j);
  if (parts.size() < 2) return std::nullopt;
  long sum = 0;
  for (int j : parts) {
    const auto n = count_in(j);
    if (!n) return std::nullopt;  // "two soldiers and their commander": not all counted
    sum += *n;
  }
  return sum;
}

int SentenceEvents::head_before_aside(int c) const {
  if (c < 2 || chunk(c).kind != ChunkKind::noun) return c;
  int j = c - 1;
  // Past the aside's opening words ("among them", "including", "mostly", "mainly") and its list.
  while (j >= 1 && chunk(j).kind != ChunkKind::punct && j + 6 > c &&
         (chunk(j).kind == ChunkKind::noun || chunk(j).kind == ChunkKind::conj || chunk(j).kind == ChunkKind::prep ||
          chunk(j).kind == ChunkKind::adverb || chunk(j).kind == ChunkKind::adjective))
    --j;
  if (j < 1 || word(chunk(j).head) != "," || chunk(j - 1).kind != ChunkKind::noun) return c;
  const bool aside_word = [&] {
    for (int k = j + 1; k <= c; ++k)
      for (uint32_t t = chunk(k).first; t <= chunk(k).last; ++t)
        if (one_of(word(t), {"among", "including", "mostly", "mainly", "many", "most", "some", "all"})) return true;
    return false;
  }();
  // (Or an aside closed by a comma before the verb: "Two soldiers, a sergeant and a private, were killed".)
  int e = c;  // the aside's end: past the rest of its list
  const int n = static_cast<int>(v.parse.chunks.size());
  while (e + 1 < n && (chunk(e + 1).kind == ChunkKind::noun || chunk(e + 1).kind == ChunkKind::conj)) ++e;
  const bool closed = e + 1 < n && word(chunk(e + 1).head) == "," && v.parse.tags[chunk(j - 1).first] == Pos::CD;
  return (aside_word || closed) && count_in(j - 1) ? j - 1 : c;
}

std::optional<long> SentenceEvents::count_near(uint32_t first, uint32_t last) const {
  // A count of people, not of a measure ("25 km from Dori", "30 houses" before "and killed a farmer").
  auto people_count = [&](uint32_t k) -> std::optional<long> {
    size_t used = 0;
    auto n = parse_count(v.words, k, &used);
    if (!n) return std::nullopt;
    const size_t after = k + used;
    if (after < v.size() && (distance_unit(word(static_cast<uint32_t>(after))) ||
                             one_of(word(static_cast<uint32_t>(after)), {"hours", "minutes", "days", "weeks", "months", "years", "am", "pm",
                                                                         "a.m.", "p.m.", "per", "percent", "%"})))
      return std::nullopt;
    return n;
  };
  for (uint32_t k = last + 1; k < std::min<size_t>(v.size(), last + 6); ++k) {
    if (word(k) == "," || word(k) == ";" || word(k) == "and") break;
    if (auto n = people_count(k)) return n;
  }
  for (uint32_t k = first; k-- > (first > 6 ? first - 6 : 0);) {
    if (word(k) == "," || word(k) == ";" || word(k) == "and") break;
    if (auto n = people_count(k)) return n;
  }
  return std::nullopt;
}

// "Fighting erupted between the army and RSF fighters": a battle's two sides, named in its "between" phrase.
void SentenceEvents::sides_between(Event& e, const Frame& f) const {
  if (f.cls != C::clash) return;
  const int n = static_cast<int>(v.parse.chunks.size());
  for (const auto& pp : f.preps) {
    if (pp.where != Parse::PrepPhrase::after || pp.object < 0 || word(chunk(pp.prep).head) != "between") continue;
    const int first = pp.object, second = first + 2;
    if (second >= n || chunk(first + 1).kind != ChunkKind::conj || word(chunk(first + 1).head) != "and" ||
        chunk(second).kind != ChunkKind::noun)
      return;
    const std::string a = actor_of({first}), b = actor_of({second});
    if (a.empty() || b.empty() || a == b) return;
    e.actor1 = a;
    e.actor2 = b;
    return;
  }
}

void SentenceEvents::numbers(Event& e, const Frame& f, const std::vector<int>& evidence) const {
  std::vector<const Frame*> all = {&f};
  for (int x : evidence) all.push_back(&frames[static_cast<size_t>(x)]);
  for (const Frame* x : all) {
    // "shot dead 12 people", "shot a lawyer dead", "gunned down two lawyers": a shooting that killed.
    const int shot = x->passive ? x->subject : x->object;
    const bool shot_dead = x->cls == C::shoot && x->verbal &&
                           ((x->last + 1 < v.size() && word(x->last + 1) == "dead") || word(x->last) == "down" ||
                            (shot >= 0 && !x->passive && chunk(shot).last + 1 < v.size() && word(chunk(shot).last + 1) == "dead"));
    // (Not a massacre's own verb: "16 were beheaded" is often some of the dead, and the lowest figure is kept.)
    if (x->cls != C::kill && x->cls != C::die && x->cls != C::harm && !shot_dead) continue;
    const bool dead_after = x->last + 1 < v.size() && word(x->last + 1) == "dead";
    std::optional<long> n = count_near(x->first, shot_dead && dead_after ? x->last + 1 : x->last);
    // "A suicide bomber killed himself and 14 others": the bomber counts, as ACLED counts him.
    if (x->cls == C::kill && x->verbal && !x->passive && x->last + 3 < v.size() && one_of(word(x->last + 1), {"himself", "herself"}) &&
        word(x->last + 2) == "and")
      if (const auto others = parse_count(v.words, x->last + 3)) n = *others + 1;
    int counted = x->passive || x->cls == C::die ? x->subject : x->object;  // who died or was hurt
    // "the killing of a chief", "the murder of two aid workers": the noun's "of" phrase.
    // (The action's own noun only: "a protest over the killing of a lawyer" killed no one.)
    if (x == &f && x->modality == Modality::asserted && !x->verbal && counted < 0 &&
        x->chunk + 2 < static_cast<int>(v.parse.chunks.size()) && chunk(x->chunk + 1).kind == ChunkKind::prep &&
        word(chunk(x->chunk + 1).head) == "of" && chunk(x->chunk + 2).kind == ChunkKind::noun)
      counted = x->chunk + 2;
    // "Six people, among them two children, lost their lives", "Thirty-two people, mostly women and
    // children, were killed": the count is the head's, before the aside.
    const int head = head_before_aside(counted);
    const bool aside = head != counted;  // the aside's items are the head's people, not more of them
    counted = head;
    // "Fourteen soldiers were killed in an attack on two army checkpoints": a passive's subject counts the dead,
    // before any figure after the verb.
    if (!n || x->passive || x->cls == C::die)
      if (const auto own = count_in(counted)) n = own;
    if (!n) continue;
    // "Six soldiers and four militants were killed": the toll is every conjunct's.
    if (!aside)
      if (const auto all = coordinated_count(counted)) n = all;
    // "Suicide bombings kill dozens": a headline's round word never undercuts the body's count.
    if (v.headline && (*n == 12 || *n == 20 || *n == 10 || *n == 100 || *n == 1000)) {
      bool vague = false;
      for (size_t k = x->first > 3 ? x->first - 3 : 0; k < std::min<size_t>(v.size(), x->last + 4); ++k)
        if (one_of(word(k), {"dozens", "scores", "several", "many", "hundreds", "thousands"})) vague = true;
      if (vague) continue;
    }
    if (x->cls == C::harm) {
      e.quantities["wounded"] = std::max(e.quantities["wounded"], *n);
    } else if (!e.fatalities || *n < *e.fatalities) {
      e.fatalities = static_cast<int>(std::min<long>(*n, 1'000'000));
    }
  }
  if (!e.fatalities)
    if (const auto n = toll_in_sentence()) e.fatalities = static_cast<int>(*n);
  // Quantities named beside the action: "12 warplanes", "20 bombs", "116 fuel trucks".
  static const std::set<std::string, std::less<>> aircraft = {"warplanes", "aircraft", "jets",   "planes",
                                                              "fighters",  "bombers",  "drones", "helicopters"};
  static const std::set<std::string, std::less<>> munitions = {"bombs", "missiles", "rockets", "munitions", "shells", "mortars", "drones"};
  static const std::set<std::string, std::less<>> blasts = {"explosions", "blasts"};
  static const std::set<std::string, std::less<>> vehicles = {"trucks", "tankers", "vehicles", "lorries"};
  for (size_t k = 1; k < v.size(); ++k) {
    const std::string& w = word(k);
    const char* key = aircraft.count(w)    ? "aircraft"
                      : munitions.count(w) ? "munitions"
                      : blasts.count(w)    ? "explosions"
                      : vehicles.count(w)  ? "vehicles_destroyed"
                                           : nullptr;
    if (!key) continue;
    // "two suicide bombers", "Islamist fighters": people, not aircraft.
    if (key == std::string_view("aircraft") && (w == "bombers" || w == "fighters") &&
        !(k + 1 < v.size() && one_of(word(k + 1), {"jets", "planes"})) &&
        (one_of(word(k - 1), {"suicide", "islamist", "rebel", "militant", "taliban", "jihadist", "foreign"}) || w == "fighters"))
      continue;
    for (size_t j = k; j-- > (k > 4 ? k - 4 : 0);)
      if (auto n = parse_count(v.words, j)) {
        e.quantities[key] = std::max(e.quantities[key], *n);
        break;
      }
  }
  for (const auto& t : lex.targets) {
    for (size_t k = 0; k + t.size() <= v.size(); ++k) {
      if (!std::equal(t.begin(), t.end(), v.words.begin() + static_cast<long>(k))) continue;
      std::string name;
      for (const auto& w : t) name += (name.empty() ? "" : " ") + w;
      const bool covered =
          std::any_of(e.targets.begin(), e.targets.end(), [&](const std::string& x) { return x.find(name) != std::string::npos; });
      if (!covered) e.targets.push_back(name);
    }
  }
}

// "Russian forces liberated Avdiivka": ground taken by another state's army
// is overtaken, as ACLED codes it; only the forces of the place's own state,
// or those fighting beside them ("working with Somali government forces"), regain it.
bool SentenceEvents::foreign_army_takes(const Event& e) const {
  if (e.sub_event_type != kRegained.sub_event_type || e.country.empty() || e.geo_precision > 3) return false;
  if (e.actor1.rfind("Military Forces of ", 0) != 0) return false;
  const std::string home = military_forces_of(e.country);
  if (e.actor1 == home || e.actor2 == home) return false;
  const uint32_t last = std::min<uint32_t>(v.index + 2, static_cast<uint32_t>(seg.sentences.size()) - 1);
  const uint32_t from = seg.tokens[v.s.first_token].start;
  const uint32_t to = seg.tokens[seg.sentences[last].first_token + seg.sentences[last].token_count - 1].end;
  for (const Mention& m : mentions) {
    if (m.start < from || m.end > to || m.candidates.empty()) continue;
    if (gaz.place(m.candidates.front().entry).country_code != e.country_code || m.start < 24) continue;
    const std::string before = ascii_lower(std::string_view(doc.text).substr(m.start - 24, 24));
    for (std::string_view cue : {"with ", "alongside ", "beside ", "backing ", "supporting ", "support of "})
      if (before.find(cue) != std::string::npos) return false;
  }
  return true;
}

// SITMAP_DEBUG_EVENTS=1: why each frame did or did not become an event, on
// stderr. Read once; callers that build a message test it first.
static bool debug_events() {
  static const bool on = std::getenv("SITMAP_DEBUG_EVENTS") != nullptr;
  return on;
}

void SentenceEvents::explain(const Frame& f, std::string_view what) const {
  if (!debug_events()) return;
  const std::string trig =
      doc.text.substr(seg.tokens[v.token(f.first)].start, seg.tokens[v.token(f.last)].end - seg.tokens[v.token(f.first)].start);
  std::fprintf(stderr, "[%s s%u] %s (%s%s): %.*s\n", doc.id.c_str(), v.index, trig.c_str(), std::string(event_class_name(f.cls)).c_str(),
               f.verbal ? ",v" : ",n", static_cast<int>(what.size()), what.data());
}

// ---- the sentence's events ---------------------------------------------------------
std::vector<Event> SentenceEvents::read(std::vector<Standing>& merge_only) {
  std::vector<Event> out;
  const bool background = is_background();
  if (sums_up()) {
    for (const Frame& f : frames) explain(f, "a summary of many actions");
    return out;
  }
  if (asks()) {  // "Do you know who fired on the helicopter?": asked, not told
    for (const Frame& f : frames) explain(f, "a question");
    return out;
  }
  // Frames in reading order; an action hosted by one in another clause
  // that turns out to be no action is read again on its own ("the day after
  // guards detained the president, youths ransacked his party's offices").
  std::vector<size_t> todo(frames.size());
  for (size_t i = 0; i < todo.size(); ++i) todo[i] = i;
  std::vector<uint8_t> read_once(frames.size(), 0);  // a released frame not yet read is read in its turn, once
  // (In the host's own clause only a doer's act is released: "troops killed 30 militants in an
  // operation" stands, "41,000 have been killed in the offensive" is the campaign's toll.)
  // The verbal frames hosted by frame i that `may_go` lets go, read again on their own.
  auto release_where = [&](size_t i, const auto& may_go) {
    for (size_t j = 0; j < frames.size(); ++j)
      if (frames[j].host == static_cast<int>(i) && frames[j].verbal && may_go(frames[j])) {
        frames[j].host = -1;
        if (read_once[j]) todo.push_back(j);
      }
  };
  auto release_hosted = [&](size_t i, bool own_clause_doers = false) {
    release_where(i, [&](const Frame& h) {
      return chunk(h.chunk).clause != chunk(frames[i].chunk).clause ||
             (own_clause_doers && !h.passive && h.subject >= 0 && !chunk(h.chunk).perfect);
    });
  };
  const bool tally = tally_of_period();  // the sentence's, not a frame's
  for (size_t n = 0; n < todo.size(); ++n) {
    const size_t i = todo[n];
    read_once[i] = 1;
    const Frame& f = frames[i];
    if (f.host >= 0) {
      explain(f, "evidence of " + std::to_string(f.host));
      continue;
    }
    // "fired rockets", or "shells fired by the rebels": the verb of a weapon.
    const int projectile =
        f.object >= 0 ? f.object : (f.passive && f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::noun ? f.chunk - 1 : -1);
    std::vector<int> fired;  // "fired thousands of rockets"
    add_with_of(fired, projectile);
    // "mortar shells fired into homes": a weapon just before the verb is what it fired.
    if (f.cls == C::light && f.chunk > 0 && chunk(f.chunk - 1).kind == ChunkKind::noun) fired.push_back(f.chunk - 1);
    const bool fired_weapon = f.cls == C::light && (side_has(fired, Role::weapon_air) || side_has(fired, Role::weapon_shell) ||
                                                    side_has(fired, Role::weapon_explosive) || side_has(fired, Role::weapon_chemical) ||
                                                    side_has(fired, Role::weapon_grenade) ||
                                                    // "fired shots at the house", "firing shots at migrants": a gun's fire at a target.
                                                    (side_has(fired, Role::weapon_gun) && fired_at(f)));
    if (arms_carried(f)) {
      explain(f, "arms carried, no action of theirs");
      continue;
    }
    if ((f.cls == C::light && !fired_weapon) || f.cls == C::withdraw || f.cls == C::die) {
      explain(f, "not an action alone");
      continue;
    }
    // "a missile attack with cruise missiles fired from aircraft over the Caspian Sea": a participle
    // that tells where a weapon came from, beside the action the sentence tells with it.
    const bool from_where = f.chunk + 1 < static_cast<int>(v.parse.chunks.size()) && chunk(f.chunk + 1).kind == ChunkKind::prep &&
                            word(chunk(f.chunk + 1).head) == "from";
    if (f.cls == C::light && !chunk(f.chunk).finite && from_where && std::any_of(frames.begin(), frames.end(), [&](const Frame& o) {
          return &o != &f && o.modality == Modality::asserted && chunk(o.chunk).clause == chunk(f.chunk).clause && o.cls != C::light &&
                 o.cls != C::die && o.cls != C::withdraw && o.cls != C::protest;
        })) {
      explain(f, "describes a weapon of another action");
      continue;
    }
    if (f.cls == C::protest && is_target_of_other(i)) {
      explain(f, "the target of another action");
      continue;
    }
    if (f.cls == C::campaign && !launched(i)) {
      explain(f, "a campaign, not an action");
      // "ended a siege ... after militants killed 14 people", "troops killed 30 militants in an
      // operation": the killing stands alone, in the campaign's clause or another.
      release_hosted(i, true);
      continue;
    }
    if (f.modality == Modality::negated || f.modality == Modality::hypothetical || f.modality == Modality::denied) {
      explain(f, f.modality == Modality::negated ? "negated" : f.modality == Modality::denied ? "denied" : "hypothetical");
      // "Five people were killed as security forces fired live rounds to disperse protesters": a purpose
      // that did not happen as such leaves the killing told in another clause standing on its own.
      // (Only what the purpose's clause hangs from: "found three men guilty of helping to plan the attack,
      // in which gunmen killed 148" keeps the relative clause's killing with the plan.)
      if (f.modality == Modality::hypothetical)
        release_where(i, [&](const Frame& h) {
          for (int c = v.parse.clauses[static_cast<size_t>(chunk(f.chunk).clause)].parent; c >= 0;
               c = v.parse.clauses[static_cast<size_t>(c)].parent)
            if (c == chunk(h.chunk).clause) return true;
          return false;
        });
      continue;
    }
    const std::vector<int> evidence = evidence_of(i);
    // ("the exchange of fire": the phrase's own words are no side of it; nor are its evidence's: "set fire to the
    // building after clashing with police" names no fire that clashed.)
    auto words_of = [&](const Frame& x, int c) { return c >= 0 && chunk(c).first >= x.first && chunk(c).last <= x.last; };
    auto own_words = [&](int c) { return words_of(f, c); };
    std::vector<int> actors = actor_side(f);
    std::erase_if(actors, own_words);
    std::vector<int> targets = target_side(f);
    std::erase_if(targets, own_words);
    for (int e : evidence) {  // "the raids destroyed tactical units"
      const Frame& ef = frames[static_cast<size_t>(e)];
      std::erase_if(actors, [&](int c) { return words_of(ef, c); });
      // "the attack that targeted two army checkpoints": what the noun's own relative clause hit.
      const Clause& ecl = v.parse.clauses[static_cast<size_t>(chunk(ef.chunk).clause)];
      if (!f.verbal && ef.verbal && !ef.passive && ef.cls == C::hit && ecl.kind == ClauseKind::relative && ecl.antecedent == f.chunk &&
          ef.object >= 0)
        targets.push_back(ef.object);
      if (is_consequence(ef.cls)) {
        // ("after clashing with police, set fire to the building": "fire" is the burning's own word, no target.)
        std::vector<int> more = target_side(ef);
        std::erase_if(more, [&](int c) { return words_of(ef, c); });
        targets.insert(targets.end(), more.begin(), more.end());
      }
    }
    if (other_sense(f, actors, targets)) {
      explain(f, "another sense");
      release_hosted(i);
      continue;
    }
    // Said in a quote ("This thing got ambushed"), or told of a kind ("finances itself through kidnapping"):
    // only with a place or an armed side of its own.
    // "after weeks of shelling", "months of battles": a campaign summed up.
    // "has carried out a string of attacks in Kenya": a perfect's series is a campaign too.
    const bool perfect_series = !f.verbal && f.first >= 2 && word(f.first - 1) == "of" &&
                                one_of(word(f.first - 2), {"string", "series", "wave", "spate", "number"}) && f.governor >= 0 &&
                                chunk(f.governor).kind == ChunkKind::verb && chunk(f.governor).perfect;
    // "after a four-month battle", "a weeks-long siege": an action's length names a campaign too
    // (a "day-long gun battle" is one action).
    const bool lasting =
        !f.verbal && f.first >= 3 && word(f.first - 2) == "-" &&
        (one_of(word(f.first - 1), {"week", "month", "year"}) ||
         (word(f.first - 1) == "long" && one_of(word(f.first - 3), {"week", "weeks", "month", "months", "year", "years"})));
    if (perfect_series || lasting ||
        (!f.verbal && f.first >= 2 && word(f.first - 1) == "of" &&
         one_of(word(f.first - 2), {"days", "weeks", "months", "years", "decades"}))) {
      explain(f, "a campaign summed up");
      continue;
    }
    // "blamed Boko Haram, which has used women and girls as suicide bombers": an actor's record,
    // told in a relative clause's perfect.
    if (record_of_actor(f)) {
      explain(f, "an actor's record");
      continue;
    }
    // "commemorated the tenth anniversary of the Speicher massacre, in which the gangs executed
    // 1,700 cadets": the event an anniversary remembers, told as known (its own day is years back).
    if (remembered_by_anniversary(f)) {
      explain(f, "the event an anniversary remembers");
      continue;
    }
    // "among those killed", "the names of those wounded": the victims of an action told elsewhere.
    if (f.verbal && (f.cls == C::kill || f.cls == C::harm) && f.first >= 1 && one_of(word(f.first - 1), {"those", "the"}) &&
        !chunk(f.chunk).finite) {
      explain(f, "the victims, named");
      continue;
    }
    // "The six-week war killed more than 6,500 people": a war's toll, no one action.
    if (f.verbal && !f.passive && (f.cls == C::kill || f.cls == C::harm) && f.subject >= 0 &&
        one_of(word(chunk(f.subject).head), {"war", "wars", "conflict", "conflicts", "insurgency", "insurgencies", "uprising", "violence",
                                             "crisis", "rebellion", "campaign", "campaigns"})) {
      explain(f, "a war's toll");
      continue;
    }
    // "walked off the job in protest against the plan", "summoned the envoy in protest": the manner of
    // another act, no gathering ("killed in protests", "in a protest" are gatherings).
    if (f.cls == C::protest && !f.verbal && f.first > 0 && word(f.first - 1) == "in" &&
        (word(f.last) == "protest" || (f.last + 1 < v.size() && one_of(word(f.last + 1), {"against", "at", "over", "of"})))) {
      explain(f, "in protest: the manner of another act");
      continue;
    }
    // Police storming a building to end a siege or arrest its holders: no attack of theirs.
    if (f.cls == C::storm && side_is(actors, Role::police_forces) &&
        std::any_of(frames.begin(), frames.end(), [](const Frame& o) { return o.cls == C::arrest; })) {
      explain(f, "police action ending in arrests");
      continue;
    }
    // "after a week of shelling", "after about one month of fighting": actions over a stretch of time, none told.
    // (Not "on the third night of protests", "another day of unrest": that day's own.)
    if (f.first >= 2 && word(f.first - 1) == "of" &&
        one_of(word(f.first - 2),
               {"week", "weeks", "day", "days", "month", "months", "hour", "hours", "night", "nights", "year", "years"}) &&
        !(f.first >= 3 && (one_of(word(f.first - 3), {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                                      "tenth", "last", "final", "latest", "another", "same"}) ||
                           v.parse.tags[f.first - 3] == Pos::JJ))) {
      explain(f, "a stretch of time's actions");
      continue;
    }
    if ((in_quote(f) || generic(f)) && !where_in_sentence(f) && !side_armed(actors)) {
      explain(f, in_quote(f) ? "a quote without place or side" : "a kind of action, not one");
      continue;
    }
    // A reference only adds to an event told elsewhere, so it needs no anchor of its own.
    bool as_evidence = false;  // "At least seven people were killed": numbers for the action told before
    // "The assault began at dawn on Sunday": an action already told needs no
    // anchor; it can only add (its day, its place) to the one it names.
    const bool told_before = !f.verbal && one_of(word(chunk(f.chunk).first), {"the", "this", "that"}) &&
                             (f.cls == C::attack || f.cls == C::clash || f.cls == C::ambush);
    const bool unanchored = f.modality != Modality::reference && !anchored(f, evidence, actors, targets);
    const bool only_adds = told_before && unanchored;  // never an event of its own
    if (unanchored && !told_before) {
      if (!(f.cls == C::kill || f.cls == C::harm) || disaster_in_sentence()) {
        explain(f, "no weapon, armed actor or casualties");
        release_hosted(i);
        continue;
      }
      as_evidence = true;
    }
    // "separatists, who had fought each other for Aden": backstory told of an actor.
    // ("Fano fighters, who had entered both cities, withdrew last week": the
    // date is the main clause's, not the backstory's.)
    if (f.verbal && chunk(f.chunk).perfect && word(chunk(f.chunk).first) == "had" && clause_of(f).kind == ClauseKind::relative &&
        !date_in_clause(f)) {
      explain(f, "backstory");
      continue;
    }
    // "Some blew themselves up as troops closed in", "Commandos fought the
    // attackers": the people of an action told before, its end told now.
    // "The troops came under fire from gunmen": a side's account of a fight already told, unless
    // placed ("Sudzha came under heavy shelling": the place itself was hit).
    const bool came_under = f.came_under && !place_in(f.subject);
    const bool later_part =
        story_has_action &&
        (came_under ||
         (f.verbal && f.subject >= 0 && chunk(f.subject).first == chunk(f.subject).head &&
          one_of(word(chunk(f.subject).head), {"some", "others", "several", "most", "many", "one", "two", "three"})) ||
         ((f.cls == C::clash || f.cls == C::kill || f.cls == C::shoot) && std::any_of(targets.begin(), targets.end(), [&](int c) {
            return word(chunk(c).first) == "the" && one_of(word(chunk(c).head), {"attackers", "assailants", "raiders"});
          })));
    // "Since then the insurgents have taken cities across the north", "has
    // since taken a string of towns": ground taken over time, no one action.
    // ("have entered the districts of Tuz Khurmatu and Daquq" names its places: no running total.)
    std::vector<int> taken;
    add_with_of(taken, f.object);
    const bool named_places = std::any_of(taken.begin(), taken.end(), [&](int c) { return place_in(c); });
    // ("By the afternoon the RSF had taken the army's headquarters": a past perfect tells the story's own action.)
    if (f.verbal && chunk(f.chunk).perfect && word(chunk(f.chunk).first) != "had" && (f.cls == C::take || f.cls == C::retake) &&
        f.object >= 0 && !named_places &&
        (v.parse.tags[chunk(f.object).head] == Pos::NNS || word(chunk(f.object).head) == "string" ||
         word(chunk(f.object).head) == "series")) {
      explain(f, "a running total");
      continue;
    }
    // '"It was a battle," said the coach', "That was a massacre", "This is a battle we cannot win": a fight
    // or a killing named as what something else was, a word of judgement, no action told.
    if (!f.verbal && (f.cls == C::clash || f.cls == C::attack || f.cls == C::kill || f.cls == C::massacre) && f.chunk >= 2 &&
        one_of(word(chunk(f.chunk).first), {"a", "an"}) && chunk(f.chunk - 1).kind == ChunkKind::verb &&
        one_of(word(chunk(f.chunk - 1).head), {"is", "was", "are", "were", "'s"}) &&
        one_of(word(chunk(f.chunk - 2).head), {"it", "that", "this"})) {
      explain(f, "a judgement of something else");
      continue;
    }
    // "41 people have been taken into custody since Saturday", "Police have arrested four people since Thursday":
    // a tally of arrests over the days told, no one arrest.
    if (f.cls == C::arrest && f.verbal && chunk(f.chunk).perfect &&
        (since_clause_of(f) || std::any_of(cues.begin(), cues.end(), [](const DateCue& c) { return c.since; }))) {
      explain(f, "a running total");
      continue;
    }
    // "Armed gangs have for years raided villages, kidnapping for ransom": a perfect over years, what has gone on.
    if (!frame_date(f) && for_years_perfect(f)) {
      explain(f, "what has gone on for years");
      continue;
    }
    // "The coalition has killed hundreds", "had been fighting": a running
    // total or the scene, not one action.
    if (f.verbal && chunk(f.chunk).perfect && !frame_date(f) &&
        ((word(chunk(f.chunk).first) != "had" && is_consequence(f.cls) && aggregate(f.passive ? f.subject : f.object)) || progressive(f))) {
      explain(f, "a running total");
      continue;
    }
    const std::optional<Typed> type = classify(f, evidence, actors, targets);
    if (!type) {
      explain(f, "no type");
      continue;
    }
    explain(f, type->sub_event_type);
    // ("A 17-year-old attacked passengers with an axe": one man's attack, whom a later "police shot him" meets.)
    if (type->sub_event_type == kAttack.sub_event_type && !actors.empty() && !state_side(actors) && lone_doer(actors[0]))
      lone_attacker = true;
    Where where = place_or_conjunct(f, evidence);
    // "KAYSERİ - ... a car bomb blew up in the central Anatolian province of Kayseri": the city the report was
    // filed from, inside the province named, is nearer the truth than the province's middle.
    if (where.at.place && !where.at.name && kind_of(*where.at.place) == PlaceKind::admin1)
      if (const Mention* filed = dateline_city_within(*where.at.place)) where.at.place = filed;
    if (debug_events())
      explain(f, "place: " + (where.at.place ? where.at.place->text : std::string("-")) + " rank " + std::to_string(where.rank) +
                     (where.at.name ? " (a name the gazetteer lacks)" : "") + (where.at.weak ? " (weak)" : ""));
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
    // Where its day comes from: 0 a cue of its own, 1 the day it was told
    // ("sources told AFP on Tuesday"), 2 the narrative's or none, 3 the day of
    // what came after it ("in mourning on Saturday after a man drove ...").
    uint8_t told_date = 2;
    bool day_of_other = false;        // a noun's day that its sentence gives another verb
    std::optional<DateSpan> own_day;  // the narrative's day from here on, unless this is only a toll
    // The day the next sentences go on from: the story's, or its backstory's.
    auto note_day = [&](const Event& e, bool story_goes_on) {
      if (!own_day) return;
      if (e.background || background)
        backstory_dated = own_day;
      else if (story_goes_on)
        dated = own_day;
    };
    bool planned = false;  // its own day is one ahead ("a march for Saturday")
    if (const DateCue* c = frame_date(f)) {
      told_date = c->reporting ? 1 : 0;
      planned = c->ahead;
      // "the attack on Sunday", "Sunday's attack": a noun's own day; "aid reached families displaced by the
      // fighting ... on Thursday" dates another verb: a day of the sentence, not the reference's own.
      day_of_other = told_date == 0 && !f.verbal && !cue_attached(f, *c);
      // "ended the siege on Wednesday, after militants killed 14": the day of what came after, an upper bound.
      const int own = chunk(f.chunk).clause;
      // (A day told after the "after" clause's action, past an aside, is that action's own: "came four weeks after
      // fifteen officers were killed in an ambush on a mountain road, in the municipality of X, on April 6".)
      const bool after_clause = v.parse.clauses[static_cast<size_t>(own)].opener == "after" &&
                                chunk(v.parse.chunk_of[c->first_token - v.s.first_token]).clause != own &&
                                c->first_token < v.token(f.first);
      if (after_clause) told_date = 3;
      e.when = c->span;
      // "..., two days after the neighbours first exchanged fire": counted back from the main clause's day
      // (unless the action holds evidence told outside its clause, of the main clause's own time).
      const bool evidence_inside = after_clause && std::all_of(evidence.begin(), evidence.end(), [&](int x) {
                                     return chunk(frames[static_cast<size_t>(x)].chunk).clause == own;
                                   });
      // (Counted from the clause it follows: in "called on Monday for ... after an officer died, two days after he
      // was stabbed" the two days count from the death, which this sentence does not date.)
      const int cue_chunk = v.parse.chunk_of[c->first_token - v.s.first_token];
      bool counted_from_other = false;
      for (int x = cue_chunk + 1; x < f.chunk; ++x)
        counted_from_other = counted_from_other || (chunk(x).opens_clause && chunk(x).clause != own && word(chunk(x).head) == "after");
      if (evidence_inside && c->span.precision == 1 && c->span.date && !counted_from_other)
        if (const std::optional<int> back = days_before_main(f)) {
          e.when.date = civil_from_days(days_from_civil(*c->span.date) - *back);
          told_date = 0;
        }
      // "On Wednesday 5 June, our clinic treated four women who said they had been raped the previous day":
      // a shift after the action counts from a day told before it (a day of another verb), or from a day
      // outside the action's clause when the shift is inside it. Never from the action's own day told
      // after it ("Two days later, gunmen attacked ... on Saturday"), nor "the eve of" an occasion.
      size_t shift_at = 0;
      const size_t trigger = v.token(f.first);
      const bool cue_outside = chunk(v.parse.chunk_of[c->first_token - v.s.first_token]).clause != own;
      if (const std::optional<int> shift = narrative_shift(&shift_at);
          shift && c->span.precision == 1 && c->span.date && word(shift_at) != "eve" &&
          ((v.token(shift_at) > trigger && c->last_token < trigger) || (chunk(v.parse.chunk_of[shift_at]).clause == own && cue_outside)) &&
          // ("the next day (Monday 28 August)": the day itself, restated.)
          (c->first_token > v.token(shift_at) + 5 || c->last_token + 5 < v.token(shift_at))) {
        e.when.date = civil_from_days(days_from_civil(*c->span.date) + *shift);
        e.when.date_to.reset();
        told_date = 0;
      }
      e.background = c->since;
      // ("raised the toll ... to 207 on Thursday evening, making it one of the deadliest attacks in years": the day
      // of the raising, not one the story goes on at.)
      if (!c->since && !c->reporting && !(day_of_other && superlative(f))) own_day = c->span;
    } else if (context_date && !describes_known_action(f)) {
      e.when = *context_date;  // the narrative's day goes on: "Bodies lay in the streets"
      carried_day = carried_day || f.modality == Modality::asserted;
      // "Two days later, ...", "The next day, ...": from the narrative's day, by so many days.
      if (const std::optional<int> shift = narrative_shift(); shift && e.when.date && e.when.precision == 1) {
        e.when.date = civil_from_days(days_from_civil(*e.when.date) + *shift);
        own_day = e.when;
      }
    } else if (const std::optional<int> shift = narrative_shift(); shift && *shift < 0 && doc.published) {
      // "Two days earlier, ..." in a report with no day told yet: before the report's own day.
      e.when.date = civil_from_days(days_from_civil(*doc.published) + *shift);
      e.when.precision = 1;
      own_day = e.when;
    } else if (telling_after(f)) {
      told_date = 1;  // on or before the day it was told: a later line's own day may tell which
    }
    // "The abduction came nine days after gunmen seized 42 people": the
    // earlier action's day, counted back from the story's.
    // ("The statement came four days after armed youths attacked the base": counted back from the telling, the report's day.)
    if (told_date != 0)
      if (const std::optional<int> back = days_before_story(f))
        if (const std::optional<CivilDate> came_from = statement_came(f) && doc.published ? doc.published : story_date) {
          e.when.date = civil_from_days(days_from_civil(*came_from) - *back);
          e.when.date_to.reset();
          e.when.precision = *back % 7 == 0 && *back >= 14 ? 2 : 1;
          told_date = 0;
        }
    // "days after fighters seized it", with no day of its own: earlier, on a day the report does not tell.
    const bool undated_before = vaguely_before(f) && !date_in_clause(f);
    if (undated_before) e.background = true;
    // "Since heavy fighting broke out in El Fasher on 10 May, ...": the start of what goes on;
    // "thousands have been killed in its strikes since it launched the invasion": what went on since.
    if (clause_of(f).opener == "since" || since_clause_of(f)) e.background = true;
    // Told as history: more than a month before the report.
    const bool old = e.when.date && doc.published && days_from_civil(*e.when.date) + 31 < days_from_civil(*doc.published);
    e.background = e.background || background || old;
    if (debug_events())
      explain(f, "day: " + (e.when.date ? to_iso(*e.when.date) : std::string("-")) + " (from " +
                     (told_date == 0   ? "its own cue"
                      : told_date == 1 ? "its telling"
                      : told_date == 3 ? "what came after it"
                                       : "the narrative") +
                     ", " + std::to_string(cues.size()) + " cues in the sentence)");
    // "have called a march for Saturday": a day ahead of the report's is a plan, nothing done yet.
    if (planned) {
      explain(f, "a day ahead: planned");
      release_hosted(i);
      continue;
    }
    e.actor1 = actor_of(actors);
    // "Security forces killed at least 10 people as protests spread": the force's doer is its evidence's.
    if (e.actor1.empty() && e.sub_event_type == event_type(SubEvent::excessive_force).sub_event_type)
      for (int x : evidence)
        if (std::string a = actor_of(actor_side(frames[static_cast<size_t>(x)]));
            !a.empty() && state_side(actor_side(frames[static_cast<size_t>(x)]))) {
          e.actor1 = a;
          break;
        }
    // "fell without a fight", "was captured overnight": to the armed group the report is about.
    if (e.actor1.empty() && ctx.main_group && (f.cls == C::fall || (f.cls == C::take && f.passive && f.agent < 0)))
      e.actor1 = ctx.main_group->name;
    const std::string victim = actor_of(targets);
    if (victim != e.actor1) e.actor2 = victim;
    if (e.actor1.empty() && e.actor2.empty()) sides_between(e, f);
    numbers(e, f, evidence);
    // ("One struck a building in Tel Aviv": one of the rockets, at a place of its own, is an action of its own.)
    // A witness's quotation with no place of its own ("They shot at us from a helicopter") tells of an action, never founds one.
    const bool quoted = in_quote(f) && !where_in_sentence(f);
    // "Security forces ... killed all four attackers", "The three attackers were shot dead by security forces": the
    // attackers of an action told before, killed, add a battle with their deaths (wounded or fought, they add nothing).
    // ("Police officers opened fire and shot all of them dead", "The driver was shot dead by officers": the state's
    // fire that killed them, read as an attack on people, is that battle.)
    // ("officers opened fire and killed both of them": the killing told as the fire's evidence.)
    const bool evidence_kills_assailants = std::any_of(evidence.begin(), evidence.end(), [&](int x) {
      const Frame& ef = frames[static_cast<size_t>(x)];
      return ef.verbal && ef.cls == C::kill && assailants_hit(ef);
    });
    const bool hits_assailants = assailants_hit(f) || evidence_kills_assailants;
    const bool lethal = (e.fatalities && *e.fatalities > 0) || shot_dead(f) || evidence_kills_assailants;
    // ("Police confirmed the gunman ... was shot dead": by no one named, the forces that ended it.)
    const bool unnamed_shooter =
        f.passive && f.agent < 0 && f.subject >= 0 &&
        one_of(word(chunk(f.subject).head), {"gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "shooter", "raiders",
                                             "hostage-taker", "hostage-takers"});
    const bool kills_doers = story_has_action && f.verbal && (f.cls == C::kill || f.cls == C::shoot) && lethal && hits_assailants;
    if (kills_doers && e.sub_event_type == event_type(SubEvent::attack).sub_event_type && (state_side(actors) || unnamed_shooter)) {
      e.event_type = kClash.event_type;
      e.sub_event_type = kClash.sub_event_type;
    }
    const bool kills_assailants = kills_doers && e.sub_event_type == event_type(SubEvent::armed_clash).sub_event_type;
    const char* why_reference = v.headline                                                               ? "a headline"
                                : quoted                                                                 ? "a quote"
                                : f.modality == Modality::reference                                      ? "told as known"
                                : definite_reference(f, where)                                           ? "a definite reference"
                                : cause_with_others_day(f, day_of_other)                                 ? "a cause, on another's day"
                                : tally                                                                  ? "a tally of a period"
                                : as_evidence && !kills_assailants                                       ? "evidence of another action"
                                : only_adds                                                              ? "only adds to another"
                                : undated_before                                                         ? "undated, before the story"
                                : ongoing(f)                                                             ? "ongoing"
                                : later_part && !kills_assailants && !(where.found() && where.rank <= 2) ? "a later part"
                                                                                                         : nullptr;
    const bool reference = why_reference != nullptr;
    // Only a reference told as known ("the attack on Sunday against the camp") may found the action it names
    // when nothing before told it; not evidence, a tally, a headline or a later part.
    // (Not what was only announced or called for: "student groups announced marches on Wednesday".)
    const bool announced = f.governor >= 0 && chunk(f.governor).kind == ChunkKind::verb &&
                           one_of(word(chunk(f.governor).head), {"announced", "announce", "announces", "planned", "plan", "plans", "called",
                                                                 "call", "calls", "vowed", "threatened", "urged", "promised"});
    const bool may_found =
        reference && !day_of_other && !announced &&
        (std::string_view(why_reference) == "told as known" || std::string_view(why_reference) == "a definite reference");
    if (reference && debug_events()) explain(f, std::string("refers to another: ") + why_reference + (may_found ? " (may found)" : ""));
    // Where: the sentence's place; a name the gazetteer lacks, at the place
    // around it; else the report's place so far; else its country.
    const Mention* container = where.at.place ? where.at.place : context_place;
    // (A name the gazetteer lacks, told by its distance and bearing from a town or "in" a place right after it, is
    // there, not in the region around.)
    if (where.at.name && (!where.at.place || kind_of(*where.at.place) != PlaceKind::city))
      if (const Mention* holder = holder_of_lacked_name(*where.at.name)) container = holder;
    if (where.at.place && !where.at.name) {
      fill_place(e, *where.at.place);
      const double tie = where.rank <= 1 ? 1.0 : where.rank <= 4 ? 0.7 : 0.4;
      e.confidence = 0.4 * resolution_confidence(*where.at.place) + 0.3 * tie + 0.3 * (e.actor1.empty() ? 0.5 : 1.0);
      if (!reference) placed = where.at.place;
    } else if (container) {
      fill_place(e, *container);
      e.location_start.reset();  // from the report's context, not this sentence
      e.location_end.reset();
      // The story stays there: at the report's place, or in the town around a name the gazetteer lacks
      // ("at the Ratchaprasong intersection in central Bangkok").
      if (!reference && (!where.at.name || (where.at.place && kind_of(*where.at.place) == PlaceKind::city))) placed = container;
      e.confidence = 0.3 * resolution_confidence(*container) + 0.1 + 0.3 * (e.actor1.empty() ? 0.5 : 1.0);
    } else if (const Mention* named = phrase_country(f); named || focus_country) {
      // Only the country is known ("a Kenyan border town"): precision 3; the
      // action's own phrase's ("in a Myanmar town near the Thai border") before the report's.
      const std::optional<Place> country = named ? std::optional<Place>(gaz.place(named->candidates.front().entry)) : focus_country;
      if (named) {
        e.location_start = named->start;
        e.location_end = named->end;
      }
      e.location = country->name;
      e.country = country->name;
      e.country_code = country->country_code;
      if (country->geonameid) e.geonameid = country->geonameid;
      e.point = country->point;
      e.geo_precision = 3;
      e.confidence = 0.2 + 0.2 * (e.actor1.empty() ? 0.0 : 1.0);
    } else {
      explain(f, "no place");
      e.actor1 = named_actor(e.actor1, e);
      e.actor2 = named_actor(e.actor2, e);
      e.geo_precision = 4;  // no place of its own: it can only add to an event that has one
      note_day(e, true);
      merge_only.push_back(Standing::reference);
      told_dated.push_back(told_date);
      may_found_action.push_back(may_found);
      out.push_back(std::move(e));
      continue;
    }
    if (where.at.name) {
      // The place the sentence names, which the gazetteer lacks: its words, the coordinates of what contains it.
      const auto [first, last] = *where.at.name;
      e.location_start = seg.tokens[first].start;
      e.location_end = seg.tokens[last].end;
      e.location = one_line(std::string_view(doc.text).substr(*e.location_start, *e.location_end - *e.location_start));
      e.geonameid.reset();
      e.geo_precision = std::max(e.geo_precision, 2);
      e.geo_relation = "part of";
      e.confidence = std::min(e.confidence, 0.5);
    }
    e.actor1 = named_actor(e.actor1, e);
    e.actor2 = named_actor(e.actor2, e);
    if (e.actor2 == e.actor1) e.actor2.clear();
    if (foreign_army_takes(e)) {
      e.event_type = kTaken.event_type;
      e.sub_event_type = kTaken.sub_event_type;
    }
    // "39 people were killed in the village of Malisevo": an action of its
    // own unless the report tells it otherwise.
    // "10 people had been killed" with no place of its own: the toll of an
    // action told before, standing alone only when there is none.
    // ("Fyssas was stabbed twice in the chest": a killing by hand of someone named tells its own action, no toll.)
    const bool named_victim = killed_by_hand(f) && f.passive && f.subject >= 0 && v.parse.tags[chunk(f.subject).head] == Pos::NNP;
    const bool bare_toll = (f.cls == C::kill || f.cls == C::harm) && !where.found() && e.actor1.empty() && !named_victim;
    const bool weak = (as_evidence || bare_toll) && ((e.location_start && where.rank <= 2) || !where.found()) && e.fatalities &&
                      !v.headline && f.modality != Modality::reference && !kills_assailants;
    const Standing standing = weak ? Standing::weak : reference ? Standing::reference : Standing::event;
    // "By Sunday the toll had risen to 16": the day of a count, not of an action the story goes on from.
    // (Backstory's day, "since it launched its invasion in February 2022", is no day the story goes on from.)
    note_day(e, standing != Standing::weak);
    if (where.at.place && !where.at.name && e.location_start)
      for (const Mention* other : where.at.also) {  // one event per town of a list
        Event copy = e;
        fill_place(copy, *other);
        merge_only.push_back(standing);
        told_dated.push_back(told_date);
        may_found_action.push_back(may_found);
        out.push_back(std::move(copy));
      }
    merge_only.push_back(standing);
    told_dated.push_back(told_date);
    may_found_action.push_back(may_found);
    out.push_back(std::move(e));
  }
  return out;
}

// "killed all four attackers", "shot him dead", "the gunmen were shot dead": the doers of an attack, hit.
bool SentenceEvents::assailants_hit(const Frame& f) const {
  std::vector<int> hit;
  add_with_of(hit, f.passive ? f.subject : f.object);
  return std::any_of(hit.begin(), hit.end(), [&](int c) {
    if (c < 0) return false;
    const std::string& head = word(chunk(c).head);
    // ("shot the man dead", "the driver was shot dead": one the story has told of, named by "the".)
    const bool told_before = one_of(word(chunk(c).first), {"the", "both", "all"}) &&
                             one_of(head, {"man", "men", "woman", "driver", "suspect", "suspects", "perpetrator", "perpetrators",
                                           "terrorist", "terrorists", "knifeman", "stabber"});
    return told_before || one_of(head, {"attackers", "attacker", "assailants", "assailant", "raiders", "gunman", "gunmen", "shooter",
                                        "bombers", "him", "them"});
  });
}

}  // namespace event_reading

namespace {

using namespace event_reading;

// One action told twice: the same sub-type, or an explosion of unknown
// kind and the strike, shelling or bombing that caused it.
// A gathering: a protest of any kind, or a demonstration turned violent.
int gathering_severity(const Event& e) {
  if (e.sub_event_type == "Violent demonstration") return 4;
  if (e.event_type != "Protests") return 0;
  return e.sub_event_type == "Excessive force against protesters" ? 3 : e.sub_event_type == "Protest with intervention" ? 2 : 1;
}

// "Gunmen opened fire on the checkpoints and set off bombs": one battle
// fought with explosives too, as ACLED codes it (a clash and a bomb of one sentence).
bool bombs_of_a_battle(const Event& a, const Event& b) {
  const std::string_view ied = event_type(SubEvent::remote_explosive).sub_event_type;
  const std::string_view clash = event_type(SubEvent::armed_clash).sub_event_type;
  return a.start == b.start &&
         ((a.sub_event_type == ied && b.sub_event_type == clash) || (a.sub_event_type == clash && b.sub_event_type == ied));
}

// "A suicide bomber blew himself up at the gate ... The attack killed 12",
// "jets struck the market ... in the attack": the bombing or the strike is
// the attack, told by its means once and by its harm once.
bool means_of_the_attack(const Event& a, const Event& b) {
  const std::string_view attack = event_type(SubEvent::attack).sub_event_type;
  auto means = [](const Event& e) {
    return e.sub_event_type == event_type(SubEvent::suicide_bomb).sub_event_type ||
           e.sub_event_type == event_type(SubEvent::air_strike).sub_event_type;
  };
  // (The same spot and day: a gunmen's raid near a bombing is an attack of its own.)
  return ((means(a) && b.sub_event_type == attack) || (means(b) && a.sub_event_type == attack)) && a.when.date && b.when.date &&
         *a.when.date == *b.when.date && haversine_km(a.point, b.point) <= 1;
}

bool same_kind(const Event& a, const Event& b) {
  // One gathering a place and day: "marched", "police fired tear gas", "protesters set fire".
  // But a crowd's violence and the state's lethal force against it are two acts of two sides.
  const std::string_view riot = event_type(SubEvent::violent_demonstration).sub_event_type;
  const std::string_view force = event_type(SubEvent::excessive_force).sub_event_type;
  if ((a.sub_event_type == riot && b.sub_event_type == force) || (a.sub_event_type == force && b.sub_event_type == riot)) return false;
  if (gathering_severity(a) && gathering_severity(b)) return true;
  if (bombs_of_a_battle(a, b) || means_of_the_attack(a, b)) return true;
  if (a.event_type != b.event_type) return false;
  if (a.sub_event_type == b.sub_event_type) return true;
  // A country-wide summary ("missiles fired at targets in Syria") folds into the specific action.
  if ((a.geo_precision == 3 && a.location == a.country) || (b.geo_precision == 3 && b.location == b.country)) return true;
  const EventTypeInfo& ied = event_type(SubEvent::remote_explosive);
  return a.event_type == ied.event_type && (a.sub_event_type == ied.sub_event_type || b.sub_event_type == ied.sub_event_type);
}

// The `bytes` of text before an event's trigger, in lower case.
std::string lower_before_trigger(const Document& doc, const Event& e, size_t bytes) {
  const size_t from = e.trigger_start > bytes ? e.trigger_start - bytes : 0;
  return ascii_lower(std::string_view(doc.text).substr(from, e.trigger_start - from));
}

// "had gathered", "had been marching": the trigger told in the past perfect.
bool told_before_had(const Document& doc, const Event& e) {
  const std::string before = lower_before_trigger(doc, e, 16);
  return before.ends_with("had ") || before.ends_with("had been ") || before.ends_with("had already ");
}

// "a second car bomb", "another blast": a new incident, not the last one retold.
bool told_as_another(const Document& doc, const Event& e) {
  const std::string before = lower_before_trigger(doc, e, 24);
  for (std::string_view w : {"second ", "another ", "third ", "a further ", "fresh ", "separate "})
    if (before.find(w) != std::string::npos) return true;
  return false;
}

// "a truck bomb ... killing 119" and, sentences on, "a roadside bomb
// exploded ..., killing five": two weapons, two tolls, two incidents. (A
// toll that rises is told as a count, not as a second action.)
bool distinct_tolls(const Event& a, const Event& b) {
  return a.sub_event_type != b.sub_event_type && a.start != b.start && a.fatalities && b.fatalities && *a.fatalities != *b.fatalities;
}

bool also_before(const Document& doc, const Event& e) { return lower_before_trigger(doc, e, 16).find(" also ") != std::string::npos; }

bool same_place(const Event& a, const Event& b) {
  // "moved into Druzhkivka and Kostiantynivka": one action at each town of its list.
  if (a.trigger_start == b.trigger_start && a.location_start && b.location_start && *a.location_start != *b.location_start &&
      a.geonameid != b.geonameid)
    return false;
  // A region of no one country ("Kashmir"): by distance alone.
  if ((a.country_code.empty() || b.country_code.empty()) && (a.geo_precision == 3 || b.geo_precision == 3))
    return haversine_km(a.point, b.point) <= 250;
  if (a.country_code != b.country_code) return false;
  if (haversine_km(a.point, b.point) <= 30) return true;
  // A country- or province-level mention covers the specific places in it.
  if (a.geo_precision == 3 || b.geo_precision == 3) {
    // (Both wide, "Akom" at its province and the country itself: the country is the wider.)
    const Event& wide = a.geo_precision == 3 && (b.geo_precision != 3 || a.location == a.country) ? a : b;
    const Event& narrow = &wide == &a ? b : a;
    // A region ("Kashmir") has no admin1 of its own: near enough is inside.
    return wide.location == wide.country || wide.admin1 == narrow.admin1 || wide.location == narrow.admin1 ||
           (wide.admin1.empty() && haversine_km(wide.point, narrow.point) <= 250);
  }
  return false;
}

// A week's or a month's span ("last week", "earlier this month") holds a day inside it.
bool span_holds(const DateSpan& vague, const CivilDate& day) {
  if (vague.precision == 2) {
    const long from = days_from_civil(*vague.date), d = days_from_civil(day);
    return d >= from && d <= from + 6;
  }
  return vague.precision == 3 && vague.date->year == day.year && vague.date->month == day.month;
}

bool dates_agree(const Event& a, const Event& b) {
  if (!a.when.date || !b.when.date) return true;
  if (*a.when.date == *b.when.date) return true;
  // ("killed hundreds after they captured the town last week" and "were killed at the mosque" on Tuesday: one killing.
  // Not protests, which come again day after day.)
  const auto gathering = [](const Event& e) {
    return e.event_type == event_type(SubEvent::peaceful_protest).event_type ||
           e.event_type == event_type(SubEvent::violent_demonstration).event_type;
  };
  if (gathering(a) || gathering(b)) return false;
  if (a.when.precision == 1 && b.when.precision > 1) return span_holds(b.when, *a.when.date);
  if (b.when.precision == 1 && a.when.precision > 1) return span_holds(a.when, *b.when.date);
  return false;
}

// Two tellings of one incident may name its sides differently ("attackers",
// "police"); only two different named actors keep them apart.
bool actors_agree(const Event& a, const Event& b) {
  auto loose = [](const std::string& x) { return x.empty() || x.rfind("Unidentified", 0) == 0 || x.rfind("Police Forces", 0) == 0; };
  if (loose(a.actor1) || loose(b.actor1) || a.actor1 == b.actor1) return true;
  if (a.actor1 == b.actor2 || b.actor1 == a.actor2) return true;  // one side's counter-action
  // "The army repelled an attack by Boko Haram on its base": two sides of one sentence's fight.
  if (a.start == b.start && a.sub_event_type == b.sub_event_type) return true;
  return a.geo_precision == 3 || b.geo_precision == 3;
}

// A trigger that names a device set in place: "car bomb", "roadside bomb", "explosive device", "landmine".
bool planted_device(std::string_view trigger) {
  const std::string t = ascii_lower(trigger);
  for (std::string_view device : {"car bomb", "truck bomb", "roadside", "device", "landmine", "land mine", "booby", "sticky bomb",
                                  "magnetic bomb", "motorcycle bomb", "bicycle bomb"})
    if (t.find(device) != std::string::npos) return true;
  return t == "ied" || t == "ieds" || t.ends_with(" ied") || t.ends_with(" ieds");
}

// Folds `from` into `into`, keeping the more specific place and the
// stronger evidence's provenance.
void merge(Event& into, Event& from, bool from_is_reference) {
  auto specificity = [](const Event& e) { return e.geo_precision * 2 + (e.location == e.country ? 1 : 0); };
  // A reference, or a place taken from the report's context, never displaces a place of the action's own.
  const bool from_more_specific =
      !from_is_reference && (from.location_start || !into.location_start) && specificity(from) < specificity(into);
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
  // A reference dated only by its month or year ("the July 2014 attacks") is backstory; it dates no undated action.
  if (!into.when.date && from.when.date && (!from_is_reference || from.when.precision == 1)) into.when = from.when;
  // (The day inside a week or month told vaguely is the event's day.)
  if (into.when.date && into.when.precision > 1 && from.when.date && from.when.precision == 1 && span_holds(into.when, *from.when.date))
    into.when = from.when;
  // (The arrest of an attack's doer adds nothing of the attack's sides: its police are no attacker.)
  const std::string_view arrests = event_type(SubEvent::arrests).sub_event_type;
  const bool arrest_into_other = from.sub_event_type == arrests && into.sub_event_type != arrests;
  // (Nor does the forces' fire told after an attack by no one named: "Police officers opened fire and shot all of them dead"
  // answers the attack, it did not do it.)
  const bool forces_answer = from.start > into.start && into.sub_event_type == event_type(SubEvent::attack).sub_event_type &&
                             (from.actor1.starts_with("Police Forces") || from.actor1.starts_with("Military Forces"));
  if (into.actor1.empty() && !arrest_into_other && !forces_answer) into.actor1 = from.actor1;
  if (into.actor2.empty() && !arrest_into_other) into.actor2 = from.actor2;
  // The other side of one fight told twice ("repelled an attack by Boko Haram"): its opponent.
  if (into.actor2.empty() && !from.actor1.empty() && from.actor1 != into.actor1 && from.start == into.start &&
      from.sub_event_type == into.sub_event_type)
    into.actor2 = from.actor1;
  if (bombs_of_a_battle(into, from) && from.sub_event_type == event_type(SubEvent::armed_clash).sub_event_type) {
    into.event_type = from.event_type;
    into.sub_event_type = from.sub_event_type;
  }
  if (means_of_the_attack(into, from) && from.sub_event_type != event_type(SubEvent::attack).sub_event_type) {
    into.event_type = from.event_type;
    into.sub_event_type = from.sub_event_type;
  }
  // Sub-type: the more specific evidence's (an air strike over "explosions"). A
  // reference told as "the bombing" names no way of delivering it: whether it
  // fell from the air is our guess, and a guess does not retype a blast.
  const bool guessed = from_is_reference && ascii_lower(from.trigger).starts_with("bombing");
  // ("killed when a car bomb targeted his convoy", in a report of air strikes: a device planted is no air strike,
  // though it may have been a suicide bomber's.)
  const bool planted = planted_device(into.trigger) && from.sub_event_type != event_type(SubEvent::suicide_bomb).sub_event_type;
  if (into.sub_event_type == "Remote explosive/landmine/IED" && from.event_type == into.event_type &&
      from.sub_event_type != into.sub_event_type && !guessed && !planted)
    into.sub_event_type = from.sub_event_type;
  // One gathering told twice: the harsher telling names it ("marched" and "police fired tear gas"; and
  // "Some threw stones at police", told as a later part of the march, turns it into a riot).
  const bool told_later_riot =
      from_is_reference && from.sub_event_type == event_type(SubEvent::violent_demonstration).sub_event_type && from.start > into.start;
  if ((!from_is_reference || told_later_riot) && gathering_severity(into) && gathering_severity(from) > gathering_severity(into)) {
    into.event_type = from.event_type;
    into.sub_event_type = from.sub_event_type;
  }
  if (from.fatalities && (!into.fatalities || *from.fatalities < *into.fatalities)) into.fatalities = from.fatalities;
  for (const auto& [k, v] : from.quantities) into.quantities[k] = std::max(into.quantities[k], v);
  for (const auto& t : from.targets)
    if (std::find(into.targets.begin(), into.targets.end(), t) == into.targets.end()) into.targets.push_back(t);
  into.confidence = std::min(0.99, std::max(into.confidence, from.confidence) + 0.05);
  into.evidence_count += from.evidence_count;
}

// A day only as late as another clause's: its telling's ("told AFP on Tuesday") or what came after it.
bool day_is_upper_bound(uint8_t told) { return told == 1 || told == 3; }

// The event a reference or a casualty count adds to: one of compatible date
// and actors, at its place when it names one, of its type when there is one,
// else the nearest told before it.
// `told`: per kept event, where its day came from (an action told of on
// Tuesday may have happened on Sunday).
Event* reference_target(std::vector<Event>& kept, const std::vector<uint8_t>& told, const Event& r) {
  Event* best = nullptr;
  long best_score = LONG_MIN;
  // A bare toll ("by Sunday the toll had risen to 12") is told on a later day than its action.
  const bool toll = !r.location_start && r.fatalities;
  // ("The protest turned violent": a gathering told again is the gathering's, wherever its place came from.)
  // (The gathering's own word, not a label put on it: "described the clashes as an organised riot".)
  const bool gathering_told = gathering_severity(r) > 0 && one_of(ascii_lower(r.trigger), {"protest", "protests", "demonstration",
                                                                                           "demonstrations", "march", "rally", "sit-in"});
  for (size_t i = 0; i < kept.size(); ++i) {
    Event& k = kept[i];
    // (Not a gathering told again on a day of its own before a riot's bounded day: "broke up the rally on Wednesday
    // after protesters threw stones" and "The rally began on Tuesday" are two days of the gathering.)
    const bool before_telling = day_is_upper_bound(told[i]) && r.when.date && k.when.date &&
                                days_from_civil(*r.when.date) <= days_from_civil(*k.when.date) &&
                                !(gathering_told && k.sub_event_type != r.sub_event_type);
    const bool gathering = gathering_told && gathering_severity(k) > 0;
    if ((!k.location_start && !toll && !gathering) || k.background != r.background || !(toll || before_telling || dates_agree(k, r)) ||
        !actors_agree(k, r))
      continue;
    if (r.location_start && !same_place(k, r)) continue;
    long score = 0;
    if (k.event_type == r.event_type || gathering) score += 1'000'000'000;
    if (k.sub_event_type == r.sub_event_type) score += 500'000'000;
    // Nearer in the text is likelier; before it likelier still.
    const long gap = static_cast<long>(r.start) - static_cast<long>(k.start);
    score -= gap >= 0 ? gap : 4 * -gap;
    if (score > best_score) {
      best_score = score;
      best = &k;
    }
  }
  return best;
}

// A reference to nothing of its kind told at its place, at a town of its own
// on a day of its own, is the action itself: "the attack perpetrated on 20
// January against the camp in Aguelhok". (Not one told on the day it was told,
// and not backstory.)
bool unmatched_reference(const std::vector<Event>& kept, const Event& r) {
  // (A gathering's place may be the story's: "The rally began on Tuesday" is where the rally told of stood.)
  if ((!r.location_start && gathering_severity(r) == 0) || r.geo_precision > 2 || !r.when.date || r.when.precision != 1 || r.background)
    return false;
  // (A gathering told on another day is that day's: "The rally began on Tuesday", after Wednesday's told.)
  return std::none_of(kept.begin(), kept.end(), [&](const Event& k) {
    return same_kind(k, r) && same_place(k, r) && (gathering_severity(r) == 0 || dates_agree(k, r));
  });
}

// A flash whose body only refers back ("the attack had been repelled") to
// what its headline tells ("Suicide car bombs hit ... base at Kati"): the
// headline's action, at a place of its own, stands for the story.
// (Or a bombing or strike the body's actions there do not tell: "Suicide car
// bombs hit base" over "the attack had been repelled".)
void promote_headline(std::vector<Event>& drafts, std::vector<Standing>& standing, const Document& doc) {
  if (doc.title.empty()) return;
  const bool body_founds = std::find(standing.begin(), standing.end(), Standing::event) != standing.end();
  for (size_t h = 0; h < drafts.size(); ++h) {
    const Event& head = drafts[h];
    if (head.sentence != doc.title || !head.location_start || head.background) continue;
    bool told_below = false, same_type_below = false;
    for (size_t r = 0; r < drafts.size(); ++r)
      if (drafts[r].sentence != doc.title && !drafts[r].background && same_place(head, drafts[r]) && dates_agree(head, drafts[r])) {
        told_below = true;
        same_type_below = same_type_below || (standing[r] == Standing::event && drafts[r].event_type == head.event_type);
      }
    const bool remote = head.event_type == event_type(SubEvent::suicide_bomb).event_type;
    if (told_below && (!body_founds || (remote && !same_type_below))) {
      standing[h] = Standing::event;
      if (!body_founds) return;
    }
  }
}

// Whether a mention can stand for where an action happened: a resolved town
// named as a place, not a destination or a bearing's reference point.
bool may_place_action(const Mention& m) {
  if (m.candidates.empty() || m.demonym || m.in_name) return false;
  // "a bus carrying passengers to Nairobi": where someone was going, not where it happened.
  // ("a 17-year-old from Antioch, Illinois": where someone came from.)
  if (one_of(m.cue, {"to", "towards", "toward", "for", "from"})) return false;
  // "a base about 120 km southwest of Mogadishu": a reference point, not the place.
  // (Not "the town of Chibok": only a compass point makes a bearing.)
  return !bearing_cue(m.cue);
}

// Whether the mention's place (its first candidate) is a town of the country `country_code`.
bool town_of(const Mention& m, const Gazetteer& gaz, std::string_view country_code) {
  const Place p = gaz.place(m.candidates.front().entry);
  return p.kind == PlaceKind::city && p.country_code == country_code;
}

// The town of a country a report is about, for an action it places no
// nearer: the one town of that country the report names more often than
// any other, at least twice. (Not the dateline's: where an agency filed
// from is no place of an action the text does not put there.)
const Mention* report_town(const std::vector<Mention>& mentions, const Gazetteer& gaz, const std::string& country_code) {
  std::map<uint32_t, std::pair<int, const Mention*>> named;  // by gazetteer entry
  for (const Mention& m : mentions) {
    if (m.dateline || !may_place_action(m) || !town_of(m, gaz, country_code)) continue;
    auto& [n, first] = named[m.candidates.front().entry];
    if (!first) first = &m;
    ++n;
  }
  int best = 0, second = 0;
  const Mention* town = nullptr;
  for (const auto& [entry, seen] : named) {
    if (seen.first > best) {
      second = best;
      best = seen.first;
      town = seen.second;
    } else if (seen.first > second) {
      second = seen.first;
    }
  }
  return best >= 2 && best > second ? town : nullptr;
}

// The dateline's town of a country, when the report names no other town of that country
// ("MONROVIA, Liberia (AP) - ... young men in West Point threw rocks"); else null.
const Mention* lone_filing_town(const std::vector<Mention>& mentions, const Gazetteer& gaz, const std::string& country_code) {
  const auto filed = std::find_if(mentions.begin(), mentions.end(),
                                  [&](const Mention& m) { return m.dateline && !m.candidates.empty() && town_of(m, gaz, country_code); });
  if (filed == mentions.end()) return nullptr;
  const bool other_town = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
    // ("a retired accountant from Mesquite, Nevada": where someone came from is no other town of the story.)
    return !m.dateline && may_place_action(m) && town_of(m, gaz, country_code) &&
           m.candidates.front().entry != filed->candidates.front().entry;
  });
  return other_town ? nullptr : &*filed;
}

// Places a country- or province-level event at a town the text names.
void place_in_town(Event& e, const Mention& m, const Place& p, int precision = 1) {
  e.location = p.name;
  e.location_start = m.start;
  e.location_end = m.end;
  e.geo_relation.clear();
  e.admin1 = p.admin1;
  e.point = p.point;
  e.geonameid = p.geonameid ? std::optional<uint32_t>(p.geonameid) : std::nullopt;
  e.geo_precision = precision;
  e.confidence = std::min(e.confidence, 0.6);
}

// "The fighting erupted hours after soldiers arrested X": the later action, told first, came after the earlier one.
bool came_after(std::string_view text, const Event& later, const Event& earlier) {
  if (later.trigger_end >= earlier.trigger_start || earlier.trigger_start > text.size()) return false;
  const std::string between = ascii_lower(text.substr(later.trigger_end, earlier.trigger_start - later.trigger_end));
  return between.find(" after ") != std::string::npos || between.find(" following ") != std::string::npos;
}

// Acts told in the sentence of a violent action that are parts of it, not
// events of their own; they only add to it: a burning ("set fire to two
// houses, killing a baby"; what was looted stays an event), hostages held in
// an attack, and arrests that end a fight.
void fold_parts_into_sentence_action(std::string_view text, const std::vector<Event>& drafts, std::vector<Standing>& standing) {
  const std::string_view looting = event_type(SubEvent::looting).sub_event_type;
  const std::string_view abduction = event_type(SubEvent::abduction).sub_event_type;
  for (size_t i = 0; i < drafts.size(); ++i) {
    if (standing[i] != Standing::event) continue;
    const std::string trigger = ascii_lower(drafts[i].trigger);
    // (Goods taken are a looting of their own: "opened fire inside the wards and looted the facility".)
    const bool burnt = drafts[i].sub_event_type == looting && trigger.find("loot") == std::string::npos &&
                       trigger.find("plunder") == std::string::npos && trigger.find("pillag") == std::string::npos &&
                       trigger.find("ransack") == std::string::npos;
    // "stormed a hotel and held 170 guests hostage, killing 20": hostages held in the attack are the attack's.
    const bool held = drafts[i].sub_event_type == abduction && (trigger.rfind("hold", 0) == 0 || trigger.rfind("held", 0) == 0);
    // "killed four suspects and detained two others in a gunbattle": the arrests are the fight's end.
    const bool detained = drafts[i].sub_event_type == event_type(SubEvent::arrests).sub_event_type;
    if (!burnt && !held && !detained) continue;
    for (size_t j = 0; j < drafts.size(); ++j)
      if (j != i && drafts[j].start == drafts[i].start && drafts[j].sub_event_type != drafts[i].sub_event_type &&
          standing[j] == Standing::event && (held || drafts[j].event_type != drafts[i].event_type) &&
          (!detained ||
           (drafts[j].event_type == event_type(SubEvent::armed_clash).event_type && !came_after(text, drafts[j], drafts[i])))) {
        standing[i] = Standing::reference;
        break;
      }
  }
}

// "Nineteen people were arrested", "14 people were detained at the barricades":
// arrests told after a demonstration at that place and day, in a sentence that
// names no place of its own, are how it was met, no event of their own; they
// add to it. (Suspects arrested after an attack or a lynching are an event.)
void fold_arrests_into_incident(std::string_view text, const std::vector<Event>& drafts, std::vector<Standing>& standing) {
  const std::string_view arrests = event_type(SubEvent::arrests).sub_event_type;
  // "Protests broke out after an imam was taken by security agents": the arrest the gathering followed is its cause.
  const auto cause_between = [&](const Event& gathering, const Event& arrest) {
    return gathering.start == arrest.start && came_after(text, gathering, arrest);
  };
  for (size_t i = 0; i < drafts.size(); ++i) {
    // (Only arrests whose sentence names no place of its own: "Police arrested 50 people in Kasese" may be another event.)
    // (Or arrests told after the gathering in its own sentence: "Police fired rubber bullets at protesters at the
    // Shrine and arrested 215 people"; not "Khan was arrested at the court, where his supporters gathered".)
    if (drafts[i].sub_event_type != arrests || standing[i] != Standing::event || drafts[i].background) continue;
    for (size_t j = 0; j < drafts.size(); ++j)
      if (j != i &&
          (drafts[j].start < drafts[i].start ||
           (drafts[j].start == drafts[i].start && drafts[j].trigger_start < drafts[i].trigger_start)) &&
          (!drafts[i].location_start || drafts[j].start == drafts[i].start) && gathering_severity(drafts[j]) > 0 &&
          standing[j] == Standing::event && !drafts[j].background && same_place(drafts[j], drafts[i]) &&
          dates_agree(drafts[j], drafts[i]) && !cause_between(drafts[j], drafts[i])) {
        standing[i] = Standing::reference;
        break;
      }
  }
}

// "Heavily armed men attacked the presidential palace ... and fought a gun battle with soldiers", "troops
// repelled an attack by ISWAP on their base": an armed group's attack that names no one it was aimed at,
// beside a fight of that group at that place and day, is the fight itself. (An attack on people named,
// "opened fire on worshippers", stays an event of its own beside the fight with the police.)
void fold_unaimed_attacks_into_clashes(const std::vector<Event>& drafts, std::vector<Standing>& standing) {
  const std::string_view attack = event_type(SubEvent::attack).sub_event_type;
  const std::string_view clash = event_type(SubEvent::armed_clash).sub_event_type;
  const auto state = [](const std::string& actor) { return actor.starts_with("Military Forces") || actor.starts_with("Police Forces"); };
  for (size_t i = 0; i < drafts.size(); ++i) {
    const Event& a = drafts[i];
    if (a.sub_event_type != attack || standing[i] != Standing::event || a.background || !a.actor2.empty() || a.actor1.empty() ||
        state(a.actor1))
      continue;
    for (size_t j = 0; j < drafts.size(); ++j) {
      const Event& c = drafts[j];
      if (j == i || c.sub_event_type != clash || standing[j] != Standing::event || c.background || !same_place(c, a) || !dates_agree(c, a))
        continue;
      // (Not an attack that killed, then its attackers killed by the forces in a later line: two events.)
      const bool attackers_killed_later = c.start > a.start && a.fatalities && *a.fatalities > 0 && c.fatalities && *c.fatalities > 0 &&
                                          c.actor2 == a.actor1 && state(c.actor1);
      if ((c.start == a.start || c.actor1 == a.actor1 || c.actor2 == a.actor1) && !attackers_killed_later) {
        standing[i] = Standing::reference;
        break;
      }
    }
  }
}

// The sentence an event's action is told in (its start may lie past a dateline).
size_t sentence_of(const Segmented& seg, const Event& e) {
  size_t si = 0;
  while (si + 1 < seg.sentences.size() && seg.sentences[si + 1].start <= e.start) ++si;
  return si;
}

// "Two police officers have been shot dead at a rural property. Four officers drove
// to the block shortly before 5pm on Monday ...": a lede that gives no day, told
// before any dated action, happened on the day the next two lines go on to tell.
// (Only a day of the week before the report, in a line that tells no plan: not "will visit on Sunday",
// not "a peace deal signed on May 2", not "attacked on March 3" months before.)
// Does the sentence, from token `from` on, tell of a plan ("will", "planned", "expected")?
bool tells_plan(const Document& doc, const Segmented& seg, const Sentence& s, uint32_t from) {
  for (uint32_t t = from; t < s.first_token + s.token_count; ++t)
    if (one_of(ascii_lower(token_text(doc.text, seg.tokens[t])), {"will", "would", "plans", "planned", "scheduled", "expected"}))
      return true;
  return false;
}

std::optional<DateSpan> day_of_next_lines(const Document& doc, const Segmented& seg, const Event& e) {
  if (!doc.published) return std::nullopt;
  const long published = days_from_civil(*doc.published);
  const size_t si = sentence_of(seg, e);
  for (size_t k = si + 1; k < seg.sentences.size() && k <= si + 2; ++k) {
    const Sentence& s = seg.sentences[k];
    if (tells_plan(doc, seg, s, s.first_token)) continue;
    for (const DateCue& c : find_date_cues(doc, seg, s)) {
      if (c.since || c.reporting || !c.span.date || c.span.precision != 1) continue;
      const long back = published - days_from_civil(*c.span.date);
      if (back >= 0 && back <= 7) return c.span;
    }
  }
  return std::nullopt;
}

// "Germany was in mourning on Saturday after a man drove a car into crowds":
// a day its telling gives is only the latest it can be. A day up to three days
// before it, told in the next lines of the toll or the action ("a first toll
// of two dead late on Friday"), is the action's own.
std::optional<DateSpan> earlier_day_of_next_lines(const Document& doc, const Segmented& seg, const Event& e) {
  if (!e.when.date || e.when.precision != 1) return std::nullopt;
  const long told = days_from_civil(*e.when.date);
  const size_t si = sentence_of(seg, e);
  const std::string trigger = ascii_lower(e.trigger);
  for (size_t k = si + 1; k < seg.sentences.size() && k <= si + 4; ++k) {
    // (Only a line that tells of the toll or the action again: not "On Friday, the minister had announced a ban".)
    const Sentence& s = seg.sentences[k];
    bool of_it = false;
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count && !of_it; ++t)
      of_it = one_of(ascii_lower(token_text(doc.text, seg.tokens[t])),
                     {"dead", "killed", "died", "toll", "wounded", "injured", "hurt", "casualties", "victims", trigger});
    if (!of_it) continue;
    for (const DateCue& c : find_date_cues(doc, seg, s)) {
      if (c.since || c.reporting || c.ahead || !c.span.date || c.span.precision != 1) continue;
      const long back = told - days_from_civil(*c.span.date);
      if (back >= 1 && back <= 3) return c.span;
    }
  }
  return std::nullopt;
}

// A lede often places an action in a country or province ("in
// northeastern Nigeria") and the next lines name the town ("in the town of
// Chibok"): a town of that country or province named in the two sentences
// after, and not the place of another event, is where it happened.
void refine_country_level(std::vector<Event>& kept, const Segmented& seg, const std::vector<Mention>& mentions, const Gazetteer& gaz) {
  std::set<uint32_t> used;
  for (const Event& e : kept)
    if (e.location_start) used.insert(*e.location_start);
  for (Event& e : kept) {
    if (e.geo_precision != 3 || e.background) continue;
    const size_t si = sentence_of(seg, e);
    for (const Mention& m : mentions) {
      if (m.sentence <= si || m.sentence > si + 2 || m.dateline || used.count(m.start) || !may_place_action(m)) continue;
      const Place p = gaz.place(m.candidates.front().entry);
      if (p.kind != PlaceKind::city || p.country_code != e.country_code) continue;
      if (e.location != e.country && !e.admin1.empty() && p.admin1 != e.admin1 && p.admin1 != e.location) continue;
      place_in_town(e, m, p);
      used.insert(m.start);
      break;
    }
  }
}

// "the Royal Oman Police", "Kenya Airways": the country's name inside a name of
// capitalised words (a weekday or a month after it is no name: "in Mali Monday").
bool inside_name(std::string_view t, size_t at, size_t end) {
  auto capital_word = [](std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); };
  size_t a = at;
  while (a > 0 && t[a - 1] == ' ') --a;
  size_t b = a;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(t[b - 1]))) --b;
  const std::string_view before = t.substr(b, a - b);
  size_t c = end;
  while (c < t.size() && t[c] == ' ') ++c;
  size_t d = c;
  while (d < t.size() && std::isalpha(static_cast<unsigned char>(t[d]))) ++d;
  const std::string_view after = t.substr(c, d - c);
  const std::string lower_before = ascii_lower(before);
  const bool named_before = a < at && capital_word(before) && !one_of(lower_before, {"in", "at", "the", "from", "on", "across"}) &&
                            !is_compass_point(lower_before) && !compass_point_of_adjective(lower_before);  // "Northern Mali" is told
  const bool named_after = c > end && capital_word(after) && weekday_from_name(after) < 0 && month_from_name(after) == 0;
  return named_before || named_after;
}

// Does the event's sentence name its country, or a bearing in lower case ("northern", "in the east")?
bool country_or_region_told(const Event& e, bool country_too) {
  const std::string& t = e.sentence;
  // (The name as a word: "South African police" is a people, "the seat of Taiwan's cabinet" a thing of the country.)
  for (size_t at = !country_too || e.country.empty() ? std::string::npos : t.find(e.country); at != std::string::npos;
       at = t.find(e.country, at + 1)) {
    const size_t end = at + e.country.size();
    const bool possessive = end < t.size() && (t.compare(end, 2, "'s") == 0 || t.compare(end, 4, "\u2019s") == 0);
    if ((at == 0 || !std::isalpha(static_cast<unsigned char>(t[at - 1]))) &&
        (end == t.size() || !std::isalpha(static_cast<unsigned char>(t[end]))) && !possessive && !inside_name(t, at, end))
      return true;
  }
  std::string w;
  for (size_t i = 0; i <= t.size(); ++i) {
    const char c = i < t.size() ? t[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '-') {
      w.push_back(c);
      continue;
    }
    // (Lower case only: "West Point" is a place's name, "western" a bearing.)
    if (is_compass_point(w) || compass_point_of_adjective(w) || w == "nationwide") return true;
    w.clear();
  }
  return false;
}

// After merging, an action still at its country's point goes to a town of
// that country named in its own sentence, else in the two before, else to the report's town
// (report_town): the whole country's point is never where it happened.
// (Before merging, it would no longer fold into that town's event. A name
// the gazetteer lacks stays at its country: "the village of Fambita" is no
// part of the capital the report names.)
void place_country_level_in_town(std::vector<Event>& kept, const Document& doc, const Segmented& seg, const std::vector<Mention>& mentions,
                                 const Gazetteer& gaz) {
  // Whether the story names a town the gazetteer lacks: read once, when first asked.
  std::optional<bool> unknown_town;
  const auto unknown_town_in_story = [&] {
    if (!unknown_town) unknown_town = names_unknown_town(doc, seg, mentions, static_cast<uint32_t>(seg.tokens.size()));
    return *unknown_town;
  };
  for (Event& e : kept) {
    // ("the armoury at Wilberforce barracks in the west of the city": a part the gazetteer lacks, in no
    // known province, lies in the report's town, not at its country's middle.)
    const bool part_in_country = e.geo_relation == "part of" && e.admin1.empty();
    if (e.geo_precision != 3 || e.background || (e.location != e.country && !part_in_country)) continue;
    const size_t si = sentence_of(seg, e);
    const Mention* town = nullptr;
    // "struck targets in Iraq, including sites in the border town of al-Qaim": a town its own sentence names
    // as one (not "a military source in Pemba", "passengers from Quetta").
    for (const Mention& m : mentions) {
      const bool named_town = m.cue.ends_with("town of") || m.cue.ends_with("city of") || m.cue.ends_with("village of");
      if (m.sentence == si && !m.dateline && named_town && may_place_action(m) && town_of(m, gaz, e.country_code)) {
        town = &m;
        break;
      }
    }
    if (!town)  // else the last one named in the two sentences before
      for (const Mention& m : mentions)
        if (m.sentence + 2 >= si && m.sentence < si && !m.dateline && may_place_action(m) && town_of(m, gaz, e.country_code) &&
            !far_landmark(doc, seg, m))
          town = &m;
    int precision = 1;
    if (!town) {
      town = report_town(mentions, gaz, e.country_code);
      precision = 2;  // the report's town, not one its lines put the action in
    }
    // "Young men in West Point ... threw rocks", filed from MONROVIA and no other town of the country
    // named: a part the gazetteer lacks, in no province the text names, lies in the filing town; so
    // does an action placed only in its country. (Precision 2: near, not at. Only a town of the
    // action's own country: a strike abroad never goes to where the agency filed from.)
    // (Not when the sentence names the country itself or a part of it by a bearing in lower case: "a district
    // centre in northern Afghanistan", "Russia attacked Ukraine with 40 drones", "a remote village in the northwest".)
    // (Nor where the story names a town the gazetteer lacks: "in Moura, a village of ...", "the town of Toumour".)
    if (!town && !country_or_region_told(e, !part_in_country) && !unknown_town_in_story())
      town = lone_filing_town(mentions, gaz, e.country_code);
    if (!town) continue;
    const Place& p = gaz.place(town->candidates.front().entry);
    if (!part_in_country) {
      place_in_town(e, *town, p, precision);
      continue;
    }
    e.point = p.point;  // the part keeps its name, in its town
    e.admin1 = p.admin1;
    e.geo_precision = 2;
  }
}

// "Less than two hours later", "shortly after": the story's day goes on.
// A live page's entry heading, "22:05, 1 May" or "1 May 2024, 10:30 GMT":
// only a time and a day. Its day is what the entry's "this evening" means.
std::optional<CivilDate> heading_day(const Document& doc, const Segmented& seg, const Sentence& s) {
  if (s.token_count == 0 || s.token_count > 10) return std::nullopt;
  for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
    const Token& t = seg.tokens[k];
    const std::string w = ascii_lower(token_text(doc.text, t));
    if (t.kind == TokenKind::number || t.kind == TokenKind::punct || month_from_name(token_text(doc.text, t)) > 0 ||
        one_of(w, {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "local", "time", "morning", "afternoon", "evening", "night"}) ||
        weekday_from_name(token_text(doc.text, t)) >= 0)
      continue;
    return std::nullopt;
  }
  const std::vector<DateCue> cues = find_date_cues(doc, seg, s);
  if (cues.size() != 1 || cues[0].span.precision != 1 || !cues[0].span.date) return std::nullopt;
  return cues[0].span.date;
}

// "the next morning", "the following day": a day after the narrative's, told as such (the words
// SentenceEvents::narrative_shift reads as one day on).
bool tells_next_day(std::string_view sentence) {
  const std::string lower = ascii_lower(sentence);
  for (std::string_view w : {"the next day", "the next morning", "the next evening", "the next night", "the following day",
                             "the following morning", "the following evening", "the following night"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

bool continues_narrative(std::string_view sentence) {
  const std::string lower = ascii_lower(sentence.substr(0, 80));
  for (std::string_view w : {" later", "shortly after", "soon after", "moments after", "afterwards", "minutes after", "hours after"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
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

// Votes for the country a report names most (places, countries and peoples
// alike) by country code: the body's and the dateline's place's apart (a
// regional bureau files from Nairobi on Somalia, from Bangkok on Myanmar).
struct CountryVotes {
  std::map<std::string, int> body, dateline;
  std::map<std::string, size_t> first;  // where each country is first named, for ties
};

CountryVotes country_votes(const std::vector<Mention>& mentions, const Gazetteer& gaz) {
  CountryVotes votes;
  for (const Mention& m : mentions) {
    if (m.candidates.empty() || m.in_name) continue;
    const Place p = gaz.place(m.candidates.front().entry);
    // Places inside a country say most where the story is; a people ("Russian") least.
    if (p.country_code.size() != 2) continue;
    const std::string cc(p.country_code);
    (m.dateline ? votes.dateline : votes.body)[cc] += m.demonym ? 1 : p.kind == PlaceKind::country ? 2 : 3;
    votes.first.emplace(cc, votes.first.size());
  }
  return votes;
}

// The country with the most votes; on a tie, the one named first ("Freetown was slowly
// coming back to life" before "East End", a namesake district of the Cayman Islands).
std::optional<Place> most_voted(const std::map<std::string, int>& votes, const CountryVotes& all, const Gazetteer& gaz) {
  if (votes.empty()) return std::nullopt;
  const auto first = [&](const std::string& cc) {
    const auto it = all.first.find(cc);
    return it == all.first.end() ? SIZE_MAX : it->second;
  };
  const auto best = std::max_element(votes.begin(), votes.end(), [&](const auto& a, const auto& b) {
    return a.second != b.second ? a.second < b.second : first(a.first) > first(b.first);
  });
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

// A sentence whose subject is a day: "Tuesday was the deadliest day since
// the movement began", "Sunday had been quiet until dusk".
std::optional<DateSpan> day_told_of(const Document& doc, const Segmented& seg, const Sentence& s, std::optional<CivilDate> today) {
  if (s.token_count < 3) return std::nullopt;
  const std::string next = ascii_lower(token_text(doc.text, seg.tokens[s.first_token + 1]));
  if (!one_of(next, {"was", "had", "is", "has"})) return std::nullopt;
  if (weekday_from_name(token_text(doc.text, seg.tokens[s.first_token])) < 0) return std::nullopt;
  const auto cues = find_date_cues(doc, seg, s, nullptr, today);
  if (cues.empty() || cues.front().first_token != s.first_token || cues.front().reporting) return std::nullopt;
  return cues.front().span;
}

// "Late Friday, a 21-year-old drove up", "In the early hours of Friday, a car
// drove into pedestrians": a day that opens its sentence, at its start or set off
// by a comma before a clause of five words or more.
bool opens_sentence(const Document& doc, const Segmented& seg, const Sentence& s, const DateCue& c) {
  if (c.first_token <= s.first_token + 1) return true;
  const uint32_t end = s.first_token + s.token_count;
  return c.first_token <= s.first_token + 5 && c.last_token + 5 < end && token_text(doc.text, seg.tokens[c.last_token + 1]) == ",";
}

// A sentence of no action of ours that opens on its day: the day the next lines go
// on from (not a day ahead, a plan, a telling or a campaign's start).
std::optional<DateSpan> opening_day(const Document& doc, const Segmented& seg, const Sentence& s, std::optional<CivilDate> today) {
  const auto cues = find_date_cues(doc, seg, s, nullptr, today);
  if (cues.empty()) return std::nullopt;
  const DateCue& c = cues.front();
  if (!opens_sentence(doc, seg, s, c) || c.reporting || c.since || c.ahead || c.span.precision != 1 || !c.span.date) return std::nullopt;
  // (Not a stamp alone on its line: "Tuesday 17 October 2023, 15:48".)
  if (c.last_token + 5 >= s.first_token + s.token_count) return std::nullopt;
  if (doc.published && days_from_civil(*c.span.date) > days_from_civil(*doc.published)) return std::nullopt;
  if (tells_plan(doc, seg, s, c.last_token + 1)) return std::nullopt;
  return c.span;
}

DocContext read_context(const Document& doc, const Segmented& seg, const Lexicon& lex) {
  DocContext ctx;
  std::vector<std::string> words;
  words.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens) words.push_back(ascii_lower(token_text(doc.text, t)));
  int bombers = 0, suicide = 0;  // "a bomber blew himself up": a bomber is a man in a suicide story
  for (size_t k = 0; k < words.size(); ++k) {
    const bool blew_self = k >= 2 && one_of(words[k], {"himself", "themselves", "herself"}) && words[k - 2] == "blew";
    bool weapon = true;
    if (lex.roles.ends_at(words, 0, k, Role::weapon_suicide) || blew_self) {
      ++suicide;
    } else if (one_of(words[k], {"bomber", "bombers"})) {
      ++bombers;
    } else if (lex.roles.ends_at(words, 0, k, Role::weapon_air)) {
      ctx.air = true;
    } else if (lex.roles.ends_at(words, 0, k, Role::weapon_shell)) {
      ctx.missiles = true;
    } else {
      weapon = lex.roles.ends_at(words, 0, k, Role::weapon_explosive) || lex.roles.ends_at(words, 0, k, Role::weapon_gun) ||
               lex.roles.ends_at(words, 0, k, Role::weapon_grenade);
    }
    if (weapon) ctx.weapon_tokens.push_back(static_cast<uint32_t>(k));
    // "the Awami League", "the Chhatra League": a word of a name, not a game.
    const bool in_name = seg.tokens[k].capitalized && k > 0 && seg.tokens[k - 1].capitalized;
    if (lex.roles.ends_at(words, k, k, Role::sport) && lex.roles.longest_ends_at(words, 0, k, Role::sport) && !in_name)
      ctx.sport_tokens.push_back(static_cast<uint32_t>(k));
    if (lex.roles.ends_at(words, 0, k, Role::fiction)) ++ctx.fiction;
    if (lex.roles.ends_at(words, 0, k, Role::drill)) ++ctx.drill;
    if (lex.roles.ends_at(words, k, k, Role::protesters)) ++ctx.protesters;
    if (one_of(words[k], {"rioting", "riots", "riot"})) ++ctx.rioting;
    if (one_of(words[k], {"protests", "protest", "demonstrations", "demonstration", "gatherings", "rallies", "marches"})) ++ctx.gatherings;
    if (lex.roles.ends_at(words, k, k, Role::market)) ++ctx.markets;
  }
  if (bombers > 0 && suicide == 0) ctx.air = true;
  ctx.suicide = suicide > 0;
  std::vector<std::string_view> raw;
  raw.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens) raw.push_back(token_text(doc.text, t));
  ctx.redefined = lex.actors.acronyms_defined_otherwise(words, raw);
  std::map<const ArmedActor*, int> groups;
  for (size_t k = 0; k < words.size(); ++k) {
    size_t len = 0;
    const ArmedActor* a = lex.actors.match(words, raw, k, words.size(), &len, &ctx.redefined);
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

namespace {
// "a 17-year-old protester", "a 45-year-old farmer", "aged 30 years old": the
// words after a number at `after` make it an age, no head count.
bool age_follows(const std::vector<std::string>& words, size_t after) {
  auto unit = [](const std::string& w) { return one_of(w, {"year", "years", "month", "months", "week", "weeks", "day", "days"}); };
  auto at = [&](size_t k) -> const std::string& {
    static const std::string none;
    return k < words.size() ? words[k] : none;
  };
  if (at(after) == "-" && unit(at(after + 1)) && at(after + 2) == "-" && at(after + 3) == "old") return true;
  if (unit(at(after)) && at(after + 1) == "old") return true;  // "17 years old"
  if (at(after) == "-" && one_of(at(after + 1), {"year-old", "years-old"})) return true;
  return one_of(at(after), {"-year-old", "year-old"});
}

std::optional<long> count_words(const std::vector<std::string>& words, size_t at, size_t* used);
}  // namespace

std::optional<long> parse_count(const std::vector<std::string>& words, size_t at, size_t* used) {
  size_t n_words = 1;
  const std::optional<long> n = count_words(words, at, &n_words);
  if (!n || age_follows(words, at + n_words)) return std::nullopt;
  if (used) *used = n_words;
  return n;
}

namespace {
std::optional<long> count_words(const std::vector<std::string>& words, size_t at, size_t* used) {
  if (at >= words.size()) return std::nullopt;
  static const std::map<std::string, long, std::less<>> named = {
      {"one", 1},      {"two", 2},      {"three", 3},      {"four", 4},       {"five", 5},         {"six", 6},       {"seven", 7},
      {"eight", 8},    {"nine", 9},     {"ten", 10},       {"eleven", 11},    {"twelve", 12},      {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},    {"twenty", 20},   {"thirty", 30},
      {"forty", 40},   {"fifty", 50},   {"sixty", 60},     {"seventy", 70},   {"eighty", 80},      {"ninety", 90},   {"hundred", 100},
      {"dozen", 12},   {"dozens", 12},  {"scores", 20},    {"hundreds", 100}, {"thousands", 1000}, {"several", 10},  {"many", 10}};
  const std::string& w = words[at];
  auto named_count = [&](std::string_view word) -> long {
    const auto it = named.find(word);
    return it == named.end() ? 0 : it->second;
  };
  // "twenty-two", "thirty-five": tens and units, in one word or split at the hyphen.
  const auto compound = [&](std::string_view tens_word, std::string_view units_word) -> long {
    const long tens = named_count(tens_word), units = named_count(units_word);
    return tens >= 20 && tens < 100 && tens % 10 == 0 && units > 0 && units < 10 ? tens + units : 0;
  };
  if (const size_t dash = w.find('-'); dash != std::string::npos)
    if (const long n = compound(std::string_view(w).substr(0, dash), std::string_view(w).substr(dash + 1))) {
      if (used) *used = 1;
      return n;
    }
  if (at + 2 < words.size() && words[at + 1] == "-")
    if (const long n = compound(w, words[at + 2])) {
      if (used) *used = 3;
      return n;
    }
  // ("-two" of a split "Twenty-two" is part of the number before it.)
  if (at >= 2 && words[at - 1] == "-" && compound(words[at - 2], w)) return std::nullopt;
  if (const long n = named_count(w)) {
    if (used) *used = 1;
    return n;
  }
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return std::nullopt;
  std::string digits;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits.push_back(c);
    else if (c == ',')
      continue;
    else
      return std::nullopt;  // 3.5, 1e400, 12km: not a head count
  }
  if (digits.size() > 9) return std::nullopt;
  const long v = std::stol(digits);
  if (v > kMaxPlausibleCount) return std::nullopt;
  // A year is not a count.
  if (digits.size() == 4 && v >= 1900 && v <= 2100) return std::nullopt;
  if (used) *used = 1;
  return v;
}
}  // namespace

std::vector<Event> extract_events(const Document& doc, const Segmented& seg, const std::vector<Mention>& mentions, const Gazetteer& gaz,
                                  const Lexicon& lex, std::vector<std::string>* warnings) {
  const DocContext ctx = read_context(doc, seg, lex);
  const WordTable& words = WordTable::shared();
  std::vector<std::vector<size_t>> by_sentence(seg.sentences.size());
  for (size_t m = 0; m < mentions.size(); ++m)
    if (mentions[m].sentence < by_sentence.size()) by_sentence[mentions[m].sentence].push_back(m);

  std::vector<Event> drafts;
  std::vector<Standing> merge_only;
  std::vector<uint8_t> told_dated;        // per draft: dated by its telling ("told AFP on Tuesday")
  std::vector<uint8_t> may_found_action;  // per draft: a reference that may found the action it names
  // A report that names no place but where it was filed may name a group that fights
  // elsewhere: al-Shabaab in Somalia from Nairobi, M23 in Congo, ISWAP in Nigeria.
  // Else the country named most, the dateline's place voting too.
  CountryVotes votes = country_votes(mentions, gaz);
  std::optional<Place> focus;
  if (!most_voted(votes.body, votes, gaz) && ctx.main_group && !ctx.main_group->countries.empty())
    focus = gaz.country(ctx.main_group->countries.front());
  if (!focus) {
    for (const auto& [code, n] : votes.dateline) votes.body[code] += n;
    focus = most_voted(votes.body, votes, gaz);
  }
  const Mention* context = nullptr;  // the last place named with a location word
  uint32_t context_sentence = 0;
  const Mention* event_place = nullptr;  // the last place an action happened at
  uint32_t event_sentence = 0;
  std::optional<DateSpan> context_date;    // the last date an action was given
  std::optional<DateSpan> backstory_date;  // the last day a backstory action was given, for "an hour later"
  size_t backstory_sentence = 0;
  bool day_told = false;  // that date is a day the report named as the one it tells ("Tuesday was ...")
  uint32_t date_sentence = 0;
  std::optional<Role> context_weapon;  // the weapon the last sentence fired
  uint32_t weapon_sentence = 0;
  std::optional<uint32_t> lone_attacker_sentence;  // the last sentence that told one person's attack
  std::deque<Mention> synthetic;
  std::optional<CivilDate> entry_day;  // the heading day of a live page's entry
  // The day the narrative is at, for actions that give none.
  auto narrative_day = [&](std::string_view text, size_t at) -> std::optional<DateSpan> {
    // ("The siege ended the next morning": the narrative goes on, a day later, as narrative_shift reads it.)
    const bool goes_on = continues_narrative(text) || tells_next_day(text);
    // "On 22 March 2016, two bombers blew themselves up ... About an hour later, a third ...": the backstory goes on.
    // ("On September 28, 2009, security forces opened fire on ... At least 156 people were killed": the next sentence
    // of the paragraph, with no day of its own, goes on too.)
    const bool next_of_paragraph = backstory_sentence + 1 == at && !seg.sentences[at].paragraph_start;
    if (backstory_date && backstory_sentence + 2 >= at && (goes_on || next_of_paragraph) &&
        (!context_date || backstory_sentence > date_sentence))
      return backstory_date;
    if (date_sentence + (day_told ? 4 : 3) >= at || (date_sentence + 12 >= at && goes_on)) return context_date;
    return std::nullopt;
  };
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    if (!doc.byline.empty() && doc.text.compare(s.start, s.end - s.start, doc.byline) == 0) continue;
    auto note_context = [&] {  // the last place this sentence names is the context of the next ones
      const Mention* noted = nullptr;
      for (size_t m : by_sentence[si]) {
        const Mention& mm = mentions[m];
        if (mm.candidates.empty() || mm.demonym || mm.in_name || mm.dateline) continue;
        // "the town of Jaranwala, near Faisalabad": the landmark locates the town, the town is the place.
        if (noted && mm.cue == "near" && mm.start < noted->end + 10) continue;
        const PlaceKind k = gaz.place(mm.candidates.front().entry).kind;
        // (An island country is "on" it: "the detention centre on Christmas Island".)
        if (k == PlaceKind::region || k == PlaceKind::continent || (k == PlaceKind::country && mm.cue != "in" && mm.cue != "on")) continue;
        // ("an attack on a village in Metekel zone, ... one of the deadliest attacks in Ethiopia": the place inside it stays.)
        if (noted && k == PlaceKind::country &&
            gaz.place(noted->candidates.front().entry).country_code == gaz.place(mm.candidates.front().entry).country_code)
          continue;
        if (told_at(doc, seg, s.first_token, mm)) continue;  // "the minister said in Moscow"
        if (travelled_from(doc, seg, s.first_token, mm)) continue;
        if (far_landmark(doc, seg, mm)) continue;
        // "the Paris attacks", "the governor of Ghazni": not where we are; "residents of Kandahar" are there.
        if (mm.cue == "of") {  // ("the seafront promenade of Cambrils": a part of it, the lexicon's place-of words)
          const uint32_t of =
              mm.first_token > 0 && ascii_lower(token_text(doc.text, seg.tokens[mm.first_token - 1])) == "of" ? mm.first_token - 1 : 0;
          const std::string owner = of > 0 ? ascii_lower(token_text(doc.text, seg.tokens[of - 1])) : std::string();
          // (Not "the Governorate of Muscat": the division, not a part of one of its towns.)
          const bool people_there = one_of(owner, {"residents", "inhabitants", "people"}) ||
                                    (lex.roles.is(owner, Role::place_of) && !is_division_word(owner, DivisionWord::of_name));
          if (!people_there) continue;
        } else if ((mm.cue.empty() || mm.cue == "and") && !(k == PlaceKind::city && named_as_place(mm, doc, lex))) {
          continue;  // ("the Jenin refugee camp": a town named as a place, whatever comes before)
        }
        context = noted = &mm;
        context_sentence = si;
      }
    };
    if (const auto day = heading_day(doc, seg, s)) {  // a live page's entry begins
      entry_day = day;
      context_date.reset();
      // ("Tuesday night. In Inezgane, youths burned cars": a weekday heading a paragraph is the day its lines tell.)
      if (std::none_of(seg.tokens.begin() + s.first_token, seg.tokens.begin() + s.first_token + s.token_count,
                       [](const Token& t) { return t.kind == TokenKind::number; })) {
        context_date = DateSpan{.date = day};
        date_sentence = si;
        day_told = false;
      }
      continue;
    }
    // "Tuesday was the deadliest day": the day the next lines tell, though no action is told here.
    if (const auto day = day_told_of(doc, seg, s, entry_day)) {
      context_date = day;
      date_sentence = si;
      day_told = true;
    }
    if (!may_hold_event(doc, seg, s, lex)) {
      note_context();
      if (const auto day = opening_day(doc, seg, s, entry_day)) {
        context_date = day;
        date_sentence = si;
        day_told = false;
      }
      continue;
    }
    // "Chad-politics-unrest,3RDLEAD": an agency's slug line, no sentence.
    if (std::string_view(doc.text).substr(s.start, s.end - s.start).find(' ') == std::string_view::npos) continue;
    // The title and a standfirst restate the report's events: they add evidence, never an event.
    const std::string_view sentence_text = std::string_view(doc.text).substr(s.start, s.end - s.start);
    // ("Gunman kills 4 in Dar es Salaam\nSource: Xinhua| 2021-08-25 ...": a title run on into a stamp line.)
    // (Not one run on into the dateline and lead, which the dateline's cut leaves: "... in San Lorenzo\nQuito, 29 Jan 2018
    // (Andes).- President Moreno decreed ...".)
    const bool dateline_inside = doc.dateline && doc.dateline->start > s.start && doc.dateline->start < s.end;
    const bool run_on_title = sentence_text.size() > doc.title.size() && sentence_text[doc.title.size()] == '\n' && !dateline_inside;
    const bool headline = (!doc.title.empty() && (sentence_text == doc.title || (sentence_text.starts_with(doc.title) && run_on_title))) ||
                          (!doc.summary.empty() && doc.summary.find(sentence_text) != std::string::npos);
    const SentenceView view(doc, seg, si, without_dateline(doc, seg, s), words, headline);
    if (view.s.token_count == 0) {
      note_context();
      continue;
    }
    std::vector<size_t> here;  // the sentence's mentions, less those in a dateline cut off it
    for (size_t m : by_sentence[si])
      if (mentions[m].first_token >= view.s.first_token) here.push_back(m);
    SentenceEvents r{.doc = doc,
                     .seg = seg,
                     .mentions = mentions,
                     .gaz = gaz,
                     .lex = lex,
                     .ctx = ctx,
                     .v = view,
                     .frames = read_frames(view, lex),
                     .here = here,
                     .cues = find_date_cues(doc, seg, view.s, warnings, entry_day),
                     .warnings = warnings,
                     .focus_country = focus,
                     .synthetic = synthetic,
                     .context_date = narrative_day(sentence_text, si),
                     .context_weapon = weapon_sentence + 1 == si ? context_weapon : std::nullopt};
    r.story_has_action = !drafts.empty();
    r.lone_attacker_before = lone_attacker_sentence && *lone_attacker_sentence + 2 >= si;
    if (weapon_sentence + 6 >= si) r.story_weapon = context_weapon;
    for (const Event& d : drafts)  // the story's day: its first dated action's
      if (d.when.date && !d.background && d.when.precision == 1) {
        r.story_date = d.when.date;
        break;
      }
    // The story's place: where its last action was, unless a place was named
    // since ("Residents of Kandahar describe ... The city was captured").
    if (context && context_sentence + 3 >= si && (!event_place || context_sentence > event_sentence))
      r.context_place = context;
    else if (event_place && event_sentence + 8 >= si)
      r.context_place = event_place;
    else if (context_sentence + 3 >= si)
      r.context_place = context;
    else if (context && context_sentence + 8 >= si && !event_place)  // no action placed yet: the story is still where it was told to be
      r.context_place = context;
    const size_t drafted_before = drafts.size();
    for (Event& e : r.read(merge_only)) drafts.push_back(std::move(e));
    if (r.lone_attacker) lone_attacker_sentence = si;
    // "The toll of the attack that targeted the ceremony on Thursday afternoon has risen to 89":
    // no action of its own, but the day of the one it names, for the lines that tell it.
    // (Only an action told as done: a march "planned for Friday" dates nothing.)
    const bool names_known_action = std::any_of(r.frames.begin(), r.frames.end(), [](const Frame& f) {
      return f.modality == Modality::asserted || f.modality == Modality::reference;
    });
    // "Late Friday, a 21-year-old drove up to a synagogue. He shot at people ...": a sentence that opens on
    // its day and tells what was done then, though no action of ours, starts that day for the next lines.
    const bool opens_on_day = r.frames.empty() && std::none_of(view.parse.chunks.begin(), view.parse.chunks.end(), [](const Chunk& c) {
                                return c.kind == ChunkKind::verb && (c.modal || c.negated);
                              });
    const auto opening = [&](const DateCue& c) { return !opens_on_day || opens_sentence(doc, seg, view.s, c); };
    if (drafts.size() == drafted_before && (names_known_action || opens_on_day) && !r.dated)
      for (const DateCue& c : r.cues)
        if (!c.reporting && !c.since && c.span.precision == 1 && c.span.date && opening(c) &&
            (!doc.published || days_from_civil(*c.span.date) <= days_from_civil(*doc.published))) {
          context_date = c.span;
          date_sentence = si;
          break;
        }
    told_dated.insert(told_dated.end(), r.told_dated.begin(), r.told_dated.end());
    may_found_action.insert(may_found_action.end(), r.may_found_action.begin(), r.may_found_action.end());
    note_context();
    if (r.placed) {
      event_place = r.placed;
      event_sentence = si;
    }
    if (r.backstory_dated && !r.dated) {
      backstory_date = r.backstory_dated;
      backstory_sentence = si;
    }
    if (r.dated) {
      backstory_date.reset();
      context_date = r.dated;
      date_sentence = si;
      day_told = false;
    } else if (r.carried_day) {
      // "Tuesday was the deadliest day": its actions go on, paragraph after paragraph; and an action told on the
      // narrative's day carries it to the next lines ("... where he fired at officers. They shot him nine times").
      date_sentence = si;
    }
    if (const auto w = r.weapon_fired()) {
      context_weapon = w;
      weapon_sentence = si;
    }
  }

  // A lede's country-level place, refined from the next lines before merging,
  // so that it does not fold into the first town of that country told later.
  refine_country_level(drafts, seg, mentions, gaz);
  if (debug_events())
    for (size_t i = 0; i < drafts.size(); ++i)
      std::fprintf(stderr, "[%s draft] %s at %s (p%d) on %s (told %d) standing %d: %s\n", doc.id.c_str(), drafts[i].sub_event_type.c_str(),
                   drafts[i].location.c_str(), drafts[i].geo_precision, drafts[i].when.date ? to_iso(*drafts[i].when.date).c_str() : "-",
                   static_cast<int>(told_dated[i]), static_cast<int>(merge_only[i]), drafts[i].trigger.c_str());
  fold_parts_into_sentence_action(doc.text, drafts, merge_only);
  fold_arrests_into_incident(doc.text, drafts, merge_only);
  fold_unaimed_attacks_into_clashes(drafts, merge_only);
  promote_headline(drafts, merge_only, doc);
  // Merge: specific events first absorb their other mentions.
  std::vector<Event> kept;
  std::vector<uint8_t> kept_told;
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
      const bool another = told_as_another(doc, e);
      for (Event& k : kept) {
        if (!same_kind(k, e) || k.background != e.background) continue;
        if (another && k.start < e.start && k.sub_event_type != e.sub_event_type) continue;
        if (distinct_tolls(k, e)) continue;
        // "Neighbouring Barkin Ladi was also attacked": another town, another event.
        if (also_before(doc, e) && k.geo_precision == 1 && e.geo_precision == 1 && k.geonameid != e.geonameid) continue;
        // (A gathering told in the past perfect with a day of its own, up to two days before the day a kept one
        // was told or bounded by, sets that one's scene: "resting in hospital on Friday after he was hit by a
        // stone" and "the crowd had gathered from early Thursday". Not "On Monday, 5,000 marched": another day's.)
        const size_t at = static_cast<size_t>(&k - kept.data());
        const long before = k.when.date && e.when.date ? days_from_civil(*k.when.date) - days_from_civil(*e.when.date) : -1;
        const bool within_telling = day_is_upper_bound(kept_told[at]) && told_dated[i] == 0 && before >= 0 && before <= 2 &&
                                    gathering_severity(k) > 0 && gathering_severity(e) > 0 && told_before_had(doc, e);
        if (same_place(k, e) && (dates_agree(k, e) || within_telling) && actors_agree(k, e)) {
          into = &k;
          break;
        }
      }
    } else {
      into = reference_target(kept, kept_told, e);
    }
    if (into) {
      // "killed when jihadists attacked Djibo, sources told AFP on Tuesday" then
      // "the assault began on Sunday": the action's own day beats the telling's.
      const size_t k = static_cast<size_t>(into - kept.data());
      if (kept_told[k] > 0 && told_dated[i] == 0 && e.when.date && e.background == into->background) {
        into->when = e.when;
        kept_told[k] = 0;
      }
      merge(*into, e, merge_only[i] != Standing::event);
    } else if (merge_only[i] != Standing::reference || (may_found_action[i] && told_dated[i] == 0 && unmatched_reference(kept, e))) {
      kept.push_back(std::move(e));
      kept_told.push_back(told_dated[i]);
    }
  }
  place_country_level_in_town(kept, doc, seg, mentions, gaz);
  for (size_t k = 0; k < kept.size(); ++k)
    if (kept_told[k] == 3 && !kept[k].background)
      if (const auto earlier = earlier_day_of_next_lines(doc, seg, kept[k])) kept[k].when = *earlier;
  // An event's date when the text gives none: the story's day (its first
  // dated action's) when it has one, else the report's, as a week.
  std::optional<DateSpan> story_day;
  uint32_t story_first = 0;
  for (const Event& e : kept)
    if (e.when.date && !e.background && e.when.precision == 1 && (!story_day || e.start < story_first)) {
      story_day = e.when;
      story_first = e.start;
    }
  for (Event& e : kept) {
    if (e.when.date || e.background) continue;
    if (story_day && story_first < e.start) {
      e.when = *story_day;
    } else if (const auto next = day_of_next_lines(doc, seg, e)) {
      e.when = *next;
    } else if (doc.published) {
      e.when.date = doc.published;
      e.when.precision = 2;
    }
  }
  // "the 1994 genocide", "the Westgate attack in September 2013": an action years before the report is its context.
  if (doc.published)
    for (Event& e : kept)
      if (e.when.date && days_from_civil(*doc.published) - days_from_civil(*e.when.date) > 2 * 365) e.background = true;
  std::sort(kept.begin(), kept.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
  for (size_t i = 0; i < kept.size(); ++i) kept[i].event_id = doc.id + "-" + std::to_string(i + 1);
  return kept;
}

}  // namespace sitmap
