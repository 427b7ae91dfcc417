"""When the article was published, and how we know: given, metadata, dateline, or inferred.

- given: the input's `published` field; metadata: the same field filled from an HTML page's
  metadata (trafilatura) when the article was read from an .html file.
- dateline: a date at the head of the text ("TEHRAN, April 3, 2024 -", "Published 3 April 2024").
- inferred: from what the text says about its own time. A calendar statement such as "International
  Quds Day (last Friday of Ramadan, this year falling on April 5)" holds in only a few years; the
  years the article mentions as past bound the search from below.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..records import Publication
from .lexicons.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS_AND_ABBREVIATIONS, alternatives

# a month's name or abbreviation, with or without the dot ("Sept. 4", "Sept 4", "September 4")
_MON = "(?:" + alternatives(MONTH_NAMES) + "|" + alternatives(MONTH_ABBREVIATIONS) + r")\.?"
_HEAD_DATE = re.compile(
    r"(?:(?P<mon>" + _MON + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<mon2>" + _MON + r"),?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))")
_HEAD_MONTH_DAY = re.compile(r"^[A-Z][A-Z.'\- ]{1,40}[A-Z.],\s+(?P<mon>" + _MON + r")\s+(?P<day>\d{1,2})\b")
SEARCH_YEARS = range(1925, 2077)  # the calendar's tables


def _month(name: str) -> int:
    return MONTHS_AND_ABBREVIATIONS[name.lower().rstrip(".")]


def parse_given(raw) -> tuple[Optional[str], Optional[int], Optional[str]]:
    """(ISO date, year, note) from a published value: ISO dates and datetimes, RFC 2822 feed dates,
    '3 April 2024'; a year alone gives the year; anything else gives a note saying why it was not used."""
    s = str(raw).strip()
    if not s:
        return None, None, None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", s)
    if m:
        return None, int(m.group(1)), None
    try:
        d = dt.date.fromisoformat(s[:10])
        return d.isoformat(), d.year, None
    except ValueError:
        pass
    if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", s):
        a, b = (int(x) for x in re.split(r"[/.]", s)[:2])
        if a <= 12 and b <= 12 and a != b:
            y = int(re.split(r"[/.]", s)[2])
            y = y + 2000 if y < 100 else y
            return None, y, f"published date {s!r} is ambiguous (day/month or month/day); only its year is used"
    try:
        from dateutil import parser as dparser
        d = dparser.parse(s, fuzzy=False, default=dt.datetime(1, 1, 1))
        if d.year > 1:
            return d.date().isoformat(), d.year, None
    except (ValueError, OverflowError, ImportError):
        pass
    return None, None, f"published date {s!r} is not a date (use YYYY-MM-DD); the date was taken from the text"


def from_head(text: str) -> Optional[dict]:
    """A date in the first 300 characters (a dateline or byline)."""
    head = text[:300]
    m = _HEAD_DATE.search(head)
    if m:
        try:
            if m.group("iso"):
                d = dt.date.fromisoformat(m.group("iso"))
            elif m.group("mon"):
                d = dt.date(int(m.group("year")), _month(m.group("mon")), int(m.group("day")))
            else:
                d = dt.date(int(m.group("year2")), _month(m.group("mon2")), int(m.group("day2")))
            return {"date": d}
        except (ValueError, KeyError):
            pass
    for line in head.split("\n")[:3]:
        m = _HEAD_MONTH_DAY.match(line.strip())
        if m:
            try:
                return {"month": _month(m.group("mon")), "day": int(m.group("day"))}
            except KeyError:
                pass
    return None


def infer_year(statements, calendar, text_years=(), country=None) -> Optional[dict]:
    """The year the calendar statements hold in: {"year", "estimate", "why"} or None if none or several."""
    candidates = None
    whys = []
    estimate = None
    for st in statements:
        if st.year is not None or not st.this_year or st.month is None or st.day is None:
            continue
        try:
            dt.date(2000, st.month, st.day)  # 2000 is a leap year: February 29 passes
        except ValueError:
            continue  # "February 30": no year has it; the claim's check says so
        years = set(calendar.years_on(st.observance, st.month, st.day, SEARCH_YEARS, country))
        candidates = years if candidates is None else candidates & years
        whys.append(f"{st.observance.name} falls on {dt.date(2000, st.month, st.day):%B} {st.day}")
    if not candidates:
        return None
    floor = max((y for y in text_years if y <= max(candidates)), default=None)
    pool = sorted(y for y in candidates if floor is None or y >= floor)
    if floor is None and len(pool) > 1:
        return None  # e.g. two years 33 years apart and nothing in the text to choose between them
    if not pool:
        return None
    year = pool[0]
    for st in statements:
        if st.year is None and st.this_year and st.month and st.day:
            try:
                d = dt.date(year, st.month, st.day)
            except ValueError:
                continue
            # "falls on April 5" in the present or future tense: published on or before that day
            if st.tense in ("present", "future") and (estimate is None or d < estimate):
                estimate = d
    why = "; ".join(dict.fromkeys(whys)) + f" only in {year}" + (
        f" among the years from {floor} (the latest year the text mentions) on" if floor else
        f" within {SEARCH_YEARS.start}-{SEARCH_YEARS.stop - 1}")
    return {"year": year, "estimate": estimate, "why": why}


def publication_of(article, place, text: str, statements, calendar, text_years=()):
    """(Publication, estimated anchor date or None, note or None)."""
    note = None
    if article.published:
        date, year, note = parse_given(article.published)
        if date or year:
            origin = (article.origin or "").lower()
            return Publication(date=date, year=year, basis="metadata" if origin.endswith((".html", ".htm")) else "given",
                               place=place), None, note
    head = from_head(text)
    if head and "date" in head:
        d = head["date"]
        return Publication(date=d.isoformat(), year=d.year, basis="dateline", place=place), None, note
    inferred = None
    if statements and calendar is not None:
        inferred = infer_year(statements, calendar, text_years)
    if inferred:
        year = inferred["year"]
        if head and "month" in head:
            try:
                d = dt.date(year, head["month"], head["day"])
                return Publication(date=d.isoformat(), year=year, basis="inferred", place=place), None, note
            except ValueError:
                pass
        est = inferred["estimate"].isoformat() if inferred["estimate"] else None
        return Publication(date=None, year=year, basis="inferred", place=place), est, note
    return Publication(place=place), None, note
