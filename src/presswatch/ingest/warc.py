"""WARC and WARC.gz crawls (warcio): each HTTP 200 response record holding HTML becomes an Article,
its text and metadata read by trafilatura, its URL the record's target URI.

One reader for `presswatch ingest` (a whole file: the range [0, size)) and for a batch partition
(a byte range that starts at a record). Other records (requests, metadata, images, redirects) are
skipped; a record that cannot be read becomes a failed record and the file is read on; a truncated
file ends with one failed record.

Names, the same in both: an Article's doc_id is its target URI, else `STEM@OFFSET`; its origin is
`PATH#OFFSET`, OFFSET being the record's first byte (STEM: the file name without .warc/.warc.gz).
The failure that ends a truncated file is `STEM@OFFSET-end`, OFFSET the first byte of the first
record that cannot be read whole.
"""
from __future__ import annotations

import os
import re
from typing import Iterator, Optional, Union

from ..errors import InputError
from ..records import Analysis, Article
from .decode import decode, one_line
from .html import article_from_html
from .paths import file_stem
from .warn import Warn, log_warning

Item = Union[Article, Analysis]


def is_warc(path: str) -> bool:
    return path.lower().endswith((".warc", ".warc.gz"))


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w\-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def read_warc(path: str, limit: int, start: int = 0, end: Optional[int] = None,
              warn: Warn = log_warning) -> Iterator[Item]:
    """The HTML pages of the records of `path` that start in [start, end) (end None: the file's
    end), each page at most `limit` bytes; `start` must be a record's first byte."""
    stem = file_stem(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        name = stem if start == 0 else f"{stem}@{start}"
        yield Analysis.failed(name, f"{path}: cannot be read ({one_line(exc.strerror or exc)}); check the path", path)
        return
    with fh:
        end = os.fstat(fh.fileno()).st_size if end is None else end
        yield from _read_range(fh, path, stem, start, end, limit, warn)


def _read_range(fh, path: str, stem: str, start: int, end: int, limit: int, warn: Warn) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    last = nxt = start  # the last record's offset, and where the record after it starts
    fh.seek(start)
    records = ArchiveIterator(fh)
    try:
        for rec in records:
            ctype = _page_type(rec)
            body = rec.content_stream().read(limit + 1) if ctype is not None else b""
            last = records.get_record_offset()  # after reading the body: this reads to the record's end
            if last >= end:  # the first record of the next range
                break
            if _cut_short(rec):
                nxt = last  # this record is the first that cannot be read
                raise EOFError(f"the record at byte {last:,} is cut short")
            nxt = last + max(0, records.get_record_length())  # negative in a file gzipped whole
            if ctype is not None:
                yield _page(rec, body, ctype, f"{path}#{last}", f"{stem}@{last}", limit, warn)
    except Exception as exc:  # ArchiveLoadFailed, a truncated gzip member, ...
        yield _truncated(fh, path, stem, nxt, one_line(exc))
        return
    if last < end and _unread(fh, nxt, end):  # warcio ends quietly on a truncated last record
        yield _truncated(fh, path, stem, nxt, "what follows is not a complete record")


def _truncated(fh, path: str, stem: str, pos: int, why: str) -> Analysis:
    """The failure that ends a file unreadable from the record at `pos` (or after its blank lines:
    an uncompressed record's length leaves them out), named the same in every range."""
    fh.seek(pos)
    head = fh.read(8)
    pos += len(head) - len(head.lstrip(b"\r\n"))
    return Analysis.failed(f"{stem}@{pos}-end", f"{path}: the WARC file cannot be read past byte {pos:,} ({why}); "
                                                f"check that it is complete", path)


def _page_type(rec) -> str | None:
    """The Content-Type of an HTTP 200 response holding HTML; None for every other record."""
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    ctype = rec.http_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower() or rec.http_headers.get_statuscode() != "200":
        return None
    return ctype


def _cut_short(rec) -> bool:
    """warcio yields a record that the file's end cuts short as if it were whole: its header without
    the Content-Length every WARC record has, or less content than that declares."""
    return not rec.rec_headers.get_header("Content-Length") or getattr(rec.raw_stream, "limit", 0) > 0


def _page(rec, body: bytes, ctype: str, origin: str, unnamed: str, limit: int, warn: Warn) -> Item:
    url = rec.rec_headers.get_header("WARC-Target-URI")
    doc_id = url or unnamed
    try:
        if len(body) > limit:
            raise InputError(origin, f"the page is larger than the limit of {limit:,} bytes; "
                                     f"raise PRESSWATCH_MAX_BYTES")
        return article_from_html(_decode(body, origin, _charset(ctype)), doc_id, origin, warn=warn, url=url)
    except InputError as exc:
        return Analysis.failed(doc_id, one_line(str(exc)), origin)


def _unread(fh, pos: int, end: int) -> bool:
    """Whether bytes other than the blank lines that end a record lie in [pos, end)."""
    if end - pos > 8:
        return True
    fh.seek(pos)
    return bool(fh.read(max(0, end - pos)).strip(b"\r\n"))


def _decode(body: bytes, origin: str, charset: str | None) -> str:
    if charset and charset.lower().replace("-", "") != "utf8":
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, origin, html_charset=True)


def record_offsets(path: str) -> Iterator[int]:
    """The first byte of each record of a WARC file, in order, reading record headers only (a
    .warc.gz is decompressed on the way); ends quietly where the file stops being readable (the
    reader reports it there)."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for _ in records:
                yield records.get_record_offset()  # reads on to the record's end, content unread
    except Exception:  # truncated or not a WARC
        return
