"""The load mode of bench/corpus_bench.py: `presswatch serve` over a store, closed-loop HTTP clients.

Each client holds one keep-alive connection and sends its next request as soon as the last answer
is in (closed loop), until its request count or the time runs out: the clients stop by themselves.
The mix of requests (MIX) is drawn per client from a seeded generator, so two runs send the same.
"""
from __future__ import annotations

import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from urllib.parse import urlencode

WORDS = ["budget", "housing", "families", "deal", "council", "rail", "warnings", "jobs", "residents",
         "patient", "honest", "decision", "water", "hospital", "programme", "delayed"]
PHRASES = ['"too little, too late"', '"right decision"', '"speak for themselves"', '"door remains open"']

# kind: (share of requests, what it asks); the four search kinds together are "search"
MIX = {
    "search": (30, "the search page: words, a phrase, OR, -word or prefix*, facet counts shown"),
    "search+filter": (15, "the search page with a speaker, outlet or year facet selected"),
    "api-search": (15, "GET /api/search (JSON, with facet counts)"),
    "api-search-csv": (10, "GET /api/search?format=csv (no facet counts)"),
    "article": (20, "an article page with its statements and claims marked"),
    "api-article": (10, "GET /api/articles/ID (JSON with the full analysis)"),
}
SEARCH_KINDS = ("search", "search+filter", "api-search", "api-search-csv")


def _words(rng) -> str:
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    return rng.choice([w, rng.choice(PHRASES), f"{w} OR {w2}", f"{w} -{w2}", w[:4] + "*", f"{w} {w2}"])


def planner(speakers, outlets, article_ids):
    """rng -> (kind, path): one request of the mix."""
    kinds = list(MIX)
    weights = [MIX[k][0] for k in kinds]

    def plan(rng):
        kind = rng.choices(kinds, weights)[0]
        if kind == "article":
            return kind, f"/articles/{rng.choice(article_ids)}"
        if kind == "api-article":
            return kind, f"/api/articles/{rng.choice(article_ids)}"
        q = {"q": _words(rng)}
        if kind == "search+filter":
            which = rng.choice(["speaker", "outlet", "since"])
            q.update({"speaker": rng.choice(speakers)} if which == "speaker" else
                     {"outlet": rng.choice(outlets)} if which == "outlet" else
                     {"since": str(rng.randint(2015, 2024)), "until": str(rng.randint(2020, 2024))})
        if kind == "api-search-csv":
            q["format"] = "csv"
        base = "/api/search?" if kind.startswith("api-") else "/?"
        return kind, base + urlencode(q)
    return plan


async def _get(reader, writer, path):
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    await reader.readexactly(int(m.group(1)) if m else 0)
    return status, re.search(rb"(?im)^connection:\s*close", head) is not None


async def _client(i, port, plan, deadline, max_requests, out):
    rng = random.Random(1000 + i)
    conn = None
    for _ in range(max_requests):
        if time.monotonic() >= deadline:
            break
        kind, path = plan(rng)
        t = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.open_connection("127.0.0.1", port)
            status, close = await asyncio.wait_for(_get(*conn, path), 60)
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError) as exc:
            out.append((kind, time.perf_counter() - t, f"{type(exc).__name__}"))
            conn = None
            continue
        out.append((kind, time.perf_counter() - t, status))
        if close:
            conn[1].close()
            conn = None
    if conn is not None:
        conn[1].close()


def run_clients(port, plan, clients, seconds, max_requests):
    """[(kind, seconds, status)] of every request, the wall time the clients ran and the CPU
    seconds they used."""
    out: list = []

    async def main():
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(_client(i, port, plan, deadline, max_requests, out) for i in range(clients)))
    t, cpu = time.perf_counter(), time.process_time()
    asyncio.run(main())
    return out, time.perf_counter() - t, time.process_time() - cpu


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` and its children that ended (Linux /proc), or nan."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def server_cpu(proc) -> float:
    """CPU seconds of the server and its live workers so far."""
    pids = [proc.pid]
    try:
        for task in os.listdir(f"/proc/{proc.pid}/task"):
            with open(f"/proc/{proc.pid}/task/{task}/children") as fh:
                pids += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return sum(cpu_seconds(p) for p in pids)


def start_server(db_path, workers, pythonpath=None):
    """(process, port) of `presswatch serve` on a free loopback port, once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=pythonpath or os.pathsep.join(p for p in sys.path if p))
    cmd = [sys.executable, "-c", "from presswatch.cli import main; main()", "serve", "--db", f"sqlite:///{db_path}",
           "--port", str(port)] + (["--workers", str(workers)] if workers > 1 else [])
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    return proc, port
        except OSError:
            time.sleep(0.3)
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read() if proc.stderr else ''}")
    proc.terminate()
    raise SystemExit("the server did not answer within 120 s")


def machine() -> str:
    """bench/speed.py's machine in a line, with the load average before the run."""
    from speed import machine as base

    m = base()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{m['cores']} cores ({m['cpu']}), Python {m['python']}, load average before: {load}"


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def report(results, wall, clients, workers, articles, cpu):
    print(f"load: {clients} closed-loop clients for {wall:.1f} s against `presswatch serve` with {workers} "
          f"worker(s) over {articles} articles; the load generator (one asyncio process) shares the "
          f"machine's cores with the server: {machine()}")
    client_cpu, server = cpu
    print(f"CPU used in those {wall:.1f} s: server {server:.1f} s ({server * 1000 / max(len(results), 1):.1f} ms a "
          f"request), load generator {client_cpu:.1f} s ({client_cpu * 1000 / max(len(results), 1):.1f} ms a request)")
    print(f"{'kind':<16}{'share':>6}{'requests':>10}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'errors':>8}  what")
    rows = [(k, [r for r in results if r[0] == k]) for k in MIX]
    rows.append(("all search", [r for r in results if r[0] in SEARCH_KINDS]))
    rows.append(("all", results))
    for kind, rs in rows:
        ok = [t * 1000 for _, t, s in rs if s == 200]
        errors = sum(1 for *_, s in rs if s != 200)
        share = f"{MIX[kind][0]}%" if kind in MIX else ""
        what = MIX[kind][1] if kind in MIX else ""
        print(f"{kind:<16}{share:>6}{len(rs):>10}{len(rs) / wall:>8.1f}{pct(ok, 50):>9.0f}{pct(ok, 95):>9.0f}"
              f"{pct(ok, 99):>9.0f}{errors:>8}  {what}")
    search = [t * 1000 for k, t, s in results if k in SEARCH_KINDS and s == 200]
    if search:
        print(f"search p95 {pct(search, 95):.0f} ms (goal: under 250 ms at 20 clients); "
              f"median of all {statistics.median(search):.0f} ms")


def load(db_path, store, clients, seconds, max_requests, workers, pythonpath=None):
    """Serve `db_path`, run the clients, print the table."""
    speakers = [s["name"] for s in store.speakers(50)]
    outlets = sorted({r["outlet"] for r in store._q("SELECT DISTINCT outlet FROM articles LIMIT 50")})
    ids = [r["id"] for r in store._q("SELECT id FROM articles ORDER BY n LIMIT 2000")]
    articles = store.stats()["articles"]
    proc, port = start_server(db_path, workers, pythonpath)
    try:
        before = server_cpu(proc)
        results, wall, client_cpu = run_clients(port, planner(speakers, outlets, ids), clients, seconds, max_requests)
        server = server_cpu(proc) - before
    finally:
        proc.terminate()
        proc.wait(30)
    report(results, wall, clients, workers, articles, (client_cpu, server))
