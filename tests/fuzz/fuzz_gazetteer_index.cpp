// A corrupt index: the input is a list of 6-byte patches (offset: 2 bytes,
// value: 4 bytes, little-endian) written into a small valid index built
// from the test fixtures. Opening and using it gives a GazetteerError or
// answers; never a read outside the file.
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz.hpp"
#include "gazetteer/builder.hpp"

namespace {
const std::string& fixture_index() {
  static const std::string bytes = [] {
    char dir[] = "/tmp/sitmap-fuzz-XXXXXX";
    const std::string out = std::string(mkdtemp(dir)) + "/fixture.idx";
    sitmap::build_gazetteer({SITMAP_SOURCE_DIR "/tests/fixtures/gazdata", SITMAP_SOURCE_DIR "/geodata", out});
    std::ifstream in(out, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }();
  return bytes;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string index = fixture_index();
  for (size_t i = 0; i + 6 <= size; i += 6) {
    const size_t at = (data[i] | data[i + 1] << 8) % (index.size() - 3);
    std::memcpy(index.data() + at, data + i + 2, 4);
  }
  static const int fd = memfd_create("sitmap-fuzz-index", 0);
  if (ftruncate(fd, 0) != 0 || pwrite(fd, index.data(), index.size(), 0) != static_cast<ssize_t>(index.size())) __builtin_trap();
  try {
    const sitmap::Gazetteer g = sitmap::Gazetteer::open("/proc/self/fd/" + std::to_string(fd));
    for (const char* name : {"Raqqa", "Rakka", "Paris, Texas", "Lamar County", "Syria", "French", "Deir Ezzor province"})
      for (const auto& c : g.geocode(name)) (void)g.place(c.entry).name;
    (void)g.country("SY");
  } catch (const sitmap::GazetteerError&) {}
  return 0;
}
