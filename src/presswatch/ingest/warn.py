"""Warnings of the readers: what was read but not used, said in one line naming the input.

A blank JSONL line, a file of an unknown type in a folder, a `published` value that is not a date,
a doc_id given twice with different texts: the article (or file) is still read or skipped as before,
and the warning says so. A warning never changes the results: the same items come out in the same
order with or without it.

Every reader takes `warn`, a callable given each warning as one line ("a.jsonl:3: ..."). The CLI's
`analyze` and `ingest` print them on stderr as `presswatch: warning: ...`; a library caller that
gives none gets them as warnings of the logging logger "presswatch.ingest" (which Python prints on
stderr when logging is not configured), or passes its own (e.g. `warnings.append`).
"""
from __future__ import annotations

import logging
from typing import Callable, Optional

Warn = Callable[[str], None]
LOGGER = logging.getLogger("presswatch.ingest")


def log_warning(message: str) -> None:
    """The default `warn`: a warning of the "presswatch.ingest" logger."""
    LOGGER.warning(message)


def check_published(value: Optional[str], origin: str, warn: Warn) -> None:
    """Warn when a `published` value is one the analysis will not use as a date (it then looks for
    the date in the text); the value itself stays in the Article as given."""
    if value is None or not str(value).strip():
        return
    from ..nlp.publication import parse_given  # the analysis' own reading of the value

    date, year, note = parse_given(value)
    if date is None and year is None:
        warn(f"{origin}: published {quoted(value)} is not a date, so the analysis looks for the date in "
             f"the text; write it as YYYY-MM-DD")
    elif note:
        warn(f"{origin}: {note}")


def quoted(value: object, most: int = 80) -> str:
    """A value as it was given, quoted, cut to `most` characters: a warning stays one short line."""
    s = str(value)
    return repr(s if len(s) <= most else s[:most - 3] + "...")


def listed(names: list, most: int = 10) -> str:
    """"a, b, c" or "a, b, ... and 5 more": a list in one line of a warning."""
    shown = ", ".join(str(n) for n in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
