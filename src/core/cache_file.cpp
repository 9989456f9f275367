#include "core/cache_file.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/hash.hpp"

namespace sitmap {
namespace {

namespace fs = std::filesystem;

// "SITMAPC1", the key's length and FNV-1a, the payload's length and checksum.
constexpr char kMagic[8] = {'S', 'I', 'T', 'M', 'A', 'P', 'C', '1'};
struct Header {
  char magic[8];
  uint64_t key_size, key_hash, payload_size, payload_hash;
};

// FNV-1a over 8-byte words: finds a damaged file at memory speed (a byte
// at a time took longer than reading the file).
uint64_t checksum(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = (h ^ word) * 1099511628211ull;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 1099511628211ull;
  return h;
}

}  // namespace

std::string cache_dir() {
  if (const char* env = std::getenv("SITMAP_CACHE_DIR"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return (fs::path(xdg) / "sitmap").string();
  if (const char* home = std::getenv("HOME"); home && *home) return (fs::path(home) / ".cache" / "sitmap").string();
  return "";
}

std::string cache_path(std::string_view name) {
  const std::string dir = cache_dir();
  return dir.empty() ? "" : (fs::path(dir) / name).string();
}

bool write_cache_file(const std::string& path, std::string_view key, std::string_view payload) {
  if (path.empty()) return false;
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.key_size = key.size();
  h.key_hash = fnv1a_64(key);
  h.payload_size = payload.size();
  h.payload_hash = checksum(payload);
  bool ok = false;
  if (std::FILE* f = std::fopen(tmp.c_str(), "wb")) {
    ok = std::fwrite(&h, sizeof h, 1, f) == 1 && std::fwrite(key.data(), 1, key.size(), f) == key.size() &&
         std::fwrite(payload.data(), 1, payload.size(), f) == payload.size();
    ok = std::fclose(f) == 0 && ok;
  }
  if (ok) {
    fs::rename(tmp, path, ec);
    ok = !ec;
  }
  if (!ok) fs::remove(tmp, ec);
  return ok;
}

std::optional<std::string> read_cache_file(const std::string& path, std::string_view key) {
  if (path.empty()) return std::nullopt;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  Header h{};
  std::string stored_key, payload;
  bool ok = std::fread(&h, sizeof h, 1, f) == 1 && std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.key_size == key.size() &&
            h.key_hash == fnv1a_64(key);
  if (ok) {
    stored_key.resize(h.key_size);
    ok = std::fread(stored_key.data(), 1, stored_key.size(), f) == stored_key.size() && stored_key == key;
  }
  if (ok && h.payload_size < (uint64_t{1} << 40)) {
    payload.resize(h.payload_size);
    ok = std::fread(payload.data(), 1, payload.size(), f) == payload.size() && std::fgetc(f) == EOF;
  } else {
    ok = false;
  }
  std::fclose(f);
  // The hash finds a file cut short or damaged since it was written.
  if (!ok || checksum(payload) != h.payload_hash) return std::nullopt;
  return payload;
}

std::optional<std::string> read_cache_key(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  Header h{};
  std::string key;
  bool ok = std::fread(&h, sizeof h, 1, f) == 1 && std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.key_size < (1u << 20);
  if (ok) {
    key.resize(h.key_size);
    ok = std::fread(key.data(), 1, key.size(), f) == key.size() && fnv1a_64(key) == h.key_hash;
  }
  std::fclose(f);
  if (!ok) return std::nullopt;
  return key;
}

std::string_view key_line(std::string_view key, size_t n) {
  for (; n > 0; --n) {
    const size_t end = key.find('\n');
    if (end == std::string_view::npos) return {};
    key.remove_prefix(end + 1);
  }
  return key.substr(0, key.find('\n'));
}

size_t remove_stale_cache_files(const std::string& dir, std::string_view prefix, std::string_view suffix,
                                const std::function<bool(std::string_view key)>& current) {
  std::error_code ec;
  std::vector<fs::path> stale;
  const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    if (name.ends_with(suffix)) {
      const auto key = read_cache_key(it->path().string());
      if (!key || !current(*key)) stale.push_back(it->path());
    } else if (name.find(std::string(suffix) + ".tmp") != std::string::npos) {
      std::error_code time_ec;
      const auto written = fs::last_write_time(it->path(), time_ec);
      if (!time_ec && written < an_hour_ago) stale.push_back(it->path());
    }
  }
  size_t removed = 0;
  for (const fs::path& p : stale) removed += fs::remove(p, ec) ? 1 : 0;
  return removed;
}

void PayloadWriter::strings(const std::vector<std::string>& v) {
  value<uint64_t>(v.size());
  for (const std::string& s : v) {
    value<uint64_t>(s.size());
    bytes_.append(s);
  }
}

std::vector<std::string> PayloadReader::strings() {
  const uint64_t n = value<uint64_t>();
  std::vector<std::string> v;
  for (uint64_t i = 0; i < n && ok_; ++i) {
    const uint64_t size = value<uint64_t>();
    if (!take(size)) break;
    v.emplace_back(bytes_.data() + at_ - size, size);
  }
  return v;
}

}  // namespace sitmap
