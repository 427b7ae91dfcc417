"""Store contract: every backend (memory, SQLite, PostgreSQL) answers the same way."""
import pytest
from corpus_fixtures import add_all, article, corpus, make_store, store_urls, store  # noqa: F401 (the fixture)

from presswatch.corpus import writer
from presswatch.errors import SearchSyntaxError, StoreError
from presswatch.corpus.names import query_keys
from presswatch.store import Search, open_store


@pytest.fixture
def filled(store):
    add_all(store, corpus())
    return store


def ids(page):
    return sorted(h["article_id"] for h in page.hits)


def test_article_stored_once_and_statuses_recorded(store):
    items = corpus()[:2]
    assert [s for s, _ in add_all(store, items)] == ["ok", "ok"]
    assert [s for s, _ in add_all(store, items)] == ["duplicate", "duplicate"]
    assert store.stats() == {"articles": 2, "statements": 4, "speakers": 3, "claims": 1}  # Ali Khamenei twice
    runs = store.runs()
    assert len(runs) == 2
    statuses = store.statuses(runs[0]["id"])
    assert [s["status"] for s in statuses] == ["duplicate", "duplicate"]
    assert statuses[0]["article_id"] == add_all(store, items[:1])[0][1]


def test_same_text_at_another_url_is_another_copy(store):
    a, an = article("x", [("Jane Doe", "We will win the vote next week")], url="https://one.example/x")
    b, bn = article("x", [("Jane Doe", "We will win the vote next week")], url="https://two.example/x")
    assert [s for s, _ in add_all(store, [(a, an), (b, bn)])] == ["ok", "ok"]
    assert store.stats()["articles"] == 2


def test_failed_analysis_is_an_error_status(store):
    from presswatch.records import Analysis
    run = store.start_run(["x"])
    status, _ = writer.add(store, None, Analysis.failed("bad", "not UTF-8", "bad.txt"), run, 0)
    assert status == "error"
    assert store.statuses(run)[0]["reason"] == "not UTF-8"
    assert store.stats()["articles"] == 0


def test_transaction_rolls_back(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_correction("merge", "sp-x", other="sp-y")
            store.set_registry("[]", source="registry.toml")
            raise RuntimeError("boom")
    assert store.corrections() == [] and store.registry() is None


def test_search_words_phrases_or_not_prefix(filled):
    assert filled.search(Search("enemies")).total == 3
    assert filled.search(Search('"never succeed"')).total == 1
    assert filled.search(Search("seminary OR rail")).total == 2
    assert filled.search(Search("enemies -never")).total == 2
    assert filled.search(Search("transp*")).total == 1
    assert filled.search(Search("nothingmatchesthis")).total == 0
    assert filled.search(Search("")).total == 7


def test_search_filters(filled):
    assert filled.search(Search(outlet="Daily Paper")).total == 3
    assert filled.search(Search("enemies", since="2022")).total == 2
    assert filled.search(Search("enemies", since="2022-05", until="2023-12-31")).total == 1
    assert filled.search(Search(until="2021")).total == 1
    claims = filled.search(Search("percent", target="claims"))
    assert claims.total == 2 and {h["verdict"] for h in claims.hits} == {"supported", "contradicted"}


def test_search_order_limit_offset_and_facets(filled):
    page = filled.search(Search("enemies", limit=2), facets=True)
    assert page.total == 3 and len(page.hits) == 2
    assert [h["published"] for h in page.hits] == ["2023-04-14", "2022-04-29"]  # newest first
    assert filled.search(Search("enemies", limit=2, offset=2)).hits[0]["published"] == "2021-05-07"
    assert page.facets["speaker"][0][1:] == ("Ali Khamenei", 2)
    assert dict(page.facets["outlet"]) == {"Tehran Times": 1, "Wire Service": 1, "Daily Paper": 1}
    assert dict(page.facets["year"]) == {"2023": 1, "2022": 1, "2021": 1}


def test_speakers_merged_across_articles(filled):
    page = filled.search(Search(speaker="Khamenei", speaker_keys=query_keys("Khamenei")))
    names = {h["speaker"] for h in page.hits}
    # a bare surname reaches every bearer; the bare "Khamenei" of paper-3 joins neither person
    assert names == {"Ali Khamenei", "Mojtaba Khamenei", "Khamenei"}
    ali = filled.search(Search(speaker="Ayatollah Ali Khamenei", speaker_keys=query_keys("Ayatollah Ali Khamenei")))
    assert ali.total == 2 and {h["speaker"] for h in ali.hits} == {"Ali Khamenei"}
    sp = filled.speaker(ali.hits[0]["speaker_id"])
    assert sp["name"] == "Ali Khamenei" and sp["statements"] and len(sp["statements"]) == 2
    assert {"Ali Khamenei", "Ayatollah Khamenei", "Ayatollah Ali Khamenei"} <= set(sp["names"])
    assert [s["published"] for s in sp["statements"]] == ["2022-04-29", "2023-04-14"]
    assert filled.speakers()[0]["name"] == "Ali Khamenei"
    assert filled.search(Search(speaker=sp["id"])).total == 2


def test_statement_provenance_groups_near_duplicates(filled):
    hit = filled.search(Search('"will not succeed"', outlet="Wire Service")).hits[0]
    st = filled.statement(hit["id"])
    prov = st["provenance"]
    assert [p["outlet"] for p in prov] == ["Daily Paper", "Tehran Times", "Wire Service"]  # earliest first
    assert len({p["cluster_id"] for p in prov}) == 1
    other = filled.search(Search("seminary")).hits[0]
    assert len(filled.statement(other["id"])["provenance"]) == 1


def test_article_with_statements_and_claims(filled):
    aid = filled.search(Search("seminary")).hits[0]["article_id"]
    a = filled.article(aid)
    assert a["title"] == "Khamenei repeats warning" and a["url"] == "https://wire.example/b2"
    assert [s["speaker"] for s in a["statements"]] == ["Ali Khamenei", "Mojtaba Khamenei"]
    for s in a["statements"]:
        assert s["text"] in a["text"]
    b = filled.article(filled.search(Search("budget", target="claims")).hits[0]["article_id"])
    assert b["claims"][0]["verdict"] == "contradicted"
    assert filled.article("nope") is None and filled.statement("nope") is None and filled.speaker("nope") is None


@pytest.mark.parametrize("bad", ['"unclosed phrase', "OR budget", "budget OR", "-budget", "bud*get"])
def test_search_syntax_errors_are_clear(filled, bad):
    with pytest.raises(SearchSyntaxError) as exc:
        filled.search(Search(bad))
    assert "\n" not in str(exc.value) and len(str(exc.value)) > 20


@pytest.mark.parametrize("field,value", [("since", "yesterday"), ("until", "2024-13-45x"), ("target", "users")])
def test_bad_filters_are_clear(filled, field, value):
    with pytest.raises(SearchSyntaxError):
        filled.search(Search("enemies", **{field: value}))


@pytest.mark.parametrize("hostile", ["'; DROP TABLE articles; --", '"") OR 1=1 --', "enemies' OR '1'='1",
                                     "NEAR(a b)", "text:enemies", "^enemies", "{text}: x", "%_%"])
def test_hostile_queries_are_only_words(filled, hostile):
    try:
        assert filled.search(Search(hostile, speaker=hostile if "'" in hostile else None, outlet=hostile)).total == 0
    except SearchSyntaxError:  # a clear refusal is fine too; nothing may reach the SQL as SQL
        pass
    assert filled.stats()["articles"] == 4


@pytest.fixture(params=[p for p in store_urls() if p.values[0] != "memory:"])
def sql_store(request, tmp_path):
    """The backends with a schema (the memory store has none to migrate)."""
    s, cleanup = make_store(request.param, tmp_path)
    yield s
    cleanup()


def test_sql_migrations_recorded_and_idempotent(sql_store):
    from presswatch.store import migrations
    store = sql_store
    names = [r["name"] for r in store._q("SELECT name FROM schema_migrations ORDER BY name")]
    assert names == [name for name, _ in migrations.MIGRATIONS]
    assert names == ["0001_core_tables", "0002_full_text", "0003_result_order", "0004_batch_columns",
                     "0005_identity", "0006_checkworthy", "0007_techniques", "0008_search_targets", "0009_dashboard"]
    assert store.migrate() == []


@pytest.mark.parametrize("kind", [p for p in store_urls() if p.values[0] != "memory:"])
def test_store_made_before_the_batch_columns_migrates_and_keeps_its_rows(kind, tmp_path, monkeypatch):
    """A store of migrations 0001-0003 with an article in it gains the batch columns (NULL in the
    row it had) and then stores new articles with them."""
    from presswatch.store import migrations
    store, cleanup = make_store(kind, tmp_path, migrate=False)
    try:
        monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        assert store.migrate() == ["0001_core_tables", "0002_full_text", "0003_result_order"]
        store._x("INSERT INTO articles (id, content_hash, text, analysis, ingested_at) VALUES (?, ?, ?, ?, ?)",
                 ("a-old", "h", "Old text.", "{}", "2024-01-01"))
        monkeypatch.undo()
        assert store.migrate() == ["0004_batch_columns", "0005_identity", "0006_checkworthy", "0007_techniques",
                                   "0008_search_targets", "0009_dashboard"]
        old = store.article("a-old")
        assert old["text"] == "Old text." and old["chars"] is None and old["publication_year"] is None
        [(status, aid)] = add_all(store, corpus()[:1])
        a = store.article(aid)
        assert status == "ok" and a["chars"] == len(a["text"]) and a["statement_count"] == 2
        assert a["statements"][0]["source"] == "Ali Khamenei" and a["claims"][0]["text"]
    finally:
        cleanup()


def test_store_urls():
    from presswatch.store import open_store
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://x")
    with pytest.raises(StoreError, match="no corpus"):
        open_store("sqlite:////nonexistent/dir/x.db", readonly=True)


def _harbour_corpus():
    """30 articles quoting four people on the harbour, across three outlets and five years."""
    people = ["Claire Dubois", "Marcus Feld", "Anita Rao", "David Okafor"]
    out = []
    for i in range(30):
        out.append(article(f"harbour-{i}", [(people[i % 4], f"The harbour plan {i} must go ahead"),
                                            (people[(i + 1) % 4], f"The harbour costs {i} are too high")],
                           url=f"https://harbour.example/{i}", published=f"{2019 + i % 5}-0{1 + i % 9}-1{i % 10}",
                           outlet=["Port Herald", "Daily Paper", "Coast Observer"][i % 3],
                           claims=[(f"The harbour budget grew by {i} percent", "supported")]))
    return out


@pytest.fixture
def harbour(store):
    add_all(store, _harbour_corpus())
    return store


HARBOUR_SEARCHES = [Search("harbour"), Search("harbour", outlet="Daily Paper"), Search("harbour", since="2020", until="2021"),
                    Search("harbour", speaker="Dubois"), Search("costs OR plan"), Search("harbour -costs"),
                    Search("harbour", target="claims"), Search("", outlet="Port Herald")]


def test_facets_are_the_counts_over_the_matches(harbour):
    """Every backend counts the same facets as the memory store's plain counting (the SQL ones
    in the database)."""
    reference = open_store("memory:")
    add_all(reference, _harbour_corpus())
    for s in HARBOUR_SEARCHES:
        got, want = harbour.search(s, facets=True), reference.search(s, facets=True)
        assert got.total == want.total and got.facets == want.facets and got.facet_sample is None, s
    assert dict(harbour.search(Search("harbour"), facets=True).facets["year"]) == {str(y): 12 for y in range(2019, 2024)}


def test_facets_over_many_matches_count_a_sample(harbour, monkeypatch):
    import presswatch.store.memory as memory
    import presswatch.store.sql as sql
    monkeypatch.setattr(sql, "FACET_SAMPLE", 7)
    monkeypatch.setattr(memory, "FACET_SAMPLE", 7)
    for s in (Search("harbour"), Search("harbour", outlet="Daily Paper"), Search("harbour", target="claims")):
        page = harbour.search(s, facets=True)
        assert page.total > 7 and page.facet_sample == 7, s
        assert sum(n for _, n in page.facets["outlet"]) == 7 and sum(n for _, n in page.facets["year"]) == 7, s
    small = harbour.search(Search("harbour", outlet="Daily Paper", since="2023"), facets=True)
    assert small.total <= 7 and small.facet_sample is None


def test_counts_follow_every_write(tmp_path):
    """stats() is recounted after a commit by another connection or process, and after the
    connection's own writes (SQLite caches it per connection until the file changes)."""
    url = f"sqlite:///{tmp_path}/c.db"
    with open_store(url) as writer_store, open_store(url, readonly=True) as reader:
        add_all(writer_store, corpus()[:1])
        assert reader.stats()["articles"] == 1 and writer_store.stats()["articles"] == 1
        add_all(writer_store, corpus()[1:3])
        assert writer_store.stats()["articles"] == 3  # its own writes
        assert reader.stats()["articles"] == 3  # another connection's commit
        assert reader.stats() == writer_store.stats() == {"articles": 3, "statements": 5, "speakers": 4, "claims": 2}
        stats = reader.stats()
        stats["articles"] = -1  # a caller changing its copy changes nothing
        assert reader.stats()["articles"] == 3
