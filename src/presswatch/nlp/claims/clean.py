"""Cleaning the claims of one article, after every extractor has run:
- a claim's span is a constituent: it does not end in a function word (trimmed off; with a parse,
  by part of speech), and a quantity, proportion or vague quantity holds a number or a noun;
- a number used as a figure of speech ("a thousand times", "a hundred percent sure",
  lexicons/numbers.FIGURES_OF_SPEECH) is no quantity;
- a claim inside another of a compatible kind is dropped for the larger (at one span, the more
  specific: a quantity over a vague quantity);
- one fact stated again in the article (same kind and normalised value) is one claim: the first
  statement is the claim, the later ones its repeats (their spans, in `Cleaned.repeats`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...records import Claim, Span
from ..lexicons.numbers import FIGURES_OF_SPEECH
from ..spans import Covered
from .quantities import _STOP_COUNTED

_FIGURES = re.compile("|".join(f"(?:{f})" for f in FIGURES_OF_SPEECH), re.IGNORECASE)
_COUNTS = ("quantity", "proportion", "vague quantity")
# the parts of speech a span may not end in: prepositions, conjunctions, determiners, particles,
# pronouns, auxiliaries, punctuation; and the question words ("when", "which")
_FUNCTION_POS = {"ADP", "CCONJ", "SCONJ", "DET", "PART", "PRON", "AUX", "PUNCT", "SYM", "SPACE"}
_FUNCTION_TAGS = {"WRB", "WDT", "WP", "WP$"}
# which kinds may hold one another's duplicates, and at one span which is the more specific
_GROUP = {"quantity": "count", "vague quantity": "count", "proportion": "proportion",
          "historical date": "historical date", "calendar": "calendar"}
_SPECIFIC = {"calendar": 0, "historical date": 1, "quantity": 2, "proportion": 3, "vague quantity": 4}


@dataclass(frozen=True)
class Cleaned:
    """The claims in text order, and for each (same index) the spans where it is stated again."""
    claims: list
    repeats: list  # tuple[Span, ...] per claim, () when stated once


def clean_claims(claims: list[Claim], text: str, doc=None) -> Cleaned:
    figures = Covered((m.start(), m.end()) for m in _FIGURES.finditer(text))
    kept = []
    for c in claims:
        if c.kind in _COUNTS:
            if c.span.start in figures or figures.holds(c.span.start, c.span.end):
                continue
            c = _trimmed(c, text, doc)
            if c is None:
                continue
        kept.append(c)
    return _merge_repeats(_merge_nested(kept))


def _trimmed(c: Claim, text: str, doc):
    """The claim with the function words at the end of its span cut off, or None when what is left
    holds neither a number nor a noun ("scores or" -> "scores" is a noun, "hundreds of" -> "hundreds")."""
    s, e = c.span.start, c.span.end
    if doc is not None and (sp := doc.char_span(s, e, alignment_mode="expand")) is not None:
        toks = [t for t in sp if t.idx >= s]
        while toks and (toks[-1].pos_ in _FUNCTION_POS or toks[-1].tag_ in _FUNCTION_TAGS):
            toks.pop()
        if not toks:
            return None
        e = min(e, toks[-1].idx + len(toks[-1].text))
        has_head = any(t.like_num or t.pos_ in ("NUM", "NOUN", "PROPN") for t in toks) or re.search(r"\d", text[s:e])
    else:
        words = list(re.finditer(r"[\w’'\-]+|[^\w\s]", text[s:e]))
        while words and words[-1].group(0).lower() in _STOP_COUNTED:
            words.pop()
        if not words:
            return None
        e = s + words[-1].end()
        has_head = True  # without a parse: what the extractor's pattern matched
    if not has_head or e <= s:
        return None
    if c.kind == "vague quantity" and doc is not None and not _counts_a_noun(doc, s, e):
        return None
    return c if e == c.span.end else c.with_(span=Span.of(text, s, e))


def _counts_a_noun(doc, s: int, e: int) -> bool:
    """A vague quantity counts something: a noun after its first word ("hundreds of rounds")."""
    sp = doc.char_span(s, e, alignment_mode="expand")
    return sp is not None and any(t.pos_ in ("NOUN", "PROPN") for t in sp[1:])


def _merge_nested(claims: list[Claim]) -> list[Claim]:
    """Claims inside a larger claim of their group are dropped: in order of start (the longer and the
    more specific first), a claim ending no later than the furthest-reaching claim kept so far in its
    group is inside it; unless both state a figure and the figures differ ("$2.9 billion" inside
    "between $2.6 billion and $2.9 billion" is a second figure, not a repeat)."""
    order = sorted(claims, key=lambda c: (c.span.start, -c.span.end, _SPECIFIC.get(c.kind, 9)))
    reach: dict[str, Claim] = {}
    out = []
    for c in order:
        g = _GROUP.get(c.kind, c.kind)
        outer = reach.get(g)
        if outer is not None and outer.span.end >= c.span.end:
            if c.value is None or outer.value is None or c.value == outer.value:
                continue
        else:
            reach[g] = c
        out.append(c)
    return out


def _fact(c: Claim):
    """What a claim states, normalised, as a key: two claims with one key state one fact. None for
    kinds whose words are their only value (vague quantities: "thousands of people" twice may be
    two crowds)."""
    if c.kind == "calendar":
        return c.kind, c.stated  # "International Quds Day: April 5 (this year)"
    what = " ".join((c.counted or "").lower().split())
    if c.kind == "quantity" and c.value is not None:
        cur = re.search(r"[$€£]", c.span.text)  # one sum of money, however its sentence goes on
        return (c.kind, c.value, cur.group(0) if cur else what) if cur or what else None
    if c.kind == "proportion":  # a bare "10 per cent" twice may be two shares of two things
        return (c.kind, c.value, c.qualifier, what) if what else None
    if c.kind == "historical date":
        return c.kind, c.time, what
    return None


def _merge_repeats(claims: list[Claim]) -> Cleaned:
    first: dict = {}
    out: list[Claim] = []
    repeats: list[list[Span]] = []
    for c in claims:
        key = _fact(c)
        if key is not None and key in first:
            repeats[first[key]].append(c.span)
            continue
        if key is not None:
            first[key] = len(out)
        out.append(c)
        repeats.append([])
    return Cleaned(out, [tuple(r) for r in repeats])
