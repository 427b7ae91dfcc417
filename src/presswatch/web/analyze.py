"""The /analyze page (`presswatch serve --analyze`): paste an article's text or upload a .txt or .html
file and see it analysed, marked as a stored article is, without building a corpus.

The app's one write route. It exists only when the server is started with --analyze (else /analyze
is a 404 and no route accepts a POST); a POST passes the checks of csrf.py, its body is bounded
(upload.py), and its analysis runs in a worker process with a time limit (analysis_pool.py). Nothing
is stored unless the server runs with --analyze-store: then the article is stored as `presswatch
ingest` stores it (once: the same text again is the stored article) and the page links to it.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Optional

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..errors import PresswatchError, SettingError
from ..options import DEFAULT, Options
from . import csrf
from .analysis_pool import AnalysisPool, Busy, TimedOut
from .upload import FORM_OVERHEAD, FormError, Pasted, article_of, bounded_body, form_of

PATH = "/analyze"
router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class AnalyzeSettings:
    """How `serve --analyze` runs the page: the analysis Options, whether to store, the limits.
    `key` signs the forms' tokens: made when the settings are, shared by the server's workers."""
    options: Options = DEFAULT
    store: bool = False  # --analyze-store: store each analysed article
    max_bytes: int = 1_000_000  # --analyze-max-bytes: the largest text or file
    workers: int = 1  # analyses at once (worker processes)
    queue: int = 4  # analyses waiting for a worker; past them "busy, try again"
    timeout: float = 60.0  # --analyze-timeout: seconds one analysis may run
    key: bytes = field(default_factory=csrf.new_key, repr=False)

    def __post_init__(self):
        for name, low in (("max_bytes", 1), ("workers", 1), ("queue", 0), ("timeout", 0.1)):
            if getattr(self, name) < low:
                raise SettingError(f"serve --analyze: {name} must be at least {low}, not {getattr(self, name)!r}")


def install(app, settings: AnalyzeSettings, write_store) -> None:
    """Add the page to `app`: its routes, its worker pool, the store it writes to (or None)."""
    app.state.analyze = settings
    app.state.analysis_pool = AnalysisPool(settings.options, settings.workers, settings.queue, settings.timeout)
    app.state.write_store = write_store
    app.state.write_lock = threading.Lock()  # one article stored at a time: who is who is recomputed after each
    app.state.templates.env.globals["analyze_on"] = True
    app.include_router(router)
    app.router.add_event_handler("startup", app.state.analysis_pool.warm)
    app.router.add_event_handler("shutdown", app.state.analysis_pool.close)


def _form_page(request: Request, status: int = 200, error: Optional[str] = None,
               values: Optional[dict] = None, warnings=()) -> HTMLResponse:
    """The form, with `error` above it and the fields as sent; it sets the token's cookie when the
    browser has none."""
    from .pages import _render

    settings: AnalyzeSettings = request.app.state.analyze
    nonce = csrf.nonce_of(request.cookies)
    fresh = nonce is None
    nonce = nonce or csrf.new_nonce()
    response = _render(request, "analyze.html", status, error=error, values=values or {}, warnings=warnings,
                       token=csrf.token_for(settings.key, nonce), field=csrf.FIELD, settings=settings,
                       limit=f"{settings.max_bytes:,}")
    _page_headers(response)
    if fresh:
        response.headers.append("set-cookie", csrf.cookie_header(nonce, PATH, request.url.scheme == "https"))
    return response


def _page_headers(response) -> None:
    response.headers["Referrer-Policy"] = csrf.FORM_REFERRER_POLICY  # else a browser's POST says Origin: null
    response.headers["Cache-Control"] = "no-store"  # the page holds a token and maybe a pasted text


@router.get(PATH, response_class=HTMLResponse)
def analyze_form(request: Request):
    return _form_page(request)


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


async def _checked_form(request: Request, settings: AnalyzeSettings):
    """The form of a POST that passed every check; a FormError else."""
    why = csrf.foreign_origin(request.headers, _own_origin(request))
    if why:
        raise FormError(403, f"This form was not sent from this server's own page: {why}. "
                             f"Open {PATH} on this server and send the form from there.")
    limit = settings.max_bytes + FORM_OVERHEAD
    form = await form_of(request, await bounded_body(request, limit), limit)
    if not csrf.token_ok(settings.key, csrf.nonce_of(request.cookies), form.get(csrf.FIELD)):
        raise FormError(403, "This form has expired or did not come from this server's page (its security "
                             "token is missing or wrong, or the server restarted since the page was opened). "
                             "The form below is fresh: send it again.")
    return form


@router.post(PATH, response_class=HTMLResponse)
async def analyze_post(request: Request):
    settings: AnalyzeSettings = request.app.state.analyze
    values: dict = {}
    try:
        form = await _checked_form(request, settings)
        values = {k: v for k, v in form.items() if isinstance(v, str) and k != csrf.FIELD}  # shown again on an error
        pasted = await article_of(form, settings.max_bytes)
    except FormError as exc:
        return _form_page(request, exc.status, exc.message, values)
    try:
        analysis, stored = await request.app.state.analysis_pool.run(lambda: _analyse(request.app, pasted))
    except Busy as exc:
        response = _form_page(request, 503, f"Busy: {exc}", values)
        response.headers["Retry-After"] = "30"
        return response
    except TimedOut as exc:
        return _form_page(request, 504, str(exc).capitalize(), values)
    except PresswatchError as exc:
        return _form_page(request, 500, str(exc).capitalize(), values)
    if analysis.status != "ok":
        return _form_page(request, 422, f"The text could not be analysed: {analysis.error}", values)
    return _result_page(request, pasted, analysis, stored, date_given=bool(values.get("published", "").strip()))


def _analyse(app, pasted: Pasted):
    """On a thread of the pool: the Analysis, then (with --analyze-store) the article stored."""
    from ..corpus.ingest import store_analysed

    analysis = app.state.analysis_pool.analyze(pasted.article)
    stored = None
    if app.state.write_store is not None and analysis.status == "ok":
        with app.state.write_lock:
            stored = store_analysed(app.state.write_store, pasted.article, analysis, f"web {PATH}: {pasted.article.origin}")
    return analysis, stored


def _result_page(request: Request, pasted: Pasted, analysis, stored, date_given: bool) -> HTMLResponse:
    """The article marked as the article page marks a stored one (pages.article_view); a date the
    form did not give is said to be a guess (from the text, or by trafilatura from an HTML page)."""
    from ..corpus.rows import as_stored, to_rows
    from .pages import _render, article_view

    view = article_view(as_stored(to_rows(pasted.article, analysis)), links=stored is not None)
    response = _render(request, "analyze_result.html", warnings=pasted.warnings, stored=stored,
                       origin=pasted.article.origin, date_given=date_given, **view)
    _page_headers(response)
    return response
