#include "store/private/text_out.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <nlohmann/json.hpp>

namespace sitmap {

void append_real(RawOut& out, double v) {
  if (!std::isfinite(v)) {
    out.append(std::string_view("null"));
    return;
  }
  if (append_short_decimal(out, v)) return;
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  if (std::find(buf, r.ptr, 'e') == r.ptr)
    out.append(buf, r.ptr);
  else
    fmt::format_to(std::back_inserter(out), "{}", v);  // 0.0008, not 8e-04
}

void append_date(RawOut& out, CivilDate d, bool quoted) {
  if (quoted) out.push_back('"');
  if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99) {
    const char text[10] = {char('0' + d.year / 1000),
                           char('0' + d.year / 100 % 10),
                           char('0' + d.year / 10 % 10),
                           char('0' + d.year % 10),
                           '-',
                           char('0' + d.month / 10),
                           char('0' + d.month % 10),
                           '-',
                           char('0' + d.day / 10),
                           char('0' + d.day % 10)};
    out.append(text, text + 10);
  } else {
    fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", d.year, d.month, d.day);
  }
  if (quoted) out.push_back('"');
}

namespace {

// A recursive reader of plain JSON (is_plain_json): true with `p` past
// the value. Deeper than kMaxDepth is left to the full parser.
class PlainJson {
 public:
  explicit PlainJson(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}
  bool whole() { return value(0) && p_ == end_; }

 private:
  static constexpr int kMaxDepth = 32;
  bool value(int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        return members(depth + 1, '}', true);
      case '[':
        return members(depth + 1, ']', false);
      case '"':
        return string();
      case 't':
        return word("true");
      case 'f':
        return word("false");
      case 'n':
        return word("null");
      default:
        return integer();
    }
  }
  // An object's "key":value pairs or an array's values, to the closing bracket.
  bool members(int depth, char close, bool keyed) {
    if (depth > kMaxDepth) return false;
    ++p_;
    if (p_ != end_ && *p_ == close) {
      ++p_;
      return true;
    }
    while (true) {
      if (keyed && !(string() && p_ != end_ && *p_++ == ':')) return false;
      if (!value(depth) || p_ == end_) return false;
      const char c = *p_++;
      if (c == close) return true;
      if (c != ',') return false;
    }
  }
  // Printable ASCII without '"' or '\': no escapes and no UTF-8 to check.
  bool string() {
    if (p_ == end_ || *p_ != '"') return false;
    for (++p_; p_ != end_; ++p_) {
      const char c = *p_;
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20 || c > 0x7e || c == '\\') return false;
    }
    return false;
  }
  // -?(0|[1-9][0-9]*), at most 18 digits: an int64, never a float.
  bool integer() {
    if (p_ != end_ && *p_ == '-') ++p_;
    const char* digits = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    const auto n = p_ - digits;
    return n >= 1 && n <= 18 && (n == 1 || *digits != '0');
  }
  bool word(std::string_view w) {
    if (static_cast<size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }

  const char* p_;
  const char* end_;
};

}  // namespace

bool is_plain_json(std::string_view s) { return PlainJson(s).whole(); }

bool is_valid_json(std::string_view s) { return is_plain_json(s) || nlohmann::json::accept(s); }

}  // namespace sitmap
