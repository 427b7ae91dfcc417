"""Which mention is a statement's source (nlp/quotes/sources.py): the rule, the learned ranker
where it is confident, and what can never be a source. Every text here is written for the test."""
import pytest

from presswatch.nlp.quotes import sources
from presswatch.nlp.spans import Covered


def _source(q):
    return q.source.text if q.source is not None else None


def _one(quotes_of, text, needle):
    """The one statement whose content holds `needle`."""
    found = [q for q in quotes_of(text) if any(needle in c.text for c in q.content)]
    assert len(found) == 1, [(_source(q), [c.text for c in q.content]) for q in quotes_of(text)]
    return found[0]


# -- the target of an insult or a threat is not who spoke --------------------------------------

def test_the_accused_is_not_the_speaker(quotes_of):
    text = ("The council meeting ran late. It was interrupted by dozens of demonstrators accusing "
            "Mayor Rivera of lying about the budget.")
    q = _one(quotes_of, text, "lying about the budget")
    assert "Rivera" not in (_source(q) or "") and "Rivera" not in (q.speaker or "")
    assert "demonstrators" in _source(q)


def test_the_insulted_is_not_the_speaker(quotes_of):
    text = ("Mayor Tom Hale spoke to reporters on Friday. During the call he called Rivera a “traitor” "
            "and said the deal was dead.")
    for q in quotes_of(text):
        assert q.speaker == "Tom Hale"


# -- a time is not a speaker --------------------------------------------------------------------

def test_a_weekday_after_a_participle_is_not_the_source(quotes_of):
    text = "Marta Ortiz was the third witness testifying Tuesday that the lights had gone out before midnight."
    q = _one(quotes_of, text, "the lights had gone out")
    assert _source(q) == "the third witness"
    assert q.speaker != "Tuesday"


def test_the_engineer_testifying_speaks(quotes_of):
    text = "The hearing resumed with an engineer testifying Monday that the beams were cracked."
    q = _one(quotes_of, text, "the beams were cracked")
    assert _source(q) == "an engineer"


# -- documents, descriptions and quantities -----------------------------------------------------

def test_a_statement_nobody_owns_is_no_source_and_the_statement_stays_unresolved(quotes_of):
    text = ("Maria Lopez, a spokeswoman for the utility, answered questions about the outage.\n"
            "According to a statement, the power lines would be repaired by Friday.")
    q = _one(quotes_of, text, "repaired by Friday")
    assert q.source is None and q.speaker is None


def test_a_document_subject_is_no_source(quotes_of):
    text = ("Maria Lopez, a spokeswoman for the utility, answered questions about the outage.\n"
            "A memo said the crews would work through the weekend.")
    q = _one(quotes_of, text, "work through the weekend")
    assert q.source is None and q.speaker is None


def test_a_document_with_an_owner_speaks_for_the_owner(quotes_of):
    text = "According to a statement from Hydro One, the power lines would be repaired by Friday."
    q = _one(quotes_of, text, "repaired by Friday")
    assert q.speaker == "Hydro One"


def test_a_count_of_people_is_no_source(quotes_of):
    text = "The river rose overnight. At least 40 people told officials their homes were flooded."
    q = _one(quotes_of, text, "homes were flooded")
    assert q.source is None


def test_one_of_a_group_is_a_source(quotes_of):
    text = "The team lost again on Sunday. One of the players said the coach had lost the dressing room."
    q = _one(quotes_of, text, "lost the dressing room")
    assert _source(q) == "One of the players"


@pytest.mark.parametrize("text, source", [
    ("The claim spread quickly online. The Tribune's fact-checking desk said the photo was taken in 2015.",
     "The Tribune's fact-checking desk"),
    ("The photo was taken in 2015, according to the Tribune's fact-checking desk.", "the Tribune's fact-checking desk"),
    ("The senator's Office of Policy said the bill was flawed.", "The senator's Office of Policy"),
    ("“The bill is badly flawed,” Reuters' fact-checking team said.", "Reuters' fact-checking team"),
])
def test_a_possessive_owner_stays_in_the_source(quotes_of, text, source):
    (q,) = quotes_of(text)
    assert _source(q) == source


# -- one quote interrupted by a clause that reports nothing is one statement --------------------

def test_a_quote_opening_reported_speech_is_one_statement_of_its_speaker(quotes_of):
    text = ("Governor Amy Walsh spoke first. “We will appeal,” Walsh said.\n"
            "Council member Dan Price said in a statement, “We are pleased” at the release, adding that "
            "the families deserved answers.")
    qs = [q for q in quotes_of(text) if "pleased" in " ".join(c.text for c in q.content)]
    assert len(qs) == 1
    assert qs[0].speaker == "Dan Price"
    assert "families deserved answers" in " ".join(c.text for c in qs[0].content)


def test_a_quote_going_on_after_a_short_clause_stays_one_statement(quotes_of):
    text = ("Governor Amy Walsh spoke first. “We will appeal,” Walsh said.\n"
            "Council member Dan Price said in a statement, “We are pleased” at the release, “and we thank "
            "the investigators for their work.”")
    qs = [q for q in quotes_of(text) if q.speaker != "Amy Walsh"]
    assert len(qs) == 1
    assert qs[0].speaker == "Dan Price"
    assert [c.text for c in qs[0].content] == ["“We are pleased”", "“and we thank the investigators for their work.”"]


# -- the ranker overrules the rule where it is confident ------------------------------------------

def test_a_subject_inside_the_quote_is_not_the_source_of_the_cue_after_it(quotes_of):
    # the parse gives "said" the quote's own "inspectors" as subject; the ranker knows better
    text = ("“Above all, I have nothing to hide and, as public employees, our inspectors should also,” "
            "Director Moore wrote in a letter.")
    (q,) = quotes_of(text)
    assert _source(q) == "Moore"


# -- the ranker itself ----------------------------------------------------------------------------

def test_the_ranker_scores_every_candidate_of_the_sentence(nlp):
    doc = nlp("Senator Alma Reyes told reporters on Tuesday that the bill would pass.")
    cue = next(t for t in doc if t.text == "told")
    ranked = sources.ranked(cue, None, None, Covered([]))
    assert {c.text for _, c in ranked} == {"Reyes", "reporters", "Tuesday", "bill"}
    assert abs(sum(p for p, _ in ranked) - 1.0) < 1e-9
    assert ranked[0][1].text == "Reyes"


def test_the_ranker_never_chooses_what_cannot_be_a_source(nlp):
    doc = nlp("On Tuesday the memo said that the plant would close.")
    cue = next(t for t in doc if t.text == "said")
    assert not sources.valid_source(doc[1])  # Tuesday
    assert not sources.valid_source(doc[3])  # a memo nobody owns
    assert sources.choose_source(cue, doc[3], None, Covered([]), threshold=0.0) is None
