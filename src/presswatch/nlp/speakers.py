"""Speaker resolution inside one article: every source resolved to one canonical speaker.

No coreference model works offline with spaCy 3.8 here, so this is ours: name variants merge by
surname ("Ayatollah Seyyed Ali Khamenei", "Ayatollah Khamenei", "Khamenei"); role descriptions
("the Leader", "the minister") go to the person the article gave that role; pronouns go to the
most recent compatible speaker or person; a quote without a cue continues the previous speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from .cues import SPEECH_NOUNS
from .first_names import gender_of

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
    "reverend", "father", "sister", "brother", "ayatollah", "grand", "imam", "sheikh", "shaykh",
    "seyyed", "sayyed", "sayed", "syed", "hojatoleslam", "mullah", "rabbi", "pope", "king", "queen",
    "prince", "princess", "emir", "sultan", "president", "vice", "premier", "prime", "minister",
    "chancellor", "secretary", "senator", "sen", "rep", "representative", "gov", "governor",
    "mayor", "judge", "justice", "gen", "general", "col", "colonel", "capt", "captain", "lt",
    "sgt", "commander", "chief", "coach", "cardinal", "bishop", "archbishop", "saint", "st",
    "mp", "mla", "mpp", "councillor", "councilor", "ambassador", "officer", "detective", "agent",
    "deputy", "leader", "speaker", "spokesman", "spokeswoman", "spokesperson", "defense", "foreign",
    "finance", "health", "attorney", "solicitor",
}
# words after a name that are not part of it: "Khomeini (RA)", "Trudeau Jr."
NAME_TRAILERS = {"ra", "pbuh", "jr", "sr", "ii", "iii", "(ra)"}
ROLE_NOUNS = {
    "leader", "president", "minister", "premier", "chancellor", "secretary", "senator", "governor",
    "mayor", "spokesman", "spokeswoman", "spokesperson", "chief", "director", "ceo", "chairman",
    "chairwoman", "chair", "coach", "manager", "commissioner", "ambassador", "judge", "justice",
    "general", "commander", "officer", "professor", "researcher", "analyst", "economist", "author",
    "founder", "head", "owner", "lawyer", "attorney", "prosecutor", "candidate", "nominee",
    "representative", "lawmaker", "mp", "mpp", "mla", "councillor", "councilor", "pope", "king",
    "queen", "prince", "ayatollah", "imam", "cleric", "official", "executive", "guard", "forward",
    "player", "captain", "striker", "quarterback", "pitcher", "goaltender", "defenceman", "defenseman",
    "star", "teammate", "winger", "centre", "goalie", "goalkeeper", "midfielder", "defender", "catcher",
    "shortstop", "linebacker", "receiver", "rookie", "veteran", "athlete", "runner", "skater", "actor",
    "actress", "singer", "premier", "superintendent", "inspector",
    "detective", "doctor", "physician", "scientist", "editor", "reporter", "president-elect",
    "dean", "principal", "teacher", "boss", "mother", "father", "wife", "husband", "son", "daughter",
    "sister", "brother", "victim", "witness", "organizer", "activist", "advocate", "expert",
    "republican", "democrat", "liberal", "conservative", "senator", "congressman", "congresswoman",
}
# collective speakers: "officials said", "the ministry said", "UN organizations"
GROUP_NOUNS = {
    "officials", "official", "government", "ministry", "department", "agency", "agencies", "police",
    "organization", "organizations", "organisation", "organisations", "group", "groups", "team",
    "company", "firm", "spokesperson", "sources", "source", "experts", "critics", "analysts",
    "residents", "people", "union", "council", "committee", "party", "campaign", "administration",
    "office", "board", "court", "authorities", "military", "army", "army", "report", "study",
    "survey", "poll", "statement", "release", "documents", "document", "lawsuit", "website", "club",
    "league", "association", "coalition", "commission", "family", "friends", "supporters",
    "opponents", "protesters", "demonstrators", "leaders", "members", "lawmakers", "ministers",
    "scientists", "researchers", "doctors", "economists", "observers", "witnesses", "investigators",
    "prosecutors", "lawyers", "activists", "organizers", "spokesman", "spokeswoman", "nations",
    "countries", "states", "media", "newspaper", "network", "outlet", "bank", "fund", "institute",
    "university", "school", "hospital", "department", "embassy", "regime", "cabinet", "parliament",
    "congress", "senate", "house", "white", "kremlin", "pentagon", "who", "un", "nato", "voters",
}
# "the company said": an organisation named before under its kind
ORG_NOUNS = {"company", "firm", "agency", "team", "union", "city", "league", "club", "organization",
             "organisation", "ministry", "department", "board", "government", "party", "diocese",
             "school", "university", "hospital", "network", "group", "bank", "airline", "carrier",
             "province", "state", "country", "council", "commission", "corporation", "retailer",
             "automaker", "manufacturer", "utility", "charity", "foundation", "institute",
             "association", "federation", "court", "police", "force", "service", "regulator",
             "channel", "newspaper", "broadcaster", "station", "studio", "publisher", "insurer",
             "chain", "restaurant", "store", "franchise", "band", "campaign", "office", "authority"}
GENERIC_ORG_NOUNS = {"company", "firm", "agency", "organization", "organisation", "group", "corporation",
                     "retailer", "automaker", "manufacturer", "carrier", "airline", "bank", "network",
                     "broadcaster", "publisher", "insurer", "chain", "studio", "charity", "foundation",
                     "utility", "regulator", "team", "club"}
# documents that "say" something for someone: "the union's release said", "the study found"
DOCUMENT_NOUNS = SPEECH_NOUNS | {"study", "survey", "poll", "data", "figures", "numbers", "suit", "lawsuit",
                                 "filing", "documents", "document", "complaint", "ruling", "decision", "notice",
                                 "website", "tweets", "posts", "analysis", "research", "findings", "review"}
_POSSESSIVES = {"his", "her", "their", "its"}
PERSONAL_PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "we"}
GENDERED_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
                   "king": "m", "queen": "f", "prince": "m", "princess": "f", "ayatollah": "m",
                   "imam": "m", "sheikh": "m", "father": "m", "sister": "f", "brother": "m",
                   "pope": "m", "lady": "f", "lord": "m", "spokesman": "m", "spokeswoman": "f",
                   "chairman": "m", "chairwoman": "f", "actress": "f"}

_WORD = re.compile(r"[^\W\d_][\w'’\-.]*")


def name_tokens(name: str) -> list[str]:
    """The words of a person's name without honorifics, titles, possessive and trailers."""
    words = _WORD.findall(name)
    words = [re.sub(r"[’']s$", "", w).strip(".") for w in words]
    words = [w for w in words if w and w.lower() not in NAME_TRAILERS]
    while words and words[0].lower().strip(".") in HONORIFICS and len(words) > 1:
        words = words[1:]
    return words


@dataclass
class Person:
    id: str
    kind: str  # PERSON | ORG | GROUP
    names: list = field(default_factory=list)  # name strings, word lists without honorifics
    roles: dict = field(default_factory=dict)  # role noun -> offset where the article gave it
    gender: Optional[str] = None  # m | f | None
    mentions: list = field(default_factory=list)  # (start, end)

    @property
    def canonical(self) -> str:
        best = max(self.names, key=lambda n: (len(n), sum(len(w) for w in n)))
        return " ".join(best)

    @property
    def surname(self) -> str:
        return max(self.names, key=len)[-1].lower()

    def matches(self, words: list[str]) -> bool:
        if not words:
            return False
        lw = [w.lower() for w in words]
        if len(lw) > 1 and len(lw[0]) > 1 and self.kind == "PERSON" and any(
                len(n) > 1 and len(n[0]) > 1 and n[-1].lower() == lw[-1] and n[0].lower() != lw[0]
                for n in self.names):
            return False  # "Mary Nicholson" is not "Trevor Nicholson", whatever bare "Nicholson" matched
        for n in self.names:
            ln = [w.lower() for w in n]
            if lw[-1] == ln[-1] and (set(lw) <= set(ln) or set(ln) <= set(lw)):
                return True
            if len(lw) == 1 and len(ln) > 1 and lw[0] == ln[0] and self.kind == "PERSON":
                return True  # a first name alone: "Hillary" for Hillary Clinton
        return False


class Registry:
    """The people and organisations of one article, built from its named entities in order."""

    def __init__(self):
        self.people: list[Person] = []

    def find(self, words, kind=None) -> Optional[Person]:
        cands = [p for p in self.people if p.matches(words) and (kind is None or p.kind == kind)]
        if not cands:
            return None
        return max(cands, key=lambda p: len(p.mentions))

    def add(self, name: str, kind: str, span, roles=(), gender=None) -> Optional[Person]:
        words = name_tokens(name) if kind == "PERSON" else _WORD.findall(name)
        if not words:
            return None
        p = self.find(words, kind)
        if p is None and kind == "ORG" and len(words) <= 2:
            # NER often tags a lone surname as ORG ("Marsh said"): a known person's name wins
            p = self.find(name_tokens(name), "PERSON")
        if p is None:
            p = Person(id=f"s{len(self.people) + 1}", kind=kind)
            self.people.append(p)
        if words not in p.names:
            p.names.append(words)
        for r in roles:
            p.roles.setdefault(r, span[0])
        if not gender and kind == "PERSON" and len(words) > 1:
            gender = gender_of(words[0])
        if gender and not p.gender:
            p.gender = gender
        if span not in p.mentions:
            p.mentions.append(span)
        return p


def _title_gender(words) -> Optional[str]:
    for w in words:
        g = GENDERED_TITLES.get(w.lower().strip("."))
        if g:
            return g
    return None


def build_registry(doc) -> tuple[Registry, list]:
    """People and organisations with their roles; returns the registry and a list of
    (char offset, Person) for every entity mention in order."""
    reg = Registry()
    order = []
    doc_text = doc.text  # Doc.text joins every token on each call: once, not once per entity
    for ent in doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG"):
            if not (label in ("NORP", "GPE", "PRODUCT", "LOC") and len(ent) == 1 and ent[0].pos_ == "PROPN"
                    and reg.find(name_tokens(ent.text), "PERSON") is not None):
                continue
            label = "PERSON"  # "Schuh is aware ..." tagged NORP: the surname of a person named before
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]  # "the Parole Board of Canada's logic": the name without its possessive
        if label == "PERSON" and not name_tokens(text):
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
        for w in _WORD.findall(text):
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
            order.append((ent.start_char, p))
    return reg, order


def _titled_name(text: str) -> bool:
    """A title word followed by one or two capitalised words that end the name, or a known first
    name and a surname: a person ("Hereditary Chief Na'moks", "Mark Rautio")."""
    words = _WORD.findall(text)

    def name_like(ws):
        return all(w[:1].isupper() and w.lower() not in ORG_NOUNS and w.lower() not in GROUP_NOUNS for w in ws)
    if 2 <= len(words) <= 4 and gender_of(words[0]) and name_like(words):
        return True
    return any(k >= 0 and words[k].lower().strip(".") in HONORIFICS and words[k][:1].isupper()
               and name_like(words[k + 1:]) for k in (len(words) - 2, len(words) - 3))


def _most_recent(order, offset, pred):
    best = None
    for off, p in order:
        if off >= offset:
            break
        if pred(p):
            best = p
    return best


def resolve(raw_quotes, doc, text):
    """Attach a Person (or None) to every RawQuote; returns (registry, [Person|None per quote])."""
    reg, order = build_registry(doc)
    subjects = subject_mentions(doc, order, reg)
    speakers = []
    last: Optional[Person] = None
    last_para = -10
    for q in raw_quotes:
        p = None
        src = q.source_token
        if q.floating or src is None and q.source is None:
            p = last if (last is not None and q.paragraph - last_para <= 3) else None
            if p is None:  # no recent speaker: the person named last before the quote
                p = _most_recent(order, q.start, lambda pp: pp.kind == "PERSON")
        elif q.source is not None:
            s, e = q.source
            src_text = text[s:e]
            words = name_tokens(src_text)
            low = src_text.lower().strip()
            head = src.lower_ if src is not None else low.split()[-1] if low else ""
            owner = _document_owner(src) if src is not None and src.lower_ in DOCUMENT_NOUNS else None
            if src is not None and src.pos_ == "PRON" and src.lower_ in PERSONAL_PRONOUNS \
                    or low in MALE | FEMALE | PLURAL | {"i", "we"}:
                p = _resolve_pronoun(head if src is not None else low, q, last, last_para, order, subjects, text)
            elif src is not None and any(c.dep_ == "conj" for c in src.children) and " and " in src_text:
                # several people speaking together: one GROUP speaker that "they" can refer to
                p = reg.add(src_text, "GROUP", (s, e))
                order.append((s, p))
                order.sort(key=lambda x: x[0])
            elif owner is not None and owner.pos_ == "PRON":
                # "her statement said": the statement's author is who "her" refers to
                p = _resolve_pronoun(owner.lower_, q, last, last_para, order, subjects)
            elif owner is not None:
                # "The RCMP statement said", "the union's release said": the owner speaks
                s2, e2 = owner.left_edge.idx, owner.idx + len(owner.text)
                p = next((pp for off, pp in order if s2 <= off < e2 + 1), None) or \
                    _resolve_role(text[s2:e2] if text[s2:e2].lower().startswith("the") else "the " + owner.text,
                                  s2, order, None)
            else:
                ent_p = None
                # "UN organizations": the head is a common noun, so the speaker is the phrase
                head_named = (src is None or src.ent_type_ in ("PERSON", "ORG") or src.pos_ == "PROPN"
                              or any(m == (s, e) for pp in reg.people for m in pp.mentions))
                if head_named and any(s <= off < e for off, _ in order):
                    ent_p = next((pp for off, pp in order if s <= off < e), None)
                if ent_p is None and words and src is not None and src.pos_ == "PROPN":
                    ent_p = reg.find(words)
                if ent_p is None:
                    ent_p = _resolve_role(src_text, s, order, last, subjects)
                p = ent_p
                if p is None and src is not None and src.pos_ == "PROPN":
                    # a name NER missed: register it so later mentions merge with it
                    p = reg.add(src_text, "PERSON", (s, e))
                    if p is not None:
                        order.append((s, p))
                        order.sort(key=lambda x: x[0])
                if p is not None and (s, e) not in p.mentions:
                    p.mentions.append((s, e))
            if p is not None and src is not None and src.pos_ == "PRON" and p.kind == "PERSON" and not p.gender:
                if src.lower_ in MALE:
                    p.gender = "m"
                elif src.lower_ in FEMALE:
                    p.gender = "f"
        speakers.append(p)
        if p is not None:
            last, last_para = p, q.paragraph
            if q.source is not None:
                bisect.insort(subjects, (q.source[0], id(p), p))
    return reg, speakers


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
            p = _resolve_role(np, tok.idx, order, None)
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


def _document_owner(src):
    """Who stands behind a document that "says": its owner ("the union's release", "the RCMP
    statement", "her statement") or its named origin ("a release from UFCW Local 832", "the most
    recent numbers from Statistics Canada", "a study by the institute")."""
    for c in src.children:
        if c.dep_ in ("poss", "compound") and (c.pos_ in ("PROPN", "NOUN") or c.lower_ in _POSSESSIVES):
            return c
    for c in src.children:
        if c.dep_ in ("prep", "acl"):
            for g in c.subtree:
                if g.dep_ == "pobj" and g.head.lower_ in ("from", "by", "of") and (
                        g.ent_type_ in ("ORG", "PERSON") or g.pos_ == "PROPN"):
                    return g
    return None



def _resolve_role(src_text, offset, order, last, subjects=None) -> Optional[Person]:
    """"the Leader", "the minister", "the team": the most recent person given that role; for a
    person role with no such person, the previous speaker when there is one."""
    words = [w.lower() for w in _WORD.findall(src_text)]
    if not words or words[0] not in ("the", "this", "that"):
        return None
    role = next((w for w in reversed(words) if w in ROLE_NOUNS), None)
    if role is None:
        if words[-1] in ORG_NOUNS and len(words) == 2:
            # "the union": the organisation named with that word ("... Employees Union"); a generic
            # kind ("the company", "the agency") may be the last organisation named at all
            kind = words[-1]
            named = _most_recent(order, offset, lambda pp: pp.kind == "ORG" and any(
                kind == w.lower() for n in pp.names for w in n))
            if named is not None or kind not in GENERIC_ORG_NOUNS:
                return named
            if last is not None and last.kind == "ORG":
                return last  # "Facebook said ... The company noted": the organisation speaking
            return _most_recent(order, offset, lambda pp: pp.kind == "ORG")
        return None
    p = _most_recent(order, offset, lambda pp: pp.roles.get(role, offset) < offset)
    if p is None and subjects:
        # nobody was given the role by name: a description of someone just talked about ("Jones
        # scored. ... said the rookie defenceman"), the person subject of the last sentences
        recent = [pp for off, _, pp in subjects if offset - 400 <= off < offset and pp.kind == "PERSON"]
        p = recent[-1] if recent else None
    if p is None and len(words) <= 3:
        p = last if last is not None and last.kind == "PERSON" else None
    return p


def _lead_person(q, text, order, compatible) -> Optional[Person]:
    """The one compatible person named in the text that leads into a direct quote in its paragraph
    (since the last quotation mark, at most 250 characters), or None."""
    lead_start = max(text.rfind("\n", 0, q.start) + 1, q.start - 250)
    lead_start = max([lead_start] + [text.rfind(m, lead_start, q.start) + 1 for m in ('"', "“", "”")])
    if len(text[lead_start:q.start].split()) < 3:
        return None
    named = {id(pp): pp for off, pp in order if lead_start <= off < q.start and compatible(pp)}
    return next(iter(named.values())) if len(named) == 1 else None


def _resolve_pronoun(pron, q, last, last_para, order, subjects, text=None) -> Optional[Person]:
    def compatible(p):
        if pron in MALE:
            return p.kind == "PERSON" and p.gender != "f"
        if pron in FEMALE:
            return p.kind == "PERSON" and p.gender != "m"
        if pron in PLURAL:
            return p.kind in ("ORG", "GROUP")
        if pron == "it":
            return p.kind == "ORG"
        return p.kind == "PERSON"

    if pron == "i" or pron == "we":
        return last if last is not None and q.paragraph - last_para <= 2 else None
    # the most recent compatible subject before the statement (its quote or its pronoun), close by
    anchor = min(q.start, q.source[0]) if q.source else q.start
    if q.is_direct and text is not None and anchor == q.start:
        # “...,” he says -- right after a sentence that introduced one person ("... for accountant
        # Babatunji Farinloye, 50. “I had ...,” he says"): that person speaks
        p = _lead_person(q, text, order, compatible)
        if p is not None:
            return p
    recent = [p for off, _, p in subjects if anchor - 600 <= off < anchor and compatible(p)]
    if recent:
        return recent[-1]
    if last is not None and q.paragraph - last_para <= 3 and compatible(last):
        return last
    return _most_recent(order, anchor, compatible)
