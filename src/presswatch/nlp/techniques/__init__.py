"""Persuasion techniques: spans of PTC's 14 classes in an article, each with a calibrated confidence.

    find_techniques(doc, statements=()) -> [{"start", "end", "technique", "confidence"}, ...]

`doc` is parsed by presswatch's parser (nlp.build.load: doc.tensor is spaCy's tok2vec output);
`statements` are (start, end, kind) of its attributed statements (a feature: techniques cluster
in quotes). The tagger (model.py) scores every token; a span is a run of tokens scoring high for
"any technique", its technique the span classifier's (classify.py), its confidence calibrated.
Spans of different techniques may overlap, as PTC's do. Trained by
scripts/train_techniques.py on PTC train (decoding and calibration from 5-fold cross-validation on
train; dev is only scored); the artifact holds feature names and
weights, never a text.

A label marks rhetoric, not falsehood, and the same model reads every outlet and speaker.
Cost: linear in the article (a pass over the tokens, a sum of weights per token).
"""
from __future__ import annotations

from .classify import SpanContext, span_dense, span_features, technique_probs
from .features import sentence_index, token_features
from .model import TECHNIQUES, artifact, decode, token_scores

__all__ = ["TECHNIQUES", "find_techniques"]


def find_techniques(doc, statements=(), quoted=None) -> list[dict]:
    """The technique spans of `doc`, in text order (see the module docstring); quoted: its quoted
    passages when the caller has them (quotemarks.find_quoted)."""
    if len(doc) == 0:
        return []
    model = artifact()
    feats = token_features(doc, statements, quoted)
    scores = token_scores(model, feats, doc.tensor)
    ctx = SpanContext(feats)

    def classify(i: int, j: int):
        return technique_probs(model, span_features(ctx, i, j), span_dense(doc.tensor, scores, i, j))
    tokens = [(t.idx, t.idx + len(t.text), t.is_punct or t.is_space) for t in doc]
    return decode(model, scores, tokens, sentence_index(doc), classify)
