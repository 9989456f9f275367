#!/usr/bin/env bash
# End-to-end geoparsing on the development sets, with floors under today's
# figures (issue 12: LGL F1 0.884, Acc@161 0.923, end-to-end 0.844; GeoVirus
# 0.870, 0.926, 0.877): LGL F1 >= 0.87, Acc@161 >= 0.91, end-to-end >= 0.83;
# GeoVirus F1 >= 0.86, Acc@161 >= 0.915, end-to-end >= 0.865.
set -u
SH=$SITMAP_SHARED_DIR/data/geoparse
[ -f "$SH/lgl.jsonl" ] || { echo "skipping: $SH not here"; exit 77; }
pass=0 fail=0
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
for spec in "lgl 0.87 0.91 0.83" "geovirus 0.86 0.915 0.865"; do
  set -- $spec
  python3 -c 'import json,sys
for l in open(sys.argv[1]):
    d = json.loads(l); print(json.dumps({"id": d["id"], "text": d["text"], "published": d.get("published")}))' "$SH/$1.jsonl" \
    | "$SITMAP_BIN" geoparse > "$D/$1.pred"
  python3 "$SITMAP_SHARED_DIR/eval/score_geoparse.py" "$SH/$1.jsonl" "$D/$1.pred" --json > "$D/$1.score"
  if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(sys.argv[2], "F1", r["f1"], "Acc@161", r["acc161_matched"], "end-to-end", r["acc161_end_to_end"])
sys.exit(0 if r["f1"] >= float(sys.argv[3]) and r["acc161_matched"] >= float(sys.argv[4]) and r["acc161_end_to_end"] >= float(sys.argv[5]) else 1)' \
      "$D/$1.score" "$1" "$2" "$3" "$4"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
