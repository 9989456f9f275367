#include <doctest/doctest.h>

#include "core/file_formats.hpp"

using namespace sitmap;

TEST_CASE("file formats: by extension, by a PG: prefix, by name") {
  CHECK(format_of_path("reports/a.txt") == FileFormat::text);
  CHECK(format_of_path("page.htm") == FileFormat::html);
  CHECK(format_of_path("feed.ndjson") == FileFormat::jsonl);
  CHECK(format_of_path("wire.atom") == FileFormat::feed);
  CHECK(format_of_path("out/events.geojson") == FileFormat::geojson);
  CHECK(format_of_path("events.json") == FileFormat::geojson);
  CHECK(format_of_path("events.geojsons") == FileFormat::geojsonseq);
  CHECK(format_of_path("sitmap.gpkg") == FileFormat::gpkg);
  CHECK(format_of_path("PG:host=db dbname=events") == FileFormat::postgis);
  CHECK(format_of_path("a.dir/README") == FileFormat::unknown);
  CHECK(format_of_path(".gpkg") == FileFormat::unknown);           // a hidden file, no extension
  CHECK(format_of_path("EVENTS.GEOJSON") == FileFormat::unknown);  // as written, like the readers always did
  CHECK(format_named("GeoJSON") == FileFormat::geojson);
  CHECK(format_named("LIBKML") == FileFormat::kml);
  CHECK(format_named("FlatGeobuf") == FileFormat::fgb);
  CHECK(format_named("unknown") == FileFormat::unknown);
  CHECK(format_named("shp") == FileFormat::unknown);
  for (const FileFormatInfo& f : file_formats()) CHECK(&file_format(f.format) == &f);
}

TEST_CASE("file formats: a report's name decides, except .txt, .xml or none, which its first bytes may make a feed") {
  const char* rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>";
  CHECK(report_format("a.txt", "KABUL, Aug. 26 (Xinhua) -- ...") == FileFormat::text);
  CHECK(report_format("a.txt", rss) == FileFormat::feed);
  CHECK(report_format("a.xml", rss) == FileFormat::feed);
  CHECK(report_format("a.xml", "<html>") == FileFormat::text);
  CHECK(report_format("incoming/a", "<feed xmlns=\"http://www.w3.org/2005/Atom\">") == FileFormat::feed);
  CHECK(report_format("a.html", rss) == FileFormat::html);
  CHECK(report_format("a.md", rss) == FileFormat::text);
  CHECK(report_format("a.rss", "") == FileFormat::feed);
  CHECK(report_format("a.jsonl", "") == FileFormat::jsonl);
  CHECK(report_format("a.geojson", "{}") == FileFormat::text);  // not a report format: read as text, as before
}

TEST_CASE("file formats: which the viewer reads as a layer and which export writes") {
  CHECK(file_format(FileFormat::geojson).layer_in);
  CHECK_FALSE(file_format(FileFormat::csv).layer_in);
  CHECK(file_format(FileFormat::csv).layer_out);
  CHECK_FALSE(file_format(FileFormat::html).layer_out);
  CHECK_FALSE(file_format(FileFormat::postgis).layer_out);
}
