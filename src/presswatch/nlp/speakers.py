"""Speaker resolution inside one article: every source resolved to one canonical speaker.

No coreference model works offline with spaCy 3.8 here, so this is ours: name variants merge by
surname ("Ayatollah Seyyed Ali Khamenei", "Ayatollah Khamenei", "Khamenei"); role descriptions
("the Leader", "the minister") go to the person the article gave that role; pronouns go to the
most recent compatible speaker or person; a quote without a cue continues the previous speaker.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from .lexicons.calendar import MONTH_NAMES, WEEKDAY_NAMES
from .lexicons.first_names import gender_of
from .lexicons.people import (DOCUMENT_NOUNS, FEMALE_PRONOUNS as FEMALE, GENDERED_TITLES, GENERIC_ORG_NOUNS,
                              GROUP_NOUNS, HONORIFICS, MALE_PRONOUNS as MALE, ORG_NOUNS,
                              PERSONAL_PRONOUNS, PLURAL_PRONOUNS as PLURAL, POSSESSIVE_PRONOUNS as _POSSESSIVES,
                              ROLE_NOUNS)
from .names import name_words, person_words

@dataclass
class Person:
    id: str
    kind: str  # PERSON | ORG | GROUP
    names: list = field(default_factory=list)  # name strings, word lists without honorifics
    roles: dict = field(default_factory=dict)  # role noun -> offset where the article gave it
    gender: Optional[str] = None  # m | f | None
    mentions: list = field(default_factory=list)  # (start, end)
    _seen: set = field(default_factory=set, repr=False)  # the mentions, for "is this one of them"

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
        cands = [p for p in sorted(near.values(), key=lambda p: self._rank[id(p)])
                 if p.matches(words) and (kind is None or p.kind == kind)]
        if not cands:
            return None
        return max(cands, key=lambda p: len(p.mentions))

    def mention(self, p: Person, span: tuple) -> None:
        if p.mention(span):
            self.spans.add(span)

    def _name(self, p: Person, words: list) -> None:
        if words not in p.names:
            p.names.append(words)
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
        if not gender and kind == "PERSON" and len(words) > 1:
            gender = gender_of(words[0])
        if gender and not p.gender:
            p.gender = gender
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


def _title_gender(words) -> Optional[str]:
    for w in words:
        g = GENDERED_TITLES.get(w.lower().strip("."))
        if g:
            return g
    return None


def build_registry(doc) -> tuple[Registry, Mentions]:
    """People and organisations with their roles; returns the registry and a list of
    (char offset, Person) for every entity mention in order."""
    reg = Registry()
    order = Mentions()
    doc_text = doc.text  # Doc.text joins every token on each call: once, not once per entity
    for ent in doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG"):
            if not (label in ("NORP", "GPE", "PRODUCT", "LOC") and len(ent) == 1 and ent[0].pos_ == "PROPN"
                    and reg.find(person_words(ent.text), "PERSON") is not None):
                continue
            label = "PERSON"  # "Schuh is aware ..." tagged NORP: the surname of a person named before
        if label == "PERSON":
            ent = _without_place(ent)
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]  # "the Parole Board of Canada's logic": the name without its possessive
        if label == "PERSON" and not person_words(text):
            continue
        if ent[0].lower_ in ("the", "a", "an") and ent[0].is_lower and ent.root.pos_ == "NOUN":
            continue  # "the rookie defenceman" tagged ORG: a description to resolve, not a name
        if text.rstrip().endswith("/") or doc_text[ent.end_char:ent.end_char + 3].strip().startswith("/"):
            continue  # a photo credit ("Tijana Martin / The Canadian Press"), not a person in the story
        roles = set()
        # words before the name inside its noun phrase: "Raptors guard", "the Iranian leader"
        head = ent.root
        pre_np = []  # the words right before the name in its noun phrase, not across a verb
        k = ent.start - 1
        while k >= max(ent.start - 4, 0) and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM"):
            pre_np.append(doc[k])
            k -= 1
        for t in list(head.lefts) + pre_np:
            if t.lower_ in ROLE_NOUNS and t.i < ent.start:
                roles.add(t.lower_)
        for w in name_words(text):
            if w.lower() in ROLE_NOUNS:
                roles.add(w.lower())
        # appositions: "The Leader of ..., Ayatollah X" (X appos of Leader) and "X, the minister,"
        if head.dep_ == "appos" and head.head.lower_ in ROLE_NOUNS:
            roles.add(head.head.lower_)
        for c in head.children:
            if c.dep_ == "appos" and c.lower_ in ROLE_NOUNS:
                roles.add(c.lower_)
        # title words just before the entity ("Prime Minister Justin Trudeau" where NER left them out)
        pre = [t.text for t in doc[max(ent.start - 3, 0):ent.start] if t.is_title or t.is_upper]
        gender = _title_gender(pre + text.split())
        if label == "ORG" and _titled_name(text):
            label = "PERSON"  # "Hereditary Chief Na'moks", "Minister Smith": NER took the title for an ORG
        p = reg.add(text, label, (ent.start_char, ent.end_char), roles, gender)
        if p is not None:
            order.add(ent.start_char, p)
    return reg, order


def _without_place(ent):
    """"ambassador to Chile Mark Ellison", "Surrey Mayor Doug McCallum": the recognizer glued a place
    or a title to the name. The name starts at a known first name when the words before it follow
    a preposition or end in a title, and the first word is not itself a first name ("Mary Ann
    Smith", "George St. Pierre" stay whole)."""
    doc = ent.doc
    if len(ent) < 3 or gender_of(doc[ent.start].text):
        return ent
    after_prep = ent.start > 0 and doc[ent.start - 1].pos_ == "ADP"
    for k in range(ent.start + 1, ent.end - 1):
        if gender_of(doc[k].text) and (after_prep or doc[k - 1].lower_.strip(".") in HONORIFICS):
            return doc[k:ent.end]
    return ent


def _titled_name(text: str) -> bool:
    """A title word followed by one or two capitalised words that end the name, or a known first
    name and a surname: a person ("Hereditary Chief Na'moks", "Mark Rautio")."""
    words = name_words(text)

    def name_like(ws):
        return all(w[:1].isupper() and w.lower() not in ORG_NOUNS and w.lower() not in GROUP_NOUNS for w in ws)
    if 2 <= len(words) <= 4 and gender_of(words[0]) and name_like(words):
        return True
    return any(k >= 0 and words[k].lower().strip(".") in HONORIFICS and words[k][:1].isupper()
               and name_like(words[k + 1:]) for k in (len(words) - 2, len(words) - 3))


@dataclass
class _Reading:
    """What resolution knows while it reads an article's statements in order."""
    reg: Registry
    order: Mentions  # (offset, Person) of every mention, in text order
    subjects: list  # (offset, id, Person) of sentence subjects and resolved sources
    text: str
    last: Optional[Person] = None  # the previous statement's speaker
    last_para: int = -10


def resolve(raw_quotes, doc, text):
    """Attach a Person (or None) to every RawQuote; returns (registry, [Person|None per quote])."""
    reg, order = build_registry(doc)
    r = _Reading(reg, order, subject_mentions(doc, order, reg), text)
    speakers = []
    for q in raw_quotes:
        p = None
        if q.floating or q.source_token is None and q.source is None:
            p = r.last if (r.last is not None and q.paragraph - r.last_para <= 3) else None
            if p is None:  # no recent speaker: the person named last before the quote
                p = r.order.last_before(q.start, lambda pp: pp.kind == "PERSON")
        elif q.source is not None:
            p = _of_source(q, r)
            _learn_gender(p, q.source_token)
        speakers.append(p)
        if p is not None:
            r.last, r.last_para = p, q.paragraph
            if q.source is not None:
                bisect.insort(r.subjects, (q.source[0], id(p), p))
    return reg, speakers


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
    if src is not None and src.lower_ in DOCUMENT_NOUNS and _document_owner(src) is None:
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
    owner = _document_owner(src) if src is not None and src.lower_ in DOCUMENT_NOUNS else None
    if owner is None and src is not None and src.lower_ in DOCUMENT_NOUNS and src.pos_ == "NOUN":
        return None  # "according to a statement": a document nobody is named behind
    if src is not None and src.pos_ == "PRON" and src.lower_ in PERSONAL_PRONOUNS \
            or low in MALE | FEMALE | PLURAL | {"i", "we"}:
        return _resolve_pronoun(head if src is not None else low, q, r.last, r.last_para, r.order, r.subjects,
                                r.text)
    if src is not None and any(c.dep_ == "conj" for c in src.children) and " and " in src_text:
        # several people speaking together: one GROUP speaker that "they" can refer to
        return _register(r, src_text, "GROUP", (s, e))
    if owner is not None and owner.pos_ == "PRON":
        # "her statement said": the statement's author is who "her" refers to
        return _resolve_pronoun(owner.lower_, q, r.last, r.last_para, r.order, r.subjects)
    if owner is not None:
        # "The RCMP statement said", "the union's release said": the owner speaks
        s2, e2 = owner.left_edge.idx, owner.idx + len(owner.text)
        return r.order.first_between(s2, e2 + 1) or \
            _resolve_role(r.text[s2:e2] if r.text[s2:e2].lower().startswith("the") else "the " + owner.text,
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
    if head_named:
        p = r.order.first_between(s, e)
    words = person_words(src_text)
    if p is None and words and src is not None and src.pos_ == "PROPN":
        p = r.reg.find(words)
    if p is None:
        p = _resolve_role(src_text, s, r.order, r.last, r.subjects)
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
            p.gender = "m"
        elif src.lower_ in FEMALE:
            p.gender = "f"


def subject_mentions(doc, order, reg=None) -> list:
    """(offset, id, Person) for every sentence subject that names a known person or organisation:
    "McCallum claimed ...", "the mayor brought up ...", "The Leader of ..., Ayatollah X, said";
    with `reg`, plural subjects too ("Authorities described ...", "The Conservatives believe"), as
    GROUP speakers. Subjects are what a later "he", "she" or "they" most often continues (centering)."""
    by_start = {off: p for off, p in order}
    ents = {}
    for e in doc.ents:
        if e.start_char in by_start:
            for i in range(e.start, e.end):
                ents[i] = by_start[e.start_char]
    out = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        p = ents.get(tok.i)
        if p is None:
            appos = next((c for c in tok.children if c.dep_ == "appos" and c.i in ents), None)
            p = ents.get(appos.i) if appos is not None else None
        if p is not None and tok.head.dep_ in ("ccomp", "relcl", "acl") and tok.head.head.pos_ == "VERB":
            continue  # the subject of a reported clause ("X said [Y] has ...") is not the centre
        if p is None and tok.lower_ in ROLE_NOUNS:
            np = doc[tok.left_edge.i:tok.i + 1].text
            p = _resolve_role(np, tok.idx, order, None)
        if p is None and reg is not None and (tok.tag_ == "NNS" and (tok.lower_ in GROUP_NOUNS or tok.lower_.rstrip("s") in ROLE_NOUNS)
                                              or tok.ent_type_ == "NORP" and tok.tag_ == "NNPS"):
            # "Authorities said", "Republican senators are eager": a group "they" can continue
            left = tok.left_edge
            while left.i < tok.i and left.dep_ in ("det", "predet"):
                left = doc[left.i + 1]
            p = reg.add(doc[left.i:tok.i + 1].text, "GROUP", (left.idx, tok.idx + len(tok.text)))
        if p is not None:
            out.append((tok.idx, id(p), p))
    out.sort(key=lambda x: (x[0], x[1]))
    return out


def _document_owner(src):
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



def _resolve_role(src_text, offset, order, last, subjects=None) -> Optional[Person]:
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


def _lead_person(q, text, order, compatible) -> Optional[Person]:
    """The one compatible person named in the text that leads into a direct quote in its paragraph
    (since the last quotation mark, at most 250 characters), or None."""
    lead_start = max(text.rfind("\n", 0, q.start) + 1, q.start - 250)
    lead_start = max([lead_start] + [text.rfind(m, lead_start, q.start) + 1 for m in ('"', "“", "”")])
    if len(text[lead_start:q.start].split()) < 3:
        return None
    named = {id(pp): pp for _, pp in order.between(lead_start, q.start) if compatible(pp)}
    return next(iter(named.values())) if len(named) == 1 else None


def _resolve_pronoun(pron, q, last, last_para, order, subjects, text=None) -> Optional[Person]:
    def compatible(p):
        if pron in MALE:
            return p.kind == "PERSON" and p.gender != "f"
        if pron in FEMALE:
            return p.kind == "PERSON" and p.gender != "m"
        if pron in PLURAL:
            return p.kind in ("ORG", "GROUP")
        if pron == "it":
            return p.kind == "ORG"
        return p.kind == "PERSON"

    if pron == "i" or pron == "we":
        return last if last is not None and q.paragraph - last_para <= 2 else None
    # the most recent compatible subject before the statement (its quote or its pronoun), close by
    anchor = min(q.start, q.source[0]) if q.source else q.start
    if q.is_direct and text is not None and anchor == q.start:
        # “...,” he says -- right after a sentence that introduced one person ("... for accountant
        # Babatunji Farinloye, 50. “I had ...,” he says"): that person speaks
        p = _lead_person(q, text, order, compatible)
        if p is not None:
            return p
    recent = [p for _, _, p in subjects_between(subjects, anchor - 600, anchor) if compatible(p)]
    if recent:
        return recent[-1]
    if last is not None and q.paragraph - last_para <= 3 and compatible(last):
        return last
    return order.last_before(anchor, compatible)
