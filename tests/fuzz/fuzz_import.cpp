// ACLED CSV and GDELT rows, as `sitmap import` reads them (no store): each
// input read as both. Bad rows are errors naming the line; a file that is
// not an ACLED export at all is a StoreError.
#include <cmath>
#include <sstream>

#include "fuzz.hpp"
#include "store/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  for (const sitmap::ImportFormat format : {sitmap::ImportFormat::acled, sitmap::ImportFormat::gdelt}) {
    std::istringstream in{std::string(sitmap::fuzz::text_of(data, size))};
    sitmap::ImportResult r;
    try {
      const auto events = sitmap::read_coded_events(in, "fuzz.csv", format, r, [](const std::string& m) {
        if (m.rfind("fuzz.csv:", 0) != 0) __builtin_trap();
      });
      for (const sitmap::Event& e : events)
        if (!e.when.date || !sitmap::is_valid(*e.when.date) || e.when.precision < 1 || e.when.precision > 3 ||
            (e.fatalities && *e.fatalities < 0) || std::abs(e.point.lat) > 90 || std::abs(e.point.lon) > 180)
          __builtin_trap();  // what is stored is in range
    } catch (const sitmap::StoreError&) {}
  }
  return 0;
}
