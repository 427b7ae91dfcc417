#!/usr/bin/env python3
"""Quality of presswatch's components in a stock spaCy pipeline, beside presswatch's own pipeline.

    python bench/stock_pipeline.py [--shared DIR] [--only ggt|seed|polnear] [--scope speech|broad]

The stock pipeline is what a spaCy user builds: spacy.load(MODEL) with every component (the
lemmatizer and attribute ruler included, the recognizer on every token, sentences from the parser
alone), then nlp.add_pipe("presswatch_article"), "presswatch_quotes", "presswatch_speakers",
"presswatch_times" and "presswatch_claims". presswatch's own pipeline adds its speed steps instead
(paragraph_breaks, fast_pos, selective_ner). Both are scored by ../shared/eval/score_quotes.py.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from speed import machine

from presswatch import Options, analysis_of, analyze_many
from presswatch.ingest import read_inputs
from presswatch.records import Article

REPO = Path(__file__).resolve().parent.parent
SETS = {"seed": "seed/gold.jsonl", "ggt": "eval/data/ggt/dev.jsonl", "polnear": "eval/data/polnear/dev.jsonl"}
STEPS = ("presswatch_article", "presswatch_quotes", "presswatch_speakers", "presswatch_times", "presswatch_claims")


def stock(options: Options):
    import spacy

    for name in options.model.split(","):
        try:
            nlp = spacy.load(name.strip())
            break
        except OSError:
            continue
    else:
        raise SystemExit(f"no spaCy model among {options.model}; run `make install`")
    for step in STEPS:
        nlp.add_pipe(step)
    return nlp


def predict_stock(nlp, gold: Path, out: Path, options: Options) -> float:
    items = [a for a in read_inputs([str(gold)]) if isinstance(a, Article)]
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        pairs = ((a.text, {"article": a, "options": options}) for a in items)
        for doc, ctx in nlp.pipe(pairs, as_tuples=True, batch_size=16):
            fh.write(json.dumps(analysis_of(doc, ctx["article"]).to_dict(), ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def predict_presswatch(gold: Path, out: Path, options: Options) -> float:
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        for a in analyze_many(read_inputs([str(gold)]), options):
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def score(scorer: Path, gold: Path, pred: Path) -> str:
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True)
    return out.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--only", choices=list(SETS), action="append")
    ap.add_argument("--scope", choices=["speech", "broad"], default="speech")
    a = ap.parse_args()
    shared = Path(a.shared).resolve()
    scorer = shared / "eval" / "score_quotes.py"
    m = machine()
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; python {m['python']}; spacy {m['spacy']}")
    options = Options.from_env().with_(attribution_scope=a.scope)
    nlp = stock(options)
    print(f"stock pipeline: {' '.join(nlp.pipe_names)}")
    with tempfile.TemporaryDirectory(prefix="presswatch-stock-") as tmp:
        for name in a.only or ["ggt"]:
            gold = shared / SETS[name]
            print(f"\n## {name} ({a.scope} scope): {gold}")
            for label, run in (("presswatch pipeline", lambda p: predict_presswatch(gold, p, options)),
                               ("stock pipeline", lambda p: predict_stock(nlp, gold, p, options))):
                pred = Path(tmp) / f"{name}-{label.split()[0]}.jsonl"
                secs = run(pred)
                print(f"### {label} ({secs:.1f} s)\n{score(scorer, gold, pred)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
