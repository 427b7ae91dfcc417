"""Long articles: one length limit (Options.max_chars), honoured end to end; the parser reads a long
article in pieces, so spaCy's own limit and its memory never bound the article; offsets stay exact.
bench/worst_case.py measures time and memory up to 1 MB in one paragraph."""
from pathlib import Path

import pytest

import presswatch.pipeline as pipeline
from gold.articles import ARTICLES
from presswatch import Article, Options, analyze
from presswatch.nlp.text import pieces

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
# the project's own articles, one after another, four times over
OWN = [a["text"].strip() for a in ARTICLES] + [p.read_text(encoding="utf-8").strip() for p in sorted(SAMPLES.glob("*.txt"))]
LONG = "\n".join(OWN * 4) + "\n"
ONE_PARAGRAPH = " ".join(LONG.split()) + "\n"


@pytest.mark.parametrize("text, size", [(LONG, 500), (ONE_PARAGRAPH, 700), ("x" * 1000 + " y", 300)])
def test_pieces_cover_the_text_and_are_bounded(text, size):
    cut = pieces(text, size)
    assert cut[0][0] == 0 and cut[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cut, cut[1:]))
    assert all(0 < e - s <= size for s, e in cut)


def test_pieces_prefer_line_breaks_then_sentence_ends():
    text = "First paragraph here. It ends.\n\nSecond one is a bit longer. Really.\n"
    assert [text[s:e] for s, e in pieces(text, 45)] == ["First paragraph here. It ends.",
                                                        "\n\nSecond one is a bit longer. Really.\n"]
    one = "One sentence ends here. Another one follows it. And a third."
    assert [one[s:e] for s, e in pieces(one, 30)] == ["One sentence ends here. ", "Another one follows it. ",
                                                      "And a third."]


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of 2,000 characters and a model that refuses more than 5,000 at once (spaCy's E088,
    as it refuses 1,000,000 by default)."""
    nlp = pipeline.get_nlp()
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 2000)
    monkeypatch.setattr(nlp, "max_length", 5000)
    assert len(LONG) > 5000


@pytest.mark.parametrize("text", [LONG, ONE_PARAGRAPH])
def test_an_article_longer_than_the_parser_takes_is_read_in_pieces(text, small_pieces):
    a = analyze(Article("long", text))
    assert a.status == "ok", a.error
    assert len(a.quotes) > 40
    for q in a.quotes:
        for c in q.content:
            assert text[c.start:c.end] == c.text
    assert all(text[e.span.start:e.span.end] == e.span.text for e in a.entities)


def test_pieces_cut_at_line_breaks_give_the_whole_texts_analysis(monkeypatch):
    whole = analyze(Article("long", LONG)).to_dict()
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 2000)
    cut = analyze(Article("long", LONG)).to_dict()
    for field in ("quotes", "speakers", "claims", "times", "publication"):
        assert cut[field] == whole[field], field
    # the recognizer sees no context across a cut: an entity right after one may differ
    same = [e for e in cut["entities"] if e in whole["entities"]]
    assert len(same) >= 0.98 * len(whole["entities"]) and len(cut["entities"]) >= 0.98 * len(whole["entities"])


def test_the_length_limit_is_one_option():
    a = analyze(Article("big", LONG), Options(max_chars=1000))
    assert a.status == "error" and f"{len(LONG):,} characters, over the limit of 1,000" in a.error
    assert "PRESSWATCH_MAX_CHARS" in a.error
