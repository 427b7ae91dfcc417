"""Statements: direct quotes (by their marks), reported speech (by its cue and parse), and mixed
quotes (reported speech carrying quoted fragments).

One module a job: direct.py (quotation marks), reported.py (cue verbs), according.py ("according
to X"), content.py (what a cue reports), parse.py (subjects, sources, cues as written), merge.py
(direct into reported, de-duplication, interrupted quotes), scope.py (every speech/broad rule),
boundaries.py (PolNeAR's content boundaries), learned.py (the learned cue lexicon and model).
The finders return RawQuote records that still point at tokens; speakers.py resolves the source
to a person and the components (presswatch/components/) turn both into plain records.
"""
from __future__ import annotations

from ..quotemarks import find_quoted
from ..text import paragraphs
from .according import find_according
from .direct import find_direct
from ..spans import Covered
from .index import Paragraphs, TokenIndex
from .merge import dedupe, is_headline, join_interrupted, merge
from .record import RawQuote
from .reported import Context, find_reported
from .scope import Scope

__all__ = ["extract_quotes", "RawQuote", "Scope"]


def extract_quotes(doc, text: str, scope: Scope) -> list[RawQuote]:
    """Every statement in the article, in text order."""
    paras = Paragraphs(paragraphs(text))
    quoted = find_quoted(text)
    qspans = Covered((q.start, q.end) for q in quoted)
    index = TokenIndex(doc)
    direct = find_direct(doc, text, quoted, paras, index, qspans)
    reported = find_reported(Context(doc, text, qspans, paras, index, direct.used_cues, scope))
    for content, cue, src, src_span in find_according(doc, qspans):
        if content[0] in qspans and content[1] - 1 in qspans:
            continue  # "According to X, “...”": a direct quote already attributed by the window search
        reported.append(RawQuote([content], cue, None, src, src_span, False, "indirect",
                                 paras.index_of(content[0]), 0.7))
    out = merge(direct.quotes, reported, direct.fragments)
    headlines: dict = {}  # paragraph -> whether it is a headline, read once each
    for r in reported:
        if r.content and not scope.keeps_headlines and r.paragraph not in headlines:
            headlines[r.paragraph] = is_headline(text, paras[r.paragraph])
    out += [r for r in reported if r.content and (scope.keeps_headlines or not headlines[r.paragraph])]
    out.sort(key=lambda r: r.start)
    out = dedupe(out)
    return join_interrupted(out, text) if scope.joins_interrupted else out
