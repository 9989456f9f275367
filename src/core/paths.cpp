#include "core/paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace sitmap {

namespace fs = std::filesystem;

std::string geodata_dir() {
  if (const char* env = std::getenv("SITMAP_GEODATA"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Walk up from the binary to the build tree's root (where CMakeCache.txt is).
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::is_directory(dir / "geodata" / "node_modules")) return (dir / "geodata" / "node_modules").string();
      if (fs::exists(dir / "CMakeCache.txt")) break;
    }
  }
  return "build/geodata/node_modules";
}

std::string geodata_file(std::string_view relative) {
  const fs::path p = fs::path(geodata_dir()) / relative;
  if (!fs::exists(p))
    throw std::runtime_error(p.string() + ": data package file missing (run `bash tools/dev.sh setup`, or set SITMAP_GEODATA)");
  return p.string();
}

}  // namespace sitmap
