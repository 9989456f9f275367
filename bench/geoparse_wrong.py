#!/usr/bin/env python3
"""Lists matched toponyms resolved more than 161 km from gold, by class.

usage: geoparse_wrong.py GOLD.jsonl PRED.jsonl [--half even|odd] [--show CLASS|all]
                         [--limit N] [--summary]

PRED is `sitmap geoparse` output for GOLD. Halves are by line number in GOLD
(even = 0, 2, 4 ...), as bench/gazetteer_tune.py splits them. Prints, per half
asked, Acc@161 on matched spans and end-to-end, the wrong ones counted by
class and, with --show, each case: the name, our pick (name, feature code,
country), the gold point, the error, and the report's other resolved places.

Classes (first that fits):
  unresolved      predicted with no coordinates
  country_admin   our pick is a country or first-level division, gold lies
                  inside it but its centre is over 161 km away (a point
                  convention, not a wrong reading) -- guessed by the gold
                  point lying within 1,500 km of our point
  us_namesake     gold in the US, our pick a namesake in another US state
  us_abroad       gold in the US, our pick outside it
  to_us           our pick in the US, gold outside it
  same_country    the gold point within 1,500 km of our pick (taken as the same
                  country), another place
  abroad          other country
Country of the gold point is not in the gold data; "in the US" is a box test.
"""
import json, math, sys
from collections import Counter


def km(a, b, c, d):
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def in_us(lat, lon):
    return (24 <= lat <= 50 and -125 <= lon <= -66) or (51 <= lat <= 72 and -170 <= lon <= -129) or (18 <= lat <= 23 and -161 <= lon <= -154)


def classify(p, g, err):
    if p.get("lat") is None:
        return "unresolved"
    feature = p.get("feature") or ""
    if feature.startswith(("PCL", "ADM1")) and err < 1500:
        return "country_admin"
    gus, pus = in_us(g["lat"], g["lon"]), p.get("country") == "US"
    if gus and pus:
        return "us_namesake"
    if gus:
        return "us_abroad"
    if pus:
        return "to_us"
    return "same_country" if err < 1500 else "abroad"


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    gold_path, pred_path = sys.argv[1:3]
    halves = [arg("--half")] if arg("--half") else ["even", "odd"]
    show, limit = arg("--show"), int(arg("--limit", "60"))
    gold = [json.loads(l) for l in open(gold_path) if l.strip()]
    pred = {str(d["id"]): d.get("toponyms", []) for d in (json.loads(l) for l in open(pred_path) if l.strip())}
    for half in halves:
        want = 0 if half == "even" else 1
        matched = ok = scored = 0
        counts, cases = Counter(), []
        for n, doc in enumerate(gold):
            if n % 2 != want:
                continue
            preds = pred.get(str(doc["id"]), [])
            used = set()
            for g in doc["toponyms"]:
                if not g["score"]:
                    continue
                scored += 1
                hit = next((i for i, p in enumerate(preds) if i not in used and p["start"] < g["end"] and g["start"] < p["end"]), None)
                if hit is None:
                    continue
                used.add(hit)
                matched += 1
                p = preds[hit]
                err = 20039.0 if p.get("lat") is None else km(g["lat"], g["lon"], p["lat"], p["lon"])
                if err <= 161:
                    ok += 1
                    continue
                cls = classify(p, g, err)
                counts[cls] += 1
                others = sorted({f'{q["text"]}[{q.get("country")}]' for q in preds if q is not p and q.get("lat") is not None and q["text"] != p["text"]})
                cases.append((cls, doc["id"], p, g, err, others))
        print(f"{gold_path.split('/')[-1]} {half}: matched {matched}, Acc@161 {ok / max(matched, 1):.4f}, "
              f"e2e {ok / max(scored, 1):.4f}, wrong {matched - ok}: " + ", ".join(f"{c} {k}" for c, k in counts.most_common()))
        if show:
            for cls, doc_id, p, g, err, others in [c for c in cases if show in ("all", c[0])][:limit]:
                ours = "unresolved" if p.get("lat") is None else f'{p.get("name")} {p.get("feature")} {p.get("country")} ({p["lat"]:.2f},{p["lon"]:.2f})'
                print(f'  [{cls}] {doc_id} "{p["text"]}" -> {ours}; gold ({g["lat"]:.2f},{g["lon"]:.2f}) {err:.0f} km; '
                      f'others: {" ".join(others[:12])}')


if __name__ == "__main__":
    main()
