"""fast_pos must give the POS the model's own attribute_ruler gives."""
import spacy


def test_fast_pos_agrees_with_the_attribute_ruler(nlp):
    reference = spacy.load(nlp._presswatch_model, exclude=["lemmatizer"])
    texts = [p.read_text(encoding="utf-8") for p in sorted(__import__("pathlib").Path("samples").glob("*.txt"))]
    texts.append("There is nothing he didn't do. That is what she said; those who know him agree, "
                 "but he has had enough and does not care whether it's over.")
    same = total = 0
    for ours, ref in zip(nlp.pipe(texts), reference.pipe(texts)):
        assert [t.text for t in ours] == [t.text for t in ref]
        for a, b in zip(ours, ref):
            if a.tag_ == b.tag_ and a.dep_ == b.dep_:  # same tagger/parser decision: POS must agree
                total += 1
                same += a.pos_ == b.pos_
    assert total > 200
    assert same == total
