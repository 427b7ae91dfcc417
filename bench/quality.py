#!/usr/bin/env python3
"""Quality on the evaluation sets in ../shared: predictions through the library, scored by the
shared scorer (../shared/eval/score_quotes.py). Data stays in ../shared; predictions go to a
temporary directory, never into the repository.

    python bench/quality.py [--shared DIR] [--bootstrap N] [--only seed|ggt|genre|polnear|gap|checkworthy|techniques]
                            [--scope auto|speech|broad]

genre is the project's own set in the seed's genre (PTC articles, annotations/genre/, rebuilt from
../shared by bench/genre_set.py); gap runs bench/gap.py, the pronoun resolver on GAP validation;
checkworthy runs bench/checkworthy.py (cross-validated ranking on CLEF-2019 and ClaimBuster, and
the project's own news set); techniques runs bench/techniques.py (PTC dev through the pipeline,
scored by ../shared/eval/score_techniques.py; --techniques-cv recomputes the cross-validated
train figures).

--scope sets Options.attribution_scope (the other options come from PRESSWATCH_* variables). The default, auto, scores each set in the scope of its
own annotation guidelines: the seed and GGT mark what people said (speech, the product's default);
PolNeAR marks every attribution, beliefs and stances included (broad). speech or broad runs every
set in that one scope.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import genre_set
from speed import machine

from presswatch import Options, analyze_many
from presswatch.ingest import read_inputs

REPO = Path(__file__).resolve().parent.parent
SETS = {  # name: gold file relative to the shared directory
    "seed": "seed/gold.jsonl",
    "ggt": "eval/data/ggt/dev.jsonl",
    "genre": None,  # rebuilt from annotations/genre/ into the temporary directory
    "polnear": "eval/data/polnear/dev.jsonl",
    "gap": "eval/data/gap/gap-validation.tsv",
    "checkworthy": "eval/data/checkworthy/clef2019_train.jsonl",  # bench/checkworthy.py: CV figures
    "techniques": "eval/data/ptc/dev.jsonl",  # bench/techniques.py: SI and FLC with score_techniques.py
}
ANNOTATION_SCOPE = {"seed": "speech", "ggt": "speech", "genre": "speech", "polnear": "broad"}


def predict(gold: Path, out: Path, options: Options) -> tuple[int, int, float]:
    """What `presswatch analyze GOLD --format jsonl > OUT` does, through the library."""
    n = failed = 0
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        for a in analyze_many(read_inputs([str(gold)]), options):
            n += 1
            if a.status != "ok":
                failed += 1
                print(f"  ERROR {a.doc_id}: {a.error}", file=sys.stderr)
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    return n, failed, time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"),
                    help="the shared directory (default: ../shared beside the repository)")
    ap.add_argument("--bootstrap", type=int, default=0, help="resamples for the scorer's 95%% interval")
    ap.add_argument("--only", choices=list(SETS), action="append", help="score only this set (repeatable)")
    ap.add_argument("--techniques-cv", action="store_true",
                    help="recompute the techniques' cross-validated train figures (minutes)")
    ap.add_argument("--scope", choices=["auto", "speech", "broad"], default="auto",
                    help="attribution scope (Options.attribution_scope); auto: each set's own")
    a = ap.parse_args()
    shared = Path(a.shared).resolve()
    scorer = shared / "eval" / "score_quotes.py"
    m = machine()
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; python {m['python']}; spacy {m['spacy']}")
    if not scorer.exists():
        print(f"no scorer at {scorer}; give the shared directory with --shared")
        return 1
    with tempfile.TemporaryDirectory(prefix="presswatch-quality-") as tmp:
        for name in a.only or SETS:
            gold = shared / SETS[name] if SETS[name] else Path(tmp) / f"{name}.gold.jsonl"
            print(f"\n## {name}: {gold}")
            if name == "genre":
                genre_set.write(genre_set.load(shared), gold)
            if not gold.exists():
                print("  skipped: file not found")
                continue
            if name == "gap":
                sys.stdout.flush()
                subprocess.run([sys.executable, str(REPO / "bench" / "gap.py"), str(gold), "--out",
                                str(Path(tmp) / "gap.pred.tsv")], check=False)
                continue
            if name == "seed":  # its gold claims too: each found, or found again as another mention
                sys.stdout.flush()
                subprocess.run([sys.executable, str(REPO / "bench" / "seed_claims.py"), "--shared", str(shared)],
                               check=False)
            if name == "checkworthy":
                sys.stdout.flush()
                subprocess.run([sys.executable, str(REPO / "bench" / "checkworthy.py")], check=False)
                continue
            if name == "techniques":
                sys.stdout.flush()
                subprocess.run([sys.executable, str(REPO / "bench" / "techniques.py"), "--shared", str(shared)]
                               + (["--cv"] if a.techniques_cv else []), check=False)
                continue
            scope = ANNOTATION_SCOPE[name] if a.scope == "auto" else a.scope
            print(f"  attribution scope: {scope}")
            pred = Path(tmp) / f"{name}.pred.jsonl"
            n, failed, secs = predict(gold, pred, Options.from_env().with_(attribution_scope=scope))
            print(f"  {n} articles analyzed in {secs:.1f} s, {failed} failed")
            cmd = [sys.executable, str(scorer), str(gold), str(pred)]
            if a.bootstrap:
                cmd += ["--bootstrap", str(a.bootstrap)]
            sys.stdout.flush()
            subprocess.run(cmd, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
