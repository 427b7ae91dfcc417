#!/usr/bin/env python3
"""The genre dev set: statements and resolved speakers in PTC articles (opinion and partisan news,
one sentence a line), annotated for presswatch under annotations/genre/GUIDELINES.md.

The repository keeps only offsets, names and each text's sha256 (annotations/genre/annotator_*.jsonl);
this loader rebuilds the gold file from ../shared/eval/data/ptc and refuses a text whose sha256
differs.

    python bench/genre_set.py --out GOLD.jsonl [--annotator a] [--shared DIR]   # the gold file
    python bench/genre_set.py --file PART.jsonl --out GOLD.jsonl    # check one annotation file
    python bench/genre_set.py --agreement [--shared DIR]     # annotator b scored against a
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from annotated import check_text, shared_texts, span as _span

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = REPO / "annotations" / "genre"


def gold_article(row: dict, text: str) -> dict:
    """One annotated article with its text and every span's text, as score_quotes.py reads it."""
    check_text(row["doc_id"], text, row["sha256"])
    quotes = []
    for k, q in enumerate(row["quotes"]):
        where = f"{row['doc_id']} quote {k}"
        quotes.append({
            "content": [_span(text, c, where) for c in q["content"]],
            "source": _span(text, q["source"], where) if q.get("source") else None,
            "cue": _span(text, q["cue"], where) if q.get("cue") else None,
            "speaker": q.get("speaker"),
            "is_direct": bool(q["is_direct"]),
        })
    return {"doc_id": row["doc_id"], "text": text, "quotes": quotes}


def load(shared: Path, annotator: str = "a", path: Path | None = None) -> list:
    path = path or ANNOTATIONS / f"annotator_{annotator}.jsonl"
    ptc = shared / "eval" / "data" / "ptc"
    texts = {**shared_texts(ptc / "train.jsonl"), **shared_texts(ptc / "dev.jsonl")}
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out.append(gold_article(row, texts[row["doc_id"]]))
    return out


def write(articles: list, out: Path) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")


def agreement(shared: Path) -> int:
    """Annotator b's articles scored as predictions against annotator a's, both ways."""
    b = load(shared, "b")
    ids = {x["doc_id"] for x in b}
    a = [x for x in load(shared, "a") if x["doc_id"] in ids]
    scorer = shared / "eval" / "score_quotes.py"
    with tempfile.TemporaryDirectory() as tmp:
        pa, pb = Path(tmp) / "a.jsonl", Path(tmp) / "b.jsonl"
        write(a, pa)
        write(b, pb)
        print(f"agreement on {len(ids)} articles: b scored against a as gold")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(scorer), str(pa), str(pb)], check=False)
        print("\na scored against b as gold")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(scorer), str(pb), str(pa)], check=False)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--annotator", default="a")
    ap.add_argument("--file", help="an annotation file to check instead of annotator_<a>.jsonl")
    ap.add_argument("--out", help="write the gold JSONL here")
    ap.add_argument("--agreement", action="store_true")
    a = ap.parse_args()
    shared = Path(a.shared).resolve()
    if a.agreement:
        return agreement(shared)
    arts = load(shared, a.annotator, Path(a.file) if a.file else None)
    n = sum(len(x["quotes"]) for x in arts)
    print(f"{len(arts)} articles, {n} statements, {sum(q['speaker'] is not None for x in arts for q in x['quotes'])} "
          f"with a resolved speaker", file=sys.stderr)
    if a.out:
        write(arts, Path(a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
