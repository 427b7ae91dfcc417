"""Speaker names across articles: titles stripped, accents folded, surname and given names split.

The extractor resolves speakers within one article ("Khamenei", "the Leader", "he" -> "Ali
Khamenei"); across articles the only handle is the name. `parse_name` (nlp/names.py, the parser the
article's speaker resolution uses too) turns a name into the keys the store indexes
("Ayatollah Ali Khamenei" -> "ali khamenei", "surname:khamenei"); corpus/identity.py decides who
is who from them; `query_keys` gives the keys a search for a name looks up.
"""
from __future__ import annotations

from ..nlp.names import PERSON, Name, fold, is_honorific, parse_name

__all__ = ["Name", "PERSON", "fold", "is_honorific", "parse_name", "person_by_title", "query_keys"]


def person_by_title(name: str, kind: str) -> str:
    """PERSON for a name the extractor typed otherwise but that reads as a titled person's name
    ("Councillor Marcus Feld" typed ORG); else `kind`."""
    words = name.split()
    if kind == PERSON or len(words) < 2 or not is_honorific(fold(words[0])):
        return kind
    rest = [w for w in words[1:] if not is_honorific(fold(w))]
    return PERSON if rest and all(w[:1].isupper() for w in rest) else kind


def query_keys(name: str) -> tuple:
    """The keys a search for a speaker's name looks up: the full name's, or for a surname alone
    every speaker of that surname ("Khamenei": "surname:khamenei")."""
    n = parse_name(name)
    return (n.key,) if n.given else tuple(n.keys)
