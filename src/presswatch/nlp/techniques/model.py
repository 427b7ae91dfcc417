"""The technique tagger's weights (scripts/train_techniques.py makes src/presswatch/data/technique_model.npz),
a token's scores, and the spans read from them.

Per technique h a logistic model over the token's string features (features.token_features) and
its contextual vector: z_h = b_h + sum of W[f, h] over the features f + tensor . D[:, h]. A span of
h is a run of tokens whose score reaches h's threshold (tuned on cross-validated train), trimmed
of punctuation at either end; its confidence is Platt-calibrated from the run's mean score
(fitted on spans from folds no tagger saw), so 0.7 means about 7 in 10 such spans overlap PTC's
annotation of that technique by at least half."""
from __future__ import annotations

import functools
import json
from importlib import resources

import numpy as np

from ...errors import PresswatchError

ARTIFACT = "technique_model.npz"

# PTC's 14 classes, named exactly as PTC names them (some names hold commas)
TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling", "Repetition", "Doubt", "Exaggeration,Minimisation",
              "Appeal_to_fear-prejudice", "Flag-Waving", "Causal_Oversimplification", "Appeal_to_Authority",
              "Slogans", "Black-and-White_Fallacy", "Whataboutism,Straw_Men,Red_Herring",
              "Thought-terminating_Cliches", "Bandwagon,Reductio_ad_hitlerum")


def from_arrays(arrays) -> dict:
    """A model dict from its saved arrays (the artifact, or what training holds in memory)."""
    features = [str(f) for f in arrays["features"]]
    return {"index": {f: i for i, f in enumerate(features)}, "W": np.asarray(arrays["W"], dtype=np.float32),
            "D": np.asarray(arrays["D"], dtype=np.float32), "b": np.asarray(arrays["b"], dtype=np.float32),
            "thresholds": np.asarray(arrays["thresholds"], dtype=np.float32),
            "calibration": np.asarray(arrays["calibration"], dtype=np.float32),
            "techniques": tuple(str(t) for t in arrays["techniques"]),
            "meta": json.loads(str(arrays["meta"]))}


@functools.lru_cache(maxsize=None)
def artifact() -> dict:
    """The shipped model, read once."""
    try:
        with resources.files("presswatch").joinpath(f"data/{ARTIFACT}").open("rb") as fh:
            with np.load(fh, allow_pickle=False) as arrays:
                return from_arrays(arrays)
    except FileNotFoundError:
        raise PresswatchError(f"the technique model data/{ARTIFACT} is missing from the presswatch package; "
                              "reinstall presswatch, or train it with scripts/train_techniques.py") from None


def token_scores(model: dict, feats: list[list[str]], tensor) -> np.ndarray:
    """(tokens x techniques) probabilities; a feature the model lacks weighs nothing."""
    index = model["index"]
    rows, lengths = [], []
    for f in feats:
        ids = [index[x] for x in f if x in index]
        rows.extend(ids)
        lengths.append(len(ids))
    z = np.zeros((len(feats), len(model["b"])), dtype=np.float32)
    if rows:
        summed = np.add.reduceat(model["W"][np.asarray(rows)], np.cumsum([0] + lengths[:-1]), axis=0)
        has = np.asarray(lengths) > 0  # reduceat gives an empty segment the next row: mask it out
        z[has] = summed[has]
    z += model["b"]
    if tensor is not None and tensor.shape == (len(feats), model["D"].shape[0]):
        z += tensor.astype(np.float32) @ model["D"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def calibrated(model: dict, h: int, raw: float) -> float:
    """The Platt-calibrated confidence of a span of technique h with mean token score `raw`."""
    a, c = model["calibration"][h]
    logit = np.log(max(raw, 1e-6) / max(1.0 - raw, 1e-6))
    return float(1.0 / (1.0 + np.exp(-(a * logit + c))))


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last + 1) of every run of True in a 1-d boolean array."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))


def decode(model: dict, scores: np.ndarray, tokens: list[tuple[int, int, bool]]) -> list[dict]:
    """The spans of every technique from token scores; tokens are (start char, end char, is_edge)
    where is_edge marks punctuation and space, trimmed from either end of a span."""
    out = []
    for h, name in enumerate(model["techniques"]):
        for i, j in runs(scores[:, h] >= model["thresholds"][h]):
            while i < j and tokens[i][2]:
                i += 1
            while j > i and tokens[j - 1][2]:
                j -= 1
            if i < j:
                raw = float(scores[i:j, h].mean())
                out.append({"start": tokens[i][0], "end": tokens[j - 1][1], "technique": name,
                            "confidence": round(calibrated(model, h, raw), 3)})
    out.sort(key=lambda t: (t["start"], t["end"], t["technique"]))
    return out
