#!/usr/bin/env bash
# The same ingest into a real PostgreSQL 15 + PostGIS 3 server as into a
# GeoPackage: identical counts and identical exported events; re-ingest
# adds nothing; filters with quotes are data; imports work there too.
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
. "$(dirname "$0")/pg_server.sh"
pg_start
D=$(mktemp -d)
cd "$D"
reports=("$SRC"/samples/reports/*.txt)
"$S" ingest --db "$PG_DSN" "${reports[@]}" 2> err && ok || bad "PostGIS ingest: $(cat err)"
"$S" ingest --db local.gpkg "${reports[@]}" 2> /dev/null || bad "GeoPackage ingest"
psql_n() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d sitmap -tAc "$1"; }
for t in documents events mentions; do
  a=$(psql_n "SELECT COUNT(*) FROM $t"); b=$(ogrinfo -ro -q local.gpkg -sql "SELECT COUNT(*) FROM $t" | awk '/ = / {print $NF}')
  [ "$a" = "$b" ] && [ "$a" -gt 0 ] && ok || bad "$t: PostGIS $a, GeoPackage $b"
done
[ "$(psql_n "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ('events_event_date_idx','documents_content_hash_idx')")" = 2 ] && ok || bad "indexes"
[ "$(psql_n "SELECT GeometryType(geom) || ST_SRID(geom) FROM events LIMIT 1")" = "POINT4326" ] && ok || bad "geometry type or SRID"

"$S" export --db "$PG_DSN" -o pg.geojson 2>/dev/null && "$S" export --db local.gpkg -o gpkg.geojson 2>/dev/null && ok || bad "exports"
same=$(python3 - pg.geojson gpkg.geojson <<'PY'
import json, sys
def load(p):
    return sorted((json.dumps(f, sort_keys=True) for f in json.load(open(p))["features"]))
print("same" if load(sys.argv[1]) == load(sys.argv[2]) else "different")
PY
)
[ "$same" = same ] && ok || bad "PostGIS and GeoPackage exports differ"

"$S" ingest --db "$PG_DSN" "${reports[@]}" 2> err; grep -q "0 reports stored" err && ok || bad "re-ingest: $(tail -1 err)"
[ "$(psql_n "SELECT COUNT(*) - COUNT(DISTINCT event_id) FROM events")" = 0 ] && ok || bad "duplicates after re-ingest"

"$S" export --db "$PG_DSN" -o q.geojson --actor "x'); DROP TABLE events; --" --from 2015-11-01 --to 2015-11-30 2> err && ok || bad "quoted actor: $(cat err)"
[ "$(psql_n "SELECT COUNT(*) FROM events")" -gt 0 ] && ok || bad "events table gone"
"$S" export --db "$PG_DSN" -o w.geojson --from 2015-11-13 --to 2015-11-19 --country SY 2>/dev/null
"$S" export --db local.gpkg -o w2.geojson --from 2015-11-13 --to 2015-11-19 --country SY 2>/dev/null
a=$(grep -o '"event_id"' w.geojson | wc -l); b=$(grep -o '"event_id"' w2.geojson | wc -l)
[ "$a" = "$b" ] && [ "$a" -gt 0 ] && ok || bad "filtered: PostGIS $a, GeoPackage $b"
"$S" import "$SRC/tests/fixtures/import/gdelt_sample.tsv" --as gdelt --db "$PG_DSN" 2>/dev/null
[ "$(psql_n "SELECT COUNT(*) FROM events WHERE dataset = 'gdelt'")" = 3 ] && ok || bad "GDELT import into PostGIS"
# The binary COPY reader writes the bytes the GDAL path writes, filtered or not.
"$S" import "$SRC/tests/fixtures/import/acled_sample.csv" --as acled --db "$PG_DSN" 2>/dev/null
for filter in "" "--from 2015-11-13 --to 2015-11-19" "--bbox 30,30,45,40" "--bbox 30,30,45,40 --from 2015-11-01" \
              "--country SY" "--type Battles --actor a --min-confidence 0.5" "--dataset acled --no-background"; do
  for format in geojson geojsonseq csv; do
    # shellcheck disable=SC2086
    "$S" export --db "$PG_DSN" -f $format -o copy.out $filter 2>/dev/null &&
      "$S" export --db "$PG_DSN" -f $format -o gdal.out --through-gdal $filter 2>/dev/null &&
      [ -s copy.out ] && cmp -s copy.out gdal.out && ok || bad "COPY and GDAL exports differ: $format $filter"
  done
done
# Two ingesters at once into one server: every report once, both succeed.
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE team" && psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d team -q -c "CREATE EXTENSION postgis"
TEAM="PG:host=127.0.0.1 port=$PG_PORT dbname=team user=postgres"
"$S" ingest --db "$TEAM" "${reports[@]}" 2>/dev/null  # makes the tables
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d team -q -c "TRUNCATE documents, events, mentions"
"$S" ingest --db "$TEAM" --batch-size 4 "${reports[@]}" 2> a.err & a=$!
"$S" ingest --db "$TEAM" --batch-size 4 "${reports[@]}" 2> b.err & b=$!
wait $a; ra=$?; wait $b; rb=$?
echo "concurrent ingesters: $(cat a.err b.err | grep -c "meanwhile\|already stored") reports found stored by the other"
[ $ra -eq 0 ] && [ $rb -eq 0 ] && ok || bad "concurrent ingesters: exits $ra/$rb: $(tail -2 a.err b.err)"
team_n() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d team -tAc "$1"; }
[ "$(team_n "SELECT COUNT(*) FROM documents")" = "${#reports[@]}" ] && ok || bad "concurrent: $(team_n "SELECT COUNT(*) FROM documents") documents"
[ "$(team_n "SELECT COUNT(*) FROM events")" = "$(psql_n "SELECT COUNT(*) FROM events WHERE dataset = 'sitmap'")" ] && ok || bad "concurrent: events differ from a single ingest"

# The viewer reads the same server (rendered offscreen).
bash "$SRC/tests/with_display.sh" "$S" render --db "$PG_DSN" --time 2015-11-15 --size 320x200 -o pg.png > out 2>&1
rc=$?
[ $rc -eq 77 ] || { [ $rc -eq 0 ] && [ -s pg.png ] && ok || bad "render from PostGIS: $(cat out)"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
