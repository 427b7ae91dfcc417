"""`presswatch search --target/--order` and `presswatch export`: every match, CSV or JSON lines,
no cap; a bad search is one line and exit 1."""
import csv
import io
import json

import pytest
from click.testing import CliRunner
from corpus_fixtures import add_all, article, corpus

from presswatch.cli import cli, main
from presswatch.corpus.export import COLUMNS
from presswatch.store import open_store


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli')}/c.db"
    many = [article(f"m{i}", [("Claire Dubois", f"The harbour plan {i} must go ahead")],
                    url=f"https://m.example/{i}", published=f"2020-01-{1 + i % 28:02d}", outlet="Port Herald")
            for i in range(1200)]
    with open_store(url) as store:
        add_all(store, corpus() + many)
    return url


def test_search_articles_by_relevance(db):
    r = run("search", "Khamenei", "--target", "articles", "--order", "relevance", "--db", db)
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[1].strip() == "Khamenei repeats warning" and "1-3 of 3 articles" in r.output
    assert r.output.startswith("published 2023-04-14")


def test_export_has_every_match_past_a_page(db, tmp_path):
    out = tmp_path / "all.csv"
    r = run("export", "harbour", "--db", db, "--out", str(out))
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert len(rows) == 1200 and tuple(rows[0]) == COLUMNS["statements"]
    assert rows[0]["confidence"] == "0.9" and rows[0]["speaker_kind"] == "PERSON" and rows[0]["said_basis"]
    r = run("export", "Khamenei", "--target", "articles", "--format", "jsonl", "--db", db)
    lines = [json.loads(x) for x in r.output.splitlines()]
    assert len(lines) == 3 and set(lines[0]) == set(COLUMNS["articles"]) and lines[0]["text"]
    r = run("export", "percent", "--claims", "--format", "jsonl", "--db", db)
    assert [json.loads(x)["verdict"] for x in r.output.splitlines()] == ["supported", "contradicted"]  # no scores: newest first


@pytest.mark.parametrize("args, message", [
    (["--since", "2024-13"], "since '2024-13' is not a date; write it as 2024-04-05, 2024-04 or 2024"),
    (["--order", "relevance"], "order by relevance needs words"),
    (["--target", "articles", "--speaker", "Dubois"], "a speaker filter applies to statements, not articles"),
])
def test_a_bad_export_is_one_line(db, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", db, *args])
    captured = capsys.readouterr()
    assert exit_.value.code == 1 and captured.err == f"presswatch: error: {message}" + captured.err.split(message)[1]
    assert captured.err.count("\n") == 1 and captured.out == ""
