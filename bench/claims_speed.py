#!/usr/bin/env python3
"""analyze_many with claims and times (PRESSWATCH_CLAIMS=1) against without them (=0): the same
articles (bench/corpus.py), one core, one process, the two modes alternating, best of --reps.

    python bench/claims_speed.py [--n 40] [--reps 3]
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def run(n: int, reps: int) -> dict:
    """One process, one core: the same articles analyzed with claims off and on, alternately, reps
    times; the best time of each mode (alternating cancels the drift of a shared machine)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from corpus import corpus

    import presswatch
    presswatch.analyze("A warm-up sentence, said the engineer on Tuesday, citing 3,000 people.")
    articles = [presswatch.Article(d["doc_id"], d["text"], title=d["title"], published="2024-04-03")
                for d in corpus(n)]
    best: dict = {}
    for _ in range(reps):
        for mode in ("0", "1"):
            os.environ["PRESSWATCH_CLAIMS"] = mode
            t = time.perf_counter()
            res = list(presswatch.analyze_many(articles))
            secs = time.perf_counter() - t
            r = {"seconds": secs, "articles_per_s": n / secs, "ok": sum(a.status == "ok" for a in res),
                 "claims": sum(len(a.claims) for a in res), "times": sum(len(a.times) for a in res)}
            if mode not in best or secs < best[mode]["seconds"]:
                best[mode] = r
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(run(a.n, a.reps)))
        return
    p = subprocess.run([sys.executable, __file__, "--worker", "--n", str(a.n), "--reps", str(a.reps)],
                       capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(f"worker failed: {(p.stderr.strip().splitlines() or ['?'])[-1]}")
    best = json.loads(p.stdout)
    off, on = best["0"], best["1"]
    for label, r in (("without claims/times", off), ("with claims/times", on)):
        print(f"{label:>22}: {r['articles_per_s']:7.2f} articles/s ({a.n} articles, best of {a.reps}: "
              f"{r['seconds']:.2f} s; {r['claims']} claims, {r['times']} times)")
    ratio = on["articles_per_s"] / off["articles_per_s"]
    print(f"{'ratio':>22}: {ratio:.3f} (with / without; {100 * (1 - ratio):.1f}% slower)")


if __name__ == "__main__":
    main()
