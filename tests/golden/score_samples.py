#!/usr/bin/env python3
"""Golden test over our sample reports: expected events found, nothing extra.

usage: score_samples.py SITMAP FOLDER [--half odd|even] [--numbers FIRST-LAST] [--quiet]
                        [--min-recall R] [--max-spurious S]

For each report with REPORT.expected.json beside it (plain text, HTML, RSS,
Atom or JSON Lines: every document of the file), runs `SITMAP extract` and
matches events: the type (sub_event_type or event_type) agrees, the date is
one the expectation allows, the point lies within tolerance_km, and, for
feeds, the document is the expected one. Background expectations match
background events by type, date prefix and country, and excuse them.
Anything else extracted is an extra.

Prints a line per report, then the event recall (expected events found) and
the spurious share (extracted events that match nothing). Without limits it
exits 0 only when every report is exact; with --min-recall/--max-spurious it
exits 0 when the figures meet them. --half keeps the reports whose number
(the digits at the start of the name) is odd or even: we tune on one half
and check on the other.
"""
import argparse, glob, json, math, os, re, subprocess, sys

def km(a, b, c, d):
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))

def type_ok(want, ev):
    return want in (ev.get("sub_event_type"), ev.get("event_type"))

def doc_ok(x, ev):
    return "document_id" not in x or ev.get("document_id") == x["document_id"]

def main_match(x, ev):
    dates = [x["date"]] + x.get("date_alternatives", [])
    return (not ev.get("background") and type_ok(x["type"], ev) and ev.get("event_date") in dates and doc_ok(x, ev)
            and km(x["lat"], x["lon"], ev["latitude"], ev["longitude"]) <= x.get("tolerance_km", 30))

def background_match(x, ev):
    return (type_ok(x["type"], ev) and str(ev.get("event_date", "")).startswith(str(x.get("date_from", "")))
            and ev.get("country_code") == x.get("country") and doc_ok(x, ev))

def reports(folder, half, numbers=None):
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        if path.endswith(".expected.json") or path.endswith(".md"):
            continue
        expected = os.path.splitext(path)[0] + ".expected.json"
        if not os.path.exists(expected):
            continue
        number = re.match(r"\D*(\d+)", os.path.basename(path))
        if half and number and (int(number.group(1)) % 2 == 1) != (half == "odd"):
            continue
        if numbers and not (number and numbers[0] <= int(number.group(1)) <= numbers[1]):
            continue
        yield path, expected

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sitmap")
    ap.add_argument("folder")
    ap.add_argument("--half", choices=["odd", "even"])
    ap.add_argument("--numbers", help="only files numbered FIRST-LAST, e.g. 121-150")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--min-recall", type=float)
    ap.add_argument("--max-spurious", type=float)
    a = ap.parse_args()
    passed = failed = found = wanted = extras = emitted = 0
    numbers = tuple(int(x) for x in a.numbers.split("-")) if a.numbers else None
    for path, expected_path in reports(a.folder, a.half, numbers):
        expected = json.load(open(expected_path))
        run = subprocess.run([a.sitmap, "extract", path], capture_output=True, text=True)
        name = os.path.basename(path)
        if run.returncode != 0:
            print(f"FAIL {name}: sitmap extract exited {run.returncode}: {run.stderr.strip()}")
            failed += 1
            wanted += len(expected["events"])
            continue
        events = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
        used, problems = set(), []
        for x in expected["events"]:
            hit = next((i for i, e in enumerate(events) if i not in used and main_match(x, e)), None)
            if hit is None:
                problems.append(f"missed {x['type']} {x['date']} {x['place']}")
            else:
                used.add(hit)
                found += 1
        wanted += len(expected["events"])
        for x in expected.get("background", []):
            for i, e in enumerate(events):
                if i not in used and background_match(x, e):
                    used.add(i)
        emitted += len(events)
        for i, e in enumerate(events):
            if i not in used:
                extras += 1
                problems.append(f"extra {e.get('sub_event_type')} {e.get('event_date')} {e.get('location')}"
                                f"{' (background)' if e.get('background') else ''}")
        if problems:
            failed += 1
            if not a.quiet:
                print(f"FAIL {name}: " + "; ".join(problems))
        else:
            passed += 1
            if not a.quiet:
                print(f"ok   {name}: {len(expected['events'])} events")
    recall = found / wanted if wanted else 1.0
    spurious = extras / emitted if emitted else 0.0
    print(f"{passed} passed, {failed} failed; event recall {recall:.3f} ({found}/{wanted}); "
          f"spurious {spurious:.3f} ({extras}/{emitted})")
    if a.min_recall is not None or a.max_spurious is not None:
        ok = (a.min_recall is None or recall >= a.min_recall) and (a.max_spurious is None or spurious <= a.max_spurious)
        sys.exit(0 if ok else 1)
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
