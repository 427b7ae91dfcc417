"""Cross-site request forgery defences for the app's one write route (POST /analyze).

Three checks, each enough against a forged form on another site, all required:
- a signed double-submit token: the form page sets a random nonce in a cookie and puts
  HMAC(key, nonce) in a hidden field; a POST needs both, matching. The key is made when the server
  starts (so a restart turns old forms away) and never leaves it; another site can read neither the
  cookie nor the page, and cannot compute the field for a cookie it planted.
- the cookie is SameSite=Strict and HttpOnly: a browser sends it with no request another site starts.
- the request's Origin (or, without one, its Referer) must be this server's own origin. The form
  page is served with `Referrer-Policy: same-origin` (the app's default is no-referrer, under which
  a browser sends `Origin: null` with a POST).
No page runs a script, so nothing here needs one.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Optional
from urllib.parse import urlsplit

COOKIE = "presswatch_csrf"
FIELD = "csrf_token"
_NONCE = re.compile(r"^[0-9a-f]{32}$")
FORM_REFERRER_POLICY = "same-origin"


def new_key() -> bytes:
    return secrets.token_bytes(32)


def nonce_of(cookies) -> Optional[str]:
    """The nonce of the request's cookie when it has the right shape, else None."""
    value = cookies.get(COOKIE) or ""
    return value if _NONCE.match(value) else None


def new_nonce() -> str:
    return secrets.token_hex(16)


def token_for(key: bytes, nonce: str) -> str:
    return hmac.new(key, b"presswatch-analyze|" + nonce.encode("ascii"), hashlib.sha256).hexdigest()


def token_ok(key: bytes, nonce: Optional[str], token: object) -> bool:
    if not nonce or not isinstance(token, str):
        return False
    return hmac.compare_digest(token_for(key, nonce), token)


def cookie_header(nonce: str, path: str, secure: bool) -> str:
    """The Set-Cookie value holding `nonce`: sent back only to `path`, never to a script or another site."""
    return f"{COOKIE}={nonce}; Path={path}; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")


def _origin(url: str) -> Optional[str]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def foreign_origin(headers, own: str) -> Optional[str]:
    """Why the request does not come from a page of this server (`own`: "http://host:port"), or None
    when its Origin, or without one its Referer, is this server's origin."""
    origin = headers.get("origin")
    if origin is not None:
        if _origin(origin) == own.lower():
            return None
        return f"the request comes from another origin ({origin[:100]})"
    referer = headers.get("referer")
    if referer is not None:
        return None if _origin(referer) == own.lower() else "the request comes from a page of another site"
    return "the request says neither where it comes from (no Origin header) nor which page sent it (no Referer)"
