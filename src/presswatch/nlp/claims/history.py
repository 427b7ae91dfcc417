"""Historical dates: "In 1980, ..., Ayatollah Khomeini declared the last Friday of Ramadan as Quds
Day": a date before last year on which the sentence's subject did something (a past-tense verb)."""
from __future__ import annotations

import re
from typing import Optional

from ...records import Claim, Span
from ..lexicons.calendar import MONTHS_AND_ABBREVIATIONS, alternatives
from ..lexicons.speech import SPEAKING_OCCASIONS, occasion_alternatives
from .sentences import sentence_bounds

# a date as stated: a year or a month name ("in 1980", "in June", "Sept. 18"), not "then" or "that day"
_STATED_DATE = re.compile(r"\b\d{4}\b|\b(?:" + alternatives(MONTHS_AND_ABBREVIATIONS, capitalized=False) + r")\b",
                          re.IGNORECASE)
_OCCASION_WORDS = re.compile(r"\b(?:" + occasion_alternatives(SPEAKING_OCCASIONS) + r")\b", re.IGNORECASE)


def historical_claims(text: str, doc, times, pub_year: Optional[int]) -> list[Claim]:
    """Dates (absolute, before last year) that a past-tense verb with a subject hangs on: the claim is
    the event, from the subject to the verb's object."""
    if doc is None:
        return []
    out = []
    for t in times:
        if t.anchor != "none" or t.type != "DATE" or t.precision not in ("year", "month", "day"):
            continue
        try:
            year = int(t.value[:4])
        except ValueError:
            continue
        if pub_year is not None and year >= pub_year - 1:
            continue  # recent dates are news, not history
        sa, _ = sentence_bounds(text, t.span.start)
        lead = text[sa:t.span.start]
        if _OCCASION_WORDS.search(lead):
            continue  # "In his address on Quds Day in 2022": when a statement was made, not a claim
        sp = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if sp is None:
            continue
        verb = _past_verb(sp)
        if verb is None:
            continue
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or not _STATED_DATE.search(t.span.text):
            continue
        start, end, event = _event(text, verb, subj[0], sp)
        # the claim holds the date it is about: "He was convicted [in 2005]", and the noun a date
        # modifies: "at the 2008 [Players Championship]", not "at the 2008"
        start, end = min(start, t.span.start), max(end, t.span.end, _modified_end(sp))
        out.append(Claim(Span.of(text, start, end), "historical date", t.span.text, time=t.value,
                         counted=event, score=0.5))
    return out


def _event(text: str, verb, subj, sp) -> tuple[int, int, str]:
    """The clause of the event: from its subject (or its verb, when the subject follows: "said X"; the
    noun a relative clause hangs on, for "who graduated") to the verb's object; and its text."""
    end = verb.idx + len(verb.text)
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd", "xcomp", "ccomp", "npadvmod") and c.i > verb.i:
            end = max(end, max(x.idx + len(x.text) for x in _phrase(c)))
    subject = list(subj.subtree)
    if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.i < subj.i:
        subject = [verb.head.left_edge, *subject]  # "four students who graduated" -> from "four"
    event_start = min(verb.idx, min(x.idx for x in subject))
    end = max(end, max(x.idx + len(x.text) for x in subject))
    event = text[event_start:end]
    start, head = event_start, sp.root.head
    if head.dep_ == "prep" and head.i == sp.start - 1:
        start = min(start, head.idx)  # "In 1980"
        end = max(end, head.idx + len(head.text))
    return start, end, event


def _modified_end(sp) -> int:
    """Where the noun a date modifies ends ("the 2008 Players Championship"), or the date's end."""
    root = sp.root
    head = root.head
    if root.dep_ in ("compound", "nummod", "amod", "nmod") and head.i >= sp.end and head.pos_ in ("NOUN", "PROPN"):
        return head.idx + len(head.text)
    return sp.end_char


def _past_verb(sp):
    """The verb the date span hangs on (at most four steps up the parse), if it is in the past tense."""
    tok = sp.root
    verb = None
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "VERB":
            verb = tok
            break
    if verb is None or verb.tag_ not in ("VBD", "VBN"):
        return None
    return verb


def _phrase(tok):
    """tok and its dependents, leaving out prepositions hanging on a prepositional object
    ("the last Friday of Ramadan as Quds Day [as a sign of ...]")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "prep" and tok.dep_ == "pobj":
            continue
        if c.dep_ in ("punct", "cc", "conj") and c.i > tok.i and tok.dep_ != "pobj":
            continue
        out.extend(_phrase(c))
    return out
