"""The SVG charts (web/charts.py) and the research pages over the test client: escaping, no style
attribute or element anywhere (the CSP forbids them), a title and desc on every chart, a clear
"no data" chart, month axes, and the CSV of every chart."""
import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from corpus_fixtures import add_all, research_corpus

from presswatch.store import open_store
from presswatch.web import charts, research
from presswatch.web.charts import Bar

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`")
HOSTILE = '<script>alert(1)</script>" onload="alert(2)'


def clean(svg: str):
    """The SVG parses as XML with no script, event handler or style, and a title and desc."""
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    for el in root.iter():
        assert el.tag not in (ns + "script", ns + "style", ns + "foreignObject"), el.tag
        assert not [a for a in el.attrib if a.lower().startswith("on") or a == "style"], el.attrib
    assert root.find(ns + "title").text and root.find(ns + "desc").text
    assert root.get("role") == "img" and root.get("aria-labelledby")
    return root


@pytest.mark.parametrize("draw", [
    lambda: charts.bar_chart("b", HOSTILE, HOSTILE, [Bar(HOSTILE, 3, "/outlets/x"), Bar("b", 1)]),
    lambda: charts.stacked_bars("s", "t", "d", [(HOSTILE, [1, 2], None)], [(HOSTILE, "#111111"), ("b", "#222222")], share=True),
    lambda: charts.month_columns("c", "t", "d", ["2024-01", "2024-02"], [(HOSTILE, "#111111", [1, 0])]),
    lambda: charts.month_lines("l", "t", "d", ["2024-01", "2024-02"], [(HOSTILE, "#111111", [1, 4])]),
])
def test_labels_escaped_and_no_styles(draw):
    root = clean(draw())
    texts = ["".join(el.itertext()) for el in root.iter()]
    assert any("<script>alert(1)" in t for t in texts)  # the label is text, shown as written


@pytest.mark.parametrize("draw", [
    lambda: charts.bar_chart("b", "Most quoted", "Bars.", []),
    lambda: charts.bar_chart("b", "Most quoted", "Bars.", [Bar("a", 0)]),
    lambda: charts.stacked_bars("s", "Gender", "Bars.", [("all", [0, 0], None)], [("w", "#111"), ("m", "#222")]),
    lambda: charts.month_columns("c", "Per month", "Columns.", [], []),
    lambda: charts.month_lines("l", "Per month", "Lines.", ["2024-01"], [("a", "#111", [0])]),
])
def test_empty_data_is_a_no_data_chart(draw):
    svg = draw()
    clean(svg)
    assert "No data for this selection" in svg and "<rect" in svg


def test_values_written_and_bars_scaled():
    svg = charts.bar_chart("b", "t", "d", [Bar("Claire", 30), Bar("Marcus", 15)])
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1]) and ">30</text>" in svg and ">15</text>" in svg
    shares = charts.stacked_bars("s", "t", "d", [("all", [3, 1], None)], [("women", "#111"), ("men", "#222")], share=True)
    assert ">75%</text>" in shares and ">25%</text>" in shares


def test_month_axis_labels_thin_out():
    assert charts.months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    few = charts.month_labels(["2024-01", "2024-02", "2024-03"], 680)
    assert few == {0: "2024-01", 1: "2024-02", 2: "2024-03"}
    many = charts.month_labels(charts.months_between("2015-01", "2024-12"), 680)
    assert list(many.values()) == [str(y) for y in range(2015, 2025)]  # the Januaries, as years
    assert charts.ticks(7) == [0, 2, 4, 6, 8] and charts.ticks(0) == [0, 1]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from presswatch.web import create_app
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('dash')}/corpus.db")
    add_all(store, research_corpus())
    return TestClient(create_app(store=store))


def rows_of(r):
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), r.text
    assert "attachment" in r.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(r.text)))


def test_dashboard_page_draws_every_chart(client):
    r = client.get("/dashboard")
    assert r.status_code == 200
    for name in research.BUILDERS["dashboard"]:
        assert f'id="fig-{name}"' in r.text and f"chart={name}" in r.text
    assert " style=" not in r.text and "<style" not in r.text and "<script" not in r.text
    assert 'href="/outlets/Daily%20Paper"' in r.text and "Gender Gap Tracker" in r.text


def test_dashboard_csv_has_the_charts_numbers(client):
    gender = rows_of(client.get("/dashboard.csv", params={"chart": "gender"}))
    first = gender[0]
    assert (first["outlet"], first["women"], first["men"], first["unknown"]) == ("all outlets", "3", "2", "1")
    assert first["women_share_of_known"] == "60.0" and first["unknown_share"] == "16.7"
    people = rows_of(client.get("/dashboard.csv", params={"chart": "people"}))
    assert [(p["speaker"], p["statements"]) for p in people][:2] == [("Claire Dubois", "3"), ("Marcus Feld", "2")]
    orgs = rows_of(client.get("/dashboard.csv", params={"chart": "organisations"}))
    assert [(p["speaker"], p["statements"]) for p in orgs] == [("Harbour Council", "1")]
    claims = rows_of(client.get("/dashboard.csv", params={"chart": "checkworthy-by-outlet"}))
    assert claims == [{"outlet": "Daily Paper", "claims": "2", "checkworthy_claims": "1", "checkworthy_sentences": "1"}]
    paper = rows_of(client.get("/dashboard.csv", params={"chart": "people", "outlet": "Daily Paper", "since": "2024-02"}))
    assert [(p["speaker"], p["statements"]) for p in paper] == [("Khamenei", "1")]


def test_wrong_requests_are_one_clear_line(client):
    r = client.get("/dashboard", params={"since": "2024-13"})
    assert r.status_code == 400 and "since &#39;2024-13&#39; is not a date" in r.text
    r = client.get("/dashboard", params={"since": "2024-05", "until": "2024-01"})
    assert r.status_code == 400 and "the period is empty" in r.text
    r = client.get("/dashboard.csv", params={"chart": "pie"})
    assert r.status_code == 404 and r.text.startswith("no chart 'pie' on the dashboard page; use one of: speakers-by-month")
    assert client.get("/dashboard.csv", params={"chart": "speaker-months", "view": "speaker"}).status_code == 400
    assert client.get("/outlets/Nowhere Times").status_code == 404
    r = client.get("/dashboard", params={"top": "99"})
    assert r.status_code == 422 and "{" not in r.text.split("<main>")[1]


def test_speaker_and_outlet_pages(client):
    sid = client.get("/dashboard.csv", params={"chart": "people"}).text.splitlines()[1].split(",")[0]
    page = client.get(f"/speakers/{sid}").text
    for name in research.BUILDERS["speaker"]:
        assert f'id="fig-{name}"' in page
    months = rows_of(client.get("/dashboard.csv", params={"view": "speaker", "speaker": sid, "chart": "speaker-months"}))
    assert months == [{"month": "2024-01", "statements": "2"}, {"month": "2024-02", "statements": "1"}]
    outlet = client.get("/outlets/Daily Paper")
    assert outlet.status_code == 200 and '<h1 id="outlet-name">Daily Paper</h1>' in outlet.text
    for name in research.BUILDERS["outlet"]:
        assert f'id="fig-{name}"' in outlet.text
    volume = rows_of(client.get("/dashboard.csv", params={"view": "outlet", "outlet": "Daily Paper", "chart": "outlet-months"}))
    assert volume == [{"month": "2024-01", "statements": "3"}, {"month": "2024-02", "statements": "1"}]
    assert "Daily Paper" in client.get("/outlets").text


def test_a_count_of_one_is_singular():
    from presswatch.web.charts import counted
    assert counted(1, "statements") == "1 statement" and counted(2, "spans") == "2 spans"
    assert counted(1234, "claims") == "1,234 claims" and counted(1, "of them") == "1 of them"
