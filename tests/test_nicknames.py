"""Given names that stand for one another, from the `nicknames` package's CSV."""
import pytest

from presswatch.corpus import nicknames
from presswatch.corpus.nicknames import canonical_given, formal_names, same_given


def test_a_nickname_stands_for_its_formal_names():
    assert {"bill", "william"} <= formal_names("bill")
    assert formal_names("tim") == {"tim", "timothy"}
    assert formal_names("len") >= {"len", "leonard"}


def test_a_formal_name_stands_for_itself_only():
    assert formal_names("william") == {"william"}
    assert formal_names("timothy") == {"timothy"}
    assert formal_names("zbigniew") == {"zbigniew"}  # not in the CSV


def test_the_csv_both_ways_is_read_longer_to_shorter():
    # the CSV has "bill has_nickname william" and "wilma has_nickname william" too
    assert "bill" not in formal_names("william") and "wilma" not in formal_names("william")
    assert formal_names("michael") == {"michael"} and "michael" in formal_names("mike")


@pytest.mark.parametrize("a,b", [("bill", "william"), ("william", "bill"), ("len", "leonard"),
                                 ("tim", "timothy"), ("tom", "tommy"), ("jim", "jimmy"),
                                 ("james", "jimmy"), ("bob", "robert"), ("peggy", "margaret"),
                                 ("chuck", "charles"), ("alex", "alexander"), ("john", "john")])
def test_one_persons_given_names(a, b):
    assert same_given(a, b)


@pytest.mark.parametrize("a,b", [("bill", "hillary"), ("john", "jane"), ("robert", "william"),
                                 ("bill", "fred"), ("christopher", "christine"), ("j", "john"),
                                 ("", "")])
def test_different_given_names(a, b):
    assert not same_given(a, b)


def test_same_given_is_symmetric_on_the_whole_csv():
    table = nicknames._table()[0]
    for nick, names in table.items():
        for name in names:
            assert same_given(nick, name) and same_given(name, nick)


def test_canonical_given():
    assert canonical_given("tim") == "timothy"
    assert canonical_given("timmy") == "timothy"
    assert canonical_given("william") == "william"
    assert canonical_given("alex") == "alex"  # alexander, alexandra, alexis ...
    assert canonical_given("bill") == "bill"  # william, robert and willis in the CSV
    assert canonical_given("Tim") == "timothy"  # folded on the way in


def test_canonical_given_is_stable_and_itself_or_a_longer_formal_name():
    table = nicknames._table()[0]
    for name in set(table) | {n for names in table.values() for n in names}:
        c = canonical_given(name)
        assert canonical_given(c) == c
        assert c == name or (len(c) > len(name) and nicknames._is_formal(c))  # never a nickname
