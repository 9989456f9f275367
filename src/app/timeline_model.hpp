#pragma once
// The time window and its playback, as plain data and functions (no UI):
// days are relative to the data's first day; windows are inclusive.
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

namespace sitmap {

enum class WindowMode { sliding, cumulative, single_day };

struct TimeWindow {
  float from = 0, to = 6;  // shown: events with day_to >= from and day_from <= to
  WindowMode mode = WindowMode::sliding;
  bool playing = false;
  bool loop = true;
  double days_per_second = 7;  // 1 day per minute (1/60) .. 1 year per second (365)
  float width() const { return to - from; }
  // The whole days shown: an event on day d is in the window when it covers
  // any of [first_day(), last_day()] (the small slack absorbs float drift).
  float first_day() const { return std::ceil(from - 1e-4f); }
  float last_day() const { return std::floor(to + 1e-4f); }
};

inline constexpr double kMinSpeed = 1.0 / 60, kMaxSpeed = 365;

// Moves the window on by dt seconds of playback over a data span [0, last_day].
void advance(TimeWindow& w, double dt, float last_day);
// Moves the window by whole days (the step buttons, arrow keys).
void step_days(TimeWindow& w, int days, float last_day);
// Sets the mode, keeping the window's end where it is.
void set_mode(TimeWindow& w, WindowMode mode);
// Puts the window's end on `day` (start too, for a single day), keeping its width.
void place_end(TimeWindow& w, float day);

// The next / previous day after / before `day` that has an event (counts per day).
std::optional<int> next_event_day(const std::vector<int>& per_day, float day);
std::optional<int> previous_event_day(const std::vector<int>& per_day, float day);

// Histogram bin width in days for a visible span: a day, a week or a month.
int bin_days(float span_days);

// "7d", "2w", "3m" (30 days), "1y", "1" (days) -> days; nullopt when malformed.
std::optional<int> parse_window_length(std::string_view text);

}  // namespace sitmap
