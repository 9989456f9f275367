#pragma once
// Name folding: the one normal form every gazetteer key and every looked-up
// name goes through, so "Ālbū Kamāl", "ALBU-KAMAL" and "Albu Kamal" meet.
#include <string>
#include <string_view>

namespace sitmap {

// Case-folded, diacritics stripped, apostrophes dropped, other punctuation
// to single spaces, Arabic article tokens (al-, ar-, ez- ...) removed when a
// name follows them. Invalid UTF-8 folds what it can and drops the rest.
std::string fold_name(std::string_view name);

// An Arabic (or Romance) article token, lower case, that transliterations
// attach to a name or drop: "al", "el", "ad", "ez" ...
bool is_article(std::string_view w);

// Transliteration-tolerant spelling of a folded name: spaces removed, q/c/ck
// to k, kh/gh/sh/th/dh/ph to one letter, ou to u, h dropped, doubled letters
// collapsed. Two spellings of one Arabic name usually agree here.
std::string translit_form(std::string_view folded);

// translit_form without vowels (a e i o u w y): the key of the fuzzy index.
std::string consonant_skeleton(std::string_view translit);

// Optimal-string-alignment distance, stopping early once it exceeds `bound`
// (then returns bound + 1).
int edit_distance(std::string_view a, std::string_view b, int bound);

// ASCII letters lower-cased, other bytes as they are.
std::string ascii_lower(std::string_view s);

// True when s holds only ASCII bytes.
bool is_ascii(std::string_view s);

// Byte length of the valid UTF-8 prefix of s (== s.size() when all valid).
size_t valid_utf8_prefix(std::string_view s);

// s with each invalid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view s);

}  // namespace sitmap
