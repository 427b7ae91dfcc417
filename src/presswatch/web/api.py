"""The JSON API (OpenAPI at /api/openapi.json). Lists come as JSON, or CSV with format=csv; /api/export
streams every match of a search as CSV or JSON lines."""
from __future__ import annotations

import json
from typing import Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..corpus.export import COLUMNS, csv_lines, jsonl_lines, to_csv
from ..corpus.names import query_keys
from ..errors import SearchSyntaxError
from ..store import Search
from ..store.base import TechniqueCounts, count_columns

router = APIRouter(prefix="/api", tags=["corpus"])
Format = Literal["json", "csv"]


def _csv(text: str, name: str) -> Response:
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _json(data) -> JSONResponse:
    """Plain data from the store (str, numbers, None, lists, dicts) as JSON, as FastAPI would write it,
    without its per-value encoding pass (measured: 1.3 of 2.1 ms CPU for an article, 1.8 of 9.5 ms
    for a search)."""
    return JSONResponse(data)


def _clean(row: dict) -> dict:
    out = {k: v for k, v in row.items() if k not in ("analysis", "spans", "n")}
    if isinstance(out.get("checks"), str):
        out["checks"] = json.loads(out["checks"])
    return out


Target = Literal["statements", "claims", "articles"]
Order = Literal["date", "relevance", "score"]


def search_of(q: str, target: str, speaker: str, outlet: str, since: str, until: str, order: str,
              technique: str = "", limit: int = 50, offset: int = 0) -> Search:
    """The Search of a request's parameters (the speaker given by name or id)."""
    return Search(q, speaker=speaker, speaker_keys=query_keys(speaker) if speaker else (), outlet=outlet,
                  since=since, until=until, target=target, order=order, limit=limit, offset=offset,
                  technique=technique)


@router.get("/search", summary="Search statements, claims or articles",
            description='Words, "a phrase", word OR word, -word, prefix*; filters by speaker (any name '
                        "variant or id), outlet, publication date and persuasion technique (statements "
                        "holding a span of it, PTC's name); order by date (newest first), relevance, or (claims) "
                        "check-worthiness score. A page holds at most 1000 hits: /api/export has every match. "
                        "A query that cannot be read is a 400 with the reason.")
def api_search(request: Request, q: str = "", target: Target = "statements", speaker: str = "", outlet: str = "",
               since: str = "", until: str = "", order: Order = "date", technique: str = "", limit: int = 50,
               offset: int = 0, format: Format = "json"):
    s = search_of(q, target, speaker, outlet, since, until, order, technique, limit, offset)
    try:
        page = request.app.state.store.search(s, facets=format == "json")
    except SearchSyntaxError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    if format == "csv":
        return _csv(to_csv(page.hits, target), "presswatch-search")
    return _json({"query": q, "target": target, "order": order, "total": page.total, "limit": limit,
                  "offset": offset, "hits": [{c: h.get(c) for c in COLUMNS[target]} for h in page.hits],
                  "facets": {k: [list(x) for x in v] for k, v in page.facets.items()},
                  "facets_counted_over": page.facet_sample})


@router.get("/techniques", summary="Persuasion techniques counted per speaker, outlet, month or technique",
            description="One row per group (by=speaker: speaker_id and speaker; outlet; month, YYYY-MM) and "
                        "technique, with the spans used by the speaker (inside a direct quote), by the outlet "
                        "(its own wording, reported speech included) and in all. Filters: technique (PTC's "
                        "name), speaker, outlet, since, until. A label marks rhetoric, not falsehood. A wrong "
                        "value is a 400 naming the allowed ones.")
def api_techniques(request: Request, by: str = "technique", technique: str = "", speaker: str = "",
                   outlet: str = "", since: str = "", until: str = "", format: Format = "json"):
    c = TechniqueCounts(by, technique=technique, speaker=speaker, outlet=outlet, since=since, until=until,
                        speaker_keys=query_keys(speaker) if speaker else ())
    try:
        rows = request.app.state.store.technique_counts(c)
    except SearchSyntaxError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    if format == "csv":
        return _csv(to_csv(rows, columns=count_columns(by)), f"presswatch-techniques-by-{by}")
    return _json({"by": by, "technique": technique or None, "counts": rows})


@router.get("/export", summary="Every match of a search, streamed as CSV or JSON lines",
            description="The parameters of /api/search without limit and offset: every match in its order, "
                        "written as it is read (no cap, nothing held whole in memory). A search that cannot "
                        "be read is a 400 with the reason, before any row.")
def api_export(request: Request, q: str = "", target: Target = "statements", speaker: str = "", outlet: str = "",
               since: str = "", until: str = "", order: Order = "date", technique: str = "",
               format: Literal["csv", "jsonl"] = "csv"):
    s = search_of(q, target, speaker, outlet, since, until, order, technique)
    try:
        rows = request.app.state.store.export(s)
    except SearchSyntaxError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    lines = csv_lines(rows, target) if format == "csv" else jsonl_lines(rows, target)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson; charset=utf-8"
    return StreamingResponse(_encoded(lines), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="presswatch-{target}.{format}"'})


def _encoded(lines, size: int = 1 << 16):
    """Lines as UTF-8 chunks of about `size` bytes (one write per chunk, not per row)."""
    buf, n = [], 0
    for line in lines:
        b = line.encode("utf-8", "surrogatepass")
        buf.append(b)
        n += len(b)
        if n >= size:
            yield b"".join(buf)
            buf, n = [], 0
    if buf:
        yield b"".join(buf)


@router.get("/articles/{article_id}", summary="An article with its statements, claims and full analysis")
def api_article(request: Request, article_id: str):
    a = request.app.state.store.article(article_id)
    if a is None:
        raise HTTPException(404, "no article with this id")
    out = _clean(a)
    out["analysis"] = json.loads(a["analysis"])
    out["statements"] = [_clean(s) for s in a["statements"]]
    out["claims"] = [_clean(c) for c in a["claims"]]
    out["techniques"] = [_clean(t) for t in a["techniques"]]
    return _json(out)


@router.get("/speakers", summary="Speakers, most quoted first")
def api_speakers(request: Request, limit: int = Query(200, ge=1, le=5000), format: Format = "json"):
    rows = request.app.state.store.speakers(limit)
    if format == "csv":
        return _csv(to_csv(rows, "speakers"), "presswatch-speakers")
    return _json(rows)


@router.get("/speakers/{speaker_id}", summary="A speaker, the names it goes by, and its statements oldest first")
def api_speaker(request: Request, speaker_id: str, format: Format = "json"):
    sp = request.app.state.store.speaker(speaker_id)
    if sp is None:
        raise HTTPException(404, "no speaker with this id")
    if format == "csv":
        return _csv(to_csv(sp["statements"]), f"presswatch-speaker-{speaker_id}")
    return _json(dict(sp, statements=[_clean(s) for s in sp["statements"]]))


@router.get("/statements/{statement_id}", summary="A statement and its provenance, earliest appearance first")
def api_statement(request: Request, statement_id: str, format: Format = "json"):
    st = request.app.state.store.statement(statement_id)
    if st is None:
        raise HTTPException(404, "no statement with this id")
    if format == "csv":
        return _csv(to_csv(st["provenance"]), f"presswatch-provenance-{statement_id}")
    return _json(dict(_clean(st), provenance=[_clean(p) for p in st["provenance"]]))


@router.get("/stats", summary="How many articles, statements, speakers and claims the corpus holds")
def api_stats(request: Request):
    return _json(request.app.state.store.stats())
