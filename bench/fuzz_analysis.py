#!/usr/bin/env python3
"""A longer fuzz run of the analysis, for releases: random texts of words, quotation marks, digits,
dates, calendar words and control characters (the vocabulary of tests/test_spans_property.py),
each analysed in both attribution scopes; every span of every result must slice the text to its
own text, and no article may fail.

    python bench/fuzz_analysis.py [--n 20000] [--seed 1] [--out fuzz-failures.jsonl]

Prints what it ran, the outcomes, the time and the machine; each failing text is written, with
what failed, to --out (nothing is written when all pass).
"""
import argparse
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from speed import machine  # noqa: E402
from test_spans_property import WORDS, spans_of  # noqa: E402

from presswatch import Article, Options, analyze_many  # noqa: E402


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 120)):
        if rng.random() < 0.85:
            parts.append(rng.choice(WORDS))
        else:
            parts.append("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 6))))
    return " ".join(parts)


def problems(text: str, a) -> list[str]:
    if not text.strip():
        return [] if a.status == "error" else ["an empty text was analysed"]
    if a.status != "ok":
        return [f"failed: {a.error}"]
    return [f"{where} {s}" for where, s in spans_of(a)
            if not (0 <= s.start <= s.end <= len(text)) or text[s.start:s.end] != s.text]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="fuzz-failures.jsonl")
    a = ap.parse_args()
    m = machine()
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; python {m['python']}; spacy {m['spacy']}")
    rng = random.Random(a.seed)
    texts = [random_text(rng) for _ in range(a.n)]
    failures, t0, outcomes = [], time.perf_counter(), {"ok": 0, "error (empty text)": 0}
    for scope in ("speech", "broad"):
        results = analyze_many((Article(f"fuzz-{i}", t) for i, t in enumerate(texts)),
                               Options(attribution_scope=scope))
        for text, result in zip(texts, results):
            found = problems(text, result)
            if found:
                failures.append({"scope": scope, "text": text, "problems": found[:5]})
            else:
                outcomes["ok" if result.status == "ok" else "error (empty text)"] += 1
    secs = time.perf_counter() - t0
    print(f"{a.n} random texts (seed {a.seed}) x 2 scopes in {secs:.1f} s: {outcomes}, {len(failures)} failures")
    if failures:
        with open(a.out, "w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(json.dumps(f, ensure_ascii=False) + "\n")
        print(f"failing texts written to {a.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
