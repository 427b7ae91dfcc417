"""One article's Doc to its Analysis: statements, speakers, statement times, entities."""
from __future__ import annotations

import bisect

from ..records import Analysis, Article, Entity, Publication, Quote, Span, Speaker
from .occasions import assign_times
from .quotes import extract_quotes
from .speakers import resolve
from .text import find_dateline, paragraphs


def _trim(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def publication_of(article: Article, place) -> Publication:
    if article.published:
        date = article.published[:10]
        year = int(date[:4]) if date[:4].isdigit() else None
        return Publication(date=date, year=year, basis="given", place=place)
    return Publication(place=place)


def extract_all(article: Article, doc) -> Analysis:
    text = article.text
    dl = find_dateline(text)
    raw = extract_quotes(doc, text)
    reg, people = resolve(raw, doc, text)
    paras = paragraphs(text)
    sent_starts = [s.start_char for s in doc.sents]

    def sentence_of(q):
        anchor = q.cue[0] if q.cue else q.start
        k = max(bisect.bisect_right(sent_starts, anchor) - 1, 0)
        sent = list(doc.sents)[k] if False else None
        start = sent_starts[k]
        end = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(text)
        return start, end

    times = assign_times(raw, people, sentence_of, text, lambda k: paras[k][0] if k < len(paras) else len(text))
    quotes = []
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
        origin=article.origin, publication=publication_of(article, dl[0] if dl else None),
        quotes=tuple(quotes), speakers=speakers, entities=entities)
