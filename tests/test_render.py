"""render: the plain-text report groups statements by speaker and shows cue, kind and occasion."""
from presswatch.records import Analysis, Publication, Quote, Span, StatementTime
from presswatch.render import group_by_speaker, render

TEXT = ('Claire Dubois said that the money would flow this year. "Commuters have waited long enough," '
        'Dubois told reporters. Marcus Feld called it "too little, too late". "We will fund it," she said.')


def span(s, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return Span.of(TEXT, start, start + len(s))


def quote(content, cue, speaker, kind, nth_cue=0, **time):
    return Quote(content=(span(content),), source=None, cue=span(cue, nth_cue), speaker=speaker,
                 is_direct=kind == "direct", kind=kind, statement_time=StatementTime(**time))


ANALYSIS = Analysis(
    doc_id="transit", title="Ottawa pledges transit money",
    publication=Publication(date="2024-03-05", year=2024, basis="metadata", place="OTTAWA"),
    quotes=(  # deliberately out of text order
        quote("We will fund it,", "said", "Claire Dubois", "direct", nth_cue=1),
        quote("too little, too late", "called", "Marcus Feld", "mixed"),
        quote("the money would flow this year", "said", "Claire Dubois", "indirect",
              occasion="press conference", year=2023, basis="stated"),
        quote("Commuters have waited long enough,", "told", None, "direct"),
    ))


def test_header():
    out = render(ANALYSIS)
    assert out.splitlines()[0] == "== transit: Ottawa pledges transit money"
    assert "published 2024-03-05 (metadata)" in out
    assert "dateline OTTAWA" in out


def test_statements_grouped_by_speaker_in_text_order():
    out = render(ANALYSIS).splitlines()
    heads = [ln.strip() for ln in out[2:] if ln.startswith("  ") and not ln.startswith("    ")]
    assert heads == ["Claire Dubois (2 statements)", "Marcus Feld (1 statement)",
                     "(speaker not resolved) (1 statement)"]
    dubois = out.index("  Claire Dubois (2 statements)")
    assert "[indirect] said: the money would flow this year" in out[dubois + 1]
    assert "[direct] said: We will fund it," in out[dubois + 3]


def test_cue_kind_and_occasion_shown():
    out = render(ANALYSIS)
    assert "[mixed] called: too little, too late" in out
    assert "[direct] told: Commuters have waited long enough," in out
    assert "when: press conference, 2023 (stated)" in out
    assert out.count("when:") == 1  # no occasion line where nothing is known


def test_long_content_truncated():
    long = "word " * 200
    a = Analysis(doc_id="d", quotes=(Quote((Span(0, len(long), long),), None, None, "X", False),))
    out = render(a)
    assert "…" in out and len(out) < 600
    assert "[indirect] -: word word" in out  # no cue: shown as "-"


def test_failed_and_empty():
    assert render(Analysis.failed("bad", "bad.txt: is empty; give a file")) == \
        "ERROR bad: bad.txt: is empty; give a file\n"
    out = render(Analysis(doc_id="quiet"))
    assert "publication date unknown" in out and "no attributed statements found" in out


def test_group_by_speaker_puts_unresolved_last():
    groups = group_by_speaker(ANALYSIS.quotes)
    assert [name for name, _ in groups] == ["Claire Dubois", "Marcus Feld", "(speaker not resolved)"]
