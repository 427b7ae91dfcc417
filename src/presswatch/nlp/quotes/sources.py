"""Which mention is the source of a cue: the rule's choice (parse.subject_of, the object of
"according to") unless the learned source ranker is confident of another mention, and never a
mention that cannot be a source at all (a time, a date, a number, a document nobody owns).

The ranker (scripts/train_source_model.py makes src/presswatch/data/source_model.json) is a
softmax over the noun-phrase heads of the cue's sentence -- and of the sentence before when the
cue's has no subject -- scored by a linear model over what the parse says about each: its
dependency path to the cue, its role, where it sits, its entity type, whether the rule chose it.
The same feature function serves training and run time."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

from ..lexicons.calendar import MONTH_NAMES, PARTS_OF_DAY, WEEKDAY_NAMES
from ..lexicons.people import DOCUMENT_NOUNS, GROUP_NOUNS, ORG_NOUNS, ROLE_NOUNS, SPEAKING_PRONOUNS
from ..lexicons.speech import BELIEF_CUES, EVIDENCE_CUES, OBJECT_FORMS, SPEECH_NOUNS, cue_base
from .learned import _artifact
from .parse import source_span

HEAD_POS = ("NOUN", "PROPN", "PRON")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
TIME_ENTS = ("DATE", "TIME")
NUMBER_ENTS = ("CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL")
TIME_WORDS = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES) | frozenset(PARTS_OF_DAY) | {
    "today", "yesterday", "tomorrow", "tonight", "week", "weekend", "month", "year", "day", "hour"}
COUNTED = {"least", "most"}  # "at least 40 people": a count of people, not who spoke
NAME_ENTS = ("PERSON", "ORG", "NORP", "GPE")
CERTAIN_PRONOUNS = SPEAKING_PRONOUNS - {"you", "who"}  # "you" and "who" are anyone's
# what someone wrote or said, which says nothing by itself: "a statement", "the memo", "the filing"
# (a study, a poll or a ruling that "finds" is evidence with its own standing: those stay sources)
BARE_DOCUMENTS = frozenset(SPEECH_NOUNS) | {"document", "documents", "filing", "filings", "complaint", "notice",
                                            "tweets", "posts", "releases", "letters", "memos", "reports"}


# -- what can be a source ----------------------------------------------------------------------

def is_time(tok) -> bool:
    """"Tuesday", "last week", "May" as a month: a time, never who spoke."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return False
    return tok.ent_type_ in TIME_ENTS or tok.lower_ in TIME_WORDS


def is_quantity(tok) -> bool:
    """"40", "least" (of "at least 40 people"), "40 people" counted "at least": a number, not who
    spoke; "one of the players", "two of the officers", "no one" are people."""
    if tok.lower_ == "one" and any(c.lower_ in ("no", "of") for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and tok.ent_type_ not in ("PERCENT", "MONEY"):
        return False
    if tok.pos_ == "NUM" or tok.like_num or tok.ent_type_ in NUMBER_ENTS or tok.lower_ in COUNTED:
        return True
    for c in tok.children:
        if c.dep_ == "nummod" and any(g.lower_ in COUNTED for g in c.subtree):
            return True
    return False


def document_owner(tok):
    """Who stands behind a document noun: a possessive ("the union's statement", "her letter"), a
    noun before it ("the RCMP statement", "city documents"), or "from / by / of X"; None when
    nobody does."""
    for c in tok.children:
        if c.dep_ == "poss" or c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in NAME_ENTS or owns(c)):
            return c  # "the union's statement", "her letter", "the RCMP statement", "city documents"
        if c.dep_ in ("prep", "agent", "acl") and c.lower_ in ("from", "by", "of", "in", "filed", "issued", "sent"):
            # "a release from UFCW Local 832", "a report in The Globe", "a complaint filed by the SEC"
            for g in c.subtree:
                if g.dep_ == "pobj" and (g.ent_type_ in NAME_ENTS or g.pos_ in ("PROPN", "PRON") or owns(g)):
                    return g
    return None


def owns(tok) -> bool:
    """A common noun that can own a document: "city" of "city documents", "police" of "a police
    report" (not "press" of "a press release")."""
    return tok.lower_ in ORG_NOUNS or tok.lower_ in ROLE_NOUNS or tok.lower_ in GROUP_NOUNS


def valid_source(tok) -> bool:
    """Whether a mention may be a statement's source: not a time, a date or a number, and not a
    document ("a statement", "the report") that nobody in the sentence owns."""
    if tok is None:
        return False
    if is_time(tok) or is_quantity(tok):
        return False
    if tok.lower_ in BARE_DOCUMENTS and tok.ent_type_ not in NAME_ENTS and tok.pos_ != "PROPN":
        return document_owner(tok) is not None
    return True


# -- the ranker's candidates and features -------------------------------------------------------

def candidates(cue) -> list:
    """The noun-phrase heads of the cue's sentence, and of the sentence before when the cue's
    sentence has no subject at all; the cue itself is none."""
    sent = cue.sent
    toks = list(sent)
    if sent.start > 0 and not any(t.dep_ in SUBJECT_DEPS for t in toks):
        toks = list(cue.doc[sent.start - 1].sent) + toks
    return [t for t in toks if t.pos_ in HEAD_POS and t.dep_ != "compound" and t.i != cue.i]


def _path(cand, cue) -> str:
    """The dependency labels from the candidate up to the lowest common ancestor ("^") and down to
    the cue ("v"): three steps at most, else "far"."""
    up = [cand]
    while up[-1].head.i != up[-1].i and len(up) < 5:
        up.append(up[-1].head)
    down = [cue]
    while down[-1].head.i != down[-1].i and len(down) < 5:
        down.append(down[-1].head)
    down_i = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in down_i:
            j = down_i[t.i]
            if k + j > 3:
                return "far"
            return "/".join([x.dep_ + "^" for x in up[:k]] + [x.dep_ + "v" for x in reversed(down[:j])])
    return "far"


def cue_class(cue) -> str:
    if cue.lower_ == "according":
        return "according"
    base = cue_base(cue.text)
    if base is None:
        return "other"
    if base in BELIEF_CUES or cue.lower_ in BELIEF_CUES:
        return "belief"
    if cue.lower_ in EVIDENCE_CUES:
        return "evidence"
    return "object" if cue.lower_ in OBJECT_FORMS else "speech"


def _role(cand, cue) -> str:
    dep = cand.dep_
    if dep == "pobj":
        prep = cand.head
        if prep.lower_ == "to" and prep.i > 0 and cand.doc[prep.i - 1].lower_ == "according":
            return "according"
        if prep.dep_ == "agent":
            return "agent"
        return "pobj:" + (prep.lower_ if prep.lower_ in ("from", "by", "of", "in", "on", "to", "with") else "x")
    if dep in ("nsubj", "nsubjpass", "dobj", "appos", "poss", "dative", "attr", "conj", "npadvmod"):
        return dep
    return "other"


def _kind(tok) -> str:
    if tok.pos_ == "PRON":
        return "pron:" + tok.lower_
    if tok.ent_type_:
        return "ent:" + tok.ent_type_
    if tok.lower_ in DOCUMENT_NOUNS:
        return "document"
    if tok.lower_ in ROLE_NOUNS:
        return "role"
    if tok.lower_ in GROUP_NOUNS:
        return "group"
    return "pos:" + tok.pos_


def _bucket(d: int) -> str:
    a = abs(d)
    b = "1" if a <= 1 else "2" if a == 2 else "3-4" if a <= 4 else "5-8" if a <= 8 else "9-15" if a <= 15 else "16+"
    return ("-" if d < 0 else "+") + b


@dataclass(frozen=True)
class CueView:
    """What every candidate of one cue is scored against, worked out once per cue."""
    cue: Any  # the cue token
    rule: Any  # the rule's choice, or None
    content: Optional[tuple]  # the statement's (start, end), or None
    quoted: Any  # offsets inside quotation marks (a spans.Covered)
    cls: str  # cue_class
    sent_start: int  # the first token of the cue's sentence
    rule_kind: str
    rule_valid: bool

    @classmethod
    def of(cls, cue, rule, content, quoted) -> "CueView":
        return cls(cue, rule, content, quoted, cue_class(cue), cue.sent.start,
                   _kind(rule) if rule is not None else "none", valid_source(rule))


def source_features(cand, view: CueView) -> list[str]:
    """The features of one candidate mention for one cue."""
    cue, rule, cls, content = view.cue, view.rule, view.cls, view.content
    path = _path(cand, cue)
    role = _role(cand, cue)
    kind = _kind(cand)
    is_rule = rule is not None and rule.i == cand.i
    in_content = content is not None and content[0] <= cand.idx < content[1]
    inq = cand.idx in view.quoted and cue.idx not in view.quoted
    obj = cand.head.i == cue.i and cand.dep_ in ("dobj", "dative", "attr", "oprd")
    valid = valid_source(cand)
    feats = ["bias", f"path={path}", f"path|cls={path}|{cls}", f"role={role}", f"role|cls={role}|{cls}",
             f"kind={kind}", f"kind|role={kind}|{role}", f"pos={cand.pos_}", f"dist={_bucket(cand.i - cue.i)}",
             f"rule={is_rule}", f"rule|cls={is_rule}|{cls}", f"rule|kind={is_rule}|{kind}",
             f"content={in_content}", f"inq={inq}", f"obj={obj}", f"prev_sent={cand.i < view.sent_start}",
             f"valid={valid}", f"rule_none={rule is None}", f"hdep={cand.head.dep_}"]
    if rule is not None and not is_rule:
        feats.append(f"rule_kind={view.rule_kind}|{kind}")
        feats.append(f"rule_valid={view.rule_valid}|{valid}")
    return feats


# -- run time -----------------------------------------------------------------------------------

def source_model() -> dict:
    return _artifact("source_model.json", "weights")


def source_threshold() -> float:
    return _artifact("source_model.json", "meta").get("threshold", 1.1)


def ranked(cue, rule, content, quoted) -> list:
    """[(probability, candidate)] best first, by the shipped model; [] without one."""
    weights = source_model()
    cands = candidates(cue)
    if not weights or not cands:
        return []
    view = CueView.of(cue, rule, content, quoted)
    zs = [sum(weights.get(f, 0.0) for f in source_features(c, view)) for c in cands]
    top = max(zs)
    es = [math.exp(z - top) for z in zs]
    total = sum(es)
    return sorted(((e / total, c) for e, c in zip(es, cands)), key=lambda x: (-x[0], x[1].i))


def certain(cue, rule, quoted) -> bool:
    """The rule is right without asking the ranker: a person's name or a personal pronoun that is
    the cue's own subject, outside quotation marks ("Smith said", "she told ..."); 99% of
    PolNeAR train's such cues have that source."""
    if rule is None or cue is None or rule.head.i != cue.i or rule.dep_ != "nsubj":
        return False
    if rule.idx in quoted and cue.idx not in quoted:
        return False
    return rule.ent_type_ == "PERSON" or rule.lower_ in CERTAIN_PRONOUNS


def choose_source(cue, rule, content, quoted, threshold=None):
    """The source token of a cue: the ranker's first choice where it is confident (probability at
    least `threshold`, the shipped model's own by default), else the rule's; never an invalid
    mention (then the best valid one the ranker is confident of, or None)."""
    if certain(cue, rule, quoted):
        return rule
    th = source_threshold() if threshold is None else threshold
    best = ranked(cue, rule, content, quoted) if cue is not None else []
    if best and best[0][0] >= th and valid_source(best[0][1]):
        return best[0][1]
    if rule is not None and valid_source(rule):
        return rule
    return None


def source_of(cue, rule, content, quoted, doc) -> tuple:
    """(source token, source span) of a statement: the chosen source and its span as written; for a
    subject that is no source (a date, a number, a document nobody owns) (that subject, None): the
    statement has no source and stays unresolved (speakers.py resolves a missing source to the
    previous speaker only where there is no subject at all); (None, None) without a subject."""
    src = choose_source(cue, rule, content, quoted)
    if src is not None:
        return src, source_span(src, doc)
    return rule, None
