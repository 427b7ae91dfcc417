"""Finding tokens, paragraphs, quoted passages and statements by character offset, in logarithmic
time: every check a finder makes per token or per statement must not scan the whole article (a
long article would cost the square of its length)."""
from __future__ import annotations

import bisect


class TokenIndex:
    """The tokens of a Doc by character offset."""

    def __init__(self, doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]  # token offsets ascend with token order

    def between(self, s: int, e: int) -> list:
        """The tokens starting in [s, e)."""
        lo = bisect.bisect_left(self.starts, s)
        hi = bisect.bisect_left(self.starts, e)
        return [self.doc[j] for j in range(lo, hi)]


class Paragraphs:
    """The article's paragraphs ((start, end) of each line) and the paragraph of an offset."""

    def __init__(self, spans: list):
        self.spans = spans
        self.ends = [e for _, e in spans]

    def __getitem__(self, k: int) -> tuple:
        return self.spans[k]

    def __len__(self) -> int:
        return len(self.spans)

    def index_of(self, offset: int) -> int:
        """The paragraph holding `offset`, or the next one after it (the last at the end)."""
        return min(bisect.bisect_right(self.ends, offset), len(self.spans) - 1)


class Neighbours:
    """The quoted passages around an offset: the next start at or after it, the last end up to it."""

    def __init__(self, quoted):
        self.starts = sorted(q.start for q in quoted)
        self.ends = sorted(q.end for q in quoted)

    def next_start(self, offset: int, default: int) -> int:
        k = bisect.bisect_left(self.starts, offset)
        return min(self.starts[k], default) if k < len(self.starts) else default

    def last_end(self, offset: int, default: int) -> int:
        k = bisect.bisect_right(self.ends, offset) - 1
        return max(self.ends[k], default) if k >= 0 else default


class Intervals:
    """Statements by position, for "which of them overlap [s, e)" in the order of the list given."""

    def __init__(self, quotes: list):
        self.quotes = quotes
        self.order = sorted(range(len(quotes)), key=lambda k: quotes[k].start if quotes[k].content else 0)
        self.starts = [quotes[k].start if quotes[k].content else 0 for k in self.order]
        self.longest = max((q.end - q.start for q in quotes if q.content), default=0)

    def grew(self, q) -> None:
        """A statement's end moved on (a merge stretched it): its length may be the longest now."""
        self.longest = max(self.longest, q.end - q.start)

    def starting_between(self, lo: int, hi: int) -> list:
        """The statements (in list order) that start in [lo - the longest length, hi]: every one
        that can overlap or hold [lo, hi]."""
        a = bisect.bisect_left(self.starts, lo - self.longest)
        b = bisect.bisect_right(self.starts, hi)
        return [self.quotes[k] for k in sorted(self.order[a:b])]
