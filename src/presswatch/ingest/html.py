"""HTML articles: main text and metadata through trafilatura, from the given markup only.

trafilatura is given the markup as a string and never a URL, so nothing is fetched. A page nested
deeper than libxml2 parses (ingest/depth.py) is flattened first, so the article inside is found;
every other page goes to trafilatura exactly as given. A publication date the page declares in a
<meta> tag that is not a date (trafilatura then leaves it out, or guesses another) is warned about.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from ..errors import InputError
from ..records import Article
from .decode import normalise
from .depth import flatten, inspect
from .warn import Warn, check_published, log_warning, quoted

# &#1; ... &#31; (not tab, newline, return): libxml2 puts the control character in the tree, which
# trafilatura's XML then refuses, so it finds no text at all
_CONTROL_REF = re.compile(r"&#(?:0*(?:1[124-9]|2[0-9]|3[01]|[1-8])(?![0-9])"
                          r"|[xX]0*(?:1[0-9a-fA-F]|[1-8bBcCeEfF])(?![0-9a-fA-F]));?")
# <meta property|name|itemprop="..."> naming the publication date (lower case)
PUBLISHED_META = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "pubdate",
    "publishdate", "publish-date", "publish_date", "publication_date", "sailthru.date", "parsely-pub-date"})


def article_from_html(markup: str, doc_id: str, origin: str, warn: Warn = log_warning, **given) -> Article:
    """An Article from HTML markup. Fields in `given` (title, url, published, outlet, author) that
    are not None win over the page's metadata."""
    tree, deep = inspect(markup)
    source = _flattened(markup) if deep else markup
    doc = _extract(source, given.get("url"))
    if _empty(doc) and _CONTROL_REF.search(source):  # retried without them: pages without are as before
        doc = _extract(_CONTROL_REF.sub("", source), given.get("url"))
    if _empty(doc):
        raise InputError(origin, "no article text found in the HTML; check that it is an article page, "
                                 "or give the text as plain text")
    text = normalise(doc.text or "", origin)
    meta = {"title": doc.title, "url": doc.url, "published": doc.date,
            "outlet": doc.sitename, "author": doc.author}
    meta.update({k: v for k, v in given.items() if v is not None})
    if given.get("published") is not None:
        check_published(given["published"], origin, warn)
    else:
        _check_page_dates(tree, doc.date, origin, warn)
    return Article(doc_id=doc_id, text=text, origin=origin, **meta)


def _extract(markup: str, url) -> Any:
    """trafilatura's Document (text and metadata) for the markup, or None."""
    import trafilatura  # imported here: reading text or JSONL should not pay for it

    return trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False)


def _empty(doc) -> bool:
    return doc is None or not (doc.text or "").strip()


def _flattened(markup: str) -> str:
    """The markup flattened, or as given if Python's HTML tokenizer cannot read it (then trafilatura
    reads what libxml2 parses of it, as it would anyway)."""
    try:
        return flatten(markup)
    except Exception:
        return markup


def _check_page_dates(tree, used, origin: str, warn: Warn) -> None:
    from ..nlp.publication import parse_given

    for key, value in _declared_dates(tree):
        date, year, _note = parse_given(value)
        if date is None and year is None:
            instead = f"trafilatura's {used} is used instead" if used else "the page gives no date"
            warn(f"{origin}: the page's published date {quoted(value)} (<meta {key}>) is not a date; {instead}")


def _declared_dates(tree) -> Iterator[tuple[str, str]]:
    """(key, value) of the <meta> tags of `tree` that declare a publication date."""
    if tree is None:
        return
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = (m.get("content") or "").strip()
        if key in PUBLISHED_META and value:
            yield key, value
