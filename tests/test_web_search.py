"""The search page's filters as a researcher meets them: chips that remove a filter, the speaker
box holding a name (never an id), facets with their no-value buckets, a bad value answered with
the CLI's message, a page past the end said so; articles searched with the words marked; exports
streamed with no cap; provenance that warns; dates that say which they are."""
import csv
import io
import json
import re
from html import unescape

import pytest
from corpus_fixtures import add_all, article, corpus

from presswatch.store import Search, open_store

pytest.importorskip("fastapi")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(f"sqlite:///{tmp_path_factory.mktemp('web')}/corpus.db")
    undated = article("undated-9", [("a spokesman", "The enemies of the plan are loud")], title="Plan row",
                      url="https://u.example/9")
    many = [article(f"m{i}", [("Claire Dubois", f"The harbour plan {i} must go ahead")],
                    url=f"https://m.example/{i}", published=f"2020-01-{1 + i % 28:02d}", outlet="Port Herald")
            for i in range(1100)]
    add_all(s, corpus() + [undated] + many)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from presswatch.web import create_app
    return TestClient(create_app(store=store))


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_a_speaker_facet_shows_the_name_and_a_chip_that_removes_it(client, store):
    r = client.get("/", params={"q": "enemies"})
    link = unescape(re.search(r'href="(/\?[^"]*sid=[^"]+)">Ali Khamenei</a>', r.text)[1])
    r = client.get(link)
    assert "2 statements" in r.text
    assert 'name="speaker" value="Ali Khamenei"' in r.text and 'value="sp-' not in r.text.replace('name="sid" value="sp-', "")
    chip = re.search(r'<a class="chip" href="([^"]+)"[^>]*>speaker: Ali Khamenei', r.text)
    assert chip, r.text
    back = client.get(unescape(chip[1]))
    assert "4 statements" in back.text and 'id="chips"' not in back.text
    sid = re.search(r'name="sid" value="([^"]+)"', r.text)[1]  # the form sent back unchanged keeps the id
    assert "2 statements" in client.get("/", params={"q": "enemies", "speaker": "Ali Khamenei", "sid": sid}).text
    edited = client.get("/", params={"q": "enemies", "speaker": "Khamenei", "sid": sid})  # the typed words win
    assert "3 statements" in edited.text and 'name="sid"' not in edited.text
    old_link = client.get("/", params={"q": "enemies", "speaker": sid})  # an id where a name goes
    assert "2 statements" in old_link.text and 'name="speaker" value="Ali Khamenei"' in old_link.text


def test_facets_have_buckets_and_add_up(client):
    r = client.get("/", params={"q": "enemies"})
    facets = text_of(re.search(r'<aside class="facets" id="facets">(.*?)</aside>', r.text, re.S)[1])
    assert "undated (1)" in facets and "unknown outlet (1)" in facets and "no named speaker" not in facets
    assert "counted over all 4 matches" in facets
    many = client.get("/", params={"q": "harbour"})
    assert "counted over the first 3,000" not in many.text  # 1100 matches: all counted
    assert "Claire Dubois</a> (1100)" in many.text


@pytest.mark.parametrize("params, message", [
    ({"since": "2024-13"}, "since '2024-13' is not a date; write it as 2024-04-05, 2024-04 or 2024"),
    ({"until": "yesterday"}, "until 'yesterday' is not a date"),
    ({"target": "people"}, "cannot search 'people'"),
    ({"order": "relevance"}, "order by relevance needs words"),
])
def test_a_bad_value_is_answered_on_the_page(client, params, message):
    r = client.get("/", params=params)
    assert r.status_code == 400 and message in unescape(r.text)
    assert 'id="search-error"' in r.text and "<form" in r.text


def test_a_page_past_the_end_says_so(client):
    r = client.get("/", params={"q": "enemies", "page": 99})
    page = text_of(r.text)
    assert "Page 99 is past the end: 4 statements fill 1 page" in page and "2451" not in page
    assert "shown" not in re.search(r'id="total">(.*?)</p>', r.text, re.S)[1]


def test_articles_are_searched_with_the_words_marked(client):
    r = client.get("/", params={"q": "Quds", "target": "articles"})
    assert "1 article," in r.text
    assert '<span class="hl" title="search word">Quds</span>' in r.text
    r = client.get("/", params={"q": "enemies", "target": "articles", "order": "relevance"})
    assert "best match first" in r.text and r.text.count('class="hit"') == 4
    r = client.get("/", params={"q": "enemy"})  # the stemmer finds "enemies"; the mark follows it
    assert '<span class="hl" title="search word">enemies</span>' in r.text


def test_the_export_links_stream_every_match(client):
    r = client.get("/", params={"q": "harbour"})
    link = unescape(re.search(r'id="export-csv" href="([^"]+)"', r.text)[1])
    assert link.startswith("/api/export?") and "limit" not in link
    with client.stream("GET", link) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        body = "".join(response.iter_text())
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 1100 and {"confidence", "said_year", "said_basis", "said_text", "speaker_kind"} <= set(rows[0])
    jl = client.get(unescape(re.search(r'id="export-jsonl" href="([^"]+)"', r.text)[1]))
    assert len(jl.text.splitlines()) == 1100 and json.loads(jl.text.splitlines()[0])["speaker"] == "Claire Dubois"
    bad = client.get("/api/export", params={"since": "2024-13"})
    assert bad.status_code == 400 and bad.json() == {
        "error": "since '2024-13' is not a date; write it as 2024-04-05, 2024-04 or 2024"}


def test_provenance_warns_of_another_speaker_and_names_the_earliest(client, store):
    hit = next(h for h in store.search(Search("enemies", limit=10)).hits if h["published"] == "2022-04-29")
    r = client.get(f"/statements/{hit['id']}")
    warning = text_of(re.search(r'<p class="warning" id="attribution-warning">(.*?)</p>', r.text, re.S)[1])
    assert "also attributed to Khamenei" in warning and "here: Ali Khamenei" in warning
    earliest = next(h for h in store.search(Search("enemies", limit=10)).hits if h["published"] == "2021-05-07")
    assert hit["cluster_id"] == earliest["id"] and f"earliest appearance ({earliest['id']})" in r.text
    alone = next(h for h in store.search(Search("seminary")).hits)
    assert 'id="attribution-warning"' not in client.get(f"/statements/{alone['id']}").text


def test_dates_say_which_they_are(client, store):
    r = client.get("/", params={"q": "enemies"})
    assert "published 2023-04-14" in r.text and "published undated" in r.text
    sid = store.speakers_by_keys([], "Claire Dubois")[0]
    timeline = client.get(f"/speakers/{sid}").text
    years = re.findall(r'<div class="year">([^<]+)</div>', timeline)
    assert years and all(y == "undated" or re.fullmatch(r"\d{4}", y) for y in years)
    assert "published 2020-01-01" in timeline
    # 1,101 statements: the page lists the first 300 in time and says where the rest are
    assert 'id="timeline-cut"' in timeline and "The first 300 of 1,101 statements" in timeline
    assert timeline.count('<div class="hit">') == 300


@pytest.mark.parametrize("query, text, marked", [
    ("enemy", "The enemies of Iran", ["enemies"]), ("plans", "their plan, planned", ["plan", "planned"]),
    ('"rail line"', "a rail line, a rail", ["rail line"]), ("transp*", "Transport spending", ["Transport"]),
    ("budget -tax", "tax budget", ["budget"]), ("Éric", "eric said", ["eric"]),
])
def test_word_marks(query, text, marked):
    from presswatch.store.query import parse
    from presswatch.web.highlight import word_marks
    assert [text[m.start:m.end] for m in word_marks(text, parse(query))] == marked
