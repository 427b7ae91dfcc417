"""The optional parts of presswatch and what each needs installed: the core (analyze, ingest into
SQLite, search) needs none of them. A command that needs a missing extra stops with one line
naming it."""
from __future__ import annotations

import importlib.util

from .errors import PresswatchError

EXTRAS = {
    "web": ("fastapi", "jinja2", "uvicorn"),  # presswatch serve
    "batch": ("dask", "distributed", "pyarrow"),  # presswatch batch, reading its Parquet output
    "postgres": ("psycopg",),  # a postgresql:// store
}


class MissingExtra(PresswatchError):
    """A command needs an optional dependency that is not installed."""


def missing(extra: str) -> list[str]:
    return [m for m in EXTRAS[extra] if importlib.util.find_spec(m) is None]


def require(extra: str, what: str) -> None:
    """Raise MissingExtra when `what` (a command or feature) cannot run for lack of `extra`."""
    gone = missing(extra)
    if gone:
        raise MissingExtra(f"{what} needs the {extra} extra ({', '.join(gone)} not installed): "
                           f"pip install 'presswatch[{extra}]'")
