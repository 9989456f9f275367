#pragma once
// Sentences and tokens as byte ranges into a document's UTF-8 text.
#include <cstdint>
#include <string_view>
#include <vector>

namespace sitmap {

enum class TokenKind : uint8_t { word, number, punct };

struct Token {
  uint32_t start = 0, end = 0;  // byte offsets
  TokenKind kind = TokenKind::word;
  bool capitalized = false;  // first letter upper case (any script)
  bool all_caps = false;     // every letter upper case ("IS", "U.S.")
};

struct Sentence {
  uint32_t start = 0, end = 0;  // byte offsets, trimmed
  uint32_t first_token = 0, token_count = 0;
  bool paragraph_start = false;  // first sentence of its paragraph (or a title line)
};

struct Segmented {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

// Splits into sentences and tokens. Survives abbreviations (U.S., Gen.,
// Jan., St.), decimal numbers, initials and closing quotes; a blank line or
// a short line without end punctuation (a title) always ends a sentence.
Segmented segment(std::string_view text);

inline std::string_view token_text(std::string_view text, const Token& t) { return text.substr(t.start, t.end - t.start); }

}  // namespace sitmap
