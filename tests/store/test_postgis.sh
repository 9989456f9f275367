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
# The same bytes from several connections at once, a chunk of pages each
# (SITMAP_PG_CHUNK_PAGES=1: every table here is two pages or more).
[ "$(psql_n "SELECT pg_relation_size('events') >= 2 * 8192 AND pg_relation_size('readings') >= 2 * 8192")" = t ] && ok || bad "tables under two pages"
for filter in "" "--type Battles --actor a --min-confidence 0.5" "--per-report"; do
  for format in geojson geojsonseq csv; do
    # shellcheck disable=SC2086
    SITMAP_PG_CHUNK_PAGES=1 "$S" export --db "$PG_DSN" -f $format -o chunks.out $filter 2>/dev/null &&
      "$S" export --db "$PG_DSN" -f $format -o gdal.out --through-gdal $filter 2>/dev/null &&
      [ -s chunks.out ] && cmp -s chunks.out gdal.out && ok || bad "exports by chunks of pages and through GDAL differ: $format $filter"
  done
done
# Two ingesters at once into one server: every report once, both succeed.
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE team" && psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d team -q -c "CREATE EXTENSION postgis"
TEAM="PG:host=127.0.0.1 port=$PG_PORT dbname=team user=postgres"
"$S" ingest --db "$TEAM" "${reports[@]}" 2>/dev/null  # makes the tables
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d team -q -c "TRUNCATE documents, events, mentions, readings"
"$S" ingest --db "$TEAM" --batch-size 4 "${reports[@]}" 2> a.err & a=$!
"$S" ingest --db "$TEAM" --batch-size 4 "${reports[@]}" 2> b.err & b=$!
wait $a; ra=$?; wait $b; rb=$?
echo "concurrent ingesters: $(cat a.err b.err | grep -c "meanwhile\|already stored") reports found stored by the other"
[ $ra -eq 0 ] && [ $rb -eq 0 ] && ok || bad "concurrent ingesters: exits $ra/$rb: $(tail -2 a.err b.err)"
team_n() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d team -tAc "$1"; }
[ "$(team_n "SELECT COUNT(*) FROM documents")" = "${#reports[@]}" ] && ok || bad "concurrent: $(team_n "SELECT COUNT(*) FROM documents") documents"
[ "$(team_n "SELECT COUNT(*) FROM events")" = "$(psql_n "SELECT COUNT(*) FROM events WHERE dataset = 'sitmap'")" ] && ok || bad "concurrent: events differ from a single ingest"

# Canonical events: two ingesters of overlapping reports at once (our own
# reports of one strike by three agencies, and its near misses, split
# between them with some in both) give the events one ingest gives.
canon() {
  python3 - "$1" <<'PY2'
import json, sys
rows = sorted("|".join(str(p[k]) for k in ("event_id", "event_date", "sub_event_type", "location", "fatalities", "source_count", "document_ids"))
              for p in (f["properties"] for f in json.load(open(sys.argv[1]))["features"]))
print("\n".join(rows))
PY2
}
F=$SRC/tests/fixtures/canonical
first=("$F"/wire_a_*.txt "$F"/wire_b_strike.txt "${reports[@]:0:12}")
second=("$F"/wire_b_*.txt "$F"/wire_c_*.txt "${reports[@]:8}")
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d team -q -c "TRUNCATE documents, events, mentions, readings"
"$S" ingest --db "$TEAM" --batch-size 1 "${first[@]}" 2> a.err & a=$!
"$S" ingest --db "$TEAM" --batch-size 1 "${second[@]}" 2> b.err & b=$!
wait $a; ra=$?; wait $b; rb=$?
[ $ra -eq 0 ] && [ $rb -eq 0 ] && ok || bad "concurrent canonical ingesters: exits $ra/$rb: $(tail -2 a.err b.err)"
"$S" ingest --db one.gpkg "$F"/*.txt "${reports[@]}" 2> /dev/null
"$S" export --db "$TEAM" -o team.geojson 2> /dev/null && "$S" export --db one.gpkg -o one.geojson 2> /dev/null
canon team.geojson > team.txt; canon one.geojson > one.txt
cmp -s team.txt one.txt && ok || bad "concurrent ingesters' canonical events differ from one ingest's: $(diff team.txt one.txt | head -5)"
grep -q "|Manbij|9|3|" team.txt && ok || bad "the three agencies' strike is not one event of 3 sources on PostGIS"
# The COPY reader on canonical events (source_count, document_ids,
# also_coded) and per report (the readings, then the imported rows of
# events) writes the bytes the GDAL path writes.
"$S" import "$SRC/tests/fixtures/import/acled_sample.csv" --as acled --db "$TEAM" 2>/dev/null
for per in "" "--per-report"; do
  for filter in "" "--from 2016-03-01 --to 2016-03-31" "--bbox 30,30,45,40 --from 2015-11-01" "--dataset acled"; do
    for format in geojson csv; do
      # shellcheck disable=SC2086
      "$S" export --db "$TEAM" -f $format -o copy.out $per $filter 2>/dev/null &&
        "$S" export --db "$TEAM" -f $format -o gdal.out --through-gdal $per $filter 2>/dev/null &&
        [ -s copy.out ] && cmp -s copy.out gdal.out && ok || bad "COPY and GDAL exports differ: $format $per $filter"
    done
  done
done
"$S" export --db "$TEAM" -f geojsonseq -o per.geojsonl --per-report 2>/dev/null
[ "$(grep -c '"canonical_id":"c' per.geojsonl)" = "$(team_n "SELECT COUNT(*) FROM readings")" ] && ok || bad "per-report export: not one row per reading"
grep -q reading_summary per.geojsonl copy.out && bad "reading_summary exported" || ok

# The viewer reads the same server (rendered offscreen).
bash "$SRC/tests/with_display.sh" "$S" render --db "$PG_DSN" --time 2015-11-15 --size 320x200 -o pg.png > out 2>&1
rc=$?
[ $rc -eq 77 ] || { [ $rc -eq 0 ] && [ -s pg.png ] && ok || bad "render from PostGIS: $(cat out)"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
