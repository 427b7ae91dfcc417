"""RSS and Atom feeds (feedparser), from a file or an http(s) URL: one Article per entry.

An entry's article is its full content when the feed carries it, else its summary; the linked page
is not fetched. The entry's link, title, date and the feed's title (as outlet) become metadata.
"""
from __future__ import annotations

import re
import time
import urllib.request
from typing import Iterator, Optional, Union

from ..errors import InputError
from ..records import Analysis, Article
from .decode import normalise, one_line
from .depth import flatten, is_deep
from .warn import Warn, log_warning, quoted

FEED_SUFFIXES = (".rss", ".atom", ".xml")
TIMEOUT = 30
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_BLOCK = re.compile(r"(?i)<\s*(br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def fetch(url: str, limit: int) -> bytes:
    """The feed's bytes (at most `limit`), or InputError saying what failed."""
    req = urllib.request.Request(url, headers={"User-Agent": "presswatch feed reader"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:  # noqa: S310 (http and https only)
            data = resp.read(limit + 1)
    except Exception as exc:  # URLError, HTTPError, timeouts, refused connections
        raise InputError(url, f"cannot be fetched ({one_line(exc)}); check the URL and the network") from None
    if len(data) > limit:
        raise InputError(url, f"is larger than the limit of {limit:,} bytes; raise PRESSWATCH_MAX_BYTES")
    return data


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment: scripts and styles dropped, blocks on their own lines."""
    import lxml.html
    from lxml_html_clean import Cleaner

    if "<" not in fragment:
        return fragment
    fragment = _BLOCK.sub(lambda m: m.group(0) + "\n", fragment)
    try:
        if is_deep(fragment):  # libxml2 would drop all after its depth limit (ingest/depth.py)
            fragment = flatten(fragment)
        tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
        tree = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(tree)
        text = tree.text_content()
    except Exception:  # lxml refuses some broken fragments: keep the text between tags
        text = re.sub(r"<[^>]*>", " ", fragment)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _date(entry, origin: str, warn: Warn) -> Optional[str]:
    """The entry's date (published, else updated); one feedparser cannot read is warned about."""
    t = entry.get("published_parsed") or _own(entry, "updated_parsed")
    if t:
        return time.strftime("%Y-%m-%d", t)
    raw = entry.get("published") or _own(entry, "updated")
    if raw and str(raw).strip():
        warn(f"{origin}: the entry's date {quoted(raw)} is not a date feedparser can read; the entry "
             f"has no published date (write it as RFC 822, e.g. Tue, 05 Mar 2024 10:00:00 GMT, or ISO 8601)")
    return None


def _no_bad_char_refs(data: bytes, name: str, warn: Warn) -> bytes:
    """The feed with each numeric character reference that is no character (&#xD800;, &#x110000;)
    made U+FFFD: feedparser raises on them, which would lose every entry of the feed."""
    bad: list[str] = []

    def fix(m: re.Match) -> bytes:
        hexa, dec = m.group(1), m.group(2)
        digits = (hexa or dec).lstrip(b"0")
        value = 0x110000 if len(digits) > 8 else int(hexa, 16) if hexa is not None else int(dec)
        if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            bad.append(m.group(0).decode("ascii"))
            return b"&#xFFFD;"
        return m.group(0)

    if b"&#" not in data:
        return data
    data = _CHAR_REF.sub(fix, data)
    if bad:
        warn(f"{name}: {len(bad)} character reference{'s' * (len(bad) != 1)} to no character "
             f"({quoted(', '.join(bad[:5]))}) read as U+FFFD")
    return data


def _own(entry, key: str):
    """entry[key] if the entry has it (feedparser's .get("updated...") falls back to "published..."
    with a DeprecationWarning)."""
    return entry[key] if key in entry else None


def read_feed(data: bytes, name: str, stem: str, warn: Warn = log_warning) -> Iterator[Union[Article, Analysis]]:
    """Articles from the bytes of an RSS or Atom document; `name` is the file or URL it came from."""
    import feedparser

    data = _no_bad_char_refs(data, name, warn)
    try:  # no sanitize_html: html_text keeps only text, and feedparser's style cleaning is quadratic
        parsed = feedparser.parse(data, sanitize_html=False)  # (a 20 kB style attribute: 3 s, 100 kB: 70 s)
    except Exception as exc:  # feedparser raises on some inputs (ValueError from chr() for &#x110000;)
        yield Analysis.failed(stem, f"{name}: cannot be read as a feed ({one_line(exc)}); give an RSS or Atom feed",
                              name)
        return
    if not parsed.entries:
        why = f" ({one_line(parsed.get('bozo_exception'))})" if parsed.get("bozo") else ""
        yield Analysis.failed(stem, f"{name}: no feed entries found{why}; give an RSS or Atom feed", name)
        return
    outlet = parsed.feed.get("title") or None
    for i, e in enumerate(parsed.entries, 1):
        origin = f"{name}#{i}"
        doc_id = str(e.get("id") or e.get("link") or f"{stem}-{i}")
        body = (e.get("content") or [{}])[0].get("value") or e.get("summary") or ""
        try:
            text = normalise(html_text(body), origin)
        except InputError:
            yield Analysis.failed(doc_id, f"{origin}: the entry has no text (no content or summary)", origin)
            continue
        title = html_text(e.get("title") or "") or None
        yield Article(doc_id=doc_id, text=text, title=title, url=e.get("link") or None,
                      published=_date(e, origin, warn),
                      outlet=outlet, author=e.get("author") or None, origin=origin)
