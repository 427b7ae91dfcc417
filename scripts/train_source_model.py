#!/usr/bin/env python3
"""Train presswatch's source ranker from PolNeAR train.

    python scripts/train_source_model.py [--train ../shared/eval/data/polnear/train.jsonl]
                                         [--out src/presswatch/data/source_model.json]
                                         [--cache /tmp/polnear-train.docbin] [--threshold 0.9]

For every gold cue of the primary annotators, the candidates are the noun-phrase heads of the
cue's sentence (presswatch.nlp.quotes.sources.candidates); the label is the candidate that heads
the gold source span. A softmax over the candidates of one cue, a linear score per candidate from
presswatch.nlp.quotes.sources.source_features, trained with AdaGrad and L2 on 90% of the articles;
the other 10% report top-1 accuracy of the model against the rule (parse.subject_of, or the object
of "according to"), and how often the model overrules the rule at a few confidence thresholds and
is right. The artifact holds feature names (parser labels, word classes) and weights, and the
threshold given with --threshold (chosen on PolNeAR dev and GGT dev with bench/quality.py): no
text or annotation of PolNeAR. Parsing the 840 articles takes a few minutes on one core.
"""
import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presswatch.nlp.build import load  # noqa: E402
from presswatch.nlp.quotemarks import find_quoted  # noqa: E402
from presswatch.nlp.quotes.parse import subject_of  # noqa: E402
from presswatch.nlp.quotes.sources import CueView, candidates, certain, source_features  # noqa: E402
from presswatch.nlp.spans import Covered  # noqa: E402
from presswatch.options import DEFAULT  # noqa: E402
from train_cues import spans  # noqa: E402  (this folder: PolNeAR's span lists)

RELATIVE = ("who", "which", "that")


def articles(path: str) -> list[tuple[str, list]]:
    """(text, [(cue spans, source spans, content spans)]) of every primary-annotator article."""
    out = []
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if d.get("primary") is False:
            continue
        quotes = [([(s["start"], s["end"]) for s in spans(q.get("cue"))],
                   [(s["start"], s["end"]) for s in spans(q.get("source"))],
                   [(s["start"], s["end"]) for s in spans(q.get("content"))]) for q in d.get("quotes", [])]
        out.append((d["text"], quotes))
    return out


def parsed(arts, cache):
    """The parsed Docs, from a DocBin cache when there is one (parsing is the slow part)."""
    from spacy.tokens import DocBin
    nlp = load(DEFAULT.model, DEFAULT.selective_ner)  # the parser alone
    if cache and os.path.exists(cache):
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs, t0 = [], time.time()
    for n, doc in enumerate(nlp.pipe((t for t, _ in arts), batch_size=16)):
        docs.append(doc)
        if n % 100 == 0:
            print(f"  parsed {n}/{len(arts)} articles, {time.time() - t0:.0f} s", file=sys.stderr)
    if cache:
        DocBin(docs=docs).to_disk(cache)
    return docs


def head_of(doc, char_spans, prefer=None):
    """The token heading a gold span (its head lies outside the span), or None."""
    toks = [t for s, e in char_spans for t in doc.char_span(s, e, alignment_mode="expand") or ()]
    idx = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in idx or t.head.i == t.i]
    if prefer:
        heads = sorted(heads, key=lambda t: t.pos_ not in prefer)
    return heads[0] if heads else None


def cue_token(doc, cue_spans):
    """The run-time cue token of a gold cue: "according" of "according to", else its head verb."""
    toks = [t for s, e in cue_spans for t in doc.char_span(s, e, alignment_mode="expand") or ()]
    acc = next((t for t in toks if t.lower_ == "according"), None)
    return acc if acc is not None else head_of(doc, cue_spans, prefer=("VERB", "AUX"))


def rule_choice(cue):
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        return next((c for c in cue.doc[cue.i + 1].children if c.dep_ == "pobj"), None)
    return subject_of(cue)


def gold_head(doc, src_spans):
    """The head of the gold source; a relative pronoun ("X, who said") stands for the noun it
    describes, which is what presswatch names as the source."""
    head = head_of(doc, src_spans, prefer=("NOUN", "PROPN", "PRON"))
    if head is not None and head.lower_ in RELATIVE and head.head.dep_ == "relcl":
        return head.head.head
    return head


def examples(arts, docs) -> list[list]:
    """Per article, per gold cue: (candidate feature lists, gold index or -1, rule index or -1,
    whether the rule is taken without asking the model)."""
    out = []
    for (text, quotes), doc in zip(arts, docs):
        quoted = Covered((q.start, q.end) for q in find_quoted(text))
        rows = []
        for cue_sp, src_sp, content_sp in quotes:
            cue = cue_token(doc, cue_sp) if cue_sp else None
            if cue is None or not src_sp:
                continue
            cands = candidates(cue)
            rule = rule_choice(cue)
            gold = gold_head(doc, src_sp)
            content = (min(s for s, _ in content_sp), max(e for _, e in content_sp)) if content_sp else None
            view = CueView.of(cue, rule, content, quoted)
            feats = [source_features(c, view) for c in cands]
            pos = {c.i: k for k, c in enumerate(cands)}
            rows.append((feats, pos.get(gold.i, -1) if gold is not None else -1,
                         pos.get(rule.i, -1) if rule is not None else -1, certain(cue, rule, quoted)))
        out.append(rows)
    return out


def softmax(w, feats):
    zs = [sum(w.get(f, 0.0) for f in fs) for fs in feats]
    top = max(zs)
    es = [math.exp(z - top) for z in zs]
    total = sum(es)
    return [e / total for e in es]


def train(rows, epochs: int, l2: float, rate: float, seed: int = 0) -> dict:
    w, g2 = {}, {}
    rng = random.Random(seed)
    rows = [r for r in rows if r[1] >= 0]
    for ep in range(epochs):
        rng.shuffle(rows)
        loss = 0.0
        for feats, gold, _, _ in rows:
            ps = softmax(w, feats)
            loss -= math.log(max(ps[gold], 1e-12))
            grads = {}
            for k, fs in enumerate(feats):
                g = ps[k] - (1.0 if k == gold else 0.0)
                for f in fs:
                    grads[f] = grads.get(f, 0.0) + g
            for f, g in grads.items():
                wf = w.get(f, 0.0)
                grad = g + l2 * wf
                g2[f] = g2.get(f, 0.0) + grad * grad
                w[f] = wf - rate * grad / math.sqrt(g2[f] + 1e-8)
        print(f"  epoch {ep + 1}/{epochs}: mean log-loss {loss / len(rows):.4f}", file=sys.stderr)
    return w


def report(w, rows, label) -> None:
    """Top-1 accuracy of the model and the rule, and the model overruling the rule by confidence
    (as at run time: never where the rule is certain)."""
    n_all = len(rows)
    rows = [r for r in rows if r[1] >= 0]
    model_ok = rule_ok = 0
    over = {th: [0, 0, 0] for th in (0.5, 0.7, 0.8, 0.9, 0.95)}  # overrules, right, rule was right
    for feats, gold, rule, sure in rows:
        ps = softmax(w, feats)
        best = max(range(len(ps)), key=lambda k: ps[k])
        model_ok += best == gold
        rule_ok += rule == gold
        for th, c in over.items():
            if best != rule and ps[best] >= th and not sure:
                c[0] += 1
                c[1] += best == gold
                c[2] += rule == gold
    n = len(rows)
    print(f"  {label}: {n} cues whose gold source head is a candidate (of {n_all} with a source): "
          f"model top-1 {100 * model_ok / n:.1f}, rule {100 * rule_ok / n:.1f}")
    for th, (k, right, was) in over.items():
        combined = rule_ok - was + right
        print(f"    overrule at p >= {th}: {k} overrules, {right} right, {was} where the rule was right; "
              f"combined top-1 {100 * combined / n:.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/eval/data/polnear/train.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "src/presswatch/data/source_model.json"))
    ap.add_argument("--cache", help="DocBin of the parsed articles, reused when present (for tuning)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--threshold", type=float, default=0.9, help="confidence to overrule the rule at run time")
    ap.add_argument("--min-weight", type=float, default=0.01, help="drop smaller weights from the artifact")
    a = ap.parse_args()
    if not os.path.exists(a.train):
        sys.exit(f"train_source_model: {a.train} not found; pass --train PATH to PolNeAR's train.jsonl")
    t0 = time.time()
    arts = articles(a.train)
    per_article = examples(arts, parsed(arts, a.cache))
    rng = random.Random(1)
    order = list(range(len(per_article)))
    rng.shuffle(order)
    cut = len(order) // 10
    held = [r for i in order[:cut] for r in per_article[i]]
    fit = [r for i in order[cut:] for r in per_article[i]]
    w = train(fit, a.epochs, a.l2, a.rate)
    report(w, fit, "fitted 90%")
    report(w, held, "held-out 10%")
    w = train(fit + held, a.epochs, a.l2, a.rate)  # the shipped model sees every article
    kept = {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= a.min_weight}
    meta = {"source": "PolNeAR v1.0 train (primary annotators): feature weights only",
            "articles": len(per_article), "cues": len(fit) + len(held), "epochs": a.epochs, "l2": a.l2,
            "rate": a.rate, "threshold": a.threshold,
            "features": "presswatch.nlp.quotes.sources.source_features"}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "weights": kept}, fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {a.out}: {len(kept)} weights from {len(per_article)} articles in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
