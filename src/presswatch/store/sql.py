"""What the SQLite and PostgreSQL stores share: every query, written once with ? placeholders.

A backend supplies the connection (`_q`, `_x`, `transaction`) and `_match`, the full-text condition
compiled from a parsed search. Values always travel as parameters, never inside the SQL text.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Iterator, Optional

from ..corpus.rows import (ARTICLE_COLUMNS, ARTICLE_SPEAKER_COLUMNS as ARTICLE_SPEAKER_ROW, CLAIM_COLUMNS,
                           CHECKWORTHY_COLUMNS, CORPUS_SPEAKER_COLUMNS as SPEAKER_ROW, STATEMENT_COLUMNS,
                           TECHNIQUE_COLUMNS, article_speaker_row)
from ..corpus.export import COLUMNS
from ..errors import SearchSyntaxError
from . import migrations
from .base import ClaimCounts, Page, Search, StatementCounts, Store, TechniqueCounts, claim_count_key

# a hit (and an export row) holds corpus.export.COLUMNS[target]: each column is the searched row's
# own (s.col) unless named here
SELECT_OF = {
    "statements": {"type": "'statement'", "speaker": "COALESCE(sp.name, s.speaker_name)", "speaker_kind": "sp.kind",
                   "title": "a.title", "url": "a.url"},
    "claims": {"type": "'claim'", "speaker": "s.speaker_name", "title": "a.title", "url": "a.url"},
    "articles": {"type": "'article'", "article_id": "s.id"},
}
# a statement's techniques, "; "-separated in name order (an index lookup per hit)
TECHNIQUES_OF = {
    "sqlite": "(SELECT group_concat(technique, '; ') FROM (SELECT DISTINCT technique FROM techniques tq "
              "WHERE tq.statement_id = s.id ORDER BY technique))",
    "postgres": "(SELECT string_agg(DISTINCT technique, '; ' ORDER BY technique) FROM techniques tq "
                "WHERE tq.statement_id = s.id)",
}
HIT_COLUMNS = {dialect: {t: ", ".join(f"{dict(SELECT_OF[t], techniques=agg).get(c, 's.' + c)} AS {c}"
                                      for c in ("type",) + COLUMNS[t]) for t in SELECT_OF}
               for dialect, agg in TECHNIQUES_OF.items()}
JOINS = {
    "statements": "JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id",
    "claims": "JOIN articles a ON a.id = s.article_id",
    "articles": "",
}
# technique counts: the group's columns (and what they are grouped on), read from techniques t
COUNT_GROUPS = {
    "speaker": ("t.speaker_id AS speaker_id, COALESCE(sp.name, t.speaker_name) AS speaker, ",
                "t.speaker_id, COALESCE(sp.name, t.speaker_name), "),
    "outlet": ("t.outlet AS outlet, ", "t.outlet, "),
    "month": ("SUBSTR(t.published, 1, 7) AS month, ", "SUBSTR(t.published, 1, 7), "),
    "technique": ("", ""),
}
COUNT_ORDER = {"month": "ORDER BY month NULLS LAST, total DESC, technique",
               "speaker": "ORDER BY total DESC, speaker NULLS LAST, speaker_id NULLS LAST, technique",
               "outlet": "ORDER BY total DESC, outlet NULLS LAST, technique",
               "technique": "ORDER BY total DESC, technique"}
TIE = {"statements": "s.article_id, s.seq", "claims": "s.article_id, s.seq", "articles": "s.id"}
FACET_LIMIT = 10  # values shown per facet
FACET_SAMPLE = 3000  # facets count at most this many matches


def count_facets(target: str, rows, speaker_names) -> dict:
    """Facets from (speaker_id, outlet, year) rows; speaker_names(ids) -> {id: name}."""
    speakers: Counter = Counter()
    outlets: Counter = Counter()
    years: Counter = Counter()
    for sid, outlet, year in rows:
        speakers[sid] += 1
        outlets[outlet] += 1
        years[year] += 1
    return order_facets(target, speakers, outlets, years, speaker_names)


def order_facets(target: str, speakers, outlets, years, speaker_names) -> dict:
    """The facets shown from counts per speaker id, outlet and year (mappings value -> n; None: no
    value). Each facet ends with its bucket of matches without a value, (None, n) (speakers: (None,
    None, n), the statements of no corpus speaker: an unresolved "he", "a spokesman"), so the counts
    of a facet add up to the matches counted (the FACET_LIMIT most frequent values and that bucket)."""
    out: dict = {}
    if target == "statements":
        names = speaker_names([sid for sid in speakers if sid])
        out["speaker"] = sorted(((sid, names[sid], n) for sid, n in speakers.items() if sid in names),
                                key=lambda x: (-x[2], x[1]))[:FACET_LIMIT]
        nobody = sum(n for sid, n in speakers.items() if sid not in names)
        out["speaker"] += [(None, None, nobody)] if nobody else []
    out["outlet"] = sorted(((k, n) for k, n in outlets.items() if k), key=lambda x: (-x[1], x[0]))[:FACET_LIMIT]
    out["year"] = sorted(((k, n) for k, n in years.items() if k), reverse=True)
    for name, counts in (("outlet", outlets), ("year", years)):
        none = sum(n for k, n in counts.items() if not k)
        out[name] += [(None, none)] if none else []
    return out


class SQLStore(Store):
    dialect = "sqlite"

    # supplied by the backend
    def _q(self, sql: str, params=(), plain: bool = False) -> list:
        """Rows as dicts (as tuples when `plain`)."""
        raise NotImplementedError

    def _x(self, sql: str, params=()) -> None:
        raise NotImplementedError

    def _many(self, sql: str, rows) -> None:
        for r in rows:
            self._x(sql, r)

    def _match(self, parsed, target: str, joined: bool = False) -> tuple[str, list]:
        raise NotImplementedError

    def _driven_by_text(self, search: Search) -> Optional[str]:
        """A FROM clause (rows `s`) that reads the matches of the words in storage order and can
        stop at a LIMIT, for the facet sample; None: `{target} s` with the plain WHERE."""
        return None

    def _text_matches(self, search: Search) -> Optional[int]:
        """How many rows the words alone match, where the backend can tell cheaply (else None)."""
        return None

    def _hint(self, search: Search, matches: Optional[int]) -> str:
        """Text to put after the table name of the hits query (a backend's index hint)."""
        return ""

    MATERIALIZED = "MATERIALIZED"  # the facet CTE is read three times: compute it once

    def _one(self, sql, params=()) -> Optional[dict]:
        rows = self._q(sql, params)
        return rows[0] if rows else None

    # -- lifecycle
    def migrate(self) -> list[str]:
        return migrations.migrate(self, self.dialect)

    # -- writing
    def start_run(self, sources):
        with self.transaction():
            return self._one("INSERT INTO ingest_runs (started_at, sources) VALUES (?, ?) RETURNING id",
                             (migrations.now(), json.dumps(list(sources))))["id"]

    def finish_run(self, run_id, counts):
        with self.transaction():
            self._x("UPDATE ingest_runs SET finished_at = ?, ok = ?, duplicates = ?, errors = ? WHERE id = ?",
                    (migrations.now(), counts.get("ok", 0), counts.get("duplicate", 0),
                     counts.get("error", 0), run_id))

    def add_status(self, run_id, seq, doc_id, origin, article_id, status, reason):
        self._x("INSERT INTO ingest_status (run_id, seq, doc_id, origin, article_id, status, reason, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (run_id, seq, doc_id, origin, article_id, status, reason, migrations.now()))

    def has_article(self, article_id):
        return self._one("SELECT 1 AS x FROM articles WHERE id = ?", (article_id,)) is not None

    # -- identity (corpus/identity.py computes it; the store keeps what it is given)
    def article_speakers(self):
        rows = self._q("SELECT article_id, speaker_local, name, kind, gender, gender_basis, mention_texts, "
                       "published FROM article_speakers ORDER BY article_id, speaker_local")
        return [dict(r, mention_texts=json.loads(r["mention_texts"])) for r in rows]

    def articles_without_speakers(self):
        return self._q("SELECT id, published, analysis FROM articles a WHERE NOT EXISTS "
                       "(SELECT 1 FROM article_speakers s WHERE s.article_id = a.id) ORDER BY id")

    def add_article_speakers(self, rows):
        self._insert("article_speakers", ARTICLE_SPEAKER_ROW, rows)

    def replace_identity(self, speakers, names, links):
        self._x("UPDATE statements SET speaker_id = NULL WHERE speaker_id IS NOT NULL")
        self._x("DELETE FROM speaker_names")
        self._x("DELETE FROM speakers")
        self._insert("speakers", SPEAKER_ROW, speakers)
        self._many("INSERT INTO speaker_names (key, speaker_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   sorted(set(names)))
        self._many("UPDATE article_speakers SET speaker_id = ?, link_basis = ? WHERE article_id = ? AND speaker_local = ?",
                   [(sid, basis, aid, local) for aid, local, sid, basis in links])
        self._x("UPDATE statements SET speaker_id = (SELECT a.speaker_id FROM article_speakers a "
                "WHERE a.article_id = statements.article_id AND a.speaker_local = statements.speaker_local) "
                "WHERE speaker_local IS NOT NULL")
        self._x("UPDATE techniques SET speaker_id = (SELECT a.speaker_id FROM article_speakers a "
                "WHERE a.article_id = techniques.article_id AND a.speaker_local = techniques.speaker_local) "
                "WHERE speaker_local IS NOT NULL OR speaker_id IS NOT NULL")
        self._x("UPDATE speakers SET statements = (SELECT COUNT(*) FROM statements s WHERE s.speaker_id = speakers.id)")

    def speakers_by_keys(self, keys, name):
        marks = ", ".join("?" * len(keys)) or "NULL"
        return [r["speaker_id"] for r in self._q(
            f"SELECT DISTINCT speaker_id FROM speaker_names WHERE key IN ({marks}) OR name = ?", (*keys, name))]

    def corrections(self):
        return self._q("SELECT n, at, action, speaker_id, other, name, undone_at FROM speaker_corrections ORDER BY n")

    def add_correction(self, action, speaker_id, other=None, name=None):
        return self._one("INSERT INTO speaker_corrections (at, action, speaker_id, other, name) VALUES (?, ?, ?, ?, ?) "
                         "RETURNING n", (migrations.now(), action, speaker_id, other, name))["n"]

    def undo_correction(self, n):
        row = self._one("SELECT n FROM speaker_corrections WHERE n = ? AND undone_at IS NULL", (n,))
        if row is not None:
            self._x("UPDATE speaker_corrections SET undone_at = ? WHERE n = ?", (migrations.now(), n))
        return row is not None

    def registry(self):
        row = self._one("SELECT entries FROM speaker_registry WHERE id = 1")
        return row["entries"] if row else None

    def set_registry(self, entries_json, source=None):
        self._x("DELETE FROM speaker_registry")
        self._x("INSERT INTO speaker_registry (id, entries, source, at) VALUES (1, ?, ?, ?)",
                (entries_json, source, migrations.now()))

    def cluster_by_fingerprint(self, fingerprint):
        row = self._one("SELECT cluster_id FROM statements WHERE fingerprint = ? LIMIT 1", (fingerprint,))
        return row["cluster_id"] if row else None

    def band_candidates(self, bands):
        if not bands:
            return []
        marks = ", ".join("?" * len(bands))
        rows = self._q("SELECT DISTINCT s.cluster_id, s.text FROM statement_bands b JOIN statements s "
                       f"ON s.id = b.statement_id WHERE b.band IN ({marks}) LIMIT 100", tuple(bands))
        return [(r["cluster_id"], r["text"]) for r in rows]

    def add_bands(self, statement_id, bands):
        self._many("INSERT INTO statement_bands (band, statement_id) VALUES (?, ?)",
                   [(b, statement_id) for b in bands])

    def statement_published(self, statement_id):
        row = self._one("SELECT published FROM statements WHERE id = ?", (statement_id,))
        return row["published"] if row else None

    def rename_group(self, old, new):
        self._x("UPDATE statements SET cluster_id = ? WHERE cluster_id = ?", (new, old))

    def add_article(self, rows):
        article = dict(rows.article, ingested_at=migrations.now())
        self._insert("articles", ARTICLE_COLUMNS + ("ingested_at",), [article])
        self._insert("statements", STATEMENT_COLUMNS, rows.statements)
        self._insert("claims", CLAIM_COLUMNS, rows.claims)
        self._insert("article_speakers", ARTICLE_SPEAKER_ROW, [article_speaker_row(sp, rows.article) for sp in rows.speakers])
        self._insert("checkworthy", CHECKWORTHY_COLUMNS, rows.checkworthy)
        self._insert("techniques", TECHNIQUE_COLUMNS, rows.techniques)

    def _insert(self, table: str, columns, rows) -> None:
        """Rows (dicts) into `table`; names come from corpus.rows, values travel as parameters."""
        if rows:
            self._many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                       [tuple(r[c] for c in columns) for r in rows])

    # -- reading
    def _where(self, search: Search, joined: bool = False) -> tuple[str, list]:
        """The WHERE clause and its parameters; `joined`: the text condition for a query whose FROM
        is the backend's `_driven_by_text` join. The search is checked (Search.checked)."""
        parsed = search.parsed
        conds, params = [], []
        if not parsed.empty:
            sql, p = self._match(parsed, search.target, joined)
            conds.append(sql)
            params += p
        if search.speaker:
            wanted = self.speaker_ids(search)
            conds.append(f"s.speaker_id IN ({', '.join('?' * len(wanted))})")
            params += wanted
        if search.technique:  # checked(): only statements take it
            conds.append("EXISTS (SELECT 1 FROM techniques t WHERE t.statement_id = s.id AND t.technique = ?)")
            params.append(search.technique)
        for col, op, value in (("outlet", "=", search.outlet), ("published", ">=", search.since),
                               ("published", "<=", search.until)):
            if value is not None:
                conds.append(f"s.{col} {op} ?")
                params.append(value)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def _order(self, search: Search) -> str:
        t = search.target
        if search.order == "score":
            return f"ORDER BY s.score DESC NULLS LAST, s.published DESC NULLS LAST, {TIE[t]}"
        return f"{self.ORDER_BY_DATE} {TIE[t]}"

    ORDER_BY_DATE = "ORDER BY s.published DESC NULLS LAST,"  # newest first, undated last

    def _ranked(self, search: Search) -> tuple[str, str, list, str, list]:
        """(FROM, WHERE, its params, ORDER BY, its params) of a search by relevance (a backend's)."""
        raise NotImplementedError

    def _plan(self, search: Search, matches: Optional[int]) -> tuple[str, list]:
        """The SELECT of a checked search's hits, without LIMIT, and its parameters."""
        t = search.target
        if search.order == "relevance":
            from_, where, params, order, order_params = self._ranked(search)
            return f"SELECT {HIT_COLUMNS[self.dialect][t]} FROM {from_} {JOINS[t]}{where} {order}", params + order_params
        where, params = self._where(search)
        from_ = f"{t} s {self._hint(search, matches)} {JOINS[t]}"
        return f"SELECT {HIT_COLUMNS[self.dialect][t]} FROM {from_}{where} {self._order(search)}", params

    def search(self, search, facets=False):
        search = search.checked()
        t = search.target
        only_words = not (search.speaker or search.outlet or search.since or search.until or search.technique)
        with self.snapshot():
            matches = self._text_matches(search) if not search.parsed.empty else None
            sql, params = self._plan(search, matches)
            hits = self._q(f"{sql} LIMIT ? OFFSET ?", (*params, search.limit, search.offset))
            if search.offset == 0 and len(hits) < search.limit:
                total = len(hits)
            elif only_words and matches is not None:
                total = matches
            else:  # the filters are all on the searched row: no join needed to count
                where, params = self._where(search)
                total = self._one(f"SELECT COUNT(*) AS n FROM {t} s{where}", tuple(params))["n"]
            page = Page(hits, total)
            if facets:
                page.facets, page.facet_sample = self._facets(search, total)
        return page

    def export(self, search):
        search = search.checked(paged=False)
        with self.snapshot():
            sql, params = self._plan(search, None)
        return self._stream(sql, params)

    def _stream(self, sql: str, params: list) -> Iterator[dict]:
        """The rows of one query, read a chunk at a time on a connection of its own (the caller may
        read them on another thread, and the rows are one state of the store)."""
        raise NotImplementedError

    def _facets(self, search, total):
        """Speaker, outlet and year counts over the matches, or over the first FACET_SAMPLE of them
        in storage order when there are more (Page.facet_sample says so). The matches are read once
        (a materialized CTE) and counted by the database."""
        t = search.target
        speaker = "s.speaker_id" if t == "statements" else "NULL"
        source = self._driven_by_text(search)
        where, params = self._where(search, joined=source is not None)
        rows = self._q(f"WITH m AS {self.MATERIALIZED} (SELECT {speaker} AS sp, s.outlet AS o, "
                       f"SUBSTR(s.published, 1, 4) AS y FROM {source or t + ' s'}{where} LIMIT ?) "
                       "SELECT 0, m.sp, COUNT(*), p.name FROM m LEFT JOIN speakers p ON p.id = m.sp GROUP BY m.sp, p.name "
                       "UNION ALL SELECT 1, o, COUNT(*), NULL FROM m GROUP BY o "
                       "UNION ALL SELECT 2, y, COUNT(*), NULL FROM m GROUP BY y",
                       (*params, FACET_SAMPLE), plain=True)
        counts: tuple[dict, dict, dict] = ({}, {}, {})
        names = {}
        for which, value, n, name in rows:
            counts[which][value] = counts[which].get(value, 0) + n
            if which == 0 and name is not None:
                names[value] = name
        facets = order_facets(t, *counts, lambda ids: names)
        return facets, (FACET_SAMPLE if total > FACET_SAMPLE else None)

    # what article(), speaker() and statement() read: every stored column (statements also under
    # `speaker`, the corpus speaker's name where there is one)
    _ARTICLE = ", ".join(ARTICLE_COLUMNS + ("ingested_at",))
    _STATEMENT = ", ".join(f"s.{c}" for c in STATEMENT_COLUMNS) + ", COALESCE(sp.name, s.speaker_name) AS speaker"
    _CLAIM = ", ".join(CLAIM_COLUMNS)

    def article(self, article_id):
        with self.snapshot():
            a = self._one(f"SELECT {self._ARTICLE} FROM articles WHERE id = ?", (article_id,))
            if a is None:
                return None
            a["statements"] = self._q(f"SELECT {self._STATEMENT} FROM statements s LEFT JOIN speakers sp "
                                      "ON sp.id = s.speaker_id WHERE s.article_id = ? ORDER BY s.seq", (article_id,))
            a["claims"] = self._q(f"SELECT {self._CLAIM} FROM claims WHERE article_id = ? ORDER BY seq", (article_id,))
            a["checkworthy"] = self._q(f"SELECT {', '.join(CHECKWORTHY_COLUMNS)} FROM checkworthy "
                                       "WHERE article_id = ? ORDER BY seq", (article_id,))
            a["techniques"] = self._q(f"SELECT {', '.join('t.' + c for c in TECHNIQUE_COLUMNS)}, "
                                      "COALESCE(sp.name, t.speaker_name) AS speaker FROM techniques t "
                                      "LEFT JOIN speakers sp ON sp.id = t.speaker_id WHERE t.article_id = ? "
                                      "ORDER BY t.seq", (article_id,))
        return a

    def technique_counts(self, counts: TechniqueCounts) -> list[dict]:
        counts = counts.checked()
        conds, params = [], []
        if counts.speaker:
            wanted = self.speaker_ids(counts)
            conds.append(f"t.speaker_id IN ({', '.join('?' * len(wanted))})")
            params += wanted
        for col, op, value in (("technique", "=", counts.technique), ("outlet", "=", counts.outlet),
                               ("used_by", "=", counts.used_by),
                               ("published", ">=", counts.since), ("published", "<=", counts.until)):
            if value is not None:
                conds.append(f"t.{col} {op} ?")
                params.append(value)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        shown, grouped = COUNT_GROUPS[counts.by]
        sums = ("SUM(CASE WHEN t.used_by = 'speaker' THEN 1 ELSE 0 END) AS used_by_speaker, "
                "SUM(CASE WHEN t.used_by = 'speaker' THEN 0 ELSE 1 END) AS used_by_outlet, COUNT(*) AS total")
        if counts.by == "speaker":  # counted per speaker id first (an index scan), then the few groups joined
            sql = ("SELECT t.speaker_id AS speaker_id, COALESCE(sp.name, t.speaker_name) AS speaker, t.technique AS "
                   "technique, CAST(SUM(t.used_by_speaker) AS BIGINT) AS used_by_speaker, CAST(SUM(t.used_by_outlet) "
                   "AS BIGINT) AS used_by_outlet, CAST(SUM(t.total) AS BIGINT) AS total FROM (SELECT t.speaker_id, "
                   f"t.speaker_name, t.technique, {sums} FROM techniques t{where} GROUP BY t.speaker_id, "
                   "t.speaker_name, t.technique) t LEFT JOIN speakers sp ON sp.id = t.speaker_id "
                   f"GROUP BY {grouped}t.technique {COUNT_ORDER[counts.by]}")
        else:
            sql = f"SELECT {shown}t.technique AS technique, {sums} FROM techniques t{where} GROUP BY {grouped}t.technique " \
                  f"{COUNT_ORDER[counts.by]}"
        with self.snapshot():
            return self._q(sql, tuple(params))

    def statement_counts(self, counts: StatementCounts) -> list[dict]:
        """Counted in two steps: statements grouped by speaker id (and outlet, month) on the indexes of
        0009, then that small result joined to the speakers (and regrouped by gender)."""
        counts = counts.checked()
        conds, params = _filters("s", counts.outlet, counts.since, counts.until)
        if counts.speakers:
            conds.append(f"s.speaker_id IN ({', '.join('?' * len(counts.speakers))})")
            params += list(counts.speakers)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        inner = [c for b, c in (("speaker", "s.speaker_id AS speaker_id"), ("gender", "s.speaker_id AS speaker_id"),
                                ("outlet", "s.outlet AS outlet"), ("month", "SUBSTR(s.published, 1, 7) AS month"))
                 if b in counts.by]
        outer = [c for b, c in (("outlet", "c.outlet"), ("month", "c.month")) if b in counts.by]
        person = ["sp.kind AS kind", "sp.gender AS gender", "sp.gender_basis AS gender_basis"]
        sql = f"SELECT {', '.join(inner)}, COUNT(*) AS n FROM statements s{where} GROUP BY {', '.join(str(i + 1) for i in range(len(inner)))}"
        if "speaker" in counts.by:
            sql = (f"SELECT {', '.join(['c.speaker_id', 'sp.name AS speaker'] + person + outer)}, c.n AS n "
                   f"FROM ({sql}) c LEFT JOIN speakers sp ON sp.id = c.speaker_id")
        elif "gender" in counts.by:
            groups = ["sp.kind", "sp.gender", "sp.gender_basis"] + outer
            sql = (f"SELECT {', '.join(person + outer)}, CAST(SUM(c.n) AS BIGINT) AS n FROM ({sql}) c "
                   f"LEFT JOIN speakers sp ON sp.id = c.speaker_id GROUP BY {', '.join(groups)}")
        keys = counts.columns[:-1]
        order = ", ".join(f"{k} NULLS LAST" for k in keys)
        with self.snapshot():
            return self._q(f"SELECT * FROM ({sql}) r ORDER BY n DESC, {order}", tuple(params))

    def claim_counts(self, counts: ClaimCounts) -> list[dict]:
        counts = counts.checked()
        key = "outlet" if counts.by == "outlet" else "SUBSTR(x.published, 1, 7)"
        out: dict = {}
        with self.snapshot():
            for table, score in (("claims", "x.score"), ("checkworthy", "x.score")):
                conds, params = _filters("x", counts.outlet, counts.since, counts.until)
                if counts.speaker:
                    conds.append("x.statement_id IN (SELECT id FROM statements WHERE speaker_id = ?)")
                    params.append(counts.speaker)
                where = (" WHERE " + " AND ".join(conds)) if conds else ""
                for r in self._q(f"SELECT {key} AS k, COUNT(*) AS n, SUM(CASE WHEN {score} >= ? THEN 1 ELSE 0 END) AS w "
                                 f"FROM {table} x{where} GROUP BY {key}", (counts.floor, *params)):
                    row = out.setdefault(r["k"], {counts.by: r["k"], "claims": 0, "checkworthy_claims": 0,
                                                  "checkworthy_sentences": 0})
                    if table == "claims":
                        row["claims"], row["checkworthy_claims"] = r["n"], int(r["w"] or 0)
                    else:
                        row["checkworthy_sentences"] = int(r["w"] or 0)
        return sorted(out.values(), key=claim_count_key(counts.by))

    def speaker(self, speaker_id, limit=None):
        with self.snapshot():
            sp = self._one("SELECT id, name, kind, statements, gender, gender_basis, roles, wikidata FROM speakers "
                           "WHERE id = ?", (speaker_id,))
            if sp is None:
                return None
            sp["names"] = [r["name"] for r in self._q(
                "SELECT DISTINCT name FROM speaker_names WHERE speaker_id = ? ORDER BY name", (speaker_id,))]
            sp["statements"] = self._q(
                f"SELECT {self._STATEMENT}, a.title, a.url FROM statements s JOIN articles a ON a.id = s.article_id "
                "LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.speaker_id = ? "
                "ORDER BY (COALESCE(s.said_date, s.published) IS NULL), COALESCE(s.said_date, s.published), "
                "a.n, s.seq" + (" LIMIT ?" if limit is not None else ""),
                (speaker_id,) + ((limit,) if limit is not None else ()))
            sp["statement_total"] = len(sp["statements"]) if limit is None else self._one(
                "SELECT COUNT(*) AS n FROM statements WHERE speaker_id = ?", (speaker_id,))["n"]
        return sp

    def speaker_name(self, speaker_id):
        row = self._one("SELECT name FROM speakers WHERE id = ?", (speaker_id,))
        return row["name"] if row else None

    def speakers(self, limit=200):
        return self._q("SELECT id, name, kind, statements, gender FROM speakers ORDER BY statements DESC, name LIMIT ?",
                       (limit,))

    def statement(self, statement_id):
        with self.snapshot():
            st = self._one(f"SELECT {self._STATEMENT}, a.title, a.url FROM statements s JOIN articles a "
                           "ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id = ?",
                           (statement_id,))
            if st is None:
                return None
            st["provenance"] = self._q(
                f"SELECT {self._STATEMENT}, a.title, a.url FROM statements s JOIN articles a ON a.id = s.article_id "
                "LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.cluster_id = ? "
                "ORDER BY (s.published IS NULL), s.published, a.n, s.seq", (st["cluster_id"],))
        return st

    def runs(self, limit=20):
        return self._q("SELECT id, started_at, finished_at, sources, ok, duplicates, errors FROM ingest_runs "
                       "ORDER BY id DESC LIMIT ?", (limit,))

    def statuses(self, run_id):
        return self._q("SELECT run_id, seq, doc_id, origin, article_id, status, reason FROM ingest_status "
                       "WHERE run_id = ? ORDER BY seq", (run_id,))

    def stats(self):
        with self.snapshot():
            return {t: self._one(f"SELECT COUNT(*) AS n FROM {t}")["n"]
                    for t in ("articles", "statements", "speakers", "claims")}


def _filters(alias: str, outlet, since, until) -> tuple[list, list]:
    """The outlet and publication-date conditions on rows `alias`, and their parameters."""
    conds, params = [], []
    for col, op, value in (("outlet", "=", outlet), ("published", ">=", since), ("published", "<=", until)):
        if value is not None:
            conds.append(f"{alias}.{col} {op} ?")
            params.append(value)
    return conds, params
