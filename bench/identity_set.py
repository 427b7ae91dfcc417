#!/usr/bin/env python3
"""The cross-article identity set: in 45 PolNeAR dev articles, the one real-world person,
organisation or group that each attribution source refers to, with the same id across articles
("Clinton", "she", "the former secretary of state" -> hillary_clinton), resolved by hand under
annotations/identity/GUIDELINES.md (selection rule in that folder's README.md).

The repository keeps only offsets, ids, names and each text's sha256 (annotations/identity/
annotator_a.jsonl, annotations/identity/people.json); this loader rebuilds the texts from
../shared/eval/data/polnear/dev.jsonl and refuses a text whose sha256 differs.

    python bench/identity_set.py [--shared DIR] [--file ANNOTATIONS.jsonl]   # prints the counts
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from annotated import check_text, shared_texts, span as _span

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ANNOTATIONS = REPO / "annotations" / "identity" / "annotator_a.jsonl"
PEOPLE = REPO / "annotations" / "identity" / "people.json"
KINDS = ("PERSON", "ORG", "GROUP")


def load_people(path: Path = PEOPLE) -> dict:
    with open(path, encoding="utf-8") as fh:
        people = json.load(fh)
    for pid, entry in people.items():
        if not entry.get("name") or entry.get("kind") not in KINDS:
            raise ValueError(f"people.json: {pid!r} needs a name and a kind in {KINDS}")
    return people


def article(row: dict, text: str, people: dict) -> dict:
    """One annotated article: its text and each attribution's spans, id and canonical name."""
    doc_id = row["doc_id"]
    check_text(doc_id, text, row["sha256"])
    attributions = []
    for k, att in enumerate(row["attributions"]):
        where = f"{doc_id} attribution {k}"
        pid = att["id"]
        if pid is None and not att.get("unnamed"):
            raise ValueError(f"{where}: a null id needs an 'unnamed' description")
        if pid is not None and pid not in people:
            raise ValueError(f"{where}: id {pid!r} is not in people.json")
        attributions.append({
            "source": _span(text, att["source"], where),
            "content": _span(text, att["content"], where),
            "id": pid,
            "name": people[pid]["name"] if pid is not None else None,
            "kind": people[pid]["kind"] if pid is not None else None,
            "unnamed": att.get("unnamed"),
        })
    return {"doc_id": doc_id, "text": text, "attributions": attributions}


def load(shared: Path = SHARED, path: Path = ANNOTATIONS, people_path: Path = PEOPLE) -> list[dict]:
    texts = shared_texts(Path(shared) / "eval" / "data" / "polnear" / "dev.jsonl", primary_only=True)
    people = load_people(people_path)
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row["doc_id"] not in texts:
                    raise ValueError(f"{row['doc_id']}: not a primary article in "
                                     f"{shared}/eval/data/polnear/dev.jsonl")
                out.append(article(row, texts[row["doc_id"]], people))
    return out


def counts(articles: list[dict]) -> dict:
    atts = [a for art in articles for a in art["attributions"]]
    docs_per_id = defaultdict(set)
    for art in articles:
        for a in art["attributions"]:
            if a["id"] is not None:
                docs_per_id[a["id"]].add(art["doc_id"])
    return {
        "articles": len(articles),
        "attributions": len(atts),
        "with id": sum(a["id"] is not None for a in atts),
        "distinct ids": len(docs_per_id),
        "ids in 2+ articles": sum(len(d) >= 2 for d in docs_per_id.values()),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared directory (default: ../shared)")
    ap.add_argument("--file", type=Path, default=ANNOTATIONS, help="the annotation file")
    args = ap.parse_args(argv)
    try:
        articles = load(args.shared, args.file)
    except (OSError, ValueError) as exc:
        print(f"identity_set: {exc}", file=sys.stderr)
        return 1
    for name, n in counts(articles).items():
        print(f"{name:20} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
