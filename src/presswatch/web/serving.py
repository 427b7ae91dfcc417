"""presswatch serve: uvicorn over the app, in one process or N worker processes, with limits for
slow and idle clients.

What uvicorn 0.54 offers, and what is used:
- `timeout_keep_alive`: an idle keep-alive connection is closed this long after its last response.
- `h11_max_incomplete_event_size`: a request line and headers still incomplete past this size are a
  400 (a head that arrives whole in one read may be larger: memory stays bounded by this plus a read).
- `limit_concurrency`: past this many connections (or tasks) in a worker, a request gets a 503.
- `timeout_graceful_shutdown`: on SIGTERM, requests in flight get this long before the worker stops.
- No timeout on receiving a request: uvicorn arms no timer when a client connects, and it cancels the
  keep-alive timer at the first byte of the next request. A client that connects and sends nothing,
  or half a request line, or one header byte now and then (slowloris), keeps its connection, and a
  place under limit_concurrency, for ever. `RequestTimeoutH11` adds that timeout to uvicorn's h11
  protocol: a client has `request_timeout` seconds from connecting (or from the first byte after a
  response) to send its whole request; bytes that trickle in do not extend it.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial
from typing import Any, Optional

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import SettingError


@dataclass(frozen=True)
class Limits:
    workers: int = 1  # worker processes (1: the server runs in this process, as before)
    request_timeout: float = 10.0  # seconds to send a whole request (line, headers, body)
    keep_alive: int = 5  # seconds an idle keep-alive connection stays open
    max_head_bytes: int = 16 * 1024  # request line and headers still incomplete past this: a 400
    concurrency: int = 1000  # connections and tasks per worker; past them a request gets a 503
    graceful_shutdown: int = 10  # seconds requests in flight get on SIGTERM
    threads: int = 4  # threads per worker running the (blocking) routes; see worker_threads

    def __post_init__(self):
        for name, low in (("workers", 1), ("request_timeout", 0.1), ("keep_alive", 1), ("max_head_bytes", 1024),
                          ("concurrency", 1), ("graceful_shutdown", 0), ("threads", 1)):
            if getattr(self, name) < low:
                raise SettingError(f"serve: {name} must be at least {low}, not {getattr(self, name)!r}")


class ServeConfig(uvicorn.Config):
    """uvicorn's Config with the request timeout that RequestTimeoutH11 reads (pickled to workers)."""
    request_timeout: float = Limits.request_timeout


class RequestTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol with a timeout on receiving a request (see the module's docstring)."""

    _request_timer: Optional[asyncio.TimerHandle] = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        # IDLE: the request line and headers are not all in; SEND_BODY: its body is not
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
            self._arm()
        else:
            self._disarm()

    def connection_lost(self, exc: Optional[Exception]) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._request_timer is None and not self.transport.is_closing():
            timeout = getattr(self.config, "request_timeout", Limits.request_timeout)
            self._request_timer = self.loop.call_later(timeout, self._expired)

    def _disarm(self) -> None:
        if self._request_timer is not None:
            self._request_timer.cancel()
            self._request_timer = None

    def _expired(self) -> None:
        self._request_timer = None
        if not self.transport.is_closing():
            self.logger.info("closing a connection whose request did not arrive in time")
            self.transport.close()


def worker_threads(app, threads: int):
    """Run the app's blocking routes on `threads` threads of the worker (anyio's default is 40).
    Under load the routes' Python code runs one thread at a time anyway (the GIL); SQLite reads
    without it, so a few threads let reading and rendering overlap, and more only make them take
    turns for the GIL, which costs CPU and lets the unlucky wait: measured with bench/corpus_bench.py
    --load (20 clients, one worker) 7.3 ms of CPU a request and a search p95 of 259 ms with 40
    threads, 6.4 ms and 187 ms with 4."""
    def limit():
        import anyio.to_thread
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
    app.router.add_event_handler("startup", limit)
    return app


def worker_app(db_url: str, threads: int, analyze=None):
    """The app a worker process serves: built there, with its own store connections (and, with
    `analyze`, its own analysis workers; the settings' token key is the same in every worker)."""
    from . import create_app
    return worker_threads(create_app(db_url, analyze=analyze), threads)


def config(app: Any, host: str = "127.0.0.1", port: int = 8000, limits: Limits = Limits(),
           **more: Any) -> ServeConfig:
    """The uvicorn configuration `presswatch serve` runs `app` with (`more`: other Config arguments)."""
    more.setdefault("log_level", "warning")
    cfg = ServeConfig(app, host=host, port=port, http=RequestTimeoutH11, workers=limits.workers,
                      timeout_keep_alive=limits.keep_alive, h11_max_incomplete_event_size=limits.max_head_bytes,
                      limit_concurrency=limits.concurrency, timeout_graceful_shutdown=limits.graceful_shutdown,
                      **more)
    cfg.request_timeout = limits.request_timeout
    return cfg


def serve(db_url: str, host: str, port: int, limits: Limits = Limits(), announce=None, analyze=None) -> None:
    """Serve the store at `db_url` until interrupted; `announce(store_url)` once it is open; with
    `analyze` (web.analyze.AnalyzeSettings) the /analyze page too."""
    from uvicorn.supervisors import Multiprocess

    app = worker_app(db_url, limits.threads, analyze)  # opens the store: a missing corpus is one line, before any worker
    if announce:
        announce(app.state.store.url)
    if limits.workers == 1:
        uvicorn.Server(config(app, host, port, limits)).run()
        return
    app.state.store.close()
    if getattr(app.state, "write_store", None) is not None:
        app.state.write_store.close()
    # each worker builds its own app (and store connections) from this picklable factory
    cfg = config(partial(worker_app, db_url, limits.threads, analyze), host, port, limits, factory=True)
    Multiprocess(cfg, sockets=[cfg.bind_socket()]).run()
