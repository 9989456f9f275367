// `sitmap view --script FILE`: plays the actions parse_script read against
// the live viewer.
#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/app.hpp"
#include "app/viewer.hpp"
#include "geo/reproject.hpp"

namespace sitmap {

ScriptRunner ScriptRunner::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ":1: cannot open the script");
  std::ostringstream text;
  text << in.rdbuf();
  ScriptRunner r;
  r.path = path;
  r.actions = parse_script(text.str(), path);
  return r;
}

bool ScriptRunner::step(Viewer& v, PlatformWindow& window, std::string& screenshot) {
  if (wait_frames > 0) {
    --wait_frames;
    return true;
  }
  using V = ScriptAction::Verb;
  if (waiting_for_events) {  // expect_events: frames are drawn (and new events taken) until they are there
    const ScriptAction& a = actions[next - 1];
    if (v.table().size() < static_cast<size_t>(a.count)) {
      if (window.time() < wait_until) return true;
      throw std::runtime_error(
          fmt::format("{}:{}: expected {} events, the viewer holds {} after {} s", path, a.line, a.count, v.table().size(), a.seconds));
    }
    waiting_for_events = false;
  }
  while (next < actions.size()) {
    const ScriptAction& a = actions[next++];
    auto fail = [&](const std::string& why) { throw std::runtime_error(fmt::format("{}:{}: {}", path, a.line, why)); };
    ViewerState& s = v.state();
    try {
      switch (a.verb) {
        case V::time: {
          const auto d = v.day_of(a.arg);
          if (!d) fail("'" + a.arg + "' is not a date");
          place_end(s.time, *d);
          v.looked();  // moving the window is looking
          break;
        }
        case V::window:
          s.time.from = s.time.to - static_cast<float>(a.count - 1);
          if (s.time.mode == WindowMode::single_day) s.time.mode = WindowMode::sliding;
          break;
        case V::mode:
          set_mode(s.time, a.arg == "sliding"      ? WindowMode::sliding
                           : a.arg == "cumulative" ? WindowMode::cumulative
                                                   : WindowMode::single_day);
          break;
        case V::play:
          s.time.playing = true;
          wait_frames = a.count;
          return true;
        case V::pause:
          s.time.playing = false;
          break;
        case V::filter: {
          EventFilter f;
          if (a.arg != "clear") {
            f = v.filter();
            apply_filter_line(f, a.arg, a.value);
          }
          v.set_filter(f);
          break;
        }
        case V::select:
          v.select_event_id(a.arg);
          if (s.selected < 0) fail("no event " + a.arg);
          s.show_details = true;
          break;
        case V::view: {
          double x, y;
          Reprojector(projection_crs(v.scene().projection())).forward(a.lon, a.lat, x, y);
          s.camera.center_x = x;
          s.camera.center_y = y;
          s.camera.scale = a.km_per_px * 1000;
          break;
        }
        case V::drop:
          v.add_files(a.files);
          break;
        case V::fit:
          v.fit_to_events();
          break;
        case V::export_layer:
          v.export_layer(a.arg, export_format_for(a.arg));
          break;
        case V::png:
          v.render_png(a.arg, a.width, a.height);
          break;
        case V::frames:
          v.render_frames(a.arg, a.count, 640, 360);
          break;
        case V::screenshot:
          screenshot = a.arg;
          return true;  // taken after the next frame is drawn
        case V::table:
          v.write_table_csv(a.arg);
          break;
        case V::pin:
          v.pin_to_now(a.arg == "on");
          break;
        case V::expect_events:
          waiting_for_events = true;
          wait_until = window.time() + a.seconds;
          return true;
        case V::expect_new:
          if (s.arrived != static_cast<size_t>(a.count))
            fail(fmt::format("expected {} new events, the viewer counts {}", a.count, s.arrived));
          break;
        case V::quit:
          window.request_close();
          return false;
      }
    } catch (const std::invalid_argument& e) { fail(e.what()); }
  }
  return false;
}

}  // namespace sitmap
