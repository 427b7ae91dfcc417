"""Every span anywhere in an analysis slices the article text to its own `text`, whatever the text:
random words, quotation marks, digits, dates, calendar words and control characters (Hypothesis;
bench/fuzz_analysis.py runs the same property longer, for releases)."""
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from presswatch import Article, Options, analyze

WORDS = ["said", "says", "told", "according to", "Mayor", "Lena", "Park", "she", "he", "they", "the", "minister",
         "Quds", "Day", "Ramadan", "Friday", "April", "5", "2024", "in", "on", "more", "than", "37,000",
         "people", "percent", "%", "$", "3.5", "million", "last", "year", "ago", "that", "would", "—", "-",
         "TEHRAN", "(", ")", ":", ";", ",", ".", "!", "?", "“", "”", '"', "‘", "’", "'", "«", "»", "''", "``",
         "\n", "\n\n", "\t", "\u200b", "\u00ad", "\x00", "\x0b", "\x1f", "\ufeff", "é", "Ü", "日本"]

texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), min_size=1, max_size=60).map(" ".join)


def spans_of(a):
    """(where, span) of every span in the analysis."""
    for q in a.quotes:
        for c in q.content:
            yield "quote content", c
        for name in ("source", "cue"):
            if getattr(q, name) is not None:
                yield f"quote {name}", getattr(q, name)
    for s in a.speakers:
        for m in s.mentions:
            yield "speaker mention", m
    for e in a.entities:
        yield "entity", e.span
    for c in a.claims:
        yield "claim", c.span
        if c.cited_source is not None:
            yield "claim cited source", c.cited_source
    for t in a.times:
        yield "time", t.span


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["speech", "broad"]))
@example("said 24in 2024", "speech")  # a historical date whose subject follows its verb: start was after end
@example("“" * 40 + " said Park " + "”" * 40, "broad")
def test_every_span_slices_the_text_to_its_own_text(text, scope):
    a = analyze(Article("fuzz", text), Options(attribution_scope=scope))
    if not text.strip():
        assert a.status == "error" and "no text" in a.error
        return
    assert a.status == "ok", a.error
    for where, s in spans_of(a):
        assert 0 <= s.start <= s.end <= len(text), (where, s)
        assert text[s.start:s.end] == s.text, (where, s)
    for q in a.quotes:
        assert 0.0 < q.confidence < 1.0 and q.kind in ("direct", "indirect", "mixed")
