#!/usr/bin/env bash
# kill -9 during a large ingest, then run it again: the store holds what a
# clean ingest holds, with no duplicates.
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
trap 'rm -rf "$D"' EXIT
# 20,000 distinct reports as JSON Lines: the samples, each numbered.
python3 - "$SRC/samples/reports" "$D/big.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(src, f)).read() for f in sorted(os.listdir(src)) if f.endswith('.txt')]
with open(out, 'w') as f:
    for i in range(20000):
        f.write(json.dumps({"id": f"r{i}", "text": texts[i % len(texts)] + f"\n(Archive copy {i}.)\n", "published": "2015-11-16"}) + "\n")
PY
"$S" ingest --db "$D/clean.gpkg" "$D/big.jsonl" 2>/dev/null || bad "clean ingest failed"
n() { ogrinfo -q "$1" -sql "$2" | awk '/ = / {print $NF; exit}'; }

"$S" ingest --db "$D/killed.gpkg" --batch-size 16 "$D/big.jsonl" 2>/dev/null &
pid=$!
sleep 1.5  # some batches are committed by now, most are not
kill -9 $pid; wait $pid 2>/dev/null
# Not read-only: opening rolls back the killed transaction's hot journal.
partial=$(n "$D/killed.gpkg" "SELECT COUNT(*) FROM documents")
[ "$partial" -gt 0 ] && [ "$partial" -lt 20000 ] && ok || bad "kill came at $partial documents (want mid-run)"
echo "killed after $partial of 20000 documents"
"$S" ingest --db "$D/killed.gpkg" "$D/big.jsonl" 2>/dev/null || bad "rerun failed"
for table in documents events mentions; do
  a=$(n "$D/clean.gpkg" "SELECT COUNT(*) FROM $table"); b=$(n "$D/killed.gpkg" "SELECT COUNT(*) FROM $table")
  [ "$a" = "$b" ] && ok || bad "$table: clean $a, killed+rerun $b"
done
a=$(n "$D/killed.gpkg" "SELECT COUNT(DISTINCT event_id) FROM events"); b=$(n "$D/killed.gpkg" "SELECT COUNT(*) FROM events")
[ "$a" = "$b" ] && ok || bad "duplicate event ids: $a distinct of $b"
ogrinfo -q "$D/killed.gpkg" -sql "PRAGMA integrity_check" | grep -q "= ok" && ok || bad "integrity check"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
