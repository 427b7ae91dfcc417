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
(the epochs and L2 were chosen on it): its figure is not a test figure.

When the repository (--news-repo) has bench/polnear_speakers.py and annotations/polnear_speakers/,
the PolNeAR train pronouns resolved there by hand are a second source: scored as presswatch resolves
them (its own PERSON candidates; right when the chosen mention names the annotated speaker) with the
GAP model alone, then by 5-fold CV by article with them in training; the shipped model is trained on
GAP development and all of them (--news-weight times each). The artifact holds feature names and
weights: no text of either set. Parsing takes under a minute; training, seconds.
"""
import argparse
import csv
import importlib.util
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
from presswatch.nlp.names import fold, is_honorific, name_words  # noqa: E402
from presswatch.nlp.pronouns import Context, choose, features, is_resolvable  # noqa: E402
from presswatch.nlp.pronouns.model import spans_of, window  # noqa: E402
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


# The news set: PolNeAR train pronoun sources resolved by hand to their speaker and its nearest
# earlier mention (bench/polnear_speakers.py and annotations/polnear_speakers/ of the repository)

def news_articles(repo: Path, shared: Path):
    """The hand-resolved PolNeAR articles, or None when the repository has no such set."""
    loader = repo / "bench" / "polnear_speakers.py"
    ann = repo / "annotations" / "polnear_speakers" / "annotator_a.jsonl"
    if not (loader.exists() and ann.exists()):
        return None
    spec = importlib.util.spec_from_file_location("polnear_speakers", loader)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.load(shared, ann)


def _words(name: str) -> set:
    return {fold(w) for w in name_words(name) if not is_honorific(w) and fold(w) != "and"}


def names_speaker(mention: str, speaker) -> int:
    """The mention names the speaker: every name word of it is one of the speaker's."""
    mine = _words(mention)
    return int(bool(speaker) and bool(mine) and mine <= _words(speaker))


def news_examples(articles) -> list[dict]:
    """Per pronoun source (he, she, they, him, her): the pairs presswatch itself would score (the
    PERSON entities of its window: "eval") and, for training, those plus the hand-found antecedent."""
    nlp = load(DEFAULT.model, DEFAULT.selective_ner)
    out = []
    for doc, art in zip(nlp.pipe((a["text"] for a in articles), batch_size=4), articles):
        ctx, people = Context.of(doc), [e for e in doc.ents if e.label_ == "PERSON"]
        starts = [e.start for e in people]
        for k, src in enumerate(art["sources"]):
            sp = doc.char_span(src["source"]["start"], src["source"]["end"], alignment_mode="expand")
            if src["kind"] != "pronoun" or sp is None or not is_resolvable(sp[0]):
                continue
            pron, speaker = sp[0], src["speaker"]
            near = window(ctx, starts, people, pron)
            extra = [] if not src["antecedent"] else spans_of(doc, [(src["antecedent"]["start"], src["antecedent"]["end"])])
            fit = near + [x for x in extra if x is not None and all((x.start, x.end) != (c.start, c.end) for c in near)]
            labels = [names_speaker(c.text, speaker) for c in fit]
            feats = features(doc, pron, fit, ctx)
            out.append({"id": f"{art['doc_id']}#{k}", "group": art["doc_id"], "speaker": speaker,
                        "pairs": list(zip(feats, labels)), "eval": list(zip(feats[:len(near)], labels[:len(near)]))})
    return out


def news_counts(w: dict, exs, threshold: float) -> tuple:
    """Resolved as presswatch would (its own candidates): (right, wrong, with a speaker, pronouns),
    right when the chosen mention names the speaker the annotator gave."""
    tp = fp = 0
    for e in exs:
        k = choose([0.0 if f is None else _p(w, f) for f, _ in e["eval"]], threshold)
        if k is not None:
            tp, fp = tp + e["eval"][k][1], fp + (1 - e["eval"][k][1])
    return tp, fp, sum(1 for e in exs if e["speaker"]), len(exs)


def prf(tp: int, fp: int, gold: int, n: int) -> dict:
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / gold if gold else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1),
            "f1": round(100 * 2 * p * r / (p + r), 1) if p + r else 0.0, "pronouns": n, "with_speaker": gold}


def _p(w: dict, f) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(w.get(x, 0.0) for x in f)))))


def news_cv(dev, news, folds: int, a, threshold: float) -> dict:
    """GAP development and the news articles of the other folds train; each fold is scored."""
    fold = {e["group"]: zlib.crc32(e["group"].encode()) % folds for e in news}
    total = [0, 0, 0, 0]
    for k in range(folds):
        fit = pairs_of(dev) + a.news_weight * pairs_of([e for e in news if fold[e["group"]] != k])
        w = train(fit, a.epochs, a.l2, a.rate)
        got = news_counts(w, [e for e in news if fold[e["group"]] == k], threshold)
        total = [x + y for x, y in zip(total, got)]
    return prf(*total)


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


def arguments():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    gap = ROOT.parent / "shared/eval/data/gap"
    ap.add_argument("--train", default=str(gap / "gap-development.tsv"))
    ap.add_argument("--valid", default=str(gap / "gap-validation.tsv"))
    ap.add_argument("--news-repo", default=str(ROOT),
                    help="the repository holding bench/polnear_speakers.py and annotations/polnear_speakers/")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder with eval/data/polnear")
    ap.add_argument("--news-weight", type=int, default=1, help="how many times each news pair counts in training")
    ap.add_argument("--out", default=str(ROOT / "src/presswatch/data/pronoun_model.json"))
    ap.add_argument("--cache", help="pickle of the parsed features, reused when present (for tuning)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--rate", type=float, default=0.05)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-weight", type=float, default=0.001, help="drop smaller weights from the artifact")
    return ap.parse_args()


def load_all(a):
    if a.cache and os.path.exists(a.cache):
        return pickle.load(open(a.cache, "rb"))
    dev, val = examples(a.train), examples(a.valid)
    articles = news_articles(Path(a.news_repo), Path(a.shared))
    news = news_examples(articles) if articles else None
    if a.cache:
        pickle.dump((dev, val, news), open(a.cache, "wb"))
    return dev, val, news


def main():
    a = arguments()
    for p in (a.train, a.valid):
        if not os.path.exists(p):
            sys.exit(f"train_pronouns: {p} not found; pass --train/--valid PATH to the GAP files")
    t0 = time.time()
    dev, val, news = load_all(a)
    print(f"parsed {len(dev)} + {len(val)} GAP examples, "
          f"{'no news set' if news is None else f'{len(news)} news pronouns'} in {time.time() - t0:.0f} s")
    t1 = time.time()
    oof = cross_validate(dev, a.folds, a)
    th = tune(dev, oof)
    print(f"{a.folds}-fold cross-validation on development (folds by page), threshold {th:.2f}:")
    cv = figures("development CV", dev, oof, th)
    figures("development CV at 0.50", dev, oof, 0.5)
    w = train(pairs_of(dev), a.epochs, a.l2, a.rate)
    print("gap-validation (the tuning set, not a test), GAP development alone:")
    meta = {"source": "GAP development (Webster et al. 2018, Apache 2.0): feature weights only",
            "examples": len(dev), "epochs": a.epochs, "l2": a.l2, "rate": a.rate, "threshold": th,
            "cv_development": cv, "validation": figures("validation", val, predict(w, val), th),
            "features": "presswatch.nlp.pronouns.features"}
    if news:
        meta.update(news_figures(dev, val, news, w, th, a))
        w = train(pairs_of(dev) + a.news_weight * pairs_of(news), a.epochs, a.l2, a.rate)
    kept = {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= a.min_weight}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "weights": kept}, fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {a.out}: {len(kept)} weights; training {time.time() - t1:.0f} s, all {time.time() - t0:.0f} s")


def news_figures(dev, val, news, gap_only: dict, th: float, a) -> dict:
    """The news set: GAP's model on all of it (never trained on news), then cross-validated with
    news in training; the shipped model (GAP and all the news) on gap-validation."""
    alone = prf(*news_counts(gap_only, news, th))
    print(f"  news, GAP model alone (all {alone['pronouns']} pronouns, {alone['with_speaker']} with a speaker): "
          f"P {alone['precision']} R {alone['recall']} F1 {alone['f1']}")
    cv = news_cv(dev, news, a.folds, a, th)
    print(f"  news, {a.folds}-fold CV by article, GAP + news in training: P {cv['precision']} R {cv['recall']} F1 {cv['f1']}")
    both = train(pairs_of(dev) + a.news_weight * pairs_of(news), a.epochs, a.l2, a.rate)
    print("gap-validation with the shipped model (GAP development and all the news):")
    return {"source": "GAP development (Webster et al. 2018, Apache 2.0) and presswatch's hand-resolved "
                      "PolNeAR train pronouns (annotations/polnear_speakers): feature weights only",
            "news_weight": a.news_weight, "news_gap_model": alone, "news_cv": cv,
            "validation_shipped": figures("validation", val, predict(both, val), th)}


if __name__ == "__main__":
    main()
