"""presswatch_pronouns: every third-person personal pronoun of the doc (he, she, him, her, his,
hers, they ...) with the PERSON entity mention it stands for, or None (nlp/pronouns/). Writes
doc._.pronouns: plain dicts with character offsets into doc.text:
{"pronoun": {start, end, text}, "antecedent": {start, end, text} | None, "score": float}.
Not one of presswatch's own steps: add it after the parser and the recognizer of any English
pipeline with nlp.add_pipe("presswatch_pronouns")."""
from __future__ import annotations

from typing import Optional

from ..nlp.pronouns import resolve
from ..options import Options
from .base import OnError, Step


class PronounsStep(Step):
    name = "presswatch_pronouns"

    def __init__(self, options: Options, on_error: OnError = "raise", threshold: Optional[float] = None):
        super().__init__(options, on_error)
        self.threshold = threshold

    def run(self, doc, options: Options) -> None:
        doc._.pronouns = [r.to_dict() for r in resolve(doc, threshold=self.threshold)]
