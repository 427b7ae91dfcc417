"""The /analyze form's request: its body read within a byte limit, its fields, and the Article they give.

The body is refused by its Content-Length before a byte of it is read, and counted as it streams in
(a client may send no length, or a false one), so a request never holds more than the limit plus one
chunk. Pasted text and uploaded files go through presswatch's own readers (ingest/): a .txt file or
pasted text as `presswatch analyze` reads a .txt file, an .html file through trafilatura as it reads
an .html file. Every refusal is a FormError with its status and a message saying what to do.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Optional

from starlette.requests import Request

from ..errors import InputError
from ..ingest import article_from_html, article_from_text
from ..ingest.decode import decode, normalise, one_line
from ..ingest.warn import check_published
from ..records import Article

FORM_OVERHEAD = 64 * 1024  # bytes of a form besides its text or file: other fields, multipart boundaries
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
META_FIELDS = ("title", "outlet", "published")
MAX_META_CHARS = 500


class FormError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def too_large(what: str, size: Optional[int], limit: int) -> FormError:
    shown = f"is {size:,} bytes, over" if size is not None else "is larger than"
    return FormError(413, f"{what} {shown} this server's limit of {limit:,} bytes; analyse a shorter text, "
                          f"or ask whoever runs the server to raise --analyze-max-bytes")


async def bounded_body(request: Request, limit: int) -> bytes:
    """The request's body, or a 413 FormError as soon as it is known to be over `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise FormError(400, "the request's Content-Length is not a number")
        if int(declared) > limit:
            raise too_large("the request", int(declared), limit)
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large("the request", None, limit)
        parts.append(chunk)
    return b"".join(parts)


async def form_of(request: Request, body: bytes, limit: int):
    """The form in `body` (multipart or urlencoded), parsed from the bytes already read."""
    from starlette.formparsers import MultiPartException

    async def replay():
        return {"type": "http.request", "body": body, "more_body": False}
    again = Request(request.scope, receive=replay)
    try:
        return await again.form(max_files=1, max_fields=len(META_FIELDS) + 4, max_part_size=limit)
    except MultiPartException as exc:
        raise FormError(400, f"the form could not be read ({exc}); send it from the page's form") from None


@dataclass
class Pasted:
    """What the form gives: the Article, and what the reader read but did not use."""
    article: Article
    warnings: list = field(default_factory=list)


def meta_of(form) -> dict:
    """The optional title, outlet and publication date, trimmed; empty ones left out (None)."""
    out = {}
    for name in META_FIELDS:
        value = form.get(name)
        value = " ".join(value.split()) if isinstance(value, str) else ""
        if len(value) > MAX_META_CHARS:
            raise FormError(400, f"the {name} is longer than {MAX_META_CHARS} characters; shorten it")
        out[name] = value or None
    return out


async def article_of(form, max_bytes: int) -> Pasted:
    """The Article of the form's pasted text or uploaded file (one of them), with the given metadata."""
    text = form.get("text")
    text = text if isinstance(text, str) and text.strip() else None
    upload = form.get("file")
    upload = upload if upload is not None and not isinstance(upload, str) and upload.filename else None
    if text and upload:
        raise FormError(400, "give either pasted text or a file, not both; clear one of them")
    if not text and not upload:
        raise FormError(400, "nothing to analyse: paste an article's text, or choose a .txt or .html file")
    meta, warnings = meta_of(form), []  # type: dict, list[str]
    try:
        if text:
            return Pasted(_pasted(text, max_bytes, meta, warnings.append), warnings)
        assert upload is not None
        data = await upload.read(max_bytes + 1)
        return Pasted(_uploaded(upload.filename, data, max_bytes, meta, warnings.append), warnings)
    except InputError as exc:
        raise FormError(400, one_line(str(exc))) from None


def _doc_id(kind: str, text: str) -> str:
    return f"{kind}-{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def _pasted(text: str, max_bytes: int, meta: dict, warn) -> Article:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise too_large("the pasted text", size, max_bytes)
    text = normalise(text, "the pasted text")  # a browser sends a textarea's line ends as \r\n
    check_published(meta["published"], "the pasted text", warn)
    given = {k: v for k, v in meta.items() if v is not None}
    return article_from_text(text, _doc_id("pasted", text), "pasted text", **given)


def _uploaded(filename: str, data: bytes, max_bytes: int, meta: dict, warn) -> Article:
    name = os.path.basename(filename.replace("\\", "/"))[:200] or "the file"
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise FormError(400, f"{name}: only .txt and .html files can be analysed here; save the article "
                             f"as one of them, or paste its text")
    if len(data) > max_bytes:
        raise too_large(name, None, max_bytes)
    origin = f"upload {name}"
    if suffix in HTML_SUFFIXES:
        markup = decode(data, name, html_charset=True)
        return article_from_html(markup, _doc_id("upload", markup), origin, warn=warn, **meta)
    text = decode(data, name)
    check_published(meta["published"], name, warn)
    given = {k: v for k, v in meta.items() if v is not None}
    return article_from_text(text, _doc_id("upload", text), origin, **given)
