"""Which person a pronoun source is: the person a lead-in introduced, the most recent compatible
subject, the previous speaker, or the last compatible mention."""
from __future__ import annotations

from typing import Optional

from .registry import Person, subjects_between
from ..lexicons.people import FEMALE_PRONOUNS as FEMALE, MALE_PRONOUNS as MALE, PLURAL_PRONOUNS as PLURAL


def lead_person(q, text, order, compatible) -> Optional[Person]:
    """The one compatible person named in the text that leads into a direct quote in its paragraph
    (since the last quotation mark, at most 250 characters), or None."""
    lead_start = max(text.rfind("\n", 0, q.start) + 1, q.start - 250)
    lead_start = max([lead_start] + [text.rfind(m, lead_start, q.start) + 1 for m in ('"', "“", "”")])
    if len(text[lead_start:q.start].split()) < 3:
        return None
    named = {id(pp): pp for _, pp in order.between(lead_start, q.start) if compatible(pp)}
    return next(iter(named.values())) if len(named) == 1 else None


def resolve_pronoun(pron, q, last, last_para, order, subjects, text=None) -> Optional[Person]:
    def compatible(p):
        if pron in MALE:
            return p.kind == "PERSON" and p.gender != "f"
        if pron in FEMALE:
            return p.kind == "PERSON" and p.gender != "m"
        if pron in PLURAL:
            return p.kind in ("ORG", "GROUP")
        if pron == "it":
            return p.kind == "ORG"
        return p.kind == "PERSON"

    if pron == "i" or pron == "we":
        return last if last is not None and q.paragraph - last_para <= 2 else None
    # the most recent compatible subject before the statement (its quote or its pronoun), close by
    anchor = min(q.start, q.source[0]) if q.source else q.start
    if q.is_direct and text is not None and anchor == q.start:
        # “...,” he says -- right after a sentence that introduced one person ("... for accountant
        # Babatunji Farinloye, 50. “I had ...,” he says"): that person speaks
        p = lead_person(q, text, order, compatible)
        if p is not None:
            return p
    recent = [p for _, _, p in subjects_between(subjects, anchor - 600, anchor) if compatible(p)]
    if recent:
        return recent[-1]
    if last is not None and q.paragraph - last_para <= 3 and compatible(last):
        return last
    return order.last_before(anchor, compatible)
