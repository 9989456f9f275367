// The whole extraction pipeline on a report: segment, toponyms, resolution,
// events. Nothing it reads may make it throw.
#include <nlohmann/json.hpp>

#include "core/event_json.hpp"
#include "extract/pipeline.hpp"
#include "fuzz.hpp"
#include "text/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitmap::Document doc;
  try {
    doc = sitmap::parse_plain_text(sitmap::fuzz::text_of(data, size), "fuzz", "fuzz.txt");
  } catch (const sitmap::InputError&) { return 0; }
  if (!doc.published) doc.published = sitmap::CivilDate{2015, 11, 16};
  const sitmap::Analysis a = sitmap::analyse(doc, sitmap::fuzz::gazetteer());
  for (const sitmap::Event& e : a.events) {
    if (e.end > doc.text.size() || e.trigger_end > doc.text.size()) __builtin_trap();  // provenance inside the report
    (void)sitmap::event_json(e).dump();
  }
  (void)sitmap::geoparse_json(doc, a.mentions, sitmap::fuzz::gazetteer()).dump();
  return 0;
}
