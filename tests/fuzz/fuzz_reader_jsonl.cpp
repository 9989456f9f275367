// JSON Lines documents: each line a document or an error naming it; never a throw.
#include <sstream>

#include "fuzz.hpp"
#include "text/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in{std::string(sitmap::fuzz::text_of(data, size))};
  sitmap::for_each_jsonl_line(
      in, "fuzz.jsonl", [](size_t, sitmap::Document&&) {},
      [](size_t, const std::string&, const std::string& message) {
        if (message.rfind("fuzz.jsonl:", 0) != 0) __builtin_trap();  // every error names the file and line
      });
  return 0;
}
