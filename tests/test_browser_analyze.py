"""The /analyze page in a real browser (Debian's chromium through Playwright): paste one of the
project's sample articles, send the form as a researcher would, and see the marks and the legend,
with no console error, failed request or Content-Security-Policy violation on the way.
Skipped where chromium or Playwright is missing, unless PRESSWATCH_REQUIRE_BROWSER=1.
"""
import os

import pytest
from corpus_fixtures import add_all, corpus
from test_browser import _shot, browser, page  # noqa: F401 (fixtures)
from web_server import running

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "samples")
# recorded before any page script could run (Playwright adds it outside the page's CSP)
WATCH_CSP = ("window.__violations = []; document.addEventListener('securitypolicyviolation', "
             "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")


def sample(name):
    with open(os.path.join(SAMPLES, name), encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """Two servers over SQLite corpora: `serve --analyze`, and `serve --analyze --analyze-store`."""
    from presswatch.store import open_store
    from presswatch.web import create_app
    from presswatch.web.analyze import AnalyzeSettings

    url = f"sqlite:///{tmp_path_factory.mktemp('analyze')}/corpus.db"
    with open_store(url) as store:
        add_all(store, corpus())
    stored_url = f"sqlite:///{tmp_path_factory.mktemp('analyze-store')}/corpus.db"
    with running(create_app(url, analyze=AnalyzeSettings())) as port, \
            running(create_app(stored_url, analyze=AnalyzeSettings(store=True))) as stored_port:
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{stored_port}"


def watch(page):
    """The page's console errors and warnings, failed responses, and CSP violations, as lists."""
    seen = {"console": [], "failed": []}
    page.on("console", lambda m: seen["console"].append(m.text) if m.type in ("error", "warning") and
            not m.text.startswith("Failed to load resource") else None)  # those are in "failed"
    page.on("pageerror", lambda e: seen["console"].append(str(e)))
    page.on("response", lambda r: seen["failed"].append(f"{r.status} {r.url}") if r.status >= 400
            and not r.url.endswith("/favicon.ico") else None)
    page.add_init_script(WATCH_CSP)
    return seen


def test_paste_a_sample_and_see_it_marked_with_the_technique_legend(servers, page):  # noqa: F811
    base, _ = servers
    seen = watch(page)
    page.set_viewport_size({"width": 1200, "height": 1000})
    page.goto(base + "/")
    page.click("header a[href='/analyze']")
    assert page.inner_text("h1") == "Analyze an article" and "Nothing is stored" in page.inner_text("main")
    _shot(page, "analyze-form")
    page.fill("textarea[name=text]", sample("ottawa-transit-funding.txt"))
    page.fill("input[name=outlet]", "The Capital Record")
    page.fill("input[name=published]", "2024-03-05")
    _shot(page, "analyze-form-filled")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert page.inner_text("#title") == "Federal government pledges $2 billion for city transit"
    assert "not stored" in page.inner_text("#analyzed")
    statements = page.locator("#text .st")
    assert statements.count() >= 5 and "Commuters in Kingston" in page.inner_text("#text")
    assert "Claire Dubois: direct statement" in [statements.nth(i).get_attribute("title")
                                                 for i in range(statements.count())]
    assert page.locator("#text a").count() == 0  # nothing stored: no link to a page that is not there
    legend = page.locator("#technique-legend li")
    assert legend.count() >= 1
    assert page.locator("#text .tq").count() >= 1
    colour = page.locator("#text .tq").first.evaluate("e => getComputedStyle(e).textDecorationColor")
    assert colour not in ("", "rgb(34, 34, 34)")  # the stylesheet loaded and coloured it
    assert page.locator("#worth-checking").count() == 1
    _shot(page, "analyze-result")
    assert page.evaluate("window.__violations") == []
    assert seen == {"console": [], "failed": []}, seen


def test_upload_an_html_file_and_store_it_once(servers, page, tmp_path):  # noqa: F811
    _, base = servers
    seen = watch(page)
    body = "".join(f"<p>{p}</p>" for p in sample("harbour-council-vote.txt").split("\n")[1:] if p.strip())
    saved = tmp_path / "harbour.html"
    saved.write_text("<html><head><title>Harbour vote</title></head><body><nav>Home | Local</nav><article>"
                     f"<h1>{sample('harbour-council-vote.txt').splitlines()[0]}</h1>{body}</article></body></html>")
    page.set_viewport_size({"width": 1200, "height": 900})
    for attempt in ("first", "again"):
        page.goto(base + "/analyze")
        assert "stored" in page.inner_text("main")
        page.set_input_files("input[name=file]", str(saved))
        page.click("button[type=submit]")
        page.wait_for_load_state("load")
        assert page.locator("#text .st").count() >= 1
        expected = "Stored in the corpus" if attempt == "first" else "was stored before"
        assert expected in page.inner_text("#analyzed"), page.inner_text("main")[:500]
        assert "was not given in the form" in page.inner_text("#estimated-date")  # a guessed date: say so
        _shot(page, f"analyze-stored-{attempt}")
    page.click("#stored-link")
    page.wait_for_load_state("load")
    assert page.url.startswith(base + "/articles/") and page.locator("#text a.st").count() >= 1
    assert "1 articles" in page.inner_text("header")
    _shot(page, "analyze-stored-article")
    assert page.evaluate("window.__violations") == []
    assert seen == {"console": [], "failed": []}, seen


def test_a_form_sent_with_a_stale_token_gets_a_clear_page(servers, page):  # noqa: F811
    base, _ = servers
    page.goto(base + "/analyze")
    page.context.clear_cookies()  # as if the cookie had gone (another browser, a restart)
    page.fill("textarea[name=text]", "Ann Lee said the harbour would reopen.")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert "security token is missing or wrong" in page.inner_text("#analyze-error")
    _shot(page, "analyze-403")
    page.fill("textarea[name=text]", "Ann Lee said the harbour would reopen on Monday, the council said.")
    page.click("button[type=submit]")  # the fresh form works
    page.wait_for_load_state("load")
    assert page.locator("#text .st").count() >= 1
