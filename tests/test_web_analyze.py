"""The /analyze page of `presswatch serve --analyze`: paste or upload one article and see it marked.

The real pipeline runs (in the page's worker processes); the checks are the ones a write route
needs: the CSRF token, cookie and Origin; the body bounded by its Content-Length and by counting;
the readers' refusals as clear 400s; nothing stored unless asked, and then once; every text escaped.
"""
import os
import re
import socket
import time

import pytest
from corpus_fixtures import add_all, corpus
from web_server import running

pytest.importorskip("fastapi")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`")

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "samples")
SAMPLE = open(os.path.join(SAMPLES, "ottawa-transit-funding.txt"), encoding="utf-8").read()
ORIGIN = {"Origin": "http://testserver"}
LIMIT = 20_000  # the test servers' --analyze-max-bytes


def settings(**kw):
    from presswatch.web.analyze import AnalyzeSettings
    return AnalyzeSettings(**{"max_bytes": LIMIT, **kw})


@pytest.fixture(scope="module")
def store():
    from presswatch.store import open_store
    s = open_store("memory:")
    add_all(s, corpus())
    return s


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from presswatch.web import create_app
    with TestClient(create_app(store=store, analyze=settings())) as c:
        yield c


@pytest.fixture(scope="module")
def storing(tmp_path_factory):
    """A server with --analyze-store over a SQLite corpus that does not exist yet."""
    from fastapi.testclient import TestClient

    from presswatch.web import create_app
    url = f"sqlite:///{tmp_path_factory.mktemp('analyze')}/corpus.db"
    app = create_app(url, analyze=settings(store=True))
    with TestClient(app) as c:
        yield c, app


def token(client) -> str:
    r = client.get("/analyze")
    assert r.status_code == 200
    return re.search(r'name="csrf_token" value="([0-9a-f]{64})"', r.text).group(1)


def post(client, headers=ORIGIN, **fields):
    files = fields.pop("files", None)
    data = {"csrf_token": token(client), **fields}
    return client.post("/analyze", data=data, files=files, headers=headers)


def error_of(r) -> str:
    import html
    return html.unescape(re.search(r'id="analyze-error"[^>]*>(.*?)</p>', r.text, re.S).group(1))


def test_the_form_sets_a_strict_cookie_and_a_same_origin_referrer_policy(client):
    r = client.get("/analyze")
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("presswatch_csrf=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Path=/analyze" in cookie
    assert r.headers["referrer-policy"] == "same-origin"  # with no-referrer a browser posts Origin: null
    assert r.headers["content-security-policy"].startswith("default-src 'none'; style-src 'self'")
    assert "script" not in r.headers["content-security-policy"]  # no script-src: none may run
    assert 'enctype="multipart/form-data"' in r.text and "<script" not in r.text
    assert 'href="/analyze"' in r.text  # the header links to the page


def test_pasted_text_is_analysed_with_the_article_pages_marks_and_nothing_stored(client, store):
    before = store.stats()
    r = post(client, text=SAMPLE, outlet="The Capital Record", published="2024-03-05")
    assert r.status_code == 200, r.text
    assert '<h1 id="title">Federal government pledges $2 billion for city transit</h1>' in r.text
    assert "not stored" in r.text and store.stats() == before
    assert re.search(r'<span class="direct st" title="Claire Dubois: direct statement">&#34;Commuters in Kingston', r.text)
    assert '<span class="sp"' in r.text and '<span class="cue"' in r.text
    assert 'id="technique-legend"' in r.text and re.search(r'<span class="tq tq-[a-z-]+" title="', r.text)
    assert 'id="worth-checking"' in r.text and "<h2>Claims (" in r.text and "<h2>Statements (" in r.text
    assert "/statements/" not in r.text and "/api/articles/" not in r.text  # nothing stored to link to
    assert "The Capital Record" in r.text and "published 2024-03-05" in r.text


def test_pasted_text_is_escaped(client):
    text = SAMPLE + '\n"<script>alert(1)</script> is coming," Feld said. <img src=x onerror=alert(2)>'
    r = post(client, text=text, title="<script>alert('t')</script>", outlet="<b>Outlet</b>")
    assert r.status_code == 200
    assert "<script" not in r.text and "<img" not in r.text and "<b>Outlet" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text and "&lt;img src=x onerror=alert(2)&gt;" in r.text
    assert "<title>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; · presswatch</title>" in r.text


def test_a_post_without_a_valid_token_is_a_403_with_a_fresh_form(client):
    r = client.post("/analyze", data={"text": SAMPLE}, headers=ORIGIN)  # no token
    assert r.status_code == 403 and "security token is missing or wrong" in error_of(r)
    assert re.search(r'name="csrf_token" value="[0-9a-f]{64}"', r.text)  # a form that works
    token(client)
    r = client.post("/analyze", data={"text": SAMPLE, "csrf_token": "0" * 64}, headers=ORIGIN)
    assert r.status_code == 403
    good = token(client)
    cookies = client.cookies
    client.cookies = {}  # the token without its cookie (another browser's token)
    try:
        r = client.post("/analyze", data={"text": SAMPLE, "csrf_token": good}, headers=ORIGIN)
    finally:
        client.cookies = cookies
    assert r.status_code == 403


def test_another_origin_is_a_403(client):
    for headers, why in (({"Origin": "https://evil.example"}, "another origin (https://evil.example)"),
                         ({"Origin": "null"}, "another origin (null)"),
                         ({"Referer": "https://evil.example/form"}, "a page of another site"),
                         ({}, "no Origin header")):
        r = post(client, headers=headers, text=SAMPLE)
        assert r.status_code == 403 and why in error_of(r), (headers, r.text[:300])
    r = post(client, headers={"Referer": "http://testserver/analyze"}, text="A short text, said Ann Lee.")
    assert r.status_code == 200  # a same-origin Referer stands in for a missing Origin


def test_too_large_is_a_413_with_a_clear_message(client):
    r = post(client, text="word " * (LIMIT // 5 + 10))
    assert r.status_code == 413
    assert error_of(r) == (f"the pasted text is {LIMIT + 50:,} bytes, over this server's limit of {LIMIT:,} bytes; "
                           f"analyse a shorter text, or ask whoever runs the server to raise --analyze-max-bytes")
    r = post(client, files={"file": ("big.txt", b"x" * (LIMIT + 1), "text/plain")})
    assert r.status_code == 413 and "big.txt is larger than this server's limit" in error_of(r)


def test_a_body_over_the_limit_is_refused_by_its_length_before_it_is_read(client):
    from presswatch.web.upload import FORM_OVERHEAD
    huge = LIMIT + FORM_OVERHEAD + 1
    r = client.post("/analyze", content=b"x" * huge, headers={**ORIGIN, "Content-Type": "text/plain"})
    assert r.status_code == 413 and f"the request is {huge:,} bytes, over" in error_of(r)

    def chunks():  # no Content-Length: the bytes are counted as they come
        for _ in range(huge // 4096 + 1):
            yield b"y" * 4096
    r = client.post("/analyze", content=chunks(), headers={**ORIGIN, "Content-Type": "text/plain"})
    assert r.status_code == 413 and "the request is larger than this server's limit" in error_of(r)


def test_a_streamed_body_over_the_limit_is_cut_off_on_a_real_server(store):
    """Over a socket, chunked with no length: the 413 comes before the client has sent it all."""
    from presswatch.web import create_app
    from presswatch.web.upload import FORM_OVERHEAD

    app = create_app(store=store, analyze=settings())
    total = 50 * (LIMIT + FORM_OVERHEAD)
    with running(app) as port:
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(f"POST /analyze HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
                  "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".encode())
        sent, chunk = 0, b"%x\r\n%s\r\n" % (8192, b"z" * 8192)
        try:
            while sent < total:
                s.sendall(chunk)
                sent += 8192
                s.settimeout(0.001)
                try:
                    if s.recv(1, socket.MSG_PEEK):
                        break
                except (BlockingIOError, socket.timeout):
                    pass
                s.settimeout(10)
        except (BrokenPipeError, ConnectionResetError):
            pass
        s.settimeout(10)
        head = s.recv(200)
        s.close()
    assert head.startswith(b"HTTP/1.1 413") and sent < total


def test_an_uploaded_html_file_goes_through_the_html_reader(client):
    page = ("<html><head><title>Harbour vote</title><meta property=\"og:site_name\" content=\"Harbour Post\">"
            "</head><body><nav>Home | Sports</nav><article><h1>Council approves harbour plan</h1>"
            + "".join(f"<p>{p}</p>" for p in SAMPLE.split("\n")[1:]) + "</article></body></html>")
    r = post(client, files={"file": ("story.html", page.encode(), "text/html")})
    assert r.status_code == 200, r.text[:500]
    assert "upload story.html" in r.text
    assert re.search(r'<span class="direct st" title="Claire Dubois: direct statement">', r.text)
    assert "Home | Sports" not in r.text  # trafilatura kept the article, not the page's navigation


def test_an_uploaded_txt_file_is_analysed_with_the_given_title(client):
    r = post(client, files={"file": ("transit.txt", SAMPLE.encode(), "text/plain")}, title="Given title",
             published="5 March")
    assert r.status_code == 200
    assert '<h1 id="title">Given title</h1>' in r.text and "upload transit.txt" in r.text
    assert "is not a date" in r.text  # the reader's warning, shown
    assert 'id="technique-legend"' in r.text


def test_bad_files_and_empty_forms_are_clear_400s(client):
    cases = [
        ({"files": {"file": ("report.pdf", b"%PDF-1.4", "application/pdf")}},
         "report.pdf: only .txt and .html files can be analysed here"),
        ({"files": {"file": ("latin.txt", "Caf\xe9 owners said no.".encode("latin-1"), "text/plain")}},
         "latin.txt: is not valid UTF-8 (byte 0xe9 at byte offset 3)"),
        ({"files": {"file": ("empty.txt", b"   \n", "text/plain")}}, "empty.txt: holds only whitespace"),
        ({"files": {"file": ("bin.txt", b"ab\x00cd", "text/plain")}}, "bin.txt: looks like a binary file"),
        ({"files": {"file": ("blank.html", b"<html><body><script>var a = 1</script></body></html>", "text/html")}},
         "upload blank.html: no article text found in the HTML"),
        ({"text": "  "}, "nothing to analyse: paste an article's text, or choose a .txt or .html file"),
        ({"text": SAMPLE, "files": {"file": ("a.txt", b"text", "text/plain")}}, "give either pasted text or a file"),
        ({"text": SAMPLE, "title": "t" * 600}, "the title is longer than 500 characters"),
    ]
    for fields, message in cases:
        r = post(client, **fields)
        assert r.status_code == 400 and error_of(r).startswith(message), (message, error_of(r))
        assert "Traceback" not in r.text and '"detail"' not in r.text
    r = post(client, text="Some text the user typed, said Ann.", title="Kept title")
    assert r.status_code == 200
    r = post(client, text="Some text the user typed", files={"file": ("a.txt", b"x", "text/plain")})
    assert "Some text the user typed</textarea>" in r.text  # the form comes back as it was sent


def test_busy_is_a_503_saying_try_again(client):
    pool = client.app.state.analysis_pool
    taken = 0
    while pool._admitted.acquire(blocking=False):  # every running and waiting place taken
        taken += 1
    try:
        r = post(client, text=SAMPLE)
    finally:
        for _ in range(taken):
            pool._admitted.release()
    assert taken == 5 and r.status_code == 503 and r.headers["retry-after"] == "30"
    assert "busy analysing other texts; try again" in error_of(r)


def test_an_analysis_past_its_time_limit_is_stopped_and_the_next_one_runs():
    from presswatch.options import DEFAULT
    from presswatch.records import Article
    from presswatch.web.analysis_pool import AnalysisPool, TimedOut

    pool = AnalysisPool(DEFAULT, workers=1, queue=0, timeout=0.2)
    try:
        worker = pool._all[0]
        worker.start()
        first = worker.process
        with pytest.raises(TimedOut, match="longer than 0.2 seconds and was stopped"):
            pool.analyze(Article("long", SAMPLE * 200))
        assert not first.is_alive()  # killed, not left running
        pool.timeout = 60
        assert pool.analyze(Article("short", SAMPLE)).status == "ok"
    finally:
        pool.close()


def test_without_analyze_there_is_no_page_and_nothing_accepts_a_post(store):
    from fastapi.testclient import TestClient

    from presswatch.web import create_app
    app = create_app(store=store)
    c = TestClient(app)
    assert c.get("/analyze").status_code == 404
    assert 'href="/analyze"' not in c.get("/").text
    paths = {getattr(r, "path", "") for r in app.routes}
    for path in paths | {"/analyze"}:
        path = path.replace("{article_id}", "x").replace("{speaker_id}", "x").replace("{statement_id}", "x")
        r = c.post(path, data={"text": "x"})
        assert r.status_code in (404, 405), (path, r.status_code)
    assert not [r for r in app.routes if "POST" in (getattr(r, "methods", None) or ())]


def test_analyze_store_stores_once_and_links_the_stored_article(storing):
    client, app = storing
    store = app.state.store
    first = post(client, text=SAMPLE, outlet="The Capital Record")
    assert first.status_code == 200
    link = re.search(r'id="stored-link" href="(/articles/a[0-9a-f]+)"', first.text).group(1)
    assert "Stored in the corpus" in first.text and store.stats()["articles"] == 1
    assert re.search(r'<a class="direct st" href="/statements/a[0-9a-f]+-s\d+"', first.text)  # stored: links
    again = post(client, text=SAMPLE.replace("\n", "\r\n"), outlet="The Capital Record")  # as a browser sends it
    assert again.status_code == 200 and "stored before" in again.text
    assert re.search(r'id="stored-link" href="([^"]+)"', again.text).group(1) == link
    assert store.stats()["articles"] == 1 and len(store.runs()) == 1  # the same text again: nothing added
    page = client.get(link)
    assert page.status_code == 200 and "Federal government pledges" in page.text
    assert 'id="technique-legend"' in page.text and "The Capital Record" in page.text
    from presswatch.store import Search
    assert store.search(Search("commuters")).total == 1


def test_serve_passes_the_analyze_flags(monkeypatch):
    from presswatch import cli
    seen = {}
    monkeypatch.setattr("presswatch.web.serving.serve", lambda *a, **kw: seen.update(kw))
    with pytest.raises(SystemExit) as done:
        cli.main(["serve", "--analyze", "--analyze-store", "--analyze-max-bytes", "5000", "--analyze-timeout", "9"])
    assert done.value.code == 0
    a = seen["analyze"]
    assert (a.store, a.max_bytes, a.timeout, a.workers) == (True, 5000, 9.0, 1) and len(a.key) == 32
    seen.clear()
    with pytest.raises(SystemExit):
        cli.main(["serve"])
    assert seen["analyze"] is None


def test_analyze_store_without_analyze_is_one_line(capsys):
    from presswatch import cli
    with pytest.raises(SystemExit) as done:
        cli.main(["serve", "--analyze-store"])
    assert done.value.code == 1
    assert "--analyze-store needs --analyze" in capsys.readouterr().err


def test_the_token_key_is_shared_by_the_workers_of_one_server():
    import pickle
    from functools import partial

    from presswatch.web.serving import worker_app
    a = settings()
    copy = pickle.loads(pickle.dumps(partial(worker_app, "sqlite:///x.db", 4, a))).args[2]
    assert copy.key == a.key and settings().key != a.key  # the same in every worker, new at each start
    time.sleep(0)
