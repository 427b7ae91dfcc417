"""presswatch_times: when the article was published (doc._.publication: given, metadata, dateline or
inferred from a calendar statement), its time expressions (doc._.times) and when each statement
was made (the records' statement_time: stated, carried by context, or unknown)."""
from __future__ import annotations

import bisect
import re
from dataclasses import fields, replace

from ..check.observances import default_calendar
from ..nlp.claims import CalendarStatement, find_calendar_statements
from ..nlp.times import COUNTRY_OF_PLACE, assign_times
from ..nlp.publication import publication_of
from ..nlp.text import paragraphs
from ..nlp.times import Anchor, find_times
from ..options import Options
from ..records import Span
from .article import article_of, ensure_article
from .base import Step
from .quotes import raw_quotes

_YEARS = re.compile(r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?![\d,])")


def statement_to_dict(st: CalendarStatement) -> dict:
    return {**{f.name: getattr(st, f.name) for f in fields(st)}, "observance": st.observance.key}


def statement_from_dict(d: dict, calendar) -> CalendarStatement:
    return CalendarStatement(**{**d, "observance": calendar.observances[d["observance"]]})


def anchor_of(publication: dict) -> Anchor:
    """What relative time expressions resolve against: the publication date, or its estimate."""
    return Anchor.of(publication.get("date"), publication.get("year"), publication.get("estimate"))


class TimesStep(Step):
    name = "presswatch_times"

    def run(self, doc, options: Options) -> None:
        ensure_article(doc)
        article = article_of(doc)
        text, calendar = article.text, default_calendar()
        dateline = (doc._.article or {}).get("dateline")
        place = dateline[0] if dateline else None
        # calendar statements: for the claims, or to infer the publication date when nothing gives it
        statements = find_calendar_statements(text, calendar) if options.claims or not article.published else []
        years = [int(y) for y in _YEARS.findall(text)] if statements else []
        pub, estimate, _note = publication_of(article, place, text, statements, calendar, years)
        doc._.publication = {**pub.to_dict(), "estimate": estimate}
        doc._.calendar_statements = [statement_to_dict(st) for st in statements]
        anchor = anchor_of(doc._.publication)
        times = find_times(text, anchor, doc) if options.claims else []
        doc._.times = [t.to_dict() for t in times]
        country = COUNTRY_OF_PLACE.get((place or "").upper())
        _statement_times(doc, text, times if options.claims else None, anchor, calendar, country)


def _statement_times(doc, text, times, anchor, calendar, country) -> None:
    """Each record's statement_time; `times` None: times are off, and only the sentences that
    hold a cue are searched for them."""
    raw = raw_quotes(doc)
    sentence_of = _sentences(doc, text)
    if times is None:
        times = _cue_sentence_times(raw, sentence_of, text, anchor)
    paras = paragraphs(text)
    speakers = [r["speaker_id"] for r in doc._.quotes or ()]
    found = assign_times(raw, speakers, sentence_of, text, lambda k: paras[k][0] if k < len(paras) else len(text),
                         doc=doc, times=times, calendar=calendar, country=country)
    for r, st in zip(doc._.quotes or (), found):
        r["statement_time"] = st.to_dict()


def _sentences(doc, text: str):
    """sentence_of(q): (start, end) of the sentence holding a statement's cue (or its start)."""
    starts = [s.start_char for s in doc.sents]

    def sentence_of(q):
        anchor = q.cue[0] if q.cue else q.start
        k = max(bisect.bisect_right(starts, anchor) - 1, 0)
        return starts[k], starts[k + 1] if k + 1 < len(starts) else len(text)
    return sentence_of


def _cue_sentence_times(raw, sentence_of, text, anchor) -> list:
    """The time expressions of the sentences that hold a cue, found sentence by sentence."""
    out = []
    for s, e in sorted({sentence_of(q) for q in raw if q.cue}):
        for t in find_times(text[s:e], anchor):
            out.append(replace(t, span=Span.of(text, s + t.span.start, s + t.span.end)))
    return out
