"""Analyses for the web app's /analyze page, off the event loop, bounded in number and in time.

Each analysis runs in a worker process (spawned, so it shares nothing with the server's threads) that
loads presswatch's pipeline once and then analyses one article at a time with the server's Options.
At most `workers` run at once and `queue` more wait; a request past them is refused at once (Busy),
never queued without end. An analysis that takes longer than `timeout` seconds is stopped by killing
its process (a thread could only stop waiting for it), and a fresh process takes its place: the time
limit frees the CPU and the memory too. Loading the pipeline is not counted in the time limit.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import queue as queues
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Callable, Optional, TypeVar

from ..errors import PresswatchError
from ..options import Options
from ..records import Analysis, Article

log = logging.getLogger("presswatch.web")
T = TypeVar("T")
START_TIMEOUT = 300.0  # seconds a worker may take to load the pipeline (a cold disk, a busy machine)


class Busy(PresswatchError):
    """Every worker is busy and the queue is full: the client should try again shortly."""


class TimedOut(PresswatchError):
    """The analysis ran past its time limit and was stopped."""


def _work(conn, options: Options) -> None:
    """A worker process: load the pipeline, say so, then answer each Article with its Analysis."""
    from ..pipeline import analyze, get_nlp

    get_nlp(options)
    conn.send("ready")
    while True:
        try:
            article = conn.recv()
        except EOFError:  # the server went away
            return
        conn.send(analyze(article, options))


class Worker:
    """One worker process, started on first use and started again after it was stopped."""

    def __init__(self, options: Options):
        self.options = options
        self.process: Optional[multiprocessing.process.BaseProcess] = None
        self.conn: Optional[Connection] = None

    def start(self) -> None:
        if self.process is not None and self.process.is_alive():
            return
        ctx = multiprocessing.get_context("spawn")
        conn, child = ctx.Pipe()
        self.conn = conn
        self.process = ctx.Process(target=_work, args=(child, self.options), daemon=True,
                                   name="presswatch-analyze")
        self.process.start()
        child.close()
        try:
            ready = conn.poll(START_TIMEOUT) and conn.recv() == "ready"
        except (EOFError, OSError):  # it died while starting (its traceback is on stderr)
            ready = False
        if not ready:
            self.stop()
            raise PresswatchError("the analysis worker did not start; the server's log says why")

    def analyze(self, article: Article, timeout: float) -> Analysis:
        self.start()
        assert self.conn is not None
        try:
            self.conn.send(article)
            if self.conn.poll(timeout):
                return self.conn.recv()
        except (EOFError, OSError):
            self.stop()
            raise PresswatchError("the analysis worker stopped (it may have run out of memory); try again") from None
        self.stop()
        raise TimedOut(f"the analysis took longer than {timeout:g} seconds and was stopped; "
                       f"analyse a shorter text, or ask whoever runs the server to raise --analyze-timeout")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.process = self.conn = None


class AnalysisPool:
    """`workers` worker processes; `analyze` (blocking: call it on a thread) runs one analysis."""

    def __init__(self, options: Options, workers: int = 1, queue: int = 4, timeout: float = 60.0):
        self.timeout = timeout
        self._all = [Worker(options) for _ in range(workers)]
        self._idle: queues.Queue[Worker] = queues.Queue()
        for w in self._all:
            self._idle.put(w)
        self._admitted = threading.BoundedSemaphore(workers + queue)  # running and waiting
        # the threads that wait on the workers: their own, so the app's threads stay free for reading
        self._threads = ThreadPoolExecutor(workers + queue, thread_name_prefix="presswatch-analyze")

    async def run(self, job: Callable[[], T]) -> T:
        """`job()` (which calls `analyze`) on a thread of the pool, or Busy at once when the
        running and waiting places are all taken."""
        if not self._admitted.acquire(blocking=False):
            raise Busy("the server is busy analysing other texts; try again in a minute")

        def guarded():
            try:
                return job()
            finally:  # the place is freed when the job ends, even when its client has gone
                self._admitted.release()
        try:
            done = self._threads.submit(guarded)
        except RuntimeError:  # shut down
            self._admitted.release()
            raise Busy("the server is shutting down; try again shortly") from None
        return await asyncio.shield(asyncio.wrap_future(done))  # a client gone cancels the wait, not the job

    def analyze(self, article: Article) -> Analysis:
        """The Analysis of `article` on the next free worker (blocking: call it inside `run`)."""
        worker = self._idle.get()
        try:
            return worker.analyze(article, self.timeout)
        finally:
            self._idle.put(worker)

    def warm(self) -> None:
        """Start every worker now, in the background, so the first text is not kept waiting."""
        def start_all():
            for _ in self._all:
                w = self._idle.get()
                try:
                    w.start()
                except PresswatchError as exc:
                    log.warning("%s", exc)
                finally:
                    self._idle.put(w)
        threading.Thread(target=start_all, daemon=True, name="presswatch-analyze-warm").start()

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
        for w in self._all:
            w.stop()
