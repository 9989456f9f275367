// Gazetteer lookups with any name: exact, fuzzy, and geocode's qualifiers
// ("Paris, Texas") and type words ("Deir Ezzor province").
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sitmap::Gazetteer& g = sitmap::fuzz::gazetteer();
  const std::string_view name = sitmap::fuzz::text_of(data, size);
  for (const auto& c : g.geocode(name, {.country = size > 1 ? std::string(name.substr(0, 2)) : "", .limit = 5, .fuzzy = true}))
    (void)g.place(c.entry).name;
  for (const auto& c : g.lookup(name)) (void)g.place(c.entry).admin1;
  (void)g.country(name);
  return 0;
}
