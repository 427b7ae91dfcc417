#!/usr/bin/env python3
"""Persuasion techniques on PTC dev: presswatch's own pipeline, scored by the shared scorer.

    python bench/techniques.py [--shared DIR] [--cv]

Prints SI (span identification) and FLC (technique-aware) F1 and the per-technique figures of
../shared/eval/score_techniques.py on PTC dev (75 articles, the set the decoding was chosen on;
none of them trained the model), the calibration of the confidences on those spans (expected
calibration error and Brier score against "the span overlaps PTC's span of its technique by at
least half"), and the cross-validated train figures: those the training script recorded in the
shipped artifact, or, with --cv, recomputed by running scripts/train_techniques.py (5 folds,
about five minutes) into a temporary file. Before the techniques issue presswatch found no
technique: SI and FLC 0."""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from speed import machine

from presswatch import Options, analyze_many
from presswatch.ingest import read_inputs
from presswatch.nlp.techniques.model import artifact

REPO = Path(__file__).resolve().parent.parent
DEV = "eval/data/ptc/dev.jsonl"


def predict(gold: Path, out: Path) -> tuple[list[dict], float]:
    """The techniques of every dev article through presswatch's pipeline, written as the scorer reads them."""
    t0, rows = time.perf_counter(), []
    with open(out, "w", encoding="utf-8") as fh:
        for a in analyze_many(read_inputs([str(gold)]), Options.from_env()):
            if a.status != "ok":
                print(f"  ERROR {a.doc_id}: {a.error}", file=sys.stderr)
            row = {"doc_id": a.doc_id, "techniques": [t.to_dict() for t in a.techniques]}
            rows.append(row)
            fh.write(json.dumps(row) + "\n")
    return rows, time.perf_counter() - t0


def calibration(gold: Path, rows: list[dict], bins: int = 10) -> dict:
    """ECE and Brier of the confidences against each span's outcome on the gold."""
    golds = {g["doc_id"]: g["techniques"] for g in map(json.loads, open(gold, encoding="utf-8"))}
    probs, ys = [], []
    for r in rows:
        for t in r["techniques"]:
            same = [(g["start"], g["end"]) for g in golds.get(r["doc_id"], []) if g["technique"] == t["technique"]]
            cover = sum(max(0, min(e, t["end"]) - max(s, t["start"])) for s, e in same)
            probs.append(t["confidence"])
            ys.append(int(cover >= (t["end"] - t["start"]) / 2))
    if not probs:
        return {"spans": 0}
    p, y = np.array(probs), np.array(ys)
    k = np.minimum((p * bins).astype(int), bins - 1)
    ece = sum(abs(p[k == b].mean() - y[k == b].mean()) * (k == b).sum() for b in range(bins) if (k == b).any())
    return {"spans": len(p), "ECE": round(float(ece / len(p)), 4), "Brier": round(float(((p - y) ** 2).mean()), 4),
            "mean confidence": round(float(p.mean()), 3), "observed": round(float(y.mean()), 3)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--cv", action="store_true", help="recompute the cross-validated train figures (minutes)")
    a = ap.parse_args()
    shared = Path(a.shared).resolve()
    gold, scorer = shared / DEV, shared / "eval/score_techniques.py"
    m = machine()
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; python {m['python']}; spacy {m['spacy']}")
    if not gold.exists() or not scorer.exists():
        print(f"  skipped: {gold} or {scorer} not found; give the shared directory with --shared")
        return 0
    print("  before the techniques issue: SI 0.0, FLC 0.0 (no technique found)")
    with tempfile.TemporaryDirectory(prefix="presswatch-techniques-") as tmp:
        pred = Path(tmp) / "ptc-dev.pred.jsonl"
        rows, secs = predict(gold, pred)
        print(f"  PTC dev: {len(rows)} articles analyzed in {secs:.1f} s, "
              f"{sum(len(r['techniques']) for r in rows)} spans")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], check=False)
        print(f"  calibration on PTC dev: {json.dumps(calibration(gold, rows))}")
        meta = artifact()["meta"]
        print(f"  recorded when the shipped model was trained: {json.dumps({k: meta.get(k) for k in ('cv', 'dev', 'calibration', 'decoding')})}")
        if a.cv:
            sys.stdout.flush()
            subprocess.run([sys.executable, str(REPO / "scripts/train_techniques.py"), "--shared", str(shared),
                            "--out", str(Path(tmp) / "cv-model.npz")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
