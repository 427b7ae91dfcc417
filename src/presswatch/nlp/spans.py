"""Spans by character offset, in logarithmic time: every check an extractor makes per token, per
statement or per claim must not read the whole article, or a long article costs the square of
its length (bench/worst_case.py measures it)."""
from __future__ import annotations

import bisect
from typing import Any, Callable, Iterable, Iterator


class Covered:
    """A set of (start, end) spans: "is offset i inside one of them" (any s <= i < e) and "does one
    of them hold [a, b]" (any s <= a and b <= e)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = []  # the furthest end among the spans that start up to each one
        furthest = -1
        for _, e in self.spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def __contains__(self, i: int) -> bool:
        k = bisect.bisect_right(self.starts, i) - 1
        return k >= 0 and self.reach[k] > i

    def holds(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.starts, a) - 1
        return k >= 0 and self.reach[k] >= b

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)


class Taken:
    """Spans that do not overlap each other, taken one by one: "does [s, e) overlap one of them"."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e) - 1  # the last one starting before e
        return k >= 0 and self.ends[k] > s

    def add(self, s: int, e: int) -> None:
        k = bisect.bisect_left(self.starts, s)
        self.starts.insert(k, s)
        self.ends.insert(k, e)


class ByStart:
    """Items kept in the order of their start offsets (a stable sort): those starting in [lo, hi)."""

    def __init__(self, items: Iterable, start: Callable[[Any], int]):
        self.items = sorted(items, key=start)
        self.starts = [start(x) for x in self.items]

    def starting_in(self, lo: int, hi: int) -> list:
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def starting_from(self, lo: int) -> list:
        return self.items[bisect.bisect_left(self.starts, lo):]


class Holders:
    """(start, end, rank) spans: the lowest rank among those holding offset i (s <= i < e). A span
    can only hold i if it starts at most the longest span's length before it."""

    def __init__(self, spans: Iterable[tuple[int, int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def first(self, i: int):
        lo = bisect.bisect_left(self.starts, i - self.longest)
        hi = bisect.bisect_right(self.starts, i)
        return min((r for s, e, r in self.spans[lo:hi] if s <= i < e), default=None)


def first_holding(spans: list, starts: list, s: int, e: int, back: int = 3):
    """The label of the first (start, end, label) span holding [s, e) among the `back` spans
    starting last before s (spans sorted by start, starts their starts), or None: statements and
    quoted passages rarely nest, so a few back is enough and the lookup stays logarithmic."""
    k = bisect.bisect_right(starts, s)
    for j in range(k - 1, max(k - 1 - back, -1), -1):
        if spans[j][0] <= s and e <= spans[j][1]:
            return spans[j][2]
    return None
