"""The table of patterns: every regex that finds a time expression, in the order that breaks ties
between equally long matches, with its handler (nlp/times/handlers.py), the needle it cannot match
without and the margins around the needle's hits it is searched in (_matches)."""
from __future__ import annotations

import re

from ..lexicons.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, PARTS_OF_DAY, SEASONS, WEEKDAY_RE, alternatives
from ..lexicons.numbers import ARTICLES, CARDINALS, NUMBER_PHRASES, SMALL_NUMBERS, TENS, VAGUE_NUMBERS
from .handlers import (h_ago, h_century, h_decade, h_dmy, h_duration, h_half, h_hyphen_duration, h_iso, h_mdy,
                       h_month, h_month_year, h_noon, h_past_n, h_quarter, h_ref, h_rel_day, h_rel_unit, h_season,
                       h_set, h_time, h_vague_duration, h_weekday, h_weekday_set, h_year)

# ---------------------------------------------------------------------------------------------
# the pieces patterns are built of; the words come from nlp/lexicons

# a month's name or abbreviation, with or without the dot, not inside a longer word ("Mar" in "Marc")
_MONTH_RE = ("(?:" + alternatives(MONTH_NAMES) + "|" + alternatives(MONTH_ABBREVIATIONS, r"\.") + "|"
             + alternatives(MONTH_ABBREVIATIONS) + ")(?![a-z])")
_WEEKDAY_RE = WEEKDAY_RE
_SEASON_WORDS = "|".join(SEASONS)
# capitalised, or lower case but "fall" (also a verb)
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
# the numbers of "a six-month term", "a 48-hour strike": one to ten, twelve, the tens to fifty, hundred
_HYPHEN_NUM = "|".join([w for w, v in CARDINALS.items() if 1 <= v <= 10 or v in (12, 20, 30, 40, 50)] + ["hundred"])
_I = re.IGNORECASE
_TOD = r"(?:\s+(?P<tod>" + "|".join(PARTS_OF_DAY) + "))?"


# ---------------------------------------------------------------------------------------------
# the registry, the needles and the windows they open

_P: list = []


def _pat(regex, handler, flags=0, span_group=None):
    """Register a pattern; span_group: the group whose start is the expression's start."""
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


# ---------------------------------------------------------------------------------------------
# the table

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
_pat(r"\b(?P<n>\d+|" + _HYPHEN_NUM + r")-"
     r"(?P<unit>second|minute|hour|day|week|month|year|decade)\b", h_hyphen_duration, _I)
_pat(r"\b(?:for|in recent|over recent|in coming|in the coming|over the coming)\s+(?P<unit>days|weeks|months|years|decades)\b",
     h_vague_duration, _I, span_group="unit")
_pat(r"\b(?P<hh>\d{1,2})(?::(?P<mm>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)", h_time, _I)
_pat(r"\b(?:noon|midnight)\b", h_noon, _I)
_pat(r"\b(?:now|currently|nowadays|recently|lately|soon|at present)\b|(?<=\bin )the\s+(?:past|future)\b(?![\s\-]+\w+\s+(?:years?|months?|weeks?|days?|decades?))"
     r"|\bsince\s+(?:the\s+(?:very\s+)?(?:first\s+day|beginning|outset|start)|day\s+one|then)\b(?!\s+of\b)", h_ref, _I)
_pat(r"\b(?:every|each)\s+(?P<unit>day|week|month|year)\b", h_set, _I)
