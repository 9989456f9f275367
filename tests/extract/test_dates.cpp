#include <doctest/doctest.h>

#include "extract/dates.hpp"
#include "extract/pipeline.hpp"
#include "text/reader.hpp"

using namespace sitmap;

namespace {
std::vector<DateCue> cues(const std::string& text, std::optional<CivilDate> pub = CivilDate{2015, 11, 16}) {
  Document d;
  d.text = text;
  d.published = pub;
  const Segmented s = segment(d.text);
  return find_date_cues(d, s, s.sentences.front());
}
std::string first(const std::string& text, std::optional<CivilDate> pub = CivilDate{2015, 11, 16}) {
  auto c = cues(text, pub);
  return c.empty() || !c.front().span.date ? "" : to_iso(*c.front().span.date);
}
}  // namespace

TEST_CASE("relative dates resolve against a Monday 16 November 2015 report") {
  CHECK(first("Strikes on Sunday hit the town.") == "2015-11-15");
  CHECK(first("In response to Friday's attacks, jets flew.") == "2015-11-13");
  CHECK(first("Jets struck on Monday.") == "2015-11-16");
  CHECK(first("There were explosions overnight in the city.") == "2015-11-15");
  CHECK(first("Raids yesterday destroyed depots.") == "2015-11-15");
  CHECK(first("Russian strikes were launched on September 30.") == "2015-09-30");  // 2015, not 2016
  CHECK(first("It happened on December 20.") == "2014-12-20");                     // never after publication
}

TEST_CASE("'the day before yesterday' and 'on Tuesday last week' against a Monday 16 November 2015 report") {
  CHECK(first("Raids the day before yesterday destroyed depots.") == "2015-11-14");
  CHECK(first("Jets struck on Tuesday last week.") == "2015-11-10");
  CHECK(first("Jets struck on Sunday of last week.") == "2015-11-15");  // the Sunday that ended last week
  CHECK(first("Jets struck on Tuesday.") == "2015-11-10");              // this week's Tuesday is to come: last week's
  CHECK(first("Jets struck two nights ago.") == "2015-11-14");
  CHECK(first("Jets struck 48 hours ago.") == "2015-11-14");
}

TEST_CASE("a year alone dates an earlier year, never this one or a count") {
  auto shot = cues("She was shot by the Taliban in 2012.");
  REQUIRE(shot.size() == 1);
  CHECK(to_iso(*shot[0].span.date) == "2012-01-01");
  CHECK(to_iso(*shot[0].span.date_to) == "2012-12-31");
  CHECK(cues("Raids in 2015 killed many.").empty());  // the report's own year says nothing more
  CHECK(cues("A convoy of 2012 trucks arrived.").empty());
  CHECK(cues("Strikes in May 1998 hit the border.").size() == 1);  // the month's cue, not a second one
}

TEST_CASE("ranges and precision") {
  auto since = cues("Strikes have gone on since September 2014.");
  REQUIRE(since.size() == 1);
  CHECK(since[0].since);
  CHECK(to_iso(*since[0].span.date) == "2014-09-01");
  CHECK(since[0].span.precision == 3);
  auto week = cues("Raids last week killed ten.");
  REQUIRE(week.size() == 1);
  CHECK(week[0].span.precision == 2);
  CHECK(to_iso(*week[0].span.date) == "2015-11-09");
  auto month = cues("Earlier this month the town fell.");
  REQUIRE(month.size() == 1);
  CHECK(to_iso(*month[0].span.date) == "2015-11-01");
  CHECK(month[0].span.precision == 3);
}

TEST_CASE("the telling's date is marked, impossible days are skipped") {
  auto c = cues("On Monday, the Pentagon said strikes on Sunday destroyed trucks.");
  REQUIRE(c.size() == 2);
  CHECK(c[0].reporting);
  CHECK_FALSE(c[1].reporting);
  auto told = cues("Gunmen attacked the town, sources told AFP on Tuesday.");
  REQUIRE(told.size() == 1);
  CHECK(told[0].reporting);
  std::vector<std::string> warnings;
  Document d;
  d.text = "It happened on February 30, 2015.";
  d.published = CivilDate{2015, 11, 16};
  const Segmented s = segment(d.text);
  CHECK(find_date_cues(d, s, s.sentences.front(), &warnings).empty());
  CHECK(warnings.size() == 1);
  CHECK(cues("Strikes on Sunday.", std::nullopt).empty());  // no publication date: no guess
}

TEST_CASE("holidays, 'this evening', a day before its month, the year before a noun") {
  CHECK(first("A bomber struck on Christmas Day.") == "2014-12-25");  // the latest not after the report
  CHECK(first("Crowds gathered on New Year's Eve.") == "2014-12-31");
  CHECK(first("Thousands marched this evening.") == "2015-11-16");
  CHECK(first("Fighting resumed on 1 May near the town.") == "2015-05-01");
  CHECK(first("The people killed in the 1994 genocide were remembered.") == "1994-01-01");
}

TEST_CASE("a span of two days in one month starts on the first") {
  auto night = cues("During the night of 2 to 3 November, armed men broke into a warehouse.");
  REQUIRE(night.size() == 1);
  CHECK(to_iso(*night[0].span.date) == "2015-11-02");
  CHECK(to_iso(*night[0].span.date_to) == "2015-11-03");
  auto both = cues("Fighting continued on 4 and 5 November on the hills.");
  REQUIRE(both.size() == 1);
  CHECK(to_iso(*both[0].span.date) == "2015-11-04");
}

TEST_CASE("Palm Sunday, Good Friday and Easter are dated by Easter, the latest not after the report") {
  Document d;
  d.id = "e";
  d.text = "Missiles struck the city centre on Palm Sunday. Two churches were bombed on Good Friday.";
  d.published = CivilDate{2025, 4, 20};
  const Segmented seg = segment(d.text);
  const auto palm = find_date_cues(d, seg, seg.sentences[0]);
  REQUIRE(palm.size() == 1);
  CHECK(to_iso(*palm[0].span.date) == "2025-04-13");
  const auto friday = find_date_cues(d, seg, seg.sentences[1]);
  REQUIRE(friday.size() == 1);
  CHECK(to_iso(*friday[0].span.date) == "2025-04-18");
  d.published = CivilDate{2017, 4, 12};  // before Easter 2017: Good Friday of 2016
  const auto last_year = find_date_cues(d, seg, seg.sentences[1]);
  REQUIRE(last_year.size() == 1);
  CHECK(to_iso(*last_year[0].span.date) == "2016-03-25");
}

TEST_CASE("'in early May', 'in mid-April', 'at the end of April': a month, not the report's day") {
  for (const char* when : {"in early May", "in mid-April", "at the end of April", "in late April"}) {
    CAPTURE(when);
    const Document d = parse_plain_text(
        std::string("Report\n\nKIGALI, July 9, 2024 - Rebels captured the mining town of Rubaya ") + when + ", the experts said.\n", "m",
        "m.txt");
    const auto e = analyse(d, Gazetteer::open_default()).events;
    REQUIRE(e.size() == 1);
    CHECK(e[0].when.precision == 3);
    CHECK(e[0].background);  // over a month before the report
  }
}

TEST_CASE("'at the weekend' is the Saturday and Sunday last begun by the report's day") {
  // 16 November 2015 is a Monday.
  auto weekend = cues("Eighteen people were killed in the unrest at the weekend.");
  REQUIRE(weekend.size() == 1);
  CHECK(to_iso(*weekend[0].span.date) == "2015-11-14");
  CHECK(to_iso(*weekend[0].span.date_to) == "2015-11-15");
  CHECK(first("Clashes over the weekend left two dead.", CivilDate{2015, 11, 15}) == "2015-11-14");  // a Sunday's own weekend
  CHECK(first("Protests last weekend turned violent.", CivilDate{2015, 11, 20}) == "2015-11-14");
  CHECK(cues("Talks are planned for the coming weekend.").empty());
}

TEST_CASE("'On the 15th' is a day of the report's month, or of the month before") {
  CHECK(first("On the 15th at around 7:15 a.m., a councillor was shot.", CivilDate{2024, 3, 17}) == "2024-03-15");
  CHECK(first("On the 28th, two men were arrested.", CivilDate{2024, 3, 17}) == "2024-02-28");  // not after the report
  CHECK(cues("He finished the 15th lap.", CivilDate{2024, 3, 17}).empty());
}

TEST_CASE("'N days/weeks/months/years ago' count back from the report; a day just before moves with the years") {
  CHECK(first("Gunmen killed four soldiers two days ago.") == "2015-11-14");
  auto weeks = cues("Rebels took the town three weeks ago.");
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].span.precision == 2);
  CHECK(to_iso(*weeks[0].span.date) == "2015-10-26");  // three weeks back, good to about a week
  CHECK_FALSE(weeks[0].span.date_to.has_value());
  auto month = cues("The offensive began a month ago.");
  REQUIRE(month.size() == 1);
  CHECK(to_iso(*month[0].span.date) == "2015-10-01");
  CHECK(month[0].span.precision == 3);
  CHECK(first("The conflict escalated four years ago.") == "2011-01-01");
  CHECK(first("The siege ended a decade ago.") == "2005-01-01");
  // "on 30 September two years ago": that day of that year; Easter moves with Easter.
  CHECK(first("The camp was shelled on 30 September two years ago.") == "2013-09-30");
  CHECK(first("They died in the Easter Sunday bombings six years ago.", CivilDate{2025, 4, 21}) == "2019-04-21");
  CHECK(cues("The town was taken several years ago.").empty());  // no year told
  // "ten years since X": X that long before; a day before "since" stays the day told.
  auto since = cues("They gathered on Saturday to mark ten years since fighters overran the town.");
  REQUIRE(since.size() == 2);
  CHECK(to_iso(*since[0].span.date) == "2015-11-14");
  CHECK(to_iso(*since[1].span.date) == "2005-01-01");
}

TEST_CASE("a weekday before a written date is that date's name, no day of the report's week") {
  const CivilDate pub{2023, 7, 9};
  auto c = cues("He died on the evening of Tuesday 27 June in Kramatorsk.", pub);
  REQUIRE(c.size() == 1);
  CHECK(to_iso(*c[0].span.date) == "2023-06-27");
  auto ap = cues("Troops entered the town on Tuesday, June 27, officials said.", pub);
  REQUIRE(ap.size() == 1);
  CHECK(to_iso(*ap[0].span.date) == "2023-06-27");
  CHECK(first("Troops entered the town on Tuesday, officials said.", pub) == "2023-07-04");
}

TEST_CASE("'last October' is the latest October before the report's month") {
  auto c = cues("Last October, gang members killed 115 people in Pont-Sonde.", CivilDate{2025, 3, 31});
  REQUIRE(c.size() == 1);
  CHECK(to_iso(*c[0].span.date) == "2024-10-01");
  CHECK(c[0].span.precision == 3);
  CHECK(first("Last March the town fell.", CivilDate{2025, 3, 31}) == "2024-03-01");
  CHECK(first("Last February the town fell.", CivilDate{2025, 3, 31}) == "2025-02-01");
}

TEST_CASE("'late 2014', 'in early 2020', 'mid-2019': a third of the year, none yet to come") {
  auto c = cues("The war has gone on since late 2014, when rebels took the capital.", CivilDate{2019, 6, 7});
  REQUIRE(c.size() == 1);
  CHECK(to_iso(*c[0].span.date) == "2014-09-01");
  CHECK(to_iso(*c[0].span.date_to) == "2014-12-31");
  CHECK(c[0].span.precision == 3);
  CHECK(first("The port was shelled in early 2016.", CivilDate{2019, 6, 7}) == "2016-01-01");
  CHECK(first("By mid-2017 the town had changed hands twice.", CivilDate{2019, 6, 7}) == "2017-05-01");
  CHECK(cues("Elections are due in late 2019.", CivilDate{2019, 6, 7}).empty());  // not yet
}
