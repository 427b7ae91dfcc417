"""Moved to nlp/times/statements.py; this name stays until extract.py (owned elsewhere, being
rewritten) imports assign_times and COUNTRY_OF_PLACE from presswatch.nlp.times. Delete it then."""
from .times.statements import COUNTRY_OF_PLACE, assign_times, stated_occasion, stated_time

__all__ = ["COUNTRY_OF_PLACE", "assign_times", "stated_occasion", "stated_time"]
