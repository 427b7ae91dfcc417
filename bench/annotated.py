"""What the loaders of our own annotated sets share (genre_set, polnear_speakers, identity_set,
checkworthy_set): the texts rebuilt from ../shared, the sha256 check that they are the texts
annotated, and a span checked against its text. The repository keeps offsets, labels and digests only."""
import hashlib
import json
from pathlib import Path


def shared_texts(path: Path, primary_only: bool = False) -> dict:
    """doc_id -> text of a JSONL file of ../shared (PolNeAR's second annotators left out with primary_only)."""
    texts = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if not primary_only or row.get("primary") is True:
                    texts[row["doc_id"]] = row["text"]
    return texts


def check_text(doc_id: str, text: str, annotated_sha: str) -> None:
    """ValueError naming the article when the text in ../shared is not the one annotated."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if sha != annotated_sha:
        raise ValueError(f"{doc_id}: the text in ../shared is not the one annotated "
                         f"(sha256 {sha}, annotated {annotated_sha})")


def span(text: str, pair, where: str) -> dict:
    """{start, end, text} of an annotated (start, end), or ValueError when it falls outside the text."""
    s, e = pair
    if not (0 <= s < e <= len(text)):
        raise ValueError(f"{where}: span {s}-{e} is outside the text ({len(text)} characters)")
    return {"start": s, "end": e, "text": text[s:e]}
