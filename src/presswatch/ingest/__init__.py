"""Inputs to Articles: plain text, HTML, JSONL, RSS/Atom feeds (files or URLs), WARC crawls,
directories of them, and stdin ("-").

read_inputs never raises for a bad input: it yields Analysis.failed(doc_id, reason, origin) in
that input's place, with a one-line reason naming the input and what to do, and goes on. What is
read but not used (a blank JSONL line, a file of unknown type in a folder, a `published` value that
is not a date) goes to `warn` as one line (ingest/warn.py); warnings never change the results.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, Union

from ..errors import InputError
from ..options import DEFAULT_RUN
from ..records import Analysis, Article
from .decode import BOM, decode, one_line, read_limited
from .feeds import FEED_SUFFIXES, fetch, is_url, read_feed
from .html import article_from_html
from .jsonl import RepeatedIds, read_jsonl
from .paths import SUFFIXES, expand, file_stem
from .text import article_from_text, headline
from .warc import is_warc, read_warc
from .warn import Warn, log_warning

__all__ = ["read_inputs", "read_path", "read_stdin", "article_from_text", "article_from_html",
           "headline", "SUFFIXES", "Warn", "log_warning"]

STDIN = "-"
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")

Item = Union[Article, Analysis]


def read_inputs(paths: Iterable[Union[str, os.PathLike]], stdin=None, max_bytes: int = DEFAULT_RUN.max_bytes,
                warn: Warn = log_warning, repeated_ids: RepeatedIds = "warn") -> Iterator[Item]:
    """Articles from each path in order ("-" reads `stdin`, default sys.stdin); an input over
    `max_bytes` (RunOptions.max_bytes) is refused; warnings go to `warn`, one line each. A doc_id
    repeated in a JSONL file with another text is warned about, or with `repeated_ids="error"` a
    failed record for that line (ingest/jsonl.py)."""
    limit = max_bytes
    for path in paths:
        path = os.fspath(path)
        if path == STDIN:
            yield from read_stdin(sys.stdin if stdin is None else stdin, limit, warn, repeated_ids)
            continue
        if is_url(path):  # an RSS or Atom feed on the web
            try:
                yield from read_feed(fetch(path, limit), path, file_stem(path), warn)
            except InputError as exc:
                yield Analysis.failed(path, one_line(str(exc)), path)
            continue
        try:
            files = expand(path, warn)
        except InputError as exc:
            yield Analysis.failed(file_stem(path), one_line(str(exc)), path)
            continue
        for f in files:
            yield from read_path(f, limit, warn, repeated_ids)


def read_path(path: str, limit: int = DEFAULT_RUN.max_bytes, warn: Warn = log_warning,
              repeated_ids: RepeatedIds = "warn") -> Iterator[Item]:
    """The articles of one file, chosen by its suffix; an unknown suffix is read as plain text."""
    stem, suffix = file_stem(path), os.path.splitext(path)[1].lower()
    if is_warc(path):
        yield from read_warc(path, limit, warn=warn)  # the whole file: the range [0, size)
        return
    if suffix in JSONL_SUFFIXES:
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield Analysis.failed(stem, one_line(f"{path}: cannot be read ({exc.strerror or exc}); "
                                                 f"check the path and its permissions"), path)
            return
        with fh:
            yield from read_jsonl(fh, path, stem, limit, warn, repeated_ids)
        return
    try:
        data = read_limited(path, limit)
        if suffix in FEED_SUFFIXES:
            yield from read_feed(data, path, stem, warn)
            return
        is_html = suffix in HTML_SUFFIXES
        text = decode(data, path, html_charset=is_html)
        if is_html:
            yield article_from_html(text, stem, path, warn=warn)
        else:
            yield article_from_text(text, stem, path)
    except InputError as exc:
        yield Analysis.failed(stem, one_line(str(exc)), path)


def read_stdin(stream, limit: int, warn: Warn = log_warning, repeated_ids: RepeatedIds = "warn") -> Iterator[Item]:
    """stdin is JSONL when its first non-blank character is "{", else one plain-text article."""
    name = "<stdin>"
    stream = _binary(stream)
    head = b""
    while True:  # read until the first non-blank byte (or the end) to choose the format
        chunk = stream.read(1 << 14) if len(head) <= limit else b""
        head += chunk
        body = head.removeprefix(BOM).lstrip()
        if body or not chunk:
            break
    if body.startswith(b"{"):
        yield from read_jsonl(_Prefixed(head, stream), name, "stdin", limit, warn, repeated_ids)
        return
    try:
        data = head + stream.read(max(0, limit + 1 - len(head)))
        if len(data) > limit:
            raise InputError(name, f"is larger than the limit of {limit:,} bytes; "
                                   f"split the input or raise PRESSWATCH_MAX_BYTES")
        yield article_from_text(decode(data, name), "stdin", name)
    except InputError as exc:
        yield Analysis.failed("stdin", one_line(str(exc)), name)


def _binary(stream):
    """The byte stream under `stream`: a text stream's .buffer, or its text re-encoded."""
    if isinstance(stream.read(0), bytes):
        return stream
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    import io
    return io.BytesIO(stream.read().encode("utf-8"))


class _Prefixed:
    """A byte stream with bytes already read from it put back in front (readline only)."""

    def __init__(self, head: bytes, rest):
        self._head, self._rest = head, rest

    def readline(self, size: int = -1) -> bytes:
        if self._head:
            cut = self._head.find(b"\n") + 1 or len(self._head)
            if size >= 0:
                cut = min(cut, size)
            line, self._head = self._head[:cut], self._head[cut:]
            if line.endswith(b"\n") or (size >= 0 and len(line) >= size) or self._head:
                return line
            return line + self._rest.readline(-1 if size < 0 else size - len(line))
        return self._rest.readline(size)
