#pragma once
// A progress bar on stderr with rate and ETA, drawn only when stderr is a
// terminal (quiet in pipes, logs and CI).
#include <chrono>
#include <cstddef>
#include <string>

namespace sitmap::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string unit);
  // done/total in the bar's measure (bytes, say); count is what the rate counts (documents).
  void update(size_t done, size_t total, size_t count);
  void finish();

 private:
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// One line on stderr redrawn in place (`sitmap watch`'s documents/s,
// events, errors) when stderr is a terminal; other lines print above it.
class StatusLine {
 public:
  StatusLine();
  bool enabled() const { return enabled_; }
  void show(const std::string& text);   // at most 10 redraws a second
  void print(const std::string& line);  // a line of its own, the status drawn again under it
  void finish();

 private:
  bool enabled_;
  std::string text_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace sitmap::cli
