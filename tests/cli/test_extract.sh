#!/usr/bin/env bash
# sitmap extract / geoparse on bad input: a clear per-document error naming
# the file and line, a non-zero exit, and the rest of the batch goes on.
set -u
S=$SITMAP_BIN; D=$(mktemp -d); fail=0 pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
printf 'Staff\nLast updated: 16 November, 2015\n\nT\n\nFrench jets bombed Raqqa on Sunday.\n' > "$D/good.txt"
: > "$D/empty.txt"
printf 'abc\0def' > "$D/binary.txt"
"$S" extract "$D/empty.txt" "$D/binary.txt" "$D/good.txt" > "$D/out" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] && ok || bad "exit $rc for a batch with bad files"
grep -q "empty.txt:1: empty file" "$D/err" && ok || bad "no error naming empty.txt"
grep -q "binary.txt:1: binary" "$D/err" && ok || bad "no error naming binary.txt"
grep -q '"location":"Ar Raqqah"' "$D/out" && ok || bad "the good file's event is missing"
printf '%s\n' '{"id":"a","text":"French jets bombed Raqqa on Sunday.","published":"2015-11-16"}' 'oops' \
  '{"id":"b","text":"It happened on February 30. 1e400 people were killed in Paris.","published":"2015-11-16"}' > "$D/in.jsonl"
"$S" geoparse < "$D/in.jsonl" > "$D/geo" 2> "$D/err"; rc=$?
[ $rc -eq 0 ] && ok || bad "geoparse exit $rc"
[ "$(wc -l < "$D/geo")" -eq 3 ] && ok || bad "geoparse wrote $(wc -l < "$D/geo") lines, not 3"
sed -n 2p "$D/geo" | grep -q '"error":"<stdin>:2: not JSON' && ok || bad "line 2 error"
"$S" extract --jsonl < "$D/in.jsonl" > "$D/ev" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] && ok || bad "extract --jsonl exit $rc"
grep -q '<stdin>:2:' "$D/err" && ok || bad "extract --jsonl names the bad line"
grep -q '"document_id":"a"' "$D/ev" && ok || bad "document a's event missing"
! grep -q '"fatalities":1' "$D/ev" && ok || bad "an absurd count was taken"
"$S" extract > /dev/null 2>&1; [ $? -eq 2 ] && ok || bad "no files: usage error"
# --published dates a report that gives no date of its own, never one that does.
printf 'BAMAKO, Mali (AP) - Gunmen attacked a village near Mopti on Tuesday, killing four people.\n' > "$D/undated.txt"
"$S" extract --published 2019-06-07 "$D/undated.txt" "$D/good.txt" > "$D/out" 2> "$D/err"; rc=$?
[ $rc -eq 0 ] && ok || bad "extract --published exit $rc: $(cat "$D/err")"
grep '"document_id":"undated"' "$D/out" | grep -q '"event_date":"2019-06-04"' && ok || bad "the undated report's Tuesday is not 2019-06-04"
grep '"document_id":"good"' "$D/out" | grep -q '"event_date":"2015-11-15"' && ok || bad "--published displaced the report's own date"
"$S" extract --published 2019-02-30 "$D/undated.txt" > /dev/null 2> "$D/err"; rc=$?
[ $rc -eq 2 ] && grep -q "not a date" "$D/err" && ok || bad "a bad --published: exit $rc, $(cat "$D/err")"
# A dateline with no year in a report that writes none: the year guessed is said on stderr, with the way to set it.
printf 'TUNIS, March 18 (Xinhua) -- Gunmen attacked a museum in Tunis on Wednesday, killing 19 people.\n' > "$D/yearless.txt"
"$S" extract "$D/yearless.txt" > "$D/out" 2> "$D/err"; rc=$?
[ $rc -eq 0 ] && grep -q "yearless.txt: byte 0: the report writes no year" "$D/err" && grep -q -- "--published" "$D/err" && ok ||
  bad "no warning of a guessed year: exit $rc, $(cat "$D/err")"
"$S" extract --published 2015-03-18 "$D/yearless.txt" > "$D/out" 2> "$D/err"
! grep -q "writes no year" "$D/err" && grep -q '"event_date":"2015-03-18"' "$D/out" && ok || bad "--published did not set the year: $(cat "$D/err")"
# Confidence: the model's probability; --min-confidence leaves out events below it, as export's option;
# --confidence-features shows the inputs it read.
"$S" extract --confidence-features "$D/good.txt" > "$D/out" 2> "$D/err" && ok || bad "extract --confidence-features: $(cat "$D/err")"
python3 - "$D/out" <<'PY' && ok || bad "no confidence in (0, 1) or no inputs beside it: $(cat "$D/out")"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert events and all(0 < e["confidence"] < 1 and e["confidence_features"]["rule_confidence"] > 0 for e in events)
PY
"$S" extract --min-confidence 1 "$D/good.txt" > "$D/out" 2> "$D/err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$D/out" ] && ok || bad "--min-confidence 1 kept events (exit $rc)"
"$S" extract --min-confidence 1.5 "$D/good.txt" > /dev/null 2> "$D/err"; rc=$?
[ $rc -eq 2 ] && ok || bad "--min-confidence 1.5 accepted (exit $rc)"
# summary of a hand-edited events file: odd values are shown, a non-object names its line.
printf '%s\n' '{"fatalities":1e300,"background":"x","sub_event_type":5}' '[1,2]' > "$D/odd.jsonl"
"$S" summary "$D/odd.jsonl" > "$D/out" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] && grep -q "odd.jsonl:2: not a JSON event" "$D/err" && ok || bad "summary of odd events: exit $rc, $(cat "$D/err")"
rm -rf "$D"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
