#!/usr/bin/env python3
"""Batch throughput: the same generated WARC crawl analysed by presswatch batch on a Dask
LocalCluster with 1 and with 2 worker processes (one thread each), and by one plain process.

    python bench/batch_bench.py [--n 2000] [--partitions 40] [--dir DIR] [--json]

The corpus: --n articles of about 5,000 characters from bench/corpus.py, each an HTML page in an
HTTP 200 response record of one WARC.gz file (one gzip member per record, as Common Crawl writes
them). Every measurement runs in its own process, after a warm-up, so model loading is timed apart:

  single   one process pinned to one core: read the WARC (trafilatura) and analyze_many, the same
           work as a batch partition minus Dask and Parquet
  analyze  the same process, analyze_many alone on the first 200 already extracted Articles
  batch-1  presswatch's run_job on a warm LocalCluster of 1 worker: plan, index the WARC into
           --partitions record-aligned ranges, analyse, write Parquet; wall time of the job
  batch-2  the same with 2 workers

Per-core throughput is batch-N articles/s divided by N; the target is within 15% of `single`.
On a 2-core machine the scheduler and the client share the cores with the workers.
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
            "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import html  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ANALYZE_ONLY = 200  # articles timed again with analyze_many alone (extraction excluded)
sys.path.insert(0, HERE)


def page(a: dict) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in a["text"].split("\n") if p.strip())
    title = html.escape(a["title"])
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>{paras}"
            f"</article><footer>© Example News</footer></body></html>").encode("utf-8")


def generate(path: str, n: int) -> dict:
    """A WARC.gz of n article pages (plus a request record before each, as crawlers write)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from corpus import article

    chars = 0
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(n):
            a = article(i)
            chars += len(a["text"])
            url = f"https://news.example/{i:05d}"
            req = StatusAndHeaders(f"GET /{i:05d} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page(a)), http_headers=hh))
    return {"articles": n, "chars_avg": round(chars / n), "bytes": os.path.getsize(path)}


def load_avg() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


# ------------------------------------------------------------------------------ measurements
def single(warc: str) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    import resource

    import presswatch
    from presswatch.ingest import read_inputs

    t0 = time.perf_counter()
    presswatch.analyze("“We are ready,” the worker said.")
    next(iter(read_inputs([warc])))  # trafilatura and warcio warm too
    load = time.perf_counter() - t0
    la = load_avg()
    t1 = time.perf_counter()
    articles = []

    def feed():
        for item in read_inputs([warc]):
            articles.append(item)
            yield item
    ok = sum(1 for a in presswatch.analyze_many(feed()) if a.status == "ok")
    secs = time.perf_counter() - t1
    subset = articles[:ANALYZE_ONLY]
    t2 = time.perf_counter()
    ok2 = sum(1 for a in presswatch.analyze_many(subset) if a.status == "ok")
    secs2 = time.perf_counter() - t2
    return {"which": "single", "ok": ok, "seconds": round(secs, 2), "articles_per_s": round(ok / secs, 2),
            "analyze_only": {"ok": ok2, "seconds": round(secs2, 2), "articles_per_s": round(ok2 / secs2, 2)},
            "load_s": round(load, 2), "load_before": la,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def batch(warc: str, workers: int, partitions: int, scratch: str) -> dict:
    import resource

    from presswatch.batch import job

    part_bytes = os.path.getsize(warc) // partitions + 1
    t0 = time.perf_counter()
    with job.connect(workers=workers, dashboard="127.0.0.1:0") as client:  # as `presswatch batch` starts it
        client.wait_for_workers(workers)
        started = time.perf_counter() - t0
        warm = os.path.join(scratch, f"warm-{workers}.warc.gz")
        generate(warm, 4 * workers)  # a small job first: model, trafilatura and pyarrow load in each worker
        job.run_job([warm], os.path.join(scratch, f"warm-out-{workers}"), client,
                    partition_bytes=os.path.getsize(warm) // workers + 1)
        warmed = time.perf_counter() - t0
        la = load_avg()
        out = os.path.join(scratch, f"out-{workers}")
        s = job.run_job([warc], out, client, partition_bytes=part_bytes)
        rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return {"which": f"batch-{workers}", "workers": workers, "ok": s.ok, "failed": s.failed,
            "partitions": s.partitions, "partitions_failed": len(s.failed_partitions),
            "seconds": round(s.seconds, 2), "articles_per_s": round(s.ok / s.seconds, 2),
            "cluster_start_s": round(started, 2), "warm_up_s": round(warmed - started, 2), "load_before": la,
            "worker_peak_rss_mb": sorted(round(v, 1) for v in rss.values()),
            "parquet_mb": round(sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out)
                                    for f in fs) / 2 ** 20, 2)}


def machine() -> dict:
    from speed import machine as m
    return m()


def run_child(args: list) -> dict:
    proc = subprocess.run([sys.executable, __file__] + args, capture_output=True, text=True)
    if proc.returncode:
        return {"which": args[3], "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["load_after"] = load_avg()  # 1-minute load average: about 1 per busy core, ours included
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--partitions", type=int, default=40, help="partitions of the WARC file (default 40)")
    ap.add_argument("--dir", help="work folder (default: a temporary one, removed at the end)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        which, warc = a.child[0], a.child[1]
        r = single(warc) if which == "single" else batch(warc, int(which.split("-")[1]), a.partitions, a.child[2])
        print(json.dumps(r))
        return

    work = a.dir or tempfile.mkdtemp(prefix="presswatch-batch-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        warc = os.path.join(work, "crawl.warc.gz")
        corpus = generate(warc, a.n)
        res = {"machine": machine(), "corpus": corpus, "load_at_start": load_avg()}
        for which in ("single", "batch-1", "batch-2"):
            res[which] = run_child(["--partitions", str(a.partitions), "--child", which, warc, work])
    finally:
        if not a.dir:
            shutil.rmtree(work, ignore_errors=True)
    s, b1, b2 = res["single"], res["batch-1"], res["batch-2"]
    if all("articles_per_s" in r for r in (s, b1, b2)):
        res["ratio_2_vs_1"] = round(b2["articles_per_s"] / b1["articles_per_s"], 3)
        res["per_core_1_vs_single"] = round(b1["articles_per_s"] / s["articles_per_s"], 3)
        res["per_core_2_vs_single"] = round(b2["articles_per_s"] / 2 / s["articles_per_s"], 3)
    if a.json:
        print(json.dumps(res, indent=1))
        return
    m, c = res["machine"], res["corpus"]
    print(f"machine: {m['cpu']}; {m['cores']} cores; {m['platform']}; python {m['python']}; spacy {m['spacy']}")
    print(f"corpus: {c['articles']} articles of {c['chars_avg']:,} characters avg in one WARC.gz of "
          f"{c['bytes'] / 2 ** 20:.1f} MB; load average at start {res['load_at_start']}")
    for r in (s, b1, b2):
        if "error" in r:
            print(f"{r['which']:>8}: failed: {r['error']}")
            continue
        line = f"{r['which']:>8}: {r['articles_per_s']:7.2f} articles/s  ({r['ok']} ok in {r['seconds']} s"
        if r["which"] == "single":
            ao = r["analyze_only"]
            print(line + f"; model load {r['load_s']} s; peak memory {r['peak_rss_mb']} MB; load avg before "
                         f"{r['load_before']}, after {r['load_after']})")
            print(f"{'analyze':>8}: {ao['articles_per_s']:7.2f} articles/s  (analyze_many alone on the extracted "
                  f"articles, {ao['ok']} in {ao['seconds']} s)")
        else:
            print(line + f", {r['partitions']} partitions, {r['failed']} errors, {r['partitions_failed']} failed "
                         f"partitions; cluster start {r['cluster_start_s']} s, warm-up {r['warm_up_s']} s; worker "
                         f"peak memory {r['worker_peak_rss_mb']} MB; Parquet {r['parquet_mb']} MB; load avg "
                         f"before {r['load_before']}, after {r['load_after']})")
    if "ratio_2_vs_1" in res:
        print(f"   ratio: 2 workers / 1 worker = {res['ratio_2_vs_1']:.2f}")
        print(f"per core: batch-1 = {res['per_core_1_vs_single']:.2f} x single; batch-2 per worker = "
              f"{res['per_core_2_vs_single']:.2f} x single (target: within 15%, i.e. >= 0.85)")


if __name__ == "__main__":
    main()
