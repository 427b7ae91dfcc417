"""Direct quotes: passages in quotation marks with the cue next to them ("“...,” she said"), an
epigraph's dash ("”...” ― Sonya Herridge"), a floating quote that continues the previous speaker,
and transcript turns ("PENCE: ..."). Quoted words inside a clause are fragments: they make the
reported speech around them mixed (merge.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicons.people import ABBREVIATED_HONORIFICS
from ..lexicons.speech import OBJECT_FORMS, PHRASAL_FORMS, SPEECH_FORMS, cue_base
from ..quotemarks import Quoted
from ..spans import Covered
from .index import Neighbours
from .parse import cue_span, subject_of
from .sources import source_of
from .record import RawQuote

CUE_BASES = set(SPEECH_FORMS.values()) | set(OBJECT_FORMS.values()) | set(PHRASAL_FORMS.values())
_NAME = r"[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}"
_DASH_SOURCE = re.compile(r"[ \t]*(?P<dash>[―—]|--)[ \t]*(?P<name>" + _NAME + r")")
_TITLED = "|".join(t.capitalize() for t in ABBREVIATED_HONORIFICS)
# a transcript turn: an upper-case name or a titled surname, a colon, then what they said
_TURN = re.compile(r"(?P<name>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}|(?:" + _TITLED + r")\. "
                   r"[A-Z][\w'’\-]+)(?P<colon>:)\s+(?P<said>\S.{15,})")
SENT_END = re.compile(r"[.!?](?=[\s”\"’)]|$)")


@dataclass
class Direct:
    """What the marks give: direct quotes, fragments inside clauses, and the cue tokens used."""
    quotes: list = field(default_factory=list)
    fragments: list = field(default_factory=list)  # (start, end)
    used_cues: set = field(default_factory=set)  # token indices


def find_direct(doc, text: str, quoted: list, paras, index, qspans: Covered) -> Direct:
    found = Direct()
    around = Neighbours(quoted)
    for q in quoted:
        inner = q.inner(text)
        ends_punct = inner[-1:] in ".,!?;:" if inner else False
        before = text[max(0, q.start - 40):q.start].rstrip(" ")
        prev_word = before.split()[-1].lower() if before.split() else ""
        if before[-1:].isalnum() and q.paragraphs == 1 and (not ends_punct or not cue_base(prev_word)):
            found.fragments.append((q.start, q.end))
            continue  # a fragment inside a clause ("was "a historic step" for"): reported speech holds it
        k = paras.index_of(q.start)
        cue = _window_cue(doc, text, around, qspans, q, paras, k, index)
        if cue is not None:
            if len(inner.split()) < 3 and not ends_punct:
                continue  # a scare quote or a title next to a verb: reported speech covers it
            found.used_cues.add(cue.i)
            found.quotes.append(_cued(doc, q, cue, k, qspans))
        elif (dash := _DASH_SOURCE.match(text, q.end)) is not None:
            # ”...” ― Sonya Herridge: an epigraph-style attribution by a dash
            name = doc.char_span(dash.start("name"), dash.end("name"), alignment_mode="expand")
            found.quotes.append(RawQuote([(q.start, q.end)], dash.span("dash"), None,
                                         name.root if name is not None else None, dash.span("name"),
                                         True, "direct", k, 0.8))
        elif _continues(text, found.quotes, q, inner):
            # “We are pleased” at the release, “and we thank ...”: the quote goes on after a short
            # clause that reports nothing: one statement
            found.quotes[-1].content.append((q.start, q.end))
        elif _floats(text, q, inner, ends_punct, paras[k][0]):
            # a floating quote: a whole sentence or more in quotation marks, no cue of its own
            found.quotes.append(RawQuote([(q.start, q.end)], None, None, None, None, True, "direct", k,
                                         0.6, floating=True))
    found.quotes += transcript_turns(doc, text, paras, qspans)
    return found


def _cued(doc, q: Quoted, cue, k: int, qspans: Covered) -> RawQuote:
    if cue.lower_ == "according":
        to = doc[cue.i + 1]
        rule = next((c for c in to.children if c.dep_ == "pobj"), None)
        cs = (cue.idx, to.idx + len(to.text))
    else:
        rule = subject_of(cue)
        cs = cue_span(cue)
    src, span = source_of(cue, rule, (q.start, q.end), qspans, doc)
    return RawQuote([(q.start, q.end)], cs, cue, src, span, True, "direct", k, 0.9 if span is not None else 0.7)


def _continues(text: str, found: list, q: Quoted, inner: str) -> bool:
    """Whether a quote with no cue of its own goes on with the statement just found: it follows
    that statement's quote in the same sentence after a short gap (no sentence end, no line break),
    the earlier quote did not close its sentence, and it holds three words or more."""
    if not found or not found[-1].is_direct or len(inner.split()) < 3:
        return False
    prev_s, prev_e = found[-1].content[-1]
    gap = text[prev_e:q.start]
    if prev_e > q.start or len(gap) > 80 or "\n" in gap or SENT_END.search(gap):
        return False
    return text[prev_s:prev_e].rstrip("”\"’'» ")[-1:] not in ".!?"


def _floats(text: str, q: Quoted, inner: str, ends_punct: bool, para_start: int) -> bool:
    """A quote of four words or more opening its sentence and ending it (or running on)."""
    lead = text[para_start:q.start].strip()
    starts_sentence = not lead or bool(SENT_END.search(lead[-2:])) or lead.endswith((":", "”", '"'))
    words = len(inner.split())
    return words >= 4 and starts_sentence and (ends_punct or q.paragraphs > 1 or words >= 8)


def transcript_turns(doc, text: str, paras, qspans: Covered) -> list:
    """"PENCE: Well, look, ...": a speaker's turn in a transcript is a direct statement."""
    surnames = {e.text.split()[-1].lower().strip(".,’'s") for e in doc.ents if e.label_ == "PERSON"}
    out = []
    for k, (ps, pe) in enumerate(paras.spans):
        m = _TURN.match(text, ps, pe)
        if m is None or ps in qspans:
            continue
        if m.group("name").split()[-1].lower().strip(".") not in surnames:
            continue  # "WATCH:", "READ MORE:", "BONDS:": a label, not a person taking a turn
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        out.append(RawQuote([(m.start("said"), pe)], m.span("colon"), None,
                            name.root if name is not None else None, m.span("name"),
                            True, "direct", k, 0.8))
    return out


def _window_cue(doc, text, around: Neighbours, qspans: Covered, q: Quoted, paras, k, index):
    """The cue verb next to a direct quote: after it up to the sentence end, or before it back to
    the previous sentence end, outside every quote. The nearest, preferring after."""
    ps = paras[k][0]
    pe = paras[paras.index_of(max(q.end - 1, q.start))][1]  # a quote may end paragraphs later
    nxt = around.next_start(q.end, pe)
    m = SENT_END.search(text, q.end, nxt)
    after_end = m.end() if m else nxt
    if text[q.start:q.end].rstrip("”\"’'» ")[-1:] in ".!?" and len(text[q.end:after_end].split()) > 6:
        after_end = q.end  # the quote closed its sentence and a new one follows
    # a quote ending with its own full stop ("... stop.”) ends the sentence only if a capital follows
    prv = around.last_end(q.start, ps)
    seg = text[prv:q.start]
    ends = [mm.end() for mm in SENT_END.finditer(seg)]
    before_start = prv + (ends[-1] if ends else 0)

    def cues_in(s, e):
        found = []
        for tok in index.between(s, e):
            if tok.idx in qspans:
                continue
            base = cue_base(tok.text)
            if base and tok.pos_ in ("VERB", "AUX") and base in CUE_BASES:
                found.append(tok)
            elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                found.append(tok)
        return found

    after = cues_in(q.end, after_end)
    if after:
        return after[0]
    before = cues_in(before_start, q.start)
    return before[-1] if before else None
