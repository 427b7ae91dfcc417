"""presswatch_quotes: every statement of the doc on doc._.quotes, as plain records.

A record is what Quote.from_dict reads (content spans, cue, source, speaker, kind, confidence,
statement_time) plus "parse": what the later steps need of the parse (the raw content spans, the
cue and source token indices, the paragraph, whether the quote floats, the raw confidence)."""
from __future__ import annotations

from ..nlp.quotes import RawQuote, Scope, extract_quotes
from ..options import Options
from .article import article_text
from .base import Step


def _span(text: str, s: int, e: int) -> dict:
    return {"start": s, "end": e, "text": text[s:e]}


def _trim(text: str, s: int, e: int) -> tuple:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def clamp(confidence: float) -> float:
    return max(0.05, min(confidence, 0.99))


def to_record(q: RawQuote, text: str) -> dict:
    return {
        "content": [_span(text, *_trim(text, s, e)) for s, e in q.content],
        "source": _span(text, *q.source) if q.source else None,
        "cue": _span(text, *q.cue) if q.cue else None,
        "speaker": None, "speaker_id": None, "is_direct": q.is_direct, "kind": q.kind,
        "statement_time": None, "confidence": clamp(q.confidence),
        "parse": {"content": [list(c) for c in q.content], "confidence": q.confidence,
                  "cue_token": q.cue_token.i if q.cue_token is not None else None,
                  "source_token": q.source_token.i if q.source_token is not None else None,
                  "paragraph": q.paragraph, "floating": q.floating},
    }


def raw_quotes(doc) -> list[RawQuote]:
    """The records of doc._.quotes back as RawQuote, pointing at the doc's tokens again."""
    out = []
    for r in doc._.quotes or ():
        p = r["parse"]
        out.append(RawQuote(
            content=[tuple(c) for c in p["content"]],
            cue=(r["cue"]["start"], r["cue"]["end"]) if r["cue"] else None,
            cue_token=doc[p["cue_token"]] if p["cue_token"] is not None else None,
            source_token=doc[p["source_token"]] if p["source_token"] is not None else None,
            source=(r["source"]["start"], r["source"]["end"]) if r["source"] else None,
            is_direct=r["is_direct"], kind=r["kind"], paragraph=p["paragraph"], confidence=p["confidence"],
            floating=p["floating"]))
    return out


class QuotesStep(Step):
    name = "presswatch_quotes"

    def run(self, doc, options: Options) -> None:
        text = article_text(doc)
        scope = Scope.of(options.attribution_scope, options.learned_cue_threshold)
        doc._.quotes = [to_record(q, text) for q in extract_quotes(doc, text, scope)]
