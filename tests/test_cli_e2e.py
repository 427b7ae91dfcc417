"""End to end through the real extractor (presswatch.extract) on the bundled sample articles.

Marked needs_extractor: these fail until extract.py exists; everything else in the suite is
independent of what quotes are found.
"""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from presswatch.cli import cli
from presswatch.ingest import read_inputs

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def analyze_jsonl(*paths):
    result = CliRunner().invoke(cli, ["analyze", "--format", "jsonl", *map(str, paths)])
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def spans_of(quote):
    for role in ("source", "cue"):
        if quote[role]:
            yield quote[role]
    yield from quote["content"]


def test_samples_give_quotes_with_speakers():
    result, records = analyze_jsonl(SAMPLES)
    assert result.exit_code == 0, result.stderr
    assert [r["doc_id"] for r in records] == sorted(p.stem for p in SAMPLES.glob("*.txt"))
    for rec in records:
        assert rec["status"] == "ok", rec["error"]
        assert any(q["speaker"] for q in rec["quotes"]), f"no quote with a speaker in {rec['doc_id']}"


def test_quote_offsets_point_into_the_article_text():
    [article] = read_inputs([str(SAMPLES / "ottawa-transit-funding.txt")])
    result, [rec] = analyze_jsonl(SAMPLES / "ottawa-transit-funding.txt")
    assert rec["quotes"]
    for q in rec["quotes"]:
        for s in spans_of(q):
            assert article.text[s["start"]:s["end"]] == s["text"]


def test_direct_quote_attributed_to_the_minister():
    result, [rec] = analyze_jsonl(SAMPLES / "ottawa-transit-funding.txt")
    direct = [q for q in rec["quotes"] if q["is_direct"] and "waited long enough" in q["content"][0]["text"]]
    assert direct and direct[0]["speaker"] and direct[0]["speaker"].endswith("Dubois")


def test_crlf_copy_gives_offsets_into_normalised_text(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes((SAMPLES / "harbour-council-vote.txt").read_bytes().replace(b"\n", b"\r\n"))
    [article] = read_inputs([str(crlf)])
    result, [rec] = analyze_jsonl(crlf)
    assert rec["quotes"] and any(q["speaker"] for q in rec["quotes"])
    for q in rec["quotes"]:
        for s in spans_of(q):
            assert article.text[s["start"]:s["end"]] == s["text"]
