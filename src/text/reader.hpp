#pragma once
// Reading reports: plain text (byline / date line / title / body), HTML
// pages and JSON Lines. Every reader yields a Document whose text is valid
// UTF-8; errors name the file and line.
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace sitmap {

// A report that cannot be read; what() is "FILE:LINE: reason".
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Largest report accepted; a longer one is refused, not truncated.
inline constexpr size_t kMaxDocumentBytes = 16 * 1024 * 1024;

// Reads one report file; the format comes from the extension (.html/.htm,
// .jsonl is refused here: use for_each_jsonl_document), else plain text.
Document read_document_file(const std::string& path);

Document parse_plain_text(std::string_view content, const std::string& id, const std::string& source);
Document parse_html(std::string_view content, const std::string& id, const std::string& source);

// One JSON line: {"id", "text", "title", "published", "url", "source"}.
// Throws InputError("SOURCE:LINE: ...") when it is not such an object.
Document parse_jsonl_line(std::string_view line, const std::string& source, size_t line_number);

// Calls `on_document` for each good line, `on_error(line, id, message)` for
// each bad one, and goes on.
void for_each_jsonl_line(std::istream& in, const std::string& source, const std::function<void(size_t, Document&&)>& on_document,
                         const std::function<void(size_t, const std::string&, const std::string&)>& on_error);

// Every document of a file: one for a report (.txt, .html), one per item of
// an RSS or Atom feed (.rss, .atom, .xml, or any file that starts like one),
// one per line of JSON Lines (.jsonl, .ndjson). A bad item or line goes to
// `on_error` as "FILE:LINE: reason" and the rest go on; a file that cannot
// be read at all throws InputError.
void for_each_document_in_file(const std::string& path, const std::function<void(Document&&)>& on_document,
                               const std::function<void(const std::string&)>& on_error);

// Dates as reports write them: "Last updated: 16 November, 2015",
// "Nov 16, 2015", "16 Nov 2015", "2015-11-16", "2015-11-16T09:00:00Z" and
// "16/11/2015" (numeric dates are read day-first, as the wire services
// outside the US write them; "11/16/2015" is read month-first only when the
// first number cannot be a month). nullopt when no valid date is found.
std::optional<CivilDate> parse_date_text(std::string_view s);

}  // namespace sitmap
