#!/usr/bin/env python3
"""How often the toll of a found event is the analyst's: fatalities on matched events.

usage: score_tolls.py SITMAP FOLDER [--numbers FIRST-LAST] [--show]

Runs `SITMAP extract` on each report with REPORT.expected.json beside it, matches
events as tests/golden/score_samples.py does, and, over the matched events whose
expectation gives a toll, counts those whose `fatalities` is the same. A null
toll where the expectation says 0 is counted apart: ACLED codes 0 when no deaths
are told, we print null. --show lists each differing toll.
"""
import argparse, json, os, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden"))
from score_samples import main_match, reports  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sitmap")
    ap.add_argument("folder")
    ap.add_argument("--numbers", help="only files numbered FIRST-LAST")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    numbers = tuple(int(x) for x in a.numbers.split("-")) if a.numbers else None
    told = exact = null_for_zero = 0
    for path, expected_path in reports(a.folder, None, numbers):
        run = subprocess.run([a.sitmap, "extract", path], capture_output=True, text=True)
        events = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
        used = set()
        for x in json.load(open(expected_path))["events"]:
            hit = next((i for i, e in enumerate(events) if i not in used and main_match(x, e)), None)
            if hit is None:
                continue
            used.add(hit)
            if x.get("fatalities") is None:
                continue
            told += 1
            got = events[hit].get("fatalities")
            if got == x["fatalities"]:
                exact += 1
            elif got is None and x["fatalities"] == 0:
                null_for_zero += 1
            elif a.show:
                print(f"{os.path.basename(path)}: {x['type']} {x['date']} {x['place']}: want {x['fatalities']}, got {got}")
    share = exact / told if told else 1.0
    print(f"tolls exact {share:.3f} ({exact}/{told}); null where the analyst says 0: {null_for_zero}; "
          f"other: {told - exact - null_for_zero}")


if __name__ == "__main__":
    main()
