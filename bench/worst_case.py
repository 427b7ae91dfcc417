#!/usr/bin/env python3
"""Worst cases of length, on ONE core: single-paragraph articles of 100 KB, 300 KB and 1 MB made by
joining the project's own sample articles (samples/, samples-corpus/) without line breaks, against
5 KB articles of the same text with their line breaks.

    python bench/worst_case.py [--sizes 5000,100000,300000,1000000] [--max-chars N]

Each size runs in its own process (peak memory, ru_maxrss, is that process's) after a warm-up
article; it prints seconds, microseconds per character, the ratio of that to the 5 KB articles'
(want at most 3x) and peak memory (want under 1.5 GB). Options.max_chars is raised to the largest
size unless --max-chars says otherwise.
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))


def sample_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").glob("*.txt"))]
    for line in (REPO / "samples-corpus" / "courier.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def article(size: int, one_paragraph: bool) -> str:
    """About `size` characters of the samples, repeated; in one paragraph, or with their line breaks."""
    parts, n, texts = [], 0, sample_texts()
    while n < size:
        t = texts[len(parts) % len(texts)]
        t = " ".join(t.split()) if one_paragraph else t.strip()
        parts.append(t)
        n += len(t) + 1
    return (" " if one_paragraph else "\n").join(parts)[:size].rsplit(" ", 1)[0] + "\n"


def worker(size: int, max_chars: int) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    import presswatch

    options = presswatch.Options(max_chars=max_chars)
    presswatch.analyze("“We are ready,” the engineer said.", options)
    one = size > 5000
    texts = [article(size, one)] if one else [article(size, False) for _ in range(20)]
    t0 = time.perf_counter()
    results = list(presswatch.analyze_many([presswatch.Article(f"a{i}", t) for i, t in enumerate(texts)], options))
    secs = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    return {"size": size, "articles": len(texts), "chars": chars, "seconds": round(secs, 3),
            "us_per_char": round(secs / chars * 1e6, 3), "ok": sum(r.status == "ok" for r in results),
            "statements": sum(len(r.quotes) for r in results),
            "error": next((r.error for r in results if r.status != "ok"), None),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main():
    from speed import machine

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="5000,100000,300000,1000000")
    ap.add_argument("--max-chars", type=int, default=None)
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    max_chars = a.max_chars or max(sizes + [2_000_000])
    if a.worker:
        print(json.dumps(worker(a.worker, max_chars)))
        return
    m = machine()
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores (1 used); python {m['python']}; spacy {m['spacy']}")
    base = None
    for size in sizes:
        proc = subprocess.run([sys.executable, __file__, "--worker", str(size), "--max-chars", str(max_chars)],
                              capture_output=True, text=True)
        if proc.returncode:
            print(f"{size:>9,} chars: failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
            continue
        r = json.loads(proc.stdout)
        base = base or r["us_per_char"]
        kind = "one paragraph" if size > 5000 else f"{r['articles']} articles with line breaks"
        print(f"{size:>9,} chars ({kind}): {r['seconds']:8.2f} s  {r['us_per_char']:7.2f} us/char "
              f"({r['us_per_char'] / base:.2f}x the 5 KB articles)  peak {r['peak_mb']:7.1f} MB  "
              f"{r['ok']}/{r['articles']} ok, {r['statements']} statements" + (f"  error: {r['error']}" if r["error"] else ""))


if __name__ == "__main__":
    main()
