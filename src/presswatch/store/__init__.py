"""Corpus stores behind one interface (base.Store): open_store(url) picks the backend.

    sqlite:///presswatch.db        a file in the working directory (the default)
    sqlite:////data/news.db        an absolute path
    postgresql://user:pw@host/db   a PostgreSQL database (psycopg 3); ?schema=NAME to use a schema
    memory:                        nothing kept (tests)
"""
from __future__ import annotations

from ..errors import StoreError
from .base import Page, Search, Store

__all__ = ["open_store", "Store", "Search", "Page"]


def open_store(url: str | None = None, readonly: bool = False, migrate: bool = True) -> Store:
    """The store at `url` (default: RunOptions.db's default), migrated unless read-only."""
    if url is None:
        from ..options import DEFAULT_RUN
        url = DEFAULT_RUN.db
    url = str(url).strip()
    store: Store
    if url.startswith("sqlite:"):
        from .sqlite import SQLiteStore
        store = SQLiteStore(url, readonly=readonly)
    elif url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore
        store = PostgresStore(url, readonly=readonly)
    elif url in ("memory:", "memory://"):
        from .memory import MemoryStore
        store = MemoryStore(url)
    else:
        raise StoreError(f"unknown store URL {url!r}; use sqlite:///FILE.db, postgresql://... or memory:")
    if migrate and not readonly:
        store.migrate()
    return store
