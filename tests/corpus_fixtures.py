"""Hand-made analysed articles for the store, web and browser tests (no spaCy needed).

article(doc_id, [(speaker, quote), ...], ...) writes a small news text holding each quote as
'“QUOTE,” said SPEAKER.' and returns the Article and an Analysis whose offsets point into it.
"""
from __future__ import annotations

import os
import uuid

import pytest

from presswatch.corpus import people, writer
from dataclasses import replace

from presswatch.records import (Analysis, Article, Claim, Publication, Quote, Span, Speaker, StatementTime,
                                Technique)


def article(doc_id, quotes, *, title=None, url=None, published=None, outlet=None, claims=(), lead=None,
            mentions=None):
    text = (lead or f"Report {doc_id}.") + "\n"
    qs, speakers = [], {}
    for name, quote in quotes:
        start = len(text) + 1
        text += f"“{quote},” said {name}. "
        src_start = start + len(quote) + 8
        sid = speakers.setdefault(name, f"s{len(speakers)}")
        qs.append(Quote(content=(Span(start, start + len(quote), quote),),
                        source=Span(src_start, src_start + len(name), name),
                        cue=Span(src_start - 5, src_start - 1, "said"), speaker=name, is_direct=True,
                        kind="direct", speaker_id=sid, statement_time=StatementTime(basis="publication"),
                        confidence=0.9))
        assert text[start:start + len(quote)] == quote and text[src_start:src_start + len(name)] == name
    text += "\n"
    claim_dicts = []
    for claim_text, verdict in claims:
        start = len(text)
        text += claim_text + ". "
        claim_dicts.append({"span": {"start": start, "end": start + len(claim_text), "text": claim_text},
                            "kind": "quantity", "checks": [{"verdict": verdict, "evidence": "test table"}]})
    spk = tuple(Speaker(sid, name, "PERSON", tuple(Span(0, 0, m) for m in (mentions or {}).get(name, ())))
                for name, sid in speakers.items())
    art = Article(doc_id=doc_id, text=text, title=title, url=url, published=published, outlet=outlet,
                  origin=f"{doc_id}.txt")
    an = Analysis(doc_id=doc_id, title=title, url=url, outlet=outlet, origin=art.origin,
                  publication=Publication(date=published, year=int(published[:4]) if published else None,
                                          basis="given" if published else None),
                  quotes=tuple(qs), speakers=spk, claims=tuple(Claim.from_dict(c) for c in claim_dicts))
    return art, an


def add_all(store, items):
    run = store.start_run(["fixtures"])
    out = [writer.add(store, art, an, run, i) for i, (art, an) in enumerate(items)]
    people.recompute(store)  # as ingest does at the end of a run
    store.finish_run(run, {})
    return out


def corpus():
    """A small corpus: Ali Khamenei under two name forms, Mojtaba Khamenei, and a bare "Khamenei"
    that stays its own (the corpus has two people of that surname); one quote travelling between
    outlets."""
    return [
        article("tehran-1", [("Ali Khamenei", "The enemies of Iran will not succeed in their plans"),
                             ("Hassan Rouhani", "Our economy is resilient despite the sanctions")],
                title="Leader speaks on Quds Day", url="https://news.example/a1", published="2022-04-29",
                outlet="Tehran Times", claims=[("Inflation fell to 40 percent", "supported")],
                mentions={"Ali Khamenei": ("Ayatollah Khamenei", "Khamenei")}),
        article("wire-2", [("Ayatollah Ali Khamenei", "The enemies of Iran will not succeed in their plans!"),
                           ("Mojtaba Khamenei", "The seminary stands with the people of Gaza")],
                title="Khamenei repeats warning", url="https://wire.example/b2", published="2023-04-14",
                outlet="Wire Service"),
        article("paper-3", [("Khamenei", "The enemies of Iran will never succeed in their plans")],
                title="A speech recalled", url="https://paper.example/c3", published="2021-05-07",
                outlet="Daily Paper", claims=[("The budget grew by 12 percent", "contradicted")]),
        article("paper-4", [("Claire Dubois", "The rail line will open on schedule next spring"),
                            ("Marcus Feld", "Transport spending must be audited before the vote")],
                title="Rail line on track, minister says", url="https://paper.example/d4",
                published="2024-03-02", outlet="Daily Paper"),
    ]


def store_urls():
    urls = [pytest.param("memory:", id="memory"), pytest.param("sqlite", id="sqlite")]
    urls.append(pytest.param("postgres", id="postgres", marks=pytest.mark.skipif(
        not os.environ.get("PRESSWATCH_TEST_POSTGRES_URL"),
        reason="set PRESSWATCH_TEST_POSTGRES_URL to run the PostgreSQL contract tests")))
    return urls


def make_store(kind, tmp_path, migrate=True):
    """(store, cleanup) for a backend name from store_urls(); PostgreSQL gets a fresh schema."""
    from presswatch.store import open_store
    if kind == "sqlite":
        store = open_store(f"sqlite:///{tmp_path}/corpus.db", migrate=migrate)
        return store, store.close
    if kind == "postgres":
        base = os.environ["PRESSWATCH_TEST_POSTGRES_URL"]
        schema = "t_" + uuid.uuid4().hex[:12]
        store = open_store(base + ("&" if "?" in base else "?") + f"schema={schema}", migrate=migrate)

        def cleanup():
            store._x(f'DROP SCHEMA "{schema}" CASCADE')
            store.close()
        return store, cleanup
    store = open_store(kind, migrate=migrate)
    return store, store.close


HOSTILE_TITLE = "<script>window.__pwned='title';alert('title')</script><img src=x onerror=\"window.__pwned='img';alert(1)\">"
HOSTILE_URL = "javascript:window.__pwned='url';alert(4)"


def hostile():
    """An article whose title, URL, body and quote carry scripts, event handlers and javascript: links."""
    lead = ("Breaking <script>window.__pwned='body';alert(2)</script> news. <a href=\"javascript:alert(3)\">click me</a> "
            "<img src=x onerror=\"window.__pwned='onerror';alert(5)\"> <svg onload=alert(6)></svg> "
            "<iframe src=\"javascript:alert(7)\"></iframe> </textarea></title><style>body{display:none}</style>")
    return article("evil-1", [("Mallory Evans", "<img src=y onerror=alert(8)> We <b onmouseover=alert(9)>will</b> win")],
                   title=HOSTILE_TITLE, url=HOSTILE_URL, published="2024-01-05",
                   outlet="<script>alert('outlet')</script>Evil Times", lead=lead)


def with_techniques(item, spans):
    """An (Article, Analysis) with technique spans added: (words, technique, confidence), each found
    in the text (its first occurrence); inside a direct quote the speaker uses it, elsewhere the outlet."""
    art, an = item
    out = []
    for words, technique, confidence in spans:
        start = art.text.index(words)
        end = start + len(words)
        i = next((i for i, q in enumerate(an.quotes) for c in q.content if c.start <= start and end <= c.end), None)
        q = an.quotes[i] if i is not None else None
        out.append(Technique(Span(start, end, words), technique, confidence,
                             "speaker" if q is not None and q.kind == "direct" else "outlet", i,
                             q.speaker if q else None, q.speaker_id if q else None))
    return art, replace(an, techniques=tuple(sorted(out, key=lambda t: (t.span.start, t.span.end))))


def technique_corpus():
    """Three articles of two outlets and two months with techniques by speakers and by the outlets:
    Claire Dubois calls names twice (in two articles) and uses loaded language once; the Daily
    Paper's own voice uses loaded language, the Wire Service exaggerates."""
    a = with_techniques(article("tq-1", [("Claire Dubois", "These reckless vandals wrecked the budget"),
                                         ("Marcus Feld", "The rail line is the best project ever built")],
                                title="Budget row", url="https://paper.example/tq1", published="2024-03-02",
                                outlet="Daily Paper", lead="A disastrous, shameful week for the council."),
                        [("reckless vandals", "Name_Calling,Labeling", 0.81), ("wrecked", "Loaded_Language", 0.64),
                         ("the best project ever built", "Exaggeration,Minimisation", 0.72),
                         ("disastrous, shameful", "Loaded_Language", 0.9)])
    b = with_techniques(article("tq-2", [("Claire Dubois", "The mayor is a puppet of the developers")],
                                title="Dubois again", url="https://paper.example/tq2", published="2024-04-10",
                                outlet="Daily Paper"),
                        [("a puppet of the developers", "Name_Calling,Labeling", 0.77)])
    c = with_techniques(article("tq-3", [("Marcus Feld", "The audit will take a week")],
                                title="Audit soon", url="https://wire.example/tq3", published="2024-04-20",
                                outlet="Wire Service", lead="The biggest audit in the history of the world."),
                        [("The biggest audit in the history of the world", "Exaggeration,Minimisation", 0.66)])
    return [a, b, c]


def research_corpus():
    """Four articles for the research views' counts, every number worked out by hand:
    Daily Paper 2024-01-10: Claire Dubois twice, Marcus Feld once, a claim in Claire's first statement
    (score 0.8) and one outside any (0.3), check-worthy sentences 0.9 (Claire's) and 0.4;
    Wire Service 2024-02-05: Claire once, the Harbour Council (an organisation) once, a "he" no one
    resolved once; Daily Paper 2024-02-20: Khamenei (no first name: gender unknown) once;
    no outlet, undated: Marcus once."""
    from presswatch.records import CheckworthySentence
    a_art, a = article("rs-1", [("Claire Dubois", "The budget is balanced"), ("Claire Dubois", "Taxes will fall"),
                                ("Marcus Feld", "The rail line opens in May")],
                       title="Budget day", url="https://paper.example/rs1", published="2024-01-10", outlet="Daily Paper",
                       claims=[("Spending rose by 4 percent", None), ("About 300 people came", None)])
    a = replace(a, claims=(replace(a.claims[0], score=0.8, statement=0, speaker="Claire Dubois"),
                           replace(a.claims[1], score=0.3)),
                checkworthy=(CheckworthySentence(a.quotes[0].content[0], 0.9, 0, "Claire Dubois"),
                             CheckworthySentence(a.quotes[2].content[0], 0.4, 2, "Marcus Feld")))
    b_art, b = article("rs-2", [("Claire Dubois", "The harbour stays open"), ("Harbour Council", "Fees rise in June"),
                                ("he", "Nobody asked us")],
                       title="Harbour", url="https://wire.example/rs2", published="2024-02-05", outlet="Wire Service")
    b = replace(b, speakers=tuple(replace(s, kind="ORG") if s.name == "Harbour Council" else s
                                  for s in b.speakers if s.name != "he"),
                quotes=b.quotes[:2] + (replace(b.quotes[2], speaker=None, speaker_id=None),))
    c = article("rs-3", [("Khamenei", "The enemies will fail")], title="Speech", url="https://paper.example/rs3",
                published="2024-02-20", outlet="Daily Paper")
    d = article("rs-4", [("Marcus Feld", "Trains are late")], title="Undated", url="https://x.example/rs4")
    return [(a_art, a), (b_art, b), c, d]


@pytest.fixture(params=store_urls())
def store(request, tmp_path):
    """Each store backend in turn (memory, SQLite, and PostgreSQL where configured), migrated and empty."""
    s, cleanup = make_store(request.param, tmp_path)
    yield s
    cleanup()
