"""Quotation marks: every common style, apostrophes that are no quotes, unbalanced marks."""
import pytest

from presswatch.nlp.quotemarks import find_quoted


def quoted_texts(text):
    return [text[q.start:q.end] for q in find_quoted(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win the vote" today.', ['"we will win the vote"']),
    ("He said “we will win the vote” today.", ["“we will win the vote”"]),
    ("Er sagte „wir gewinnen die Wahl“ heute.", ["„wir gewinnen die Wahl“"]),
    ("Il a dit « nous gagnerons » hier.", ["« nous gagnerons »"]),
    ("He said ‘we will win the vote’ today.", ["‘we will win the vote’"]),
    ("Two quotes: “one here,” and “two there.”", ["“one here,”", "“two there.”"]),
    # inside double marks, single marks are nested, not separate quotes
    ("“The project called ‘The Deal’ failed,” he said.", ["“The project called ‘The Deal’ failed,”"]),
])
def test_quote_styles(text, expected):
    assert quoted_texts(text) == expected


@pytest.mark.parametrize("text", [
    "The Zionist’s so-called plan and the Palestinians’ land.",
    "Don’t say it isn’t so; it’s the ’90s again.",
    "The players' union won't agree to the owners' offer.",
    "Rock ’n’ roll and fish ’n’ chips.",
])
def test_apostrophes_are_not_quotes(text):
    assert find_quoted(text) == []


def test_quote_running_over_paragraphs():
    text = ("“The first paragraph of a long statement goes on.\n"
            "“And the second paragraph ends it,” she said.\nNext paragraph.")
    qs = find_quoted(text)
    assert len(qs) == 1
    assert text[qs[0].start:qs[0].end].startswith("“The first")
    assert text[qs[0].start:qs[0].end].endswith("ends it,”")
    assert qs[0].paragraphs == 2


def test_unbalanced_mark_loses_only_its_paragraph():
    text = ('"First quote here," he said.\n'
            'A stray " mark sits in this paragraph.\n'
            '"Third quote here," she said.')
    assert quoted_texts(text) == ['"First quote here,"', '"Third quote here,"']


def test_quote_without_closing_mark_at_paragraph_start_is_kept():
    text = "“We will not stop until the job is done\nThe council met on Monday."
    assert quoted_texts(text) == ["“We will not stop until the job is done"]


def test_two_apostrophes_as_double_marks():
    text = "''This isn't tax reform,'' said Mr. Holtz. ''It's anti-reform.''"
    assert quoted_texts(text) == ["''This isn't tax reform,''", "''It's anti-reform.''"]
