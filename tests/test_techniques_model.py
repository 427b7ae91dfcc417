"""The technique tagger: decoding, attribution, the component and its switch, the artifact, and a
smoke run of the training code on a tiny invented set."""
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from presswatch import Options, analyze
from presswatch.nlp.techniques import TECHNIQUES
from presswatch.nlp.techniques.attribution import attribute
from presswatch.nlp.techniques.model import artifact, calibrated, runs, span_runs

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("The corrupt, lying elites have betrayed our glorious nation again and again, senator Ray Ortiz said.\n"
        "\"These traitors will destroy everything we love,\" Ortiz told a rally on Monday.\n"
        "Critics said the plan was a disgrace. Will anyone stop this madness?\n")


def test_runs_and_hysteresis_gap_and_sentence_cut():
    assert runs(np.array([0, 1, 1, 0, 1], dtype=bool)) == [(1, 3), (4, 5)]
    toks = [(i * 2, i * 2 + 1, i == 3) for i in range(8)]  # token 3 is punctuation
    p = np.array([0.1, 0.25, 0.5, 0.3, 0.0, 0.25, 0.25, 0.1])
    one = np.zeros(8, dtype=int)
    assert span_runs(p, toks, 0.2, 0.4, 0, one) == [(1, 3)]  # 5-6 never reaches 0.4; the trailing "." trimmed
    assert span_runs(p, toks, 0.2, 0.4, 1, one) == [(1, 7)]  # a one-token gap joined
    two = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    assert span_runs(p, toks, 0.2, 0.4, 1, two) == [(1, 3)]  # never joined over a sentence end
    p2 = np.array([0.5] * 8)
    assert span_runs(p2, toks, 0.2, 0.4, 0, two) == [(0, 3), (4, 8)]  # a run cut where its sentence ends


def test_calibration_is_monotonic_and_bounded():
    model = artifact()
    for h in range(len(TECHNIQUES)):
        values = [calibrated(model, h, r) for r in (0.001, 0.05, 0.2, 0.5, 0.9)]
        assert all(0.0 <= v <= 1.0 for v in values) and values == sorted(values)


def test_attribution_direct_reported_mixed_and_outlet():
    text = 'Ann Lee said "the cruel regime lies" and that the cruel regime fell. The cruel regime was "a wicked gang".'
    q_direct = {"kind": "direct", "content": [{"start": 13, "end": 36}], "speaker": "Ann Lee", "speaker_id": "p1"}
    q_reported = {"kind": "indirect", "content": [{"start": 46, "end": 68}], "speaker": "Ann Lee", "speaker_id": "p1"}
    q_mixed = {"kind": "mixed", "content": [{"start": 69, "end": 106}], "speaker": "Bo", "speaker_id": None}
    spans = [{"start": s, "end": s + 5, "technique": "Loaded_Language", "confidence": 0.5}
             for s in (text.index("cruel"), text.index("cruel", 40), text.index("cruel", 70))]
    spans.append({"start": text.index("wicked"), "end": text.index("wicked") + 6, "technique": "Name_Calling,Labeling",
                  "confidence": 0.4})
    out = attribute(text, spans, [q_direct, q_reported, q_mixed])
    assert [(o["used_by"], o["speaker"], o["statement"]) for o in out] == [
        ("speaker", "Ann Lee", 0), ("outlet", "Ann Lee", 1), ("outlet", "Bo", 2), ("speaker", "Bo", 2)]
    assert out[0]["speaker_id"] == "p1" and out[0]["text"] == "cruel"
    assert attribute(text, spans[:1], [])[0]["used_by"] == "outlet"


def test_component_output_contract_and_switch():
    a = analyze(TEXT)
    assert a.status == "ok" and a.techniques, "the shipped model finds no persuasion in a loaded text"
    for t in a.techniques:
        assert TEXT[t.span.start:t.span.end] == t.span.text and t.span.text.strip() == t.span.text
        assert t.technique in TECHNIQUES and 0.0 <= t.confidence <= 1.0 and t.used_by in ("speaker", "outlet")
    quoted = [t for t in a.techniques if t.used_by == "speaker"]
    assert all(t.speaker == "Ray Ortiz" for t in quoted)
    assert analyze(TEXT, Options().with_(techniques=False)).techniques == ()
    floor = max(t.confidence for t in a.techniques)
    assert all(t.confidence >= floor for t in analyze(TEXT, Options().with_(technique_floor=floor)).techniques)
    d = a.to_dict()["techniques"][0]
    assert set(d) >= {"start", "end", "text", "technique", "confidence"}


def test_artifact_holds_no_text():
    path = ROOT / "src/presswatch/data/technique_model.npz"
    assert path.stat().st_size < 5 * 2 ** 20
    with np.load(path, allow_pickle=False) as arrays:
        names = [str(f) for f in arrays["features"]] + [str(f) for f in arrays["c_features"]]
        meta = json.loads(str(arrays["meta"]))
    assert max(len(n.split(":", 1)[-1].replace("|", " ").split()) for n in names) <= 2  # words and bigrams only
    assert "PTC" in meta["trained_on"] and meta["dev"]["SI_F1"] > 0


def _trainer():
    spec = importlib.util.spec_from_file_location("train_techniques", ROOT / "scripts/train_techniques.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_smoke_run_learns_a_marked_word():
    tt = _trainer()
    rng = np.random.default_rng(0)
    docs = []
    for k in range(12):
        words = [str(w) for w in rng.choice(["the", "plan", "was", "said", "vote"], 40)]
        for i in range(k % 5, 40, 7):  # the marked word, never twice in a row
            words[i] = "awful"
        tokens = [(i * 6, i * 6 + 5, False) for i in range(40)]
        gold = [{"start": i * 6, "end": i * 6 + 5, "technique": "Loaded_Language"} for i, w in enumerate(words)
                if w == "awful"]
        docs.append({"doc_id": f"d{k}", "gold": gold, "tokens": tokens, "feats": [["b", f"w:{w}"] for w in words],
                     "tensor": np.zeros((40, 4), np.float16), "sents": np.zeros(40, dtype=np.int32),
                     "y": tt.labels(tokens, gold)})
    hp = dict(tt.HP, min_count=1, epochs=20, rate=0.3)
    model = dict(tt.train(docs, hp), **tt.train_classifier(tt.span_rows(None, docs, tt.scores_of(tt.train(docs, hp), docs)), hp))
    model["decoding"] = (0.5, 0.5, 0, 2.0)
    pred = tt.spans_at(model, docs[:1], tt.scores_of(model, docs[:1]))[0]
    assert {(p["start"], p["end"]) for p in pred} == {(g["start"], g["end"]) for g in docs[0]["gold"]}
    assert all(p["technique"] == "Loaded_Language" for p in pred)


@pytest.mark.parametrize("raw", [0.0, 1.0])
def test_calibrated_handles_the_ends(raw):
    assert 0.0 <= calibrated(artifact(), 0, raw) <= 1.0
