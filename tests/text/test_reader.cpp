#include <doctest/doctest.h>

#include <sstream>

#include "text/reader.hpp"
#include "text/segment.hpp"

using namespace sitmap;

TEST_CASE("date lines in their usual forms") {
  CHECK(parse_date_text("Last updated: 16 November, 2015") == CivilDate{2015, 11, 16});
  CHECK(parse_date_text("Nov 16, 2015") == CivilDate{2015, 11, 16});
  CHECK(parse_date_text("2015-11-16T09:30:00Z") == CivilDate{2015, 11, 16});
  CHECK(parse_date_text("16/11/2015") == CivilDate{2015, 11, 16});  // day-first
  CHECK(parse_date_text("05/11/2015") == CivilDate{2015, 11, 5});   // day-first when ambiguous
  CHECK(parse_date_text("11/16/2015") == CivilDate{2015, 11, 16});  // month-first only when it must be
  CHECK_FALSE(parse_date_text("30 February 2015").has_value());
  CHECK_FALSE(parse_date_text("no date here").has_value());
}

TEST_CASE("dates in long hostile text are read in one pass (no regex recursion)") {
  // Each of these overflowed the stack in std::regex (one frame per character).
  const std::string digits(100000, '1'), spaces(100000, ' '), letters(100000, 'a');
  CHECK_FALSE(parse_date_text(digits).has_value());
  CHECK_FALSE(parse_date_text("1" + spaces).has_value());
  CHECK_FALSE(parse_date_text(letters + " 16").has_value());
  CHECK(parse_date_text(letters + " 16 November 2015") == CivilDate{2015, 11, 16});
  CHECK(parse_date_text(digits + " 2015-11-16") == CivilDate{2015, 11, 16});
}

TEST_CASE("HTML: a huge attribute is no crash, and no date") {
  const std::string junk(60000, 'a');
  const Document t = parse_html("<html><body><time datetime=\"" + junk + "\">x</time><p>Text.</p></body></html>", "t", "t.html");
  CHECK_FALSE(t.published.has_value());
  const Document m = parse_html(
      "<html><head><meta name=\"date\" content=\"" + std::string(60000, '2') + "\"></head><body><p>Text.</p></body></html>", "m", "m.html");
  CHECK_FALSE(m.published.has_value());
  const Document unclosed =
      parse_html("<html><head><meta name=\"date\" content=\"" + junk + "></head><body><p>Text.</p></body></html>", "u", "u.html");
  CHECK_FALSE(unclosed.published.has_value());
  // Attribute names in any case, single quotes, spaces around '='.
  CHECK(parse_html("<META NAME = 'date' CONTENT = '16 November 2015'><p>x</p>", "c", "c.html").published == CivilDate{2015, 11, 16});
}

TEST_CASE("plain-text head: byline, date line, title") {
  const std::string text = "Jane Doe\nLast updated: 16 November, 2015\n\nStrikes hit the city\n\nBody sentence one. Body two.\n";
  const Document d = parse_plain_text(text, "r1", "r1.txt");
  CHECK(d.byline == "Jane Doe");
  CHECK(d.published == CivilDate{2015, 11, 16});
  CHECK(d.title == "Strikes hit the city");
  CHECK(d.text == text);  // offsets point into the whole report
}

TEST_CASE("plain-text head: a headline before the date line is the title, an unnamed writer a byline") {
  const Document a = parse_plain_text("One killed in grenade attack at bus stand\nPublished: March 7, 2019\n\nBody.\n", "a", "a.txt");
  CHECK(a.title == "One killed in grenade attack at bus stand");
  CHECK(a.byline.empty());
  CHECK(a.published == CivilDate{2019, 3, 7});
  const Document b = parse_plain_text("Staff reporter\nLast updated: 14 November, 2015\n\nBomber strikes funeral\n\nBody.\n", "b", "b.txt");
  CHECK(b.byline == "Staff reporter");
  CHECK(b.title == "Bomber strikes funeral");
  const Document c = parse_plain_text("Gunmen opened fire on a bus near the village, killing one passenger", "c", "c.txt");
  CHECK(c.title.empty());  // one line: the report itself
}

TEST_CASE("HTML: text, title and date from the markup") {
  const std::string html =
      "<html><head><title>Site | Story</title><meta property=\"article:published_time\" content=\"2015-11-16T08:00:00Z\">"
      "<script>var x = 'Paris';</script></head><body><h1>Raids on Raqqa</h1><p>French jets struck Raqqa &amp; more.</p></body></html>";
  const Document d = parse_html(html, "h", "h.html");
  CHECK(d.title == "Raids on Raqqa");
  CHECK(d.published == CivilDate{2015, 11, 16});
  CHECK(d.text.find("French jets struck Raqqa & more.") != std::string::npos);
  CHECK(d.text.find("var x") == std::string::npos);
}

TEST_CASE("HTML: characters given by number are decoded, in decimal and in hex") {
  const std::string html =
      "<html><body><p>Protesters stormed Iran&#8217;s consulate &#x2014; and set it on fire. Caf&#233; &#xE9; &#0; &#99999999;</p>"
      "</body></html>";
  const Document d = parse_html(html, "h", "h.html");
  CHECK(d.text.find("Iran\xE2\x80\x99s consulate \xE2\x80\x94 and") != std::string::npos);
  CHECK(d.text.find("Caf\xC3\xA9 \xC3\xA9") != std::string::npos);
  CHECK(d.text.find("&#0;") != std::string::npos);  // no character: left as written
  CHECK(d.text.find("&#99999999;") != std::string::npos);
}

TEST_CASE("JSON Lines: bad lines are errors naming the line, the rest go on") {
  std::istringstream in(
      "{\"id\":\"a\",\"text\":\"One.\"}\nnot "
      "json\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"x\",\"published\":\"2015-02-30\"}\n\n{\"id\":5,\"text\":\"Five.\"}\n");
  std::vector<std::string> ok, errors;
  for_each_jsonl_line(
      in, "in.jsonl", [&](size_t, Document&& d) { ok.push_back(d.id); },
      [&](size_t line, const std::string& id, const std::string& msg) { errors.push_back(std::to_string(line) + "|" + id + "|" + msg); });
  CHECK(ok == std::vector<std::string>{"a", "5"});
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].rfind("2||in.jsonl:2: not JSON", 0) == 0);
  CHECK(errors[1].find("3|c|in.jsonl:3: no \"text\"") == 0);
  CHECK(errors[2].find("4|d|") == 0);
}

TEST_CASE("JSON Lines: a huge \"published\" is one bad line with a short message") {
  std::istringstream in("{\"id\":\"a\",\"text\":\"One.\",\"published\":\"1" + std::string(100000, ' ') +
                        "\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n");
  std::vector<std::string> ok, errors;
  for_each_jsonl_line(
      in, "in.jsonl", [&](size_t, Document&& d) { ok.push_back(d.id); },
      [&](size_t, const std::string&, const std::string& msg) { errors.push_back(msg); });
  CHECK(ok == std::vector<std::string>{"b"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("in.jsonl:1: \"published\" is not a date", 0) == 0);
  CHECK(errors[0].size() < 120);
}

TEST_CASE("JSON Lines: a bad text names the file's line once") {
  std::istringstream in("\n\n{\"id\":\"a\",\"text\":\"line one\\nline two \\u0000\"}\n");
  std::vector<std::string> errors;
  for_each_jsonl_line(
      in, "in.jsonl", [](size_t, Document&&) {}, [&](size_t, const std::string&, const std::string& msg) { errors.push_back(msg); });
  REQUIRE(errors.size() == 1);
  // Not "in.jsonl:3:2:": the line inside the text means nothing in the file.
  CHECK(errors[0].rfind("in.jsonl:3: binary data", 0) == 0);
}

TEST_CASE("binary and badly encoded input") {
  CHECK_THROWS_WITH_AS(parse_plain_text(std::string("abc\0def", 7), "b", "b.txt"), doctest::Contains("b.txt:1: binary"), InputError);
  const Document repaired = parse_plain_text("A caf\xe9 in Paris, then a long enough sentence to hold one stray byte.", "u", "u.txt");
  CHECK(repaired.text.find("\xEF\xBF\xBD") != std::string::npos);
  std::string garbage(200, '\xff');
  CHECK_THROWS_WITH_AS(parse_plain_text(garbage, "g", "g.txt"), doctest::Contains("g.txt:1: invalid UTF-8"), InputError);
}

TEST_CASE("HTML: menus, asides, captions and 'Read more' stay out; byline and standfirst are kept apart") {
  const Document d = parse_html(R"(<html><head><title>Site | Page</title>
<meta property="article:published_time" content="2022-06-03T10:00:00Z"></head><body>
<header><nav><ul><li>World</li><li>Sport</li></ul></nav></header>
<article><h1>Shelling kills five in Kharkiv</h1>
<p class="standfirst">Residential blocks hit overnight as fighting goes on in the east</p>
<span class="byline">By <a href="/a">Olena Marchenko</a></span>
<figure><img src="x.jpg"><figcaption>A damaged block in Kharkiv on Friday. Photo: staff</figcaption></figure>
<p>KHARKIV, Ukraine &mdash; Shells hit two apartment blocks on Thursday night, killing five people, officials said.</p>
<aside class="related"><p>Explainer: the war in maps</p></aside>
<p>Read more: <a href="/b">earlier coverage</a></p>
<div class="share-bar">Share on social media</div>
<p>Rescuers searched the rubble on Friday.</p></article>
<footer>Copyright</footer></body></html>)",
                                "p", "p.html");
  CHECK(d.title == "Shelling kills five in Kharkiv");
  CHECK(d.byline == "By Olena Marchenko");
  CHECK(d.summary == "Residential blocks hit overnight as fighting goes on in the east");
  CHECK(to_iso(*d.published) == "2022-06-03");
  for (const char* gone : {"World", "Photo: staff", "Explainer", "Read more", "Share on", "Copyright", "Olena"})
    CHECK_MESSAGE(d.text.find(gone) == std::string::npos, gone);
  CHECK(d.text.find("Shells hit two apartment blocks") != std::string::npos);
  CHECK(d.text.find("Rescuers searched the rubble on Friday.") != std::string::npos);
  REQUIRE(d.dateline.has_value());
  CHECK(d.text.substr(d.dateline->place_start, d.dateline->place_end - d.dateline->place_start) == "KHARKIV, Ukraine");
}

TEST_CASE("a dated heading that names its weekday dates a press release") {
  const Document d = parse_plain_text(
      "Joint Command\nMedia Cell\n\nStatement No. 4 — Monday 16 October 2017\n\nFirst: Our forces have secured the airport of the city "
      "without resistance, and the flag was raised over the council building at noon today.\n",
      "s", "s.txt");
  REQUIRE(d.published.has_value());
  CHECK(*d.published == CivilDate{2017, 10, 16});
}

TEST_CASE("an agency's summary bullets under the title are its standfirst, however they end") {
  const Document d = parse_plain_text(
      "UPDATE 3-Protest after strike on hall\n\n* UN says 140 killed in strike on hall\n* Coalition says it will investigate\n"
      "* Capital says its support is \"not a blank check\"\n\n(Adds protest)\n\nSANAA, Oct 9, 2016 (Reuters) - Thousands marched "
      "in Sanaa on Sunday.\n",
      "b", "b.txt");
  CHECK(d.summary.find("not a blank check") != std::string::npos);
  CHECK(d.summary.find("UN says") != std::string::npos);
  CHECK(d.summary.find("Thousands") == std::string::npos);
}

TEST_CASE("a live page's long line that opens with a weekday and a full date dates it") {
  const Document d = parse_plain_text(
      "LIVE | Fighting in the camp: latest updates\nRiver Desk, Beirut\nMonday, 31 July 2023 - this page is updated through the day; "
      "times are local\n\n17:45\nThat is all for today.\n",
      "l", "l.txt");
  REQUIRE(d.published.has_value());
  CHECK(*d.published == CivilDate{2023, 7, 31});
  // A long line that only mentions a day is no date line.
  const Document n = parse_plain_text(
      "Talks\n\nMonday was the day the two sides had agreed to meet in 2023 - but neither came to the table in the end, officials said.\n",
      "n", "n.txt");
  CHECK_FALSE(n.published.has_value());
}

TEST_CASE("HTML: schema.org's datePublished in a JSON-LD block dates the page") {
  const Document d = parse_html(
      "<html><head><title>Bishop stabbed</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\": \"2024-04-16T06:10:00+10:00\"}</script></head><body><h1>Bishop stabbed</h1>"
      "<p>A bishop was stabbed during a service on Monday night.</p></body></html>",
      "h", "h.html");
  REQUIRE(d.published.has_value());
  CHECK(*d.published == CivilDate{2024, 4, 16});
  CHECK(d.text.find("NewsArticle") == std::string::npos);  // the script stays out of the text
}

TEST_CASE("HTML: a JSON-LD block with only dateCreated dates the page; datePublished wins over it") {
  const Document d = parse_html(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateCreated\":\"2016-06-20T07:10:00-05:00\"}"
      "</script></head><body><h1>Blockade cleared</h1><p>Police cleared a blockade on Sunday.</p></body></html>",
      "h", "h.html");
  REQUIRE(d.published.has_value());
  CHECK(*d.published == CivilDate{2016, 6, 20});
  const Document both = parse_html(
      "<html><head><script type=\"application/ld+json\">{\"dateCreated\":\"2016-06-18\",\"datePublished\":\"2016-06-20\"}"
      "</script></head><body><p>Police cleared a blockade on Sunday.</p></body></html>",
      "h", "h.html");
  REQUIRE(both.published.has_value());
  CHECK(*both.published == CivilDate{2016, 6, 20});
}

TEST_CASE("HTML: only the <article> is the story; linked list items are pointers") {
  const std::string html =
      "<html><body><article><h1>Shelling hits market</h1><p>Shells struck the market in Kherson on Monday.</p>"
      "<ul><li>Six people were wounded.</li><li><a href=\"/x\">Drone attack on port</a></li></ul></article>"
      "<section class=\"more-on-this\"><h2>More on this story</h2><ul><li><a href=\"/y\">Rockets hit Odesa</a></li></ul></section>"
      "<div class=\"top-stories\"><p>Storm warning for the coast</p></div></body></html>";
  const Document d = parse_html(html, "h", "h.html");
  CHECK(d.text.find("Shells struck the market in Kherson") != std::string::npos);
  CHECK(d.text.find("Six people were wounded.") != std::string::npos);  // a list item of the story
  CHECK(d.text.find("Drone attack on port") == std::string::npos);      // a link to another page
  CHECK(d.text.find("Rockets hit Odesa") == std::string::npos);
  CHECK(d.text.find("Storm warning") == std::string::npos);  // outside the article
  const Document plain = parse_html("<html><body><p>No article element: Shells struck Kherson.</p></body></html>", "p", "p.html");
  CHECK(plain.text.find("Shells struck Kherson") != std::string::npos);
}

TEST_CASE("HTML: the <meta> names sites date stories with") {
  for (const char* meta :
       {"<meta name=\"publish-date\" content=\"2017-11-25T14:52:00+03:00\">",
        "<meta property=\"og:article:published_time\" content=\"2017-11-25\">", "<meta name=\"DC.date.issued\" content=\"2017-11-25\">",
        "<meta itemprop=\"datePublished\" content=\"2017-11-25\">",
        "<meta name=\"cXenseParse:recs:publishtime\" content=\"2017-11-25T03:10:00-0300\">",
        "<meta name=\"bt:pubDate\" content=\"2017-11-25\">"}) {
    CAPTURE(meta);
    const Document d = parse_html(std::string("<html><head>") + meta + "</head><body><p>Text.</p></body></html>", "m", "m.html");
    CHECK(d.published == CivilDate{2017, 11, 25});
  }
  CHECK_FALSE(parse_html("<meta name=\"viewport\" content=\"2017-11-25\"><p>x</p>", "v", "v.html").published.has_value());
}

TEST_CASE("a date line below a masthead, a section line and a standfirst dates the report") {
  const Document a = parse_plain_text(
      "THE RIVER POST\nRegions > Security\n\nFerry set on fire at the northern landing\n\n"
      "Witnesses said the attackers came by road and left before the police arrived, and that nobody was hurt in the blaze.\n\n"
      "Night desk | Mopti | 03.02.2021 22:40\n\nA ferry was set on fire on Tuesday night at the landing.\n",
      "a", "a.txt");
  CHECK(a.published == CivilDate{2021, 2, 3});
  const Document b = parse_plain_text(
      "FIELD NOTES\nEpisode 12: \"The road north\"\nAired: Friday, 14 May 2021 | Length: 31:02\n\n[00:00] HOST: Welcome back.\n", "b",
      "b.txt");
  CHECK(b.published == CivilDate{2021, 5, 14});
  const Document c = parse_plain_text(
      "WEEKLY SECURITY DIGEST\nCompiled: 2019-11-04 06:00 UTC | Period: 2019-10-28 to 2019-11-03\n\nItems follow.\n", "c", "c.txt");
  CHECK(c.published == CivilDate{2019, 11, 4});
  const Document d = parse_plain_text(
      "Convoy hit near the pass\n\nBy: Jo Reyes - Correspondent / @joreyes\nThe Island Courier / 06:10 AM March 09, 2020\n\n"
      "A convoy was hit near the pass on Sunday, officials said.\n",
      "d", "d.txt");
  CHECK(d.published == CivilDate{2020, 3, 9});
  // A headline that carries a date among other words is no date line.
  const Document h =
      parse_plain_text("Families remember the flood of 9 March 2015 in the valley\n\nThe valley's families met on Sunday.\n", "h", "h.txt");
  CHECK_FALSE(h.published.has_value());
}

TEST_CASE("plain text: a line that points to another story is blanked, offsets kept") {
  const std::string text =
      "Market reopens\n\nThe market reopened on Monday.\nRead also: Shelling of the market kills five\nTraders returned.\n";
  const Document d = parse_plain_text(text, "p", "p.txt");
  CHECK(d.text.size() == text.size());
  CHECK(d.text.find("Shelling") == std::string::npos);
  CHECK(d.text.find("Traders returned.") == text.find("Traders returned."));
}

TEST_CASE("a pointer line's label is a whole word") {
  const std::string text = "Road blocked\n\nSubscribers of the water utility blocked the main road on Monday.\n";
  CHECK(parse_plain_text(text, "s", "s.txt").text.find("Subscribers of the water utility") != std::string::npos);
}

TEST_CASE("a note to editors about the copy is blanked, not read as the story") {
  const std::string text =
      "ADVISORY\n\nEDITORS: This story replaces the brief moved on Saturday on the unrest in the north.\n\n"
      "Riot police dispersed a rally in the capital on Monday.\n";
  const Document d = parse_plain_text(text, "e", "e.txt");
  CHECK(d.text.size() == text.size());
  CHECK(d.text.find("unrest") == std::string::npos);
  CHECK(d.text.find("Riot police") != std::string::npos);
}

TEST_CASE("a 'Posted by ... on' line with a time zone dates a page") {
  const Document d = parse_html(
      "<html><body><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul>"
      "<h2>Fighting enters second day</h2><div class=\"post-info\">Posted by Newsroom on 07/02/2023 at 10:30 EAT | Category: Local</div>"
      "<p>Heavy fighting went on for a second day on Tuesday, residents said, and shells fell on the hospital overnight.</p></body></html>",
      "p", "p.html");
  CHECK(d.published == CivilDate{2023, 2, 7});  // day first, as most of the world writes it
}

TEST_CASE("head dates in a page's columns, with a two-digit year, or in an HTML byline") {
  // A PDF's title line with the date in a column of its own.
  const Document a = parse_plain_text(
      "RELIEF FORUM                    SITUATION REPORT No. 1\nCoast: violence in coastal areas            10 March 2025\n\n"
      "HIGHLIGHTS\n\nAttacks on the security forces were followed by killings.\n",
      "a", "a.txt");
  CHECK(a.published == CivilDate{2025, 3, 10});
  // "War  ·  10:55, 04.09.24": a section and a day-first date with two-digit year.
  const Document b =
      parse_plain_text("NEWS AGENCY\nWar  \xC2\xB7  10:55, 04.09.24\n\nStrike on the city\n\nA missile hit the city.\n", "b", "b.txt");
  CHECK(b.published == CivilDate{2024, 9, 4});
  // In running text a two-digit-year number is no date.
  CHECK_FALSE(parse_plain_text("Release notes\n\nVersion 1.5.24 fixed the crash on start-up, the team said.\n", "c", "c.txt")
                  .published.has_value());
  const Document d = parse_html(
      "<html><body><h1>Five soldiers killed in ambush</h1><div class=\"byline\">Written by R. Sharma | Jammu | Jul 09, 2024, "
      "07:12 IST</div><p>Five soldiers were killed when their truck was ambushed on Monday, officials said.</p></body></html>",
      "d", "d.html");
  CHECK(d.published == CivilDate{2024, 7, 9});
}

TEST_CASE("a monitoring service's 'DD Mon YY' stamp dates its digest; a capitals masthead and tagline are no dateline") {
  const Document d = parse_plain_text(
      "LEVANT MEDIA MONITOR - SYRIA DAILY SOURCE DIGEST\nCompiled 20 Oct 21, 1530 gmt | Distribution: subscribers | Items: 6\n\n"
      "ITEM 1 | DAMASCUS | BLASTS HIT ARMY BUS\n\nTwo bombs planted on a military bus exploded in central Damascus on Wednesday "
      "morning, state media said.\n",
      "m", "m.txt");
  CHECK(d.published == CivilDate{2021, 10, 20});
  CHECK_FALSE(d.dateline.has_value());
}

TEST_CASE("a masthead line of fields set off by asterisks dates the edition") {
  const Document d = parse_plain_text(
      "THE VALLEY TRIBUNE  *  CITY EDITION  *  WEDNESDAY, AUGUST 2, 2023\nPAGE 1  *  Pages 16\n\nCURFEW IN THE OLD TOWN\n\n"
      "A curfew was imposed in the old town on Tuesday after two days of violence, officials said.\n",
      "v", "v.txt");
  CHECK(d.published == CivilDate{2023, 8, 2});
}

TEST_CASE("a head line whose words say it was posted, released or issued dates the report") {
  const Document d = parse_plain_text(
      "THE SOUNDCHECK\nNewsletter of the Guild of Sound Engineers, Kyiv\nIssue 62 - posted to members 9 July 2023\n\n"
      "IN MEMORIAM\n\nA long obituary paragraph follows here, and it goes on for a while.\n",
      "d", "d.txt");
  CHECK(d.published == CivilDate{2023, 7, 9});
}

TEST_CASE("a page copied with its footer: a labelled date on one of the last lines dates it") {
  const Document d = parse_plain_text(
      "Blast in Kabul\n\nKABUL, Monday (Reuters) - A suicide bomber killed 14 people at a mosque on Sunday.\n\n"
      "In 2017 a bomber killed 90 people in the city.\n\nLast updated: 10 June 2019, 09:14 GMT\n\nShare this story\n",
      "k", "k.txt");
  REQUIRE(d.published.has_value());
  CHECK(to_iso(*d.published) == "2019-06-10");
  // A closing paragraph's own date is no footer.
  const Document o =
      parse_plain_text("Blast\n\nA bomber killed 14 people in Kabul on Sunday.\n\nThe city was hit on 10 June 2017.\n", "o", "o.txt");
  CHECK_FALSE(o.published.has_value());
}

TEST_CASE("a closing line that says when the report was first published dates it") {
  const Document d = parse_plain_text(
      "Ten hurt in stabbings\n\nREGINA — Police said two men stabbed ten people on Sunday.\n\nThis report by a news service was first "
      "published Sept. 5, 2022.\n",
      "r", "r.txt");
  REQUIRE(d.published);
  CHECK(to_iso(*d.published) == "2022-09-05");
}

TEST_CASE("a closing paragraph's own dates do not date the report; only a line that says it was first published") {
  const Document d = parse_plain_text(
      "Abuses\n\nYAOUNDE (AFP) - Soldiers killed 22 villagers on Friday, a rights group said.\n\nA rights group's report on the "
      "abuses was published on March 3, 2021.\n",
      "r", "r.txt");
  CHECK(!d.published);
}

TEST_CASE("an agency's sign-off with the desk's initials and a filing stamp dates the report; the dateline's weekday orders it") {
  const Document d = parse_plain_text(
      "Unrest at a detention centre\n\nCANBERRA, Monday - Police regained control of a detention centre overnight.\n\n"
      "The minister will speak later today.\n\nAAP jw/mr 09/11/2015 15:42\n",
      "a", "a.txt");
  REQUIRE(d.published.has_value());
  CHECK(to_iso(*d.published) == "2015-11-09");  // 9 November 2015 was a Monday; 11 September a Friday
  // A closing sentence in capitals with a date is no sign-off.
  const Document o = parse_plain_text(
      "Blast\n\nA bomber killed 14 people in Kabul on Sunday.\n\nTHE city was last hit on 10/06/2017 by a bomb at its gate.\n", "o",
      "o.txt");
  CHECK_FALSE(o.published.has_value());
}
