#include "store/synthetic.hpp"

#include <cmath>
#include <string>

#include "core/event_types.hpp"
#include "store/canonical.hpp"
#include "store/private/schema.hpp"
#include "store/private/store_impl.hpp"
#include "store/store.hpp"

namespace sitmap {
namespace {

// splitmix64: a tiny, good, seedable generator; event i depends only on (seed, i).
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

struct Hotspot {
  const char* name;
  const char* country;
  const char* cc;
  double lat, lon;
};

constexpr Hotspot kHotspots[] = {
    {"Ar Raqqah", "Syria", "SY", 35.9528, 39.0079},
    {"Aleppo", "Syria", "SY", 36.2021, 37.1343},
    {"Homs", "Syria", "SY", 34.7268, 36.7234},
    {"Deir ez-Zor", "Syria", "SY", 35.3359, 40.1408},
    {"Mosul", "Iraq", "IQ", 36.335, 43.1189},
    {"Ramadi", "Iraq", "IQ", 33.4206, 43.3078},
    {"Kunduz", "Afghanistan", "AF", 36.728, 68.8681},
    {"Kabul", "Afghanistan", "AF", 34.5281, 69.1723},
    {"Sanaa", "Yemen", "YE", 15.3547, 44.2067},
    {"Aden", "Yemen", "YE", 12.7794, 45.0367},
    {"Taiz", "Yemen", "YE", 13.5795, 44.0209},
    {"Maiduguri", "Nigeria", "NG", 11.8464, 13.1603},
    {"Mogadishu", "Somalia", "SO", 2.0371, 45.3438},
    {"Benghazi", "Libya", "LY", 32.1167, 20.0667},
    {"Donetsk", "Ukraine", "UA", 48.0159, 37.8029},
    {"Gao", "Mali", "ML", 16.2717, -0.0447},
    {"Bamako", "Mali", "ML", 12.65, -8.0},
    {"Goma", "DR Congo", "CD", -1.6792, 29.2228},
    {"Bangui", "Central African Republic", "CF", 4.3612, 18.555},
    {"Juba", "South Sudan", "SS", 4.8594, 31.5713},
    {"Peshawar", "Pakistan", "PK", 34.008, 71.5785},
    {"Marawi", "Philippines", "PH", 7.9986, 124.2928},
    {"Culiacan", "Mexico", "MX", 24.7994, -107.3879},
    {"Gaza", "Palestine", "PS", 31.5017, 34.4668},
};

constexpr SubEvent kTypes[] = {SubEvent::air_strike,  SubEvent::shelling, SubEvent::remote_explosive, SubEvent::suicide_bomb,
                               SubEvent::armed_clash, SubEvent::attack,   SubEvent::peaceful_protest, SubEvent::violent_demonstration};

constexpr const char* kActors[] = {"Islamic State",
                                   "Military Forces of Syria",
                                   "Military Forces of Russia",
                                   "Military Forces of France",
                                   "Taliban",
                                   "Boko Haram",
                                   "Al Shabaab",
                                   "Military Forces of the United States",
                                   "Houthis",
                                   "Protesters"};

}  // namespace

std::vector<Event> synthetic_events(size_t first, size_t n, uint64_t seed) {
  std::vector<Event> out;
  out.reserve(n);
  for (size_t i = first; i < first + n; ++i) {
    uint64_t r = mix(seed * 0x100000001b3ull + i);
    auto next = [&](uint64_t bound) {
      r = mix(r);
      return r % bound;
    };
    auto unit = [&] { return static_cast<double>(next(1u << 30)) / double(1u << 30); };
    const Hotspot& h = kHotspots[next(std::size(kHotspots))];
    const EventTypeInfo& type = event_type(kTypes[next(std::size(kTypes))]);
    Event e;
    e.event_id = "synthetic-" + std::to_string(i);
    e.when.date = add_days(kSyntheticStart, static_cast<long>(next(kSyntheticDays)));
    e.event_type = type.event_type;
    e.sub_event_type = type.sub_event_type;
    e.actor1 = kActors[next(std::size(kActors))];
    e.actor2 = kActors[next(std::size(kActors))];
    e.location = h.name;
    e.country = h.country;
    e.country_code = h.cc;
    // Scatter around the town, bell-shaped: most within ~20 km, a tail to ~150 km.
    const double spread = unit() < 0.7 ? 0.15 : 1.0;
    auto bell = [&] { return (unit() + unit() + unit() - 1.5) * spread; };
    e.point = {h.lat + bell(), h.lon + bell()};
    e.geo_precision = 1 + static_cast<int>(next(3));
    if (next(3) == 0) e.fatalities = static_cast<int>(std::pow(unit(), 3) * 60);
    if (next(4) == 0) e.quantities["aircraft"] = 1 + static_cast<long>(next(12));
    e.confidence = 0.5 + unit() * 0.5;
    e.background = next(10) == 0;
    e.document_id = "synthetic-doc-" + std::to_string(i / 4);
    e.sentence = e.actor1 + " struck near " + e.location + ".";
    e.trigger = "struck";
    out.push_back(std::move(e));
  }
  return out;
}

void add_synthetic_events(Store& store, size_t n, uint64_t seed) {
  constexpr size_t kChunk = 50000;
  for (size_t first = 0; first < n; first += kChunk)
    store.append_events(synthetic_events(first, std::min(kChunk, n - first), seed), "sitmap");
}

void add_synthetic_readings(Store& store, size_t n, uint64_t seed) {
  constexpr size_t kChunk = 50000;
  GDALDataset& ds = *store.impl().ds;
  OGRLayer& readings = store.impl().layer(kReadingsLayer);
  OGRLayer& events = store.impl().layer(kEventsLayer);
  const EventColumns rc(*readings.GetLayerDefn()), ec(*events.GetLayerDefn());
  for (size_t first = 0; first < n; first += kChunk) {
    if (ds.StartTransaction(FALSE) != OGRERR_NONE) throw StoreError(store.location() + ": cannot start a transaction");
    for (Event& e : synthetic_events(first, std::min(kChunk, n - first), seed)) {
      const std::string key = "5" + e.event_id.substr(e.event_id.find('-') + 1);  // digits: never a real content hash's
      const ReadingSummary own = summarise(e, {key, "", sentence_fingerprint(e.sentence)});
      OGRFeature r(readings.GetLayerDefn());
      fill_event_feature(r, rc, e, "sitmap");
      r.SetField(rc.at[kCanonicalIdColumn], canonical_id_for(key).c_str());
      r.SetField(rc.at[kReadingsColumn], summaries_json(std::span(&own, 1)).c_str());
      OGRFeature c(events.GetLayerDefn());
      Event canonical = e;
      canonical.event_id = canonical_id_for(key);
      fill_event_feature(c, ec, canonical, "sitmap");
      c.SetField(ec.at[kSourceCountColumn], 1);
      c.SetField(ec.at[kDocumentIdsColumn], document_ids_json(std::span(&e.document_id, 1)).c_str());
      if (readings.CreateFeature(&r) != OGRERR_NONE || events.CreateFeature(&c) != OGRERR_NONE)
        throw StoreError(store.location() + ": cannot write a synthetic reading: " + gdal_error_or("GDAL gave no reason"));
    }
    if (ds.CommitTransaction() != OGRERR_NONE) throw StoreError(store.location() + ": commit failed");
  }
}

void store_per_report_events(Store& store) {
  // The events layer's indexes that came with canonical events (looking a
  // group up by id, matching, linking datasets): the path before them did
  // not write them.
  for (const char* index : {"events_event_id_idx", "events_match_idx", "events_dataset_idx"})
    store.impl().execute(std::string("DROP INDEX IF EXISTS ") + index);
  store.impl().per_report_events = true;
}

}  // namespace sitmap
