"""When and on what occasion a statement was made, as the article states it.

- stated: "In his address on Quds Day in 2022, X praised ..." (the occasion, its year, and the date
  the observance calendar gives for that year), or a time expression attached to the cue verb ("X
  said on Tuesday", "In 1980, ... X declared").
- context: the occasion carries to the same speaker's statements in the paragraphs that continue
  it ("Furthermore, the Leader ...", "He ...", a paragraph of quotation).
- unknown: anything else. Never the publication date by default.
"""
from __future__ import annotations

import re
from typing import Optional

from ...records import StatementTime
from ..lexicons.people import POSSESSIVE_PRONOUNS
from ..lexicons.speech import OCCASION_NAMES, occasion_alternatives
from ..spans import ByStart

_OCCASION = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Aa]t|[Oo]n)\s+(?:" + "|".join(sorted(POSSESSIVE_PRONOUNS)) + r"|a|an|the|one of his|one of her)\s+"
    r"(?P<occ>(?:[\w’'\-]+\s+){0,3}?(?P<noun>" + occasion_alternatives() + ")"
    r"(?P<rest>(?:\s+(?:on|at|to|in|marking|for|before|of)\s+[^,;.“”\"]*)?))"
    r"(?=\s*[,;.“”\"]|$)")
_CONTINUES = re.compile(r"^(?:Furthermore|Moreover|In addition|Also|Additionally|He|She|They|“|\"|«)")
_NOMINAL = {"declared": "declaration", "announced": "announcement", "proclaimed": "proclamation",
            "decreed": "decree", "stated": "statement", "pledged": "pledge", "vowed": "vow",
            "warned": "warning", "promised": "promise", "ordered": "order"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
COUNTRY_OF_PLACE = {"TEHRAN": "IR", "QOM": "IR", "MASHHAD": "IR", "ISFAHAN": "IR", "BEIRUT": "LB",
                    "BAGHDAD": "IQ", "NAJAF": "IQ", "KARBALA": "IQ", "RIYADH": "SA", "MECCA": "SA", "JEDDAH": "SA",
                    "ANKARA": "TR", "ISTANBUL": "TR", "CAIRO": "EG", "ISLAMABAD": "PK", "KARACHI": "PK"}


def _observance_date(calendar, obs, year, country) -> Optional[str]:
    if calendar is None or obs is None or year is None:
        return None
    try:
        occs = calendar.occurrences(obs, year, country)
    except Exception:  # a year outside the tables: the year stands, the date stays unknown
        return None
    return occs[0].date.isoformat() if len(occs) == 1 else None


def stated_occasion(sentence: str, sent_start: int, calendar=None, country=None,
                    outside=(), possessive_inside=False) -> Optional[StatementTime]:
    """The occasion phrase of a sentence (outside the given absolute (start, end) ranges), or None.
    possessive_inside: reported speech may end with the speaker's own occasion ("... in his
    addresses on Quds Day"), so a his/her/their phrase inside it counts."""
    for m in _OCCASION.finditer(sentence):
        a, b = sent_start + m.start(), sent_start + m.end()
        if any(s < b and a < e for s, e in outside):
            if not (possessive_inside and re.match(r"\w+\s+(?:his|her|their)\b", m.group(0))):
                continue
        phrase = sentence[m.start():m.end()].strip().rstrip(",")
        occ = " ".join(m.group("occ").split())
        years = _YEAR.findall(phrase)
        year = int(years[-1]) if years else None
        obs = None
        if calendar is not None:
            found = calendar.mentions(phrase)
            obs = found[0][2] if found else None
        noun = m.group("noun").lower()
        if year is not None:
            occ = re.sub(r"\s+(?:in|of)\s+" + str(year) + r"\b", "", occ).strip()
        if obs is not None:
            occ = f"{obs.name} {OCCASION_NAMES.get(noun, noun)}"
        date = _observance_date(calendar, obs, year, country)
        return StatementTime(date=date, year=year, occasion=occ, text=phrase, basis="stated")
    return None


def _attached(doc, t, cue) -> bool:
    """Whether time expression t hangs on the cue verb (through a preposition at most)."""
    sp = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if sp is None:
        return False
    tok = sp.root
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if cue[0] <= tok.idx < cue[1]:  # a token of the cue
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def stated_time(q, s, e, text, doc, times, calendar, country) -> Optional[StatementTime]:
    """A time expression attached to the cue ("said on Tuesday", "In 1980, ... declared")."""
    if doc is None or q.cue is None or not times:
        return None
    content = [(cs, ce) for cs, ce in q.content]
    if not isinstance(times, ByStart):
        times = ByStart(times, lambda t: t.span.start)
    for t in times.starting_in(s, e):
        if t.type != "DATE" or t.value.endswith("_REF"):
            continue
        if any(cs <= t.span.start < ce for cs, ce in content):
            continue
        if not _attached(doc, t, q.cue):
            continue
        year = int(t.value[:4]) if t.value[:4].isdigit() else None
        date = t.value if t.precision == "day" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value) else None
        occasion = None
        verb = text[q.cue[0]:q.cue[1]].split()[-1].lower()
        if verb in _NOMINAL and calendar is not None:
            found = [o for cs, ce in content for _, _, o in calendar.mentions(text[cs:ce])]
            if found:
                occasion = f"{_NOMINAL[verb]} of {found[0].name}"
        return StatementTime(date=date, year=year, occasion=occasion, text=t.span.text, basis="stated")
    return None


def assign_times(quotes, speakers, sentence_of, text, paragraph_start, doc=None, times=(), calendar=None,
                 country=None) -> list[StatementTime]:
    """One StatementTime per quote; `speakers` are the quotes' speaker ids (None: unresolved).
    sentence_of(q) -> (start, end) of the sentence holding its cue."""
    out = []
    current = None  # (StatementTime, speaker, paragraph)
    times = ByStart(times, lambda t: t.span.start)  # each statement reads the times of its sentence
    for q, spk in zip(quotes, speakers):
        s, e = sentence_of(q)
        outside = list(q.content)
        st = stated_occasion(text[s:e], s, calendar, country, outside, possessive_inside=not q.is_direct)
        if st is None:
            st = stated_time(q, s, e, text, doc, times, calendar, country)
        if st is not None:
            current = (st, spk, q.paragraph)
            out.append(st)
            continue
        if current is not None:
            cst, cspk, cpara = current
            same = spk is not None and spk == cspk  # speakers by id: the same person of the article
            para_text = text[paragraph_start(q.paragraph):paragraph_start(q.paragraph) + 40]
            if same and (q.paragraph == cpara or (q.paragraph == cpara + 1 and _CONTINUES.match(para_text))):
                out.append(StatementTime(cst.date, cst.year, cst.occasion, cst.text, "context"))
                current = (cst, cspk, q.paragraph)
                continue
            if q.paragraph != cpara:
                current = None
        out.append(StatementTime())
    return out
