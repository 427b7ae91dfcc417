"""Frozen records with character offsets into the article text; to_dict()/from_dict() define the JSON.

Nothing here holds a spaCy object: records outlive the Doc they came from and cross process
boundaries (Dask, the store) as plain data.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, Optional, overload

QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["PERSON", "ORG", "GROUP"]
PublicationBasis = Literal["given", "metadata", "dateline", "inferred"]
StatementBasis = Literal["stated", "context", "publication", "unknown"]
ClaimKind = Literal["quantity", "proportion", "vague quantity", "historical date", "calendar"]
Verdict = Literal["consistent", "inconsistent", "unverifiable"]
Status = Literal["ok", "error"]
UsedBy = Literal["speaker", "outlet"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @overload
    @classmethod
    def from_dict(cls, d: dict) -> "Span": ...

    @overload
    @classmethod
    def from_dict(cls, d: None) -> None: ...

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Span"]:
        return None if d is None else cls(int(d["start"]), int(d["end"]), d["text"])


def _span_or_none(s: Optional[Span]) -> Optional[dict]:
    return None if s is None else s.to_dict()


@dataclass(frozen=True)
class Article:
    """One article as read from an input: its text and what is known about it."""
    doc_id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # ISO date as given by the input or its metadata
    outlet: Optional[str] = None
    author: Optional[str] = None
    origin: Optional[str] = None  # where it was read from: path, path:line, "<stdin>"

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in
                ("doc_id", "text", "title", "url", "published", "outlet", "author", "origin")}

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        return cls(d["doc_id"], d["text"], **{k: d.get(k) for k in
                                              ("title", "url", "published", "outlet", "author", "origin")})


@dataclass(frozen=True)
class Publication:
    date: Optional[str] = None
    year: Optional[int] = None
    basis: Optional[PublicationBasis] = None
    place: Optional[str] = None  # the dateline place ("TEHRAN")

    def to_dict(self) -> dict:
        return {"date": self.date, "year": self.year, "basis": self.basis, "place": self.place}

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> "Publication":
        d = d or {}
        return cls(d.get("date"), d.get("year"), d.get("basis"), d.get("place"))


@dataclass(frozen=True)
class StatementTime:
    """When and on what occasion a statement was originally made, as the article states it."""
    date: Optional[str] = None
    year: Optional[int] = None
    occasion: Optional[str] = None
    text: Optional[str] = None
    basis: StatementBasis = "unknown"

    def to_dict(self) -> dict:
        return {"date": self.date, "year": self.year, "occasion": self.occasion,
                "text": self.text, "basis": self.basis}

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> "StatementTime":
        d = d or {}
        return cls(d.get("date"), d.get("year"), d.get("occasion"), d.get("text"), d.get("basis", "unknown"))


@dataclass(frozen=True)
class Quote:
    """One attributed statement: direct quote, reported speech, or reported speech with quoted fragments."""
    content: tuple[Span, ...]  # one span, or several for a quote interrupted by its cue
    source: Optional[Span]
    cue: Optional[Span]
    speaker: Optional[str]  # the resolved person or organisation (canonical name)
    is_direct: bool
    kind: QuoteKind = "indirect"
    speaker_id: Optional[str] = None
    statement_time: StatementTime = field(default_factory=StatementTime)
    confidence: float = 0.5

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)

    def with_(self, **changes) -> "Quote":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {
            "content": [s.to_dict() for s in self.content],
            "source": _span_or_none(self.source),
            "cue": _span_or_none(self.cue),
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "is_direct": self.is_direct,
            "kind": self.kind,
            "statement_time": self.statement_time.to_dict(),
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Quote":
        content = d["content"]
        if isinstance(content, dict):
            content = [content]
        return cls(
            content=tuple(Span.from_dict(s) for s in content),
            source=Span.from_dict(d.get("source")),
            cue=Span.from_dict(d.get("cue")),
            speaker=d.get("speaker"),
            is_direct=bool(d.get("is_direct")),
            kind=d.get("kind", "direct" if d.get("is_direct") else "indirect"),
            speaker_id=d.get("speaker_id"),
            statement_time=StatementTime.from_dict(d.get("statement_time")),
            confidence=float(d.get("confidence", 0.5)),
        )


@dataclass(frozen=True)
class Speaker:
    """A person or organisation of one article, with every mention that names it."""
    id: str
    name: str  # canonical: the fullest name used
    kind: SpeakerKind
    mentions: tuple[Span, ...] = ()
    gender: Optional[str] = None  # m | f, where the article says (a title, a first name, pronouns)
    gender_basis: Optional[str] = None  # title | first name | pronouns

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "mentions": [m.to_dict() for m in self.mentions],
                "gender": self.gender, "gender_basis": self.gender_basis}

    @classmethod
    def from_dict(cls, d: dict) -> "Speaker":
        return cls(d["id"], d["name"], d["kind"], tuple(Span.from_dict(m) for m in d.get("mentions", ())),
                   d.get("gender"), d.get("gender_basis"))


@dataclass(frozen=True)
class Entity:
    span: Span
    label: str
    id: Optional[str] = None  # the speaker id where the entity is a resolved speaker

    def to_dict(self) -> dict:
        return {"span": self.span.to_dict(), "label": self.label, "id": self.id}

    @classmethod
    def from_dict(cls, d: dict) -> "Entity":
        return cls(Span.from_dict(d["span"]), d["label"], d.get("id"))


@dataclass(frozen=True)
class TimeExpr:
    """A time expression of the text, normalised to a TIMEX3 value against the publication date."""
    span: Span
    value: str  # 2024-04-05, 2024-W13, 2023-10, 2021-SP, 2023-H1, 2024, 199, P6M, PT48H, PAST_REF ...
    precision: str  # day | week | month | season | quarter | half | year | decade | century | time | duration | set | reference
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    mod: Optional[str] = None  # APPROX | MORE_THAN | LESS_THAN | START | MID | END | ...
    anchor: Literal["none", "publication", "estimated", "unknown"] = "none"  # none: absolute; estimated: the publication date was inferred

    def to_dict(self) -> dict:
        return {"span": self.span.to_dict(), "value": self.value, "precision": self.precision,
                "type": self.type, "mod": self.mod, "anchor": self.anchor}

    @classmethod
    def from_dict(cls, d: dict) -> "TimeExpr":
        return cls(Span.from_dict(d["span"]), d["value"], d["precision"], d.get("type", "DATE"),
                   d.get("mod"), d.get("anchor", "none"))


@dataclass(frozen=True)
class Check:
    """One verdict on a claim, never without the evidence it rests on."""
    verdict: Verdict
    evidence: str
    checker: str = ""  # calendar | reference | facts
    reference: Optional[dict] = None  # the row compared with: {"value"|"date", "source", ...}

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "evidence": self.evidence, "checker": self.checker,
                "reference": self.reference}

    @classmethod
    def from_dict(cls, d: dict) -> "Check":
        return cls(d["verdict"], d["evidence"], d.get("checker", ""), d.get("reference"))


@dataclass(frozen=True)
class Claim:
    """A checkable claim: a quantity, proportion, vague quantity, historical date or calendar statement."""
    span: Span
    kind: ClaimKind
    stated: str  # what is claimed, in a few words ("more than 37000 people killed", "1980")
    value: Optional[float] = None  # the number, for quantities
    qualifier: Optional[str] = None  # more than | about | nearly | at least | ...
    counted: Optional[str] = None  # what is counted ("people killed")
    place: Optional[str] = None
    window: Optional[dict] = None  # {"text", "value"} of the time window ("about six months", "P6M")
    time: Optional[str] = None  # TIMEX3 value of the date the claim holds at or is about
    cited_source: Optional[Span] = None
    observance: Optional[str] = None  # calendar statements: the observance and its rule as stated
    rule: Optional[str] = None
    score: float = 0.0  # check-worthiness, 0..1: its sentence's (CheckworthySentence.score)
    checks: tuple[Check, ...] = ()
    statement: Optional[int] = None  # the index in Analysis.quotes of the statement it sits in
    speaker: Optional[str] = None  # that statement's speaker: who made the claim
    mentions: tuple[Span, ...] = ()  # where the article states the same fact again

    def with_(self, **changes) -> "Claim":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {"span": self.span.to_dict(), "kind": self.kind, "stated": self.stated, "value": self.value,
                "qualifier": self.qualifier, "counted": self.counted, "place": self.place,
                "window": self.window, "time": self.time, "cited_source": _span_or_none(self.cited_source),
                "observance": self.observance, "rule": self.rule, "score": round(self.score, 3),
                "checks": [c.to_dict() for c in self.checks], "statement": self.statement, "speaker": self.speaker,
                "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict) -> "Claim":
        return cls(Span.from_dict(d["span"]), d["kind"], d.get("stated", ""), d.get("value"), d.get("qualifier"),
                   d.get("counted"), d.get("place"), d.get("window"), d.get("time"),
                   Span.from_dict(d.get("cited_source")), d.get("observance"), d.get("rule"),
                   float(d.get("score", 0.0)), tuple(Check.from_dict(c) for c in d.get("checks", ())),
                   d.get("statement"), d.get("speaker"), tuple(Span.from_dict(m) for m in d.get("mentions") or ()))


@dataclass(frozen=True)
class CheckworthySentence:
    """A sentence worth a fact-checker's look: its check-worthiness (0..1, nlp/checkworthy) and the
    statement it sits in, with that statement's speaker."""
    span: Span
    score: float
    statement: Optional[int] = None  # index in Analysis.quotes
    speaker: Optional[str] = None

    def to_dict(self) -> dict:
        return {"start": self.span.start, "end": self.span.end, "text": self.span.text,
                "score": round(self.score, 4), "statement": self.statement, "speaker": self.speaker}

    @classmethod
    def from_dict(cls, d: dict) -> "CheckworthySentence":
        return cls(Span(d["start"], d["end"], d.get("text", "")), float(d.get("score", 0.0)), d.get("statement"),
                   d.get("speaker"))


@dataclass(frozen=True)
class Technique:
    """A span of persuasion (one of PTC's 14 techniques, nlp/techniques) and who uses it: inside a
    direct quote (or a quoted fragment of mixed speech) its speaker; inside reported speech the
    wording is the outlet's, reporting that statement's speaker; elsewhere the outlet's own voice."""
    span: Span
    technique: str  # PTC's name, e.g. "Loaded_Language", "Name_Calling,Labeling"
    confidence: float  # calibrated: the chance the span is a technique of this kind
    used_by: UsedBy = "outlet"
    statement: Optional[int] = None  # index in Analysis.quotes of the statement it sits in
    speaker: Optional[str] = None  # that statement's speaker (the user when used_by is "speaker")
    speaker_id: Optional[str] = None

    def to_dict(self) -> dict:
        return {"start": self.span.start, "end": self.span.end, "text": self.span.text,
                "technique": self.technique, "confidence": round(self.confidence, 3), "used_by": self.used_by,
                "statement": self.statement, "speaker": self.speaker, "speaker_id": self.speaker_id}

    @classmethod
    def from_dict(cls, d: dict) -> "Technique":
        return cls(Span(int(d["start"]), int(d["end"]), d.get("text", "")), d["technique"],
                   float(d.get("confidence", 0.0)), d.get("used_by", "outlet"), d.get("statement"),
                   d.get("speaker"), d.get("speaker_id"))


@dataclass(frozen=True)
class Analysis:
    """Everything presswatch found in one article, or why it could not."""
    doc_id: str
    status: Status = "ok"
    error: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    origin: Optional[str] = None
    publication: Publication = field(default_factory=Publication)
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    checkworthy: tuple[CheckworthySentence, ...] = ()  # best first
    techniques: tuple[Technique, ...] = ()  # in text order

    @classmethod
    def failed(cls, doc_id: str, error: str, origin: Optional[str] = None) -> "Analysis":
        return cls(doc_id=doc_id, status="error", error=error, origin=origin)

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "status": self.status,
            "error": self.error,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "origin": self.origin,
            "publication": self.publication.to_dict(),
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
            "entities": [e.to_dict() for e in self.entities],
            "claims": [c.to_dict() for c in self.claims],
            "times": [t.to_dict() for t in self.times],
            "checkworthy": [c.to_dict() for c in self.checkworthy],
            "techniques": [t.to_dict() for t in self.techniques],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Analysis":
        return cls(
            doc_id=d["doc_id"], status=d.get("status", "ok"), error=d.get("error"),
            title=d.get("title"), url=d.get("url"), outlet=d.get("outlet"), origin=d.get("origin"),
            publication=Publication.from_dict(d.get("publication")),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            speakers=tuple(Speaker.from_dict(s) for s in d.get("speakers", ())),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", ())),
            claims=tuple(Claim.from_dict(c) for c in d.get("claims", ())),
            times=tuple(TimeExpr.from_dict(t) for t in d.get("times", ())),
            checkworthy=tuple(CheckworthySentence.from_dict(c) for c in d.get("checkworthy") or ()),
            techniques=tuple(Technique.from_dict(t) for t in d.get("techniques") or ()),
        )
