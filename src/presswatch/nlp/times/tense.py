"""The tense of the clause holding a time expression: past, present or future (and "perfect", which
resolves as past but reads "Today, ..." as the present), from the parse where there is one, else
from the clause's words. Relative dates ("April 5", "Tuesday") resolve to the side it points to."""
from __future__ import annotations

import re
from typing import Optional

_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|['’]ll|is|are|was|were)\s+(?:\w+\s+)?(?:going|due|set|scheduled|expected|"
                     r"to be held)\b|\b(?:will|won['’]t|shall|would|['’]ll|plans? to|planning to|intends? to|"
                     r"upcoming|coming|next)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|ago|last|yesterday|began|came|went|took|made|met|"
                   r"has been|have been|\w{3,}ed)\b", re.IGNORECASE)


def tense_of_text(clause: str) -> str:
    """past | present | future from the words of a clause (used when no parse is at hand)."""
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return "present"


def _verb_tense(v) -> str:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "’ll", "shall", "wo", "would"} or v.lower_ in ("will", "shall"):
        return "future"
    if v.tag_ == "VB" and any(c.lower_ == "to" for c in auxes):  # "is set to meet", "plans to visit"
        h = v.head
        if h is not v and h.lower_ in ("set", "due", "expected", "scheduled", "plans", "plan", "planning",
                                       "going", "intends", "aims", "hopes", "wants", "vowed", "promised"):
            return "future"
        if h is not v:
            return _verb_tense(h)
    tags = [a.tag_ for a in auxes] + [v.tag_]
    if "VBD" in tags:
        return "past"
    if v.tag_ == "VBN" and words & {"has", "have", "'ve", "’ve"}:
        return "perfect"  # present perfect: past for resolving dates, present for "Today, ..."
    if v.tag_ == "VBN" and (words & {"'s", "’s", "had"} or not auxes):
        return "past"
    return "present"


def tense_in_doc(doc, start: int, end: int) -> Optional[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD":
            return _verb_tense(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    # no governing verb (a headline, a fragment): the sentence's root, if it is a verb
    root = span.sent.root
    if root.pos_ in ("VERB", "AUX"):
        return _verb_tense(root)
    return None


class ClauseTenses:
    """The tense at (start, end) of one text, from its parse where there is one, else from the words
    of the clause around it (to the nearest '.', newline or ';' on either side); cached per span."""

    def __init__(self, text: str, doc=None):
        self.text, self.doc = text, doc
        self._cache: dict = {}

    def __call__(self, s: int, e: int) -> str:
        """past | present | future (a present perfect resolves as the past)."""
        t = self.raw(s, e)
        return "past" if t == "perfect" else t

    def raw(self, s: int, e: int) -> str:
        """past | perfect | present | future."""
        k = (s, e)
        if k not in self._cache:
            text = self.text
            t = tense_in_doc(self.doc, s, e) if self.doc is not None else None
            if t is None:
                a = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), text.rfind(";", 0, s)) + 1
                b_candidates = [i for i in (text.find(".", e), text.find("\n", e), text.find(";", e)) if i != -1]
                b = min(b_candidates) if b_candidates else len(text)
                t = tense_of_text(text[a:s] + " " + text[e:b])
            self._cache[k] = t
        return self._cache[k]

    def generic_today(self, s: int, e: int) -> bool:
        """"Today, X have become ...": today as "nowadays" when it opens a present-tense sentence."""
        text = self.text
        line_start = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, 0)
        opens = not text[line_start:s].strip()
        return opens and text[e:e + 1] == "," and self.raw(s, e) in ("present", "perfect")
