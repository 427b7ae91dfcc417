"""The research views' aggregates on every backend (memory, SQLite, PostgreSQL): statement counts
per speaker, gender, outlet and month, claim counts, on the hand-made research_corpus (its
docstring has every number), with period and outlet filters and the buckets of what is unknown."""
import pytest
from corpus_fixtures import add_all, make_store, research_corpus, store_urls

from presswatch.errors import SearchSyntaxError
from presswatch.store.base import ClaimCounts, StatementCounts, TechniqueCounts


@pytest.fixture(params=store_urls())
def store(request, tmp_path):
    s, cleanup = make_store(request.param, tmp_path)
    add_all(s, research_corpus())
    yield s
    cleanup()


def counts(store, *by, **kw):
    return store.statement_counts(StatementCounts(by, **kw))


def test_per_speaker_with_the_unresolved_bucket_last(store):
    rows = counts(store, "speaker")
    assert [(r["speaker"], r["kind"], r["gender"], r["n"]) for r in rows] == [
        ("Claire Dubois", "PERSON", "f", 3), ("Marcus Feld", "PERSON", "m", 2), ("Harbour Council", "ORG", None, 1),
        ("Khamenei", "PERSON", None, 1), (None, None, None, 1)]
    assert rows[0]["gender_basis"] == "first name" and rows[-1]["speaker_id"] is None
    assert set(rows[0]) == set(StatementCounts(("speaker",)).columns)


def test_per_gender_and_outlet(store):
    rows = {(r["kind"], r["gender"], r["outlet"]): r["n"] for r in counts(store, "gender", "outlet")}
    assert rows == {("PERSON", "f", "Daily Paper"): 2, ("PERSON", "f", "Wire Service"): 1,
                    ("PERSON", "m", "Daily Paper"): 1, ("PERSON", "m", None): 1, ("PERSON", None, "Daily Paper"): 1,
                    ("ORG", None, "Wire Service"): 1, (None, None, "Wire Service"): 1}
    assert sum(r["n"] for r in counts(store, "gender")) == 8


def test_per_outlet_and_month_with_unknown_buckets(store):
    assert [(r["outlet"], r["n"]) for r in counts(store, "outlet")] == [("Daily Paper", 4), ("Wire Service", 3), (None, 1)]
    assert [(r["month"], r["n"]) for r in counts(store, "month")] == [("2024-02", 4), ("2024-01", 3), (None, 1)]
    both = {(r["outlet"], r["month"]): r["n"] for r in counts(store, "outlet", "month")}
    assert both == {("Daily Paper", "2024-01"): 3, ("Daily Paper", "2024-02"): 1, ("Wire Service", "2024-02"): 3,
                    (None, None): 1}


def test_filters_by_period_outlet_and_speakers(store):
    since = [(r["speaker"], r["n"]) for r in counts(store, "speaker", since="2024-02")]
    assert sorted(since[:3]) == [("Claire Dubois", 1), ("Harbour Council", 1), ("Khamenei", 1)]  # ties: by id
    assert since[3] == (None, 1)  # the unresolved bucket last
    assert [(r["month"], r["n"]) for r in counts(store, "month", until="2024-01")] == [("2024-01", 3)]  # undated out
    paper = [(r["speaker"], r["n"]) for r in counts(store, "speaker", outlet="Daily Paper")]
    assert paper[0] == ("Claire Dubois", 2) and sorted(paper[1:]) == [("Khamenei", 1), ("Marcus Feld", 1)]
    marcus = next(r["speaker_id"] for r in counts(store, "speaker") if r["speaker"] == "Marcus Feld")
    assert [(r["month"], r["n"]) for r in counts(store, "speaker", "month", speakers=(marcus,))][-1] == (None, 1)
    assert [(r["outlet"], r["n"]) for r in counts(store, "outlet", speakers=(marcus,))] == [("Daily Paper", 1), (None, 1)]


def test_claims_per_outlet_and_per_speaker_month(store):
    assert store.claim_counts(ClaimCounts("outlet")) == [
        {"outlet": "Daily Paper", "claims": 2, "checkworthy_claims": 1, "checkworthy_sentences": 1}]
    assert store.claim_counts(ClaimCounts("outlet", floor=0.2))[0]["checkworthy_claims"] == 2
    assert store.claim_counts(ClaimCounts("outlet", floor=0.2))[0]["checkworthy_sentences"] == 2
    claire = counts(store, "speaker")[0]["speaker_id"]
    assert store.claim_counts(ClaimCounts("month", speaker=claire)) == [
        {"month": "2024-01", "claims": 1, "checkworthy_claims": 1, "checkworthy_sentences": 1}]
    assert store.claim_counts(ClaimCounts("outlet", since="2024-02")) == []


def test_technique_counts_by_user(store):
    assert store.technique_counts(TechniqueCounts("speaker", used_by="speaker")) == []
    with pytest.raises(SearchSyntaxError, match="used_by is speaker or outlet"):
        store.technique_counts(TechniqueCounts(used_by="editor"))


@pytest.mark.parametrize("make, message", [
    (lambda: StatementCounts(("speaker", "gender")), "not speaker and gender together"),
    (lambda: StatementCounts(("year",)), "cannot count statements by year"),
    (lambda: StatementCounts(("month",), since="2024-13"), "is not a date"),
    (lambda: ClaimCounts("speaker"), "count by outlet or month"),
    (lambda: ClaimCounts(floor=2.0), "between 0 and 1"),
])
def test_wrong_counts_say_why(store, make, message):
    with pytest.raises(SearchSyntaxError, match=message):
        c = make()
        store.claim_counts(c) if isinstance(c, ClaimCounts) else store.statement_counts(c)


def test_speaker_timeline_limit(store):
    claire = counts(store, "speaker")[0]["speaker_id"]
    sp = store.speaker(claire, limit=2)
    assert len(sp["statements"]) == 2 and sp["statement_total"] == 3
    assert store.speaker(claire)["statement_total"] == 3
