#!/usr/bin/env bash
# Two `sitmap watch` started at once on a new PostGIS database, from two
# folders that share a third of their reports, then the same JSON Lines lines appended to a
# file in each: every report is stored once (no duplicate content or event
# id), and the store holds what one ingest of the distinct reports holds.
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
source "$SITMAP_SOURCE_DIR/tests/script_lib.sh"
source "$SRC/tests/store/pg_server.sh"
w1= w2=
pg_start  # sets its own EXIT trap: ours, which also stops the server, comes after
trap '[ -n "$w1" ] && kill -9 $w1 2>/dev/null; [ -n "$w2" ] && kill -9 $w2 2>/dev/null; pg_stop; rm -rf "$D"' EXIT
q() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d sitmap -tAq -c "$1" 2>/dev/null; }
docs_are() { [ "$(q 'SELECT COUNT(*) FROM documents')" = "$1" ]; }
reports=("$SRC"/samples/reports/*.txt)
mkdir "$D/a" "$D/b"
cp "${reports[@]:0:15}" "$D/a/"
cp "${reports[@]:10:15}" "$D/b/"

"$S" watch "$D/a" --db "$PG_DSN" --batch-size 4 2> "$D/a.log" & w1=$!
"$S" watch "$D/b" --db "$PG_DSN" --batch-size 4 2> "$D/b.log" & w2=$!
wait_until 180 docs_are 25 && ok || bad "want the 25 distinct reports stored, have $(q 'SELECT COUNT(*) FROM documents')"
lines='{"id": "pg-1", "text": "Air strikes hit Raqqa in Syria on 16 November 2015, killing five people.", "published": "2015-11-16"}
{"id": "pg-2", "text": "Shelling struck Aleppo in Syria on 17 November 2015, killing three civilians.", "published": "2015-11-17"}'
echo "$lines" >> "$D/a/desk.jsonl"
echo "$lines" >> "$D/b/wire.jsonl"
wait_until 60 docs_are 27 && ok || bad "want 27 documents after the lines, have $(q 'SELECT COUNT(*) FROM documents')"
sleep 1  # the slower watch has read them too by now
kill -INT $w1 $w2
wait $w1 && ok || bad "first watch: exit $?"; w1=
wait $w2 && ok || bad "second watch: exit $?"; w2=
docs_are 27 && ok || bad "documents: $(q 'SELECT COUNT(*) FROM documents') after both stopped"
[ "$(q 'SELECT COUNT(DISTINCT content_hash) FROM documents')" = 27 ] && ok || bad "duplicate contents"
[ "$(q 'SELECT COUNT(DISTINCT event_id) FROM events')" = "$(q 'SELECT COUNT(*) FROM events')" ] && ok || bad "duplicate event ids"
! grep -qiE "ERROR|Warning" "$D/a.log" "$D/b.log" && ok || bad "GDAL errors: $(grep -hiE 'ERROR|Warning' "$D"/*.log | head -3)"

# What one ingest of the distinct reports stores.
"$S" ingest --db "$D/one.gpkg" "${reports[@]:0:25}" "$D/a/desk.jsonl" 2>/dev/null || bad "one ingest"
for table in documents events mentions; do
  a=$(n "$D/one.gpkg" "SELECT COUNT(*) FROM $table"); b=$(q "SELECT COUNT(*) FROM $table")
  [ "$a" = "$b" ] && ok || bad "$table: one ingest $a, two watches $b"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
