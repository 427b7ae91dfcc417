"""The pronoun model: a logistic regression over the pair features of features.py, trained by
scripts/train_pronouns.py into src/presswatch/data/pronoun_model.json (feature names and weights,
and the threshold under which a pronoun is left unresolved)."""
from __future__ import annotations

import bisect
import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Optional, Sequence

from .features import Context, candidate, is_resolvable, pair_features

ARTIFACT = "pronoun_model.json"
# how far back a pronoun looks for its antecedent when resolve() picks the candidates: this many
# sentences, and at most this many mentions (a forward mention counts only in its own sentence)
WINDOW_SENTENCES = 4
WINDOW_MENTIONS = 12


@functools.lru_cache(maxsize=None)
def artifact() -> dict:
    """The shipped model; empty weights (every score 0.5) when the file is absent."""
    try:
        raw = resources.files("presswatch").joinpath(f"data/{ARTIFACT}").read_text("utf-8")
    except FileNotFoundError:
        return {"weights": {}, "meta": {"threshold": 0.5}}
    return json.loads(raw)


def probability(feats: Iterable[str], weights: dict) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def spans_of(doc, offsets: Sequence[tuple[int, int]]) -> list:
    """Char offsets as spaCy Spans (expanded to whole tokens); None where no token is covered."""
    out = []
    for s, e in offsets:
        sp = doc.char_span(s, e, alignment_mode="expand")
        out.append(sp if sp is not None and len(sp) else None)
    return out


def features(doc, pron, spans: Sequence, ctx: Optional[Context] = None) -> list[Optional[list[str]]]:
    """The pair features of each candidate span (a Span or None), None where the candidate cannot
    be the pronoun's antecedent at all (gender, number, a group for he/she, the pronoun itself)."""
    ctx = ctx or Context.of(doc)
    real = [(k, sp) for k, sp in enumerate(spans) if sp is not None and not (sp.start <= pron.i < sp.end)]
    cands = [candidate(doc, ctx, pron, sp) for _, sp in real]
    out: list[Optional[list[str]]] = [None] * len(spans)
    for j, (k, _) in enumerate(real):
        if cands[j].ok:
            out[k] = pair_features(doc, ctx, pron, cands, j)
    return out


def score(doc, pronoun_token, candidate_spans: Sequence[tuple[int, int]]) -> list[float]:
    """P(antecedent) for each candidate mention (char offsets) of one pronoun token; 0.0 for a
    candidate that cannot be its antecedent. The candidates are compared with each other (which
    is nearest, most mentioned ...), so pass all of a pronoun's candidates in one call."""
    w = artifact()["weights"]
    return [0.0 if f is None else probability(f, w)
            for f in features(doc, pronoun_token, spans_of(doc, candidate_spans))]


@dataclass(frozen=True)
class Resolution:
    """A pronoun and the mention it stands for (None: no compatible candidate scored enough)."""
    pronoun: tuple[int, int]
    pronoun_text: str
    antecedent: Optional[tuple[int, int]]
    antecedent_text: Optional[str]
    score: float

    def to_dict(self) -> dict:
        a = self.antecedent
        return {"pronoun": {"start": self.pronoun[0], "end": self.pronoun[1], "text": self.pronoun_text},
                "antecedent": None if a is None else {"start": a[0], "end": a[1], "text": self.antecedent_text},
                "score": round(self.score, 4)}


def choose(scores: Sequence[float], threshold: float) -> Optional[int]:
    """The index of the best score when it reaches the threshold, else None (never a candidate
    scored 0.0: one that cannot be the antecedent, whatever the threshold)."""
    best = max(range(len(scores)), key=lambda j: scores[j], default=None)
    return best if best is not None and scores[best] > 0.0 and scores[best] >= threshold else None


def window(ctx: Context, starts: list, spans: list, pron) -> list:
    """The candidates a pronoun considers: up to WINDOW_MENTIONS back within WINDOW_SENTENCES
    sentences, and those after it in its own sentence."""
    sent = ctx.sent_of[pron.i]
    k = bisect.bisect_left(starts, pron.i)
    back: list = []
    for j in range(k - 1, max(k - 1 - WINDOW_MENTIONS, -1), -1):
        if ctx.sent_of[spans[j].start] < sent - WINDOW_SENTENCES:
            break
        back.append(spans[j])
    ahead: list = []
    for j in range(k, len(spans)):
        if ctx.sent_of[spans[j].start] != sent or len(ahead) >= WINDOW_MENTIONS:
            break
        ahead.append(spans[j])
    return back[::-1] + ahead


def resolve(doc, candidates: Optional[Sequence[tuple[int, int]]] = None,
            threshold: Optional[float] = None) -> list[Resolution]:
    """Every third-person personal pronoun of the doc with the candidate mention it stands for, or
    None when no compatible candidate scores `threshold` (the model's own by default). Candidates
    are char offsets, the doc's PERSON entities by default."""
    model = artifact()
    w, th = model["weights"], model["meta"]["threshold"] if threshold is None else threshold
    if candidates is None:
        spans = [e for e in doc.ents if e.label_ == "PERSON"]
    else:
        spans = [sp for sp in spans_of(doc, candidates) if sp is not None]
    spans.sort(key=lambda sp: (sp.start, sp.end))
    starts = [sp.start for sp in spans]
    ctx = Context.of(doc)
    out = []
    for tok in doc:
        if not is_resolvable(tok):
            continue
        near = window(ctx, starts, spans, tok)
        scores = [0.0 if f is None else probability(f, w) for f in features(doc, tok, near, ctx)]
        best = choose(scores, th)
        span = (tok.idx, tok.idx + len(tok.text))
        if best is None:
            out.append(Resolution(span, tok.text, None, None, max(scores, default=0.0)))
        else:
            a = near[best]
            out.append(Resolution(span, tok.text, (a.start_char, a.end_char), a.text, scores[best]))
    return out
