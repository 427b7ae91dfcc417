"""Putting the finders' statements together: a direct quote that fills reported content is that
statement (direct); quoted fragments inside reported speech make it mixed; a statement nested in
another goes; headlines go (speech scope); an interrupted quote becomes one (broad scope)."""
from __future__ import annotations

import re

from .index import Intervals
from .record import RawQuote


def merge(direct: list, reported: list, fragments: list) -> list:
    """The direct quotes that stand alone, after folding each into the reported statement it fills
    or sits inside; `reported` keeps the rest, emptied where a direct quote took its place."""
    final_direct = []
    near = Intervals(reported)
    for d in direct:
        ds, de = d.content[0]
        host = _fold(d, near.starting_between(ds, de))
        if host is None:
            final_direct.append(d)
            continue
        host.kind = "mixed"
        host.fragments.append((ds, de))
        # stretch the content over the marks the parse left out
        host.content[0] = (min(host.content[0][0], ds), host.content[0][1])
        host.content[-1] = (host.content[-1][0], max(host.content[-1][1], de))
        for span in d.content[1:]:  # the quote goes on past the reported content
            host.fragments.append(span)
            if span[0] >= host.content[-1][1]:
                host.content.append(span)
        near.grew(host)
    for fs, fe in fragments:
        for r in near.starting_between(fs, fs):
            if r.content and r.start <= fs and fe <= r.end + 2:
                r.kind = "mixed"
                r.fragments.append((fs, fe))
                r.content[-1] = (r.content[-1][0], max(r.content[-1][1], fe))
                near.grew(r)
                break
    return final_direct


def _fold(d: RawQuote, reported: list):
    """The reported statement a direct quote sits inside (it becomes mixed), or None. A reported
    content that is the quote itself is emptied: the direct reading stays, with its cue.
    `reported`: the statements near the quote, in the finders' order."""
    ds, de = d.content[0]
    host = None
    for r in reported:
        if not r.content:
            continue  # already folded into another direct quote
        rs, re_ = r.start, r.end
        inter = max(0, min(de, re_) - max(ds, rs))
        if inter <= 0:
            continue
        if inter >= 0.8 * (re_ - rs) or (d.cue_token is not None and r.cue_token is not None
                                         and d.cue_token.i == r.cue_token.i):
            r.content = []
            if d.cue is None:
                d.cue, d.cue_token, d.source_token, d.source = r.cue, r.cue_token, r.source_token, r.source
                d.floating = False
        elif ds + 1 >= rs and de <= re_ + 2:
            # inside the reported content, or opening it ("X said, “We are pleased” at the release,
            # adding ...": the content starts after the opening mark): one statement of X
            host = r
    return host


def join_interrupted(quotes: list[RawQuote], text: str) -> list[RawQuote]:
    """“A,” said X. “B.” -> one direct statement [A, B]: B follows A's cue clause in the same
    paragraph with nothing quoted between, and has no cue of its own (or A's)."""
    def cue_clause_between(a, b, cue) -> bool:
        # the gap is the cue's clause: short, nothing quoted (abbreviations such as "Sen." and
        # "(D-Mo.)" make full stops a poor sentence test here)
        gap = text[a.end:b.start]
        return (a.end <= cue[0] and cue[1] <= b.start and len(gap) < 250
                and not any(m in gap for m in ('"', "“", "”", "\n")))

    out: list[RawQuote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is None or not (prev.is_direct and q.is_direct and prev.paragraph == q.paragraph
                                and len(q.content) == 1):
            out.append(q)
        elif prev.floating and q.cue is not None and len(prev.content) == 1 \
                and cue_clause_between(prev, q, q.cue):
            # “A,” Mr. Obama said, “B.” where the cue search gave the cue to B: A is B's first part
            q.content = prev.content + q.content
            out[-1] = q
        elif prev.cue is not None and (q.floating or q.cue_token is not None and prev.cue_token is not None
                                       and q.cue_token.i == prev.cue_token.i) \
                and cue_clause_between(prev, q, prev.cue):
            prev.content.append(q.content[0])
        else:
            out.append(q)
    return out


def is_headline(text: str, para) -> bool:
    """A short line without closing punctuation: a headline or a related-story link ("Sanders says
    Trump didn't cave"), which repeats or advertises a statement rather than reporting it."""
    line = text[para[0]:para[1]].rstrip()
    if LINK_LABEL.match(line):
        return True  # "READ MORE: Donald Trump says ...": a link to another story
    return line[-1:] not in ".!?\"”’'):;…" and len(line.split()) < 25


LINK_LABEL = re.compile(r"(?:READ MORE|RELATED|MORE|SEE ALSO|ALSO READ|WATCH|LISTEN|READ)\s*:", re.I)


def dedupe(quotes: list[RawQuote]) -> list[RawQuote]:
    """Drop reported speech nested inside a longer statement: inside a direct quote, or a cue that
    sits inside another statement's content ("said he believes that ..."). `quotes` in text order."""
    nested = _nested(quotes)
    kept = [q for k, q in enumerate(quotes) if k not in nested]
    # "continue to assert X": two cues of one chain report the same content; the last cue says it
    last_cue: dict = {}
    for q in kept:
        key = tuple(q.content)
        if not q.is_direct and q.cue_token is not None:
            prev = last_cue.get(key)
            if prev is None or prev.cue_token.i < q.cue_token.i:
                last_cue[key] = q
    return [q for q in kept if q.is_direct or q.cue_token is None or last_cue.get(tuple(q.content)) is q]


def _nested(quotes: list) -> set:
    """Indices of the reported statements that lie inside a longer one (a direct quote, or one whose
    content holds their cue). A sweep in text order: only the statements still open at a start
    can hold what starts there, so the cost is the statements times their nesting depth."""
    bounds = [(q.start, q.end) for q in quotes]  # start and end are computed: once each
    out: set = set()
    open_: list = []  # (start, end, quote) of statements that started and may still hold others
    k = 0
    while k < len(quotes):
        start = bounds[k][0]
        group = range(k, k + _run_length(bounds, k))
        open_ = [o for o in open_ if o[1] >= start] + [(bounds[j][0], bounds[j][1], quotes[j]) for j in group]
        for j in group:
            q, (qs, qe) = quotes[j], bounds[j]
            if not q.is_direct and any(_holds(o, q, qs, qe) for o in open_):
                out.add(j)
        k += len(group)
    return out


def _run_length(bounds: list, k: int) -> int:
    """How many statements from k on start where statement k starts."""
    n = 1
    while k + n < len(bounds) and bounds[k + n][0] == bounds[k][0]:
        n += 1
    return n


def _holds(o: tuple, q, qs: int, qe: int) -> bool:
    os, oe, other = o
    return (other is not q and os <= qs and qe <= oe and (oe - os) > (qe - qs)
            and (other.is_direct or (other.cue_token is not None and q.cue_token is not None
                                     and q.cue_token.idx >= os)))
