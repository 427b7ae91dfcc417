#!/usr/bin/env python3
"""Train presswatch's learned cue lexicon from PolNeAR train.

    python scripts/train_cues.py [--train ../shared/eval/data/polnear/train.jsonl]
                                 [--out src/presswatch/data/cue_lexicon.json]

For every verb the parser finds, it counts how often the annotators marked it as the cue of an
attribution, per word form and per frame (what the verb governs: a clause, an object, nothing).
The artifact holds those counts only: word forms and numbers, no text or annotation of PolNeAR.
Runs on CPU in a few minutes (it parses the 840 training articles once).
"""
import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presswatch.nlp.build import load  # noqa: E402
from presswatch.nlp.quotes.learned import frame_of  # noqa: E402
from presswatch.options import DEFAULT  # noqa: E402
from presswatch.nlp.quotemarks import find_quoted  # noqa: E402


def spans(x):
    if not x:
        return []
    return [x] if isinstance(x, dict) else [s for s in x if s]


def training_docs(path: str) -> list[tuple[str, set]]:
    """(text, characters inside a cue) of every primary-annotator article in PolNeAR's train.jsonl."""
    docs = []
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if d.get("primary") is False:
            continue
        cue_chars = set()
        for q in d.get("quotes", []):
            for s in spans(q.get("cue")):
                cue_chars.update(range(s["start"], s["end"]))
        docs.append((d["text"], cue_chars))
    return docs


def candidate_verbs(doc):
    """The same candidates as at run time: verbs outside quotation marks (a speaker's own "I
    think" inside a quote is part of the quote, not a new attribution)."""
    quoted = [(q.start, q.end) for q in find_quoted(doc.text)]
    return [tok for tok in doc if tok.pos_ == "VERB" and not any(s <= tok.idx < e for s, e in quoted)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/eval/data/polnear/train.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "src/presswatch/data/cue_lexicon.json"))
    ap.add_argument("--min-count", type=int, default=3, help="keep (form, frame) pairs seen this often")
    a = ap.parse_args()
    if not os.path.exists(a.train):
        sys.exit(f"train_cues: {a.train} not found; pass --train PATH to PolNeAR's train.jsonl")
    docs = training_docs(a.train)
    nlp = load(DEFAULT.model, DEFAULT.selective_ner)  # the parser alone
    counts = collections.defaultdict(lambda: [0, 0])  # (form, frame) -> [cue, total]
    t0 = time.time()
    for n, (doc, cue_chars) in enumerate(nlp.pipe(((t, c) for t, c in docs), as_tuples=True, batch_size=16)):
        for tok in candidate_verbs(doc):
            key = f"{tok.lower_}|{frame_of(tok)}"
            counts[key][1] += 1
            counts[key][0] += tok.idx in cue_chars
        if n % 100 == 0:
            print(f"  {n}/{len(docs)} articles, {time.time() - t0:.0f} s", file=sys.stderr)
    lexicon = {k: v for k, v in sorted(counts.items()) if v[1] >= a.min_count and v[0] > 0}
    meta = {"source": "PolNeAR v1.0 train (primary annotators): counts only",
            "articles": len(docs), "min_count": a.min_count,
            "format": "form|frame -> [times annotated as cue, times seen as a verb]"}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "counts": lexicon}, fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {a.out}: {len(lexicon)} entries from {len(docs)} articles in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
