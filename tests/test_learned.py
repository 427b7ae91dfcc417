"""The learned cue model (scripts/train_cue_model.py -> src/presswatch/data/cue_model.json): it
ships with the package, stays small, and reads a verb's context rather than the word alone."""
from importlib import resources

import pytest

from presswatch.nlp.lexicons.speech import cue_base
from presswatch.nlp.quotes.learned import cue_features, cue_model, cue_model_probability


def _verb(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


def test_the_model_ships_in_the_package_and_is_small():
    path = resources.files("presswatch").joinpath("data/cue_model.json")
    assert path.is_file()
    assert len(path.read_bytes()) < 4_000_000
    assert len(cue_model()) > 1000


def test_features_describe_the_verb_in_its_frame(nlp):
    verb = _verb(nlp, "Senator Ray Ortiz said the plan would fail.", "said")
    feats = cue_features(verb, in_lexicon=True)
    assert "w=said" in feats and "fr=clause" in feats and "lex=True" in feats
    assert "subj=PERSON" in feats
    assert feats == cue_features(verb, in_lexicon=True)  # the same at training and at run time


@pytest.mark.parametrize("cue_text, cue, plain_text, plain", [
    ("Senator Ray Ortiz said the plan would fail.", "said", "Senator Ray Ortiz opened the door.", "opened"),
    ("Patriot agreed to lend Mr. Clarke $5 million.", "agreed", "Patriot opened a mine in 2012.", "opened"),
])
def test_a_verb_reporting_a_position_scores_above_one_that_does_not(nlp, cue_text, cue, plain_text, plain):
    p_cue = cue_model_probability(_verb(nlp, cue_text, cue), cue_base(cue) is not None)
    p_plain = cue_model_probability(_verb(nlp, plain_text, plain), cue_base(plain) is not None)
    assert p_cue > 0.5 > p_plain or p_cue > p_plain + 0.2


def test_broad_scope_uses_the_model_for_verbs_outside_the_lexicon(quotes_of):
    from presswatch import Options

    text = "Mayor Lena Park refuses to release the audit.\n"
    assert quotes_of(text) == []  # not a statement in the speech scope
    qs = quotes_of(text, Options(attribution_scope="broad"))
    assert [(q.speaker, q.cue.text, q.content[0].text) for q in qs] == [
        ("Lena Park", "refuses", "to release the audit")]
    assert 0.5 <= qs[0].confidence <= 1.0


def test_speech_scope_drops_a_lexicon_verb_the_model_finds_no_cue(quotes_of, monkeypatch):
    import presswatch.nlp.quotes.scope as quotes
    text = "The council report also reflected growing public worries about the new tax.\n"
    assert quotes_of(text) == []
    monkeypatch.setattr(quotes, "SPEECH_LEXICON_FLOOR", 0.0)  # the lexicon alone takes it
    assert [q.cue.text for q in quotes_of(text)] == ["also reflected"]
