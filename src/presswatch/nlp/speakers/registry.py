"""The people and organisations of one article (Person, Registry) and their mentions in text
order (Mentions), found by offset in logarithmic time."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from ..lexicons.first_names import gender_of
from ..names import name_words, person_words


@dataclass
class Person:
    id: str
    kind: str  # PERSON | ORG | GROUP
    names: list = field(default_factory=list)  # name strings, word lists without honorifics
    roles: dict = field(default_factory=dict)  # role noun -> offset where the article gave it
    gender: Optional[str] = None  # m | f | None
    gender_basis: Optional[str] = None  # title | first name | pronouns: what said the gender
    mentions: list = field(default_factory=list)  # (start, end)
    _seen: set = field(default_factory=set, repr=False)  # the mentions, for "is this one of them"
    initials: set = field(default_factory=set, repr=False)  # an organisation's acronyms ("fbi")

    def mention(self, span: tuple) -> bool:
        """Add a mention (once); True when it is new."""
        if span in self._seen:
            return False
        self._seen.add(span)
        self.mentions.append(span)
        return True

    @property
    def canonical(self) -> str:
        best = max(self.names, key=lambda n: (len(n), sum(len(w) for w in n)))
        return " ".join(best)

    @property
    def surname(self) -> str:
        return max(self.names, key=len)[-1].lower()

    def matches(self, words: list[str]) -> bool:
        if not words:
            return False
        lw = [w.lower() for w in words]
        if len(lw) > 1 and len(lw[0]) > 1 and self.kind == "PERSON" and any(
                len(n) > 1 and len(n[0]) > 1 and n[-1].lower() == lw[-1] and n[0].lower() != lw[0]
                for n in self.names):
            return False  # "Mary Nicholson" is not "Trevor Nicholson", whatever bare "Nicholson" matched
        for n in self.names:
            ln = [w.lower() for w in n]
            if lw[-1] == ln[-1] and (set(lw) <= set(ln) or set(ln) <= set(lw)):
                return True
            if len(lw) == 1 and len(ln) > 1 and lw[0] == ln[0] and self.kind == "PERSON":
                return True  # a first name alone: "Hillary" for Hillary Clinton
        return False


# the small words an acronym skips: "Federal Bureau of Investigation" is the FBI
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def initials_of(words: list) -> Optional[str]:
    """An organisation name's acronym, lower case: "New York Daily News" -> "nydn"; None for a
    name of one word."""
    caps = [w for w in words if w.lower() not in _ACRONYM_SKIPS]
    if len(caps) < 2 or not all(w[:1].isupper() for w in caps):
        return None
    return "".join(w[0] for w in caps).lower()


def initials_key(words: list) -> Optional[str]:
    """A name written as an acronym ("NYDN", "PBO"), lower case, or None."""
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper() and words[0].isalpha():
        return words[0].lower()
    return None


class Registry:
    """The people and organisations of one article, built from its named entities in order. Names
    are indexed by their last and first words, so finding one does not read every person."""

    def __init__(self):
        self.people: list[Person] = []
        self._rank: dict = {}  # id(person) -> its place in people
        self._by_word: dict = {}  # ("last"|"first", word) -> [Person] with a name so
        self.spans: set = set()  # every mention of every person

    def find(self, words, kind=None) -> Optional[Person]:
        if not words:
            return None
        lw = [w.lower() for w in words]
        near = {id(p): p for p in self._by_word.get(("last", lw[-1]), ())}
        if len(lw) == 1:
            near.update({id(p): p for p in self._by_word.get(("first", lw[0]), ())})
        acronym = initials_key(words)
        if acronym:
            near.update({id(p): p for p in self._by_word.get(("initials", acronym), ())})
        cands = [p for p in sorted(near.values(), key=lambda p: self._rank[id(p)])
                 if (p.matches(words) or acronym and acronym in p.initials) and (kind is None or p.kind == kind)]
        if not cands:
            return None
        return max(cands, key=lambda p: len(p.mentions))

    def mention(self, p: Person, span: tuple) -> None:
        if p.mention(span):
            self.spans.add(span)

    def _name(self, p: Person, words: list) -> None:
        if words not in p.names:
            p.names.append(words)
            short = initials_of(words) if p.kind == "ORG" else None
            if short:
                p.initials.add(short)
                self._by_word.setdefault(("initials", short), []).append(p)
            self._by_word.setdefault(("last", words[-1].lower()), []).append(p)
            self._by_word.setdefault(("first", words[0].lower()), []).append(p)

    def add(self, name: str, kind: str, span, roles=(), gender=None) -> Optional[Person]:
        words = person_words(name) if kind == "PERSON" else name_words(name)
        if not words:
            return None
        p = self.find(words, kind)
        if p is None and kind == "ORG" and len(words) <= 2:
            # NER often tags a lone surname as ORG ("Marsh said"): a known person's name wins
            p = self.find(person_words(name), "PERSON")
        if p is None:
            p = Person(id=f"s{len(self.people) + 1}", kind=kind)
            self._rank[id(p)] = len(self.people)
            self.people.append(p)
        self._name(p, words)
        for r in roles:
            p.roles.setdefault(r, span[0])
        basis = "title" if gender else None
        if not gender and kind == "PERSON" and len(words) > 1:
            gender, basis = gender_of(words[0]), "first name"
        if gender and not p.gender:
            p.gender, p.gender_basis = gender, basis
        self.mention(p, span)
        return p


# how many mentions back "the most recent person who ..." looks: a pronoun or a role does not
# reach further back than this (a bound on the cost per statement in a long article; the
# evaluation sets' longest article has a few hundred mentions)
LOOKBACK = 2000


class Mentions:
    """(offset, Person) of every mention in text order, found by offset in logarithmic time."""

    def __init__(self):
        self.items: list = []
        self.offsets: list = []

    def __iter__(self):
        return iter(self.items)

    def add(self, offset: int, p: Person) -> None:
        """After the mentions at the same offset, as a stable sort puts it."""
        k = bisect.bisect_right(self.offsets, offset)
        self.offsets.insert(k, offset)
        self.items.insert(k, (offset, p))

    def between(self, lo: int, hi: int) -> list:
        """The mentions at offsets in [lo, hi), in order."""
        return self.items[bisect.bisect_left(self.offsets, lo):bisect.bisect_left(self.offsets, hi)]

    def first_between(self, lo: int, hi: int) -> Optional[Person]:
        k = bisect.bisect_left(self.offsets, lo)
        return self.items[k][1] if k < len(self.items) and self.offsets[k] < hi else None

    def last_before(self, offset: int, pred) -> Optional[Person]:
        """The person of the last mention before `offset` for whom pred holds (LOOKBACK at most)."""
        k = bisect.bisect_left(self.offsets, offset)
        for j in range(k - 1, max(k - 1 - LOOKBACK, -1), -1):
            if pred(self.items[j][1]):
                return self.items[j][1]
        return None


def subjects_between(subjects: list, lo: int, hi: int) -> list:
    """The (offset, id, Person) subjects at offsets in [lo, hi), in order (subjects is sorted)."""
    return subjects[bisect.bisect_left(subjects, (lo,)):bisect.bisect_left(subjects, (hi,))]
