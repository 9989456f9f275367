#include <doctest/doctest.h>

#include "app/timeline_model.hpp"

using namespace sitmap;

TEST_CASE("window lengths as users type them") {
  CHECK(parse_window_length("7d") == 7);
  CHECK(parse_window_length("2w") == 14);
  CHECK(parse_window_length("1m") == 30);
  CHECK(parse_window_length("1y") == 365);
  CHECK(parse_window_length("10") == 10);
  CHECK_FALSE(parse_window_length("").has_value());
  CHECK_FALSE(parse_window_length("0d").has_value());
  CHECK_FALSE(parse_window_length("x").has_value());
}

TEST_CASE("sliding playback keeps the width; cumulative keeps the start; loop wraps") {
  TimeWindow w;
  w.from = 10;
  w.to = 16;
  w.playing = true;
  w.days_per_second = 2;
  advance(w, 1.5, 100);
  CHECK(w.to == doctest::Approx(19));
  CHECK(w.width() == doctest::Approx(6));
  set_mode(w, WindowMode::cumulative);
  CHECK(w.from == 0);
  advance(w, 1, 100);
  CHECK(w.from == 0);
  CHECK(w.to == doctest::Approx(21));
  advance(w, 100, 100);  // past the end: loops to the start
  CHECK(w.to <= 100);
  w.loop = false;
  w.playing = true;
  advance(w, 100, 100);
  CHECK(w.to == doctest::Approx(100));
  CHECK_FALSE(w.playing);
}

TEST_CASE("single day and steps") {
  TimeWindow w;
  w.from = 3;
  w.to = 9;
  set_mode(w, WindowMode::single_day);
  CHECK(w.from == w.to);
  step_days(w, 1, 50);
  CHECK(w.to == 10);
  CHECK(w.from == 10);
  step_days(w, -20, 50);
  CHECK(w.to == 0);
  set_mode(w, WindowMode::sliding);
  place_end(w, 30);
  CHECK(w.to == 30);
  CHECK(w.width() == doctest::Approx(6));
}

TEST_CASE("previous and next day with an event; bins from the span") {
  const std::vector<int> per_day = {0, 2, 0, 0, 5, 0};
  CHECK(next_event_day(per_day, 1) == 4);
  CHECK(next_event_day(per_day, 0.5f) == 1);
  CHECK_FALSE(next_event_day(per_day, 4).has_value());
  CHECK(previous_event_day(per_day, 4) == 1);
  CHECK_FALSE(previous_event_day(per_day, 1).has_value());
  CHECK(bin_days(60) == 1);
  CHECK(bin_days(400) == 7);
  CHECK(bin_days(3000) == 30);
}
