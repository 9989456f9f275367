#pragma once
// A fresh directory of its own for a test (mkdtemp), removed at the end:
// tests run in parallel (ctest -j) never share a path.
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace sitmap::test {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitmap-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot make a temporary directory in " + tmpl);
    path = tmpl;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace sitmap::test
