"""A confidence per statement, and one option to trade recall for precision."""

TEXT = ("Mayor Lena Park said that the budget was balanced.\n"
        "“We kept every promise,” Park told reporters.\n"
        "“The roads come next.”\n"
        "The union has called for an independent review of the contracts.\n")


def test_every_statement_has_a_confidence(quotes_of):
    qs = quotes_of(TEXT)
    assert len(qs) == 4
    assert all(0.0 < q.confidence < 1.0 for q in qs)
    # a quote with its own cue and named speaker is surer than one that floats after it
    direct = [q for q in qs if q.is_direct]
    assert direct[0].cue is not None and direct[1].cue is None
    assert direct[0].confidence > direct[1].confidence


def test_min_confidence_leaves_out_the_less_sure(quotes_of):
    from presswatch import Options

    everything = quotes_of(TEXT)
    floor = sorted(q.confidence for q in everything)[1] + 1e-6  # above the two least sure
    kept = quotes_of(TEXT, Options(min_confidence=floor))
    assert len(kept) == len(everything) - 2
    assert all(q.confidence >= floor for q in kept)


def test_a_bad_min_confidence_is_a_clear_error():
    import pytest

    from presswatch import Options, SettingError

    with pytest.raises(SettingError, match="PRESSWATCH_MIN_CONFIDENCE='high' is not valid: use a number from 0 to 1"):
        Options.from_env({"PRESSWATCH_MIN_CONFIDENCE": "high"})
    with pytest.raises(SettingError, match="min_confidence=1.5 is not valid"):
        Options(min_confidence=1.5)
