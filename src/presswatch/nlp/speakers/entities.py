"""The registry of one article built from its named entities, with roles, genders and the
sentence subjects a later pronoun most often continues."""
from __future__ import annotations

from typing import Optional

from ..lexicons.first_names import gender_of
from ..names import name_words, person_words
from .registry import Mentions, Registry
from .roles import resolve_role
from ..lexicons.people import GENDERED_TITLES, GROUP_NOUNS, HONORIFICS, ORG_NOUNS, ROLE_NOUNS


def _title_gender(words) -> Optional[str]:
    for w in words:
        g = GENDERED_TITLES.get(w.lower().strip("."))
        if g:
            return g
    return None


def build_registry(doc) -> tuple[Registry, Mentions]:
    """People and organisations with their roles; returns the registry and a list of
    (char offset, Person) for every entity mention in order."""
    reg = Registry()
    order = Mentions()
    doc_text = doc.text  # Doc.text joins every token on each call: once, not once per entity
    for ent in doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG"):
            if not (label in ("NORP", "GPE", "PRODUCT", "LOC") and len(ent) == 1 and ent[0].pos_ == "PROPN"
                    and reg.find(person_words(ent.text), "PERSON") is not None):
                continue
            label = "PERSON"  # "Schuh is aware ..." tagged NORP: the surname of a person named before
        if label == "PERSON":
            ent = _without_place(ent)
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]  # "the Parole Board of Canada's logic": the name without its possessive
        if label == "PERSON" and not person_words(text):
            continue
        if ent[0].lower_ in ("the", "a", "an") and ent[0].is_lower and ent.root.pos_ == "NOUN":
            continue  # "the rookie defenceman" tagged ORG: a description to resolve, not a name
        if text.rstrip().endswith("/") or doc_text[ent.end_char:ent.end_char + 3].strip().startswith("/"):
            continue  # a photo credit ("Tijana Martin / The Canadian Press"), not a person in the story
        roles = set()
        # words before the name inside its noun phrase: "Raptors guard", "the Iranian leader"
        head = ent.root
        pre_np = []  # the words right before the name in its noun phrase, not across a verb
        k = ent.start - 1
        while k >= max(ent.start - 4, 0) and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM"):
            pre_np.append(doc[k])
            k -= 1
        for t in list(head.lefts) + pre_np:
            if t.lower_ in ROLE_NOUNS and t.i < ent.start:
                roles.add(t.lower_)
        for w in name_words(text):
            if w.lower() in ROLE_NOUNS:
                roles.add(w.lower())
        # appositions: "The Leader of ..., Ayatollah X" (X appos of Leader) and "X, the minister,"
        if head.dep_ == "appos" and head.head.lower_ in ROLE_NOUNS:
            roles.add(head.head.lower_)
        for c in head.children:
            if c.dep_ == "appos" and c.lower_ in ROLE_NOUNS:
                roles.add(c.lower_)
        # title words just before the entity ("Prime Minister Justin Trudeau" where NER left them out)
        pre = [t.text for t in doc[max(ent.start - 3, 0):ent.start] if t.is_title or t.is_upper]
        gender = _title_gender(pre + text.split())
        if label == "ORG" and _titled_name(text):
            label = "PERSON"  # "Hereditary Chief Na'moks", "Minister Smith": NER took the title for an ORG
        p = reg.add(text, label, (ent.start_char, ent.end_char), roles, gender)
        if p is not None:
            order.add(ent.start_char, p)
    return reg, order


def _without_place(ent):
    """"ambassador to Chile Mark Ellison", "Surrey Mayor Doug McCallum": the recognizer glued a place
    or a title to the name. The name starts at a known first name when the words before it follow
    a preposition or end in a title, and the first word is not itself a first name ("Mary Ann
    Smith", "George St. Pierre" stay whole)."""
    doc = ent.doc
    if len(ent) < 3 or gender_of(doc[ent.start].text):
        return ent
    after_prep = ent.start > 0 and doc[ent.start - 1].pos_ == "ADP"
    for k in range(ent.start + 1, ent.end - 1):
        if gender_of(doc[k].text) and (after_prep or doc[k - 1].lower_.strip(".") in HONORIFICS):
            return doc[k:ent.end]
    return ent


def _titled_name(text: str) -> bool:
    """A title word followed by one or two capitalised words that end the name, or a known first
    name and a surname: a person ("Hereditary Chief Na'moks", "Mark Rautio")."""
    words = name_words(text)

    def name_like(ws):
        return all(w[:1].isupper() and w.lower() not in ORG_NOUNS and w.lower() not in GROUP_NOUNS for w in ws)
    if 2 <= len(words) <= 4 and gender_of(words[0]) and name_like(words):
        return True
    return any(k >= 0 and words[k].lower().strip(".") in HONORIFICS and words[k][:1].isupper()
               and name_like(words[k + 1:]) for k in (len(words) - 2, len(words) - 3))


def subject_mentions(doc, order, reg=None) -> list:
    """(offset, id, Person) for every sentence subject that names a known person or organisation:
    "McCallum claimed ...", "the mayor brought up ...", "The Leader of ..., Ayatollah X, said";
    with `reg`, plural subjects too ("Authorities described ...", "The Conservatives believe"), as
    GROUP speakers. Subjects are what a later "he", "she" or "they" most often continues (centering)."""
    by_start = {off: p for off, p in order}
    ents = {}
    for e in doc.ents:
        if e.start_char in by_start:
            for i in range(e.start, e.end):
                ents[i] = by_start[e.start_char]
    out = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        p = ents.get(tok.i)
        if p is None:
            appos = next((c for c in tok.children if c.dep_ == "appos" and c.i in ents), None)
            p = ents.get(appos.i) if appos is not None else None
        if p is not None and tok.head.dep_ in ("ccomp", "relcl", "acl") and tok.head.head.pos_ == "VERB":
            continue  # the subject of a reported clause ("X said [Y] has ...") is not the centre
        if p is None and tok.lower_ in ROLE_NOUNS:
            np = doc[tok.left_edge.i:tok.i + 1].text
            p = resolve_role(np, tok.idx, order, None)
        if p is None and reg is not None and (tok.tag_ == "NNS" and (tok.lower_ in GROUP_NOUNS or tok.lower_.rstrip("s") in ROLE_NOUNS)
                                              or tok.ent_type_ == "NORP" and tok.tag_ == "NNPS"):
            # "Authorities said", "Republican senators are eager": a group "they" can continue
            left = tok.left_edge
            while left.i < tok.i and left.dep_ in ("det", "predet"):
                left = doc[left.i + 1]
            p = reg.add(doc[left.i:tok.i + 1].text, "GROUP", (left.idx, tok.idx + len(tok.text)))
        if p is not None:
            out.append((tok.idx, id(p), p))
    out.sort(key=lambda x: (x[0], x[1]))
    return out
