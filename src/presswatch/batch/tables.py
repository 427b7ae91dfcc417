"""The Parquet output of a batch: one table per kind of row, one file per partition in each, written atomically.

    OUT/batch.json                      the job: inputs, options, every partition with its status
    OUT/articles/part-NAME.parquet      one row per analysed article (text and full analysis JSON)
    OUT/statements/part-NAME.parquet    one row per statement (quote or reported speech)
    OUT/speakers/part-NAME.parquet      one row per speaker of an article
    OUT/claims/part-NAME.parquet        one row per checkable claim
    OUT/checkworthy/part-NAME.parquet   one row per sentence worth checking
    OUT/techniques/part-NAME.parquet    one row per persuasion-technique span, with who uses it
    OUT/errors/part-NAME.parquet        one row per input that could not be read or analysed
    OUT/errors/failed-NAME.parquet      one row for a partition that failed after its retries

A partition writes its files under hidden temporary names (ignored by Parquet readers) and
renames each into place when all are complete, articles last: a re-run of the same partition
replaces its files, and a partition killed half-way leaves only temporary files behind.
"""
from __future__ import annotations

import json
import os
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

from ..corpus.rows import COLUMNS, STORE_ONLY, to_rows
from ..records import Analysis, Article
from .layout import MANIFEST, TABLES, existing_names, failed_path, part_path  # noqa: F401

FLUSH_ROWS = 256  # articles buffered before a row group is written: memory per task stays small

S, I8, I32, I64, F64 = pa.string(), pa.int8(), pa.int32(), pa.int64(), pa.float64()

# the Parquet type of each column of corpus.rows.COLUMNS that is not text
TYPES = {"publication_year": I32, "chars": I64, "statement_count": I32, "speaker_count": I32,
         "claim_count": I32, "seq": I32, "is_direct": I8, "start_char": I64, "end_char": I64,
         "said_year": I32, "confidence": F64, "value": F64, "score": F64, "mentions": I32,
         "mention_texts": pa.list_(S)}


def _schema(table: str) -> pa.Schema:
    """corpus.rows' columns of `table`, the store's names (less those only a corpus fills), with
    doc_id in front where they lack it and the partition's name last."""
    columns = [c for c in COLUMNS[table] if c not in STORE_ONLY.get(table, ())]
    lead = [] if "doc_id" in columns else [("doc_id", S)]
    return pa.schema(lead + [(c, TYPES.get(c, S)) for c in columns] + [("partition", S)])


SCHEMAS = {t: _schema(t) for t in COLUMNS}
SCHEMAS["errors"] = pa.schema([("doc_id", S), ("origin", S), ("error", S), ("partition", S)])


def rows(article: Article, analysis: Analysis, partition: str) -> dict:
    """The rows of one analysed article in each table: corpus.rows' rows, with the partition."""
    r = to_rows(article, analysis)
    out = {"articles": [dict(r.article, partition=partition)]}
    for table, rs in (("statements", r.statements), ("speakers", r.speakers), ("claims", r.claims),
                      ("checkworthy", r.checkworthy), ("techniques", r.techniques)):
        out[table] = [dict(x, doc_id=article.doc_id, partition=partition) for x in rs]
    return out


def error_row(analysis: Analysis, partition: str) -> dict:
    return {"doc_id": analysis.doc_id, "origin": analysis.origin, "error": analysis.error, "partition": partition}


class PartWriter:
    """Writes one partition's files: rows are buffered a few hundred articles at a time and
    written as row groups to hidden temporary files; commit() renames them into place (articles
    last); leaving the `with` block without commit() (an exception) removes them."""

    def __init__(self, out: str, name: str, metadata: dict | None = None):
        self.out, self.name = out, name
        self.meta = {f"presswatch.{k}": json.dumps(v) for k, v in (metadata or {}).items()}
        self.meta["presswatch.partition"] = json.dumps(name)
        token = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.final = {t: part_path(out, t, name) for t in TABLES}
        self.tmp = {t: os.path.join(out, t, f".part-{name}.parquet.{token}.tmp") for t in TABLES}
        self.buffers: dict[str, list] = {t: [] for t in TABLES}
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
