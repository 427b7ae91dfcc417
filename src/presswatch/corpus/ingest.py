"""presswatch ingest: read inputs, skip what is stored, analyze the rest, store each article.

Articles already in the store (same text, same URL) are recorded as duplicates without being
analysed again, so a second run over the same inputs, or a run after a crash, is quick and adds
nothing twice.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from ..extras import require
from ..ingest import Warn, log_warning, read_inputs
from ..options import DEFAULT, DEFAULT_RUN, Options
from ..pipeline import analyze_many
from ..records import Analysis, Article
from . import people, writer
from .rows import article_id


@dataclass
class Report:
    run_id: int
    counts: dict = field(default_factory=lambda: {"ok": 0, "duplicate": 0, "error": 0})
    seconds: float = 0.0
    errors: list = field(default_factory=list)  # (doc_id, reason)

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def ingest(paths: Iterable[str], store, options: Options = DEFAULT, max_bytes: int = DEFAULT_RUN.max_bytes,
           batch_size: Optional[int] = None, progress: Optional[Callable[[Report], None]] = None,
           stdin=None, warn: Warn = log_warning) -> Report:
    """Ingest every article of `paths` into `store`, analysed with `options`; `progress(report)` is
    called after each one, `warn(line)` for what the readers read but did not use (ingest/warn.py)."""
    paths = list(paths)
    report = Report(store.start_run(paths))
    start = time.perf_counter()
    pending: deque = deque()  # the articles handed to analyze_many, in order

    def tally(status, doc_id=None, reason=None):
        report.counts[status] += 1
        if status == writer.ERROR:
            report.errors.append((doc_id, reason))
        report.seconds = time.perf_counter() - start
        if progress:
            progress(report)

    def fresh():
        for seq, item in enumerate(_read(paths, stdin, max_bytes, warn)):
            analysed = None
            if isinstance(item, tuple):  # (Article, Analysis) from a `presswatch batch` output folder
                item, analysed = item
            if isinstance(item, Article):
                aid = article_id(item.text, item.url)
                if store.has_article(aid):
                    with store.transaction():
                        store.add_status(report.run_id, seq, item.doc_id, item.origin, aid, writer.DUPLICATE,
                                         "already stored (same text, same URL)")
                    tally(writer.DUPLICATE)
                    continue
            pending.append((seq, item))
            yield item if analysed is None else analysed  # analyze_many passes an Analysis through

    for analysis in analyze_many(fresh(), options, batch_size=batch_size):
        seq, item = pending.popleft()
        article = item if isinstance(item, Article) else None
        status, _ = writer.add(store, article, analysis, report.run_id, seq)
        tally(status, analysis.doc_id, analysis.error)
    people.recompute(store)  # who is who, from every stored article (this run's and the others')
    report.seconds = time.perf_counter() - start
    store.finish_run(report.run_id, report.counts)
    return report


def store_analysed(store, article: Article, analysis: Analysis, label: str) -> tuple[str, str]:
    """Store one article analysed already, as `ingest` stores each of its articles, in a run of its
    own named `label` (its status row included) after which who is who is recomputed. An article
    already stored (same text, same URL) is left as it is, with no run: (status, article id)."""
    aid = article_id(article.text, article.url)
    if store.has_article(aid):
        return writer.DUPLICATE, aid
    run_id = store.start_run([label])
    status, _ = writer.add(store, article, analysis, run_id, 0)  # DUPLICATE too if another request won
    if status == writer.OK:
        people.recompute(store)
    store.finish_run(run_id, {"ok": 0, "duplicate": 0, "error": 0, status: 1})
    return status, aid


def _read(paths, stdin, max_bytes: int, warn: Warn):
    """The inputs in order; a `presswatch batch` output folder gives its analysed articles."""
    from ..batch.load import is_batch_output, read_output  # pyarrow is imported only to read one
    for path in paths:
        if is_batch_output(path):
            require("batch", f"reading the presswatch batch output {path}")
            yield from read_output(path)
        else:
            # a doc_id repeated in a JSONL file with another text: an error row, never a second copy
            yield from read_inputs([path], stdin=stdin, max_bytes=max_bytes, warn=warn, repeated_ids="error")


__all__ = ["ingest", "store_analysed", "Report"]
