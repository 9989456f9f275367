#!/usr/bin/env python3
"""Buckets a geoparse run's errors by class, for choosing what to fix.

usage: geoparse_misses.py SITMAP GOLD.jsonl PRED.jsonl [--show CLASS] [--limit N]

SITMAP is build/sitmap (its `geocode --json` gives each name's candidates;
SITMAP_GAZETTEER picks the index). Classes of a scored gold toponym:
  missed            no predicted span overlaps it
  ok                resolved within 161 km
  no_candidate      wrong, and no candidate of the span's name lies within 161 km
                    (the gazetteer lacks the place or the name)
  admin_point       wrong, our pick is the right division/country but its point
                    is more than 161 km from the gold point
  namesake_country  wrong, a candidate within 161 km exists, ours is a namesake in
                    the same country
  namesake_abroad   the same, ours is in another country
  unresolved        the span was predicted with no coordinates
and of a predicted span: spurious (overlaps no gold toponym; demonyms apart).
Prints counts, and with --show the cases of one class (name, ours, gold's).
"""
import json, math, subprocess, sys
from collections import Counter, defaultdict


def km(a, b, c, d):
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def candidates(sitmap, names):
    out = {}
    names = sorted(names)
    for i in range(0, len(names), 200):
        chunk = names[i:i + 200]
        res = subprocess.run([sitmap, "geocode", "--json", "--no-fuzzy", "--limit", "60", "--", *chunk], capture_output=True, text=True)
        for line in res.stdout.splitlines():
            answer = json.loads(line)
            out[answer.get("query")] = answer.get("candidates", [])
    return out


def main():
    sitmap, gold_path, pred_path = sys.argv[1:4]
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 40
    gold = [json.loads(l) for l in open(gold_path) if l.strip()]
    pred = {str(d["id"]): d.get("toponyms", []) for d in map(json.loads, open(pred_path)) if d}
    cases = []  # (class, doc, text, detail)
    names = set()
    for doc in gold:
        for p in pred.get(str(doc["id"]), []):
            names.add(p["text"])
    cands = candidates(sitmap, names)
    counts = Counter()
    for doc in gold:
        preds = pred.get(str(doc["id"]), [])
        used = set()
        for g in doc["toponyms"]:
            if not g["score"]:
                continue
            hit = next((i for i, p in enumerate(preds) if i not in used and p["start"] < g["end"] and g["start"] < p["end"]), None)
            if hit is None:
                cls, detail = "missed", ""
            else:
                used.add(hit)
                p = preds[hit]
                if p.get("lat") is None:
                    cls, detail = "unresolved", ""
                else:
                    err = km(g["lat"], g["lon"], p["lat"], p["lon"])
                    if err <= 161:
                        cls, detail = "ok", ""
                    else:
                        near = [c for c in cands.get(p["text"], []) if km(g["lat"], g["lon"], c["lat"], c["lon"]) <= 161]
                        ours = f'{p.get("name")} {p.get("feature")} {p["country"]} ({p["lat"]:.2f},{p["lon"]:.2f})'
                        wide = p.get("feature", "").startswith(("ADM1", "PCL"))
                        if wide and all(n["name"] == p.get("name") and n["country"] == p["country"] for n in near):
                            cls = "admin_point"
                        elif not near:
                            cls = "no_candidate"
                        else:
                            n = near[0]
                            cls = "namesake_country" if n["country"] == p["country"] else "namesake_abroad"
                            ours += f' / gold is {n["name"]} {n["feature"]} {n["country"]} {n.get("admin1","")} pop {n["population"]}'
                        detail = f"{ours}; gold ({g['lat']:.2f},{g['lon']:.2f}) {err:.0f} km"
            counts[cls] += 1
            cases.append((cls, doc["id"], g["text"], detail))
        for i, p in enumerate(preds):
            if i in used or any(p["start"] < g["end"] and g["start"] < p["end"] for g in doc["toponyms"]):
                continue
            cls = "spurious_demonym" if p.get("demonym") else "spurious"
            counts[cls] += 1
            ctx = doc["text"][max(0, p["start"] - 30):p["end"] + 30].replace("\n", " ")
            cases.append((cls, doc["id"], p["text"], f'{p.get("feature")} {p.get("country")} | ...{ctx}...'))
    for cls, n in counts.most_common():
        print(f"{cls:18} {n}")
    if show:
        by_name = defaultdict(list)
        for c in cases:
            if c[0] == show:
                by_name[c[2]].append(c)
        for name, cs in sorted(by_name.items(), key=lambda kv: -len(kv[1]))[:limit]:
            print(f"{len(cs):3} {name}: {cs[0][3]}  [doc {cs[0][1]}]")


if __name__ == "__main__":
    main()
