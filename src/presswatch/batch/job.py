"""A batch job on Dask (dask.distributed): partitions of the inputs analysed on a cluster's workers,
the results written as Parquet.

Dask does the scheduling, the retries and the recovery from lost workers: a task of a worker that
dies runs again on another worker, and a task that raises is retried `retries` times. The client
(run_job) plans the partitions, submits one task per partition (and one per large WARC file to
find its record boundaries first), and records how each one ended: a partition that still fails
is written as a row of the errors table, listed in batch.json and counted in the summary.

The model is loaded once per worker process: a worker plugin analyses a warm-up sentence when the
worker starts (and again when a dead worker is replaced), and presswatch keeps the loaded pipeline
for the life of the process.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from dataclasses import asdict

from .. import __version__
from ..errors import InputError, PresswatchError
from ..options import DEFAULT, DEFAULT_RUN, Options, RunOptions
from ..records import Article
from . import tables
from .partitions import Partition, file_key, index_warc, plan, read_partition

WARM_UP = "“We are ready,” the worker said."


class BatchError(PresswatchError):
    """The batch cannot start: the output folder or the cluster is not usable."""


# ---------------------------------------------------------------------------------------- tasks
def run_partition(part: Partition, out: str, options: Options = DEFAULT, max_bytes: int = DEFAULT_RUN.max_bytes,
                  batch_size: Optional[int] = None) -> dict:
    """Task: analyse one partition with `options` and write its Parquet files. Returns counts (small)."""
    import presswatch

    t0 = time.perf_counter()
    pending: deque = deque()

    def feed():
        for item in read_partition(part, max_bytes):
            pending.append(item)
            yield item

    meta = {"inputs": [list(part.paths), part.start, part.end] if part.kind != "files" else list(part.paths),
            "kind": part.kind, "version": __version__}
    with tables.PartWriter(out, part.name, meta) as w:
        for analysis in presswatch.analyze_many(feed(), options, batch_size=batch_size):
            item = pending.popleft()
            if analysis.status == "ok" and isinstance(item, Article):
                w.add(item, analysis)
            else:
                w.add_error(analysis)
        w.commit()
    return {"name": part.name, "ok": w.articles, "failed": w.errors,
            "seconds": round(time.perf_counter() - t0, 3), "pid": os.getpid()}


def index_task(path: str, partition_bytes: int) -> list:
    """Task: the partitions of one large WARC file (its record boundaries)."""
    return index_warc(path, partition_bytes)


def _worker_plugin(options: Options):
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadModel(WorkerPlugin):
        """Loads the model for the job's Options in the worker process once, before the worker's
        first task (and in every worker that replaces a dead one)."""
        name = "presswatch-model"

        def __init__(self, options):
            self.options = options

        def setup(self, worker):
            import presswatch
            presswatch.analyze(WARM_UP, self.options)

    return LoadModel(options)


# ---------------------------------------------------------------------------------------- client
@dataclass
class Summary:
    out: str
    ok: int = 0  # articles analysed and written
    failed: int = 0  # rows of the errors table from inputs or articles that failed
    partitions: int = 0  # planned so far (grows as large WARC files are indexed)
    done: int = 0  # partitions finished, well or not
    failed_partitions: list = field(default_factory=list)  # (name, what, error)
    seconds: float = 0.0
    dashboard: Optional[str] = None
    workers: int = 0

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        fp = f", {len(self.failed_partitions)} partitions failed" if self.failed_partitions else ""
        return (f"{self.ok} articles ok, {self.failed} failed{fp}; {self.done}/{self.partitions} partitions "
                f"in {self.seconds:.1f}s, {self.rate:.1f} articles/s")


def prepare_out(out: str) -> str:
    """The output folder, made absolute and created; refused when it holds something else."""
    out = os.path.abspath(out)
    if os.path.exists(out):
        if not os.path.isdir(out):
            raise BatchError(f"--out {out} is a file; give a folder for the Parquet output")
        listed = [f for f in os.listdir(out) if not f.startswith(".")]
        if listed and not os.path.exists(os.path.join(out, tables.MANIFEST)):
            raise BatchError(f"--out {out} is a folder that holds other files; give a new or empty folder "
                             f"(or the output of an earlier batch, which is then replaced)")
    os.makedirs(out, exist_ok=True)
    return out


def run_job(inputs: Iterable[str], out: str, client, options: Options = DEFAULT, run: RunOptions = DEFAULT_RUN,
            retries: int = 2, batch_size: Optional[int] = None,
            progress: Optional[Callable[[Summary], None]] = None, partition_bytes: Optional[int] = None) -> Summary:
    """Analyse `inputs` with `options` on the cluster behind `client` into the folder `out`; `run`
    gives the partition size (`partition_bytes` overrides it in bytes) and the input limit. The
    Options travel to the workers with the tasks.

    The folder holds one job: partitions of this job overwrite their files, and the files of
    partitions this job does not have (an earlier job's other inputs or partition size) are removed
    before anything is written, so the Parquet tables hold each article once at every moment."""
    from distributed import as_completed

    partition_bytes = max(1, int(partition_bytes or run.batch_partition_mb * (1 << 20)))
    inputs = [os.fspath(p) for p in inputs]
    job = _Job(client, prepare_out(out), options, run, retries, batch_size, partition_bytes, as_completed())
    plan_ = plan(inputs, partition_bytes)
    job.summary.partitions = len(plan_.partitions)
    job.clear_old(plan_)
    manifest = {"format": 1, "version": __version__, "inputs": inputs, "partition_bytes": partition_bytes,
                "options": _plain(asdict(options)), "complete": False, "partitions": job.status}
    _write_manifest(job.out, manifest)
    client.register_plugin(_worker_plugin(options), name="presswatch-model")
    for p in plan_.partitions:
        job.submit_partition(p)
    for path in plan_.to_index:
        job.submit_index(path)
    for fut in job.queue:
        job.finished(fut)
        if progress:
            progress(job.summary)
    tables.remove_temporary(job.out)
    s = job.summary
    s.seconds = time.perf_counter() - job.started
    manifest.update(complete=True, summary={
        "articles_ok": s.ok, "articles_failed": s.failed, "partitions": s.partitions,
        "partitions_failed": len(s.failed_partitions), "seconds": round(s.seconds, 3),
        "articles_per_s": round(s.rate, 3), "workers": s.workers})
    _write_manifest(job.out, manifest)
    return s


class _Job:
    """One run of run_job: what was submitted, and how each task ended."""

    def __init__(self, client, out: str, options: Options, run: RunOptions, retries: int,
                 batch_size: Optional[int], partition_bytes: int, queue):
        self.client, self.out, self.options, self.run = client, out, options, run
        self.retries, self.batch_size, self.partition_bytes, self.queue = retries, batch_size, partition_bytes, queue
        self.started = time.perf_counter()
        self.summary = Summary(out, dashboard=dashboard_link(client), workers=len(client.nthreads()))
        self.status: dict = {}  # partition name -> {"input", "status", ...}
        self.what: dict = {}  # future key -> ("partition", Partition) | ("index", path)
        self.later: set = set()  # old files of large WARC files, removed once they are indexed
        self.id = uuid.uuid4().hex[:8]

    def clear_old(self, plan_) -> None:
        """Remove the files of partitions this job will not write again (those of a large WARC
        file once its own partitions are known)."""
        existing = tables.existing_names(self.out)
        keys_to_index = {file_key(f) for f in plan_.to_index}
        self.later = {n for n in existing if _owner(n) in keys_to_index}
        tables.remove(self.out, existing - {p.name for p in plan_.partitions} - self.later)

    def submit_partition(self, p: Partition) -> None:
        self.status[p.name] = {"input": p.describe(), "status": "running"}
        fut = self.client.submit(run_partition, p, self.out, self.options, self.run.max_bytes, self.batch_size,
                                 key=f"presswatch-{self.id}-{p.name}", retries=self.retries, pure=False)
        self.what[fut.key] = ("partition", p)
        self.queue.add(fut)

    def submit_index(self, path: str) -> None:
        fut = self.client.submit(index_task, path, self.partition_bytes,
                                 key=f"presswatch-{self.id}-index-{file_key(path)}", retries=self.retries, pure=False)
        self.what[fut.key] = ("index", path)
        self.queue.add(fut)

    def finished(self, fut) -> None:
        kind, obj = self.what.pop(fut.key)
        error = None
        if fut.status == "error":
            exc = fut.exception()
            error = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
        if kind == "index":
            self._indexed(obj, fut.result() if error is None else [Partition("warc", (obj,), 0, _size(obj))])
        elif error:
            self._failed(obj, error)
        else:
            self._done(obj, fut.result())
        fut.release()
        self.summary.seconds = time.perf_counter() - self.started

    def _indexed(self, path: str, parts: list) -> None:
        key = file_key(path)
        tables.remove(self.out, {n for n in self.later if _owner(n) == key} - {p.name for p in parts})
        self.summary.partitions += len(parts)
        for p in parts:
            self.submit_partition(p)

    def _failed(self, p: Partition, error: str) -> None:
        self.summary.failed_partitions.append((p.name, p.describe(), error))
        self.status[p.name] = {"input": p.describe(), "status": "failed", "error": error}
        tables.write_failed(self.out, p.name, p.describe(),
                            f"the partition failed (retried {self.retries} times, or its worker died): {error}")
        self.summary.done += 1

    def _done(self, p: Partition, r: dict) -> None:
        self.summary.ok += r["ok"]
        self.summary.failed += r["failed"]
        self.summary.done += 1
        self.status[p.name] = {"input": p.describe(), "status": "ok", "articles": r["ok"],
                               "errors": r["failed"], "seconds": r["seconds"]}
        try:
            os.remove(tables.failed_path(self.out, p.name))  # an earlier run's failure, now done
        except FileNotFoundError:
            pass


def dashboard_link(client) -> Optional[str]:
    """The Dask dashboard's address, or None where it does not run (bokeh missing)."""
    try:
        return client.dashboard_link
    except Exception:
        return None


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _owner(name: str) -> str:
    """The file key of a JSONL/WARC partition name (NAME = KEY-START-END)."""
    return name.rsplit("-", 2)[0]


def _plain(options: dict) -> dict:
    """The options as JSON values (tuples as lists), for batch.json."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}


def _write_manifest(out: str, manifest: dict) -> None:
    tmp = os.path.join(out, f".{tables.MANIFEST}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, ensure_ascii=False)
    os.replace(tmp, os.path.join(out, tables.MANIFEST))


@contextmanager
def connect(scheduler: Optional[str] = None, workers: Optional[int] = None, dashboard: str = "127.0.0.1:8787"):
    """A dask.distributed Client: to the scheduler at `scheduler` (waiting for `workers` workers
    when given), else to a new LocalCluster of `workers` processes with one thread each (default:
    one per available core), closed on exit."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the address "
                             f"(tcp://HOST:8786) and that the scheduler is running") from None
        with client:
            if workers:
                client.wait_for_workers(workers, timeout=600)
            yield client
        return
    import dask

    n = workers or available_cores()
    # the workers' statistical profiler samples the running task's stack every 10 ms: about 6% of a
    # core on this work (measured), and the job does not need it.
    # The nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory back to
    # the kernel at once and spaCy's short-lived arrays fault it in again: 7-10% of a core (measured,
    # bench/batch_bench.py). Workers keep glibc's adaptive threshold; their memory stays bounded by
    # the partition size. Dask's one-thread-per-library defaults are kept.
    spawn_env = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ").items()
                 if k != "MALLOC_TRIM_THRESHOLD_"}
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.nanny.pre-spawn-environ": spawn_env}), \
            LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=dashboard,
                         host="127.0.0.1", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


__all__ = ["run_job", "run_partition", "connect", "dashboard_link", "Summary", "BatchError", "InputError"]
