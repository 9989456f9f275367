#!/usr/bin/env bash
# A viewer (Xvfb) open on a GeoPackage shows the events a `sitmap watch`
# adds while it runs, without a restart: its table (the script's `table`
# export of what it holds in memory) has every event of the store, new
# ones included, with the newest day in the window because it is pinned to
# now; the count of events arrived since the user looked is theirs, and
# moving the window clears it. A report the watch adds to an event the
# viewer already holds (the Tunis bombing, told again by a wire) rewrites
# that row in place: the table shows its two sources, as the store does.
# Then the same on PostGIS.
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
source "$SITMAP_SOURCE_DIR/tests/script_lib.sh"
watcher=
trap '[ -n "$watcher" ] && kill -9 $watcher 2>/dev/null; rm -rf "$D"' EXIT
rows() { echo $(($(wc -l < "$1") - 1)); }
reports=("$SRC"/samples/reports/*.txt)   # dated in order: the later ones extend the time range
first=("${reports[@]:0:5}" "$SRC/samples/reports/17_tunis_bus.txt")                # to 24 November
mkdir "$D/later"
cp "${reports[@]:17:4}" "$SRC/samples/reports/26_tunis_bus_wire.txt" "$D/later/"   # to 27 December, and Tunis again

# follow STORE: the viewer opened on STORE with 6 reports, a watch adding 5 more (one of them a second report of an event the viewer holds).
follow() {
  local store=$1 what=$2 n0 n1 newest
  "$S" ingest --db "$store" "${first[@]}" 2>/dev/null || bad "$what: ingest"
  "$S" ingest --db "$D/all-$what.gpkg" "${first[@]}" "$D"/later/*.txt 2>/dev/null || bad "$what: ingest of all"
  n0=$(n "$store" "SELECT COUNT(*) FROM events WHERE event_date IS NOT NULL")
  n1=$(n "$D/all-$what.gpkg" "SELECT COUNT(*) FROM events WHERE event_date IS NOT NULL")
  newest=$(n "$D/all-$what.gpkg" "SELECT MAX(event_date) FROM events")
  [ "$n1" -gt "$n0" ] && ok || bad "$what: the later reports add no events ($n0, $n1)"
  cat > "$D/follow.txt" <<SCRIPT
mode cumulative
pin on
expect_events $n0 60
expect_new 0
table $D/before.csv
expect_events $n1 120
expect_new $((n1 - n0))
table $D/after.csv
png $D/after.png 640x360
time 2015-10-01
expect_new 0
quit
SCRIPT
  rm -f "$D/before.csv" "$D/after.csv"
  timeout 300 bash "$SRC/tests/with_display.sh" "$S" view "$store" --script "$D/follow.txt" --hidden --size 1024x700 > "$D/view.out" 2>&1 &
  local viewer=$!
  wait_until 120 test -s "$D/before.csv" || bad "$what: the viewer did not start: $(cat "$D/view.out")"
  "$S" watch "$D/later" --db "$store" 2> "$D/watch.log" &
  watcher=$!
  wait $viewer; local rc=$?
  [ $rc -eq 0 ] && ok || { [ $rc -eq 77 ] && { echo "skip: no display"; exit 77; }; bad "$what: viewer exit $rc: $(cat "$D/view.out")"; }
  kill -INT $watcher; wait $watcher; watcher=
  [ "$(rows "$D/before.csv")" = "$n0" ] && ok || bad "$what: the table held $(rows "$D/before.csv") events at first, the store $n0"
  [ "$(rows "$D/after.csv")" = "$n1" ] && ok || bad "$what: the table holds $(rows "$D/after.csv") events after the watch, the store $n1"
  # The very events of the store, by feature id.
  diff <(cut -d, -f1 "$D/after.csv" | tail -n +2 | sort -n) \
       <(ogrinfo -ro -q "$store" -sql "SELECT fid + 0 AS id FROM events WHERE event_date IS NOT NULL" | awk '/ id \(/ {print $NF}' | sort -n) > /dev/null &&
    ok || bad "$what: the table's events are not the store's"
  tail -n +2 "$D/after.csv" | cut -d, -f2 | sort | tail -1 | grep -qx "$newest" && ok || bad "$what: the newest day $newest is not in the pinned window"
  # Every row's sources as the store has them now: the Tunis event's row, rewritten in place, with two.
  local want="$D/sources-$what.txt"
  ogrinfo -ro -q "$store" -sql "SELECT fid + 0 AS id, source_count FROM events WHERE event_date IS NOT NULL" |
    awk '/ id \(/ {id=$NF} / source_count \(/ {print id "," $NF}' | sort > "$want"
  [ "$(tail -n +2 "$D/before.csv" | awk -F, '$NF != 1' | wc -l)" = 0 ] && ok || bad "$what: a row of several sources before the watch"
  diff <(tail -n +2 "$D/after.csv" | awk -F, '{print $1 "," $NF}' | sort) "$want" > /dev/null &&
    ok || bad "$what: the table's sources are not the store's: $(diff <(tail -n +2 "$D/after.csv" | awk -F, '{print $1 "," $NF}' | sort) "$want" | head -4 | tr '\n' ' ')"
  grep -q ',2$' "$want" && ok || bad "$what: the store has no event of two sources"
  [ -s "$D/after.png" ] && ok || bad "$what: no map image"
}

follow "$D/s.gpkg" gpkg

# PostGIS, when it is installed (the server as the store tests start it).
if [ -x "${PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then
  source "$SRC/tests/store/pg_server.sh"
  trap '[ -n "$watcher" ] && kill -9 $watcher 2>/dev/null; pg_stop; rm -rf "$D"' EXIT
  pg_start
  follow "$PG_DSN" postgis
else
  echo "PostGIS not installed: its part skipped"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
