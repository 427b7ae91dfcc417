"""One article: the extractors of nlp/ and the checks of check/ assembled into its Analysis.

It sits above both packages (nlp/ imports only records, errors and settings; see DESIGN.md)."""
from __future__ import annotations

import bisect
import re

from . import settings
from .records import Analysis, Article, Entity, Quote, Span, Speaker
from .nlp.occasions import COUNTRY_OF_PLACE, assign_times
from .nlp.quotes import extract_quotes
from .nlp.speakers import resolve
from .nlp.text import find_dateline, paragraphs


_YEARS = re.compile(r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?![\d,])")


def _trim(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def extract_all(article: Article, doc) -> Analysis:
    text = article.text
    dl = find_dateline(text)
    broad = settings.get("attribution_scope") == "broad"
    threshold = settings.get("learned_cue_threshold")
    if broad:
        threshold = min(threshold, settings.BROAD_LEARNED_CUE_THRESHOLD)
    raw = extract_quotes(doc, text, threshold, broad=broad)
    reg, people = resolve(raw, doc, text)
    paras = paragraphs(text)
    sent_starts = [s.start_char for s in doc.sents]

    def sentence_of(q):
        anchor = q.cue[0] if q.cue else q.start
        k = max(bisect.bisect_right(sent_starts, anchor) - 1, 0)
        start = sent_starts[k]
        end = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(text)
        return start, end

    place = dl[0] if dl else None
    country = COUNTRY_OF_PLACE.get((place or "").upper())
    when = when_and_claims(article, doc, text, place, raw)
    cue_times = when["times"] if when["enabled"] else _cue_sentence_times(raw, sentence_of, text, when["anchor"])
    times = assign_times(raw, people, sentence_of, text, lambda k: paras[k][0] if k < len(paras) else len(text),
                         doc=doc, times=cue_times, calendar=when["calendar"], country=country)
    quotes = []
    floor = settings.get("min_confidence")
    for q, p, st in zip(raw, people, times):
        source = Span.of(text, *q.source) if q.source else None
        speaker = p.canonical if p is not None else (source.text if source else None)
        conf = q.confidence
        if p is None:
            conf -= 0.2
        quotes.append(Quote(
            content=tuple(Span.of(text, *_trim(text, s, e)) for s, e in q.content),
            source=source,
            cue=Span.of(text, *q.cue) if q.cue else None,
            speaker=speaker,
            speaker_id=p.id if p is not None else None,
            is_direct=q.is_direct,
            kind=q.kind,
            statement_time=st,
            confidence=max(0.05, min(conf, 0.99)),
        ))
        if quotes[-1].confidence < floor:
            quotes.pop()
    used = {p.id for p in people if p is not None}
    speakers = tuple(Speaker(p.id, p.canonical, p.kind, tuple(Span.of(text, s, e) for s, e in sorted(p.mentions)))
                     for p in reg.people if p.id in used)
    ent_ids = {}
    for p in reg.people:
        for s, e in p.mentions:
            ent_ids[(s, e)] = p.id
    entities = tuple(Entity(Span.of(text, e.start_char, e.end_char), e.label_, ent_ids.get((e.start_char, e.end_char)))
                     for e in doc.ents)
    return Analysis(
        doc_id=article.doc_id, title=article.title, url=article.url, outlet=article.outlet,
        origin=article.origin, publication=when["publication"],
        quotes=tuple(quotes), speakers=speakers, entities=entities,
        claims=tuple(attach_checks(when, quotes)), times=tuple(when["times"]) if when["enabled"] else ())


def _cue_sentence_times(raw, sentence_of, text, anchor) -> list:
    """With claims and times off, statement times still need the time expressions of the sentences
    that hold a cue: only those sentences are searched."""
    from dataclasses import replace

    from .nlp.times import find_times
    out = []
    for s, e in sorted({sentence_of(q) for q in raw if q.cue}):
        for t in find_times(text[s:e], anchor):
            out.append(replace(t, span=Span.of(text, s + t.span.start, s + t.span.end)))
    return out


def when_and_claims(article: Article, doc, text: str, place, raw_quotes) -> dict:
    """The publication date (given, metadata, dateline or inferred), the time expressions resolved
    against it, and the claims with the calendar statements they include."""
    from .check.observances import default_calendar
    from .nlp.claims import find_calendar_statements
    from .nlp.publication import publication_of
    from .nlp.times import Anchor, find_times

    calendar = default_calendar()
    enabled = bool(settings.get("claims"))
    # calendar statements: for the claims, or to infer the publication date when nothing gives it
    need = enabled or not article.published
    statements = find_calendar_statements(text, calendar) if need else []
    years = [int(y) for y in _YEARS.findall(text)] if statements else []
    pub, estimate, note = publication_of(article, place, text, statements, calendar, years)
    anchor = Anchor.of(pub.date, pub.year, estimate)
    times = find_times(text, anchor, doc) if enabled else []
    return {"publication": pub, "anchor": anchor, "estimate": estimate, "note": note, "times": times,
            "statements": statements, "calendar": calendar, "enabled": enabled, "doc": doc, "text": text,
            "raw_quotes": raw_quotes}


def attach_checks(when: dict, quotes) -> list:
    """The claims of the article, each with its checks (claims off: none)."""
    if not when["enabled"]:
        return []
    import datetime as dt

    from . import check
    from .check.calendar import check_statement
    from .check.reference import check_fact, check_quantity
    from .records import Check
    from .nlp.claims import extract_claims

    pub = when["publication"]
    claims = extract_claims(when["text"], when["doc"], when["times"], quotes, when["statements"], pub.year)
    inferred = pub.basis == "inferred"
    by_start = {st.start: st for st in when["statements"]}
    tables = check.current()
    anchor = when["anchor"]
    claim_date = anchor.date
    date_note = " (estimated publication date)" if anchor.estimated else (
        " (publication date)" if claim_date else "")
    tol = settings.get("reference_tolerance")
    out = []
    for c in claims:
        checks = []
        if c.kind == "calendar" and c.span.start in by_start:
            checks.append(check_statement(by_start[c.span.start], when["calendar"], pub.year, inferred))
        elif c.kind == "quantity" and c.value is not None:
            if tables.errors:
                checks.append(Check("unverifiable", "reference data could not be loaded: " + "; ".join(tables.errors),
                                    "reference"))
            elif tables.reference:
                ck = check_quantity(c, tables.reference, claim_date, date_note, tol)
                if ck is not None:
                    checks.append(ck)
        elif c.kind == "historical date" and tables.facts:
            ck = check_fact(c, tables.facts)
            if ck is not None:
                checks.append(ck)
        if c.kind == "quantity" and claim_date is not None and c.window and c.window.get("value", "").startswith("P"):
            c = c.with_(time=claim_date.isoformat(), window=dict(c.window, **_window_range(c.window["value"], claim_date)))
        elif c.kind == "quantity" and claim_date is not None:
            c = c.with_(time=claim_date.isoformat())
        out.append(c.with_(checks=tuple(checks)) if checks else c)
    del dt
    return out


def _window_range(value: str, end) -> dict:
    """P6M ending on 2024-04-05 -> {"from": "2023-10", "to": "2024-04"} (month precision)."""
    import re
    m = re.fullmatch(r"P(\d+)([YMWD])", value)
    if not m:
        return {}
    n, unit = int(m.group(1)), m.group(2)
    months = {"Y": 12 * n, "M": n, "W": 0, "D": 0}[unit]
    if months:
        i = end.year * 12 + end.month - 1 - months
        return {"from": f"{i // 12}-{i % 12 + 1:02d}", "to": f"{end.year}-{end.month:02d}"}
    import datetime as dt
    days = n * (7 if unit == "W" else 1)
    return {"from": (end - dt.timedelta(days=days)).isoformat(), "to": end.isoformat()}
