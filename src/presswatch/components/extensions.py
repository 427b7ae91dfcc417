"""The Doc._ extensions presswatch's components write, registered once (idempotently).

Every value is plain data (dicts, lists, strings, numbers, None) with character offsets into the
article text, so doc.to_bytes()/from_bytes() round-trips and docs cross process boundaries.
"""
from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = {
    "article": "the article's facts: doc_id, title, url, published, outlet, author, origin, dateline",
    "quotes": "statements: content spans, cue, source, speaker, kind, statement_time, confidence",
    "speakers": "the article's speakers with their mentions",
    "entity_speakers": "every named entity with the speaker id it resolves to",
    "publication": "when the article was published and how that is known",
    "times": "time expressions with their TIMEX3 values",
    "calendar_statements": "statements that put an observance on a date",
    "claims": "checkable claims with their checks, scores and statements",
    "checkworthy": "the sentences worth checking, best first, with their scores and statements",
    "techniques": "persuasion-technique spans with their confidence and who uses them",
    "pronouns": "third-person pronouns with the mention each stands for (presswatch_pronouns)",
    "presswatch_error": "why presswatch's own pipeline could not analyse this doc",
}


def register() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
