"""The sentence around a position, as the claim extractors bound their searches: from after the last
". " or newline before it to the next one (a cheap split that needs no parse)."""
from __future__ import annotations


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)
    if text.rfind(". ", 0, pos) == -1:
        a = max(text.rfind("\n", 0, pos) + 1, 0)
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    b = min(ends) + 1 if ends else len(text)
    return a, min(b, len(text))
