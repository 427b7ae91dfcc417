"""Find quoted passages by their quotation marks, paragraph by paragraph.

Marks are paired within a paragraph; a quote left open at the end of a paragraph continues only
when the next paragraph opens with a quotation mark (the newspaper convention for quotes that run
over several paragraphs). Anything else unbalanced is dropped for that paragraph alone, so one
stray mark never costs the article (textacy's failure mode).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import paragraphs

# (opening marks, closing marks) per family; „ closes with “ (German) or ” (some outlets)
DOUBLE_OPEN = {"“", "„", "«", "‟"}
DOUBLE_CLOSE = {"”", "»"}
SINGLE_OPEN = {"‘", "‹", "‚"}
SINGLE_CLOSE = {"’", "›"}
STRAIGHT = {'"'}
ALL_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | SINGLE_OPEN | SINGLE_CLOSE | STRAIGHT | {"'"}

_OPENING_CONTEXT = set(" \t\n([{—–-/:;") | {""}


@dataclass(frozen=True)
class Quoted:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph end for an unclosed continuation)
    paragraphs: int = 1  # how many paragraphs it spans

    def inner(self, text: str) -> str:
        return text[self.start:self.end].strip("“”„«»‟\"‘’'‹›‚ \n")


_MARK = re.compile(r"``|''|[“”„«»‟\"‘’‹›‚']")


def _direction(text: str, i: int, width: int = 1) -> str:
    """'open' or 'close' for an ambiguous straight or typographic mark, from its neighbours."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + width] if i + width < len(text) else ""
    if prev in _OPENING_CONTEXT or prev in "“‘«„":
        return "open" if nxt and not nxt.isspace() else "close"
    return "close"


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ' used inside or at the end of a word: don’t, Zionist’s, the ’90s, Palestinians’ land."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isalnum() and nxt.isalnum():
        return True
    if prev in ("s", "S") and (not nxt or nxt.isspace() or nxt in ",.;:"):
        return True  # plural possessive: ambiguous, but far more often an apostrophe in news
    if (not prev or prev.isspace()) and nxt.isdigit():
        return True  # ’90s
    if (not prev or prev.isspace()) and text[i + 1:i + 4].lower() in ("em ", "til", "cau", "n' "):
        return True  # ’em, ’til, ’cause
    return False


def _marks(text: str, start: int, end: int, single: bool):
    """Yield (offset, 'open'|'close') for the marks of one family in text[start:end]."""
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        c = m.group()
        if c in ("``", "''"):
            # two apostrophes or backticks: a double mark in wire and NYT copy (''like this'')
            if not single:
                yield i, "open" if c == "``" else _direction(text, i, 2)
            continue
        if not single:
            if c in DOUBLE_OPEN:
                # “ closes a „ quote (German style): decided by the pairing below
                yield i, "open" if c != "“" or _direction(text, i) == "open" else "close"
            elif c in DOUBLE_CLOSE:
                yield i, "close"
            elif c == '"':
                yield i, _direction(text, i)
        else:
            if c in ("'", "’", "‘") and _is_apostrophe(text, i):
                continue
            if c in SINGLE_OPEN:
                yield i, "open"
            elif c in SINGLE_CLOSE:
                yield i, "close"
            elif c == "'":
                yield i, _direction(text, i)


def _pair(marks):
    # marks: (offset, 'open'|'close', width)
    """Pair opening and closing marks; return (pairs, open_offset_left_unclosed or None)."""
    pairs, opened = [], None
    for i, kind, width in marks:
        if kind == "open":
            # a second opening before any close: the first was a stray mark, restart here
            opened = i
        elif opened is not None:
            pairs.append((opened, i + width))
            opened = None
    return pairs, opened


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted passage in the text, in order. Double marks are the primary quotes; single
    marks count as primary only in a paragraph without double marks (British style)."""
    paras = paragraphs(text)
    out: list[Quoted] = []
    carry = None  # (start offset, paragraphs so far) of a quote running over paragraph ends
    for k, (ps, pe) in enumerate(paras):
        para = text[ps:pe]
        single = not any(c in para for c in "“”„«»\"") and "''" not in para and "``" not in para
        marks = [(i, kind, 2 if text[i:i + 2] in ("``", "''") else 1)
                 for i, kind in _marks(text, ps, pe, single)]
        if carry is not None:
            first = marks[0] if marks else None
            if first and first[0] == ps and first[1] == "open":
                # continuation paragraph: its opening mark does not close the running quote
                marks = marks[1:]
                pairs, opened = _pair([(ps, "open", 1)] + marks)
                if pairs:
                    (s0, e0), rest = pairs[0], pairs[1:]
                    out.append(Quoted(carry[0], e0, carry[1] + 1))
                    out.extend(Quoted(s, e) for s, e in rest)
                    carry = None
                else:
                    carry = (carry[0], carry[1] + 1)
                if opened is not None and pairs:
                    carry = _carry_or_close(text, paras, k, opened, out)
                continue
            # the running quote was never continued: keep it if it opened its paragraph
            _close_carry(text, paras, carry, out)
            carry = None
        pairs, opened = _pair(marks)
        out.extend(Quoted(s, e) for s, e in pairs)
        if opened is not None:
            carry = _carry_or_close(text, paras, k, opened, out)
    if carry is not None:
        _close_carry(text, paras, carry, out)
    return out


def _carry_or_close(text, paras, k, opened, out):
    """A quote left open at the end of paragraph k continues if paragraph k+1 opens with a mark."""
    if k + 1 < len(paras):
        ns = paras[k + 1][0]
        if text[ns:ns + 1] in ("“", '"', "«", "„", "‘") and opened >= paras[k][0]:
            return (opened, 1)
    # unbalanced: keep it only when it opened the paragraph (the close mark was forgotten)
    if opened == paras[k][0]:
        out.append(Quoted(opened, paras[k][1]))
    return None


def _close_carry(text, paras, carry, out):
    start, n = carry
    # find the end of the last paragraph it reached
    idx = next(i for i, (s, e) in enumerate(paras) if s <= start < e or start < s)
    last = paras[min(idx + n - 1, len(paras) - 1)]
    out.append(Quoted(start, last[1], n))
