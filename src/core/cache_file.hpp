#pragma once
// Files of derived data that make a start faster (the viewer's event table
// of a large store, the triangulated 10m basemap): kept in cache_dir(),
// each with the key of what it was derived from. A cache is never a source
// of truth: read back only when its key is the key of the source as it is
// now, rebuilt otherwise, and nothing fails when it cannot be written.
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sitmap {

// $SITMAP_CACHE_DIR, else $XDG_CACHE_HOME/sitmap, else $HOME/.cache/sitmap;
// empty when none of them is set.
std::string cache_dir();

// cache_dir()/name, or empty when there is no cache directory.
std::string cache_path(std::string_view name);

// Writes `payload` under a temporary name beside `path` and renames it into
// place (readers see the old file or the new one, never half of one).
// False, and nothing left behind, when it cannot.
bool write_cache_file(const std::string& path, std::string_view key, std::string_view payload);

// The payload of `path` when the file is whole and was written with `key`.
std::optional<std::string> read_cache_file(const std::string& path, std::string_view key);

// The key `path` was written with (its payload unread); nullopt when it is no cache file.
std::optional<std::string> read_cache_key(const std::string& path);

// Line `n` (from 0) of a key, without its newline; empty when it has fewer.
std::string_view key_line(std::string_view key, size_t n);

// Removes the files of `dir` named PREFIX...SUFFIX whose key `current`
// says is no longer the key of what they were derived from (it changed, or
// is gone: the file would never be read again), those that are no cache
// file, and their temporary files an hour old (a writer that died). A
// rebuild calls it, so that caches are replaced rather than piling up.
// Returns how many it removed.
size_t remove_stale_cache_files(const std::string& dir, std::string_view prefix, std::string_view suffix,
                                const std::function<bool(std::string_view key)>& current);

// Payloads: plain values and arrays of them, appended and read back in order.
class PayloadWriter {
 public:
  template <class T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  template <class T>
  void array(const std::vector<T>& v) {
    value<uint64_t>(v.size());
    bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void strings(const std::vector<std::string>& v);
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads what PayloadWriter wrote; every read is checked against the end,
// and ok() turns false (reads then give zeros and empty arrays) on a short
// or corrupt payload.
class PayloadReader {
 public:
  explicit PayloadReader(std::string_view bytes) : bytes_(bytes) {}
  template <class T>
  T value() {
    T v{};
    if (!take(sizeof v)) return v;
    std::memcpy(&v, bytes_.data() + at_ - sizeof v, sizeof v);
    return v;
  }
  template <class T>
  std::vector<T> array() {
    const uint64_t n = value<uint64_t>();
    if (!ok_ || n > (bytes_.size() - at_) / sizeof(T)) {
      ok_ = false;
      return {};
    }
    std::vector<T> v(n);
    take(n * sizeof(T));
    std::memcpy(v.data(), bytes_.data() + at_ - n * sizeof(T), n * sizeof(T));
    return v;
  }
  std::vector<std::string> strings();
  bool ok() const { return ok_ && at_ == bytes_.size(); }

 private:
  bool take(size_t n) {
    if (!ok_ || n > bytes_.size() - at_) return ok_ = false;
    at_ += n;
    return true;
  }
  std::string_view bytes_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace sitmap
