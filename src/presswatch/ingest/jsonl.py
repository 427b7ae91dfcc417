"""JSONL: one article per line, {"doc_id", "text" | "html", optional title/url/published/outlet/author}.

The file is streamed line by line, so the size limit (PRESSWATCH_MAX_BYTES) applies to each line,
not to the file: a corpus may be large. A bad line becomes a failed record naming `path:lineno` and
the other lines are still read. A line's "text" is used exactly as given (no line-end
normalisation), because scorers give offsets into that text. Blank lines hold no article: they are
skipped with one warning per file listing them; a `published` value that is not a date is kept and
warned about (ingest/warn.py). A doc_id given again in the same file is, for analyze
(`repeated_ids="warn"`), read again, silently for the same text and URL (PolNeAR repeats an article
once per annotator) and with a warning for another text or URL; for ingest (`"error"`) it is an
error for that line: the first is stored, nothing is overwritten.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Iterator, Literal, Optional, Union

from ..errors import InputError
from ..records import Analysis, Article
from .decode import BOM, one_line
from .html import article_from_html
from .warn import Warn, check_published, listed, log_warning, quoted

OPTIONAL = ("title", "url", "published", "outlet", "author")
CHUNK = 1 << 16
_SURROGATE = re.compile("[\ud800-\udfff]")  # what a JSON escape like \ud800 without its pair decodes to
RepeatedIds = Literal["warn", "error"]


def read_jsonl(stream, name: str, stem: str, limit: int, warn: Warn = log_warning,
               repeated_ids: RepeatedIds = "warn") -> Iterator[Union[Article, Analysis]]:
    """Articles from a binary stream of JSONL. `name` is how inputs are named in reasons ("a.jsonl"),
    `stem` the doc_id prefix for lines without one."""
    pos = 0
    blank: list[int] = []
    seen = _SeenIds(name)
    for lineno, raw, size in _lines(stream, limit):
        origin = f"{name}:{lineno}"
        fallback_id = f"{stem}-{lineno}"
        start, pos = pos, pos + size
        if raw is None:
            yield Analysis.failed(fallback_id, f"{origin}: the line is {size:,} bytes, over the limit of "
                                               f"{limit:,}; shorten the article or raise PRESSWATCH_MAX_BYTES",
                                  origin)
            continue
        if lineno == 1 and raw.startswith(BOM):
            raw, start = raw[len(BOM):], start + len(BOM)
        if not raw.strip():
            blank.append(lineno)  # no article in it: said once at the end of the file
            continue
        try:
            article = _article(raw, start, origin, fallback_id, warn)
        except InputError as exc:
            yield Analysis.failed(fallback_id, one_line(str(exc)), origin)
            continue
        repeated = seen.repeated(article, lineno)
        if repeated and repeated_ids == "error":
            yield Analysis.failed(article.doc_id, f"{origin}: {repeated[1]}; the first is kept: give each "
                                                  f"article its own doc_id", origin)
            continue
        if repeated and not repeated[0]:
            warn(f"{origin}: {repeated[1]}; both are analysed: give each article its own doc_id")
        yield article
    if pos == 0:
        warn(f"{name}: is empty; it holds no article")
    elif len(blank) == 1:
        warn(f"{name}:{blank[0]}: blank line skipped; each line of a JSONL file holds one article")
    elif blank:
        warn(f"{name}: {len(blank)} blank lines skipped (lines {listed(blank)}); each line of a JSONL file "
             f"holds one article")


def _no_surrogates(origin: str, fields: dict) -> None:
    """Refuse a string holding half of a UTF-16 surrogate pair (JSON "\\ud800" alone): it is no
    character, and no output could be written with it."""
    for name, value in fields.items():
        m = _SURROGATE.search(value) if isinstance(value, str) else None
        if m:
            raise InputError(origin, f'"{name}" holds \\u{ord(m.group()):04x} at character {m.start():,}, half of '
                                     f"a UTF-16 surrogate pair and no character; write the whole pair or remove it")


class _SeenIds:
    """The doc_ids of a file's articles so far: for each, its first line and a digest of its text
    and URL (about 150 bytes a line, not the texts)."""

    def __init__(self, name: str):
        self.name = name
        self.first: dict[str, tuple[int, bytes]] = {}

    def repeated(self, article: Article, lineno: int) -> Optional[tuple[bool, str]]:
        """None for a new doc_id; else (the same text and URL?, the repeat in words)."""
        digest = hashlib.blake2b(f"{article.url or ''}\0{article.text}".encode("utf-8", "surrogatepass"),
                                 digest_size=16).digest()
        line, first = self.first.setdefault(article.doc_id, (lineno, digest))
        if line == lineno:
            return None
        same = first == digest
        return same, (f"doc_id {quoted(article.doc_id)} was already given on line {line} of {self.name}, "
                      + ("for the same article" if same else "with another text or URL"))


def _lines(stream, limit: int):
    """(lineno, bytes, size) per line; bytes is None for a line over `limit`, which is skipped
    without ever holding more than limit + 1 of its bytes in memory."""
    lineno = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield lineno, raw, len(raw)
            continue
        size = len(raw)
        while not raw.endswith(b"\n"):
            raw = stream.readline(CHUNK)
            if not raw:
                break
            size += len(raw)
        yield lineno, None, size


def _article(raw: bytes, offset: int, origin: str, fallback_id: str, warn: Warn) -> Article:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte offset "
                                 f"{offset + exc.start:,} of the file); re-encode the file as UTF-8") from None
    try:
        d = json.loads(line.rstrip("\r\n"))  # without the line end: an open string is "Unterminated string"
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")  # "Unterminated string starting at", "Invalid control character at"
        raise InputError(origin, f"is not valid JSON ({what} at column {exc.colno}); "
                                 f"each line must be one JSON object") from None
    if not isinstance(d, dict):
        raise InputError(origin, f"is a JSON {type(d).__name__}, not an object; each line must be "
                                 f'an object like {{"doc_id": ..., "text": ...}}')
    doc_id = d.get("doc_id")
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError(origin, 'has no "doc_id"; give every line a "doc_id" field')
    doc_id = str(doc_id)
    meta = {k: str(d[k]) for k in OPTIONAL if d.get(k) not in (None, "")}
    text, markup = d.get("text"), d.get("html")
    _no_surrogates(origin, {"doc_id": doc_id, "text": text, "html": markup, **meta})
    if isinstance(text, str):
        if not text.strip():
            raise InputError(origin, '"text" is empty; give the article text')
        check_published(meta.get("published"), origin, warn)
        return Article(doc_id=doc_id, text=text, origin=origin, **meta)
    if isinstance(markup, str):
        return article_from_html(markup, doc_id, origin, warn=warn, **meta)
    if text is None and markup is None:
        raise InputError(origin, 'has neither "text" nor "html"; give the article in one of them')
    raise InputError(origin, '"text" (or "html") must be a string')
