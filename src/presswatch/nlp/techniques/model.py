"""The technique tagger's weights (scripts/train_techniques.py makes src/presswatch/data/technique_model.npz),
a token's scores, and the spans read from them.

For each technique h, and for "any technique" (the last head), a logistic model over the token's
string features (features.token_features) and its contextual vector: z_h = b_h + the sum of
W[f, h] over its features f + tensor . D[:, h]. Spans are runs of the "any" head (decode), each
given its likeliest technique by the span classifier (classify.py); the decoding settings (low,
high, gap, second) are tuned on cross-validated train. A span's confidence is Platt-calibrated
from its mean "any" score times its technique's probability (fitted on spans from folds no model
saw), so 0.3 means about 3 in 10 such spans overlap PTC's annotation of that technique by at
least half."""
from __future__ import annotations

import bisect
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
            "decoding": tuple(float(x) for x in arrays["decoding"]),
            "calibration": np.asarray(arrays["calibration"], dtype=np.float32),
            "techniques": tuple(str(t) for t in arrays["techniques"]),
            "meta": json.loads(str(arrays["meta"])),
            # the span classifier (classify.py)
            "c_index": {str(f): i for i, f in enumerate(arrays["c_features"])},
            "c_W": np.asarray(arrays["c_W"], dtype=np.float32), "c_D": np.asarray(arrays["c_D"], dtype=np.float32),
            "c_b": np.asarray(arrays["c_b"], dtype=np.float32)}


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
    """The Platt-calibrated confidence of a span given technique h with uncalibrated score `raw`."""
    a, c = model["calibration"][h]
    logit = np.log(max(raw, 1e-6) / max(1.0 - raw, 1e-6))
    return float(1.0 / (1.0 + np.exp(-(a * logit + c))))


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last + 1) of every run of True in a 1-d boolean array."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))


def span_runs(p_any: np.ndarray, tokens: list, low: float, high: float, gap: int,
              sentences: np.ndarray) -> list[tuple[int, int]]:
    """Token runs of a technique (any): scores at or above `low`, runs at most `gap` tokens apart
    joined within a sentence, a run kept when it reaches `high` somewhere (hysteresis: a confident
    core, extended while the score stays up), cut where a sentence ends (PTC's spans stay inside
    their sentence 96 times in 100), trimmed of punctuation and space at either end."""
    cuts = (np.flatnonzero(np.diff(sentences) != 0) + 1).tolist()  # the first token of each later sentence
    pieces: list[tuple[int, int]] = []
    for i, j in runs(p_any >= low):
        inside = cuts[bisect.bisect_right(cuts, i):bisect.bisect_left(cuts, j)]
        pieces.extend(zip([i] + inside, inside + [j]))
    joined: list[list[int]] = []
    for i, j in pieces:
        if joined and i - joined[-1][1] <= gap and sentences[i] == sentences[joined[-1][1] - 1]:
            joined[-1][1] = j
        else:
            joined.append([i, j])
    out = []
    for i, j in joined:
        if p_any[i:j].max() < high:
            continue
        while i < j and tokens[i][2]:
            i += 1
        while j > i and tokens[j - 1][2]:
            j -= 1
        if i < j:
            out.append((i, j))
    return out


def decode(model: dict, scores: np.ndarray, tokens: list[tuple[int, int, bool]], sentences: np.ndarray,
           classify) -> list[dict]:
    """The technique spans read from token scores (tokens x (techniques + any)); tokens are (start
    char, end char, is_edge) where is_edge marks punctuation and space, sentences each token's
    sentence number (features.sentence_index); classify(i, j) gives the
    14 technique probabilities of the span of tokens i..j-1 (classify.py). A span is a run of the
    "any" head (span_runs) given its likeliest technique, and a second one too where that is at
    least `second` times as likely (PTC often gives one phrase two labels, Loaded_Language and
    Name_Calling,Labeling most of all)."""
    low, high, gap, second = model["decoding"]
    n_tech = len(model["techniques"])
    out = []
    for i, j in span_runs(scores[:, n_tech], tokens, low, high, int(gap), sentences):
        probs = classify(i, j)
        any_score = float(scores[i:j, n_tech].mean())
        ranked = np.argsort(-probs)
        for rank, h in enumerate(ranked[:2].tolist()):
            if rank and probs[h] < second * probs[ranked[0]]:
                break
            out.append({"start": tokens[i][0], "end": tokens[j - 1][1], "technique": model["techniques"][h],
                        "confidence": round(calibrated(model, h, any_score * float(probs[h])), 3)})
    out.sort(key=lambda t: (t["start"], t["end"], t["technique"]))
    return out
