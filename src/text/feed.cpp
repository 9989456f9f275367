// RSS 2.0 and Atom feeds: each item (entry) a document, read with Expat
// as a stream so a feed of any length costs one item's memory.
#include "text/feed.hpp"

#include <expat.h>

#include <memory>
#include <vector>

#include "text/dateline.hpp"
#include "text/unshout.hpp"
#include "text/reader.hpp"

namespace sitmap {

namespace {

std::string local_name(const char* name) {
  const std::string n(name);
  const size_t colon = n.rfind(':');
  const size_t sep = n.rfind('|');  // namespace separator when namespaces are on
  const size_t cut = std::max(colon == std::string::npos ? 0 : colon + 1, sep == std::string::npos ? 0 : sep + 1);
  return n.substr(cut);
}

struct Item {
  std::string id, title, link, published, body, summary, author;
  size_t line = 0;
};

struct FeedReader {
  const std::string& source;
  const std::function<void(Document&&)>& on_document;
  const std::function<void(size_t, const std::string&)>& on_error;
  XML_Parser parser = nullptr;
  std::vector<std::string> path;  // element names from the root
  std::unique_ptr<Item> item;
  std::string text;  // character data of the element being read
  size_t items = 0;
  bool feed_root = false;
  size_t xhtml_depth = 0;  // inside Atom <content type="xhtml">: its child elements are markup

  bool in_xhtml() const { return xhtml_depth > 0 && path.size() > xhtml_depth; }

  size_t line() const { return static_cast<size_t>(XML_GetCurrentLineNumber(parser)); }

  void start(const char* name, const char** attrs) {
    const std::string n = local_name(name);
    if (in_xhtml()) {  // <div><p>...</p></div>: kept as HTML for the HTML reader
      path.push_back(n);
      text += "<" + n + ">";
      return;
    }
    if (path.empty()) feed_root = n == "rss" || n == "feed" || n == "RDF";
    path.push_back(n);
    text.clear();
    if (item && (n == "content" || n == "summary"))
      for (size_t i = 0; attrs[i]; i += 2)
        if (std::string(attrs[i]) == "type" && std::string(attrs[i + 1]) == "xhtml") xhtml_depth = path.size();
    if (n == "item" || n == "entry") {
      item = std::make_unique<Item>();
      item->line = line();
      return;
    }
    // Atom: <link href="..." rel="alternate"/>.
    if (item && n == "link") {
      std::string href, rel;
      for (size_t i = 0; attrs[i]; i += 2) {
        if (std::string(attrs[i]) == "href") href = attrs[i + 1];
        if (std::string(attrs[i]) == "rel") rel = attrs[i + 1];
      }
      if (!href.empty() && (rel.empty() || rel == "alternate")) item->link = href;
    }
  }

  void end(const char*) {
    if (in_xhtml()) {
      text += "</" + path.back() + ">";
      path.pop_back();
      return;
    }
    const std::string n = path.back();
    if (path.size() == xhtml_depth) xhtml_depth = 0;
    path.pop_back();
    if (!item) return;
    if (n == "item" || n == "entry") {
      finish(*item);
      item.reset();
      return;
    }
    const std::string value = text;
    text.clear();
    if (n == "title" && item->title.empty())
      item->title = value;
    else if (n == "link" && item->link.empty())
      item->link = value;
    else if (n == "guid" || n == "id")
      item->id = value;
    else if (n == "pubDate" || n == "published" || n == "date" || (n == "updated" && item->published.empty()))
      item->published = value;
    else if (n == "encoded" || n == "content")
      item->body = value;
    else if (n == "description" || n == "summary")
      item->summary = value;
    else if (n == "creator" || n == "name" || n == "author")
      item->author = value;
  }

  void finish(const Item& it) {
    ++items;
    const std::string where = source + ":" + std::to_string(it.line) + ": item " + std::to_string(items);
    const std::string& html = !it.body.empty() ? it.body : it.summary;
    auto trimmed = [](const std::string& s) {
      size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
      return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
    };
    if (trimmed(html).empty()) {
      on_error(it.line, where + ": no text (no description or content)");
      return;
    }
    try {
      // The item's text is HTML (or plain text, which reads the same).
      Document doc = parse_html(html, it.id, source);
      doc.id = !trimmed(it.id).empty()     ? trimmed(it.id)
               : !trimmed(it.link).empty() ? trimmed(it.link)
                                           : source + "#" + std::to_string(items);
      doc.title = trimmed(it.title);
      doc.url = trimmed(it.link);
      doc.byline = trimmed(it.author);
      if (!trimmed(it.published).empty()) {
        doc.published = parse_date_text(trimmed(it.published));
        if (!doc.published) {
          on_error(it.line, where + ": not a date: " + trimmed(it.published).substr(0, 60));
          return;
        }
      }
      // The title is the report's headline: it restates its events.
      if (!doc.title.empty()) doc.text = doc.title + "\n\n" + doc.text;
      unshout(doc);
      read_dateline(doc);
      on_document(std::move(doc));
    } catch (const InputError& e) { on_error(it.line, e.what()); }
  }

  void characters(const char* s, int len) {
    if (!item) return;
    if (!in_xhtml()) {
      text.append(s, static_cast<size_t>(len));
      return;
    }
    for (int i = 0; i < len; ++i)  // decoded by Expat; escaped again for the HTML reader
      text += s[i] == '<' ? std::string("&lt;") : s[i] == '&' ? std::string("&amp;") : std::string(1, s[i]);
  }
};

void XMLCALL on_start(void* self, const char* name, const char** attrs) { static_cast<FeedReader*>(self)->start(name, attrs); }
void XMLCALL on_end(void* self, const char* name) { static_cast<FeedReader*>(self)->end(name); }
void XMLCALL on_chars(void* self, const char* s, int len) { static_cast<FeedReader*>(self)->characters(s, len); }

}  // namespace

size_t read_feed(std::string_view content, const std::string& source, const std::function<void(Document&&)>& on_document,
                 const std::function<void(size_t, const std::string&)>& on_error) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate(nullptr), &XML_ParserFree);
  if (!parser) throw InputError(source + ":1: out of memory reading the feed");
  FeedReader r{source, on_document, on_error, parser.get(), {}, nullptr, {}, 0, false};
  XML_SetUserData(parser.get(), &r);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_chars);
  // Feeds may be large: parse in pieces so a bad byte is reported near its line.
  constexpr size_t kPiece = 1 << 20;
  for (size_t at = 0; at < content.size() || at == 0; at += kPiece) {
    const size_t n = std::min(kPiece, content.size() - std::min(at, content.size()));
    const bool last = at + n >= content.size();
    if (XML_Parse(parser.get(), content.data() + at, static_cast<int>(n), last) == XML_STATUS_ERROR) {
      const size_t line = static_cast<size_t>(XML_GetCurrentLineNumber(parser.get()));
      on_error(line, source + ":" + std::to_string(line) + ": not well-formed XML (" + XML_ErrorString(XML_GetErrorCode(parser.get())) +
                         "); the feed's later items are not read");
      return r.items;
    }
    if (last) break;
  }
  if (!r.feed_root) on_error(1, source + ":1: not an RSS or Atom feed (no <rss> or <feed> root)");
  return r.items;
}

}  // namespace sitmap
