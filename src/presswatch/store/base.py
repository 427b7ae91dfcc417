"""The store interface: what ingest writes and what search, the CLI and the web app read.

Three backends implement it: memory (tests), sqlite (default, one file) and postgres (teams). Rows
cross the interface as plain dicts; every backend passes the same contract tests.
"""
from __future__ import annotations

import calendar
import re
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterator, Optional

from ..errors import SearchSyntaxError
from ..nlp.techniques.definitions import technique_named, unknown_technique
from .query import Parsed, parse

TARGETS = ("statements", "claims", "articles")
ORDERS = ("date", "relevance", "score")
MAX_LIMIT = 1000  # a page of results; an export (Store.export) has no cap
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def checked_date(name: str, value: str, end: bool) -> str:
    """A date filter as a full day (a year or month: its first day, or its last when `end`), or
    SearchSyntaxError naming the filter, the value and how to write it."""
    m = _DATE.match(value)
    try:
        if m is None:
            raise ValueError
        y, mo, d = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
        if d is None:
            d = calendar.monthrange(y, mo)[1] if end else 1
        return date(y, mo, int(d)).isoformat()
    except ValueError:
        raise SearchSyntaxError(f"{name} {value!r} is not a date; write it as 2024-04-05, 2024-04 or 2024") from None


@dataclass(frozen=True)
class Search:
    """One search: words (see store.query) and filters; every field optional."""
    text: str = ""
    speaker: Optional[str] = None  # a speaker id or any name the speaker is known by
    speaker_keys: tuple = ()  # the name's keys (corpus.names.query_keys), which the caller works out
    outlet: Optional[str] = None
    since: Optional[str] = None  # ISO date (or year, year-month), inclusive
    until: Optional[str] = None
    target: str = "statements"  # statements | claims | articles (title and text)
    order: str = "date"  # date (newest first) | relevance (the best matches of the words first) |
    #                      score (claims: the most check-worthy first)
    limit: int = 50
    offset: int = 0
    technique: Optional[str] = None  # statements holding a span of this technique (PTC's name)

    def checked(self, paged: bool = True) -> "Search":
        """This search with dates widened to full days, or SearchSyntaxError saying what is wrong
        (`paged`: limit and offset are checked too; an export reads every match)."""
        if self.target not in TARGETS:
            raise SearchSyntaxError(f"cannot search {self.target!r}; search one of: {', '.join(TARGETS)}")
        technique = checked_technique(self.technique)
        if technique and self.target != "statements":
            raise SearchSyntaxError(f"a technique filter applies to statements, not {self.target}")
        dates = checked_dates(self.since, self.until)
        if self.order not in ORDERS or self.order == "score" and self.target != "claims":
            raise SearchSyntaxError(f"cannot order {self.target} by {self.order!r}: order by date or relevance "
                                    "(claims also by score)")
        if self.order == "relevance" and self.parsed.empty:
            raise SearchSyntaxError("order by relevance needs words to search for; give some, or order by date")
        if (self.speaker or "").strip() and self.target != "statements":
            raise SearchSyntaxError(f"a speaker filter applies to statements, not {self.target}")
        if paged and not (1 <= self.limit <= MAX_LIMIT):
            raise SearchSyntaxError(f"limit must be between 1 and {MAX_LIMIT} for a page of results; "
                                    "an export (presswatch export, /api/export) has every match")
        if paged and self.offset < 0:
            raise SearchSyntaxError("offset cannot be negative")
        return replace(self, speaker=(self.speaker or "").strip() or None,
                       outlet=(self.outlet or "").strip() or None, since=dates["since"], until=dates["until"],
                       technique=technique)

    @property
    def parsed(self) -> Parsed:
        return parse(self.text)


def checked_dates(since: Optional[str], until: Optional[str]) -> dict[str, Optional[str]]:
    """{"since", "until"} as full ISO days (checked_date), None where not given."""
    dates: dict[str, Optional[str]] = {}
    for name, given in (("since", since), ("until", until)):
        v = (given or "").strip() or None
        dates[name] = checked_date(name, v, end=name == "until") if v is not None else None
    return dates


def checked_technique(name: Optional[str]) -> Optional[str]:
    """PTC's spelling of a technique filter (None for none), or SearchSyntaxError listing the names."""
    if not (name or "").strip():
        return None
    found = technique_named(name or "")
    if found is None:
        raise SearchSyntaxError(unknown_technique(name or ""))
    return found


COUNT_BY = ("speaker", "outlet", "month", "technique")


@dataclass(frozen=True)
class TechniqueCounts:
    """How often each technique is used, per speaker, outlet or month (or overall), split by who
    uses it: the speaker (inside a direct quote) or the outlet (its own wording, reported speech
    included). Filters as in Search."""
    by: str = "technique"  # speaker | outlet | month | technique
    technique: Optional[str] = None
    speaker: Optional[str] = None  # a speaker id or any name the speaker is known by
    speaker_keys: tuple = ()
    outlet: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    used_by: Optional[str] = None  # speaker | outlet: only the spans of that user

    def checked(self) -> "TechniqueCounts":
        if self.used_by not in (None, "speaker", "outlet"):
            raise SearchSyntaxError(f"used_by is speaker or outlet, not {self.used_by!r}")
        if self.by not in COUNT_BY:
            raise SearchSyntaxError(f"cannot count techniques by {self.by!r}; count by one of: {', '.join(COUNT_BY)}")
        dates = checked_dates(self.since, self.until)
        return replace(self, technique=checked_technique(self.technique), speaker=(self.speaker or "").strip() or None,
                       outlet=(self.outlet or "").strip() or None, since=dates["since"], until=dates["until"])


# the columns of a count row: what it is grouped by, then the technique and its counts
COUNT_KEYS = {"speaker": ("speaker_id", "speaker"), "outlet": ("outlet",), "month": ("month",), "technique": ()}
COUNT_COLUMNS = ("technique", "used_by_speaker", "used_by_outlet", "total")


def count_columns(by: str) -> tuple:
    return COUNT_KEYS[by] + COUNT_COLUMNS



# statement counts (the research views): what a row is grouped by, and the columns each brings
STATEMENT_KEYS = {"speaker": ("speaker_id", "speaker", "kind", "gender", "gender_basis"),
                  "gender": ("kind", "gender", "gender_basis"), "outlet": ("outlet",), "month": ("month",)}
CHECKWORTHY_FLOOR = 0.5  # a claim or sentence at this score or above counts as check-worthy


@dataclass(frozen=True)
class StatementCounts:
    """How many statements per speaker (or per speaker gender), outlet or publication month, or per
    pair of them: by=("speaker", "month"). Filters: outlet, since/until (published, as in Search) and
    `speakers` (ids: only their statements). A statement without a corpus speaker, an outlet or a date
    counts in a bucket whose key is None."""
    by: tuple = ("speaker",)
    outlet: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    speakers: tuple = ()

    def checked(self) -> "StatementCounts":
        by = (self.by,) if isinstance(self.by, str) else tuple(self.by)
        wrong = [b for b in by if b not in STATEMENT_KEYS]
        if wrong or not by or len(set(by)) < len(by) or {"speaker", "gender"} <= set(by):
            raise SearchSyntaxError(f"cannot count statements by {', '.join(by) or 'nothing'}; count by one or two "
                                    f"of: {', '.join(STATEMENT_KEYS)} (not speaker and gender together)")
        dates = checked_dates(self.since, self.until)
        return replace(self, by=by, outlet=(self.outlet or "").strip() or None, since=dates["since"],
                       until=dates["until"], speakers=tuple(self.speakers))

    @property
    def columns(self) -> tuple:
        """The columns of a row: each group's, then n."""
        keys: tuple = ()
        for b in self.checked().by:
            keys += tuple(k for k in STATEMENT_KEYS[b] if k not in keys)
        return keys + ("n",)


@dataclass(frozen=True)
class ClaimCounts:
    """Claims per outlet or month: all of them, the check-worthy ones (score >= floor), and the
    check-worthy sentences (the checkworthy table, score >= floor). `speaker`: an id; only the claims
    and sentences inside that speaker's statements."""
    by: str = "outlet"  # outlet | month
    floor: float = CHECKWORTHY_FLOOR
    outlet: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    speaker: Optional[str] = None

    def checked(self) -> "ClaimCounts":
        if self.by not in ("outlet", "month"):
            raise SearchSyntaxError(f"cannot count claims by {self.by!r}; count by outlet or month")
        if not 0.0 <= self.floor <= 1.0:
            raise SearchSyntaxError(f"a check-worthiness floor is between 0 and 1, not {self.floor}")
        dates = checked_dates(self.since, self.until)
        return replace(self, outlet=(self.outlet or "").strip() or None, since=dates["since"], until=dates["until"],
                       speaker=(self.speaker or "").strip() or None)


CLAIM_COUNT_COLUMNS = ("claims", "checkworthy_claims", "checkworthy_sentences")


def claim_count_key(by: str):
    """The order of claim count rows (ClaimCounts): months in order, outlets the most check-worthy first."""
    if by == "month":
        return lambda r: (r["month"] is None, r["month"] or "")
    return lambda r: (-r["checkworthy_claims"], -r["claims"], r["outlet"] is None, r["outlet"] or "")


def count_sort_key(keys: tuple):
    """The order of count rows: the most first, then each key (None last), as the SQL stores order."""
    return lambda r: (-r["n"],) + tuple((r[k] is None, r[k] if r[k] is not None else "") for k in keys)


@dataclass
class Page:
    """One page of search results, the number of all matches, and (when asked) facet counts:
    {"speaker": [(id, name, n)], "outlet": [(outlet, n)], "year": [(year, n)]}."""
    hits: list
    total: int
    facets: dict = field(default_factory=dict)
    facet_sample: Optional[int] = None  # facets counted over only this many newest matches (None: all)


class Store(ABC):
    """A corpus of articles, statements, speakers and claims."""

    url: str = ""

    # -- lifecycle
    @abstractmethod
    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied, in order; return their names."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @abstractmethod
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything written inside is kept together or not at all (re-entrant)."""

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the store, whatever an ingest writes meanwhile."""
        yield

    # -- writing (ingest)
    @abstractmethod
    def start_run(self, sources: list[str]) -> int: ...

    @abstractmethod
    def finish_run(self, run_id: int, counts: dict) -> None: ...

    @abstractmethod
    def add_status(self, run_id: int, seq: int, doc_id: str, origin: Optional[str],
                   article_id: Optional[str], status: str, reason: Optional[str]) -> None: ...

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    # -- identity: corpus/identity.py decides who is who; the store keeps what it is given
    @abstractmethod
    def article_speakers(self) -> list[dict]:
        """Every stored article speaker (corpus.rows.ARTICLE_SPEAKER_COLUMNS, mention_texts a list)."""

    @abstractmethod
    def articles_without_speakers(self) -> list[dict]:
        """(id, published, analysis) of the articles stored before article speakers were kept."""

    @abstractmethod
    def add_article_speakers(self, rows: list[dict]) -> None:
        """ARTICLE_SPEAKER_COLUMNS rows (mention_texts as JSON text)."""

    @abstractmethod
    def replace_identity(self, speakers: list[dict], names: list[tuple], links: list[tuple]) -> None:
        """The corpus speakers (CORPUS_SPEAKER_COLUMNS rows), their (key, speaker_id, name) names and
        the (article_id, speaker_local, speaker_id, basis) links replace what was there; every
        statement's speaker_id and every speaker's statement count follow. Call it in a transaction."""

    @abstractmethod
    def corrections(self) -> list[dict]:
        """The merges and splits made by hand, oldest first (n, at, action, speaker_id, other, name, undone_at)."""

    @abstractmethod
    def add_correction(self, action: str, speaker_id: str, other: Optional[str] = None,
                       name: Optional[str] = None) -> int: ...

    @abstractmethod
    def undo_correction(self, n: int) -> bool:
        """Mark correction n undone (it stays recorded); False when there is no such open one."""

    @abstractmethod
    def registry(self) -> Optional[str]:
        """The speaker registry last applied, as JSON (corpus/registry.py), or None."""

    @abstractmethod
    def set_registry(self, entries_json: str, source: Optional[str] = None) -> None: ...

    @abstractmethod
    def cluster_by_fingerprint(self, fingerprint: str) -> Optional[str]: ...

    @abstractmethod
    def band_candidates(self, bands: list[str]) -> list[tuple]:
        """(cluster_id, text) of group representatives sharing a band with the new statement."""

    @abstractmethod
    def add_bands(self, statement_id: str, bands: list[str]) -> None: ...

    @abstractmethod
    def statement_published(self, statement_id: str) -> Optional[str]:
        """The publication date of a stored statement (None: undated or no such statement)."""

    @abstractmethod
    def rename_group(self, old: str, new: str) -> None:
        """Every statement of provenance group `old` goes to group `new` (its earliest appearance)."""

    @abstractmethod
    def add_article(self, rows) -> None:
        """Insert a corpus.rows.Rows (article, statements with speaker_id and cluster_id set, claims)."""

    # -- reading
    def speaker_ids(self, search: "Search | TechniqueCounts") -> list[str]:
        """The speakers a search filter names: its id, or every speaker known by one of the name's
        keys ("surname:khamenei": all Khamenei; "ali khamenei": that one), or by the name as written."""
        return sorted(set(self.speakers_by_keys(list(search.speaker_keys), search.speaker or "")) | {search.speaker or ""})

    @abstractmethod
    def speakers_by_keys(self, keys: list[str], name: str) -> list[str]:
        """Ids of the speakers known by any of `keys` or by exactly `name`."""

    @abstractmethod
    def search(self, search: Search, facets: bool = False) -> Page: ...

    @abstractmethod
    def technique_counts(self, counts: TechniqueCounts) -> list[dict]:
        """Rows of count_columns(counts.by): per group (speaker id and name, outlet, "YYYY-MM"
        month; None where unknown: a span in no statement has no speaker) and technique, the spans
        used by the speaker, by the outlet, and in all; the most used first (months in order)."""

    @abstractmethod
    def statement_counts(self, counts: StatementCounts) -> list[dict]:
        """Rows of counts.columns: per group, n statements; the most first, then by the keys (None
        last). A speaker group brings the corpus speaker's name, kind, gender and its basis (all
        None for the statements of no corpus speaker); a gender group those three alone."""

    @abstractmethod
    def claim_counts(self, counts: ClaimCounts) -> list[dict]:
        """Rows of (counts.by, *CLAIM_COUNT_COLUMNS): outlets the most check-worthy claims first (then
        the most claims, then by name, None last), months in order (None last)."""

    @abstractmethod
    def export(self, search: Search) -> Iterator[dict]:
        """Every match of `search` (its limit and offset ignored), in its order, with the columns of
        corpus.export.COLUMNS[target], read a chunk at a time: nothing holds the whole result. The
        search is checked before this returns (SearchSyntaxError), the rows come as the caller reads."""

    @abstractmethod
    def article(self, article_id: str) -> Optional[dict]:
        """The article row with "statements", "claims", "checkworthy" and "techniques" lists, or None."""

    @abstractmethod
    def speaker(self, speaker_id: str, limit: Optional[int] = None) -> Optional[dict]:
        """The speaker with "names" (variants), "statements" (oldest first; the first `limit` where
        given) and "statement_total" (all of them), or None."""

    def speaker_name(self, speaker_id: str) -> Optional[str]:
        """The corpus speaker's name, or None when there is no such speaker."""
        sp = self.speaker(speaker_id)
        return sp["name"] if sp else None

    @abstractmethod
    def speakers(self, limit: int = 200) -> list[dict]:
        """Speakers, most quoted first."""

    @abstractmethod
    def statement(self, statement_id: str) -> Optional[dict]:
        """The statement with "provenance": every statement of its group, earliest first."""

    @abstractmethod
    def runs(self, limit: int = 20) -> list[dict]: ...

    @abstractmethod
    def statuses(self, run_id: int) -> list[dict]: ...

    @abstractmethod
    def stats(self) -> dict:
        """Counts: articles, statements, speakers, claims."""
