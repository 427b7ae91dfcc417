"""Untrusted values on their way into pages: links only to http(s), and the headers every page gets."""
from __future__ import annotations

from urllib.parse import urlsplit

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,  # no script may run on any page, whatever an article holds
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def safe_url(url) -> str | None:
    """`url` when it is an absolute http(s) URL, else None (javascript:, data:, relative...)."""
    if not url:
        return None
    url = str(url).strip()
    if any(ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None
