#include "core/fold.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace sitmap {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

namespace {

// Unicode apostrophe look-alikes (and the Arabic ayn/hamza transliteration
// marks) that vanish in folding rather than splitting a word.
bool is_apostrophe(utf8proc_int32_t cp) {
  switch (cp) {
    case '\'':
    case '`':
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x00B4:
    case 0x02BB:
    case 0x02BC:
    case 0x02BE:
    case 0x02BF:
    case 0x02B9:
    case 0x2032:
      return true;
    default:
      return false;
  }
}

// Lower-cased, mark-stripped code points of s; apostrophes removed.
std::string casefold_strip(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  if (is_ascii(s)) {
    for (char c : s) {
      if (c == '\'' || c == '`') continue;
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  std::string valid = repair_utf8(s);
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()), static_cast<utf8proc_ssize_t>(valid.size()), &mapped, options);
  if (n < 0) return out;
  const utf8proc_uint8_t* p = mapped;
  const utf8proc_uint8_t* end = mapped + n;
  while (p < end) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p, end - p, &cp);
    if (len <= 0) break;
    if (!is_apostrophe(cp)) {
      // Letters with no decomposition that still have an obvious Latin base.
      switch (cp) {
        case 0x00DF:
          out += "ss";
          break;  // ß
        case 0x00F8:
          out += 'o';
          break;  // ø
        case 0x0131:
          out += 'i';
          break;  // dotless i (Türkiye's)
        case 0x0142:
          out += 'l';
          break;  // ł
        case 0x00E6:
          out += "ae";
          break;  // æ
        case 0x0153:
          out += "oe";
          break;  // œ
        case 0x0111:
        case 0x00F0:
          out += 'd';
          break;  // đ ð
        default:
          out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
      }
    }
    p += len;
  }
  std::free(mapped);
  return out;
}

}  // namespace

// Arabic (and Romance) article tokens that transliterations attach or drop
// at will: "Ar-Raqqah", "Raqqah"; "Deir ez-Zor", "Dayr az Zawr".
bool is_article(std::string_view w) {
  static constexpr std::array<std::string_view, 19> articles = {"al",  "el", "ar", "as", "ad", "ash", "az", "an", "at", "ath",
                                                                "adh", "ez", "es", "ed", "er", "en",  "et", "ul", "un"};
  return std::find(articles.begin(), articles.end(), w) != articles.end();
}

std::string fold_name(std::string_view name) {
  const std::string folded = casefold_strip(name);
  // Split into words on ASCII punctuation and spaces; keep non-ASCII bytes.
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < folded.size()) {
    auto is_sep = [](unsigned char c) { return c < 0x80 && !std::isalnum(c); };
    while (i < folded.size() && is_sep(folded[i])) ++i;
    size_t j = i;
    while (j < folded.size() && !is_sep(folded[j])) ++j;
    if (j > i) words.emplace_back(folded.data() + i, j - i);
    i = j;
  }
  std::string out;
  for (size_t w = 0; w < words.size(); ++w) {
    if (w + 1 < words.size() && is_article(words[w])) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(words[w]);
  }
  return out;
}

std::string translit_form(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    const char next = i + 1 < folded.size() ? folded[i + 1] : '\0';
    if (c == ' ' || c == 'h') continue;
    if ((c == 'k' || c == 'g' || c == 's' || c == 't' || c == 'd' || c == 'z') && next == 'h') {
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == 'p' && next == 'h') {
      out.push_back('f');
      ++i;
      continue;
    }
    if (c == 'o' && next == 'u') {
      out.push_back('u');
      ++i;
      continue;
    }
    if (c == 'c' && next == 'k') {
      out.push_back('k');
      ++i;
      continue;
    }
    char mapped = c;
    if (c == 'q' || c == 'c') mapped = 'k';
    if (c == 'j') mapped = 'j';
    if (!out.empty() && out.back() == mapped) continue;  // doubled letters
    out.push_back(mapped);
  }
  return out;
}

std::string consonant_skeleton(std::string_view translit) {
  std::string out;
  for (char c : translit) {
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'w' || c == 'y') continue;
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

int edit_distance(std::string_view a, std::string_view b, int bound) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > bound) return bound + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], bound + 1);
}

size_t valid_utf8_prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) return i;
    i += static_cast<size_t>(len);
  }
  return i;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const size_t ok = valid_utf8_prefix(s);
    out.append(s.substr(0, ok));
    if (ok == s.size()) break;
    out += "\xEF\xBF\xBD";
    s.remove_prefix(ok + 1);
  }
  return out;
}

}  // namespace sitmap
