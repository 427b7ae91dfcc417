"""The check-worthiness model (presswatch.nlp.checkworthy) on sentences written for these tests."""
import pytest

from presswatch.nlp.checkworthy import doc_features, score_sentences
from presswatch.nlp.checkworthy.model import artifact


@pytest.fixture(scope="module")
def nlp():
    from presswatch.nlp.build import load
    from presswatch.options import DEFAULT
    return load(DEFAULT.model, DEFAULT.selective_ner)


FIGURE = "The county's jobless rate fell to 3.2 percent in March, the lowest level since 1998."
OPINION = "I think we need to be kinder to each other."
GREETING = "Good evening, and thank you all for coming tonight."


def _scores(nlp, text, claims=(), statements=()):
    return {text[s:e]: p for s, e, p in score_sentences(nlp(text), claims, statements)}


def test_a_figure_with_a_comparison_outranks_an_opinion_and_a_greeting(nlp):
    text = " ".join([GREETING, OPINION, FIGURE])
    scores = _scores(nlp, text)
    assert set(scores) == {GREETING, OPINION, FIGURE}
    assert scores[FIGURE] > scores[OPINION] and scores[FIGURE] > scores[GREETING]
    assert scores[FIGURE] >= 0.5 > max(scores[OPINION], scores[GREETING])


def test_a_vote_outranks_a_wish(nlp):
    vote = "The senator voted against the highway bill twice in 2019."
    wish = "We should all hope for a better tomorrow."
    scores = _scores(nlp, f"{wish}\n\n{vote}")
    assert scores[vote] > scores[wish]


def test_claims_and_statements_are_features(nlp):
    text = "Crime went up after the council acted."
    doc = nlp(text)
    (_, _, plain), = doc_features(doc)
    (_, _, with_them), = doc_features(doc, [(0, 14, "vague quantity")], [(0, 38, "indirect", "Said")])
    assert "claims:<=0" in plain and "stmt:none" in plain
    assert {"claim:vague_quantity", "stmt:indirect", "stmt:cue:said"} <= set(with_them)


def test_one_score_per_sentence_in_0_1_with_spans_inside_the_text(nlp):
    text = "  Hello there.   \n\n   The budget grew by $4 billion.  Why?  \n  "
    out = score_sentences(nlp(text))
    assert [text[s:e] for s, e, _ in out] == ["Hello there.", "The budget grew by $4 billion.", "Why?"]
    for s, e, p in out:
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip() and 0.0 <= p <= 1.0
    assert [s for s, _, _ in out] == sorted(s for s, _, _ in out)
    assert score_sentences(nlp("   \n\n  ")) == []


def test_the_shipped_model_holds_weights_only():
    model = artifact()
    assert len(model["weights"]) > 100 and not any(f.startswith("corpus:") for f in model["weights"])
    assert model["meta"]["calibrated_to"] == "ClaimBuster base rate"


def test_cost_is_linear_on_a_long_article(monkeypatch, nlp):
    """Each claim and statement is looked at only for the sentences it overlaps: counted, not timed."""
    from presswatch.nlp.checkworthy import features
    para = "The plant hired 40 workers in 2020. Critics said it would close. "
    calls = {"n": 0}
    real = features._context_features

    def counting(f, claims, statements):
        calls["n"] += len(claims) + len(statements)
        return real(f, claims, statements)

    monkeypatch.setattr(features, "_context_features", counting)
    for reps in (20, 80):
        text = para * reps
        claims = [(i * len(para) + 16, i * len(para) + 26, "quantity") for i in range(reps)]
        stmts = [(i * len(para) + 36, i * len(para) + len(para) - 2, "indirect", "said") for i in range(reps)]
        calls["n"] = 0
        out = score_sentences(nlp(text), claims, stmts)
        assert len(out) == 2 * reps
        assert calls["n"] == 2 * reps  # one claim and one statement per pair of sentences, each seen once
