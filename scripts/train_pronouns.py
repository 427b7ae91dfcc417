#!/usr/bin/env python3
"""Train presswatch's pronoun model on GAP development.

    python scripts/train_pronouns.py [--train ../shared/eval/data/gap/gap-development.tsv]
                                     [--valid ../shared/eval/data/gap/gap-validation.tsv]
                                     [--out src/presswatch/data/pronoun_model.json]

A pairwise logistic regression: for each GAP example, the features of the pairs (pronoun, A) and
(pronoun, B) from presswatch.nlp.pronouns.features, labelled by A-coref and B-coref. Trained with
AdaGrad and L2 (the house style of train_cue_model.py). The decision for one example is the
better-scored name when its score reaches a threshold (both FALSE otherwise), the threshold tuned
on the 5-fold cross-validated scores of development, the folds grouped by Wikipedia page (the URL
column groups the folds and nothing else: no feature reads it). gap-validation is the tuning set
(the epochs and L2 were chosen on it): its figure is not a test figure. The artifact holds feature
names and weights: no GAP text. Parsing takes under a minute; training, seconds.
"""
import argparse
import csv
import json
import math
import os
import pickle
import random
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presswatch.nlp.build import load  # noqa: E402
from presswatch.nlp.pronouns import choose, features  # noqa: E402
from presswatch.nlp.pronouns.model import spans_of  # noqa: E402
from presswatch.options import DEFAULT  # noqa: E402

MASC, FEM = {"he", "him", "his"}, {"she", "her", "hers"}


def read_gap(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def truth(x: str) -> int:
    return int(str(x).strip().lower() in ("true", "1"))


def gap_pairs(doc, row) -> list:
    """[(features or None, label)] for A and B of one example."""
    off = int(row["Pronoun-offset"])
    pron = doc.char_span(off, off + len(row["Pronoun"]), alignment_mode="expand")[0]
    offsets = [(int(row[f"{n}-offset"]), int(row[f"{n}-offset"]) + len(row[n])) for n in "AB"]
    feats = features(doc, pron, spans_of(doc, offsets))
    return [(f, truth(row[f"{n}-coref"])) for f, n in zip(feats, "AB")]


def examples(path: str) -> list[dict]:
    """Per GAP example: its id, fold group (the page), pronoun gender and its two pairs."""
    rows = read_gap(path)
    nlp = load(DEFAULT.model, DEFAULT.selective_ner)  # the parser alone
    out = []
    for doc, row in zip(nlp.pipe((r["Text"] for r in rows), batch_size=32), rows):
        pron = row["Pronoun"].lower()
        out.append({"id": row["ID"], "group": row.get("URL") or row["ID"], "pairs": gap_pairs(doc, row),
                    "gender": "m" if pron in MASC else "f" if pron in FEM else None})
    return out


def train(rows, epochs: int, l2: float, rate: float, seed: int = 0) -> dict:
    w: dict = {}
    g2: dict = {}
    rng = random.Random(seed)
    rows = list(rows)
    for _ in range(epochs):
        rng.shuffle(rows)
        for feats, y in rows:
            z = sum(w.get(f, 0.0) for f in feats)
            g = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y
            for f in feats:
                wf = w.get(f, 0.0)
                grad = g + l2 * wf
                g2[f] = g2.get(f, 0.0) + grad * grad
                w[f] = wf - rate * grad / math.sqrt(g2[f] + 1e-8)
    return w


def pairs_of(exs) -> list:
    return [(f, y) for e in exs for f, y in e["pairs"] if f is not None]


def predict(w: dict, exs) -> dict:
    """id -> (P(A), P(B)); 0 for a name that cannot be the antecedent."""
    def p(f):
        return 0.0 if f is None else 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(w.get(x, 0.0) for x in f)))))
    return {e["id"]: tuple(p(f) for f, _ in e["pairs"]) for e in exs}


def f1(exs, probs: dict, threshold: float, gender=None) -> float:
    """The GAP scorer's F1 over the A and B decisions (score_gap.py)."""
    tp = fp = fn = 0
    for e in exs:
        if gender and e["gender"] != gender:
            continue
        scores = probs[e["id"]]
        k = choose(scores, threshold)
        for j, (_, y) in enumerate(e["pairs"]):
            got = k == j
            tp, fp, fn = tp + (got and y), fp + (got and not y), fn + (y and not got)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(exs, folds: int, a) -> dict:
    """Out-of-fold probabilities, the folds grouped by page."""
    fold = {e["id"]: zlib.crc32(e["group"].encode()) % folds for e in exs}
    probs: dict = {}
    for k in range(folds):
        w = train(pairs_of([e for e in exs if fold[e["id"]] != k]), a.epochs, a.l2, a.rate)
        probs.update(predict(w, [e for e in exs if fold[e["id"]] == k]))
    return probs


def tune(exs, probs) -> float:
    return max((t / 100 for t in range(5, 95)), key=lambda t: (f1(exs, probs, t), -abs(t - 0.5)))


def figures(label, exs, probs, th) -> dict:
    m, f = f1(exs, probs, th, "m"), f1(exs, probs, th, "f")
    out = {"overall": round(100 * f1(exs, probs, th), 1), "masculine": round(100 * m, 1),
           "feminine": round(100 * f, 1), "ratio": round(f / m, 2) if m else None}
    print(f"  {label}: F1 {out['overall']}  M {out['masculine']}  F {out['feminine']}  F/M {out['ratio']}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    gap = ROOT.parent / "shared/eval/data/gap"
    ap.add_argument("--train", default=str(gap / "gap-development.tsv"))
    ap.add_argument("--valid", default=str(gap / "gap-validation.tsv"))
    ap.add_argument("--out", default=str(ROOT / "src/presswatch/data/pronoun_model.json"))
    ap.add_argument("--cache", help="pickle of the parsed features, reused when present (for tuning)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--rate", type=float, default=0.05)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-weight", type=float, default=0.001, help="drop smaller weights from the artifact")
    a = ap.parse_args()
    for p in (a.train, a.valid):
        if not os.path.exists(p):
            sys.exit(f"train_pronouns: {p} not found; pass --train/--valid PATH to the GAP files")
    t0 = time.time()
    if a.cache and os.path.exists(a.cache):
        dev, val = pickle.load(open(a.cache, "rb"))
    else:
        dev, val = examples(a.train), examples(a.valid)
        if a.cache:
            pickle.dump((dev, val), open(a.cache, "wb"))
    print(f"parsed {len(dev)} + {len(val)} examples in {time.time() - t0:.0f} s")
    t1 = time.time()
    oof = cross_validate(dev, a.folds, a)
    th = tune(dev, oof)
    print(f"{a.folds}-fold cross-validation on development (folds by page), threshold {th:.2f}:")
    cv = figures("development CV", dev, oof, th)
    figures("development CV at 0.50", dev, oof, 0.5)
    w = train(pairs_of(dev), a.epochs, a.l2, a.rate)  # the shipped model sees all of development
    print("gap-validation (the tuning set, not a test):")
    valid = figures("validation", val, predict(w, val), th)
    kept = {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= a.min_weight}
    meta = {"source": "GAP development (Webster et al. 2018, Apache 2.0): feature weights only",
            "examples": len(dev), "epochs": a.epochs, "l2": a.l2, "rate": a.rate, "threshold": th,
            "cv_development": cv, "validation": valid, "features": "presswatch.nlp.pronouns.features"}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "weights": kept}, fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {a.out}: {len(kept)} weights; training {time.time() - t1:.0f} s, all {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
