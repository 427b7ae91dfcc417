"""presswatch batch on real dask.distributed LocalClusters (loopback only): a job completes with every
article exactly once, also when a worker process is killed with SIGKILL in the middle; a partition
that keeps failing is retried, then reported as a row of the errors table; the command line runs a
job and `presswatch ingest` loads its output."""
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from batch_fixtures import table, write_jsonl, write_warc
from presswatch.batch import job

JOB_TIMEOUT = 420  # seconds: generous, for a loaded 2-core machine


def _run(client, *args, **kw):
    """run_job in a thread, so a job that hangs fails the test instead of the whole run."""
    box = {}

    def target():
        try:
            box["summary"] = job.run_job(*args, client=client, **kw)
        except BaseException as exc:  # noqa: BLE001 (handed to the test)
            box["error"] = exc
    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(JOB_TIMEOUT)
    assert not t.is_alive(), f"the batch job did not finish in {JOB_TIMEOUT}s"
    if "error" in box:
        raise box["error"]
    return box["summary"]


def _once(out):
    """doc_id -> how many rows hold it, over the articles and errors tables."""
    return Counter(r["doc_id"] for r in table(out, "articles", ["doc_id"]) + table(out, "errors", ["doc_id"]))


@pytest.fixture(scope="module")
def processes():
    """Two worker processes with one thread each, as `presswatch batch --workers 2` starts."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)
        yield client


def test_job_writes_every_article_once_and_a_rerun_replaces(processes, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    ids = write_jsonl(src / "a.jsonl", range(20), bad_after={5})
    urls = write_warc(src / "b.warc.gz", range(20, 30))
    (src / "c.txt").write_text("“We will win,” said Jane Doe.\n")
    out = tmp_path / "out"
    seen = []
    s = _run(processes, [str(src), str(tmp_path / "missing.jsonl")], str(out), partition_bytes=1500,
             progress=lambda s: seen.append((s.done, s.partitions)))
    assert s.failed_partitions == [] and s.ok == 31 and s.failed == 2  # the bad line, the missing file
    assert s.done == s.partitions > 6 and seen[-1] == (s.partitions, s.partitions)
    assert s.dashboard and s.dashboard.startswith("http://127.0.0.1:")
    counts = _once(out)
    assert set(counts) >= set(ids) | set(urls) | {"c"} and set(counts.values()) == {1}
    manifest = (out / "batch.json").read_text()
    assert '"complete": true' in manifest and '"articles_ok": 31' in manifest
    assert not [f for _, _, fs in os.walk(out) for f in fs if f.endswith(".tmp")]

    before = sorted(os.listdir(out / "articles"))
    s2 = _run(processes, [str(src), str(tmp_path / "missing.jsonl")], str(out), partition_bytes=1500)
    assert sorted(os.listdir(out / "articles")) == before and _once(out) == counts  # overwritten
    s3 = _run(processes, [str(src)], str(out), partition_bytes=700)  # other partitions: old ones go
    assert s3.ok == s2.ok == 31 and s3.partitions > s2.partitions
    counts3 = _once(out)
    assert set(counts3.values()) == {1}
    assert Counter(r["doc_id"] for r in table(out, "articles")) == Counter(ids + urls + ["c"])
    assert len(table(out, "errors")) == 1  # the bad line (its id says where it is: it moved)


def test_worker_killed_mid_job_every_article_still_once(processes, tmp_path):
    src = tmp_path / "a.jsonl"
    ids = write_jsonl(src, range(72), bad_after={30}, sentences=3)
    out = tmp_path / "out"
    pids = processes.run(os.getpid)  # worker address -> process id
    killed = {}

    def kill_one(s):
        if killed:
            return
        busy = {w: keys for w, keys in processes.processing().items() if keys and w in pids}
        if s.done >= 1 and busy:  # a partition done, others running: kill a worker that runs one
            worker, keys = sorted(busy.items())[0]
            os.kill(pids[worker], signal.SIGKILL)
            killed.update(worker=worker, pid=pids[worker], keys=list(keys), at=s.done, of=s.partitions)

    s = _run(processes, [str(src)], str(out), partition_bytes=os.path.getsize(src) // 12 + 1, progress=kill_one)
    assert killed, "no worker was running a partition after the first one finished"
    assert killed["at"] < killed["of"]  # the job was not over
    assert s.failed_partitions == [] and s.done == s.partitions == 12
    assert (s.ok, s.failed) == (72, 1)
    counts = _once(out)
    assert set(counts.values()) == {1}, {k: n for k, n in counts.items() if n > 1}
    assert set(ids) <= set(counts) and len(counts) == 73
    # the dead worker process is gone (its nanny started another), and its partition ran again
    processes.wait_for_workers(2, timeout=120)
    assert killed["pid"] not in processes.run(os.getpid).values()
    story = [tuple(map(str, e)) for e in processes.story(*killed["keys"]) if e[0] == "scheduler"]
    lost = [e for e in story if e[2:4] == ("processing", "released") and "worker-cleanup" in e[-2]]
    redone = [e for e in story if e[2:4] == ("processing", "memory")]
    assert lost and {e[1] for e in redone} >= {e[1] for e in lost}, story


@pytest.fixture
def threads():
    """Workers in this process (so monkeypatch reaches the task code)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def test_partition_failing_every_try_is_retried_then_reported(threads, tmp_path, monkeypatch):
    write_jsonl(tmp_path / "good.jsonl", range(4))
    write_jsonl(tmp_path / "bad.jsonl", range(4, 8))
    tries = []
    real = job.read_partition

    def flaky(part, *limit):
        if part.paths[0].endswith("bad.jsonl"):
            tries.append(part.name)
            raise OSError("the disk went away")
        return real(part)
    monkeypatch.setattr(job, "read_partition", flaky)
    out = tmp_path / "out"
    s = _run(threads, [str(tmp_path)], str(out), retries=2)
    assert len(tries) == 3  # one try and two retries
    assert s.ok == 4 and len(s.failed_partitions) == 1
    name, what, error = s.failed_partitions[0]
    assert "bad.jsonl" in what and "the disk went away" in error
    (row,) = table(out, "errors")
    assert row["partition"] == name and "bad.jsonl" in row["origin"] and "retried 2 times" in row["error"]
    assert '"status": "failed"' in (out / "batch.json").read_text()

    monkeypatch.setattr(job, "read_partition", real)  # fixed: a re-run clears the failure
    s = _run(threads, [str(tmp_path)], str(out), retries=2)
    assert s.ok == 8 and not s.failed_partitions and table(out, "errors") == []


def test_out_folder_with_other_files_is_refused(threads, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(job.BatchError, match="holds other files"):
        job.run_job([str(tmp_path)], str(tmp_path), client=threads)
    assert os.listdir(tmp_path) == ["notes.txt"]


def test_command_line_batch_then_ingest(tmp_path):
    src = tmp_path / "a.jsonl"
    ids = write_jsonl(src, range(6))
    out, db = tmp_path / "out", f"sqlite:///{tmp_path / 'c.db'}"
    exe = [sys.executable, "-m", "presswatch.cli"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    r = subprocess.run(exe + ["batch", str(src), "--out", str(out), "--workers", "1", "--partition-mb", "0.001"],
                       capture_output=True, text=True, timeout=JOB_TIMEOUT, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "dashboard http://127.0.0.1:" in r.stderr
    assert "6 articles ok, 0 failed" in r.stderr and "articles/s" in r.stderr
    assert len(os.listdir(out / "articles")) > 1
    r = subprocess.run(exe + ["ingest", str(out), "--db", db], capture_output=True, text=True,
                       timeout=JOB_TIMEOUT, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "6 stored" in r.stderr
    r = subprocess.run(exe + ["search", "project", "--db", db, "--format", "csv", "--limit", "100"],
                       capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert all(i in r.stdout for i in ids) or r.stdout.count("\n") >= 6

    r = subprocess.run(exe + ["batch", "-", "--out", str(tmp_path / "o2"), "--workers", "1"],
                       capture_output=True, text=True, timeout=JOB_TIMEOUT, env=env, cwd=tmp_path)
    assert r.returncode == 1 and "cannot read stdin" in r.stderr and "Traceback" not in r.stderr
    assert Path(tmp_path / "o2").exists() is False


def test_the_jobs_options_reach_the_worker_processes(processes, tmp_path):
    """The Options travel with the tasks: the workers' environment has no say."""
    import json

    from presswatch import Options

    write_jsonl(tmp_path / "a.jsonl", range(3))
    out = tmp_path / "out"
    s = _run(processes, [str(tmp_path / "a.jsonl")], str(out), options=Options(claims=False, min_confidence=0.999))
    assert s.ok == 3 and s.failed == 0
    assert table(out, "claims") == [] and table(out, "statements") == []  # nothing is that sure (0.99 at most)
    manifest = json.loads((out / "batch.json").read_text())
    assert manifest["options"]["claims"] is False and manifest["options"]["min_confidence"] == 0.999
    s = _run(processes, [str(tmp_path / "a.jsonl")], str(out))
    assert len(table(out, "statements")) == 6 and table(out, "claims")  # the default options again
