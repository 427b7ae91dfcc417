"""Statements credited by a preposition: "According to X, <clause>" and "<clause>, as confirmed by X"."""
from __future__ import annotations

from ..lexicons.speech import cue_base
from ..spans import Covered
from .sources import source_of, valid_source


def find_according(doc, quoted_spans: Covered) -> list:
    """((content start, end), (cue start, end), source token, (source start, end)) of each."""
    out = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            found = _according_to(doc, tok, quoted_spans)
        elif tok.lower_ == "as" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "by" \
                and cue_base(doc[tok.i + 1].text):
            found = _as_cued_by(doc, tok)
        else:
            continue
        if found is not None:
            out.append(found)
    return out


def _according_to(doc, tok, quoted_spans):
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None or tok.idx in quoted_spans:
        return None
    sent = tok.sent
    # the rest of the sentence outside "according to X"
    before = [t for t in sent if t.i < tok.i and not t.is_punct and not t.is_space]
    after = [t for t in sent if t.i > pobj.right_edge.i and not t.is_space]
    while after and after[0].is_punct:
        after.pop(0)
    while after and after[-1].is_punct:
        after.pop()
    span_toks = after if len(after) >= len(before) else before
    if len(span_toks) < 3:
        return None
    content = (span_toks[0].idx, span_toks[-1].idx + len(span_toks[-1].text))
    # "according to a statement": no source (the statement stays); "according to X's lawyer": X's lawyer
    src, span = source_of(tok, pobj, content, quoted_spans, doc)
    return content, (tok.idx, to.idx + len(to.text)), src, span


def _as_cued_by(doc, tok):
    """"..., as confirmed by UN organizations": the clause before it is the content."""
    by = doc[tok.i + 2]
    pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if pobj is None:
        # the parser often hangs "by X" elsewhere: take the noun phrase right after "by"
        j = by.i + 1
        if j >= len(doc):
            return None
        pobj = doc[j]
        while pobj.head.i > pobj.i and pobj.head.i < by.i + 6 and pobj.head.pos_ in ("NOUN", "PROPN"):
            pobj = pobj.head
    # content: the clause before "as confirmed by", after a relative opener ("in which", "where")
    toks = [t for t in tok.sent if t.i < tok.i]
    while toks and toks[-1].is_punct:
        toks.pop()
    start = 0
    for k, t in enumerate(toks):
        if t.lower_ in ("which", "where", "whom") and k + 1 < len(toks):
            start = k + 1
    toks = toks[start:]
    if len(toks) < 3:
        return None
    src_e_tok = pobj.right_edge if pobj.right_edge.i >= pobj.i else pobj
    content = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
    if not valid_source(pobj):
        return content, (tok.idx, by.idx + len(by.text)), pobj, None  # "as confirmed by the report": no source
    return content, (tok.idx, by.idx + len(by.text)), pobj, (doc[by.i + 1].idx, src_e_tok.idx + len(src_e_tok.text))
