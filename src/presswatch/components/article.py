"""presswatch_article: the article's own facts on doc._.article (title, URL, given publication date,
outlet, dateline), from the `as_tuples` context or from what the user set on doc._.article before."""
from __future__ import annotations

from ..nlp.text import find_dateline, has_invisible
from ..options import Options
from ..records import Article
from .base import Step, context_of

FIELDS = ("doc_id", "title", "url", "published", "outlet", "author", "origin")


class ArticleStep(Step):
    name = "presswatch_article"

    def run(self, doc, options: Options) -> None:
        fill_article(doc)


def fill_article(doc) -> None:
    """doc._.article from the context, or from what the user set there, with the dateline."""
    ctx = context_of(doc)
    if "article" in ctx:
        given = ctx["article"]
    elif any(k in ctx for k in FIELDS):  # a user's context: the article's fields themselves
        given = ctx
    else:
        given = doc._.article or {}
    text = given.text if isinstance(given, Article) else given.get("text")
    facts = {k: getattr(given, k) if isinstance(given, Article) else given.get(k) for k in FIELDS}
    # the doc's text, unless the parser was given it with invisible characters as spaces (Doc.text
    # joins every token: it is read only when there is no other way to know)
    if text is not None and (has_invisible(text) or not isinstance(given, Article) and text != doc.text):
        facts["text"] = text
    text = text or doc.text
    dl = find_dateline(text)
    facts["dateline"] = list(dl) if dl else None
    doc._.article = facts


def ensure_article(doc) -> None:
    """The article's facts for a step that needs them where no presswatch_article ran before it."""
    if doc._.article is None:
        fill_article(doc)


def article_text(doc) -> str:
    """The article text the offsets point into: the doc's, unless the parser was given a copy with
    invisible characters made spaces (the same length)."""
    given = context_of(doc).get("article")
    if isinstance(given, Article):  # presswatch's own pipeline: the text is at hand
        return given.text
    facts = doc._.article or {}
    return facts.get("text") or doc.text


def article_of(doc) -> Article:
    """The article as a record (for the readers of a given publication date)."""
    facts = doc._.article or {}
    return Article(doc_id=facts.get("doc_id") or "", text=article_text(doc),
                   **{k: facts.get(k) for k in FIELDS if k != "doc_id"})
