"""Which technique a found span is: a softmax over PTC's 14 classes from the span as a whole.

The tagger (model.py) finds where persuasion is; a token's technique scores are noisy on their
own, and some techniques are properties of the whole phrase (Repetition: the same words elsewhere
in the article; Slogans: short, often capitalised or exclaimed; Flag-Waving and Doubt: their
cue words anywhere in the span). The features are read from the tokens' own feature strings
(features.token_features), so training on PTC and the run time see the same: the span's words,
its first and last word, the words either side, its length, its parts of speech, whether its
words recur in the article, whether it is quoted or stated; and, dense, the mean contextual
vector and the mean tagger scores over the span. Cost: linear in the span's length, and one
count of the article's n-grams per span length (lengths capped at MAX_NGRAM)."""
from __future__ import annotations

from collections import Counter

import numpy as np

_LENGTHS = (1, 2, 3, 5, 8, 13, 20)
MAX_NGRAM = 8
_KEEP = ("pos:", "stmt:", "send:", "slen:")


def _bucket(n: int) -> str:
    for b in _LENGTHS:
        if n <= b:
            return f"<={b}"
    return f">{_LENGTHS[-1]}"


def _value(feats: list[str], prefix: str) -> str:
    for f in feats:
        if f.startswith(prefix):
            return f[len(prefix):]
    return ""


class SpanContext:
    """What the span features read from a whole article: its words and n-gram counts by length."""

    def __init__(self, feats: list[list[str]]):
        self.feats = feats
        self.words = [_value(f, "w:") for f in feats]
        self._ngrams: dict[int, Counter] = {}

    def recurs(self, i: int, j: int) -> bool:
        """Whether tokens i..j-1 occur again, word for word, elsewhere in the article."""
        n = j - i
        if n < 2 or n > MAX_NGRAM:
            return False
        if n not in self._ngrams:
            w = self.words
            self._ngrams[n] = Counter(tuple(w[k:k + n]) for k in range(len(w) - n + 1))
        return self._ngrams[n][tuple(self.words[i:j])] > 1


def span_features(ctx: SpanContext, i: int, j: int) -> list[str]:
    """The string features of the span of tokens i..j-1."""
    f = ["b", f"len:{_bucket(j - i)}", f"first:{ctx.words[i]}", f"last:{ctx.words[j - 1]}",
         f"pre:{_value(ctx.feats[i], 'w-1:')}", f"post:{_value(ctx.feats[j - 1], 'w+1:')}"]
    seen = set()
    for k in range(i, j):
        seen.add(f"sw:{ctx.words[k]}")
        for x in ctx.feats[k]:
            if x.startswith(_KEEP) or x in ("rep2", "quoted", "upper", "title") or x.startswith("rep:"):
                seen.add(f"s{x}")
    if ctx.recurs(i, j):
        f.append("recurs")
    return f + sorted(seen)


def span_dense(tensor, scores: np.ndarray, i: int, j: int) -> np.ndarray:
    """The mean contextual vector and the mean tagger scores over the span."""
    parts = [scores[i:j].mean(axis=0)]
    if tensor is not None:
        parts.insert(0, np.asarray(tensor[i:j], dtype=np.float32).mean(axis=0))
    return np.concatenate(parts).astype(np.float32)


def technique_probs(model: dict, feats: list[str], dense: np.ndarray) -> np.ndarray:
    """P(technique | span) over the 14 classes (softmax)."""
    index = model["c_index"]
    z = model["c_b"] + dense @ model["c_D"] if dense.shape[0] == model["c_D"].shape[0] else model["c_b"].copy()
    for x in feats:
        k = index.get(x)
        if k is not None:
            z = z + model["c_W"][k]
    z = z - z.max()
    e = np.exp(z)
    return e / e.sum()
