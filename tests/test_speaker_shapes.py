"""The shapes of misattribution seen on real news pages (issue "Speakers in the article"), each with
a text written for this project: the statement must go to the right person, or stay unresolved;
never to a time, a quantity, a bare document, or someone merely mentioned."""
import pytest


def speaker_of(quotes, words: str):
    """The speaker of the one statement whose content holds `words`."""
    found = [q for q in quotes if any(words in c.text for c in q.content)]
    assert found, f"no statement holds {words!r}: {[q.content[0].text for q in quotes]}"
    return found[0].speaker


def test_the_target_of_a_reported_insult_is_not_the_speaker(quotes_of):
    quotes = quotes_of(
        "Senator Maria Lopez spoke with reporters after the call.\n\n"
        "During the call she called Daniel Rivera a \"traitor\" and said the state would sue the "
        "company over the spill.\n")
    assert speaker_of(quotes, "the state would sue") == "Maria Lopez"


def test_a_weekday_is_never_a_speaker(quotes_of):
    quotes = quotes_of(
        "Carlos Ortiz was the third witness testifying Tuesday before the committee.\n\n"
        "He said the company had ignored the warnings for two years.\n")
    assert all(q.speaker != "Tuesday" for q in quotes)
    assert speaker_of(quotes, "ignored the warnings") == "Carlos Ortiz"


def test_a_pronoun_after_a_paragraph_about_someone_else_goes_to_the_subject(quotes_of):
    quotes = quotes_of(
        "Robert Hill, 42, died in police custody last spring.\n\n"
        "The family's lawyer, Michael Grant, spoke to reporters outside the courthouse on Monday.\n\n"
        "\"Robert was a gentle man who deserved better than this,\" he said.\n")
    assert speaker_of(quotes, "gentle man") == "Michael Grant"


def test_the_subject_of_the_clause_speaks_not_the_group_of_the_previous_sentence(quotes_of):
    quotes = quotes_of(
        "President Elena Park met the foreign ministers in Geneva on Thursday.\n\n"
        "Officials at the State Department had expected her visit to Cairo to go ahead. "
        "The president said on Friday that the trip was cancelled because of the storm.\n")
    assert speaker_of(quotes, "the trip was cancelled") == "Elena Park"


def test_a_bare_document_is_not_a_speaker(quotes_of):
    quotes = quotes_of("The plant will close in June and 300 jobs will go, according to a statement.\n")
    assert all((q.speaker or "").lower() not in ("a statement", "statement") for q in quotes)


def test_a_document_speaks_for_its_named_owner(quotes_of):
    quotes = quotes_of(
        "The plant will close in June, according to a statement from Northwind Foods.\n")
    assert speaker_of(quotes, "The plant will close") == "Northwind Foods"


def test_a_possessive_owner_stays_in_the_speaker(quotes_of):
    quotes = quotes_of("The Tribune's fact-checking desk said the figure was wrong by half.\n")
    assert "Tribune" in (speaker_of(quotes, "the figure was wrong") or "")


def test_a_quantity_is_not_a_speaker(quotes_of):
    quotes = quotes_of("At least 20 people said they had seen the car leave the bridge.\n")
    for q in quotes:
        assert q.speaker is None or q.speaker.lower() not in ("at least people", "at least", "20")


def test_a_country_before_a_name_is_not_part_of_it(quotes_of):
    quotes = quotes_of(
        "Former ambassador to Chile Mark Ellison said the talks had stalled over the mine.\n")
    assert speaker_of(quotes, "the talks had stalled") == "Mark Ellison"


def test_a_quote_with_nobody_before_it_stays_unresolved(quotes_of):
    quotes = quotes_of(
        "The vote on the new bridge is set for Monday evening at the town hall.\n\n"
        "\"This bridge will cost us far more than anyone has admitted so far.\"\n")
    q = [q for q in quotes if "far more" in q.content[0].text]
    assert not q or (q[0].speaker is None and q[0].confidence < 0.5)


def test_an_unnamed_source_is_unresolved_with_lower_confidence(quotes_of):
    quotes = quotes_of(
        "Jane Moss, the mayor, said the budget was balanced for the first time in a decade.\n\n"
        "\"We will not back down on the bridge,\" a spokesman for the builders said.\n")
    named = [q for q in quotes if "budget" in q.content[0].text][0]
    unnamed = [q for q in quotes if "back down" in q.content[0].text][0]
    assert named.speaker == "Jane Moss"
    assert unnamed.speaker != "Jane Moss"
    assert unnamed.confidence < named.confidence
