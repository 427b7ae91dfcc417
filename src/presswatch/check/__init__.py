"""Verifiers: calendar observances, reference series, fact tables.

configure(reference=[...], facts=[...]) loads the user's tables once (the CLI's --reference and
--facts); without it, the PRESSWATCH_REFERENCE and PRESSWATCH_FACTS settings name them. A table
that cannot be loaded there makes the checks that need it `unverifiable`, with the reason.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .. import settings
from .tables import Table, TableError, load_facts, load_reference

__all__ = ["configure", "current", "Tables", "TableError"]


@dataclass
class Tables:
    reference: list = field(default_factory=list)  # [Table]
    facts: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # messages of tables that could not be loaded
    problems: list = field(default_factory=list)  # "file: line N: ..." of skipped rows


_configured: Tables | None = None
_from_env: dict = {}


def configure(reference=(), facts=()) -> Tables:
    """Load the tables now; raise TableError for a file that cannot be used at all."""
    global _configured
    t = Tables()
    for p in reference:
        t.reference.append(load_reference(p))
    for p in facts:
        t.facts.append(load_facts(p))
    for tab in t.reference + t.facts:
        t.problems += [f"{tab.path}: {p}" for p in tab.problems]
    _configured = t
    return t


def reset() -> None:
    global _configured
    _configured = None
    _from_env.clear()


def current() -> Tables:
    """The configured tables, else those the settings name (loaded once per value)."""
    if _configured is not None:
        return _configured
    key = (settings.get("reference"), settings.get("facts"))
    if key not in _from_env:
        t = Tables()
        for raw, loader, into in ((key[0], load_reference, t.reference), (key[1], load_facts, t.facts)):
            for p in [x for x in (raw or "").split(os.pathsep) if x.strip()]:
                try:
                    into.append(loader(p))
                except TableError as exc:
                    t.errors.append(str(exc))
        _from_env.clear()
        _from_env[key] = t
    return _from_env[key]
