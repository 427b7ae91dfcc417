"""Checkable claims: quantities, proportions, vague quantities, historical dates, calendar statements.

Each extractor is a plain function over the text (and the Doc where a parse helps) returning Claim
records with character offsets. Verdicts are added afterwards by presswatch.check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..records import Claim, Span
from .lexicons.calendar import MONTH_NAME_RE, MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAY_RE, WEEKDAYS
from .lexicons.numbers import CARDINALS, HUNDREDS_AND_THOUSANDS, NUMBER_PHRASES, SCALE_ABBREVIATIONS, SCALES

# ---------------------------------------------------------------------------------------------
# calendar statements: "International Quds Day (last Friday of Ramadan, this year falling on April 5)",
# "This year, Al-Quds Day falls on April 5", "Ramadan begins on March 11"

_MONTHS = MONTHS
_MONTH_RE = MONTH_NAME_RE
_WEEKDAY_RE = WEEKDAY_RE
_ON_DATE = re.compile(
    r"\b(?P<verb>fall(?:s|ing)?|fell|will\s+fall|is|was|will\s+be|be|marked|held|observed|celebrated|"
    r"begins?|began|beginning|starts?|started|starting|ends?|ended|ending)\b"
    r"(?P<mid>[^.;()\n]{0,25}?)\s*\bon\s+(?:(?P<wd>" + _WEEKDAY_RE + r"),?\s+)?(?:(?P<mon>" + _MONTH_RE
    + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>" + _MONTH_RE + r")"
    r"|an?\s+(?P<wdonly>" + _WEEKDAY_RE + r"))(?:,?\s+(?P<year>\d{4})\b)?")
_RULE = re.compile(r"(?:the\s+)?(?P<rule>(?:last|first|second|third|final)\s+" + _WEEKDAY_RE
                   + r"\s+of\s+(?:the\s+(?:holy\s+)?month\s+of\s+)?[A-Z][\w'’\-]+)")
_RAMADAN = re.compile(r"\b(?:the\s+(?:holy\s+)?month\s+of\s+)?Ramadan\b")


@dataclass(frozen=True)
class CalendarStatement:
    start: int
    end: int
    observance: object  # check.observances.Observance
    month: Optional[int]
    day: Optional[int]
    weekday: Optional[int]
    year: Optional[int]  # given in the text
    this_year: bool  # "this year" (or the present tense): the publication year is meant
    rule: Optional[str]
    tense: str


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)
    if text.rfind(". ", 0, pos) == -1:
        a = max(text.rfind("\n", 0, pos) + 1, 0)
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    b = min(ends) + 1 if ends else len(text)
    return a, min(b, len(text))


def find_calendar_statements(text: str, calendar) -> list[CalendarStatement]:
    """Statements that put an observance on a date (or weekday)."""
    mentions = [(s, e, o) for s, e, o in calendar.mentions(text)]
    start_obs, end_obs = calendar.observances.get("ramadan_start"), calendar.observances.get("ramadan_end")
    for m in _RAMADAN.finditer(text):  # "Ramadan begins on ...": Ramadan's first or last day
        after = text[m.end():m.end() + 40]
        if start_obs and re.match(r"\s+(?:will\s+)?(?:begins?|began|starts?|started|starting|beginning)\b", after):
            mentions.append((m.start(), m.end(), start_obs))
        elif end_obs and re.match(r"\s+(?:will\s+)?(?:ends?|ended|ending)\b", after):
            mentions.append((m.start(), m.end(), end_obs))
    mentions.sort(key=lambda t: t[0])
    out = []
    for i, (s, e, obs) in enumerate(mentions):
        sa, sb = _sentence_bounds(text, s)
        nxt = next((m[0] for m in mentions[i + 1:] if m[0] > e), len(text))
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
            continue
        month = _MONTHS[(m.group("mon") or m.group("mon2") or "").lower()] if (m.group("mon") or m.group("mon2")) else None
        day = int(m.group("day") or m.group("day2")) if (m.group("day") or m.group("day2")) else None
        wd_name = m.group("wdonly") or m.group("wd")
        weekday = WEEKDAYS[wd_name.lower()] if wd_name else None
        year = int(m.group("year")) if m.group("year") else None
        head = text[sa:s]
        this_year = bool(re.search(r"\bthis\s+year\b", head + window, re.IGNORECASE))
        verb = m.group("verb").lower()
        tense = "future" if verb.startswith("will") else (
            "past" if verb in ("fell", "was", "began", "started", "ended", "marked", "held", "observed", "celebrated")
            else "present")
        if year is None and not this_year and tense != "present":
            this_year = False
        rule_m = _RULE.search(window[:m.start()]) or _RULE.search(window)
        stmt_start = s
        ty = re.search(r"\bthis\s+year\s*,?\s*$", head, re.IGNORECASE)
        if ty:
            stmt_start = sa + ty.start()
        end = e + m.end()
        if close not in (None, -1):
            end = close + 1
        out.append(CalendarStatement(stmt_start, end, obs, month, day, weekday, year,
                                     this_year or (year is None and tense == "present"),
                                     rule_m.group("rule") if rule_m else None, tense))
    return out


def calendar_claims(statements, text: str) -> list[Claim]:
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


# ---------------------------------------------------------------------------------------------
# quantities, proportions, vague quantities

_SCALE = {**SCALES, **SCALE_ABBREVIATIONS}
# the number words a quantity is written in: one to twelve, fifteen, the tens to fifty, and hundreds
# and thousands written out; "one" alone has no value (matched, then left: "one of them")
_WORDS = [w for w, v in CARDINALS.items() if 1 <= v <= 12 or v in (15, 20, 30, 40, 50)]
_WRITTEN_OUT = {p: v for p, v in {**NUMBER_PHRASES, **HUNDREDS_AND_THOUSANDS}.items() if v in (100, 1000)}
_WORD_NUM = {**{w: CARDINALS[w] for w in _WORDS if w != "one"}, **_WRITTEN_OUT}
_QUALIFIER = (r"(?P<qual>more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than|"
              r"roughly|approximately|an estimated|as many as|upwards of|close to|in excess of|just over|"
              r"just under|well over|no fewer than|no more than|at most)")
# of the scale abbreviations only "bn" (the pattern leaves out "k" and "m")
_NUMBER = (r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:" + "|".join([*_WORDS, *_WRITTEN_OUT]) + "))"
           r"(?:\s*(?P<scale>" + "|".join(SCALES) + r"|bn)\b)?")
_QUANTITY = re.compile(r"(?:\b" + _QUALIFIER + r"\s+)?(?P<cur>[$€£])?(?<![\w.,])" + _NUMBER
                       + r"(?P<pct>\s*(?:%|percent\b|per cent\b))?", re.IGNORECASE)
_PROPORTION = re.compile(
    r"\b(?:the\s+|a\s+)?(?P<p>(?:overwhelming|vast|great|large|slim|small|narrow|clear|absolute)\s+majority|majority|"
    r"minority|(?:more than\s+|nearly\s+|almost\s+|about\s+)?(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters)|"
    r"most|one in (?:\w+))\s+of\s+(?P<of>[\w’'\- ]{1,60}?(?:,\s+[\w’'\-]+(?:\s+[\w’'\-]+)?)*"
    r"(?:,?\s+(?:and|or)\s+[\w’'\-]+(?:\s+[\w’'\-]+)?)?)(?=\s*[,.;:)]|$)", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?P<v>(?:tens|hundreds) of (?:thousands|millions)|millions|thousands|hundreds|dozens|scores|"
                    r"billions)\s+(?:of\s+)?(?P<what>(?:[\w’'\-]+\s+){0,2}?[\w’'\-]+)(?=[\s,.;:)]|$)",
                    re.IGNORECASE)
_CITED = re.compile(r"\b(?:as\s+)?(?:confirmed|reported|documented|verified|estimated|counted|recorded|stated)\s+by\s+"
                    r"(?P<src>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z\w][\w’'\-]*){0,5})"
                    r"|\baccording to\s+(?P<src2>(?:the\s+)?[\w’'\-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z\w][\w’'\-]*){0,5})")
_CASUALTY = re.compile(r"\b(?:killed|dead|died|deaths?|wounded|injured|displaced|missing|arrested|detained|"
                       r"fatalities|casualties|victims|refugees|homeless)\b", re.IGNORECASE)
_STOP_COUNTED = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as",
                 "have", "has", "had", "been", "be", "were", "was", "are", "is", "them", "their", "its", "it",
                 "they", "this", "that", "these", "those", "who", "which", "more", "than"}


_NUMBER_NEEDLE = re.compile(r"\d|\b(?:" + "|".join(_WORDS) + r"|hundred|thousand)\b", re.IGNORECASE)


def _quantities(text: str):
    """_QUANTITY's matches, searched only around numbers (a qualifier is at most 20 characters before)."""
    windows = []
    for m in _NUMBER_NEEDLE.finditer(text):
        lo, hi = max(0, m.start() - 24), min(len(text), m.end() + 40)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        yield from _QUANTITY.finditer(text, lo, hi)


def _number_value(num: str, scale: Optional[str]) -> Optional[float]:
    n = num.lower().replace(",", "")
    try:
        v = float(n)
    except ValueError:
        v = _WORD_NUM.get(n)
        if v is None:
            return None
    if scale:
        v *= _SCALE[scale.lower()]
    return v


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def _counted(text: str, start: int, end: int, doc) -> tuple[Optional[str], int]:
    """What a number counts ("people killed") and where that phrase ends."""
    if doc is not None:
        sp = doc.char_span(start, end, alignment_mode="expand")
        if sp is not None:
            tok = sp[-1]
            noun = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") and tok.head.i > tok.i else None
            if noun is None:
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                noun = nxt if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") else None
            if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                words = [noun.text]
                stop = noun.idx + len(noun.text)
                verb = noun.head
                if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
                    words.append(verb.text)
                    stop = max(stop, verb.idx + len(verb.text))
                elif noun.dep_ in ("dobj",) and verb.pos_ == "VERB":
                    words.insert(0, verb.text)
                for c in noun.children:  # "people killed" as an adjectival participle after the noun
                    if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1:
                        words.append(c.text)
                        stop = max(stop, c.idx + len(c.text))
                return " ".join(words), stop
    m = re.match(r"\s*((?:[a-z][\w’'\-]*\s+){0,1}[a-z][\w’'\-]*)", text[end:end + 40])
    if m:
        words = [w for w in m.group(1).split() if w.lower() not in _STOP_COUNTED]
        if words:
            return " ".join(words), end + m.end()
    return None, end


def _places(doc) -> list:
    if doc is None:
        return []
    return [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]


def _place(text: str, s: int, e: int, places) -> Optional[str]:
    if not places:
        return None
    sa, sb = _sentence_bounds(text, s)
    best, dist = None, None
    for ps, pe, ptext in places:
        if ps < sa or pe > sb:
            continue
        d = s - pe if pe <= s else ps - e
        d = abs(d) + (0 if pe <= s else 20)  # a place named before the figure is likelier its place
        if dist is None or d < dist:
            best, dist = ptext, d
    if best and best.lower().startswith("the "):
        best = best[4:]
    return best


def _cited(text: str, s: int, quotes) -> Optional[Span]:
    sa, sb = _sentence_bounds(text, s)
    for m in _CITED.finditer(text, sa, sb):
        g = "src" if m.group("src") else "src2"
        src_s, src_e = m.start(g), m.end(g)
        src = text[src_s:src_e]
        if src.lower().startswith("the "):
            src_s += 4
        return Span.of(text, src_s, src_e)
    for q in quotes or ():
        if q.source is not None and any(c.start <= s < c.end for c in q.content):
            return q.source
    return None


def _window(text: str, s: int, times) -> Optional[dict]:
    """The duration the figure covers: "in about six months", "over the past year", "since October"."""
    sa, sb = _sentence_bounds(text, s)
    for t in times:
        if sa <= t.span.start < sb and t.type == "DURATION" and t.span.start >= s - 10:
            return {"text": t.span.text, "value": t.value}
    return None


def _quoted_ranges(quotes) -> list:
    return [(c.start, c.end) for q in quotes or () for c in q.content]


def quantity_claims(text: str, doc=None, times=(), quotes=(), skip=()) -> list[Claim]:
    time_spans = [(t.span.start, t.span.end) for t in times]
    places = _places(doc)
    out = []
    for m in _quantities(text):
        s, e = m.start(), m.end()
        ns = m.start("num")
        if _inside(ns, time_spans) or _inside(ns, skip):
            continue
        value = _number_value(m.group("num"), m.group("scale"))
        if value is None:
            continue
        raw = m.group("num")
        before = text[max(0, ns - 12):ns]
        if re.search(r"(?:\b(?:No|no|number|Article|article|Resolution|page|chapter|version|route|flight)\.?\s*|#)$", before):
            continue
        if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2099 and not m.group("scale"):
            continue  # a year
        if text[e:e + 1] in "-–" and text[e + 1:e + 2].isdigit():
            continue  # a range or a score: keep it simple, leave it
        pct = bool(m.group("pct"))
        qual = (m.group("qual") or "").lower() or None
        if pct:
            continue  # percentages are proportions
        counted, stop = _counted(text, s, e, doc)
        if counted is None and not m.group("cur"):
            continue
        if value < 10 and not qual and not m.group("scale"):
            continue  # "two people", "three ministers": rarely worth checking
        unit = {"$": "USD", "€": "EUR", "£": "GBP"}.get(m.group("cur") or "")
        what = counted or unit
        span_end = max(e, stop)
        window = _window(text, s, times)
        cited = _cited(text, s, quotes)
        place = _place(text, s, span_end, places)
        if window:
            w_end = next((t.span.end for t in times if t.span.text == window["text"] and t.span.start >= s), span_end)
            span_end = max(span_end, w_end)
        number = f"{value:,.0f}" if value == int(value) else f"{value:,}"
        stated = " ".join(x for x in (qual, number, what) if x)
        score = 0.55 + (0.15 if cited else 0) + (0.1 if value >= 1000 else 0) \
            + (0.1 if _CASUALTY.search(counted or "") else 0) + (0.05 if qual else 0)
        out.append(Claim(Span.of(text, s, span_end), "quantity", stated, value=value, qualifier=qual,
                         counted=what, place=place, window=window, cited_source=cited,
                         score=min(score, 0.99)))
    return out


def proportion_claims(text: str, doc=None, quotes=()) -> list[Claim]:
    out = []
    for m in _PROPORTION.finditer(text):
        of = m.group("of").strip()
        if of.split()[0].lower() in ("the", "a") and len(of.split()) == 1:
            continue
        s, e = m.start(), m.end()
        ps = m.start("p")
        of = re.sub(r"^(?:them|those|these|whom|which)\s+", "", of)
        stated = f"{m.group('p').lower()}: {of}"
        cited = _cited(text, s, quotes)
        out.append(Claim(Span.of(text, ps, e), "proportion", stated, qualifier=m.group("p").lower(),
                         counted=of, cited_source=cited, score=0.4 + (0.15 if cited else 0)))
    for m in _quantities(text):
        if not m.group("pct"):
            continue
        value = _number_value(m.group("num"), None)
        if value is None:
            continue
        counted, stop = _counted(text, m.start(), m.end(), doc)
        cited = _cited(text, m.start(), quotes)
        qual = (m.group("qual") or "").lower() or None
        stated = " ".join(x for x in (qual, f"{value:g}%", counted) if x)
        out.append(Claim(Span.of(text, m.start(), max(m.end(), stop)), "proportion", stated, value=value,
                         qualifier=qual, counted=counted, cited_source=cited, score=0.5 + (0.15 if cited else 0)))
    return out


def vague_claims(text: str, quotes=()) -> list[Claim]:
    out = []
    for m in _VAGUE.finditer(text):
        what = m.group("what")
        if what.lower().split()[0] in ("of", "years", "miles", "kilometres", "kilometers", "times"):
            continue
        words = [w for w in what.split() if w.lower() not in _STOP_COUNTED]
        what = " ".join(words[:2]) if words else what
        out.append(Claim(Span.of(text, m.start(), m.end()), "vague quantity", " ".join(m.group(0).split()),
                         counted=what, cited_source=_cited(text, m.start(), quotes), score=0.2))
    return out


# ---------------------------------------------------------------------------------------------
# historical dates: "In 1980, ..., Ayatollah Khomeini declared the last Friday of Ramadan as Quds Day"

_OCCASION_WORDS = re.compile(r"\b(?:address(?:es)?|speech(?:es)?|sermon|remarks|interview|message|statement|"
                             r"press conference|news conference|meeting|letter)\b", re.IGNORECASE)


def historical_claims(text: str, doc, times, pub_year: Optional[int]) -> list[Claim]:
    if doc is None:
        return []
    out = []
    for t in times:
        if t.anchor != "none" or t.type != "DATE" or t.precision not in ("year", "month", "day"):
            continue
        try:
            year = int(t.value[:4])
        except ValueError:
            continue
        if pub_year is not None and year >= pub_year - 1:
            continue  # recent dates are news, not history
        sa, _ = _sentence_bounds(text, t.span.start)
        lead = text[sa:t.span.start]
        if _OCCASION_WORDS.search(lead):
            continue  # "In his address on Quds Day in 2022": when a statement was made, not a claim
        sp = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if sp is None:
            continue
        tok = sp.root
        verb = None
        for _ in range(4):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.pos_ == "VERB":
                verb = tok
                break
        if verb is None or verb.tag_ not in ("VBD", "VBN"):
            continue
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        end = verb.idx + len(verb.text)
        for c in verb.children:
            if c.dep_ in ("dobj", "attr", "oprd", "xcomp", "ccomp", "npadvmod") and c.i > verb.i:
                end = max(end, max(x.idx + len(x.text) for x in _phrase(c)))
        start = min(t.span.start, min(x.idx for x in subj[0].subtree))
        head = sp.root.head
        if head.dep_ == "prep" and head.i == sp.start - 1 and head.idx < start:
            start = head.idx  # "In 1980"
        event = text[min(x.idx for x in subj[0].subtree):end]
        out.append(Claim(Span.of(text, start, end), "historical date", t.span.text, time=t.value,
                         counted=event, score=0.5))
    return out


def _phrase(tok):
    """tok and its dependents, leaving out prepositions hanging on a prepositional object
    ("the last Friday of Ramadan as Quds Day [as a sign of ...]")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "prep" and tok.dep_ == "pobj":
            continue
        if c.dep_ in ("punct", "cc", "conj") and c.i > tok.i and tok.dep_ != "pobj":
            continue
        out.extend(_phrase(c))
    return out


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: (c.span.start, -c.span.end)):
        k = (c.kind, c.span.start)
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out


def extract_claims(text: str, doc=None, times=(), quotes=(), statements=(), pub_year=None) -> list[Claim]:
    """Every claim of the article, in text order (calendar statements come from find_calendar_statements)."""
    cal = calendar_claims(statements, text)
    skip = [(c.span.start, c.span.end) for c in cal]
    claims = cal + quantity_claims(text, doc, times, quotes, skip) + proportion_claims(text, doc, quotes) \
        + vague_claims(text, quotes) + historical_claims(text, doc, times, pub_year)
    return _dedupe(claims)
