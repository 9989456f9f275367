#pragma once
// The pieces of text the export writers (geojson_writer.cpp) put together,
// written into room reserved beforehand: JSON strings, numbers, dates. A
// feature is some hundred small pieces, so each is written without a
// capacity check and without a library call where a few moves do. Apart
// from the writers so that the tests can hold the fast paths to what they
// stand for (std::to_chars, nlohmann::json::accept).
#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/date.hpp"

namespace sitmap {

// Appends into room reserved beforehand (an upper bound of what is
// written), without a capacity check per piece (fmt's checked append was
// a fifth of an export).
class RawOut {
 public:
  using value_type = char;  // for std::back_inserter
  RawOut(fmt::memory_buffer& buffer, size_t room) : buffer_(buffer) {
    const size_t used = buffer.size();
    buffer.resize(used + room);  // no fill: only what is written is kept
    p_ = buffer.data() + used;
  }
  ~RawOut() { buffer_.resize(static_cast<size_t>(p_ - buffer_.data())); }
  RawOut(const RawOut&) = delete;
  RawOut& operator=(const RawOut&) = delete;

  void push_back(char c) { *p_++ = c; }
  // Short pieces (keys, most values) by two overlapping moves rather than
  // a call to memcpy; literals' sizes are known here, so those fold away.
  [[gnu::always_inline]] void append(const char* from, const char* to) {
    const size_t n = static_cast<size_t>(to - from);
    if (n > 16) {
      std::memcpy(p_, from, n);
    } else if (n >= 8) {
      copy_word<8>(p_, from);
      copy_word<8>(p_ + n - 8, from + n - 8);
    } else if (n >= 4) {
      copy_word<4>(p_, from);
      copy_word<4>(p_ + n - 4, from + n - 4);
    } else if (n > 0) {
      p_[0] = from[0];
      p_[n / 2] = from[n / 2];
      p_[n - 1] = from[n - 1];
    }
    p_ += n;
  }
  [[gnu::always_inline]] void append(std::string_view s) { append(s.data(), s.data() + s.size()); }

  // `s` as a quoted JSON string: copied as it is unless a byte needs
  // escaping (a control character, '"' or '\'), rare in our texts.
  void append_json_string(std::string_view s) {
    push_back('"');
    if (needs_escaping(s))
      for (const char c : s) append_json_char(static_cast<unsigned char>(c));
    else
      append(s);
    push_back('"');
  }

  // Whether a byte of `s` is a control character, '"' or '\': eight bytes
  // at a time, the last word overlapping the one before it.
  static bool needs_escaping(std::string_view s) {
    const char* p = s.data();
    const size_t n = s.size();
    if (n >= 8) {
      for (size_t at = 0; at + 8 < n; at += 8)
        if (needs_escape(word_at<8>(p + at))) return true;
      return needs_escape(word_at<8>(p + n - 8));
    }
    if (n >= 4) return needs_escape(word_at<4>(p) | word_at<4>(p + n - 4) << 32);
    for (size_t i = 0; i < n; ++i)
      if (!plain_json_char(static_cast<unsigned char>(p[i]))) return true;
    return false;
  }

 private:
  template <size_t N>
  static uint64_t word_at(const char* p) {
    if constexpr (N == 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      return w;
    } else {
      uint32_t w;
      std::memcpy(&w, p, 4);
      return w;
    }
  }
  template <size_t N>
  static void copy_word(char* to, const char* from) {
    char word[N];
    std::memcpy(word, from, N);
    std::memcpy(to, word, N);
  }
  // Whether a byte of `w` is below 0x20, '"' or '\' (the word tests of
  // "Bit Twiddling Hacks": exact as yes/no).
  static bool needs_escape(uint64_t w) {
    constexpr uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    const uint64_t below_space = (w - ones * 0x20) & ~w;
    const uint64_t is_quote = (quote - ones) & ~quote, is_backslash = (backslash - ones) & ~backslash;
    return ((below_space | is_quote | is_backslash) & highs) != 0;
  }
  static bool plain_json_char(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; }
  void append_json_char(unsigned char c) {
    if (plain_json_char(c)) {
      push_back(static_cast<char>(c));
      return;
    }
    push_back('\\');
    switch (c) {
      case '"':
      case '\\':
        push_back(static_cast<char>(c));
        break;
      case '\n':
        push_back('n');
        break;
      case '\r':
        push_back('r');
        break;
      case '\t':
        push_back('t');
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char u[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        append(u, u + 5);
      }
    }
  }

  fmt::memory_buffer& buffer_;
  char* p_;
};

inline void append_integer(RawOut& out, long long v) {
  const fmt::format_int text(v);
  out.append(text.data(), text.data() + text.size());
}

// A count of millionths as a decimal: "-12.5" for -12500000.
inline void append_micros(RawOut& out, long long micros) {
  if (micros < 0) {
    out.push_back('-');
    micros = -micros;
  }
  append_integer(out, micros / 1000000);
  long long fraction = micros % 1000000;
  if (fraction == 0) return;
  char digits[7] = {'.'};
  for (int i = 6; i >= 1; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  size_t len = 7;
  while (len > 2 && digits[len - 1] == '0') --len;  // trailing zeros dropped
  out.append(std::string_view(digits, len));
}

// A number of at most six decimals between 0.001 and 100,000 (a latitude,
// a confidence), as std::to_chars writes its shortest form: false, with
// nothing written, for any other number. Such a decimal is the only one of
// its length or shorter that reads back as `v` (they lie 1e-6 apart, a
// double's step here is under 2e-11), so its digits are the shortest
// form's; written without an exponent, which is no shorter in this range.
inline bool append_short_decimal(RawOut& out, double v) {
  const double magnitude = std::fabs(v);
  if (!(magnitude >= 1e-3 && magnitude < 1e5)) return false;
  const long long micros = std::llround(v * 1e6);
  if (static_cast<double>(micros) / 1e6 != v) return false;  // the division rounds as reading the decimal does
  append_micros(out, micros);
  return true;
}

// The shortest text that reads back as `v` ("null" when not finite): the
// writers' form of a real column.
void append_real(RawOut& out, double v);

// At most 6 decimals (about 0.1 m), trailing zeros dropped; integer
// arithmetic, as printf("%.6f") was a tenth of the export's time.
inline void append_coordinate(RawOut& out, double v) {
  if (std::isfinite(v))
    append_micros(out, std::llround(v * 1e6));
  else
    out.append(std::string_view("null"));
}

// "2015-11-15", quoted for JSON or not for CSV.
void append_date(RawOut& out, CivilDate d, bool quoted);

// "2015-11-15T00:00:00Z": iso_start / iso_end without their strings.
inline void append_timestamp(RawOut& out, CivilDate d, std::string_view time) {
  append_date(out, d, false);
  out.append(time);
}

// JSON of the plain kind our writer stores (objects, arrays, strings of
// printable ASCII without escapes, integers, true, false, null; no
// spaces): every text it accepts nlohmann::json::accept accepts too.
bool is_plain_json(std::string_view s);

// Valid JSON? Ours is plain (is_plain_json), answered without a parser;
// anything else (a store another tool wrote) goes to nlohmann's.
bool is_valid_json(std::string_view s);

}  // namespace sitmap
