"""RawQuote: one statement as the finders make it, still pointing at tokens (the cue verb, the
source head) for speaker resolution; the components turn it into plain records (docs/design.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional

Kind = Literal["direct", "indirect", "mixed"]


@dataclass
class RawQuote:
    content: list  # [(start, end)] character spans
    cue: Optional[tuple]  # (start, end)
    cue_token: Optional[Any]  # spaCy Token of the cue verb, or None
    source_token: Optional[Any]  # head Token of the source noun phrase, or None
    source: Optional[tuple]  # (start, end) of the source as written; None with a source_token: the
    # subject is no source (a date, a number, a document nobody owns) and the statement stays unresolved
    is_direct: bool
    kind: Kind
    paragraph: int = 0
    confidence: float = 0.5
    floating: bool = False  # a direct quote with no cue: it continues the previous speaker
    fragments: list = field(default_factory=list)  # quoted fragments inside reported speech

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)
