"""A progress line for ingest on stderr: articles done, articles/s, duplicates and errors."""
from __future__ import annotations

import sys
from contextlib import contextmanager


@contextmanager
def progress_bar(stream=None):
    """Yields a callback for corpus.ingest(progress=...). A rich live bar on a terminal; elsewhere
    (logs, CI) a plain line every 100 articles."""
    stream = stream or sys.stderr
    if stream.isatty():
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=Console(file=stream), transient=False) as bar:
            task = bar.add_task("ingest", total=None)

            def update(r):
                bar.update(task, description=_line(r))
            yield update
        return

    def plain(r):
        if r.done % 100 == 0:
            print(_line(r), file=stream, flush=True)
    yield plain


def _line(r) -> str:
    c = r.counts
    return (f"{r.done} articles, {r.rate:.1f}/s: {c['ok']} stored, {c['duplicate']} duplicates, "
            f"{c['error']} errors")


def summary(r) -> str:
    return f"ingest run {r.run_id}: {_line(r)} in {r.seconds:.1f}s"
