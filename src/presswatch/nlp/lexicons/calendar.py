"""Calendar words: month and weekday names (English), as times, claims and publication dates read them."""
from __future__ import annotations

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
# the abbreviations news writes ("Sept. 4", "Jan 2024"); "may" has none
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTHS = {name: i + 1 for i, name in enumerate(MONTH_NAMES)}
MONTHS_AND_ABBREVIATIONS = {**MONTHS, **MONTH_ABBREVIATIONS}

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)}  # 0 = Monday, as datetime.weekday()
