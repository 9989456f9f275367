// `sitmap view --script FILE`: actions a test (or a user recording a demo)
// plays against the live viewer, one per line; '#' starts a comment.
#include <fmt/core.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/app.hpp"
#include "app/viewer.hpp"
#include "store/reproject.hpp"

namespace sitmap {
namespace {

// The rest of the line after the first `n` words, unquoted.
std::string rest_after(const std::string& line, int n) {
  size_t pos = 0;
  for (int i = 0; i < n; ++i) {
    pos = line.find_first_not_of(' ', pos);
    pos = line.find(' ', pos);
    if (pos == std::string::npos) return "";
  }
  std::string r = line.substr(line.find_first_not_of(' ', pos) == std::string::npos ? line.size() : line.find_first_not_of(' ', pos));
  if (r.size() >= 2 && r.front() == '"' && r.back() == '"') r = r.substr(1, r.size() - 2);
  return r;
}

std::pair<int, int> parse_size(const std::string& s) {
  const auto size = parse_image_size(s);
  if (!size) throw std::invalid_argument("size '" + s + "': want WxH");
  return *size;
}

}  // namespace

ScriptRunner ScriptRunner::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ":1: cannot open the script");
  ScriptRunner r;
  r.path = path;
  for (std::string line; std::getline(in, line);) r.lines.push_back(line);
  return r;
}

bool ScriptRunner::step(Viewer& v, PlatformWindow& window, std::string& screenshot) {
  if (wait_frames > 0) {
    --wait_frames;
    return true;
  }
  while (next < lines.size()) {
    const size_t line_no = next + 1;
    const std::string line = lines[next++];
    std::istringstream words(line);
    std::string verb, arg;
    words >> verb >> arg;
    if (verb.empty() || verb[0] == '#') continue;
    auto fail = [&](const std::string& why) { throw std::runtime_error(fmt::format("{}:{}: {}", path, line_no, why)); };
    ViewerState& s = v.state();
    try {
      if (verb == "time") {
        const auto d = v.day_of(arg);
        if (!d) fail("'" + arg + "' is not a date");
        place_end(s.time, *d);
      } else if (verb == "window") {
        const auto n = parse_window_length(arg);
        if (!n) fail("'" + arg + "' is not a window length (7d, 2w, 1m, 1y)");
        s.time.from = s.time.to - static_cast<float>(*n - 1);
        if (s.time.mode == WindowMode::single_day) s.time.mode = WindowMode::sliding;
      } else if (verb == "mode") {
        if (arg == "sliding") set_mode(s.time, WindowMode::sliding);
        else if (arg == "cumulative") set_mode(s.time, WindowMode::cumulative);
        else if (arg == "single-day") set_mode(s.time, WindowMode::single_day);
        else fail("mode '" + arg + "': sliding, cumulative or single-day");
      } else if (verb == "play") {
        s.time.playing = true;
        wait_frames = std::max(1, std::atoi(rest_after(line, 1).c_str()));
        return true;
      } else if (verb == "pause") {
        s.time.playing = false;
      } else if (verb == "filter") {
        const std::string value = rest_after(line, 2);
        FilterInputs& f = s.filter;
        if (arg == "clear") {
          f = FilterInputs{};
          f.type_shown.assign(v.table().sub_types.size(), 1);
        } else if (arg == "type") {
          for (size_t t = 0; t < v.table().sub_types.size(); ++t)
            f.type_shown[t] = v.table().sub_types[t] == value || v.table().event_types[t] == value;
        } else if (arg == "actor") {
          std::snprintf(f.actor, sizeof f.actor, "%s", value.c_str());
        } else if (arg == "country") {
          std::snprintf(f.country, sizeof f.country, "%s", value.c_str());
        } else if (arg == "text") {
          std::snprintf(f.text, sizeof f.text, "%s", value.c_str());
        } else {
          fail("filter '" + arg + "': type, actor, country, text or clear");
        }
        v.apply_filters();
      } else if (verb == "select") {
        v.select_event_id(arg);
        if (s.selected < 0) fail("no event " + arg);
        s.show_details = true;
      } else if (verb == "view") {
        double lon = 0, lat = 0, km = 0;
        if (std::sscanf(rest_after(line, 1).c_str(), "%lf %lf %lf", &lon, &lat, &km) != 3) fail("view LON LAT KM_PER_PIXEL");
        double x, y;
        Reprojector(projection_crs(v.scene().projection())).forward(lon, lat, x, y);
        s.camera.center_x = x;
        s.camera.center_y = y;
        s.camera.scale = km * 1000;
      } else if (verb == "drop") {  // as if the files were dropped on the window
        std::vector<std::string> files;
        for (std::string file; words >> file;) files.push_back(file);
        files.insert(files.begin(), arg);
        v.add_files(files);
      } else if (verb == "fit") {
        v.fit_to_events();
      } else if (verb == "export") {
        v.export_layer(arg, export_format_for(arg));
      } else if (verb == "png") {
        const auto [w, h] = parse_size(rest_after(line, 2));
        v.render_png(arg, w, h);
      } else if (verb == "frames") {
        v.render_frames(arg, std::max(1, std::atoi(rest_after(line, 2).c_str())), 640, 360);
      } else if (verb == "screenshot") {
        screenshot = arg;
        return true;  // taken after the next frame is drawn
      } else if (verb == "quit") {
        window.request_close();
        return false;
      } else {
        fail("unknown action '" + verb + "'");
      }
    } catch (const std::invalid_argument& e) {
      fail(e.what());
    }
  }
  return false;
}

}  // namespace sitmap
