#!/usr/bin/env bash
# `sitmap watch` fed files while it runs: a report there at the start, a
# new report copied in, one renamed in, one written in two goes while held
# open, lines appended to a JSON Lines file (one bad, one written without
# its newline first), an RSS file rewritten with a new item and a bad one.
# Each document is stored once (no duplicate content, each id once), bad
# items and lines are told as FILE:LINE: ..., and the watch keeps going.
# Ctrl+C (SIGINT) stops it with exit 0; a second watch adds nothing. Then
# SIGINT in the middle of a large JSON Lines file: what was stored stays,
# a rerun adds the rest, and the store equals one `sitmap ingest` of it.
set -u
S=$SITMAP_BIN; SRC=$SITMAP_SOURCE_DIR; D=$(mktemp -d); fail=0 pass=0
source "$SITMAP_SOURCE_DIR/tests/script_lib.sh"
watcher=
trap '[ -n "$watcher" ] && kill -9 $watcher 2>/dev/null; rm -rf "$D"' EXIT
logged() { grep -qF -- "$1" "$D/watch.log"; }
docs_are() { [ "$(n "$D/s.gpkg" 'SELECT COUNT(*) FROM documents' 2>/dev/null)" = "$1" ]; }
reports=("$SRC"/samples/reports/*.txt)
mkdir "$D/in"
cp "${reports[0]}" "$D/in/"

"$S" watch "$D/in" --db "$D/s.gpkg" 2> "$D/watch.log" &
watcher=$!
wait_until 60 logged "$(basename "${reports[0]}"): 1 new" && ok || bad "the report there at the start was not read: $(cat "$D/watch.log")"

cp "${reports[1]}" "$D/in/"                                       # a new file (closed after writing)
cp "${reports[2]}" "$D/in/.incoming.part" && mv "$D/in/.incoming.part" "$D/in/moved.txt"   # moved in
exec 3> "$D/in/slow.txt"                                          # written in two goes, held open between
head -c 200 "${reports[3]}" >&3
sleep 0.6
tail -c +201 "${reports[3]}" >&3
exec 3>&-
cat >> "$D/in/feed.jsonl" <<'JSONL'
{"id": "line-1", "text": "Air strikes hit Raqqa in Syria on 16 November 2015, killing five people.", "published": "2015-11-16"}
{"id": "line-2", "text": 42}
{"id": "line-3", "text": "Shelling struck Aleppo in Syria on 17 November 2015, killing three civilians.", "published": "2015-11-17"}
JSONL
printf '{"id": "line-4", "text": "Militants attacked a checkpoint near Mosul in Iraq on 18 November 2015' >> "$D/in/feed.jsonl"
cat > "$D/in/news.rss" <<'RSS'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title>
<item><guid>rss-1</guid><title>Strikes on Idlib</title><pubDate>Mon, 16 Nov 2015 08:00:00 GMT</pubDate>
<description>Air strikes hit Idlib in Syria on Monday, killing four people, activists said.</description></item>
<item><guid>rss-2</guid><title>Clashes near Homs</title><pubDate>Mon, 16 Nov 2015 09:00:00 GMT</pubDate>
<description>Rebels and government forces clashed near Homs in Syria on Monday.</description></item>
</channel></rss>
RSS
wait_until 60 docs_are 8 && ok || bad "want 8 documents stored, have $(n "$D/s.gpkg" 'SELECT COUNT(*) FROM documents'): $(cat "$D/watch.log")"
sleep 0.5
[ "$(n "$D/s.gpkg" "SELECT COUNT(*) FROM documents WHERE document_id = 'line-4'")" = 0 ] && ok || bad "a line without its newline was read"
printf ', killing two soldiers.", "published": "2015-11-18"}\n' >> "$D/in/feed.jsonl"
# The feed rewritten: its two items, a new one, and one without text.
cat > "$D/in/news.rss.tmp" <<'RSS'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title>
<item><guid>rss-3</guid><title>Shelling in Deir ez-Zor</title><pubDate>Tue, 17 Nov 2015 07:00:00 GMT</pubDate>
<description>Shelling hit Deir ez-Zor in Syria on Tuesday, killing six people.</description></item>
<item><guid>rss-4</guid><title>No text</title><pubDate>Tue, 17 Nov 2015 08:00:00 GMT</pubDate></item>
<item><guid>rss-1</guid><title>Strikes on Idlib</title><pubDate>Mon, 16 Nov 2015 08:00:00 GMT</pubDate>
<description>Air strikes hit Idlib in Syria on Monday, killing four people, activists said.</description></item>
<item><guid>rss-2</guid><title>Clashes near Homs</title><pubDate>Mon, 16 Nov 2015 09:00:00 GMT</pubDate>
<description>Rebels and government forces clashed near Homs in Syria on Monday.</description></item>
</channel></rss>
RSS
mv "$D/in/news.rss.tmp" "$D/in/news.rss"
wait_until 60 docs_are 10 && ok || bad "want 10 documents after the new line and the new item, have $(n "$D/s.gpkg" 'SELECT COUNT(*) FROM documents')"
wait_until 10 logged "news.rss: 1 new, 2 already stored, 1 failed" && ok || bad "rewritten feed: $(grep news.rss "$D/watch.log")"
grep -qE "feed.jsonl:2: no \"text\" string" "$D/watch.log" && ok || bad "bad line not told as FILE:LINE: $(grep feed.jsonl "$D/watch.log")"
grep -qE "news.rss:[0-9]+: item 2: no text" "$D/watch.log" && ok || bad "bad item not told as FILE:LINE: item N: $(grep news.rss "$D/watch.log")"
kill -0 $watcher 2>/dev/null && ok || bad "the watch stopped on bad input"

kill -INT $watcher; wait $watcher; rc=$?; watcher=
[ $rc -eq 0 ] && ok || bad "exit $rc after SIGINT"
grep -q "sitmap watch: stopped: " "$D/watch.log" && ok || bad "no closing line: $(tail -2 "$D/watch.log")"
for id in "$(basename "${reports[0]}" .txt)" "$(basename "${reports[1]}" .txt)" moved slow line-1 line-3 line-4 rss-1 rss-2 rss-3; do
  [ "$(n "$D/s.gpkg" "SELECT COUNT(*) FROM documents WHERE document_id = '$id'")" = 1 ] && ok || bad "document $id stored $(n "$D/s.gpkg" "SELECT COUNT(*) FROM documents WHERE document_id = '$id'") times"
done
[ "$(n "$D/s.gpkg" 'SELECT COUNT(DISTINCT content_hash) FROM documents')" = 10 ] && ok || bad "duplicate contents"
want=$(wc -c < "${reports[3]}")
got=$(n "$D/s.gpkg" "SELECT LENGTH(text) FROM documents WHERE document_id = 'slow'")
[ "${got:-0}" -gt 200 ] && ok || bad "the file written in two goes was read half written ($got of $want bytes)"

# Started again: what is there is already stored.
events=$(n "$D/s.gpkg" 'SELECT COUNT(*) FROM events')
"$S" watch "$D/in" --db "$D/s.gpkg" 2> "$D/watch.log" &
watcher=$!
wait_until 60 logged "news.rss: 0 new, 3 already stored, 1 failed" && ok || bad "second watch: $(cat "$D/watch.log")"
kill -INT $watcher; wait $watcher; rc=$?; watcher=
[ $rc -eq 0 ] && ok || bad "second watch: exit $rc"
docs_are 10 && [ "$(n "$D/s.gpkg" 'SELECT COUNT(*) FROM events')" = "$events" ] && ok || bad "the second watch added something"

# SIGINT mid-batch: 2,000 reports in one JSON Lines file, a batch of 16 at a time.
python3 - "$SRC/samples/reports" "$D/big/big.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(out))
texts = [open(os.path.join(src, f)).read() for f in sorted(os.listdir(src)) if f.endswith('.txt')]
with open(out, 'w') as f:
    for i in range(2000):
        f.write(json.dumps({"id": f"r{i}", "text": texts[i % len(texts)] + f"\n(Archive copy {i}.)\n", "published": "2015-11-16"}) + "\n")
PY
"$S" ingest --db "$D/clean.gpkg" "$D/big/big.jsonl" 2> /dev/null || bad "clean ingest failed"
"$S" watch "$D/big" --db "$D/big.gpkg" --batch-size 16 2> "$D/watch.log" &
watcher=$!
stored_some() { local c; c=$(n "$D/big.gpkg" 'SELECT COUNT(*) FROM documents' 2>/dev/null); [ "${c:-0}" -ge 16 ]; }
wait_until 60 stored_some || bad "nothing stored in 60 s"
kill -INT $watcher; wait $watcher; rc=$?; watcher=
[ $rc -eq 0 ] && ok || bad "exit $rc after SIGINT mid-batch"
partial=$(n "$D/big.gpkg" 'SELECT COUNT(*) FROM documents')
echo "stopped after $partial of 2000 documents"
[ "$partial" -gt 0 ] && [ "$partial" -lt 2000 ] && ok || bad "the stop came at $partial documents (want mid-run)"
"$S" watch "$D/big" --db "$D/big.gpkg" 2> "$D/watch.log" &
watcher=$!
all_stored() { [ "$(n "$D/big.gpkg" 'SELECT COUNT(*) FROM documents')" = 2000 ]; }
wait_until 300 all_stored && ok || bad "the rerun did not complete the store: $(n "$D/big.gpkg" 'SELECT COUNT(*) FROM documents')"
kill -INT $watcher; wait $watcher; watcher=
for table in documents events mentions; do
  a=$(n "$D/clean.gpkg" "SELECT COUNT(*) FROM $table"); b=$(n "$D/big.gpkg" "SELECT COUNT(*) FROM $table")
  [ "$a" = "$b" ] && ok || bad "$table: one ingest $a, stopped watch + rerun $b"
done
a=$(n "$D/big.gpkg" "SELECT COUNT(DISTINCT event_id) FROM events"); b=$(n "$D/big.gpkg" "SELECT COUNT(*) FROM events")
[ "$a" = "$b" ] && ok || bad "duplicate event ids: $a distinct of $b"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
