"""Claims, checks and statement times end to end on articles the project wrote itself."""
import pytest

import presswatch
from presswatch import Article, Options


def analyze(article, options=None):
    a = presswatch.analyze(article, options)
    assert a.status == "ok", a.error  # a failure inside the analysis would be an error result
    return a

ARTICLE = """Rally marks Al-Quds Day in the capital
TEHRAN - Thousands marched on Friday as the country marked International Quds Day (last Friday of Ramadan, this year falling on April 5), a day that draws millions of supporters every year.
In his sermon on Quds Day in 2022, the cleric Hassan Amini praised the marchers and condemned the blockade. He also criticized foreign governments for their silence.
“The struggle will go on,” he said.
According to the organisers, the event is growing.
In 1980, not long after the revolution, the leader Ruhollah Khomeini declared the last Friday of Ramadan as Quds Day in a message to Muslims.
This year, Al-Quds Day falls on April 5, and organisers expect large crowds because of the war in the Gaza Strip, in which more than 37,000 people have been killed in about six months, the overwhelming majority of them civilians, as confirmed by UN agencies.
"""


@pytest.fixture(scope="module")
def analysis():
    return analyze(Article("rally", ARTICLE))


def test_publication_year_inferred_from_the_calendar_statement(analysis):
    p = analysis.publication
    assert (p.date, p.year, p.basis, p.place) == (None, 2024, "inferred", "TEHRAN")


def test_calendar_statements_consistent_with_ramadan_1445(analysis):
    cal = [c for c in analysis.claims if c.kind == "calendar"]
    assert len(cal) == 1  # "This year, Al-Quds Day falls on April 5" states it again: a repeat (test_claims_clean)
    assert cal[0].rule == "last Friday of Ramadan"
    for c in cal:
        (ck,) = c.checks
        assert ck.verdict == "consistent"
        assert "Ramadan 1445" in ck.evidence and "2024-04-05" in ck.evidence


def test_quantity_claim_with_qualifier_window_and_source(analysis):
    (q,) = [c for c in analysis.claims if c.kind == "quantity"]
    assert q.value == 37000 and q.qualifier == "more than" and q.counted == "people killed"
    assert q.window["value"] == "P6M" and q.window["text"] == "about six months"
    assert q.place == "Gaza Strip"
    assert q.cited_source.text == "UN agencies"
    assert q.time == "2024-04-05"  # the estimated publication date
    assert q.score > 0.8


def test_proportion_vague_and_historical(analysis):
    kinds = {c.kind: c for c in analysis.claims}
    assert kinds["proportion"].qualifier == "overwhelming majority"
    assert kinds["vague quantity"].stated == "millions of supporters"
    h = kinds["historical date"]
    assert h.time == "1980" and h.span.text.startswith("In 1980") and h.span.text.endswith("as Quds Day")


def test_statement_times(analysis):
    by_cue = {q.cue.text: q.statement_time for q in analysis.quotes if q.cue}
    praised = by_cue["praised"]
    assert (praised.year, praised.date, praised.occasion, praised.basis) == (
        2022, "2022-04-29", "International Quds Day sermon", "stated")
    assert by_cue["also criticized"].basis == "context" and by_cue["also criticized"].year == 2022
    assert by_cue["said"].basis == "context"  # a paragraph of quotation by the same speaker
    assert by_cue["According to"].basis == "unknown"  # a new paragraph, not continuing the sermon
    declared = by_cue["declared"]
    assert (declared.year, declared.basis) == (1980, "stated")
    assert declared.occasion == "declaration of International Quds Day"


def test_never_the_publication_date_by_default():
    text = "The minister said the plan would work. “We are ready,” she added."
    a = analyze(Article("d", text, published="2024-03-01"))
    assert a.publication.basis == "given"
    assert all(q.statement_time.basis == "unknown" and q.statement_time.date is None for q in a.quotes)


def test_said_on_a_weekday_is_a_stated_date():
    text = "The minister Claire Dubois said on Tuesday that the plan would work."
    a = analyze(Article("d", text, published="2024-04-03"))
    (q,) = a.quotes
    assert (q.statement_time.date, q.statement_time.basis) == ("2024-04-02", "stated")


def test_times_in_output(analysis):
    values = {t.span.text: t.value for t in analysis.times}
    assert values["about six months"] == "P6M"
    assert values["2022"] == "2022"
    assert values["April 5"] == "2024-04-05"


def test_claims_off():
    a = analyze(Article("rally", ARTICLE), Options(claims=False))
    assert a.claims == () and a.times == ()
    assert a.publication.year == 2024  # still inferred
    assert any(q.statement_time.year == 2022 for q in a.quotes)
    assert any(q.statement_time.year == 1980 for q in a.quotes)  # a date attached to the cue


def test_json_round_trip(analysis):
    from presswatch.records import Analysis
    d = analysis.to_dict()
    assert Analysis.from_dict(d).to_dict() == d


ODD_TEXTS = [
    "On February 30, 2024 and 31 April the minister said 10,000,000,000,000 people died. "
    "This year, Quds Day falls on February 30.",
    "This year, Eid al-Fitr falls on a Tuesday. Ramadan begins on March 11. In 1850, the king declared war.",
    "9999 and 0000 and Q9 2024 and the 99th century and 48-hour and -5 people",
    "“Since the first day,” he said. Today, it is so. Tonight at 25:99 p.m. the vote.",
]
ODD_DATES = [None, "garbage", "2024-02-30", "9999-12-31", "0001-01-01", "03/04/2024", "Wed, 03 Apr 2024 10:00:00 GMT"]


@pytest.mark.parametrize("published", ODD_DATES)
def test_odd_dates_and_texts_never_fail(published):
    for text in ODD_TEXTS:
        a = analyze(Article("odd", text, published=published))
        for c in a.claims:
            for ck in c.checks:
                assert ck.verdict in ("consistent", "inconsistent", "unverifiable") and ck.evidence


def test_impossible_calendar_date_is_inconsistent():
    text = "This year, Christmas falls on December 26."
    a = analyze(Article("x", text, published="2024-04-03"))
    (c,) = a.claims
    assert c.checks[0].verdict == "inconsistent" and "December 25" in c.checks[0].evidence


def test_a_day_off_a_computed_islamic_date_is_unverifiable():
    text = "This year, Eid al-Fitr falls on a Tuesday."
    a = analyze(Article("x", text, published="2024-04-03"))
    assert a.claims[0].checks[0].verdict == "unverifiable"
