"""What every presswatch component shares: its Options (configured, or passed per call through the
`as_tuples` context by presswatch's own pipeline) and what happens when it fails on a doc."""
from __future__ import annotations

from typing import Literal

from ..errors import PresswatchError
from ..options import Options

OnError = Literal["raise", "record"]


def context_of(doc) -> dict:
    """The `as_tuples` context of a doc being processed by nlp.pipe, when it is a dict."""
    ctx = getattr(doc, "_context", None)
    return ctx if isinstance(ctx, dict) else {}


class Step:
    """A presswatch pipeline component. `on_error="raise"` (a spaCy user's default) lets a failure
    propagate; presswatch's own pipeline uses "record": the failure is written to
    doc._.presswatch_error and the later steps pass the doc on, so one bad article fails alone."""
    name = "presswatch"

    def __init__(self, options: Options, on_error: OnError = "raise"):
        if on_error not in ("raise", "record"):
            raise PresswatchError(f"{self.name}: on_error={on_error!r}; use 'raise' or 'record'")
        self.options = options
        self.on_error = on_error

    def __call__(self, doc):
        if doc._.presswatch_error is not None:
            return doc
        opts = context_of(doc).get("options") or self.options
        try:
            self.run(doc, opts)
        except Exception as exc:
            if self.on_error == "raise":
                raise
            doc._.presswatch_error = {"step": self.name, "type": type(exc).__name__, "message": str(exc),
                                      "expected": isinstance(exc, PresswatchError)}
        return doc

    def run(self, doc, options: Options) -> None:
        raise NotImplementedError
