"""Plain text articles: the whole text is the article; a headline-like first line is its title."""
from __future__ import annotations

from ..records import Article

MAX_HEADLINE_CHARS = 150
MAX_HEADLINE_WORDS = 25


def headline(text: str) -> str | None:
    """The first non-blank line when it reads like a headline: short, and not a sentence ending
    in a period. The text keeps the line, so offsets stay into the file's text."""
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if len(lines) < 2:  # a one-line text is a body, not a headline
        return None
    first = lines[0]
    if len(first) > MAX_HEADLINE_CHARS or len(first.split()) > MAX_HEADLINE_WORDS:
        return None
    if first.endswith((".", ",", ";", ":")):
        return None
    return first


def article_from_text(text: str, doc_id: str, origin: str, **meta) -> Article:
    meta.setdefault("title", headline(text))
    return Article(doc_id=doc_id, text=text, origin=origin, **meta)
