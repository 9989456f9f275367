#include "extract/sentence_events.hpp"

// Where an action happened: the place phrase its own clause ties to it.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "core/fold.hpp"
#include "core/geo.hpp"
#include "core/place_words.hpp"
#include "extract/dates.hpp"
#include "extract/events.hpp"
#include "extract/toponyms.hpp"

namespace sitmap::event_reading {

bool SentenceEvents::place_in(int c) const {
  if (c < 0) return false;
  for (size_t m : here)
    if (within_chunk(mentions[m], c) && !mentions[m].candidates.empty() && !mentions[m].demonym) return true;
  return false;
}

bool SentenceEvents::within_chunk(const Mention& m, int c) const {
  const Chunk& ch = chunk(c);
  return m.first_token >= v.token(ch.first) && m.last_token <= v.token(ch.last);
}

// ---- where -------------------------------------------------------------------
// "Quetta Railway Station", "Kabul University", "Mogadishu Stadium": a town that
// opens the name of a place in it, where what happens there happens in the town.
bool SentenceEvents::facility_of_town(const Mention& m) const {
  if (m.candidates.empty() || kind_of(m) != PlaceKind::city) return false;
  for (size_t k = m.last_token + 1; k < seg.tokens.size() && k <= m.last_token + 4 && seg.tokens[k].capitalized; ++k)
    if (one_of(ascii_lower(token_text(doc.text, seg.tokens[k])),
               {"station", "airport",  "university", "hospital", "stadium",    "prison",  "jail",      "market",
                "bazaar",  "bridge",   "square",     "hotel",    "mosque",     "church",  "cathedral", "port",
                "harbour", "harbor",   "camp",       "airbase",  "cantonment", "college", "airfield",  "plant",
                "dam",     "refinery", "barracks",   "centre",   "center",     "complex", "base"}))
      return true;
  return false;
}

// Can this mention be where an action happened? A country only when a
// location word governs it ("in Syria"), not as a people or a side.
bool SentenceEvents::locatable(const Mention& m, bool in_location_phrase) const {
  if (m.candidates.empty() || m.demonym || m.dateline) return false;
  // "the Aleppo Central Prison", "shelled the Kandahar Airfield": a site named after its town is in it,
  // where the action is told, whether a location word governs it or the site is what was hit.
  if (m.in_name && !facility_of_town(m)) return false;
  if (m.first_token < v.s.first_token) return false;  // in a dateline cut off the sentence
  if (telling_place(m)) return false;
  const Place p = gaz.place(m.candidates.front().entry);
  // "the Organization for Security and Co-operation in Europe": a continent
  // is in names and summaries, never where one action happened.
  if (p.kind == PlaceKind::continent) return false;
  {  // "Tamil Tiger rebels", "Kabul police": a place naming an actor, not where it acted
    const int c = v.parse.chunk_of[m.last_token - v.s.first_token];
    const uint32_t head = chunk(c).head;
    if (head > m.last_token - v.s.first_token && lex.roles.ends_at(v.words, chunk(c).first, head, Role::armed)) return false;
  }
  const size_t after = m.last_token + 1 - v.s.first_token;
  const bool possessive = after + 1 < v.size() && word(after) == "'" && word(after + 1) == "s";
  if (possessive) {  // "Kabul's Paghman district" names a place; "Syria's president" does not
    size_t k = after + 2;
    // "Baghdad's mainly Shiite neighbourhood": adverbs and adjectives before the place word.
    // ("Rio de Janeiro's north zone", "Kabul's west": a compass point of the city, or a part named by one.)
    while (k < v.size() && (v.parse.tags[k] == Pos::JJ || v.parse.tags[k] == Pos::NNP || v.parse.tags[k] == Pos::RB ||
                            (is_compass_point(word(k)) && k + 1 < v.size() && one_of(word(k + 1), {"zone", "side", "end"}))))
      ++k;
    // "Istanbul's Istiklal Avenue": a named street, square or market of the city is in it too.
    const bool street =
        k > after + 2 && one_of(word(k - 1), {"avenue", "street", "square", "road", "boulevard", "bridge", "market", "highway"});
    const bool part = k < v.size() && (one_of(word(k), {"zone", "side", "end"}) || (k == after + 2 && is_compass_point(word(k))));
    // "in Dhaka's Gulshan", "Kabul's Shahr-e Naw": a city's own named part, a name alone after it (a country's named
    // things are as often its people: "Syria's Assad").
    const bool named_part =
        p.kind == PlaceKind::city && k > after + 2 && v.parse.tags[k - 1] == Pos::NNP && (k >= v.size() || !is_noun(v.parse.tags[k]));
    if (!street && !part && !named_part && (k >= v.size() || !lex.roles.is(word(k), Role::territory))) return false;
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

// "who flew back overnight from the G20 summit in Buenos Aires", "returned from a visit to Beijing": where
// someone travelled from, not where the story is.
bool travelled_from(const Document& doc, const Segmented& seg, uint32_t sentence_first, const Mention& m) {
  auto lower = [&](uint32_t k) { return ascii_lower(token_text(doc.text, seg.tokens[k])); };
  for (uint32_t k = m.first_token; k-- > sentence_first && k + 6 >= m.first_token;) {
    if (seg.tokens[k].kind == TokenKind::punct) return false;
    if (lower(k) != "from") continue;
    // ("flew back overnight from": the travel's word a little before.)
    bool travel = false;
    for (uint32_t j = k; j-- > sentence_first && j + 3 >= k;)
      travel = travel || one_of(lower(j), {"back", "returned", "returning", "returns", "flew", "flown", "arrived", "arriving", "travelled",
                                           "traveled", "travelling", "traveling"});
    bool trip = false;
    for (uint32_t j = k + 1; j < m.first_token; ++j)
      trip = trip || one_of(lower(j), {"summit", "trip", "visit", "tour", "conference", "talks", "meeting"});
    return travel || trip;
  }
  return false;
}

// "the defence secretary said in Moscow", "told reporters in Kabul", "told
// a news conference in Bamako": where the telling was, not the action.
bool told_at(const Document& doc, const Segmented& seg, uint32_t sentence_first, const Mention& m) {
  auto lower = [&](uint32_t k) { return ascii_lower(token_text(doc.text, seg.tokens[k])); };
  const uint32_t first = m.first_token;
  if (first < sentence_first + 2 || !one_of(lower(first - 1), {"in", "at", "from"})) return false;
  // "according to a military source in Pemba", "an official in Kabul said": where the teller sits.
  // ("killed a district official in Jalalabad": the victim, not a teller; a teller tells, or is cited.)
  if (one_of(lower(first - 2), {"source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "correspondent",
                                "correspondents", "diplomat", "diplomats", "analyst", "analysts"})) {
    // The telling right after the place ("officials in Kabul said", "... in Kabul have said"), or
    // "according to" just before the teller; no punctuation between.
    for (uint32_t k = m.last_token + 1; k < std::min<size_t>(seg.tokens.size(), m.last_token + 4); ++k) {
      if (seg.tokens[k].kind == TokenKind::punct) break;
      if (is_reporting_verb(lower(k)) || one_of(lower(k), {"say", "tell", "tells"})) return true;
      if (!one_of(lower(k), {"has", "have", "had", "also", "later"})) break;
    }
    // ... or the telling just before the teller ("said a European diplomat in Kiev"), no other verb between.
    for (uint32_t k = first - 2; k-- > sentence_first && k + 7 >= first;) {
      if (seg.tokens[k].kind == TokenKind::punct) break;
      const std::string w = lower(k);
      if (w == "according" || is_reporting_verb(w)) return true;
      if (w.size() > 3 && w.ends_with("ed")) break;  // "killed a district official in Jalalabad"
    }
    return false;
  }
  // "the defence ministry in Moscow said": the teller's seat, the telling right after it.
  if (one_of(lower(first - 2), {"ministry", "ministries", "embassy", "government", "authorities", "agency", "command", "headquarters"}) &&
      m.last_token + 1 < seg.tokens.size() && is_reporting_verb(lower(m.last_token + 1)))
    return true;
  for (uint32_t k = first - 1; k-- > sentence_first && k + 6 >= first;) {
    if (seg.tokens[k].kind == TokenKind::punct) return false;
    const std::string w = lower(k);
    if (is_reporting_verb(w) || w == "speaking") {
      // "strikes were (also) reported in Dnipro": a passive report tells where the action was.
      uint32_t aux = k;
      while (aux > sentence_first &&
             (one_of(lower(aux - 1), {"also", "first", "later", "again", "widely"}) || lower(aux - 1).ends_with("ly")))
        --aux;
      return aux == sentence_first || !one_of(lower(aux - 1), {"was", "were", "been", "be"});
    }
  }
  return false;
}

// "sixty", "twenty-five": a distance in words (not "several", "dozens": no figure to go by).
static std::optional<long> spelled_distance(const std::string& word) {
  if (word.empty() || std::isdigit(static_cast<unsigned char>(word[0])) ||
      one_of(word, {"several", "many", "dozens", "hundreds", "thousands", "scores"}))
    return std::nullopt;
  return parse_count({word}, 0);
}

// "some 600 kilometres northwest of the capital Port Moresby", "80 kilometres (50
// miles) north of Beni": how far off the landmark a bearing counts from is; 0 when
// the mention is no such landmark.
double landmark_km(const Document& doc, const Segmented& seg, const Mention& m) {
  auto lower = [&](uint32_t k) { return ascii_lower(token_text(doc.text, seg.tokens[k])); };
  uint32_t k = m.first_token;  // ("of the capital Port Moresby": the cue's "of" a few words before the name)
  while (k > 0 && k + 4 > m.first_token && lower(k - 1) != "of") --k;
  if (k < 3 || lower(k - 1) != "of" || !bearing_cue(lower(k - 2) + " of")) return 0;
  uint32_t j = k - 3;                            // the distance's last word: "600 kilometres", "80 kilometres (50 miles)", "600km"
  if (k >= 5 && lower(k - 3) == "-") j = k - 5;  // "north-west of": the bearing in three tokens
  if (lower(j) == ")")
    while (j > 0 && lower(j) != "(") --j;
  if (lower(j) == "(" && j > 0) --j;
  std::string figures, unit;
  if (distance_unit(lower(j)) && j > 0) {
    unit = lower(j);
    for (char ch : token_text(doc.text, seg.tokens[j - 1]))
      if (ch != ',') figures += ch;
    if (const auto spelled = spelled_distance(lower(j - 1))) figures = std::to_string(*spelled);  // "some sixty kilometres"
  } else {  // "600km": the figures and the unit in one word
    const std::string w = lower(j);
    const size_t digits = w.find_first_not_of("0123456789,");
    if (digits == std::string::npos || digits == 0) return 0;
    unit = w.substr(digits);
    for (char ch : w.substr(0, digits))
      if (ch != ',') figures += ch;
  }
  if (!distance_unit(unit) || figures.empty() || figures.find_first_not_of("0123456789") != std::string::npos || figures.size() > 6)
    return 0;
  const double miles = one_of(unit, {"miles", "mile"}) ? 1.609 : 1.0;
  const double metres = one_of(unit, {"metres", "meters"}) ? 0.001 : 1.0;
  return std::stod(figures) * miles * metres;
}

// "70 kilometers north of Santa Elena": the point that far along the bearing (a place the gazetteer lacks,
// put where the text says; the location keeps the landmark's name and the cue).
GeoPoint off_by_bearing(GeoPoint from, std::string_view cue, double km) {
  if (km < 5.0 || km > 500.0) return from;
  const bool north = cue.starts_with("north"), south = cue.starts_with("south");
  const bool east = cue.find("east") != std::string_view::npos, west = cue.find("west") != std::string_view::npos;
  if (!north && !south && !east && !west) return from;
  const double across = east ? 90.0 : west ? 270.0 : 0.0;  // east or west alone
  const double bearing = north ? (east ? 45.0 : west ? 315.0 : 0.0) : south ? (east ? 135.0 : west ? 225.0 : 180.0) : across;
  return destination_point(from, bearing, km);
}

// A landmark too far away (50 km or more) to be where the story goes on.
bool far_landmark(const Document& doc, const Segmented& seg, const Mention& m) { return landmark_km(doc, seg, m) >= 50.0; }

bool SentenceEvents::telling_place(const Mention& m) const { return told_at(doc, seg, v.s.first_token, m); }

bool distance_unit(std::string_view w) { return one_of(w, {"km", "kilometres", "kilometers", "miles", "mile", "metres", "meters"}); }

// "south of", "north-east of": a place given by its bearing from another.
bool bearing_cue(std::string_view cue) {
  if (cue.size() <= 3 || !cue.ends_with(" of")) return false;
  const auto points = compass_points();
  return std::any_of(points.begin(), points.end(), [&](const CompassPoint& p) { return p.cardinal && cue.starts_with(p.name); });
}

int SentenceEvents::specificity(const Mention& m) const {
  const PlaceKind k = kind_of(m);
  return k == PlaceKind::city ? 0 : k == PlaceKind::admin2 ? 1 : k == PlaceKind::admin1 ? 2 : 3;
}

// A mention left without candidates (a namesake on another continent, set
// aside) still names a place: it is what unresolved_name looks for.
bool SentenceEvents::covered_by_mention(uint32_t doc_token) const { return mention_covers(mentions, doc_token); }

bool mention_covers(const std::vector<Mention>& mentions, uint32_t doc_token) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const Mention& m) { return !m.candidates.empty() && m.first_token <= doc_token && doc_token <= m.last_token; });
}

// The rightmost run of proper nouns in a chunk that no mention covers and
// that is no person, organisation acronym or known non-place.
std::optional<std::pair<uint32_t, uint32_t>> SentenceEvents::unresolved_name(int c) const {
  const Chunk& ch = chunk(c);
  std::optional<std::pair<uint32_t, uint32_t>> found;
  for (uint32_t k = ch.first; k <= ch.last;) {
    const Pos t = v.parse.tags[k];
    if ((t != Pos::NNP && t != Pos::NNPS) || covered_by_mention(v.token(k)) || !seg.tokens[v.token(k)].capitalized) {
      ++k;
      continue;
    }
    uint32_t e = k;
    while (e + 1 <= ch.last && (v.parse.tags[e + 1] == Pos::NNP || v.parse.tags[e + 1] == Pos::NNPS) && !covered_by_mention(v.token(e + 1)))
      ++e;
    const std::string text = doc.text.substr(seg.tokens[v.token(k)].start, seg.tokens[v.token(e)].end - seg.tokens[v.token(k)].start);
    const bool acronym = k == e && seg.tokens[v.token(k)].all_caps && text.size() <= 5;
    // "men in black T-shirts", "a U-turn": a capital letter's hyphened word, no name.
    const bool letter_word = text.size() >= 3 && text[1] == '-' && std::isupper(static_cast<unsigned char>(text[0]));
    // "President Mikhail Gorbachev", "Mr Tarifi", "the Merdeka Palace": a person or a body, not a place.
    const bool titled = lex.roles.is(ascii_lower(word(k)), Role::title) || (k > 0 && lex.roles.is(ascii_lower(word(k - 1)), Role::title));
    const bool institution = lex.roles.is(ascii_lower(word(e)), Role::institution);
    // (Not a name the report calls a town: "the town of Suleiman Bek" is no man named Suleiman.)
    const bool person = titled || institution ||
                        (lex.given_names.count(std::string(token_text(doc.text, seg.tokens[v.token(k)]))) > 0 && !called_a_town(text));
    const bool month_or_day = weekday_from_name(text) >= 0 || month_from_name(text) > 0;
    // "the Conference on Financing for Development": a word of a title-case name, not a place.
    const bool in_title = k >= 2 && one_of(word(k - 1), {"on", "for", "of", "and"}) && seg.tokens[v.token(k - 2)].capitalized &&
                          v.parse.tags[k - 2] == Pos::NNP;
    // "the 1967 Six-Day War", "the Arab Spring", "Operation Protective Edge": a named war or operation, no place;
    // "on Bastille Day", "on Christmas Eve": a named day.
    const bool named_event = one_of(word(e), {"war", "wars", "revolution", "intifada", "uprising", "offensive", "crisis", "spring",
                                              "genocide", "massacre", "campaign", "day", "eve"}) ||
                             (k > 0 && one_of(word(k - 1), {"operation"}));
    // "Damboa Local Government Area", "Bama District": the division words after a known name, no name of their own.
    bool division_words = true;
    for (uint32_t j = k; j <= e && division_words; ++j)
      division_words = one_of(
          word(j), {"local",      "government",   "area",        "lga",    "district", "township", "province", "state",      "region",
                    "county",     "municipality", "governorate", "oblast", "raion",    "woreda",   "zone",     "prefecture", "commune",
                    "department", "division",     "city",        "town",   "village",  "camp",     "refugee"});
    // "along Avenida de Mayo", "on Haifa Street": a street's name is no place's.
    uint32_t before = k;
    while (before >= 1 && before + 2 >= k && (is_street_connector(word(before - 1)) || one_of(word(before - 1), {"los", "las", "la"})))
      --before;
    // (The street's word capitalised: "pilgrims to Iran via Quetta" names the town.)
    const auto street_prefix = [&](uint32_t j) { return seg.tokens[v.token(j)].capitalized && is_street_prefix(word(j)); };
    const bool street = (before >= 1 && street_prefix(before - 1)) || street_prefix(k) ||
                        (e + 1 < v.size() && is_street_word(word(e + 1))) || (k == e && has_street_ending(word(k)));
    // "a Kyoto Animation studio", "the Lagos Business School": a body named after the place before it.
    const bool named_after_place = k > ch.first && covered_by_mention(v.token(k - 1)) && v.parse.tags[k - 1] == Pos::NNP &&
                                   seg.tokens[v.token(k - 1)].end + 1 == seg.tokens[v.token(k)].start;
    // "on Highway 2", "Route 9": a road's name, no place's.
    const bool road = one_of(word(e), {"highway", "route", "interstate", "motorway", "freeway", "expressway"});
    // "at the Somair uranium site run by Areva in Arlit": a name before a facility's common noun names the
    // facility, where the town it stands in is told just after ("the Nyanya bus station" with no "in" after
    // may be named after its place).
    const Pos head_tag = v.parse.tags[ch.head];
    bool town_after = false;
    for (uint32_t j = ch.last + 1; j + 1 < v.size() && j <= ch.last + 8 && !town_after; ++j)
      town_after = word(j) == "in" && covered_by_mention(v.token(j + 1));
    const bool facility = town_after && e < ch.head && (head_tag == Pos::NN || head_tag == Pos::NNS) && !subplace_noun(ch.head) &&
                          !one_of(word(ch.head), {"crossing", "junction", "border", "pass", "gorge", "front", "mountains", "hills", "river",
                                                  "lake", "bridge", "road", "market", "estate", "estates", "colony", "favela", "slum"});
    // ("in the Governorate of Muscat": a division's word alone names nothing either.)
    if (named_event || street || road || division_words || named_after_place || facility) {
      k = e + 1;
      continue;
    }
    // "against the Houthis", "Tigrayan forces": an armed group, or a people naming the forces after it.
    // ("the United Nations mission", "the African Union peacekeepers": a body's, by the noun it names.)
    // ("the Islamic State in the Greater Sahara", "al-Qaeda in the Islamic Maghreb": the end of a group's name.)
    bool ends_group_name = false;
    for (uint32_t s = k > 6 ? k - 6 : 0; s < k && !ends_group_name; ++s) {
      size_t len = 0;
      ends_group_name = lex.actors.match(v.words, v.raw, s, e + 1, &len, &ctx.redefined) != nullptr && s + len == e + 1;
    }
    const bool group =
        ends_group_name || lex.actors.match(v.words, v.raw, k, e + 1, nullptr, &ctx.redefined) != nullptr ||
        (e + 1 <= ch.last &&
         (lex.roles.ends_at(v.words, e + 1, e + 1, Role::armed) || lex.roles.ends_at(v.words, e + 1, e + 1, Role::state_forces) ||
          one_of(word(e + 1), {"mission", "missions", "peacekeepers", "peacekeeping", "agency", "agencies", "organisation", "organization",
                               "council", "commission", "committee", "movement", "movements", "party", "alliance", "front"})));
    // "a Taylor Swift-themed dance class", "a Hamas-run ministry", "an anti-Islam rally": a name inside a hyphened modifier.
    const auto capitalized = [&](uint32_t j) { return j < v.size() && seg.tokens[v.token(j)].capitalized; };
    // (The hyphen touches the words: "Ngarbuh - a remote hamlet -" is a dash, the name a place.)
    const auto hyphen = [&](uint32_t j) {
      return j > 0 && j + 1 < v.size() && word(j) == "-" && seg.tokens[v.token(j - 1)].end == seg.tokens[v.token(j)].start &&
             seg.tokens[v.token(j)].end == seg.tokens[v.token(j + 1)].start;
    };
    const bool modifier = hyphen(e + 1) || (capitalized(e + 1) && hyphen(e + 2)) || (k > 0 && hyphen(k - 1));
    if (!acronym && !letter_word && !person && !month_or_day && !in_title && !group && !modifier &&
        !lex.not_places.count(fold_name(text)) && text.size() >= 3)
      found = std::make_pair(v.token(k), v.token(e));
    k = e + 1;
  }
  return found;
}

bool SentenceEvents::subplace_noun(uint32_t k) const {
  return one_of(
      word(k),
      {"district",    "districts",    "neighbourhood", "neighborhood", "neighbourhoods", "quarter",  "suburb",     "suburbs", "village",
       "villages",    "hamlet",       "town",          "towns",        "city",           "cities",   "area",       "areas",   "provinces",
       "regions",     "states",       "province",      "region",       "county",         "sector",   "sectors",    "camp",    "outskirts",
       "locality",    "municipality", "commune",       "governorate",  "state",          "division", "settlement", "port",    "capital",
       "countryside", "countrysides", "island",        "valley",       "zone",           "block",    "enclave",    "lga",     "township",
       "tehsil",      "woreda",       "upazila",       "raion",        "oblast"});
}

// Can the "of" phrase after chunk `c` be a place? "the town of X", "the
// shelling of X", "control of X"; not "the house of X", "supporters of X".
bool SentenceEvents::of_names_place(int c) const {
  if (lex.roles.is(ascii_lower(word(chunk(c).head)), Role::place_of)) return true;
  // "Ward No. 4 of Lashio", "Block 7 of the camp": a numbered part of a place.
  for (uint32_t k = chunk(c).first; k <= chunk(c).last; ++k)
    if (one_of(word(k), {"ward", "block", "sector", "zone", "quarter", "district"}) && seg.tokens[v.token(k)].capitalized) return true;
  for (const Frame& f : frames)
    if (f.chunk == c) return true;
  return false;
}

// Does the chunk after "of" name a country or province, larger than what chunk `before` names?
bool SentenceEvents::larger_after(int after, int before) const {
  const Mention* big = nullptr;
  for (size_t m : here)
    if (within_chunk(mentions[m], after) && !mentions[m].candidates.empty()) big = &mentions[m];
  if (!big || specificity(*big) < 2) return false;
  // "the Central Highlands province of Dak Lak": the province after "of" is the one the phrase names.
  if (kind_of(*big) == PlaceKind::admin1 && is_division_word(word(chunk(before).head), DivisionWord::of_larger)) return false;
  if (unresolved_name(before)) return true;
  for (size_t m : here)
    if (within_chunk(mentions[m], before) && !mentions[m].candidates.empty() && specificity(mentions[m]) < specificity(*big)) return true;
  return false;
}

// "in Dhaka's Gulshan": the city whose part a name is, when the gazetteer's only place of that name lies far from it
// (a Gulshan in Tajikistan) — the part is in the city, not there.
const Mention* SentenceEvents::possessing_town(const Mention& part) const {
  if (part.candidates.empty() || part.first_token < 3) return nullptr;
  const auto text_at = [&](uint32_t k) { return token_text(doc.text, seg.tokens[k]); };
  if (text_at(part.first_token - 2) != "'" || text_at(part.first_token - 1) != "s") return nullptr;
  for (size_t m : here) {
    const Mention& owner = mentions[m];
    if (owner.last_token + 3 != part.first_token || owner.candidates.empty()) continue;
    const Place town = gaz.place(owner.candidates.front().entry), named = gaz.place(part.candidates.front().entry);
    if (town.kind != PlaceKind::city && town.kind != PlaceKind::admin2) return nullptr;
    return town.country_code != named.country_code || haversine_km(town.point, named.point) > 100.0 ? &owner : nullptr;
  }
  return nullptr;
}

// The places a phrase names, with its "of" chain and apposition:
// "the Y district of X", "X, in Y province", "the port city of X".
SentenceEvents::PhrasePlace SentenceEvents::place_of_phrase(int c, bool location_phrase) const {
  PhrasePlace out;
  if (c < 0 || chunk(c).kind != ChunkKind::noun) return out;
  std::vector<int> parts = {c};
  const int n = static_cast<int>(v.parse.chunks.size());
  for (int j = c + 1; j + 1 < n;) {
    const Chunk& x = chunk(j);
    const bool next_noun = chunk(j + 1).kind == ChunkKind::noun;
    // ("a door of the National Palace": a thing of a seat of the state is where that seat is.)
    if (x.kind == ChunkKind::prep && word(x.head) == "of" && next_noun && (of_names_place(parts.back()) || seat_of_state(j + 1))) {
      parts.push_back(j + 1);
      j += 2;
      continue;
    }
    // "Hajin, Deir ez-Zor province"; "Bayaa, a neighbourhood in western Baghdad".
    if (x.kind == ChunkKind::punct && word(x.head) == "," && next_noun && (place_in(j + 1) || subplace_noun(chunk(j + 1).head))) {
      parts.push_back(j + 1);
      j += 2;
      if (j + 1 < n && chunk(j).kind == ChunkKind::prep && one_of(word(chunk(j).head), {"in", "of", "near"}) &&
          chunk(j + 1).kind == ChunkKind::noun) {
        parts.push_back(j + 1);
        j += 2;
      }
      continue;
    }
    // "Hroza, in Ukraine's Kharkiv region": an aside that says what contains the place; "Tongo Tongo, in the
    // department of Ouallam": its division word, whose "of" phrase the step above then takes.
    if (x.kind == ChunkKind::punct && word(x.head) == "," && j + 2 < n && chunk(j + 1).kind == ChunkKind::prep &&
        word(chunk(j + 1).head) == "in" && chunk(j + 2).kind == ChunkKind::noun) {
      const bool division_of = j + 4 < n && of_names_place(j + 2) && chunk(j + 3).kind == ChunkKind::prep &&
                               word(chunk(j + 3).head) == "of" && chunk(j + 4).kind == ChunkKind::noun && place_in(j + 4);
      if (place_in(j + 2) || division_of) {
        parts.push_back(j + 2);
        j += 3;
        continue;
      }
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
    // But "the Vedeno region of Chechnya", "the Mohammad Agha district of Logar province": the larger
    // place comes after "of", so the name before it is the specific one.
    const bool modifies_of = i + 1 < parts.size() && subplace_noun(chunk(part).head) && chunk(part + 1).kind == ChunkKind::prep &&
                             !seg.tokens[v.token(chunk(part).head)].capitalized && !larger_after(parts[i + 1], part);
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
      // "in Armenia's second city, Gyumri": the place a possessor's town is, named after the comma, is the specific one.
      const uint32_t part_head = chunk(part).head;
      if (resolved && i + 1 < parts.size() && parts[i + 1] == part + 2 && word(chunk(part + 1).head) == "," &&
          part_head > resolved->last_token - v.s.first_token && subplace_noun(part_head) && place_in(parts[i + 1]) &&
          resolved->last_token + 1 - v.s.first_token < v.size() && v.parse.tags[resolved->last_token + 1 - v.s.first_token] == Pos::POS) {
        container = resolved;
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
  if (out.place && !out.name)
    if (const Mention* owner = possessing_town(*out.place)) out.place = owner;
  for (int part : parts) {
    // "outside the National Assembly", "near the Knesset": a seat of the state sits in the capital.
    if (!out.place && seat_of_state(part))
      if (const Mention* seat = capital_named(part)) out.place = seat;
  }
  for (int part : parts) {  // "a district of Burundi's capital": the capital the phrase names
    if (word(chunk(part).head) != "capital") continue;
    // "the Sokoto State capital": the state's seat, not the state.
    const bool division_named = out.place && !out.name && within_chunk(*out.place, part) && !out.place->candidates.empty() &&
                                kind_of(*out.place) == PlaceKind::admin1;
    if (out.empty() || division_named)
      if (const Mention* seat = capital_named(part)) {
        out.place = seat;
        out.weak = false;  // the city itself, not a thing of the state's
      }
  }
  // "in this Chicago suburb", "this Texas town", filed from HIGHLAND PARK or UVALDE: "this" is where the report was
  // filed, which lies in or near the place named before the noun.
  if (out.place && !out.name && parts.size() == 1 && word(chunk(parts[0]).first) == "this" &&
      one_of(word(chunk(parts[0]).head), {"suburb", "town", "village", "city", "county", "neighbourhood", "neighborhood"}) &&
      out.place->last_token < v.token(chunk(parts[0]).head))
    for (const Mention& mm : mentions) {
      if (!mm.dateline || mm.candidates.empty() || kind_of(mm) != PlaceKind::city || &mm == out.place) continue;
      const Place filed = gaz.place(mm.candidates.front().entry), named = gaz.place(out.place->candidates.front().entry);
      const bool within = kind_of(*out.place) == PlaceKind::admin1
                              ? filed.admin1 == named.admin1 && filed.country_code == named.country_code
                              : haversine_km(filed.point, named.point) <= 100.0;
      if (within) out.place = &mm;
      break;
    }
  // "entered the fabled desert city", "the town was overrun", "in this border city": the town last named before.
  if (out.empty() && parts.size() == 1 && one_of(word(chunk(parts[0]).first), {"the", "this", "that"}) &&
      one_of(word(chunk(parts[0]).head), {"city", "town", "village"}))
    out.place = town_named_before(parts[0]);
  if (out.place && !out.name) out.also = coordinated_places(*out.place);
  if (out.place && !out.name) included_towns(out);
  return out;
}

// "strikes on nine sites in Pakistan ..., including the headquarters at Bahawalpur and the base at Muridke": the
// towns an "including" list places the sites at, in the country named, are where the action was, one event each.
void SentenceEvents::included_towns(PhrasePlace& out) const {
  const PlaceKind kind = kind_of(*out.place);
  if (kind != PlaceKind::country && kind != PlaceKind::admin1) return;
  const Place wide = gaz.place(out.place->candidates.front().entry);
  size_t including = 0;
  for (size_t k = out.place->last_token + 1 - v.s.first_token; k < v.size() && !including; ++k)
    if (word(k) == "including") including = k;
  if (!including) return;
  std::vector<const Mention*> towns;
  for (size_t m : here) {
    const Mention& mm = mentions[m];
    if (mm.candidates.empty() || mm.demonym || mm.first_token <= v.token(static_cast<uint32_t>(including)) ||
        kind_of(mm) != PlaceKind::city)
      continue;
    const uint32_t before = mm.first_token - v.s.first_token;
    const Place p = gaz.place(mm.candidates.front().entry);
    if (before > 0 && one_of(word(before - 1), {"at", "in", "near"}) && p.country_code == wide.country_code &&
        (kind == PlaceKind::country || p.admin1 == wide.admin1))
      towns.push_back(&mm);
  }
  if (towns.empty()) return;
  out.place = towns.front();
  out.also.assign(towns.begin() + 1, towns.end());
}

const Mention* SentenceEvents::town_named_before(int c) const {
  // The story's own town when it has one ("hitting rebel positions near Homs, the ministry in
  // Moscow said ... villages north of the city"), else the last town named.
  if (context_place && !context_place->candidates.empty() && kind_of(*context_place) == PlaceKind::city) return context_place;
  const Mention* last = nullptr;
  for (const Mention& mm : mentions) {
    if (mm.last_token >= v.token(chunk(c).first)) break;
    if (mm.candidates.empty() || mm.demonym || mm.in_name) continue;
    if (told_at(doc, seg, seg.sentences[mm.sentence].first_token, mm)) continue;  // "officials in Moscow said"
    if (kind_of(mm) == PlaceKind::city) last = &mm;
  }
  // (Not where the agency filed from when the story has named a town the gazetteer lacks: "NIAMEY - ... in the
  // town of Toumour ... spent hours in the town".)
  if (last && last->dateline && names_unknown_town(doc, seg, mentions, v.token(chunk(c).first))) return nullptr;
  return last;
}

// Whether the text before document token `end` says "the town of X" (or village, city), or "in X, a village ...",
// of a name no mention covers.
bool names_unknown_town(const Document& doc, const Segmented& seg, const std::vector<Mention>& mentions, uint32_t end) {
  const auto covered = [&](uint32_t k) { return mention_covers(mentions, k); };
  const auto lower = [&](uint32_t k) { return ascii_lower(token_text(doc.text, seg.tokens[k])); };
  const auto settlement = [&](uint32_t k) { return one_of(lower(k), {"town", "village", "city"}); };
  end = std::min<uint32_t>(end, static_cast<uint32_t>(seg.tokens.size()));
  for (uint32_t k = 0; k + 2 < end; ++k) {
    if (seg.tokens[k].kind != TokenKind::word) continue;
    if (seg.tokens[k + 2].kind == TokenKind::word && seg.tokens[k + 2].capitalized && settlement(k) && lower(k + 1) == "of" &&
        !covered(k + 2))
      return true;
    // "What happened in Moura, a village of some 10,000 people": the name, then what it is.
    if (seg.tokens[k].capitalized && k > 0 && lower(k - 1) == "in" && lower(k + 1) == "," && one_of(lower(k + 2), {"a", "an"}) &&
        !covered(k))
      for (uint32_t j = k + 3; j < k + 6 && j < end; ++j)
        if (settlement(j)) return true;
  }
  return false;
}

// "Nyala and El Fasher", "Anadan, Huraytan and Kafar Hamra": the towns
// coordinated with a place, each where the action happened too.
std::vector<const Mention*> SentenceEvents::coordinated_places(const Mention& first) const {
  std::vector<const Mention*> out;
  if (first.last_token < v.s.first_token) return out;
  const int n = static_cast<int>(v.parse.chunks.size());
  int c = v.parse.chunk_of[first.last_token - v.s.first_token];
  if (chunk(c).last + v.s.first_token != first.last_token) return out;  // the place must end its chunk
  const PlaceKind kind = kind_of(first);
  while (c + 2 < n) {
    const Chunk& sep = chunk(c + 1);
    const bool comma = sep.kind == ChunkKind::punct && word(sep.head) == ",";
    const bool conj = sep.kind == ChunkKind::conj && word(sep.head) == "and";
    if (!comma && !conj) break;
    int next = c + 2;
    // "Bahir Dar, the regional capital, and Gondar": an aside that names no place is skipped.
    if (comma && chunk(next).kind == ChunkKind::noun && !place_in(next) && subplace_noun(chunk(next).head) && next + 2 < n &&
        chunk(next + 1).kind == ChunkKind::punct && word(chunk(next + 1).head) == "," && chunk(next + 2).kind == ChunkKind::conj)
      next += 2;
    if (comma && chunk(next).kind == ChunkKind::conj && next + 1 < n) ++next;  // ", and"
    // "in Dnipro and in Pokrovsk", "in Sanaa, in the port of Hodeidah and in the stronghold of
    // Saada": the preposition said again, and the place after a place noun's "of".
    // (After a comma only in a list that "and in ..." closes: ", in the south of Guanajuato" is an aside.)
    auto closed_by_and_in = [&] {
      for (int k = next + 1; k + 1 < n; ++k)
        if (chunk(k).kind == ChunkKind::conj && word(chunk(k).head) == "and" && chunk(k + 1).kind == ChunkKind::prep &&
            word(chunk(k + 1).head) == word(chunk(next).head))
          return true;
      return false;
    };
    if (chunk(next).kind == ChunkKind::prep && one_of(word(chunk(next).head), {"in", "at"}) && next + 1 < n &&
        chunk(next + 1).kind == ChunkKind::noun && (conj || closed_by_and_in())) {
      ++next;
      if (!place_in(next) && next + 2 < n && chunk(next + 1).kind == ChunkKind::prep && word(chunk(next + 1).head) == "of" &&
          chunk(next + 2).kind == ChunkKind::noun)
        next += 2;
    }
    if (chunk(next).kind != ChunkKind::noun) break;
    // "hit an airbase near Taiz, a camp in Dhamar province and sites in
    // Hajjah province": each target of the list at a place of its own.
    bool target_at = false;
    // (Not "..., the defence ministry in Moscow said": a teller, no target.)
    if (!place_in(next) && next + 2 < n && chunk(next + 1).kind == ChunkKind::prep &&
        one_of(word(chunk(next + 1).head), {"in", "near", "at", "outside"}) && chunk(next + 2).kind == ChunkKind::noun &&
        !lex.roles.is(word(chunk(next).head), Role::institution) && !lex.roles.is(word(chunk(next).head), Role::speech) &&
        (next + 3 >= n || chunk(next + 3).kind != ChunkKind::verb)) {
      next += 2;
      target_at = true;
      // "... and a uranium mine in the desert town of Arlit": the place after the place noun's "of".
      if (!place_in(next) && next + 2 < n && chunk(next + 1).kind == ChunkKind::prep && word(chunk(next + 1).head) == "of" &&
          chunk(next + 2).kind == ChunkKind::noun && subplace_noun(chunk(next).head))
        next += 2;
    }
    const Mention* m = nullptr;
    for (size_t k : here)
      if (within_chunk(mentions[k], next) && locatable(mentions[k], true) && mentions[k].last_token <= v.token(chunk(next).last) &&
          (target_at || mentions[k].last_token == v.token(chunk(next).last)))
        m = &mentions[k];
    if (!m) break;
    const PlaceKind mk = kind_of(*m);
    if (target_at ? mk == PlaceKind::country : mk != kind) break;
    out.push_back(m);
    c = next;
    if (conj || chunk(c - 1).kind == ChunkKind::conj) break;  // "and" closes the list
  }
  return out;
}

// A body or building of the state that sits in the capital: "parliament",
// "the National Assembly", "the presidential palace", "the National Palace", "the Knesset".
// ("the state assembly", "the regional parliament": the division's seat, by capital_named.)
bool SentenceEvents::seat_of_state(int c) const {
  const Chunk& ch = chunk(c);
  const std::string& head = word(ch.head);
  const std::string& before = ch.head > ch.first ? word(ch.head - 1) : std::string();
  if (one_of(head, {"parliament", "knesset", "duma", "rada", "kremlin"})) return true;
  if (head == "congress" && v.raw[ch.head] == "Congress") return true;
  return (head == "assembly" && before == "national") || (head == "palace" && one_of(before, {"presidential", "national"}));
}

// "the Somali capital", "Mali's capital", "the capital": the capital of the
// country the phrase (or else the report) names.
const Mention* SentenceEvents::capital_named(int c) const {
  const Chunk& ch = chunk(c);
  bool of_division = false;  // "the state capital", "the provincial capital"
  for (uint32_t k = ch.first; k < ch.head; ++k)
    of_division = of_division || is_division_word(word(k), DivisionWord::capital) || is_division_adjective(word(k));
  if (of_division) return division_seat_named(c);
  std::optional<Place> country;
  for (size_t m : here) {
    const Mention& mm = mentions[m];
    if (!within_chunk(mm, c) || mm.candidates.empty()) continue;
    const Place p = gaz.place(mm.candidates.front().entry);
    if (p.kind == PlaceKind::country) country = p;
    // "the Chechen capital", "Kurdistan's capital": a division's seat, not its country's capital.
    if (p.kind == PlaceKind::admin1)
      if (const std::optional<Place> seat = gaz.seat(p)) return named_without_name(c, seat->index);
  }
  if (!country) country = focus_country;
  if (!country) return nullptr;
  const std::optional<Place> capital = gaz.capital(country->country_code);
  if (!capital) return nullptr;
  return named_without_name(c, capital->index);
}

// A place the chunk names without its name ("the Somali capital", "the state
// capital"): a mention of the entry over the chunk's words, kept for the report.
const Mention* SentenceEvents::named_without_name(int c, uint32_t entry) const {
  const Chunk& ch = chunk(c);
  Mention m;
  m.start = seg.tokens[v.token(ch.first)].start;
  m.end = seg.tokens[v.token(ch.last)].end;
  m.text = doc.text.substr(m.start, m.end - m.start);
  m.sentence = v.index;
  m.first_token = v.token(ch.first);
  m.last_token = v.token(ch.last);
  m.candidates.push_back({entry, 10.0});
  synthetic.push_back(std::move(m));
  return &synthetic.back();
}

// The dateline's town, when it is the seat that gives the first-level division `division` names its name
// (Kayseri in the province of Kayseri; not Quetta for "attacks across Balochistan province").
const Mention* SentenceEvents::dateline_city_within(const Mention& division) const {
  const Mention* filed = dateline_town();
  if (!filed) return nullptr;
  const Place d = gaz.place(division.candidates.front().entry), town = gaz.place(filed->candidates.front().entry);
  const bool seat = town.country_code == d.country_code && (town.admin1 == d.admin1 || town.admin1 == d.name) &&
                    fold_name(d.name).starts_with(fold_name(town.name));
  return seat ? filed : nullptr;
}

// The town the report's dateline names, when the gazetteer knows it ("KAYSERİ -").
const Mention* SentenceEvents::dateline_town() const {
  for (const Mention& mm : mentions)
    if (mm.dateline && !mm.candidates.empty() && kind_of(mm) == PlaceKind::city) return &mm;
  return nullptr;
}

// "The Sokoto State government imposed a curfew on the state capital": the seat
// of the division the report names last, when the seat bears its name.
const Mention* SentenceEvents::division_seat_named(int c) const {
  const Mention* division = nullptr;
  const Mention* town = nullptr;
  for (const Mention& mm : mentions) {
    if (mm.first_token > v.token(chunk(c).last)) break;
    if (!mm.candidates.empty() && !mm.demonym && kind_of(mm) == PlaceKind::admin1) division = &mm;
    if (!mm.candidates.empty() && !mm.demonym && !mm.in_name && kind_of(mm) == PlaceKind::city) town = &mm;
  }
  // "The procession in Uruapan passed off calmly. In the state capital ...": no division named, the seat of the
  // one the town last named lies in (Morelia, Michoacán's).
  if (!division && town)
    if (const std::optional<Place> seat = gaz.seat_of_division_of(gaz.place(town->candidates.front().entry)))
      return named_without_name(c, seat->index);
  if (!division) return nullptr;
  const Place state = gaz.place(division->candidates.front().entry);
  // "Kano State" is seated in Kano: the name, and the name without its division word.
  std::string_view bare = state.name;
  for (const DivisionWord& d : division_words())
    if ((d.uses & DivisionWord::seat_suffix) && ends_with_title(bare, d)) bare.remove_suffix(d.title.size() + 1);
  for (const Candidate& cand : gaz.lookup(bare)) {
    const Place seat = gaz.place(cand.entry);
    if (seat.kind == PlaceKind::city && seat.feature == "PPLA" && seat.country_code == state.country_code && seat.admin1 == state.admin1)
      return named_without_name(c, cand.entry);
  }
  return nullptr;
}

bool SentenceEvents::location_prep(std::string_view p) {
  // The compass points written joined only: "north-east of" is not read here, as before (reading it is a change of its own).
  const CompassPoint* point = compass_point_named(p);
  return one_of(p, {"in",     "at",     "near",  "outside", "on",        "across",  "around",  "throughout", "inside",
                    "into",   "over",   "along", "off",     "within",    "toward",  "towards", "onto",       "through",
                    "beside", "behind", "upon",  "against", "targeting", "outside", "from"}) ||
         (point && !point->hyphenated);
}

int SentenceEvents::where_specificity(const Where& w) const {
  if (w.at.name) return 0;
  return specificity(*w.at.place);  // a country yields to any place inside it, a province to its towns
}

std::string_view SentenceEvents::where_country(const Where& w) const {
  return w.at.place ? gaz.place(w.at.place->candidates.front().entry).country_code : std::string_view();
}

// A location phrase that hangs from another noun than the action:
// "protested against the air offensive in Gaza", "the killings of Armenians".
bool SentenceEvents::nested_in_other(const Parse::PrepPhrase& pp, const Frame& f) const {
  const int before = pp.prep - 1;
  if (before < 1 || chunk(before).kind != ChunkKind::noun || before == f.chunk) return false;
  // "occurred about 9 a.m. in Khalis": a time or a number, not a topic.
  if (chunk(before).time || v.parse.tags[chunk(before).first] == Pos::CD) return false;
  // ("a police operation against drug traffickers in the Vila Cruzeiro favela": an action against people where
  // they are is there too.)
  const bool against_people = word(chunk(before - 1).head) == "against" && f.cls != C::protest && people(before) &&
                              std::none_of(frames.begin(), frames.end(), [&](const Frame& o) { return o.chunk == before; });
  if (chunk(before - 1).kind == ChunkKind::prep && !against_people &&
      one_of(word(chunk(before - 1).head), {"against", "about", "over", "for", "despite", "amid", "after", "following", "since"}))
    return true;
  for (const Frame& o : frames)
    if (&o != &f && !o.verbal && o.chunk == before && o.host != static_cast<int>(&f - frames.data())) return true;
  return false;
}

// The place a location phrase before the first clause's verb names: "In Mosul, ... and gunmen ...".
// ("The attacker, from a village near Hebron, was shot": where he came from.)
SentenceEvents::PhrasePlace SentenceEvents::first_clause_fronted_place() const {
  int origin_end = -1;
  for (size_t c = 0; c < v.parse.chunks.size() && chunk(static_cast<int>(c)).clause == 0; ++c) {
    const Chunk& x = chunk(static_cast<int>(c));
    if (x.kind == ChunkKind::verb) break;
    if (x.kind == ChunkKind::prep && word(x.head) == "from") {
      origin_end = v.parse.object_of_prep(static_cast<int>(c));
      continue;
    }
    if (x.kind == ChunkKind::prep && origin_end >= 0 && static_cast<int>(c) == origin_end + 1) {
      origin_end = v.parse.object_of_prep(static_cast<int>(c));
      continue;
    }
    if (x.kind == ChunkKind::prep && location_prep(word(x.head)))
      if (PhrasePlace at = place_of_phrase(v.parse.object_of_prep(static_cast<int>(c)), true); !at.empty()) return at;
  }
  return {};
}

SentenceEvents::Where SentenceEvents::frame_place(const Frame& f, const std::vector<int>& evidence) const {
  auto from_preps = [&](const Frame& x, Parse::PrepPhrase::Where where) -> PhrasePlace {
    PhrasePlace weak;     // "outside the Merdeka palace in Jakarta": the city after the palace
    int origin_end = -1;  // the last chunk of a "from" phrase: "from a village near Hebron" is where someone came from
    for (const auto& pp : x.preps) {
      if (pp.where != where || pp.object < 0) continue;
      const std::string& prep = word(chunk(pp.prep).head);
      if (prep == "from" && x.cls != C::protest && where != Parse::PrepPhrase::after) origin_end = pp.object;
      if (origin_end >= 0 && pp.prep == origin_end + 1 && one_of(prep, {"near", "outside", "in", "around"})) {
        origin_end = pp.object;
        continue;
      }
      // "fired from X": the origin; "of X" is a place only after a noun ("the shelling of Aleppo").
      // "of X" after the action: "the shelling of Aleppo", "took control of Gao".
      // ("expelled the militants from Gao": where they were driven from is the ground taken.)
      if ((!location_prep(prep) && !(prep == "of" && where == Parse::PrepPhrase::after)) ||
          (prep == "from" && x.cls != C::protest && !expelling_verb(x)))
        continue;
      if (where == Parse::PrepPhrase::after && nested_in_other(pp, x)) continue;
      // ("that on 26 August, Russia launched ...": a day's phrase, whatever name follows its comma.)
      if (chunk(pp.object).time) continue;
      // "Iran struck back at the United States, firing missiles at two bases in Iraq": the side paid back.
      if (prep == "at" && chunk(pp.prep).head > 0 && word(chunk(pp.prep).head - 1) == "back") continue;
      if (prep == "of" && pp.prep - 1 != x.chunk && chunk(pp.prep - 1).kind == ChunkKind::noun && !of_names_place(pp.prep - 1)) continue;
      PhrasePlace at = place_of_phrase(pp.object, true);
      if (at.empty()) continue;
      // "at a checkpoint in Barangay Colonia here": a name the gazetteer lacks, in the town the dateline names.
      if (at.name && pp.object >= 0 && chunk(pp.object).last + 1 < v.words.size() && word(chunk(pp.object).last + 1) == "here")
        if (const Mention* filed = dateline_town()) at.place = filed;
      // "on Hari Singh High Street in central Srinagar": a name the gazetteer
      // lacks, inside the known place of the next phrase.
      if (at.name && !at.place) {
        for (const auto& later : x.preps) {
          if (later.where != where || later.prep <= pp.prep || later.object < 0 || !location_prep(word(chunk(later.prep).head))) continue;
          // ("in Wapenamanda district of Enga province": another unknown name, inside a known one, holds it too;
          // "600 kilometres northwest of the capital": a landmark so far off that the country is nearer the truth.)
          const PhrasePlace container = place_of_phrase(later.object, true);
          if (container.place && landmark_km(doc, seg, *container.place) >= 200.0) break;
          if (container.place) {
            at.place = container.place;
            break;
          }
        }
        // "In Derbent, the militants opened fire at the Kele-Numaz synagogue": the fronted town.
        for (const auto& front : x.preps) {
          if (at.place || front.where != Parse::PrepPhrase::fronted || front.object < 0 || !location_prep(word(chunk(front.prep).head)))
            continue;
          const PhrasePlace container = place_of_phrase(front.object, true);
          if (container.place && !container.name) at.place = container.place;
        }
      }
      // "on a road south of the capital Algiers, near Medea": a bearing from a
      // landmark, then the town it happened at.
      const CompassPoint* point = compass_point_named(prep);  // joined only, as location_prep reads them
      if (!at.weak && at.place && !at.name && point && !point->hyphenated) {
        for (const auto& later : x.preps) {
          if (later.where != where || later.prep <= pp.prep || later.object < 0 ||
              !one_of(word(chunk(later.prep).head), {"near", "in", "at", "outside"}))
            continue;
          const PhrasePlace town = place_of_phrase(later.object, true);
          if (town.place && !town.name && town.place != at.place && specificity(*town.place) == 0 &&
              gaz.place(town.place->candidates.front().entry).country_code == gaz.place(at.place->candidates.front().entry).country_code)
            return town;
        }
      }
      // "Across the Nile in Omdurman": a river or sea of no one country is
      // only a fallback for a place the next phrase names.
      if (at.place && !at.name && gaz.place(at.place->candidates.front().entry).country_code.empty()) at.weak = true;
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
  // "the looting spread to the Johannesburg CBD", "the fighting reached Omdurman": where the action went.
  if (!f.verbal && f.governor >= 0 && chunk(f.governor).kind == ChunkKind::verb &&
      one_of(word(chunk(f.governor).head), {"spread", "spreads", "spreading", "reached", "reaches", "extended", "extends"})) {
    const int next = f.governor + 1;
    if (next + 1 < static_cast<int>(v.parse.chunks.size()) && chunk(next).kind == ChunkKind::prep &&
        one_of(word(chunk(next).head), {"to", "into"}))
      add(place_of_phrase(next + 1, true), 0);
    else if (word(chunk(f.governor).head).starts_with("reach"))
      add(place_of_phrase(v.parse.object_of(f.governor), true), 0);
  }
  if (f.verbal) {
    const int what = f.passive || f.cls == C::fall ? f.subject : f.object;
    // What was hit is a place for a strike or a taking, never for a shooting or a kidnapping (a person).
    // (What was stormed is a place even by a name the gazetteer lacks: "had stormed Suleiman Bek"; not what was
    // captured, who may be a man: "Al-Obeidi was captured in Iraq".)
    if (!one_of(event_class_name(f.cls), {"light", "kill", "harm", "shoot", "abduct", "sexual", "arrest", "massacre", "die"}))
      add(place_of_phrase(what, f.cls == C::storm), 1);
  } else {
    add(place_of_phrase(f.chunk), 1);  // "the Kabul attack"
  }
  std::vector<int> words_of_action = {f.chunk, f.object, f.agent};
  for (const auto& pp : f.preps)  // "killed 30 people at a hall where fans were watching a match in Konduga"
    if (pp.where == Parse::PrepPhrase::after && pp.object >= 0 && location_prep(word(chunk(pp.prep).head)))
      words_of_action.push_back(pp.object);
  for (int e : evidence) {
    const Frame& ef = frames[static_cast<size_t>(e)];
    add(from_preps(ef, Parse::PrepPhrase::after), 2);
    if (ef.verbal && !is_consequence(ef.cls)) add(place_of_phrase(ef.passive ? ef.subject : ef.object), 2);
    words_of_action.push_back(ef.chunk);
    for (const auto& pp : ef.preps)
      if (pp.where == Parse::PrepPhrase::after && pp.object >= 0 && location_prep(word(chunk(pp.prep).head)))
        words_of_action.push_back(pp.object);
  }
  // "fired tear gas to break up supporters who tried to march through X": whom a purpose's infinitive
  // was done to, and the relative clause that tells where they were.
  const size_t action_words = words_of_action.size();
  for (int c = 0; c < static_cast<int>(v.parse.chunks.size()); ++c) {
    if (chunk(c).kind != ChunkKind::verb || !chunk(c).infinitive) continue;
    const int governor = governing_verb_of_infinitive(v, c);
    if (governor >= 0 && std::find(words_of_action.begin(), words_of_action.begin() + static_cast<long>(action_words), governor) !=
                             words_of_action.begin() + static_cast<long>(action_words))
      add_with_of(words_of_action, v.parse.object_of(c));
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
    // "entered Kramatorsk, a city just south of Sloviansk": the bearing places the town taken, not the action.
    if (best->rank == 0 && best->at.place && !best->at.name && bearing_cue(best->at.place->cue))
      for (auto it = own.begin(); it != own.end(); ++it)
        if (it->rank == 1 && it->at.place && !it->at.name && it->at.place->first_token < best->at.place->first_token) best = it;
    for (const Where& w : own)  // something more specific in the same country
      if (where_specificity(w) < where_specificity(*best) && (!w.at.place || where_country(w) == where_country(*best)))
        best = std::find_if(own.begin(), own.end(), [&](const Where& x) { return &x == &w; });
    // "In the circle of Bankass, families buried the dead of the massacre in the village of Ogossagou": a name
    // the gazetteer lacks, in nothing its own phrase names, lies in the place the sentence opens with.
    Where out = *best;
    if (out.at.name && !out.at.place)
      if (const PhrasePlace front = first_clause_fronted_place(); front.place && !front.name && !front.weak) out.at.place = front.place;
    return out;
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
  if (PhrasePlace at = first_clause_fronted_place(); !at.empty()) return {at, 5};
  // Last: a place in a location phrase anywhere in the sentence, nearest the
  // trigger; not one of another action's clause ("while the president was at
  // a summit in Tanzania"), which the story's place outranks.
  auto clause_of = [&](const Mention& mm) { return chunk(v.parse.chunk_of[mm.first_token - v.s.first_token]).clause; };
  auto in_own_line = [&](const Mention& mm) {
    for (int c = chunk(f.chunk).clause; c >= 0; c = v.parse.clauses[static_cast<size_t>(c)].parent)
      if (clause_of(mm) == c) return true;
    return false;
  };
  const Mention* near = nullptr;
  size_t best = SIZE_MAX;
  for (size_t m : here) {
    const Mention& mm = mentions[m];
    if (!locatable(mm, in_location_phrase(mm))) continue;
    if (context_place && !in_own_line(mm)) continue;
    if (origin_or_source(mm) || (!in_location_phrase(mm) && (mm.cue.empty() || !location_prep(first_word(mm.cue))))) continue;
    const size_t t = v.token(f.first);
    const size_t d = mm.first_token > t ? mm.first_token - t : t - mm.first_token;
    if (d < best) {
      best = d;
      near = &mm;
    }
  }
  if (near) return {{near, std::nullopt, false, {}}, 6};
  // Any place of the sentence that is not a people, a name, or where someone came from; not
  // one that describes a side's hold ("blamed the movement, which controls the capital Sanaa").
  for (size_t m : here)
    if (locatable(mentions[m]) && kind_of(mentions[m]) != PlaceKind::country && !origin_or_source(mentions[m]) &&
        !(context_place && !in_own_line(mentions[m]) && in_clause_of_hold(mentions[m])))
      return {{&mentions[m], std::nullopt, false, {}}, 7};
  // "3,000 Hong Kong people demonstrated": protesters named by their place protest there.
  // ("Residents of Acapulco marched": the place of the subject's "of" phrase.)
  if (f.cls == C::protest && f.subject >= 0) {
    const int of_place = f.subject + 2 < static_cast<int>(v.parse.chunks.size()) && chunk(f.subject + 1).kind == ChunkKind::prep &&
                                 word(chunk(f.subject + 1).head) == "of" && chunk(f.subject + 2).kind == ChunkKind::noun
                             ? f.subject + 2
                             : -1;
    for (size_t m : here) {
      const Mention& mm = mentions[m];
      if (mm.candidates.empty() || mm.in_name || mm.dateline ||
          !(within_chunk(mm, f.subject) || (of_place >= 0 && within_chunk(mm, of_place))))
        continue;
      return {{&mm, std::nullopt, false, {}}, 8};
    }
  }
  return {};
}

// "the movement, which controls the capital Sanaa", "a group that holds much of
// the north": a relative clause telling whose ground a place is.
bool SentenceEvents::in_clause_of_hold(const Mention& m) const {
  const int cl = chunk(v.parse.chunk_of[m.first_token - v.s.first_token]).clause;
  if (v.parse.clauses[static_cast<size_t>(cl)].kind != ClauseKind::relative) return false;
  for (size_t c = 0; c < v.parse.chunks.size(); ++c) {
    const Chunk& x = chunk(static_cast<int>(c));
    if (x.clause != cl || x.kind != ChunkKind::verb) continue;
    return one_of(word(x.head), {"controls", "controlled", "control", "holds", "hold", "rules", "ruled", "governs", "governed", "dominates",
                                 "dominated", "occupies", "occupied", "based"});
  }
  return false;
}

// "a bus carrying passengers from Quetta to Peshawar", "a cleric who came from Bihar":
// where people set out from, not where the action was (not "about 30 km
// from Mandera": a distance places it near); "according to Baku": a
// government that speaks. (Where they were going stays: "an ambulance
// driving to Sudzha" was hit on its way there.)
bool SentenceEvents::origin_or_source(const Mention& m) const {
  const size_t at = m.first_token - v.s.first_token;  // the cue's word is the one before the name
  if (at < 2) return false;
  const std::string& before = word(at - 2);
  if (m.cue == "to") {  // "from Quetta to Peshawar": a route's end is no more the place than its start
    for (size_t k = at - 1; k-- > 0 && k + 6 >= at;)
      if (word(k) == "from") return true;
    // "a resident who fled to Pemba", "the wounded were taken to Mosul": where people went after.
    if (one_of(before, {"fled", "flee", "fleeing", "flees", "escaped", "evacuated", "taken", "rushed", "airlifted", "transferred", "moved",
                        "relocated", "returned", "headed", "went", "driven", "flown"}))
      return true;
    // "arrested on his way to Kabul": where someone was going, not where it happened.
    if (before == "way" && at >= 3 && one_of(word(at - 3), {"his", "her", "their", "its", "the"})) return true;
    return before == "according";
  }
  if (m.cue == "from") return !distance_unit(before) && !one_of(before, {"away", "far"});
  // "The blast, heard as far away as Sabon Gari": how far it carried, not where it was.
  if (word(at - 1) == "as" && one_of(before, {"away", "far"})) return true;
  // "a 37-year-old man born in Turkey", "a native of Kerala": where someone is from.
  if (m.cue == "in" && one_of(before, {"born", "raised", "grew"})) return true;
  if (m.cue == "of" && one_of(before, {"native", "natives", "citizen", "citizens", "national", "nationals"})) return true;
  // "The attacker, from a village near Hebron, ...": inside a "from" phrase, where someone came from.
  int j = v.parse.chunk_of[at];
  for (int steps = 0; j-- > 0 && steps < 8; ++steps) {
    const Chunk& x = chunk(j);
    // (Only an aside before the clause's verb: "seized 42 people from a college in Kagara" took them there.)
    if (x.kind == ChunkKind::prep && word(x.head) == "from") {
      for (int k = j; k-- > 0 && chunk(k).clause == x.clause;)
        if (chunk(k).kind == ChunkKind::verb) return false;
      return !distance_unit(word(x.head > 0 ? x.head - 1 : 0));
    }
    if (x.kind == ChunkKind::prep && one_of(word(x.head), {"near", "outside", "in", "around", "of"})) continue;
    if (x.kind != ChunkKind::noun && x.kind != ChunkKind::adjective) break;
  }
  return false;
}

// Is the mention inside the object of a location preposition?
bool SentenceEvents::in_location_phrase(const Mention& m) const {
  const int c = v.parse.chunk_of[m.first_token - v.s.first_token];
  for (int j = c; j-- > 0;) {
    const Chunk& x = chunk(j);
    if (x.kind == ChunkKind::prep) return location_prep(word(x.head)) && word(x.head) != "from";
    if (x.kind != ChunkKind::adverb && x.kind != ChunkKind::adjective) return false;
  }
  return false;
}

// Where a name the gazetteer lacks lies, by the report's own words: its distance and bearing from a town in the aside
// after it, or in a line of its own; else the place of an "in" right after it. nullptr when they tell none.
const Mention* SentenceEvents::holder_of_lacked_name(std::pair<uint32_t, uint32_t> name) const {
  if (const Mention* landmark = landmark_after(name.second)) return landmark;
  if (const Mention* described = landmark_described(name.first, name.second)) return described;
  if (const Mention* town = town_after_name(name.second)) return town;
  // "the police station in Parsons Street", filed from ALICE SPRINGS: a street of the town the report was filed from.
  if (one_of(ascii_lower(token_text(doc.text, seg.tokens[name.second])), {"street", "road", "avenue", "boulevard", "lane", "square"}))
    return dateline_town();
  return nullptr;
}

// "near the Sholakia Eidgah in Kishoreganj town": the place an "in" right after a name the gazetteer lacks puts it in.
const Mention* SentenceEvents::town_after_name(uint32_t name_last) const {
  if (name_last + 2 >= seg.tokens.size() || ascii_lower(token_text(doc.text, seg.tokens[name_last + 1])) != "in") return nullptr;
  // (The most specific place of the phrase: "in Ukraine's north-eastern Kharkiv region" is the region's.)
  const Mention* best = nullptr;
  for (size_t m : here) {
    const Mention& mm = mentions[m];
    if (mm.candidates.empty() || mm.first_token <= name_last + 1 || mm.first_token > name_last + 6 || !locatable(mm, true)) continue;
    if (kind_of(mm) == PlaceKind::country || kind_of(mm) == PlaceKind::region) continue;
    if (!best || specificity(mm) < specificity(*best)) best = &mm;
  }
  return best;
}

// "Kolofata, a town near the border about 20 kilometres north-west of Mora": the landmark a name the gazetteer
// lacks is told by, in the aside right after it (its distance and bearing put the point).
const Mention* SentenceEvents::landmark_after(uint32_t name_last) const {
  if (name_last + 1 >= seg.tokens.size() || token_text(doc.text, seg.tokens[name_last + 1]) != ",") return nullptr;
  for (size_t m : here) {
    const Mention& mm = mentions[m];
    if (mm.candidates.empty() || mm.first_token <= name_last || mm.first_token > name_last + 16) continue;
    if (bearing_cue(mm.cue) && landmark_km(doc, seg, mm) > 0) return &mm;
  }
  return nullptr;
}

// "the town of Suleiman Bek", "the village of Amir Ali": the report calls the name a settlement somewhere.
bool SentenceEvents::called_a_town(std::string_view name) const {
  for (const char* kind : {"town of ", "village of ", "city of ", "hamlet of "}) {
    const std::string phrase = kind + std::string(name);
    for (size_t at = doc.text.find(phrase); at != std::string::npos; at = doc.text.find(phrase, at + 1)) {
      const size_t end = at + phrase.size();
      if (end == doc.text.size() || !std::isalnum(static_cast<unsigned char>(doc.text[end]))) return true;
    }
  }
  return false;
}

// "Suleiman Bek lies some 20 kilometres north-west of Tuz Khurmatu": a sentence of the report that opens with the
// lacked name and tells where it lies by distance and bearing from a town; that town's mention.
const Mention* SentenceEvents::landmark_described(uint32_t name_first, uint32_t name_last) const {
  const std::string_view name =
      std::string_view(doc.text).substr(seg.tokens[name_first].start, seg.tokens[name_last].end - seg.tokens[name_first].start);
  const uint32_t length = name_last - name_first + 1;
  for (const Mention& mm : mentions) {
    if (mm.candidates.empty() || !bearing_cue(mm.cue) || landmark_km(doc, seg, mm) <= 0) continue;
    const Sentence& s = seg.sentences[mm.sentence];
    const uint32_t first = s.first_token, verb = first + length;
    if (verb >= mm.first_token || mm.first_token > verb + 10) continue;
    const Token& last_of_name = seg.tokens[verb - 1];
    if (std::string_view(doc.text).substr(seg.tokens[first].start, last_of_name.end - seg.tokens[first].start) != name) continue;
    if (one_of(ascii_lower(token_text(doc.text, seg.tokens[verb])), {"lies", "lay", "is", "was", "sits", "stands"})) return &mm;
  }
  return nullptr;
}

// "had stormed the town of X on Thursday and taken control of the police station": an action that names no place
// of its own is where the perfect it goes on from is.
SentenceEvents::Where SentenceEvents::place_or_conjunct(const Frame& f, const std::vector<int>& evidence) const {
  const Where own = frame_place(f, evidence);
  if (own.found() || !f.verbal) return own;
  const int perfect = v.parse.perfect_of_conjunct(f.chunk);
  if (perfect < 0) return own;
  const std::vector<int> none;
  for (const Frame& g : frames)
    if (g.verbal && g.chunk == perfect)
      if (const Where before = frame_place(g, none); before.found()) return before;
  return own;
}

bool SentenceEvents::where_in_sentence(const Frame& f) const {
  const std::vector<int> evidence;
  return frame_place(f, evidence).found();
}

void SentenceEvents::fill_place(Event& e, const Mention& m) const {
  const Place p = gaz.place(m.candidates.front().entry);
  e.location = p.name;
  e.admin1 = p.admin1;
  e.country_code = p.country_code;
  if (auto c = gaz.country(p.country_code)) e.country = c->name;
  if (p.geonameid) e.geonameid = p.geonameid;
  e.point = p.point;
  e.location_start = m.start;
  e.location_end = m.end;
  const bool relative = m.cue == "near" || m.cue == "outside" || m.cue.find("outskirts") != std::string::npos || m.cue == "close to" ||
                        m.cue == "around" || bearing_cue(m.cue);
  if (relative) e.geo_relation = m.cue;
  if (bearing_cue(m.cue)) e.point = off_by_bearing(e.point, m.cue, landmark_km(doc, seg, m));
  // "Kabul's Paghman district": the city stands for a part of it.
  const size_t after = m.last_token + 1 - v.s.first_token;
  const bool part_of = (after + 1 < v.size() && word(after) == "'" && word(after + 1) == "s") || m.part_of >= 0;
  switch (p.kind) {
    case PlaceKind::city:
      e.geo_precision = relative || part_of ? 2 : 1;
      break;
    case PlaceKind::admin2:
      e.geo_precision = 2;
      break;
    default:
      e.geo_precision = 3;
  }
}

}  // namespace sitmap::event_reading
