#pragma once
// A gazetteer of a handful of places (tests/fixtures/gazdata: Raqqa, Paris
// in France and in Texas, their countries and divisions), built once per
// test process into its own temporary directory: extraction's unit tests
// run on it; the real index stays for the integration tests.
#include <string>

#include "../temp_dir.hpp"
#include "gazetteer/builder.hpp"
#include "gazetteer/gazetteer.hpp"

namespace sitmap::test {

inline const Gazetteer& fixture_gazetteer() {
  static const TempDir dir;
  static const Gazetteer gaz = [] {
    const std::string src = SITMAP_SOURCE_DIR;
    build_gazetteer({src + "/tests/fixtures/gazdata", src + "/geodata", dir.file("fixture.idx")});
    return Gazetteer::open(dir.file("fixture.idx"));
  }();
  return gaz;
}

}  // namespace sitmap::test
