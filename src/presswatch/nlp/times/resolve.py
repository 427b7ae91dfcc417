"""What relative expressions resolve against (Anchor) and the calendar arithmetic of resolving:
numbers and durations as TIMEX3 writes them ("P6M"), ISO weeks, month steps, the year a month or
day falls in and the date a weekday names, relative to the anchor and the tense."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, Optional

from ..lexicons.numbers import ARTICLES, CARDINALS, NUMBER_PHRASES, TENS

# the words _num reads ("six", "an", "a couple of", "half a"; "twenty-one" it reads as two)
NUMBER_WORDS = {**CARDINALS, **ARTICLES, **NUMBER_PHRASES}
# unit -> (its TIMEX3 code, whether it is a unit of the clock: "PT48H", but "P6M")
UNIT_CODES = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
              "week": ("W", False), "fortnight": ("W", False), "month": ("M", False), "year": ("Y", False),
              "decade": ("Y", False), "century": ("Y", False)}
UNIT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100}


@dataclass(frozen=True)
class Anchor:
    """What relative expressions resolve against: the publication date (or an estimate), or a year."""
    date: Optional[dt.date] = None
    year: Optional[int] = None
    estimated: bool = False

    @classmethod
    def of(cls, date: Optional[str] = None, year: Optional[int] = None, estimate: Optional[str] = None) -> "Anchor":
        d = _iso(date)
        if d is not None:
            return cls(d, d.year, False)
        e = _iso(estimate)
        if e is not None and (year is None or e.year == year):
            return cls(e, e.year, True)
        return cls(None, year, False)

    @property
    def kind(self) -> Literal["publication", "estimated", "unknown"]:
        if self.date is not None:
            return "estimated" if self.estimated else "publication"
        return "publication" if self.year is not None else "unknown"


def _iso(s) -> Optional[dt.date]:
    """A date, or the date an ISO string starts with, or None."""
    if isinstance(s, dt.date):
        return s
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _num(word: str) -> Optional[float]:
    """'six', '48', 'twenty-one', 'a couple of' -> its value; None for a vague number ('several')."""
    w = " ".join(word.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    parts = w.split()
    if len(parts) == 2 and parts[0] in TENS and parts[1] in NUMBER_WORDS:
        return float(TENS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None  # vague ("several")


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(number: str, unit: str) -> Optional[str]:
    """'six', 'months' -> 'P6M'; 'several', 'years' -> 'PXY'; '48', 'hours' -> 'PT48H'."""
    u = unit.lower().rstrip("s")
    if u == "centurie":
        u = "century"
    code, is_time = UNIT_CODES[u]
    n = _num(number) if number else 1.0
    factor = UNIT_FACTOR.get(u, 1)
    if n is None:
        amount = "X"
        if u == "decade":
            code = "DE"
        elif u == "century":
            code = "CE"
    else:
        n = n * factor
        if n != int(n) and code in ("Y", "M", "W", "D") and not is_time:
            # half units: "half a year" -> P6M, "a year and a half" handled by callers
            if code == "Y":
                n, code = n * 12, "M"
            elif code == "W":
                n, code = n * 7, "D"
        amount = _fmt_num(n)
    return f"P{'T' if is_time else ''}{amount}{code}"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _pick_year(month: int, day: Optional[int], a: dt.date, tense: str, strict: str = "") -> int:
    """The year of month(/day) relative to anchor a: past -> the latest on or before a, future ->
    the first on or after, present -> the nearest. strict='last'/'next' excludes the anchor's own."""
    def key(y):
        return (y, month, day or 0)
    here = (a.year, a.month, a.day if day else 0)
    # "last October": the most recent October before last month (last month is "last month");
    # "next May": the first May after next month
    if strict == "last":
        return a.year if month < a.month - 1 else a.year - 1
    if strict == "next":
        return a.year if month > a.month + 1 else a.year + 1
    if tense == "past":
        return a.year if key(a.year) <= here else a.year - 1
    if tense == "future":
        return a.year if key(a.year) >= here else a.year + 1
    # present: the nearest of last, this and next year
    best, dist = a.year, None
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            d = dt.date(y, month, day or 15)
        except ValueError:
            continue
        gap = abs((d - a).days)
        if dist is None or gap < dist:
            best, dist = y, gap
    return best


def _weekday_date(wd: int, a: dt.date, tense: str, modifier: str = "") -> dt.date:
    diff = wd - a.weekday()
    if modifier == "last":
        back = (a.weekday() - wd) % 7 or 7
        return a - dt.timedelta(days=back)
    if modifier == "next":
        fwd = diff % 7 or 7
        return a + dt.timedelta(days=fwd)
    if modifier == "this":
        return a + dt.timedelta(days=diff)  # the same Monday-Sunday week
    if tense == "past":
        return a - dt.timedelta(days=(a.weekday() - wd) % 7)
    if tense == "future":
        return a + dt.timedelta(days=diff % 7)
    back, fwd = (a.weekday() - wd) % 7, diff % 7
    return a - dt.timedelta(days=back) if back <= fwd else a + dt.timedelta(days=fwd)
