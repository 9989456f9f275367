#pragma once
// Synthetic events for benchmarks and scale tests: plausible records (ACLED
// types, clustered around real conflict towns, spread over ten years), made
// from a seed so every run builds the same store.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/event.hpp"

namespace sitmap {

class Store;

inline constexpr CivilDate kSyntheticStart{2014, 1, 1};
inline constexpr int kSyntheticDays = 3652;  // ten years

// Events number `first` .. `first + n - 1` of the sequence for `seed`.
std::vector<Event> synthetic_events(size_t first, size_t n, uint64_t seed = 42);

// Appends n synthetic events to the store's events layer (dataset "sitmap"),
// in transactions of 50,000.
void add_synthetic_events(Store& store, size_t n, uint64_t seed = 42);

// Appends n synthetic events as readings, each its own canonical event
// (not matched with one another: a store to measure matching against),
// in transactions of 50,000.
void add_synthetic_readings(Store& store, size_t n, uint64_t seed = 42);

// Benchmarks only: from now on this Store stores each report's events as
// they were stored before canonical events, one row per reading in the
// events layer, with no readings layer row and no matching, and the
// events layer's indexes that came with canonical events are dropped: the
// path that merge cost is measured against (store_bench). A store written
// so has no canonical events; it is for measuring, not for use.
void store_per_report_events(Store& store);

}  // namespace sitmap
