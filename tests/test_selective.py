"""selective_ner (nlp/selective.py): the recognizer sees only the tokens near names, numbers and
dates, and the analysis it gives is the one the full recognizer gives on the project's own articles."""
from pathlib import Path

import pytest

from gold.articles import ARTICLES
from presswatch import Article, Options, analyze
from presswatch.nlp import build, selective
from presswatch.pipeline import get_nlp

TEXTS = [a["text"] for a in ARTICLES] + [p.read_text(encoding="utf-8") for p in sorted(Path("samples").glob("*.txt"))]


@pytest.fixture(scope="module")
def full_nlp(nlp):
    return build.load(nlp._presswatch_model, selective_ner=False)


def test_the_pipeline_runs_the_selective_recognizer(nlp, full_nlp):
    assert "selective_ner" in nlp.pipe_names and "ner" not in nlp.pipe_names
    assert "ner" in full_nlp.pipe_names and "selective_ner" not in full_nlp.pipe_names


def test_words_far_from_any_name_number_or_date_are_not_given_to_the_recognizer(nlp):
    text = ("The committee met again and the members argued about the plan for hours without any "
            "agreement on what should come next. Claire Dubois left early.")
    doc = nlp(text)
    kept = {doc[i].text for i in selective.regions(doc)}
    assert {"Claire", "Dubois", "hours"} <= kept
    assert not {"committee", "members", "argued"} & kept
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("Claire Dubois", "PERSON")]


def test_a_sentence_without_candidates_gets_no_entities_and_no_work(nlp):
    doc = nlp("the plan was debated at length and nobody was happy with it.")
    assert selective.regions(doc) == []
    assert doc.ents == ()
    assert all(t.ent_iob_ == "O" for t in doc)  # marked outside, not left unset


def test_sentence_initial_names_count_but_common_capitalised_words_do_not(nlp):
    doc = nlp("Reyes said the budget was late. The members agreed that it was.")
    kept = [doc[i].text for i in selective.regions(doc)]
    assert "Reyes" in kept
    assert "members" not in kept and "agreed" not in kept


def test_entities_are_nearly_those_of_the_full_recognizer(nlp, full_nlp):
    same = total = 0
    for ours, ref in zip(nlp.pipe(TEXTS), full_nlp.pipe(TEXTS)):
        mine = {(e.start_char, e.end_char, e.label_) for e in ours.ents}
        theirs = {(e.start_char, e.end_char, e.label_) for e in ref.ents}
        same += len(mine & theirs)
        total += len(theirs)
    assert total > 50
    assert same >= 0.95 * total


def _statements(text, selective_ner):
    a = analyze(Article("t", text), Options(selective_ner=selective_ner))
    return [(tuple((s.start, s.end) for s in q.content), q.speaker, q.cue.text if q.cue else None)
            for q in a.quotes]


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_quotes_and_speakers_are_those_of_the_full_pipeline(i):
    assert _statements(TEXTS[i], True) == _statements(TEXTS[i], False)


def test_the_option_turns_it_off():
    assert "ner" in get_nlp(Options(selective_ner=False)).pipe_names
    assert "selective_ner" in get_nlp(Options()).pipe_names
    assert Options.from_env({"PRESSWATCH_SELECTIVE_NER": "0"}).selective_ner is False


def test_the_beam_of_one_decodes_as_the_greedy_recognizer(nlp):
    from spacy.tokens import Doc

    ner = nlp.get_pipe("ner")
    docs = [nlp(t) for t in TEXTS] + [nlp("")]
    subs = [selective._sub_doc(d, selective.regions(d)) for d in docs]
    greedy = [Doc(nlp.vocab).from_bytes(s.to_bytes()) for s in subs]
    ner.set_annotations(greedy, ner.greedy_parse(greedy))
    beam = [Doc(nlp.vocab).from_bytes(s.to_bytes()) for s in subs]
    ner.set_annotations(beam, selective.decode(ner, beam))
    assert sum(len(d.ents) for d in greedy) > 50
    for g, b in zip(greedy, beam):
        assert [(e.start, e.end, e.label_) for e in g.ents] == [(e.start, e.end, e.label_) for e in b.ents]
