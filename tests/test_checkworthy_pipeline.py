"""Check-worthiness in every result: sentences ranked, claims scored and linked to the statement
and speaker they sit in; kept by the store, shown by the report and the web page, searchable by score."""
from presswatch import Article, Options, analyze
from presswatch.render import render

TEXT = ("Harbour council raises the transit budget\n\n"
        "Mayor Jane Moss said the city cut bus fares by 40 percent last year, more than any other city "
        "in the province.\n\n"
        "Good evening to everyone who came out tonight.\n\n"
        "The council voted 7-2 on Tuesday to spend $12 million on new buses.\n")


def test_sentences_are_ranked_and_claims_know_their_speaker():
    a = analyze(Article("cw", TEXT, published="2024-03-05"), Options(checkworthy_floor=0.0))
    scores = [c.score for c in a.checkworthy]
    assert scores == sorted(scores, reverse=True) and all(0.0 <= s <= 1.0 for s in scores)
    texts = [c.span.text for c in a.checkworthy]
    assert all(TEXT[c.span.start:c.span.end] == c.span.text for c in a.checkworthy)
    greeting = texts.index("Good evening to everyone who came out tonight.")
    assert greeting > texts.index("The council voted 7-2 on Tuesday to spend $12 million on new buses.")
    fares = next(c for c in a.checkworthy if "bus fares" in c.span.text)
    assert fares.speaker == "Jane Moss" and a.quotes[fares.statement].speaker == "Jane Moss"
    percent = next(c for c in a.claims if "40 percent" in c.span.text)
    assert percent.speaker == "Jane Moss" and percent.score == round(fares.score, 3)


def test_the_floor_leaves_out_the_less_worthy():
    every = analyze(Article("cw", TEXT), Options(checkworthy_floor=0.0)).checkworthy
    high = analyze(Article("cw", TEXT), Options(checkworthy_floor=0.99)).checkworthy
    assert len(every) >= 4 and len(high) < len(every)
    assert all(c.score >= 0.99 for c in high)


def test_report_lists_the_top_sentences():
    a = analyze(Article("cw", TEXT), Options(checkworthy_floor=0.0))
    out = render(a)
    assert "Worth checking (top" in out and f"{a.checkworthy[0].score:.2f}" in out


def test_the_store_keeps_scores_and_search_sorts_claims_by_score(tmp_path):
    from presswatch.corpus.ingest import ingest
    from presswatch.store import Search, open_store
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    with open_store(f"sqlite:///{tmp_path}/c.db") as store:
        ingest([str(path)], store, Options(checkworthy_floor=0.0))
        hits = store.search(Search(target="claims", order="score")).hits
        assert hits and [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
        stored = store.article(hits[0]["article_id"])
        assert stored["checkworthy"] and stored["checkworthy"][0]["score"] >= stored["checkworthy"][-1]["score"]
        assert any(c["speaker_name"] == "Jane Moss" and c["statement_id"] for c in stored["claims"])
