// Agency datelines in the formats the wire services use (our own examples).
#include <doctest/doctest.h>

#include <string>

#include "text/dateline.hpp"
#include "text/reader.hpp"

using namespace sitmap;

namespace {
std::string place_of(const std::string& text, const Dateline& d) { return text.substr(d.place_start, d.place_end - d.place_start); }
}  // namespace

TEST_CASE("datelines with a place, a date and an agency") {
  struct Case {
    const char* text;
    const char* place;
    const char* agency;
    const char* date;  // "" when none can be known
  };
  const Case cases[] = {
      {"DAKAR, March 2, 2018 (AFP) - Gunmen attacked ...", "DAKAR", "AFP", "2018-03-02"},
      {"GOMA, Congo, Nov 3, 2013 (Reuters) - Rebels ...", "GOMA, Congo", "Reuters", "2013-11-03"},
      {"MOGADISHU, Somalia (AP) — A car bomb ...", "MOGADISHU, Somalia", "AP", ""},
      {"HERAT, May 9 (Xinhua) -- A blast ...", "HERAT", "Xinhua", "2017-05-09"},
      {"Srinagar (Jammu and Kashmir) [India], July 2 (ANI): Militants ...", "Srinagar (Jammu and Kashmir) [India]", "ANI", "2017-07-02"},
      {"Medellín (Colombia), Feb 8 (EFE).- Police ...", "Medellín", "EFE", "2017-02-08"},
      {"Odesa (dpa) - Drones ...", "Odesa", "dpa", ""},
      {"SANA'A, Yemen - Air strikes ...", "SANA'A, Yemen", "", ""},
      {"BOGOTÁ, Colombia — Troops ...", "BOGOTÁ, Colombia", "", ""},
      {"Mekelle, March 3/2021 (ENA) The regional ...", "Mekelle", "ENA", "2021-03-03"},
      {"Juba/Nairobi, 12 May 2016 – Aid agencies ...", "Juba/Nairobi", "", "2016-05-12"},
      {"OSAKA, Feb. 3 Jiji - Shares fell ...", "OSAKA", "Jiji", "2017-02-03"},
      {"DOHA, 4th March, 2019 (QNA) -- The emir ...", "DOHA", "QNA", "2019-03-04"},
      {"DUHOK, the 3rd of August, 2024 -- Thousands ...", "DUHOK", "", "2024-08-03"},
      {"TBILISI, MARCH 9, GEOPRESS. Farmers ...", "TBILISI", "GEOPRESS", "2017-03-09"},
      {"Mashhad, Oct 14, IRNA - Police ...", "Mashhad", "IRNA", "2017-10-14"},
      {"ŞANLIURFA - A roadside bomb ...", "ŞANLIURFA", "", ""},  // capitals of Latin Extended-A
      {"DİYARBAKIR, Turkey (AP) — Police ...", "DİYARBAKIR, Turkey", "AP", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto d = find_dateline(c.text, 0, 2017);
    REQUIRE(d.has_value());
    CHECK(place_of(c.text, *d) == c.place);
    CHECK(d->agency == c.agency);
    CHECK((d->date ? to_iso(*d->date) : std::string()) == c.date);
    CHECK(std::string(c.text).substr(d->end).find_first_not_of(" ") == 0);  // the body starts right after
  }
}

TEST_CASE("a date and an agency with no place; a place on a line of its own") {
  const std::string upi = "July 4 (UPI) -- Fighting ...";
  const auto d = find_dateline(upi, 0, 2019);
  REQUIRE(d.has_value());
  CHECK(d->place_start == d->place_end);
  CHECK(to_iso(*d->date) == "2019-07-04");
  const std::string own_line = "HODEIDAH, Yemen\n\nShells hit the port ...";
  const auto e = find_dateline(own_line);
  REQUIRE(e.has_value());
  CHECK(place_of(own_line, *e) == "HODEIDAH, Yemen");
  const std::string numeric = "ANTWERP 14/03 (BELGA)\n\nThe court on Monday ...";
  const auto n = find_dateline(numeric, 0, 2022);
  REQUIRE(n.has_value());
  CHECK(n->agency == "BELGA");
  CHECK(to_iso(*n->date) == "2022-03-14");
}

TEST_CASE("what is not a dateline") {
  CHECK_FALSE(find_dateline("UPDATE - Three killed in blast").has_value());
  CHECK_FALSE(find_dateline("NOTE: figures are provisional").has_value());
  CHECK_FALSE(find_dateline("AFRICA's biggest port closed on Monday.").has_value());
  CHECK_FALSE(find_dateline("The army said on Friday it had retaken the town.").has_value());
  CHECK_FALSE(find_dateline("Juba, 12 May - the day the fighting began - was quiet.").has_value());  // no year: no press-release line
  CHECK_FALSE(find_dateline("Herat, May 9, UN officials said the road was shut.").has_value());      // capitals then lower case: no agency
}

TEST_CASE("a report's date comes from its dateline") {
  const Document d =
      parse_plain_text("Blast in Herat\n\nHERAT, Afghanistan, May 9, 2017 (AFP) - A blast hit a mosque on Tuesday.\n", "r", "r.txt");
  REQUIRE(d.published.has_value());
  CHECK(to_iso(*d.published) == "2017-05-09");
  REQUIRE(d.dateline.has_value());
  CHECK(d.dateline->agency == "AFP");
}

TEST_CASE("a TASS dateline; a dateline without a year takes the year its weekday names") {
  const std::string tass = "KAZAN, May 3. /TASS/. Drones hit a plant ...";
  const auto t = find_dateline(tass, 0, 2016);
  REQUIRE(t.has_value());
  CHECK(place_of(tass, *t) == "KAZAN");
  CHECK(t->agency == "TASS");
  CHECK(to_iso(*t->date) == "2016-05-03");
  CHECK(tass.substr(t->end, 6) == "Drones");
  // 14 October fell on a Thursday in 2021 (and not again before 2027); the
  // report names 2020 ("last year's blast"), so no earlier year is taken.
  const Document d = parse_plain_text(
      "Clashes in Beirut\n\nBEIRUT, Oct 14 (Reuters) - Six people were killed on Thursday, officials said on Thursday, "
      "in clashes over the inquiry into the August 2020 port blast.\n",
      "r", "r.txt");
  REQUIRE(d.published.has_value());
  const int year = d.published->year;
  CHECK(year == 2021);  // of 2021, 2027, ... (14 October a Thursday): the first after the year the report names
  CHECK(d.published->month == 10);
  // No weekday and no year written: no date.
  const Document n = parse_plain_text("Blast\n\nHERAT, May 9 (Xinhua) -- A blast hit a mosque.\n", "n", "n.txt");
  CHECK_FALSE(n.published.has_value());
}

TEST_CASE("a year-less dateline whose weekday fits several years takes the first after the newest year the story names") {
  // 8 January was a Monday in 2018 and in 2024; the story's newest year is 2014 ("a truce since 2014"):
  // wire copy is filed soon after what it tells of, so 2018.
  const Document d = parse_plain_text(
      "Woodcutters killed\n\nDakar, Jan 8 (APS) - Thirteen woodcutters were killed in a forest near Ziguinchor on Saturday, "
      "the ministry said in a statement released on Monday. The main armed factions have observed a truce since 2014.\n",
      "d", "d.txt");
  REQUIRE(d.published.has_value());
  CHECK(to_iso(*d.published) == "2018-01-08");
  // The same story naming no year at all: the latest such year up to today.
  const Document n = parse_plain_text(
      "Woodcutters killed\n\nDakar, Jan 8 (APS) - Thirteen woodcutters were killed in a forest near Ziguinchor on Saturday, "
      "the ministry said in a statement released on Monday.\n",
      "n", "n.txt");
  REQUIRE(n.published.has_value());
  CHECK(n.published->year >= 2024);
}

TEST_CASE("a year-less dateline's weekday is the one that puts the days named closest before it") {
  // The weekday (0 Sunday) of the day a report is dated by; -1 when undated.
  auto filing_weekday = [](const std::string& body) {
    const Document d = parse_plain_text("Report\n\n" + body + "\n", "r", "r.txt");
    return d.published ? static_cast<int>((days_from_civil(*d.published) % 7 + 11) % 7) : -1;
  };
  // Thursday named twice, as the day before; Friday, the filing day, once: the filing day is a Friday.
  CHECK(filing_weekday("BRIDGETOWN, Barbados, Aug 6, CMC - The prime minister was resting in hospital here on Friday after he "
                       "was hit by a stone on Thursday morning. Protesters had gathered from early Thursday outside Parliament.") == 5);
  // A day ahead ("declared Friday a day of mourning") names no filing day: Thursday's.
  CHECK(filing_weekday("BEIRUT, Oct 14 (Reuters) - Six people were killed in Beirut on Thursday. The prime minister declared "
                       "Friday a day of mourning.") == 4);
  // AP's bare weekday counts; a curfew "until Thursday" is a day ahead and does not.
  CHECK(filing_weekday("KABUL, March 3 (AP) - Protesters clashed with police Tuesday in Kabul. A curfew will stay in force "
                       "until Thursday.") == 2);
  // "at Friday prayers yesterday": the day before the filing day, so the report was filed on a Saturday.
  CHECK(filing_weekday("Riyadh, June 12 (SPA) -- A gunman opened fire on worshippers at Friday prayers yesterday in a village "
                       "near Hofuf, the ministry said today.") == 6);
}

TEST_CASE("a full stop after the agency's bracket ends the dateline") {
  const std::string elta = "Vilnius, 13 March (ELTA). Leonid Volkov was attacked ...";
  const auto d = find_dateline(elta, 0, 2024);
  REQUIRE(d.has_value());
  CHECK(place_of(elta, *d) == "Vilnius");
  CHECK(d->agency == "ELTA");
  CHECK(to_iso(*d->date) == "2024-03-13");
  CHECK(elta.substr(d->end, 6) == "Leonid");
  const std::string agerpres = "Bucharest, Aug 11 /Agerpres/ - Some 452 people asked for help ...";
  const auto a = find_dateline(agerpres, 0, 2018);
  REQUIRE(a.has_value());
  CHECK(a->agency == "Agerpres");
  CHECK(to_iso(*a->date) == "2018-08-11");
  CHECK(agerpres.substr(a->end, 4) == "Some");
  const std::string two = "SANAA/DUBAI, Oct 9, 2016 (Reuters) - Thousands marched in Sanaa on Sunday.";
  const auto t = find_dateline(two, 0, 0);
  REQUIRE(t.has_value());
  CHECK(place_of(two, *t) == "SANAA/DUBAI");
  CHECK(to_iso(*t->date) == "2016-10-09");
  // An update's head: its notes, bullets, time stamp and byline above the dateline.
  const std::string update =
      "UPDATE 3-Knife attack kills 29 at station\n\n(Adds witness account)\n\n* Attackers slashed at passengers\n\n"
      "* Police shoot dead four assailants\n\n* More than 130 wounded\n\nSun Mar 2, 2014 9:14am EST\n\nBy Li Wen\n\n"
      "BEIJING, March 2 (Reuters) - Attackers killed 29 people at a railway station in Kunming late on Saturday.";
  const auto u = find_dateline(update, 0, 2014);
  REQUIRE(u.has_value());
  CHECK(place_of(update, *u) == "BEIJING");
  // Short paragraphs of body (whole sentences) count in full: a linked story's dateline below them is not this one's.
  std::string short_body = "Raid in Zamfara\n\n";
  for (int i = 0; i < 8; ++i) short_body += "Residents fled.\n\n";
  CHECK_FALSE(find_dateline(short_body + "Related coverage:\n\nLAGOS, March 3, 2017 (Reuters) - Oil rose.", 0, 2017).has_value());
  // A later paragraph's capitals, six paragraphs of body down, are no dateline.
  std::string body;
  for (int i = 0; i < 6; ++i)
    body += "The talks went on through the night and into the next morning, officials said, with no sign of a deal.\n\n";
  CHECK_FALSE(find_dateline(body + "KABUL, March 2 (Reuters) - A blast hit the city.", 0, 2014).has_value());
  // A full stop that ends a sentence's bracket is no dateline.
  CHECK_FALSE(find_dateline("The talks (in Geneva). Nothing came of them.", 0, 2024).has_value());
}

TEST_CASE("IANS and PTI datelines leave the separator out") {
  const std::string pti = "Raipur, Apr 4 (PTI) The bodies of 17 more personnel were recovered ...";
  const auto d = find_dateline(pti, 0, 2021);
  REQUIRE(d.has_value());
  CHECK(place_of(pti, *d) == "Raipur");
  CHECK(d->agency == "PTI");
  CHECK(to_iso(*d->date) == "2021-04-04");
  CHECK(pti.substr(d->end, 3) == "The");
  CHECK_FALSE(find_dateline("Police (the ones on duty) Said nothing").has_value());
}

TEST_CASE("a full stop after the city; a masthead and its tagline are no dateline") {
  const std::string dotted = "OREL. Mar 3 (Interfax) - Two drones were downed over the region, the governor said.";
  const auto d = find_dateline(dotted, 0, 2023);
  REQUIRE(d.has_value());
  CHECK(place_of(dotted, *d) == "OREL");
  CHECK(d->agency == "Interfax");
  CHECK(to_iso(*d->date) == "2023-03-03");
  CHECK(dotted.substr(d->end, 3) == "Two");
  // The capitals of a masthead before a dash, a tagline after it: no sentence, no dateline.
  CHECK_FALSE(find_dateline("NORTHERN WATCH - weekly briefings for field teams\n\nText.").has_value());
  CHECK_FALSE(find_dateline("LA VOZ - Spanish service (translated by our desk)\n").has_value());
  // A bare dateline opens a sentence.
  const std::string bare = "NIAMEY - Soldiers were killed near the border on Sunday, the army said.";
  REQUIRE(find_dateline(bare).has_value());
}

TEST_CASE("a date in figures with full stops, and a quoted agency between slashes") {
  const std::string khovar = "OSH, 04.11.2021. /NIAT \"Sharq\"/. Two border guards were wounded, the ministry said.";
  const auto d = find_dateline(khovar);
  REQUIRE(d.has_value());
  CHECK(place_of(khovar, *d) == "OSH");
  CHECK(to_iso(*d->date) == "2021-11-04");  // day first, as the dotted form always is
  CHECK(khovar.substr(d->end, 3) == "Two");
  // Dots without a year are no date: "4.11" could be a figure.
  CHECK_FALSE(find_dateline("OSH, 4.11 - Two border guards were wounded.").value_or(Dateline{}).date.has_value());
}

TEST_CASE("a national agency's title-case place and day before a colon") {
  const std::string rss = "Kathmandu, Aug 25: The district office has extended the curfew in the town.";
  const auto d = find_dateline(rss, 0, 2015);
  REQUIRE(d.has_value());
  CHECK(place_of(rss, *d) == "Kathmandu");
  CHECK(to_iso(*d->date) == "2015-08-25");
  CHECK(rss.substr(d->end, 3) == "The");
  // A heading's colon with no sentence after it is no dateline.
  CHECK_FALSE(find_dateline("Kathmandu, Aug 25: curfew\n\nText.", 0, 2015).has_value());
}

TEST_CASE("a title-case place, its country and a day on a line of their own; a paper's issue line is none") {
  const std::string trend = "Baku, Azerbaijan, June 7\n\nBy a staff writer - Trend:\n\nAzerbaijan condemned the attacks.";
  const auto d = find_dateline(trend, 0, 2017);
  REQUIRE(d.has_value());
  CHECK(place_of(trend, *d) == "Baku, Azerbaijan");
  CHECK(to_iso(*d->date) == "2017-06-07");
  // "Jammu, Monday, June 10, 2024" is the paper's issue line: the weekday is no region.
  const std::string issue = "Jammu, Monday, June 10, 2024\n\nJAMMU, June 9: Nine people were killed this evening.";
  const auto j = find_dateline(issue, 0, 2024);
  REQUIRE(j.has_value());
  CHECK(to_iso(*j->date) == "2024-06-09");
}

TEST_CASE("a dateline's city with its province and country") {
  const std::string three = "ISABELA CITY, Basilan, Philippines \xE2\x80\x94 Two soldiers were hurt when a bomb went off on Monday.";
  const auto d = find_dateline(three);
  REQUIRE(d.has_value());
  CHECK(place_of(three, *d) == "ISABELA CITY, Basilan, Philippines");
  CHECK(three.substr(d->end, 3) == "Two");
}

TEST_CASE("a paper's issue date over its story's dateline: the dateline's day is the story's 'today'") {
  const Document d = parse_plain_text(
      "THE VALLEY TIMES\nSrinagar, Tuesday, May 7, 2024\n\nTwo hurt in grenade attack\n\nSRINAGAR, May 6: Two people were hurt when a "
      "grenade was thrown at a police post this evening, officials said.\n",
      "v", "v.txt");
  REQUIRE(d.dateline.has_value());
  CHECK(d.published == CivilDate{2024, 5, 6});
  // A dateline far from the issue date (a story held over) leaves the issue date alone.
  const Document far = parse_plain_text(
      "THE VALLEY TIMES\nSrinagar, Tuesday, May 7, 2024\n\nLooking back\n\nSRINAGAR, April 20: The valley marked the day, officials "
      "said.\n",
      "f", "f.txt");
  CHECK(far.published == CivilDate{2024, 5, 7});
}

TEST_CASE("a bare dateline whose sentence wraps to the next line") {
  const std::string wrapped = "NIAMEY - Soldiers were killed near the border on Sunday,\nthe army said.\n";
  CHECK(find_dateline(wrapped).has_value());
}

TEST_CASE("a date line is no dateline; a masthead's name with a parenthesis neither; an agency's line under a masthead is") {
  // "Thursday" and "March" open a date line, they are no filing place.
  CHECK_FALSE(find_dateline("Thursday, 15 February 2024 - 06:40 WIB\n\nText follows here.").has_value());
  CHECK_FALSE(find_dateline("MONDAY, 12 June 2023 - Morning edition\n").has_value());
  // A masthead whose tagline is in parentheses reads like "CITY (AGENCY) - ", but no sentence follows.
  CHECK_FALSE(find_dateline("HARBOUR EXPRESS (English edition) - News / Politics & Law\n\nGunmen attacked a post.").has_value());
  // The masthead's short line right above an agency dateline.
  const std::string below = "COASTAL NEWS SERVICE\nKL, 7 Aug 2025 (CNS) -- The two sides agreed on Thursday to a ceasefire.";
  const auto d = find_dateline(below, 0, 2025);
  REQUIRE(d.has_value());
  CHECK(place_of(below, *d) == "KL");
  CHECK(to_iso(*d->date) == "2025-08-07");
  // A time stamp above a label and a dash is neither.
  CHECK_FALSE(find_dateline("[06.01.2024 08:05]\nFLASH STRIKE - Mandalay\nA strike hit the city.").has_value());
  // A headline run on into the dateline's line: an agency and a day, so a dateline; a long line above a
  // bare "CITY -" is not taken for one.
  const std::string run_on =
      "Government declares emergency in two border cantons after a car bomb in San Lorenzo\n"
      "Quito, 29 Jan 2018 (Andes).- President Moreno decreed a state of emergency on Monday.";
  const auto q = find_dateline(run_on);
  REQUIRE(q.has_value());
  CHECK(place_of(run_on, *q) == "Quito");
  CHECK(to_iso(*q->date) == "2018-01-29");
  CHECK_FALSE(find_dateline("The rains of the past week have left a trail of damage across three districts of the west\n"
                            "KASESE - Roads were cut.")
                  .has_value());
}

TEST_CASE("'Published Tuesday 1st April 2025 - 10:20 a.m.' is a date line, no dateline") {
  CHECK_FALSE(find_dateline("Published Tuesday 1st April 2025 \xE2\x80\x93 10:20 a.m.\n\nText.").has_value());
  const Document d = parse_plain_text(
      "Lang: English \xC2\xB7 French\n\nGangs overrun the town\n\nBy A. Writer\n\nPublished Tuesday 1st April 2025 \xE2\x80\x93 10:20 "
      "a.m.\n\n"
      "Armed gangs took control of the town on Monday, officials said.\n",
      "p", "p.txt");
  CHECK(d.published == CivilDate{2025, 4, 1});
  CHECK_FALSE(d.dateline.has_value());
}

TEST_CASE("a dateline with no comma between the place and the month") {
  for (const std::string text :
       {"GROZNY DEC 4 (KNS) - Gunmen shot dead three policemen.", "Grozny Dec 4 (KNS) - Gunmen shot dead three policemen.",
        "SAN JOSE June 4 (AP) - Gunmen shot dead three policemen."}) {
    const auto d = find_dateline(text, 0, 2014);
    REQUIRE_MESSAGE(d.has_value(), text);
    CHECK(d->day == 4);
    CHECK(text.substr(d->end, 6) == "Gunmen");
  }
}

TEST_CASE("a dateline without a year takes it from a date in figures naming the same day") {
  const Document d = parse_plain_text(
      "URGENT\n\nGROZNY DEC 4 (KNS) - GUNMEN SHOT DEAD THREE POLICEMEN ON THURSDAY.\n\nKNS 0041 GMT 04-12-14\n", "t", "t.txt");
  REQUIRE(d.published.has_value());
  CHECK(to_iso(*d.published) == "2014-12-04");
  // A figure date of another day says nothing of the year.
  const Document o = parse_plain_text("Blast\n\nHERAT, May 9 (Xinhua) -- A blast hit a mosque. Filed 10/05/13.\n", "o", "o.txt");
  CHECK_FALSE(o.published.has_value());
}

TEST_CASE("a filing stamp on a last line dates a report whose dateline names only a weekday") {
  const Document d = parse_plain_text(
      "Six dead in knife attack\n\nSYDNEY, Sunday - A man stabbed shoppers yesterday, police said.\n\nFiled 14/04/2024 09:15 AEST\n", "d",
      "d.txt");
  REQUIRE(d.published.has_value());
  CHECK(to_iso(*d.published) == "2024-04-14");
  // A stamp alone on its line; day and month read as the dateline's weekday fits (12 June 2025 was a Thursday,
  // 6 December a Saturday).
  const Document s = parse_plain_text(
      "Disorder spreads\n\nBELFAST, Thursday - Rioters threw bricks in Larne on Wednesday night.\n\nPA\n06/12/2025 07:35 BST\n", "s",
      "s.txt");
  REQUIRE(s.published.has_value());
  CHECK(to_iso(*s.published) == "2025-06-12");
  // A closing paragraph's own date is no stamp.
  const Document p = parse_plain_text(
      "Disorder spreads\n\nBELFAST, Thursday - Rioters threw bricks in Larne.\n\nThe trial is set for 12/06/2026 in Belfast, a court "
      "said.\n",
      "p", "p.txt");
  CHECK_FALSE(p.published.has_value());
}

TEST_CASE("three hyphens separate a dateline from its story") {
  const auto d = find_dateline("Muscat, July 16 (ONA) --- Six people were killed late on Monday.", 0, 2024);
  REQUIRE(d.has_value());
  CHECK(d->agency == "ONA");
  REQUIRE(d->date.has_value());
  CHECK(to_iso(*d->date) == "2024-07-16");
}

TEST_CASE("a long dash set close after the agency's bracket ends the dateline") {
  const Document d = parse_plain_text(
      "Minister unhurt\n\nOSAKA, May 12 (Jiji Press)--A man threw an object at a campaign stop on Friday, police said.\n", "j", "j.txt");
  REQUIRE(d.dateline);
  CHECK(d.dateline->agency == "Jiji Press");
  REQUIRE(d.published);
  CHECK(d.published->month == 5);
  CHECK(d.published->day == 12);
}

TEST_CASE("a year the dateline does not write is a guess the caller's date replaces") {
  Document d = parse_plain_text("Museum attack\n\nTUNIS, March 18 (Xinhua) -- Gunmen attacked a museum on Wednesday.\n", "t", "t.txt");
  REQUIRE(d.dateline);
  CHECK(d.dateline->year_guessed);
  give_publication_date(d, CivilDate{2015, 3, 20});
  REQUIRE(d.published);
  CHECK(to_iso(*d.published) == "2015-03-18");  // the dateline's own day, in the given year
  CHECK(!d.dateline->year_guessed);
  // A report that dates itself keeps its date.
  Document dated = parse_plain_text("Attack\n\nTUNIS, March 18, 2015 (Xinhua) -- Gunmen attacked a museum.\n", "u", "u.txt");
  give_publication_date(dated, CivilDate{2019, 1, 1});
  CHECK(to_iso(*dated.published) == "2015-03-18");
}
