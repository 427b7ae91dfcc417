"""Who is who across the corpus (corpus/identity.py): a pure function of the stored article
speakers, whatever order they came in."""
import random

from presswatch.corpus.identity import Mention, identify
from presswatch.corpus.registry import RegistryEntry


def m(article, name, kind="PERSON", texts=(), gender=None, published=None, local="s1"):
    return Mention(article, local, name, kind, tuple(texts) or (name,), gender, "pronouns" if gender else None, published)


def groups(identity):
    return sorted(sorted(x.article_id + ":" + x.local for x in sp.mentions) for sp in identity.speakers)


def test_the_same_mentions_give_the_same_speakers_in_any_order():
    ms = [m("a1", "Hillary Clinton"), m("a2", "Bill Clinton"), m("a3", "Clinton"), m("a4", "Donald Trump"),
          m("a5", "Trump"), m("a6", "William Clinton"), m("a7", "H. Clinton"), m("a8", "Priya Reyes"),
          m("a9", "Amina Reyes"), m("a9", "Reyes", local="s2")]
    first = identify(ms)
    for seed in range(6):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        again = identify(shuffled)
        assert again.links == first.links
        assert [(s.id, s.name) for s in again.speakers] == [(s.id, s.name) for s in first.speakers]


def test_different_given_names_never_merge_and_nicknames_do():
    ident = identify([m("a1", "Hillary Clinton"), m("a2", "Bill Clinton"), m("a3", "William Clinton"),
                      m("a4", "Priya Reyes"), m("a5", "Amina Reyes"), m("a6", "Tim Cook"), m("a7", "Timothy Cook")])
    assert groups(ident) == [["a1:s1"], ["a2:s1", "a3:s1"], ["a4:s1"], ["a5:s1"], ["a6:s1", "a7:s1"]]


def test_a_surname_alone_joins_only_the_one_person_of_that_surname():
    alone = identify([m("a1", "Donald Trump"), m("a2", "Trump")])
    assert groups(alone) == [["a1:s1", "a2:s1"]]
    assert alone.links[("a2", "s1")][1] == "surname, inferred"
    two = identify([m("a1", "Priya Reyes"), m("a2", "Amina Reyes"), m("a3", "Reyes")])
    assert ["a3:s1"] in groups(two)  # two people of that surname: the bare one stays alone


def test_an_initial_joins_the_one_full_name_it_fits():
    ident = identify([m("a1", "Ali Khamenei"), m("a2", "A. Khamenei"), m("a3", "Mojtaba Khamenei")])
    assert ["a1:s1", "a2:s1"] in groups(ident)


def test_an_acronym_and_an_org_typed_person_join():
    ident = identify([m("a1", "New York Daily News", "ORG"), m("a2", "NYDN", "ORG"),
                      m("a3", "Mark Rautio", "ORG"), m("a4", "Mark Rautio")])
    assert groups(ident) == [["a1:s1", "a2:s1"], ["a3:s1", "a4:s1"]]
    assert next(s for s in ident.speakers if s.name == "Mark Rautio").kind == "PERSON"


def test_roles_with_their_dates_and_gender_with_its_basis():
    ident = identify([m("a1", "Claire Dubois", texts=("Transport Minister Claire Dubois",), published="2021-05-01"),
                      m("a2", "Claire Dubois", texts=("Transport Minister Claire Dubois", "Dubois"),
                        published="2022-02-01", gender="f")])
    sp = ident.speakers[0]
    assert sp.roles == [["Transport Minister", "2021-05-01", "2022-02-01"]]
    assert (sp.gender, sp.gender_basis) == ("f", "pronouns")


def test_the_registry_comes_first_and_corrections_last():
    entry = RegistryEntry(id="Q6294", name="Hillary Rodham Clinton", aliases=("Hillary Clinton", "HRC"),
                          kind="PERSON", gender="f", wikidata="Q6294", roles=())
    ms = [m("a1", "Hillary Clinton"), m("a2", "HRC"), m("a3", "Bill Clinton")]
    ident = identify(ms, [entry])
    reg = next(s for s in ident.speakers if s.id == "reg:Q6294")
    assert reg.name == "Hillary Rodham Clinton" and len(reg.mentions) == 2 and reg.wikidata == "Q6294"
    bill = ident.links[("a3", "s1")][0]
    merged = identify(ms, [entry], [{"n": 1, "action": "merge", "speaker_id": bill, "other": "reg:Q6294",
                                     "name": None, "undone_at": None}])
    assert merged.links[("a3", "s1")] == ("reg:Q6294", "merged by hand")
    undone = identify(ms, [entry], [{"n": 1, "action": "merge", "speaker_id": bill, "other": "reg:Q6294",
                                     "name": None, "undone_at": "2026-12-01T00:00:00"}])
    assert undone.links == ident.links
    split = identify(ms, [entry], [{"n": 1, "action": "split", "speaker_id": "reg:Q6294", "other": None,
                                    "name": "HRC", "undone_at": None}])
    assert split.links[("a2", "s1")][0] not in ("reg:Q6294", bill)


def test_a_bare_surname_joins_the_one_person_its_gender_fits():
    ident = identify([m("a1", "Barack Obama"), m("a2", "Michelle Obama"), m("a3", "Obama", gender="m"),
                      m("a4", "Obama")])
    assert ["a1:s1", "a3:s1"] in groups(ident) and ["a4:s1"] in groups(ident)
    assert ident.links[("a3", "s1")][1] == "surname and gender, inferred"
