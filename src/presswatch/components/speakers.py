"""presswatch_speakers: each statement's speaker resolved to one person of the article (its
"speaker" and "speaker_id"), the article's speakers on doc._.speakers and every entity with the
speaker it names on doc._.entity_speakers. A statement's confidence is final here, so the
statements below Options.min_confidence are left out here. A statement whose source resolves to
nobody has speaker None and a lower confidence; its source span still says what the text wrote."""
from __future__ import annotations

from ..nlp.speakers import description_of, resolve
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
        raw = raw_quotes(doc)
        reg, people = resolve(raw, doc, text)
        for r, q, p in zip(records, raw, people):
            # unresolved stays unresolved: a description of the speaker as written, or None
            r["speaker"] = p.canonical if p is not None else description_of(q, text)
            r["speaker_id"] = p.id if p is not None else None
            parsed = r["parse"]["confidence"]
            r["confidence"] = clamp(parsed if p is not None else parsed - 0.2)
        used = {p.id for p in people if p is not None}
        doc._.speakers = [{"id": p.id, "name": p.canonical, "kind": p.kind, "gender": p.gender,
                           "gender_basis": p.gender_basis,
                           "mentions": [_span(text, s, e) for s, e in sorted(p.mentions)]}
                          for p in reg.people if p.id in used]
        ent_ids = {m: p.id for p in reg.people for m in p.mentions}
        doc._.entity_speakers = [{"span": _span(text, e.start_char, e.end_char), "label": e.label_,
                                  "id": ent_ids.get((e.start_char, e.end_char))} for e in doc.ents]
        doc._.quotes = [r for r in records if r["confidence"] >= options.min_confidence]
