#!/usr/bin/env python3
"""presswatch's pronoun resolver on a GAP file (Webster et al., TACL 2018), scored by
../shared/eval/score_gap.py.

    python bench/gap.py GAP.tsv --out PRED.tsv [--baseline]

Parses each example with presswatch's parser, scores the pronoun against its two names A and B with
presswatch.nlp.pronouns.score, and says TRUE for the better one when its score reaches the shipped
model's threshold (both FALSE otherwise). Writes `ID<TAB>A-coref<TAB>B-coref`, then runs the scorer
and prints its overall and per-gender F1 and the feminine/masculine ratio. --baseline writes the
nearest name before the pronoun instead (either A or B, always one). gap-development is the
model's training set and gap-validation its tuning set: only a held-out GAP test file gives a
test figure.
"""
import argparse
import csv
import subprocess
import sys
import time
from pathlib import Path

from speed import machine

from presswatch.nlp.build import load
from presswatch.nlp.pronouns import artifact, choose, score
from presswatch.options import DEFAULT

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO.parent / "shared" / "eval" / "score_gap.py"


def offsets(row) -> list:
    return [(int(row[f"{n}-offset"]), int(row[f"{n}-offset"]) + len(row[n])) for n in "AB"]


def nearest(row) -> int:
    """The name that ends nearest before the pronoun (the first one when both follow it)."""
    p = int(row["Pronoun-offset"])
    before = [(p - e, k) for k, (s, e) in enumerate(offsets(row)) if e <= p]
    return min(before)[1] if before else 0


def decide(rows, baseline: bool) -> list:
    nlp = load(DEFAULT.model, DEFAULT.selective_ner)
    threshold = artifact()["meta"]["threshold"]
    out = []
    for doc, row in zip(nlp.pipe((r["Text"] for r in rows), batch_size=32), rows):
        if baseline:
            k = nearest(row)
        else:
            off = int(row["Pronoun-offset"])
            pron = doc.char_span(off, off + len(row["Pronoun"]), alignment_mode="expand")[0]
            k = choose(score(doc, pron, offsets(row)), threshold)
        out.append((row["ID"], k == 0, k == 1))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gap", help="a GAP .tsv file")
    ap.add_argument("--out", required=True, help="where to write the predictions (.tsv)")
    ap.add_argument("--baseline", action="store_true", help="the nearest preceding name instead of the model")
    ap.add_argument("--scorer", default=str(SCORER))
    a = ap.parse_args()
    with open(a.gap, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    t0 = time.perf_counter()
    decisions = decide(rows, a.baseline)
    took = time.perf_counter() - t0
    with open(a.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["ID", "A-coref", "B-coref"])
        for id_, x, y in decisions:
            w.writerow([id_, "TRUE" if x else "FALSE", "TRUE" if y else "FALSE"])
    m = machine()
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; Python {m['python']}; spaCy {m['spacy']}")
    print(f"{'baseline (nearest preceding name)' if a.baseline else 'presswatch pronoun model'}: "
          f"{len(rows)} examples parsed and decided in {took:.1f} s")
    done = subprocess.run([sys.executable, a.scorer, a.gap, a.out], capture_output=True, text=True)
    print(done.stdout, end="")
    if done.returncode:
        print(done.stderr, end="", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
