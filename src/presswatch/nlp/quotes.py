"""Statements: direct quotes (by their marks), reported speech (by its cue and parse), and mixed
quotes (reported speech carrying quoted fragments).

The extractors return RawQuote records that still point at tokens (the cue verb, the source head);
speakers.py resolves the source to a person and extract.py turns both into public records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .cues import (CLAUSE_ONLY, INFINITIVE_CUES, OBJECT_FORMS, PHRASAL, PHRASAL_FORMS, SPEECH_FORMS, SPEECH_NOUNS,
                   BELIEF_CUES, EVIDENCE_CUES, cue_base)
from .quotemarks import Quoted, find_quoted
from .learned import cue_model_probability, cue_probability, frame_of
from .speakers import GROUP_NOUNS, ROLE_NOUNS
from .text import paragraphs

AUX_WORDS = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "can", "could", "may",
             "might", "must", "should", "shall", "did", "does", "do", "not", "also", "then", "never",
             "already", "further", "repeatedly", "previously", "once", "still", "recently"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# right-hand dependents of a cue verb that are not part of what was said
NOT_CONTENT_DEPS = {"punct", "cc", "conj", "advmod", "npadvmod", "agent", "aux", "auxpass", "neg",
                    "prt", "mark", "dep", "intj", "nsubj", "nsubjpass", "expl", "dative"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "week", "month", "year", "morning", "evening", "night",
              "afternoon", "time"}
# an opening quotation mark at the start of reported content belongs to it ("said "budget reforms" would ...")
OPENING_MARKS = {"“", '"', "‘", "'", "«", "''", "``"}
CUE_BASES = set(SPEECH_FORMS.values()) | set(OBJECT_FORMS.values()) | set(PHRASAL_FORMS.values())
_NAME = r"[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}"
_DASH_SOURCE = re.compile(r"[ \t]*(?P<dash>[―—]|--)[ \t]*(?P<name>" + _NAME + r")")
# a transcript turn: an upper-case name or a titled surname, a colon, then what they said
_TURN = re.compile(r"(?P<name>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}|(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\. "
                   r"[A-Z][\w'’\-]+)(?P<colon>:)\s+(?P<said>\S.{15,})")
SENT_END = re.compile(r"[.!?](?=[\s”\"’)]|$)")


@dataclass
class RawQuote:
    content: list  # [(start, end)] character spans
    cue: Optional[tuple]  # (start, end)
    cue_token: Optional[object]  # spaCy Token of the cue verb, or None
    source_token: Optional[object]  # head Token of the source noun phrase, or None
    source: Optional[tuple]  # (start, end) of the source as written
    is_direct: bool
    kind: str  # direct | indirect | mixed
    paragraph: int = 0
    confidence: float = 0.5
    floating: bool = False  # a direct quote with no cue: it continues the previous speaker
    fragments: list = field(default_factory=list)  # quoted fragments inside reported speech

    @property
    def start(self):
        return min(s for s, _ in self.content)

    @property
    def end(self):
        return max(e for _, e in self.content)


def _in_any(i: int, spans) -> bool:
    return any(s <= i < e for s, e in spans)


def subject_of(verb):
    """The subject token of a cue verb, inheriting through conjoined verbs, participles and
    infinitives ("praised A and condemned B", "..., noting that", "continued to say")."""
    found = _subject_by_parse(verb)
    if found is None:
        # the parser sometimes hangs the name off the verb as something else ("DeBoer/aux said"):
        # a proper name right before the cue, or right after an inverted one ("said Jane Smith")
        doc = verb.doc
        for j in (verb.i - 1, verb.i + 1):
            if 0 <= j < len(doc) and doc[j].pos_ in ("PROPN", "AUX") and doc[j].text[:1].isupper() \
                    and (doc[j].ent_type_ in ("PERSON", "ORG") or doc[j].pos_ == "PROPN"):
                return doc[j]
    return found


def _subject_by_parse(verb):
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        for c in tok.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                    return tok.head  # "X, who said ...": the noun the clause describes
                return c
            if c.dep_ == "nsubjpass":
                agent = next((a for a in tok.children if a.dep_ == "agent"), None)
                if agent is not None:
                    return next((p for p in agent.children if p.dep_ == "pobj"), None)
                return None  # "it was said that": no source in the clause
        if tok.dep_ == "conj" and cue_base(tok.text) and tok.head.dep_ == "ccomp" \
                and cue_base(tok.head.head.text):
            # "X said that A and warned that B", parsed with "warned" inside the first clause
            tok = tok.head.head
            continue
        if tok.dep_ == "prep" and tok.pos_ == "ADP" and seen > 1 and tok.head.i != tok.i:
            tok = tok.head  # "responded by saying ...": from the preposition to the verb it modifies
            continue
        if tok.dep_ in ("conj", "advcl", "xcomp", "acl", "ccomp", "pcomp") and tok.head.i != tok.i:
            if tok.dep_ == "ccomp" and cue_base(tok.head.text) is None:
                return None
            tok = tok.head
            continue
        return None
    return None


def _ent_at(doc, i: int):
    """The entity holding token i, or None, from the tokens' IOB marks (Doc.ents builds every
    entity span of the document on each read)."""
    if not doc[i].ent_type:
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob == 1:  # 1: inside, 3: begins
        start -= 1
    while end < len(doc) and doc[end].ent_iob == 1:
        end += 1
    return doc[start:end]


def source_span(tok, doc) -> tuple[int, int]:
    """The written source: a name inside the subject phrase when there is one (an appositive
    "The Leader ..., Ayatollah Seyyed Ali Khamenei"), else the subject phrase without trailing
    relative clauses or punctuation."""
    if tok.ent_type_ in ("NORP", "GPE"):
        # "One red-state Democrat, Montana Sen. Jon Tester, said": the appositive name is the source
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        ent = _ent_at(doc, appos.i) if appos is not None else None
        if ent is not None:
            return ent.start_char, ent.end_char
    if (tok.ent_type_ in ("PERSON", "ORG") or tok.ent_type_ in ("NORP", "GPE") and not any(
            c.dep_ == "det" for c in tok.lefts)) and not any(c.dep_ == "conj" for c in tok.rights):
        # a name is the source; "the Kentucky Republican" stays a description to resolve
        ent = _ent_at(doc, tok.i)
        if ent is not None:
            return ent.start_char, ent.end_char
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG"):
            ent = _ent_at(doc, c.i)
            if ent is not None:
                return ent.start_char, ent.end_char
    left = tok.left_edge
    right = tok
    conj = [c for c in tok.rights if c.dep_ == "conj"]
    if conj and tok.ent_type_ == "PERSON":
        # "Tore Sohlberg and Lehla Abreder said": both are the source
        last = conj[-1]
        return left.idx, last.idx + len(last.text) if last.ent_type_ != "PERSON" else _ent_at(doc, last.i).end_char
    for c in tok.rights:
        if c.dep_ == "acl" and tok.pos_ == "PRON" and c.i == tok.i + 1 and c.n_rights + c.n_lefts == 0:
            right = c  # "those involved": the participle is the speaker's description
            continue
        if c.dep_ in ("relcl", "punct", "appos", "acl") or c.text in (",", "—", "-"):
            break
        right = c.right_edge
    return left.idx, right.idx + len(right.text)


def cue_span(verb) -> tuple[int, int]:
    """The cue as written: auxiliaries and adverbs before the verb, the verb, its particle or the
    preposition of a phrasal cue ("has consistently highlighted", "has called for", "referred to")."""
    start = verb
    for c in verb.lefts:
        if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i >= verb.i - 3 and c.i < verb.i:
            if c.text[:1].isupper() and c.i > 0 and c.tag_ in ("NNP", "NNPS", "MD", "VBZ", "VBD", "VBP") \
                    and c.lower_ not in AUX_WORDS:
                continue  # a name the parser took for an auxiliary ("DeBoer/aux said")
            if c.dep_ == "advmod" and c.i < verb.i - 2:
                continue
            start = min(start, c, key=lambda t: t.i)
            break
    # only a contiguous run before the verb counts
    i = start.i
    while i < verb.i and (verb.doc[i].dep_ not in ("aux", "auxpass", "neg", "advmod")
                          or verb.doc[i].text[:1].isupper() and verb.doc[i].lower_ not in AUX_WORDS):
        i += 1
    start = verb.doc[i]
    end = verb
    base = cue_base(verb.text)
    for c in verb.rights:
        if c.dep_ == "prt" and c.i == end.i + 1:
            end = c
        elif c.dep_ == "prep" and base in PHRASAL and c.lower_ in PHRASAL[base] and c.i == end.i + 1:
            end = c
    return start.idx, end.idx + len(end.text)


def _is_occasion(prep) -> bool:
    """"in an interview", "in his address on Quds Day", "on Tuesday", "at a news conference"."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    if pobj.lower_ in SPEECH_NOUNS or pobj.lower_ in TIME_WORDS or pobj.ent_type_ in ("DATE", "TIME"):
        return True
    return False


def content_of(verb, base: str, learned: bool = False, broad: bool = False):
    """(start, end) of what a cue verb reports, or None. A that-clause wins; otherwise an object
    verb's object with its complements; a phrasal cue's prepositional object. `learned`: a cue
    from the learned lexicon, whose frame statistics already say it reports in this frame."""
    if broad:
        learned = True  # the broad scope's learned model has judged the verb in this frame already
    if verb.dep_ == "parataxis" and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        # "The museum, Mr. Obama said, would make ...": the sentence around the cue is the content
        return _around(verb)
    ccomps = [c for c in verb.rights if c.dep_ == "ccomp"]
    if not ccomps and base in SPEECH_FORMS.values():
        # "Trump said after the convention he would not accept ...": the parser took the clause for
        # an adverbial one; a clause with its own subject and no subordinator is what was said
        clause = next((c for c in verb.rights if c.dep_ == "advcl" and c.i > verb.i + 1
                       and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                       and not any(g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children)), None)
        if clause is not None:
            # from its subject: "after the convention" before it tells when it was said
            subj = next(g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass"))
            e = clause.right_edge
            while e.i > subj.i and (e.is_punct or e.is_space):
                e = e.doc[e.i - 1]
            return subj.left_edge.idx, e.idx + len(e.text)
    if not ccomps:
        # "Accessibility is a major problem, Howell said.": the clause comes first
        ccomps = [c for c in verb.lefts if c.dep_ == "ccomp"]
    if ccomps:
        first, last = ccomps[0], ccomps[-1]
        # skip the complementizer and leading punctuation ("that", ":")
        # the complementizer belongs to the content ("said that taxes would rise"), as in PolNeAR
        # and PARC; leading punctuation (a colon) does not
        s = first.left_edge
        while s.i < first.i and s.is_punct and s.text not in OPENING_MARKS:
            s = s.doc[s.i + 1]
        e = last.right_edge
        # "said that X and warned that Y": the second cue's clause is its own statement
        nxt_cue = next((c for c in last.rights if c.dep_ == "conj" and cue_base(c.text)
                        and any(g.dep_ == "ccomp" for g in c.children)), None)
        if nxt_cue is not None:
            e = nxt_cue.doc[nxt_cue.left_edge.i - 1]
            while e.i > s.i and (e.is_punct or e.dep_ == "cc"):
                e = e.doc[e.i - 1]
        if broad and nxt_cue is None and last.i > verb.i:
            # "stressed that his client was ready ..., but would not be part of ...": the parser
            # hung the second predicate on the cue; without a subject or cue of its own it continues
            # what was said
            more = next((c for c in verb.rights if c.dep_ == "conj" and c.i > last.right_edge.i
                         and c.pos_ in ("VERB", "AUX") and not cue_base(c.text)
                         and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)
            if more is not None:
                e = more.right_edge
        while e.i > s.i and e.is_punct:
            e = e.doc[e.i - 1]
        return s.idx, e.idx + len(e.text)
    mark = next((t for t in verb.subtree if t.i > verb.i and t.dep_ == "mark" and t.lower_ == "that"
                 and t.head.dep_ in ("acl", "relcl", "advcl", "ccomp")), None)
    if mark is not None and base in SPEECH_FORMS.values() and mark.i - verb.i <= 6:
        # "said in a statement that cities need ...": the parser hung the clause on the noun
        e = verb.right_edge
        while e.i > mark.i and (e.is_punct or e.is_space):
            e = e.doc[e.i - 1]
        if e.i > mark.i:
            return mark.idx, e.idx + len(e.text)
    rest = [c for c in verb.rights if c.dep_ not in ("punct", "npadvmod", "advmod", "prep", "dative", "cc", "conj")]
    if base in SPEECH_FORMS.values() and rest and rest[0].dep_ == "xcomp" and any(
            t.dep_ == "ccomp" for t in rest[0].subtree):
        # "said having Karlsson back was a big boost": the clause hangs under a gerund
        s, e = rest[0].left_edge, verb.right_edge
        while e.i > s.i and (e.is_punct or e.is_space):
            e = e.doc[e.i - 1]
        return s.idx, e.idx + len(e.text)
    if base in CLAUSE_ONLY and base not in PHRASAL_FORMS.values() and base not in OBJECT_FORMS.values() \
            and not learned:
        return None
    parts = []
    phrasal = PHRASAL.get(base, ())
    seen_obj = False
    for c in verb.rights:
        dep = c.dep_
        if dep in NOT_CONTENT_DEPS and not (dep == "npadvmod" and not seen_obj and c.i <= verb.i + 3
                                            and len(list(c.subtree)) >= 4):
            if dep == "conj" or (dep == "cc" and parts):
                break
            continue
        if dep == "prep":
            if c.lower_ in phrasal and not seen_obj and c.i == verb.i + 1 + sum(1 for x in verb.rights if x.dep_ == "prt" and x.i < c.i):
                pobj = [x for x in c.rights if x.dep_ in ("pobj", "pcomp")]
                if pobj:
                    parts.append((pobj[0].left_edge, c.right_edge))
                    seen_obj = True
                continue
            if _is_occasion(c):
                continue
            if seen_obj:
                parts.append((c.left_edge, c.right_edge))
            continue
        if dep == "npadvmod" and not seen_obj and c.i <= verb.i + 3 and len(list(c.subtree)) >= 4:
            dep = "dobj"  # "declared the last Friday of Ramadan as ...": a date misparsed as adverb
        if dep in ("dobj", "attr", "oprd", "xcomp"):
            if dep == "xcomp" and not seen_obj and base not in INFINITIVE_CUES and not learned:
                continue
            parts.append((c.left_edge, c.right_edge))
            seen_obj = True
            continue
        if dep == "advcl":
            if cue_base(c.text) or c.tag_ == "VBG":
                break  # a participle of its own ("..., emphasizing ...") is the next statement
            if seen_obj and not broad:
                # "criticized X when he ran ...": PolNeAR leaves the circumstance out
                parts.append((c.left_edge, c.right_edge))
            continue
    if not seen_obj and learned:
        # a learned cue with a prepositional object right after it ("railed against the tax breaks")
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i == verb.i + 1), None)
        pobj = next((x for x in prep.rights if x.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if pobj is not None:
            parts.append((pobj.left_edge, prep.right_edge))
            seen_obj = True
    if not seen_obj or base not in OBJECT_FORMS and base not in PHRASAL_FORMS.values() and not learned:
        return None
    s = min(p[0] for p in parts)
    e = max(p[1] for p in parts)
    while e.i > s.i and e.is_punct:
        e = e.doc[e.i - 1]
    return s.idx, e.idx + len(e.text)


def _around(verb):
    """The spans of the head clause left and right of a parenthetical cue clause, without the
    commas around it."""
    head = verb.head
    inner = {t.i for t in verb.subtree}
    runs, cur = [], []
    for t in head.subtree:
        if t.i in inner:
            if cur:
                runs.append(cur)
            cur = []
            continue
        cur.append(t)
    if cur:
        runs.append(cur)
    spans = []
    for run in runs:
        while run and (run[0].is_punct or run[0].is_space):
            run = run[1:]
        while run and (run[-1].is_punct or run[-1].is_space):
            run = run[:-1]
        if run:
            spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return spans or None


def _according_to(doc, quoted_spans):
    """"According to X, <clause>" and "<clause>, as confirmed by X": the clause is the content."""
    out = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None or _in_any(tok.idx, quoted_spans):
                continue
            sent = tok.sent
            src_s, src_e = source_span(pobj, doc)
            # the rest of the sentence outside "according to X"
            before = [t for t in sent if t.i < tok.i and not t.is_punct and not t.is_space]
            after = [t for t in sent if t.i > pobj.right_edge.i and not t.is_space]
            while after and after[0].is_punct:
                after.pop(0)
            while after and after[-1].is_punct:
                after.pop()
            span_toks = after if len(after) >= len(before) else before
            if len(span_toks) < 3:
                continue
            out.append(((span_toks[0].idx, span_toks[-1].idx + len(span_toks[-1].text)),
                        (tok.idx, to.idx + len(to.text)), pobj, (src_s, src_e)))
        elif tok.lower_ == "as" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "by" \
                and cue_base(doc[tok.i + 1].text):
            by = doc[tok.i + 2]
            pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
            if pobj is None:
                # the parser often hangs "by X" elsewhere: take the noun phrase right after "by"
                j = by.i + 1
                if j >= len(doc):
                    continue
                pobj = doc[j]
                while pobj.head.i > pobj.i and pobj.head.i < by.i + 6 and pobj.head.pos_ in ("NOUN", "PROPN"):
                    pobj = pobj.head
            sent = tok.sent
            # content: the clause before "as confirmed by", from the last clause opener
            toks = [t for t in sent if t.i < tok.i]
            while toks and toks[-1].is_punct:
                toks.pop()
            # start after a relative opener ("in which", "where") or at the sentence start
            start = 0
            for k, t in enumerate(toks):
                if t.lower_ in ("which", "where", "whom") and k + 1 < len(toks):
                    start = k + 1
            toks = toks[start:]
            if len(toks) < 3:
                continue
            src_e_tok = pobj.right_edge if pobj.right_edge.i >= pobj.i else pobj
            out.append(((toks[0].idx, toks[-1].idx + len(toks[-1].text)),
                        (tok.idx, by.idx + len(by.text)), pobj,
                        (doc[by.i + 1].idx, src_e_tok.idx + len(src_e_tok.text))))
    return out


def speaker_like(tok) -> bool:
    """Can this subject say something? A name, a personal pronoun, a role or a group noun; "the
    occasion underscores ..." is no statement."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "i", "we", "you", "who")
    if tok.pos_ == "PROPN":
        return True
    return tok.lower_ in ROLE_NOUNS or tok.lower_ in GROUP_NOUNS


def _para_index(paras, offset):
    for k, (s, e) in enumerate(paras):
        if s <= offset < e or offset < s:
            return k
    return len(paras) - 1


def _window_cues(doc, text, quoted, q: Quoted, paras, k, tok_at):
    """Cue verbs next to a direct quote: after it up to the sentence end, or before it back to the
    previous sentence end, outside every quote. Returns the nearest, preferring after."""
    ps = paras[k][0]
    pe = paras[_para_index(paras, max(q.end - 1, q.start))][1]  # a quote may end paragraphs later
    qspans = [(x.start, x.end) for x in quoted]
    nxt = min([x.start for x in quoted if x.start >= q.end] + [pe])
    m = SENT_END.search(text, q.end, nxt)
    after_end = m.end() if m else nxt
    if text[q.start:q.end].rstrip("”\"’'» ")[-1:] in ".!?" and len(text[q.end:after_end].split()) > 6:
        after_end = q.end  # the quote closed its sentence and a new one follows
    # a quote ending with its own full stop ("... stop.”) ends the sentence only if a capital follows
    prv = max([x.end for x in quoted if x.end <= q.start] + [ps])
    seg = text[prv:q.start]
    ends = [mm.end() for mm in SENT_END.finditer(seg)]
    before_start = prv + (ends[-1] if ends else 0)

    def cues_in(s, e):
        found = []
        for tok in tok_at(s, e):
            if _in_any(tok.idx, qspans):
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
    if before:
        return before[-1]
    return None


def extract_quotes(doc, text: str, learned_threshold: float = 0.6, broad: bool = False) -> list[RawQuote]:
    """Every statement in the article. `broad` (PolNeAR's notion of attribution): stances toward a
    thing count ("denied the report", "backs the plan"), not only what was said as a clause; and a
    quote interrupted by its cue ("“A,” she said. “B.”") is one statement with two content spans
    instead of two (the Gender Gap Tracker's and the seed's convention)."""
    paras = paragraphs(text)
    quoted = find_quoted(text)
    qspans = [(q.start, q.end) for q in quoted]
    tokens_by_char = sorted((t.idx, t.i) for t in doc)
    import bisect
    starts = [s for s, _ in tokens_by_char]

    def tok_at(s, e):
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        return [doc[tokens_by_char[j][1]] for j in range(lo, hi)]

    out: list[RawQuote] = []
    used_cues = set()

    # 1. direct quotes
    direct = []
    fragments = []  # quoted words inside a clause: they make the reported speech around them mixed
    for q in quoted:
        inner = q.inner(text)
        words = len(inner.split())
        k = _para_index(paras, q.start)
        cue = _window_cues(doc, text, quoted, q, paras, k, tok_at)
        ends_punct = inner[-1:] in ".,!?;:" if inner else False
        before = text[max(0, q.start - 40):q.start].rstrip(" ")
        prev_word = before.split()[-1].lower() if before.split() else ""
        if before[-1:].isalnum() and q.paragraphs == 1 and (not ends_punct or not cue_base(prev_word)):
            fragments.append((q.start, q.end))
            continue  # a fragment inside a clause ("was "a historic step" for"): reported speech holds it
        if cue is not None:
            if words < 3 and not ends_punct:
                continue  # a scare quote or a title next to a verb: reported speech covers it
            if cue.lower_ == "according":
                to = doc[cue.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                src = pobj
                cs = (cue.idx, to.idx + len(to.text))
            else:
                src = subject_of(cue)
                cs = cue_span(cue)
            used_cues.add(cue.i)
            direct.append(RawQuote([(q.start, q.end)], cs, cue, src,
                                   source_span(src, doc) if src is not None else None,
                                   True, "direct", k, 0.9 if src is not None else 0.7))
        elif (dash := _DASH_SOURCE.match(text, q.end)) is not None:
            # ”...” ― Sonya Herridge: an epigraph-style attribution by a dash
            name = doc.char_span(dash.start("name"), dash.end("name"), alignment_mode="expand")
            direct.append(RawQuote([(q.start, q.end)], dash.span("dash"), None,
                                   name.root if name is not None else None, dash.span("name"),
                                   True, "direct", k, 0.8))
        else:
            # a floating quote: a whole sentence or more in quotation marks, no cue of its own
            ps, _ = paras[k]
            lead = text[ps:q.start].strip()
            starts_sentence = not lead or bool(SENT_END.search(lead[-2:])) or lead.endswith((":", "”", '"'))
            if words >= 4 and starts_sentence and (ends_punct or q.paragraphs > 1 or words >= 8):
                direct.append(RawQuote([(q.start, q.end)], None, None, None, None, True, "direct", k,
                                       0.6, floating=True))

    # transcripts: "PENCE: Well, look, ..." -- a speaker's turn is a direct statement
    surnames = {e.text.split()[-1].lower().strip(".,’'s") for e in doc.ents if e.label_ == "PERSON"}
    for k, (ps, pe) in enumerate(paras):
        m = _TURN.match(text, ps, pe)
        if m is None or _in_any(ps, qspans):
            continue
        if m.group("name").split()[-1].lower().strip(".") not in surnames:
            continue  # "WATCH:", "READ MORE:", "BONDS:": a label, not a person taking a turn
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        direct.append(RawQuote([(m.start("said"), pe)], m.span("colon"), None,
                               name.root if name is not None else None, m.span("name"),
                               True, "direct", k, 0.8))

    # 2. reported speech by cue verbs
    reported = []
    for tok in doc:
        if tok.i in used_cues or tok.pos_ not in ("VERB", "AUX"):
            continue
        if _in_any(tok.idx, qspans):
            continue
        base = cue_base(tok.text)
        frame = frame_of(tok)
        if broad and (p_model := cue_model_probability(tok, base is not None)) is not None:
            # the broad scope asks the learned model, which reads the verb's context
            p_cue = p_model
            if base and p_model < BROAD_LEXICON_FLOOR:
                continue  # a lexicon verb the model finds no cue here ("the plan calls for ...")
        else:
            p_cue = cue_probability(tok.lower_, frame, prior=0.5 if base else 0.0)
            if base and (p_model := cue_model_probability(tok, True)) is not None and p_model < SPEECH_LEXICON_FLOOR:
                continue  # a lexicon verb the model finds no cue here ("touched the rose", "hinted at")
        learned = False
        if not base:
            # not in the hand-written lexicon: a cue only if training saw it as one often enough
            if p_cue is None or p_cue < learned_threshold:
                continue
            base, learned = tok.lower_, True
        if tok.dep_ in ("amod", "compound") or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
            continue  # "the so-called", "a stated goal": adjectives, not cues
        if not broad and any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not say", "never claimed": no statement
        if tok.dep_ in ("xcomp", "advcl", "pcomp") and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) \
                and cue_base(tok.head.text) is None:
            continue  # "declined to say", "wanted to call": the saying did not happen
        if any(c.lower_ == "than" for c in tok.children):
            continue  # "lower than TransLink says they are": a comparison, not a statement
        if not broad and any(c.lower_ in ("when", "if", "unless", "before") and c.dep_ in ("advmod", "mark")
                             for c in tok.children):
            continue  # "when asked about ...": a circumstance, not a statement (PolNeAR counts it)
        span = content_of(tok, base, learned, broad)
        if span is None:
            continue
        content = span if isinstance(span, list) else [span]
        if broad:
            content[-1] = _attribution_bounds(tok_at, *content[-1])
        s, e = content[0][0], content[-1][1]
        if sum(b - a for a, b in content) < 8:
            continue
        if not broad and (base in BELIEF_CUES and text[s:s + 5].lower() != "that " or base in EVIDENCE_CUES):
            # "they think they have", "the study found": counted in the broad scope; a belief stated
            # with "that" ("He believes that cooperation ...") is reported as a position, and stays
            continue
        if not broad and learned and not isinstance(span, list) \
                and not any(c.dep_ == "ccomp" for c in tok.children) \
                and not any(t.dep_ == "mark" and t.lower_ == "that" and s <= t.idx < e for t in tok.subtree):
            continue  # a learned cue with an object ("backs the plan"): a stance toward a thing, broad scope only
        src = subject_of(tok)
        if src is None:
            continue
        parenthetical = isinstance(span, list)  # "The benefit, it says, would be $300"
        if src.lower_ in ("it", "this", "that", "which") and src.dep_ != "nsubjpass" and not (
                src.lower_ == "it" and (parenthetical or any(c.dep_ == "ccomp" for c in tok.children))):
            continue  # "it says a lot", "this shows": not a speaker ("It says the campaign broke the law" is)
        if not parenthetical and not any(c.dep_ == "ccomp" for c in tok.children) and not speaker_like(src) \
                and not (broad and src.pos_ in ("NOUN", "PROPN") and p_cue >= BROAD_ANY_SOURCE):
            # an object cue needs a speaker: "the occasion underscores ..." is no statement; in the
            # broad scope a noun the model is confident about will do ("the poll shows")
            continue
        conf = p_cue if p_cue is not None else 0.6
        reported.append(RawQuote(content, cue_span(tok), tok, src, source_span(src, doc), False,
                                 "indirect", _para_index(paras, s), conf))

    for content, cue, src, src_span in _according_to(doc, qspans):
        if _in_any(content[0], qspans) and _in_any(content[1] - 1, qspans):
            # "According to X, “...”": a direct quote already attributed by the window search
            continue
        reported.append(RawQuote([content], cue, None, src, src_span, False, "indirect",
                                 _para_index(paras, content[0]), 0.7))

    # 3. merge: a quote that fills reported content is direct; fragments inside it make it mixed
    final_direct = []
    for d in direct:
        ds, de = d.content[0]
        host = None
        for r in reported:
            if not r.content:
                continue  # already folded into another direct quote
            rs, re_ = r.start, r.end
            inter = max(0, min(de, re_) - max(ds, rs))
            if inter <= 0:
                continue
            if inter >= 0.8 * (re_ - rs) or (d.cue_token is not None and r.cue_token is not None and d.cue_token.i == r.cue_token.i):
                # the reported content is the quote itself: keep the direct reading
                r.content = []
                if d.cue is None:
                    d.cue, d.cue_token, d.source_token, d.source = r.cue, r.cue_token, r.source_token, r.source
                    d.floating = False
            elif ds >= rs and de <= re_ + 2:
                host = r
        if host is not None:
            host.kind = "mixed"
            host.fragments.append((ds, de))
            # stretch the content over a closing mark the parse left out
            host.content[-1] = (host.content[-1][0], max(host.content[-1][1], de))
        else:
            final_direct.append(d)
    for fs, fe in fragments:
        for r in reported:
            if r.content and r.start <= fs and fe <= r.end + 2:
                r.kind = "mixed"
                r.fragments.append((fs, fe))
                r.content[-1] = (r.content[-1][0], max(r.content[-1][1], fe))
                break
    # headlines repeat a statement the article reports (GGT leaves them out); PolNeAR annotates them
    out = final_direct + [r for r in reported if r.content and (broad or not _headline(text, paras[r.paragraph]))]
    out.sort(key=lambda r: r.start)
    out = _dedupe(out)
    return _join_interrupted(out, text) if broad else out


# the broad scope's learned cue model (nlp/learned.py), thresholds measured on PolNeAR dev
# (bench/quality.py): a lexicon verb below BROAD_LEXICON_FLOOR is no cue in its context; a noun
# subject that is no person, organisation or role speaks when the model is this sure of the cue
BROAD_LEXICON_FLOOR = 0.3
BROAD_ANY_SOURCE = 0.5
# the speech scope keeps its lexicon but drops a verb the model is this sure is no cue in its
# context (measured on GGT dev: 85.3 -> 85.8 F1@0.3, recall unchanged)
SPEECH_LEXICON_FLOOR = 0.3

LEAD_ADVERBS = {"however", "still", "yet", "meanwhile", "instead", "indeed", "moreover", "furthermore",
                "nonetheless", "nevertheless", "now", "so", "also", "then", "thus", "therefore"}
# ", who is 70" describes the person and is the writer's; a ", which ..." clause PolNeAR's
# annotators mostly keep (measured on dev: cutting it too gains nothing)
NON_RESTRICTIVE = {"who", "whom"}
CONCESSIVE = {"though", "although", "while", "whereas"}


def _attribution_bounds(tok_at, s: int, e: int) -> tuple:
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


def _join_interrupted(quotes: list[RawQuote], text: str) -> list[RawQuote]:
    """“A,” said X. “B.” -> one direct statement [A, B]: B follows A's cue clause in the same
    paragraph with nothing quoted between, and has no cue of its own (or A's)."""
    def cue_clause_between(a, b, cue) -> bool:
        # the gap is the cue's clause: short, nothing quoted (abbreviations such as "Sen." and
        # "(D-Mo.)" make full stops a poor sentence test here)
        gap = text[a.end:b.start]
        return (a.end <= cue[0] and cue[1] <= b.start and len(gap) < 250
                and not any(m in gap for m in ('"', "“", "”", "\n")))

    out: list[RawQuote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is None or not (prev.is_direct and q.is_direct and prev.paragraph == q.paragraph
                                and len(q.content) == 1):
            out.append(q)
        elif prev.floating and q.cue is not None and len(prev.content) == 1 \
                and cue_clause_between(prev, q, q.cue):
            # “A,” Mr. Obama said, “B.” where the cue search gave the cue to B: A is B's first part
            q.content = prev.content + q.content
            out[-1] = q
        elif prev.cue is not None and (q.floating or q.cue_token is not None and prev.cue_token is not None
                                       and q.cue_token.i == prev.cue_token.i) \
                and cue_clause_between(prev, q, prev.cue):
            prev.content.append(q.content[0])
        else:
            out.append(q)
    return out


def _headline(text: str, para) -> bool:
    """A short line without closing punctuation: a headline or a related-story link ("Sanders says
    Trump didn't cave"), which repeats or advertises a statement rather than reporting it."""
    line = text[para[0]:para[1]].rstrip()
    if LINK_LABEL.match(line):
        return True  # "READ MORE: Donald Trump says ...": a link to another story
    return line[-1:] not in ".!?\"”’'):;…" and len(line.split()) < 25


LINK_LABEL = re.compile(r"(?:READ MORE|RELATED|MORE|SEE ALSO|ALSO READ|WATCH|LISTEN|READ)\s*:", re.I)


def _dedupe(quotes: list[RawQuote]) -> list[RawQuote]:
    """Drop reported speech nested inside a longer statement: inside a direct quote, or a cue that
    sits inside another statement's content ("said he believes that ...")."""
    bounds = [(q, q.start, q.end) for q in quotes]  # start and end are computed: once each

    def nested(q, qs, qe, o, os, oe):
        return (o is not q and not q.is_direct and os <= qs and qe <= oe and (oe - os) > (qe - qs)
                and (o.is_direct or (o.cue_token is not None and q.cue_token is not None
                                     and q.cue_token.idx >= os)))
    kept = [q for q, qs, qe in bounds if not any(nested(q, qs, qe, *b) for b in bounds)]
    # "continue to assert X": two cues of one chain report the same content; the last cue says it
    last_cue = {}
    for q in kept:
        key = tuple(q.content)
        if not q.is_direct and q.cue_token is not None:
            prev = last_cue.get(key)
            if prev is None or prev.cue_token.i < q.cue_token.i:
                last_cue[key] = q
    return [q for q in kept if q.is_direct or q.cue_token is None or last_cue.get(tuple(q.content)) is q]
