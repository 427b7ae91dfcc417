"""What a cue verb reports: its that-clause, a clause the parser hung elsewhere, an object with its
complements, a phrasal cue's prepositional object, or the sentence around a parenthetical cue."""
from __future__ import annotations

from ..lexicons.calendar import PARTS_OF_DAY, WEEKDAY_NAMES
from ..lexicons.speech import (CLAUSE_ONLY, INFINITIVE_CUES, OBJECT_FORMS, PHRASAL, PHRASAL_FORMS, SPEECH_FORMS,
                               SPEECH_NOUNS, cue_base)

SPEECH_BASES = frozenset(SPEECH_FORMS.values())
OBJECT_BASES = frozenset(OBJECT_FORMS.values())
PHRASAL_BASES = frozenset(PHRASAL_FORMS.values())
# right-hand dependents of a cue verb that are not part of what was said
NOT_CONTENT_DEPS = {"punct", "cc", "conj", "advmod", "npadvmod", "agent", "aux", "auxpass", "neg",
                    "prt", "mark", "dep", "intj", "nsubj", "nsubjpass", "expl", "dative"}
# nouns of a prepositional phrase that tells when a statement was made ("on Tuesday", "last week")
TIME_NOUNS = frozenset(WEEKDAY_NAMES) | frozenset(PARTS_OF_DAY) | {"today", "yesterday", "week", "month", "year",
                                                                   "time"}
# an opening quotation mark at the start of reported content belongs to it ("said "budget reforms" would ...")
OPENING_MARKS = {"“", '"', "‘", "'", "«", "''", "``"}


def content_of(verb, base: str, learned: bool, scope):
    """(start, end) of what a cue verb reports, a list of spans around a parenthetical cue, or None.
    A that-clause wins; otherwise an object verb's object with its complements; a phrasal cue's
    prepositional object. `learned`: a cue from the learned lexicon, whose frame statistics
    already say it reports in this frame."""
    learned = learned or scope.model_judged_frame
    if verb.dep_ == "parataxis" and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        # "The museum, Mr. Obama said, would make ...": the sentence around the cue is the content
        return _around(verb)
    said = base in SPEECH_BASES
    found = _clause(verb, said, scope) or said and (_that_after_noun(verb) or _under_gerund(verb))
    if found:
        return found
    if base in CLAUSE_ONLY and base not in PHRASAL_BASES and base not in OBJECT_BASES and not learned:
        return None
    return _object(verb, base, learned, scope)


def _span(s, e) -> tuple:
    """From token s to token e, without punctuation at the end."""
    while e.i > s.i and e.is_punct:
        e = e.doc[e.i - 1]
    return s.idx, e.idx + len(e.text)


def _clause(verb, said: bool, scope):
    """A ccomp clause after the verb (or before it: "Accessibility is a problem, Howell said.")."""
    ccomps = [c for c in verb.rights if c.dep_ == "ccomp"]
    if not ccomps and said:
        found = _misparsed_said_clause(verb)
        if found:
            return found
    if not ccomps:
        ccomps = [c for c in verb.lefts if c.dep_ == "ccomp"]
    if not ccomps:
        return None
    first, last = ccomps[0], ccomps[-1]
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
    elif scope.continues_bare_predicate and last.i > verb.i:
        # "stressed that his client was ready ..., but would not be part of ...": the parser hung
        # the second predicate on the cue; without a subject or cue of its own it continues it
        more = next((c for c in verb.rights if c.dep_ == "conj" and c.i > last.right_edge.i
                     and c.pos_ in ("VERB", "AUX") and not cue_base(c.text)
                     and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)
        if more is not None:
            e = more.right_edge
    return _span(s, _with_reason(verb, e))


def _with_reason(verb, e):
    """"said she's excited about the study because it provides ...": the parser hangs the reason on
    the cue, but right after the clause, with no comma, it is part of what was said."""
    nxt = e.i + 1
    for c in verb.rights:
        if c.dep_ == "advcl" and c.left_edge.i == nxt and c.left_edge.lower_ == "because":
            return c.right_edge
    return e


def _misparsed_said_clause(verb):
    """"Trump said after the convention he would not accept ...": the parser took the clause for an
    adverbial one; a clause with its own subject and no subordinator is what was said."""
    clause = next((c for c in verb.rights if c.dep_ == "advcl" and c.i > verb.i + 1
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   and not any(g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children)), None)
    if clause is None:
        return None
    # from its subject: "after the convention" before it tells when it was said
    subj = next(g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass"))
    e = clause.right_edge
    while e.i > subj.i and (e.is_punct or e.is_space):
        e = e.doc[e.i - 1]
    return subj.left_edge.idx, e.idx + len(e.text)


def _that_after_noun(verb):
    """"said in a statement that cities need ...": the parser hung the clause on the noun."""
    mark = next((t for t in verb.subtree if t.i > verb.i and t.dep_ == "mark" and t.lower_ == "that"
                 and t.head.dep_ in ("acl", "relcl", "advcl", "ccomp")), None)
    if mark is None or mark.i - verb.i > 6:
        return None
    e = verb.right_edge
    while e.i > mark.i and (e.is_punct or e.is_space):
        e = e.doc[e.i - 1]
    return (mark.idx, e.idx + len(e.text)) if e.i > mark.i else None


def _under_gerund(verb):
    """"said having Karlsson back was a big boost": the clause hangs under a gerund."""
    rest = [c for c in verb.rights if c.dep_ not in ("punct", "npadvmod", "advmod", "prep", "dative", "cc", "conj")]
    if not rest or rest[0].dep_ != "xcomp" or not any(t.dep_ == "ccomp" for t in rest[0].subtree):
        return None
    s, e = rest[0].left_edge, verb.right_edge
    while e.i > s.i and (e.is_punct or e.is_space):
        e = e.doc[e.i - 1]
    return s.idx, e.idx + len(e.text)


def _object(verb, base: str, learned: bool, scope):
    """An object verb's object with its complements, or a phrasal cue's prepositional object."""
    parts: list = []
    phrasal = PHRASAL.get(base, ())
    seen_obj = False
    for c in verb.rights:
        dep = c.dep_
        long_npadvmod = dep == "npadvmod" and not seen_obj and c.i <= verb.i + 3 and len(list(c.subtree)) >= 4
        if dep in NOT_CONTENT_DEPS and not long_npadvmod:
            if dep == "conj" or (dep == "cc" and parts):
                break
            continue
        if dep == "prep":
            if c.lower_ in phrasal and not seen_obj and c.i == verb.i + 1 + sum(
                    1 for x in verb.rights if x.dep_ == "prt" and x.i < c.i):
                pobj = [x for x in c.rights if x.dep_ in ("pobj", "pcomp")]
                if pobj:
                    parts.append((pobj[0].left_edge, c.right_edge))
                    seen_obj = True
            elif seen_obj and not _is_occasion(c):
                parts.append((c.left_edge, c.right_edge))
            continue
        if long_npadvmod:
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
            if seen_obj and scope.keeps_object_circumstance:
                parts.append((c.left_edge, c.right_edge))
    if not seen_obj and learned:
        seen_obj = _learned_prep_object(verb, parts)
    if not seen_obj or base not in OBJECT_BASES and base not in PHRASAL_BASES and not learned:
        return None
    return _span(min(p[0] for p in parts), max(p[1] for p in parts))


def _learned_prep_object(verb, parts: list) -> bool:
    """A learned cue with a prepositional object right after it ("railed against the tax breaks")."""
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i == verb.i + 1), None)
    pobj = next((x for x in prep.rights if x.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if prep is None or pobj is None:
        return False
    parts.append((pobj.left_edge, prep.right_edge))
    return True


def _is_occasion(prep) -> bool:
    """"in an interview", "in his address on Quds Day", "on Tuesday", "at a news conference"."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    return pobj.lower_ in SPEECH_NOUNS or pobj.lower_ in TIME_NOUNS or pobj.ent_type_ in ("DATE", "TIME")


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
