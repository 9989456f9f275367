// Cache files that no longer describe their source are removed when a
// cache is rebuilt: stale ones, files that are no cache file, and
// temporary files a writer that died left an hour ago.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../temp_dir.hpp"
#include "core/cache_file.hpp"

using namespace sitmap;
namespace fs = std::filesystem;

TEST_CASE("cache files: stale ones removed, current ones and other names kept") {
  test::TempDir tmp;
  const fs::path dir = tmp.path / "cache";
  auto file = [&](const std::string& name) { return (dir / name).string(); };
  REQUIRE(write_cache_file(file("thing-1.c"), "thing\nsource A\nversion 1\n", "payload"));
  REQUIRE(write_cache_file(file("thing-2.c"), "thing\nsource B\nversion 1\n", "payload"));
  REQUIRE(write_cache_file(file("thing-3.c"), "thing\nsource A\nversion 2\n", "payload"));
  REQUIRE(write_cache_file(file("other-1.c"), "other\nsource A\nversion 1\n", "payload"));
  std::ofstream(file("thing-4.c")) << "not a cache file";
  std::ofstream(file("thing-5.c.tmp123")) << "half written, long ago";
  fs::last_write_time(file("thing-5.c.tmp123"), fs::file_time_type::clock::now() - std::chrono::hours(2));
  std::ofstream(file("thing-6.c.tmp456")) << "being written now";

  CHECK(read_cache_key(file("thing-2.c")) == "thing\nsource B\nversion 1\n");
  CHECK_FALSE(read_cache_key(file("thing-4.c")));
  CHECK(key_line("a\nb\nc\n", 1) == "b");
  CHECK(key_line("a\nb", 1) == "b");
  CHECK(key_line("a\nb", 3).empty());

  // Source A is at version 2 now; source B is gone.
  const size_t removed = remove_stale_cache_files(
      dir.string(), "thing-", ".c", [](std::string_view key) { return key_line(key, 1) == "source A" && key_line(key, 2) == "version 2"; });
  CHECK(removed == 4);
  CHECK_FALSE(fs::exists(file("thing-1.c")));
  CHECK_FALSE(fs::exists(file("thing-2.c")));
  CHECK(fs::exists(file("thing-3.c")));
  CHECK(fs::exists(file("other-1.c")));  // another prefix: another cache's business
  CHECK_FALSE(fs::exists(file("thing-4.c")));
  CHECK_FALSE(fs::exists(file("thing-5.c.tmp123")));
  CHECK(fs::exists(file("thing-6.c.tmp456")));
  CHECK(remove_stale_cache_files((tmp.path / "none").string(), "thing-", ".c", [](std::string_view) { return false; }) == 0);
}
