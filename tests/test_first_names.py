"""The first-name table (src/presswatch/data/first_names.tsv, built by scripts/build_first_names.py)
and gender_of over it: names of many regions, ambiguous names, common words and surnames."""
import re
import socket
from importlib import resources

import pytest

from presswatch.nlp.lexicons import first_names
from presswatch.nlp.lexicons.first_names import gender_of


@pytest.mark.parametrize("name,gender", [
    ("Mohammed", "m"), ("Fatima", "f"),  # Arabic
    ("Hossein", "m"), ("Fatemeh", "f"),  # Persian
    ("Narendra", "m"), ("Priya", "f"),  # Indian
    ("Xiuying", "f"),  # Chinese pinyin
    ("José", "m"), ("Alejandra", "f"),  # Hispanic, with and without an accent
    ("Vladimir", "m"), ("Svetlana", "f"),  # Slavic
    ("Olusegun", "m"), ("Ngozi", "f"), ("Kwame", "m"),  # West African
    ("Hiroshi", "m"),  # Japanese
    ("Mark", "m"), ("Jennifer", "f"),  # English
    ("Mary-Kate", "f"),  # hyphenated, by its first part
])
def test_names_of_many_regions_have_their_gender(name, gender):
    assert gender_of(name) == gender


@pytest.mark.parametrize("name", ["Jean", "Andrea", "Kim", "Jordan", "Ali"])
def test_a_name_given_to_both_genders_says_nothing(name):
    assert gender_of(name) is None


@pytest.mark.parametrize("word", ["Will", "May", "Hope", "Said", "The", "President"])
def test_a_common_word_is_no_first_name(word):
    assert gender_of(word) is None


@pytest.mark.parametrize("surname", ["Rogers", "Johnson", "Wilson"])
def test_a_common_surname_is_no_first_name(surname):
    assert gender_of(surname) is None  # "Rogers Media" is no person


def test_unknown_and_empty_words_say_nothing():
    assert gender_of("Qwzxv") is None and gender_of("") is None


def test_the_table_loads_without_network(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("no network")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    first_names.genders.cache_clear()
    try:
        assert len(first_names.genders()) > 10000 and gender_of("Olga") == "f"
    finally:
        first_names.genders.cache_clear()


def test_the_table_is_sorted_unique_and_well_formed():
    lines = resources.files("presswatch").joinpath("data/first_names.tsv").read_text("utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    assert header.startswith("#") and "MIT" in header and "public domain" in header
    assert not any(r.startswith("#") for r in rows)
    names = [r.split("\t")[0] for r in rows]
    assert names == sorted(names) and len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]{2,}(?:[-'][a-z]+)*\t[mf]", r) for r in rows)
    assert 10000 < len(rows) and sum(len(line) + 1 for line in lines) < 500_000  # small enough to ship
