#pragma once
// Shared by the fuzz targets. Each target defines LLVMFuzzerTestOneInput:
// built with clang it links libFuzzer (bash tools/dev.sh fuzz runs it for
// real), otherwise fuzz_main.cpp, which runs it over the given corpus files
// and directories once (what ctest does with either build). An error a
// target expects (InputError for a bad report, ...) is caught there; any
// other exception, a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string_view>

#include "gazetteer/gazetteer.hpp"

namespace sitmap::fuzz {

inline std::string_view text_of(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// The index the tests use ($SITMAP_GAZETTEER, else the build tree's);
// without one the target skips (exit 77), as the tests do.
inline const Gazetteer& gazetteer() {
  static const Gazetteer* g = [] {
    const char* env = std::getenv("SITMAP_GAZETTEER");
    const std::string path = env && *env ? env : SITMAP_DEFAULT_GAZETTEER;
    try {
      return new Gazetteer(Gazetteer::open(path));
    } catch (const GazetteerError& e) {
      std::fprintf(stderr, "skip: %s\n", e.what());
      std::_Exit(77);
    }
  }();
  return *g;
}

}  // namespace sitmap::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
