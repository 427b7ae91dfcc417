#!/usr/bin/env python3
"""Exact-match rate of time-expression normalisation: the project's table (tests/times_table.py),
or a JSONL file of held-out passages.

    python bench/times_quality.py [--file PASSAGES.jsonl] [--show-misses]

A JSONL line holds {"text", "published" (YYYY-MM-DD), "expression" (as written), "value" (TIMEX3)}.
A row is exact when an expression with exactly that text is found and its value is exactly the one given.
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rows_from(args):
    if args.file:
        with open(args.file, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    yield d["published"], d["text"], d["expression"], d["value"]
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from times_table import TABLE
    for r in TABLE:
        yield r[:4]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    from presswatch.nlp.build import load
    from presswatch.nlp.times import Anchor, find_times
    from presswatch.options import DEFAULT

    nlp = load(DEFAULT.model, DEFAULT.selective_ner)  # the parser alone
    n = exact = span_found = 0
    for published, text, expression, value in rows_from(args):
        found = {t.span.text: t.value for t in find_times(text, Anchor.of(published), doc=nlp(text))}
        n += 1
        span_found += expression in found
        ok = found.get(expression) == value
        exact += ok
        if not ok and args.show_misses:
            print(f"MISS {expression!r} want {value} got {found.get(expression)}  ({published}: {text})")
    source = args.file or "tests/times_table.py"
    print(f"{source}: {n} expressions, exact {exact}/{n} = {100 * exact / max(n, 1):.1f}%, "
          f"span found {span_found}/{n} = {100 * span_found / max(n, 1):.1f}%")


if __name__ == "__main__":
    main()
