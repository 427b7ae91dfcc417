"""HTML articles: main text and metadata through trafilatura, from the given markup only.

trafilatura is given the markup as a string and never a URL, so nothing is fetched. A page nested
deeper than libxml2 parses (ingest/depth.py) is flattened first, so the article inside is found;
every other page goes to trafilatura exactly as given.
"""
from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..records import Article
from .decode import normalise
from .depth import flatten, inspect


def article_from_html(markup: str, doc_id: str, origin: str, **given) -> Article:
    """An Article from HTML markup. Fields in `given` (title, url, published, outlet, author) that
    are not None win over the page's metadata."""
    import trafilatura  # imported here: reading text or JSONL should not pay for it

    _tree, deep = inspect(markup)
    source = _flattened(markup) if deep else markup
    doc: Any = trafilatura.bare_extraction(source, url=given.get("url"), with_metadata=True,
                                           include_comments=False, include_tables=False)  # a Document
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, "no article text found in the HTML; check that it is an article page, "
                                 "or give the text as plain text")
    text = normalise(doc.text or "", origin)
    meta = {"title": doc.title, "url": doc.url, "published": doc.date,
            "outlet": doc.sitename, "author": doc.author}
    meta.update({k: v for k, v in given.items() if v is not None})
    return Article(doc_id=doc_id, text=text, origin=origin, **meta)


def _flattened(markup: str) -> str:
    """The markup flattened, or as given if Python's HTML tokenizer cannot read it (then trafilatura
    reads what libxml2 parses of it, as it would anyway)."""
    try:
        return flatten(markup)
    except Exception:
        return markup
