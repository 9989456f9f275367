#include "core/fold.hpp"
#include "extract/events.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <span>

#include "extract/dates.hpp"
#include "extract/toponyms.hpp"

namespace sitmap {

namespace {

constexpr long kMaxPlausibleCount = 10'000'000;

bool in(const std::set<std::string, std::less<>>& s, std::string_view w) { return s.count(w) > 0; }

const std::set<std::string, std::less<>> kAirWords = {
    "warplanes", "warplane", "jets", "jet", "aircraft", "planes", "plane", "bombers", "bomber", "fighters",
    "fighter", "drone", "drones", "air", "airstrikes", "airstrike", "sorties", "helicopter", "helicopters",
    "rafale", "mirage", "sukhoi", "f-16", "tornado"};
const std::set<std::string, std::less<>> kModal = {
    "would", "could", "might", "may", "should", "will", "unlikely", "if", "vowed", "threatened", "plans",
    "planned", "promise", "pledged", "capitalise", "capitalize", "stop", "reconsider", "deny", "denied", "fear", "feared",
    "fears", "threat", "threats", "warning", "alert", "risk", "prevent", "foiled", "possible", "possibility"};
// Armed groups without aircraft: never the actor of an air strike.
const std::set<std::string, std::less<>> kGroundOnlyActors = {"Islamic State", "Al Nusra Front", "Syrian rebels",
                                                              "Kurdish forces", "Hezbollah"};
const std::set<std::string, std::less<>> kAnaphora = {"city", "town", "village", "area", "there", "province", "region"};
const std::set<std::string, std::less<>> kArmedNouns = {
    "warplanes", "jets", "aircraft", "planes", "forces", "troops", "strikes", "raids", "airstrikes", "army",
    "military", "soldiers", "fighters", "bombers", "artillery", "drones", "navy", "police", "militias"};

struct TriggerHit {
  size_t first, last;  // tokens
  const TriggerRule* rule;
};

struct Action {
  std::vector<TriggerHit> triggers;  // primary first
  std::string event_type, sub_event_type;
  bool weak = false;
  size_t first() const { return triggers.front().first; }
  size_t last() const { return triggers.front().last; }
  size_t distance(size_t a, size_t b) const {  // token gap to a span
    size_t d = SIZE_MAX;
    for (const auto& t : triggers) {
      const size_t g = b < t.first ? t.first - b : a > t.last ? a - t.last : 0;
      d = std::min(d, g);
    }
    return d;
  }
};

// One sentence's view; builds draft events.
struct SentenceReader {
  const Document& doc;
  const Segmented& seg;
  const Sentence& s;
  std::span<const Mention> mentions;  // the sentence's (or all: each use checks the sentence)
  const Gazetteer& gaz;
  const Lexicon& lex;
  bool doc_air_context;
  std::vector<std::string>* warnings;

  std::vector<std::string> words;  // lower case, sentence tokens
  size_t base() const { return s.first_token; }
  size_t size() const { return s.token_count; }

  void load() {
    words.clear();
    for (size_t k = 0; k < size(); ++k) words.push_back(ascii_lower(token_text(doc.text, seg.tokens[base() + k])));
  }

  bool sentence_has(const std::set<std::string, std::less<>>& set) const {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return in(set, w); });
  }

  std::vector<TriggerHit> find_triggers() const {
    std::vector<TriggerHit> hits;
    const bool air_here = sentence_has(kAirWords);
    for (size_t k = 0; k < size();) {
      const TriggerRule* found = nullptr;
      for (const auto& rule : lex.triggers) {
        if (k + rule.words.size() > size()) continue;
        if (std::equal(rule.words.begin(), rule.words.end(), words.begin() + static_cast<long>(k))) {
          found = &rule;
          break;
        }
      }
      if (!found) { ++k; continue; }
      const size_t n = found->words.size();
      bool keep = true;
      // "hit", "targeted": actions only where aircraft are spoken of.
      if (found->strength == TriggerStrength::air && !air_here && (words[k] == "hit" || words[k] == "hitting" ||
                                                                    words[k] == "targeted" || words[k] == "targeting"))
        keep = false;
      if (found->strength == TriggerStrength::air && !air_here && !doc_air_context) keep = false;
      // Hypothetical or negated: "would seek to capitalise on the strikes".
      for (size_t j = k; j-- > 0 && j + 15 > k && keep;) {
        if (words[j] == "," || words[j] == ";" || words[j] == "but" || words[j] == "\xE2\x80\x94") break;
        if (in(kModal, words[j])) keep = false;
      }
      if (keep) hits.push_back({base() + k, base() + k + n - 1, found});
      k += n;
    }
    return hits;
  }

  // ACLED's precedence when one action is told with words of two kinds:
  // explosions over battles over violence against civilians.
  static int precedence(const std::string& event_type) {
    if (event_type == "Explosions/Remote violence") return 0;
    if (event_type == "Battles") return 1;
    if (event_type == "Violence against civilians") return 2;
    return 3;
  }

  std::vector<Action> group(const std::vector<TriggerHit>& hits) const {
    std::vector<Action> actions;
    std::vector<const TriggerHit*> weak;
    for (const auto& h : hits) {
      if (h.rule->strength == TriggerStrength::weak) { weak.push_back(&h); continue; }
      const bool adjacent = !actions.empty() && h.first <= actions.back().triggers.back().last + 2;
      // "struck a peace rally": a protest that is an attack's object is no protest event.
      if (h.rule->event_type == "Protests" && &h != &hits.front() && h.first <= (&h - 1)->last + 5) continue;
      // Consecutive strong words for one action: "launched raids", "suicide bomber attacked".
      if (adjacent) {
        Action& a = actions.back();
        if (precedence(h.rule->event_type) < precedence(a.event_type)) {
          a.triggers.insert(a.triggers.begin(), h);
          a.event_type = h.rule->event_type;
          a.sub_event_type = h.rule->sub_event_type;
        } else {
          a.triggers.push_back(h);
        }
        continue;
      }
      actions.push_back({{h}, h.rule->event_type, h.rule->sub_event_type, false});
    }
    for (const TriggerHit* h : weak) {
      // Deaths, blasts and damage belong to the sentence's nearest strong action.
      Action* nearest = nullptr;
      size_t best = SIZE_MAX;
      for (auto& a : actions) {
        const size_t d = a.distance(h->first, h->last);
        if (!a.weak && d < best) { best = d; nearest = &a; }
      }
      if (nearest) { nearest->triggers.push_back(*h); continue; }
      Action lone{{*h}, h->rule->event_type, h->rule->sub_event_type, true};
      // "aircraft destroyed 116 trucks": destruction by aircraft is an air strike.
      if (h->rule->event_type == "Strategic developments" && sentence_has(kAirWords)) {
        lone.event_type = "Explosions/Remote violence";
        lone.sub_event_type = "Air/drone strike";
        lone.weak = false;
      }
      actions.push_back(lone);
    }
    std::sort(actions.begin(), actions.end(), [](const Action& a, const Action& b) { return a.first() < b.first(); });
    return actions;
  }

  // "after the Paris attacks", "in the wake of the strikes": an earlier
  // event referred to, not one reported here.
  bool is_reference(const Action& act) const {
    const size_t k = act.first() - base();
    // "a day after Moscow said a bomb brought down its airliner": an earlier event, retold.
    bool speech = false;
    for (size_t back = 1; back <= 8 && back <= k; ++back) {
      const std::string& w = words[k - back];
      if (w == "," || w == ";") break;
      if (w == "said" || w == "confirmed" || w == "announced" || w == "concluded") speech = true;
      if (speech && (w == "after" || w == "since")) return true;
    }
    for (size_t back = 1; back <= 4 && back <= k; ++back) {
      const std::string& w = words[k - back];
      if (w == "after" || w == "following" || w == "since" || w == "wake" || w == "response" || w == "before" ||
          w == "like" || w == "avenge")
        return true;
      if (w != "the" && w != "of" && w != "to" && !std::isupper(static_cast<unsigned char>(token_text(doc.text, seg.tokens[act.first() - back])[0])))
        return false;
    }
    return false;
  }

  // The action a date cue dates: the one before it in its clause ("struck
  // Raqqa on Sunday"), else the nearest ("Friday's attacks").
  size_t action_for_cue(const DateCue& c, const std::vector<Action>& actions) const {
    for (size_t b = actions.size(); b-- > 0;) {
      if (actions[b].last() >= c.first_token) continue;
      bool same_clause = true;
      for (size_t k = actions[b].last() + 1; k < c.first_token; ++k)
        if (words[k - base()] == "," || words[k - base()] == ";") same_clause = false;
      if (same_clause) return b;
      break;
    }
    size_t nearest = 0, nd = SIZE_MAX;
    for (size_t b = 0; b < actions.size(); ++b) {
      const size_t d = actions[b].distance(c.first_token, c.last_token);
      if (d < nd) { nd = d; nearest = b; }
    }
    return nearest;
  }

  bool is_possessive_or_subject(const Mention& m) const {
    const size_t k = m.last_token + 1 - base();
    if (k >= size()) return false;
    if ((words[k] == "'" || words[k] == "\xE2\x80\x99") && k + 1 < size() && words[k + 1] == "s") return true;
    return words[k] == "said" || words[k] == "says" || words[k] == "has" || words[k] == "had";
  }

  // Which of the sentence's places can be an action's location.
  bool locatable(const Mention& m) const {
    if (m.candidates.empty() || m.demonym || m.in_name) return false;
    const Place p = gaz.place(m.candidates.front().entry);
    if (is_possessive_or_subject(m)) return false;
    if (p.kind == PlaceKind::country || p.kind == PlaceKind::continent)
      return m.cue == "in" || m.cue == "near" || m.cue == "across" || m.cue == "over" || m.cue == "into" ||
             m.cue == "throughout" || m.cue == "within";
    return true;
  }

  // The place tied to each action: prepositional places go to the action
  // before them, bare modifiers ("Paris attacks") to the action after.
  std::vector<const Mention*> assign_places(const std::vector<Action>& actions) const {
    std::vector<const Mention*> chosen(actions.size(), nullptr);
    std::vector<size_t> chosen_distance(actions.size(), SIZE_MAX);
    for (const Mention& m : mentions) {
      if (m.sentence != static_cast<uint32_t>(&s - seg.sentences.data()) || !locatable(m)) continue;
      size_t best = SIZE_MAX, best_action = 0;
      for (size_t a = 0; a < actions.size(); ++a) {
        const size_t d = actions[a].distance(m.first_token, m.last_token);
        const bool after_action = m.first_token > actions[a].last();
        // Prefer the action a cue phrase completes; penalise the other side.
        const size_t cost = d * 2 + ((!m.cue.empty() && m.cue != "and") == after_action ? 0 : 3);
        if (cost < best) { best = cost; best_action = a; }
      }
      if (best == SIZE_MAX || best > 40) continue;
      auto specificity = [&](const Mention* x) {
        const PlaceKind k = gaz.place(x->candidates.front().entry).kind;
        return k == PlaceKind::city ? 0 : k == PlaceKind::admin2 ? 1 : k == PlaceKind::admin1 ? 2 : 3;
      };
      if (best < chosen_distance[best_action] ||
          (best == chosen_distance[best_action] && specificity(&m) < specificity(chosen[best_action]))) {
        chosen[best_action] = &m;
        chosen_distance[best_action] = best;
      }
    }
    return chosen;
  }

  // Actor words and peoples in the sentence: (token, normalised actor).
  std::vector<std::pair<size_t, std::string>> actor_mentions() const {
    std::vector<std::pair<size_t, std::string>> out;
    for (size_t k = 0; k < size();) {
      const ActorRule* found = nullptr;
      for (const auto& rule : lex.actors) {
        if (k + rule.words.size() > size()) continue;
        if (std::equal(rule.words.begin(), rule.words.end(), words.begin() + static_cast<long>(k))) { found = &rule; break; }
      }
      if (found) {
        // "IS" is the group only in capitals; "is" is a verb.
        const std::string_view raw = token_text(doc.text, seg.tokens[base() + k]);
        if (!(found->words.size() == 1 && found->words[0] == "is" && raw != "IS")) out.emplace_back(base() + k, found->actor);
        k += found->words.size();
        continue;
      }
      ++k;
    }
    for (const Mention& m : mentions) {
      if (m.sentence != static_cast<uint32_t>(&s - seg.sentences.data()) || m.candidates.empty() || m.in_name) continue;
      const Place p = gaz.place(m.candidates.front().entry);
      if (p.kind != PlaceKind::country) continue;
      const size_t next = m.last_token + 1 - base();
      const bool armed = next < size() && in(kArmedNouns, words[next]);
      const bool named_already = std::any_of(out.begin(), out.end(), [&](const auto& a) { return a.first == m.first_token; });
      if (!named_already && (m.demonym || armed || is_possessive_or_subject(m) || m.cue.empty()))
        out.emplace_back(m.first_token, std::string(p.name));  // "US-led coalition" stays the coalition
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::optional<long> count_before(size_t k, size_t window) const {
    for (size_t j = k; j-- > (k > window ? k - window : 0);) {
      if (auto n = parse_count(words, j)) return n;
    }
    return std::nullopt;
  }

  void numbers(Event& e, size_t self, const std::vector<Action>& actions) const {
    auto mine = [&](size_t k) {  // is sentence token k nearest to this action?
      size_t best = SIZE_MAX, who = 0;
      for (size_t a = 0; a < actions.size(); ++a) {
        const size_t d = actions[a].distance(base() + k, base() + k);
        if (d < best) { best = d; who = a; }
      }
      return who == self;
    };
    static const std::set<std::string, std::less<>> aircraft = {"warplanes", "aircraft", "jets", "planes", "fighters", "bombers", "drones"};
    static const std::set<std::string, std::less<>> munitions = {"bombs", "missiles", "rockets", "munitions", "shells", "mortars"};
    static const std::set<std::string, std::less<>> blasts = {"explosions", "blasts"};
    static const std::set<std::string, std::less<>> vehicles = {"trucks", "tankers", "vehicles", "lorries"};
    static const std::set<std::string, std::less<>> dead = {"killed", "dead", "died", "killing"};
    for (size_t k = 0; k < size(); ++k) {
      const std::string& w = words[k];
      if (!mine(k)) continue;
      auto note = [&](const char* key) {
        if (auto n = count_before(k, 4)) e.quantities[key] = std::max(e.quantities[key], *n);
      };
      if (in(aircraft, w)) note("aircraft");
      else if (in(munitions, w)) note("munitions");
      else if (in(blasts, w)) note("explosions");
      else if (in(vehicles, w)) note("vehicles_destroyed");
      if (in(dead, w)) {
        // "killed at least 129 people" / "129 people were killed" / "the attacks that killed 129".
        std::optional<long> n;
        for (size_t j = k + 1; j < std::min(size(), k + 5) && !n; ++j) n = parse_count(words, j);
        if (!n) n = count_before(k, 5);
        if (n && (!e.fatalities || *n < *e.fatalities)) e.fatalities = static_cast<int>(*n);
      }
      if (w == "toll" && k + 1 < size()) {
        for (size_t j = k + 1; j < std::min(size(), k + 6); ++j)
          if (auto n = parse_count(words, j)) { e.fatalities = static_cast<int>(*n); break; }
      }
    }
    for (const auto& t : lex.targets) {
      for (size_t k = 0; k + t.size() <= size(); ++k) {
        if (!std::equal(t.begin(), t.end(), words.begin() + static_cast<long>(k)) || !mine(k)) continue;
        std::string name;
        for (const auto& w : t) name += (name.empty() ? "" : " ") + w;
        const bool covered = std::any_of(e.targets.begin(), e.targets.end(), [&](const std::string& x) { return x.find(name) != std::string::npos; });
        if (!covered) e.targets.push_back(name);
      }
    }
  }

  std::vector<Event> read(std::vector<bool>& merge_only) {
    load();
    std::vector<Event> events;
    auto actions = group(find_triggers());
    if (actions.empty()) return events;
    const bool background = is_background();
    if (background) {  // campaign context: one action per kind, however many words state it
      std::vector<Action> merged;
      for (auto& a : actions) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const Action& m) { return m.event_type == a.event_type; });
        if (same == merged.end()) merged.push_back(a);
        else same->triggers.insert(same->triggers.end(), a.triggers.begin(), a.triggers.end());
      }
      actions = std::move(merged);
    }
    const auto places = assign_places(actions);
    const auto actors = actor_mentions();
    const auto cues = find_date_cues(doc, seg, s, warnings);
    bool anaphora = false;
    for (size_t k = 0; k + 1 < size(); ++k) {
      const bool the_place = words[k] == "the" && (in(kAnaphora, words[k + 1]) ||  // "the city", "the entire city"
                             (words[k + 1] == "entire" && k + 2 < size() && in(kAnaphora, words[k + 2])));
      if (the_place || words[k] == "there") anaphora = true;
    }

    for (size_t a = 0; a < actions.size(); ++a) {
      const Action& act = actions[a];
      const Mention* place = places[a];
      // A headline restates the report's events: it adds evidence, never an event of its own.
      const bool headline = !doc.title.empty() && doc.text.compare(s.start, s.end - s.start, doc.title) == 0;
      const bool reference = headline || is_reference(act);
      if (!place && !anaphora) continue;
      Event e;
      e.event_type = act.event_type;
      e.sub_event_type = act.sub_event_type;
      e.document_id = doc.id;
      e.start = s.start;
      e.end = s.end;
      e.sentence = doc.text.substr(s.start, s.end - s.start);
      const TriggerHit& primary = act.triggers.front();
      e.trigger_start = seg.tokens[primary.first].start;
      e.trigger_end = seg.tokens[primary.last].end;
      e.trigger = doc.text.substr(e.trigger_start, e.trigger_end - e.trigger_start);
      // Date: the nearest cue that dates this action (not the telling).
      const DateCue* best = nullptr;
      size_t best_d = SIZE_MAX;
      for (const auto& c : cues) {
        if (c.reporting || action_for_cue(c, actions) != a) continue;
        const size_t d = act.distance(c.first_token, c.last_token);
        if (d < best_d) { best = &c; best_d = d; }
      }
      if (best) e.when = best->span;
      e.background = background || (best && best->since);
      // Actors: the nearest before the trigger acts; one right after is its target.
      const bool air = act.sub_event_type == "Air/drone strike";
      for (const auto& [tok, name] : actors) {
        if (tok < act.first() && !(air && in(kGroundOnlyActors, name))) e.actor1 = name;
      }
      for (const auto& [tok, name] : actors) {
        const size_t k = tok - base();
        const bool object = tok > act.last() && (tok <= act.last() + 2 ||
                            (k > 0 && (words[k - 1] == "against" || words[k - 1] == "on") && tok <= act.last() + 6));
        if (object && name != e.actor1) { e.actor2 = name; break; }
      }
      if (place) {
        const Place p = gaz.place(place->candidates.front().entry);
        fill_place(e, p, *place);
      } else {
        e.geo_precision = 4;  // no place of its own: never donates one in a merge
        merge_only.push_back(true);
        events.push_back(std::move(e));
        continue;
      }
      numbers(e, a, actions);
      // A lone "killed" or "destroyed" is an event only with a count; a blast is one anyway.
      if (act.weak && !e.fatalities && e.quantities.empty() && act.event_type != "Explosions/Remote violence") {
        continue;
      }
      const double strength = act.weak ? 0.5 : 1.0;
      e.confidence = 0.45 * resolution_confidence(*place) + 0.35 * strength + 0.2 * (e.actor1.empty() ? 0.0 : 1.0);
      merge_only.push_back(reference);
      events.push_back(std::move(e));
    }
    return events;
  }

  // Campaign context rather than a reported action: "is a regular target",
  // "has been carrying out strikes", "which were launched on September 30".
  bool is_background() const {
    if (sentence_has({"regularly", "regular", "routinely", "repeatedly"})) return true;
    for (size_t k = 0; k + 1 < size(); ++k) {
      const std::string& a = words[k];
      const std::string& b = words[k + 1];
      if ((a == "has" || a == "have") && b == "been" && k + 2 < size() && words[k + 2].size() > 3 &&
          words[k + 2].compare(words[k + 2].size() - 3, 3, "ing") == 0)
        return true;
      if ((a == "were" || a == "was") && (b == "launched" || b == "begun" || b == "started")) return true;
      if (a == "began" || a == "since") return true;
    }
    return false;
  }



  void fill_place(Event& e, const Place& p, const Mention& m) const {
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
                          (m.cue.find(" of") != std::string::npos && m.cue.find("th") != std::string::npos &&
                           (m.cue.rfind("north", 0) == 0 || m.cue.rfind("south", 0) == 0)) ||
                          m.cue.rfind("east of", 0) == 0 || m.cue.rfind("west of", 0) == 0;
    if (relative) e.geo_relation = m.cue;
    switch (p.kind) {
      case PlaceKind::city: e.geo_precision = relative ? 2 : 1; break;
      case PlaceKind::admin2: e.geo_precision = 2; break;
      default: e.geo_precision = 3;
    }
  }
};

std::string family(const Event& e) { return e.event_type; }

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

bool actors_agree(const Event& a, const Event& b) {
  return a.actor1.empty() || b.actor1.empty() || a.actor1 == b.actor1 || a.geo_precision == 3 || b.geo_precision == 3;
}

// Folds `from` into `into`, keeping the more specific place and the
// stronger evidence's provenance.
void merge(Event& into, Event& from) {
  auto specificity = [](const Event& e) { return e.geo_precision * 2 + (e.location == e.country ? 1 : 0); };
  const bool from_more_specific = specificity(from) < specificity(into);
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
  // Sub-type: the strong evidence's (an air strike over "explosions").
  if (into.sub_event_type == "Remote explosive/landmine/IED" && from.sub_event_type != into.sub_event_type)
    into.sub_event_type = from.sub_event_type;
  if (from.fatalities && (!into.fatalities || *from.fatalities < *into.fatalities)) into.fatalities = from.fatalities;
  for (const auto& [k, v] : from.quantities) into.quantities[k] = std::max(into.quantities[k], v);
  for (const auto& t : from.targets)
    if (std::find(into.targets.begin(), into.targets.end(), t) == into.targets.end()) into.targets.push_back(t);
  into.confidence = std::min(0.99, std::max(into.confidence, from.confidence) + 0.05);
  into.evidence_count += from.evidence_count;
}

}  // namespace

std::optional<long> parse_count(const std::vector<std::string>& words, size_t at, size_t* used) {
  if (at >= words.size()) return std::nullopt;
  static const std::map<std::string, long, std::less<>> named = {
      {"one", 1},     {"two", 2},      {"three", 3},     {"four", 4},      {"five", 5},     {"six", 6},
      {"seven", 7},   {"eight", 8},    {"nine", 9},      {"ten", 10},      {"eleven", 11},  {"twelve", 12},
      {"thirteen", 13}, {"fifteen", 15}, {"twenty", 20}, {"thirty", 30},   {"forty", 40},   {"fifty", 50},
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
  // Does the report speak of aircraft at all? Then "strikes" are air strikes.
  int air_words = 0;
  for (const Token& t : seg.tokens) {
    if (in(kAirWords, ascii_lower(token_text(doc.text, t)))) ++air_words;
  }
  std::vector<Event> drafts;
  std::vector<bool> merge_only;
  // Each sentence reads its own mentions (they come in sentence order), not
  // all of the report's: a long report was quadratic here.
  const bool in_order = std::is_sorted(mentions.begin(), mentions.end(),
                                       [](const Mention& a, const Mention& b) { return a.sentence < b.sentence; });
  size_t lo = 0;
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    while (lo < mentions.size() && mentions[lo].sentence < si) ++lo;
    size_t hi = lo;
    while (hi < mentions.size() && mentions[hi].sentence == si) ++hi;
    const std::span<const Mention> own = in_order ? std::span<const Mention>(mentions.data() + lo, hi - lo) : std::span<const Mention>(mentions);
    SentenceReader r{doc, seg, seg.sentences[si], own, gaz, lex, air_words >= 1, warnings, {}};
    auto events = r.read(merge_only);
    for (auto& e : events) drafts.push_back(std::move(e));
  }

  // Merge: specific events first absorb their other mentions.
  std::vector<Event> kept;
  std::vector<size_t> order(drafts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (merge_only[a] != merge_only[b]) return !merge_only[a];
    return drafts[a].geo_precision < drafts[b].geo_precision;
  });
  for (size_t i : order) {
    Event& e = drafts[i];
    bool merged = false;
    for (Event& k : kept) {
      if (family(k) != family(e) || k.background != e.background) continue;
      const bool where = merge_only[i] ? true : same_place(k, e);
      if (where && dates_agree(k, e) && actors_agree(k, e) && (!merge_only[i] || k.location_start)) {
        merge(k, e);
        merged = true;
        break;
      }
    }
    if (!merged && !merge_only[i]) kept.push_back(std::move(e));
  }
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
