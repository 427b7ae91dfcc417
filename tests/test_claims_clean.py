"""Clean claims: constituent spans, no figures of speech, no nested duplicates, one claim per fact.
Texts written for these tests; the seed article's gold claims are checked by bench/seed_claims.py
(bench/quality.py runs it), since the seed lives outside the repository."""
import presswatch
from presswatch import Article
from presswatch.check.observances import default_calendar
from presswatch.components.times import statement_from_dict
from presswatch.nlp.claims import clean_claims, find_claims
from presswatch.pipeline import get_nlp
from presswatch.records import Claim, Quote, Span, TimeExpr



def claims(text, published="2024-04-03"):
    a = presswatch.analyze(Article("t", text, published=published))
    assert a.status == "ok", a.error
    return a.claims


def texts(cs, kind=None):
    return [c.span.text for c in cs if kind is None or c.kind == kind]


def found(text, published=None):
    """find_claims on the pipeline's records of `text`, as the claims step reads them."""
    doc = get_nlp()(text)
    calendar = default_calendar()
    statements = [statement_from_dict(d, calendar) for d in doc._.calendar_statements or ()]
    times = [TimeExpr.from_dict(t) for t in doc._.times or ()]
    quotes = [Quote.from_dict(r) for r in doc._.quotes or ()]
    year = int(published[:4]) if published else (doc._.publication or {}).get("year")
    return find_claims(doc.text, doc, times, quotes, statements, year)


def test_a_vague_quantity_spans_what_it_counts():
    cs = claims("Police fired hundreds of rounds at the crowd. Scores or more were hurt, and dozens of "
                "current and former guards were questioned.")
    assert texts(cs, "vague quantity") == ["hundreds of rounds", "dozens of current and former guards"]


def test_no_fragment_ending_in_a_function_word():
    cs = claims("The fund paid $2,000 if that was asked. The mayor said 40 added to the list were new, "
                "and billions in aid went to the 12th district.")
    assert texts(cs, "quantity") == ["$2,000"]
    assert not texts(cs, "vague quantity")
    for c in cs:
        assert c.span.text.split()[-1].lower() not in {"if", "and", "or", "of", "in", "the", "a", "that"}


def test_ordinals_and_ages_are_not_quantities():
    cs = claims("The 25th anniversary of the 76ers came as a 36-year-old fan sat in the 18th row.")
    assert not texts(cs, "quantity")


def test_a_historical_date_states_its_date():
    cs = claims("He was convicted in 2005 of fraud. He was convicted again later. The school opened in 1925. "
                "Two teachers who graduated in 1989 returned.")
    assert texts(cs, "historical date") == ["He was convicted in 2005", "The school opened in 1925",
                                            "Two teachers who graduated in 1989"]
    assert all(c.stated in c.span.text for c in cs if c.kind == "historical date")


def test_figures_of_speech_are_not_quantities():
    cs = claims("“A million thanks to the volunteers,” she said. “I have told them a thousand times, and "
                "I am a hundred percent sure.” He called the mill one of a kind, and at the end of the day "
                "the town gave 110 percent. Officials counted 3,000 visitors a week.")
    assert [c.span.text for c in cs if c.kind in ("quantity", "proportion")] == ["3,000 visitors a week"]


def test_nested_claims_of_one_kind_keep_the_larger():
    text = "Soldiers fired hundreds of rounds."
    outer = Claim(Span.of(text, 15, 33), "vague quantity", "hundreds of rounds", counted="rounds")
    inner = Claim(Span.of(text, 15, 26), "vague quantity", "hundreds of")
    cleaned = clean_claims([inner, outer], text)
    assert [c.span.text for c in cleaned.claims] == ["hundreds of rounds"]


def test_a_second_figure_inside_a_claim_is_kept():
    text = "It would cost between $2.6 billion and $2.9 billion."
    outer = Claim(Span.of(text, 22, 51), "quantity", "2.6 billion", value=2.6e9)
    inner = Claim(Span.of(text, 39, 51), "quantity", "2.9 billion", value=2.9e9)
    assert [c.span.text for c in clean_claims([outer, inner], text).claims] == [
        "$2.6 billion and $2.9 billion", "$2.9 billion"]


def test_a_fact_stated_twice_is_one_claim_with_its_repeat():
    text = ("Harvest Day (the last Friday of October, this year falling on October 25) draws farmers. "
            "The fair will cost $4 million, the council said.\n"
            "This year, Harvest Day falls on October 25. The $4 million fair opens at nine.")
    s1, s2 = text.index("Harvest Day ("), text.index("This year, Harvest")
    cal1 = Claim(Span.of(text, s1, text.index(")") + 1), "calendar", "Harvest Day: October 25 (this year)")
    cal2 = Claim(Span.of(text, s2, text.index("25.", s2) + 2), "calendar", "Harvest Day: October 25 (this year)")
    m1, m2 = text.index("$4"), text.rindex("$4")
    q1 = Claim(Span.of(text, m1, m1 + 10), "quantity", "4,000,000 USD", value=4e6, counted="USD")
    q2 = Claim(Span.of(text, m2, m2 + 15), "quantity", "4,000,000 fair", value=4e6, counted="fair")
    cleaned = clean_claims([cal1, q1, cal2, q2], text)
    assert [c.span.start for c in cleaned.claims] == [s1, m1]
    assert cleaned.repeats == [(cal2.span,), (q2.span,)]


def test_two_bare_percentages_are_two_claims():
    text = "Sales rose 10 per cent. Costs rose 10 per cent."
    a, b = (Claim(Span.of(text, i, i + 11), "proportion", "10%", value=10.0) for i in (11, 35))
    assert len(clean_claims([a, b], text).claims) == 2


def test_repeated_calendar_statement_end_to_end():
    text = ("Rally marks Al-Quds Day\nTEHRAN - Thousands marched as the country marked International Quds Day "
            "(last Friday of Ramadan, this year falling on April 5).\nOrganisers spoke.\n"
            "This year, Al-Quds Day falls on April 5, and organisers expect large crowds.\n")
    f = found(text)
    cal = [(c, r) for c, r in zip(f.claims, f.repeats) if c.kind == "calendar"]
    assert len(cal) == 1
    (c, (rep,)) = cal[0]
    assert c.span.text.startswith("International Quds Day (") and rep.text == "This year, Al-Quds Day falls on April 5"
