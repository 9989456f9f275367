#!/usr/bin/env bash
# Canonical events end to end, on our own reports of one invented night
# (tests/fixtures/canonical: three agencies' reports of one air strike on
# Manbij, and four near misses): the three merge into one event with three
# sources; the strike a day later, the strike on Kobani 54 km away, the
# protest the same day and the Turkish shelling (another actor) stay apart;
# ingest order and batch size change nothing; a re-ingest adds nothing;
# --per-report gives every reading; `events explain` names the rules.
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
trap 'rm -rf "$D"' EXIT
cd "$D"
F=$SRC/tests/fixtures/canonical
reports=("$F"/*.txt)
"$S" ingest --db a.gpkg "${reports[@]}" 2> err && ok || bad "ingest: $(cat err)"
"$S" export --db a.gpkg -o a.geojson 2> /dev/null && ok || bad "export"
# One line per event: its sources, reports and main fields, sorted.
summary() {
  python3 - "$1" <<'PY'
import json, sys
rows = []
for f in json.load(open(sys.argv[1]))["features"]:
    p = f["properties"]
    rows.append("|".join(str(x) for x in (p["event_id"], p["event_date"], p["sub_event_type"], p["location"], p["actor1"],
                                          p["fatalities"], p["source_count"], ",".join(p["document_ids"] or []), p["confidence"])))
print("\n".join(sorted(rows)))
PY
}
summary a.geojson > a.txt
[ "$(wc -l < a.txt)" = 5 ] && ok || bad "want 5 events, got: $(cat a.txt)"
grep -q "|Manbij|Military Forces of Russia|9|3|wire_a_strike,wire_b_strike,wire_c_strike|" a.txt && ok ||
  bad "the three agencies' strike is not one event of 3 sources with the lowest toll (9): $(cat a.txt)"
for doc in wire_a_next_day wire_b_kobani wire_c_protest wire_a_turkish_shelling; do
  grep -q "|1|$doc|" a.txt && ok || bad "$doc is not an event of its own: $(cat a.txt)"
done

# Another order, one report a batch: the same events, the same ids.
reversed=($(printf '%s\n' "${reports[@]}" | sort -r))
"$S" ingest --db b.gpkg --batch-size 1 "${reversed[@]}" 2> /dev/null
"$S" export --db b.gpkg -o b.geojson 2> /dev/null
summary b.geojson > b.txt
cmp -s a.txt b.txt && ok || bad "ingest order changed the events: $(diff a.txt b.txt)"
# Half first, the rest later (reports meeting stored readings).
"$S" ingest --db c.gpkg "$F/wire_c_strike.txt" "$F/wire_a_next_day.txt" 2> /dev/null
"$S" ingest --db c.gpkg "${reports[@]}" 2> /dev/null
"$S" export --db c.gpkg -o c.geojson 2> /dev/null
summary c.geojson > c.txt
cmp -s a.txt c.txt && ok || bad "two ingests differ from one: $(diff a.txt c.txt)"

# Re-ingest adds nothing.
"$S" ingest --db a.gpkg "${reports[@]}" 2> err
grep -q "0 reports stored" err && ok || bad "re-ingest: $(tail -1 err)"
"$S" export --db a.gpkg -o a2.geojson 2> /dev/null
summary a2.geojson > a2.txt
cmp -s a.txt a2.txt && ok || bad "re-ingest changed the events"

# Per report: every reading, each naming its canonical event.
"$S" export --db a.gpkg --per-report -o r.geojson 2> /dev/null && ok || bad "--per-report export"
n=$(python3 -c "import json,sys; f=json.load(open('r.geojson'))['features']; print(len(f), len({x['properties']['canonical_id'] for x in f}))" )
[ "$n" = "7 5" ] && ok || bad "--per-report: want 7 readings of 5 events, got $n"
"$S" export --db a.gpkg --per-report -o r.csv 2> /dev/null && head -1 r.csv | grep -q canonical_id && ok || bad "--per-report CSV"
[ "$(($(wc -l < r.csv) - 1))" = 7 ] && ok || bad "--per-report CSV rows: $(wc -l < r.csv)"

# Why: the merged pair passed every rule; the near misses name the rule they failed.
"$S" events explain wire_b_strike-1 --db a.gpkg > why 2> err && ok || bad "explain: $(cat err)"
grep -q "3 reading(s) from 3 report(s), 3 independent source(s)" why && ok || bad "explain header: $(head -1 why)"
grep -q "wire_a_strike-1 + wire_b_strike-1: the same event" why && ok || bad "explain: merged pair"
grep -q "FAIL date: 2016-03-03 (precision 1) misses 2016-03-04" why && ok || bad "explain: the next day's strike"
grep -q "FAIL place: Manbij / .*53.8 km apart" why && ok || bad "explain: Kobani"
grep -q "FAIL actors: .*Russia.* contradict .*T[^ ]*rkiye" why && ok || bad "explain: the Turkish shelling"
"$S" events explain nothing-1 --db a.gpkg > /dev/null 2>&1; [ $? -eq 1 ] && ok || bad "explain of an unknown id should exit 1"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
