"""What a parse says about a (pronoun, candidate mention) pair, as string features for the
pronoun model (model.py): agreement, syntactic roles and parallelism, distance, binding, salience.

`Context` indexes one Doc once (sentence of each token, where each capitalised word occurs, the
gender each surname has in the article), so that the features of a pair cost a few lookups and
extracting them for every pronoun of an article stays linear in its length.
"""
from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass
from typing import Optional

from ..lexicons.first_names import gender_of
from ..lexicons.people import (FEMALE_PRONOUNS, GENDERED_TITLES, GROUP_NOUNS, HONORIFICS, MALE_PRONOUNS, NAME_SUFFIXES,
                               ORG_NOUNS, PRONOUN_CASE, THIRD_PERSON_PLURAL)

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
OBJECT_DEPS = {"dobj", "dative", "iobj", "oprd"}
# dependents that start a clause of their own: where a binding domain ends
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
# labels of entities that are groups or things (the recognizer also gives them to unfamiliar names)
NON_PERSON_LABELS = {"ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


def pronoun_gender(word: str) -> Optional[str]:
    w = word.lower()
    return "m" if w in MALE_PRONOUNS else "f" if w in FEMALE_PRONOUNS else None


def pronoun_case(tok) -> str:
    case = PRONOUN_CASE.get(tok.lower_, "other")
    return "poss" if tok.lower_ == "her" and tok.dep_ == "poss" else case


def is_resolvable(tok) -> bool:
    """A third-person personal pronoun: he, she, him, her, his, hers, they, them, their ..."""
    return tok.lower_ in PRONOUN_CASE and tok.tag_ in ("PRP", "PRP$", "")


def role_of(tok) -> str:
    """subj | obj | poss | appos | pp | attr | compound | other, through conjunctions."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    dep = tok.dep_
    if dep in SUBJECT_DEPS:
        return "subj"
    if dep in OBJECT_DEPS:
        return "obj"
    if dep == "poss" or any(c.dep_ == "case" for c in tok.children):
        return "poss"
    if dep in ("appos", "attr", "compound"):
        return dep
    if dep == "pobj":
        return "pp"
    return "other"


def preposition_of(tok) -> str:
    """The preposition a pp mention hangs on ("by", "with", "of"), through conjunctions; "other"
    when the parse puts something else there (only closed-class words become feature names)."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    head = tok.head
    return head.lower_ if head.dep_ in ("prep", "agent") and head.pos_ == "ADP" else "other"


def clause_of(tok):
    """The head of the clause a token is in: its nearest ancestor that starts a clause."""
    t = tok
    for _ in range(64):  # a parse is a tree; the bound only guards against a malformed one
        if t.dep_ in CLAUSE_DEPS or t.head is t:
            return t
        t = t.head
    return t


def dominates(a, b) -> bool:
    """a is b or one of b's ancestors (a's subtree holds b)."""
    return a.left_edge.i <= b.i <= a.right_edge.i and (a is b or a.is_ancestor(b))


@dataclass
class Context:
    """One Doc indexed once: the sentence of each token, the positions of each capitalised word
    and the gender its surname has anywhere in the article."""
    sent_of: list
    sent_start: list
    positions: dict
    gender: dict
    people: list  # the start token of every PERSON entity, in order

    @classmethod
    def of(cls, doc) -> "Context":
        cached = _CONTEXTS.get(doc)
        if cached is not None and len(cached.sent_of) == len(doc):
            return cached
        sent_of, sent_start = [0] * len(doc), []
        for k, s in enumerate(doc.sents):
            sent_start.append(s.start)
            for i in range(s.start, s.end):
                sent_of[i] = k
        positions: dict = {}
        for t in doc:
            if t.is_title or t.pos_ == "PROPN":
                positions.setdefault(t.lower_, []).append(t.i)
        gender: dict = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = name_words(doc, ent.start, ent.end)
                g, strong = span_gender(doc, ent.start, ent.end, words)
                if g and strong and len(words) > 1:
                    gender.setdefault(words[-1].lower_, g)
        people = [e.start for e in doc.ents if e.label_ == "PERSON"]
        ctx = cls(sent_of, sent_start, positions, gender, people)
        _CONTEXTS[doc] = ctx
        return ctx

    def count_before(self, word: str, i: int) -> int:
        return bisect.bisect_left(self.positions.get(word, ()), i)

    def total(self, word: str) -> int:
        return len(self.positions.get(word, ()))

    def people_between(self, lo: int, hi: int) -> int:
        return bisect.bisect_left(self.people, hi) - bisect.bisect_left(self.people, lo)

    def first(self, word: str) -> int:
        pos = self.positions.get(word)
        return pos[0] if pos else 1 << 30


_CONTEXTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def name_words(doc, start: int, end: int) -> list:
    """The tokens of a mention that make up a name: no title, suffix, "'s" or punctuation."""
    return [t for t in doc[start:end] if t.is_alpha and t.lower_ not in HONORIFICS
            and t.lower_.strip(".") not in NAME_SUFFIXES and t.dep_ != "case"]


def span_gender(doc, start: int, end: int, words: list, ctx: Optional[Context] = None) -> tuple:
    """(gender, strong): 'm' | 'f' | None, strong when a gendered title before the name or the
    first name of a full name says it; weak when a lone word ("Kelly": a first name or a surname)
    or the same surname elsewhere in the article says it."""
    first = words[0].i if words else end
    for t in doc[max(start - 1, 0):first]:
        g = GENDERED_TITLES.get(t.lower_.strip("."))
        if g:
            return g, True
    if not words:
        return None, False
    if len(words) > 1:
        g = gender_of(words[0].text)
        if g:
            return g, True
    if ctx is not None and words[-1].lower_ in ctx.gender:
        return ctx.gender[words[-1].lower_], False
    return (gender_of(words[0].text), False) if len(words) == 1 else (None, False)


def number_of(span) -> str:
    """sg | pl (a coordination inside the mention, a plural common noun) | group (an
    organisation's kind: "the company", "the ministry") | either (a name the recognizer calls an
    organisation or a place: "they" for a group, or "he" for a person it did not know)."""
    root = span.root
    if root.tag_ == "NNS" or any(t.dep_ == "cc" and t.head.i >= span.start for t in span):
        return "pl"
    if root.pos_ != "PROPN" and root.lower_ in GROUP_NOUNS | ORG_NOUNS:
        return "group"
    if (span.label_ or root.ent_type_) in NON_PERSON_LABELS:
        return "either"
    return "sg"


def compatible(pron, gender: tuple, number: str) -> bool:
    """Can this pronoun stand for this mention at all: number, group against person, and a
    gender the mention states strongly."""
    if pron.lower_ in THIRD_PERSON_PLURAL:
        return number in ("pl", "group", "either")
    if number not in ("sg", "either"):
        return False
    pg, (g, strong) = pronoun_gender(pron.text), gender
    return not (pg and g and strong and pg != g)


@dataclass
class Candidate:
    """A candidate mention read once for one pronoun."""
    span: object
    role: str
    gender: tuple  # (gender, strong) of span_gender
    label: str
    ok: bool  # compatible with the pronoun (gender, number)
    sent: int
    mentions: int  # earlier occurrences of its name before the pronoun
    total: int  # occurrences of its name in the article
    words: int  # words of its name
    first: int  # where its name first occurs in the article


def candidate(doc, ctx: Context, pron, span) -> Candidate:
    words = name_words(doc, span.start, span.end)
    gender = span_gender(doc, span.start, span.end, words, ctx)
    label = span.label_ or span.root.ent_type_
    ok = compatible(pron, gender, number_of(span))
    keys = [w.lower_ for w in words] or [span.root.lower_]
    mentions = max(ctx.count_before(k, pron.i) for k in keys)
    total = max(ctx.total(k) for k in keys)
    first = min(min(ctx.first(k) for k in keys), span.start)
    return Candidate(span, role_of(span.root), gender, label, ok, ctx.sent_of[span.root.i], mentions, first,
                     total, len(words))


def _bucket(n: int, edges=(0, 1, 2, 3, 5, 8, 12, 20, 35, 60)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def pair_features(doc, ctx: Context, pron, cands: list, k: int) -> list[str]:
    """The features of the pair (pron, cands[k]), cands being every candidate of this pronoun
    (some features compare the candidate with the others)."""
    c = cands[k]
    span, root = c.span, c.span.root
    pr, case, cr = role_of(pron), pronoun_case(pron), c.role
    before = span.end <= pron.i
    d = pron.i - span.end + 1 if before else span.start - pron.i
    sd = ctx.sent_of[pron.i] - c.sent
    f = ["bias", f"cr={cr}", f"pr={pr}", f"case={case}", f"cr={cr}|pr={pr}", f"cr={cr}|case={case}",
         f"d={_bucket(d)}" if before else f"cata_d={_bucket(d)}", f"sd={min(sd, 4)}" if sd >= 0 else "sd=-1",
         f"sd={min(max(sd, -1), 3)}|cr={cr}"]
    f += [f"cr={cr}|pr={pr}|sd={min(max(sd, -1), 2)}", f"words={min(c.words, 2)}",
          f"pron_head={pron.head.dep_}" if pron.dep_ == "poss" else f"pron_dep={pron.dep_}"]
    if cr == "pp":
        f.append(f"prep={preposition_of(root)}")
    if cr == pr:
        f.append("parallel")
        f.append(f"parallel|sd={min(max(sd, -1), 2)}")
    f += _agreement_features(pron, c)
    f += _clause_features(pron, root, cr, pr, case, span)
    f += _salience_features(ctx, cands, k)
    f += _order_features(ctx, pron, cands, k, cr)
    return f


def _agreement_features(pron, c: Candidate) -> list[str]:
    g, strong = c.gender
    pg = pronoun_gender(pron.text)
    if not g or not pg:
        f = ["g=unknown"]
    else:
        f = [f"g={'match' if g == pg else 'clash'}|strong={strong}"]
    if c.label in NON_PERSON_LABELS:
        f.append("label=not_person")
    elif c.label:
        f.append(f"label={c.label}")
    return f


def _clause_features(pron, root, cr: str, pr: str, case: str, span) -> list[str]:
    """Binding and clause structure: the same clause, the candidate's clause governing the
    pronoun's, the pronoun inside the candidate's own phrase (or the reverse)."""
    f = []
    pc, cc = clause_of(pron), clause_of(root)
    if pc is cc:
        f.append(f"same_clause|cr={cr}|pr={pr}|refl={case == 'refl'}")
    elif dominates(cc, pc) and root.i != pc.i:
        f.append(f"governs|cr={cr}|case={case}")
    elif dominates(pc, cc):
        f.append(f"governed|cr={cr}|case={case}")
    if span.start <= pron.i < span.end:
        f.append("overlap")
    elif dominates(root, pron):
        f.append("pron_inside_np")
    elif dominates(pron.head, root) and pron.dep_ == "poss":
        f.append("cand_inside_pron_np")
    if cr == "subj" and cc.dep_ == "ROOT":
        f.append("main_subj")
        f.append(f"main_subj|case={case}")
    if pron.i == pron.sent.start or (pron.i > 0 and pron.nbor(-1).is_punct and pron.i - 1 == pron.sent.start):
        f.append(f"pron_starts|cr={cr}")
    return f


def _salience_features(ctx: Context, cands: list, k: int) -> list[str]:
    c = cands[k]
    others = [o for j, o in enumerate(cands) if j != k]
    f = [f"mentions={_bucket(c.mentions, (0, 1, 2, 3, 5))}"]
    if all(c.mentions > o.mentions for o in others):
        f.append("most_mentioned")
    elif any(c.mentions < o.mentions for o in others):
        f.append("less_mentioned")
    f.append(f"total={_bucket(c.total, (0, 1, 2, 3, 5))}")
    if all(c.total > o.total for o in others):
        f.append("most_mentioned_total")
    if all(c.first < o.first for o in others):
        f.append("first_named")
    if len(ctx.sent_start) < 2 or c.first < ctx.sent_start[1]:
        f.append("in_first_sentence")
    return f


def _order_features(ctx: Context, pron, cands: list, k: int, cr: str) -> list[str]:
    """Where the candidate stands among the others: nearest, another one between it and the
    pronoun, the nearest subject."""
    c = cands[k]
    lo, hi = sorted((c.span.end, pron.i))
    between = [o for o in cands if o is not c and lo <= o.span.start < hi]
    f = [f"between={min(len(between), 2)}", f"between_ok={min(sum(o.ok for o in between), 2)}",
         f"people_between={min(ctx.people_between(lo, hi), 3)}"]
    if any(o.role == "subj" for o in between):
        f.append("subject_between")
    if c.span.end <= pron.i and not between:
        f.append(f"nearest|cr={cr}")
    subj = [o for o in cands if o.role == "subj" and o.span.end <= pron.i and o.ok]
    if subj and max(subj, key=lambda o: o.span.start) is c:
        f.append("nearest_subject")
    return f
