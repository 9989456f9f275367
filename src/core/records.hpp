#pragma once
// What the store keeps of a report: the document, its content hash, its
// events and its place mentions with the places already filled in. Plain
// records: the store needs neither the gazetteer nor the extractor to
// write them (src/ingest makes them).
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/event.hpp"
#include "core/geo.hpp"

namespace sitmap {

// A gazetteer entry a mention could name, with its score there.
struct PlaceRecord {
  uint32_t geonameid = 0;  // 0 when the source has none
  std::string name, feature, country_code, admin1;
  GeoPoint point;
  double score = 0;
};

struct MentionRecord {
  uint32_t start = 0, end = 0;  // byte offsets in the report
  std::string text, cue;
  bool demonym = false, in_name = false;
  uint32_t sentence = 0;
  std::vector<PlaceRecord> candidates;  // best first (the chosen place), at most five; empty when unresolved
};

struct DocumentRecord {
  Document doc;
  std::string content_hash;  // content_hash(doc.text), core/hash.hpp
  std::vector<Event> events;
  std::vector<MentionRecord> mentions;
};

}  // namespace sitmap
