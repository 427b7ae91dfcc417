"""The features of one sentence for the check-worthiness model: plain strings, each present or not.

`doc_features(doc, claims, statements)` gives (start, end, features) for every non-blank sentence
of a parsed Doc. The claims and statements are matched to the sentences by one sweep over both
sorted lists, so the cost is linear in the length of the article (plus the sort of the claims).
"""
from __future__ import annotations

from bisect import bisect_right

from ..lexicons.numbers import SCALES
from ..lexicons.speech import inflect
from . import lexicon as lx

ACTION_FORMS = {form: verb for verb in sorted(lx.ACTION_VERBS)
                for form in (lx.ACTION_IRREGULAR[verb] + [verb] if verb in lx.ACTION_IRREGULAR else inflect(verb))}

_PHRASES = (("cmp", lx.COMPARISON_PHRASES), ("op", lx.OPINION_PHRASES), ("court", lx.COURTESY_PHRASES),
            ("cause", lx.CAUSAL_PHRASES))
_MAX_PHRASE = max(len(p.split()) for _, ps in _PHRASES for p in ps)
_PHRASE_INDEX = {tuple(p.split()): name for name, ps in _PHRASES for p in ps}
_LENGTHS = (3, 7, 12, 20, 30, 45)
_DATE_LABELS = {"DATE", "TIME"}


def _bucket(n: int, bounds=_LENGTHS) -> str:
    for b in bounds:
        if n <= b:
            return f"<={b}"
    return f">{bounds[-1]}"


def _trimmed(text: str, start: int, end: int):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def phrase_hits(words: list[str]) -> set[str]:
    """The lexicon phrases found in a sentence's lower-case words, as "cmp:more than", ..."""
    out = set()
    for i in range(len(words)):
        for n in range(1, _MAX_PHRASE + 1):
            name = _PHRASE_INDEX.get(tuple(words[i:i + n]))
            if name:
                out.add(f"{name}:{' '.join(words[i:i + n])}")
                out.add(f"{name}:any")
    return out


def _token_features(sent, f: set) -> None:
    """Words, tags, numbers, person, modality of the tokens of one sentence."""
    first = second = nums = 0
    for tok in sent:
        low = tok.lower_
        if tok.is_punct or tok.is_space:
            continue
        if tok.is_alpha:
            f.add("w:" + low)
        if tok.tag_ in ("JJR", "JJS", "RBR", "RBS"):
            f.add("tag:" + tok.tag_)
        if tok.tag_ == "MD" and low in lx.MODAL_LEMMAS:
            f.add("modal:" + low)
            f.add("modal:any")
        verb = ACTION_FORMS.get(low) if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") else None
        if verb:
            f.add("act:any")
            f.add(f"act:{verb}:{tok.tag_}")
        if low in lx.RECORD_TIME_WORDS:
            f.add("rt:" + low)
        first += low in lx.FIRST_PERSON
        second += low in lx.SECOND_PERSON
        if tok.like_num or any(ch.isdigit() for ch in low):
            nums += 1
            f.add("num:digit" if any(ch.isdigit() for ch in low) else "num:word")
        if low in lx.PERCENT_WORDS or low.endswith("%"):
            f.add("num:percent")
        if tok.is_currency or low in lx.MONEY_WORDS:
            f.add("num:money")
        if low in SCALES:
            f.add("num:scale")
    f.add("p1:" + _bucket(first, (0, 1, 2)))
    f.add("p2:" + _bucket(second, (0, 1, 2)))
    f.add("nums:" + _bucket(nums, (0, 1, 2, 4)))


def _clause_features(sent, f: set, labels: list) -> None:
    """The main verb's tense, its subject, questions and the named entities."""
    root = sent.root
    f.add("root:" + root.tag_)
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    for w in words:
        f.add("aux:" + w)
    if root.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        f.add("tense:past")
    if words & lx.FUTURE_AUX or (root.lower_ == "going" and any(c.tag_ == "TO" or c.dep_ == "xcomp" for c in root.children)):
        f.add("tense:future")
    if words & lx.PERFECT_AUX and root.tag_ == "VBN":
        f.add("tense:perfect")
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subj:
        s = subj[0]
        f.add("subj:" + (s.lower_ if s.pos_ == "PRON" else s.ent_type_ or s.pos_))
    else:
        f.add("subj:none")
    last = sent[-1]
    if last.text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        f.add("question")
    for lab in set(labels):
        f.add("ent:" + lab)
    f.add("ents:" + _bucket(sum(1 for lab in labels if lab not in _DATE_LABELS), (0, 1, 2, 4)))


def _spans_by_sentence(bounds: list[tuple[int, int]], spans) -> list[list]:
    """For each sentence (sorted, disjoint bounds), the items of `spans` ((start, end, ...)) that
    overlap it: each item is placed by bisection and walks only the sentences it covers."""
    starts = [s for s, _ in bounds]
    out: list[list] = [[] for _ in bounds]
    for item in spans:
        s, e = item[0], item[1]
        i = max(0, bisect_right(starts, s) - 1)
        while i < len(bounds) and bounds[i][0] < e:
            if bounds[i][1] > s:
                out[i].append(item)
            i += 1
    return out


def _context_features(f: set, claims: list, statements: list) -> None:
    for c in claims:
        kind = str(c[2]).replace(" ", "_")
        f.add("claim:" + kind)
        f.add("claim:any")
    f.add("claims:" + _bucket(len(claims), (0, 1, 2)))
    for st in statements:
        f.add("stmt:" + str(st[2]))
        cue = (st[3] if len(st) > 3 else "") or ""
        f.add("stmt:cue:" + cue.lower().strip())
    if not statements:
        f.add("stmt:none")


def _paragraph_features(text: str, bounds: list[tuple[int, int]], i: int, f: set) -> None:
    """Where the sentence sits in its paragraph (a line break starts one) and in the article."""
    s, e = bounds[i]
    first = i == 0 or "\n" in text[bounds[i - 1][1]:s]
    last = i == len(bounds) - 1 or "\n" in text[e:bounds[i + 1][0]]
    f.add("para:" + ("only" if first and last else "first" if first else "last" if last else "middle"))
    f.add("pos:" + _bucket(i, (0, 2, 5)))


def doc_features(doc, claims=(), statements=()) -> list[tuple[int, int, list[str]]]:
    """(start, end, features) of every non-blank sentence of `doc`, whitespace trimmed."""
    text = doc.text
    sents, bounds = [], []
    for sent in doc.sents:
        s, e = _trimmed(text, sent.start_char, sent.end_char)
        if s < e:
            sents.append(sent)
            bounds.append((s, e))
    by_claim = _spans_by_sentence(bounds, sorted(claims, key=lambda x: (x[0], x[1])))
    by_stmt = _spans_by_sentence(bounds, sorted(statements, key=lambda x: (x[0], x[1])))
    # the entities of each sentence, placed once (Span.ents reads every entity of the doc per sentence)
    by_ent = _spans_by_sentence(bounds, sorted((e.start_char, e.end_char, e.label_) for e in doc.ents))
    out = []
    for i, sent in enumerate(sents):
        f = {"bias"}
        words = [t.lower_ for t in sent if not t.is_space]
        f |= phrase_hits(words)
        f.add("len:" + _bucket(len(words)))
        _token_features(sent, f)
        _clause_features(sent, f, [x[2] for x in by_ent[i]])
        _context_features(f, by_claim[i], by_stmt[i])
        _paragraph_features(text, bounds, i, f)
        out.append((bounds[i][0], bounds[i][1], sorted(f)))
    return out
