#!/usr/bin/env bash
# sitmap ingest / export / import end to end, checked with GDAL's own tools:
# ogrinfo lists the layers and counts, the Raqqa event's point, GeoJSON that
# ogr2ogr round-trips, ACLED's CSV header, and the exit codes of bad usage.
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
trap 'rm -rf "$D"' EXIT
cd "$D"
reports=("$SRC"/samples/reports/*.txt)
seed=$SITMAP_SHARED_DIR/seeds/000_37560e893544ee7d.txt
if [ -f "$seed" ]; then reports+=("$seed"); else echo "note: $seed absent, testing the samples only"; fi
n_docs=${#reports[@]}
n_events=$("$S" extract "${reports[@]}" | wc -l)

"$S" ingest "${reports[@]}" 2> err; rc=$?
[ $rc -eq 0 ] && ok || bad "ingest exit $rc: $(cat err)"
[ -f sitmap.gpkg ] && ok || bad "no sitmap.gpkg in the working directory"
ogrinfo -al -so sitmap.gpkg > info
count() { awk -v L="$1" '/^Layer name:/ {l=$3} /^Feature Count:/ && l==L {print $3}' info; }
[ "$(count documents)" = "$n_docs" ] && ok || bad "documents: $(count documents), want $n_docs"
# Every extracted event is a reading; the events layer holds canonical events (as many or fewer).
[ "$(count readings)" = "$n_events" ] && ok || bad "readings: $(count readings), want $n_events"
n_canonical=$(count events)
[ "$n_canonical" -gt 0 ] && [ "$n_canonical" -le "$n_events" ] && ok || bad "events: $n_canonical, want 1..$n_events"
[ "$(count mentions)" -gt "$n_events" ] && ok || bad "mentions: $(count mentions)"
grep -q "^event_date: Date" info && ok || bad "event_date is not a Date column"
ogrinfo -ro -q sitmap.gpkg -sql "SELECT name FROM sqlite_master WHERE name IN ('events_event_date_idx','rtree_events_geom')" > idx
grep -q events_event_date_idx idx && grep -q rtree_events_geom idx && ok || bad "date or spatial index missing"
if [ -f "$seed" ]; then
  ogrinfo -ro -q sitmap.gpkg -sql "SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM readings WHERE document_id = '000_37560e893544ee7d' AND location = 'Ar Raqqah' AND sub_event_type = 'Air/drone strike'" > raqqa
  x=$(awk '/ x \(Real\)/ {print $4; exit}' raqqa); y=$(awk '/ y \(Real\)/ {print $4; exit}' raqqa)
  awk -v x="$x" -v y="$y" 'BEGIN { exit !(x > 38.99 && x < 39.02 && y > 35.94 && y < 35.96) }' && ok || bad "Raqqa point at $x,$y"
fi

"$S" ingest "${reports[@]}" 2> err; rc=$?
[ $rc -eq 0 ] && ok || bad "re-ingest exit $rc"
grep -q "0 reports stored.*$n_docs already stored" err && ok || bad "re-ingest did not say so: $(tail -1 err)"
ogrinfo -ro -q sitmap.gpkg -sql "SELECT COUNT(*) AS n FROM readings" | grep -q "n (Integer) = $n_events" && ok || bad "re-ingest changed the readings count"
ogrinfo -ro -q sitmap.gpkg -sql "SELECT COUNT(*) AS n FROM events" | grep -q "n (Integer) = $n_canonical" && ok || bad "re-ingest changed the events count"

# A progress bar on a terminal (script(1) gives the command one), none in a pipe.
if command -v script > /dev/null; then
  script -qec "$S ingest --db tty.gpkg ${reports[*]:0:5}" /dev/null > tty.out 2>&1
  grep -q "docs/s.*ETA" tty.out && ok || bad "no progress bar on a terminal: $(tail -c 300 tty.out)"
fi
! grep -q "ETA" err && ok || bad "progress bar written to a file"

"$S" export -o all.geojson 2> err && ok || bad "export: $(cat err)"
ogrinfo -ro -al -so all.geojson | grep -q "Feature Count: $n_canonical" && ok || bad "GeoJSON count"
ogr2ogr -f GeoJSON round.geojson all.geojson && ogrinfo -ro -al -so round.geojson | grep -q "Feature Count: $n_canonical" && ok || bad "ogr2ogr round trip"
"$S" export -o all.csv && head -1 all.csv | grep -q '^event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude' && ok || bad "CSV header"
"$S" export -o week.fgb --from 2015-11-13 --to 2015-11-19 --country SY --type "Air/drone strike" 2> err && ok || bad "filtered export: $(cat err)"
# FlatGeobuf has no date type: GDAL reads the days back as DateTime.
ogrinfo -ro -al week.fgb | grep -q "event_date (DateTime) = 2015/11/1[3-9]" && ok || bad "filtered export is empty"
! ogrinfo -ro -al week.fgb | grep "event_date (DateTime)" | grep -qv "2015/11/1[3-9]" && ok || bad "filtered export has days outside the window"

"$S" export -o x.geojson --t-srs EPSG:3857 2> err; [ $? -eq 2 ] && grep -q "WGS 84" err && ok || bad "--t-srs for GeoJSON not refused"
"$S" export -o x.geojson --bbox 1,2 2> err; [ $? -eq 2 ] && ok || bad "bad bbox not a usage error"
"$S" export -o x.geojson --from 2015-02-30 2> err; [ $? -eq 2 ] && ok || bad "bad date not a usage error"
"$S" export --db missing.gpkg -o x.geojson 2> err; [ $? -eq 1 ] && grep -q "missing.gpkg" err && ok || bad "missing store"
[ ! -f missing.gpkg ] && ok || bad "export created a store"

# Hostile inputs in a batch fail alone (once, a 40 KB attribute or date
# overflowed the stack in std::regex and every rerun died on the same file).
python3 - <<'PY'
long_attr = "<html><head><meta name=\"date\" content=\"" + "2" * 60000 + "\"></head><body><time datetime=\"" + "a" * 60000 + "\">x</time><p>French warplanes struck Raqqa on Sunday.</p></body></html>"
open("hostile.html", "w").write(long_attr)
import json
with open("hostile.jsonl", "w") as f:
    f.write(json.dumps({"id": "h1", "text": "Russian jets hit Homs.", "published": "1" + " " * 100000}) + "\n")
    f.write(json.dumps({"id": "h2", "text": "Shelling hit Aleppo on Monday.", "published": "2015-11-16"}) + "\n")
PY
"$S" ingest --db hostile.gpkg "${reports[0]}" hostile.html hostile.jsonl "${reports[1]}" 2> err; rc=$?
[ $rc -eq 1 ] && ok || bad "hostile batch: exit $rc (want 1: one bad line)"
grep -q 'hostile.jsonl:1: "published" is not a date' err && ok || bad "hostile batch: no error for the bad line: $(head -c 300 err)"
[ "$(ogrinfo -ro -q hostile.gpkg -sql 'SELECT COUNT(*) FROM documents' | awk '/ = / {print $NF}')" = 4 ] && ok || bad "hostile batch: not every good report stored"
"$S" extract hostile.html > /dev/null 2> err && ok || bad "extract of a huge attribute: $(head -c 300 err)"

"$S" import "$SRC/tests/fixtures/import/acled_sample.csv" --as acled 2> err; rc=$?
[ $rc -eq 1 ] && grep -q "acled_sample.csv:5:" err && ok || bad "ACLED import: exit $rc, $(cat err)"
"$S" export -o acled.csv --dataset acled && [ "$(tail -n +2 acled.csv | grep -c '^[A-Z][A-Z][A-Z]900')" = 3 ] && ok || bad "ACLED rows not exported"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
