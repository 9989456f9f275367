#include "text/reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "core/date.hpp"
#include "core/file_formats.hpp"
#include "core/fold.hpp"
#include "text/date_labels.hpp"
#include "text/dateline.hpp"
#include "text/unshout.hpp"
#include "text/feed.hpp"

namespace sitmap {

namespace {

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

// Line number (1-based) of byte offset `at` in `s`.
size_t line_of(std::string_view s, size_t at) {
  return 1 + static_cast<size_t>(std::count(s.begin(), s.begin() + static_cast<long>(std::min(at, s.size())), '\n'));
}

// Rejects binary data and repairs stray invalid bytes, naming the line:
// the line in `content`, or `line` when the text sits on one line of a
// JSON Lines file (its own line numbers would mean nothing there).
std::string checked_text(std::string_view content, const std::string& source, std::optional<size_t> line = std::nullopt) {
  auto where = [&](size_t at) { return source + ":" + std::to_string(line ? *line : line_of(content, at)) + ": "; };
  if (content.find('\0') != std::string_view::npos)
    throw InputError(where(content.find('\0')) + "binary data (NUL byte), not a text report");
  const size_t valid = valid_utf8_prefix(content);
  if (valid == content.size()) return std::string(content);
  // A few stray bytes (a Latin-1 quote) are repaired; mostly-invalid input is refused.
  std::string repaired = repair_utf8(content);
  const size_t bad = (repaired.size() - content.size()) / 2;  // each bad byte became 3 bytes
  if (bad * 100 > content.size() + 100)                       // over 1%: not a text in UTF-8 at all
    throw InputError(where(valid) + "invalid UTF-8");
  return repaired;
}

// A value as an error message quotes it: at most 40 bytes of it, valid UTF-8.
std::string shown(std::string_view value) {
  if (value.size() <= 40) return repair_utf8(value);
  return repair_utf8(value.substr(0, 40)) + "...";
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(path + ":0: cannot read: " + ec.message());
  if (size > kMaxDocumentBytes)
    throw InputError(path + ":1: " + std::to_string(size) + " bytes, over the " + std::to_string(kMaxDocumentBytes >> 20) +
                     " MiB a report may have");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ":0: cannot open");
  std::string s(size, '\0');
  in.read(s.data(), static_cast<std::streamsize>(size));
  return s;
}

std::string base_id(const std::string& path) { return std::filesystem::path(path).stem().string(); }

bool looks_like_byline(const std::string& line) {
  if (line.empty() || line.size() > 60 || line.back() == '.') return false;
  if (line.rfind("By ", 0) == 0) return true;
  // "Staff reporter", "Our correspondent", "News desk": who wrote it, unnamed.
  const std::string lower = ascii_lower(line);
  for (std::string_view who : {"reporter", "writer", "correspondent", "staff", "news desk", "editor", "agencies"})
    if (line.size() <= 40 && lower.find(who) != std::string::npos) return true;
  // "Sara Hussein": two to four capitalised words, nothing else.
  std::istringstream words(line);
  std::string w;
  int n = 0;
  while (words >> w) {
    if (!std::isupper(static_cast<unsigned char>(w[0]))) return false;
    ++n;
  }
  return n >= 2 && n <= 4;
}

// A field of a header line that is a date and little else: at most one
// word besides the date's own, a weekday, a time of day and a label.
std::optional<CivilDate> date_field(std::string_view field) {
  std::string f = trim(field);
  // "Released: Wednesday, 7 May 2025", "Generated: 2022-06-06 04:00 UTC": a label before a colon.
  if (const size_t colon = f.find(": ");
      colon != std::string::npos && colon <= 24 &&
      std::none_of(f.begin(), f.begin() + static_cast<long>(colon), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    f = trim(std::string_view(f).substr(colon + 2));
  if (f.size() > 48) return std::nullopt;
  // "10:55, 04.09.24", "20 Oct 21": a two-digit year is read here, in a header's date field only.
  const auto date = find_date(f, {.two_digit_year = true});
  if (!date) return std::nullopt;
  int other = 0;
  std::string word;
  auto count_word = [&] {
    const std::string w = ascii_lower(word);
    // "EAT", "CEST", "IST": a time zone's abbreviation.
    const bool zone = word.size() >= 3 && word.size() <= 4 &&
                      std::all_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    word.clear();
    if (w.size() < 3 || zone || month_from_name(w) || weekday_from_name(w) >= 0) return;
    if (!is_date_label(w, DateLabel::header_field)) ++other;
  };
  for (char c : f) {
    if (std::isalpha(static_cast<unsigned char>(c)))
      word.push_back(c);
    else
      count_word();
  }
  count_word();
  return other <= 1 ? date : std::nullopt;
}

// The fields of a header line: "Staff | Town | date", "Courier Mindanao / 05:42 AM
// August 01, 2018", "Desk · date", "Desk • date".
std::vector<std::string_view> header_fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    size_t separator = line[i] == '|' ? 1 : 0;
    for (std::string_view sep : {" / ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " * ", "    "})  // four spaces: a page's columns
      if (!separator && line.substr(i).starts_with(sep)) separator = sep.size();
    if (!separator) continue;
    out.push_back(line.substr(start, i - start));
    start = i + separator;
    i = start - 1;
  }
  out.push_back(line.substr(start));
  return out;
}

// The publication date of a head the title-byline-date reading did not
// reach: a masthead, a section line and a standfirst can stand above the
// date ("June 10, 2025 - 01:52 p. m." under a byline, "Staff | Salvatierra,
// Gto. | 17.12.2023 14:20:00"). The first field of a header line that is a
// date, before the body's second paragraph or its dateline.
std::optional<CivilDate> header_date(std::string_view text) {
  int seen = 0, paragraphs = 0;
  for (size_t at = 0; seen < 15 && at < text.size();) {  // the head's lines, not a copy of the whole report
    const size_t end = std::min(text.find('\n', at), text.size());
    const std::string t = trim(text.substr(at, end - at));
    at = end + 1;
    if (t.empty()) continue;
    ++seen;
    if (t.size() >= 300 || find_dateline(t)) break;
    if (t.size() > 80 && (t.back() == '.' || t.back() == '"') && ++paragraphs >= 2) break;
    for (std::string_view field : header_fields(t))
      if (auto d = date_field(field)) return d;
  }
  return std::nullopt;
}

// "Published 10 June 2019", "Last updated: 2019-06-10 09:14" on one of a
// report's last lines: a page copied with its footer. Only a line that opens
// with a date label, or a filing stamp in figures, counts; a closing
// paragraph's own dates do not.
std::optional<CivilDate> footer_date(std::string_view text) {
  int seen = 0;
  for (size_t end = text.size(); seen < 8 && end > 0;) {
    const size_t start = text.rfind('\n', end - 1);
    const size_t from = start == std::string_view::npos ? 0 : start + 1;
    const std::string t = trim(text.substr(from, end - from));
    end = start == std::string_view::npos ? 0 : start;
    if (t.empty()) continue;
    ++seen;
    if (t.size() > 120) continue;
    std::string first;
    for (char c : t) {
      if (!std::isalpha(static_cast<unsigned char>(c))) break;
      first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (first == "last" || first == "first") {  // "Last updated", "First published"
      const size_t space = t.find(' ');
      first.clear();
      for (size_t k = space == std::string::npos ? t.size() : space + 1; k < t.size() && std::isalpha(static_cast<unsigned char>(t[k]));
           ++k)
        first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(t[k]))));
    }
    // "Filed 14/04/2024 09:15 AEST", a wire's filing stamp; "12/06/2025 07:35 BST", a stamp alone on its line.
    // "AAP jw/mr 09/11/2015 15:42": an agency's sign-off with the desk's initials and the filing stamp.
    const size_t caps = static_cast<size_t>(
        std::find_if(t.begin(), t.end(), [](char c) { return !std::isupper(static_cast<unsigned char>(c)); }) - t.begin());
    const bool sign_off = caps >= 2 && caps <= 8 && caps == first.size() && t.size() <= 48;
    const bool stamp = (first.empty() && t.size() <= 40 && std::isdigit(static_cast<unsigned char>(t[0]))) ||
                       is_date_label(first, DateLabel::header_field) || sign_off;
    // "This report by The Canadian Press was first published Sept. 5, 2022.": a closing line that says when.
    constexpr std::string_view first_published = " first published ";
    if (const size_t at = ascii_lower(t).find(first_published); at != std::string::npos) {
      std::string rest = t.substr(at + first_published.size());
      if (rest.rfind("on ", 0) == 0) rest = rest.substr(3);
      while (!rest.empty() && rest.back() == '.') rest.pop_back();
      if (auto d = date_field(rest)) return d;
    }
    if (!is_date_label(first, DateLabel::date_line) && !stamp) continue;
    if (auto d = date_field(t)) return d;
  }
  return std::nullopt;
}

// Paragraphs that only point elsewhere ("Read more: ...", "Sign up for ...") or speak to editors.
bool pointer_paragraph(std::string_view p) {
  static constexpr std::string_view starts[] = {"Read more", "READ MORE", "Read also", "READ ALSO", "Also read", "ALSO READ", "See also",
                                                "SEE ALSO", "Related:", "RELATED:", "Sign up", "Follow us", "Share this", "Advertisement",
                                                "ADVERTISEMENT", "Click here", "Subscribe",
                                                // A note to the desk about the copy, not the story: "EDITORS: The bureau has filed ...".
                                                "EDITORS:", "EDITOR'S NOTE", "Editor's note", "Editor\xE2\x80\x99s note",
                                                "EDITOR\xE2\x80\x99S NOTE", "Editors' note", "NOTE TO EDITORS", "Note to editors"};
  // A whole word: "Subscribers of the water utility ..." is a story's sentence.
  return std::any_of(std::begin(starts), std::end(starts), [&](std::string_view s) {
    return p.substr(0, s.size()) == s && (p.size() == s.size() || !std::isalpha(static_cast<unsigned char>(p[s.size()])));
  });
}

// A plain-text report's pointer lines ("Read also: ...") are blanked, not
// cut: offsets and line numbers stay those of the file.
void blank_pointer_lines(std::string& text) {
  for (size_t at = 0; at < text.size();) {
    const size_t end = std::min(text.find('\n', at), text.size());
    size_t first = at;
    while (first < end && (text[first] == ' ' || text[first] == '\t')) ++first;
    if (pointer_paragraph(std::string_view(text).substr(first, end - first)))
      std::fill(text.begin() + static_cast<long>(first), text.begin() + static_cast<long>(end), ' ');
    at = end + 1;
  }
}

// The first `count` non-blank lines of a report, trimmed; `wraps[i]` says
// line i runs on into the next one ("... the capital\nof West Gojjam zone"),
// as hard-wrapped plain text and e-mail do.
std::vector<std::string> head_lines(const std::string& text, size_t count, std::vector<bool>& wraps) {
  std::vector<std::string> head;
  wraps.clear();
  std::istringstream lines(text);
  std::string line;
  while (head.size() < count && std::getline(lines, line)) {
    const std::string t = trim(line);
    if (t.empty()) {
      if (!wraps.empty()) wraps.back() = false;
      continue;
    }
    // (Not "by Hassan Warsame" under a title.)
    if (!wraps.empty() && wraps.back()) wraps.back() = std::islower(static_cast<unsigned char>(t[0])) != 0 && t.rfind("by ", 0) != 0;
    head.push_back(t);
    wraps.push_back(true);  // until the next line says otherwise
  }
  if (!wraps.empty()) wraps.back() = false;
  return head;
}

}  // namespace

std::optional<CivilDate> parse_date_text(std::string_view s) { return find_date(s); }

Document parse_plain_text(std::string_view content, const std::string& id, const std::string& source) {
  Document doc;
  doc.id = id;
  doc.source = source;
  doc.text = checked_text(content, source);
  blank_pointer_lines(doc.text);
  // The head of a report: slug, title, byline, date line in some order,
  // then the body. Offsets stay offsets into the whole text, so the head stays in it.
  std::vector<bool> wraps;
  const std::vector<std::string> head = head_lines(doc.text, 7, wraps);
  auto date_of = [](const std::string& t) -> std::optional<CivilDate> {
    const bool short_line = t.size() < 80;
    // "Statement No. 4 — Monday 16 October 2017": a dated heading names its weekday.
    bool weekday = false;
    for (int d = 0; d < 7; ++d) weekday = weekday || t.find(weekday_name(d)) != std::string::npos;
    // ("Issue 62 - posted to members 9 July 2023": a publishing word labels the line's date.)
    bool labelled = false;
    for (std::string_view w : {"pdated", "ublished", "osted", "eleased", "ssued"}) labelled = labelled || t.find(w) != std::string::npos;
    // "Monday, 31 July 2023 - this page is updated through the day ...": a live page's dated line.
    for (int d = 0; d < 7 && !short_line; ++d)
      if (t.rfind(weekday_name(d), 0) == 0)
        for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " | "})
          if (const size_t at = t.find(dash); at != std::string::npos && at < 40)
            if (auto date = parse_date_text(t.substr(0, at))) return date;
    if (!short_line || !(labelled || t.size() < 40 || weekday)) return std::nullopt;
    return parse_date_text(t);
  };
  auto body_like = [](const std::string& t) {
    const char last = t.back();
    return t.size() >= 200 || (t.size() > 80 && (last == '.' || last == '"' || t.rfind("\xE2\x80\x9D") == t.size() - 3));
  };
  auto headline_like = [](const std::string& t) { return t.size() < 200 && t.back() != '.' && t.back() != '"'; };
  // "Somalia-unrest-attack,LEAD", "URGENT": an agency's slug, not a title.
  auto slug = [](const std::string& t) { return t.find(' ') == std::string::npos; };
  for (size_t i = 0; i < head.size(); ++i) {
    const std::string& t = head[i];
    // A hard-wrapped paragraph (plain text and e-mail wrap at 70-odd columns) is the body.
    if (body_like(t) || find_dateline(t) || (wraps[i] && t.size() >= 50)) break;
    if (!doc.published) {
      if (auto d = date_of(t)) {
        doc.published = d;
        continue;
      }
      // "Rauf Aliyev |11.10.2020": a byline that carries the date.
      const size_t bar = t.find('|');
      if (bar != std::string::npos && t.size() < 80) {
        if (auto d = date_field(std::string_view(t).substr(0, bar))) {  // "Compiled: 2019-11-04 | Period: ...": the first date
          doc.published = d;
          continue;
        }
        if (auto d = parse_date_text(t.substr(bar + 1))) {
          doc.published = d;
          if (doc.byline.empty()) doc.byline = trim(t.substr(0, bar));
          continue;
        }
      }
    }
    const bool by = t.size() <= 60 && (t.rfind("By ", 0) == 0 || t.rfind("by ", 0) == 0 || t.rfind("BY ", 0) == 0);
    // A short line just before the date is its byline, unless the report has no title yet and it reads as one.
    const bool before_date =
        i + 1 < head.size() && !doc.published && date_of(head[i + 1]) && t.size() <= 60 && (!doc.title.empty() || looks_like_byline(t));
    if (doc.byline.empty() && (by || before_date || (looks_like_byline(t) && (!doc.title.empty() || i == 0) && i + 1 < head.size()))) {
      doc.byline = t;
      continue;
    }
    if (slug(t)) continue;
    if (doc.title.empty() && headline_like(t)) {
      doc.title = t;
      continue;
    }
    // "* Washington says support is "not a blank check"": an agency's summary bullets, however they end.
    // (A bullet that is a whole sentence, "* Police arrested 20 protesters in Abuja on Tuesday.", is a roundup's item.)
    const bool bullet = t.size() > 2 && (t[0] == '*' || t.rfind("\xE2\x80\xA2", 0) == 0) && !doc.title.empty() && t.back() != '.';
    if ((headline_like(t) || bullet) && t.size() < 160) {  // a standfirst, or an agency's name ("Associated Press")
      if (t.find(' ') != std::string::npos && (t.size() > 40 || bullet)) doc.summary += (doc.summary.empty() ? "" : "\n") + t;
      continue;
    }
    break;
  }
  // A report of one line is its own body, not a headline over nothing.
  if (head.size() == 1) doc.title.clear();
  if (!doc.published) doc.published = header_date(doc.text);
  if (!doc.published) doc.published = footer_date(doc.text);
  unshout(doc);
  read_dateline(doc);
  return doc;
}

namespace {

void append_utf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

std::string decode_entities(std::string_view s) {
  static const std::pair<const char*, const char*> named[] = {{"&amp;", "&"},
                                                              {"&lt;", "<"},
                                                              {"&gt;", ">"},
                                                              {"&quot;", "\""},
                                                              {"&apos;", "'"},
                                                              {"&#39;", "'"},
                                                              {"&nbsp;", " "},
                                                              {"&rsquo;", "\xE2\x80\x99"},
                                                              {"&lsquo;", "\xE2\x80\x98"},
                                                              {"&ldquo;", "\xE2\x80\x9C"},
                                                              {"&rdquo;", "\xE2\x80\x9D"},
                                                              {"&mdash;", "\xE2\x80\x94"},
                                                              {"&ndash;", "\xE2\x80\x93"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      bool done = false;
      for (const auto& [from, to] : named) {
        const std::string_view f(from);
        if (s.substr(i, f.size()) == f) {
          out += to;
          i += f.size();
          done = true;
          break;
        }
      }
      if (done) continue;
      // "&#8217;", "&#x2019;": a character by its number, as UTF-8.
      if (const size_t end = s.find(';', i); i + 2 < s.size() && s[i + 1] == '#' && end != std::string_view::npos && end - i <= 10) {
        const bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
        const std::string digits(s.substr(i + (hex ? 3 : 2), end - i - (hex ? 3 : 2)));
        char* stop = nullptr;
        const unsigned long code = digits.empty() ? 0 : std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
        if (code > 0 && code <= 0x10FFFF && stop && *stop == '\0' && (code < 0xD800 || code > 0xDFFF)) {
          append_utf8(out, static_cast<uint32_t>(code));
          i = end + 1;
          continue;
        }
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

// Where `name` (lower case) next occurs in `text` from `from`, in any case.
size_t find_ascii_icase(std::string_view text, std::string_view name, size_t from) {
  for (size_t i = from; i + name.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < name.size() && std::tolower(static_cast<unsigned char>(text[i + k])) == name[k]) ++k;
    if (k == name.size()) return i;
  }
  return std::string_view::npos;
}

// The value of attribute `name` in a tag: the first `name = "value"` (or
// 'value'), the value ending at the next quote of either kind. One pass.
std::string attribute(std::string_view tag, std::string_view name) {
  auto skip_spaces = [&](size_t k) {
    while (k < tag.size() && std::isspace(static_cast<unsigned char>(tag[k]))) ++k;
    return k;
  };
  for (size_t at = find_ascii_icase(tag, name, 0); at != std::string_view::npos; at = find_ascii_icase(tag, name, at + 1)) {
    size_t k = skip_spaces(at + name.size());
    if (k >= tag.size() || tag[k] != '=') continue;
    k = skip_spaces(k + 1);
    if (k >= tag.size() || (tag[k] != '"' && tag[k] != '\'')) continue;
    const size_t close = tag.find_first_of("\"'", k + 1);
    if (close == std::string_view::npos) return "";  // no later value can close either
    return std::string(tag.substr(k + 1, close - k - 1));
  }
  return "";
}

}  // namespace

namespace {

// Elements whose text is never the report's: menus, asides, captions, forms.
bool boilerplate_element(std::string_view name) {
  static constexpr std::string_view names[] = {"script",     "style", "nav",    "footer",   "header", "aside", "figure",
                                               "figcaption", "form",  "button", "noscript", "iframe", "svg",   "select"};
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// Class names of the same ("related", "share-bar", "newsletter-signup" ...).
bool boilerplate_class(std::string_view cls) {
  static constexpr std::string_view parts[] = {"related",  "share",      "social",   "newsletter", "promo",     "advert",
                                               "comments", "read-more",  "readmore", "most-read",  "subscribe", "cookie",
                                               "caption",  "breadcrumb", "tags",     "author-bio"};
  return std::any_of(std::begin(parts), std::end(parts), [&](std::string_view p) { return cls.find(p) != std::string_view::npos; });
}

bool void_element(std::string_view name) {
  static constexpr std::string_view names[] = {"br", "img", "meta", "link", "hr", "input", "source", "wbr", "area", "base", "col"};
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// The <meta> elements news sites date their stories with: any name of
// publishing (Open Graph's "article:published_time", schema.org's
// "datePublished", "publish-date", "cXenseParse:recs:publishtime",
// "bt:pubDate"), and Dublin Core's and a few sites' own date names.
// (Not the date labels of text/date_labels.hpp: an attribute's name is read
// by its stem, and "article:modified_time" or "updated" date an edit, not
// the story.)
bool publication_meta(std::string_view tag) {
  static constexpr std::string_view names[] = {"date",           "dc.date",          "dc.date.issued", "dcterms.created",
                                               "dcterms.issued", "parsely-pub-date", "sailthru.date"};
  for (std::string_view key : {"property", "name", "itemprop"}) {
    const std::string v = ascii_lower(attribute(tag, key));
    if (v.find("publish") != std::string::npos || v.find("pubdate") != std::string::npos) return true;
    if (!v.empty() && std::find(std::begin(names), std::end(names), v) != std::end(names)) return true;
  }
  return false;
}

struct OpenElement {
  std::string name;
  bool skip = false;  // boilerplate: its text is dropped
  std::string role;   // "byline", "standfirst": text kept for the document's fields
};

}  // namespace

// schema.org's "datePublished" in a page's JSON-LD block (<script type="application/ld+json">),
// where news sites put their article's date when no <meta> or <time> carries it; else its
// "dateCreated" (a page that gives only that).
std::optional<CivilDate> structured_data_date(std::string_view html) {
  for (std::string_view key : {"\"datePublished\"", "\"dateCreated\""})
    for (size_t at = html.find(key); at != std::string_view::npos; at = html.find(key, at + 1)) {
      size_t k = at + key.size();
      while (k < html.size() && (html[k] == ' ' || html[k] == ':')) ++k;
      if (k >= html.size() || html[k] != '"') continue;
      const size_t end = html.find('"', k + 1);
      if (end == std::string_view::npos || end - k > 40) continue;
      if (auto d = parse_date_text(html.substr(k + 1, end - k - 1))) return d;
    }
  return std::nullopt;
}

Document parse_html(std::string_view content, const std::string& id, const std::string& source) {
  const std::string html = checked_text(content, source);
  Document doc;
  doc.id = id;
  doc.source = source;
  std::string text, title, h1, byline, standfirst;
  std::vector<OpenElement> open;
  auto skipping = [&] { return std::any_of(open.begin(), open.end(), [](const OpenElement& e) { return e.skip; }); };
  auto inside = [&](std::string_view name) {
    return std::any_of(open.begin(), open.end(), [&](const OpenElement& e) { return e.name == name; });
  };
  auto role = [&](std::string_view r) { return std::any_of(open.begin(), open.end(), [&](const OpenElement& e) { return e.role == r; }); };
  // A page that marks its story with <article> has nothing of it outside
  // ("More on this story", "Top stories" lists after it).
  const bool has_article = ascii_lower(html).find("<article") != std::string::npos;
  // A list item that is a link is a pointer to another page, not the story's text.
  auto link_item = [&] { return inside("li") && inside("a"); };
  for (size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      const size_t next = html.find('<', i);
      const std::string chunk = decode_entities(html.substr(i, next == std::string::npos ? std::string::npos : next - i));
      if (inside("title"))
        title += chunk;
      else if (role("byline"))
        byline += chunk;
      else if (!skipping() && !link_item() && (!has_article || inside("article"))) {
        if (inside("h1")) h1 += chunk;
        if (role("standfirst")) standfirst += chunk;
        text += chunk;
      }
      i = next == std::string::npos ? html.size() : next;
      continue;
    }
    const size_t close = html.find('>', i);
    if (close == std::string::npos) break;
    if (html.compare(i, 4, "<!--") == 0) {  // comments may hold '>'
      const size_t end = html.find("-->", i + 4);
      i = end == std::string::npos ? html.size() : end + 3;
      continue;
    }
    const std::string tag = html.substr(i + 1, close - i - 1);
    std::string name;
    for (char c : tag) {
      if (std::isspace(static_cast<unsigned char>(c)) || c == '>' || c == '/') {
        if (c == '/' && name.empty()) {
          name.push_back('/');
          continue;
        }
        break;
      }
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    const bool closing = !name.empty() && name[0] == '/';
    const std::string bare = closing ? name.substr(1) : name;
    if (closing) {
      // Close the innermost element of that name, and anything left open inside it.
      for (size_t k = open.size(); k-- > 0;)
        if (open[k].name == bare) {
          open.resize(k);
          break;
        }
    } else if (!bare.empty() && bare[0] != '!' && bare[0] != '?' && !void_element(bare) && tag.back() != '/') {
      const std::string cls = ascii_lower(attribute(tag, "class"));
      OpenElement e{bare, boilerplate_element(bare) || boilerplate_class(cls), ""};
      if (cls.find("byline") != std::string::npos || cls.find("author") != std::string::npos || attribute(tag, "rel") == "author")
        e.role = "byline";
      else if (cls.find("standfirst") != std::string::npos || cls.find("dek") != std::string::npos ||
               cls.find("subtitle") != std::string::npos || cls.find("summary") != std::string::npos ||
               cls.find("strapline") != std::string::npos || cls.find("subhead") != std::string::npos)
        e.role = "standfirst";
      open.push_back(std::move(e));
    }
    if (bare == "time" && !doc.published)
      doc.published = parse_date_text(attribute(tag, "datetime"));
    else if (bare == "meta" && !doc.published && publication_meta(tag))
      doc.published = parse_date_text(attribute(tag, "content"));
    // Block elements end a paragraph; inline ones join words.
    static constexpr std::string_view blocks[] = {"p",  "br", "div",     "h1",      "h2",         "h3", "h4",    "li",
                                                  "ul", "ol", "section", "article", "blockquote", "tr", "table", "main"};
    if (std::find(std::begin(blocks), std::end(blocks), bare) != std::end(blocks)) {
      text += "\n\n";
      if (role("standfirst")) standfirst += "\n";
    }
    i = close + 1;
  }
  // Collapse the whitespace markup leaves behind; drop paragraphs that only point elsewhere.
  std::string clean;
  size_t para_start = 0;
  int newlines = 0;
  bool space = false;
  auto end_paragraph = [&] {
    if (pointer_paragraph(std::string_view(clean).substr(para_start))) clean.resize(para_start > 2 ? para_start - 2 : 0);
  };
  for (char c : text) {
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (!clean.empty()) {
      if (newlines) {
        end_paragraph();
        if (!clean.empty()) clean += "\n\n";
        para_start = clean.size();
      } else if (space) {
        clean += ' ';
      }
    }
    newlines = 0;
    space = false;
    clean.push_back(c);
  }
  end_paragraph();
  doc.text = clean;
  doc.title = trim(!h1.empty() ? h1 : title);
  doc.byline = trim(byline);
  doc.summary = trim(standfirst);
  if (!doc.published) doc.published = structured_data_date(html);
  if (!doc.published) doc.published = parse_plain_text(clean, id, source).published;
  // "Written by R. Sharma | Jammu | Jul 09, 2024, 07:12 IST": a byline element that carries the date.
  if (!doc.published) doc.published = parse_date_text(doc.byline);
  unshout(doc);
  read_dateline(doc);
  return doc;
}

Document read_document_file(const std::string& path) {
  const std::string content = read_file(path);
  if (content.empty()) throw InputError(path + ":1: empty file");
  const FileFormat format = format_of_path(path);
  if (format == FileFormat::html) return parse_html(content, base_id(path), path);
  if (format == FileFormat::jsonl || format == FileFormat::feed)
    throw InputError(path + ":1: a file of several documents: read it with for_each_document_in_file");
  return parse_plain_text(content, base_id(path), path);
}

void for_each_document_in_file(const std::string& path, const std::function<void(Document&&)>& on_document,
                               const std::function<void(const std::string&)>& on_error) {
  if (format_of_path(path) == FileFormat::jsonl) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ":0: cannot open");
    for_each_jsonl_line(
        in, path, [&](size_t, Document&& d) { on_document(std::move(d)); },
        [&](size_t, const std::string&, const std::string& message) { on_error(message); });
    return;
  }
  const std::string content = read_file(path);
  if (content.empty()) throw InputError(path + ":1: empty file");
  if (report_format(path, content) == FileFormat::feed) {
    read_feed(content, path, on_document, [&](size_t, const std::string& message) { on_error(message); });
    return;
  }
  on_document(read_document_file(path));
}

Document parse_jsonl_line(std::string_view line, const std::string& source, size_t line_number) {
  const std::string where = source + ":" + std::to_string(line_number) + ": ";
  if (line.size() > kMaxDocumentBytes)
    throw InputError(where + "line over the " + std::to_string(kMaxDocumentBytes >> 20) + " MiB a document may have");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) { throw InputError(where + "not JSON (" + std::string(e.what()).substr(0, 120) + ")"); }
  if (!j.is_object()) throw InputError(where + "not a JSON object");
  if (!j.contains("text") || !j["text"].is_string()) throw InputError(where + "no \"text\" string");
  Document doc;
  if (j.contains("id") && j["id"].is_string())
    doc.id = j["id"].get<std::string>();
  else if (j.contains("id") && j["id"].is_number())
    doc.id = j["id"].dump();
  else
    doc.id = source + "#" + std::to_string(line_number);
  doc.text = checked_text(j["text"].get<std::string>(), source, line_number);
  if (j.contains("title") && j["title"].is_string()) doc.title = j["title"].get<std::string>();
  if (j.contains("url") && j["url"].is_string()) doc.url = j["url"].get<std::string>();
  doc.source = j.contains("source") && j["source"].is_string() ? j["source"].get<std::string>() : source;
  if (j.contains("published") && j["published"].is_string()) {
    doc.published = parse_date_text(j["published"].get<std::string>());
    if (!doc.published) throw InputError(where + "\"published\" is not a date: " + shown(j["published"].get<std::string>()));
  }
  unshout(doc);
  read_dateline(doc);
  return doc;
}

void for_each_jsonl_line(std::istream& in, const std::string& source, const std::function<void(size_t, Document&&)>& on_document,
                         const std::function<void(size_t, const std::string&, const std::string&)>& on_error) {
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (trim(line).empty()) continue;
    try {
      on_document(n, parse_jsonl_line(line, source, n));
    } catch (const InputError& e) {
      // Keep the id when the line at least parses, so the error can be matched to it.
      std::string id;
      try {
        const auto j = nlohmann::json::parse(line);
        if (j.is_object() && j.contains("id")) id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
      } catch (...) {}
      on_error(n, id, e.what());
    }
  }
}

}  // namespace sitmap
