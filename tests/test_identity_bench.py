"""bench/identity.py: its B-cubed and its matching rule, on made-up clusters and spans."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import identity  # noqa: E402


def test_bcubed_perfect_and_empty():
    b = identity.bcubed([("s1", "a"), ("s1", "a"), ("s2", "b")])
    assert (b["precision"], b["recall"], b["f1"], b["n"]) == (1.0, 1.0, 1.0, 3)
    assert identity.bcubed([]) == {"n": 0, "precision": None, "recall": None, "f1": None}


def test_bcubed_split_and_merge():
    # gold a = {1, 2, 3}, b = {4}; predicted x = {1, 2}, y = {3, 4}
    items = [("x", "a"), ("x", "a"), ("y", "a"), ("y", "b")]
    b = identity.bcubed(items)
    # precision: 1, 1, 1/2, 1/2 -> 3/4; recall: 2/3, 2/3, 1/3, 1 -> 2/3
    assert b["precision"] == pytest.approx(0.75)
    assert b["recall"] == pytest.approx(2 / 3)
    assert b["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_bcubed_all_in_one_and_all_apart():
    gold = ["a", "a", "b", "b"]
    one = identity.bcubed([("x", g) for g in gold])
    assert one["precision"] == pytest.approx(0.5) and one["recall"] == 1.0
    apart = identity.bcubed([(("singleton", k), g) for k, g in enumerate(gold)])
    assert apart["precision"] == 1.0 and apart["recall"] == pytest.approx(0.5)


def _gold(start, end):
    return {"content": {"start": start, "end": end}, "id": "p"}


def test_match_largest_unused_cover_over_threshold():
    statements = [
        {"id": "s0", "spans": "[[0, 4]]"},              # covers 40% of gold 0-10
        {"id": "s1", "spans": "[[0, 3], [5, 10]]"},     # covers 80%
        {"id": "s2", "start_char": 20, "end_char": 30, "spans": None},  # no spans: start/end_char
    ]
    pairs = identity.match_article([_gold(0, 10), _gold(0, 10), _gold(20, 30), _gold(40, 50)], statements)
    assert [st and st["id"] for _, st in pairs] == ["s1", "s0", "s2", None]


def test_match_needs_more_than_threshold():
    statements = [{"id": "s0", "spans": "[[0, 3]]"}]  # exactly 0.3 of the gold: not matched
    assert identity.match_article([_gold(0, 10)], statements)[0][1] is None
