"""Research views benchmark: the dashboard, speaker and outlet pages on a generated store.

    python bench/dashboard_bench.py [--statements 100000] [--requests 40] [--db /tmp/dash.db]

Builds (once, kept at --db while it holds that many statements) a SQLite store of generated rows
written through Store.add_article and Store.replace_identity: no spaCy, so 100,000 statements take
about a minute. 20,000 articles of 12 outlets (corpus_bench.OUTLETS) over 2015-2024, five statements
each by 2,400 speakers quoted on a Zipf curve (people with a gender from a title or first name, or
none; organisations), two claims and three check-worthy sentences with scores, two technique spans.
Then it times, single user through the app's test client (the whole page: queries, SVG, template),
--requests of each: the dashboard unfiltered, with a period, with an outlet; the speaker page of
speakers drawn from the most quoted 50; the outlet page; a dashboard CSV. Prints p50/p95/max per kind.
Target: p95 under 300 ms.
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

sys.path.insert(0, os.path.dirname(__file__))

from corpus_bench import OUTLETS, percentile  # noqa: E402
from speed import machine  # noqa: E402

TECHNIQUES = ["Loaded_Language", "Name_Calling,Labeling", "Doubt", "Exaggeration,Minimisation", "Flag-Waving",
              "Appeal_to_fear-prejudice", "Repetition", "Slogans"]
GIVEN = {"f": ["Anna", "Claire", "Maria", "Sofia", "Laura"], "m": ["Marcus", "Peter", "David", "Omar", "Jan"]}
SURNAMES = ["Feld", "Dubois", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Silva", "Rossi", "Keller"]
ARTICLE = ("id", "content_hash", "url", "doc_id", "title", "outlet", "author", "published", "published_basis",
           "publication_date", "publication_year", "publication_basis", "dateline_place", "origin", "chars",
           "statement_count", "speaker_count", "claim_count", "text", "run_id", "analysis")


def speakers(rng, n: int) -> list[dict]:
    """n corpus speakers: 90% people (a third by title, half by first name, the rest no gender), 10% organisations."""
    out = []
    for i in range(n):
        if i % 10 == 9:
            out.append({"id": f"sp-{i}", "name": f"{rng.choice(SURNAMES)} Council {i}", "kind": "ORG",
                        "gender": None, "gender_basis": None})
            continue
        g = rng.choice("fm")
        basis = rng.choices(["title", "first name", None], [3, 5, 2])[0]
        out.append({"id": f"sp-{i}", "name": f"{rng.choice(GIVEN[g])} {rng.choice(SURNAMES)} {i}", "kind": "PERSON",
                    "gender": g if basis else None, "gender_basis": basis})
    return out


def article_rows(rng, i: int, people: list, weights: list, per: int):
    from presswatch.corpus.rows import Rows
    aid = f"a{i:06d}"
    outlet = rng.choice(OUTLETS)
    published = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    a = dict.fromkeys(ARTICLE)
    a.update(id=aid, content_hash=aid, doc_id=aid, title=f"Article {i}", outlet=outlet, published=published,
             text="x", analysis="{}", url=f"https://bench.example/{i}")
    who = rng.choices(range(len(people)), weights, k=per)
    common = {"article_id": aid, "published": published, "outlet": outlet}
    sts = [dict(common, id=f"{aid}-s{k}", seq=k, speaker_local=f"s{w}", speaker_id=None, speaker_name=people[w]["name"],
                kind="direct", is_direct=1, start_char=0, end_char=1, spans="[]", text=f"statement {i} {k}", cue="said",
                source=None, said_date=None, said_year=None, occasion=None, said_text=None, said_basis=None,
                confidence=0.9, fingerprint=f"{aid}-{k}", cluster_id=f"{aid}-s{k}") for k, w in enumerate(who)]
    claims = [dict(common, id=f"{aid}-c{k}", seq=k, start_char=0, end_char=1, text="claim", kind="quantity", stated="",
                   value=None, qualifier=None, counted=None, place=None, time=None, cited_source=None, observance=None,
                   score=rng.random(), verdict=None, checks="[]", statement_id=sts[k]["id"], speaker_name=None)
              for k in range(2)]
    worthy = [dict(common, id=f"{aid}-w{k}", seq=k, start_char=0, end_char=1, text="sentence", score=rng.random(),
                   statement_id=sts[k]["id"], speaker_name=None) for k in range(3)]
    tqs = [dict(common, id=f"{aid}-t{k}", seq=k, start_char=0, end_char=1, text="span", technique=rng.choice(TECHNIQUES),
                confidence=0.7, used_by=rng.choice(["speaker", "outlet"]), statement_id=sts[k]["id"],
                speaker_local=sts[k]["speaker_local"], speaker_id=None, speaker_name=None) for k in range(2)]
    locals_ = sorted(set(who))
    sps = [{"article_id": aid, "speaker_local": f"s{w}", "name": people[w]["name"], "kind": people[w]["kind"],
            "mentions": 1, "mention_texts": [people[w]["name"]]} for w in locals_]
    return Rows(a, sts, claims, sps, worthy, tqs), [(aid, f"s{w}", people[w]["id"], "bench") for w in locals_]


def build(db: str, statements: int):
    from presswatch.store import open_store
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    rng = random.Random(5)
    people = speakers(rng, 2400)
    weights = [1 / (r + 1) for r in range(len(people))]  # Zipf: a few are quoted often, most rarely
    store = open_store(f"sqlite:///{db}")
    t0, links, per = time.perf_counter(), [], 5
    for start in range(0, statements // per, 1000):
        with store.transaction():
            for i in range(start, min(start + 1000, statements // per)):
                rows, ls = article_rows(rng, i, people, weights, per)
                store.add_article(rows)
                links += ls
    with store.transaction():
        store.replace_identity([dict(p, statements=0, roles=None, wikidata=None) for p in people],
                               [(p["name"].lower(), p["id"], p["name"]) for p in people], links)
    store._x("ANALYZE")
    print(f"built {db}: {store.stats()} in {time.perf_counter() - t0:.0f}s")
    return store


def timed(client, kinds: dict, requests: int) -> None:
    for kind, urls in kinds.items():
        lat = []
        for url in (urls * requests)[:requests]:
            t = time.perf_counter()
            r = client.get(url)
            lat.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, (url, r.status_code, r.text[:300])
        print(f"{kind:28s} {requests} requests: p50 {statistics.median(lat):6.1f} ms, p95 {percentile(lat, 95):6.1f} ms, "
              f"max {max(lat):6.1f} ms")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "presswatch-bench", "dashboard.db"))
    args = ap.parse_args()
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from presswatch.store import open_store
    from presswatch.web import create_app
    os.makedirs(os.path.dirname(os.path.abspath(args.db)), exist_ok=True)
    store = open_store(f"sqlite:///{args.db}") if os.path.exists(args.db) else None
    if store is None or store.stats()["statements"] != args.statements:
        if store is not None:
            store.close()
        store = build(args.db, args.statements)
    top = [s["id"] for s in store.speakers(50)]
    m = machine()
    print(f"machine: {m['platform']}; {m['cpu']}; {m['cores']} cores; python {m['python']}; spacy {m['spacy']}")
    print(f"store: {json.dumps(store.stats())}; most quoted speaker: {store.speakers(1)[0]['statements']} statements")
    store.close()
    rng = random.Random(3)
    with TestClient(create_app(f"sqlite:///{args.db}")) as client:
        client.get("/dashboard")  # warm the page cache
        timed(client, {
            "dashboard": ["/dashboard"],
            "dashboard, one year": [f"/dashboard?since={y}&until={y}" for y in range(2015, 2025)],
            "dashboard, one outlet": [f"/dashboard?outlet={quote(o)}" for o in OUTLETS],
            "dashboard CSV (gender)": ["/dashboard.csv?chart=gender"],
            "speaker page (top 50)": [f"/speakers/{quote(rng.choice(top))}" for _ in range(20)],
            "outlet page": [f"/outlets/{quote(o)}" for o in OUTLETS],
        }, args.requests)


if __name__ == "__main__":
    main()
