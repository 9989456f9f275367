#pragma once
// News feeds: RSS 2.0 <item>s and Atom <entry>s, each a document with its
// title (the headline), link, guid/id and pubDate/updated.
#include <functional>
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace sitmap {

// Calls `on_document` for each good item, `on_error(line, "SOURCE:LINE:
// reason")` for each bad one (no text, a date that is not one) and goes on;
// XML that is not well formed ends the feed with one error. Returns the
// number of items seen.
size_t read_feed(std::string_view content, const std::string& source, const std::function<void(Document&&)>& on_document,
                 const std::function<void(size_t, const std::string&)>& on_error);

}  // namespace sitmap
