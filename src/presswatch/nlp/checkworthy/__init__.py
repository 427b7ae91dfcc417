"""Check-worthiness: how much each sentence of an article is worth fact-checking.

    score_sentences(doc, claims=(), statements=()) -> [(start, end, score), ...]

One item per non-blank sentence of a Doc parsed by presswatch's parser (nlp.build.load), in text
order, the span trimmed of whitespace, the score in 0..1. `claims` are (start, end, kind) of the
claims presswatch's detectors found (quantity, proportion, vague_quantity, historical_date,
calendar_statement), `statements` (start, end, kind, cue_text) of its attributed statements
(direct, indirect, mixed); both are optional features.

The model is a logistic regression over the features of features.doc_features (words, named
entity labels, numbers, percentages and money, tense and modality, comparatives and superlatives,
hedges and opinion phrases, acts of office, causal connectives, first and second person, length,
the claim detectors, the statement and its cue, the place in the paragraph), trained by
scripts/train_checkworthy.py on ClaimBuster (debate sentences, a check-worthy factual sentence
or not) and CLEF-2019 CheckThat! (debate transcripts, a sentence a fact-checker chose or not).

What the score is calibrated to: the probability that ClaimBuster's annotators would call the
sentence a check-worthy factual claim, at ClaimBuster's base rate (about a quarter of debate
sentences). CLEF's sentences train with a bias feature of their own (`corpus:clef`, never set at
run time) that absorbs its far lower rate (3%: only what a fact-checker actually chose), so they
teach the ranking without pulling the probabilities down. 0.5 is the "more likely than not"
threshold; for ranking an article's sentences, the order is what counts. On a held-out 20% of
ClaimBuster the mean score follows the observed rate within a few points below 0.4 and is
under-confident between 0.5 and 0.8 (0.54 scored, 0.70 observed); flags at 0.5 there: P 85, R 65.

Cost: linear in the article: one pass over the tokens, claims and statements placed by bisection.
"""
from __future__ import annotations

from .features import doc_features
from .model import artifact, score_features


def score_sentences(doc, claims=(), statements=()) -> list[tuple[int, int, float]]:
    """(start char, end char, score 0..1) of every non-blank sentence of `doc`."""
    weights = artifact()["weights"]
    return [(s, e, score_features(f, weights)) for s, e, f in doc_features(doc, claims, statements)]


__all__ = ["score_sentences", "doc_features", "score_features"]
