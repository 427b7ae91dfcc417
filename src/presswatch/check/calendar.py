"""Calendar statements ("this year falling on April 5") against the observance calendar."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..records import Check
from .observances import WEEKDAYS, Calendar, CalendarError

_ORDINALS = {"first": 1, "second": 2, "third": 3, "last": -1, "final": -1}


def _rule_agrees(stated: Optional[str], obs) -> Optional[str]:
    """A sentence on whether the rule the text states is the calendar's rule, or None."""
    if not stated or obs.rule != "hijri_last_weekday":
        return None
    m = re.match(r"(\w+)\s+(\w+)\s+of\s+.*?(\w+)$", stated.strip())
    if not m:
        return None
    ordinal, weekday, month = m.group(1).lower(), m.group(2).capitalize(), m.group(3).lower()
    same = (_ORDINALS.get(ordinal) == -1 and weekday == WEEKDAYS[obs.weekday]
            and month.startswith("ramadan") == (obs.month == 9))
    return (f"the stated rule '{stated}' is the calendar's rule" if same
            else f"the stated rule '{stated}' differs from the calendar's ({obs.rule_text()})")


def check_statement(st, calendar: Calendar, pub_year: Optional[int], year_from_this: bool = False,
                    country: Optional[str] = None) -> Check:
    obs = st.observance
    year = st.year or (pub_year if st.this_year else None)
    if year is None:
        why = ("the statement gives no year and the article's publication year is unknown"
               if st.this_year else "the statement gives no year")
        return Check("unverifiable", f"{obs.name}: {why}", "calendar")
    try:
        occs = calendar.occurrences(obs, year, country)
    except CalendarError as exc:
        return Check("unverifiable", str(exc), "calendar")
    if not occs:
        return Check("unverifiable", f"{obs.name} does not fall in {year} by the calendar's rule", "calendar")
    circular = (f" (the publication year {year} was itself inferred from this statement)"
                if year_from_this and not st.year else "")
    rule_note = _rule_agrees(st.rule, obs)
    parts = [o.explanation for o in occs]
    if rule_note:
        parts.append(rule_note)
    evidence = "; ".join(parts)
    if st.month and st.day:
        try:
            stated = dt.date(year, st.month, st.day)
        except ValueError:
            return Check("inconsistent", f"{st.month}/{st.day} is not a date in {year}", "calendar")
        gaps = [abs((o.date - stated).days) for o in occs]
        best = min(range(len(occs)), key=lambda i: gaps[i])
        occ = occs[best]
        ref = {"date": occ.date.isoformat(), "basis": occ.basis, "source": occ.source or "observance calendar"}
        if gaps[best] == 0:
            return Check("consistent", f"stated {stated:%B} {st.day}, {year}: {evidence}{circular}", "calendar", ref)
        if gaps[best] == 1 and occ.basis == "computed" and occ.hijri_year is not None:
            return Check("unverifiable", f"stated {stated}, computed {occ.date}: a day apart, within the error of a "
                                         f"computed date (moon sighting); {evidence}", "calendar", ref)
        return Check("inconsistent", f"stated {stated}, but {evidence}", "calendar", ref)
    if st.weekday is not None:
        days = [o.date for o in occs]
        ok = any(d.weekday() == st.weekday for d in days)
        said = WEEKDAYS[st.weekday]
        ref = {"date": days[0].isoformat(), "basis": occs[0].basis, "source": occs[0].source or "observance calendar"}
        near = any((d + dt.timedelta(days=k)).weekday() == st.weekday for d in days for k in (-1, 1))
        if not ok and near and all(o.basis == "computed" and o.hijri_year is not None for o in occs):
            return Check("unverifiable", f"stated a {said} in {year}, a day from the computed "
                                         f"{', '.join(f'{d} ({d:%A})' for d in days)}, within the error of a "
                                         f"computed date (moon sighting); {evidence}", "calendar", ref)
        return Check("consistent" if ok else "inconsistent", f"stated a {said} in {year}; {', '.join(f'{d} is a {d:%A}' for d in days)}: "
                              f"{evidence}{circular}", "calendar", ref)
    return Check("unverifiable", f"{obs.name}: the statement names no date to compare", "calendar")
