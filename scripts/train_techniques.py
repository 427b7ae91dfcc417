#!/usr/bin/env python3
"""Train presswatch's persuasion-technique tagger on PTC (Propaganda Techniques Corpus v2) train.

    python scripts/train_techniques.py [--shared ../shared] [--cache /tmp/ptc-parsed.pkl]
                                       [--out src/presswatch/data/technique_model.npz]

Every article of ../shared/eval/data/ptc/{train,dev}.jsonl is read by presswatch's own pipeline
(its statements are features), and every token gets the features of
presswatch.nlp.techniques.features plus spaCy's contextual vector (doc.tensor). A token is
labelled with each technique whose gold span covers at least half of it, and with "any
technique" where one does. Per head (14 techniques and "any"), a logistic model (AdaGrad, L2,
minibatches; one weight row per feature seen `--min-count` times) is trained on train.
- Decoding: 5-fold cross-validation on train; the run settings of the "any" head (low, high,
  gap) are the ones with the best SI F1 on the out-of-fold scores (the shared scorer's own
  measure), then `second` (when a span also gets its second likeliest technique) the best FLC.
- The span classifier (nlp/techniques/classify.py): softmax regression on the gold spans and the
  decoded spans lying mostly inside one, their dense part from out-of-fold scores; cross-fitted
  per fold for the out-of-fold figures, trained on all of train for the artifact.
- Calibration: Platt scaling of a span's mean "any" score times its technique's probability to
  "this span overlaps PTC's span of its technique by at least half", fitted on the out-of-fold
  spans (per technique where it has 40 spans, else all techniques together); the expected
  calibration error and Brier score are measured with each fold's spans calibrated on the other
  folds' only.
- Reports: SI and FLC F1 with ../shared/eval/score_techniques.py on dev (the shipped model; dev is
  never trained or tuned on here) and on train out-of-fold, per technique; the calibration figures.
The artifact holds feature names and weights only (float16), never a text. Parsing takes about
a minute on one core (cached with --cache); the trainings about four more.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presswatch.nlp.techniques.features import sentence_index, token_features  # noqa: E402
from presswatch.nlp.techniques.classify import SpanContext, span_dense, span_features, technique_probs  # noqa: E402
from presswatch.nlp.techniques.model import TECHNIQUES, calibrated, decode, from_arrays, token_scores  # noqa: E402

H = len(TECHNIQUES) + 1  # a head per technique, and "any technique" last
LOWS, HIGHS, GAPS, SECONDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35), (0.2, 0.3, 0.4, 0.5, 0.6), (0, 1, 2), (2.0, 0.8, 0.6, 0.4)


def read(path) -> list[dict]:
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


def scorer(shared: Path):
    """The shared scorer as a module (its merge and Acc are the measure the decoding is tuned on)."""
    spec = importlib.util.spec_from_file_location("score_techniques", shared / "eval/score_techniques.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def labels(tokens, gold) -> np.ndarray:
    """(tokens x techniques) 1 where a gold span of the technique covers half the token or more."""
    y = np.zeros((len(tokens), len(TECHNIQUES)), dtype=np.int8)
    starts = np.array([t[0] for t in tokens])
    for g in gold:
        h = TECHNIQUES.index(g["technique"])
        for i in range(np.searchsorted(starts, g["start"], "right") - 1, len(tokens)):
            s, e, _ = tokens[max(i, 0)]
            if s >= g["end"]:
                break
            if min(e, g["end"]) - max(s, g["start"]) >= (e - s) / 2 and e > s:
                y[max(i, 0), h] = 1
    return y


def parse(shared: Path, cache) -> list[dict]:
    """Per article: doc_id, part, gold, tokens, string features, tensor (float16), labels."""
    from presswatch.options import DEFAULT
    from presswatch.pipeline import get_nlp
    from presswatch.records import Article
    if cache and os.path.exists(cache):
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    rows = [dict(r, part=part) for part in ("train", "dev") for r in read(shared / f"eval/data/ptc/{part}.jsonl")]
    opts = DEFAULT.with_(techniques=False)
    nlp = get_nlp(opts)
    items = ((r["text"], {"article": Article(doc_id=r["doc_id"], text=r["text"], origin="ptc"), "options": opts})
             for r in rows)
    docs, t0 = [], time.time()
    for n, (doc, _) in enumerate(nlp.pipe(items, as_tuples=True, batch_size=16)):
        r = rows[n]
        stmts = [(c["start"], c["end"], q["kind"]) for q in doc._.quotes or [] for c in q["content"]]
        tokens = [(t.idx, t.idx + len(t.text), t.is_punct or t.is_space) for t in doc]
        docs.append({"doc_id": r["doc_id"], "part": r["part"], "gold": r["techniques"], "tokens": tokens,
                     "feats": token_features(doc, stmts), "tensor": doc.tensor.astype(np.float16),
                     "sents": sentence_index(doc),
                     "y": labels(tokens, r["techniques"])})
        if n % 100 == 0:
            print(f"  parsed {n}/{len(rows)} articles, {time.time() - t0:.0f} s", file=sys.stderr)
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(docs, fh)
    return docs


def design(docs, index):
    """The training rows of `docs`: CSR feature ids, tensors, labels."""
    ids, ptr, tens, ys = [], [0], [], []
    for d in docs:
        for f in d["feats"]:
            ids.extend(index[x] for x in f if x in index)
            ptr.append(len(ids))
        tens.append(d["tensor"].astype(np.float32))
        ys.append(np.hstack([d["y"], d["y"].max(axis=1, keepdims=True)]))  # the "any" head's label
    return np.asarray(ids, dtype=np.int64), np.asarray(ptr), np.vstack(tens), np.vstack(ys).astype(np.float32)


def train(docs, hp: dict, seed: int = 0) -> dict:
    """The model dict (as model.from_arrays gives it) trained on `docs`; decoding and calibration at their defaults."""
    counts = Counter(x for d in docs for f in d["feats"] for x in f)
    features = ["b"] + sorted(f for f, c in counts.items() if c >= hp["min_count"] and f != "b")
    index = {f: i for i, f in enumerate(features)}
    ids, ptr, T, Y = design(docs, index)
    V, K = len(features), T.shape[1]
    W, D, b = np.zeros((V, H), np.float32), np.zeros((K, H), np.float32), np.zeros(H, np.float32)
    gW, gD, gb = np.full((V, H), 1e-8, np.float32), np.full((K, H), 1e-8, np.float32), np.full(H, 1e-8, np.float32)
    rng = np.random.default_rng(seed)
    n, lr, l2, bs = len(Y), hp["rate"], hp["l2"], hp["batch"]
    pos_w = hp["pos_weight"]
    for ep in range(hp["epochs"]):
        order = rng.permutation(n)
        for k in range(0, n, bs):
            rows = order[k:k + bs]
            lens = ptr[rows + 1] - ptr[rows]
            fid = np.concatenate([ids[ptr[r]:ptr[r + 1]] for r in rows])
            owner = np.repeat(np.arange(len(rows)), lens)
            z = b + T[rows] @ D
            np.add.at(z, owner, W[fid])
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            y = Y[rows]
            g = (p - y) * np.where(y > 0, pos_w, 1.0)
            uniq, inv = np.unique(fid, return_inverse=True)
            gw = np.zeros((len(uniq), H), np.float32)
            np.add.at(gw, inv, g[owner])
            gw += l2 * W[uniq]
            gW[uniq] += gw * gw
            W[uniq] -= lr * gw / np.sqrt(gW[uniq])
            gd = T[rows].T @ g / len(rows) + l2 * D
            gD += gd * gd
            D -= lr * gd / np.sqrt(gD)
            gbb = g.mean(0)
            gb += gbb * gbb
            b -= lr * gbb / np.sqrt(gb)
    return from_arrays({"features": np.array(features), "W": W, "D": D, "b": b,
                        "decoding": np.array([0.2, 0.3, 0, 2.0]), "calibration": np.tile([1.0, 0.0], (H - 1, 1)),
                        "techniques": np.array(TECHNIQUES), "meta": json.dumps({}),
                        "c_features": np.array(["b"]), "c_W": np.zeros((1, H - 1)), "c_D": np.zeros((0, H - 1)),
                        "c_b": np.zeros(H - 1)})


def scores_of(model, docs) -> list[np.ndarray]:
    return [token_scores(model, d["feats"], d["tensor"]) for d in docs]


def spans_at(model, docs, scores) -> list[list[dict]]:
    """The decoded spans of each doc, as find_techniques reads them."""
    out = []
    for d, sc_ in zip(docs, scores):
        ctx = SpanContext(d["feats"])

        def classify(i, j, ctx=ctx, d=d, sc_=sc_):
            return technique_probs(model, span_features(ctx, i, j), span_dense(d["tensor"], sc_, i, j))
        out.append(decode(model, sc_, d["tokens"], d["sents"], classify))
    return out


def token_range(tokens, start: int, end: int) -> tuple[int, int]:
    """(i, j) of the tokens a character span covers (each at least half inside)."""
    idx = [k for k, (s, e, _) in enumerate(tokens) if e > s and min(e, end) - max(s, start) >= (e - s) / 2]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


def span_rows(model, docs, scores) -> list[tuple[list[str], np.ndarray, int]]:
    """Classifier training rows: every gold span, and every decoded span lying mostly in a gold
    span (labelled with that span's technique), so the classifier sees the boundaries it will get."""
    rows = []
    preds = spans_at(model, docs, scores) if model is not None else [[] for _ in docs]
    for d, sc_, pred in zip(docs, scores, preds):
        ctx = SpanContext(d["feats"])
        cands = [(g["start"], g["end"], g["technique"]) for g in d["gold"]]
        for x in {(x["start"], x["end"]) for x in pred}:
            best = max(d["gold"], default=None,
                       key=lambda g: min(g["end"], x[1]) - max(g["start"], x[0]))
            if best and min(best["end"], x[1]) - max(best["start"], x[0]) >= (x[1] - x[0]) / 2:
                cands.append((x[0], x[1], best["technique"]))
        for s, e, name in cands:
            i, j = token_range(d["tokens"], s, e)
            if i < j:
                rows.append((span_features(ctx, i, j), span_dense(d["tensor"], sc_, i, j), TECHNIQUES.index(name)))
    return rows


def train_classifier(rows, hp: dict, seed: int = 0) -> dict:
    """The span classifier's arrays (c_features, c_W, c_D, c_b): softmax regression, AdaGrad, L2."""
    counts = Counter(x for f, _, _ in rows for x in f)
    features = sorted(f for f, c in counts.items() if c >= 2)
    index = {f: i for i, f in enumerate(features)}
    K, C = rows[0][1].shape[0], len(TECHNIQUES)
    W, D, b = np.zeros((len(features), C), np.float32), np.zeros((K, C), np.float32), np.zeros(C, np.float32)
    gW, gD, gb = np.full_like(W, 1e-8), np.full_like(D, 1e-8), np.full_like(b, 1e-8)
    data = [(np.array([index[x] for x in f if x in index], dtype=np.int64), v, y) for f, v, y in rows]
    rng, lr, l2 = np.random.default_rng(seed), hp["c_rate"], hp["c_l2"]
    for _ in range(hp["c_epochs"]):
        for k in rng.permutation(len(data)):
            ids, v, y = data[k]
            z = b + v @ D + W[ids].sum(axis=0)
            p = np.exp(z - z.max())
            p /= p.sum()
            p[y] -= 1.0
            gw = p + l2 * W[ids]
            gW[ids] += gw * gw
            W[ids] -= lr * gw / np.sqrt(gW[ids])
            gd = np.outer(v, p) + l2 * D
            gD += gd * gd
            D -= lr * gd / np.sqrt(gD)
            gb += p * p
            b -= lr * p / np.sqrt(gb)
    return {"c_index": index, "c_W": W, "c_D": D, "c_b": b}


def measured(sc, docs, preds) -> tuple[float, float]:
    """(SI F1, FLC F1) of these predictions, by the shared scorer's merge and Acc."""
    si, flc = sc.Acc(), sc.Acc()
    for d, p in zip(docs, preds):
        si.add(sc.merge([(x["start"], x["end"]) for x in p]), sc.merge([(g["start"], g["end"]) for g in d["gold"]]))
        for name in {g["technique"] for g in d["gold"]} | {x["technique"] for x in p}:
            flc.add(sc.merge([(x["start"], x["end"]) for x in p if x["technique"] == name]),
                    sc.merge([(g["start"], g["end"]) for g in d["gold"] if g["technique"] == name]))
    return si.result()["F1"], flc.result()["F1"]


def tune_runs(sc, model, docs, scores) -> tuple:
    """(low, high, gap) with the best SI F1 on these (out-of-fold) scores."""
    trials = []
    for low in LOWS:
        for high in (h for h in HIGHS if h >= low):
            for gap in GAPS:
                model["decoding"] = (low, high, gap, 2.0)
                trials.append((measured(sc, docs, spans_at(model, docs, scores))[0], low, high, gap))
    return max(trials)[1:]


def fold_predictions(models: dict, docs, scores, folds) -> list[list[dict]]:
    """Each doc decoded by its fold's model (token scores and classifier from the other folds)."""
    return [spans_at(models[f], [d], [s])[0] for d, s, f in zip(docs, scores, folds)]


def cross_fit_classifiers(base: dict, docs, scores, folds, hp: dict) -> dict:
    """Per fold, `base` with a span classifier trained on the other folds' spans."""
    rows = [span_rows(base, [d], [s]) for d, s in zip(docs, scores)]
    models = {}
    for f in sorted(set(folds)):
        clf = train_classifier([r for rs, g in zip(rows, folds) if g != f for r in rs], hp)
        models[f] = dict(base, **clf)
    models["all"] = dict(base, **train_classifier([r for rs in rows for r in rs], hp))
    return models


def tune_second(sc, models: dict, docs, scores, folds) -> float:
    """The `second` setting with the best FLC F1 on the out-of-fold predictions."""
    trials = []
    for second in SECONDS:
        for m in models.values():
            m["decoding"] = m["decoding"][:3] + (second,)
        trials.append((measured(sc, docs, fold_predictions(models, docs, scores, folds))[1], second))
    return max(trials)[1]

def fold_of(docs, k: int) -> list[int]:
    return [i % k for i in range(len(docs))]


def span_outcomes(docs, preds) -> list[tuple[int, float, int]]:
    """(technique index, raw score, 1 if the span overlaps gold of its technique by half) per span
    (preds decoded without calibration, so their confidence is the raw score)."""
    out = []
    for d, p in zip(docs, preds):
        for x in p:
            gold = [(g["start"], g["end"]) for g in d["gold"] if g["technique"] == x["technique"]]
            cover = sum(max(0, min(e, x["end"]) - max(s, x["start"])) for s, e in gold)
            out.append((TECHNIQUES.index(x["technique"]), x["confidence"], int(cover >= (x["end"] - x["start"]) / 2)))
    return out


def platt(raw: np.ndarray, y: np.ndarray, steps: int = 300) -> tuple[float, float]:
    """(a, c) of p = sigmoid(a * logit(raw) + c) by Newton's method on the log-loss."""
    x = np.log(np.clip(raw, 1e-6, 1 - 1e-6) / np.clip(1 - raw, 1e-6, 1))
    a, c = 1.0, 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(a * x + c)))
        g = np.array([((p - y) * x).sum(), (p - y).sum()])
        w = p * (1 - p) + 1e-9
        hess = np.array([[(w * x * x).sum(), (w * x).sum()], [(w * x).sum(), w.sum()]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hess, g)
        a, c = a - step[0], c - step[1]
        if np.abs(step).max() < 1e-7:
            break
    return float(a), float(c)


def fit_calibration(outcomes, min_spans: int = 40) -> np.ndarray:
    """Per technique (a, c); a technique with fewer than min_spans spans takes the pooled fit."""
    arr = np.array(outcomes, dtype=np.float64).reshape(-1, 3)
    pooled = platt(arr[:, 1], arr[:, 2]) if len(arr) else (1.0, 0.0)
    cal = np.tile(pooled, (len(TECHNIQUES), 1))
    for h in range(len(TECHNIQUES)):
        sel = arr[arr[:, 0] == h]
        if len(sel) >= min_spans and 0 < sel[:, 2].sum() < len(sel):
            cal[h] = platt(sel[:, 1], sel[:, 2])
    return cal.astype(np.float32)


def calibration_report(by_fold: dict, bins: int = 10) -> dict:
    """ECE and Brier of spans of each fold calibrated on the other folds' spans only."""
    probs, ys = [], []
    for k, outs in by_fold.items():
        cal = fit_calibration([o for j, os_ in by_fold.items() if j != k for o in os_])
        model = {"calibration": cal}
        for h, raw, y in outs:
            probs.append(calibrated(model, h, raw))
            ys.append(y)
    p, y = np.array(probs), np.array(ys)
    edges = np.minimum((p * bins).astype(int), bins - 1)
    ece = sum(abs(p[edges == b].mean() - y[edges == b].mean()) * (edges == b).sum() for b in range(bins)
              if (edges == b).any()) / max(len(p), 1)
    table = [(f"{b / bins:.1f}-{(b + 1) / bins:.1f}", int((edges == b).sum()), round(float(p[edges == b].mean()), 3),
              round(float(y[edges == b].mean()), 3)) for b in range(bins) if (edges == b).any()]
    return {"spans": len(p), "ECE": round(float(ece), 4), "Brier": round(float(((p - y) ** 2).mean()), 4),
            "base_rate": round(float(y.mean()), 3), "reliability": table}


def cross_validate(sc, docs, hp: dict, k: int):
    """Out-of-fold scores of every train article (each from a tagger trained on the other folds)."""
    folds = fold_of(docs, k)
    scores: list = [None] * len(docs)
    for f in range(k):
        t0 = time.time()
        model = train([d for d, g in zip(docs, folds) if g != f], hp)
        held = [i for i, g in enumerate(folds) if g == f]
        for i, s in zip(held, scores_of(model, [docs[i] for i in held])):
            scores[i] = s
        print(f"  fold {f + 1}/{k}: trained in {time.time() - t0:.0f} s", file=sys.stderr)
    return model, scores, folds


def score_file(shared: Path, docs, preds, path: Path) -> dict:
    """The shared scorer's result (--json) on these predictions; gold rebuilt from the docs."""
    gold, pred = path.with_suffix(".gold.jsonl"), path
    with open(gold, "w", encoding="utf-8") as g, open(pred, "w", encoding="utf-8") as p:
        for d, x in zip(docs, preds):
            g.write(json.dumps({"doc_id": d["doc_id"], "techniques": d["gold"]}) + "\n")
            p.write(json.dumps({"doc_id": d["doc_id"], "techniques": x}) + "\n")
    out = subprocess.run([sys.executable, str(shared / "eval/score_techniques.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def report(name: str, result: dict) -> None:
    print(f"{name}: SI F1 {result['SI']['F1']} (P {result['SI']['P']}, R {result['SI']['R']})  "
          f"FLC F1 {result['FLC']['F1']} (P {result['FLC']['P']}, R {result['FLC']['R']})")
    for t, r in result["per_technique"].items():
        print(f"    {t:40} F1 {r['F1']:5.1f}  P {r['P']:5.1f}  R {r['R']:5.1f}  gold {r['gold']:4}  pred {r['pred']:4}")


def save(model, path: Path, meta: dict) -> None:
    inv = sorted(model["index"], key=model["index"].get)
    c_inv = sorted(model["c_index"], key=model["c_index"].get)
    np.savez_compressed(path, features=np.array(inv), W=model["W"].astype(np.float16),
                        D=model["D"].astype(np.float16), b=model["b"], decoding=np.array(model["decoding"]),
                        calibration=model["calibration"], techniques=np.array(TECHNIQUES),
                        c_features=np.array(c_inv), c_W=model["c_W"].astype(np.float16),
                        c_D=model["c_D"].astype(np.float16), c_b=model["c_b"],
                        meta=np.array(json.dumps(meta)))


HP = {"min_count": 5, "epochs": 4, "rate": 0.05, "l2": 1e-5, "batch": 128, "pos_weight": 1.0,
      "c_epochs": 5, "c_rate": 0.1, "c_l2": 1e-5}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", default=None, help="a pickle of the parsed articles (made once, read after)")
    ap.add_argument("--out", type=Path, default=ROOT / "src/presswatch/data/technique_model.npz")
    ap.add_argument("--folds", type=int, default=5)
    for k, v in HP.items():
        ap.add_argument(f"--{k.replace('_', '-')}", type=type(v), default=v)
    a = ap.parse_args()
    hp = {k: getattr(a, k) for k in HP}
    sc = scorer(a.shared)
    docs = parse(a.shared, a.cache)
    train_docs, dev_docs = [d for d in docs if d["part"] == "train"], [d for d in docs if d["part"] == "dev"]
    print(f"{len(train_docs)} train and {len(dev_docs)} dev articles; {hp}", file=sys.stderr)
    cv_model, oof, folds = cross_validate(sc, train_docs, hp, a.folds)
    cv_model["decoding"] = tune_runs(sc, cv_model, train_docs, oof) + (2.0,)
    models = cross_fit_classifiers(cv_model, train_docs, oof, folds, hp)
    decoding = cv_model["decoding"][:3] + (tune_second(sc, models, train_docs, oof, folds),)
    print(f"  decoding (low, high, gap, second) tuned on out-of-fold train: {decoding}", file=sys.stderr)
    for m in models.values():
        m["decoding"] = decoding  # calibration still the identity: a span's confidence is its raw score
    by_fold: dict = {}
    for d, f, p in zip(train_docs, folds, fold_predictions(models, train_docs, oof, folds)):
        by_fold.setdefault(f, []).extend(span_outcomes([d], [p]))
    cal_report = calibration_report(by_fold)
    calibration = fit_calibration([o for os_ in by_fold.values() for o in os_])
    for m in models.values():
        m["calibration"] = calibration
    cv_preds = fold_predictions(models, train_docs, oof, folds)
    t0 = time.time()
    model = dict(train(train_docs, hp), **{k: v for k, v in models["all"].items() if k.startswith("c_")})
    print(f"  final model trained in {time.time() - t0:.0f} s", file=sys.stderr)
    model["decoding"], model["calibration"] = decoding, calibration
    with tempfile.TemporaryDirectory() as tmp:
        cv_result = score_file(a.shared, train_docs, cv_preds, Path(tmp) / "cv.jsonl")
        dev_preds = spans_at(model, dev_docs, scores_of(model, dev_docs))
        dev_result = score_file(a.shared, dev_docs, dev_preds, Path(tmp) / "dev.jsonl")
    report(f"train, {a.folds}-fold out-of-fold", cv_result)
    report("dev (the shipped model)", dev_result)
    print(f"calibration on out-of-fold spans (each fold calibrated on the others): {json.dumps(cal_report)}")
    meta = {"trained_on": "PTC v2 train (371 articles)", "hp": hp, "folds": a.folds,
            "decoding": dict(zip(("low", "high", "gap", "second"), decoding)),
            "dev": {"SI_F1": dev_result["SI"]["F1"], "FLC_F1": dev_result["FLC"]["F1"]},
            "cv": {"SI_F1": cv_result["SI"]["F1"], "FLC_F1": cv_result["FLC"]["F1"]},
            "calibration": {k: cal_report[k] for k in ("ECE", "Brier", "spans")}}
    save(model, a.out, meta)
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB, {len(model['index'])} features)")


if __name__ == "__main__":
    main()
