"""presswatch_techniques: spans of persuasion (nlp/techniques, PTC's 14 classes) on doc._.techniques,
each with its calibrated confidence and who uses it (the speaker of a direct quote, else the outlet)."""
from __future__ import annotations

from ..nlp.quotemarks import find_quoted
from ..nlp.techniques import find_techniques
from ..nlp.techniques.attribution import attribute
from ..options import Options
from .article import article_text
from .base import Step


class TechniquesStep(Step):
    name = "presswatch_techniques"

    def run(self, doc, options: Options) -> None:
        if not options.techniques:
            doc._.techniques = []
            return
        quotes = doc._.quotes or []
        statements = [(c["start"], c["end"], q["kind"]) for q in quotes for c in q["content"]]
        quoted = find_quoted(doc.text)  # read by the features and by who uses a span: found once
        found = [t for t in find_techniques(doc, statements, quoted) if t["confidence"] >= options.technique_floor]
        doc._.techniques = attribute(article_text(doc), found, quotes, quoted)
