"""Every statement's source resolved to one person of the article, in reading order."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from ..lexicons.calendar import MONTH_NAMES, WEEKDAY_NAMES
from ..names import person_words
from .entities import build_registry, subject_mentions
from .pronouns import resolve_pronoun
from .registry import Mentions, Person, Registry, subjects_between
from .roles import document_owner, resolve_role
from ..lexicons.people import DOCUMENT_NOUNS, FEMALE_PRONOUNS as FEMALE, MALE_PRONOUNS as MALE, PERSONAL_PRONOUNS, PLURAL_PRONOUNS as PLURAL


@dataclass
class _Reading:
    """What resolution knows while it reads an article's statements in order."""
    reg: Registry
    order: Mentions  # (offset, Person) of every mention, in text order
    subjects: list  # (offset, id, Person) of sentence subjects and resolved sources
    text: str
    last: Optional[Person] = None  # the previous statement's speaker
    last_para: int = -10
    trace: Optional[list] = None  # (quote, candidates) of every pronoun, for training
    weights: Optional[dict] = None  # the pronoun model's weights; None: the shipped ones


def resolve(raw_quotes, doc, text, trace: Optional[list] = None, weights: Optional[dict] = None):
    """Attach a Person (or None) to every RawQuote; returns (registry, [Person|None per quote]).
    `trace`, a list, receives the candidates of every pronoun source, and `weights` replaces the
    shipped pronoun model ({}: the hand rule alone), for scripts/train_antecedents.py."""
    reg, order = build_registry(doc)
    r = _Reading(reg, order, subject_mentions(doc, order, reg), text, trace=trace, weights=weights)
    speakers = []
    for q in raw_quotes:
        p = None
        if q.floating or q.source_token is None and q.source is None:
            p = r.last if (r.last is not None and q.paragraph - r.last_para <= 3) else None
            if p is None:  # no recent speaker: the person subject of the lines before, else named last
                p = _floating_speaker(q, r)
        elif q.source is not None:
            p = _of_source(q, r)
            _learn_gender(p, q.source_token)
        speakers.append(p)
        if p is not None:
            r.last, r.last_para = p, q.paragraph
            if q.source is not None:
                bisect.insort(r.subjects, (q.source[0], id(p), p))
    return reg, speakers


def _floating_speaker(q, r: _Reading) -> Optional[Person]:
    """A quote with no cue and no recent speaker: the person who is the subject of the sentences
    just before it ("McCallum expressed concern about the city's debt. “When the books ...”"),
    else the person named last."""
    recent = [p for _, _, p in subjects_between(r.subjects, q.start - 400, q.start) if p.kind == "PERSON"]
    if recent:
        return recent[-1]
    return r.order.last_before(q.start, lambda pp: pp.kind == "PERSON")


# what the recognizer marks as a time or an amount: never someone who speaks
NOT_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})
TIME_WORDS = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES) | {"today", "yesterday", "tomorrow", "tonight"}


def can_speak(src) -> bool:
    """A source token can be a speaker: not a time, a date or a quantity ("testifying Tuesday",
    "at least 20"), whatever the parse made its subject."""
    if src is None:
        return True
    return src.ent_type_ not in NOT_SPEAKER_LABELS and src.lower_ not in TIME_WORDS and not src.like_num


def description_of(q, text: str) -> Optional[str]:
    """What an unresolved statement's speaker is called: its source as written when that describes
    someone who can speak ("a spokesman", "UN organizations", "All those involved"); None for a
    pronoun nobody was found for, a time, a quantity, or a document without an owner."""
    if q.source is None:
        return None
    src = q.source_token
    words = text[q.source[0]:q.source[1]].split()
    if not words or not can_speak(src):
        return None
    if src is not None and src.lower_ in DOCUMENT_NOUNS and document_owner(src) is None:
        return None
    if len(words) == 1 and words[0].lower() in PERSONAL_PRONOUNS | {"who", "which", "that"}:
        return None
    return " ".join(words)


def _of_source(q, r: _Reading) -> Optional[Person]:
    """The person a statement's written source is: a pronoun, several people, a document's owner,
    a name or a role; nobody for a time, a quantity or a document without an owner."""
    src = q.source_token
    s, e = q.source
    src_text = r.text[s:e]
    low = src_text.lower().strip()
    head = src.lower_ if src is not None else low.split()[-1] if low else ""
    if not can_speak(src):
        return None
    owner = document_owner(src) if src is not None and src.lower_ in DOCUMENT_NOUNS else None
    if owner is None and src is not None and src.lower_ in DOCUMENT_NOUNS and src.pos_ == "NOUN":
        return None  # "according to a statement": a document nobody is named behind
    if src is not None and src.pos_ == "PRON" and src.lower_ in PERSONAL_PRONOUNS \
            or low in MALE | FEMALE | PLURAL | {"i", "we"}:
        return resolve_pronoun(head if src is not None else low, q, r.last, r.last_para, r.order, r.subjects,
                               r.text, r.trace, r.weights)
    if src is not None and any(c.dep_ == "conj" for c in src.children) and " and " in src_text:
        # several people speaking together: one GROUP speaker that "they" can refer to
        return _register(r, src_text, "GROUP", (s, e))
    if owner is not None and owner.pos_ == "PRON":
        # "her statement said": the statement's author is who "her" refers to
        return resolve_pronoun(owner.lower_, q, r.last, r.last_para, r.order, r.subjects)
    if owner is not None:
        # "The RCMP statement said", "the union's release said": the owner speaks
        s2, e2 = owner.left_edge.idx, owner.idx + len(owner.text)
        return r.order.first_between(s2, e2 + 1) or \
            resolve_role(r.text[s2:e2] if r.text[s2:e2].lower().startswith("the") else "the " + owner.text,
                          s2, r.order, None)
    p = _named_or_role(src, s, e, src_text, r)
    if p is not None:
        r.reg.mention(p, (s, e))
    return p


def _named_or_role(src, s: int, e: int, src_text: str, r: _Reading) -> Optional[Person]:
    """A source that names someone ("Khamenei", "UN organizations") or gives a role ("the Leader")."""
    p = None
    # "UN organizations": the head is a common noun, so the speaker is the phrase
    head_named = (src is None or src.ent_type_ in ("PERSON", "ORG") or src.pos_ == "PROPN"
                  or (s, e) in r.reg.spans
                  # "ambassador to Chile Mark Ellison": the source is the name in apposition
                  or any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG") for c in src.children))
    appos = next((c for c in src.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG")), None) \
        if src is not None and src.pos_ == "NOUN" and not src.ent_type_ else None
    if appos is not None:
        # "The chairman of the committee, Devin Nunes": the name in apposition, not the committee
        p = r.order.first_between(appos.left_edge.idx, appos.idx + len(appos.text))
    if p is None and head_named:
        p = r.order.first_between(s, e)
    words = person_words(src_text)
    if p is None and words and src is not None and src.pos_ == "PROPN":
        p = r.reg.find(words)
    if p is None:
        p = resolve_role(src_text, s, r.order, r.last, r.subjects)
    if p is None and src is not None and src.pos_ == "PROPN":
        # a name NER missed: register it so later mentions merge with it
        p = _register(r, src_text, "PERSON", (s, e))
    return p


def _register(r: _Reading, name: str, kind: str, span: tuple) -> Optional[Person]:
    """A speaker the entities did not give, added to the registry and to the mentions in order."""
    p = r.reg.add(name, kind, span)
    if p is not None:
        r.order.add(span[0], p)
    return p


def _learn_gender(p: Optional[Person], src) -> None:
    """"he said" of a person of unknown gender: now it is known."""
    if p is not None and src is not None and src.pos_ == "PRON" and p.kind == "PERSON" and not p.gender:
        if src.lower_ in MALE:
            p.gender, p.gender_basis = "m", "pronouns"
        elif src.lower_ in FEMALE:
            p.gender, p.gender_basis = "f", "pronouns"
