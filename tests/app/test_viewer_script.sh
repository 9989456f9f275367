#!/usr/bin/env bash
# A scripted session in a real viewer window (Xvfb + Mesa): set the time and
# window, filter, pin an event, drop a report on it, export the current
# layer, save a map image and frames, take a screenshot; then check the
# files. The layer must equal what `sitmap export` writes for the same
# filters (one code path).
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
trap 'rm -rf "$D"' EXIT
run() { bash "$SRC/tests/with_display.sh" "$@"; }
cd "$D"
reports=("$SRC"/samples/reports/*.txt)
"$S" ingest --db s.gpkg "${reports[@]:0:20}" 2>/dev/null || bad "ingest"
png_size() { python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]) if d[:8]==b'\x89PNG\r\n\x1a\n' else 'not-png')" "$1"; }
cat > script.txt <<SCRIPT
# a session
time 2015-11-20
window 2w
mode sliding
filter type Air/drone strike
view 39 35.5 4
select 12_raqqa_french_first-1
drop ${reports[20]} ${reports[21]}
play 3
pause
time 2015-11-20
export layer.geojson
export layer.csv
png map.png 800x450
frames frames 3
screenshot screen.png
quit
SCRIPT
run "$S" view s.gpkg --script script.txt --size 1280x800 --hidden > out 2>&1; rc=$?
[ $rc -eq 0 ] && ok || { bad "viewer exit $rc"; cat out; }
[ "$(png_size screen.png)" = 1280x800 ] && ok || bad "screenshot: $(png_size screen.png)"
[ "$(png_size map.png)" = 800x450 ] && ok || bad "map image: $(png_size map.png)"
[ "$(ls frames/frame_0000[0-2].png 2>/dev/null | wc -l)" = 3 ] && ok || bad "frames: $(ls frames 2>&1)"
[ "$(ogrinfo -ro -q s.gpkg -sql 'SELECT COUNT(*) FROM documents' | awk '/ = / {print $NF}')" = 22 ] && ok || bad "dropped reports not ingested"
"$S" export --db s.gpkg -o cli.geojson --type "Air/drone strike" --from 2015-11-07 --to 2015-11-20 2>/dev/null
a=$(ogrinfo -ro -al -so layer.geojson | awk '/Feature Count/ {print $3}'); b=$(ogrinfo -ro -al -so cli.geojson | awk '/Feature Count/ {print $3}')
[ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" -gt 0 ] && ok || bad "viewer layer $a events, sitmap export $b"
! grep -q '"sub_event_type":"[^A]' layer.geojson && ok || bad "the layer has other types"
[ "$(head -1 layer.csv | cut -d, -f1-3)" = "event_id_cnty,event_date,year" ] && ok || bad "CSV export"

printf 'time 2015-11-20\nwarp 9\n' > bad.txt
run "$S" view s.gpkg --script bad.txt --hidden > out 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "bad.txt:2: unknown action 'warp'" out && ok || bad "bad script: exit $rc, $(cat out)"
run "$S" render --db s.gpkg --time 2015-11-15 --window 7d --size 640x360 -o r.png 2> out && [ "$(png_size r.png)" = 640x360 ] && ok || bad "render: $(cat out)"
run "$S" render layer.geojson --size 320x200 -o g.png 2> out && [ "$(png_size g.png)" = 320x200 ] && grep -q "view.gpkg" out && ok || bad "render of a GeoJSON layer: $(cat out)"
run "$S" render --db missing.gpkg -o r.png > out 2>&1; [ $? -eq 1 ] && grep -q missing.gpkg out && ok || bad "render of a missing store"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
