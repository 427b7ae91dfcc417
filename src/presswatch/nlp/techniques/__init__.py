"""Persuasion techniques: spans of PTC's 14 classes in an article, each with a calibrated confidence.

    find_techniques(doc, statements=()) -> [{"start", "end", "technique", "confidence"}, ...]

`doc` is parsed by presswatch's parser (nlp.build.load: doc.tensor is spaCy's tok2vec output);
`statements` are (start, end, kind) of its attributed statements (a feature: techniques cluster
in quotes). The tagger (model.py) scores every token for each technique; a technique's span is a
run of tokens at or above that technique's threshold, its confidence the calibrated mean score of
the run. Spans of different techniques may overlap, as PTC's do. Trained by
scripts/train_techniques.py on PTC train (tuned on dev); the artifact holds feature names and
weights, never a text.

A label marks rhetoric, not falsehood, and the same model reads every outlet and speaker.
Cost: linear in the article (a pass over the tokens, a sum of weights per token).
"""
from __future__ import annotations

from .features import token_features
from .model import TECHNIQUES, artifact, decode, token_scores

__all__ = ["TECHNIQUES", "find_techniques"]


def find_techniques(doc, statements=()) -> list[dict]:
    """The technique spans of `doc`, in text order (see the module docstring)."""
    if len(doc) == 0:
        return []
    model = artifact()
    scores = token_scores(model, token_features(doc, statements), doc.tensor)
    return decode(model, scores, [(t.idx, t.idx + len(t.text), t.is_punct or t.is_space) for t in doc])
