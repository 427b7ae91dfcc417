"""Untrusted values on their way into pages: links only to http(s), and the headers every response gets."""
from __future__ import annotations

import logging
from urllib.parse import urlsplit

log = logging.getLogger("presswatch.web")

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


class Guard:
    """ASGI middleware around the app: every HTTP response gets HEADERS (errors included), and an
    exception the app lets through is logged and answered with `internal_error(scope)` (a 500)
    as a complete response, so the server keeps the connection open for the client's next request.

    It sits inside Starlette's ServerErrorMiddleware, which would answer the same exception with a
    bare 500 that carries none of the headers, then re-raise it, and uvicorn closes a connection
    whose application raised after starting its response.
    """

    def __init__(self, app, internal_error):
        self.app = app
        self.internal_error = internal_error

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", ()))
                have = {k.lower() for k, _ in headers}
                headers += [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()
                            if k.lower().encode() not in have]
                message = dict(message, headers=headers)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("internal error answering %s %s", scope.get("method"), scope.get("path"))
            if started:  # part of the response is out: nothing sensible can follow it on this connection
                raise
            await self.internal_error(scope)(scope, receive, send_with_headers)
