# Shared by the shell tests that watch processes run: pass/fail counters, a
# feature count from a layer, and waiting on a condition with a deadline.
# Source it after `set -u`; the caller sets pass=0 fail=0.
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
# n STORE SQL: the single number an OGR SQL query returns.
n() { ogrinfo -ro -q "$1" -sql "$2" | awk '/ = / {print $NF; exit}'; }
# wait_until SECONDS COMMAND...: true once the command is, false after SECONDS.
wait_until() {
  local end=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -ge $end ] && return 1; sleep 0.2; done
}
