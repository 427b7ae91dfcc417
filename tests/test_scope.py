"""Options.attribution_scope: speech (default: what people said, an interrupted quote is two
statements) or broad (also stances the learned lexicon knows, an interrupted quote is one)."""
import pytest

from presswatch import Options

BROAD = Options(attribution_scope="broad")

INTERRUPTED = ("“The plant will stay open through the winter,” said Mayor Lena Park, speaking at the "
               "town hall. “Nobody loses a job this year.”\n")
STANCE = "Senator Ray Ortiz wants a new pipeline through the valley.\n"


def test_speech_scope_keeps_an_interrupted_quote_as_two_statements(quotes_of):
    qs = quotes_of(INTERRUPTED)
    assert [len(q.content) for q in qs] == [1, 1]
    assert {q.speaker for q in qs} == {"Lena Park"}


def test_broad_scope_joins_an_interrupted_quote_into_one_statement(quotes_of):
    qs = quotes_of(INTERRUPTED, BROAD)
    assert len(qs) == 1
    q = qs[0]
    assert [c.text for c in q.content] == ["“The plant will stay open through the winter,”",
                                           "“Nobody loses a job this year.”"]
    assert q.speaker == "Lena Park" and q.cue.text == "said" and q.is_direct


def test_broad_scope_does_not_join_across_another_quote_or_paragraph(quotes_of):
    text = INTERRUPTED.replace("town hall. “Nobody", "town hall.\n“Nobody")
    assert [len(q.content) for q in quotes_of(text, BROAD)] == [1, 1]


def test_broad_scope_finds_stances_the_speech_scope_leaves_out(quotes_of):
    assert quotes_of(STANCE) == []
    qs = quotes_of(STANCE, BROAD)
    assert [(q.speaker, q.cue.text) for q in qs] == [("Ray Ortiz", "wants")]
    assert qs[0].content[0].text == "a new pipeline through the valley"


def test_a_bad_scope_is_a_clear_error():
    from presswatch import SettingError

    with pytest.raises(SettingError, match=r"attribution_scope='everything' is not valid: use one of speech, broad"):
        Options(attribution_scope="everything")
    with pytest.raises(SettingError, match="PRESSWATCH_ATTRIBUTION_SCOPE='everything'.*one of speech, broad"):
        Options.from_env({"PRESSWATCH_ATTRIBUTION_SCOPE": "everything"})
    assert Options.from_env({"PRESSWATCH_ATTRIBUTION_SCOPE": "broad"}) == BROAD


@pytest.mark.parametrize("text, cue", [
    ("He believes the project will be finished by June.", "believes"),
    ("A study by the institute found that most bridges need repairs.", "found"),
])
def test_beliefs_evidence_and_references_count_only_in_the_broad_scope(quotes_of, text, cue):
    assert quotes_of(text) == []
    assert [q.cue.text for q in quotes_of(text, BROAD)] == [cue]


def test_the_speech_scope_keeps_object_cues_that_report_speech(quotes_of):
    qs = quotes_of("Mayor Lena Park called the allegation false and urged residents to vote.\n")
    assert [q.cue.text for q in qs] == ["called", "urged"]


def test_a_belief_stated_with_that_is_a_reported_position_in_the_speech_scope(quotes_of):
    qs = quotes_of("He believes that the project will be finished by June.")
    assert [(q.cue.text, q.content[0].text) for q in qs] == [("believes", "that the project will be finished by June")]


def test_broad_scope_after_a_dash_attribution(quotes_of):
    # a dash attribution has a cue span but no cue word: joining must not trip over it
    text = "“We will rebuild the school.” ― Dana Whitfield “It opens in May,” she said.\n"
    qs = quotes_of(text, BROAD)
    assert [q.speaker for q in qs] == ["Dana Whitfield", "Dana Whitfield"]


@pytest.mark.parametrize("text, content", [
    # a trailing comment the writer adds after a comma is not part of what was attributed
    ("Mayor Lena Park said the budget would cover the new bridge, which opens next spring.\n",
     "the budget would cover the new bridge, which opens next spring"),
    ("Mayor Lena Park said the budget would pay Tom Reyes, who is 70.\n",
     "the budget would pay Tom Reyes"),
    # a quotation the content opened is closed with it
    ("Mayor Lena Park suggested that the council ''has paid nothing in federal taxes.''\n",
     "that the council ''has paid nothing in federal taxes.''"),
    ("Mayor Lena Park said the council would raise fees, forcing drivers to pay more.\n",
     "the council would raise fees"),
    # nor is a leading conjunction or sentence adverb
    ("Mayor Lena Park said that however the council votes, the bridge will open.\n",
     "that however the council votes, the bridge will open"),
])
def test_broad_scope_content_boundaries(quotes_of, text, content):
    assert [c.text for q in quotes_of(text, BROAD) for c in q.content] == [content]


def test_a_clause_the_parser_calls_adverbial_is_still_what_was_said(quotes_of):
    qs = quotes_of("Trump said after the rally he would not accept the endorsement if it were offered.\n")
    assert [c.text for q in qs for c in q.content] == ["he would not accept the endorsement if it were offered"]


def test_a_parenthetical_it_says_is_a_statement(quotes_of):
    qs = quotes_of("The average weekly benefit, the plan says, would be $300.\n")
    assert [c.text for q in qs for c in q.content] == ["The average weekly benefit", "would be $300"]


def test_a_chain_of_cues_reports_its_content_once(quotes_of):
    qs = quotes_of("Despite attempts by global powers to suppress the demonstrations, Muslims continue to "
                   "assert their right to voice support for Palestine.\n", BROAD)
    assert [(q.cue.text, q.content[0].text) for q in qs] == [
        ("to assert", "their right to voice support for Palestine")]


def test_content_that_is_a_whole_quotation_keeps_its_marks(nlp):
    from presswatch.nlp.quotes.boundaries import attribution_bounds
    text = 'The principal wrote "We need the money for the school," in the letter.\n'
    doc = nlp(text)

    def tok_at(s, e):
        return [t for t in doc if s <= t.idx < e]
    s = text.index("We need")
    e = text.index("school") + len("school")
    a, b = attribution_bounds(tok_at, s, e)
    assert text[a:b] == '"We need the money for the school,"'
