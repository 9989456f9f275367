#!/usr/bin/env bash
# The C++ sources follow .clang-format: clang-format changes nothing in them.
# Skipped (77) where clang-format is not installed.
set -u
cd "$SITMAP_SOURCE_DIR" || exit 1
CF=$(command -v clang-format-14 || command -v clang-format) || { echo "clang-format not installed: skipped"; exit 77; }
if command -v git > /dev/null && git rev-parse --git-dir > /dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp' | grep -v '^third_party/')
else  # a copy without git (an archive): the same folders
  mapfile -t files < <(find src tests bench \( -name '*.cpp' -o -name '*.hpp' \) | sort)
fi
[ ${#files[@]} -gt 0 ] || { echo "no sources found"; exit 1; }
bad=0
for f in "${files[@]}"; do
  if ! "$CF" --dry-run -Werror "$f" > /dev/null 2>&1; then
    echo "not formatted: $f (bash tools/dev.sh format)"
    bad=$((bad + 1))
  fi
done
echo "${#files[@]} files, $bad not formatted"
[ "$bad" -eq 0 ]
