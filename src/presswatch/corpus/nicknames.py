"""Given names that stand for one another: "Bill" is William, "Tim" is Timothy, "Len" Leonard.

The pairs come from the `nicknames` package (Apache-2.0): a hand-curated CSV of English names,
each row "formal has_nickname nickname", read once, on the first call. The CSV is not consistent
about direction: it gives many pairs both ways ("bill has_nickname william" beside "william
has_nickname bill"; bob/robert, mike/michael, dick/richard) and has slips such as "wilma
has_nickname william". Length settles it: a row counts when the name it starts from is longer
than its nickname, or as long, given one way only and from a formal name ("james has_nickname
jimmy"; "john has_nickname jack" does not count: John is a nickname of Jonathan there). A formal
name is one that no longer name lists as its nickname ("william", "timothy"; an unknown name is).

What the rows give, and callers should know: a nickname can stand for several formal names ("bill"
for william, robert and willis; "alex" for alexander, alexandra, alexis ...), and the relation is
not transitive ("bill" is William and Robert, William is not Robert). An initial is not handled
here: the caller decides what "j" matches.
"""
from __future__ import annotations

from functools import lru_cache

from ..nlp.names import fold

__all__ = ["formal_names", "same_given", "canonical_given"]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """(nickname -> the names it stands for, the names that are not formal), read once."""
    from nicknames import name_triplets

    longer: dict[str, set[str]] = {}
    same_length: list[tuple[str, str]] = []
    for formal, relation, nick in name_triplets():
        formal, nick = fold(formal), fold(nick)
        if relation != "has_nickname" or not formal or not nick or formal == nick:
            continue
        if len(formal) > len(nick):
            longer.setdefault(nick, set()).add(formal)
        elif len(formal) == len(nick):
            same_length.append((formal, nick))
    # a row between names as long counts from a name no longer name has, one way only ("james
    # has_nickname jimmy"; "jane"/"jean", given both ways, stay two names), for same_given only:
    # such rows also join formal variants ("jamey has_nickname james"), so formality ignores them
    not_formal = frozenset(longer)
    pairs = set(same_length)
    for formal, nick in same_length:
        if formal not in not_formal and (nick, formal) not in pairs:
            longer.setdefault(nick, set()).add(formal)
    return {nick: frozenset(names) for nick, names in longer.items()}, not_formal


def _is_formal(given: str) -> bool:
    return given not in _table()[1]


def formal_names(given: str) -> frozenset[str]:
    """The folded names `given` can stand for, itself included: "bill" -> {bill, william, robert,
    willis}; "tim" -> {tim, timothy}; "william" -> {william}; an unknown name -> {itself}."""
    g = fold(given)
    return frozenset({g}) | _table()[0].get(g, frozenset())


def same_given(a: str, b: str) -> bool:
    """Could given names `a` and `b` be one person's: equal, one a nickname of the other
    ("bill"/"william", "len"/"leonard"), or nicknames of one name ("tom"/"tommy" via thomas)?
    "bill"/"hillary" and "john"/"jane" are not. Initials are the caller's."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    return a == b or bool(formal_names(a) & formal_names(b))


def canonical_given(given: str) -> str:
    """A stable representative of `given`: itself when it is formal, else the formal name it
    stands for when there is exactly one (through longer nicknames: "tim" -> "timothy", "timmy" ->
    "timothy"), else itself ("bill" stands for william, robert and willis: "bill"; "alex")."""
    g = name = fold(given)
    while not _is_formal(name):
        longer = [n for n in _table()[0][name] if len(n) > len(name)]
        if len(longer) != 1:
            return g
        name = longer[0]
    return name
