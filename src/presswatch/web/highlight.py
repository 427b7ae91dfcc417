"""An article's text as HTML with its statements, speakers, cues, times and claims marked.

The text is untrusted: every piece of it goes through markupsafe.escape, and the only markup added
is <a>/<span> elements with fixed class names, link targets built from store ids, and escaped titles.
Overlapping marks are flattened into segments, each wrapped once with the union of its classes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape


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
