#pragma once
// The timeline map viewer: a store's events on the map, driven by the time
// window. Plain state (ViewerState) plus one file per panel:
// view_map.cpp, view_timeline.cpp, view_filters.cpp, view_details.cpp,
// view_table.cpp, view_export.cpp; script.cpp replays --script files.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/script.hpp"
#include "app/store_follower.hpp"
#include "app/timeline_model.hpp"
#include "app/window.hpp"
#include "render/scene.hpp"
#include "store/event_table.hpp"
#include "store/export.hpp"
#include "store/store.hpp"

struct ImDrawList;

namespace sitmap {

enum class StyleChoice { automatic, markers, density };

// The filter panel's inputs, and what the panel does not show but a
// command line (`sitmap render`, `sitmap view`) or a script may set: the
// same EventFilter `sitmap export` takes, every part of it.
struct FilterInputs {
  std::vector<uint8_t> type_shown;  // per sub_type of the table
  char actor[128] = "";
  char country[8] = "";
  char text[128] = "";
  float min_confidence = 0;
  bool background = true;
  int dataset = 0;  // 0: all, else 1 + index into the table's datasets
  // Not in the panel: event dates, the box, the polygon file, the actors
  // after the first (any of them matches) and a dataset the data lacks.
  EventFilter beyond_panel;
};

struct ViewerState {
  Camera camera;
  TimeWindow time;
  FilterInputs filter;
  StyleChoice style = StyleChoice::automatic;
  int selected = -1, hovered = -1;
  float timeline_from = 0, timeline_to = 1;                                                // the days the timeline shows
  int timeline_drag = 0;                                                                   // 0 none, 1 the window, 2 its start, 3 its end
  bool show_table = true, show_filters = true, show_details = false, show_export = false;  // details open on a pin
  std::string status;
  // Following the store: events other processes added since the user last
  // looked (clicked the count, or moved the window), and whether the window
  // keeps the newest day in view as events arrive.
  size_t arrived = 0;
  bool pin_now = false;
  // Export panel inputs.
  int export_format = 0;  // geojson, csv, gpkg
  char export_path[256] = "events.geojson";
  int png_width = 1920, png_height = 1080;
  char png_path[256] = "map.png";
  char frames_dir[256] = "frames";
  int frame_count = 30;
  char date_from[16] = "", date_to[16] = "";
};

class Viewer {
 public:
  // Draws the store's events; the gazetteer (may be null) gives place labels.
  Viewer(Store store, const Gazetteer* gaz, MapProjection projection, int width, int height);
  ~Viewer();

  // One interactive frame: input, playback, map, panels.
  void frame(PlatformWindow& window, double dt);
  // Adds report files to the store (dropped on the window) and reloads.
  void add_files(const std::vector<std::string>& files);
  // Takes the events other processes added to the store since the last
  // take (StoreFollower) onto the map, the timeline and the table: only
  // they are filtered and uploaded; rows that later reports rewrote in
  // place are replaced (only they are uploaded), and when one was merged
  // into another the store is read again. Called at the start of each frame.
  void take_new_events();
  // A large store's table comes in two steps (load_event_table_first):
  // first the events of the first window (the last week of the data), then,
  // read meanwhile, the whole table; or, where its dates are not indexed,
  // first the map of every event, then the actors, places, countries,
  // datasets and confidences the table, the tooltips and some filters
  // show. Taken between frames once read; what needs it waits (a window on
  // earlier days, a filter on types or datasets, a filter on names).
  bool table_complete() const { return !rest_pending_; }
  void complete_table();  // waits for the rest and puts it in
  // The user has seen what arrived: the count goes back to zero.
  void looked() { state_.arrived = 0; }
  // Pins the window's end to the newest day (and moves it there now), or unpins it.
  void pin_to_now(bool on);

  // Headless: the map with labels, legend, caption and scale bar at WxH, as PNG.
  void render_png(const std::string& path, int width, int height);
  // The same pixels, top row first.
  std::vector<uint8_t> render_rgba(int width, int height);
  // The playback as numbered PNGs (frame_00000.png ...): `count` frames,
  // the window moving on a day each.
  void render_frames(const std::string& dir, int count, int width, int height);
  // Exports the current layer (filters + time window) through export_events.
  size_t export_layer(const std::string& path, ExportFormat format);
  // The events the table shows (filters + time window, as held in memory),
  // by date: CSV of fid, date, type, actor, place, magnitude, confidence.
  void write_table_csv(const std::string& path);

  ViewerState& state() { return state_; }
  const EventTable& table() const { return table_; }
  MapScene& scene() { return *scene_; }
  Store& store() { return store_; }
  void apply_filters();  // after changing state().filter
  // The filters as `sitmap export` takes them (without the time window), and back.
  EventFilter filter() const { return current_filter(false); }
  // Throws std::invalid_argument (a bad country code, polygon file ...) and
  // leaves the filters as they were.
  void set_filter(const EventFilter& filter);
  // Events that pass the filters and lie in the window.
  size_t count_in_window() const;
  // Shows the window's events in the part of the map the open panels leave clear.
  void fit_to_events();
  // The open panels' rectangles on the screen (none before the first frame).
  std::vector<ScreenRect> panel_rects() const;
  void select_event_id(const std::string& event_id);
  std::string day_label(float day) const;  // "2015-11-15"
  std::optional<float> day_of(const std::string& date) const;
  EventDrawParams draw_params() const;
  // The event drawn nearest to screen point (sx, sy), within 10 px; -1 if none.
  int pick(double sx, double sy) const;

 private:
  void reload();
  // reload(), the time window kept on the same dates (day0 may move).
  void reload_keeping_window();
  // False when it had to reload instead.
  bool append_new_events(const EventTable& part);
  void replace_rewritten_events(const EventTable& part);
  void take_rest_if_read();  // complete_table() when it need not wait
  // The table's names are stand-ins (a first part of every row, without them).
  bool names_pending() const { return rest_pending_ && !rows_from_; }
  // The table is whole before what follows needs the rows it lacks: any
  // (need_all_rows), those of the window's days (need_window_rows).
  void need_all_rows();
  void need_window_rows();
  // The types the user unticked in `old_types` stay unticked (by name: the
  // table's types are other ones); new types are shown.
  void keep_types_shown(const std::vector<std::string>& old_types);
  // The follower looks from what the table holds now.
  void follow_from_table();
  // Whether the filter tests a column of the table's rest (actors, dataset, confidence, background).
  static bool needs_rest(const EventFilter& filter);
  EventFilter current_filter(bool with_time) const { return filter_of(state_.filter, with_time); }
  EventFilter filter_of(const FilterInputs& in, bool with_time) const;
  void show_only(std::vector<uint8_t> mask);             // the events the filters pass
  std::vector<int> rows_in_window() const;               // the table's rows shown, in table order
  bool shown(size_t i, const EventDrawParams& p) const;  // passes the filters and lies in the window
  void draw_overlay(ImDrawList* list, const Camera& camera, bool caption) const;
  // Panels.
  void view_map(PlatformWindow& window);
  void view_timeline();
  void view_filters();
  void view_details();
  void view_sources(const Store::CanonicalReadings& group, const std::string& disagreements);
  void view_table();
  void view_export();
  void view_tooltip(int index);
  void handle_keys();

  Store store_;
  const Gazetteer* gaz_;
  MapProjection projection_;
  EventTable table_;
  std::unique_ptr<PendingRest> rest_;  // kept until the next reload: its thread may still write the cache file
  bool rest_pending_ = false;          // table_ is a first part (FirstEventTable): stand-ins for names, or rows_from_
  std::optional<float> rows_from_;     // while rest_pending_: table_ holds only the rows shown from this day on
  Store::ChangeMarks marks_;           // the store's change marks before table_ was read
  std::unique_ptr<MapScene> scene_;
  std::vector<uint8_t> mask_;
  std::vector<int> per_day_;     // visible events per day
  std::vector<int> table_rows_;  // indices shown by the table, sorted
  bool table_dirty_ = true;
  float table_from_ = -1, table_to_ = -1;  // the window table_rows_ was built for
  int table_scrolled_to_ = -1;             // the pinned event the table last scrolled to
  double table_built_at_ = -1;             // ImGui time of that build (rebuilt at most 4x/s while playing)
  bool table_built_playing_ = false;
  bool fit_after_first_frame_ = true;  // the panels' places are known only once they are drawn
  ViewerState state_;
  std::shared_ptr<struct DetailsCache> details_;  // the pinned event's record and report, read once
  FollowMarks followed_;                          // the table holds every event up to this feature id, as of these changes
  std::unique_ptr<StoreFollower> follower_;
};

// Plays a `sitmap view --script FILE` (see script.hpp) against the viewer.
struct ScriptRunner {
  std::vector<ScriptAction> actions;
  std::string path;
  size_t next = 0;
  int wait_frames = 0;
  bool waiting_for_events = false;  // expect_events, until wait_until (window time)
  double wait_until = 0;
  static ScriptRunner load(const std::string& path);
  // Runs actions until one needs a frame drawn; returns false at `quit` or the end.
  bool step(Viewer& viewer, PlatformWindow& window, std::string& screenshot_request);
};

}  // namespace sitmap
