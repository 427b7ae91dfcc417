"""One article and its Analysis as the rows the store holds (plain dicts, no database here).

Speakers come out with their per-article ids; `writer` maps them to corpus speakers.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from ..records import Analysis, Article
from .provenance import fingerprint

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
JOIN = " … "  # between the pieces of a quote interrupted by its cue


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(text: str, url: str | None) -> str:
    """Stable id of an article: its text and URL (the same text at another URL is another copy)."""
    return "a" + hashlib.sha1(f"{content_hash(text)}|{url or ''}".encode()).hexdigest()[:15]


def iso_date(value) -> str | None:
    if not value:
        return None
    value = str(value)[:10]
    return value if ISO_DATE.match(value) else None


@dataclass
class Rows:
    article: dict
    statements: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    speakers: dict = field(default_factory=dict)  # per-article speaker id -> (name, kind, mention texts)


def to_rows(article: Article, analysis: Analysis, run_id: int | None = None) -> Rows:
    aid = article_id(article.text, article.url)
    pub = iso_date(analysis.publication.date) or iso_date(article.published)
    outlet = article.outlet or analysis.outlet
    row = {
        "id": aid, "content_hash": content_hash(article.text), "url": article.url, "doc_id": article.doc_id,
        "title": article.title or analysis.title, "outlet": outlet, "author": article.author,
        "published": pub, "published_basis": analysis.publication.basis if pub else None,
        "origin": article.origin, "text": article.text, "run_id": run_id,
        "analysis": json.dumps(analysis.to_dict(), ensure_ascii=False),
    }
    rows = Rows(row)
    rows.speakers = {s.id: (s.name, s.kind, tuple(m.text for m in s.mentions)) for s in analysis.speakers}
    for i, q in enumerate(sorted(analysis.quotes, key=lambda q: (q.start, q.end))):
        text = JOIN.join(s.text for s in q.content)
        st = q.statement_time
        rows.statements.append({
            "id": f"{aid}-s{i}", "article_id": aid, "seq": i,
            "speaker_local": q.speaker_id if q.speaker_id in rows.speakers else None,
            "speaker_id": None, "speaker_name": q.speaker, "kind": q.kind, "is_direct": int(q.is_direct),
            "start_char": q.start, "end_char": q.end,
            "spans": json.dumps([[s.start, s.end] for s in q.content]),
            "text": text, "cue": q.cue.text if q.cue else None,
            "said_date": st.date, "said_year": st.year, "occasion": st.occasion,
            "said_text": st.text, "said_basis": st.basis, "confidence": q.confidence,
            "fingerprint": fingerprint(text), "cluster_id": None,
            "published": pub, "outlet": outlet,
        })
    for i, c in enumerate(analysis.claims):
        c = c if isinstance(c, dict) else c.to_dict()
        span = c.get("span") or {}
        checks = c.get("checks") or []
        rows.claims.append({
            "id": f"{aid}-c{i}", "article_id": aid, "seq": i,
            "start_char": span.get("start"), "end_char": span.get("end"), "text": span.get("text") or "",
            "kind": c.get("kind"), "verdict": checks[0].get("verdict") if checks else None,
            "checks": json.dumps(checks, ensure_ascii=False), "published": pub, "outlet": outlet,
        })
    return rows
