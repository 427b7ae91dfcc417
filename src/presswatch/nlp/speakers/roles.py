"""Descriptions that stand for someone: a role ("the minister"), an organisation's kind ("the
union"), a document's owner ("the RCMP statement")."""
from __future__ import annotations

from typing import Optional

from ..names import name_words
from .registry import Person, subjects_between
from ..lexicons.people import GENERIC_ORG_NOUNS, ORG_NOUNS, POSSESSIVE_PRONOUNS as _POSSESSIVES, ROLE_NOUNS


def document_owner(src):
    """Who stands behind a document that "says": its owner ("the union's release", "the RCMP
    statement", "her statement") or its named origin ("a release from UFCW Local 832", "the most
    recent numbers from Statistics Canada", "a study by the institute")."""
    for c in src.children:
        if c.dep_ in ("poss", "compound") and (c.pos_ in ("PROPN", "NOUN") or c.lower_ in _POSSESSIVES):
            return c
    for c in src.children:
        if c.dep_ in ("prep", "acl"):
            for g in c.subtree:
                if g.dep_ == "pobj" and g.head.lower_ in ("from", "by", "of") and (
                        g.ent_type_ in ("ORG", "PERSON") or g.pos_ == "PROPN"):
                    return g
    return None



def resolve_role(src_text, offset, order, last, subjects=None) -> Optional[Person]:
    """"the Leader", "the minister", "the team": the most recent person given that role; for a
    person role with no such person, the previous speaker when there is one."""
    words = [w.lower() for w in name_words(src_text)]
    if not words or words[0] not in ("the", "this", "that"):
        return None
    role = next((w for w in reversed(words) if w in ROLE_NOUNS), None)
    if role is None:
        if words[-1] in ORG_NOUNS and len(words) == 2:
            # "the union": the organisation named with that word ("... Employees Union"); a generic
            # kind ("the company", "the agency") may be the last organisation named at all
            kind = words[-1]
            named = order.last_before(offset, lambda pp: pp.kind == "ORG" and any(
                kind == w.lower() for n in pp.names for w in n))
            if named is not None or kind not in GENERIC_ORG_NOUNS:
                return named
            if last is not None and last.kind == "ORG":
                return last  # "Facebook said ... The company noted": the organisation speaking
            return order.last_before(offset, lambda pp: pp.kind == "ORG")
        return None
    p = order.last_before(offset, lambda pp: pp.roles.get(role, offset) < offset)
    if p is None and subjects:
        # nobody was given the role by name: a description of someone just talked about ("Jones
        # scored. ... said the rookie defenceman"), the person subject of the last sentences
        recent = [pp for _, _, pp in subjects_between(subjects, offset - 400, offset) if pp.kind == "PERSON"]
        p = recent[-1] if recent else None
    if p is None and len(words) <= 3:
        p = last if last is not None and last.kind == "PERSON" else None
    return p
