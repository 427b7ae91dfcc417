"""Coarse part-of-speech from the tagger's fine tags: a faithful, much cheaper stand-in for the
small model's attribute_ruler, which spends ~17% of the pipeline's time running 179 Matcher
patterns to set POS and morphology. Only POS is needed here; the rules below are the ruler's own
POS rules (tag map plus its lexical and dependency exceptions), checked in tests/test_fastpos.py.
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language

TAG_POS = {
    "_SP": "SPACE", ".": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", "``": "PUNCT",
    '""': "PUNCT", "''": "PUNCT", ":": "PUNCT", "$": "SYM", "#": "SYM", "AFX": "ADJ", "CC": "CCONJ",
    "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "HYPH": "PUNCT", "IN": "ADP", "JJ": "ADJ",
    "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NIL": "X", "NN": "NOUN", "NNP": "PROPN",
    "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "WDT": "DET", "WP": "PRON", "WP$": "DET", "WRB": "SCONJ", "ADD": "X", "NFP": "PUNCT", "GW": "X",
    "XX": "X", "BES": "VERB", "HVS": "VERB",
}
SCONJ_WORDS = {"that", "if", "because", "while", "since", "so", "whether", "although", "though",
               "unless", "once", "cause", "upon", "till", "whereas", "whilst", "except", "despite",
               "but", "albeit", "save", "besides", "til", "tho"}
INDEFINITE = {"something", "anyone", "anything", "nothing", "someone", "everything", "everyone",
              "everybody", "nobody", "somebody", "anybody"}
AUX_FORMS = {
    "VB": {"be", "do", "have", "'ve"}, "VBP": {"do", "are", "'re", "am", "'m", "have", "'ve", "'s"},
    "VBN": {"been", "had"}, "VBG": {"being"}, "VBZ": {"is", "'s", "has", "does"},
    "VBD": {"was", "were", "did", "had", "'d"},
}
MAIN_DEPS = {"ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"}
DO_HAVE = {"do", "does", "did", "'d", "have", "has", "had"}


def coarse_pos(tag: str, lower: str, dep: str, is_space: bool, prev_dep: str = "") -> str:
    if is_space:
        return "SPACE"
    pos = TAG_POS.get(tag, "X")
    if tag == "CC" and lower == "but" and dep == "advmod":
        pos = "ADV"
    elif tag == "WDT" and lower == "that":
        pos = "PRON"
    elif tag == "IN" and lower in SCONJ_WORDS:
        pos = "SCONJ"
    elif tag == "NN" and lower in INDEFINITE:
        pos = "PRON"
    elif tag == "RB" and lower in ("not", "n't", "nt", "n’t"):
        pos = "PART"
    elif lower in AUX_FORMS.get(tag, ()):
        pos = "AUX"
    # the ruler's dependency rules, in its order: later rules win
    if tag not in ("TO", "") and dep in ("aux", "auxpass"):
        pos = "AUX"
    if lower in DO_HAVE and dep in MAIN_DEPS:
        pos = "VERB"
    if tag == "IN" and dep == "mark":
        pos = "SCONJ"
    if tag in ("DT", "WDT") and dep not in ("det", "quantmod", ""):
        pos = "PRON"
    if prev_dep == "expl" and lower in ("is", "are", "was", "were", "'s", "'re"):
        pos = "VERB"
    return pos


_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_MEMO: dict = {}  # (tag, lower, dep, is_space, previous dep) as string ids -> POS id


@Language.component("fast_pos", requires=["token.tag", "token.dep"], assigns=["token.pos"])
def fast_pos(doc):
    """coarse_pos for every token, read and written as arrays: the same few thousand combinations
    recur, so each is worked out once per process instead of once per token."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    rows = doc.to_array(_ATTRS).tolist()
    out = []
    memo = _MEMO
    prev_dep = 0
    for tag, lower, dep, space in rows:
        key = (tag, lower, dep, space, prev_dep)
        pos = memo.get(key)
        if pos is None:
            pos = strings.add(coarse_pos(strings[tag] if tag else "", strings[lower], strings[dep] if dep else "",
                                         bool(space), strings[prev_dep] if prev_dep else ""))
            if len(memo) < 500_000:
                memo[key] = pos
        out.append(pos)
        prev_dep = dep
    doc.from_array([POS], numpy.array(out, dtype="uint64").reshape(-1, 1))
    return doc
