#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "store/private/text_out.hpp"

using namespace sitmap;

// The export writers' pieces (store/private/text_out.hpp) against what
// they stand for: the bytes of the writer before the fast paths.
namespace {

template <class Fn>
std::string written(size_t room, Fn fn) {
  fmt::memory_buffer buffer;
  {
    RawOut out(buffer, room);
    fn(out);
  }
  return fmt::to_string(buffer);
}

// A real as the writer wrote it before the short-decimal path.
std::string real_reference(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  const std::string text(buf, r.ptr);
  return text.find('e') == std::string::npos ? text : fmt::format("{}", v);
}

// A JSON string as the writer wrote it before the word-at-a-time test.
std::string string_reference(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"')
      out += "\\\"";
    else if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20)
      out += fmt::format("\\u{:04x}", c);
    else
      out += ch;
  }
  return out + "\"";
}

}  // namespace

TEST_CASE("a real column's text: the short-decimal path writes what std::to_chars writes") {
  std::vector<double> values = {0,      -0.0,         1,           -1,        0.001,  -0.001,       0.000999, 0.0001,  0.00001, 1e-7,
                                99999,  99999.999999, 100000,      1e6,       1e15,   1e16,         1e22,     0.1,     0.2,     0.3,
                                0.96,   36.112654,    -179.999999, 180,       1234.5, 0.1234565,    2.5e-3,   1.0 / 3, 1e300,   -1e-300,
                                5e-324, NAN,          INFINITY,    -INFINITY, 10000,  20000.000001, 0.0105,   65536.25};
  std::mt19937_64 random(15);
  std::uniform_real_distribution<double> degrees(-180, 180), unit(0, 1), wide(-1e6, 1e6);
  for (int i = 0; i < 200000; ++i) {
    values.push_back(std::round(degrees(random) * 1e6) / 1e6);  // stored coordinates
    values.push_back(std::round(unit(random) * 100) / 100);     // stored confidences
    values.push_back(degrees(random));
    values.push_back(std::round(wide(random) * 1e3) / 1e3);
    values.push_back(std::nextafter(std::round(degrees(random) * 1e6) / 1e6, 1000.0));  // a step off a decimal
  }
  size_t short_path = 0;
  for (const double v : values) {
    const std::string text = written(64, [&](RawOut& out) { append_real(out, v); });
    REQUIRE_MESSAGE(text == real_reference(v), fmt::format("{:.17g}", v));
    short_path += written(64, [&](RawOut& out) { append_short_decimal(out, v); }).size() > 0;
  }
  CHECK(short_path > values.size() / 3);  // the path under test was taken (coordinates, confidences)
}

TEST_CASE("a JSON string: escaped as before, eight bytes at a time") {
  const std::vector<std::string> fixed = {"",
                                          "a",
                                          "ab",
                                          "abc",
                                          "abcd",
                                          "abcdefg",
                                          "abcdefgh",
                                          "abcdefghi",
                                          "\"",
                                          "\\",
                                          "tab\there",
                                          "line\nend",
                                          "\x01\x1f\x7f",
                                          "Ar Raqqah",
                                          "Syria — ok",
                                          "0123456789abcdef\"",
                                          std::string("nul\0inside", 10)};
  for (const std::string& s : fixed)
    CHECK(written(6 * s.size() + 2, [&](RawOut& out) { out.append_json_string(s); }) == string_reference(s));
  // Random texts of every length up to 40, a special byte here and there.
  std::mt19937 random(15);
  const std::string specials = std::string("\"\\\n\r\t\x01\x1f\x7f\x80\xff ", 11);
  for (int i = 0; i < 50000; ++i) {
    std::string s(random() % 41, 'x');
    for (char& c : s) c = static_cast<char>(random() % 8 == 0 ? specials[random() % specials.size()] : 'a' + random() % 26);
    REQUIRE(written(6 * s.size() + 2, [&](RawOut& out) { out.append_json_string(s); }) == string_reference(s));
  }
}

TEST_CASE("plain JSON is answered without a parser, and only JSON nlohmann accepts") {
  for (const char* plain : {"{}", "[]", R"({"killed":3})", R"({"aircraft":11,"ships":-2})", R"(["civilians","police"])",
                            R"([{"dataset":"acled","event_id":"SYR1234"}])", R"([true,false,null,0,[[]],{"a":{}}])"}) {
    CHECK_MESSAGE(is_plain_json(plain), plain);
    CHECK(is_valid_json(plain));
  }
  // Not plain: left to nlohmann, which accepts some and not others.
  for (const char* other : {"{ }", "[1.5]", "[\"\\n\"]", "[\"caf\xc3\xa9\"]", "[1e2]", " []"}) {
    CHECK_FALSE_MESSAGE(is_plain_json(other), other);
    CHECK(is_valid_json(other));
  }
  for (const char* bad : {"{", "[", "[1,]", "{\"a\"}", "{\"a\":}", "[01]", "[-]", "[\"\xff\"]", "[1e999]", "{}x", "[tru]", "[\"a]", ""}) {
    CHECK_FALSE_MESSAGE(is_plain_json(bad), bad);
    CHECK_FALSE_MESSAGE(is_valid_json(bad), bad);
  }
  // Random texts of JSON's characters: whatever is plain, nlohmann accepts.
  std::mt19937 random(15);
  const std::string alphabet = "{}[]\",:-0123456789tfnrueals \\";
  size_t plain = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string s(1 + random() % 12, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    if (!is_plain_json(s)) continue;
    ++plain;
    REQUIRE_MESSAGE(nlohmann::json::accept(s), s);
  }
  CHECK(plain > 100);
  // Deeper than the plain reader goes: still valid.
  CHECK(is_valid_json(std::string(100, '[') + std::string(100, ']')));
}
