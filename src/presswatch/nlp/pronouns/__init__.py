"""An offline pronoun resolver: plain functions over a parsed spaCy Doc.

`resolve(doc, candidates=None)` resolves every third-person personal pronoun (he, she, him, her,
his, hers, they, them, their ...) to a candidate mention or None; `score(doc, token, spans)` scores
one pronoun against the candidate mentions a caller brings (char offsets). The features are in
features.py, the trained logistic regression in model.py (src/presswatch/data/pronoun_model.json,
made by scripts/train_pronouns.py)."""
from .features import Context, is_resolvable
from .model import Resolution, artifact, choose, features, resolve, score

__all__ = ["resolve", "score", "features", "Resolution", "Context", "is_resolvable", "artifact", "choose"]
