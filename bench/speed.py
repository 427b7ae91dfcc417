#!/usr/bin/env python3
"""Speed on ONE core: spaCy's full small pipeline alone vs presswatch.analyze_many, same articles.

    python bench/speed.py [--n 100] [--json]

Each measurement runs in its own process (so peak memory, ru_maxrss, is separate); model loading
is timed apart from the articles/s figure. The corpus is synthetic and seeded (bench/corpus.py).
"""
import os

# Before numpy/spaCy are imported anywhere: one thread each, so the figure is per core.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
            "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def pin_one_core():
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def machine() -> dict:
    cpu = platform.processor() or "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version
        spacy_version = version("spacy")
    except Exception:
        spacy_version = "not installed"
    return {"platform": platform.platform(), "cpu": cpu, "cores": os.cpu_count(),
            "python": platform.python_version(), "spacy": spacy_version}


def worker(which: str, n: int) -> dict:
    """Runs in a child process: load, warm up, then time the whole corpus."""
    pin_one_core()
    from corpus import corpus
    docs = corpus(n)
    t0 = time.perf_counter()
    if which == "spacy":
        import spacy
        from presswatch import Options
        names = [s.strip() for s in Options.from_env().model.split(",") if s.strip()]
        nlp = None
        for name in names:
            try:
                nlp = spacy.load(name)  # every component, lemmatizer included
                break
            except OSError:
                continue
        if nlp is None:
            raise SystemExit(f"no spaCy model among {names}; run `make install`")
        list(nlp.pipe(["A warm-up sentence, said the engineer."]))
        run = lambda: sum(1 for _ in nlp.pipe((d["text"] for d in docs), batch_size=16))  # noqa: E731
        model = nlp.meta["name"]
    else:
        import presswatch
        presswatch.analyze("A warm-up sentence, said the engineer.")
        articles = [presswatch.Article(d["doc_id"], d["text"], title=d["title"]) for d in docs]
        failed = []
        run = lambda: sum(1 for a in presswatch.analyze_many(articles) if a.status == "ok" or failed.append(a))  # noqa: E731
        model = "presswatch"
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    done = run()
    secs = time.perf_counter() - t1
    out = {"which": which, "model": model, "articles": n, "ok": done, "seconds": round(secs, 3),
           "articles_per_s": round(n / secs, 2), "load_s": round(load_s, 2),
           "chars": sum(len(d["text"]) for d in docs),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if which == "presswatch" and failed:
        out["first_error"] = failed[0].error
    return out


def measure(which: str, n: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", which, "--n", str(n)],
                          capture_output=True, text=True)
    if proc.returncode:
        return {"which": which, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100, help="articles (default 100, about 5,000 characters each)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--worker", choices=["spacy", "presswatch"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker, a.n)))
        return
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    res = {"machine": machine(), "spacy": measure("spacy", a.n), "presswatch": measure("presswatch", a.n)}
    if load_before is not None:  # other work on the machine skews both sides; the ratio less so
        res["load_average"] = {"before": [round(x, 2) for x in load_before],
                               "after": [round(x, 2) for x in os.getloadavg()]}
    s, p = res["spacy"], res["presswatch"]
    if "articles_per_s" in s and "articles_per_s" in p:
        res["presswatch_vs_spacy"] = round(p["articles_per_s"] / s["articles_per_s"], 3)
    if a.json:
        print(json.dumps(res, indent=1))
        return
    m = res["machine"]
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores (1 used); "
          f"python {m['python']}; spacy {m['spacy']}")
    for r in (s, p):
        if "error" in r:
            print(f"{r['which']:>10}: failed: {r['error']}")
            continue
        print(f"{r['which']:>10}: {r['articles_per_s']:8.2f} articles/s  ({r['articles']} articles, "
              f"{r['chars'] / r['articles']:,.0f} chars avg, {r['seconds']} s; load {r['load_s']} s)  "
              f"peak memory {r['peak_rss_mb']} MB" + (f"  [{r['ok']} ok]" if r["which"] == "presswatch" else ""))
        if r.get("first_error"):
            print(f"{'':>12}first error: {r['first_error']}")
    if "load_average" in res:
        la = res["load_average"]
        print(f"      load: average over 1/5/15 min {la['before']} before, {la['after']} after")
    if "presswatch_vs_spacy" in res:
        ratio = res["presswatch_vs_spacy"]
        print(f"     ratio: presswatch runs at {ratio:.2f}x spaCy's articles/s ({1 / ratio:.2f}x the time)")


if __name__ == "__main__":
    main()
