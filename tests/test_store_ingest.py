"""Ingest end to end (the real pipeline): idempotent, per-article status, kill -9 and resume,
and readers that see consistent data while an ingest writes (SQLite WAL)."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from corpus_fixtures import article

from presswatch.cli import main
from presswatch.corpus import writer
from presswatch.store import Search, open_store

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "samples")
NAMES = ["Claire Dubois", "Marcus Feld", "Anita Rao", "David Okafor", "Helen Marsh", "Tom Reyes"]
TOPICS = ["the budget", "the rail line", "the port", "school funding", "the housing plan", "the water supply"]


def jsonl(path, n):
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            name, topic = NAMES[i % len(NAMES)], TOPICS[(i // len(NAMES)) % len(TOPICS)]
            text = (f"OTTAWA - The council met on Tuesday to discuss {topic} for the {i}th time.\n"
                    f"“We cannot keep waiting on {topic},” said {name}. "
                    f"{name.split()[1]} said that {i + 2} families would be affected.\n")
            fh.write(json.dumps({"doc_id": f"doc-{i}", "text": text, "url": f"https://news.example/{i}",
                                 "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "outlet": "News"}) + "\n")
    return path


def run_cli(*args):
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return exc.value.code


def test_ingest_is_idempotent_and_records_status(tmp_path, capsys):
    db = f"sqlite:///{tmp_path}/c.db"
    src = jsonl(tmp_path / "a.jsonl", 3)
    with open(src, "a") as fh:
        fh.write("{not json\n")
    assert run_cli("ingest", SAMPLES, str(src), "--db", db) == 1  # the bad line fails, the rest are stored
    err = capsys.readouterr().err
    assert "5 stored, 0 duplicates, 1 errors" in err and "a.jsonl:4" in err
    assert run_cli("ingest", SAMPLES, str(src), "--db", db) == 1
    assert "0 stored, 5 duplicates, 1 errors" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.stats()["articles"] == 5
        first, second = store.runs()[1], store.runs()[0]
        assert (first["ok"], first["duplicates"], first["errors"]) == (5, 0, 1)
        statuses = store.statuses(second["id"])
        assert [s["status"] for s in statuses] == ["duplicate"] * 5 + ["error"]
        assert "not valid JSON" in statuses[-1]["reason"]
    assert run_cli("search", "waiting", "--outlet", "News", "--db", db, "--format", "json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 3 and {h["speaker"] for h in out["hits"]} == {"Claire Dubois", "Marcus Feld", "Anita Rao"}
    assert run_cli("search", '"waiting', "--db", db) == 1
    assert "unbalanced quotation mark" in capsys.readouterr().err


def _count(path):
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _content(path):
    with sqlite3.connect(path) as c:
        assert c.execute("INSERT INTO statements_fts(statements_fts) VALUES('integrity-check')") is not None
        return (sorted(c.execute("SELECT id, text, speaker_id FROM statements")),
                sorted(c.execute("SELECT id FROM articles")),
                c.execute("SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH 'waiting'").fetchone()[0])


def test_kill_9_then_resume_loses_and_duplicates_nothing(tmp_path):
    n = 80
    src = jsonl(tmp_path / "big.jsonl", n)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "presswatch.cli", "ingest", str(src), "--batch-size", "2", "--db"]
    proc = subprocess.Popen(cmd + [f"sqlite:///{db}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while _count(db) < 5 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 5 <= stored < n, f"the kill should land mid-ingest ({stored} of {n} stored)"
    assert subprocess.run(cmd + [f"sqlite:///{db}"], capture_output=True).returncode == 0
    clean = tmp_path / "clean.db"
    assert subprocess.run(cmd + [f"sqlite:///{clean}"], capture_output=True).returncode == 0
    resumed, reference = _content(db), _content(clean)
    assert len(resumed[1]) == n and resumed[0] and resumed[2] == n
    assert resumed[0:2] == reference[0:2]  # same articles, same statements, nothing twice
    with open_store(f"sqlite:///{db}") as store:
        run = store.runs()[0]
        assert (run["ok"], run["duplicates"], run["errors"]) == (n - stored, stored, 0)
        assert store.runs()[1]["finished_at"] is None  # the killed run shows as unfinished


def test_readers_see_consistent_data_during_an_ingest(tmp_path):
    url = f"sqlite:///{tmp_path}/live.db"
    store = open_store(url)
    done, problems, reads = threading.Event(), [], [0]

    def read():
        reader = open_store(url, readonly=True)
        while not done.is_set():
            with reader.snapshot():
                stats = reader.stats()
                total = reader.search(Search("", limit=1)).total
            if stats["statements"] != 2 * stats["articles"] or total != stats["statements"]:
                problems.append((stats, total))
            reads[0] += 1
        reader.close()

    threads = [threading.Thread(target=read) for _ in range(2)]
    for t in threads:
        t.start()
    run = store.start_run(["live"])
    for i in range(150):
        art, an = article(f"live-{i}", [(NAMES[i % 6], f"We said {i} things about it today"),
                                        (NAMES[(i + 1) % 6], f"Point number {i} stands for itself")])
        assert writer.add(store, art, an, run, i)[0] == "ok"
    done.set()
    for t in threads:
        t.join()
    store.close()
    assert problems == [] and reads[0] > 10
