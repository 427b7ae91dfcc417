"""The team store: PostgreSQL through psycopg 3, the same tables and migrations as SQLite, full text
with a generated tsvector column and a GIN index.

The search is compiled to tsquery functions whose every word is a parameter. One connection per
thread, in autocommit; writes and multi-query reads open a transaction (reads REPEATABLE READ),
and write transactions take an advisory lock so they run one at a time, as in SQLite.
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import StoreError
from ..extras import require
from .sql import TIE, SQLStore

_PLACEHOLDER = re.compile(r"\?")
_SCHEMA = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
MIGRATION_LOCK = 5750912  # advisory lock keys: one migrator at a time (per database) ...
WRITE_LOCK = 5750913  # ... and one write transaction at a time per schema (with hashtext of its name)


def split_url(url: str) -> tuple[str, str | None]:
    """(libpq URL, schema): our own `schema=NAME` query parameter is taken out of the URL."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    if schema is not None and not _SCHEMA.match(schema):
        raise StoreError(f"schema {schema!r}: use lower-case letters, digits and _")
    return urlunsplit(parts._replace(query=rest)), schema


def tsquery(parsed) -> tuple[str, list]:
    params: list = []

    def term(t):
        if t.prefix:
            params.append(" <-> ".join(t.words[:-1] + (t.words[-1] + ":*",)))
            return "to_tsquery('english', ?)"
        params.append(" ".join(t.words))
        return "phraseto_tsquery('english', ?)"
    expr = " && ".join("(" + " || ".join(term(t) for t in clause) + ")" for clause in parsed.clauses)
    for t in parsed.exclude:
        expr += " && !!" + term(t)
    return expr, params


class PostgresStore(SQLStore):
    dialect = "postgres"

    def __init__(self, url: str, readonly: bool = False):
        require("postgres", "a PostgreSQL store")  # psycopg is imported here only: the core never needs it
        self.url = url
        self.readonly = readonly
        self._dsn, self.schema = split_url(url)
        self._local = threading.local()
        self._all: list = []
        self._lock = threading.Lock()

    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            import psycopg
            from psycopg.rows import dict_row
            try:
                conn = psycopg.connect(self._dsn, autocommit=True, row_factory=dict_row)
                if self.schema:
                    conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                    conn.execute(f'SET search_path TO "{self.schema}"')
                if self.readonly:
                    conn.execute("SET default_transaction_read_only = on")
            except psycopg.Error as exc:
                raise StoreError(f"cannot connect to PostgreSQL ({_safe(self._dsn)}): {str(exc).strip()}") from None
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _sql(self, sql):
        return _PLACEHOLDER.sub("%s", sql)

    def _q(self, sql, params=(), plain=False):
        import psycopg
        try:
            cur = self._conn().execute(self._sql(sql), params)
            rows = list(cur.fetchall()) if cur.description else []
            return [tuple(r.values()) for r in rows] if plain else rows
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL store: {str(exc).strip()}") from exc

    def _x(self, sql, params=()):
        import psycopg
        try:
            self._conn().execute(self._sql(sql), params)
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL store: {str(exc).strip()}") from exc

    def _many(self, sql, rows):
        import psycopg
        rows = list(rows)
        if not rows:
            return
        try:
            with self._conn().cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL store: {str(exc).strip()}") from exc

    @contextmanager
    def transaction(self):
        """A write transaction; the outermost one first takes this schema's write lock, so writers
        run one after another as SQLite's BEGIN IMMEDIATE makes them: at READ COMMITTED each later
        statement then sees what the previous writer committed (the speaker merge and the duplicate
        check of two concurrent ingests would otherwise both read the corpus before either writes)."""
        conn = self._conn()
        outermost = conn.info.transaction_status == 0  # idle: not inside a transaction yet
        with conn.transaction():
            if outermost:
                self._x("SELECT pg_advisory_xact_lock(?, hashtext(COALESCE(current_schema(), '')))", (WRITE_LOCK,))
            yield

    @contextmanager
    def snapshot(self):
        conn = self._conn()
        if conn.info.transaction_status != 0:  # already inside a transaction
            yield
            return
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield

    def migrate(self):
        with self.transaction():
            self._x("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))  # one migrator at a time
            return super().migrate()

    def _match(self, parsed, target, joined=False):
        expr, params = tsquery(parsed)
        return f"s.tsv @@ ({expr})", params

    def _ranked(self, search):
        """ts_rank of the words (an article's title weighs more: weight A) over the matches."""
        where, params = self._where(search)
        expr, rank_params = tsquery(search.parsed)
        order = f"ORDER BY ts_rank(s.tsv, ({expr})) DESC, s.published DESC NULLS LAST, {TIE[search.target]}"
        return f"{search.target} s", where, params, order, rank_params

    def _stream(self, sql, params):
        """A server-side cursor on a connection of its own, read STREAM_CHUNK rows at a time."""
        import psycopg
        from psycopg.rows import dict_row
        try:
            conn = psycopg.connect(self._dsn, row_factory=dict_row)
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            if self.schema:
                conn.execute(f'SET search_path TO "{self.schema}"')
            cur = conn.cursor(name="presswatch_export")
            cur.itersize = self.STREAM_CHUNK
            cur.execute(self._sql(sql), params)
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL store: {str(exc).strip()}") from exc
        return self._rows(conn, cur)

    STREAM_CHUNK = 500

    def _rows(self, conn, cur):
        import psycopg
        try:
            yield from cur
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL store: {str(exc).strip()}") from exc
        finally:
            conn.close()

    def close(self):
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except Exception:
                    pass
            self._all.clear()
        self._local = threading.local()


def _safe(dsn: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", dsn)
