"""Calendar words: month and weekday names, seasons and parts of the day (English), as times, claims
and publication dates read them, and the regex alternations built from them."""
from __future__ import annotations

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
# the abbreviations news writes ("Sept. 4", "Jan 2024"); "may" has none. "sept" before "sep": a
# regex alternation built from this tries the longer first (as "Sept?" does)
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9,
                       "sep": 9, "oct": 10, "nov": 11, "dec": 12}
MONTHS = {name: i + 1 for i, name in enumerate(MONTH_NAMES)}
MONTHS_AND_ABBREVIATIONS = {**MONTHS, **MONTH_ABBREVIATIONS}

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)}  # 0 = Monday, as datetime.weekday()

# the seasons and their TIMEX3 codes ("fall" is also a verb: the case-sensitive season pattern of
# nlp/times takes it only capitalised)
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# the parts of the day and their TIMEX3 codes ("Tuesday morning": "...TMO")
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def alternatives(words, after: str = "", capitalized: bool = True) -> str:
    """words as regex alternatives in their order, "January|February|...", each followed by `after`
    (a regex, e.g. r"\\."); capitalised as names are written, or as they are."""
    return "|".join((w.capitalize() if capitalized else w) + after for w in words)


# "(?:January|...|December)": the full month names, capitalised
MONTH_NAME_RE = "(?:" + alternatives(MONTH_NAMES) + ")"
# "(?:Monday|...|Sunday)"
WEEKDAY_RE = "(?:" + alternatives(WEEKDAY_NAMES) + ")"
