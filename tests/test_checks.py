"""Checks against user tables: reference series for quantities, a fact table for historical dates.
Every test writes its own files; bad files give a clear message or an `unverifiable` verdict."""
import json

import pytest

import presswatch
from presswatch import Article, Options
from presswatch.check.tables import TableError, load_facts, load_reference, parse_value
from presswatch.cli import main

TEXT = """Casualties mount as talks stall
GENEVA, April 3, 2024 - More than 37,000 people have been killed in the Gaza Strip in about six months, as confirmed by UN agencies.
In 1980, the leader Ruhollah Khomeini declared the last Friday of Ramadan as Quds Day.
"""
REFERENCE = "series,date,value,source\nkilled Gaza,2024-03-25,32100,Ministry of Health\nkilled Gaza,2024-04-02,33037,OCHA\n"
FACTS = "event,date,source\nKhomeini declared Quds Day,1979-08-07,Encyclopaedia entry\n"


def analyze(text=TEXT, **options):
    return presswatch.analyze(Article("casualties", text), Options(**options))


def claim(a, kind):
    (c,) = [c for c in a.claims if c.kind == kind]
    return c


def test_quantity_inconsistent_with_reference_value_shown(write):
    reference = (str(write("ref.csv", REFERENCE)),)
    a = analyze(reference=reference)
    assert a.publication.basis == "dateline" and a.publication.date == "2024-04-03"
    (ck,) = claim(a, "quantity").checks
    assert ck.verdict == "inconsistent"
    assert "33,037" in ck.evidence and "2024-04-02" in ck.evidence and "OCHA" in ck.evidence
    assert ck.reference["value"] == 33037


def test_quantity_consistent_within_tolerance(write):
    reference = (str(write("ref.csv", "series,date,value,source\nkilled Gaza,2024-04-01,37500,X\n")),)
    (ck,) = claim(analyze(reference=reference), "quantity").checks
    assert ck.verdict == "consistent"


def test_reference_too_far_from_the_claim_date_is_unverifiable(write):
    reference = (str(write("ref.csv", "series,date,value,source\nkilled Gaza,2023-11-01,10000,X\n")),)
    (ck,) = claim(analyze(reference=reference), "quantity").checks
    assert ck.verdict == "unverifiable" and "days from the claim's date" in ck.evidence


def test_units_differ_is_unverifiable(write):
    reference = (str(write("ref.csv", "series,date,value,source\nkilled Gaza,2024-04-01,60%,X\n")),)
    (ck,) = claim(analyze(reference=reference), "quantity").checks
    assert ck.verdict == "unverifiable" and "units differ" in ck.evidence


def test_no_matching_series_means_no_verdict(write):
    reference = (str(write("ref.csv", "series,date,value,source\nwheat exports Ukraine,2024-04-01,5,X\n")),)
    assert claim(analyze(reference=reference), "quantity").checks == ()


def test_historical_date_against_fact_table(write):
    facts = (str(write("facts.csv", FACTS)),)
    (ck,) = claim(analyze(facts=facts), "historical date").checks
    assert ck.verdict == "inconsistent"
    assert "1979-08-07" in ck.evidence and "1980" in ck.evidence


def test_bad_rows_skipped_and_listed(write):
    t = load_reference(write("ref.csv", "series,date,value,source\nkilled Gaza,April 2024,33000,X\n"
                                        "killed Gaza,2024-04-01,lots,X\nkilled Gaza,2024-04-01,33000\n"
                                        "killed Gaza,2024-04-02,\"33,100\",Y\n"))
    assert [r.value for r in t.rows] == [33100]
    assert len(t.problems) == 3
    assert "not YYYY-MM-DD" in t.problems[0] and "not a number" in t.problems[1]


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"name,when,amount\nx,2024-01-01,3\n", "has no column series, date, value, source"),
    (b"series,date,value,source\n", "has no usable row"),
    (b"series,date,value,source\nx,2024-13-45,3,s\n", "has no usable row"),
    (b"\xff\xfe\x00bad", "is not UTF-8"),
])
def test_unusable_files_raise_a_clear_error(write, content, message):
    with pytest.raises(TableError, match=message):
        load_reference(write("ref.csv", content))


def test_missing_file(tmp_path):
    with pytest.raises(TableError, match="no such file"):
        load_facts(tmp_path / "nope.csv")


def test_values():
    assert parse_value("33,000") == (33000, "")
    assert parse_value("1.2 million") == (1200000, "")
    assert parse_value("12%") == (12, "%")
    assert parse_value("$5bn") == (5e9, "USD")
    assert parse_value("many") == (None, None)


def test_a_broken_reference_file_makes_checks_unverifiable(tmp_path):
    options = Options.from_env({"PRESSWATCH_REFERENCE": str(tmp_path / "missing.csv")})
    (ck,) = claim(presswatch.analyze(Article("casualties", TEXT), options), "quantity").checks
    assert ck.verdict == "unverifiable" and "could not be loaded" in ck.evidence


def test_cli_reference_gives_inconsistent(write, capsys):
    art = write("a.txt", TEXT)
    ref = write("ref.csv", REFERENCE + "killed Gaza,yesterday,1,Z\n")
    with pytest.raises(SystemExit) as ex:
        main(["analyze", str(art), "--format", "json", "--reference", str(ref)])
    out = capsys.readouterr()
    assert ex.value.code == 0
    assert "warning: skipped" in out.err and "line 4" in out.err
    (a,) = json.loads(out.out)
    (q,) = [c for c in a["claims"] if c["kind"] == "quantity"]
    assert q["checks"][0]["verdict"] == "inconsistent" and q["checks"][0]["reference"]["value"] == 33037


@pytest.mark.parametrize("option,content,message", [
    ("--reference", "a,b\n1,2\n", "has no column"),
    ("--facts", "", "is empty"),
])
def test_cli_bad_table_one_line_exit_1(write, capsys, option, content, message):
    art = write("a.txt", TEXT)
    table = write("t.csv", content)
    with pytest.raises(SystemExit) as ex:
        main(["analyze", str(art), option, str(table)])
    err = capsys.readouterr().err
    assert ex.value.code == 1 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
