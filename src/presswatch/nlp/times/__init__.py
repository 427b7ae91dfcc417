"""Time expressions -> TIMEX3 values, resolved against the publication date and the clause's tense;
and the times of statements.

find_times(text, anchor, doc=None) finds dates ("April 5", "October 2023", "in 2022"), relative
expressions ("last October", "this year", "Tuesday" in "Tuesday's vote", "three days ago"),
durations ("about six months", "48 hours", "the past two years"), seasons, halves, quarters,
decades, centuries, times of day, sets ("every year") and references ("since the first day",
"now"). Candidates come from our own patterns; spaCy's DATE entities confirm bare years.

Relative expressions need an anchor: the publication date (`publication`), an estimate of it
(`estimated`, e.g. from a calendar statement), or nothing, in which case the unknown parts are
written with X as TIMEX3 does ("XXXX-10").

The modules: patterns.py (the table of patterns, needles and margins), handlers.py (a match -> a
TIMEX3 value), resolve.py (Anchor and the calendar arithmetic: durations, year picking, weekdays),
tense.py (the tense of a clause), finder.py (find_times), statements.py (when and on what occasion
a statement was made: assign_times).
"""
from .finder import find_times
from .resolve import Anchor, duration_value
from .statements import COUNTRY_OF_PLACE, assign_times, stated_occasion, stated_time
from .tense import tense_in_doc, tense_of_text

__all__ = ["Anchor", "COUNTRY_OF_PLACE", "assign_times", "duration_value", "find_times", "stated_occasion",
           "stated_time", "tense_in_doc", "tense_of_text"]
