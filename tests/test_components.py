"""presswatch as spaCy components: in a stock pipeline, two Options over one model, Doc round trips."""
import pytest
import spacy
from spacy.tokens import Doc

import presswatch
from presswatch import Article, Options, SettingError, analysis_of, analyze
from presswatch.options import DEFAULT
from presswatch.pipeline import get_nlp

TEXT = ("Budget vote delayed\n"
        "OTTAWA, April 3, 2024 - Finance Minister Claire Dubois said on Tuesday that the budget would be "
        "balanced. “We kept every promise,” Dubois told reporters. "
        "“The roads come next.”\n"
        "Senator Ray Ortiz wants a new pipeline through the valley.\n"
        "More than 3,000 people have signed the petition, according to the organisers.\n")
STEPS = ("presswatch_article", "presswatch_quotes", "presswatch_speakers", "presswatch_times", "presswatch_claims",
         "presswatch_checkworthy", "presswatch_techniques")


@pytest.fixture(scope="module")
def stock():
    """What a spaCy user loads: the model with every component of its own (lemmatizer and attribute
    ruler included), none of presswatch's speed steps."""
    for name in DEFAULT.model.split(","):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.fail(f"no spaCy model among {DEFAULT.model}")


def test_quotes_in_a_stock_pipeline(stock):
    nlp = stock
    assert "lemmatizer" in nlp.pipe_names and "attribute_ruler" in nlp.pipe_names
    nlp.add_pipe("presswatch_quotes")  # found through the spacy_factories entry point
    try:
        doc = nlp(TEXT)
        contents = [[c["text"] for c in q["content"]] for q in doc._.quotes]
        assert ["that the budget would be balanced"] in contents
        assert ["“We kept every promise,”"] in contents
        direct = next(q for q in doc._.quotes if q["is_direct"])
        assert direct["cue"]["text"] == "told" and direct["source"]["text"] == "Dubois"
        assert all(TEXT[c["start"]:c["end"]] == c["text"] for q in doc._.quotes for c in q["content"])
    finally:
        nlp.remove_pipe("presswatch_quotes")


def test_every_step_in_a_stock_pipeline_gives_an_analysis(stock):
    for name in STEPS:
        stock.add_pipe(name)
    try:
        assert all(not problems for problems in stock.analyze_pipes()["problems"].values())
        doc = stock(TEXT)
        a = analysis_of(doc)
        assert a.status == "ok"
        by_content = {q.content[0].text: q for q in a.quotes}
        said = by_content["that the budget would be balanced"]
        assert said.speaker == "Claire Dubois" and said.statement_time.basis == "stated"
        assert by_content["“The roads come next.”"].speaker == "Claire Dubois"  # floats on, after Dubois
        assert a.publication.basis == "dateline" and a.publication.date == "2024-04-03"
        assert any(c.kind == "quantity" and c.value == 3000 for c in a.claims)
        assert {s.name for s in a.speakers} >= {"Claire Dubois"}
    finally:
        for name in STEPS:
            stock.remove_pipe(name)


def test_a_components_config_is_checked(stock):
    from confection import ConfigValidationError

    with pytest.raises(ConfigValidationError, match="attribution_scope.*'everything' is not .*'speech', 'broad'"):
        stock.add_pipe("presswatch_quotes", name="bad", config={"attribution_scope": "everything"})
    with pytest.raises(SettingError, match="learned_cue_threshold=3 is not valid: use a number from 0 to 1"):
        stock.add_pipe("presswatch_quotes", name="bad", config={"learned_cue_threshold": 3})
    assert "bad" not in stock.pipe_names


def test_a_broad_component_config(stock):
    stock.add_pipe("presswatch_quotes", config={"attribution_scope": "broad"})
    try:
        cues = [q["cue"]["text"] for q in stock(TEXT)._.quotes if q["cue"]]
        assert "wants" in cues  # a stance: the broad scope only
    finally:
        stock.remove_pipe("presswatch_quotes")


def test_two_options_share_one_model_and_give_two_results():
    speech, broad = Options(), Options(attribution_scope="broad")
    assert get_nlp(speech) is get_nlp(broad)
    a, b = analyze(TEXT, speech), analyze(TEXT, broad)
    assert "wants" not in [q.cue.text for q in a.quotes if q.cue]
    assert "wants" in [q.cue.text for q in b.quotes if q.cue]
    # interleaved in one batch, each article keeps its own options
    mixed = list(presswatch.analyze_many([TEXT, TEXT], speech)) + list(presswatch.analyze_many([TEXT], broad))
    assert [x.to_dict() for x in mixed] == [a.to_dict(), a.to_dict(), b.to_dict()]


def test_a_processed_doc_round_trips_through_bytes():
    nlp = get_nlp()
    doc = next(iter(nlp.pipe([(TEXT, {"article": Article("d1", TEXT, title="Budget"), "options": DEFAULT})],
                             as_tuples=True)))[0]
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes and again._.claims == doc._.claims
    assert again._.article["title"] == "Budget"
    assert analysis_of(again).to_dict() == analysis_of(doc).to_dict() == analyze(Article("d1", TEXT, title="Budget")).to_dict()


def test_the_pipeline_order_is_declared():
    nlp = get_nlp()
    names = nlp.pipe_names
    assert [n for n in names if n.startswith("presswatch_")] == list(STEPS)
    assert all(not problems for problems in nlp.analyze_pipes()["problems"].values())


def test_a_failing_step_fails_its_article_alone(monkeypatch):
    from presswatch.components import quotes

    real = quotes.extract_quotes

    def flaky(doc, text, scope):
        if "BOOM" in text:
            raise ValueError("a defect")
        return real(doc, text, scope)
    monkeypatch.setattr(quotes, "extract_quotes", flaky)
    good, bad, good2 = presswatch.analyze_many([TEXT, "BOOM, he said.", TEXT])
    assert good.status == good2.status == "ok" and good.quotes
    assert bad.status == "error" and "internal error while analyzing (ValueError: a defect)" in bad.error


def test_a_stock_pipeline_raises_a_steps_failure(stock, monkeypatch):
    from presswatch.components import quotes

    monkeypatch.setattr(quotes, "extract_quotes", lambda *a: 1 / 0)
    stock.add_pipe("presswatch_quotes")
    try:
        with pytest.raises(ZeroDivisionError):
            stock(TEXT)
    finally:
        stock.remove_pipe("presswatch_quotes")


def test_invisible_characters_keep_their_place_in_the_spans():
    # the parser reads them as spaces; the records' texts are the article's own characters
    text = "The mayor said that the bud\u00adget was bal\u200banced for the third year.\n"
    a = analyze(Article("inv", text))
    (q,) = a.quotes
    assert q.content[0].text == "that the bud\u00adget was bal\u200banced for the third year"
    assert text[q.content[0].start:q.content[0].end] == q.content[0].text
    nlp = get_nlp()
    doc = next(iter(nlp.pipe([(text.replace("\u00ad", " ").replace("\u200b", " "),
                               {"article": Article("inv", text), "options": DEFAULT})], as_tuples=True)))[0]
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert analysis_of(again).quotes[0].content[0].text == q.content[0].text  # the text travels on the doc
