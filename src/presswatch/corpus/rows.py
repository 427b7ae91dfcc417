"""One article and its Analysis as table rows (plain dicts, no database here): the one mapping that
the SQL stores (through `writer`) and the Parquet tables of a batch (`batch.tables`) both write, so
the two carry the same columns under the same names.

A few columns only a corpus store can fill (STORE_ONLY: the ingest run, the corpus speaker, the
statement's group): they are None here, set by `writer`, and absent from the Parquet tables.
Speakers come out with their per-article ids (`speaker_local`); `writer` maps them to corpus speakers.
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

ARTICLE_COLUMNS = (
    "id", "content_hash", "url", "doc_id", "title", "outlet", "author", "published", "published_basis",
    "publication_date", "publication_year", "publication_basis", "dateline_place", "origin", "chars",
    "statement_count", "speaker_count", "claim_count", "text", "run_id", "analysis")
STATEMENT_COLUMNS = (
    "id", "article_id", "seq", "speaker_local", "speaker_id", "speaker_name", "kind", "is_direct",
    "start_char", "end_char", "spans", "text", "cue", "source", "said_date", "said_year", "occasion",
    "said_text", "said_basis", "confidence", "fingerprint", "cluster_id", "published", "outlet")
CLAIM_COLUMNS = (
    "id", "article_id", "seq", "start_char", "end_char", "text", "kind", "stated", "value", "qualifier",
    "counted", "place", "time", "cited_source", "observance", "score", "verdict", "checks", "published",
    "outlet", "statement_id", "speaker_name")
# the sentences worth checking (Analysis.checkworthy), best first: seq is the rank
CHECKWORTHY_COLUMNS = ("id", "article_id", "seq", "start_char", "end_char", "text", "score", "statement_id",
                       "speaker_name", "published", "outlet")
# the spans of persuasion techniques (Analysis.techniques), in text order; speaker_local and speaker_id
# as in statements (the user when used_by is "speaker", the one reported when it is the outlet's wording)
TECHNIQUE_COLUMNS = ("id", "article_id", "seq", "start_char", "end_char", "text", "technique", "confidence",
                     "used_by", "statement_id", "speaker_local", "speaker_id", "speaker_name", "published", "outlet")
SPEAKER_COLUMNS = ("article_id", "speaker_local", "name", "kind", "mentions", "mention_texts")
# what a store keeps of each article speaker (the input of corpus/identity.py), and of a corpus speaker
ARTICLE_SPEAKER_COLUMNS = ("article_id", "speaker_local", "name", "kind", "gender", "gender_basis",
                           "mention_texts", "published")
CORPUS_SPEAKER_COLUMNS = ("id", "name", "kind", "statements", "gender", "gender_basis", "roles", "wikidata")
COLUMNS = {"articles": ARTICLE_COLUMNS, "statements": STATEMENT_COLUMNS, "claims": CLAIM_COLUMNS,
           "speakers": SPEAKER_COLUMNS, "checkworthy": CHECKWORTHY_COLUMNS, "techniques": TECHNIQUE_COLUMNS}
STORE_ONLY = {"articles": ("run_id",), "statements": ("speaker_id", "cluster_id"), "techniques": ("speaker_id",)}


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
    speakers: list = field(default_factory=list)  # one row per speaker of the article (SPEAKER_COLUMNS)
    checkworthy: list = field(default_factory=list)  # CHECKWORTHY_COLUMNS, best first
    techniques: list = field(default_factory=list)  # TECHNIQUE_COLUMNS, in text order


def to_rows(article: Article, analysis: Analysis, run_id: int | None = None) -> Rows:
    """The rows of one analysed article, each with the columns of COLUMNS (in that order)."""
    row = article_row(article, analysis, run_id)
    aid = row["id"]
    shared = {"published": row["published"], "outlet": row["outlet"]}  # copied for filters without a join
    speakers = [{"article_id": aid, "speaker_local": s.id, "name": s.name, "kind": s.kind,
                 "mentions": len(s.mentions), "mention_texts": [m.text for m in s.mentions],
                 "gender": s.gender, "gender_basis": s.gender_basis}
                for s in analysis.speakers]
    known = {s["speaker_local"] for s in speakers}
    statements = statement_rows(analysis, aid, known, shared)
    ids = statement_ids(analysis, aid)
    return Rows(row, statements, claim_rows(analysis, aid, shared, ids), speakers,
                checkworthy_rows(analysis, aid, shared, ids), technique_rows(analysis, aid, known, shared, ids))


def as_stored(rows: Rows) -> dict:
    """The article as `Store.article` gives it back once stored, without storing it: the article row
    with its statements, claims, checkworthy sentences and techniques, each speaker named as
    written (no corpus speaker: who is who across articles is decided when an article is stored)."""
    a = dict(rows.article)
    a["statements"] = [dict(s, speaker=s["speaker_name"]) for s in rows.statements]
    a["claims"] = [dict(c) for c in rows.claims]
    a["checkworthy"] = [dict(c) for c in rows.checkworthy]
    a["techniques"] = [dict(t, speaker=t["speaker_name"]) for t in rows.techniques]
    return a


def article_row(article: Article, analysis: Analysis, run_id: int | None = None) -> dict:
    aid = article_id(article.text, article.url)
    p = analysis.publication
    pub = iso_date(p.date) or iso_date(article.published)  # the date a search filters on
    return {
        "id": aid, "content_hash": content_hash(article.text), "url": article.url, "doc_id": article.doc_id,
        "title": article.title or analysis.title, "outlet": article.outlet or analysis.outlet,
        "author": article.author, "published": pub, "published_basis": p.basis if pub else None,
        "publication_date": p.date, "publication_year": p.year, "publication_basis": p.basis,
        "dateline_place": p.place, "origin": article.origin, "chars": len(article.text),
        "statement_count": len(analysis.quotes), "speaker_count": len(analysis.speakers),
        "claim_count": len(analysis.claims), "text": article.text, "run_id": run_id,
        "analysis": json.dumps(analysis.to_dict(), ensure_ascii=False),
    }


def statement_rows(analysis: Analysis, aid: str, known_speakers: set, shared: dict) -> list:
    """One row per quote, in text order; `speaker_id` and `cluster_id` are left for the store."""
    out = []
    for i, q in enumerate(sorted(analysis.quotes, key=lambda q: (q.start, q.end))):
        text = JOIN.join(s.text for s in q.content)
        st = q.statement_time
        out.append({
            "id": f"{aid}-s{i}", "article_id": aid, "seq": i,
            "speaker_local": q.speaker_id if q.speaker_id in known_speakers else None,
            "speaker_id": None, "speaker_name": q.speaker, "kind": q.kind, "is_direct": int(q.is_direct),
            "start_char": q.start, "end_char": q.end,
            "spans": json.dumps([[s.start, s.end] for s in q.content]),
            "text": text, "cue": q.cue.text if q.cue else None, "source": q.source.text if q.source else None,
            "said_date": st.date, "said_year": st.year, "occasion": st.occasion,
            "said_text": st.text, "said_basis": st.basis,
            "confidence": round(float(q.confidence), 3),  # as in the JSON: a reloaded analysis, the same row
            "fingerprint": fingerprint(text), "cluster_id": None, **shared,
        })
    return out


def statement_ids(analysis: Analysis, aid: str) -> dict:
    """Analysis.quotes index -> the statement row's id (rows are in text order)."""
    order = sorted(range(len(analysis.quotes)), key=lambda i: (analysis.quotes[i].start, analysis.quotes[i].end))
    return {qi: f"{aid}-s{seq}" for seq, qi in enumerate(order)}


def checkworthy_rows(analysis: Analysis, aid: str, shared: dict, ids: dict) -> list:
    return [{"id": f"{aid}-w{i}", "article_id": aid, "seq": i, "start_char": c.span.start, "end_char": c.span.end,
             "text": c.span.text, "score": round(float(c.score), 4), "statement_id": ids.get(c.statement),
             "speaker_name": c.speaker, **shared} for i, c in enumerate(analysis.checkworthy)]


def technique_rows(analysis: Analysis, aid: str, known_speakers: set, shared: dict, ids: dict) -> list:
    """One row per technique span; `speaker_id` is left for the store (corpus/people.recompute)."""
    return [{"id": f"{aid}-t{i}", "article_id": aid, "seq": i, "start_char": t.span.start, "end_char": t.span.end,
             "text": t.span.text, "technique": t.technique, "confidence": round(float(t.confidence), 3),
             "used_by": t.used_by, "statement_id": ids.get(t.statement) if t.statement is not None else None,
             "speaker_local": t.speaker_id if t.speaker_id in known_speakers else None, "speaker_id": None,
             "speaker_name": t.speaker, **shared} for i, t in enumerate(analysis.techniques)]


def claim_rows(analysis: Analysis, aid: str, shared: dict, ids: dict | None = None) -> list:
    out = []
    for i, claim in enumerate(analysis.claims):
        c = claim.to_dict()
        span, checks, cited = c.get("span") or {}, c.get("checks") or [], c.get("cited_source")
        out.append({
            "id": f"{aid}-c{i}", "article_id": aid, "seq": i,
            "start_char": span.get("start"), "end_char": span.get("end"), "text": span.get("text") or "",
            "kind": c.get("kind"), "stated": c.get("stated"), "value": _float(c.get("value")),
            "qualifier": c.get("qualifier"), "counted": c.get("counted"), "place": c.get("place"),
            "time": c.get("time"), "cited_source": cited.get("text") if isinstance(cited, dict) else None,
            "observance": c.get("observance"), "score": _float(c.get("score")),
            "verdict": checks[0].get("verdict") if checks else None,
            "checks": json.dumps(checks, ensure_ascii=False), **shared,
            "statement_id": (ids or {}).get(claim.statement), "speaker_name": claim.speaker,
        })
    return out


def _float(v):
    """A number column from a claim's JSON value (None where it is no number)."""
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


def article_speaker_row(speaker: dict, article: dict) -> dict:
    """A row of ARTICLE_SPEAKER_COLUMNS from one of Rows.speakers and its article row."""
    return {"article_id": speaker["article_id"], "speaker_local": speaker["speaker_local"],
            "name": speaker["name"], "kind": speaker["kind"], "gender": speaker.get("gender"),
            "gender_basis": speaker.get("gender_basis"), "published": article.get("published"),
            "mention_texts": json.dumps(speaker["mention_texts"], ensure_ascii=False)}
