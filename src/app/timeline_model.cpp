#include "app/timeline_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sitmap {

void advance(TimeWindow& w, double dt, float last_day) {
  if (!w.playing) return;
  const float d = static_cast<float>(w.days_per_second * dt);
  const float width = w.width();
  w.to += d;
  if (w.mode == WindowMode::sliding)
    w.from = w.to - width;
  else if (w.mode == WindowMode::single_day)
    w.from = w.to;
  if (w.to > last_day) {
    if (w.loop) {
      w.to = w.mode == WindowMode::sliding ? width : 0;
      w.from = w.mode == WindowMode::sliding ? 0 : (w.mode == WindowMode::cumulative ? 0 : w.to);
    } else {
      w.to = last_day;
      if (w.mode == WindowMode::sliding) w.from = last_day - width;
      if (w.mode == WindowMode::single_day) w.from = last_day;
      w.playing = false;
    }
  }
}

void step_days(TimeWindow& w, int days, float last_day) {
  const float width = w.width();
  w.to = std::clamp(std::round(w.to) + static_cast<float>(days), 0.0f, std::max(last_day, 0.0f));
  if (w.mode == WindowMode::sliding)
    w.from = w.to - width;
  else if (w.mode == WindowMode::single_day)
    w.from = w.to;
  else
    w.from = std::min(w.from, w.to);
}

void set_mode(TimeWindow& w, WindowMode mode) {
  w.mode = mode;
  if (mode == WindowMode::single_day)
    w.from = w.to = std::round(w.to);
  else if (mode == WindowMode::cumulative)
    w.from = 0;
  else if (w.width() < 1)
    w.from = w.to - 6;
}

void place_end(TimeWindow& w, float day) {
  const float width = w.width();
  w.to = day;
  if (w.mode == WindowMode::single_day)
    w.from = day;
  else if (w.mode == WindowMode::sliding)
    w.from = day - width;
  else
    w.from = std::min(w.from, day);
}

std::optional<int> next_event_day(const std::vector<int>& per_day, float day) {
  for (int d = static_cast<int>(std::floor(day)) + 1; d < static_cast<int>(per_day.size()); ++d)
    if (d >= 0 && per_day[static_cast<size_t>(d)] > 0) return d;
  return std::nullopt;
}

std::optional<int> previous_event_day(const std::vector<int>& per_day, float day) {
  for (int d = std::min(static_cast<int>(std::ceil(day)) - 1, static_cast<int>(per_day.size()) - 1); d >= 0; --d)
    if (per_day[static_cast<size_t>(d)] > 0) return d;
  return std::nullopt;
}

int bin_days(float span_days) { return span_days <= 120 ? 1 : span_days <= 1000 ? 7 : 30; }

std::optional<int> parse_window_length(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int unit = 1;
  const char last = text.back();
  if (last == 'd' || last == 'w' || last == 'm' || last == 'y') {
    unit = last == 'd' ? 1 : last == 'w' ? 7 : last == 'm' ? 30 : 365;
    text.remove_suffix(1);
  }
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n <= 0 || n > 100000) return std::nullopt;
  return n * unit;
}

}  // namespace sitmap
