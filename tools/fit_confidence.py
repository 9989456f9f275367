#!/usr/bin/env python3
"""Fit the event confidence model (geodata/lexicon/event_confidence.tsv).

An event is labelled right when the sample scorer matches it to an
expected event or background entry of its report (type, day, place within
the tolerance; tests/golden/score_samples.py), wrong otherwise. The inputs
are those `sitmap extract --confidence-features` prints, so the program and
this fit never disagree on what a feature is. A logistic regression with an
L2 penalty, fitted by full-batch gradient descent (no dependencies, the same
result on every run).

    python3 tools/fit_confidence.py build/sitmap --numbers 1-330 \
        --check 361-390 -o geodata/lexicon/event_confidence.tsv

Fit on batches that have been run before; --check prints how the model does
on others (calibration by bins, and precision and recall at each
--min-confidence), without fitting on them.
"""
import argparse, json, math, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "golden"))
import score_samples as scorer  # noqa: E402


def labelled_events(sitmap, folder, numbers):
    """(features, right) for every event of every sample report in `folder`."""
    rows, wanted = [], 0
    for path, expected_path in scorer.reports(folder, None, numbers):
        expected = json.load(open(expected_path))
        run = subprocess.run([sitmap, "extract", "--confidence-features", path], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"fit_confidence: {path}: sitmap extract exited {run.returncode}: {run.stderr.strip()}")
        events = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
        used = set()
        for x in expected["events"]:
            hit = next((i for i, e in enumerate(events) if i not in used and scorer.main_match(x, e)), None)
            if hit is not None:
                used.add(hit)
        found = set(used)  # what recall counts: matched to an expected event, not to a background entry
        for x in expected.get("background", []):
            for i, e in enumerate(events):
                if i not in used and scorer.background_match(x, e):
                    used.add(i)
        wanted += len(expected["events"])
        rows += [(e["confidence_features"], 1 if i in used else 0, i in found) for i, e in enumerate(events)]
    return rows, wanted


def probability(weights, bias, features):
    z = bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows, l2, steps, rate):
    names = sorted({k for f, _, _ in rows for k in f})
    weights, bias = {k: 0.0 for k in names}, 0.0
    for _ in range(steps):
        grad, grad_bias = {k: 0.0 for k in names}, 0.0
        for features, right, _ in rows:
            d = probability(weights, bias, features) - right
            grad_bias += d
            for k, v in features.items():
                grad[k] += d * v
        bias -= rate * grad_bias / len(rows)
        for k in names:
            weights[k] -= rate * (grad[k] / len(rows) + l2 * weights[k])
    return weights, bias


def report(title, rows, wanted, weights, bias):
    scored = [(round(probability(weights, bias, f), 2), right, found) for f, right, found in rows]
    log_loss = -sum(math.log(p if right else 1 - p) for p, right, _ in [(min(max(p, 1e-6), 1 - 1e-6), r, m) for p, r, m in scored])
    print(f"{title}: {len(rows)} events, {sum(r for _, r, _ in rows)} right; log loss {log_loss / max(1, len(rows)):.3f}")
    print("  confidence  events  right (share)")
    for b in range(5):  # fifths of 0..1, by integer bin (no float edges counted twice)
        inside = [right for p, right, _ in scored if min(4, int(round(p * 100)) // 20) == b]
        if inside:
            print(f"  {b / 5:.1f}-{(b + 1) / 5:.1f}     {len(inside):6d}  {sum(inside):5d} ({sum(inside) / len(inside):.2f})")
    print("  --min-confidence  recall  spurious share")
    for cut in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6):
        kept = [(right, main) for p, right, main in scored if p >= cut]
        found = sum(1 for _, main in kept if main)
        extras = sum(1 for right, _ in kept if not right)
        print(f"  {cut:.1f}               {found / max(1, wanted):.3f}   {extras / max(1, len(kept)):.3f} ({extras}/{len(kept)})")


def numbers_of(text):
    return tuple(int(x) for x in text.split("-")) if text else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sitmap")
    ap.add_argument("--numbers", default="1-330", help="wire samples to fit on (FIRST-LAST)")
    ap.add_argument("--check", help="wire samples to check on, not fitted (FIRST-LAST)")
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("-o", "--output", help="write the table here")
    a = ap.parse_args()
    rows, wanted = labelled_events(a.sitmap, os.path.join(ROOT, "samples", "reports"), None)
    more, more_wanted = labelled_events(a.sitmap, os.path.join(ROOT, "samples", "wire"), numbers_of(a.numbers))
    rows, wanted = rows + more, wanted + more_wanted
    weights, bias = fit(rows, a.l2, a.steps, 0.5)
    report(f"fitted on samples/reports and wire {a.numbers}", rows, wanted, weights, bias)
    if a.check:
        check, check_wanted = labelled_events(a.sitmap, os.path.join(ROOT, "samples", "wire"), numbers_of(a.check))
        report(f"checked on wire {a.check} (not fitted)", check, check_wanted, weights, bias)
    if a.output:
        with open(a.output, "w") as out:
            out.write("# Event confidence: a logistic model over the inputs `sitmap extract --confidence-features`\n"
                      f"# prints, fitted by tools/fit_confidence.py (L2 {a.l2}, {a.steps} steps) on the {len(rows)} events\n"
                      f"# the program found in samples/reports and samples/wire {a.numbers} (right: matched by\n"
                      "# tests/golden/score_samples.py). Refit after a change to extraction; README's Extraction\n"
                      "# section gives the calibration it reached.\n")
            out.write(f"bias\t{bias:.4f}\n")
            for k in sorted(weights):
                out.write(f"{k}\t{weights[k]:.4f}\n")


if __name__ == "__main__":
    main()
