#pragma once
// `sitmap view --script FILE`: actions a test (or a user recording a demo)
// plays against the live viewer, one per line; '#' starts a comment.
//   time DATE | window 7d | mode sliding|cumulative|single-day | play [FRAMES] | pause
//   filter KEY VALUE | filter clear | select EVENT_ID
//   view LON LAT KM_PER_PX | fit | drop FILE... | export PATH | png PATH WxH
//   frames DIR [N] | screenshot PATH | table PATH (the Events table's rows, CSV)
//   pin on|off (the window's end on the newest day as events arrive)
//   expect_events N [SECONDS] (wait, drawing frames, until the viewer holds
//   N events: ones other processes add to the store count; fails after
//   SECONDS, 30 by default) | expect_new N (the count of events arrived
//   since the user last looked) | quit
// The whole script is checked before the first action runs: a bad line is
// "FILE:LINE: reason", and nothing has happened yet.
// `filter` sets what `sitmap export` takes (store/filter.hpp), KEY one of
// type, actor (each line adds one, as repeated --type and --actor do; an
// empty value clears them), country, text, from, to (dates), bbox
// (W,S,E,N), within (a polygon file), dataset, min-confidence (0..1),
// background (yes or no).
#include <string>
#include <string_view>
#include <vector>

#include "store/filter.hpp"

namespace sitmap {

struct ScriptAction {
  enum class Verb {
    time,
    window,
    mode,
    play,
    pause,
    filter,
    select,
    view,
    drop,
    fit,
    export_layer,
    png,
    frames,
    screenshot,
    table,
    pin,
    expect_events,
    expect_new,
    quit
  };
  Verb verb = Verb::quit;
  size_t line = 0;
  std::string arg;    // time: the date; mode; filter: what; select: the id; export/png/frames/screenshot/table: the path; pin: on|off
  std::string value;  // filter: the value
  std::vector<std::string> files;          // drop
  int count = 0;                           // window: days; play: frames; frames: how many; expect_*: events; expect_events: seconds
  double lon = 0, lat = 0, km_per_px = 0;  // view
  int width = 0, height = 0;               // png
  int seconds = 0;                         // expect_events
};

// Every action of a script's text; throws std::runtime_error("PATH:LINE: reason").
std::vector<ScriptAction> parse_script(std::string_view text, const std::string& path);

// One `filter KEY VALUE` line applied to a filter; throws
// std::invalid_argument when the key or its value is not one the line takes.
void apply_filter_line(EventFilter& filter, const std::string& key, const std::string& value);

}  // namespace sitmap
