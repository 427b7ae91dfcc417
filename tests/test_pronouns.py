"""The pronoun resolver (nlp/pronouns/) and its component, on texts written for these tests."""
import json
from importlib import resources

import pytest
import spacy
from spacy.tokens import Doc

import presswatch.components  # noqa: F401  (registers presswatch_pronouns, as the entry point does)
from presswatch.nlp.build import load
from presswatch.nlp.pronouns import resolve, score
from presswatch.nlp.pronouns import model as pronoun_model
from presswatch.nlp.pronouns.features import Context
from presswatch.options import DEFAULT


@pytest.fixture(scope="module")
def nlp():
    return load(DEFAULT.model, DEFAULT.selective_ner)


def by_pronoun(doc, threshold=None):
    return [(r.pronoun_text, r.antecedent_text) for r in resolve(doc, threshold=threshold)]


def token_at(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def offsets(doc, *names):
    out = []
    for n in names:
        s = doc.text.index(n)
        out.append((s, s + len(n)))
    return out


def test_gender_agreement_picks_the_woman_for_she_and_the_man_for_he(nlp):
    doc = nlp("Maria Lopez met Tom Baker in Ottawa. She said he would sign the deal before the summer.")
    assert by_pronoun(doc) == [("She", "Maria Lopez"), ("he", "Tom Baker")]
    she, he = token_at(doc, "She"), token_at(doc, "he")
    s_maria, s_tom = score(doc, she, offsets(doc, "Maria Lopez", "Tom Baker"))
    assert s_maria > 0.5 and s_tom == 0.0  # a first name that is a man's: never "she"
    h_maria, h_tom = score(doc, he, offsets(doc, "Maria Lopez", "Tom Baker"))
    assert h_maria == 0.0 and h_tom > 0.0


def test_a_gendered_title_says_the_gender_of_an_unknown_name(nlp):
    doc = nlp("Mrs. Okonkwo greeted Mr. Haldane at the station. She said the trains were late.")
    she = token_at(doc, "She")
    ok, haldane = score(doc, she, offsets(doc, "Okonkwo", "Haldane"))
    assert ok > 0.0 and haldane == 0.0


def test_the_subject_is_preferred_over_a_mentioned_object(nlp):
    for text in ("Ray Ortiz thanked Paul Martin on Monday. He said the budget would pass.",
                 "Ray Ortiz thanked Paul Martin on Monday, and he said the budget would pass."):
        doc = nlp(text)
        pron = token_at(doc, "He" if "He" in text else "he")
        subj, obj = score(doc, pron, offsets(doc, "Ray Ortiz", "Paul Martin"))
        assert subj > obj, text
        assert by_pronoun(doc)[0][1] == "Ray Ortiz"


def test_no_antecedent_when_no_candidate_is_compatible(nlp):
    doc = nlp("Claire Dubois met Anna Weber in the capital. He said the talks went well. "
              "They said nothing.")
    got = resolve(doc, threshold=0.0)  # even with no threshold at all
    assert [(r.pronoun_text, r.antecedent, r.score) for r in got] == [("He", None, 0.0), ("They", None, 0.0)]
    doc = nlp("The weather was mild. She arrived late.")  # no candidate at all
    assert by_pronoun(doc, threshold=0.0) == [("She", None)]


def test_they_can_stand_for_a_group_of_named_people(nlp):
    doc = nlp("Claire Dubois and Anna Weber met in the capital. They said the talks went well.")
    they = token_at(doc, "They")
    both, one = score(doc, they, offsets(doc, "Claire Dubois and Anna Weber", "Anna Weber"))
    assert both > 0.0 and one == 0.0


def test_callers_candidates_and_spans_that_cover_no_token(nlp):
    doc = nlp("Ray Ortiz spoke first. He was brief.")
    he = token_at(doc, "He")
    assert score(doc, he, []) == []
    got = score(doc, he, [(0, 9), (15, 15)])  # an empty span scores 0
    assert got[0] > 0.0 and got[1] == 0.0
    r = resolve(doc, candidates=[(0, 9)])
    assert [(x.pronoun, x.antecedent) for x in r] == [((23, 25), (0, 9))]


def test_the_component_writes_plain_records_with_offsets(nlp):
    stock = None
    for name in DEFAULT.model.split(","):
        try:
            stock = spacy.load(name)
            break
        except OSError:
            continue
    assert stock is not None and "ner" in stock.pipe_names
    stock.add_pipe("presswatch_pronouns")
    assert all(not p for p in stock.analyze_pipes()["problems"].values())
    text = "Maria Lopez met Tom Baker in Ottawa. She said he would sign the deal before the summer."
    doc = stock(text)
    recs = doc._.pronouns
    assert [(r["pronoun"]["text"], r["antecedent"]["text"]) for r in recs] == [("She", "Maria Lopez"),
                                                                              ("he", "Tom Baker")]
    for r in recs:
        for part in (r["pronoun"], r["antecedent"]):
            assert text[part["start"]:part["end"]] == part["text"]
        assert 0.0 < r["score"] <= 1.0
    back = Doc(stock.vocab).from_bytes(doc.to_bytes())
    assert back._.pronouns == recs
    with pytest.raises(Exception, match="threshold"):
        spacy.blank("en").add_pipe("presswatch_pronouns", config={"threshold": 2.0})


def test_a_long_document_costs_a_bounded_number_of_pairs_per_pronoun(nlp, monkeypatch):
    part = nlp("Maria Lopez met Tom Baker in Ottawa on Monday. She said he would sign the deal. "
               "Baker told reporters his team was ready, and Lopez said her office agreed with him. "
               "The talks went on late into the night at the hotel beside the river.\n")
    doc = Doc.from_docs([part] * (200_000 // len(part.text) + 1))
    assert len(doc.text) >= 200_000
    calls = {"pairs": 0, "contexts": 0}
    real_pairs, real_of = pronoun_model.pair_features, Context.of.__func__

    def counting_pairs(*a):
        calls["pairs"] += 1
        return real_pairs(*a)

    def counting_of(cls, d):
        calls["contexts"] += 1
        return real_of(cls, d)
    monkeypatch.setattr(pronoun_model, "pair_features", counting_pairs)
    monkeypatch.setattr(Context, "of", classmethod(counting_of))
    got = resolve(doc)
    pronouns = sum(1 for t in doc if t.lower_ in ("she", "he", "his", "her", "him"))
    assert len(got) == pronouns > 2000
    assert calls["pairs"] <= pronouns * 2 * pronoun_model.WINDOW_MENTIONS
    assert calls["contexts"] == 1  # the doc is indexed once, not once per pronoun
    she = [r.antecedent_text for r in got if r.pronoun_text == "She"]
    assert she.count("Maria Lopez") == len(she)


def test_the_shipped_model_is_feature_names_and_weights():
    raw = resources.files("presswatch").joinpath("data/pronoun_model.json").read_text("utf-8")
    assert len(raw) < 300_000
    model = json.loads(raw)
    assert 0.0 < model["meta"]["threshold"] < 1.0
    assert all(isinstance(v, float) and len(k) < 80 for k, v in model["weights"].items())
