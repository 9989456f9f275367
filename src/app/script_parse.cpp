// Reading a viewer script: every argument checked here, so running it can
// only fail on what the data decides (an event id that is not there).
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "app/app.hpp"
#include "app/script.hpp"
#include "app/timeline_model.hpp"
#include "core/date.hpp"
#include "core/numbers.hpp"

namespace sitmap {

std::optional<std::pair<int, int>> parse_image_size(const std::string& text) {
  const size_t x = text.find('x');
  if (x == std::string::npos) return std::nullopt;
  const auto w = parse_int_in(std::string_view(text).substr(0, x), 16, 16384);
  const auto h = parse_int_in(std::string_view(text).substr(x + 1), 16, 16384);
  if (!w || !h || text.find_first_of(".eE+- ") != std::string::npos) return std::nullopt;  // digits only
  return std::pair{*w, *h};
}

namespace {

// The rest of the line after the first `n` words, unquoted.
std::string rest_after(const std::string& line, int n) {
  size_t pos = 0;
  for (int i = 0; i < n; ++i) {
    pos = line.find_first_not_of(' ', pos);
    if (pos == std::string::npos) return "";
    pos = line.find(' ', pos);
    if (pos == std::string::npos) return "";
  }
  const size_t start = line.find_first_not_of(' ', pos);
  std::string r = start == std::string::npos ? "" : line.substr(start);
  if (r.size() >= 2 && r.front() == '"' && r.back() == '"') r = r.substr(1, r.size() - 2);
  return r;
}

// A count written after the verb (and its first argument): `fallback` when absent.
int count_after(const std::string& line, int words, int fallback, int most, const std::string& what) {
  const std::string text = rest_after(line, words);
  if (text.empty()) return fallback;
  const auto n = parse_int_in(text, 1, most);
  if (!n || text.find_first_of(".eE+- ") != std::string::npos)
    throw std::invalid_argument(what + " '" + text.substr(0, 40) + "': want a whole number from 1 to " + std::to_string(most));
  return *n;
}

ScriptAction parse_line(const std::string& line, size_t line_no) {
  std::istringstream words(line);
  std::string verb, arg;
  words >> verb >> arg;
  using V = ScriptAction::Verb;
  ScriptAction a;
  a.line = line_no;
  a.arg = arg;
  auto need_arg = [&](const char* what) {
    if (arg.empty()) throw std::invalid_argument(verb + ": want " + what);
  };
  if (verb == "time") {
    need_arg("a date");
    if (!parse_date_exact(arg)) throw std::invalid_argument("'" + arg.substr(0, 40) + "' is not a date");
    a.verb = V::time;
  } else if (verb == "window") {
    const auto n = parse_window_length(arg);
    if (!n) throw std::invalid_argument("'" + arg.substr(0, 40) + "' is not a window length (7d, 2w, 1m, 1y)");
    a.verb = V::window;
    a.count = *n;
  } else if (verb == "mode") {
    if (arg != "sliding" && arg != "cumulative" && arg != "single-day")
      throw std::invalid_argument("mode '" + arg.substr(0, 40) + "': sliding, cumulative or single-day");
    a.verb = V::mode;
  } else if (verb == "play") {
    a.verb = V::play;
    a.count = count_after(line, 1, 1, 1000000, "play");
  } else if (verb == "pause") {
    a.verb = V::pause;
  } else if (verb == "filter") {
    a.verb = V::filter;
    a.value = rest_after(line, 2);
    if (arg != "clear") {
      EventFilter scratch;  // checks the value now, before anything runs
      apply_filter_line(scratch, arg, a.value);
    }
  } else if (verb == "select") {
    need_arg("an event id");
    a.verb = V::select;
  } else if (verb == "view") {
    std::istringstream nums(rest_after(line, 1));
    std::string lon, lat, km, extra;
    nums >> lon >> lat >> km >> extra;
    const auto x = parse_number(lon), y = parse_number(lat), s = parse_number(km);
    if (!x || !y || !s || !extra.empty() || std::fabs(*x) > 180 || std::fabs(*y) > 85 || *s <= 0 || *s > 100000)
      throw std::invalid_argument("view LON LAT KM_PER_PIXEL (-180..180, -85..85, over 0)");
    a.verb = V::view;
    a.lon = *x, a.lat = *y, a.km_per_px = *s;
  } else if (verb == "drop") {  // as if the files were dropped on the window
    need_arg("files");
    a.verb = V::drop;
    a.files.push_back(arg);
    for (std::string file; words >> file;) a.files.push_back(file);
  } else if (verb == "fit") {
    a.verb = V::fit;
  } else if (verb == "export") {
    need_arg("a file");
    a.verb = V::export_layer;
  } else if (verb == "png") {
    need_arg("a file and WxH");
    const std::string size = rest_after(line, 2);
    const auto wh = parse_image_size(size);
    if (!wh) throw std::invalid_argument("size '" + size.substr(0, 40) + "': want WxH, 16 to 16384 each");
    a.verb = V::png;
    a.width = wh->first, a.height = wh->second;
  } else if (verb == "frames") {
    need_arg("a directory");
    a.verb = V::frames;
    a.count = count_after(line, 2, 1, 10000, "frames");
  } else if (verb == "screenshot") {
    need_arg("a file");
    a.verb = V::screenshot;
  } else if (verb == "table") {
    need_arg("a file");
    a.verb = V::table;
  } else if (verb == "pin") {
    if (arg != "on" && arg != "off") throw std::invalid_argument("pin '" + arg.substr(0, 40) + "': on or off");
    a.verb = V::pin;
  } else if (verb == "expect_events" || verb == "expect_new") {
    need_arg("a number of events");
    a.verb = verb == "expect_new" ? V::expect_new : V::expect_events;
    const auto n = parse_int_in(arg, 0, 100000000);
    if (!n || arg.find_first_of(".eE+- ") != std::string::npos)
      throw std::invalid_argument(verb + " '" + arg.substr(0, 40) + "': want a whole number of events");
    a.count = *n;
    if (a.verb == V::expect_events)
      a.seconds = count_after(line, 2, 30, 3600, "seconds");
    else if (!rest_after(line, 2).empty())
      throw std::invalid_argument("expect_new N: one number");
  } else if (verb == "quit") {
    a.verb = V::quit;
  } else {
    throw std::invalid_argument("unknown action '" + verb.substr(0, 40) + "'");
  }
  return a;
}

}  // namespace

void apply_filter_line(EventFilter& f, const std::string& key, const std::string& value) {
  auto add_or_clear = [&](std::vector<std::string>& list) {
    if (value.empty())
      list.clear();
    else
      list.push_back(value);
  };
  if (key == "type")
    add_or_clear(f.types);
  else if (key == "actor")
    add_or_clear(f.actors);
  else if (key == "country")
    f.country = value;
  else if (key == "text")
    f.text = value;
  else if (key == "from")
    f.from = parse_filter_date(value);
  else if (key == "to")
    f.to = parse_filter_date(value);
  else if (key == "bbox")
    f.bbox = parse_bbox(value);
  else if (key == "within")
    f.within = value;
  else if (key == "dataset")
    f.dataset = value;
  else if (key == "min-confidence") {
    const auto v = parse_number(value);
    if (!v || *v < 0 || *v > 1) throw std::invalid_argument("min-confidence '" + value.substr(0, 40) + "': want a number from 0 to 1");
    f.min_confidence = *v;
  } else if (key == "background") {
    if (value != "yes" && value != "no") throw std::invalid_argument("background '" + value.substr(0, 40) + "': yes or no");
    f.include_background = value == "yes";
  } else {
    throw std::invalid_argument("filter '" + key.substr(0, 40) +
                                "': type, actor, country, text, from, to, bbox, within, dataset, min-confidence, background or clear");
  }
}

std::vector<ScriptAction> parse_script(std::string_view text, const std::string& path) {
  std::vector<ScriptAction> out;
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    try {
      out.push_back(parse_line(line, line_no));
    } catch (const std::invalid_argument& e) { throw std::runtime_error(path + ":" + std::to_string(line_no) + ": " + e.what()); }
  }
  return out;
}

}  // namespace sitmap
