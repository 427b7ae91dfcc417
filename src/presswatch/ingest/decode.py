"""Bytes to article text, refusing what is not text: empty, binary, not UTF-8, too large.

Every refusal is an InputError whose reason is one line saying what to do. The text returned has a
UTF-8 byte order mark removed and line ends normalised to "\\n" (Windows "\\r\\n" and old Mac
"\\r"): character offsets in the output are into this normalised text.
"""
from __future__ import annotations

import os

from ..errors import InputError

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def one_line(s: object) -> str:
    """Reasons end up in one JSONL field and one stderr line: no newlines in them."""
    return " ".join(str(s).split())


def read_limited(path: str, limit: int) -> bytes:
    """The bytes of `path`, refused when over `limit` bytes without reading more than limit + 1."""
    try:
        size = os.stat(path).st_size
        if size > limit:  # cheap refusal for regular files
            raise InputError(path, _too_large(size, limit))
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)  # FIFOs and /dev/* report size 0: check what we read too
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(path, "no such file or directory; check the path") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory that could not be listed") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({one_line(exc.strerror or exc)}); check its permissions") from None
    if len(data) > limit:
        raise InputError(path, _too_large(None, limit))
    return data


def _too_large(size, limit: int) -> str:
    what = f"is {size:,} bytes, over" if size is not None else "is larger than"
    return f"{what} the limit of {limit:,} bytes; split it into smaller files or raise PRESSWATCH_MAX_BYTES"


def decode(data: bytes, source: str, html_charset: bool = False) -> str:
    """Decode an input's bytes as UTF-8 text, or raise InputError naming the problem and the remedy."""
    if not data:
        raise InputError(source, "is empty; give a file that holds the article text")
    if data.startswith(UTF16_BOMS):
        raise InputError(source, "is UTF-16 encoded; re-encode it as UTF-8 "
                                 "(e.g. iconv -f UTF-16 -t UTF-8)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(source, f"looks like a binary file (NUL byte at byte {nul:,}); "
                                 f"give plain text, HTML or JSONL")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data) if html_charset else None
        if declared is None:
            raise InputError(source, f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset "
                                     f"{exc.start:,}); re-encode it as UTF-8 "
                                     f"(e.g. iconv -f latin1 -t UTF-8)") from None
        text = declared
    return normalise(text, source)


def normalise(text: str, source: str) -> str:
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "holds only whitespace; give a file that holds the article text")
    return text


def _declared_charset(data: bytes) -> str | None:
    """HTML saved from the web may declare another charset (<meta charset=...>): honour it."""
    import re

    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    if not m:
        return None
    try:
        return data.decode(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
