"""find_times: every time expression of a text, resolved, in order and without overlaps. Each pattern
of the table (patterns.py) is searched around its needle, each match resolved by its handler
(handlers.py); where matches overlap, the longest wins."""
from __future__ import annotations

from typing import Optional

from ...records import Span, TimeExpr
from ..spans import Covered, Taken
from .handlers import _Ctx
from .patterns import _P, _matches
from .resolve import Anchor
from .tense import ClauseTenses


def find_times(text: str, anchor: Optional[Anchor] = None, doc=None, date_ents=None) -> list[TimeExpr]:
    """Every time expression of text, in order, without overlaps (the longest wins)."""
    anchor = anchor or Anchor()
    tenses = ClauseTenses(text, doc)
    if date_ents is None and doc is not None:
        date_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    ctx = _Ctx(text, anchor, tenses, tenses.generic_today, Covered(date_ents) if date_ents is not None else None)
    out = []
    for s, e, r in _longest_first(_candidates(text, ctx)):
        value, precision, type_, mod, anchored, _, _ = r
        out.append(TimeExpr(Span.of(text, s, e), value, precision, type_, mod,
                            anchor.kind if anchored else "none"))
    out.sort(key=lambda t: t.span.start)
    return out


def _candidates(text: str, ctx: _Ctx) -> list:
    """(start, end, pattern order, handler result) of every match its handler resolves."""
    cands = []
    for order, (rx, handler, span_group) in enumerate(_P):
        for m in _matches(rx, handler, text):
            if m.end() <= m.start():
                continue
            try:
                r = handler(m, ctx)
            except (ValueError, KeyError, OverflowError):  # no such date, a word no table has
                r = None
            if r is None or r[0] is None:
                continue
            s = m.start(span_group) if span_group else m.start()
            if r[5] is not None:
                s = r[5]
            s, e = _trim(text, s, m.end())
            cands.append((s, e, order, r))
    return cands


def _longest_first(cands: list) -> list:
    """(start, end, result) of the candidates no longer one overlaps (between equally long ones, the
    earlier pattern wins, then the one further left)."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = Taken()
    out = []
    for s, e, _, r in cands:
        if taken.overlaps(s, e):
            continue
        taken.add(s, e)
        out.append((s, e, r))
    return out


def _trim(text, s, e):
    while s < e and text[s] in " \t\n,(":
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e
