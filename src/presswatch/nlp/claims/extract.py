"""extract_claims: every claim of an article, cleaned (clean.py), in text order; find_claims: the same
with the spans where each claim is stated again."""
from __future__ import annotations

from ...records import Claim
from .calendar import calendar_claims
from .clean import Cleaned, clean_claims
from .history import historical_claims
from .quantities import proportion_claims, quantity_claims, vague_claims


def find_claims(text: str, doc=None, times=(), quotes=(), statements=(), pub_year=None) -> Cleaned:
    """Every claim of the article, cleaned, in text order (calendar statements come from
    find_calendar_statements), and for each the spans of its repeats (a later statement of the same
    fact, kind and normalised value, is no claim of its own)."""
    cal = calendar_claims(statements, text)
    skip = [(c.span.start, c.span.end) for c in cal]
    claims = cal + quantity_claims(text, doc, times, quotes, skip) + proportion_claims(text, doc, quotes) \
        + vague_claims(text, quotes, doc) + historical_claims(text, doc, times, pub_year)
    return clean_claims(claims, text, doc)


def extract_claims(text: str, doc=None, times=(), quotes=(), statements=(), pub_year=None) -> list[Claim]:
    """Every claim of the article, in text order: find_claims without the repeats."""
    return find_claims(text, doc, times, quotes, statements, pub_year).claims
