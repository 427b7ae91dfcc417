"""Who is who across the corpus: a pure function of the stored article speakers.

Each article speaker (one person of one article: its fullest name there, its mentions, the gender
the article gave it) gets one corpus speaker from `identify(mentions, registry, corrections)`. The
same stored mentions give the same speakers in any order of arrival: ids come from names, never
from which article came first, and every choice looks at all the mentions of a block.
- People are blocked by surname. Full names join when their given names are one (the same, or a
  nickname of it: "Bill"/"William" through the `nicknames` table); different given names never
  merge. An initial joins the one full name it fits. A surname alone joins across articles only
  when the corpus names one person of that surname in full (the link says "surname, inferred").
- Organisations and groups join by their folded name; an acronym joins the one organisation whose
  initials it is. A name the recognizer typed ORG joins a person of that name when the corpus has
  one (a person is what has a first name, a title or pronouns).
- The registry a user supplies comes first: a mention named by an entry's name or alias is that
  entry's person. Corrections by hand (merge, split) apply last, in the order they were made.
Cost: linear in the mentions (a dict per block).
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..nlp.lexicons.first_names import gender_of
from ..nlp.lexicons.people import COURTESY_TITLES
from ..nlp.speakers.registry import initials_of
from .names import PERSON, fold, is_honorific, parse_name, person_by_title
from .nicknames import canonical_given, formal_names

ORG_KINDS = ("ORG", "GROUP")


@dataclass(frozen=True)
class Mention:
    """One stored article speaker."""
    article_id: str
    local: str
    name: str
    kind: str
    texts: tuple = ()
    gender: Optional[str] = None
    gender_basis: Optional[str] = None
    published: Optional[str] = None


@dataclass
class Speaker:
    """A corpus speaker: its mentions, the name shown, its kind, gender and roles."""
    id: str
    mentions: list = field(default_factory=list)
    name: str = ""
    kind: str = PERSON
    gender: Optional[str] = None
    gender_basis: Optional[str] = None
    roles: list = field(default_factory=list)  # [title, first date, last date]
    wikidata: Optional[str] = None


@dataclass
class Identity:
    speakers: list  # [Speaker], sorted by id
    links: dict  # (article_id, local) -> (speaker id, basis)


def _id(*parts: str) -> str:
    return "sp-" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]


def identify(mentions: Iterable[Mention], registry=(), corrections=()) -> Identity:
    """The corpus speakers of these article speakers (see the module docstring)."""
    mentions = sorted(set(mentions), key=lambda m: (m.article_id, m.local))
    links: dict = {}
    entries = {parse_name(a, e.kind).key: e for e in registry for a in (e.name, *e.aliases) if fold(a)}
    rest = []
    for m in mentions:
        # its own name, or a full name it was written as ("Ayatollah Ali Khamenei"); never a bare
        # surname it was also written as, which another person of the registry may share
        keys = [parse_name(m.name, m.kind).key] + [parse_name(t, m.kind).key for t in m.texts
                                                    if parse_name(t, m.kind).given]
        entry = next((entries[k] for k in keys if k in entries), None)
        if entry is not None:
            links[(m.article_id, m.local)] = ("reg:" + entry.id, "registry")
        else:
            rest.append(m)
    people = [m for m in rest if _kind(m) == PERSON]
    _link_people(people, links, registry)
    _link_orgs([m for m in rest if _kind(m) != PERSON], links)
    _apply(corrections, links, {(m.article_id, m.local): m for m in mentions})
    return Identity(_speakers(mentions, links, registry), links)


def _kind(m: Mention) -> str:
    kind = person_by_title(m.name, m.kind)
    words = m.name.split()
    if kind in ORG_KINDS and 2 <= len(words) <= 3 and (m.gender or gender_of(words[0])) \
            and all(w[:1].isupper() for w in words):
        return PERSON  # "Mark Rautio" typed ORG: a first name (or pronouns) make a person
    return kind


def _link_people(people: list, links: dict, registry) -> None:
    """Full names by surname and given name, then initials, then bare surnames."""
    blocks: dict = defaultdict(list)
    for m in people:
        n = parse_name(m.name, PERSON)
        blocks[n.surname].append((m, n))
    registered = {parse_name(e.name, PERSON).surname for e in registry if e.kind == PERSON}
    for surname, items in sorted(blocks.items(), key=lambda kv: kv[0] or ""):
        groups: dict = {}
        givens = {n.given[0] for _, n in items if n.given and len(n.given[0]) > 1}
        for m, n in items:
            if n.given and len(n.given[0]) > 1:
                g = _given_key(n.given[0], givens)
                groups.setdefault(g, _id(PERSON, surname or "", g))
                links[(m.article_id, m.local)] = (groups[g], "name")
        for m, n in items:
            if (m.article_id, m.local) in links:
                continue
            if n.given:  # an initial: the one full name it fits
                fits = sorted(g for g in groups if any(f.startswith(n.given[0]) for f in formal_names(g) | {g}))
                links[(m.article_id, m.local)] = (groups[fits[0]], "initial") if len(fits) == 1 else \
                    (_id(PERSON, surname or "", n.given[0], m.article_id), "initial, ambiguous")
            elif surname not in registered and (one := _one_compatible(m, groups, items)) is not None:
                links[(m.article_id, m.local)] = one
            else:  # no full name, or several it could be: it stays this article's own
                links[(m.article_id, m.local)] = (_id(PERSON, surname or "", m.article_id), "surname only")


def _one_compatible(m: Mention, groups: dict, items: list) -> Optional[tuple]:
    """(speaker id, basis) for a bare surname when the corpus names one person of that surname in
    full, or one whose gender agrees with what its article says ("Obama ... he said" with Barack
    and Michelle named elsewhere); else None."""
    if len(groups) == 1:
        return next(iter(groups.values())), "surname, inferred"
    if not m.gender:
        return None
    givens = {n.given[0] for _, n in items if n.given and len(n.given[0]) > 1}
    genders: dict = defaultdict(Counter)
    for other, n in items:
        if n.given and len(n.given[0]) > 1:
            g = gender_of(n.given[0]) or other.gender  # a first name says more than a title or a "he"
            if g:
                genders[_given_key(n.given[0], givens)][g] += 1
    fits = [key for key in groups if genders[key] and genders[key].most_common(1)[0][0] == m.gender]
    return (groups[fits[0]], "surname and gender, inferred") if len(fits) == 1 else None


def _given_key(given: str, present: set) -> str:
    """What a given name is grouped by: the one formal name of it that the block also has ("bill"
    with "william" there), else its own canonical form ("tim" -> "timothy")."""
    formal = sorted((formal_names(given) - {given}) & present)
    return formal[0] if len(formal) == 1 else canonical_given(given)


def _link_orgs(orgs: list, links: dict) -> None:
    """Organisations and groups by folded name; an acronym to the one organisation it abbreviates."""
    by_initials: dict = defaultdict(set)
    keyed = []
    for m in orgs:
        key = fold(m.name)
        keyed.append((m, key))
        short = initials_of(m.name.split()) if m.kind == "ORG" else None
        if short:
            by_initials[short].add(key)
    for m, key in keyed:
        words = m.name.split()
        acronym = words[0].lower() if len(words) == 1 and words[0].isupper() and len(words[0]) > 1 else None
        full = by_initials.get(acronym) if acronym else None
        if full and len(full) == 1:
            links[(m.article_id, m.local)] = (_id("ORG", next(iter(full))), "acronym")
        else:
            links[(m.article_id, m.local)] = (_id("ORG" if m.kind == "ORG" else m.kind, key), "name")


def _apply(corrections, links: dict, by_key: dict) -> None:
    """Merges and splits by hand, in the order made; an undone one is skipped."""
    for c in corrections:
        if c.get("undone_at"):
            continue
        if c["action"] == "merge":
            for k, (sid, _) in list(links.items()):
                if sid == c["speaker_id"]:
                    links[k] = (c["other"], "merged by hand")
        elif c["action"] == "split":
            want = fold(c["name"] or "")
            for k, (sid, _) in list(links.items()):
                m = by_key[k]
                if sid == c["speaker_id"] and want in {fold(m.name), *map(fold, m.texts)}:
                    links[k] = (_id("split", sid, want), "split by hand")


def _speakers(mentions: list, links: dict, registry) -> list:
    groups: dict = defaultdict(list)
    for m in mentions:
        groups[links[(m.article_id, m.local)][0]].append(m)
    entries = {"reg:" + e.id: e for e in registry}
    out = []
    for sid in sorted(groups):
        ms = groups[sid]
        sp = Speaker(sid, ms)
        sp.kind = Counter(_kind(m) for m in ms).most_common(1)[0][0]
        sp.name = _display(ms, sp.kind)
        sp.gender, sp.gender_basis = _gender(ms, sp)
        sp.roles = _roles(ms)
        e = entries.get(sid)
        if e is not None:
            sp.name, sp.kind, sp.wikidata = e.name, e.kind, e.wikidata
            sp.gender, sp.gender_basis = (e.gender, "registry") if e.gender else (sp.gender, sp.gender_basis)
            sp.roles = [[t, s and str(s), e2 and str(e2)] for t, s, e2 in e.roles] + sp.roles
        out.append(sp)
    return out


def _display(ms: list, kind: str) -> str:
    """The fullest name, then the most used, then the first in alphabetical order (stable)."""
    counts = Counter(m.name for m in ms)

    def rank(name):
        n = parse_name(name, kind)
        return (-len(n.given), -counts[name], -len(n.key), name)
    return min(counts, key=rank)


def _gender(ms: list, sp: Speaker) -> tuple:
    """The gender the articles gave (most often), else the first-name table's, with its basis."""
    said = Counter((m.gender, m.gender_basis) for m in ms if m.gender)
    if said:
        (g, basis), _ = said.most_common(1)[0]
        return g, basis
    if sp.kind == PERSON:
        given = parse_name(sp.name, PERSON).given
        g = gender_of(given[0]) if given else None
        if g:
            return g, "first name"
    return None, None


def _roles(ms: list) -> list:
    """Titles written before the name ("Transport Minister Claire Dubois"), with the first and last
    publication dates of the articles that gave them."""
    seen: dict = {}
    for m in ms:
        for text in m.texts:
            words = text.split()
            k = 0
            while k < len(words) - 1 and (is_honorific(fold(words[k])) or words[k][:1].isupper()
                                          and is_honorific(fold(words[k + 1]))):
                k += 1
            title = " ".join(words[:k])
            if k and any(is_honorific(fold(w)) for w in words[:k]) and fold(title) not in COURTESY_TITLES:
                first, last = seen.get(title, (m.published, m.published))
                dates = [d for d in (first, last, m.published) if d]
                seen[title] = (min(dates), max(dates)) if dates else (None, None)
    return [[t, a, b] for t, (a, b) in sorted(seen.items())]
