"""Two ingests writing into one store at the same time end as a sequential run would, and the
same articles in another order give the same speakers: each write transaction is serialised
(SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), and who is who is recomputed from every
stored article at the end of each run (corpus/people.py), never decided by arrival order."""
import random
import threading

import pytest
from corpus_fixtures import article, make_store, store_urls

from presswatch.corpus import people, writer

NAMES = ["Claire Dubois", "Marcus Feld", "Anita Rao", "David Okafor", "Helen Marsh", "Tom Reyes"]


VARIANTS = {"Helen Marsh": "Marsh", "Tom Reyes": "T. Reyes"}  # a bare surname, an initial


def articles(prefix, n):
    """n articles, each quoting two of NAMES, some under a variant ("Marsh", "T. Reyes"): in the
    old design the variant joined whichever speaker came first."""
    out = []
    for i in range(n):
        a, b = NAMES[i % len(NAMES)], NAMES[(i + 1 + i // len(NAMES)) % len(NAMES)]
        if i % 3 == 2:
            b = VARIANTS.get(b, b)
        out.append(article(f"{prefix}-{i}", [(a, f"We will look at item {prefix} {i} again"),
                                             (b, f"The figures for {prefix} {i} are clear")],
                           url=f"https://{prefix}.example/{i}", published=f"2024-01-{1 + i % 28:02d}"))
    return out


SHARED = article("shared", [("Claire Dubois", "Both feeds carry this article")], url="https://shared.example/1")


def ingest(store, items, results):
    run = store.start_run(["thread"])
    for seq, (art, an) in enumerate(items):
        results.append(writer.add(store, art, an, run, seq)[0])
    people.recompute(store)
    store.finish_run(run, {})


def outcome(store, results):
    speakers = sorted((s["id"], s["name"], s["statements"]) for s in store.speakers(1000))
    names = sorted(n for s in store.speakers(1000) for n in store.speaker(s["id"])["names"])
    return speakers, names, sorted(results), store.stats()


def overlap_first_merge(store, monkeypatch):
    """Hold each thread's first duplicate check until the other has made its own (or 1.5 s have
    passed): without serialised transactions both then read the corpus before either writes."""
    barrier = threading.Barrier(2, timeout=1.5)
    seen = set()
    real = store.has_article

    def candidates(keys):
        rows = real(keys)
        me = threading.get_ident()
        if me not in seen:
            seen.add(me)
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass  # the other ingest waits for our transaction to end: as it should
        return rows
    monkeypatch.setattr(store, "has_article", candidates)


@pytest.mark.parametrize("kind", [p for p in store_urls() if p.id != "memory"])
def test_two_concurrent_ingests_merge_speakers_as_a_sequential_run(kind, tmp_path, monkeypatch):
    left, right = articles("left", 24) + [SHARED], articles("right", 24) + [SHARED]
    (tmp_path / "seq").mkdir()
    seq_store, seq_cleanup = make_store(kind, tmp_path / "seq")
    try:
        seq_results: list = []
        ingest(seq_store, left, seq_results)
        ingest(seq_store, right, seq_results)
        expected = outcome(seq_store, seq_results)
    finally:
        seq_cleanup()
    (tmp_path / "conc").mkdir()
    store, cleanup = make_store(kind, tmp_path / "conc")
    try:
        overlap_first_merge(store, monkeypatch)
        results: list = []
        errors: list = []

        def run(items):
            try:
                ingest(store, items, results)
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
        threads = [threading.Thread(target=run, args=(items,)) for items in (left, right)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors, errors
        got = outcome(store, results)
    finally:
        cleanup()
    assert len(expected[0]) == len(NAMES) and expected[2].count("duplicate") == 1
    assert got == expected


@pytest.mark.parametrize("kind", store_urls())
def test_the_same_articles_in_another_order_give_the_same_speakers(kind, tmp_path):
    items = articles("one", 12) + articles("two", 12)
    outcomes = []
    for seed in (0, 1):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        (tmp_path / str(seed)).mkdir()
        store, cleanup = make_store(kind, tmp_path / str(seed))
        try:
            results: list = []
            ingest(store, shuffled[:10], results)  # two runs, as two ingests of a feed would be
            ingest(store, shuffled[10:], results)
            outcomes.append(outcome(store, results))
        finally:
            cleanup()
    assert outcomes[0] == outcomes[1]
    assert len(outcomes[0][0]) == len(NAMES)  # "Marsh" and "T. Reyes" joined their one full name
