"""Cross-article speaker names and quote provenance, as pure functions."""
import pytest

from presswatch.corpus.names import parse_name, query_keys
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


def test_query_keys_find_a_full_name_or_every_bearer_of_a_surname():
    assert query_keys("Ayatollah Ali Khamenei") == ("ali khamenei",)
    assert "surname:khamenei" in query_keys("Khamenei")
