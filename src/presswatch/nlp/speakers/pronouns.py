"""Which person a pronoun source is: the person a lead-in introduced, the most recent compatible
subject, the previous speaker, or the last compatible mention."""
from __future__ import annotations

from typing import Optional

from .antecedents import SUBJECT_WINDOW, antecedent_weights, best, candidates
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


def compatible_with(pron: str):
    """Who a pronoun can stand for: gender and number as far as they are known."""
    def compatible(p) -> bool:
        if pron in MALE:
            return p.kind == "PERSON" and p.gender != "f"
        if pron in FEMALE:
            return p.kind == "PERSON" and p.gender != "m"
        if pron in PLURAL:
            return p.kind in ("ORG", "GROUP")
        if pron == "it":
            return p.kind == "ORG"
        return p.kind == "PERSON"
    return compatible


def rule_choice(pron, q, last, last_para, order, subjects, text=None) -> Optional[Person]:
    """The hand rule: the person a lead-in introduced, else the most recent compatible subject close
    by, else the previous speaker of the last paragraphs, else the last compatible mention."""
    compatible = compatible_with(pron)
    if pron == "i" or pron == "we":
        return last if last is not None and q.paragraph - last_para <= 2 else None
    anchor = min(q.start, q.source[0]) if q.source else q.start
    if q.is_direct and text is not None and anchor == q.start:
        # “...,” he says -- right after a sentence that introduced one person ("... for accountant
        # Babatunji Farinloye, 50. “I had ...,” he says"): that person speaks
        p = lead_person(q, text, order, compatible)
        if p is not None:
            return p
    recent = [p for _, _, p in subjects_between(subjects, anchor - SUBJECT_WINDOW, anchor) if compatible(p)]
    if recent:
        return recent[-1]
    if last is not None and q.paragraph - last_para <= 3 and compatible(last):
        return last
    return order.last_before(anchor, compatible)


def resolve_pronoun(pron, q, last, last_para, order, subjects, text=None, trace=None,
                    weights=None) -> Optional[Person]:
    """The person a pronoun source stands for: the learned ranker's choice among the candidates
    (antecedents.py), or the rule's where no model is shipped or for "I" and "we". `trace`, a
    list, receives (quote, candidates) for training; `weights` replaces the shipped model."""
    rule = rule_choice(pron, q, last, last_para, order, subjects, text)
    if pron in ("i", "we") or text is None:
        return rule
    compatible = compatible_with(pron)
    lead = lead_person(q, text, order, compatible) if q.is_direct else None
    if lead is not None and lead is rule:
        return rule  # the one person a lead-in introduced: certain enough for the rule
    cands = candidates(compatible, q, last, last_para, order, subjects, text, rule, lead)
    if trace is not None:
        trace.append((q, cands))
    weights = antecedent_weights() if weights is None else weights
    if not cands or not weights:
        return rule
    return best(cands, weights)
