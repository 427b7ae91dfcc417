"""HTML articles: main text and metadata through trafilatura, from the given markup only.

trafilatura is given the markup as a string and never a URL, so nothing is fetched.
"""
from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..records import Article
from .decode import normalise


def article_from_html(markup: str, doc_id: str, origin: str, **given) -> Article:
    """An Article from HTML markup. Fields in `given` (title, url, published, outlet, author) that
    are not None win over the page's metadata."""
    import trafilatura  # imported here: reading text or JSONL should not pay for it

    doc: Any = trafilatura.bare_extraction(markup, url=given.get("url"), with_metadata=True,
                                           include_comments=False, include_tables=False)  # a Document
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, "no article text found in the HTML; check that it is an article page, "
                                 "or give the text as plain text")
    text = normalise(doc.text or "", origin)
    meta = {"title": doc.title, "url": doc.url, "published": doc.date,
            "outlet": doc.sitename, "author": doc.author}
    meta.update({k: v for k, v in given.items() if v is not None})
    return Article(doc_id=doc_id, text=text, origin=origin, **meta)
