"""When and on what occasion a statement was made, as the article states it.

"In his address on Quds Day in 2022, X praised ...": the occasion and year hold for that statement
and carry to the same speaker's statements in the paragraphs that continue it ("Furthermore, the
Leader ...", "He ...", a paragraph of quotation). Anything else is "unknown", never the publication
date by default.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import StatementTime

_OCCASION = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Aa]t|[Oo]n)\s+(?:his|her|their|its|a|an|the)\s+"
    r"(?P<occ>(?:[\w’'\-]+\s+){0,3}?(?:address(?:es)?|speech(?:es)?|sermon|statement|interview|message|"
    r"remarks|meeting|lecture|news conference|press conference|letter|op-ed|video|rally)"
    r"(?P<rest>(?:\s+(?:on|at|to|in|marking|for|before|of)\s+[^,;.]*?)?))"
    r"(?:\s+(?:in|of)\s+(?P<year>(?:1[89]|20)\d\d))?\s*,")
_CONTINUES = re.compile(r"^(?:Furthermore|Moreover|In addition|Also|Additionally|He|She|They|“|\"|«)")


def stated_occasion(sentence: str, sent_start: int) -> Optional[StatementTime]:
    m = _OCCASION.search(sentence)
    if not m:
        return None
    occ = m.group("occ").strip()
    year = int(m.group("year")) if m.group("year") else None
    phrase = sentence[m.start():m.end() - 1].strip()
    return StatementTime(date=None, year=year, occasion=occ, text=phrase, basis="stated")


def assign_times(quotes, speakers, sentence_of, text, paragraph_start) -> list[StatementTime]:
    """One StatementTime per quote. sentence_of(q) -> (start, end) of the sentence holding its cue."""
    out = []
    current = None  # (StatementTime, speaker, paragraph)
    for q, spk in zip(quotes, speakers):
        s, e = sentence_of(q)
        st = stated_occasion(text[s:e], s)
        if st is not None:
            current = (st, spk, q.paragraph)
            out.append(st)
            continue
        if current is not None:
            cst, cspk, cpara = current
            same = spk is not None and spk is cspk
            para_text = text[paragraph_start(q.paragraph):paragraph_start(q.paragraph) + 40]
            if same and (q.paragraph == cpara or (q.paragraph == cpara + 1 and _CONTINUES.match(para_text))):
                out.append(StatementTime(cst.date, cst.year, cst.occasion, cst.text, "context"))
                current = (cst, cspk, q.paragraph)
                continue
            if q.paragraph != cpara:
                current = None
        out.append(StatementTime())
    return out
