#!/usr/bin/env python3
"""Check-worthiness figures, all through the shared scorer (../shared/eval/score_checkworthy.py):

    python bench/checkworthy.py [--shared DIR] [--cache /tmp/checkworthy-parsed.jsonl] [--news-repo DIR]

- CLEF-2019 training transcripts, leave one transcript out (a model trained on ClaimBuster and
  the other 18 scores each): MAP and P@1/3/5/10. Anchor: the best CLEF-2019 primary run reached
  MAP 0.166 on the test part (random 0.032); these are the training transcripts, not that test.
- ClaimBuster, a held-out 20% (trained on the other 80% and all of CLEF): AP, and P/R/F1 of the
  sentences scoring >= 0.5.
  Both retrain with scripts/train_checkworthy.py's functions and defaults (about a minute and a
  half; half a minute with --cache).
- The news set (GGT and PolNeAR dev articles, one annotator's check-worthy sentences), when
  annotations/checkworthy/annotator_a.jsonl and bench/checkworthy_set.py are in this repository
  or in --news-repo (default: ../main): every sentence scored by the shipped model through
  presswatch's pipeline (claims and statements as the run-time component sees them); MAP over
  articles and P@k. Else it says the set is absent.
Predictions and gold files go to a temporary directory, never into the repository.
"""
import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

import train_checkworthy as tc  # noqa: E402
from speed import machine  # noqa: E402

KS = ("P@1", "P@3", "P@5", "P@10")


def news_set(repo: Path):
    """The news set's loader module, or None when the annotations or the loader are missing."""
    ann, loader = repo / "annotations/checkworthy/annotator_a.jsonl", repo / "bench/checkworthy_set.py"
    if not (ann.exists() and loader.exists()):
        return None
    spec = importlib.util.spec_from_file_location("checkworthy_set", loader)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, ann


def news_predictions(articles: list) -> list[dict]:
    """The shipped model's score for every sentence of each article, through presswatch's pipeline."""
    from presswatch.nlp.checkworthy import score_sentences
    from presswatch.options import DEFAULT
    from presswatch.pipeline import get_nlp
    from presswatch.records import Article
    nlp = get_nlp(DEFAULT)
    items = ((a["text"], {"article": Article(doc_id=a["doc_id"], text=a["text"], origin="bench"), "options": DEFAULT})
             for a in articles)
    preds = []
    for a, (doc, _) in zip(articles, nlp.pipe(items, as_tuples=True, batch_size=8)):
        claims, stmts = tc._records(doc)
        scored = score_sentences(doc, claims, stmts)
        preds.append({"doc_id": a["doc_id"], "checkworthy": [{"start": s, "end": e, "score": round(p, 5)}
                                                             for s, e, p in scored]})
    return preds


def news(repo: Path, shared: Path, tmp: Path) -> dict | None:
    found = news_set(repo)
    if found is None:
        return None
    mod, ann = found
    articles = mod.load(shared, path=ann)
    gold = tmp / "checkworthy_news_gold.jsonl"
    mod.write(articles, gold)
    res = tc.score(shared, gold, news_predictions(articles), tmp, "checkworthy_news_pred.jsonl")
    mean = res["ranking_mean_over_groups"]
    return {"articles": res["groups"], "sentences": res["items"], "positives": res["positives"],
            "MAP": mean["AP"], **{k: mean[k] for k in KS}, "R-Prec": mean["R-Prec"], "source": str(ann)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--cache", help="the parsed feature rows of train_checkworthy.py --cache")
    ap.add_argument("--news-repo", help="a checkout holding the news set (default: this one, else ../main)")
    ap.add_argument("--skip-training", action="store_true", help="only the news set")
    a = ap.parse_args()
    shared = Path(a.shared)
    print(json.dumps({"machine": machine()}))
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if not a.skip_training:
            docs = tc.parse(shared, a.cache)
            hp = {"epochs": 5, "l2": 1e-4, "rate": 0.05, "clef_weight": 1.0}
            cb = tc.claimbuster_heldout(docs, shared, tmp, hp, 0.5)
            print(json.dumps({"claimbuster_heldout_20pct": cb}))
            lo = tc.loto(docs, shared, tmp, hp)
            print(json.dumps({"clef_loto": {"MAP": lo["AP"], **{k: lo[k] for k in KS}, "R-Prec": lo["R-Prec"]}}))
        repos = [Path(a.news_repo)] if a.news_repo else [ROOT, ROOT.parent / "main"]
        found = next((r for r in repos if news_set(r) is not None), None)
        res = news(found, shared, tmp) if found else None
        print(json.dumps({"news_set": res if res else "absent (no annotations/checkworthy/annotator_a.jsonl "
                                                        "and bench/checkworthy_set.py in " + ", ".join(map(str, repos)) + ")"}))


if __name__ == "__main__":
    main()
