#pragma once
// The events a map draws, loaded once into plain columns: positions, days
// relative to the data's first day (so float precision holds on the GPU),
// type, magnitude, precision, and small string tables. The viewer, the
// offscreen renderer and the render benchmark all start from this.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "store/filter.hpp"

namespace sitmap {

struct EventTable {
  long day0 = 0;  // days_from_civil of the earliest event_date
  std::vector<double> lon, lat;
  std::vector<float> day_from, day_to;  // days since day0; day_to >= day_from
  std::vector<uint8_t> type;            // index into sub_types
  std::vector<float> magnitude;         // fatalities, else the largest quantity, else 0
  std::vector<uint8_t> precision;       // geo_precision 1..3
  std::vector<uint8_t> sources;         // a canonical event's independent sources (1 .. 255)
  std::vector<float> confidence;
  std::vector<uint8_t> background;
  std::vector<uint16_t> actor1, actor2, country;  // indexes into actors / countries
  std::vector<uint8_t> dataset;                   // index into datasets
  std::vector<uint32_t> location;                 // index into locations
  std::vector<int64_t> fid;                       // feature id in the store (-1 when none)
  std::vector<std::string> sub_types, event_types, actors, countries, datasets, locations;

  size_t size() const { return lon.size(); }
  long last_day() const;  // relative, the latest day_to
};

// One row as the builder takes it; the views need only live through add().
struct EventRow {
  std::optional<CivilDate> from, to;
  std::string_view event_type, sub_event_type, actor1, actor2, country_code, location, dataset;
  double lat = 0, lon = 0;
  int geo_precision = 1;
  int sources = 1;
  float magnitude = 0, confidence = 0;
  bool background = false;
  int64_t fid = -1;
};

// Which columns a builder fills. The map draws positions, days, type,
// magnitude, precision and sources; the rest (confidence, background,
// actors, country, place, dataset) is for the filters, the table and the
// tooltips, and a large store's viewer reads it after its first frame.
enum class TableColumns {
  all,
  drawn,  // the rest holds stand-ins: confidence 0, no background, empty names
  rest,   // the feature id and the rest only (other columns empty, so its
          // size() is 0; no row left out for lacking a date): what fill_rest() takes
};

// Builds a table row by row (records in chunks: ten million events need not
// be in memory as records at once).
class EventTableBuilder {
 public:
  explicit EventTableBuilder(TableColumns columns = TableColumns::all);
  ~EventTableBuilder();
  void add(const Event& e, std::string_view dataset, int64_t fid);
  void add(const EventRow& row);
  void reserve(size_t rows);  // room for this many rows (a bound: fewer may come)
  EventTable finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Puts the rest's columns (a TableColumns::rest table) into the rows of
// `table` with the same feature id; rows it lacks keep what they hold.
void fill_rest(EventTable& table, const EventTable& rest);

// The rest of a table read on a thread of its own at a low priority (a
// large GeoPackage's, see load_event_table_first); the table's cache file
// is written once it is read. Destroying it stops the reading (and waits
// for the thread, which finishes the cache file if the rest was read).
class PendingRest {
 public:
  struct Impl;
  explicit PendingRest(std::unique_ptr<Impl> impl);
  ~PendingRest();
  // Whether fill() would return at once.
  bool ready() const;
  // Waits for the rest and completes `table`, the first part it came with:
  // the rest's columns put in (fill_rest), or the whole table in place of
  // the first rows (FirstEventTable::rows_from). Throws StoreError when it
  // could not be read. Once only.
  void fill(EventTable& table);

 private:
  std::unique_ptr<Impl> impl_;
};

struct FirstEventTable {
  EventTable table;                   // whole when `rest` is null, else a first part of it:
  std::unique_ptr<PendingRest> rest;  // the rest of it, on its way
  // The first part is, with `rows_from`, every column of the rows shown
  // from that day on (relative to table.day0, the whole table's first day;
  // the last day is the whole table's too); else the drawn columns of
  // every row (TableColumns::drawn).
  std::optional<float> rows_from;
};

// Reads the store's events layer (only the columns the map needs).
EventTable load_event_table(Store& store);
// The same, in two steps where that gets a first frame sooner: a
// GeoPackage of 100,000 events or more without a cache file (see
// event_table_cache.hpp) gives a first part first and the rest later. With
// `first_days` > 0 and its dates indexed, the first part is the events a
// window on the data's last `first_days` days shows (found through the
// indexes: no walk of the table); else the drawn columns of every event.
FirstEventTable load_event_table_first(Store& store, int first_days = 0);
// The events added after feature id `after_fid` (see Store::last_event_fid):
// what a viewer following the store reads.
EventTable load_event_table_after(Store& store, int64_t after_fid);
// The events with these feature ids, as they are now (canonical events
// rewritten by later reports: Store::canonical_changes_after).
EventTable load_event_table_rows(Store& store, std::span<const int64_t> fids);
// Appends `part`'s rows to `into`, joining their string tables. When
// `part` starts before `into`'s day0, every day of `into` shifts.
void append_event_table(EventTable& into, const EventTable& part);
// Overwrites `into`'s rows that have the feature ids of `part`'s rows with
// them (rows of other ids are left out), joining their string tables; a
// row dated before `into`'s day0 shifts every day as append_event_table
// does. Returns the rows overwritten.
std::vector<size_t> replace_event_rows(EventTable& into, const EventTable& part);
// From records in memory (synthetic events, tests).
EventTable event_table_from(std::span<const Event> events);

// Which events pass the filter: types, actors, dataset, background,
// confidence, the event_date range (from/to, as export reads it), bbox,
// polygons / country (as export tests them), and text through the store.
// The map's time window is the map's business. The mask covers the rows
// from `first_row` on (new rows appended to a table).
std::vector<uint8_t> filter_mask(const EventTable& table, const EventFilter& filter, Store* store, size_t first_row = 0);

}  // namespace sitmap
