#!/usr/bin/env python3
"""Train the learned pronoun-source choice (presswatch.nlp.speakers.antecedents) on the PolNeAR
sources resolved by hand (annotations/polnear_speakers/, rebuilt from ../shared by
bench/polnear_speakers.py).

    python scripts/train_antecedents.py [--shared DIR] [--out src/presswatch/data/antecedent_model.json]

Every article runs through presswatch (attribution scope broad, as PolNeAR annotates); each pronoun
source presswatch finds that overlaps a hand-resolved one gives its candidates and features; the
gold candidates are the people with a mention on the annotated antecedent, or with the annotated
speaker's last name. A softmax over each pronoun's candidates, AdaGrad with L2. Prints 5-fold
cross-validated accuracy (folds by article) beside the hand rule's on the same pronouns, then trains
on all and writes the weights (feature names only: no text).
"""
import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from polnear_speakers import load  # noqa: E402
from presswatch import Options  # noqa: E402
from presswatch.components.quotes import raw_quotes  # noqa: E402
from presswatch.nlp.speakers import resolve  # noqa: E402
from presswatch.nlp.text import for_parser  # noqa: E402
from presswatch.pipeline import get_nlp  # noqa: E402
from presswatch.records import Article  # noqa: E402


def last_name(s):
    words = [w for w in (s or "").replace("’", "'").split() if w[:1].isalpha()]
    return words[-1].lower().rstrip("'s").strip(".,") if words else ""


def _gold_index(cands, gold) -> list:
    ante = gold.get("antecedent")
    out = []
    for i, (p, _) in enumerate(cands):
        on_ante = ante and any(s < ante["end"] and ante["start"] < e for s, e in p.mentions)
        if on_ante or (gold.get("speaker") and last_name(p.canonical) == last_name(gold["speaker"])):
            out.append(i)
    return out


def examples(shared: Path) -> list:
    """Per article, [(features per candidate, gold indexes, rule index)] of its resolvable pronouns."""
    options = Options(attribution_scope="broad")
    nlp = get_nlp(options)
    out, found, missing = [], 0, 0
    for art in load(shared):
        text = art["text"]
        ctx = {"index": 0, "article": Article(art["doc_id"], text), "options": options}
        doc = next(iter(nlp.pipe([(for_parser(text), ctx)], as_tuples=True)))[0]
        trace: list = []
        resolve(raw_quotes(doc), doc, text, trace, weights={})  # the rule's own reading
        golds = [g for g in art["sources"] if g["kind"] == "pronoun" and g.get("speaker")]
        rows = []
        for q, cands in trace:
            g = next((g for g in golds if g["source"]["start"] < q.source[1] and q.source[0] < g["source"]["end"]), None)
            if g is None or not cands:
                continue
            gold = _gold_index(cands, g)
            found += 1
            if not gold:
                missing += 1
            rule = next((i for i, (_, f) in enumerate(cands) if "rule" in f), None)
            rows.append(([f for _, f in cands], gold, rule))
        out.append(rows)
    print(f"  {found} hand-resolved pronouns found by presswatch; {missing} with the right person "
          f"among no candidate", file=sys.stderr)
    return out


def train(rows, epochs=30, l2=1e-2, rate=0.1, seed=0) -> dict:
    w: dict = {}
    g2: dict = {}
    rows = [r for r in rows if r[1]]
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(rows)
        for feats, gold, _ in rows:
            scores = [sum(w.get(x, 0.0) for x in f) for f in feats]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            z = sum(exp)
            p = [e / z for e in exp]
            pg = sum(p[i] for i in gold)
            grad: dict = {}
            for i, f in enumerate(feats):
                # d(-log sum_gold p)/d score_i = p_i - [i in gold] p_i / pg
                g = p[i] - (p[i] / pg if i in gold else 0.0)
                for x in f:
                    grad[x] = grad.get(x, 0.0) + g
            for x, g in grad.items():
                g += l2 * w.get(x, 0.0)
                g2[x] = g2.get(x, 0.0) + g * g
                w[x] = w.get(x, 0.0) - rate * g / math.sqrt(g2[x] + 1e-8)
    return {x: round(v, 4) for x, v in w.items() if abs(v) > 1e-4}


def accuracy(rows, w) -> tuple:
    model = rule = 0
    for feats, gold, r in rows:
        scores = [sum(w.get(x, 0.0) for x in f) for f in feats]
        model += max(range(len(feats)), key=lambda i: scores[i]) in gold
        rule += r in gold
    return model, rule, len(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "src" / "presswatch" / "data" / "antecedent_model.json"))
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    t0 = time.time()
    arts = examples(Path(a.shared))
    m = r = n = 0
    for k in range(a.folds):
        test = [x for i, art in enumerate(arts) if i % a.folds == k for x in art]
        w = train([x for i, art in enumerate(arts) if i % a.folds != k for x in art])
        mk, rk, nk = accuracy(test, w)
        m, r, n = m + mk, r + rk, n + nk
    print(f"cross-validated ({a.folds} folds by article) on {n} pronouns: model {100 * m / n:.1f}% "
          f"right, the hand rule {100 * r / n:.1f}%")
    weights = train([x for art in arts for x in art])
    Path(a.out).write_text(json.dumps({"about": "presswatch pronoun-source choice; scripts/train_antecedents.py",
                                       "weights": dict(sorted(weights.items()))}, indent=0) + "\n")
    print(f"wrote {a.out}: {len(weights)} weights, {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
