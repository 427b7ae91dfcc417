"""CSV export: a cell a spreadsheet would run as a formula is written as text."""
import csv
import io
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presswatch.corpus.export import to_csv


def exported(text):
    """The `text` column of a one-row statements CSV, as a CSV reader gives it back."""
    rows = list(csv.DictReader(io.StringIO(to_csv([{"text": text, "speaker": "x"}]))))
    assert len(rows) == 1
    return rows[0]["text"]


HOSTILE = [
    "=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
    " =1+1", "   @SUM(A1)", "\u00a0=1+1",            # spaces, NBSP
    "\u200b=1+1", "\u200b\u200b+1", "\ufeff=1", "\u2060=1", "\u200e-1", "\u202e=1",  # ZWSP, BOM, WJ, LRM, RLO (Cf)
    "\u3000=1", "\u2003@x", "\u2028=1", "\u2029=1",  # ideographic and em space, line and paragraph separators
    "\x00=1+1", "\x00hello", "\x01=1", "\x1b[31m", "\n=1", "\x0b=1", "\x7f=1", "\x85=1",  # control characters
    " \u200b\x00\t =1",                              # a mix
    "\uff1d1+1", "\ufe661+1", "\uff0b1", "\uff201",  # fullwidth and small equals, plus, at (NFKC: = + @)
    "\u034f=1", "\u3164=1", "\ufe0f=1",              # default-ignorable fillers and selectors
]
HARMLESS = ["hello", "a = b", "2+2 is four", "e-mail", "50%", "", "\u00e9t\u00e9 = summer", "\u200bhello",
            " plain text", "Dubois said: =not a formula"]


@pytest.mark.parametrize("text", HOSTILE, ids=ascii)
def test_a_hostile_cell_is_written_as_text(text):
    assert exported(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS, ids=ascii)
def test_a_harmless_cell_is_written_as_it_is(text):
    assert exported(text) == text


@pytest.mark.parametrize("text", ["ok\r=1+1", "ok\n=1+1", "ok\r\n@SUM(A1)", "a\rb"], ids=ascii)
def test_a_line_break_in_a_cell_is_quoted_so_it_starts_no_row(text):
    raw = to_csv([{"text": text}])
    assert f'"{text}"' in raw and raw.endswith("\n") and not raw.endswith("\r\n")
    assert exported(text) == text


def test_rows_end_in_a_newline():
    raw = to_csv([{"text": "a"}, {"text": "b"}])
    assert raw.count("\n") == 3 and "\r" not in raw


def test_none_is_an_empty_cell():
    assert list(csv.reader(io.StringIO(to_csv([{"text": None}]))))[1][2] == ""


def runs_as_formula(cell: str) -> bool:
    """What a lenient spreadsheet does: skip leading blanks, controls and invisible format
    characters, fold compatibility forms, and look at what comes first."""
    for ch in cell:
        cat = unicodedata.category(ch)
        if cat.startswith("Z") or cat in ("Cc", "Cf") or ch.isspace():
            continue
        return unicodedata.normalize("NFKC", ch)[:1] in "=+-@"
    return False


@given(st.text(alphabet=st.sampled_from(list(" \t\r\n\x00\x01\u00a0\u200b\ufeff\u2028\u3000=+-@\uff1dab1'\""))
               | st.characters(), max_size=12))
def test_no_exported_cell_runs_and_none_loses_text(text):
    out = exported(text)
    assert out in (text, "'" + text)  # nothing of the text is lost or changed
    assert out.startswith("'") or (not runs_as_formula(out) and not (out and unicodedata.category(out[0]) == "Cc"))
