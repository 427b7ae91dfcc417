"""Quantity claims against reference series; historical dates against a fact table."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..records import Check

_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "and", "or", "with", "from", "as", "is",
         "are", "was", "were", "be", "been", "have", "has", "had", "number", "total", "count"}
_SYN = {"killed": "kill", "kills": "kill", "kill": "kill", "dead": "kill", "deaths": "kill", "death": "kill",
        "died": "kill", "fatalities": "kill", "fatality": "kill", "wounded": "injur", "injured": "injur",
        "injuries": "injur", "people": "people", "persons": "people", "person": "people",
        "declared": "declar", "declare": "declar", "declaration": "declar", "proclaimed": "declar"}
APPROX = {"about", "around", "some", "roughly", "approximately", "an estimated", "nearly", "almost", "close to",
          "as many as"}
LOWER_BOUND = {"more than", "over", "at least", "in excess of", "upwards of", "well over", "just over",
               "no fewer than"}
UPPER_BOUND = {"fewer than", "less than", "under", "up to", "at most", "no more than", "just under"}


def words(text: str) -> set:
    out = set()
    for w in re.findall(r"[a-z0-9]+", (text or "").lower().replace("’", "'")):
        if w in _STOP:
            continue
        w = _SYN.get(w, w)
        if len(w) > 4 and w.endswith("s"):
            w = w[:-1]
        out.add(w)
    return out


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"


def check_quantity(claim, tables, claim_date: Optional[dt.date], date_note: str, tolerance: float,
                   max_gap_days: int = 31) -> Optional[Check]:
    """A Check for a quantity claim against the reference series that match it, or None if none match."""
    have = words(" ".join(x for x in (claim.span.text, claim.counted or "", claim.place or "") if x))
    rows = [(t, r) for t in tables for r in t.rows if words(r.key) and words(r.key) <= have]
    if not rows:
        return None
    series = sorted({r.key for _, r in rows})
    unit = "USD" if claim.counted == "USD" else ("EUR" if claim.counted == "EUR" else ("GBP" if claim.counted == "GBP" else ""))
    same_unit = [(t, r) for t, r in rows if r.unit == unit]
    if not same_unit:
        return Check("unverifiable", f"reference series {', '.join(series)} are in {rows[0][1].unit or 'counts'}, "
                                     f"the claim is in {unit or 'counts'}: the units differ", "reference")
    if claim_date is None:
        return Check("unverifiable", f"reference series {', '.join(series)} match, but the claim's date is unknown "
                                     f"(no publication date): give the article's published date", "reference")
    before = [x for x in same_unit if x[1].date <= claim_date]
    after = [x for x in same_unit if x[1].date > claim_date]
    pick = max(before, key=lambda x: x[1].date) if before else min(after, key=lambda x: x[1].date)
    t, r = pick
    gap = abs((claim_date - r.date).days)
    where = f"{t.path} line {r.line}" + (f", source: {r.source}" if r.source else "")
    ref = {"series": r.key, "date": r.date.isoformat(), "value": r.value, "unit": r.unit, "source": r.source,
           "file": t.path, "line": r.line}
    if gap > max_gap_days:
        return Check("unverifiable", f"the nearest value of '{r.key}' ({_fmt(r.value)} on {r.date}, {where}) is "
                                     f"{gap} days from the claim's date {claim_date}{date_note}; "
                                     f"more than {max_gap_days} days apart", "reference", ref)
    v, rv = claim.value, r.value
    q = claim.qualifier or ""
    if q in LOWER_BOUND:
        ok = rv >= v * (1 - tolerance)
        rule = f"'{q} {_fmt(v)}' needs at least {_fmt(v * (1 - tolerance))}"
    elif q in UPPER_BOUND:
        ok = rv <= v * (1 + tolerance)
        rule = f"'{q} {_fmt(v)}' needs at most {_fmt(v * (1 + tolerance))}"
    else:
        tol = max(tolerance, 0.1) if q in APPROX else tolerance
        ok = abs(rv - v) <= tol * max(abs(v), 1)
        rule = f"'{(q + ' ') if q else ''}{_fmt(v)}' allows {_fmt(v * (1 - tol))}..{_fmt(v * (1 + tol))}"
    diff = (v - rv) / rv * 100 if rv else 0.0
    evidence = (f"reference '{r.key}': {_fmt(rv)}{r.unit and ' ' + r.unit} on {r.date} ({where}); the claim, as of "
                f"{claim_date}{date_note}, says {(q + ' ') if q else ''}{_fmt(v)} ({diff:+.1f}% against the "
                f"reference); {rule} (tolerance {tolerance:.0%})")
    return Check("consistent" if ok else "inconsistent", evidence, "reference", ref)


def check_fact(claim, tables) -> Optional[Check]:
    """A Check for a historical-date claim against fact rows whose event words all occur in the claim."""
    have = words(claim.span.text + " " + (claim.counted or ""))
    hits = [(t, r) for t in tables for r in t.rows
            if (words(" ".join(r.keywords)) if r.keywords else words(r.key)) <= have]
    if not hits or not claim.time:
        return None
    t, r = hits[0]
    stated = claim.time
    prec = {4: "year", 7: "month", 10: "day"}.get(len(stated), "year")
    order = ["year", "month", "day"]
    common = order[min(order.index(prec), order.index(r.precision))]
    n = {"year": 4, "month": 7, "day": 10}[common]
    fact = r.date.isoformat()[:{"year": 4, "month": 7, "day": 10}[r.precision]]
    same = stated[:n] == r.date.isoformat()[:n]
    where = f"{t.path} line {r.line}" + (f", source: {r.source}" if r.source else "")
    ref = {"event": r.key, "date": fact, "source": r.source, "file": t.path, "line": r.line}
    evidence = f"the text says {claim.stated}; fact table: '{r.key}' {fact} ({where}); compared to the {common}"
    return Check("consistent" if same else "inconsistent", evidence, "facts", ref)
