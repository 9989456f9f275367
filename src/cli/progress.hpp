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

}  // namespace sitmap::cli
