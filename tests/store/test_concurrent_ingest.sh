#!/usr/bin/env bash
# Two ingests at once into one GeoPackage, new and then existing: both
# succeed without GDAL errors (they take turns: "STORE is busy ... waiting"),
# and the store holds what one ingest of both files holds: right feature
# counts (ogrinfo), a complete R-tree, no duplicates. Once, creation raced
# ("already exists", or an incomplete R-tree) and the stored feature count
# went stale ("CREATE TRIGGER ... already exists", half the rows shown).
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
trap 'rm -rf "$D"' EXIT
python3 - "$SRC/samples/reports" "$D" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(src, f)).read() for f in sorted(os.listdir(src)) if f.endswith('.txt')]
for part, first in (("a", 0), ("b", 3000), ("c", 6000), ("d", 9000)):
    with open(os.path.join(out, part + ".jsonl"), "w") as f:
        for i in range(first, first + 1500):
            f.write(json.dumps({"id": f"c{i}", "text": texts[i % len(texts)] + f"\n(Copy {i}.)\n", "published": "2015-11-16"}) + "\n")
PY
n() { ogrinfo -q "$1" -sql "$2" | awk '/ = / {print $NF; exit}'; }
feature_count() { ogrinfo -so "$1" "$2" | awk '/Feature Count/ {print $3}'; }

"$S" ingest --db "$D/one.gpkg" "$D/a.jsonl" "$D/b.jsonl" "$D/c.jsonl" "$D/d.jsonl" 2>/dev/null || bad "one ingest failed"
together() {  # STORE FILE1 FILE2: two ingests started at once
  "$S" ingest --db "$1" "$2" 2>"$1.1.err" & local p1=$!
  "$S" ingest --db "$1" "$3" 2>"$1.2.err" & local p2=$!
  wait $p1 && ok || bad "$1: ingest of $2 failed: $(head -c 300 "$1.1.err")"
  wait $p2 && ok || bad "$1: ingest of $3 failed: $(head -c 300 "$1.2.err")"
  ! grep -qiE "^(ERROR|Warning)|already exists|unknown GDAL" "$1.1.err" "$1.2.err" && ok || bad "$1: GDAL errors: $(grep -hiE 'ERROR|Warning|already exists' "$1".*.err | head -3)"
}
for round in 1 2 3; do
  db="$D/shared-$round.gpkg"
  together "$db" "$D/a.jsonl" "$D/b.jsonl"   # the store does not exist yet
  together "$db" "$D/c.jsonl" "$D/d.jsonl"   # now it does
  for layer in documents events mentions; do
    want=$(n "$D/one.gpkg" "SELECT COUNT(*) FROM $layer"); rows=$(n "$db" "SELECT COUNT(*) FROM $layer"); shown=$(feature_count "$db" "$layer")
    [ "$rows" = "$want" ] && ok || bad "round $round: $layer has $rows rows, one ingest $want"
    [ "$shown" = "$rows" ] && ok || bad "round $round: ogrinfo shows $shown features of $layer for $rows rows"
  done
  rtree=$(n "$db" "SELECT COUNT(*) FROM rtree_events_geom"); rows=$(n "$db" "SELECT COUNT(*) FROM events")
  [ "$rtree" = "$rows" ] && ok || bad "round $round: R-tree has $rtree entries for $rows events"
  a=$(n "$db" "SELECT COUNT(DISTINCT event_id) FROM events")
  [ "$a" = "$rows" ] && ok || bad "round $round: duplicate event ids: $a distinct of $rows"
done
grep -qh "is busy" "$D"/*.err && ok || bad "no ingest ever waited for the other (did they run at once?)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
