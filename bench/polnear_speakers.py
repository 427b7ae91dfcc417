#!/usr/bin/env python3
"""The PolNeAR speaker set: in 30 PolNeAR train articles, the person or organisation that each pronoun
or description source ("he", "the senator", "the campaign") refers to, resolved by hand under
annotations/polnear_speakers/GUIDELINES.md (selection rule in that folder's README.md).

The repository keeps only offsets, names and each text's sha256 (annotations/polnear_speakers/
annotator_a.jsonl); this loader rebuilds the texts from ../shared/eval/data/polnear/train.jsonl and
refuses a text whose sha256 differs.

    python bench/polnear_speakers.py [--shared DIR] [--file ANNOTATIONS.jsonl]   # prints the counts
"""
import argparse
import json
import sys
from pathlib import Path

from annotated import check_text, shared_texts, span as _span

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ANNOTATIONS = REPO / "annotations" / "polnear_speakers" / "annotator_a.jsonl"
KINDS = ("pronoun", "description")


def article(row: dict, text: str) -> dict:
    """One annotated article: its text, and each source with its text, speaker and antecedent."""
    doc_id = row["doc_id"]
    check_text(doc_id, text, row["sha256"])
    sources = []
    for k, src in enumerate(row["sources"]):
        where = f"{doc_id} source {k}"
        if src["kind"] not in KINDS:
            raise ValueError(f"{where}: kind {src['kind']!r} is not one of {KINDS}")
        if src["speaker"] is None and not src.get("unnamed"):
            raise ValueError(f"{where}: a null speaker needs an 'unnamed' description")
        span = _span(text, src["source"], where)
        ante = _span(text, src["antecedent"], where) if src.get("antecedent") else None
        if ante is not None and (src["speaker"] is None or ante["end"] > span["start"]):
            raise ValueError(f"{where}: the antecedent must name the speaker before the source")
        sources.append({
            "source": span,
            "kind": src["kind"],
            "speaker": src["speaker"],
            "unnamed": src.get("unnamed"),
            "antecedent": ante,
        })
    return {"doc_id": doc_id, "text": text, "sources": sources}


def load(shared: Path = SHARED, path: Path = ANNOTATIONS) -> list[dict]:
    texts = shared_texts(Path(shared) / "eval" / "data" / "polnear" / "train.jsonl", primary_only=True)
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row["doc_id"] not in texts:
                    raise ValueError(f"{row['doc_id']}: not a primary article in {shared}/eval/data/polnear/train.jsonl")
                out.append(article(row, texts[row["doc_id"]]))
    return out


def counts(articles: list[dict]) -> dict:
    sources = [s for a in articles for s in a["sources"]]
    return {
        "articles": len(articles),
        "sources": len(sources),
        "pronouns": sum(s["kind"] == "pronoun" for s in sources),
        "descriptions": sum(s["kind"] == "description" for s in sources),
        "resolved": sum(s["speaker"] is not None for s in sources),
        "with antecedent": sum(s["antecedent"] is not None for s in sources),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared directory (default: ../shared)")
    ap.add_argument("--file", type=Path, default=ANNOTATIONS, help="the annotation file")
    args = ap.parse_args(argv)
    try:
        articles = load(args.shared, args.file)
    except (OSError, ValueError) as exc:
        print(f"polnear_speakers: {exc}", file=sys.stderr)
        return 1
    for name, n in counts(articles).items():
        print(f"{name:16} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
