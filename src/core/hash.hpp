#pragma once
// FNV-1a, 64 bits: the gazetteer index's tables and the store's content
// hashes (the same report under another file name is the same content).
#include <cstdint>
#include <string>
#include <string_view>

namespace sitmap {

inline uint64_t fnv1a_64(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The hash as 16 lower-case hex digits.
std::string hex64(uint64_t v);

// A report's content hash: hex64 of its text's FNV-1a. The same report
// under another file name is the same content.
inline std::string content_hash(std::string_view text) { return hex64(fnv1a_64(text)); }

}  // namespace sitmap
