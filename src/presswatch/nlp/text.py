"""Paragraphs and the dateline: the layout facts every extractor shares."""
from __future__ import annotations

import re
from typing import Optional

_PARA = re.compile(r"[^\n]+")
# "TEHRAN -", "WASHINGTON (Reuters) —", "OTTAWA, Ont. –": an upper-case place opening the text
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)"
    r"(?:\s*\((?P<agency>[A-Za-z .]{2,30})\))?\s*[-–—]+\s+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: paragraphs may be separated by blank lines or by single
    newlines, so a line is the unit; a paragraph never spans a newline in news text."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def find_dateline(text: str, max_paragraphs: int = 3) -> Optional[tuple[str, int, int]]:
    """(place, start, end) of a dateline at the head of one of the first paragraphs, or None.
    end is where the first statement's text begins."""
    for s, e in paragraphs(text)[:max_paragraphs]:
        m = _DATELINE.match(text, s, e)
        if m and len(m.group("place").split()) <= 4:
            return m.group("place").strip(), s, m.end()
    return None


# invisible characters that split or glue words for the tokenizer; each becomes one space, so every
# offset into the parsed text is an offset into the article text
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TO_SPACE = str.maketrans({c: " " for c in INVISIBLE})


def for_parser(text: str) -> str:
    """The text the parser is given: the article text with its invisible characters as spaces."""
    return text.translate(_TO_SPACE)


def has_invisible(text: str) -> bool:
    return any(c in text for c in INVISIBLE)


# the end of a sentence a long paragraph may be cut after: a full stop (or ! ?), closing marks,
# space, then what opens a sentence
_SENTENCE_END = re.compile(r"[.!?][”\"’)\]]*\s+(?=[A-Z“\"‘(\[])")


def pieces(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces that cover `text`, each at most `size` characters where a
    cut can be found: before a line break, else after the end of a sentence, else at a space (a
    word longer than `size` is cut where it must). The parser reads them one by one, so a long
    article costs memory in proportion to `size`, not to its length."""
    out, start = [], 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _cut(text: str, lo: int, hi: int) -> int:
    k = text.rfind("\n", lo + 1, hi)
    while k > lo + 1 and text[k - 1] == "\n":
        k -= 1
    if k > lo:
        return k  # the next piece opens with the line break, as the paragraph does in the whole text
    last = None
    for last in _SENTENCE_END.finditer(text, lo + 1, hi):
        pass
    if last is not None:
        return last.end()
    k = text.rfind(" ", lo + 1, hi)
    return k + 1 if k >= 0 else hi
