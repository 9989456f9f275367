#!/usr/bin/env bash
# `sitmap bench-render --headless` draws with no window system at all (an
# EGL context on a device: the GPU of a headless server; here Mesa's
# software device), so DISPLAY is unset. Each count's markers and density
# frames are timed, and scrubbing the timeline uploads nothing. The store's
# first frames are the viewer's window's: asked for with --headless, they
# are refused before any store is made.
set -u
S=$SITMAP_BIN; D=$(mktemp -d); fail=0 pass=0
source "$SITMAP_SOURCE_DIR/tests/script_lib.sh"
trap 'rm -rf "$D"' EXIT

out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$S" bench-render --headless --events 2000 --events 30000 --frames 6 --size 320x200 2>&1) \
  && ok || bad "bench-render --headless failed: $out"
grep -q '^headless context (EGL, .*): [0-9]* ms$' <<< "$out" && ok || bad "no headless context line: $out"
grep -q '^renderer: ' <<< "$out" && ok || bad "no renderer line: $out"
for n in 2000 30000; do
  grep -q "^$n events: table + upload" <<< "$out" && ok || bad "no table line for $n events: $out"
done
frames=$(grep -cE '^  (markers|density) +[0-9]+ frames: median +[0-9.]+ ms, p99 +[0-9.]+ ms' <<< "$out")
[ "$frames" -eq 4 ] && ok || bad "want 4 timed runs (2 counts x markers, density), got $frames: $out"
uploads=$(grep -c 'uploaded per frame 0 bytes' <<< "$out")
[ "$uploads" -eq 4 ] && ok || bad "scrubbing uploaded bytes in $((4 - uploads)) runs: $out"

err=$(env -u DISPLAY "$S" bench-render --headless --store "$D/s.gpkg" --events 1000 2>&1) && bad "--store with --headless accepted" || ok
grep -q -- '--store.*--headless' <<< "$err" && ok || bad "no message naming --store and --headless: $err"
[ ! -e "$D/s.gpkg" ] && ok || bad "a store was made although the run was refused"

echo "bench_render_headless: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
