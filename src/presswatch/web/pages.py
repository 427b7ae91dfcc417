"""The HTML pages: search with facets, article, speaker timeline, statement provenance."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote_plus, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..corpus.names import query_keys
from ..errors import SearchSyntaxError, StoreError
from ..nlp.techniques.definitions import DEFINITIONS, label
from ..nlp.techniques.model import TECHNIQUES
from ..store import Page, Search
from ..store.base import checked_technique
from .highlight import highlight, marked, marks_of, snippet, technique_class
from .safety import safe_url

router = APIRouter(include_in_schema=False)
PER_PAGE = 25


def _render(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
    ctx.setdefault("stats", request.app.state.store.stats())
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


FILTERS = ("speaker", "outlet", "since", "until")


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", target: str = "statements", order: str = "date", speaker: str = "",
                sid: str = "", outlet: str = "", since: str = "", until: str = "", technique: str = "",
                page: int = Query(1, ge=1, le=100_000)):
    """Search with facets. A speaker facet sets `sid` (the speaker's id) and the speaker box shows the
    name: sent back unchanged the id stays, edited the words typed are the filter."""
    store = request.app.state.store
    if speaker and not sid and store.speaker_name(speaker.strip()):  # an id in the speaker box (an old link)
        sid, speaker = speaker.strip(), ""
    sid_name = store.speaker_name(sid) if sid else None
    if sid and speaker.strip() and speaker.strip() != sid_name:
        sid, sid_name = "", None  # the name was edited: it is the filter now
    shown_speaker = sid_name or (sid if sid else speaker)
    s = Search(q, speaker=sid or speaker, speaker_keys=query_keys(speaker) if speaker and not sid else (),
               outlet=outlet, since=since, until=until, target=target, order=order, limit=PER_PAGE,
               offset=(page - 1) * PER_PAGE, technique=technique)
    params = {"q": q, "target": target, "order": order, "speaker": "" if sid else speaker, "sid": sid,
              "outlet": outlet, "since": since, "until": until, "technique": technique}
    link = _linker(params, page)
    try:
        result, error, status = store.search(s, facets=True), None, 200
    except SearchSyntaxError as exc:
        result, error, status = Page([], 0), str(exc), 400
    chips = [(name, value, link(page=None, **({"speaker": "", "sid": ""} if name == "speaker" else {name: ""})))
             for name, value in (("speaker", shown_speaker), ("outlet", outlet), ("since", since), ("until", until),
                                 ("technique", technique))
             if value]
    return _render(request, "search.html", status, s=s, page=result, error=error, link=link,
                   export=lambda fmt: _export_link(params, fmt), pageno=page, chips=chips,
                   speaker_box=shown_speaker, sid=sid, params=params, parsed=None if error else s.parsed,
                   marked=marked, snippet=snippet, pages=max(1, -(-result.total // PER_PAGE)),
                   techniques=[(t, label(t)) for t in TECHNIQUES])


def _linker(params: dict, page: int):
    """link(**changes): this search's URL with some parameters changed (None or "": left out)."""
    quoted = lru_cache(maxsize=None)(lambda v: quote_plus(str(v)))  # a page links the same values again and again

    def link(**changes):
        p = {**params, "page": page, **changes}
        defaults = {"page": 1, "order": "date"}
        return "/?" + "&".join(f"{k}={quoted(v)}" for k, v in p.items()
                               if (v not in (None, "") and defaults.get(k) != v) or k == "q")
    return link


def _export_link(params: dict, fmt: str) -> str:
    """Every match as CSV or JSON lines (/api/export), or this search's JSON (/api/search)."""
    p = {k: v for k, v in params.items() if v and k != "sid"}
    if params.get("sid"):
        p["speaker"] = params["sid"]
    if fmt == "json":
        return "/api/search?" + urlencode({**p, "limit": PER_PAGE})
    return "/api/export?" + urlencode({**p, "format": fmt})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, technique: str = "", min_confidence: str = Query("", alias="min")):
    """The article with every mark; `technique` (PTC's name) shows that technique's spans alone,
    `min` (0-1) only the technique spans of that confidence or more."""
    try:
        only = checked_technique(technique)
    except SearchSyntaxError as exc:
        raise HTTPException(400, str(exc)) from None
    floor = _confidence_floor(min_confidence)
    a = request.app.state.store.article(article_id)
    if a is None:
        raise HTTPException(404, "no article with this id")
    if floor:
        a = dict(a, techniques=[t for t in a["techniques"] if t["confidence"] >= floor])
    return _render(request, "article.html", **article_view(a, only, floor=floor))


CONFIDENCE_FLOORS = (0.1, 0.2, 0.3)  # the choices the article page links to (any 0-1 value works)


def _confidence_floor(given: str) -> float:
    """The `min` parameter as a number from 0 to 1 (empty: 0), or a 400 saying how to write it."""
    try:
        value = float(given) if given.strip() else 0.0
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise HTTPException(400, f"min={given!r}: give the lowest confidence to show, a number from 0 to 1")
    return value


def article_view(a: dict, only: str | None = None, links: bool = True, floor: float = 0.0) -> dict:
    """What article.html shows of an article as Store.article gives it (stored, or not yet: the
    /analyze page's): the marked text, claims, the technique legend (its links keep `floor`, the
    confidence the techniques were filtered at). Without `links` the page links to no stored
    statement or article (for an article that is not stored)."""
    body = highlight(a["text"], marks_of(a, only, links=links))
    claims = sorted(a["claims"], key=lambda c: -(c.get("score") or 0.0))  # the most check-worthy first
    return {"a": a, "body": body, "url": safe_url(a["url"]), "claims": claims,
            "legend": technique_legend(a["techniques"], floor), "only": only, "links": links, "floor": floor,
            "floors": [(f, "?" + urlencode({k: v for k, v in (("technique", only), ("min", f)) if v}))
                       for f in (0.0,) + CONFIDENCE_FLOORS]}


def technique_legend(techniques: list[dict], floor: float = 0.0) -> list[dict]:
    """Per technique found in the article, the most used first: its class, name, definition and
    the spans used by the speaker (in direct quotes) and by the outlet (its own wording)."""
    counts: dict = {}
    for t in techniques:
        n = counts.setdefault(t["technique"], [0, 0])
        n[0 if t["used_by"] == "speaker" else 1] += 1
    rows = [{"technique": name, "label": label(name), "cls": technique_class(name),
             "definition": DEFINITIONS.get(name, ""), "speaker": a, "outlet": b, "total": a + b,
             "link": "?" + urlencode({"technique": name, **({"min": floor} if floor else {})})}
            for name, (a, b) in counts.items()]
    return sorted(rows, key=lambda r: (-r["total"], r["technique"]))


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request):
    return _render(request, "speakers.html", speakers=request.app.state.store.speakers())


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker_page(request: Request, speaker_id: str):
    from .dashboard import TABLE_ROWS, TIMELINE, speaker_figures
    sp = request.app.state.store.speaker(speaker_id, limit=TIMELINE)
    if sp is None:
        raise HTTPException(404, "no speaker with this id")
    return _render(request, "speaker.html", sp=sp, figures=speaker_figures(request.app.state.store, sp["id"]),
                   table_rows=TABLE_ROWS)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement_page(request: Request, statement_id: str):
    st = request.app.state.store.statement(statement_id)
    if st is None:
        raise HTTPException(404, "no statement with this id")
    return _render(request, "statement.html", st=st, others=other_speakers(st))


def other_speakers(st: dict) -> list[str]:
    """The names the statement's provenance group attributes its words to besides the statement's
    own speaker, in order of appearance (a corpus speaker by id, else the name as written)."""
    def who(x):
        return x.get("speaker_id") or (x.get("speaker") or "").strip().lower() or None
    mine, seen, out = who(st), set(), []
    for p in st["provenance"]:
        key = who(p)
        if key and key != mine and key not in seen:
            seen.add(key)
            out.append(p.get("speaker") or key)
    return out


@router.get("/static/style.css")
def stylesheet():
    from . import HERE
    return Response((HERE / "static" / "style.css").read_bytes(), media_type="text/css")


def _wants_json(path: str) -> bool:
    return path.startswith("/api/")


def _plain_error(request_app, status: int, heading: str, message: str) -> HTMLResponse:
    """The error page without the store (which may be what failed): no counts in the header."""
    return HTMLResponse(request_app.state.templates.get_template("error.html").render(
        heading=heading, message=message, stats={}), status_code=status)


def internal_error(scope) -> Response:
    """The answer to an exception no handler took (the log has its traceback; the client gets none)."""
    message = "internal error: the server could not answer this request (its log says why)"
    if _wants_json(scope.get("path", "")):
        return JSONResponse({"error": message}, status_code=500)
    return _plain_error(scope["app"], 500, "500", message)


def validation_message(exc) -> str:
    """FastAPI's validation errors as one line: "query parameter limit: Input should be ..."."""
    parts = []
    for err in exc.errors()[:5]:
        where = [str(x) for x in err.get("loc", ())]
        name = f"{where[0]} parameter {'.'.join(where[1:])}" if len(where) > 1 else ".".join(where)
        parts.append(f"{name}: {err.get('msg', 'invalid')}".strip())
    return "; ".join(parts) or "the request is not valid"


def install_error_pages(app):
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    def wants_json(request):
        return _wants_json(request.url.path)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request, exc):
        message = validation_message(exc)
        if wants_json(request):
            return JSONResponse({"error": message, "detail": jsonable_errors(exc)}, status_code=422)
        return _plain_error(request.app, 422, "422", message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        if wants_json(request):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        try:
            return _render(request, "error.html", exc.status_code, heading=f"{exc.status_code}", message=exc.detail)
        except StoreError:
            return HTMLResponse(f"{exc.status_code}", status_code=exc.status_code)

    @app.exception_handler(StoreError)
    async def store_error(request, exc):
        if wants_json(request):
            return JSONResponse({"error": str(exc)}, status_code=503)
        return _plain_error(request.app, 503, "The corpus cannot be read", str(exc))


def jsonable_errors(exc) -> list:
    from fastapi.encoders import jsonable_encoder
    return jsonable_encoder(exc.errors())
