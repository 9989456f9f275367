// HTML pages: markup stripped, entities decoded, title and date from the tags.
#include "fuzz.hpp"
#include "text/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)sitmap::parse_html(sitmap::fuzz::text_of(data, size), "fuzz", "fuzz.html");
  } catch (const sitmap::InputError&) {}
  return 0;
}
