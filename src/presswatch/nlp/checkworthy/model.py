"""The trained weights (scripts/train_checkworthy.py makes src/presswatch/data/checkworthy_model.json)
and the score of one sentence's features."""
from __future__ import annotations

import functools
import json
import math
from importlib import resources

ARTIFACT = "checkworthy_model.json"


@functools.lru_cache(maxsize=None)
def artifact() -> dict:
    """The shipped model, read once: {"weights": {feature: weight}, "meta": {...}}; without the
    file, no weights (every sentence scores the logistic of 0, 0.5)."""
    try:
        raw = resources.files("presswatch").joinpath(f"data/{ARTIFACT}").read_text("utf-8")
    except FileNotFoundError:
        return {"weights": {}, "meta": {}}
    return json.loads(raw)


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def score_features(features, weights=None) -> float:
    """P(check-worthy) of one sentence from its features (a feature the weights lack weighs 0)."""
    w = artifact()["weights"] if weights is None else weights
    return logistic(sum(w.get(f, 0.0) for f in features))
