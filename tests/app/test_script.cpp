#include <doctest/doctest.h>

#include <stdexcept>

#include "app/app.hpp"
#include "app/script.hpp"

using namespace sitmap;
using V = ScriptAction::Verb;

TEST_CASE("a viewer script is read whole, each argument checked") {
  const auto a = parse_script(
      "# a session\n\ntime 2015-11-20\nwindow 2w\nmode sliding\nfilter type Air/drone strike\nview 39 35.5 4\n"
      "select r-1\ndrop a.txt b.txt\nplay 3\nplay\npause\nexport layer.geojson\npng map.png 800x450\nframes out 3\n"
      "screenshot s.png\r\nfit\nquit",
      "s.txt");
  REQUIRE(a.size() == 16);
  CHECK(a[0].verb == V::time);
  CHECK(a[0].line == 3);
  CHECK(a[1].count == 14);
  CHECK(a[3].arg == "type");
  CHECK(a[3].value == "Air/drone strike");
  CHECK(a[4].lon == 39);
  CHECK(a[4].km_per_px == 4);
  CHECK(a[6].files == std::vector<std::string>{"a.txt", "b.txt"});
  CHECK(a[7].count == 3);
  CHECK(a[8].count == 1);
  CHECK(a[11].width == 800);
  CHECK(a[11].height == 450);
  CHECK(a[12].count == 3);
  CHECK(a[13].arg == "s.png");  // a Windows line end is no part of the path
  CHECK(a[15].verb == V::quit);
}

TEST_CASE("a bad script line is FILE:LINE: reason, before anything runs") {
  auto error_of = [](const std::string& text) {
    try {
      parse_script(text, "bad.txt");
    } catch (const std::runtime_error& e) { return std::string(e.what()); }
    return std::string("no error");
  };
  CHECK(error_of("time 2015-11-20\nwarp 9\n") == "bad.txt:2: unknown action 'warp'");
  CHECK(error_of("time 2015-02-30") == "bad.txt:1: '2015-02-30' is not a date");
  CHECK(error_of("time xx 2015-11-13") == "bad.txt:1: 'xx' is not a date");
  CHECK(error_of("window 0d").rfind("bad.txt:1: '0d' is not a window length", 0) == 0);
  CHECK(error_of("view 39 35").rfind("bad.txt:1: view LON LAT", 0) == 0);
  CHECK(error_of("view 39 95 4").rfind("bad.txt:1: view LON LAT", 0) == 0);
  CHECK(error_of("view nan 35 4").rfind("bad.txt:1: view LON LAT", 0) == 0);
  CHECK(error_of("png a.png 99999999999999999999x100").rfind("bad.txt:1: size", 0) == 0);  // once sscanf("%d"): undefined
  CHECK(error_of("png a.png 800x450x3").rfind("bad.txt:1: size", 0) == 0);
  CHECK(error_of("play lots").rfind("bad.txt:1: play 'lots'", 0) == 0);
  CHECK(error_of("frames out 1e9").rfind("bad.txt:1: frames '1e9'", 0) == 0);
  CHECK(error_of("frames").rfind("bad.txt:1: frames: want a directory", 0) == 0);
  CHECK(error_of("filter colour red").rfind("bad.txt:1: filter 'colour'", 0) == 0);
  CHECK(error_of("mode fast").rfind("bad.txt:1: mode 'fast'", 0) == 0);
  CHECK(error_of("select").rfind("bad.txt:1: select: want", 0) == 0);
  CHECK(error_of(std::string(100000, 'x')).size() < 120);  // a huge line is quoted short
}

TEST_CASE("following a store: expect_events waits (30 s unless told), expect_new, pin, table") {
  const auto a = parse_script("expect_events 12\nexpect_events 3 5\nexpect_new 0\npin on\npin off\ntable rows.csv\n", "s.txt");
  REQUIRE(a.size() == 6);
  CHECK(a[0].verb == V::expect_events);
  CHECK(a[0].count == 12);
  CHECK(a[0].seconds == 30);
  CHECK(a[1].count == 3);
  CHECK(a[1].seconds == 5);
  CHECK(a[2].verb == V::expect_new);
  CHECK(a[2].count == 0);
  CHECK(a[3].verb == V::pin);
  CHECK(a[3].arg == "on");
  CHECK(a[4].arg == "off");
  CHECK(a[5].verb == V::table);
  CHECK(a[5].arg == "rows.csv");
  auto error_of = [](const std::string& text) {
    try {
      parse_script(text, "bad.txt");
    } catch (const std::runtime_error& e) { return std::string(e.what()); }
    return std::string("no error");
  };
  CHECK(error_of("expect_events").rfind("bad.txt:1: expect_events: want a number", 0) == 0);
  CHECK(error_of("expect_events -3").rfind("bad.txt:1: expect_events '-3'", 0) == 0);
  CHECK(error_of("expect_events 3 soon").rfind("bad.txt:1: seconds 'soon'", 0) == 0);
  CHECK(error_of("expect_new 3 4").rfind("bad.txt:1: expect_new N", 0) == 0);
  CHECK(error_of("pin maybe").rfind("bad.txt:1: pin 'maybe'", 0) == 0);
  CHECK(error_of("table").rfind("bad.txt:1: table: want a file", 0) == 0);
}

TEST_CASE("filter lines set every part of the export filter; type and actor lines add up") {
  const auto a = parse_script(
      "filter from 2015-11-01\nfilter to 15 November 2015\nfilter bbox 30,25,50,40\nfilter within area.geojson\n"
      "filter dataset acled\nfilter min-confidence 0.5\nfilter background no\nfilter actor France\nfilter actor Russia\n"
      "filter type Air/drone strike\nfilter country SY\nfilter text raqqa\nfilter clear\n",
      "f.txt");
  REQUIRE(a.size() == 13);
  EventFilter f;
  for (size_t i = 0; i + 1 < a.size(); ++i) apply_filter_line(f, a[i].arg, a[i].value);
  CHECK(f.from == CivilDate{2015, 11, 1});
  CHECK(f.to == CivilDate{2015, 11, 15});
  REQUIRE(f.bbox.has_value());
  CHECK(f.bbox->east == 50);
  CHECK(f.within == "area.geojson");
  CHECK(f.dataset == "acled");
  CHECK(f.min_confidence == 0.5);
  CHECK_FALSE(f.include_background);
  CHECK(f.actors == std::vector<std::string>{"France", "Russia"});
  CHECK(f.types == std::vector<std::string>{"Air/drone strike"});
  CHECK(f.country == "SY");
  CHECK(f.text == "raqqa");
  apply_filter_line(f, "actor", "");
  CHECK(f.actors.empty());
  CHECK(a[12].arg == "clear");
}

TEST_CASE("a bad filter line is refused before anything runs") {
  auto error_of = [](const std::string& text) {
    try {
      parse_script(text, "f.txt");
    } catch (const std::runtime_error& e) { return std::string(e.what()); }
    return std::string("no error");
  };
  CHECK(error_of("filter from 2015-02-30").rfind("f.txt:1: date '2015-02-30'", 0) == 0);
  CHECK(error_of("filter bbox 1,2").rfind("f.txt:1: bbox '1,2'", 0) == 0);
  CHECK(error_of("filter min-confidence 2").rfind("f.txt:1: min-confidence '2'", 0) == 0);
  CHECK(error_of("filter background maybe").rfind("f.txt:1: background 'maybe'", 0) == 0);
  CHECK(error_of("filter colour red").find("type, actor, country, text, from, to, bbox") != std::string::npos);
}

TEST_CASE("image sizes") {
  CHECK(parse_image_size("1600x900") == std::pair{1600, 900});
  CHECK_FALSE(parse_image_size("15x900").has_value());
  CHECK_FALSE(parse_image_size("1600x").has_value());
  CHECK_FALSE(parse_image_size("16.5x900").has_value());
  CHECK_FALSE(parse_image_size("99999999999x900").has_value());
}
