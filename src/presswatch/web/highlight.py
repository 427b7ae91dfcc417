"""An article's text as HTML with its statements, speakers, cues, times and claims marked.

The text is untrusted: every piece of it goes through markupsafe.escape, and the only markup added
is <a>/<span> elements with fixed class names, link targets built from store ids, and escaped titles.
Overlapping marks are flattened into segments, each wrapped once with the union of its classes.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from ..corpus.names import fold


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    title: str = ""
    link: str = ""  # a path inside this app


def marks_of(article: dict) -> list[Mark]:
    out = []
    for st in article["statements"]:
        who = st.get("speaker") or "unattributed"
        for s, e in json.loads(st["spans"]):
            out.append(Mark(s, e, f"st {st['kind'] or ''}".strip(), f"{who}: {st['kind']} statement",
                            f"/statements/{quote(st['id'], safe='')}"))
    for c in article["claims"]:
        if c["start_char"] is not None:
            verdict = c.get("verdict") or "unchecked"
            out.append(Mark(c["start_char"], c["end_char"], f"cl v-{_word(verdict)}", f"claim ({c['kind']}): {verdict}"))
    analysis = json.loads(article.get("analysis") or "{}")
    for q in analysis.get("quotes", ()):
        if q.get("source"):
            out.append(Mark(q["source"]["start"], q["source"]["end"], "sp", f"speaker: {q.get('speaker') or '?'}"))
        if q.get("cue"):
            out.append(Mark(q["cue"]["start"], q["cue"]["end"], "cue", "cue"))
    for sp in analysis.get("speakers", ()):
        for m in sp.get("mentions", ()):
            out.append(Mark(m["start"], m["end"], "sp", f"speaker: {sp['name']}"))
    for t in analysis.get("times", ()):
        span = t.get("span") or {}
        if "start" in span:
            out.append(Mark(span["start"], span["end"], "tm", f"time: {t.get('value') or '?'}"))
    return out


def _word(s: str) -> str:
    return "".join(c for c in str(s).lower() if c.isalnum() or c == "-")[:24] or "x"


def highlight(text: str, marks: list[Mark]) -> Markup:
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        on = [m for m in marks if m.start <= a and b <= m.end]
        if not on:
            parts.append(piece)
            continue
        classes = " ".join(sorted({c for m in on for c in m.cls.split()}))
        title = "; ".join(dict.fromkeys(m.title for m in on if m.title))
        link = next((m.link for m in on if m.link), None)
        if link:
            parts.append(Markup('<a class="{}" href="{}" title="{}">{}</a>').format(classes, link, title, piece))
        else:
            parts.append(Markup('<span class="{}" title="{}">{}</span>').format(classes, title, piece))
    return Markup("").join(parts)


# the search words in a hit: the words of the query (phrases as runs of words, a prefix term's
# word as a prefix), a word also matching its plural, past tense or -ing form, as the index's
# stemmer would (roughly: the index decides what matched; this only shows where)
_WORD = re.compile(r"\w+")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith(("ies", "y")):  # enemies, enemy -> enemi
        return word[:-3 if word.endswith("ies") else -1] + "i"
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[:-len(suffix)]
            if suffix in ("ed", "ing") and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # planned -> plan
            return word
    return word


def _same(token: str, word: str, prefix: bool) -> bool:
    return token == word or (token.startswith(word) if prefix else _stem(token) == _stem(word))


def word_marks(text: str, parsed) -> list[Mark]:
    """Marks (class "hl") over the words of `text` the search `parsed` (store.query.Parsed) looks for."""
    if text is None or parsed.empty:
        return []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    terms = [t for clause in parsed.clauses for t in clause]
    out = []
    for i in range(len(tokens)):
        for t in terms:
            n = len(t.words)
            run = tokens[i:i + n]
            if len(run) == n and all(_same(tok[2], w, t.prefix and k == n - 1) for k, (tok, w) in
                                     enumerate(zip(run, t.words))):
                out.append(Mark(run[0][0], run[-1][1], "hl", "search word"))
                break
    return out


def marked(text: str, parsed) -> Markup:
    """`text` escaped, with the search words marked."""
    return highlight(text or "", word_marks(text or "", parsed))


def snippet(text: str, parsed, width: int = 320) -> Markup:
    """About `width` characters of `text` around its first search word (its start when none), the
    words marked, "…" where it is cut. Only the part read is tokenised when the text is long."""
    text = text or ""
    head = word_marks(text[:width * 40], parsed)  # a first match past 40 widths: show the start
    start = max(0, head[0].start - width // 3) if head else 0
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text) and text.rfind(" ", start, end) > start:
        end = text.rfind(" ", start, end)
    piece = text[start:end]
    marks = [Mark(m.start - start, m.end - start, m.cls, m.title) for m in head if start <= m.start and m.end <= end]
    return (Markup("…") if start else Markup("")) + highlight(piece, marks) + (Markup("…") if end < len(text) else Markup(""))
