#!/usr/bin/env python3
"""Train presswatch's learned cue model from PolNeAR train.

    python scripts/train_cue_model.py [--train ../shared/eval/data/polnear/train.jsonl]
                                      [--out src/presswatch/data/cue_model.json]

A logistic regression that says, for every verb the parser finds outside quotation marks, whether
the annotators marked it as the cue of an attribution, from the features of
presswatch.nlp.quotes.learned.cue_features (word form, frame, dependents, subject kind, position). Trained
with AdaGrad and L2 on 90% of the articles; the other 10% report held-out precision and recall at
a few thresholds. The artifact holds feature names (word forms, parser labels) and weights: no text
or annotation of PolNeAR. Parsing the 840 articles takes a few minutes on one core; training, one.
"""
import argparse
import json
import math
import os
import pickle
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presswatch.nlp.build import load  # noqa: E402
from presswatch.nlp.lexicons.speech import cue_base  # noqa: E402
from presswatch.nlp.quotes.learned import cue_features  # noqa: E402
from presswatch.options import DEFAULT  # noqa: E402
from train_cues import candidate_verbs, training_docs  # noqa: E402  (this folder: the same data and candidates)


def examples(train_path: str) -> list[list[tuple[list[str], int]]]:
    """Per article, the (features, is-cue) pair of every verb outside quotation marks."""
    docs = training_docs(train_path)
    nlp = load(DEFAULT.model, DEFAULT.selective_ner)  # the parser alone
    out, t0 = [], time.time()
    for n, (doc, cue_chars) in enumerate(nlp.pipe(((t, c) for t, c in docs), as_tuples=True, batch_size=16)):
        out.append([(cue_features(tok, cue_base(tok.text) is not None), int(tok.idx in cue_chars))
                    for tok in candidate_verbs(doc)])
        if n % 100 == 0:
            print(f"  parsed {n}/{len(docs)} articles, {time.time() - t0:.0f} s", file=sys.stderr)
    return out


def train(rows, epochs: int, l2: float, rate: float, seed: int = 0) -> dict:
    w, g2 = {}, {}
    rng = random.Random(seed)
    rows = list(rows)
    for ep in range(epochs):
        rng.shuffle(rows)
        loss = 0.0
        for feats, y in rows:
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            loss -= math.log(p if y else 1.0 - p + 1e-12) if (p if y else 1 - p) > 0 else 30.0
            g = p - y
            for f in feats:
                wf = w.get(f, 0.0)
                grad = g + l2 * wf
                g2[f] = g2.get(f, 0.0) + grad * grad
                w[f] = wf - rate * grad / math.sqrt(g2[f] + 1e-8)
        print(f"  epoch {ep + 1}/{epochs}: mean log-loss {loss / len(rows):.4f}", file=sys.stderr)
    return w


def report(w, rows, label):
    scored = [(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(w.get(f, 0.0) for f in feats))))), y)
              for feats, y in rows]
    pos = sum(y for _, y in scored)
    for th in (0.2, 0.3, 0.4, 0.5, 0.6):
        tp = sum(1 for p, y in scored if p >= th and y)
        fp = sum(1 for p, y in scored if p >= th and not y)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / pos if pos else 0.0
        print(f"  {label} threshold {th}: precision {100 * pr:.1f} recall {100 * rc:.1f} "
              f"({pos} cue verbs of {len(scored)})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/eval/data/polnear/train.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "src/presswatch/data/cue_model.json"))
    ap.add_argument("--cache", help="pickle of the parsed features, reused when present (for tuning)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--min-weight", type=float, default=0.01, help="drop smaller weights from the artifact")
    a = ap.parse_args()
    if not os.path.exists(a.train):
        sys.exit(f"train_cue_model: {a.train} not found; pass --train PATH to PolNeAR's train.jsonl")
    t0 = time.time()
    if a.cache and os.path.exists(a.cache):
        arts = pickle.load(open(a.cache, "rb"))
    else:
        arts = examples(a.train)
        if a.cache:
            pickle.dump(arts, open(a.cache, "wb"))
    rng = random.Random(1)
    order = list(range(len(arts)))
    rng.shuffle(order)
    cut = len(order) // 10
    held = [r for i in order[:cut] for r in arts[i]]
    fit = [r for i in order[cut:] for r in arts[i]]
    w = train(fit, a.epochs, a.l2, a.rate)
    report(w, held, "held-out 10%")
    # the shipped model sees every article
    w = train(fit + held, a.epochs, a.l2, a.rate)
    kept = {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= a.min_weight}
    meta = {"source": "PolNeAR v1.0 train (primary annotators): feature weights only",
            "articles": len(arts), "examples": len(fit) + len(held), "epochs": a.epochs, "l2": a.l2,
            "rate": a.rate, "features": "presswatch.nlp.quotes.learned.cue_features"}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "weights": kept}, fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {a.out}: {len(kept)} weights from {len(arts)} articles in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
