"""Ordered, named migrations, recorded in the table schema_migrations once applied.

Both SQL backends run the same list; a step is one SQL text, or a dict of texts per dialect.
Append new steps at the end; never edit or reorder an applied one.
"""
from __future__ import annotations

from datetime import datetime, timezone

TYPES = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY", "real": "REAL"},
    "postgres": {"serial": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION"},
}

CORE = """
CREATE TABLE articles (
  n {serial}, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL, url TEXT, doc_id TEXT,
  title TEXT, outlet TEXT, author TEXT, published TEXT, published_basis TEXT, origin TEXT,
  text TEXT NOT NULL, analysis TEXT NOT NULL, run_id INTEGER, ingested_at TEXT NOT NULL);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE TABLE speakers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, statements INTEGER NOT NULL DEFAULT 0);
CREATE TABLE speaker_names (
  key TEXT NOT NULL, speaker_id TEXT NOT NULL REFERENCES speakers (id), name TEXT NOT NULL,
  PRIMARY KEY (key, speaker_id, name));
CREATE INDEX speaker_names_speaker ON speaker_names (speaker_id);
CREATE TABLE statements (
  n {serial}, id TEXT NOT NULL UNIQUE, article_id TEXT NOT NULL REFERENCES articles (id), seq INTEGER NOT NULL,
  speaker_id TEXT REFERENCES speakers (id), speaker_name TEXT, kind TEXT, is_direct INTEGER NOT NULL,
  start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, spans TEXT NOT NULL, text TEXT NOT NULL, cue TEXT,
  said_date TEXT, said_year INTEGER, occasion TEXT, said_text TEXT, said_basis TEXT, confidence {real},
  fingerprint TEXT, cluster_id TEXT NOT NULL, published TEXT, outlet TEXT);
CREATE INDEX statements_article ON statements (article_id, seq);
CREATE INDEX statements_speaker ON statements (speaker_id, published);
CREATE INDEX statements_published ON statements (published);
CREATE INDEX statements_outlet ON statements (outlet, published);
CREATE INDEX statements_fingerprint ON statements (fingerprint);
CREATE INDEX statements_cluster ON statements (cluster_id);
CREATE TABLE statement_bands (band TEXT NOT NULL, statement_id TEXT NOT NULL REFERENCES statements (id));
CREATE INDEX statement_bands_band ON statement_bands (band);
CREATE TABLE claims (
  n {serial}, id TEXT NOT NULL UNIQUE, article_id TEXT NOT NULL REFERENCES articles (id), seq INTEGER NOT NULL,
  start_char INTEGER, end_char INTEGER, text TEXT NOT NULL, kind TEXT, verdict TEXT, checks TEXT,
  published TEXT, outlet TEXT);
CREATE INDEX claims_article ON claims (article_id, seq);
CREATE INDEX claims_published ON claims (published);
CREATE TABLE ingest_runs (
  id {serial}, started_at TEXT NOT NULL, finished_at TEXT, sources TEXT,
  ok INTEGER, duplicates INTEGER, errors INTEGER);
CREATE TABLE ingest_status (
  run_id INTEGER NOT NULL REFERENCES ingest_runs (id), seq INTEGER NOT NULL, doc_id TEXT, origin TEXT,
  article_id TEXT, status TEXT NOT NULL, reason TEXT, at TEXT NOT NULL, PRIMARY KEY (run_id, seq));
"""

FULL_TEXT = {
    # external-content FTS5 indexes kept by triggers (rows are only ever inserted)
    "sqlite": """
CREATE VIRTUAL TABLE statements_fts USING fts5 (text, content='statements', content_rowid='n',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts (rowid, text) VALUES (new.n, new.text); END;
CREATE VIRTUAL TABLE claims_fts USING fts5 (text, content='claims', content_rowid='n',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, text) VALUES (new.n, new.text); END;
""",
    "postgres": """
ALTER TABLE statements ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX statements_tsv ON statements USING GIN (tsv);
ALTER TABLE claims ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX claims_tsv ON claims USING GIN (tsv);
""",
}

# search results come newest first: an index in that order lets a common word's first page be read
# without sorting all its matches
ORDER_INDEXES = {
    "sqlite": """
CREATE INDEX statements_order ON statements (published DESC, article_id, seq);
CREATE INDEX claims_order ON claims (published DESC, article_id, seq);
""",
    "postgres": """
CREATE INDEX statements_order ON statements (published DESC NULLS LAST, article_id, seq);
CREATE INDEX claims_order ON claims (published DESC NULLS LAST, article_id, seq);
""",
}

# the columns the Parquet tables of a batch had and the store lacked, so that one mapping
# (corpus/rows.py) gives both the same columns; rows stored before hold NULL there (their
# analysis JSON has the same facts)
BATCH_COLUMNS = """
ALTER TABLE articles ADD COLUMN publication_date TEXT;
ALTER TABLE articles ADD COLUMN publication_year INTEGER;
ALTER TABLE articles ADD COLUMN publication_basis TEXT;
ALTER TABLE articles ADD COLUMN dateline_place TEXT;
ALTER TABLE articles ADD COLUMN chars INTEGER;
ALTER TABLE articles ADD COLUMN statement_count INTEGER;
ALTER TABLE articles ADD COLUMN speaker_count INTEGER;
ALTER TABLE articles ADD COLUMN claim_count INTEGER;
ALTER TABLE statements ADD COLUMN speaker_local TEXT;
ALTER TABLE statements ADD COLUMN source TEXT;
ALTER TABLE claims ADD COLUMN stated TEXT;
ALTER TABLE claims ADD COLUMN value {real};
ALTER TABLE claims ADD COLUMN qualifier TEXT;
ALTER TABLE claims ADD COLUMN counted TEXT;
ALTER TABLE claims ADD COLUMN place TEXT;
ALTER TABLE claims ADD COLUMN time TEXT;
ALTER TABLE claims ADD COLUMN cited_source TEXT;
ALTER TABLE claims ADD COLUMN observance TEXT;
ALTER TABLE claims ADD COLUMN score {real};
"""

# identity across the corpus (corpus/identity.py): the article speakers are what is stored, the
# corpus speakers and their links are recomputed from them; corrections and the registry survive
IDENTITY = """
CREATE TABLE article_speakers (
  article_id TEXT NOT NULL REFERENCES articles (id), speaker_local TEXT NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL, gender TEXT, gender_basis TEXT, mention_texts TEXT NOT NULL, published TEXT,
  speaker_id TEXT, link_basis TEXT, PRIMARY KEY (article_id, speaker_local));
CREATE INDEX article_speakers_speaker ON article_speakers (speaker_id);
ALTER TABLE speakers ADD COLUMN gender TEXT;
ALTER TABLE speakers ADD COLUMN gender_basis TEXT;
ALTER TABLE speakers ADD COLUMN roles TEXT;
ALTER TABLE speakers ADD COLUMN wikidata TEXT;
CREATE TABLE speaker_corrections (
  n {serial}, at TEXT NOT NULL, action TEXT NOT NULL, speaker_id TEXT NOT NULL, other TEXT, name TEXT,
  undone_at TEXT);
CREATE TABLE speaker_registry (id INTEGER PRIMARY KEY, entries TEXT NOT NULL, source TEXT, at TEXT NOT NULL);
"""

# check-worthiness: the sentences worth checking, and each claim's statement and speaker
CHECKWORTHY = """
ALTER TABLE claims ADD COLUMN statement_id TEXT;
ALTER TABLE claims ADD COLUMN speaker_name TEXT;
CREATE INDEX claims_score ON claims (score);
CREATE TABLE checkworthy (
  n {serial}, id TEXT NOT NULL UNIQUE, article_id TEXT NOT NULL REFERENCES articles (id), seq INTEGER NOT NULL,
  start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, score {real} NOT NULL,
  statement_id TEXT, speaker_name TEXT, published TEXT, outlet TEXT);
CREATE INDEX checkworthy_article ON checkworthy (article_id, seq);
CREATE INDEX checkworthy_score ON checkworthy (score);
"""

# persuasion techniques: one row per span, with who uses it; speaker_id follows the statements'
# (corpus/people.recompute sets it from article_speakers through speaker_local)
TECHNIQUES = """
CREATE TABLE techniques (
  n {serial}, id TEXT NOT NULL UNIQUE, article_id TEXT NOT NULL REFERENCES articles (id), seq INTEGER NOT NULL,
  start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, technique TEXT NOT NULL,
  confidence {real} NOT NULL, used_by TEXT NOT NULL, statement_id TEXT, speaker_local TEXT, speaker_id TEXT,
  speaker_name TEXT, published TEXT, outlet TEXT);
CREATE INDEX techniques_article ON techniques (article_id, seq);
CREATE INDEX techniques_technique ON techniques (technique, published);
CREATE INDEX techniques_statement ON techniques (statement_id, technique);
CREATE INDEX techniques_speaker ON techniques (speaker_id);
"""
# articles searchable (title and text) beside statements and claims; SQLite's FTS tables declared
# again with content="table", the quoting Datasette and sqlite-utils recognise (0002 wrote
# content='table', which they do not), their contents rebuilt from the rows, so an existing store
# keeps every match; each provenance group named for its earliest appearance (dated before undated,
# then in ingest order), as corpus/writer.py names the groups it makes from now on
_EARLIEST = """
UPDATE statements SET cluster_id = f.first FROM (
  SELECT DISTINCT s.cluster_id AS old, FIRST_VALUE(s.id) OVER (PARTITION BY s.cluster_id
    ORDER BY (s.published IS NULL), s.published, a.n, s.seq) AS first
  FROM statements s JOIN articles a ON a.id = s.article_id) f
WHERE statements.cluster_id = f.old AND f.first <> f.old;
"""
SEARCH_TARGETS = {
    "sqlite": """
DROP TRIGGER IF EXISTS statements_fts_insert;
DROP TABLE IF EXISTS statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5 (text, content="statements", content_rowid="n",
  tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts (rowid, text) VALUES (new.n, new.text); END;
DROP TRIGGER IF EXISTS claims_fts_insert;
DROP TABLE IF EXISTS claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5 (text, content="claims", content_rowid="n",
  tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, text) VALUES (new.n, new.text); END;
DROP TRIGGER IF EXISTS articles_fts_insert;
DROP TABLE IF EXISTS articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content="articles", content_rowid="n",
  tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text); END;
CREATE INDEX articles_order ON articles (published DESC, id);
""" + _EARLIEST,
    # a tsvector holds at most 1 MB of words: an article's first 200,000 characters are indexed
    "postgres": """
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', COALESCE(title, '')), 'A') || setweight(to_tsvector('english', LEFT(text, 200000)), 'B')) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE INDEX articles_order ON articles (published DESC NULLS LAST, id);
""" + _EARLIEST,
}

# the research views' counts (Store.statement_counts, technique_counts, claim_counts) read covering
# indexes instead of the rows: per outlet and month (an expression index, the month as the counts
# write it), per speaker and outlet either way round, techniques per outlet and per speaker, claims
# and check-worthy sentences per outlet and per statement (a speaker's claims)
DASHBOARD = """
CREATE INDEX statements_outlet_month ON statements (outlet, SUBSTR(published, 1, 7), published);
CREATE INDEX statements_speaker_outlet ON statements (speaker_id, outlet, published);
CREATE INDEX statements_outlet_speaker ON statements (outlet, speaker_id, published);
CREATE INDEX techniques_outlet ON techniques (outlet, published, technique, used_by);
CREATE INDEX techniques_speaker_counts ON techniques (speaker_id, speaker_name, technique, used_by, published, outlet);
CREATE INDEX claims_outlet ON claims (outlet, published, score);
CREATE INDEX claims_statement ON claims (statement_id);
CREATE INDEX checkworthy_outlet ON checkworthy (outlet, published, score);
CREATE INDEX checkworthy_statement ON checkworthy (statement_id);
"""

MIGRATIONS = [
    ("0001_core_tables", CORE),
    ("0002_full_text", FULL_TEXT),
    ("0003_result_order", ORDER_INDEXES),
    ("0004_batch_columns", BATCH_COLUMNS),
    ("0005_identity", IDENTITY),
    ("0006_checkworthy", CHECKWORTHY),
    ("0007_techniques", TECHNIQUES),
    ("0008_search_targets", SEARCH_TARGETS),
    ("0009_dashboard", DASHBOARD),
]

TABLE = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"


def statements_for(step, dialect: str) -> list[str]:
    sql = step[dialect] if isinstance(step, dict) else step
    sql = sql.format(**TYPES[dialect]) if "{" in sql else sql
    if dialect == "sqlite":  # a trigger body holds ";": split on ";" at line ends only
        parts = [p.strip() for p in sql.split(";\n")]
    else:
        parts = [p.strip() for p in sql.split(";")]
    return [p.rstrip(";") + (";" if p.rstrip().endswith("END") else "") for p in parts if p.strip()]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def migrate(store, dialect: str) -> list[str]:
    """Apply pending migrations through `store` (an SQL store) inside its write transaction."""
    applied = []
    with store.transaction():
        store._x(TABLE)
        done = {r["name"] for r in store._q("SELECT name FROM schema_migrations")}
        for name, step in MIGRATIONS:
            if name in done:
                continue
            for sql in statements_for(step, dialect):
                store._x(sql)
            store._x("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (name, now()))
            applied.append(name)
    return applied
