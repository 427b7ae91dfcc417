"""PolNeAR's (and PARC's) content boundaries, which the broad scope takes: what was attributed,
without a leading conjunction or sentence adverb and without a comment the writer added after a comma."""
from __future__ import annotations

import re

from ..lexicons.speech import cue_base

LEAD_ADVERBS = {"however", "still", "yet", "meanwhile", "instead", "indeed", "moreover", "furthermore",
                "nonetheless", "nevertheless", "now", "so", "also", "then", "thus", "therefore"}
# ", who is 70" describes the person and is the writer's; a ", which ..." clause PolNeAR's
# annotators mostly keep (measured on dev: cutting it too gains nothing)
NON_RESTRICTIVE = {"who", "whom"}
CONCESSIVE = {"though", "although", "while", "whereas"}


def attribution_bounds(tok_at, s: int, e: int) -> tuple:
    """PolNeAR's (and PARC's) content boundaries, for the broad scope: what was attributed, without a
    leading conjunction or sentence adverb ("And", "However,") and without a trailing comment
    the writer added after a comma (", who is 70", ", forcing them ...", ", though she noted ...")."""
    toks = [t for t in tok_at(s, e) if not t.is_space]
    if len(toks) < 3:
        return s, e
    i = 0
    while i < len(toks) - 2 and (toks[i].dep_ == "cc" or toks[i].lower_ in LEAD_ADVERBS and toks[i].dep_ == "advmod"):
        i += 1
        if toks[i].text == ",":
            i += 1
    if i + 2 < len(toks) and toks[i].lower_ == "to" and cue_base(toks[i + 1].text) \
            and toks[i + 1].dep_ == "xcomp":
        # "wants to know what ...", "refused to call for ...": the saying verb inside is the cue's
        # own, what follows it is the content
        i += 2
        while i < len(toks) - 2 and toks[i].dep_ in ("prt", "prep") and toks[i].head.i == toks[i - 1].i:
            i += 1
    last = toks[-1].i
    cut = None
    for t in toks[i + 2:]:
        le = t.left_edge
        if le.i <= toks[i].i or t.right_edge.i < last - 1 or t.doc[le.i - 1].text not in (",", "—", "--"):
            continue
        if t.dep_ == "relcl" and le.lower_ in NON_RESTRICTIVE \
                or t.dep_ in ("advcl", "acl") and (t.tag_ == "VBG" and le.i == t.i or le.lower_ in CONCESSIVE):
            cut = le.i - 1
            break
    start = toks[i]
    end_tok = toks[-1] if cut is None else t.doc[cut - 1]
    while end_tok.i > start.i and (end_tok.is_punct and end_tok.text not in ("”", '"', "’", "'")
                                   or end_tok.is_space or end_tok.dep_ == "cc"):
        end_tok = end_tok.doc[end_tok.i - 1]
    end = max(end_tok.idx + len(end_tok.text), start.idx + 1)
    text = start.doc.text
    begin = start.idx
    if begin > 0 and text[begin - 1] in "“\"" and (m := _CLOSING.match(text, end)) is not None:
        # the whole content is a quotation ('said "We need the money,"'): with its marks
        return begin - 1, m.end()
    inside = text[start.idx:end]
    if inside.count("“") > inside.count("”") or inside.count('"') % 2 or inside.count("''") % 2:
        # the content ends inside a quotation it opened ('release the videos "without delay."'): close it
        m = _CLOSING.match(text, end)
        if m is not None:
            end = m.end()
    return start.idx, end


_CLOSING = re.compile(r"[.,!?]?(?:”|\"|'')")
