"""The research pages: /dashboard (the corpus in a period, or one outlet), /outlets and
/outlets/{name}, and /dashboard.csv (the numbers of any chart of those and of a speaker page).

The figures are research.py's; this module reads the request, checks the filters once and renders.
A wrong filter is the page again with the reason (400); the CSV route answers it as one line.
"""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from ..corpus.export import to_csv
from ..errors import SearchSyntaxError
from ..store.base import StatementCounts, checked_dates
from .research import BUILDERS, TOP_SPEAKERS, View, figures, outlet_link

router = APIRouter(include_in_schema=False)
TABLE_ROWS = 200  # rows of a chart's table shown on the page; the CSV has them all
TIMELINE = 300  # statements listed on a speaker page (the first in time); the charts count them all


def _render(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
    ctx.setdefault("stats", request.app.state.store.stats())
    ctx.setdefault("table_rows", TABLE_ROWS)
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


def checked_view(since: str, until: str, outlet: str = "", speaker: str = "", top: int = TOP_SPEAKERS) -> View:
    """The view with its dates as full days, or SearchSyntaxError naming the wrong one."""
    dates = checked_dates(since, until)
    if dates["since"] and dates["until"] and dates["since"] > dates["until"]:
        raise SearchSyntaxError(f"since {since!r} is after until {until!r}: the period is empty")
    return View(since=dates["since"], until=dates["until"], outlet=outlet.strip() or None,
                speaker=speaker.strip() or None, top=top)


def _outlets(store, view: View) -> list[dict]:
    """The outlets with statements in the view's period, the most first (the outlet selector)."""
    return [r for r in store.statement_counts(StatementCounts(("outlet",), since=view.since, until=view.until))
            if r["outlet"]]


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, since: str = "", until: str = "", outlet: str = "",
                   top: int = Query(TOP_SPEAKERS, ge=1, le=10)):
    store = request.app.state.store
    form = {"since": since, "until": until, "outlet": outlet, "top": top}
    try:
        view = checked_view(since, until, outlet, top=top)
    except SearchSyntaxError as exc:
        return _render(request, "dashboard.html", 400, form=form, error=str(exc), figures=[], outlets=[])
    return _render(request, "dashboard.html", form=form, error=None, view=view, outlets=_outlets(store, view),
                   figures=figures(store, "dashboard", view), outlet_link=outlet_link)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request):
    return _render(request, "outlets.html", outlets=_outlets(request.app.state.store, View()), outlet_link=outlet_link)


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet_page(request: Request, name: str, since: str = "", until: str = ""):
    store = request.app.state.store
    try:
        view = checked_view(since, until, outlet=name)
    except SearchSyntaxError as exc:
        raise HTTPException(400, str(exc)) from None
    if not any(r["outlet"] == view.outlet for r in _outlets(store, View())):
        raise HTTPException(404, "no statement of the corpus comes from an outlet of this name")
    return _render(request, "outlet.html", outlet_name=view.outlet, view=view, form={"since": since, "until": until},
                   figures=figures(store, "outlet", view))


@router.get("/dashboard.csv")
def chart_csv(request: Request, chart: str = "", view: str = "dashboard", since: str = "", until: str = "",
              outlet: str = "", speaker: str = "", top: int = Query(TOP_SPEAKERS, ge=1, le=10)):
    """One chart's numbers as CSV: `view` (dashboard | speaker | outlet) and its filters, `chart` its name."""
    if view not in BUILDERS:
        return PlainTextResponse(f"no view {view!r}; use one of: {', '.join(BUILDERS)}", status_code=400)
    if chart not in BUILDERS[view]:
        return PlainTextResponse(f"no chart {chart!r} on the {view} page; use one of: {', '.join(BUILDERS[view])}",
                                 status_code=404)
    if view != "dashboard" and not (speaker if view == "speaker" else outlet).strip():
        return PlainTextResponse(f"the {view} page's charts need the {view} parameter", status_code=400)
    try:
        v = checked_view(since, until, outlet, speaker if view == "speaker" else "", top)
    except SearchSyntaxError as exc:
        return PlainTextResponse(str(exc), status_code=400)
    fig = figures(request.app.state.store, view, v, [chart])[0]
    return Response(to_csv(fig.rows, columns=fig.columns), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="presswatch-{chart}.csv"'})


def speaker_figures(store, speaker_id: str) -> list:
    """The charts of a speaker page (pages.speaker_page shows them above the timeline)."""
    return figures(store, "speaker", View(speaker=speaker_id))


def outlet_href(name: Optional[str]) -> Optional[str]:
    return outlet_link(name)
