#!/usr/bin/env bash
# kill -9 during a large ingest, then run it again: the store holds what a
# clean ingest holds, with no duplicates, and its spatial index finds every
# event (a first ingest killed into a new GeoPackage once left the R-tree
# without its triggers: counts right, a bbox export 65 events of 13,600).
# A store an older version left so is repaired on open. Readings have no
# R-tree (store version 3): a box on them reads the layer through.
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
# Runs an ingest into STORE in the background and kills it (-9) once it
# says it has committed at least WANT reports (--commit-lines), not after a
# guessed time: BATCH WANT STORE.
ingest_and_kill() {
  local log="$3.log" got=0
  "$S" ingest --db "$3" --batch-size "$1" --commit-lines "$D/big.jsonl" 2> "$log" &
  local pid=$!
  while kill -0 $pid 2>/dev/null && [ "$got" -lt "$2" ]; do
    sleep 0.02
    got=$(sed -n 's/.*committed, \([0-9]*\) reports stored.*/\1/p' "$log" | tail -1)
    got=${got:-0}
  done
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  [ "$got" -ge "$2" ] || bad "the ingest into $3 ended before it committed $2 reports"
}

ingest_and_kill 16 2000 "$D/killed.gpkg"  # some batches committed, most not
# Not read-only: opening rolls back the killed transaction's hot journal.
partial=$(n "$D/killed.gpkg" "SELECT COUNT(*) FROM documents")
[ "$partial" -gt 0 ] && [ "$partial" -lt 20000 ] && ok || bad "kill came at $partial documents (want mid-run)"
echo "killed after $partial of 20000 documents"
"$S" ingest --db "$D/killed.gpkg" "$D/big.jsonl" 2>/dev/null || bad "rerun failed"
for table in documents events readings mentions; do
  a=$(n "$D/clean.gpkg" "SELECT COUNT(*) FROM $table"); b=$(n "$D/killed.gpkg" "SELECT COUNT(*) FROM $table")
  [ "$a" = "$b" ] && ok || bad "$table: clean $a, killed+rerun $b"
done
a=$(n "$D/killed.gpkg" "SELECT COUNT(DISTINCT event_id) FROM events"); b=$(n "$D/killed.gpkg" "SELECT COUNT(*) FROM events")
[ "$a" = "$b" ] && ok || bad "duplicate event ids: $a distinct of $b"
ogrinfo -q "$D/killed.gpkg" -sql "PRAGMA integrity_check" | grep -q "= ok" && ok || bad "integrity check"

# What the spatial index finds: the R-tree holds every event, a bbox export equals a clean store's
# (readings have no R-tree: they are read through).
# (Per report: the copies of a report are one canonical event, but each is a reading.)
bbox_events() { "$S" export --db "$1" -o "$1.bbox.csv" --per-report --bbox 25,27,52,41 2>/dev/null && echo $(($(wc -l < "$1.bbox.csv") - 1)); }
want=$(bbox_events "$D/clean.gpkg")
[ "$want" -gt 1000 ] && ok || bad "clean bbox export: $want events"
check_index() {  # STORE WHAT (sitmap first: opening a store repairs its index)
  local rows rtree got
  got=$(bbox_events "$1")
  [ "$got" = "$want" ] && ok || bad "$2: bbox export gives $got events, a clean store $want"
  rows=$(n "$1" "SELECT COUNT(*) FROM events"); rtree=$(n "$1" "SELECT COUNT(*) FROM rtree_events_geom")
  [ "$rows" = "$rtree" ] && ok || bad "$2: R-tree has $rtree entries for $rows events"
  rtree=$(n "$1" "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'rtree_readings_geom%'")
  [ "$rtree" = 0 ] && ok || bad "$2: readings have an R-tree ($rtree tables and triggers)"
}
check_index "$D/killed.gpkg" "killed mid-run"

# The first ingest into a new store killed early (right after its first
# batch) and late, then rerun.
for after in 1 1000; do
  db="$D/first-$after.gpkg"
  ingest_and_kill 64 "$after" "$db"
  "$S" ingest --db "$db" "$D/big.jsonl" 2>/dev/null || bad "rerun after a kill at $after reports failed"
  a=$(n "$D/clean.gpkg" "SELECT COUNT(*) FROM events"); b=$(n "$db" "SELECT COUNT(*) FROM events")
  [ "$a" = "$b" ] && ok || bad "first ingest killed after $after reports: events clean $a, killed+rerun $b"
  check_index "$db" "first ingest killed after $after reports"
done
ls -a "$D" | grep -q '\.new-' && bad "a half-made store was left beside the stores" || ok

# A store whose R-trees lost their triggers (what older versions left; version 2 had one on
# readings too): reading it repairs the events' and takes the readings' down.
cp "$D/clean.gpkg" "$D/broken.gpkg"
ogrinfo -q "$D/broken.gpkg" -sql "SELECT CreateSpatialIndex('readings', 'geom')" > /dev/null
ogrinfo -q "$D/broken.gpkg" -sql "UPDATE sitmap_meta SET value = '2' WHERE key = 'schema_version'" > /dev/null
[ "$(n "$D/broken.gpkg" "SELECT COUNT(*) FROM rtree_readings_geom")" -gt 1000 ] && ok || bad "no version 2 R-tree on readings to break"
python3 - "$D/broken.gpkg" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for layer in ("events", "readings"):
    for (name,) in db.execute(f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_{layer}_geom%'").fetchall():
        db.execute(f'DROP TRIGGER "{name}"')
    db.execute(f"DELETE FROM rtree_{layer}_geom WHERE id > 100")
db.commit()
PY
check_index "$D/broken.gpkg" "store with a broken R-tree"
triggers=$(n "$D/broken.gpkg" "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_events_geom%'")
[ "$triggers" -ge 2 ] && ok || bad "repaired R-tree has $triggers triggers"
[ "$(n "$D/broken.gpkg" "SELECT value FROM sitmap_meta WHERE key = 'schema_version'")" = 3 ] && ok || bad "store version not 3 after the repair"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
