// RSS 2.0 and Atom feeds: one document per item, bad items reported and skipped.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/feed.hpp"
#include "text/reader.hpp"

using namespace sitmap;

namespace {
struct Read {
  std::vector<Document> docs;
  std::vector<std::string> errors;
};

Read read(const std::string& xml) {
  Read r;
  read_feed(
      xml, "feed.rss", [&](Document&& d) { r.docs.push_back(std::move(d)); }, [&](size_t, const std::string& e) { r.errors.push_back(e); });
  return r;
}
}  // namespace

TEST_CASE("RSS items are documents with their title, link, guid and date") {
  const Read r = read(R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title>
<item><title>Shelling hits market in Donetsk</title><link>https://x.example/1</link>
<guid isPermaLink="false">desk-1</guid><pubDate>Tue, 14 Mar 2023 09:00:00 +0000</pubDate>
<description><![CDATA[<p>DONETSK - Shells hit a market on Monday, officials said.</p><p>Read more: other news</p>]]></description></item>
<item><title>No body here</title><guid>desk-2</guid></item>
<item><title>Floods</title><link>https://x.example/3</link><description>Rain flooded roads &amp; fields.</description></item>
</channel></rss>)");
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "desk-1");
  CHECK(r.docs[0].title == "Shelling hits market in Donetsk");
  CHECK(r.docs[0].url == "https://x.example/1");
  REQUIRE(r.docs[0].published.has_value());
  CHECK(to_iso(*r.docs[0].published) == "2023-03-14");
  CHECK(r.docs[0].text.find("Shells hit a market") != std::string::npos);
  CHECK(r.docs[0].text.find("Read more") == std::string::npos);  // boilerplate is no part of the report
  REQUIRE(r.docs[0].dateline.has_value());
  CHECK(r.docs[1].id == "https://x.example/3");  // no guid: the link
  CHECK(r.docs[1].text.find("roads & fields") != std::string::npos);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].find("feed.rss:6: item 2: no text") == 0);  // file, line and number of the bad item
}

TEST_CASE("Atom entries, and XML that is not well formed") {
  const Read a = read(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Drone strike</title><id>tag:x,2023:1</id><updated>2023-10-12T08:00:00Z</updated>
<link rel="alternate" href="https://x.example/a"/><content type="html">&lt;p&gt;A drone hit a car.&lt;/p&gt;</content></entry>
</feed>)");
  REQUIRE(a.docs.size() == 1);
  CHECK(a.docs[0].id == "tag:x,2023:1");
  CHECK(a.docs[0].url == "https://x.example/a");
  CHECK(to_iso(*a.docs[0].published) == "2023-10-12");
  CHECK(a.docs[0].text.find("A drone hit a car.") != std::string::npos);

  const Read bad = read("<rss><channel><item><title>One</title><description>Text.</description></item>\n<item><title>Two</oops>");
  CHECK(bad.docs.size() == 1);  // the items before the break are kept
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].find("feed.rss:2: not well-formed XML") == 0);
}

TEST_CASE("Atom content of type xhtml: its markup is the report") {
  const Read a = read(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Gunmen storm studio</title><id>tag:x,2024:2</id><published>2024-01-10T02:15:00Z</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>QUITO - Armed men burst into a studio on Tuesday.</p>
<p>Police said 13 men, aged 18 &amp; over, were held &lt;for now&gt;.</p></div></content></entry>
</feed>)");
  REQUIRE(a.docs.size() == 1);
  CHECK(a.errors.empty());
  CHECK(a.docs[0].text.find("Armed men burst into a studio on Tuesday.") != std::string::npos);
  CHECK(a.docs[0].text.find("aged 18 & over, were held <for now>.") != std::string::npos);  // text, not tags
  CHECK(a.docs[0].text.find("<p>") == std::string::npos);
}
