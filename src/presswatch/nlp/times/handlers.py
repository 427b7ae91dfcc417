"""The handlers of the patterns: each turns a match into a TIMEX3 value (with its precision, type,
modifier and whether the anchor was used), or None when the match is not a time after all.

A handler gets the match and a _Ctx: the text, the anchor, the tense at a span, whether a "today"
is generic, and spaCy's DATE entities (which confirm bare years)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..lexicons.calendar import MONTHS_AND_ABBREVIATIONS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from ..spans import Covered
from .resolve import (UNIT_FACTOR, Anchor, _add_months, _num, _pick_year, _week, _weekday_date,
                      duration_value)

SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                   9: "FA", 10: "FA", 11: "FA"}
SEASON_ORDER = ("WI", "SP", "SU", "FA")
MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
        "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "close to": "LESS_THAN",
        "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN",
        "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
        "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS"}
EDGE_MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
             "late": "END", "end": "END"}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "last": -1, "final": -1, "latter": 2}


@dataclass
class _Ctx:
    """What a handler knows besides its match."""
    text: str
    anchor: Anchor
    tense: Callable[[int, int], str]  # past | present | future of the clause at (start, end)
    generic_today: Callable[[int, int], bool]  # "Today, X have become ...": "today" as "nowadays"
    date_ents: Optional[Covered] = None  # spaCy's DATE and TIME entities, (start, end), if parsed


def _r(value, precision, type_="DATE", mod=None, anchored=True, start=None, end=None):
    """A handler's result: (value, precision, type, mod, anchored, start, end); start, where given,
    moves the expression's start (past a leading preposition: "in October" is "October")."""
    return (value, precision, type_, mod, anchored, start, end)


def _edge(m) -> Optional[str]:
    """The TIMEX3 mod of "early", "mid", "the end of" ... before the expression: START, MID, END."""
    e = None
    for g in ("edge", "edge2"):
        if g in m.re.groupindex and m.group(g):
            e = m.group(g).lower()
    return EDGE_MODS.get(e) if e else None


# ---------------------------------------------------------------------------------------------
# dates: days, months, seasons, quarters, halves, decades, centuries, years

def h_iso(m, c):
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return _r(d.isoformat(), "day", anchored=False)


def _month_num(s: str) -> int:
    return MONTHS_AND_ABBREVIATIONS[s.lower().rstrip(".")]


def _day_date(c, m, month: int, day: int, year: Optional[str], tod: Optional[str] = None):
    if not 1 <= day <= 31:
        return None
    a = c.anchor
    anchored = False
    if year:
        y = int(year)
    elif a.date is not None:
        before = c.text[max(0, m.start() - 60):m.start()]
        before = re.split(r"[.!?\n]", before)[-1]
        if re.search(r"\bthis\s+year\b", before, re.IGNORECASE):
            y = a.date.year  # "this year falling on April 5"
        else:
            y = _pick_year(month, day, a.date, c.tense(m.start(), m.end()))
        anchored = True
    elif a.year is not None:
        y = a.year
        anchored = True
    else:
        y = None
    try:
        d = dt.date(y or 2000, month, day)
    except ValueError:
        return None
    value = d.isoformat() if y else f"XXXX-{month:02d}-{day:02d}"
    if tod:
        value += "T" + PARTS_OF_DAY[tod.lower()]
    return _r(value, "day", anchored=anchored)


def h_mdy(m, c):
    return _day_date(c, m, _month_num(m.group("mon")), int(m.group("day")), m.group("year"), m.group("tod"))


def h_dmy(m, c):
    return _day_date(c, m, _month_num(m.group("mon")), int(m.group("day")), m.group("year"))


def h_month_year(m, c):
    return _r(f"{int(m.group('year')):04d}-{_month_num(m.group('mon')):02d}", "month", mod=_edge(m), anchored=False)


def h_month(m, c):
    r = _h_month(m, c)
    if r is not None and m.group("prep"):
        r = r[:5] + (m.start("mon"), None)
    return r


def _h_month(m, c):
    month = _month_num(m.group("mon"))
    rel = (m.group("rel") or "").lower()
    a = c.anchor
    mod = _edge(m)
    if a.date is None:
        if a.year is not None and rel in ("", "this"):
            return _r(f"{a.year}-{month:02d}", "month", mod=mod)
        return _r(f"XXXX-{month:02d}", "month", mod=mod)
    if rel == "this":
        y = a.date.year
    elif rel in ("last", "next"):
        y = _pick_year(month, None, a.date, "", strict=rel)
    else:
        y = _pick_year(month, None, a.date, c.tense(m.start(), m.end()))
    return _r(f"{y}-{month:02d}", "month", mod=mod)


def h_season(m, c):
    r = _h_season(m, c)
    if r is not None and "prep" in m.re.groupindex and m.group("prep"):
        r = r[:5] + (m.start("season"), None)
    return r


def _h_season(m, c):
    code = SEASONS[m.group("season").lower()]
    mod = _edge(m)
    if m.group("year"):
        return _r(f"{int(m.group('year'))}-{code}", "season", mod=mod, anchored=False)
    a = c.anchor
    rel = (m.group("rel") or m.group("prep") or "").lower() if "prep" in m.re.groupindex else (m.group("rel") or "").lower()
    if rel not in ("last", "next", "this"):
        rel = ""
    if a.date is None:
        return _r(f"{a.year}-{code}" if a.year and rel in ("", "this") else f"XXXX-{code}", "season", mod=mod)
    cur = SEASON_OF_MONTH[a.date.month]
    cy = a.date.year - (1 if a.date.month in (1, 2) else 0)  # winter belongs to the year of its December
    ci, ti = SEASON_ORDER.index(cur), SEASON_ORDER.index(code)
    # seasons as an ordered sequence: index = year*4 + order (winter first, taken as Dec of the year)
    cur_idx = cy * 4 + ci
    same_year = cy * 4 + ti
    if rel == "last":
        idx = same_year if same_year < cur_idx else same_year - 4
    elif rel == "next":
        idx = same_year if same_year > cur_idx else same_year + 4
    elif rel == "this":
        idx = same_year
    else:
        t = c.tense(m.start(), m.end())
        if t == "past":
            idx = same_year if same_year <= cur_idx else same_year - 4
        elif t == "future":
            idx = same_year if same_year >= cur_idx else same_year + 4
        else:
            idx = same_year
    return _r(f"{idx // 4}-{code}", "season", mod=mod)


def _rel_year(c, rel: str) -> Optional[int]:
    y = c.anchor.year
    if y is None:
        return None
    return {"this": y, "current": y, "last": y - 1, "previous": y - 1, "past": y - 1, "next": y + 1,
            "coming": y + 1}.get(rel, y)


def _year_of(m, c, group="year", relgroup="yrel"):
    if m.group(group):
        return int(m.group(group)), False
    rel = (m.group(relgroup) or "this").lower() if relgroup in m.re.groupindex else "this"
    return _rel_year(c, rel), True


def h_quarter(m, c):
    q = _ORD.get(m.group("ord").lower()) if m.group("ord") else int(m.group("q"))
    if q == -1:
        q = 4
    y, anchored = _year_of(m, c)
    return _r(f"{y if y else 'XXXX'}-Q{q}", "quarter", anchored=anchored)


def h_half(m, c):
    h = _ORD.get(m.group("ord").lower()) if m.group("ord") else int(m.group("h"))
    if h not in (1, 2):
        h = 2
    y, anchored = _year_of(m, c)
    return _r(f"{y if y else 'XXXX'}-H{h}", "half", anchored=anchored)


def h_decade(m, c):
    digits = m.group("dec")
    if len(digits) == 1:  # the '90s
        digits = ("19" if int(digits) >= 3 else "20") + digits
    return _r(digits, "decade", mod=_edge(m), anchored=False)


def h_century(m, c):
    n = int(m.group("n"))
    if not 1 <= n <= 22:
        return None
    return _r(f"{n - 1:02d}", "century", mod=_edge(m), anchored=False)


_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|till|from|of|during|before|after|around|circa|c\.|early|"
                          r"late|mid|year|between|through|throughout|" + "|".join(SEASONS) + r"|"
                          r"fiscal|end|start|beginning|middle)|[(\-–—/;:.!?“\"]|^)\s*$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^(?:\s*[,.;:)\-–—?!'’]|\s*$|\s+(?:and|or|to|through|until|when|as|after|before|"
                         r"in|at|on|with|the|a|he|she|it|they|we|I)\b)")


def h_year(m, c):
    y = int(m.group("year"))
    if not 1000 <= y <= 2099:
        return None
    before = c.text[max(0, m.start() - 14):m.start()]
    after = c.text[m.end():m.end() + 12]
    ent_ok = c.date_ents
    in_ent = ent_ok is not None and ent_ok.holds(m.start(), m.end())
    if not in_ent and not (_YEAR_BEFORE.search(before) and (y >= 1800 or re.search(r"\b(?:in|since|year)\s*$", before))):
        if not (_YEAR_AFTER.match(after) and 1900 <= y <= 2099 and not re.search(r"[\d$€£]\s*$", before)):
            return None
    return _r(str(y), "year", mod=_edge(m), anchored=False)


# ---------------------------------------------------------------------------------------------
# dates relative to the anchor: today, weekdays, this/last/next unit, ... ago

def h_rel_day(m, c):
    word = m.group("rd").lower()
    tod = (m.group("tod") or "").lower()
    a = c.anchor
    if word == "tonight":
        word, tod = "today", "night"
    if word == "last night":
        word, tod = "yesterday", "night"
    off = {"today": 0, "yesterday": -1, "tomorrow": 1, "this": 0}[word]
    if word == "today" and not tod and c.generic_today(m.start(), m.end()):
        return _r("PRESENT_REF", "reference", anchored=False)
    if a.date is None:
        return _r("XXXX-XX-XX" + (f"T{PARTS_OF_DAY[tod]}" if tod else ""), "day", anchored=True)
    d = a.date + dt.timedelta(days=off)
    return _r(d.isoformat() + (f"T{PARTS_OF_DAY[tod]}" if tod else ""), "day")


def h_weekday(m, c):
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("wrel") or "").lower().replace("this past", "last").replace("past", "last").replace("coming", "next")
    tod = (m.group("tod") or "").lower()
    a = c.anchor
    suffix = f"T{PARTS_OF_DAY[tod]}" if tod else ""
    if a.date is None:
        return _r(f"XXXX-WXX-{wd + 1}{suffix}", "day")
    d = _weekday_date(wd, a.date, c.tense(m.start(), m.end()), rel)
    return _r(d.isoformat() + suffix, "day")


def h_weekday_set(m, c):
    return _r(f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}", "set", "SET", anchored=False)


def h_rel_unit(m, c):
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    mod = _edge(m)
    if m.group("when"):  # earlier this year / later this month
        mod = mod or None
    a = c.anchor
    k = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}[rel]
    if unit == "year":
        y = _rel_year(c, rel)
        return _r(str(y) if y else "XXXX", "year", mod=mod)
    if unit == "decade":
        if a.year is None:
            return _r("XXX", "decade", mod=mod)
        return _r(str(a.year // 10 + k), "decade", mod=mod)
    if unit == "century":
        if a.year is None:
            return _r("XX", "century", mod=mod)
        return _r(f"{a.year // 100 + k:02d}", "century", mod=mod)
    if a.date is None:
        return _r({"month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}[unit], unit if unit != "weekend" else "week", mod=mod)
    if unit == "month":
        y, mo = _add_months(a.date.year, a.date.month, k)
        return _r(f"{y}-{mo:02d}", "month", mod=mod)
    d = a.date + dt.timedelta(days=7 * k)
    if unit == "week":
        return _r(_week(d), "week", mod=mod)
    return _r(_week(d) + "-WE", "week", mod=mod)


def _mod_of(m) -> Optional[str]:
    """The TIMEX3 mod of the "about", "more than" ... group: APPROX, MORE_THAN ..."""
    g = m.group("mod") if "mod" in m.re.groupindex else None
    return MODS.get(" ".join(g.lower().split())) if g else None


def h_ago(m, c):
    unit = m.group("unit").lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    n = _num(m.group("n"))
    a = c.anchor
    mod = _mod_of(m)
    if n is None:
        return _r("PAST_REF", "reference", mod=mod)
    n = int(n * UNIT_FACTOR.get(unit, 1)) if n == int(n) else n
    if a.date is None and unit not in ("year", "decade", "century"):
        return _r("XXXX-XX-XX", "day", mod=mod)
    if unit in ("year", "decade", "century"):
        if a.year is None:
            return _r("XXXX", "year", mod=mod)
        return _r(str(int(a.year - n)), "year", mod=mod)
    if unit == "month":
        y, mo = _add_months(a.date.year, a.date.month, -int(n))
        return _r(f"{y}-{mo:02d}", "month", mod=mod)
    if unit in ("week", "fortnight"):
        return _r(_week(a.date - dt.timedelta(days=7 * n * (2 if unit == "fortnight" else 1))), "week", mod=mod)
    if unit == "day":
        return _r((a.date - dt.timedelta(days=n)).isoformat(), "day", mod=mod)
    return _r(f"{a.date.isoformat()}", "day", mod=mod)  # hours/minutes ago: the same day


# ---------------------------------------------------------------------------------------------
# durations

def h_duration(m, c):
    unit = m.group("unit")
    num = m.group("n")
    lead = c.text[max(0, m.start() - 6):m.start()].lower()
    after = c.text[m.end():m.end() + 8].lower()
    if re.match(r"^[\s\-]*old\b", after):
        return None
    value = duration_value(num, unit)
    if value is None:
        return None
    # "in two years" with the future tense is a date, not a length of time
    if re.search(r"\bin\s*$", lead) and c.anchor.date is not None and c.tense(m.start(), m.end()) == "future" \
            and _num(num) is not None and not m.group("mod"):
        n = _num(num)
        u = unit.lower().rstrip("s")
        a = c.anchor.date
        if u == "year" and n == int(n):
            return _r(str(a.year + int(n)), "year")
        if u == "month" and n == int(n):
            y, mo = _add_months(a.year, a.month, int(n))
            return _r(f"{y}-{mo:02d}", "month")
        if u == "week" and n == int(n):
            return _r(_week(a + dt.timedelta(days=7 * int(n))), "week")
        if u == "day" and n == int(n):
            return _r((a + dt.timedelta(days=int(n))).isoformat(), "day")
    return _r(value, "duration", "DURATION", mod=_mod_of(m), anchored=False)


def h_past_n(m, c):  # "the past six months", "the last two weeks", "the next three years", "the past week"
    value = duration_value(m.group("n") or "one", m.group("unit"))
    return _r(value, "duration", "DURATION", mod=_mod_of(m), anchored=False)


def h_hyphen_duration(m, c):
    if re.match(r"^-old\b", c.text[m.end():m.end() + 4]):
        return None
    return _r(duration_value(m.group("n"), m.group("unit")), "duration", "DURATION", anchored=False)


def h_vague_duration(m, c):
    return _r(duration_value("several", m.group("unit")), "duration", "DURATION", anchored=False)


# ---------------------------------------------------------------------------------------------
# times of day, references ("now", "recently"), sets ("every year")

def h_time(m, c):
    hour = int(m.group("hh"))
    minute = int(m.group("mm") or 0)
    ap = (m.group("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    if ap == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    a = c.anchor
    day = a.date.isoformat() if a.date else "XXXX-XX-XX"
    return _r(f"{day}T{hour:02d}:{minute:02d}", "time", "TIME")


def h_noon(m, c):
    a = c.anchor
    day = a.date.isoformat() if a.date else "XXXX-XX-XX"
    return _r(f"{day}T{'12:00' if m.group(0).lower() == 'noon' else '24:00'}", "time", "TIME")


def h_ref(m, c):
    w = " ".join(m.group(0).lower().split())
    if w in ("now", "currently", "nowadays", "at present", "at the moment"):
        v = "PRESENT_REF"
    elif w in ("the future",) or w == "soon":
        v = "FUTURE_REF"
    else:
        v = "PAST_REF"
    return _r(v, "reference", anchored=False)


def h_set(m, c):
    unit = m.group("unit").lower()
    code = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}[unit]
    return _r(code, "set", "SET", anchored=False)
