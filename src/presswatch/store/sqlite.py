"""The default store: one SQLite file, FTS5 full text, WAL so readers and an ingest run together.

The file is plain SQLite (tables named for what they hold, FTS5 indexes beside them), so Datasette
or the sqlite3 shell read it as it is. One connection per thread; writes take the write lock at
BEGIN IMMEDIATE, reads run in a deferred transaction so several queries see one state.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from urllib.parse import unquote

from ..errors import StoreError
from .sql import SQLStore

PREFIX = "sqlite:///"


def path_of(url: str) -> str:
    """sqlite:///news.db -> news.db (relative to the working directory); sqlite:////abs/news.db -> /abs/news.db."""
    if not url.startswith(PREFIX):
        raise StoreError(f"{url!r} is not an SQLite URL; write sqlite:///relative.db or sqlite:////absolute.db")
    path = unquote(url[len(PREFIX):].split("?", 1)[0])
    if not path:
        raise StoreError(f"{url!r} names no file; write sqlite:///presswatch.db")
    return path


def fts5(parsed) -> str:
    """A parsed search as an FTS5 MATCH expression: every term a quoted phrase of word characters."""
    def term(t):
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")
    expr = " AND ".join("(" + " OR ".join(term(t) for t in clause) + ")" for clause in parsed.clauses)
    for t in parsed.exclude:
        expr += " NOT " + term(t)
    return expr


class SQLiteStore(SQLStore):
    dialect = "sqlite"
    ORDER_BY_DATE = "ORDER BY s.published DESC,"  # SQLite puts NULLs last in DESC order
    STREAM_CHUNK = 500  # rows an export reads at a time
    ORDERED_SCAN_FROM = 1000  # matches from which the newest-first index beats sorting the matches
    MMAP_BYTES = 1 << 30  # address space a read-only connection may map

    def __init__(self, url: str, readonly: bool = False):
        self.url = url
        self.path = path_of(url)
        self.readonly = readonly
        if readonly and not os.path.exists(self.path):
            raise StoreError(f"no corpus at {self.path}; build one with: presswatch ingest PATH --db {url}")
        self._local = threading.local()
        self._all: list = []
        self._lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                if self.readonly:
                    conn = sqlite3.connect(f"file:{os.path.abspath(self.path)}?mode=ro", uri=True,
                                           timeout=30, isolation_level=None, check_same_thread=False)
                    # readers (the web app's threads and workers) read the file's pages where the OS
                    # caches them, mapped, instead of copying each into the connection's own cache
                    conn.execute(f"PRAGMA mmap_size={self.MMAP_BYTES}")
                else:
                    conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
                    conn.execute("PRAGMA journal_mode=WAL")
                    conn.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; a crash loses no committed article's consistency
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute("PRAGMA busy_timeout=30000")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot open the SQLite store {self.path}: {exc}") from None
            conn.row_factory = sqlite3.Row
            self._local.conn, self._local.depth = conn, 0
            with self._lock:
                self._all.append(conn)
        return conn

    def _q(self, sql, params=(), plain=False):
        try:
            rows = self._conn().execute(sql, params).fetchall()
            return [tuple(r) for r in rows] if plain else [dict(r) for r in rows]
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path}: {exc}") from exc

    def _x(self, sql, params=()):
        try:
            self._conn().execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path}: {exc}") from exc

    def _many(self, sql, rows):
        try:
            self._conn().executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path}: {exc}") from exc

    @contextmanager
    def _tx(self, begin: str):
        conn = self._conn()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        self._x(begin)
        self._local.depth = 1
        try:
            yield
        except BaseException:
            self._local.depth = 0
            conn.execute("ROLLBACK")
            raise
        self._local.depth = 0
        self._x("COMMIT")

    def transaction(self):
        if self.readonly:
            raise StoreError("this store was opened read-only")
        return self._tx("BEGIN IMMEDIATE")

    def snapshot(self):
        return self._tx("BEGIN")

    def stats(self):
        """The counts, recounted only when the file changed since this connection last counted
        (data_version: another connection committed; total_changes: this one wrote)."""
        conn = self._conn()
        try:
            version = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path}: {exc}") from exc
        cached = getattr(self._local, "stats", None)
        if cached is None or cached[0] != version:
            cached = self._local.stats = (version, super().stats())
        return dict(cached[1])

    def _text_matches(self, search):
        t = search.target
        return self._one(f"SELECT COUNT(*) AS n FROM {t}_fts WHERE {t}_fts MATCH ?", (fts5(search.parsed),))["n"]

    def _hint(self, search, matches):
        """For a common word, walk the newest-first index and stop at the page's end; for a rare one
        (or a speaker's statements) let SQLite fetch the few matches and sort them."""
        if matches is not None and matches >= self.ORDERED_SCAN_FROM and not search.speaker:
            return f"INDEXED BY {search.target}_order"
        return ""

    # before 3.35 SQLite has no MATERIALIZED hint (and computes a CTE used thrice each time)
    MATERIALIZED = "MATERIALIZED" if sqlite3.sqlite_version_info >= (3, 35) else ""

    def _match(self, parsed, target, joined=False):
        if joined:
            return f"f.{target}_fts MATCH ?", [fts5(parsed)]
        return f"s.n IN (SELECT rowid FROM {target}_fts WHERE {target}_fts MATCH ?)", [fts5(parsed)]

    def _ranked(self, search):
        """FTS5's rank (bm25; articles weigh a title word five times a text word, set in migration
        0008) over the matches the index feeds."""
        t = search.target
        where, params = self._where(search, joined=True)
        return f"{t}_fts f JOIN {t} s ON s.n = f.rowid", where, params, "ORDER BY f.rank, s.n", []

    def _stream(self, sql, params):
        try:  # its own connection: an export is read by whichever thread serves the response
            conn = sqlite3.connect(f"file:{os.path.abspath(self.path)}?mode=ro", uri=True, timeout=30,
                                   isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            cur = conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path}: {exc}") from exc
        return self._rows(conn, cur)

    def _rows(self, conn, cur):
        try:
            while True:
                try:
                    rows = cur.fetchmany(self.STREAM_CHUNK)
                except sqlite3.Error as exc:
                    raise StoreError(f"SQLite store {self.path}: {exc}") from exc
                if not rows:
                    return
                yield from (dict(r) for r in rows)
        finally:
            conn.close()

    def _driven_by_text(self, search):
        """The full-text index feeds its matches in rowid order to a lookup of each row, so the
        facet sample stops after FACET_SAMPLE rows instead of first collecting every match in a
        temporary table (`s.n IN (...)`). Not with a speaker or outlet filter: there SQLite's
        own plan (that column's index) reads fewer rows."""
        if search.parsed.empty or search.speaker or search.outlet:
            return None
        return f"{search.target}_fts f JOIN {search.target} s ON s.n = f.rowid"

    def close(self):
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._all.clear()
        self._local = threading.local()
