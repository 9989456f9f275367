#include "cli/progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>

namespace sitmap::cli {

ProgressBar::ProgressBar(std::string unit)
    : unit_(std::move(unit)), enabled_(isatty(fileno(stderr)) != 0), start_(std::chrono::steady_clock::now()), last_(start_) {}

void ProgressBar::update(size_t done, size_t total, size_t count) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const int width = 30, filled = static_cast<int>(fraction * width);
  const double rate = elapsed > 0 ? static_cast<double>(count) / elapsed : 0;
  const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
  fmt::print(stderr, "\r[{:#<{}}{:<{}}] {:3.0f}%  {} {}  {:.0f} {}/s  ETA {:.0f}s ", "", filled, "", width - filled, fraction * 100, count,
             unit_, rate, unit_, eta);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_ && drawn_) fmt::print(stderr, "\n");
  drawn_ = false;
}

StatusLine::StatusLine() : enabled_(isatty(fileno(stderr)) != 0) {}

void StatusLine::show(const std::string& text) {
  text_ = text;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  fmt::print(stderr, "\r{}\x1b[K", text_);  // erase what a longer line left
  std::fflush(stderr);
}

void StatusLine::print(const std::string& line) {
  if (!enabled_) {
    fmt::print(stderr, "{}\n", line);
    return;
  }
  fmt::print(stderr, "\r\x1b[K{}\n{}", line, text_);
  std::fflush(stderr);
}

void StatusLine::finish() {
  if (enabled_ && !text_.empty()) fmt::print(stderr, "\r{}\x1b[K\n", text_);
  text_.clear();
}

}  // namespace sitmap::cli
