"""Time expressions: the project's table of news sentences, each resolved against its publication date."""
import pytest

from presswatch.nlp.times import Anchor, duration_value, find_times, tense_of_text
from times_table import TABLE


def resolve(nlp, published, sentence):
    return find_times(sentence, Anchor.of(published), doc=nlp(sentence))


def _row(r):
    marks = [pytest.mark.xfail(strict=True, reason=r[4])] if len(r) > 4 else []
    return pytest.param(*r[:4], marks=marks, id=r[2])


@pytest.mark.parametrize("published,sentence,expression,value", [_row(r) for r in TABLE])
def test_table(nlp, published, sentence, expression, value):
    found = {t.span.text: t.value for t in resolve(nlp, published, sentence)}
    assert found.get(expression) == value, found


def test_table_is_big_enough_and_mostly_exact():
    assert len(TABLE) >= 60
    assert sum(len(r) == 4 for r in TABLE) / len(TABLE) >= 0.9


def test_spans_are_offsets_into_the_text():
    text = "The war began last October and has lasted about six months."
    for t in find_times(text, Anchor.of("2024-04-05")):
        assert text[t.span.start:t.span.end] == t.span.text


def test_without_publication_date_unknown_parts_are_x():
    got = {t.span.text: t.value for t in find_times("The war began last October.", Anchor())}
    assert got == {"last October": "XXXX-10"}
    got = {t.span.text: (t.value, t.anchor) for t in find_times("Sales rose this year.", Anchor(year=2024))}
    assert got == {"this year": ("2024", "publication")}


def test_estimated_anchor_is_marked():
    (t,) = find_times("Prices rose last month.", Anchor.of(None, 2024, "2024-04-05"))
    assert (t.value, t.anchor) == ("2024-03", "estimated")


def test_quantities_are_not_years():
    text = "Some 2000 soldiers and 1,500 police were deployed; 2023 was hard."
    assert [t.span.text for t in find_times(text, Anchor.of("2024-01-01"))] == ["2023"]


def test_generic_weekdays_and_observance_rules_are_not_dates():
    text = "Muslims protest after Friday prayers on the last Friday of Ramadan; shops close on Fridays."
    got = {t.span.text: t.value for t in find_times(text, Anchor.of("2024-04-03"))}
    assert got == {"Fridays": "XXXX-WXX-5"}


def test_durations():
    assert duration_value("six", "months") == "P6M"
    assert duration_value("48", "hours") == "PT48H"
    assert duration_value("several", "years") == "PXY"
    assert duration_value("two", "decades") == "P20Y"
    assert duration_value("half a", "year") == "P6M"


def test_tense_without_a_parse():
    assert tense_of_text("The vote will be held") == "future"
    assert tense_of_text("The vote was held") == "past"
    assert tense_of_text("The vote is held") == "present"


def test_bad_input_never_raises():
    for text in ("", "February 30, 2024 and 31 April", "9999 and 0000", "on Tuesday" * 50, "’90s 1–2 Q9 2024"):
        find_times(text, Anchor.of("not a date"))
