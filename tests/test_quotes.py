"""Statements found in sentences the project wrote: direct, reported, mixed, and negatives."""
import pytest


def one(quotes_of, text):
    qs = quotes_of(text)
    assert len(qs) == 1, [q.to_dict() for q in qs]
    return qs[0]


@pytest.mark.parametrize("text, content, cue, source", [
    ('"We will win the vote in the fall," Smith said.', '"We will win the vote in the fall,"', "said", "Smith"),
    ('"We will win the vote in the fall," said Jane Smith.', '"We will win the vote in the fall,"', "said", "Jane Smith"),
    ('Jane Smith said: "We will win the vote in the fall."', '"We will win the vote in the fall."', "said", "Jane Smith"),
    ("“We will win the vote in the fall,” Smith told reporters.", "“We will win the vote in the fall,”", "told", "Smith"),
    ("‘We will win the vote in the fall,’ Smith said.", "‘We will win the vote in the fall,’", "said", "Smith"),
])
def test_direct_quotes(quotes_of, text, content, cue, source):
    q = one(quotes_of, text)
    assert q.is_direct and q.kind == "direct"
    assert q.content[0].text == content
    assert q.cue.text == cue
    assert q.source.text == source


@pytest.mark.parametrize("text, content, cue, source", [
    ("Jane Smith said that taxes would rise next year.", "that taxes would rise next year", "said", "Jane Smith"),
    ("The mayor has called for a referendum on the new bridge.", "a referendum on the new bridge",
     "has called for", "The mayor"),
    ("According to the ministry, forty people were hurt in the fire.", "forty people were hurt in the fire",
     "According to", "the ministry"),
    ("Senator Paul Ortiz stressed the need for new roads in the north.", "the need for new roads in the north",
     "stressed", "Paul Ortiz"),
    ("The union warned that a strike could begin on Monday.", "that a strike could begin on Monday", "warned",
     "The union"),
    ("Senator Paul Ortiz responded by saying the report was wrong.", "the report was wrong", "saying",
     "Paul Ortiz"),
])
def test_reported_speech(quotes_of, text, content, cue, source):
    q = one(quotes_of, text)
    assert not q.is_direct and q.kind == "indirect"
    assert q.content[0].text == content
    assert q.cue.text == cue
    assert q.source.text == source


def test_chain_of_two_statements(quotes_of):
    qs = quotes_of("Mayor Lena Park praised the volunteers and condemned the vandalism at the park.")
    assert [q.cue.text for q in qs] == ["praised", "condemned"]
    assert [q.content[0].text for q in qs] == ["the volunteers", "the vandalism at the park"]
    assert {q.speaker for q in qs} == {"Lena Park"}


def test_participle_statement_inherits_the_subject(quotes_of):
    qs = quotes_of("Minister Omar Haddad defended the budget, noting that unemployment had fallen.")
    assert [q.cue.text for q in qs] == ["defended", "noting"]
    assert qs[1].content[0].text == "that unemployment had fallen"
    assert qs[1].speaker == "Omar Haddad"


def test_mixed_quote_is_reported_speech_with_fragment(quotes_of):
    q = one(quotes_of, 'Ana Lopez said the agreement was "a historic step" for the region.')
    assert q.kind == "mixed" and not q.is_direct
    assert "“" not in q.content[0].text and '"a historic step"' in q.content[0].text


@pytest.mark.parametrize("text", [
    'The so-called "reform" passed on Monday without debate.',
    'She read "The Old Man and the Sea" on the train last summer.',
    "The team’s coach didn’t travel with the players’ families.",
    "The report was published on Tuesday and runs to 300 pages.",
    "The occasion underscores the enduring commitment to the city.",
])
def test_no_statement(quotes_of, text):
    assert quotes_of(text) == []


def test_floating_quote_continues_the_previous_speaker(quotes_of):
    text = ('"We have waited long enough for this bridge," said Maria Chen.\n'
            '"Every winter the ferry stops and the town is cut off from the hospital."')
    qs = quotes_of(text)
    assert len(qs) == 2
    assert qs[1].source is None and qs[1].cue is None
    assert qs[1].speaker == "Maria Chen"


def test_unbalanced_marks_lose_only_their_paragraph(quotes_of):
    text = ('"The plan is a good one for everybody," Smith said.\n'
            'A stray " mark sits in this paragraph, Smith said.\n'
            '"We will start building in the spring," Smith added.')
    qs = [q for q in quotes_of(text) if q.is_direct]
    assert [q.content[0].text for q in qs] == ['"The plan is a good one for everybody,"',
                                                '"We will start building in the spring,"']


def test_quote_over_two_paragraphs_is_one_statement(quotes_of):
    text = ('Rao spoke at length.\n“The first part of what I want to say is about money.\n'
            '“The second part is about time,” said Anita Rao.')
    qs = quotes_of(text)
    direct = [q for q in qs if q.is_direct]
    assert len(direct) == 1
    assert direct[0].content[0].text.endswith("about time,”")
    assert direct[0].speaker == "Anita Rao"


def test_it_with_a_clause_is_a_document_speaking(quotes_of):
    text = ("The city sent a cease-and-desist letter to the campaign on Thursday. "
            "It says the campaign used photographs of officers without permission.")
    q = one(quotes_of, text)
    assert q.source.text == "It" and q.cue.text == "says"
    assert q.content[0].text == "the campaign used photographs of officers without permission"
    assert quotes_of("The new stadium is huge. It says a lot about the city.") == []


@pytest.mark.parametrize("text", [
    "READ MORE: Mayor Lena Park says the bridge will open in May\n\nThe council met on Tuesday.",
    "The debt is higher than city reports say it is.",
])
def test_link_lines_and_comparisons_are_no_statements(quotes_of, text):
    assert quotes_of(text) == []


def test_a_reason_right_after_the_reported_clause_is_part_of_it(quotes_of):
    quotes = quotes_of("Lindsay said she was pleased with the study because it gives the provinces hard numbers.\n")
    assert any(q.content[0].text.endswith("gives the provinces hard numbers") for q in quotes), \
        [q.content[0].text for q in quotes]
