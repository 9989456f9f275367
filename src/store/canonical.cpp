#include "store/canonical.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/event_types.hpp"
#include "core/fold.hpp"
#include "core/hash.hpp"
#include "core/geo.hpp"

namespace sitmap {
namespace {

// How far apart two readings' points may be, by the vaguer precision of
// the two: the same town (10 km: one town under two gazetteer entries),
// near a town (25 km).
constexpr double kTownKm = 10, kNearTownKm = 25;
// Readings whose dates span more than this (after widening) are not matched.
constexpr long kLongestMatchSpan = 13;

// Sub-types one event can be reported as: a missile strike told as an air
// strike, a suicide bombing as a bombing, a battle as the taking of a town.
bool sub_types_compatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  static const std::vector<std::set<std::string_view>> kKin = {
      {"Air/drone strike", "Shelling/artillery/missile attack"},
      {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"},
      {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
      {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
      {"Violent demonstration", "Mob violence"},
  };
  return std::any_of(kKin.begin(), kKin.end(), [&](const auto& kin) { return kin.count(a) && kin.count(b); });
}

std::string day_span_text(const std::pair<CivilDate, CivilDate>& s) {
  return s.first == s.second ? to_iso(s.first) : to_iso(s.first) + ".." + to_iso(s.second);
}

bool country_level(const Event& e) { return e.geo_precision >= 3 && (e.admin1.empty() || e.location == e.country); }

MatchVerdict verdict(std::vector<RuleCheck> checks) {
  MatchVerdict v;
  v.same = std::all_of(checks.begin(), checks.end(), [](const RuleCheck& c) { return c.passed; });
  v.checks = std::move(checks);
  return v;
}

// Each rule says whether a pair passes it and, when asked (`detail` not
// null: sitmap events explain), why in words. Ingest asks no words.
bool type_ok(const Event& a, const Event& b, std::string* detail) {
  if (a.event_type != b.event_type) {
    if (detail) *detail = fmt::format("different event types: {} / {}", a.event_type, b.event_type);
    return false;
  }
  const bool ok = sub_types_compatible(a.sub_event_type, b.sub_event_type);
  if (detail)
    *detail = !ok ? fmt::format("sub-types that one event is not reported as: {} / {}", a.sub_event_type, b.sub_event_type)
              : a.sub_event_type == b.sub_event_type ? a.sub_event_type
                                                     : a.sub_event_type + " ~ " + b.sub_event_type;
  return ok;
}

bool date_ok(const Event& a, const Event& b, std::string* detail) {
  const auto sa = match_span(a), sb = match_span(b);
  if (!sa || !sb) {
    if (detail) *detail = "a reading without a date";
    return false;
  }
  const bool overlap =
      days_from_civil(sa->first) <= days_from_civil(sb->second) && days_from_civil(sb->first) <= days_from_civil(sa->second);
  if (detail)
    *detail = fmt::format("{} (precision {}) {} {} (precision {})", day_span_text(*sa), a.when.precision, overlap ? "meets" : "misses",
                          day_span_text(*sb), b.when.precision);
  return overlap;
}

bool place_ok(const Event& a, const Event& b, std::string* detail) {
  if (a.country_code != b.country_code) {
    if (detail) *detail = fmt::format("different countries: {} / {}", a.country_code, b.country_code);
    return false;
  }
  const int vaguer = std::max(a.geo_precision, b.geo_precision);
  if (vaguer <= 2) {
    const double limit = vaguer == 1 ? kTownKm : kNearTownKm;
    const bool same_entry = a.geonameid && b.geonameid && *a.geonameid == *b.geonameid && vaguer == 1;
    // A degree of latitude is 111 km: most pairs are told apart without trigonometry.
    if (!same_entry && !detail && std::abs(a.point.lat - b.point.lat) * 111.0 > limit + 1) return false;
    const double km = haversine_km(a.point, b.point);
    const bool ok = same_entry || km <= limit;
    if (detail)
      *detail = fmt::format("{} / {}: {:.1f} km apart ({} within {:.0f} km{})", a.location, b.location, km, ok ? "is" : "not", limit,
                            same_entry ? ", the same gazetteer entry" : "");
    return ok;
  }
  // A province or country reading holds the other when the other lies in it.
  const Event& wide = a.geo_precision >= 3 ? a : b;
  const Event& other = &wide == &a ? b : a;
  if (country_level(wide)) {
    const bool ok = country_level(other);
    if (detail)
      *detail = ok ? fmt::format("both country-wide in {}", wide.country)
                   : fmt::format("{} is country-wide, too vague to hold {}", wide.location, other.location);
    return ok;
  }
  const bool ok = !country_level(other) && !other.admin1.empty() && other.admin1 == wide.admin1;
  if (detail)
    *detail = fmt::format("{} (province) {} {} ({})", wide.location, ok ? "holds" : "does not hold", other.location,
                          other.admin1.empty() ? "no province" : other.admin1);
  return ok;
}

// Two names of sides agree when either is unnamed (or named generically:
// "Unidentified Armed Group (Nigeria)" is no one in particular), or one's
// words hold the other's.
bool actors_agree(const std::string& x, const std::string& y) {
  if (x.empty() || y.empty() || x == y || generic_actor(x) || generic_actor(y)) return true;
  const std::string a = normalise_actor(x), b = normalise_actor(y);
  if (a == b) return true;
  const auto has_words = [](const std::string& hay, const std::string& needle) {
    return (" " + hay + " ").find(" " + needle + " ") != std::string::npos;
  };
  return has_words(a, b) || has_words(b, a);
}

bool actors_ok(const Event& a, const Event& b, std::string* detail) {
  const bool straight = actors_agree(a.actor1, b.actor1) && actors_agree(a.actor2, b.actor2);
  // Sides swapped (one report's attacker is the other's second actor) only
  // when both name that side: an unnamed side agrees with anything.
  const bool crossed =
      !straight && !a.actor1.empty() && !b.actor2.empty() && actors_agree(a.actor1, b.actor2) && actors_agree(a.actor2, b.actor1);
  if (detail) {
    const auto pair = [](const Event& e) {
      return fmt::format("{} / {}", e.actor1.empty() ? "-" : e.actor1, e.actor2.empty() ? "-" : e.actor2);
    };
    *detail = fmt::format("{} {} {}", pair(a), straight ? "agree with" : crossed ? "agree (sides swapped) with" : "contradict", pair(b));
  }
  return straight || crossed;
}

bool mergeable_ok(const Event& a, const Event& b, std::string* detail) {
  std::string why;
  if (!is_mergeable(a, &why)) {
    if (detail) *detail = a.event_id + ": " + why;
    return false;
  }
  if (!is_mergeable(b, &why)) {
    if (detail) *detail = b.event_id + ": " + why;
    return false;
  }
  if (detail) *detail = "both readings can be matched";
  return true;
}

bool reports_ok(const Event& a, const Event& b, std::string* detail) {
  const bool one_report = a.document_id == b.document_id;
  if (detail)
    *detail = one_report ? "one report's own events: its extraction kept them apart"
                         : fmt::format("different reports: {} / {}", a.document_id, b.document_id);
  return !one_report;
}

using Rule = bool (*)(const Event&, const Event&, std::string*);
struct NamedRule {
  const char* name;
  Rule test;
};
// In the order explain lists them; ingest tests the cheap ones first.
constexpr NamedRule kReadingRules[] = {{"mergeable", mergeable_ok}, {"reports", reports_ok}, {"type", type_ok},
                                       {"date", date_ok},           {"place", place_ok},     {"actors", actors_ok}};
constexpr NamedRule kDatasetRules[] = {
    {"mergeable", mergeable_ok}, {"type", type_ok}, {"date", date_ok}, {"place", place_ok}, {"actors", actors_ok}};
constexpr Rule kFastOrder[] = {reports_ok, type_ok, date_ok, place_ok, actors_ok, mergeable_ok};

MatchVerdict explain_rules(std::span<const NamedRule> rules, const Event& a, const Event& b) {
  std::vector<RuleCheck> checks;
  for (const NamedRule& r : rules) {
    RuleCheck c{r.name, false, ""};
    c.passed = r.test(a, b, &c.detail);
    checks.push_back(std::move(c));
  }
  return verdict(std::move(checks));
}

// Which readings are one source: one agency's readings are one source,
// and so are readings of one sentence (one agency's copy rewritten by
// another). Each reading's root is the first reading of its source.
std::vector<size_t> source_roots(std::span<const ReadingSummary> readings) {
  std::vector<size_t> parent(readings.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<std::string, size_t> by_agency, by_text;
  auto join = [&](std::map<std::string, size_t>& seen, const std::string& k, size_t i) {
    if (k.empty()) return;
    const auto [it, fresh] = seen.emplace(k, i);
    if (fresh) return;
    const size_t a = find(i), b = find(it->second);
    parent[std::max(a, b)] = std::min(a, b);
  };
  for (size_t i = 0; i < readings.size(); ++i) {
    join(by_agency, readings[i].agency, i);
    join(by_text, readings[i].fingerprint, i);
  }
  std::vector<size_t> root(readings.size());
  for (size_t i = 0; i < readings.size(); ++i) root[i] = find(i);
  return root;
}

}  // namespace

bool is_mergeable(const Event& e, std::string* why) {
  auto no = [&](const char* reason) {
    if (why) *why = reason;
    return false;
  };
  if (e.background) return no("campaign background, not a reported action");
  if (!e.when.date) return no("no date");
  if (e.when.precision > 2) return no("date vaguer than a week (time_precision 3)");
  const auto span = match_span(e);
  if (!span || days_from_civil(span->second) - days_from_civil(span->first) > kLongestMatchSpan) return no("a date range over a week");
  if (e.country_code.empty()) return no("no country");
  if (e.event_type.empty()) return no("no event type");
  return true;
}

std::optional<std::pair<CivilDate, CivilDate>> match_span(const Event& e) {
  if (!e.when.date) return std::nullopt;
  CivilDate lo = *e.when.date, hi = e.when.date_to.value_or(*e.when.date);
  if (days_from_civil(hi) < days_from_civil(lo)) std::swap(lo, hi);
  if (e.when.precision == 2) {
    lo = add_days(lo, -3);
    hi = add_days(hi, 3);
  } else if (e.when.precision >= 3) {
    lo = CivilDate{lo.year, lo.month, 1};
    hi = add_days(CivilDate{hi.month == 12 ? hi.year + 1 : hi.year, hi.month == 12 ? 1 : hi.month + 1, 1}, -1);
  }
  return std::make_pair(lo, hi);
}

std::optional<std::pair<CivilDate, CivilDate>> candidate_dates(const Event& e) {
  // A mergeable reading's event_date lies at most 3 days after its widened
  // span starts and its span is at most kLongestMatchSpan days long.
  const auto span = match_span(e);
  if (!span) return std::nullopt;
  return std::make_pair(add_days(span->first, -kLongestMatchSpan), add_days(span->second, 3));
}

MatchVerdict match_readings(const Event& a, const Event& b) { return explain_rules(kReadingRules, a, b); }

bool same_event(const Event& a, const Event& b) {
  return std::all_of(std::begin(kFastOrder), std::end(kFastOrder), [&](Rule r) { return r(a, b, nullptr); });
}

MatchVerdict match_across_datasets(const Event& ours, const Event& theirs) { return explain_rules(kDatasetRules, ours, theirs); }

std::string normalise_actor(std::string_view actor) {
  // Matching asks for a few names many times.
  thread_local std::unordered_map<std::string, std::string> memo;
  if (const auto hit = memo.find(std::string(actor)); hit != memo.end()) return hit->second;
  if (memo.size() > 100000) memo.clear();
  std::string& out = memo[std::string(actor)];
  out = normalise_actor_uncached(actor);
  return out;
}

std::string normalise_actor_uncached(std::string_view actor) {
  std::string s = fold_name(actor);
  // ACLED's state forces: "Military Forces of France (2012-2017)", "Police Forces of Iraq".
  for (const char* prefix : {"military forces of ", "police forces of ", "government of "})
    if (s.rfind(prefix, 0) == 0) s = s.substr(std::string_view(prefix).size());
  if (const size_t paren = s.find(" ("); paren != std::string::npos) s = s.substr(0, paren);
  // Dates in ACLED's names are folded to spaces and digits: drop trailing number words.
  while (!s.empty() && (std::isdigit(static_cast<unsigned char>(s.back())) || s.back() == ' ')) s.pop_back();
  for (const char* article : {"the "})
    if (s.rfind(article, 0) == 0) s = s.substr(std::string_view(article).size());
  // The kind of force after a state's name says no more than its name.
  for (const char* suffix : {" military", " forces", " army", " air force", " warplanes", " jets", " troops", " police"})
    if (s.size() > std::string_view(suffix).size() && s.ends_with(suffix)) s.resize(s.size() - std::string_view(suffix).size());
  static const std::map<std::string, std::string> kStateNames = {
      {"french", "france"},          {"russian", "russia"},    {"american", "united states"}, {"us", "united states"},
      {"u s", "united states"},      {"usa", "united states"}, {"syrian", "syria"},           {"iraqi", "iraq"},
      {"british", "united kingdom"}, {"uk", "united kingdom"}, {"turkish", "turkiye"},        {"israeli", "israel"},
      {"saudi", "saudi arabia"},     {"turkey", "turkiye"},    {"canadian", "canada"},        {"afghan", "afghanistan"},
      {"nigerian", "nigeria"},       {"is", "islamic state"},  {"isis", "islamic state"},     {"isil", "islamic state"},
      {"daesh", "islamic state"},
  };
  if (const auto it = kStateNames.find(s); it != kStateNames.end()) s = it->second;
  return s;
}

std::string report_agency(const Document& doc) {
  if (doc.dateline && !doc.dateline->agency.empty()) return ascii_lower(doc.dateline->agency);
  // A byline that names a wire: "By Jane Doe (Reuters)", "AFP".
  static const char* kWires[] = {"afp",  "reuters", "associated press", "ap", "xinhua", "anadolu", "dpa", "efe", "ansa", "upi",
                                 "tass", "sana"};
  const std::string byline = " " + fold_name(doc.byline) + " ";
  for (const char* wire : kWires)
    if (byline.find(std::string(" ") + wire + " ") != std::string::npos) return wire;
  // The host of the URL, without "www.".
  std::string_view url = doc.url;
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.rfind("www.", 0) == 0) url.remove_prefix(4);
  return ascii_lower(url);
}

std::string sentence_fingerprint(std::string_view sentence) {
  std::string folded = fold_name(sentence), letters;
  for (char c : folded)
    if (std::isalnum(static_cast<unsigned char>(c))) letters.push_back(c);
  return hex64(fnv1a_64(letters));
}

ReadingSummary summarise(const Event& e, const ReadingSource& source) {
  ReadingSummary r;
  r.key = source.key;
  r.event_id = e.event_id;
  r.document_id = e.document_id;
  r.agency = source.agency;
  r.fingerprint = source.fingerprint;
  r.date = e.when.date;
  r.date_to = e.when.date_to;
  r.time_precision = e.when.precision;
  r.geo_precision = e.geo_precision;
  r.location = e.location;
  // Rounded as the stored summary is (summaries_json), so a summary made
  // now folds exactly as one read back later.
  r.latitude = std::round(e.point.lat * 1e6) / 1e6;
  r.longitude = std::round(e.point.lon * 1e6) / 1e6;
  r.fatalities = e.fatalities;
  r.actor1 = e.actor1;
  r.actor2 = e.actor2;
  r.confidence = std::round(e.confidence * 100) / 100;
  return r;
}

namespace {

// JSON text as nlohmann::json's dump() writes it (stored summaries and
// document lists must not change), without building a json value, which
// cost more than the rest of storing a reading: a string of printable
// ASCII is copied as it is; any other string (escapes, UTF-8 to check)
// and every double are written by nlohmann itself.
void append_json(std::string& out, std::string_view s) {
  const bool plain = std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; });
  if (!plain) {
    out += nlohmann::json(std::string(s)).dump();
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

void append_json(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[64];
  out.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, v));
}

void append_json(std::string& out, int v) { out += std::to_string(v); }

template <typename T>
void append_json(std::string& out, const std::optional<T>& v) {
  if (v)
    append_json(out, *v);
  else
    out += "null";
}

void append_json(std::string& out, const std::optional<CivilDate>& d) {
  if (d)
    append_json(out, to_iso(*d));
  else
    out += "null";
}

}  // namespace

std::string summaries_json(std::span<const ReadingSummary> readings) {
  // A summary's keys in the order nlohmann::json keeps an object's (sorted).
  std::string out = "[";
  for (const ReadingSummary& r : readings) {
    if (out.size() > 1) out += ',';
    out += "{\"actor1\":";
    append_json(out, r.actor1);
    out += ",\"actor2\":";
    append_json(out, r.actor2);
    out += ",\"agency\":";
    append_json(out, r.agency);
    out += ",\"confidence\":";
    append_json(out, std::round(r.confidence * 100) / 100);
    out += ",\"date\":";
    append_json(out, r.date);
    out += ",\"date_to\":";
    append_json(out, r.date_to);
    out += ",\"document_id\":";
    append_json(out, r.document_id);
    out += ",\"event_id\":";
    append_json(out, r.event_id);
    out += ",\"fatalities\":";
    append_json(out, r.fatalities);
    out += ",\"fingerprint\":";
    append_json(out, r.fingerprint);
    out += ",\"geo_precision\":";
    append_json(out, r.geo_precision);
    out += ",\"key\":";
    append_json(out, r.key);
    out += ",\"latitude\":";
    append_json(out, std::round(r.latitude * 1e6) / 1e6);
    out += ",\"location\":";
    append_json(out, r.location);
    out += ",\"longitude\":";
    append_json(out, std::round(r.longitude * 1e6) / 1e6);
    out += ",\"time_precision\":";
    append_json(out, r.time_precision);
    out += '}';
  }
  return out + "]";
}

std::vector<ReadingSummary> summaries_from_json(std::string_view text) {
  std::vector<ReadingSummary> out;
  const auto all = nlohmann::json::parse(text, nullptr, false);
  if (!all.is_array()) return out;
  auto date = [](const nlohmann::json& j, const char* k) -> std::optional<CivilDate> {
    if (!j.contains(k) || !j[k].is_string()) return std::nullopt;
    return parse_iso_date(j[k].get<std::string>());
  };
  for (const auto& j : all) {
    if (!j.is_object()) continue;
    ReadingSummary r;
    r.key = j.value("key", "");
    r.event_id = j.value("event_id", "");
    r.document_id = j.value("document_id", "");
    r.agency = j.value("agency", "");
    r.fingerprint = j.value("fingerprint", "");
    r.date = date(j, "date");
    r.date_to = date(j, "date_to");
    r.time_precision = j.value("time_precision", 1);
    r.geo_precision = j.value("geo_precision", 1);
    r.location = j.value("location", "");
    r.latitude = j.value("latitude", 0.0);
    r.longitude = j.value("longitude", 0.0);
    if (j.contains("fatalities") && j["fatalities"].is_number_integer()) r.fatalities = j["fatalities"].get<int>();
    r.actor1 = j.value("actor1", "");
    r.actor2 = j.value("actor2", "");
    r.confidence = j.value("confidence", 0.0);
    if (!r.key.empty()) out.push_back(std::move(r));
  }
  return out;
}

int independent_sources(std::span<const ReadingSummary> readings) {
  const std::vector<size_t> root = source_roots(readings);
  int n = 0;
  for (size_t i = 0; i < readings.size(); ++i) n += root[i] == i;
  return n;
}

std::string canonical_id_for(std::string_view smallest_key) { return "c" + std::string(smallest_key); }

bool is_canonical_event_id(std::string_view id) {
  return id.size() > 1 && id.size() < 64 && id.front() == 'c' &&
         std::all_of(id.begin() + 1, id.end(), [](unsigned char c) { return std::isxdigit(c) || c == '-'; });
}

std::string document_ids_json(std::span<const std::string> ids) {
  std::string out = "[";
  for (const std::string& id : ids) {
    if (out.size() > 1) out += ',';
    append_json(out, id);
  }
  return out + "]";
}

namespace {

// Readings sorted by key, one of each key (the first given). A group's
// readings come mostly in key order already (a stored group's, then the new
// ones): the order is found on indexes and each summary, a dozen strings,
// is moved once rather than at every swap of a sort.
std::vector<ReadingSummary> in_key_order(std::vector<ReadingSummary> readings) {
  std::vector<size_t> order(readings.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return std::tie(readings[a].key, a) < std::tie(readings[b].key, b); });
  std::vector<ReadingSummary> out;
  out.reserve(readings.size());
  for (size_t i : order)
    if (out.empty() || out.back().key != readings[i].key) out.push_back(std::move(readings[i]));
  return out;
}

}  // namespace

CanonicalEvent fold_canonical(std::vector<ReadingSummary> readings, std::span<const Event> primary_candidates) {
  if (readings.empty()) throw std::invalid_argument("fold_canonical: no readings");
  readings = in_key_order(std::move(readings));
  // The most precise reading: place first, then date, then the smallest key.
  const auto rank = [](const ReadingSummary& r) { return std::make_tuple(r.geo_precision, r.time_precision, std::string_view(r.key)); };
  const ReadingSummary& primary =
      *std::min_element(readings.begin(), readings.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  const auto it = std::find_if(primary_candidates.begin(), primary_candidates.end(),
                               [&](const Event& e) { return e.event_id == primary.event_id && e.document_id == primary.document_id; });
  if (it == primary_candidates.end())
    throw std::logic_error("fold_canonical: the most precise reading " + primary.event_id + " is not given");
  CanonicalEvent out;
  out.event = *it;
  Event& e = out.event;
  e.event_id = canonical_id_for(readings.front().key);
  // Its own figures, not a canonical row's (which may hold another reading's).
  e.fatalities = primary.fatalities;
  e.actor1 = primary.actor1;
  e.actor2 = primary.actor2;
  for (const ReadingSummary& r : readings) {
    // ACLED: the most conservative figure that is reported.
    if (r.fatalities && (!e.fatalities || *r.fatalities < *e.fatalities)) e.fatalities = r.fatalities;
    // A side named generically yields to a reading that names it.
    const auto better = [](const std::string& have, const std::string& other) {
      return !other.empty() && (have.empty() || (generic_actor(have) && !generic_actor(other)));
    };
    if (better(e.actor1, r.actor1)) e.actor1 = r.actor1;
    // (Never the canonical actor1 again as its actor2, a reading with the sides swapped.)
    if (better(e.actor2, r.actor2) && normalise_actor(r.actor2) != normalise_actor(e.actor1)) e.actor2 = r.actor2;
  }
  // Independent sources raise confidence: 1 - product of their doubts (the
  // best reading of each source stands for it).
  std::map<size_t, double> best_of_source;  // by the source's first reading
  const std::vector<size_t> root = source_roots(readings);
  for (size_t i = 0; i < readings.size(); ++i) {
    double& best = best_of_source[root[i]];
    best = std::max(best, std::clamp(readings[i].confidence, 0.0, 1.0));
  }
  out.source_count = static_cast<int>(best_of_source.size());  // independent_sources, from the same roots
  double doubt = 1;
  for (const auto& [key, c] : best_of_source) doubt *= 1 - c;
  e.confidence = std::min(0.99, std::round((1 - doubt) * 100) / 100);  // many sources are not certainty
  std::vector<std::string_view> docs;
  docs.reserve(readings.size());
  for (const ReadingSummary& r : readings) docs.push_back(r.document_id);
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  out.document_ids.assign(docs.begin(), docs.end());
  e.evidence_count = static_cast<int>(readings.size());
  out.readings = std::move(readings);
  return out;
}

}  // namespace sitmap
