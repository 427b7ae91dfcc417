"""WARC and WARC.gz crawls (warcio): each HTTP 200 response record holding HTML becomes an Article,
its text and metadata read by trafilatura, its URL the record's target URI.

Other records (requests, metadata, images, redirects) are skipped; a record that cannot be read
becomes a failed record and the file is read on; a truncated file ends with one failed record.
"""
from __future__ import annotations

import re
from typing import Iterator, Union

from ..errors import InputError
from ..records import Analysis, Article
from .decode import decode, one_line
from .html import article_from_html


def is_warc(path: str) -> bool:
    return path.lower().endswith((".warc", ".warc.gz"))


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w\-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def read_warc(path: str, stem: str, limit: int) -> Iterator[Union[Article, Analysis]]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Analysis.failed(stem, f"{path}: cannot be read ({one_line(exc.strerror or exc)}); check the path", path)
        return
    n = 0
    with fh:
        records = ArchiveIterator(fh)
        try:
            for rec in records:
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower() or rec.http_headers.get_statuscode() != "200":
                    continue
                n += 1
                url = rec.rec_headers.get_header("WARC-Target-URI")
                doc_id = url or f"{stem}-{n}"
                body = rec.content_stream().read(limit + 1)
                origin = f"{path}#{records.get_record_offset()}"  # after reading: it skips to the record's end
                try:
                    if len(body) > limit:
                        raise InputError(origin, f"the page is larger than the limit of {limit:,} bytes; "
                                                 f"raise PRESSWATCH_MAX_BYTES")
                    markup = _decode(body, origin, _charset(ctype))
                    yield article_from_html(markup, doc_id, origin, url=url)
                except InputError as exc:
                    yield Analysis.failed(doc_id, one_line(str(exc)), origin)
        except Exception as exc:  # ArchiveLoadFailed, a truncated gzip member, ...
            yield Analysis.failed(f"{stem}-end", f"{path}: the WARC file cannot be read past record {n} "
                                                 f"({one_line(exc)}); check that it is complete", path)


def _decode(body: bytes, origin: str, charset: str | None) -> str:
    if charset and charset.lower().replace("-", "") != "utf8":
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, origin, html_charset=True)
