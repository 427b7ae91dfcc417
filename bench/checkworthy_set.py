#!/usr/bin/env python3
"""The check-worthiness dev set: every sentence of 24 news articles (12 GGT, 12 primary PolNeAR dev)
labelled 1 (check-worthy) or 0 under annotations/checkworthy/GUIDELINES.md.

The repository keeps only offsets, labels and each text's sha256 (annotations/checkworthy/
annotator_a.jsonl); this loader rebuilds the texts from ../shared/eval/data/{ggt,polnear}/dev.jsonl
and refuses a text whose sha256 differs. The gold file is the transcript-per-line format that
../shared/eval/score_checkworthy.py reads: {"doc_id", "text", "sentences": [{start, end, label,
line_number}]}, line_number counting sentences from 1 as in clef2019_train.jsonl.

    python bench/checkworthy_set.py                       # counts
    python bench/checkworthy_set.py --out GOLD.jsonl      # and write the gold file
    python bench/checkworthy_set.py --shared DIR --annotator a
"""
import argparse
import json
import sys
from pathlib import Path

from annotated import check_text, shared_texts

REPO = Path(__file__).resolve().parents[1]
ANNOTATIONS = REPO / "annotations" / "checkworthy"
DEFAULT_SHARED = REPO.parent / "shared"
SOURCES = ("ggt", "polnear")


def _texts(shared: Path) -> dict:
    """{(source, doc_id): text} from the dev files the set was drawn from."""
    return {(source, doc_id): text for source in SOURCES
            for doc_id, text in shared_texts(shared / "eval" / "data" / source / "dev.jsonl").items()}


def gold_article(row: dict, text: str) -> dict:
    """One annotated article with its text, as score_checkworthy.py reads it."""
    doc = row["doc_id"]
    check_text(doc, text, row["sha256"])
    sents, prev = [], 0
    for i, s in enumerate(row["sentences"], 1):
        start, end, label = s["start"], s["end"], s["label"]
        if not (prev <= start < end <= len(text)) or label not in (0, 1):
            raise ValueError(f"{doc}: sentence {i} ({start}-{end}, label {label!r}) is out of order, "
                             f"outside the text ({len(text)} characters) or not labelled 0/1")
        sents.append({"start": start, "end": end, "label": label, "line_number": i})
        prev = end
    return {"doc_id": doc, "text": text, "sentences": sents}


def load(shared: Path = DEFAULT_SHARED, annotator: str = "a", path: Path | None = None) -> list:
    """The annotated articles, each {"doc_id", "text", "sentences": [{start, end, label, line_number}]}."""
    path = Path(path) if path else ANNOTATIONS / f"annotator_{annotator}.jsonl"
    texts = _texts(Path(shared))
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            key = (row["source"], row["doc_id"])
            if key not in texts:
                raise ValueError(f"{row['doc_id']}: not found in {row['source']}/dev.jsonl under {shared}")
            out.append(gold_article(row, texts[key]))
    return out


def write(articles: list, path) -> None:
    """The gold JSONL, one article a line."""
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(DEFAULT_SHARED))
    ap.add_argument("--annotator", default="a")
    ap.add_argument("--file", help="an annotation file to check instead of annotator_<a>.jsonl")
    ap.add_argument("--out", help="write the gold JSONL here")
    a = ap.parse_args()
    arts = load(Path(a.shared).resolve(), a.annotator, Path(a.file) if a.file else None)
    n = sum(len(x["sentences"]) for x in arts)
    k = sum(s["label"] for x in arts for s in x["sentences"])
    print(f"{len(arts)} articles, {n} sentences, {k} check-worthy ({100 * k / n if n else 0:.1f}%)")
    if a.out:
        write(arts, Path(a.out))
        print(f"gold written to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
