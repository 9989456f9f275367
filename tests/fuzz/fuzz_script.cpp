// The viewer's script parser (`sitmap view --script`): any text is actions
// or "FILE:LINE: reason".
#include <stdexcept>

#include "app/script.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)sitmap::parse_script(sitmap::fuzz::text_of(data, size), "fuzz.txt");
  } catch (const std::runtime_error& e) {
    if (std::string_view(e.what()).rfind("fuzz.txt:", 0) != 0) __builtin_trap();
  }
  return 0;
}
