"""The research views in a real browser (Debian's chromium through Playwright): the dashboard, a
speaker page's charts and an outlet page draw their SVG charts with no console error and no CSP
violation, their numbers open with one click, the CSV downloads, and the chart labels link on.
Screenshots go to PRESSWATCH_SCREENSHOTS when it is set."""
import csv

import pytest
from corpus_fixtures import add_all, corpus, hostile, research_corpus, technique_corpus
from test_browser import _shot, browser  # noqa: F401 (the fixture; importing it skips where there is no browser)
from web_server import running


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from presswatch.store import open_store
    from presswatch.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('dash')}/corpus.db"
    with open_store(url) as store:
        add_all(store, research_corpus() + corpus() + technique_corpus() + [hostile()])
    with running(create_app(url)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def page(browser):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type in ("error", "warning") and
          not m.text.startswith("Failed to load resource") else None)  # those are in the responses below
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("response", lambda r: pg.problems.append(f"{r.status} {r.url}") if r.status >= 400
          and not r.url.endswith("/favicon.ico") else None)
    yield pg
    ctx.close()


def charts_drawn(page, names):
    for name in names:
        fig = page.locator(f"#fig-{name}")
        assert fig.locator("svg.chart title").first.text_content(), name
        box = fig.locator("svg.chart").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 30, (name, box)


def test_dashboard(server, page):
    page.goto(server + "/dashboard")
    charts_drawn(page, ["speakers-by-month", "outlets-by-month", "people", "organisations", "gender",
                        "techniques-by-outlet", "techniques-by-speaker", "checkworthy-by-outlet"])
    assert page.locator("#fig-people svg a text").first.text_content() == "Claire Dubois"
    assert "Gender Gap Tracker" in page.inner_text("#fig-gender .note")
    _shot(page, "dashboard")
    page.click("#fig-gender summary")
    assert page.locator("#fig-gender table tr").nth(1).inner_text().startswith("all outlets")
    with page.expect_download() as info:
        page.click("#fig-gender a.csv")
    rows = list(csv.DictReader(open(info.value.path(), encoding="utf-8")))
    assert rows[0]["outlet"] == "all outlets" and int(rows[0]["women"]) >= 3
    page.select_option("select[name=outlet]", "Daily Paper")
    page.fill("input[name=since]", "2024")
    page.click("form.period button")
    assert "Daily Paper" in page.inner_text("h1") and "from 2024-01-01" in page.inner_text("#period")
    _shot(page, "dashboard-outlet")
    page.goto(server + "/dashboard?since=1990&until=1991")
    assert page.locator(".fig svg.chart text.nodata").count() == 8
    _shot(page, "dashboard-empty")
    assert page.problems == [], page.problems  # no CSP violation, script error or missing file


def test_speaker_page_charts(server, page):
    page.goto(server + "/dashboard")
    page.click("#fig-people svg a:has-text('Claire Dubois')")
    page.wait_for_load_state("load")
    assert page.inner_text("h1") == "Claire Dubois"
    charts_drawn(page, ["speaker-months", "speaker-outlets", "speaker-techniques", "speaker-claims"])
    assert page.locator("#fig-speaker-techniques svg rect").count() >= 2
    _shot(page, "speaker-charts")
    page.click("#fig-speaker-outlets svg a:has-text('Daily Paper')")
    page.wait_for_load_state("load")
    assert page.inner_text("#outlet-name") == "Daily Paper"
    assert page.problems == [], page.problems


def test_outlet_page(server, page):
    page.goto(server + "/outlets")
    page.click("#outlets a:text('Daily Paper')")
    charts_drawn(page, ["outlet-months", "outlet-speakers", "outlet-gender", "outlet-techniques", "outlet-claims"])
    _shot(page, "outlet")
    page.click("#fig-outlet-speakers summary")
    assert "Claire Dubois" in page.inner_text("#fig-outlet-speakers table")
    page.click("#fig-outlet-speakers svg a:has-text('Claire Dubois')")
    page.wait_for_load_state("load")
    assert page.inner_text("h1") == "Claire Dubois"
    page.click("#timeline a[href^='/outlets/']")
    page.wait_for_load_state("load")
    assert page.locator("#outlet-name").count() == 1
    assert page.problems == [], page.problems
