"""Statement provenance: the same or nearly the same quote in several articles.

Exact duplicates share `fingerprint(text)` (folded text: case, accents, punctuation and spacing
ignored). Near duplicates (a word changed, a clause trimmed) are found with MinHash over character
5-grams of the folded text, banded for lookup (locality-sensitive hashing) and then confirmed by
the Jaccard similarity of the 5-gram sets. Only the first statement of each group (its
representative) is indexed by band, so a quote repeated a thousand times costs one lookup.
"""
from __future__ import annotations

import hashlib
import zlib

import numpy as np

from .names import fold

SHINGLE = 5
HASHES = 32
BANDS = 8  # of HASHES // BANDS rows each: pairs with Jaccard ~0.6 and above collide in some band
THRESHOLD = 0.6  # Jaccard of 5-gram sets for a near duplicate
MIN_CHARS = 16  # folded statements shorter than this ("Yes", "No comment") are never grouped

_P = (1 << 31) - 1
_rng = np.random.default_rng(20240405)
_A = _rng.integers(1, _P, size=HASHES, dtype=np.uint64)
_B = _rng.integers(0, _P, size=HASHES, dtype=np.uint64)


def fingerprint(text: str) -> str | None:
    """Key of the exact-duplicate group of `text`, or None when it is too short to group."""
    f = fold(text)
    if len(f) < MIN_CHARS:
        return None
    return hashlib.sha1(f.encode("utf-8")).hexdigest()[:20]


def shingles(text: str) -> set[str]:
    f = fold(text)
    if len(f) <= SHINGLE:
        return {f}
    return {f[i:i + SHINGLE] for i in range(len(f) - SHINGLE + 1)}


def bands(text: str) -> list[str]:
    """The LSH band keys of `text` (empty when it is too short to group)."""
    if len(fold(text)) < MIN_CHARS:
        return []
    h = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles(text)), dtype=np.uint64)
    sig = ((_A[:, None] * (h[None, :] % _P) + _B[:, None]) % _P).min(axis=1)
    rows = HASHES // BANDS
    return [f"{b}:{hashlib.blake2b(sig[b * rows:(b + 1) * rows].tobytes(), digest_size=8).hexdigest()}"
            for b in range(BANDS)]


def similarity(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def best_match(text: str, candidates) -> str | None:
    """The group (cluster id) of the candidate (cluster_id, text) most similar to `text`, if any
    reaches THRESHOLD."""
    best, best_sim = None, THRESHOLD
    for cluster_id, other in candidates:
        s = similarity(text, other)
        if s >= best_sim:
            best, best_sim = cluster_id, s
    return best
