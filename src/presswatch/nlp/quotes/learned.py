"""The learned cue lexicon: how often a verb form in a given frame was an attribution cue in
PolNeAR train (scripts/train_cues.py makes src/presswatch/data/cue_lexicon.json)."""
from __future__ import annotations

import functools
import math
import json
from importlib import resources

CLAUSE_DEPS = {"ccomp", "xcomp"}
OBJECT_DEPS = {"dobj", "prep", "attr", "oprd", "dative"}


def frame_of(verb) -> str:
    """What a verb governs: "clause" (that-clause, infinitive), "object", or "none"."""
    deps = {c.dep_ for c in verb.children}
    if deps & CLAUSE_DEPS:
        return "clause"
    if deps & OBJECT_DEPS:
        return "object"
    return "none"


@functools.lru_cache(maxsize=None)
def _artifact(name: str, key: str) -> dict:
    """One part of a trained artifact shipped in presswatch/data; empty when the file is absent."""
    try:
        raw = resources.files("presswatch").joinpath(f"data/{name}").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(raw)[key]


def lexicon() -> dict:
    return _artifact("cue_lexicon.json", "counts")


def cue_probability(form: str, frame: str, prior: float = 0.0, strength: float = 2.0):
    """P(cue | form, frame), smoothed toward `prior` with `strength` pseudo-counts; None when the
    pair was never seen as a cue in training."""
    c = lexicon().get(f"{form}|{frame}")
    if c is None:
        return None
    cue, total = c
    return (cue + prior * strength) / (total + strength)


# The learned cue model (scripts/train_cue_model.py makes src/presswatch/data/cue_model.json): a
# logistic regression over what a verb's parse says about it -- its form and frame, what hangs off it,
# what its subject is, where it sits -- so that "agreed to", "refuses to", "railed against" count
# as cues where the context says so, not per word alone as in the lexicon above.

def _subject_kind(tok) -> str:
    if tok.ent_type_:
        return tok.ent_type_
    if tok.pos_ == "PRON":
        return "PRON:" + tok.lower_
    return tok.pos_


def cue_features(verb, in_lexicon: bool) -> list[str]:
    """The features of one verb, as strings; the same function serves training and run time."""
    w = verb.lower_
    frame = frame_of(verb)
    feats = ["bias", f"w={w}", f"fr={frame}", f"w|fr={w}|{frame}", f"dep={verb.dep_}",
             f"w|dep={w}|{verb.dep_}", f"tag={verb.tag_}", f"lex={in_lexicon}", f"lex|fr={in_lexicon}|{frame}",
             f"hdep={verb.head.dep_}", f"hpos={verb.head.pos_}"]
    subj = None
    for c in verb.children:
        feats.append(f"cd={c.dep_}")
        if c.dep_ in ("prep", "prt", "agent", "dative"):
            feats += [f"p={c.lower_}", f"w|p={w}|{c.lower_}"]
        elif c.dep_ == "ccomp":
            if any(g.dep_ == "mark" for g in c.children):
                feats.append("ccomp_mark=" + next(g.lower_ for g in c.children if g.dep_ == "mark"))
        elif c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            subj = c
        elif c.dep_ in ("neg", "aux", "advmod", "mark") and c.i < verb.i:
            feats.append(f"{c.dep_}={c.lower_}")
    kind = _subject_kind(subj) if subj is not None else "none"
    feats += [f"subj={kind}", f"w|subj={w}|{kind}"]
    doc = verb.doc
    if verb.i + 1 < len(doc):
        nxt = doc[verb.i + 1]
        feats.append(f"next={nxt.lower_ if nxt.is_punct else nxt.pos_}")
    return feats


def cue_model() -> dict:
    return _artifact("cue_model.json", "weights")


def cue_model_probability(verb, in_lexicon: bool):
    """P(the verb is an attribution cue | its parse), or None when no model ships."""
    weights = cue_model()
    if not weights:
        return None
    z = sum(weights.get(f, 0.0) for f in cue_features(verb, in_lexicon))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
