"""Verifiers: calendar observances, reference series, fact tables.

tables_for(reference, facts) loads the user's tables (Options.reference and Options.facts) once
per list of paths and keeps them for the process. A table that cannot be loaded makes the checks
that need it `unverifiable`, with the reason; the CLI stops on it before any article instead.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .tables import Table, TableError, load_facts, load_reference

__all__ = ["tables_for", "Tables", "TableError", "Table"]


@dataclass
class Tables:
    reference: list = field(default_factory=list)  # [Table]
    facts: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # messages of tables that could not be loaded
    problems: list = field(default_factory=list)  # "file: line N: ..." of skipped rows


@functools.lru_cache(maxsize=16)
def tables_for(reference: tuple = (), facts: tuple = ()) -> Tables:
    """The tables at these paths, loaded once; what cannot be loaded is listed in `errors`."""
    t = Tables()
    for paths, loader, into in ((reference, load_reference, t.reference), (facts, load_facts, t.facts)):
        for p in paths:
            try:
                into.append(loader(p))
            except TableError as exc:
                t.errors.append(str(exc))
    for tab in t.reference + t.facts:
        t.problems += [f"{tab.path}: {p}" for p in tab.problems]
    return t
