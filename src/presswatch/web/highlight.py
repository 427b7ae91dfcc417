"""An article's text as HTML with its statements, speakers, cues, times, claims and persuasion
techniques marked.

The text is untrusted: every piece of it goes through markupsafe.escape, and the only markup added
is <a>/<span> elements with fixed class names, link targets built from store ids, and escaped titles.
Overlapping marks (techniques overlap each other and the statements) are flattened into segments,
each wrapped once with the union of its classes and titles: no element is ever nested in another,
so any overlap stays well-formed and every character keeps its offset.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote

from markupsafe import Markup, escape

from ..corpus.names import fold
from ..nlp.techniques.definitions import DEFINITIONS, label


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    title: str = ""
    link: str = ""  # a path inside this app


def technique_class(name: str) -> str:
    """The stylesheet's class of a technique: "Name_Calling,Labeling" -> "tq-name-calling-labeling"."""
    return "tq-" + "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def technique_title(t: dict) -> str:
    """A technique span's hover text: what the technique is, the confidence, and whose words they are."""
    who = t.get("speaker") or t.get("speaker_name")
    if t["used_by"] == "speaker":
        used = f"used by the speaker, {who}" if who else "used by the speaker"
    else:
        used = f"the outlet's wording, reporting {who}" if who else "the outlet's own voice"
    return (f"{label(t['technique'])}: {DEFINITIONS.get(t['technique'], '')} "
            f"Confidence {float(t['confidence']):.2f}, {used}.")


def technique_marks(techniques: list[dict], only: Optional[str] = None) -> list[Mark]:
    """Marks of the stored technique spans (all, or those of the technique `only`)."""
    return [Mark(t["start_char"], t["end_char"], f"tq {technique_class(t['technique'])}", technique_title(t))
            for t in techniques if only is None or t["technique"] == only]


def marks_of(article: dict, technique: Optional[str] = None, links: bool = True) -> list[Mark]:
    """Every mark of a stored article; of the techniques, only `technique` where one is named.
    Statements link to their pages unless `links` is False (an article that is not stored)."""
    out = []
    for st in article["statements"]:
        who = st.get("speaker") or "unattributed"
        link = f"/statements/{quote(st['id'], safe='')}" if links else ""
        for s, e in json.loads(st["spans"]):
            out.append(Mark(s, e, f"st {st['kind'] or ''}".strip(), f"{who}: {st['kind']} statement", link))
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
    return out + technique_marks(article.get("techniques") or [], technique)


def _word(s: str) -> str:
    return "".join(c for c in str(s).lower() if c.isalnum() or c == "-")[:24] or "x"


def highlight(text: str, marks: list[Mark]) -> Markup:
    """`text` escaped, each segment between two mark boundaries wrapped once: an <a> when a mark
    covering it links somewhere, else a <span>. A sweep over the boundaries keeps the marks open
    at each segment, so the cost follows the segments and the marks open at once, not marks x text."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    starting, ending = defaultdict(list), defaultdict(list)
    for i, m in enumerate(marks):
        starting[m.start].append(i)
        ending[m.end].append(i)
    open_marks: dict[int, Mark] = {}
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        for i in ending[a]:
            open_marks.pop(i, None)
        for i in starting[a]:
            open_marks[i] = marks[i]
        piece = escape(text[a:b])
        on = [open_marks[i] for i in sorted(open_marks)]
        if not on:
            parts.append(piece)
            continue
        names = {c for m in on for c in m.cls.split()}
        if sum(1 for c in names if c.startswith("tq-")) > 1:
            names.add("tq-many")  # techniques overlap here: the stylesheet shows it, the title names them
        classes = " ".join(sorted(names))
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
