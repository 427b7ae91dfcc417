"""presswatch batch without a cluster: partitions cover every input exactly once, are read streaming,
and one partition's task writes its Parquet files atomically; the output loads into a store."""
import gzip
import os
import tracemalloc
from collections import Counter

import pytest

from batch_fixtures import table, write_jsonl, write_warc
from presswatch.batch import job, tables
from presswatch.batch.partitions import Partition, index_warc, plan, read_partition
from presswatch.errors import InputError
from presswatch.ingest import read_inputs
from presswatch.records import Analysis, Article


def _read_all(parts, to_index=(), size=None):
    items = []
    for p in list(parts) + [q for f in to_index for q in index_warc(f, size)]:
        items += list(read_partition(p))
    return items


def _ok_ids(items):
    return [i.doc_id for i in items if isinstance(i, Article)]


@pytest.mark.parametrize("size", [1, 37, 200, 1000, 10 ** 9])
def test_jsonl_ranges_hold_every_line_once_in_order(tmp_path, size):
    path = tmp_path / "a.jsonl"
    ids = write_jsonl(path, range(40), bad_after={3, 17, 39})
    p = plan([str(path)], size)
    assert all(x.kind == "jsonl" for x in p.partitions) and not p.to_index
    assert len(p.partitions) == -(-os.path.getsize(path) // size)  # from the size alone
    items = _read_all(p.partitions)
    assert _ok_ids(items) == ids
    failed = [i for i in items if isinstance(i, Analysis)]
    assert len(failed) == 3 and all("not valid JSON" in f.error for f in failed)
    assert len({f.doc_id for f in failed}) == 3  # the bad lines are told apart


def test_jsonl_origins_name_the_line(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, range(10))
    first, *rest = plan([str(path)], 300).partitions
    assert [a.origin for a in read_partition(first)][:2] == [f"{path}:1", f"{path}:2"]
    later = next(read_partition(rest[0]))
    start = int(later.origin.split("@")[1].split(":")[0])
    with open(path, "rb") as fh:  # path@OFFSET:LINE: the line starts at that byte
        fh.seek(start)
        assert later.doc_id in fh.readline().decode()


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_ranges_start_at_records_and_match_a_whole_read(tmp_path, compressed):
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    urls = write_warc(path, range(25), gzip=compressed)
    whole = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    assert [a.doc_id for a in whole] == urls
    size = 2000
    p = plan([str(path)], size)
    assert p.to_index == [str(path)] and not p.partitions  # larger than one partition: indexed first
    parts = index_warc(str(path), size)
    assert len(parts) > 3
    assert parts[0].start == 0 and parts[-1].end == os.path.getsize(path)
    assert all(a.end == b.start for a, b in zip(parts, parts[1:]))
    items = _read_all(parts)
    assert [a.doc_id for a in items] == urls  # the request, image and 404 records are skipped
    assert [a.text for a in items] == [a.text for a in whole]
    assert [a.origin for a in items] == [a.origin for a in whole]  # one reader: the same names


def test_small_warc_is_one_partition_without_index(tmp_path):
    path = tmp_path / "small.warc.gz"
    urls = write_warc(path, range(3))
    p = plan([str(path)], 10 ** 6)
    assert p.partitions == [Partition("warc", (str(path),), 0, os.path.getsize(path))]
    assert _ok_ids(read_partition(p.partitions[0])) == urls


def test_truncated_warc_keeps_its_readable_records_and_reports_the_rest(tmp_path):
    path = tmp_path / "cut.warc.gz"
    urls = write_warc(path, range(12), extras=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3 + 100])  # inside a record
    items = _read_all([], [str(path)], 1500)
    ok = _ok_ids(items)
    assert ok and ok == urls[: len(ok)] and len(ok) < 12
    failed = [i for i in items if isinstance(i, Analysis)]
    assert len(failed) == 1 and "cannot be read past byte" in failed[0].error


def test_whole_file_gzip_warc_is_an_error_row_not_a_crash(tmp_path):
    plain = tmp_path / "x.warc"
    write_warc(plain, range(4), gzip=False, extras=False)
    path = tmp_path / "x.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))  # one gzip stream, not one member per record
    items = _read_all([], [str(path)], 100)
    assert any(isinstance(i, Analysis) and "cannot be read" in i.error for i in items)


def test_folder_plan_reads_what_ingest_reads(tmp_path, write):
    write("in/a.txt", "“We will win,” said Jane Doe.\n")
    write("in/sub/b.html", "<html><body><article><p>“No,” said John Roe.</p></article></body></html>")
    write("in/.hidden.txt", "never read")
    write("in/empty.txt", "")
    write_jsonl(tmp_path / "in" / "c.jsonl", range(5), bad_after={1})
    write_warc(tmp_path / "in" / "d.warc.gz", range(6))
    folder = str(tmp_path / "in")
    p = plan([folder, folder + "/c.jsonl"], 400)  # a file named twice is read once
    kinds = Counter(x.kind for x in p.partitions)
    assert kinds["files"] == 1 and kinds["jsonl"] >= 2
    items = _read_all(p.partitions, p.to_index, 400)
    expected = list(read_inputs([folder]))
    assert sorted(_ok_ids(items)) == sorted(_ok_ids(expected))
    assert len([i for i in items if isinstance(i, Analysis)]) == 2  # the empty file, the bad line


def test_missing_inputs_become_rows_and_stdin_is_refused(tmp_path):
    p = plan([str(tmp_path / "nope.jsonl"), str(tmp_path)], 1000)  # missing; a folder without articles
    items = _read_all(p.partitions)
    assert len(items) == 2 and all(isinstance(i, Analysis) and i.status == "error" for i in items)
    with pytest.raises(InputError, match="stdin"):
        plan(["-"], 1000)


def test_reading_a_partition_of_a_large_file_holds_little_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    line = '{"doc_id": "d%06d", "text": "%s"}\n'
    with open(path, "w") as fh:
        for i in range(6000):
            fh.write(line % (i, "Words of an article. " * 240))  # about 5 kB a line, 30 MB in all
    parts = plan([str(path)], 1 << 20).partitions
    assert len(parts) == -(-os.path.getsize(path) // (1 << 20)) == 30
    tracemalloc.start()
    n = sum(1 for _ in read_partition(parts[len(parts) // 2]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert 150 < n < 250
    assert peak < 4 << 20, f"reading 1 MB of a 30 MB file peaked at {peak / 2 ** 20:.1f} MB"


# -------------------------------------------------------------------------- one task, in process
def _files(out):
    return sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs)


def test_partition_task_writes_five_tables_and_a_rerun_overwrites(tmp_path):
    src = tmp_path / "a.jsonl"
    ids = write_jsonl(src, range(6), bad_after={2})
    out = str(tmp_path / "out")
    (part,) = plan([str(src)], 10 ** 6).partitions
    r = job.run_partition(part, out)
    assert (r["ok"], r["failed"]) == (6, 1)
    files = _files(out)
    assert files == sorted(f"{t}/part-{part.name}.parquet" for t in tables.TABLES)  # no temporary file
    arts = table(out, "articles")
    assert [a["doc_id"] for a in arts] == ids
    assert all(a["statement_count"] >= 1 and a["analysis"].startswith("{") for a in arts)
    st = table(out, "statements")
    assert {s["doc_id"] for s in st} == set(ids) and any(s["speaker_name"] == "Claire Dubois" for s in st)
    assert len(table(out, "speakers")) >= 6
    assert [e["partition"] for e in table(out, "errors")] == [part.name]
    before = {f: open(os.path.join(out, f), "rb").read() for f in files}
    job.run_partition(part, out)
    assert _files(out) == files
    assert [a["doc_id"] for a in table(out, "articles")] == ids  # replaced, not added
    assert table(out, "statements") == st and before.keys() == set(files)


def test_partition_task_that_fails_leaves_nothing(tmp_path, monkeypatch):
    src = tmp_path / "a.jsonl"
    write_jsonl(src, range(4))
    (part,) = plan([str(src)], 10 ** 6).partitions

    def broken(p, *limit):
        yield from list(read_partition(p))[:2]
        raise OSError("disk went away")
    monkeypatch.setattr(job, "read_partition", broken)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        job.run_partition(part, str(out))
    assert _files(out) == []


def test_batch_output_loads_into_a_store_like_a_direct_ingest(tmp_path):
    from presswatch.batch.job import _write_manifest
    from presswatch.corpus import ingest
    from presswatch.store import open_store

    src = tmp_path / "a.jsonl"
    write_jsonl(src, range(8), bad_after={4})
    out = str(tmp_path / "out")
    for p in plan([str(src)], 500).partitions:
        job.run_partition(p, out)
    _write_manifest(out, {"format": 1})
    with open_store("memory:") as direct, open_store("memory:") as loaded:
        r1 = ingest([str(src)], direct)
        r2 = ingest([out], loaded)
        assert r1.counts == r2.counts == {"ok": 8, "duplicate": 0, "error": 1}
        assert loaded.stats() == direct.stats()
        r3 = ingest([out], loaded)  # loading again adds nothing
        assert r3.counts == {"ok": 0, "duplicate": 8, "error": 1}
        assert loaded.stats() == direct.stats()


# ------------------------------------------------------------ the same rows in Parquet and SQL
def _mapped(t):
    """The columns corpus.rows gives table `t` that both outputs hold (not those only a store fills)."""
    from presswatch.corpus.rows import COLUMNS, STORE_ONLY
    return [c for c in COLUMNS[t] if c not in STORE_ONLY.get(t, ())]


def _same_rows(store, out):
    """Assert that every article, statement and claim row of the batch output `out` is in `store`
    with the same columns and values (and nothing else is)."""
    for t in ("articles", "statements", "claims"):
        cols = _mapped(t)
        assert [c for c in tables.SCHEMAS[t].names if c not in ("doc_id", "partition")] == \
            [c for c in cols if c != "doc_id"]
        sql = store._q(f"SELECT {', '.join(cols)} FROM {t} ORDER BY id")
        parquet = sorted(({c: r[c] for c in cols} for r in table(out, t)), key=lambda r: r["id"])
        assert sql == parquet, t
        assert sql, t


def test_one_analysis_gives_the_same_rows_in_the_store_and_in_parquet(tmp_path):
    """The same Article and Analysis through the store's writer and the batch's PartWriter."""
    from dataclasses import replace

    from corpus_fixtures import add_all, article

    from presswatch.records import Check, Claim, Quote, Span
    from presswatch.store import open_store

    art, an = article("one", [("Ali Khamenei", "The enemies will not succeed"), ("Jane Doe", "We will win")],
                      title="Two quotes", url="https://news.example/one", published="2024-04-05", outlet="Wire",
                      claims=[("More than 37000 people were killed", "consistent")])  # replaced below
    said = "More than 37000 people were killed"
    start = art.text.index(said)
    claim = Claim(Span(start, start + len(said), said), "quantity", "more than 37000 people killed", 37000.0,
                  "more than", "people killed", "Gaza", time="2024-04", observance=None, score=0.8,
                  cited_source=Span(0, 6, "Report"), checks=(Check("consistent", "test table", "reference"),))
    q = an.quotes[1]
    parts = (Span(q.start, q.start + 2, "We"), Span(q.start + 3, q.end, "will win"))
    quotes = (an.quotes[0], Quote(parts, None, None, "Jane Doe", False, "mixed", "s1", confidence=0.25))
    an = replace(an, claims=(claim,), quotes=quotes)
    out = str(tmp_path / "out")
    with tables.PartWriter(out, "p") as w:
        w.add(art, an)
        w.commit()
    with open_store(f"sqlite:///{tmp_path}/c.db") as store:
        assert [s for s, _ in add_all(store, [(art, an)])] == ["ok"]
        _same_rows(store, out)
    st = table(out, "statements")
    assert [(s["speaker_local"], s["is_direct"], s["source"], s["text"]) for s in st] == [
        ("s0", 1, "Ali Khamenei", "The enemies will not succeed"), ("s1", 0, None, "We … will win")]
    [cl] = table(out, "claims")
    assert (cl["stated"], cl["value"], cl["qualifier"], cl["cited_source"], cl["score"], cl["verdict"]) == (
        "more than 37000 people killed", 37000.0, "more than", "Report", 0.8, "consistent")
    assert [(s["speaker_local"], s["name"]) for s in table(out, "speakers")] == [("s0", "Ali Khamenei"),
                                                                                  ("s1", "Jane Doe")]


def test_analysed_articles_have_the_same_rows_in_parquet_and_in_a_store(tmp_path):
    """Analysed by a batch task and by `presswatch ingest`, and the batch output loaded into a
    store: every statement and claim row is the same in all three."""
    from presswatch.corpus import ingest
    from presswatch.store import open_store

    src = tmp_path / "a.jsonl"
    write_jsonl(src, range(5), sentences=3)
    out = str(tmp_path / "out")
    (part,) = plan([str(src)], 10 ** 6).partitions
    job.run_partition(part, out)
    from presswatch.batch.job import _write_manifest
    _write_manifest(out, {"format": 1})
    for source in (str(src), out):
        with open_store(f"sqlite:///{tmp_path}/{os.path.basename(source)}.db") as store:
            assert ingest([source], store).counts == {"ok": 5, "duplicate": 0, "error": 0}
            _same_rows(store, out)
    assert table(out, "claims"), "the articles were meant to hold claims"
