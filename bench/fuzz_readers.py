"""A long fuzz run of the readers and the search parser, for releases.

    python bench/fuzz_readers.py [--examples 2000] [--targets jsonl,stdin,html,feed,text,query]
                                 [--seed 0] [--out out/fuzz-readers]

The same random inputs and the same check as tests/test_reader_properties.py (tests/reader_fuzz.py),
with many more examples: JSONL, stdin, HTML, RSS/Atom and plain-text readers given random bytes and
texts (quote marks, digits, dates, control characters, invalid UTF-8, nested and deep tags, huge
attributes) must give Articles or failed Analyses with a one-line reason, never another exception;
the search parser a query or SearchSyntaxError. Prints what it ran, the outcomes per target, each
failure (its shrunk input saved under --out, with the traceback) and the machine; exits 1 on a
failure.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from reader_fuzz import (check, check_query, feeds, html_bytes, jsonl_files, queries, run_feed,  # noqa: E402
                         run_file, run_jsonl, run_stdin, search_dates, texts_bytes)

TARGETS = ("jsonl", "stdin", "html", "feed", "text", "query")


def machine() -> dict:
    """bench/speed.py's machine, with the versions of the libraries the readers lean on."""
    import feedparser
    import hypothesis
    import lxml.etree
    import trafilatura

    from speed import machine as base

    return {**base(), "hypothesis": hypothesis.__version__,
            "trafilatura": trafilatura.__version__, "feedparser": feedparser.__version__,
            "lxml": ".".join(map(str, lxml.etree.LXML_VERSION)),
            "libxml2": ".".join(map(str, lxml.etree.LIBXML_VERSION))}


def cases(folder: str) -> dict:
    """target -> (strategy of one input, run(input) -> outcome counts)."""
    return {
        "jsonl": (st.tuples(jsonl_files, st.sampled_from([120, 10_000_000]), st.sampled_from(["warn", "error"])),
                  lambda x: check(run_jsonl(*x))),
        "stdin": (st.one_of(jsonl_files, texts_bytes), lambda x: check(run_stdin(x))),
        "html": (html_bytes(), lambda x: check(run_file(folder, ".html", x))),
        "feed": (feeds(), lambda x: check(run_feed(x))),
        "text": (texts_bytes, lambda x: check(run_file(folder, ".txt", x))),
        "query": (st.tuples(queries, search_dates, search_dates), lambda x: {check_query(*x): 1}),
    }


def fuzz(target: str, strategy, run, examples: int, seed_value: int) -> tuple[dict, object, tuple]:
    """Outcome counts over `examples` inputs, the failure (input, traceback) or None, and the slowest
    run (seconds, input)."""
    counts: dict = {"runs": 0}
    failure: list = []
    slowest: list = [0.0, None]

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
    @given(strategy)
    def one(x):
        counts["runs"] += 1
        start = time.perf_counter()
        try:
            for k, v in run(x).items():
                counts[k] = counts.get(k, 0) + v
        except Exception:
            failure[:] = [x, traceback.format_exc()]  # the last failing call is the shrunk example
            raise
        finally:
            took = time.perf_counter() - start
            if took > slowest[0]:
                slowest[:] = [took, x]

    try:
        one()
    except Exception as exc:
        if not failure:
            failure[:] = [None, "".join(traceback.format_exception(exc))]
    return counts, (tuple(failure) if failure else None), tuple(slowest)


def save(out: str, name: str, failure) -> str:
    os.makedirs(out, exist_ok=True)
    x, tb = failure
    base = os.path.join(out, f"fuzz-{name}")
    with open(base + ".input", "wb") as fh:  # the input as the reader got it
        if isinstance(x, bytes):
            fh.write(x)
        elif isinstance(x, tuple) and x and isinstance(x[0], bytes):
            fh.write(x[0])
        else:
            fh.write(repr(x).encode("utf-8", "backslashreplace"))
    with open(base + ".txt", "w", encoding="utf-8") as fh:
        fh.write(f"input: {x!r}\n\n{tb}")
    return base


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=2000, help="inputs per target")
    ap.add_argument("--targets", default=",".join(TARGETS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=os.path.join("out", "fuzz-readers"), help="folder for failing inputs")
    ap.add_argument("--slow", type=float, default=5.0, help="save an input that takes longer (seconds)")
    a = ap.parse_args(argv)
    targets = [t.strip() for t in a.targets.split(",") if t.strip()]
    unknown = set(targets) - set(TARGETS)
    if unknown:
        ap.error(f"unknown targets {sorted(unknown)}; choose from {','.join(TARGETS)}")
    print(f"fuzz_readers: {a.examples} examples per target, seed {a.seed}, targets {','.join(targets)}")
    failed = []
    with tempfile.TemporaryDirectory() as folder:
        table = cases(folder)
        for t in targets:
            start = time.perf_counter()
            counts, failure, (slow_s, slow_x) = fuzz(t, *table[t], a.examples, a.seed)
            secs = time.perf_counter() - start
            shown = ", ".join(f"{k} {v}" for k, v in counts.items())
            print(f"  {t:6} {'FAIL' if failure else 'ok':4} {secs:6.1f}s  {shown}; slowest input {slow_s:.2f}s")
            if slow_s > a.slow:
                print(f"         slow input saved: {save(a.out, t + '-slowest', (slow_x, f'{slow_s:.2f}s'))}.input")
            if failure:
                base = save(a.out, t, failure)
                last = failure[1].strip().splitlines()[-1]
                print(f"         {last}\n         input saved: {base}.input (traceback: {base}.txt)")
                failed.append(t)
    print("machine: " + ", ".join(f"{k} {v}" for k, v in machine().items()))
    print(f"failures: {', '.join(failed) if failed else 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
