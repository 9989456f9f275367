#pragma once
// Where the pinned data packages (geodata/package.json, installed by
// `tools/dev.sh setup` under build/geodata/node_modules) are found at run time.
#include <string>
#include <string_view>

namespace sitmap {

// The node_modules folder of the data packages: $SITMAP_GEODATA, else the
// one in the executable's build tree, else ./build/geodata/node_modules.
std::string geodata_dir();

// geodata_dir()/relative; throws std::runtime_error naming the set-up
// command when the file is not there.
std::string geodata_file(std::string_view relative);

}  // namespace sitmap
