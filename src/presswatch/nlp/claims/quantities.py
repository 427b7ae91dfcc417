"""Quantities ("more than 33,000 people killed"), proportions ("the vast majority of Gazans", "12%")
and vague quantities ("tens of thousands of people"): the figure, what it counts, where, over what
time, and who is cited for it."""
from __future__ import annotations

import re
from typing import Optional

from ...records import Claim, Span
from ..lexicons.numbers import CARDINALS, HUNDREDS_AND_THOUSANDS, NUMBER_PHRASES, SCALE_ABBREVIATIONS, SCALES
from ..spans import ByStart, Covered, Holders
from .sentences import sentence_bounds

_SCALE = {**SCALES, **SCALE_ABBREVIATIONS}
# the number words a quantity is written in: one to twelve, fifteen, the tens to fifty, and hundreds
# and thousands written out; "one" alone has no value (matched, then left: "one of them")
_WORDS = [w for w, v in CARDINALS.items() if 1 <= v <= 12 or v in (15, 20, 30, 40, 50)]
_WRITTEN_OUT = {p: v for p, v in {**NUMBER_PHRASES, **HUNDREDS_AND_THOUSANDS}.items() if v in (100, 1000)}
_WORD_NUM = {**{w: CARDINALS[w] for w in _WORDS if w != "one"}, **_WRITTEN_OUT}
_QUALIFIER = (r"(?P<qual>more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than|"
              r"roughly|approximately|an estimated|as many as|upwards of|close to|in excess of|just over|"
              r"just under|well over|no fewer than|no more than|at most)")
# of the scale abbreviations only "bn" (the pattern leaves out "k" and "m")
_NUMBER = (r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:" + "|".join([*_WORDS, *_WRITTEN_OUT]) + "))"
           r"(?:\s*(?P<scale>" + "|".join(SCALES) + r"|bn)\b|(?!\w))")  # not "12th", "76ers", "fourteen"
_QUANTITY = re.compile(r"(?:\b" + _QUALIFIER + r"\s+)?(?P<cur>[$€£])?(?<![\w.,])" + _NUMBER
                       + r"(?P<pct>\s*(?:%|percent\b|per cent\b))?", re.IGNORECASE)
_PROPORTION = re.compile(
    r"\b(?:the\s+|a\s+)?(?P<p>(?:overwhelming|vast|great|large|slim|small|narrow|clear|absolute)\s+majority|majority|"
    r"minority|(?:more than\s+|nearly\s+|almost\s+|about\s+)?(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters)|"
    r"most|one in (?:\w+))\s+of\s+(?P<of>[\w’'\- ]{1,60}?(?:,\s+[\w’'\-]+(?:\s+[\w’'\-]+)?)*"
    r"(?:,?\s+(?:and|or)\s+[\w’'\-]+(?:\s+[\w’'\-]+)?)?)(?=\s*[,.;:)]|$)", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?P<v>(?:tens|hundreds) of (?:thousands|millions)|millions|thousands|hundreds|dozens|scores|"
                    r"billions)\s+(?:of\s+)?(?P<what>(?:[\w’'\-]+\s+){0,2}?[\w’'\-]+)(?=[\s,.;:)]|$)",
                    re.IGNORECASE)
_CITED = re.compile(r"\b(?:as\s+)?(?:confirmed|reported|documented|verified|estimated|counted|recorded|stated)\s+by\s+"
                    r"(?P<src>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z\w][\w’'\-]*){0,5})"
                    r"|\baccording to\s+(?P<src2>(?:the\s+)?[\w’'\-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z\w][\w’'\-]*){0,5})")
_CASUALTY = re.compile(r"\b(?:killed|dead|died|deaths?|wounded|injured|displaced|missing|arrested|detained|"
                       r"fatalities|casualties|victims|refugees|homeless)\b", re.IGNORECASE)
_STOP_COUNTED = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as",
                 "have", "has", "had", "been", "be", "were", "was", "are", "is", "them", "their", "its", "it",
                 "they", "this", "that", "these", "those", "who", "which", "more", "than"}

# what a quantity cannot be written without: a digit or a number word ("a hundred" has "hundred")
_NUMBER_NEEDLE = re.compile(r"\d|\b(?:" + "|".join(_WORDS) + r"|hundred|thousand)\b", re.IGNORECASE)


def _quantities(text: str):
    """_QUANTITY's matches, searched only around numbers (a qualifier is at most 20 characters before)."""
    windows: list[list[int]] = []
    for m in _NUMBER_NEEDLE.finditer(text):
        lo, hi = max(0, m.start() - 24), min(len(text), m.end() + 40)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        yield from _QUANTITY.finditer(text, lo, hi)


def _number_value(num: str, scale: Optional[str]) -> Optional[float]:
    n = num.lower().replace(",", "")
    try:
        v: float = float(n)
    except ValueError:
        word = _WORD_NUM.get(n)
        if word is None:
            return None
        v = word  # an int stays one ("twelve" -> 12)
    if scale:
        v *= _SCALE[scale.lower()]
    return v


def _counted(text: str, start: int, end: int, doc) -> tuple[Optional[str], int]:
    """What a number counts ("people killed") and where that phrase ends."""
    if doc is not None:
        sp = doc.char_span(start, end, alignment_mode="expand")
        if sp is not None:
            return _parsed_counted(doc, sp[-1], end)
    m = re.match(r"\s*((?:[a-z][\w’'\-]*\s+){0,1}[a-z][\w’'\-]*)", text[end:end + 40])
    if m:
        words = [w for w in m.group(1).split() if w.lower() not in _STOP_COUNTED]
        if words:
            return " ".join(words), end + m.end()
    return None, end


def _parsed_counted(doc, tok, end: int) -> tuple[Optional[str], int]:
    """What the number ending in `tok` counts, by the parse: the noun it modifies, in its own noun
    phrase (nothing but its modifiers between: not "$2.6 billion and $2.9 billion ... cost"), with
    the verb it is the subject or object of; or a rate ("$51.69 per barrel", "$700 million a year");
    or nothing, when the parse sees no noun (not the words after it: "$2,000 if that")."""
    noun = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") and tok.head.i > tok.i else None
    if noun is None:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        noun = nxt if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") else None
    if noun is not None and not _own_phrase(doc, tok, noun):
        noun = None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        rate = doc[tok.i + 1:tok.i + 3]
        if len(rate) == 2 and rate[0].lower_ in ("per", "a", "an") and rate[1].pos_ == "NOUN":
            return rate.text, rate.end_char
        return None, end
    words = [noun.text]
    stop = noun.idx + len(noun.text)
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB":
        words.append(verb.text)
        stop = max(stop, verb.idx + len(verb.text))
    elif noun.dep_ in ("dobj",) and verb.pos_ == "VERB":
        words.insert(0, verb.text)
    for c in noun.children:  # "people killed" as an adjectival participle after the noun
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1:
            words.append(c.text)
            stop = max(stop, c.idx + len(c.text))
    return " ".join(words), stop


def _own_phrase(doc, tok, noun) -> bool:
    """Whether the number `tok` and the noun after it are one noun phrase: the words between are the
    noun's modifiers ("352 missing children", "4,000 current and former service members"), no other
    figure, symbol or punctuation but a hyphen; and the noun is no part of a hyphenated modifier
    ("a 36-year-old man": the number counts no years)."""
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ == "HYPH":
        return False
    left = {t.i for t in noun.lefts for t in t.subtree}
    return all(t.i in left and not t.like_num and t.pos_ != "SYM" and (t.pos_ != "PUNCT" or t.tag_ == "HYPH")
               for t in doc[tok.i + 1:noun.i])


def _places(doc) -> list:
    if doc is None:
        return []
    return [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]


def _place(text: str, s: int, e: int, places) -> Optional[str]:
    if not places:
        return None
    sa, sb = sentence_bounds(text, s)
    best, dist = None, None
    for ps, pe, ptext in places:
        if ps < sa or pe > sb:
            continue
        d = s - pe if pe <= s else ps - e
        d = abs(d) + (0 if pe <= s else 20)  # a place named before the figure is likelier its place
        if dist is None or d < dist:
            best, dist = ptext, d
    if best and best.lower().startswith("the "):
        best = best[4:]
    return best


class Sources:
    """The statements' sources by the content spans they were said in."""

    def __init__(self, quotes):
        self.quotes = list(quotes or ())
        self.holders = Holders((c.start, c.end, k) for k, q in enumerate(self.quotes) if q.source is not None
                               for c in q.content)

    def of(self, offset: int) -> Optional[Span]:
        """The source of the first statement whose content holds `offset`."""
        k = self.holders.first(offset)
        return self.quotes[k].source if k is not None else None


def _cited(text: str, s: int, sources: Sources) -> Optional[Span]:
    """The source a figure is credited to: "as confirmed by UN agencies" in its sentence, else the
    source of the statement that says it."""
    sa, sb = sentence_bounds(text, s)
    for m in _CITED.finditer(text, sa, sb):
        g = "src" if m.group("src") else "src2"
        src_s, src_e = m.start(g), m.end(g)
        src = text[src_s:src_e]
        if src.lower().startswith("the "):
            src_s += 4
        return Span.of(text, src_s, src_e)
    return sources.of(s)


def _window(text: str, s: int, e: int, times) -> Optional[dict]:
    """The duration the figure covers, next to it: "in about six months", "over the past year"; a
    duration starting more than a few words after the figure's phrase (ending at e), or after a
    comma or a dash, is another phrase's."""
    sa, sb = sentence_bounds(text, s)
    for t in times.starting_in(max(sa, s - 10), sb):
        if t.type != "DURATION":
            continue
        gap = text[e:t.span.start]
        if t.span.start > e and (len(gap) > 16 or re.search(r"[,;:–—()]", gap)):
            return None
        return {"text": t.span.text, "value": t.value}
    return None


def quantity_claims(text: str, doc=None, times=(), quotes=(), skip=()) -> list[Claim]:
    time_spans = Covered((t.span.start, t.span.end) for t in times)
    skip = Covered(skip)
    times = ByStart(times, lambda t: t.span.start)
    sources = Sources(quotes)
    places = _places(doc)
    out = []
    for m in _quantities(text):
        s, e = m.start(), m.end()
        ns = m.start("num")
        if ns in time_spans or ns in skip:
            continue
        value = _number_value(m.group("num"), m.group("scale"))
        if value is None:
            continue
        raw = m.group("num")
        before = text[max(0, ns - 12):ns]
        if re.search(r"(?:\b(?:No|no|number|Article|article|Resolution|page|chapter|version|route|flight)\.?\s*|#)$", before):
            continue
        if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2099 and not m.group("scale"):
            continue  # a year
        if text[e:e + 1] in "-–" and text[e + 1:e + 2].isdigit():
            continue  # a range or a score: keep it simple, leave it
        pct = bool(m.group("pct"))
        qual = (m.group("qual") or "").lower() or None
        if pct:
            continue  # percentages are proportions
        counted, stop = _counted(text, s, e, doc)
        if counted is None and not m.group("cur"):
            continue
        if value < 10 and not qual and not m.group("scale"):
            continue  # "two people", "three ministers": rarely worth checking
        unit = {"$": "USD", "€": "EUR", "£": "GBP"}.get(m.group("cur") or "")
        what = counted or unit
        span_end = max(e, stop)
        window = _window(text, s, max(e, stop), times)
        cited = _cited(text, s, sources)
        place = _place(text, s, span_end, places)
        if window:
            w_end = next((t.span.end for t in times.starting_from(s) if t.span.text == window["text"]), span_end)
            span_end = max(span_end, w_end)
        number = f"{value:,.0f}" if value == int(value) else f"{value:,}"
        stated = " ".join(x for x in (qual, number, what) if x)
        score = 0.55 + (0.15 if cited else 0) + (0.1 if value >= 1000 else 0) \
            + (0.1 if _CASUALTY.search(counted or "") else 0) + (0.05 if qual else 0)
        out.append(Claim(Span.of(text, s, span_end), "quantity", stated, value=value, qualifier=qual,
                         counted=what, place=place, window=window, cited_source=cited,
                         score=min(score, 0.99)))
    return out


def proportion_claims(text: str, doc=None, quotes=()) -> list[Claim]:
    out = []
    sources = Sources(quotes)
    for m in _PROPORTION.finditer(text):
        of = m.group("of").strip()
        if of.split()[0].lower() in ("the", "a") and len(of.split()) == 1:
            continue
        s, e = m.start(), m.end()
        ps = m.start("p")
        of = re.sub(r"^(?:them|those|these|whom|which)\s+", "", of)
        stated = f"{m.group('p').lower()}: {of}"
        cited = _cited(text, s, sources)
        out.append(Claim(Span.of(text, ps, e), "proportion", stated, qualifier=m.group("p").lower(),
                         counted=of, cited_source=cited, score=0.4 + (0.15 if cited else 0)))
    for m in _quantities(text):
        if not m.group("pct"):
            continue
        value = _number_value(m.group("num"), None)
        if value is None:
            continue
        counted, stop = _counted(text, m.start(), m.end(), doc)
        cited = _cited(text, m.start(), sources)
        qual = (m.group("qual") or "").lower() or None
        stated = " ".join(x for x in (qual, f"{value:g}%", counted) if x)
        out.append(Claim(Span.of(text, m.start(), max(m.end(), stop)), "proportion", stated, value=value,
                         qualifier=qual, counted=counted, cited_source=cited, score=0.5 + (0.15 if cited else 0)))
    return out


def vague_claims(text: str, quotes=(), doc=None) -> list[Claim]:
    """"Tens of thousands of people": the vague figure and the noun phrase it counts. With a parse, the
    span ends at the head noun of the "of" phrase ("hundreds of rounds", "thousands of screaming fans");
    a figure counting no noun ("scores or", "billions in") is no claim."""
    out = []
    sources = Sources(quotes)
    for m in _VAGUE.finditer(text):
        what = m.group("what")
        if what.lower().split()[0] in ("of", "years", "miles", "kilometres", "kilometers", "times"):
            continue
        end = m.end()
        if doc is not None:
            counted = _vague_counted(doc, m.end("v"))
            if counted is None:
                continue
            what, end = counted
        else:
            words = [w for w in what.split() if w.lower() not in _STOP_COUNTED]
            if not words:
                continue
            what = " ".join(words[:2])
        out.append(Claim(Span.of(text, m.start(), end), "vague quantity", " ".join(text[m.start():end].split()),
                         counted=what, cited_source=_cited(text, m.start(), sources), score=0.2))
    return out


def _vague_counted(doc, v_end: int) -> Optional[tuple[str, int]]:
    """The noun a vague figure ending at v_end counts ("thousands [of] people") and where its phrase ends:
    the object of its "of", with the words before it ("screaming fans"), without what follows it."""
    sp = doc.char_span(v_end - 1, v_end, alignment_mode="expand")
    if sp is None:
        return None
    tok = sp[-1]
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None:
            return noun.text, noun.idx + len(noun.text)
    return None
