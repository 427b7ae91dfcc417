"""The web app in a real browser: Debian's headless chromium driven by Playwright.

Search, facets, article view, exports, and the proof that a hostile article (scripts, event
handlers, javascript: links in its title, URL, body and quotes) renders inert, also with the
Content-Security-Policy header stripped, so the escaping alone is shown to hold.
Skipped where chromium or Playwright is missing, unless PRESSWATCH_REQUIRE_BROWSER=1 (CI sets it).
"""
import json
import os
import time

import pytest
from corpus_fixtures import add_all, corpus, hostile
from web_server import running

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not os.environ.get("PRESSWATCH_REQUIRE_BROWSER"):
    pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over a SQLite corpus, served as `presswatch serve` serves it on a free loopback port."""
    from presswatch.store import open_store
    from presswatch.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('web')}/corpus.db"
    with open_store(url) as store:
        add_all(store, corpus() + [hostile()])
    with running(create_app(url)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(accept_downloads=True)
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    pg.unroute_all(behavior="ignoreErrors")
    ctx.close()


def test_search_facets_and_article(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", "enemies")
    page.click("button[type=submit]")
    assert page.inner_text("#total").startswith("3 statements")
    page.click("text=Tehran Times")
    assert page.inner_text("#total").startswith("1 statement,")
    page.click(".hit a[href^='/articles/']")
    assert page.inner_text("#title") == "Leader speaks on Quds Day"
    marked = page.locator("#text a.st")
    assert marked.count() == 2 and "enemies of Iran" in marked.first.inner_text()
    assert page.locator("#text .cl.v-supported").count() == 1
    marked.first.click()
    assert "appearance" in page.inner_text("h2")
    assert page.locator("#provenance .earliest").count() == 1


def test_search_error_shown(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", '"never closed')
    page.click("button[type=submit]")
    assert "unbalanced quotation mark" in page.inner_text("#search-error")


def test_exports(server, page):
    page.goto(server + "/?q=enemies")
    with page.expect_download() as info:
        page.click("#export-csv")
    path = info.value.path()
    lines = open(path, encoding="utf-8").read().splitlines()
    assert lines[0].startswith("published,speaker,text") and len(lines) == 4
    page.goto(server + "/?q=enemies")
    page.click("#export-json")
    data = json.loads(page.inner_text("body"))
    assert data["total"] == 3 and len(data["hits"]) == 3


def _inert(page):
    found = page.evaluate("""() => ({
        pwned: window.__pwned || null,
        scripts: document.querySelectorAll('script').length,
        handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                   .filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
        jsLinks: [...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))
                   .filter(u => u.trim().toLowerCase().startsWith('javascript:')),
        frames: document.querySelectorAll('iframe,img,svg:not(.fig svg.chart)').length,  // the charts are ours
    })""")
    assert found == {"pwned": None, "scripts": 0, "handlers": [], "jsLinks": [], "frames": 0}, found
    assert page.dialogs == []


@pytest.mark.parametrize("strip_csp", [False, True], ids=["with-csp", "without-csp"])
def test_hostile_article_renders_inert(server, page, strip_csp):
    if strip_csp:  # prove the escaping alone: drop the policy that would block scripts anyway
        def no_csp(route):
            response = route.fetch()
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
            route.fulfill(status=response.status, headers=headers, body=response.body())
        page.route("**/*", no_csp)
    page.goto(server + "/?q=win")
    _inert(page)
    page.click(".hit a[href^='/articles/']")
    page.wait_for_load_state("load")
    _inert(page)
    assert page.inner_text("#title").startswith("<script>window.__pwned='title'")
    assert page.locator("#source").evaluate("e => e.tagName") == "SPAN"  # a javascript: URL is no link
    assert "<script>window.__pwned='body'" in page.inner_text("#text")
    page.click("#text a.st")
    _inert(page)
    page.click("a[href^='/speakers/']")
    _inert(page)
    time.sleep(0.3)  # give any timer or late handler the chance to fire
    assert page.dialogs == []


SHOTS = os.environ.get("PRESSWATCH_SCREENSHOTS")  # a folder: the pages below are saved there as PNG


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_search_targets_and_marked_words(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", "Khamenei")
    page.select_option("select[name=target]", "articles")
    page.select_option("select[name=order]", "relevance")
    page.click("button[type=submit]")
    assert page.inner_text("#total").startswith("3 articles")
    assert page.locator(".hit .title").first.inner_text() == "Khamenei repeats warning"
    assert page.locator(".hit .title .hl").first.inner_text() == "Khamenei"
    assert page.locator(".hit .snippet .hl").count() >= 3
    _shot(page, "articles")
    page.click(".hit .title a")
    assert page.inner_text("#title") == "Khamenei repeats warning"


def test_chips_and_facets(server, page):
    page.goto(server + "/?q=enemies")
    page.click("#facets a:text('Ali Khamenei')")
    assert page.inner_text("#total").startswith("2 statements")
    assert page.input_value("input[name=speaker]") == "Ali Khamenei"  # a name, not an id
    page.click("#facets a:text('Wire Service')")
    assert page.inner_text("#total").startswith("1 statement,")
    chips = page.locator("#chips .chip")
    assert [c.inner_text().replace("\n", " ") for c in chips.all()] == [
        "speaker: Ali Khamenei ×", "outlet: Wire Service ×", "clear all"]
    _shot(page, "chips")
    page.click("#chips .chip:text('speaker: Ali Khamenei')")
    assert page.inner_text("#total").startswith("1 statement,") and page.input_value("input[name=speaker]") == ""
    page.click("#chips .chip:text('outlet')")
    assert page.inner_text("#total").startswith("3 statements") and page.locator("#chips").count() == 0
    facets = page.inner_text("#facets")
    assert "counted over all 3 matches" in facets
    page.goto(server + "/?since=2024-13")
    assert "since '2024-13' is not a date" in page.inner_text("#search-error")
    page.goto(server + "/?q=enemies&page=9")
    assert "Page 9 is past the end" in page.inner_text("#past-end")
    _shot(page, "past-end")


def test_whole_export(server, page):
    page.goto(server + "/?q=enemies")
    with page.expect_download() as info:
        page.click("#export-jsonl")
    rows = [json.loads(x) for x in open(info.value.path(), encoding="utf-8")]
    assert len(rows) == 3 and {"confidence", "said_year", "said_basis", "speaker_kind"} <= set(rows[0])


def test_provenance_warning(server, page):
    page.goto(server + "/?q=enemies")
    page.click(".hit a:text('The enemies of Iran will not succeed in their plans!')")
    assert "also attributed to" in page.inner_text("#attribution-warning")
    assert page.locator("#provenance .earliest").count() == 1
    first = page.locator("#provenance tr").nth(1).inner_text()
    assert "2021-05-07" in first
    _shot(page, "provenance")
    page.click("a[href^='/speakers/']")
    assert "unda\n" not in page.inner_text("#timeline") and "published" in page.inner_text("#timeline")
    _shot(page, "speaker")


SAMPLES = os.path.join(os.path.dirname(__file__), "..", "samples")


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    """The project's own sample articles ingested by `presswatch ingest` (the real pipeline, the
    shipped technique model) and served; yields the URL and the article with the most techniques."""
    from presswatch.cli import main
    from presswatch.store import Search, open_store
    from presswatch.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('samples')}/corpus.db"
    with pytest.raises(SystemExit) as done:
        main(["ingest", SAMPLES, "--db", url])
    assert done.value.code == 0
    with open_store(url, readonly=True) as store:
        ids = [h["article_id"] for h in store.search(Search()).hits]
        best = max(ids, key=lambda i: len(store.article(i)["techniques"]))
        assert store.article(best)["techniques"], "the technique model found no span in samples/"
    with running(create_app(url)) as port:
        yield f"http://127.0.0.1:{port}", best


def test_article_shows_techniques_coloured_with_a_legend_and_a_filter(sample_server, page):
    from presswatch.nlp.techniques.definitions import DEFINITIONS
    base, aid = sample_server
    console, failed = [], []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") and
            not m.text.startswith("Failed to load resource") else None)  # those are in `failed`
    page.on("pageerror", lambda e: console.append(str(e)))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None)
    page.set_viewport_size({"width": 1200, "height": 1000})
    page.goto(f"{base}/articles/{aid}")
    spans = page.locator("#text .tq")
    assert spans.count() >= 1
    colour = spans.first.evaluate("e => getComputedStyle(e).textDecorationColor")
    line = spans.first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in line and colour not in ("", "rgb(34, 34, 34)")  # coloured by the stylesheet
    title = spans.first.get_attribute("title")
    assert "Confidence 0." in title or "Confidence 1." in title
    assert any(d in title for d in DEFINITIONS.values())
    legend = page.locator("#technique-legend li")
    assert legend.count() >= 1
    total = sum(int(legend.nth(i).locator(".n").inner_text()) for i in range(legend.count()))
    assert f"Persuasion techniques ({total})" in page.inner_text("#technique-legend h2")
    _shot(page, "article-techniques")
    chosen = legend.first.locator("a")
    cls = [c for c in chosen.get_attribute("class").split() if c.startswith("tq-")][0]
    chosen.click()
    page.wait_for_load_state("load")
    assert "?technique=" in page.url and page.locator("#technique-filter").count() == 1
    shown = page.locator("#text .tq")
    assert shown.count() >= 1 and shown.count() == page.locator(f"#text .tq.{cls}").count()
    page.click("#all-techniques")
    assert page.locator("#text .tq").count() == spans.count()
    assert console == [] and failed == [], (console, failed)  # no CSP violation, script error or missing file
