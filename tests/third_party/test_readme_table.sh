#!/usr/bin/env bash
# third_party/README.md cannot drift from what we install and build with:
# - one row for each package of third_party/debian-packages.txt (what
#   tools/dev.sh installs) and of geodata/package.json, and no other rows;
# - the npm rows show package.json's pinned versions;
# - every third_party/*.cmake is included by third_party/CMakeLists.txt and
#   named in the README.
set -euo pipefail
TP=${SITMAP_SOURCE_DIR:?}/third_party
README=$TP/README.md
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

# "name<TAB>second cell<TAB>line" for each table row of a "## <section>" of the README.
rows() {
  awk -v want="## $1" -F'|' '
    /^## / { inside = ($0 == want) }
    inside && /^\| `/ {
      name = $2; gsub(/[ `]/, "", name); version = $3; gsub(/[ `]/, "", version)
      print name "\t" version "\t" NR
    }' "$README"
}

row_of() { awk -F'\t' -v name="$1" '$1 == name' "$2"; }  # name, rows file

# Compares a list of names with the README rows of a section, both ways.
compare() {  # section, where the list comes from, list file, rows file
  local name line
  [ -s "$3" ] || bad "$2 lists nothing (cannot be read?)"
  [ -s "$4" ] || bad "third_party/README.md: no rows under '## $1'"
  while read -r name; do
    [ -n "$(row_of "$name" "$4")" ] || bad "third_party/README.md: no row under '## $1' for $name ($2)"
  done < "$3"
  while IFS=$'\t' read -r name _ line; do
    grep -qxF "$name" "$3" || bad "third_party/README.md:$line: a row for $name, which $2 does not list"
  done < "$4"
  for name in $(cut -f1 "$4" | sort | uniq -d); do bad "third_party/README.md: two rows for $name"; done
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sed 's/#.*//' "$TP/debian-packages.txt" | awk 'NF { print $1 }' > "$tmp/debian"
rows "Debian packages" > "$tmp/debian-rows"
compare "Debian packages" third_party/debian-packages.txt "$tmp/debian" "$tmp/debian-rows"

python3 -c 'import json, sys
for name, version in json.load(open(sys.argv[1])).get("dependencies", {}).items(): print(f"{name}\t{version}")' \
  "$TP/../geodata/package.json" > "$tmp/npm-pins"
cut -f1 "$tmp/npm-pins" > "$tmp/npm"
rows "Geodata npm packages" > "$tmp/npm-rows"
compare "Geodata npm packages" geodata/package.json "$tmp/npm" "$tmp/npm-rows"
while IFS=$'\t' read -r name version; do
  row=$(row_of "$name" "$tmp/npm-rows")
  [ -z "$row" ] || [ "$(echo "$row" | cut -f2)" = "$version" ] ||
    bad "third_party/README.md:$(echo "$row" | cut -f3): $name shows $(echo "$row" | cut -f2), geodata/package.json pins $version"
done < "$tmp/npm-pins"

for f in "$TP"/*.cmake; do
  f=$(basename "$f")
  grep -q "^include($f)" "$TP/CMakeLists.txt" || bad "third_party/CMakeLists.txt does not include $f"
  grep -q "\`$f\`" "$README" || bad "third_party/README.md does not name $f"
done

echo "$(wc -l < "$tmp/debian") Debian packages, $(wc -l < "$tmp/npm") npm packages checked"
[ "$fails" -eq 0 ]
