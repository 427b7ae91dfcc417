"""Checkable claims: quantities, proportions, vague quantities, historical dates, calendar statements.

Each extractor is a plain function over the text (and the Doc where a parse helps) returning Claim
records with character offsets. Verdicts are added afterwards by presswatch.check.

The modules: calendar.py (calendar statements and their claims), quantities.py (quantities,
proportions, vague quantities), history.py (historical dates), sentences.py (the sentence around a
position), clean.py (constituent spans, figures of speech, nested and repeated claims), extract.py
(extract_claims: all of them, cleaned, in text order; find_claims: with each claim's repeats).
"""
from .calendar import CalendarStatement, calendar_claims, find_calendar_statements
from .clean import Cleaned, clean_claims
from .extract import extract_claims, find_claims
from .history import historical_claims
from .quantities import proportion_claims, quantity_claims, vague_claims

__all__ = ["CalendarStatement", "Cleaned", "calendar_claims", "clean_claims", "extract_claims", "find_calendar_statements",
           "find_claims",
           "historical_claims", "proportion_claims", "quantity_claims", "vague_claims"]
