"""The corpus speakers of a store (corpus/people.py) on every backend: recomputed from the stored
article speakers, with a registry and corrections by hand that survive every recomputation."""
import pytest
from corpus_fixtures import add_all, article, corpus, make_store, store_urls

from presswatch.corpus import people
from presswatch.errors import CorrectionError, InputError


@pytest.fixture(params=store_urls())
def store(request, tmp_path):
    s, cleanup = make_store(request.param, tmp_path)
    add_all(s, corpus())
    yield s
    cleanup()


def by_name(store, name):
    return [sp for sp in store.speakers(1000) if sp["name"] == name]


def test_merge_split_and_undo_are_recorded_and_survive_recomputation(store):
    [bare] = by_name(store, "Khamenei")
    [ali] = by_name(store, "Ali Khamenei")
    people.merge(store, bare["id"], ali["id"])
    assert not by_name(store, "Khamenei") and store.speaker(ali["id"])["statements"].__len__() == 3
    people.recompute(store)  # as the next ingest run does
    assert not by_name(store, "Khamenei")
    people.split(store, ali["id"], "Ayatollah Ali Khamenei")
    assert len(store.speaker(ali["id"])["statements"]) == 2
    [c1, c2] = store.corrections()
    assert (c1["action"], c1["speaker_id"], c1["other"]) == ("merge", bare["id"], ali["id"])
    assert (c2["action"], c2["name"]) == ("split", "Ayatollah Ali Khamenei")
    people.undo(store, c2["n"])
    people.undo(store, c1["n"])
    assert by_name(store, "Khamenei") and len(store.speaker(ali["id"])["statements"]) == 2
    assert all(c["undone_at"] for c in store.corrections())  # undone, still recorded


def test_corrections_that_name_nothing_are_clear_errors(store):
    [ali] = by_name(store, "Ali Khamenei")
    with pytest.raises(CorrectionError, match="no speaker sp-nope"):
        people.merge(store, "sp-nope", ali["id"])
    with pytest.raises(CorrectionError, match="never written"):
        people.split(store, ali["id"], "Hassan Rouhani")
    with pytest.raises(CorrectionError, match="no correction 99"):
        people.undo(store, 99)
    assert store.corrections() == []


def test_a_registry_is_applied_kept_and_applied_again(store, tmp_path):
    reg = tmp_path / "people.toml"
    reg.write_text('[[speaker]]\nname = "Sayyid Ali Hosseini Khamenei"\naliases = ["Ali Khamenei"]\n'
                   'gender = "m"\nwikidata = "Q57336"\nroles = ["Supreme Leader [1989-06-04..]"]\n', "utf-8")
    people.apply_registry(store, str(reg))
    sp = store.speaker("reg:Q57336")
    assert sp["name"] == "Sayyid Ali Hosseini Khamenei" and sp["gender"] == "m" and sp["wikidata"] == "Q57336"
    assert "Supreme Leader" in sp["roles"] and len(sp["statements"]) == 2
    add_all(store, [article("later", [("Ali Khamenei", "The seminary will decide in the spring")],
                            url="https://later.example/1", published="2024-06-01")])
    assert len(store.speaker("reg:Q57336")["statements"]) == 3  # the kept registry applies to new articles
    bad = tmp_path / "bad.toml"
    bad.write_text('[[speaker]]\nkind = "PERSON"\n', "utf-8")
    with pytest.raises(InputError, match="bad.toml"):
        people.apply_registry(store, str(bad))
    assert store.speaker("reg:Q57336") is not None  # a bad registry changes nothing


def test_a_store_from_before_identity_keeps_its_speakers(store):
    """Articles stored before article speakers were kept give theirs from their analysis."""
    before = sorted((sp["name"], sp["statements"]) for sp in store.speakers(1000))
    store._x("DELETE FROM article_speakers") if hasattr(store, "_x") else store.t["article_speakers"].clear()
    people.recompute(store)
    assert sorted((sp["name"], sp["statements"]) for sp in store.speakers(1000)) == before
