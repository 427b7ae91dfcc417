"""Read a `presswatch batch` output folder back: what `presswatch ingest OUT` stores.

Each articles row gives back its Article and its Analysis (nothing is analysed again); each errors
row a failed Analysis. Files are read a row group at a time, partitions in name order.
"""
from __future__ import annotations

import json
import os
from typing import Iterator, Union

from ..ingest.decode import one_line
from ..records import Analysis, Article
from .layout import MANIFEST, existing_names, failed_path, part_path

ARTICLE_FIELDS = ("doc_id", "text", "title", "url", "published", "outlet", "author", "origin", "analysis")


def is_batch_output(path) -> bool:
    """A folder written by `presswatch batch` (it holds batch.json)."""
    path = os.fspath(path)
    return os.path.isdir(path) and os.path.isfile(os.path.join(path, MANIFEST))


def read_output(path) -> Iterator[Union[tuple, Analysis]]:
    """(Article, Analysis) for every analysed article and a failed Analysis for every error row; a
    file that cannot be read becomes a failed Analysis naming it."""
    path = os.fspath(path)
    for name in sorted(existing_names(path)):
        articles = part_path(path, "articles", name)
        if os.path.exists(articles):
            for row in _rows(articles, ARTICLE_FIELDS):
                if isinstance(row, Analysis):
                    yield row
                    continue
                try:
                    analysis = Analysis.from_dict(json.loads(row.pop("analysis")))
                except (ValueError, KeyError, TypeError) as exc:
                    yield Analysis.failed(row.get("doc_id") or name, f"{articles}: the analysis of this row cannot "
                                                                     f"be read ({one_line(exc)})", row.get("origin"))
                    continue
                yield Article(**row), analysis
        for errors in (part_path(path, "errors", name), failed_path(path, name)):
            if os.path.exists(errors):
                for row in _rows(errors, ("doc_id", "origin", "error", "partition")):
                    if isinstance(row, Analysis):
                        yield row
                    else:
                        yield Analysis.failed(row["doc_id"] or f"partition {row['partition']}", row["error"] or "",
                                              row["origin"])


def _rows(file: str, columns) -> Iterator[Union[dict, Analysis]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(file)
        for batch in pf.iter_batches(batch_size=256, columns=list(columns)):
            yield from batch.to_pylist()
    except Exception as exc:  # a truncated or foreign file: say which, read the others
        yield Analysis.failed(os.path.basename(file), f"{file}: cannot be read as a presswatch batch table "
                                                      f"({one_line(exc)}); run the batch again", file)
