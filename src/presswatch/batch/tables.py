"""The Parquet output of a batch: five tables, one file per partition in each, written atomically.

    OUT/batch.json                      the job: inputs, settings, every partition with its status
    OUT/articles/part-NAME.parquet      one row per analysed article (text and full analysis JSON)
    OUT/statements/part-NAME.parquet    one row per statement (quote or reported speech)
    OUT/speakers/part-NAME.parquet      one row per speaker of an article
    OUT/claims/part-NAME.parquet        one row per checkable claim
    OUT/errors/part-NAME.parquet        one row per input that could not be read or analysed
    OUT/errors/failed-NAME.parquet      one row for a partition that failed after its retries

A partition writes its five files under hidden temporary names (ignored by Parquet readers) and
renames each into place when all are complete, articles last: a re-run of the same partition
replaces its files, and a partition killed half-way leaves only temporary files behind.
"""
from __future__ import annotations

import json
import os
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

from ..corpus.rows import article_id
from ..records import Analysis, Article
from .layout import MANIFEST, TABLES, existing_names, failed_path, part_path  # noqa: F401

FLUSH_ROWS = 256  # articles buffered before a row group is written: memory per task stays small
JOIN = " … "  # between the pieces of a quote interrupted by its cue (as in the store)

S, I32, I64, F64, B = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS = {
    "articles": pa.schema([
        ("doc_id", S), ("article_id", S), ("url", S), ("title", S), ("outlet", S), ("author", S),
        ("published", S), ("publication_date", S), ("publication_year", I32), ("publication_basis", S),
        ("dateline_place", S), ("origin", S), ("chars", I64), ("statements", I32), ("speakers", I32),
        ("claims", I32), ("text", S), ("analysis", S), ("partition", S)]),
    "statements": pa.schema([
        ("doc_id", S), ("article_id", S), ("seq", I32), ("speaker", S), ("speaker_id", S), ("kind", S),
        ("is_direct", B), ("start", I64), ("end", I64), ("text", S), ("spans", S), ("cue", S), ("source", S),
        ("said_date", S), ("said_year", I32), ("occasion", S), ("said_text", S), ("said_basis", S),
        ("confidence", F64), ("partition", S)]),
    "speakers": pa.schema([
        ("doc_id", S), ("article_id", S), ("speaker_id", S), ("name", S), ("kind", S), ("mentions", I32),
        ("mention_texts", pa.list_(S)), ("partition", S)]),
    "claims": pa.schema([
        ("doc_id", S), ("article_id", S), ("seq", I32), ("kind", S), ("start", I64), ("end", I64), ("text", S),
        ("stated", S), ("value", F64), ("qualifier", S), ("counted", S), ("place", S), ("time", S),
        ("cited_source", S), ("observance", S), ("score", F64), ("verdict", S), ("checks", S), ("partition", S)]),
    "errors": pa.schema([("doc_id", S), ("origin", S), ("error", S), ("partition", S)]),
}


def rows(article: Article, analysis: Analysis, partition: str) -> dict:
    """The rows of one analysed article in each table."""
    aid = article_id(article.text, article.url)
    pub = analysis.publication
    key = {"doc_id": article.doc_id, "article_id": aid}
    quotes = sorted(analysis.quotes, key=lambda q: (q.start, q.end))
    claims = [c if isinstance(c, dict) else c.to_dict() for c in analysis.claims]
    out = {"articles": [{
        **key, "url": article.url or analysis.url, "title": article.title or analysis.title,
        "outlet": article.outlet or analysis.outlet, "author": article.author, "published": article.published,
        "publication_date": pub.date, "publication_year": pub.year, "publication_basis": pub.basis,
        "dateline_place": pub.place, "origin": article.origin, "chars": len(article.text),
        "statements": len(quotes), "speakers": len(analysis.speakers), "claims": len(claims),
        "text": article.text, "analysis": json.dumps(analysis.to_dict(), ensure_ascii=False),
        "partition": partition}]}
    out["statements"] = [{
        **key, "seq": i, "speaker": q.speaker, "speaker_id": q.speaker_id, "kind": q.kind,
        "is_direct": bool(q.is_direct), "start": q.start, "end": q.end,
        "text": JOIN.join(s.text for s in q.content), "spans": json.dumps([[s.start, s.end] for s in q.content]),
        "cue": q.cue.text if q.cue else None, "source": q.source.text if q.source else None,
        "said_date": q.statement_time.date, "said_year": q.statement_time.year,
        "occasion": q.statement_time.occasion, "said_text": q.statement_time.text,
        "said_basis": q.statement_time.basis, "confidence": float(q.confidence), "partition": partition,
    } for i, q in enumerate(quotes)]
    out["speakers"] = [{
        **key, "speaker_id": s.id, "name": s.name, "kind": s.kind, "mentions": len(s.mentions),
        "mention_texts": [m.text for m in s.mentions], "partition": partition,
    } for s in analysis.speakers]
    out["claims"] = []
    for i, c in enumerate(claims):
        span, checks = c.get("span") or {}, c.get("checks") or []
        cited = c.get("cited_source")
        out["claims"].append({
            **key, "seq": i, "kind": c.get("kind"), "start": span.get("start"), "end": span.get("end"),
            "text": span.get("text"), "stated": c.get("stated"), "value": _float(c.get("value")),
            "qualifier": c.get("qualifier"), "counted": c.get("counted"), "place": c.get("place"),
            "time": c.get("time"), "cited_source": cited.get("text") if isinstance(cited, dict) else None,
            "observance": c.get("observance"), "score": _float(c.get("score")),
            "verdict": checks[0].get("verdict") if checks else None,
            "checks": json.dumps(checks, ensure_ascii=False), "partition": partition})
    return out


def error_row(analysis: Analysis, partition: str) -> dict:
    return {"doc_id": analysis.doc_id, "origin": analysis.origin, "error": analysis.error, "partition": partition}


def _float(v):
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


class PartWriter:
    """Writes one partition's five files: rows are buffered a few hundred articles at a time and
    written as row groups to hidden temporary files; commit() renames them into place (articles
    last); leaving the `with` block without commit() (an exception) removes them."""

    def __init__(self, out: str, name: str, metadata: dict | None = None):
        self.out, self.name = out, name
        self.meta = {f"presswatch.{k}": json.dumps(v) for k, v in (metadata or {}).items()}
        self.meta["presswatch.partition"] = json.dumps(name)
        token = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.final = {t: part_path(out, t, name) for t in TABLES}
        self.tmp = {t: os.path.join(out, t, f".part-{name}.parquet.{token}.tmp") for t in TABLES}
        self.buffers = {t: [] for t in TABLES}
        self.writers: dict = {}
        self.files: dict = {}
        self.articles = 0
        self.errors = 0
        self._pending = 0

    def __enter__(self):
        for t in TABLES:
            os.makedirs(os.path.join(self.out, t), exist_ok=True)
            fh = open(self.tmp[t], "wb")
            self.files[t] = fh
            schema = SCHEMAS[t].with_metadata(self.meta)
            self.writers[t] = pq.ParquetWriter(fh, schema, compression="zstd")
        return self

    def add(self, article: Article, analysis: Analysis) -> None:
        for table, rs in rows(article, analysis, self.name).items():
            self.buffers[table] += rs
        self.articles += 1
        self._count()

    def add_error(self, analysis: Analysis) -> None:
        self.buffers["errors"].append(error_row(analysis, self.name))
        self.errors += 1
        self._count()

    def _count(self):
        self._pending += 1
        if self._pending >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        for t, buf in self.buffers.items():
            if buf:
                self.writers[t].write_table(pa.Table.from_pylist(buf, schema=SCHEMAS[t]))
                buf.clear()
        self._pending = 0

    def commit(self) -> None:
        self.flush()
        for t in TABLES:
            self.writers.pop(t).close()
            fh = self.files.pop(t)
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        for t in TABLES:  # articles last: its file says the partition is complete
            os.replace(self.tmp[t], self.final[t])

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None and not self.writers:
            return False
        for w in self.writers.values():
            try:
                w.close()
            except Exception:
                pass
        for fh in self.files.values():
            fh.close()
        for path in self.tmp.values():
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
        self.writers.clear()
        self.files.clear()
        return False


def write_failed(out: str, name: str, origin: str, error: str) -> None:
    """The row of a partition that failed after its retries, in the errors table (atomic)."""
    path = failed_path(out, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = os.path.join(os.path.dirname(path), f".failed-{name}.{uuid.uuid4().hex[:8]}.tmp")
    table = pa.Table.from_pylist([{"doc_id": None, "origin": origin, "error": error, "partition": name}],
                                 schema=SCHEMAS["errors"])
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def remove(out: str, names) -> None:
    """Remove every file of the partitions `names` (articles first, so a half-removed partition is
    incomplete rather than missing statements)."""
    for name in names:
        for path in [part_path(out, t, name) for t in reversed(TABLES)] + [failed_path(out, name)]:
            try:
                os.remove(path)
            except FileNotFoundError:
                pass


def remove_temporary(out: str) -> int:
    """Remove temporary files left by tasks that died (their partitions ran again elsewhere)."""
    n = 0
    for t in TABLES:
        d = os.path.join(out, t)
        if os.path.isdir(d):
            for f in os.listdir(d):
                if f.startswith((".part-", ".failed-")) and f.endswith(".tmp"):
                    try:
                        os.remove(os.path.join(d, f))
                        n += 1
                    except FileNotFoundError:
                        pass
    return n
