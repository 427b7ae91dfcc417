"""Calendar statements: what the text says an observance falls on, "International Quds Day (last
Friday of Ramadan, this year falling on April 5)", "This year, Al-Quds Day falls on April 5",
"Ramadan begins on March 11"; and the claims they make (checked by presswatch.check.calendar)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from ...records import Claim, Span
from ..lexicons.calendar import MONTH_NAME_RE, MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAY_RE, WEEKDAYS
from .sentences import sentence_bounds

# the verb putting it on a date, and the date: "falls on April 5", "is on Friday, 5 April 2024",
# "was held on a Friday"
_ON_DATE = re.compile(
    r"\b(?P<verb>fall(?:s|ing)?|fell|will\s+fall|is|was|will\s+be|be|marked|held|observed|celebrated|"
    r"begins?|began|beginning|starts?|started|starting|ends?|ended|ending)\b"
    r"(?P<mid>[^.;()\n]{0,25}?)\s*\bon\s+(?:(?P<wd>" + WEEKDAY_RE + r"),?\s+)?(?:(?P<mon>" + MONTH_NAME_RE
    + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>" + MONTH_NAME_RE + r")"
    r"|an?\s+(?P<wdonly>" + WEEKDAY_RE + r"))(?:,?\s+(?P<year>\d{4})\b)?")
_RULE = re.compile(r"(?:the\s+)?(?P<rule>(?:last|first|second|third|final)\s+" + WEEKDAY_RE
                   + r"\s+of\s+(?:the\s+(?:holy\s+)?month\s+of\s+)?[A-Z][\w'’\-]+)")
_RAMADAN = re.compile(r"\b(?:the\s+(?:holy\s+)?month\s+of\s+)?Ramadan\b")


@dataclass(frozen=True)
class CalendarStatement:
    start: int
    end: int
    observance: Any  # check.observances.Observance (nlp/ does not import check/)
    month: Optional[int]
    day: Optional[int]
    weekday: Optional[int]
    year: Optional[int]  # given in the text
    this_year: bool  # "this year" (or the present tense): the publication year is meant
    rule: Optional[str]
    tense: str


def find_calendar_statements(text: str, calendar) -> list[CalendarStatement]:
    """Statements that put an observance on a date (or weekday)."""
    mentions = _mentions(text, calendar)
    out = []
    for i, (s, e, obs) in enumerate(mentions):
        nxt = next((m[0] for m in mentions[i + 1:] if m[0] > e), len(text))
        st = _statement(text, s, e, obs, nxt)
        if st is not None:
            out.append(st)
    return out


def _mentions(text: str, calendar) -> list:
    """(start, end, observance) of every observance the text names, in order."""
    mentions = [(s, e, o) for s, e, o in calendar.mentions(text)]
    start_obs, end_obs = calendar.observances.get("ramadan_start"), calendar.observances.get("ramadan_end")
    for m in _RAMADAN.finditer(text):  # "Ramadan begins on ...": Ramadan's first or last day
        after = text[m.end():m.end() + 40]
        if start_obs and re.match(r"\s+(?:will\s+)?(?:begins?|began|starts?|started|starting|beginning)\b", after):
            mentions.append((m.start(), m.end(), start_obs))
        elif end_obs and re.match(r"\s+(?:will\s+)?(?:ends?|ended|ending)\b", after):
            mentions.append((m.start(), m.end(), end_obs))
    mentions.sort(key=lambda t: t[0])
    return mentions


def _statement(text: str, s: int, e: int, obs, nxt: int) -> Optional[CalendarStatement]:
    """The date the observance named at s..e is put on, looked for after the name in its sentence,
    before the next observance named (at nxt) and within 160 characters; None if there is none."""
    sa, sb = sentence_bounds(text, s)
    window_end = min(sb, nxt, e + 160)
    # a parenthesis right after the name: "(last Friday of Ramadan, this year falling on April 5)"
    window = text[e:window_end]
    close = None
    if window.lstrip().startswith("("):
        close = text.find(")", e, window_end)
        if close != -1:
            window = text[e:close]
    m = _ON_DATE.search(window)
    if not m:
        return None
    month = MONTHS[(m.group("mon") or m.group("mon2") or "").lower()] if (m.group("mon") or m.group("mon2")) else None
    day = int(m.group("day") or m.group("day2")) if (m.group("day") or m.group("day2")) else None
    wd_name = m.group("wdonly") or m.group("wd")
    weekday = WEEKDAYS[wd_name.lower()] if wd_name else None
    year = int(m.group("year")) if m.group("year") else None
    head = text[sa:s]
    this_year = bool(re.search(r"\bthis\s+year\b", head + window, re.IGNORECASE))
    tense = _tense(m.group("verb").lower())
    rule_m = _RULE.search(window[:m.start()]) or _RULE.search(window)
    stmt_start = s
    ty = re.search(r"\bthis\s+year\s*,?\s*$", head, re.IGNORECASE)
    if ty:
        stmt_start = sa + ty.start()
    end = e + m.end()
    if close not in (None, -1):
        end = close + 1
    return CalendarStatement(stmt_start, end, obs, month, day, weekday, year,
                             this_year or (year is None and tense == "present"),
                             rule_m.group("rule") if rule_m else None, tense)


def _tense(verb: str) -> str:
    """The tense of the statement's verb ("falls", "fell", "will fall")."""
    if verb.startswith("will"):
        return "future"
    if verb in ("fell", "was", "began", "started", "ended", "marked", "held", "observed", "celebrated"):
        return "past"
    return "present"


def calendar_claims(statements, text: str) -> list[Claim]:
    """One claim per statement: "Quds Day: April 5 (this year)"."""
    out = []
    for st in statements:
        when = []
        if st.month and st.day:
            when.append(f"{_month_name(st.month)} {st.day}")
        if st.weekday is not None:
            when.append(f"a {WEEKDAY_NAMES[st.weekday].capitalize()}")
        stated = " ".join(when) + (f" {st.year}" if st.year else (" (this year)" if st.this_year else ""))
        out.append(Claim(Span.of(text, st.start, st.end), "calendar", f"{st.observance.name}: {stated.strip()}",
                         observance=st.observance.name, rule=st.rule, score=0.55))
    return out


def _month_name(m: int) -> str:
    return MONTH_NAMES[m - 1].capitalize()
