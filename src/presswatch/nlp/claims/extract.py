"""extract_claims: every claim of an article, in text order, one per kind and start."""
from __future__ import annotations

from ...records import Claim
from .calendar import calendar_claims
from .history import historical_claims
from .quantities import proportion_claims, quantity_claims, vague_claims


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """In text order (the longer first at one start), the first claim of each kind at each start."""
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: (c.span.start, -c.span.end)):
        k = (c.kind, c.span.start)
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out


def extract_claims(text: str, doc=None, times=(), quotes=(), statements=(), pub_year=None) -> list[Claim]:
    """Every claim of the article, in text order (calendar statements come from find_calendar_statements)."""
    cal = calendar_claims(statements, text)
    skip = [(c.span.start, c.span.end) for c in cal]
    claims = cal + quantity_claims(text, doc, times, quotes, skip) + proportion_claims(text, doc, quotes) \
        + vague_claims(text, quotes, doc) + historical_claims(text, doc, times, pub_year)
    return _dedupe(claims)
