"""Finding tokens and paragraphs by character offset, in logarithmic time."""
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


def in_any(i: int, spans) -> bool:
    return any(s <= i < e for s, e in spans)
