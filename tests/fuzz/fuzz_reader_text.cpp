// Plain-text reports: the head (byline, date line, title), UTF-8 checks.
#include "fuzz.hpp"
#include "text/reader.hpp"
#include "text/segment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const sitmap::Document d = sitmap::parse_plain_text(sitmap::fuzz::text_of(data, size), "fuzz", "fuzz.txt");
    const sitmap::Segmented s = sitmap::segment(d.text);
    for (const sitmap::Token& t : s.tokens)
      if (t.end > d.text.size() || t.start > t.end) __builtin_trap();  // offsets stay inside the text
  } catch (const sitmap::InputError&) {}
  return 0;
}
