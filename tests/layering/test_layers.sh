#!/usr/bin/env bash
# One direction of dependency, checked on the sources: each part of src/
# includes only the parts below it (README.md, Layout), the store's GDAL side
# stays in store/private/, and GDAL, OGR, PROJ and GEOS headers appear only
# in geo, the store and the gazetteer builder. A line that breaks a rule is
# printed with its file and line, and the test fails.
set -u
SRC=${SITMAP_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}/src
fail=0

# The parts each part may include ("self" is always allowed).
declare -A allowed=(
  [core]=""
  [geo]="core"
  [gazetteer]="core geo"
  [text]="core"
  [extract]="core gazetteer text"
  [store]="core geo"
  [ingest]="core gazetteer text extract store"
  [render]="core geo gazetteer store"
  [app]="core geo gazetteer store ingest render"
  [cli]="core geo gazetteer text extract store ingest render app cli"
)
for part in "${!allowed[@]}"; do
  [ -d "$SRC/$part" ] || { echo "FAIL no src/$part (update this test with the layout)"; fail=1; continue; }
  while IFS= read -r hit; do
    file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}
    inc=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<< "$rest")
    [ "$inc" = "$part" ] && continue
    case " ${allowed[$part]} " in *" $inc "*) ;; *)
      echo "FAIL ${file#$SRC/}:$line: $part includes $inc (allowed: ${allowed[$part]:-none})"; fail=1 ;;
    esac
  done < <(grep -rnE '^#include "[a-z_]+/' "$SRC/$part")
done

# The store's GDAL side is its own.
while IFS= read -r hit; do
  echo "FAIL ${hit#$SRC/}: store/private/ included outside src/store"; fail=1
done < <(grep -rn '#include "store/private/' "$SRC" | grep -v "^$SRC/store/")

# No GDAL, OGR, CPL, PROJ or GEOS header (nor geo/gdal.hpp, which brings
# GDAL's) outside geo, the store and the gazetteer builder; none in the
# store's public headers.
pattern='#include <(gdal|ogr|cpl_|proj\.h|proj/|geos)|#include "geo/gdal\.hpp"'
while IFS= read -r hit; do
  echo "FAIL ${hit#$SRC/}: GDAL/PROJ/GEOS outside geo, store and the gazetteer builder"; fail=1
done < <(grep -rnE "$pattern" "$SRC" | grep -vE "^$SRC/(geo|store)/|^$SRC/gazetteer/sources\.cpp:")
while IFS= read -r hit; do
  echo "FAIL ${hit#$SRC/}: a public store header with GDAL in it (move it to store/private/)"; fail=1
done < <(grep -nE "$pattern|#include \"store/private/" "$SRC"/store/*.hpp)

# SQLite and libpq, which read GeoPackage and PostGIS tables directly, only
# in the store's private side.
while IFS= read -r hit; do
  echo "FAIL ${hit#$SRC/}: SQLite/libpq outside src/store/private/"; fail=1
done < <(grep -rnE '#include <(sqlite3\.h|libpq-fe\.h)>' "$SRC" | grep -v "^$SRC/store/private/")

[ "$fail" -eq 0 ] && echo "layers: every include runs downward"
exit $fail
