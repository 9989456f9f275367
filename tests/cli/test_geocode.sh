#!/usr/bin/env bash
# sitmap geocode: answers, exit codes, and the error for a broken index.
set -u
fail=0 pass=0
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
check() {  # check NAME EXPECTED_RC CMD...
  local name=$1 want=$2; shift 2
  "$@" > "$D/out" 2> "$D/err"; local rc=$?
  if [ "$rc" -eq "$want" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $name: exit $rc, wanted $want"; cat "$D/err"; fi
}
S=$SITMAP_BIN
check "known name" 0 "$S" geocode Raqqa
grep -q "35.95" "$D/out" || { echo "FAIL: Raqqa's latitude not printed"; fail=$((fail + 1)); }
check "json output" 0 "$S" geocode --json --limit 2 "Paris, Texas"
python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); assert d["candidates"][0]["country"]=="US", d' "$D/out" \
  || { echo "FAIL: Paris, Texas JSON"; fail=$((fail + 1)); }
check "signals in context" 0 "$S" geocode Bor --context "JUBA, Dec 19 (Reuters) - Fighting went on."
grep -q "1. Bor (city PPLA, SS" "$D/out" && grep -q "dateline+" "$D/out" \
  || { echo "FAIL: Bor in a Juba report should be South Sudan's, by its dateline"; cat "$D/out"; fail=$((fail + 1)); }
check "unknown name" 1 "$S" geocode Xqzzvtplk
grep -q 'no place named "Xqzzvtplk"' "$D/err" || { echo "FAIL: unknown-name message"; fail=$((fail + 1)); }
check "bad usage" 2 "$S" geocode
check "bad option" 2 "$S" geocode Raqqa --limit zero
head -c 1000 "$SITMAP_GAZETTEER" > "$D/cut.idx"
check "truncated index" 1 "$S" geocode --index "$D/cut.idx" Raqqa
grep -q 'sitmap gazetteer build' "$D/err" || { echo "FAIL: truncated-index message lacks the rebuild command"; fail=$((fail + 1)); }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
