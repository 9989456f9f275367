// Dates: the text forms (find_date), whole-string dates (options, coded
// columns), ISO, and the date cues of a sentence resolved against a
// publication date the input's first bytes choose.
#include "core/date.hpp"
#include "extract/dates.hpp"
#include "fuzz.hpp"
#include "text/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = sitmap::fuzz::text_of(data, size);
  for (const auto d : {sitmap::find_date(text), sitmap::parse_date_exact(text), sitmap::parse_iso_date(text)})
    if (d && !sitmap::is_valid(*d)) __builtin_trap();  // only real days come back
  if (size < 2) return 0;
  sitmap::Document doc;
  try {
    doc = sitmap::parse_plain_text(text.substr(2), "fuzz", "fuzz.txt");
  } catch (const sitmap::InputError&) { return 0; }
  // Publication anywhere from 0001 to 9999: relative dates near the ends of the calendar.
  const long day = (data[0] << 8 | data[1]) * 56L - 719162;  // 0001-01-01 .. 9999
  doc.published = sitmap::civil_from_days(day);
  if (!sitmap::is_valid(*doc.published)) doc.published.reset();
  const sitmap::Segmented seg = sitmap::segment(doc.text);
  std::vector<std::string> warnings;
  for (const sitmap::Sentence& s : seg.sentences)
    for (const sitmap::DateCue& c : sitmap::find_date_cues(doc, seg, s, &warnings))
      (void)sitmap::to_iso(c.span.date.value_or(sitmap::CivilDate{}));
  return 0;
}
