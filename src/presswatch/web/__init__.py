"""The web app: read-only ASGI (FastAPI) over a store. create_app(db_url) -> app.

Pages are rendered on the server by Jinja2 with autoescaping; no page runs a script, and the
Content-Security-Policy forbids any. Only GET routes exist: nothing here writes to the store. The
one exception is opt-in: with `analyze` settings (`serve --analyze`) the /analyze page accepts a
POST (web/analyze.py), and stores what it analyses only with `analyze.store` (--analyze-store).
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def create_app(db_url: str | None = None, store=None, analyze=None):
    """The app serving the store at `db_url` (default: the db setting), or an open `store`; with
    `analyze` (web.analyze.AnalyzeSettings) the /analyze page too."""
    from fastapi import FastAPI
    from fastapi.templating import Jinja2Templates

    from ..store import open_store
    from . import api, pages
    from .safety import Guard, safe_url

    write_store = None
    if analyze is not None and analyze.store:  # opened first: it makes (and migrates) a corpus not there yet
        write_store = store or open_store(db_url)
    store = store or open_store(db_url, readonly=True)
    app = FastAPI(title="presswatch", version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Read-only JSON API over a presswatch corpus: search statements and claims, "
                              "read articles, speakers and statement provenance. Every list can be had as CSV.")
    app.state.store = store
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html
    templates.env.globals["safe_url"] = safe_url
    app.state.templates = templates

    app.add_middleware(Guard, internal_error=pages.internal_error)
    app.include_router(api.router)
    if analyze is not None:
        from . import analyze as analyze_page
        analyze_page.install(app, analyze, write_store)
        if write_store is not None and write_store is not store:
            app.router.add_event_handler("shutdown", write_store.close)
    app.include_router(pages.router)
    from . import dashboard
    app.include_router(dashboard.router)  # the research views: /dashboard, /outlets, charts' CSV
    templates.env.globals["outlet_link"] = dashboard.outlet_link
    pages.install_error_pages(app)
    app.router.add_event_handler("shutdown", store.close)
    return app
