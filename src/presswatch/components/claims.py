"""presswatch_claims: the article's checkable claims on doc._.claims (quantities, proportions, vague
quantities, historical dates, calendar statements), each with its checks: the calendar for calendar
statements, the reference series and fact tables of Options.reference and Options.facts."""
from __future__ import annotations

import datetime as dt
import re

from ..check import tables_for
from ..check.calendar import check_statement
from ..check.observances import default_calendar
from ..check.reference import check_fact, check_quantity
from ..nlp.claims import find_claims
from ..options import Options
from ..records import Check, Claim, Publication, Quote, TimeExpr
from .article import article_text
from .base import Step
from .times import anchor_of, statement_from_dict


class ClaimsStep(Step):
    name = "presswatch_claims"

    def run(self, doc, options: Options) -> None:
        if not options.claims or doc._.publication is None:
            doc._.claims = []
            return
        text, calendar = article_text(doc), default_calendar()
        pub = Publication.from_dict(doc._.publication)
        statements = [statement_from_dict(d, calendar) for d in doc._.calendar_statements or ()]
        times = [TimeExpr.from_dict(t) for t in doc._.times or ()]
        quotes = [Quote.from_dict(r) for r in doc._.quotes or ()]
        found = find_claims(text, doc, times, quotes, statements, pub.year)
        checker = _Checker(options, pub, statements, calendar, anchor_of(doc._.publication))
        # a fact stated again is one claim with its other mentions
        doc._.claims = [checker.checked(c.with_(mentions=tuple(again))).to_dict()
                        for c, again in zip(found.claims, found.repeats)]


class _Checker:
    """The checks of one article's claims, and the claim's time where the publication date gives it."""

    def __init__(self, options: Options, pub: Publication, statements, calendar, anchor):
        self.options, self.pub, self.calendar = options, pub, calendar
        self.by_start = {st.start: st for st in statements}
        self.tables = tables_for(options.reference, options.facts)
        self.date = anchor.date
        self.date_note = " (estimated publication date)" if anchor.estimated else (
            " (publication date)" if self.date else "")

    def checked(self, c: Claim) -> Claim:
        checks = self.checks(c)
        if c.kind == "quantity" and self.date is not None:
            if c.window and c.window.get("value", "").startswith("P"):
                c = c.with_(time=self.date.isoformat(), window=dict(c.window, **window_range(c.window["value"], self.date)))
            else:
                c = c.with_(time=self.date.isoformat())
        return c.with_(checks=tuple(checks)) if checks else c

    def checks(self, c: Claim) -> list:
        tables = self.tables
        if c.kind == "calendar" and c.span.start in self.by_start:
            return [check_statement(self.by_start[c.span.start], self.calendar, self.pub.year,
                                    self.pub.basis == "inferred")]
        if c.kind == "quantity" and c.value is not None:
            if tables.errors:
                return [Check("unverifiable", "reference data could not be loaded: " + "; ".join(tables.errors),
                              "reference")]
            if tables.reference:
                ck = check_quantity(c, tables.reference, self.date, self.date_note, self.options.reference_tolerance)
                return [ck] if ck is not None else []
        elif c.kind == "historical date" and tables.facts:
            ck = check_fact(c, tables.facts)
            return [ck] if ck is not None else []
        return []


def window_range(value: str, end: dt.date) -> dict:
    """P6M ending on 2024-04-05 -> {"from": "2023-10", "to": "2024-04"} (month precision)."""
    m = re.fullmatch(r"P(\d+)([YMWD])", value)
    if not m:
        return {}
    n, unit = int(m.group(1)), m.group(2)
    months = {"Y": 12 * n, "M": n, "W": 0, "D": 0}[unit]
    if months:
        i = end.year * 12 + end.month - 1 - months
        return {"from": f"{i // 12}-{i % 12 + 1:02d}", "to": f"{end.year}-{end.month:02d}"}
    days = n * (7 if unit == "W" else 1)
    return {"from": (end - dt.timedelta(days=days)).isoformat(), "to": end.isoformat()}
