"""The search syntax, parsed once and compiled by each backend (never pasted into SQL).

    budget deficit       both words                "rail line"      the phrase
    budget OR tax        either word               -rail            without the word
    transpor*            a word starting so        (other characters are ignored, as in the index)

Every term is reduced to word characters, so a compiled query can hold nothing but words; a query
that cannot be read raises SearchSyntaxError with what to change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..corpus.names import fold
from ..errors import SearchSyntaxError

MAX_TERMS = 32
_TOKEN = re.compile(r'-?"[^"]*"\*?|\S+')


@dataclass(frozen=True)
class Term:
    words: tuple  # folded words; several make a phrase
    prefix: bool = False  # the last word is a prefix


@dataclass(frozen=True)
class Parsed:
    clauses: tuple  # AND of clauses; each clause a tuple of Terms joined by OR
    exclude: tuple = ()  # Terms that must not occur

    @property
    def empty(self) -> bool:
        return not self.clauses


def parse(text: Optional[str]) -> Parsed:
    text = (text or "").strip()
    if not text:
        return Parsed(())
    if text.count('"') % 2:
        raise SearchSyntaxError('unbalanced quotation mark in the search; close the phrase with " '
                                'or remove the "')
    clauses: list[tuple] = []
    exclude: list = []
    pending_or = False
    tokens = _TOKEN.findall(text)
    if len(tokens) > MAX_TERMS:
        raise SearchSyntaxError(f"the search has {len(tokens)} terms, more than {MAX_TERMS}; shorten it")
    for tok in tokens:
        if tok == "OR":
            if not clauses or pending_or:
                raise SearchSyntaxError("OR needs a word on each side (as in: budget OR tax)")
            pending_or = True
            continue
        negative = tok.startswith("-") and len(tok) > 1
        term = _term(tok[1:] if negative else tok)
        if term is None:
            if pending_or:
                raise SearchSyntaxError(f"OR is followed by {tok!r}, which has no letters or digits to search for")
            continue  # stray punctuation ("--", "&"): ignored, as the index ignores it
        if negative:
            if pending_or:
                raise SearchSyntaxError("OR cannot join an excluded word; write: budget -tax")
            exclude.append(term)
        elif pending_or:
            clauses[-1] = clauses[-1] + (term,)
            pending_or = False
        else:
            clauses.append((term,))
    if pending_or:
        raise SearchSyntaxError("OR needs a word on each side (as in: budget OR tax)")
    if exclude and not clauses:
        raise SearchSyntaxError("a search needs at least one word to find, not only words to exclude")
    return Parsed(tuple(clauses), tuple(exclude))


def _term(tok: str) -> Optional[Term]:
    phrase = tok.startswith('"')
    prefix = tok.endswith("*")
    body = tok.rstrip("*")
    if phrase:
        body = body.strip('"')
    elif "*" in body:
        raise SearchSyntaxError(f"{tok!r}: a * can only end a word (as in: transport*)")
    words = tuple(fold(body).split())
    if not words:
        return None
    return Term(words, prefix)
