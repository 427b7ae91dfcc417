"""Add one analysed article to a store, in one transaction: its article speakers (who is who across
the corpus is recomputed from them, corpus/people.py), its statements grouped with the same quotes
elsewhere, and its ingest status.

Either all of an article is stored, with its status, or none of it: an ingest killed at any point
and run again stores every article exactly once.
"""
from __future__ import annotations

from typing import Optional

from ..records import Analysis, Article
from . import provenance
from .rows import Rows, article_id, to_rows

OK, DUPLICATE, ERROR = "ok", "duplicate", "error"


def add(store, article: Article | None, analysis: Analysis, run_id: int, seq: int) -> tuple[str, str | None]:
    """Store `article` with its `analysis`; return (status, article id)."""
    if analysis.status != "ok" or article is None:
        aid = article_id(article.text, article.url) if article is not None else None
        with store.transaction():
            store.add_status(run_id, seq, analysis.doc_id, analysis.origin, aid, ERROR, analysis.error)
        return ERROR, aid
    rows = to_rows(article, analysis, run_id)
    aid = rows.article["id"]
    with store.transaction():
        if store.has_article(aid):
            store.add_status(run_id, seq, article.doc_id, article.origin, aid, DUPLICATE,
                             "the same text from the same URL is already stored")
            return DUPLICATE, aid
        # speaker_id stays None: corpus/people.recompute links the statements once the run ends
        new_groups, renamed = group_statements(store, rows)
        store.add_article(rows)
        for old, new in renamed.items():
            store.rename_group(old, new)
        for statement_id, bands in new_groups:
            store.add_bands(statement_id, bands)
        store.add_status(run_id, seq, article.doc_id, article.origin, aid, OK, None)
    return OK, aid


def group_statements(store, rows: Rows) -> tuple[list[tuple[str, Optional[list]]], dict]:
    """Set each statement's cluster_id: the group of an exact or near duplicate already stored (or
    earlier in this article), else its own id. A group is named for its earliest appearance (by
    publication date, a dated one before an undated one, then in ingest order): a statement
    published before a group's first renames it. Returns (statement id, bands) of the new groups
    and {old group id: new} of the groups to rename once the rows are stored."""
    local: dict = {}
    new = []
    renamed: dict = {}
    for s in rows.statements:
        fp = s["fingerprint"]
        if fp is None:
            s["cluster_id"] = s["id"]
            continue
        cluster = local.get(fp) or store.cluster_by_fingerprint(fp)
        bands = None
        if cluster is None:
            bands = provenance.bands(s["text"])
            cluster = provenance.best_match(s["text"], store.band_candidates(bands))
        cluster = renamed.get(cluster, cluster)
        if cluster is None:
            cluster = s["id"]
            new.append((s["id"], bands))
        elif cluster not in local.values() and _earlier(s["published"], store.statement_published(cluster)):
            renamed[cluster] = s["id"]
            cluster = s["id"]
        s["cluster_id"] = local[fp] = cluster
    return new, renamed


def _earlier(published: Optional[str], first: Optional[str]) -> bool:
    """Whether a statement published on `published` comes before a group's first, published on `first`."""
    return published is not None and (first is None or published < first)
