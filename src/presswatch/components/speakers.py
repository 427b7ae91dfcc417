"""presswatch_speakers: each statement's speaker resolved to one person of the article (its
"speaker" and "speaker_id"), the article's speakers on doc._.speakers and every entity with the
speaker it names on doc._.entity_speakers. A statement's confidence is final here, so the
statements below Options.min_confidence are left out here."""
from __future__ import annotations

from ..nlp.speakers import resolve
from ..options import Options
from .article import article_text
from .base import Step
from .quotes import clamp, raw_quotes


def _span(text: str, s: int, e: int) -> dict:
    return {"start": s, "end": e, "text": text[s:e]}


class SpeakersStep(Step):
    name = "presswatch_speakers"

    def run(self, doc, options: Options) -> None:
        text = article_text(doc)
        records = doc._.quotes or []
        reg, people = resolve(raw_quotes(doc), doc, text)
        for r, p in zip(records, people):
            r["speaker"] = p.canonical if p is not None else (r["source"]["text"] if r["source"] else None)
            r["speaker_id"] = p.id if p is not None else None
            raw = r["parse"]["confidence"]
            r["confidence"] = clamp(raw if p is not None else raw - 0.2)
        used = {p.id for p in people if p is not None}
        doc._.speakers = [{"id": p.id, "name": p.canonical, "kind": p.kind,
                           "mentions": [_span(text, s, e) for s, e in sorted(p.mentions)]}
                          for p in reg.people if p.id in used]
        ent_ids = {m: p.id for p in reg.people for m in p.mentions}
        doc._.entity_speakers = [{"span": _span(text, e.start_char, e.end_char), "label": e.label_,
                                  "id": ent_ids.get((e.start_char, e.end_char))} for e in doc.ents]
        doc._.quotes = [r for r in records if r["confidence"] >= options.min_confidence]
