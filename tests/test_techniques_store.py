"""Persuasion techniques in the store, on every backend: rows written with the article (once, also
after an interrupted ingest), speaker ids that follow identity changes, search by technique and
the counts per speaker, outlet and month. The spans are written by hand (corpus_fixtures), never
the model's."""
import pytest
from corpus_fixtures import add_all, article, make_store, store_urls, technique_corpus, with_techniques, store  # noqa: F401 (the fixture)

from presswatch.corpus import people, writer
from presswatch.corpus.names import query_keys
from presswatch.corpus.rows import to_rows
from presswatch.errors import SearchSyntaxError
from presswatch.nlp.techniques.model import TECHNIQUES
from presswatch.store import Search
from presswatch.store.base import TechniqueCounts


@pytest.fixture
def filled(store):
    add_all(store, technique_corpus())
    return store


def counts(store, by, **kw):
    return store.technique_counts(TechniqueCounts(by, **kw))


def by_speaker(store, **kw):
    return {(r["speaker"], r["technique"]): (r["used_by_speaker"], r["used_by_outlet"]) for r in counts(store, "speaker", **kw)}


def test_rows_follow_the_analysis():
    art, an = technique_corpus()[0]
    rows = to_rows(art, an).techniques
    assert [r["text"] for r in rows] == ["disastrous, shameful", "reckless vandals", "wrecked",
                                         "the best project ever built"]
    assert all(art.text[r["start_char"]:r["end_char"]] == r["text"] for r in rows)
    own, quoted = rows[0], rows[1]
    assert (own["used_by"], own["statement_id"], own["speaker_local"]) == ("outlet", None, None)
    assert quoted["used_by"] == "speaker" and quoted["speaker_name"] == "Claire Dubois"
    statements = {s["id"]: s for s in to_rows(art, an).statements}
    assert art.text[statements[quoted["statement_id"]]["start_char"]:].startswith("These reckless vandals")
    assert quoted["speaker_local"] == statements[quoted["statement_id"]]["speaker_local"]


def test_stored_with_the_article_once(store):
    items = technique_corpus()
    add_all(store, items)
    assert [s for s, _ in add_all(store, items)] == ["duplicate"] * 3
    aid = store.search(Search("vandals")).hits[0]["article_id"]
    a = store.article(aid)
    assert [(t["technique"], t["used_by"], t["speaker"]) for t in a["techniques"]] == [
        ("Loaded_Language", "outlet", None), ("Name_Calling,Labeling", "speaker", "Claire Dubois"),
        ("Loaded_Language", "speaker", "Claire Dubois"), ("Exaggeration,Minimisation", "speaker", "Marcus Feld")]
    assert a["techniques"][1]["confidence"] == pytest.approx(0.81) and a["techniques"][1]["speaker_id"]
    assert sum(r["total"] for r in counts(store, "technique")) == 6  # not twice


def test_an_interrupted_ingest_stores_every_span_once_when_run_again(store, monkeypatch):
    items = technique_corpus()
    real = store.add_article

    def dies_after_the_statements(rows):  # the article and statements written, then the process "dies"
        real(rows)
        raise KeyboardInterrupt
    monkeypatch.setattr(store, "add_article", dies_after_the_statements)
    run = store.start_run(["x"])
    with pytest.raises(KeyboardInterrupt):
        writer.add(store, *items[0], run, 0)
    monkeypatch.undo()
    assert store.stats()["articles"] == 0 and counts(store, "technique") == []
    assert [s for s, _ in add_all(store, items)] == ["ok"] * 3
    assert sum(r["total"] for r in counts(store, "technique")) == 6


def test_counts_per_speaker_split_by_who_uses_it(filled):
    assert by_speaker(filled) == {
        ("Claire Dubois", "Name_Calling,Labeling"): (2, 0), ("Claire Dubois", "Loaded_Language"): (1, 0),
        ("Marcus Feld", "Exaggeration,Minimisation"): (1, 0),
        (None, "Loaded_Language"): (0, 1), (None, "Exaggeration,Minimisation"): (0, 1)}  # the outlets' own voice
    first = counts(filled, "speaker")[0]
    assert (first["speaker"], first["technique"], first["total"]) == ("Claire Dubois", "Name_Calling,Labeling", 2)
    assert first["speaker_id"] == filled.search(Search("puppet")).hits[0]["speaker_id"]


def test_counts_per_outlet_month_and_technique_with_filters(filled):
    outlets = {(r["outlet"], r["technique"]): (r["used_by_speaker"], r["used_by_outlet"])
               for r in counts(filled, "outlet")}
    assert outlets[("Daily Paper", "Loaded_Language")] == (1, 1)
    assert outlets[("Wire Service", "Exaggeration,Minimisation")] == (0, 1)
    months = counts(filled, "month", technique="Name_Calling,Labeling")
    assert [(r["month"], r["total"]) for r in months] == [("2024-03", 1), ("2024-04", 1)]
    assert {r["technique"]: r["total"] for r in counts(filled, "technique", outlet="Daily Paper", since="2024-04")} \
        == {"Name_Calling,Labeling": 1}
    assert counts(filled, "technique", until="2024-03") == [
        {"technique": "Loaded_Language", "used_by_speaker": 1, "used_by_outlet": 1, "total": 2},
        {"technique": "Exaggeration,Minimisation", "used_by_speaker": 1, "used_by_outlet": 0, "total": 1},
        {"technique": "Name_Calling,Labeling", "used_by_speaker": 1, "used_by_outlet": 0, "total": 1}]
    dubois = counts(filled, "technique", speaker="Dubois", speaker_keys=query_keys("Dubois"))
    assert {r["technique"]: r["total"] for r in dubois} == {"Name_Calling,Labeling": 2, "Loaded_Language": 1}
    assert counts(filled, "technique", technique="slogans") == []  # a real technique, case aside, none found


def test_search_statements_by_technique(filled):
    page = filled.search(Search(technique="Name_Calling,Labeling"))
    assert page.total == 2 and {h["speaker"] for h in page.hits} == {"Claire Dubois"}
    assert [h["published"] for h in page.hits] == ["2024-04-10", "2024-03-02"]
    assert filled.search(Search("puppet", technique="name_calling,labeling")).total == 1  # case aside
    assert filled.search(Search(technique="Exaggeration,Minimisation")).total == 1  # the outlet's own span is no statement
    assert filled.search(Search(technique="Slogans")).total == 0
    page = filled.search(Search(technique="Loaded_Language", speaker="Claire Dubois",
                                speaker_keys=query_keys("Claire Dubois")), facets=True)
    assert page.total == 1 and page.facets["speaker"][0][1:] == ("Claire Dubois", 1)


def test_hits_and_exports_list_each_statements_techniques(filled):
    want = {"These reckless vandals wrecked the budget": "Loaded_Language; Name_Calling,Labeling",
            "The mayor is a puppet of the developers": "Name_Calling,Labeling",
            "The rail line is the best project ever built": "Exaggeration,Minimisation",
            "The audit will take a week": None}
    assert {h["text"]: h["techniques"] for h in filled.search(Search()).hits} == want
    assert {h["text"]: h["techniques"] for h in filled.export(Search())} == want


@pytest.mark.parametrize("make", [lambda: Search(technique="Propaganda"), lambda: TechniqueCounts(technique="Lies"),
                                  lambda: TechniqueCounts("week"), lambda: Search(technique="Doubt", target="claims")])
def test_a_wrong_technique_or_grouping_is_a_clear_error(filled, make):
    with pytest.raises(SearchSyntaxError) as exc:
        q = make()
        filled.search(q) if isinstance(q, Search) else filled.technique_counts(q)
    message = str(exc.value)
    assert ("Loaded_Language" in message and "Bandwagon,Reductio_ad_hitlerum" in message) \
        or "month" in message or "not claims" in message


def test_every_technique_is_named_in_the_error(filled):
    with pytest.raises(SearchSyntaxError) as exc:
        filled.search(Search(technique="Propaganda"))
    assert "no technique is called 'Propaganda'" in str(exc.value)
    assert all(t in str(exc.value) for t in TECHNIQUES)


def test_speaker_ids_follow_a_merge_and_its_undo(filled):
    feld = filled.search(Search("audit")).hits[0]["speaker_id"]
    dubois = filled.search(Search("puppet")).hits[0]["speaker_id"]
    people.merge(filled, feld, dubois)
    merged = by_speaker(filled)
    assert merged[("Claire Dubois", "Exaggeration,Minimisation")] == (1, 0)  # Feld's span is Dubois's now
    assert {r["speaker_id"] for r in counts(filled, "speaker")} == {dubois, None}
    filled_by_id = counts(filled, "technique", speaker=dubois)
    assert sum(r["total"] for r in filled_by_id) == 4
    people.undo(filled, filled.corrections()[-1]["n"])
    assert by_speaker(filled)[("Marcus Feld", "Exaggeration,Minimisation")] == (1, 0)
    aid = filled.search(Search("vandals")).hits[0]["article_id"]
    statements = {s["id"]: s["speaker_id"] for s in filled.article(aid)["statements"]}
    for t in filled.article(aid)["techniques"]:  # a span's speaker is its statement's
        assert t["speaker_id"] == statements.get(t["statement_id"])


def test_reported_speech_is_the_outlets_wording_reporting_the_speaker(store):
    art, an = article("rep-1", [("Anita Rao", "placeholder")], published="2024-05-01", outlet="Courier")
    from dataclasses import replace
    an = replace(an, quotes=(replace(an.quotes[0], kind="reported", is_direct=False),))
    art, an = with_techniques((art, an), [("placeholder", "Doubt", 0.5)])
    add_all(store, [(art, an)])
    [row] = counts(store, "speaker")
    assert (row["speaker"], row["used_by_speaker"], row["used_by_outlet"]) == ("Anita Rao", 0, 1)


def test_the_parquet_table_has_the_store_columns_less_the_corpus_speaker():
    pa = pytest.importorskip("pyarrow")
    from presswatch.batch.tables import SCHEMAS, TABLES, rows
    art, an = technique_corpus()[0]
    table = pa.Table.from_pylist(rows(art, an, "p0")["techniques"], schema=SCHEMAS["techniques"])
    assert "techniques" in TABLES and table.num_rows == 4 and "speaker_id" not in table.column_names
    assert table.column("technique").to_pylist()[:2] == ["Loaded_Language", "Name_Calling,Labeling"]
    assert str(table.schema.field("confidence").type) == "double"
