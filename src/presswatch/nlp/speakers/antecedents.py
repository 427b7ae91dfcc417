"""The learned choice of the person a pronoun source stands for.

The candidates are the people the hand rule looks at (pronouns.rule_choice): the one person a
lead-in introduced, the compatible subjects of the last 600 characters, the previous speaker, the
last compatible people mentioned. Each is described by where it stands relative to the pronoun
(how recent a subject or a mention, the same paragraph, the previous speaker and how many
paragraphs back), how salient it is, and whether it is the rule's choice; a linear score per
candidate, trained as a softmax over the candidates of each pronoun by
scripts/train_antecedents.py on the hand-resolved PolNeAR sources (annotations/polnear_speakers/),
ships in data/antecedent_model.json.
"""
from __future__ import annotations

import bisect
import functools
import json
import math
from importlib import resources
from typing import Optional

from .registry import LOOKBACK, Person, subjects_between

MENTIONS_BACK = 6  # distinct compatible people looked at, most recent first
SUBJECT_WINDOW = 600  # characters back for the subjects a pronoun may continue (the rule reads the same window)


@functools.lru_cache(maxsize=None)
def antecedent_weights() -> dict:
    try:
        raw = resources.files("presswatch").joinpath("data/antecedent_model.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(raw)["weights"]


def _bucket(n: int, edges: tuple) -> str:
    return str(next((e for e in edges if n <= e), "more"))


def _recent_people(order, anchor: int, compatible) -> list:
    """(Person, offset of its last mention, mentions before anchor) of the last MENTIONS_BACK
    distinct compatible people, most recent first (LOOKBACK mentions at most)."""
    k = bisect.bisect_left(order.offsets, anchor)
    seen: dict = {}
    for j in range(k - 1, max(k - 1 - LOOKBACK, -1), -1):
        off, p = order.items[j]
        if compatible(p) and id(p) not in seen:
            seen[id(p)] = (p, off)
            if len(seen) >= MENTIONS_BACK:
                break
    return list(seen.values())


def candidates(compatible, q, last, last_para, order, subjects, text: str, rule: Optional[Person],
               lead: Optional[Person]) -> list:
    """(Person, [feature names]) of every candidate for a pronoun source."""
    anchor = min(q.start, q.source[0]) if q.source else q.start
    subj = []
    for _, _, p in reversed(subjects_between(subjects, anchor - SUBJECT_WINDOW, anchor)):
        if compatible(p) and p not in subj:
            subj.append(p)
    recent = _recent_people(order, anchor, compatible)
    people = {id(p): p for p in [*subj, *(p for p, _ in recent)]}
    for extra in (lead, rule, last if last is not None and compatible(last) else None):
        if extra is not None:
            people.setdefault(id(extra), extra)
    last_off = {id(p): off for p, off in recent}
    para_start = text.rfind("\n", 0, anchor)
    out = []
    for p in people.values():
        f = [f"kind={p.kind}", f"gender={'known' if p.gender else 'open'}"]
        f.append("subj=" + (str(min(subj.index(p), 3)) if p in subj else "none"))
        rank = next((i for i, (pp, _) in enumerate(recent) if pp is p), None)
        f.append(f"mention={rank if rank is not None else 'none'}")
        if id(p) in last_off:  # (distance buckets overfit the few hundred pronouns: left out)
            f.append("same_para" if last_off[id(p)] > para_start else "other_para")
        if p is last:
            f.append("last_speaker")
            f.append("last_gap=" + _bucket(q.paragraph - last_para, (0, 1, 2, 3)))
        if p is rule:
            f.append("rule")
        if p is lead:
            f.append("lead")
        f.append("mentions=" + _bucket(len(p.mentions), (1, 3)))
        direct = "direct" if q.is_direct else "reported"
        out.append((p, f + [f"{direct}&{x}" for x in f if x in ("rule", "last_speaker", "lead", "same_para")]))
    return out


def probabilities(cands: list, weights: dict) -> list:
    scores = [sum(weights.get(x, 0.0) for x in f) for _, f in cands]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return [e / total for e in exp]


def best(cands: list, weights: dict) -> Person:
    probs = probabilities(cands, weights)
    return cands[max(range(len(cands)), key=lambda i: probs[i])][0]
