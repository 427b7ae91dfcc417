"""Corpus benchmark: ingest N generated articles into SQLite on one core, then time 100 mixed searches.

    python bench/corpus_bench.py [--n 10000] [--chars 600] [--db /tmp/bench.db]
    python bench/corpus_bench.py --load [--n 10000] [--clients 20] [--seconds 30] [--workers 1]

Prints articles/s for the whole ingest (read + analyze + store) and for the store writes alone,
the store size, and the median and 95th percentile latency of 120 searches (target p95 < 50 ms),
without and with facets: statements (words, phrases, OR, -word, prefix, speaker, outlet and date
filters) and articles (title and text, newest first and by relevance), with the p95 of each target. Articles come from bench/corpus.py's generator, cut to about --chars
characters each, with outlets, URLs and dates added.

--load builds that store once under /tmp/presswatch-bench/ (reused while it holds --n articles; a
smaller --n is a quicker run), prints the single-user figures on it, then starts `presswatch serve`
on 127.0.0.1 and runs closed-loop HTTP clients (bench/http_load.py: the mix of requests, and
requests/s with p50/p95/p99 latency per kind). The clients run on the same machine as the server.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
sys.path.insert(0, os.path.dirname(__file__))

from corpus import article  # noqa: E402

OUTLETS = ["Harbour Gazette", "Daily Paper", "Wire Service", "Evening Post", "Metro Times", "The Courier",
           "North Star", "Civic Ledger", "Port Herald", "Valley News", "Capital Review", "Coast Observer"]


def generate(n: int, chars: int, path: str) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            a = article(i, target=chars)
            y, m, d = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
            outlet = rng.choice(OUTLETS)
            a.update(published=f"{y}-{m:02d}-{d:02d}", outlet=outlet,
                     url=f"https://{outlet.lower().replace(' ', '-')}.example/{i}")
            fh.write(json.dumps(a) + "\n")


def queries(store, rng) -> list:
    from presswatch.store import Search
    speakers = [s["name"] for s in store.speakers(50)]
    words = ["budget", "housing", "families", "deal", "council", "rail", "warnings", "jobs", "residents",
             "patient", "honest", "decision", "water", "hospital", "programme", "delayed"]
    phrases = ['"too little, too late"', '"right decision"', '"speak for themselves"', '"door remains open"']
    out = []
    for i in range(120):
        kind = i % 12
        w, w2 = rng.choice(words), rng.choice(words)
        y = rng.randint(2015, 2024)
        out.append([
            Search(w), Search(rng.choice(phrases)), Search(f"{w} OR {w2}"), Search(f"{w} -{w2}"),
            Search(w[:4] + "*"), Search(w, speaker=rng.choice(speakers)), Search(w, outlet=rng.choice(OUTLETS)),
            Search(w, since=f"{y}-01-01", until=f"{y}-06-30"),
            Search(f"{w} {w2}", outlet=rng.choice(OUTLETS), since=str(y)),
            Search("", speaker=rng.choice(speakers), since=str(y)),
            # articles (title and text), newest first and by relevance
            Search(w, target="articles"), Search(f"{w} {w2}", target="articles", order="relevance"),
        ][kind])
    return out


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--chars", type=int, default=600)
    ap.add_argument("--db", default=None)
    ap.add_argument("--search-only", action="store_true", help="time the searches on an existing --db")
    ap.add_argument("--load", action="store_true",
                    help="serve a warm store (built once and kept under /tmp, or --db) and time concurrent "
                         "HTTP clients: requests/s and p50/p95/p99 per kind of request")
    ap.add_argument("--clients", type=int, default=20, help="--load: concurrent closed-loop clients")
    ap.add_argument("--seconds", type=float, default=30, help="--load: how long the clients run")
    ap.add_argument("--max-requests", type=int, default=5000, help="--load: requests per client at most")
    ap.add_argument("--workers", type=int, default=1, help="--load: presswatch serve --workers")
    ap.add_argument("--server-path", default=None,
                    help="--load: PYTHONPATH for the server (e.g. an older src/ to compare with)")
    args = ap.parse_args()
    from presswatch.store import open_store
    if args.search_only:
        store = open_store(f"sqlite:///{args.db}")  # migrates an older store
        print(f"store: {store.stats()}")
        time_searches(store)
        return
    if args.load:
        db = args.db or os.path.join(CACHE, f"corpus-{args.n}x{args.chars}.db")
        store = cached_store(db, args.n, args.chars)
        print(f"store: {db}: {store.stats()}")
        time_searches(store)  # the single-user figures; also warms the page cache
        from http_load import load
        load(db, store, args.clients, args.seconds, args.max_requests, args.workers, args.server_path)
        store.close()
        return
    work = tempfile.mkdtemp(prefix="presswatch-bench-")
    store = build(args.n, args.chars, args.db or os.path.join(work, "bench.db"), work)
    time_searches(store)
    store.close()


CACHE = os.path.join(tempfile.gettempdir(), "presswatch-bench")


def cached_store(db: str, n: int, chars: int):
    """The store at `db` if it holds the n generated articles, else built there (kept for next time)."""
    from presswatch.store import open_store
    if os.path.exists(db):
        store = open_store(f"sqlite:///{db}")
        if store.stats()["articles"] == n:
            return store
        store.close()
        print(f"{db} does not hold {n} articles: building it again")
    os.makedirs(os.path.dirname(os.path.abspath(db)), exist_ok=True)
    return build(n, chars, db, tempfile.mkdtemp(prefix="presswatch-bench-"))


def build(n: int, chars: int, db: str, work: str):
    """Generate n articles (bench/corpus.py), ingest them into a new SQLite store at `db`, print the
    ingest figures; returns the open store."""
    from presswatch.corpus import ingest, writer
    from presswatch.store import open_store

    src = os.path.join(work, "corpus.jsonl")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    generate(n, chars, src)
    size_in = os.path.getsize(src)

    write_time = [0.0]
    real_add = writer.add

    def timed_add(*a, **k):
        t = time.perf_counter()
        try:
            return real_add(*a, **k)
        finally:
            write_time[0] += time.perf_counter() - t
    writer.add = timed_add
    store = open_store(f"sqlite:///{db}")
    from presswatch.pipeline import get_nlp
    get_nlp()  # load the model before the clock starts
    t0 = time.perf_counter()
    report = ingest([src], store)
    total = time.perf_counter() - t0
    writer.add = real_add
    store._x("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))
    stats = store.stats()
    print(f"corpus: {n} articles of ~{chars} chars ({size_in / n:.0f} bytes JSONL each), one core")
    print(f"ingest: {report.counts} in {total:.1f}s = {report.done / total:.1f} articles/s "
          f"(store writes alone: {write_time[0]:.1f}s = {report.done / write_time[0]:.0f} articles/s)")
    print(f"store: {stats}; {size / 1e6:.1f} MB ({size / n / 1e3:.1f} kB per article)")
    return store


def time_searches(store):
    rng = random.Random(11)
    qs = queries(store, rng)
    for facets in (False, True):
        lat, hits = [], 0
        by_target: dict = {}
        for q in qs:
            t = time.perf_counter()
            page = store.search(q, facets=facets)
            ms = (time.perf_counter() - t) * 1000
            lat.append(ms)
            by_target.setdefault(q.target, []).append(ms)
            hits += page.total
        parts = ", ".join(f"{t} p95 {percentile(v, 95):.1f} ms" for t, v in by_target.items())
        print(f"search{' with facets' if facets else ''}: {len(qs)} queries, median {statistics.median(lat):.1f} ms, "
              f"p95 {percentile(lat, 95):.1f} ms, max {max(lat):.1f} ms ({hits / len(qs):.0f} matches per query "
              f"on average; {parts})")


if __name__ == "__main__":
    main()
