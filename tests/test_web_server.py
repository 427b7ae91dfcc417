"""The web app behind a real uvicorn server: error responses, kept connections."""
import http.client
import json
import logging

import pytest
from corpus_fixtures import add_all, corpus
from web_server import running

pytest.importorskip("fastapi")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from presswatch.store import open_store
    from presswatch.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('web')}/corpus.db"
    with open_store(url) as store:
        add_all(store, corpus())
    app = create_app(url)
    yield app
    app.state.store.close()


@pytest.fixture(scope="module")
def port(app):
    with running(app) as port:
        yield port


def get(conn, path):
    """(response, body) on the open connection `conn`; the connection must stay the same one."""
    before = conn.sock.getsockname() if conn.sock else None
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    assert before is None or conn.sock.getsockname() == before, "the connection was replaced"
    return r, body


def test_errors_carry_the_security_headers_and_keep_the_connection(app, port, monkeypatch, caplog):
    def broken(*a, **k):
        raise RuntimeError("speakers table on fire")
    monkeypatch.setattr(app.state.store, "speakers", broken)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    expected = [("/api/speakers", 500), ("/speakers", 500), ("/api/articles/nope", 404), ("/articles/nope", 404),
                ("/no/such/page", 404), ("/api/search?limit=many", 422), ("/?page=first", 422),
                ("/api/speakers?format=csv", 500)]
    with caplog.at_level(logging.ERROR, logger="presswatch.web"):
        for path, status in expected:
            r, body = get(conn, path)
            assert r.status == status, (path, r.status, body[:200])
            assert all(r.getheader(h) for h in SECURITY), (path, r.getheaders())
            assert not r.will_close and r.getheader("connection") != "close", path
            if path.startswith("/api/"):
                assert json.loads(body)["error"], path
            else:
                assert r.getheader("content-type").startswith("text/html") and b"<h1>" in body, path
        r, body = get(conn, "/api/stats")  # the same connection still serves
        assert r.status == 200 and json.loads(body)["articles"] == 4
    assert "speakers table on fire" in caplog.text  # the traceback is in the log, not in the answer
    conn.close()


def test_an_internal_error_tells_the_client_nothing_of_it(app, port, monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("secret path /srv/corpus.db")
    monkeypatch.setattr(app.state.store, "article", broken)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for path in ("/api/articles/x", "/articles/x"):
        r, body = get(conn, path)
        assert r.status == 500 and b"secret" not in body and b"Traceback" not in body
    conn.close()


def test_validation_errors_are_one_line(app, port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    r, body = get(conn, "/api/search?limit=0")
    err = json.loads(body)["error"]
    assert r.status == 422 and err.startswith("query parameter limit:") and "\n" not in err
    conn.close()
