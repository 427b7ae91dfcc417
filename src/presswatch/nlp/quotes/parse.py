"""What the parse says about a cue: its subject, the source as written, the cue as written, and
whether a subject can say anything at all."""
from __future__ import annotations

from ..lexicons.people import GROUP_NOUNS, ROLE_NOUNS, SPEAKING_PRONOUNS
from ..lexicons.speech import PHRASAL, cue_base

AUX_WORDS = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "can", "could", "may",
             "might", "must", "should", "shall", "did", "does", "do", "not", "also", "then", "never",
             "already", "further", "repeatedly", "previously", "once", "still", "recently"}


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
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") \
                and not (tok.head.dep_ == "pobj" and tok.head.head.lower_ in ("to", "at", "toward", "towards")):
            # "the third witness testifying Tuesday that ...": the noun speaks ("a letter to the
            # government demanding ...": the addressee does not)
            return tok.head
        if tok.dep_ in ("conj", "advcl", "xcomp", "acl", "ccomp", "pcomp") and tok.head.i != tok.i:
            if tok.dep_ == "ccomp" and cue_base(tok.head.text) is None:
                return None
            tok = tok.head
            continue
        return None
    return None


def ent_at(doc, i: int):
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
    named = _named_source(tok, doc)
    if named is not None:
        return named
    left = tok.left_edge
    while left.i < tok.i and (left.is_punct or left.is_space):
        left = doc[left.i + 1]  # "” Reuters' team": a closing quotation mark is no part of the source
    right = tok
    conj = [c for c in tok.rights if c.dep_ == "conj"]
    if conj and tok.ent_type_ == "PERSON":
        # "Tore Sohlberg and Lehla Abreder said": both are the source
        last = conj[-1]
        return left.idx, last.idx + len(last.text) if last.ent_type_ != "PERSON" else ent_at(doc, last.i).end_char
    for c in tok.rights:
        if c.dep_ == "acl" and tok.pos_ == "PRON" and c.i == tok.i + 1 and c.n_rights + c.n_lefts == 0:
            right = c  # "those involved": the participle is the speaker's description
            continue
        if c.dep_ in ("relcl", "punct", "appos", "acl") or c.text in (",", "—", "-"):
            break
        right = c.right_edge
    return left.idx, right.idx + len(right.text)


def _named_source(tok, doc):
    """(start, end) of the name that is the source, when the subject is or holds one."""
    if tok.ent_type_ in ("NORP", "GPE"):
        # "One red-state Democrat, Montana Sen. Jon Tester, said": the appositive name is the source
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        ent = ent_at(doc, appos.i) if appos is not None else None
        if ent is not None:
            return ent.start_char, ent.end_char
    if (tok.ent_type_ in ("PERSON", "ORG") or tok.ent_type_ in ("NORP", "GPE") and not any(
            c.dep_ == "det" for c in tok.lefts)) and not any(c.dep_ == "conj" for c in tok.rights):
        # a name is the source; "the Kentucky Republican" stays a description to resolve
        ent = ent_at(doc, tok.i)
        if ent is not None:
            # a possessive owner stays in the source: "Apple's Cupertino Labs", "the senator's Office"
            poss = next((c for c in tok.lefts if c.dep_ == "poss" and c.i < ent.start), None) \
                if tok.ent_type_ != "PERSON" else None  # "CNN's Shimon Prokupecz": the person alone
            return (poss.left_edge.idx if poss is not None else ent.start_char), ent.end_char
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG"):
            ent = ent_at(doc, c.i)
            if ent is not None:
                return ent.start_char, ent.end_char
    return None


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


def speaker_like(tok) -> bool:
    """Can this subject say something? A name, a personal pronoun, a role or a group noun; "the
    occasion underscores ..." is no statement."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and (tok.pos_ in ("NUM", "PRON") or tok.lower_ in ("some", "many", "most", "dozens", "hundreds",
                                                                        "thousands", "millions", "none")):
        # "hundreds of protesters", "one of the players", "some of them": who they are part of
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        return pobj is not None and speaker_like(pobj)
    if tok.pos_ == "PRON":
        return tok.lower_ in SPEAKING_PRONOUNS
    if tok.pos_ == "PROPN":
        return True
    return tok.lower_ in ROLE_NOUNS or tok.lower_ in GROUP_NOUNS
