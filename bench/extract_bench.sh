#!/usr/bin/env bash
# Throughput of `sitmap geoparse` and `sitmap extract --jsonl` on one core,
# with peak memory. usage: extract_bench.sh SITMAP DOCS.jsonl
set -eu
S=$1 DOCS=$2
[ -f "$DOCS" ] || { echo "extract_bench: $DOCS not here (it lives in ../shared/data/geoparse)"; exit 0; }
tmp=$(mktemp -d)
python3 -c 'import json,sys
docs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for r in range(10):
        for d in docs:
            out.write(json.dumps({"id": "%s-%d" % (d["id"], r), "text": d["text"], "published": d.get("published")}) + "\n")' "$DOCS" "$tmp/in.jsonl"
n=$(wc -l < "$tmp/in.jsonl")
for cmd in geoparse "extract --jsonl"; do
  /usr/bin/time -f "%e %M" -o "$tmp/time" taskset -c 0 $S $cmd < "$tmp/in.jsonl" > /dev/null
  read -r secs kb < "$tmp/time"
  python3 -c "import sys; n,s,kb=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{sys.argv[4]:<16} {n} documents in {s:.2f} s: {n/s:,.0f} documents/s on one core, peak {kb/1024:.0f} MB')" "$n" "$secs" "$kb" "$cmd"
done
rm -rf "$tmp"
