#!/usr/bin/env bash
# Golden tests: our sample reports (every expected event, no extras), and,
# when ../shared is present, the seed report and the geoparsing dev sets.
set -u
S=$SITMAP_BIN
rc=0
python3 "$SITMAP_SOURCE_DIR/tests/golden/score_samples.py" "$S" "$SITMAP_SOURCE_DIR/samples/reports" || rc=1
SH=$SITMAP_SHARED_DIR
if [ ! -d "$SH/seeds" ]; then
  echo "skipping seed and dev-set scoring: $SH is not here"
  exit $rc
fi
seed=$(mktemp)
trap 'rm -f "$seed"' EXIT
"$S" extract "$SH/seeds/000_37560e893544ee7d.txt" > "$seed" || rc=1
python3 "$SH/eval/score_events.py" "$SH/seeds/000_37560e893544ee7d.gold.json" "$seed" || rc=1
exit $rc
