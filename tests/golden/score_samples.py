#!/usr/bin/env python3
"""Golden test over our sample reports: every expected event found, no extras.

usage: score_samples.py SITMAP REPORTS_DIR
For each REPORT.txt with REPORT.expected.json beside it, runs `SITMAP extract`
and matches events: the type (sub_event_type or event_type) agrees, the date
is one the expectation allows, and the point lies within tolerance_km.
Background expectations match background events by type, date prefix and
country. Anything else extracted is an extra. Prints 'N passed, N failed'.
"""
import glob, json, math, os, subprocess, sys

def km(a, b, c, d):
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))

def type_ok(want, ev):
    return want in (ev.get("sub_event_type"), ev.get("event_type"))

def main_match(x, ev):
    dates = [x["date"]] + x.get("date_alternatives", [])
    return (not ev.get("background") and type_ok(x["type"], ev) and ev.get("event_date") in dates
            and km(x["lat"], x["lon"], ev["latitude"], ev["longitude"]) <= x.get("tolerance_km", 30))

def background_match(x, ev):
    return (ev.get("background") and type_ok(x["type"], ev) and str(ev.get("event_date", "")).startswith(x["date_from"])
            and ev.get("country_code") == x["country"])

def main():
    sitmap, folder = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        expected = json.load(open(path[:-4] + ".expected.json"))
        run = subprocess.run([sitmap, "extract", path], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"FAIL {os.path.basename(path)}: sitmap extract exited {run.returncode}: {run.stderr.strip()}")
            failed += 1
            continue
        events = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
        used, problems = set(), []
        for x in expected["events"]:
            hit = next((i for i, e in enumerate(events) if i not in used and main_match(x, e)), None)
            if hit is None:
                problems.append(f"missed {x['type']} {x['date']} {x['place']}")
            else:
                used.add(hit)
        for x in expected.get("background", []):
            for i, e in enumerate(events):
                if i not in used and background_match(x, e):
                    used.add(i)
        for i, e in enumerate(events):
            if i not in used:
                problems.append(f"extra {e.get('sub_event_type')} {e.get('event_date')} {e.get('location')}"
                                f"{' (background)' if e.get('background') else ''}")
        name = os.path.basename(path)
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "; ".join(problems))
        else:
            passed += 1
            print(f"ok   {name}: {len(expected['events'])} events")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
