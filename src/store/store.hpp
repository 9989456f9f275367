#pragma once
// The event store: a GeoPackage file (default sitmap.gpkg) or a PostGIS
// database ("PG:host=... dbname=..."), read and written through GDAL/OGR.
// Layers: events (points), documents (no geometry), mentions (points).
//
// This header (like every header in src/store but store/private/) carries
// no GDAL type: the layers above read and write through the calls below,
// filter.hpp, export.hpp, import.hpp and event_table.hpp. The store's own
// code reaches GDAL through store/private/.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.hpp"

namespace sitmap {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kEventsLayer = "events";
inline constexpr const char* kDocumentsLayer = "documents";
inline constexpr const char* kMentionsLayer = "mentions";
// Each report's own reading of an event (the events layer holds canonical
// events, one per event however many reports code it: store/canonical.hpp).
inline constexpr const char* kReadingsLayer = "readings";

// The text of a report around a span of it (an event's sentence).
struct DocumentExcerpt {
  std::string title;
  std::string before, after;  // up to `context` bytes before the span and after it
};

class Store {
 public:
  enum class Mode { read, update };
  static constexpr const char* kDefaultPath = "sitmap.gpkg";

  // Told once when the store is busy and open() waits (see WriterLock).
  using BusyNotice = std::function<void(const std::string&)>;

  // Opens a GeoPackage path or a "PG:" DSN. In update mode a GeoPackage is
  // written by one process at a time (WriterLock: a second one waits, told
  // through `on_busy`); a missing one is created whole (layers, spatial
  // indexes and their triggers) under a temporary name and then linked into
  // place, so a crash never leaves a half-made store; missing layers and
  // indexes are made. A spatial index a crash left without its triggers
  // (stores of older versions) is rebuilt on open, in either mode.
  static Store open(const std::string& path_or_dsn, Mode mode = Mode::update, const BusyNotice& on_busy = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();  // the dataset closes before the writer lock is released

  const std::string& location() const;
  bool is_postgis() const;
  bool is_writable() const;
  // Features in a layer (kEventsLayer ...).
  int64_t count(const char* layer_name);
  // The highest feature id of the events layer (0 when empty): one index
  // lookup. Ids only grow, and writers commit in id order (a GeoPackage has
  // one writer at a time, PostGIS writers take turns), so events with an id
  // above one seen before are exactly those added since.
  int64_t last_event_fid();
  // What a follower of the store needs besides new events: canonical events
  // that later reports rewrote in place (a source added, a toll lowered)
  // and those merged into another and deleted. Readings and merge entries
  // are numbered as they are written (feature ids, in commit order), so
  // both come from index lookups: the canonical events of the readings
  // stored after a mark, the merge entries after another.
  struct ChangeMarks {
    int64_t reading = 0, merge = 0;  // the newest reading and merge entry seen
  };
  struct CanonicalChanges {
    std::vector<int64_t> rewritten;  // feature ids of the canonical events the new readings joined or founded
    std::vector<int64_t> removed;    // feature ids of canonical events merged into another since; -1: every one was made again
    ChangeMarks marks;               // where the next look starts
  };
  // The marks now: what a follower that reads the store now has seen.
  ChangeMarks change_marks();
  CanonicalChanges canonical_changes_after(const ChangeMarks& seen);

  bool has_content(const std::string& hash) const;
  // Rereads which reports the store holds (another ingester may have added some).
  void refresh_known_documents();
  bool has_document_id(const std::string& id) const;

  // Stores documents, their events and their mentions in one transaction:
  // a killed process leaves all of the batch or none of it. Each event is
  // stored as the report's reading (readings layer) and matched against
  // the stored readings near it in space and time: a match joins that
  // canonical event (events layer), else it founds one. On PostGIS the
  // writers' transactions take turns, so concurrent ingesters merge as one.
  void add_documents(std::span<const DocumentRecord> batch);
  // Recomputes every canonical event from the readings (an upgrade, a check).
  void rebuild_canonical_events();
  // Stores coded events (dataset "acled", "gdelt") in one transaction,
  // skipping event_ids that dataset already has; returns how many were added.
  size_t add_events(std::span<const Event> events, std::string_view dataset);
  // Appends events as they are, in one transaction (no duplicate check).
  void append_events(std::span<const Event> events, std::string_view dataset);

  // One stored event by its feature id (EventTable::fid); nullopt when none.
  std::optional<Event> event_at(int64_t fid);
  // The feature id of an event by its event_id (the first of that id), or
  // of the canonical event a reading of that event_id belongs to; nullopt when none.
  std::optional<int64_t> event_fid(const std::string& event_id);
  // A canonical event with its readings, by its event_id or by the
  // event_id of one of its readings; nullopt when neither is stored.
  struct CanonicalReadings {
    int64_t fid = -1;  // the canonical event's feature id
    Event event;
    int source_count = 1;
    std::vector<std::string> document_ids, also_coded;  // also_coded: "acled:SYR1234"
    std::vector<Event> readings;                        // by event_id
  };
  std::optional<CanonicalReadings> canonical_event(const std::string& event_id);
  // Stored readings (of any canonical event) close enough in type, country
  // and date to be compared with `e`: what matching looks at.
  std::vector<Event> readings_near(const Event& e);

  // The report `document_id` around bytes [start, end); nullopt when the
  // store does not hold it (imported events have no report).
  std::optional<DocumentExcerpt> document_excerpt(const std::string& document_id, uint32_t start, uint32_t end, size_t context = 400);
  // The places the mention at byte `start` of a report could have been, best first.
  std::vector<PlaceRecord> mention_candidates(const std::string& document_id, uint32_t start);
  // Ends the reads left open, so that no read holds SQLite's shared lock
  // over another writer's commit (the viewer, before it ingests dropped files).
  void end_reads();

  // The GDAL side, for the store's own code (store/private/store_impl.hpp).
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Is this a PostGIS DSN rather than a file path?
inline bool is_postgis_dsn(std::string_view s) { return s.substr(0, 3) == "PG:"; }

}  // namespace sitmap
