"""The learned cue lexicon: how often a verb form in a given frame was an attribution cue in
PolNeAR train (scripts/train_cues.py makes src/presswatch/data/cue_lexicon.json)."""
from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    try:
        raw = resources.files("presswatch").joinpath("data/cue_lexicon.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(raw)["counts"]


def cue_probability(form: str, frame: str, prior: float = 0.0, strength: float = 2.0):
    """P(cue | form, frame), smoothed toward `prior` with `strength` pseudo-counts; None when the
    pair was never seen as a cue in training."""
    c = lexicon().get(f"{form}|{frame}")
    if c is None:
        return None
    cue, total = c
    return (cue + prior * strength) / (total + strength)
