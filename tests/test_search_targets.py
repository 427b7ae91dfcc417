"""Search targets, orders, whole exports, facet buckets, date filters and provenance group ids:
every backend answers as the memory store (the reference) does. Then migration 0008 on a store
with rows, asked through Datasette itself."""
import asyncio
import sqlite3

import pytest
from corpus_fixtures import add_all, article, corpus, make_store, store_urls, store  # noqa: F401 (the fixture)

from presswatch.corpus.export import COLUMNS
from presswatch.errors import SearchSyntaxError
from presswatch.store import Search, open_store


@pytest.fixture
def filled(store):
    add_all(store, corpus())
    return store


def docs(page_or_rows):
    hits = page_or_rows.hits if hasattr(page_or_rows, "hits") else page_or_rows
    return [h["article_id"].split("-")[0] for h in hits]


def titles(page):
    return sorted(h["title"] for h in page.hits)


def test_articles_are_searched_by_title_and_text(filled):
    quds = filled.search(Search("Quds", target="articles"))  # in a title only
    assert titles(quds) == ["Leader speaks on Quds Day"] and quds.hits[0]["type"] == "article"
    assert titles(filled.search(Search("schedule", target="articles"))) == ["Rail line on track, minister says"]
    named = filled.search(Search("Khamenei", target="articles"))
    assert named.total == 3 and set(COLUMNS["articles"]) <= set(named.hits[0])
    assert filled.search(Search("Khamenei", target="articles", outlet="Daily Paper")).total == 1
    assert filled.search(Search("", target="articles", since="2023")).total == 2


def test_relevance_puts_the_best_match_first(filled):
    ranked = filled.search(Search("Khamenei", target="articles", order="relevance"))
    assert ranked.hits[0]["title"] == "Khamenei repeats warning" and ranked.total == 3
    by_date = filled.search(Search("Khamenei", target="articles"))
    assert [h["published"] for h in by_date.hits] == ["2023-04-14", "2022-04-29", "2021-05-07"]
    statements = filled.search(Search("enemies", order="relevance"))
    assert statements.total == 3
    with pytest.raises(SearchSyntaxError, match="needs words"):
        filled.search(Search("", order="relevance"))
    with pytest.raises(SearchSyntaxError, match="claims also by score"):
        filled.search(Search("budget", target="articles", order="score"))
    assert filled.search(Search("percent", target="claims", order="score")).total == 2


def test_a_speaker_filter_is_for_statements(filled):
    with pytest.raises(SearchSyntaxError, match="not articles"):
        filled.search(Search("Khamenei", target="articles", speaker="Ali Khamenei"))


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "24", "2024-1", "last year"])
def test_a_date_that_is_none_is_an_error_naming_it(filled, value):
    with pytest.raises(SearchSyntaxError, match=f"since '{value}' is not a date; write it as 2024-04-05"):
        filled.search(Search("", since=value))


def test_a_month_ends_on_its_last_day(filled):
    assert Search(until="2024-02").checked().until == "2024-02-29"
    assert Search(since="2024-02", until="2023").checked().since == "2024-02-01"
    assert filled.search(Search("", since="2024-03", until="2024-03")).total == 2


def _many(n=30):
    return [article(f"m{i}", [("Claire Dubois", f"The harbour plan {i} must go ahead"),
                              ("a spokesman", f"The harbour costs {i} are too high")],
                    url=f"https://m.example/{i}", published=None if i % 5 == 0 else f"{2019 + i % 4}-03-0{1 + i % 9}",
                    outlet=None if i % 7 == 0 else ["Port Herald", "Daily Paper"][i % 2], title=f"Harbour {i}")
            for i in range(n)]


def test_an_export_has_every_match_in_order_and_streams(store):
    add_all(store, _many())
    rows = store.export(Search("harbour", limit=5, offset=7))  # a page's limit and offset do not apply
    assert iter(rows) is rows  # an iterator: read as the caller goes
    rows = list(rows)
    assert len(rows) == 60 and set(COLUMNS["statements"]) <= set(rows[0])
    assert [r["id"] for r in rows] == [h["id"] for h in store.search(Search("harbour", limit=1000)).hits]
    assert {r["speaker_kind"] for r in rows} >= {"PERSON"} and rows[0]["confidence"] == 0.9
    assert len(list(store.export(Search("harbour", target="articles")))) == 30
    claims = list(store.export(Search("", target="claims")))
    assert claims == []
    with pytest.raises(SearchSyntaxError, match="not a date"):
        store.export(Search("harbour", since="2024-13"))  # raised before any row is read


def test_facets_end_with_the_matches_without_a_value(store):
    add_all(store, _many())
    reference = open_store("memory:")
    add_all(reference, _many())
    for s in (Search("harbour"), Search("harbour", target="articles"), Search("costs")):
        page, want = store.search(s, facets=True), reference.search(s, facets=True)
        for name in ("outlet", "year"):
            assert page.facets[name] == want.facets[name], s
            assert sum(x[-1] for x in page.facets[name]) == page.total, (s, name)
    page = store.search(Search("harbour"), facets=True)
    assert page.facets["year"][-1] == (None, 12) and page.facets["outlet"][-1] == (None, 10)
    assert page.facets["speaker"][0][1:] == ("Claire Dubois", 30)


def test_a_group_is_named_for_its_earliest_appearance(filled):
    """The three 'enemies of Iran' quotes: ingested 2022, 2023, then 2021; the group takes the 2021 id."""
    hits = filled.search(Search("enemies")).hits
    earliest = next(h for h in hits if h["published"] == "2021-05-07")
    assert {h["cluster_id"] for h in hits} == {earliest["id"]}
    late, _ = article("late-5", [("Ali Khamenei", "The enemies of Iran will not succeed in their plans")],
                      url="https://late.example/e5", published=None, outlet="Undated Wire")
    add_all(filled, [(late, _)])
    assert {h["cluster_id"] for h in filled.search(Search("enemies")).hits} == {earliest["id"]}
    st = filled.statement(earliest["id"])
    assert st["provenance"][0]["id"] == earliest["id"] and st["provenance"][-1]["published"] is None


def _fts_tables(path):
    from datasette.utils import detect_fts
    conn = sqlite3.connect(path)
    try:
        return {t: detect_fts(conn, t) for t in ("statements", "claims", "articles")}
    finally:
        conn.close()


def _datasette_search(path, table, words):
    from datasette.app import Datasette
    ds = Datasette([str(path)])

    async def ask():
        response = await ds.client.get(f"/corpus/{table}.json?_search={words}&_shape=array&_col=id")
        assert response.status_code == 200, response.text
        return response.json()
    return asyncio.run(ask())


def test_datasette_finds_the_full_text_tables(tmp_path):
    pytest.importorskip("datasette")
    path = tmp_path / "corpus.db"
    with open_store(f"sqlite:///{path}") as store:
        add_all(store, corpus())
    assert _fts_tables(path) == {"statements": "statements_fts", "claims": "claims_fts", "articles": "articles_fts"}
    assert len(_datasette_search(path, "statements", "enemies")) == 3
    assert len(_datasette_search(path, "articles", "Quds")) == 1
    assert len(_datasette_search(path, "claims", "budget")) == 1


@pytest.mark.parametrize("kind", [p for p in store_urls() if p.values[0] != "memory:"])
def test_migration_0008_on_a_store_with_rows(kind, tmp_path, monkeypatch):
    """A store of 0001-0007 with articles gains article search, keeps every statement and claim
    match, names its groups for their earliest appearance, and its triggers keep the indexes
    whole afterwards; a second migrate changes nothing."""
    from presswatch.store import migrations
    store, cleanup = make_store(kind, tmp_path, migrate=False)
    try:
        monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:7])
        store.migrate()
        add_all(store, corpus())
        store._x("UPDATE statements SET cluster_id = (SELECT s2.id FROM statements s2 JOIN articles a ON a.id = "
                 "s2.article_id WHERE s2.text LIKE ? ORDER BY a.n LIMIT 1) WHERE text LIKE ?",
                 ("%enemies%", "%enemies%"))  # as before 0008: the group of the first stored (2022)
        monkeypatch.undo()
        assert store.migrate()[:2] == ["0008_search_targets", "0009_dashboard"]
        assert store.search(Search("enemies")).total == 3 and store.search(Search("budget", target="claims")).total == 1
        assert store.search(Search("Quds", target="articles")).total == 1
        hits = store.search(Search("enemies")).hits
        assert {h["cluster_id"] for h in hits} == {next(h["id"] for h in hits if h["published"] == "2021-05-07")}
        add_all(store, [article("new-6", [("Jane Doe", "The enemies of progress are many")], title="Quds again",
                                url="https://n.example/6", published="2024-05-01", outlet="X")])
        assert store.migrate() == []
        assert store.search(Search("enemies")).total == 4 and store.search(Search("Quds", target="articles")).total == 2
        if kind == "sqlite":
            for t in ("statements", "claims", "articles"):  # the index holds each row once
                assert store._one(f"SELECT COUNT(*) AS n FROM {t}_fts")["n"] == store._one(f"SELECT COUNT(*) AS n FROM {t}")["n"]
                store._x(f"INSERT INTO {t}_fts ({t}_fts) VALUES ('integrity-check')")
            pytest.importorskip("datasette")
            assert _fts_tables(store.path)["articles"] == "articles_fts"
    finally:
        cleanup()
