"""Persuasion techniques through the adapters: the JSON API's counts and errors, the article page
(coloured spans, legend, filter, escaping), the search form, the CLI, the text report, and the
highlighter's flat segments with overlapping techniques (a property test)."""
import html
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from corpus_fixtures import add_all, article, technique_corpus, with_techniques
from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.cli import main
from presswatch.nlp.techniques.definitions import DEFINITIONS
from presswatch.nlp.techniques.model import TECHNIQUES
from presswatch.render import render
from presswatch.store import Search, open_store
from presswatch.web.highlight import Mark, highlight, technique_class

pytest.importorskip("fastapi")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`")
STYLE = Path(__file__).resolve().parents[1] / "src" / "presswatch" / "web" / "static" / "style.css"


def hostile_techniques():
    """A technique span whose text is markup, inside a quote and overlapping another technique."""
    art, an = article("tq-evil", [("Mallory Evans", "<b onmouseover=alert(1)>traitors</b> and <script>alert(2)</script> liars")],
                      published="2024-06-01", outlet="Evil Times")
    return with_techniques((art, an), [("<b onmouseover=alert(1)>traitors</b> and", "Name_Calling,Labeling", 0.7),
                                       ("and <script>alert(2)</script> liars", "Loaded_Language", 0.6)])


@pytest.fixture(scope="module")
def store():
    s = open_store("memory:")
    add_all(s, technique_corpus() + [hostile_techniques()])
    return s


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from presswatch.web import create_app
    return TestClient(create_app(store=store))


def article_of(store, words):
    return store.search(Search(words)).hits[0]["article_id"]


def test_api_counts_by_speaker_and_month(client):
    data = client.get("/api/techniques", params={"by": "speaker"}).json()
    assert data["by"] == "speaker"
    dubois = [r for r in data["counts"] if r["speaker"] == "Claire Dubois"]
    assert {r["technique"]: (r["used_by_speaker"], r["used_by_outlet"]) for r in dubois} == {
        "Name_Calling,Labeling": (2, 0), "Loaded_Language": (1, 0)}
    months = client.get("/api/techniques", params={"by": "month", "technique": "Exaggeration,Minimisation"}).json()
    assert [(r["month"], r["used_by_speaker"], r["used_by_outlet"]) for r in months["counts"]] == [
        ("2024-03", 1, 0), ("2024-04", 0, 1)]
    outlet = client.get("/api/techniques", params={"by": "outlet", "outlet": "Wire Service"}).json()["counts"]
    assert outlet == [{"outlet": "Wire Service", "technique": "Exaggeration,Minimisation", "used_by_speaker": 0,
                       "used_by_outlet": 1, "total": 1}]
    csv_text = client.get("/api/techniques", params={"by": "outlet", "format": "csv"}).text
    assert csv_text.splitlines()[0] == "outlet,technique,used_by_speaker,used_by_outlet,total"
    assert "/api/techniques" in client.get("/api/openapi.json").json()["paths"]


@pytest.mark.parametrize("params, needle", [({"technique": "Propaganda"}, "no technique is called 'Propaganda'"),
                                            ({"by": "week"}, "cannot count techniques by 'week'")])
def test_api_a_wrong_value_is_a_400_with_a_message(client, params, needle):
    r = client.get("/api/techniques", params=params)
    assert r.status_code == 400 and set(r.json()) == {"error"} and needle in r.json()["error"]
    if "technique" in params:
        assert "Loaded_Language" in r.json()["error"]


def test_api_search_by_technique(client):
    data = client.get("/api/search", params={"technique": "Name_Calling,Labeling"}).json()
    assert data["total"] == 3 and {h["speaker"] for h in data["hits"]} == {"Claire Dubois", "Mallory Evans"}
    r = client.get("/api/search", params={"technique": "nonsense"})
    assert r.status_code == 400 and "use one of: Loaded_Language" in r.json()["error"]


def test_search_form_has_the_technique_select(client):
    page = client.get("/", params={"technique": "Name_Calling,Labeling"}).text
    assert '<select name="technique"' in page and "3 statements" in page
    assert '<option value="Name_Calling,Labeling" selected>Name calling, labeling</option>' in page
    assert client.get("/", params={"technique": "nonsense"}).status_code == 400


def test_article_page_colours_spans_with_a_legend_and_titles(client, store):
    page = client.get(f"/articles/{article_of(store, 'vandals')}").text
    text = page.split('id="text">')[1].split("</div>")[0]
    spans = re.findall(r'<(?:a|span) class="([^"]*\btq\b[^"]*)"[^>]*title="([^"]*)"', text)
    assert any("tq-name-calling-labeling" in cls for cls, _ in spans)
    cls, title = next((c, t) for c, t in spans if "tq-loaded-language" in c and "st" not in c.split())
    assert html.unescape(title).startswith("Loaded language: " + DEFINITIONS["Loaded_Language"])
    assert "Confidence 0.90, the outlet's own voice" in html.unescape(title)
    legend = page.split('id="technique-legend"')[1].split("</div>")[0]
    assert "Persuasion techniques (4)" in page
    assert re.search(r'tq-loaded-language" href="/articles/[^"]+\?technique=Loaded_Language"[^>]*>Loaded language</a> '
                     r'<b class="n">2</b> <span class="meta">1 by the speaker, 1 by the outlet', legend)


def test_article_page_shows_one_technique(client, store):
    aid = article_of(store, "vandals")
    page = client.get(f"/articles/{aid}", params={"technique": "Name_Calling,Labeling"}).text
    text = page.split('id="text"')[1].split("</div>")[0]
    assert "tq-name-calling-labeling" in text and "tq-loaded-language" not in text
    assert 'id="all-techniques"' in page and "Showing Name_Calling,Labeling alone" in page
    assert "tq-loaded-language" in page.split('id="technique-legend"')[1]  # the legend still lists them all
    r = client.get(f"/articles/{aid}", params={"technique": "Propaganda"})
    assert r.status_code == 400 and "no technique is called" in r.text


def test_article_page_shows_the_spans_of_a_confidence_or_more(client, store):
    aid = article_of(store, "vandals")  # reckless vandals 0.81, wrecked 0.64, best project 0.72, disastrous 0.9
    def spans(params):
        page = client.get(f"/articles/{aid}", params=params)
        assert page.status_code == 200
        return re.findall(r'<td>([^<]*)</td><td>[^<]*</td><td>[^<]*</td><td>(0\.\d\d)</td>', page.text), page.text
    every, _ = spans({})
    high, page = spans({"min": "0.75"})
    assert len(every) == 4 and sorted(c for _, c in high) == ["0.81", "0.90"]
    assert "<b>≥ 0.3</b>" not in page and 'href="/articles/' in page.split('id="confidence-floor"')[1]
    assert "min=0.75" in page.split('id="technique-legend"')[1].split("</ul>")[0]  # the legend keeps the floor
    one, _ = spans({"min": "0.75", "technique": "Loaded_Language"})
    assert [c for _, c in one] == ["0.90"]
    assert "No technique span reaches" in client.get(f"/articles/{aid}", params={"min": "0.95"}).text
    for bad in ("lots", "2", "-0.1"):
        r = client.get(f"/articles/{aid}", params={"min": bad})
        assert r.status_code == 400 and "a number from 0 to 1" in r.text


def test_technique_text_is_escaped_and_overlaps_stay_flat(client, store):
    page = client.get(f"/articles/{article_of(store, 'traitors')}").text
    assert "<script" not in page.lower() and not re.search(r"<[^>]+\son\w+\s*=", page, re.I)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    text = page.split('id="text">')[1].split("</div>")[0]
    assert "tq-many" in text  # " and " carries both techniques
    assert _text_of(text) == store.article(article_of(store, "traitors"))["text"]


def test_every_technique_has_a_colour_and_a_definition():
    css = STYLE.read_text(encoding="utf-8")
    assert set(DEFINITIONS) == set(TECHNIQUES)
    for t in TECHNIQUES:
        assert re.search(rf"\.{technique_class(t)} \{{ text-decoration-color: #[0-9a-f]{{6}}; \}}", css), t
    assert "style=" not in (Path(STYLE).parents[1] / "templates" / "article.html").read_text()


def run_cli(*args):
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return exc.value.code


def test_cli_counts_and_search(tmp_path, capsys):
    db = f"sqlite:///{tmp_path}/c.db"
    with open_store(db) as s:
        add_all(s, technique_corpus())
    assert run_cli("techniques", "--by", "speaker", "--db", db) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("Claire Dubois") and "Name_Calling" in line)
    assert row.split()[-3:] == ["2", "0", "2"]
    assert "(no speaker: the outlet's own voice)" in out
    assert run_cli("techniques", "--by", "month", "--technique", "loaded_language", "--format", "json", "--db", db) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["month"], r["technique"], r["total"]) for r in data["counts"]] == [("2024-03", "Loaded_Language", 2)]
    assert run_cli("techniques", "--by", "outlet", "--format", "csv", "--db", db) == 0
    assert capsys.readouterr().out.startswith("outlet,technique,used_by_speaker,used_by_outlet,total\n")
    assert run_cli("search", "--technique", "Name_Calling,Labeling", "--format", "json", "--db", db) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2


@pytest.mark.parametrize("command", [("techniques",), ("search",)])
def test_cli_a_wrong_technique_is_one_line_and_exit_1(tmp_path, capsys, command):
    db = f"sqlite:///{tmp_path}/c.db"
    open_store(db).close()
    assert run_cli(*command, "--technique", "Propaganda", "--db", db) == 1
    err = capsys.readouterr().err
    assert err.startswith("presswatch: error: no technique is called 'Propaganda'; use one of: Loaded_Language")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_text_report_lists_techniques_per_user():
    _, an = technique_corpus()[0]
    out = render(an)
    section = out.split("Persuasion techniques (4 spans; rhetoric, not falsehood)")[1]
    assert "Claire Dubois, in direct quotes: Loaded_Language 1, Name_Calling,Labeling 1" in section
    assert "Marcus Feld, in direct quotes: Exaggeration,Minimisation 1" in section
    assert "the outlet's own voice: Loaded_Language 1" in section
    reported = replace(an, techniques=(replace(an.techniques[1], used_by="outlet"),))
    assert "the outlet, reporting Claire Dubois: Name_Calling,Labeling 1" in render(reported)
    assert "Persuasion techniques" not in render(replace(an, techniques=()))


def _text_of(markup: str) -> str:
    """The text of highlighted HTML: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


_TEXT = st.text(alphabet=st.sampled_from("ab <>&\"'é\n"), min_size=0, max_size=40)


@st.composite
def text_and_marks(draw):
    text = draw(_TEXT)
    n = len(text)
    marks = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, max(n, 1)))
        e = draw(st.integers(0, max(n, 1)))
        kind = draw(st.sampled_from(["st", "cl", "tq"]))
        if kind == "tq":
            t = draw(st.sampled_from(TECHNIQUES))
            marks.append(Mark(s, e, f"tq {technique_class(t)}", f"{t} <&\">"))
        else:
            marks.append(Mark(s, e, kind, "statement", "/statements/x" if kind == "st" else ""))
    return text, marks


@settings(max_examples=300, deadline=None)
@given(text_and_marks())
def test_highlight_keeps_the_text_and_nests_nothing(case):
    text, marks = case
    out = str(highlight(text, marks))
    assert _text_of(out) == text
    depth = 0
    for tag in re.findall(r"</?(?:a|span)\b", out):  # every element closes before the next opens
        depth += -1 if tag.startswith("</") else 1
        assert depth in (0, 1)
    assert depth == 0
    pos = 0  # each character carries exactly the classes of the marks covering it
    for m in re.finditer(r'<(a|span) class="([^"]*)"[^>]*>([^<]*)</\1>|([^<]+)', out):
        piece = html.unescape(m.group(3) if m.group(1) else m.group(4))
        if m.group(1):
            covering = [k for k in marks if 0 <= k.start < k.end <= len(text) and k.start <= pos and pos + len(piece) <= k.end]
            want = {c for k in covering for c in k.cls.split()}
            if sum(1 for c in want if c.startswith("tq-")) > 1:
                want.add("tq-many")
            assert set(m.group(2).split()) == want
        pos += len(piece)
    assert pos == len(text)
