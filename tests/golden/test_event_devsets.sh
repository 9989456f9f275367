#!/usr/bin/env bash
# Event extraction on the dev halves of ../shared/data/events, against floors
# a little under today's figures (they measure; they are not tuned to):
# CASE 2021 core-class accuracy >= 0.80 with a false-event rate <= 0.05;
# event location (Halterman 2019) attachment precision >= 0.75 at coverage >= 0.55.
set -u
SH=$SITMAP_SHARED_DIR
[ -f "$SH/data/events/case2021_dev.tsv" ] || { echo "skipping: $SH/data/events not here"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$SH/eval/score_case.py" "$SITMAP_BIN" "$SH/data/events/case2021_dev.tsv" | tee "$out/case"
python3 "$SH/eval/score_event_location.py" "$SITMAP_BIN" "$SH/data/events/event_location_dev.jsonl" | tail -2 | tee "$out/loc"
python3 - "$out/case" "$out/loc" <<'PY'
import re, sys
case = open(sys.argv[1]).read().splitlines()[-1]
loc = open(sys.argv[2]).read().splitlines()[-1]
acc, false_rate = map(float, re.findall(r"accuracy ([0-9.]+).*false-event rate ([0-9.]+)", case)[0])
prec, cov = map(float, re.findall(r"precision ([0-9.]+); coverage ([0-9.]+)", loc)[0])
ok = acc >= 0.80 and false_rate <= 0.05 and prec >= 0.75 and cov >= 0.55
print("event dev sets:", "ok" if ok else "BELOW THE FLOORS")
sys.exit(0 if ok else 1)
PY
