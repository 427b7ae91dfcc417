"""The web app through its ASGI interface: pages, JSON API, exports, read-only, escaping."""
import csv
import io
import re

import pytest
from corpus_fixtures import HOSTILE_TITLE, add_all, article, corpus, hostile

from presswatch.store import Search, open_store

pytest.importorskip("fastapi")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`")


@pytest.fixture(scope="module")
def store():
    s = open_store("memory:")
    add_all(s, corpus() + [hostile(), article("formula", [("Eve Cell", "=HYPERLINK(\"http://x\") is data"),
                                                       ("Eve Cell", "\u200b@SUM(1) hidden behind a zero-width space")],
                                                      outlet="Sheet News")])
    return s


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from presswatch.web import create_app
    return TestClient(create_app(store=store))


def first(store, q, **kw):
    return store.search(Search(q, **kw)).hits[0]


def test_search_page_with_facets(client):
    r = client.get("/", params={"q": "enemies"})
    assert r.status_code == 200
    assert "3 statements" in r.text and "Ali Khamenei" in r.text
    assert 'href="/?q=enemies&amp;target=statements&amp;outlet=Tehran+Times"' in r.text  # facet links keep the query
    r = client.get("/", params={"q": "enemies", "outlet": "Tehran Times"})
    assert "1 statement," in r.text


def test_search_syntax_error_is_a_message_not_a_500(client):
    r = client.get("/", params={"q": '"unclosed'})
    assert r.status_code == 400 and "unbalanced quotation mark" in r.text
    r = client.get("/api/search", params={"q": "OR"})
    assert r.status_code == 400 and "OR needs a word" in r.json()["error"]
    r = client.get("/api/search", params={"since": "last week"})
    assert r.status_code == 400 and "not a date" in r.json()["error"]


def test_article_page_highlights(client, store):
    hit = first(store, "seminary")
    r = client.get(f"/articles/{hit['article_id']}")
    assert r.status_code == 200
    assert re.search(r'<a class="direct st" href="/statements/[^"]+" title="Mojtaba Khamenei: direct statement">'
                     r"The seminary stands", r.text)
    assert '<span class="sp"' in r.text and '<span class="cue"' in r.text
    claims = client.get(f"/articles/{first(store, 'budget', target='claims')['article_id']}").text
    assert 'class="cl v-contradicted"' in claims


def test_speaker_timeline_and_statement_provenance(client, store):
    hit = first(store, "enemies", outlet="Wire Service")
    sp = client.get(f"/speakers/{hit['speaker_id']}").text
    years = re.findall(r'<div class="year">(\d{4})</div>', sp)
    assert years == ["2022", "2023"] and "Ayatollah Khamenei" in sp
    st = client.get(f"/statements/{hit['id']}").text.split('id="provenance"')[1]
    assert "3 appearances" in client.get(f"/statements/{hit['id']}").text and st.index("Daily Paper") < st.index("Tehran Times") < st.index("Wire Service")
    assert "earliest" in st and "variant" in st


def test_exports(client):
    r = client.get("/api/search", params={"q": "enemies", "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    # the bare "Khamenei" of one article stays its own: the corpus has two people of that surname
    assert len(rows) == 3 and {row["speaker"] for row in rows} == {"Ali Khamenei", "Khamenei"}
    data = client.get("/api/search", params={"q": "enemies"}).json()
    assert data["total"] == 3 and data["facets"]["outlet"]
    formula = client.get("/api/search", params={"q": "hyperlink", "format": "csv"}).text
    assert "'=HYPERLINK" in formula  # a spreadsheet will not run it
    hidden = client.get("/api/search", params={"q": "hidden", "format": "csv"}).text
    assert "'\u200b@SUM(1)" in hidden


def test_speakers_csv(client):
    r = client.get("/api/speakers", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="presswatch-speakers.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == ["name", "kind", "statements", "id"]
    listed = client.get("/api/speakers").json()
    assert [(row["name"], row["kind"], int(row["statements"]), row["id"]) for row in rows] == \
        [(sp["name"], sp["kind"], sp["statements"], sp["id"]) for sp in listed]
    assert rows[0]["name"] == "Ali Khamenei" and rows[0]["statements"] == "2"
    assert client.get("/api/speakers", params={"format": "csv", "limit": 1}).text.count("\n") == 2


def test_json_api(client, store):
    hit = first(store, "enemies")
    a = client.get(f"/api/articles/{hit['article_id']}").json()
    assert a["statements"] and a["analysis"]["doc_id"]
    assert client.get(f"/api/statements/{hit['id']}").json()["provenance"]
    sp = client.get(f"/api/speakers/{hit['speaker_id']}").json()
    assert sp["name"] == "Ali Khamenei" and len(sp["statements"]) == 2
    assert client.get(f"/api/speakers/{hit['speaker_id']}", params={"format": "csv"}).text.count("\n") == 3
    assert client.get("/api/stats").json()["articles"] == 6
    assert client.get("/api/articles/nope").status_code == 404
    spec = client.get("/api/openapi.json").json()
    assert {"/api/search", "/api/articles/{article_id}", "/api/speakers/{speaker_id}",
            "/api/statements/{statement_id}"} <= set(spec["paths"])


def test_read_only(client):
    from fastapi.routing import APIRoute
    methods = {m for r in client.app.routes if isinstance(r, APIRoute) for m in r.methods}
    assert methods <= {"GET", "HEAD"}
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/search").status_code == 405


def test_pages_have_a_no_script_policy(client):
    r = client.get("/")
    assert "script-src" not in r.headers["content-security-policy"]
    assert r.headers["content-security-policy"].startswith("default-src 'none'")
    assert r.headers["x-content-type-options"] == "nosniff"


def test_hostile_article_is_escaped(client, store):
    hit = first(store, "win", speaker="Mallory Evans")
    pages = [client.get(f"/articles/{hit['article_id']}").text, client.get(f"/statements/{hit['id']}").text,
             client.get(f"/speakers/{hit['speaker_id']}").text, client.get("/", params={"q": "win"}).text]
    for html in pages:
        assert "<script" not in html.lower()
        assert not re.search(r"<[^>]+\son\w+\s*=", html, re.I)  # no event-handler attribute on any tag
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I)
    assert "&lt;script&gt;window.__pwned=" in pages[0]
    assert "(not a web link)" in pages[0]
    assert HOSTILE_TITLE not in pages[0]


def test_unknown_pages(client):
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/speakers/nope").status_code == 404
    assert client.get("/statements/nope").status_code == 404


def test_serve_without_a_corpus_says_what_to_do(tmp_path, capsys):
    from presswatch.cli import main
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--db", f"sqlite:///{tmp_path}/missing.db"])
    assert exc.value.code == 1 and "presswatch ingest" in capsys.readouterr().err
