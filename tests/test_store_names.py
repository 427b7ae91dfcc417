"""Cross-article speaker names and quote provenance, as pure functions."""
import pytest

from presswatch.corpus.names import better_display, choose, parse_name
from presswatch.corpus.provenance import bands, fingerprint, similarity


@pytest.mark.parametrize("name,key,surname", [
    ("Ayatollah Ali Khamenei", "ali khamenei", "khamenei"),
    ("Supreme Leader Ayatollah Khamenei", "khamenei", "khamenei"),
    ("Finance Minister Claire Dubois", "claire dubois", "dubois"),
    ("Dr. Éric O’Neil Jr.", "eric o neil", "neil"),
    ("Khamenei", "khamenei", "khamenei"),
])
def test_parse_name(name, key, surname):
    n = parse_name(name)
    assert (n.key, n.surname) == (key, surname)


def test_organisations_are_matched_whole():
    assert parse_name("The Federation of Canadian Municipalities", "ORG").surname is None


def cand(i, name, n=1, kind="PERSON"):
    return {"id": i, "name": name, "kind": kind, "statements": n}


def test_choose():
    ali, moj, bare = cand("a", "Ali Khamenei", 5), cand("m", "Mojtaba Khamenei", 2), cand("b", "Khamenei")
    assert choose(parse_name("Ayatollah Ali Khamenei"), [ali, moj]) is ali
    assert choose(parse_name("A. Khamenei"), [ali]) is ali
    assert choose(parse_name("Khamenei"), [ali, moj]) is ali  # a bare surname goes to the most quoted
    assert choose(parse_name("Ali Khamenei"), [bare]) is bare  # and a full name joins a bare surname
    assert choose(parse_name("Hassan Khamenei"), [ali, moj]) is None
    assert choose(parse_name("A. Khamenei"), [ali, cand("x", "Abbas Khamenei")]) is None  # ambiguous
    assert choose(parse_name("Khamenei", "ORG"), [ali]) is None


def test_better_display_keeps_fullest_name():
    assert better_display("Khamenei", "Ali Khamenei") == "Ali Khamenei"
    assert better_display("Ali Khamenei", "Khamenei") == "Ali Khamenei"


def test_fingerprint_ignores_case_punctuation_and_quotes():
    assert fingerprint("We will not give up the fight!") == fingerprint("we will NOT give up, the fight")
    assert fingerprint("No.") is None  # too short to group


def test_near_duplicates_share_a_band_and_unrelated_do_not():
    a = "The enemies of Iran will not succeed in their plans"
    b = "The enemies of Iran will never succeed in their plans."
    c = "Transport spending must be audited before the vote"
    assert similarity(a, b) > 0.6 and set(bands(a)) & set(bands(b))
    assert similarity(a, c) < 0.2 and not set(bands(a)) & set(bands(c))


def test_titled_names_typed_as_organisations_are_people():
    from presswatch.corpus.names import person_by_title
    assert person_by_title("Councillor Marcus Feld", "ORG") == "PERSON"
    assert person_by_title("Councillor Feld", "ORG") == "PERSON"
    assert person_by_title("the city planning department", "ORG") == "ORG"
    assert person_by_title("Minister of Finance", "ORG") == "ORG"
