#!/usr/bin/env python3
"""Fits the weights of extract/toponyms.hpp (ResolveWeights) from the
features bench/gazetteer_features dumps against gold geoparsing sets.

usage: gazetteer_tune.py FEATURES.tsv... [--train 0|1|all]

Each file is one corpus. By default the weights are fitted on the even
documents of every file (half 0) and checked on the odd ones (half 1), so
no check figure comes from a document the fit saw.

- Span evidence: logistic regression (L2, gradient descent) of "the span
  overlaps a scored gold toponym" on the Evidence features; demonyms are
  left out (corpora disagree on whether "French" is a toponym). The bias is
  then moved to the threshold that maximises F1 on the training half.
- Candidate signals: coordinate ascent on the share of matched spans whose
  best candidate lies within 161 km of the gold point.
Prints the weights as C++ for ResolveWeights' constructor and the figures.
"""
import math, sys
from collections import defaultdict

EVIDENCE = ["bias", "one_word", "common_word", "name_word", "cue_place", "cue_other", "sentence_start", "wide_kind",
            "population", "seat", "alias", "fuzzy", "modifier", "support", "repeated_cue", "all_caps", "ambiguity",
            "qualified", "big_city"]
SIGNALS = ["country", "admin1", "admin2", "region", "sea", "capital", "seat", "seat2", "population", "alias",
           "abbreviation", "base_name", "fuzzy", "other_name", "named_country", "named_admin1", "focus", "near",
           "dateline", "actor", "outside", "focus_admin1", "cluster"]
# The hand-set weights the fit starts from (the gazetteer's prior and the old context bonuses).
START = [8, 4, 1.5, 7, 5, 2, 1, 0.5, 0.5, -0.2, -0.6, -1.5, -1, 0, 2.5, 2.5, 3, 1, 1.5, 1.5, 0, 0, 0]


def read(paths):
    spans, cands = [], []
    for corpus, path in enumerate(paths):
        groups = defaultdict(list)
        for line in open(path):
            f = line.rstrip("\n").split("\t")
            if f[0] == "M":
                label = int(f[3])
                if label < 0 or f[4] == "1":
                    continue
                spans.append((corpus, int(f[2]), label, [float(x) for x in f[5:]]))
            elif f[0] == "C":
                groups[(f[1], f[3])].append((int(f[2]), float(f[4]), [float(x) for x in f[5:]]))
        for key, g in groups.items():
            cands.append((corpus, g[0][0], [(km, sig) for _, km, sig in g]))
    return spans, cands


def fit_logistic(rows, l2=1e-3, rate=0.5, steps=1500):
    n = len(rows[0][1])
    w = [0.0] * n
    for _ in range(steps):
        grad = [0.0] * n
        for y, x in rows:
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for k in range(n):
                grad[k] += (p - y) * x[k]
        for k in range(n):
            w[k] -= rate * (grad[k] / len(rows) + l2 * w[k] * (k > 0))
    return w


def span_figures(rows, w):
    tp = fp = fn = 0
    for y, x in rows:
        keep = sum(a * b for a, b in zip(w, x)) >= 0
        tp += keep and y == 1
        fp += keep and y == 0
        fn += (not keep) and y == 1
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return tp, fp, fn, 2 * p * r / (p + r) if p + r else 0


def accuracy(groups, w):
    hits = 0
    for cands in groups:
        best = max(cands, key=lambda c: sum(a * b for a, b in zip(w, c[1])))
        hits += best[0] <= 161
    return hits / len(groups) if groups else 0


def ascend(groups, weights, rounds=3):
    """Coordinate ascent on Acc@161: one weight at a time over a grid, the
    others fixed (each candidate's score less that weight's term is computed
    once per coordinate)."""
    current = accuracy(groups, weights)
    for _ in range(rounds):
        for k in range(len(weights)):
            rest = [[(km, sum(a * b for j, (a, b) in enumerate(zip(weights, x)) if j != k), x[k]) for km, x in g]
                    for g in groups]
            if not any(x for g in rest for _, _, x in g):
                continue
            lo, hi = weights[k] - 4, weights[k] + 4
            for step in range(33):
                v = round(lo + (hi - lo) * step / 32, 3)
                hits = sum(max(g, key=lambda c: c[1] + v * c[2])[0] <= 161 for g in rest)
                a = hits / len(groups)
                if a > current + 1e-9:
                    current, weights = a, weights[:k] + [v] + weights[k + 1:]
    return weights


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    train_half = "0"
    if "--train" in sys.argv:
        train_half = sys.argv[sys.argv.index("--train") + 1]
        args.remove(train_half)
    spans, cands = read(args)
    is_train = (lambda h: True) if train_half == "all" else (lambda h: h == int(train_half))

    train = [(y, x) for _, h, y, x in spans if is_train(h)]
    w = fit_logistic(train)
    # Move the bias to the threshold that maximises F1 on the training half.
    best = (span_figures(train, w)[3], 0.0)
    for step in range(-40, 41):
        shift = step * 0.05
        f1 = span_figures(train, [w[0] + shift] + w[1:])[3]
        best = max(best, (f1, shift))
    w[0] += best[1]
    print("// span evidence (logistic regression, bias at the F1-best threshold)")
    for name, v in zip(EVIDENCE, w):
        print(f"  evidence[ev_{name}] = {v:.2f};")
    for corpus, path in enumerate(args):
        for h in (0, 1):
            rows = [(y, x) for c, hh, y, x in spans if c == corpus and hh == h]
            if not rows:
                continue
            keep_all = span_figures(rows, [1.0] + [0.0] * (len(w) - 1))
            tp, fp, fn, f1 = span_figures(rows, w)
            print(f"// {path} half {h}{' (fit)' if is_train(h) else ' (check)'}: spans kept tp {tp} fp {fp} lost {fn}, "
                  f"F1 over recognised spans {f1:.3f} (keeping all: {keep_all[3]:.3f})")

    groups = [c for corpus, h, c in cands if is_train(h)]
    weights = ascend(groups, list(START))
    print("// candidate signals (coordinate ascent on Acc@161 of matched spans)")
    for name, v in zip(SIGNALS, weights):
        print(f"  signal[sig_{name}] = {v:g};")
    for corpus, path in enumerate(args):
        for h in (0, 1):
            g = [c for cc, hh, c in cands if cc == corpus and hh == h]
            if g:
                print(f"// {path} half {h}{' (fit)' if is_train(h) else ' (check)'}: Acc@161 {accuracy(g, weights):.3f} "
                      f"(hand-set start {accuracy(g, START):.3f}) over {len(g)} spans")


if __name__ == "__main__":
    main()
