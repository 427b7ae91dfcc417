"""Speaker names across articles: titles stripped, accents folded, surname and given names split.

The extractor resolves speakers within one article ("Khamenei", "the Leader", "he" -> "Ali
Khamenei"); across articles the only handle is the name. `parse_name` (nlp/names.py, the parser the
article's speaker resolution uses too) turns a canonical name into the keys the store indexes, and
`choose` picks which known speaker a new name is, if any:
"Ayatollah Khamenei", "Ali Khamenei", "Supreme Leader Ali Khamenei" and "Khamenei" are one person;
"Mojtaba Khamenei" is another.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..nlp.names import PERSON, Name, fold, is_honorific, parse_name

__all__ = ["Name", "PERSON", "fold", "parse_name", "person_by_title", "same_person", "choose", "better_display"]


def person_by_title(name: str, kind: str) -> str:
    """PERSON for a name the extractor typed otherwise but that reads as a titled person's name
    ("Councillor Marcus Feld" typed ORG); else `kind`."""
    words = name.split()
    if kind == PERSON or len(words) < 2 or not is_honorific(fold(words[0])):
        return kind
    rest = [w for w in words[1:] if not is_honorific(fold(w))]
    return PERSON if rest and all(w[:1].isupper() for w in rest) else kind


def _given_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Given names agree when one is empty, or the first ones match (an initial matches its name)."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def same_person(a: Name, b: Name) -> bool:
    """Could names `a` and `b` be one speaker (same key, or same surname and agreeing given names)?"""
    return a.key == b.key or (a.surname is not None and a.surname == b.surname
                              and _given_compatible(a.given, b.given))


def choose(name: Name, candidates: Sequence[dict]) -> Optional[dict]:
    """The known speaker `name` belongs to, from `candidates` (rows with id, name, kind, statements,
    all sharing a key with `name`), or None for a new speaker. Ties go to the speaker quoted most."""
    same_kind = [c for c in candidates if c["kind"] == name.kind]
    if not same_kind:
        return None
    exact = [c for c in same_kind if parse_name(c["name"], c["kind"]).key == name.key]
    if exact:
        return max(exact, key=_weight)
    if name.surname is None:
        return None
    parsed = [(c, parse_name(c["name"], c["kind"])) for c in same_kind]
    fits = [(c, p) for c, p in parsed if p.surname == name.surname and _given_compatible(p.given, name.given)]
    if not fits:
        return None
    if name.given:  # a full name: prefer a speaker with compatible given names over a bare surname
        named = [c for c, p in fits if p.given]
        if len(named) > 1:
            return None  # "A. Khamenei" with "Ali" and "Abbas" known: don't guess
        if named:
            return named[0]
    return max((c for c, _ in fits), key=_weight)


def _weight(c: dict):
    return (c.get("statements") or 0, c["id"])


def better_display(old: str, new: str, kind: str = PERSON) -> str:
    """The name to show for a speaker known as `old` and now also `new`: the fuller one."""
    a, b = parse_name(old, kind), parse_name(new, kind)
    return new if (b.fullness, len(b.key)) > (a.fullness, len(a.key)) else old
