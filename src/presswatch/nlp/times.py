"""Time expressions -> TIMEX3 values, resolved against the publication date and the clause's tense.

find_times(text, anchor, doc=None) finds dates ("April 5", "October 2023", "in 2022"), relative
expressions ("last October", "this year", "Tuesday" in "Tuesday's vote", "three days ago"),
durations ("about six months", "48 hours", "the past two years"), seasons, halves, quarters,
decades, centuries, times of day, sets ("every year") and references ("since the first day",
"now"). Candidates come from our own patterns; spaCy's DATE entities confirm bare years.

Relative expressions need an anchor: the publication date (`publication`), an estimate of it
(`estimated`, e.g. from a calendar statement), or nothing, in which case the unknown parts are
written with X as TIMEX3 does ("XXXX-10").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..records import Span, TimeExpr
from .lexicons.calendar import (MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS_AND_ABBREVIATIONS, PARTS_OF_DAY, SEASONS,
                                WEEKDAY_RE, WEEKDAYS, alternatives)
from .lexicons.numbers import ARTICLES, CARDINALS, NUMBER_PHRASES, SMALL_NUMBERS, TENS, VAGUE_NUMBERS

# ---------------------------------------------------------------------------------------------
# vocabulary (the words themselves live in nlp/lexicons)

MONTHS = MONTHS_AND_ABBREVIATIONS
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                   9: "FA", 10: "FA", 11: "FA"}
SEASON_ORDER = ("WI", "SP", "SU", "FA")
NUMBER_WORDS = {**CARDINALS, **ARTICLES, **NUMBER_PHRASES}
UNIT_CODES = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
              "week": ("W", False), "fortnight": ("W", False), "month": ("M", False), "year": ("Y", False),
              "decade": ("Y", False), "century": ("Y", False)}
UNIT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100}
MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
        "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "close to": "LESS_THAN",
        "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN",
        "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
        "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS"}
PART_OF_DAY = PARTS_OF_DAY
EDGE_MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
             "late": "END", "end": "END"}

_MONTH_RE = ("(?:" + alternatives(MONTH_NAMES) + "|" + alternatives(MONTH_ABBREVIATIONS, r"\.") + "|"
             + alternatives(MONTH_ABBREVIATIONS) + ")(?![a-z])")
_WEEKDAY_RE = WEEKDAY_RE
_SEASON_WORDS = "|".join(SEASONS)
# capitalised, or lower case but "fall" (a verb: "prices fall 2024 ...")
_SEASON_CASED = alternatives(SEASONS) + "|" + "|".join(w for w in SEASONS if w != "fall")
_THIS_TOD = "|".join(p for p in PARTS_OF_DAY if p != "night")  # "this morning", but "tonight"
# the numbers a length of time is counted in: digits, "twenty-one", zero to nineteen, the number
# phrases but bare "hundred" and "a half" (never in this pattern), "an?" after the longer "a ..."
# phrases, and the vague numbers but "some" (a modifier here: _MOD_RE)
_NUM_PHRASES = [p for p in NUMBER_PHRASES if p not in ("hundred", "a half")]
_NUM_RE = (r"(?:\d+(?:\.\d+)?|(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(SMALL_NUMBERS[1:10]) + r"))?|"
           + "|".join(SMALL_NUMBERS) + "|" + "|".join(_NUM_PHRASES) + "|" + "|".join(sorted(ARTICLES, reverse=True))
           + "|" + "|".join(v for v in VAGUE_NUMBERS if v != "some") + ")")
_UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
_MOD_RE = (r"(?:about|around|roughly|approximately|some|nearly|almost|close to|just over|well over|more than|"
           r"over|less than|just under|under|at least|up to|at most|no more than)")
_EDGE_RE = (r"(?:(?P<edge>(?i:early|mid|late))[\s\-]+|(?:(?i:the)\s+)?(?P<edge2>(?i:beginning|start|middle|end))"
            r"\s+of\s+)")
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "last": -1, "final": -1, "latter": 2}


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
    def kind(self) -> str:
        if self.date is not None:
            return "estimated" if self.estimated else "publication"
        return "publication" if self.year is not None else "unknown"


def _iso(s) -> Optional[dt.date]:
    if isinstance(s, dt.date):
        return s
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# tense of the clause holding an expression

_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|['’]ll|is|are|was|were)\s+(?:\w+\s+)?(?:going|due|set|scheduled|expected|"
                     r"to be held)\b|\b(?:will|won['’]t|shall|would|['’]ll|plans? to|planning to|intends? to|"
                     r"upcoming|coming|next)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|ago|last|yesterday|began|came|went|took|made|met|"
                   r"has been|have been|\w{3,}ed)\b", re.IGNORECASE)


def tense_of_text(clause: str) -> str:
    """past | present | future from the words of a clause (used when no parse is at hand)."""
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return "present"


def _verb_tense(v) -> str:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "’ll", "shall", "wo", "would"} or v.lower_ in ("will", "shall"):
        return "future"
    if v.tag_ == "VB" and any(c.lower_ == "to" for c in auxes):  # "is set to meet", "plans to visit"
        h = v.head
        if h is not v and h.lower_ in ("set", "due", "expected", "scheduled", "plans", "plan", "planning",
                                       "going", "intends", "aims", "hopes", "wants", "vowed", "promised"):
            return "future"
        if h is not v:
            return _verb_tense(h)
    tags = [a.tag_ for a in auxes] + [v.tag_]
    if "VBD" in tags:
        return "past"
    if v.tag_ == "VBN" and words & {"has", "have", "'ve", "’ve"}:
        return "perfect"  # present perfect: past for resolving dates, present for "Today, ..."
    if v.tag_ == "VBN" and (words & {"'s", "’s", "had"} or not auxes):
        return "past"
    return "present"


def tense_in_doc(doc, start: int, end: int) -> Optional[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD":
            return _verb_tense(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    # no governing verb (a headline, a fragment): the sentence's root, if it is a verb
    root = span.sent.root
    if root.pos_ in ("VERB", "AUX"):
        return _verb_tense(root)
    return None


# ---------------------------------------------------------------------------------------------
# resolution helpers

def _num(word: str) -> Optional[float]:
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


# ---------------------------------------------------------------------------------------------
# patterns

@dataclass
class _Ctx:
    text: str
    anchor: Anchor
    tense: Callable[[int, int], str]


class _Result(tuple):
    pass


def _r(value, precision, type_="DATE", mod=None, anchored=True, start=None, end=None):
    return (value, precision, type_, mod, anchored, start, end)


def _edge(m) -> Optional[str]:
    e = None
    for g in ("edge", "edge2"):
        if g in m.re.groupindex and m.group(g):
            e = m.group(g).lower()
    return EDGE_MODS.get(e) if e else None


def h_iso(m, c):
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return _r(d.isoformat(), "day", anchored=False)


def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


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
        value += "T" + PART_OF_DAY[tod.lower()]
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
                          r"late|mid|year|between|through|throughout|" + _SEASON_WORDS + r"|"
                          r"fiscal|end|start|beginning|middle)|[(\-–—/;:.!?“\"]|^)\s*$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^(?:\s*[,.;:)\-–—?!'’]|\s*$|\s+(?:and|or|to|through|until|when|as|after|before|"
                         r"in|at|on|with|the|a|he|she|it|they|we|I)\b)")


def h_year(m, c):
    y = int(m.group("year"))
    if not 1000 <= y <= 2099:
        return None
    before = c.text[max(0, m.start() - 14):m.start()]
    after = c.text[m.end():m.end() + 12]
    ent_ok = getattr(c, "date_ents", None)
    in_ent = ent_ok is not None and any(s <= m.start() and m.end() <= e for s, e in ent_ok)
    if not in_ent and not (_YEAR_BEFORE.search(before) and (y >= 1800 or re.search(r"\b(?:in|since|year)\s*$", before))):
        if not (_YEAR_AFTER.match(after) and 1900 <= y <= 2099 and not re.search(r"[\d$€£]\s*$", before)):
            return None
    return _r(str(y), "year", mod=_edge(m), anchored=False)


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
        return _r("XXXX-XX-XX" + (f"T{PART_OF_DAY[tod]}" if tod else ""), "day", anchored=True)
    d = a.date + dt.timedelta(days=off)
    return _r(d.isoformat() + (f"T{PART_OF_DAY[tod]}" if tod else ""), "day")


def h_weekday(m, c):
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("wrel") or "").lower().replace("this past", "last").replace("past", "last").replace("coming", "next")
    tod = (m.group("tod") or "").lower()
    a = c.anchor
    suffix = f"T{PART_OF_DAY[tod]}" if tod else ""
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


_P = []


def _pat(regex, handler, flags=0, span_group=None):
    _P.append((re.compile(regex, flags), handler, span_group))


# Every pattern has a cheap needle (a word it cannot match without); the pattern runs only in a
# window around the needle's hits, so a text without "ago" never pays for the "... ago" pattern.
_NEEDLE_MONTH = re.compile(_MONTH_RE)
_NEEDLE_WEEKDAY = re.compile(_WEEKDAY_RE)
_NEEDLES = {
    "h_iso": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "h_mdy": _NEEDLE_MONTH, "h_dmy": _NEEDLE_MONTH, "h_month_year": _NEEDLE_MONTH, "h_month": _NEEDLE_MONTH,
    "h_season": re.compile(_SEASON_WORDS, re.IGNORECASE),
    "h_quarter": re.compile(r"quarter|\bQ[1-4]\b", re.IGNORECASE),
    "h_half": re.compile(r"half|\bH[12]\b", re.IGNORECASE),
    "h_decade": re.compile(r"0['’]?s\b"),
    "h_century": re.compile(r"century", re.IGNORECASE),
    "h_year": re.compile(r"\d{4}"),
    "h_rel_day": re.compile(r"today|yesterday|tomorrow|tonight|last night|this\s+(?:" + _THIS_TOD + ")",
                            re.IGNORECASE),
    "h_weekday": _NEEDLE_WEEKDAY, "h_weekday_set": _NEEDLE_WEEKDAY,
    "h_rel_unit": re.compile(r"\b(?:this|last|next|current|previous|coming)\s+(?:year|month|week|decade|century)",
                             re.IGNORECASE),
    "h_ago": re.compile(r"\bago\b", re.IGNORECASE),
    "h_past_n": re.compile(r"\bthe\s+(?:past|last|next|coming|previous|following)\b", re.IGNORECASE),
    "h_duration": re.compile(r"\b(?:second|minute|hour|day|week|fortnight|month|year|decade|centur)", re.IGNORECASE),
    "h_hyphen_duration": re.compile(r"-(?:second|minute|hour|day|week|month|year|decade)\b", re.IGNORECASE),
    "h_vague_duration": re.compile(r"\b(?:for|recent|coming)\s+(?:days|weeks|months|years|decades)\b", re.IGNORECASE),
    "h_time": re.compile(r"[ap]\.?m\b", re.IGNORECASE),
    "h_noon": re.compile(r"noon|midnight", re.IGNORECASE),
    "h_ref": re.compile(r"\b(?:now|currently|nowadays|recently|lately|soon|present|past|future|since)\b", re.IGNORECASE),
    "h_set": re.compile(r"\b(?:every|each)\s", re.IGNORECASE),
}
_MARGIN = (80, 80)  # characters searched before and after a needle's hit
_MARGINS = {"h_duration": (45, 15), "h_past_n": (5, 60), "h_rel_unit": (45, 15), "h_ref": (10, 45),
            "h_season": (45, 25), "h_rel_day": (5, 30), "h_hyphen_duration": (15, 5)}


def _matches(rx, handler, text):
    """rx's matches in text, searched only around the needle's hits (the same matches as a full scan
    for every pattern here, whose matches reach no further from their needle than its margins)."""
    needle = _NEEDLES.get(handler.__name__)
    if needle is None:
        yield from rx.finditer(text)
        return
    windows = []
    before, after = _MARGINS.get(handler.__name__, _MARGIN)
    for m in needle.finditer(text):
        lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:  # disjoint, in order: no match is seen twice
        yield from rx.finditer(text, lo, hi)


_I = re.IGNORECASE
_TOD = r"(?:\s+(?P<tod>" + "|".join(PARTS_OF_DAY) + "))?"
_pat(r"\b(\d{4})-(\d{2})-(\d{2})\b", h_iso)
_pat(r"(?:\b" + _WEEKDAY_RE + r",?\s+(?:\()?)?\b(?P<mon>" + _MONTH_RE + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
     r"(?:,?\s+(?P<year>\d{4})\b)?" + _TOD, h_mdy)
_pat(r"(?:\b" + _WEEKDAY_RE + r",?\s+)?\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>"
     + _MONTH_RE + r")(?:,?\s+(?P<year>\d{4})\b)?", h_dmy)
_pat(r"(?:" + _EDGE_RE + r")?\b(?P<mon>" + _MONTH_RE + r")(?:\s+of)?,?\s+(?P<year>\d{4})\b", h_month_year)
_pat(r"(?:\b(?P<prep>(?i:in|since|until|till|by|from|of|during|between|through|before|after|and|or|to|the))\s+|"
     r"(?P<rel>(?i:last|next|this))\s+|" + _EDGE_RE + r")(?P<mon>" + _MONTH_RE + r")(?![\w\-]|\s+\d)", h_month)
_pat(r"(?:(?P<rel>last|next|this)\s+|" + _EDGE_RE + r"|\b(?P<prep>in|during|since|until|by|this|last|next)\s+(?:the\s+)?)"
     r"(?P<season>" + _SEASON_WORDS + r")(?:\s+(?:of\s+)?(?P<year>\d{4})\b)?(?!\s+(?:of\b|session))", h_season, _I)
_pat(r"\b(?P<season>" + _SEASON_CASED + r")\s+(?:of\s+)?(?P<year>\d{4})\b", h_season)
_pat(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+quarter(?:\s+of\s+(?:(?P<year>\d{4})|"
     r"(?P<yrel>this|last|next)\s+year|the\s+(?:current\s+)?year))?(?!\s+of\s+(?:the\s+)?(?:century|month))", h_quarter, _I)
_pat(r"\bQ(?P<q>[1-4])\s+(?P<year>\d{4})\b", h_quarter)
_pat(r"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|latter)\s+half\s+of\s+(?:(?P<year>\d{4})|(?P<yrel>this|last|next)\s+year|"
     r"the\s+(?:current\s+)?year)\b", h_half, _I)
_pat(r"\bH(?P<h>[12])\s+(?P<year>\d{4})\b", h_half)
_pat(r"(?:" + _EDGE_RE + r")?\b(?P<dec>\d{3})0['’]?s\b", h_decade, _I)
_pat(r"(?:" + _EDGE_RE + r")?(?<!\w)['’](?P<dec>\d)0s\b", h_decade, _I)
_pat(r"(?:" + _EDGE_RE + r")?\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", h_century, _I)
_pat(r"(?:" + _EDGE_RE + r")?(?<![\w$€£.,/])(?<!\d[\-–])(?P<year>\d{4})(?![\w%/]|[.,]\d|-\d{2}-)", h_year)
_pat(r"\b(?P<rd>today|yesterday|tomorrow|tonight|last night)(?:\s+(?P<tod>" + "|".join(PARTS_OF_DAY) + r"))?\b", h_rel_day, _I)
_pat(r"\b(?P<rd>this)\s+(?P<tod>" + _THIS_TOD + r")\b", h_rel_day, _I)
_pat(r"(?:(?P<wrel>(?i:last|next|this past|this|past|coming))\s+)?\b(?P<wd>" + _WEEKDAY_RE + r")(?!s\b)(?!\s+of\b)"
     r"(?!\s+(?:prayers?|sermons?|services?|worship|market|Times)\b)" + _TOD, h_weekday)
_pat(r"\b(?P<wd>" + _WEEKDAY_RE + r")s\b", h_weekday_set)
_pat(r"(?:(?P<when>(?i:earlier|later))\s+|" + _EDGE_RE + r")?\b(?P<rel>(?i:this|last|next|current|previous|coming))\s+"
     r"(?P<unit>(?i:year|month|week|weekend|decade|century))\b(?!['’]s\b)", h_rel_unit)
_pat(r"(?:(?P<mod>" + _MOD_RE + r")\s+)?\b(?P<n>" + _NUM_RE + r")\s+(?P<unit>" + _UNIT_RE + r")\s+ago\b", h_ago, _I)
_pat(r"\bthe\s+(?:past|last|next|coming|previous|following)\s+(?:(?P<mod>" + _MOD_RE + r")\s+)?(?:(?P<n>" + _NUM_RE
     + r")\s+)?(?P<unit>" + _UNIT_RE + r")\b", h_past_n, _I)
_pat(r"(?:(?P<mod>" + _MOD_RE + r")\s+)?\b(?P<n>" + _NUM_RE + r")\s+(?P<unit>" + _UNIT_RE + r")\b(?!['’])", h_duration, _I)
_pat(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred)-"
     r"(?P<unit>second|minute|hour|day|week|month|year|decade)\b", h_hyphen_duration, _I)
_pat(r"\b(?:for|in recent|over recent|in coming|in the coming|over the coming)\s+(?P<unit>days|weeks|months|years|decades)\b",
     h_vague_duration, _I, span_group="unitspan")
_pat(r"\b(?P<hh>\d{1,2})(?::(?P<mm>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)", h_time, _I)
_pat(r"\b(?:noon|midnight)\b", h_noon, _I)
_pat(r"\b(?:now|currently|nowadays|recently|lately|soon|at present)\b|(?<=\bin )the\s+(?:past|future)\b(?![\s\-]+\w+\s+(?:years?|months?|weeks?|days?|decades?))"
     r"|\bsince\s+(?:the\s+(?:very\s+)?(?:first\s+day|beginning|outset|start)|day\s+one|then)\b(?!\s+of\b)", h_ref, _I)
_pat(r"\b(?:every|each)\s+(?P<unit>day|week|month|year)\b", h_set, _I)


def find_times(text: str, anchor: Optional[Anchor] = None, doc=None, date_ents=None) -> list[TimeExpr]:
    """Every time expression of text, in order, without overlaps (the longest wins)."""
    anchor = anchor or Anchor()
    tense_cache: dict = {}

    def tense(s, e):
        t = raw_tense(s, e)
        return "past" if t == "perfect" else t

    def raw_tense(s, e):
        k = (s, e)
        if k not in tense_cache:
            t = tense_in_doc(doc, s, e) if doc is not None else None
            if t is None:
                a = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), text.rfind(";", 0, s)) + 1
                b_candidates = [i for i in (text.find(".", e), text.find("\n", e), text.find(";", e)) if i != -1]
                b = min(b_candidates) if b_candidates else len(text)
                t = tense_of_text(text[a:s] + " " + text[e:b])
            tense_cache[k] = t
        return tense_cache[k]

    def generic_today(s, e):
        # "Today, X have become ...": today as "nowadays" when it opens a present-tense sentence
        line_start = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, 0)
        opens = not text[line_start:s].strip()
        return opens and text[e:e + 1] == "," and raw_tense(s, e) in ("present", "perfect")

    ctx = _Ctx(text, anchor, tense)
    ctx.generic_today = generic_today
    if date_ents is None and doc is not None:
        date_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    ctx.date_ents = date_ents
    cands = []
    for order, (rx, handler, span_group) in enumerate(_P):
        for m in _matches(rx, handler, text):
            if m.end() <= m.start():
                continue
            try:
                r = handler(m, ctx)
            except (ValueError, KeyError, OverflowError):
                r = None
            if r is None or r[0] is None:
                continue
            s, e = m.start(), m.end()
            if handler is h_vague_duration:
                s = m.start("unit")
            if r[5] is not None:
                s = r[5]
            s, e = _trim(text, s, e)
            cands.append((s, e, order, r))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, _, r in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        value, precision, type_, mod, anchored, _, _ = r
        out.append(TimeExpr(Span.of(text, s, e), value, precision, type_, mod,
                            anchor.kind if anchored else "none"))
    out.sort(key=lambda t: t.span.start)
    return out


def _trim(text, s, e):
    while s < e and text[s] in " \t\n,(":
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e
