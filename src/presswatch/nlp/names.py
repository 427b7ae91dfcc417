"""The one name parser, shared by speaker resolution in an article (nlp/speakers/) and speaker
identity across the corpus (corpus/names.py).

A person's name loses the honorifics and titles before it ("Ayatollah Seyyed", "Prime Minister")
and the suffixes after it ("Jr.", "(RA)"); `words` keeps the rest as written, `key` is them folded
(lower case, accents and punctuation gone), `surname` the last folded word and `given` the folded
words before it. An organisation's or a group's name keeps every word and has no surname.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from .lexicons.people import HONORIFICS, NAME_SUFFIXES

PERSON = "PERSON"
_WORD = re.compile(r"[^\W\d_][\w'’\-.]*")
_POSSESSIVE = re.compile(r"[’']s$")


def fold(s: str) -> str:
    """Lower case, accents removed, punctuation to spaces: 'Éric  O’Neil-Smith' -> 'eric o neil smith'."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", s.lower()))


def name_words(text: str) -> list[str]:
    """The words of a text as names are written ("O'Neil-Smith", "St.", "Jr.")."""
    return _WORD.findall(text)


def is_honorific(word: str) -> bool:
    return word.lower().strip(".") in HONORIFICS


@dataclass(frozen=True)
class Name:
    display: str  # as given
    kind: str  # PERSON | ORG | GROUP ...
    words: tuple  # tuple[str, ...]: the name's words as written, without honorifics and suffixes
    key: str  # the words folded: what two spellings of one name share
    surname: Optional[str]  # a person's last folded word; None for organisations and groups
    given: tuple  # tuple[str, ...]: a person's folded words before the surname

    @property
    def keys(self) -> list[str]:
        """What the store indexes for this name: the full key, and 'surname:<x>' for a person."""
        return [self.key] + ([f"surname:{self.surname}"] if self.surname else [])

    @property
    def fullness(self) -> int:
        return len(self.given)


def person_words(name: str) -> list[str]:
    """A person's name as words without honorifics, a possessive or suffixes: 'Ayatollah Seyyed
    Ali Khamenei's' -> ['Ali', 'Khamenei']."""
    words = [_POSSESSIVE.sub("", w).strip(".") for w in name_words(name)]
    words = [w for w in words if w]
    while words and words[-1].lower() in NAME_SUFFIXES:
        words.pop()  # a name of suffixes alone ("II") is no name
    while len(words) > 1 and is_honorific(words[0]):
        words.pop(0)
    return words


def parse_name(name: str, kind: str = PERSON) -> Name:
    if kind != PERSON:
        words = tuple(name_words(name))
        return Name(name, kind, words, fold(name) or name.lower(), None, ())
    words = tuple(person_words(name))
    core = fold(" ".join(words)).split() or fold(name).split() or [name.lower()]
    return Name(name, kind, words, " ".join(core), core[-1], tuple(core[:-1]))
