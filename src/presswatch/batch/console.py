"""Progress of a batch on stderr: a rich bar on a terminal, elsewhere (logs, CI) a plain line per
finished partition, at most one every few seconds, and always the last."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager


@contextmanager
def progress_display(stream=None, every: float = 5.0):
    stream = stream or sys.stderr
    if stream.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("partitions"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=Console(file=stream)) as bar:
            task = bar.add_task("", total=None)

            def update(s):
                bar.update(task, completed=s.done, total=s.partitions, description=_line(s))
            yield update
        return

    last = [0.0]

    def plain(s):
        now = time.monotonic()
        if now - last[0] >= every or s.done == s.partitions:
            last[0] = now
            print(f"presswatch: batch: {s.done}/{s.partitions} partitions, {_line(s)}", file=stream, flush=True)
    yield plain


def _line(s) -> str:
    fp = f", {len(s.failed_partitions)} partitions failed" if s.failed_partitions else ""
    return f"{s.ok} articles ok, {s.failed} failed{fp}, {s.rate:.1f} articles/s"
